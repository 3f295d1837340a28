-- 025_resident_smaller: the register takes less room on disk.
--
-- The search tables' posting lists are packed: a chunk's entries after its
-- first are kept as gaps from the entry before (src/postings.h), about 3
-- bytes an entry instead of 12, and the first, whole in the row's key, is
-- no longer repeated in the list. The residents' and volunteers' rows are
-- packed again by this migration's C step (db/migrate.c).
SELECT 1;
