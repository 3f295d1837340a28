-- 026_resident_times_read: a resident's times are worked out when read.
--
-- created_at and updated_at were columns the table computed from created_s
-- and updated_s (025). SQLite computes every generated column, VIRTUAL ones
-- too, for each row it inserts, even when nothing reads or checks them: a
-- date formatted twice a row, about a tenth of a first import's writing.
-- Reads now format the seconds themselves (db/resident_store.c), the same
-- text as before.
ALTER TABLE resident DROP COLUMN created_at;
ALTER TABLE resident DROP COLUMN updated_at;
