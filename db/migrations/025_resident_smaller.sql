-- 025_resident_smaller: the register takes less room on disk.
--
-- The search tables' posting lists are packed: a chunk's entries after its
-- first are kept as gaps from the entry before (src/postings.h), about 3
-- bytes an entry instead of 12, and the first, whole in the row's key, is
-- no longer repeated in the list. The residents' and volunteers' rows are
-- packed again by this migration's C step (db/migrate.c).
--
-- Lists for visits read residents by grid: the index keeps the grid alone
-- (about 1,000 residents a grid, sorted by address when read) instead of
-- every resident's address beside it.
DROP INDEX resident_grid;
CREATE INDEX resident_grid ON resident(grid_id);

-- When a resident was registered and last changed are kept as seconds (the
-- local time read as UTC: 4 bytes instead of 19 characters); created_at and
-- updated_at are columns the table computes from them, the same text as
-- before. A time that is not exactly YYYY-MM-DD HH:MM:SS is kept as its text
-- (db/resident_store.c writes them so too).
ALTER TABLE resident ADD COLUMN created_s NOT NULL DEFAULT '';
ALTER TABLE resident ADD COLUMN updated_s NOT NULL DEFAULT '';
UPDATE resident SET
    created_s = CASE WHEN strftime('%Y-%m-%d %H:%M:%S', created_at) IS created_at
                     THEN CAST(strftime('%s', created_at) AS INTEGER) ELSE created_at END,
    updated_s = CASE WHEN strftime('%Y-%m-%d %H:%M:%S', updated_at) IS updated_at
                     THEN CAST(strftime('%s', updated_at) AS INTEGER) ELSE updated_at END;
ALTER TABLE resident DROP COLUMN created_at;
ALTER TABLE resident DROP COLUMN updated_at;
ALTER TABLE resident ADD COLUMN created_at TEXT GENERATED ALWAYS AS (
    CASE WHEN typeof(created_s) = 'integer'
         THEN strftime('%Y-%m-%d %H:%M:%S', created_s, 'unixepoch') ELSE created_s END) VIRTUAL;
ALTER TABLE resident ADD COLUMN updated_at TEXT GENERATED ALWAYS AS (
    CASE WHEN typeof(updated_s) = 'integer'
         THEN strftime('%Y-%m-%d %H:%M:%S', updated_s, 'unixepoch') ELSE updated_s END) VIRTUAL;
