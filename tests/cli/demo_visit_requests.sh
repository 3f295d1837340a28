# The demo's request history holds the problems its building chief raised
# on visits: each request of the 楼长 channel in the chief's buildings in
# the last year has the visit it was taken down on (that day, by chief, in
# its building), the visit's organisation as its requester, and keeps the
# life the history gave it; a district without a history has none.
. "$(dirname "$0")/../lib.sh"

export BANGBAN_NOW=2026-11-30T09:00
DB="$T/r.db"
demo_at "$DB"
db_is "demo without requests: no visit raised one" "SELECT count(*) FROM visit_request" "0"

DB="$T/h.db"
run demo-history 0 "$BIN" --db "$DB" demo --requests 3000 --years 1
linked=$(sqlite3 "$DB" "SELECT count(*) FROM visit_request")
grep -q "$linked 件楼长走访登记的诉求已与其走访关联" "$T/demo-history.out" && [ "$linked" -gt 0 ] &&
    t_ok "demo --requests: visits whose problems are requests of the history ($linked)" ||
    t_fail "demo --requests: visits whose problems are requests of the history" "$linked" "$(cat "$T/demo-history.out")"
db_is "every chief-channel request of the chief's buildings in the year has its visit" \
    "SELECT count(*) FROM request r JOIN user_building ub ON ub.building_id = r.building_id
     JOIN \"user\" u ON u.id = ub.user_id AND u.login = 'chief'
     WHERE r.channel = 'chief' AND r.created_at >= strftime('%s', '2025-11-30 09:00', 'utc')
     AND r.id NOT IN (SELECT request_id FROM visit_request)" "0"
db_is "each is the 楼长 channel's, from the visit's organisation, in the visit's building, on its day, by chief" \
    "SELECT count(*) FROM visit_request vr JOIN visit v ON v.id = vr.visit_id JOIN request r ON r.id = vr.request_id
     JOIN organisation o ON o.id = v.organisation_id
     WHERE r.channel = 'chief' AND r.requester_kind = 'organisation' AND r.organisation_id = o.id
     AND r.requester = o.name AND o.building_id = r.building_id AND v.building_id = r.building_id
     AND v.day = date(r.created_at, 'unixepoch', 'localtime') AND v.visitor = 'chief'" "$linked"
db_is "the requests are still the history's: as many, each once" \
    "SELECT count(*) || ' ' || count(DISTINCT number) FROM request" "3000 3000"
db_is "their lives are the history's: each has its timeline from registration" \
    "SELECT count(*) FROM visit_request vr WHERE EXISTS (SELECT 1 FROM request_event e
     WHERE e.request_id = vr.request_id)" "$linked"
run visits-shown 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report visits --month \
    "$(sqlite3 "$DB" "SELECT substr(min(v.day), 1, 7) FROM visit v JOIN visit_request vr ON vr.visit_id = v.id")"
t_check "the database passes check" "$BIN" --db "$DB" check
t_sanitizers "demo visit requests"
