-- 018_visits: a building chief's visits (走访) to a building or one of its
-- organisations, and the requests the problems raised became, linked in
-- the same transaction as the visit. A request also names the
-- organisation (一企一档) that raised it, so an organisation's file lists
-- its requests.
CREATE TABLE visit (
    id              INTEGER PRIMARY KEY,
    building_id     INTEGER NOT NULL REFERENCES building(id),
    organisation_id INTEGER REFERENCES organisation(id),
    day             TEXT NOT NULL,
    way             TEXT NOT NULL CHECK (way IN ('door', 'phone', 'meeting', 'event')),
    met             TEXT NOT NULL DEFAULT '',
    topics          TEXT NOT NULL DEFAULT '',
    findings        TEXT NOT NULL DEFAULT '',
    visitor         TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL
);
CREATE INDEX visit_building ON visit(building_id, day);
CREATE INDEX visit_organisation ON visit(organisation_id, day) WHERE organisation_id IS NOT NULL;
CREATE INDEX visit_day ON visit(day);

CREATE TABLE visit_request (
    visit_id   INTEGER NOT NULL REFERENCES visit(id),
    request_id INTEGER NOT NULL UNIQUE REFERENCES request(id),
    PRIMARY KEY (visit_id, request_id)
) WITHOUT ROWID;

ALTER TABLE request ADD COLUMN organisation_id INTEGER REFERENCES organisation(id);
CREATE INDEX request_organisation ON request(organisation_id) WHERE organisation_id IS NOT NULL;
