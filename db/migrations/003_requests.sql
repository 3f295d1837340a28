-- 003_requests: the call platform. Units (责任单位) and the service
-- catalogue (红色帮办 服务清单), the working-day calendar deadlines run on,
-- evening-talk sessions (和平夜话), and requests (诉求) with their
-- append-only history. The rules of a request's life are not here but in
-- one table in src/workflow.c; deadlines are computed in C and stored.
-- A request's times are seconds since 1970 (UTC): a request carries over
-- a dozen of them and a district keeps half a million requests, so they
-- are kept as integers rather than as the text the reference tables use.

-- 责任单位: an administrative unit that handles requests.
CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    kind        TEXT NOT NULL DEFAULT '',  -- 区级部门, 垂直管理, 群团组织, 公共服务企业 ...
    phone       TEXT NOT NULL DEFAULT '',
    search_keys TEXT NOT NULL DEFAULT '',
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- 服务事项: one entry of the catalogue, owned by a unit, with its limits:
-- signing for it (签收) in working minutes, resolving it counted from 签收
-- in working days or, for emergencies, working hours.
CREATE TABLE service_item (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name           TEXT NOT NULL CHECK (name <> ''),
    unit_id        INTEGER NOT NULL REFERENCES unit(id),
    category       TEXT NOT NULL
                   CHECK (category IN ('dispute', 'service', 'key_task', 'enforcement', 'emergency')),
    description    TEXT NOT NULL DEFAULT '',
    materials      TEXT NOT NULL DEFAULT '',  -- 办理材料, separated by 、
    accept_minutes INTEGER NOT NULL CHECK (accept_minutes > 0),
    resolve_amount INTEGER NOT NULL CHECK (resolve_amount > 0),
    resolve_unit   TEXT NOT NULL CHECK (resolve_unit IN ('day', 'hour')),
    search_keys    TEXT NOT NULL DEFAULT '',
    retired        INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL
);
CREATE INDEX service_item_unit ON service_item(unit_id);

-- 工作日历: the days that differ from the rule (Monday to Friday work):
-- public holidays, and the weekend days worked instead (调休).
CREATE TABLE calendar (
    day  TEXT PRIMARY KEY,  -- YYYY-MM-DD
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- 和平夜话: an evening-talk session; the requests raised in it point to it.
CREATE TABLE evening_talk (
    id          INTEGER PRIMARY KEY,
    held_on     TEXT NOT NULL,             -- YYYY-MM-DD
    place       TEXT NOT NULL CHECK (place <> ''),
    officials   TEXT NOT NULL DEFAULT '',  -- names, separated by 、
    community_id INTEGER REFERENCES community(id),
    note        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX evening_talk_held ON evening_talk(held_on);

-- The last request number given out per year: numbers come from here
-- inside the write transaction, so two desks never get the same one.
CREATE TABLE request_seq (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- 诉求: one matter raised. status is one of the states of src/workflow.h;
-- due is the deadline of the clock running now (签收, 办结 or 回访), kept
-- by the store so the overdue queue is one index range.
CREATE TABLE request (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,      -- 2026-000123
    status          TEXT NOT NULL,
    channel         TEXT NOT NULL,             -- desk, chief, grid, evening_talk, phone, street_call
    kind            TEXT NOT NULL,             -- consult, help, complaint, report, suggestion
    category        TEXT NOT NULL,             -- the five of service_item.category
    item_id         INTEGER REFERENCES service_item(id),
    unit_id         INTEGER REFERENCES unit(id),
    first_unit_id   INTEGER REFERENCES unit(id), -- the unit it was first dispatched to
    returned_unit_id INTEGER REFERENCES unit(id), -- the unit that returned it first (退单率)
    requester_kind  TEXT NOT NULL CHECK (requester_kind IN ('resident', 'organisation', 'anonymous')),
    resident_id     INTEGER REFERENCES resident(id),
    requester       TEXT NOT NULL DEFAULT '',  -- the name as given (resident, organisation, person)
    requester_phone TEXT NOT NULL DEFAULT '',
    building_id     INTEGER REFERENCES building(id),
    grid_id         INTEGER REFERENCES grid(id),
    community_id    INTEGER REFERENCES community(id),
    level           INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 2), -- 社区, 街道, 区
    talk_id         INTEGER REFERENCES evening_talk(id),
    title           TEXT NOT NULL CHECK (title <> ''),
    detail          TEXT NOT NULL DEFAULT '',
    accept_minutes  INTEGER NOT NULL DEFAULT 0, -- the limits, as the item had them at intake
    resolve_amount  INTEGER NOT NULL DEFAULT 0,
    resolve_unit    TEXT NOT NULL DEFAULT 'day',
    first_dispatched_at INTEGER,
    dispatched_at   INTEGER,
    accept_due      INTEGER,
    accepted_at     INTEGER,
    contact_due     INTEGER,
    contacted_at    INTEGER,
    resolve_due     INTEGER,
    replied_at      INTEGER,
    followup_due    INTEGER,
    closed_at       INTEGER,
    due             INTEGER,                   -- the running clock's deadline; NULL when none runs
    answer          TEXT NOT NULL DEFAULT '',  -- the direct answer, or the unit's last reply
    close_reason    TEXT NOT NULL DEFAULT '',
    return_reason   TEXT NOT NULL DEFAULT '',
    resolved        INTEGER,                   -- follow-up: 1 solved, 0 not; NULL not asked
    satisfaction    TEXT,                      -- follow-up: satisfied, basic, unsatisfied
    attempts        INTEGER NOT NULL DEFAULT 0, -- follow-up calls not answered
    returns         INTEGER NOT NULL DEFAULT 0,
    reopens         INTEGER NOT NULL DEFAULT 0,
    extensions      INTEGER NOT NULL DEFAULT 0,
    ext_due         INTEGER,                   -- an extension asked for and not yet decided
    ext_reason      TEXT NOT NULL DEFAULT '',
    unreachable     INTEGER NOT NULL DEFAULT 0,
    duplicate_of    INTEGER REFERENCES request(id),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      INTEGER NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX request_status_due ON request(status, due);
CREATE INDEX request_due ON request(due) WHERE due IS NOT NULL;
CREATE INDEX request_extension ON request(ext_due) WHERE ext_due IS NOT NULL;
CREATE INDEX request_created ON request(created_at);
CREATE INDEX request_level ON request(level, created_at);
CREATE INDEX request_creator ON request(created_by, created_at);
CREATE INDEX request_unit ON request(unit_id, status);
CREATE INDEX request_resident ON request(resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX request_talk ON request(talk_id) WHERE talk_id IS NOT NULL;

-- The life of each request: every transition and note, in order. Rows are
-- never changed or removed.
CREATE TABLE request_event (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES request(id),
    at         INTEGER NOT NULL,   -- seconds since 1970
    actor      TEXT NOT NULL,       -- who typed it
    role       TEXT NOT NULL,       -- desk, unit, supervisor: on whose behalf
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    unit_id    INTEGER REFERENCES unit(id),
    text       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_event_request ON request_event(request_id, id);
CREATE TRIGGER request_event_append_only_update BEFORE UPDATE ON request_event
BEGIN SELECT RAISE(ABORT, 'request_event is append-only'); END;
CREATE TRIGGER request_event_append_only_delete BEFORE DELETE ON request_event
BEGIN SELECT RAISE(ABORT, 'request_event is append-only'); END;
