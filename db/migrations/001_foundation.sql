-- 001_foundation: the district's structure (streets, communities, grids,
-- buildings) and a table of facts about the database itself.
-- Pinyin search keys and timestamps are computed in C and stored in
-- ordinary columns. Rows people refer to are retired, never deleted.

PRAGMA application_id = 1111576135; -- 'BANG': this file is a bangban database

-- Facts about the database: ('district', '和平区'), ('demo', '1'), ...
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- 街道: a street office, the middle level of the call platform.
CREATE TABLE street (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL CHECK (name <> ''),
    search_keys TEXT NOT NULL DEFAULT '', -- pinyin keys, space-separated
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1, -- bumped by every save: two desks never overwrite each other
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- 社区: a community (residents' committee) within a street.
CREATE TABLE community (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL CHECK (name <> ''),
    street_id   INTEGER NOT NULL REFERENCES street(id),
    search_keys TEXT NOT NULL DEFAULT '',
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX community_street ON community(street_id);

-- 网格: the smallest area of care, walked by its grid workers.
CREATE TABLE grid (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name         TEXT NOT NULL CHECK (name <> ''),
    community_id INTEGER NOT NULL REFERENCES community(id),
    workers      TEXT NOT NULL DEFAULT '', -- grid workers' names, separated by 、
    search_keys  TEXT NOT NULL DEFAULT '',
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX grid_community ON grid(community_id);

-- 楼宇: a commercial building (商务楼宇) or a residential block (居民楼).
CREATE TABLE building (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL CHECK (name <> ''),
    address     TEXT NOT NULL DEFAULT '',
    street_id   INTEGER NOT NULL REFERENCES street(id),
    grid_id     INTEGER REFERENCES grid(id),
    kind        TEXT NOT NULL CHECK (kind IN ('commercial', 'residential')),
    search_keys TEXT NOT NULL DEFAULT '',
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX building_street ON building(street_id);
CREATE INDEX building_grid ON building(grid_id);
