-- 017_request_told: a building chief tells the enterprise or person who
-- raised a request from one of their buildings how it ended, then marks
-- it told: once per request, by whom and when (the audit log has it too).
CREATE TABLE request_told (
    request_id INTEGER PRIMARY KEY REFERENCES request(id),
    told_at    INTEGER NOT NULL,
    told_by    TEXT NOT NULL
);
-- A chief's queues are their buildings' requests: found by building.
CREATE INDEX request_building ON request(building_id, closed_at) WHERE building_id IS NOT NULL;
