-- 030_resident_phone: residents are found by the last digits of their
-- phone through a table of their own, each phone reversed beside its
-- resident, instead of an index of the resident table. An index is built
-- by one statement, which a first import's end had to hold the lock for
-- (2.6 s at 3,500,000 residents, a desk's save waiting behind it); this
-- table is filled a range of phones at a time, each its own short
-- transaction (db/resident_bulk.c), and kept by every save
-- (db/resident_store.c) as the index was by SQLite.
CREATE TABLE resident_phone (
    rev         TEXT NOT NULL,     -- resident.phone_rev: the phone reversed
    resident_id INTEGER NOT NULL,  -- resident.id
    PRIMARY KEY (rev, resident_id)
) WITHOUT ROWID;
INSERT INTO resident_phone (rev, resident_id)
    SELECT phone_rev, id FROM resident WHERE phone_rev IS NOT NULL ORDER BY 1, 2;
DROP INDEX resident_phone_rev;
