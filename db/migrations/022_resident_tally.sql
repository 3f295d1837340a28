-- 022_resident_tally: how many residents the register holds, by status,
-- kept beside the register so the home screen and an empty search read
-- four rows instead of counting every resident (at 3.5 million residents a
-- count(*) reads a whole index, mapped into every desk).
--
-- db/resident_tally.c keeps it, in the same transaction as each write that
-- adds a resident or changes one's status: a desk's save, an import row, a
-- move, a death, a return, a merge (db/resident_store.c), and a bulk load
-- (db/resident_bulk.c: one count at its end, not an update per row, which
-- a trigger would cost the load). `bangban check` counts the register
-- again and names a status whose tally disagrees; `check --fix` recounts.
CREATE TABLE resident_tally (
    status TEXT PRIMARY KEY CHECK (status IN ('', 'moved', 'deceased', 'merged')),
    n      INTEGER NOT NULL DEFAULT 0 CHECK (n >= 0)
) WITHOUT ROWID;
INSERT INTO resident_tally (status) VALUES (''), ('moved'), ('deceased'), ('merged');
UPDATE resident_tally SET n = (SELECT count(*) FROM resident r WHERE r.status = resident_tally.status);
