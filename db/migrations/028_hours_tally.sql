-- 028_hours_tally: the reports of service hours (a team's month, the
-- district's year by category) read each activity's counted records from
-- an index alone: volunteer and minutes beside the activity and day, and
-- only the confirmed records in it. They read each record's row before
-- (the district's year by category, 1,008,992 of 3,019,569 records, the
-- whole `bangban report` process, the sums made in one pass in C: 0.83-0.98 s
-- against 0.28-0.47 s).
CREATE INDEX service_record_counted_activity ON service_record(activity_id, day, counts_from,
    volunteer_id, minutes) WHERE confirmed_at <> '';
