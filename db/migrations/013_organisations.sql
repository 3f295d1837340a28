-- 一企一档: the register of organisations (enterprises and other bodies) in
-- the buildings. The credit code is unique when given (NULL when not); the
-- party organisation and stability grade are the practice's own words. An
-- organisation that moves out keeps its row with the date (moved_out):
-- rows are never deleted. rank is the name's pinyin order, computed in C.
CREATE TABLE organisation (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (name <> ''),
    credit_code    TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    building_id    INTEGER REFERENCES building(id),
    floor          TEXT NOT NULL DEFAULT '',
    room           TEXT NOT NULL DEFAULT '',
    industry       TEXT NOT NULL DEFAULT '',
    contact_name   TEXT NOT NULL DEFAULT '',
    contact_phone  TEXT NOT NULL DEFAULT '',
    employees      INTEGER NOT NULL DEFAULT 0 CHECK (employees >= 0),
    party_members  INTEGER NOT NULL DEFAULT 0 CHECK (party_members >= 0),
    party_org      TEXT NOT NULL DEFAULT '' CHECK (party_org IN ('', '独立', '联合', '无')),
    stability      TEXT NOT NULL DEFAULT ''
                   CHECK (stability IN ('', '稳定', '较稳定', '一般', '较不稳定', '不稳定')),
    moved_in       TEXT NOT NULL DEFAULT '',
    moved_out      TEXT NOT NULL DEFAULT '',
    rank           INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX organisation_order ON organisation(rank, id, moved_out);
CREATE INDEX organisation_building ON organisation(building_id, rank, id, moved_out);

-- What an organisation is found by as the clerk types (src/organisation.h):
-- n + a piece of its name, p + a pinyin key, c + an ending of its credit
-- code; each with the organisation's rank, so a term's rows come in name
-- order, and whether it moved out (gone), so a search counts the present
-- ones without reading their rows. Written by the store with the
-- organisation, in its transaction.
CREATE TABLE organisation_key (
    term            TEXT NOT NULL,
    rank            INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL,
    gone            INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),
    PRIMARY KEY (term, rank, organisation_id)
) WITHOUT ROWID;
