-- Calendar days are edited at desks like every other record: a version, so
-- that two desks never silently overwrite each other, and who changed a day
-- last and when.
ALTER TABLE calendar ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE calendar ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE calendar ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
