-- 志愿者: the volunteer register. A volunteer's public identifier is the
-- volunteer number (志愿者编号, src/volunteer.h: the year registered and a
-- serial, never the ID number); the national system's code is kept beside
-- it when the volunteer has one. A volunteer who is also a registered
-- resident points at that record (found by ID number). Rows are never
-- deleted: a volunteer who leaves is 注销 (status 'left').
CREATE TABLE volunteer (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE CHECK (number <> ''),
    national_code TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL CHECK (name <> ''),
    gender        TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'M', 'F')),
    birth_date    TEXT NOT NULL DEFAULT '',
    id_type       TEXT NOT NULL DEFAULT '',
    id_number     TEXT,                       -- NULL when none is on record
    phone         TEXT NOT NULL DEFAULT '',
    community_id  INTEGER REFERENCES community(id),
    skills        TEXT NOT NULL DEFAULT '',   -- 、-separated
    party_member  INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
    registered_on TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
    resident_id   INTEGER REFERENCES resident(id),
    rank          INTEGER NOT NULL DEFAULT 0, -- pinyin order of the name
    id_rev        TEXT,                       -- id_number reversed: unique, search by its last digits
    phone_rev     TEXT,                       -- phone reversed: search by its last digits
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
);
CREATE UNIQUE INDEX volunteer_id_rev ON volunteer(id_rev);
CREATE INDEX volunteer_phone_rev ON volunteer(phone_rev);
CREATE INDEX volunteer_resident ON volunteer(resident_id) WHERE resident_id IS NOT NULL;

-- The volunteers' names filed as the residents' are (db/postings.h).
CREATE TABLE volunteer_gram (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,
    n        INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (term, first)
) WITHOUT ROWID;
CREATE TABLE volunteer_key (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,
    n        INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (term, first)
) WITHOUT ROWID;
CREATE TABLE volunteer_key_inner (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,
    n        INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (term, first)
) WITHOUT ROWID;

-- 志愿服务队: an association, its teams and their groups (parent_id; no
-- cycles, checked by the store), a leader among the volunteers, the staff
-- member who manages it. Retired, never deleted.
CREATE TABLE team (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (name <> ''),
    parent_id    INTEGER REFERENCES team(id),
    leader_id    INTEGER REFERENCES volunteer(id),
    staff        TEXT NOT NULL DEFAULT '',
    community_id INTEGER REFERENCES community(id),
    founded      TEXT NOT NULL DEFAULT '',
    retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX team_parent ON team(parent_id) WHERE parent_id IS NOT NULL;

-- A volunteer's time in a team: joined, and left ('' while a member). A
-- stint that ended stays; joining again is a new row.
CREATE TABLE team_member (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES team(id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    joined       TEXT NOT NULL CHECK (joined <> ''),
    left_on      TEXT NOT NULL DEFAULT '' CHECK (left_on = '' OR left_on >= joined),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE UNIQUE INDEX team_member_current ON team_member(team_id, volunteer_id) WHERE left_on = '';
CREATE INDEX team_member_volunteer ON team_member(volunteer_id);
