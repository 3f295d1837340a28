-- 024_request_rates: the rates (三率) over a period read every request taken
-- down in it. This index holds, in the order they were taken down, the
-- columns those counts read (db/request_store.c, RATE_COLUMNS and the place
-- ids), so a year's rates read the index alone and not each request's row
-- among its text: 1.5 times a plain count of the year's requests rather
-- than 2.3 times. Its columns are to change with what the rates read.
CREATE INDEX request_rates ON request(created_at, unit_id, status, first_dispatched_at,
    dispatched_at, accept_due, accepted_at, contact_due, contacted_at, resolve_due, replied_at,
    resolved, satisfaction, first_unit_id, returned_unit_id, building_id, grid_id, community_id);
