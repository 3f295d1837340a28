-- 002_residents: residents, their tags and households, the side tables
-- that make search-as-you-type fast at district scale, and the audit log.
--
-- Search keys are computed in C and kept by the store, in the same
-- transaction as the resident row (a bulk load builds them once at the
-- end instead): no trigger, so nothing runs that the schema alone decides.

-- 标签: a care or status marker. Sensitive ones (health, specific identity)
-- are never shown in lists or masked exports.
CREATE TABLE tag (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    sensitive   INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
INSERT INTO tag (name, sensitive, created_at, created_by, updated_at, updated_by)
SELECT name, sensitive, now, 'bangban', now, 'bangban'
FROM (SELECT strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime') AS now),
     (SELECT '空巢老人' AS name, 0 AS sensitive UNION ALL SELECT '独居老人', 0
      UNION ALL SELECT '残疾人', 1 UNION ALL SELECT '低保户', 1
      UNION ALL SELECT '退役军人', 0 UNION ALL SELECT '党员', 0);

-- 居民: a person the centre serves.
CREATE TABLE resident (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (name <> ''),
    gender       TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'M', 'F')),
    ethnicity    TEXT NOT NULL DEFAULT '',
    birth_date   TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD
    id_number    TEXT,                       -- 18 characters; NULL when none is on record
    phone        TEXT NOT NULL DEFAULT '',   -- mobile, 11 digits
    landline     TEXT NOT NULL DEFAULT '',
    community_id INTEGER REFERENCES community(id),
    grid_id      INTEGER REFERENCES grid(id),
    community_text TEXT NOT NULL DEFAULT '', -- the community as a ledger wrote it, when not known here
    grid_text    TEXT NOT NULL DEFAULT '',   -- the grid as a ledger wrote it, when not known here
    address      TEXT NOT NULL DEFAULT '',   -- 楼栋-单元-室
    head_id      INTEGER REFERENCES resident(id), -- head of the household (self for the head)
    relation     TEXT NOT NULL DEFAULT '',   -- 与户主关系
    note         TEXT NOT NULL DEFAULT '',
    rank         INTEGER NOT NULL DEFAULT 0, -- pinyin order of the name, surname read as a surname
    id_rev       TEXT,                       -- id_number reversed: unique, and search by its last digits
    phone_rev    TEXT,                       -- phone reversed: search by its last digits
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
-- One index serves the ID number: unique, found whole or by its last digits.
CREATE UNIQUE INDEX resident_id_rev ON resident(id_rev);
CREATE INDEX resident_phone_rev ON resident(phone_rev);
CREATE INDEX resident_head ON resident(head_id) WHERE head_id IS NOT NULL;

CREATE TABLE resident_tag (
    resident_id INTEGER NOT NULL REFERENCES resident(id),
    tag_id      INTEGER NOT NULL REFERENCES tag(id),
    PRIMARY KEY (resident_id, tag_id)
) WITHOUT ROWID;

-- Posting lists (db/postings.h): for each term, chunks of entries (a
-- sort key putting whole-name, then start-of-name matches first, each in
-- pinyin order, and a resident id), so the best 50 are one chunk read.
-- resident_gram: every 1-, 2- and 3-character piece of each name (a Chinese
-- fragment of up to 3 characters is one list; a longer one is found by
-- intersecting the lists of its rarest two pieces); resident_key: the
-- pinyin keys of each name (zhangsan, zs, zhs, every reading of a
-- polyphonic given name).
CREATE TABLE resident_gram (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,    -- the chunk's first entry: chunks of a term sort by it
    n        INTEGER NOT NULL, -- entries in the chunk
    postings BLOB NOT NULL,    -- n entries of 12 bytes: 8-byte sort key, 4-byte resident id
    PRIMARY KEY (term, first)
) WITHOUT ROWID;

CREATE TABLE resident_key (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,
    n        INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (term, first)
) WITHOUT ROWID;

-- 操作日志: who did what, when, from where; rows are never changed or removed.
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    terminal TEXT NOT NULL DEFAULT '',
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL DEFAULT '',  -- e.g. resident:123; never an ID number itself
    detail   TEXT NOT NULL DEFAULT ''   -- e.g. which field, and the reason given
);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
