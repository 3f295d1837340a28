-- 025_resident_smaller: the register takes less room on disk.
--
-- The search tables' posting lists are packed: a chunk's entries after its
-- first are kept as gaps from the entry before (src/postings.h), about 3
-- bytes an entry instead of 12, and the first, whole in the row's key, is
-- no longer repeated in the list. The residents' and volunteers' rows are
-- packed again by this migration's C step (db/migrate.c).
-- A resident's ID number and phone reversed (found by their last digits)
-- are no longer stored beside them in the row: they are columns the table
-- computes, kept only in their indexes. The reversal is spelled out, for
-- the usual length first (18 characters of an ID number, 11 of a mobile)
-- and for up to 20 otherwise: a longer phone is found by its last 20.
DROP INDEX resident_id_rev;
DROP INDEX resident_phone_rev;
ALTER TABLE resident DROP COLUMN id_rev;
ALTER TABLE resident DROP COLUMN phone_rev;
ALTER TABLE resident ADD COLUMN id_rev TEXT GENERATED ALWAYS AS (
    CASE WHEN id_number <> '' THEN CASE length(id_number) WHEN 18 THEN
        substr(id_number, -1, 1) || substr(id_number, -2, 1) || substr(id_number, -3, 1) || substr(id_number, -4, 1) ||
        substr(id_number, -5, 1) || substr(id_number, -6, 1) || substr(id_number, -7, 1) || substr(id_number, -8, 1) ||
        substr(id_number, -9, 1) || substr(id_number, -10, 1) || substr(id_number, -11, 1) || substr(id_number, -12, 1) ||
        substr(id_number, -13, 1) || substr(id_number, -14, 1) || substr(id_number, -15, 1) || substr(id_number, -16, 1) ||
        substr(id_number, -17, 1) || substr(id_number, -18, 1)
    ELSE
        substr(id_number, -1, 1) || substr(id_number, -2, 1) || substr(id_number, -3, 1) || substr(id_number, -4, 1) ||
        substr(id_number, -5, 1) || substr(id_number, -6, 1) || substr(id_number, -7, 1) || substr(id_number, -8, 1) ||
        substr(id_number, -9, 1) || substr(id_number, -10, 1) || substr(id_number, -11, 1) || substr(id_number, -12, 1) ||
        substr(id_number, -13, 1) || substr(id_number, -14, 1) || substr(id_number, -15, 1) || substr(id_number, -16, 1) ||
        substr(id_number, -17, 1) || substr(id_number, -18, 1) || substr(id_number, -19, 1) || substr(id_number, -20, 1)
    END END) VIRTUAL;
ALTER TABLE resident ADD COLUMN phone_rev TEXT GENERATED ALWAYS AS (
    CASE WHEN phone <> '' THEN CASE length(phone) WHEN 11 THEN
        substr(phone, -1, 1) || substr(phone, -2, 1) || substr(phone, -3, 1) || substr(phone, -4, 1) ||
        substr(phone, -5, 1) || substr(phone, -6, 1) || substr(phone, -7, 1) || substr(phone, -8, 1) ||
        substr(phone, -9, 1) || substr(phone, -10, 1) || substr(phone, -11, 1)
    ELSE
        substr(phone, -1, 1) || substr(phone, -2, 1) || substr(phone, -3, 1) || substr(phone, -4, 1) ||
        substr(phone, -5, 1) || substr(phone, -6, 1) || substr(phone, -7, 1) || substr(phone, -8, 1) ||
        substr(phone, -9, 1) || substr(phone, -10, 1) || substr(phone, -11, 1) || substr(phone, -12, 1) ||
        substr(phone, -13, 1) || substr(phone, -14, 1) || substr(phone, -15, 1) || substr(phone, -16, 1) ||
        substr(phone, -17, 1) || substr(phone, -18, 1) || substr(phone, -19, 1) || substr(phone, -20, 1)
    END END) VIRTUAL;
CREATE UNIQUE INDEX resident_id_rev ON resident(id_rev);
CREATE INDEX resident_phone_rev ON resident(phone_rev);

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
