-- 008_resident_life: a resident's life on the register. A person who moved
-- away (迁出: when, and where to) or died (死亡: when) stays on file,
-- hidden from the desk's default list and search; a second record of one
-- person merged into the first stays too, saying which record it went into
-- (merged_into). Each change is written to the audit log with its reason.
-- Lists for visits read residents by grid: an index for that.
ALTER TABLE resident ADD COLUMN status TEXT NOT NULL DEFAULT ''
    CHECK (status IN ('', 'moved', 'deceased', 'merged'));
ALTER TABLE resident ADD COLUMN status_date TEXT NOT NULL DEFAULT '';   -- YYYY-MM-DD
ALTER TABLE resident ADD COLUMN status_place TEXT NOT NULL DEFAULT '';  -- where a resident moved to
ALTER TABLE resident ADD COLUMN merged_into INTEGER;  -- a resident's id; `bangban check` holds it to one
CREATE INDEX resident_grid ON resident(grid_id, address);
CREATE INDEX resident_merged ON resident(merged_into) WHERE merged_into IS NOT NULL;
