-- Names are filed under their pieces of 3 characters too (db/resident_keys.c),
-- so a fragment of 1 to 3 characters reads one posting list. A database
-- written before that is filed again here: the longer pieces are cleared,
-- then written by this migration's C step (db/migrate.c). An older bangban
-- kept this in a meta key; the schema version says it now.
DELETE FROM resident_gram WHERE length(term) > 2;
DELETE FROM meta WHERE key = 'name_pieces';
