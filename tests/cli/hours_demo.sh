# demo --hours-years: years of activities and service records for the demo
# volunteers, plausible by the rules: each record on its activity's day and
# within its times, one pair a volunteer a day (so no overlap, never a
# fourth), none before the volunteer registered; confirmed records count
# after the notice period, the last days' partly unconfirmed; a few late
# with a reason; some linked to closed requests; every star level reached
# by someone; a second run refused; the database passes check.
. "$(dirname "$0")/../lib.sh"

DB="$T/d.db"
export BANGBAN_NOW="2026-06-15 10:00:00"
run hours-demo 0 "$BIN" --db "$DB" demo --requests 300 --volunteers 2000 --hours-years 3
grep -q "已加入演示志愿活动 [0-9]* 场、服务记录 [0-9]* 条，共 3 年" "$T/hours-demo.out" && t_ok "demo --hours-years: says what it added" || t_fail "demo --hours-years: says what it added" "$(cat "$T/hours-demo.out")"
db_is "demo --hours-years: thousands of records, a few activities a month per team" \
    "SELECT (SELECT count(*) FROM service_record) > 30000, (SELECT count(*) FROM activity) BETWEEN 2 * 36 * (SELECT count(*) FROM team) AND 6 * 36 * (SELECT count(*) FROM team)" "1|1"
db_is "demo --hours-years: three years up to yesterday" \
    "SELECT min(day) >= '2023-06-15', max(day) = '2026-06-14' FROM service_record" "1|1"
db_is "demo --hours-years: every record on its activity's day, within its times" \
    "SELECT count(*) FROM service_record s JOIN activity a ON a.id = s.activity_id WHERE s.day <> substr(a.starts_at, 1, 10) OR s.sign_in < substr(a.starts_at, 12) OR s.sign_out > substr(a.ends_at, 12) OR s.minutes <> (strftime('%s', '2000-01-01 ' || s.sign_out) - strftime('%s', '2000-01-01 ' || s.sign_in)) / 60" 0
db_is "demo --hours-years: one pair a volunteer a day" \
    "SELECT count(*) FROM (SELECT 1 FROM service_record GROUP BY volunteer_id, day HAVING count(*) > 1)" 0
db_is "demo --hours-years: none before the volunteer registered" \
    "SELECT count(*) FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE s.day < v.registered_on" 0
db_is "demo --hours-years: confirmed after the day served, counting after three working days" \
    "SELECT count(*) FROM service_record WHERE confirmed_at <> '' AND (substr(confirmed_at, 1, 10) <= day OR counts_from <= date(substr(confirmed_at, 1, 10), '+3 days'))" 0
db_is "demo --hours-years: the last days partly unconfirmed, older ones mostly confirmed" \
    "SELECT (SELECT count(*) FROM service_record WHERE day >= '2026-06-10' AND confirmed_at = '') > 0, (SELECT 100 * sum(confirmed_at <> '') / count(*) FROM service_record WHERE day < '2026-05-01') >= 95" "1|1"
db_is "demo --hours-years: a few late records, each with its reason" \
    "SELECT sum(late) > 0, sum(late = 1 AND late_reason = '') FROM service_record" "1|0"
db_is "demo --hours-years: some records name a closed request" \
    "SELECT count(*) > 0, sum(r.status <> 'closed') FROM service_record s JOIN request r ON r.id = s.request_id" "1|0"
db_is "demo --hours-years: each on a day of its request's life, from taken down to closed" \
    "SELECT count(*) FROM service_record s JOIN request r ON r.id = s.request_id WHERE s.day < date(r.created_at, 'unixepoch', 'localtime') OR s.day > date(r.closed_at, 'unixepoch', 'localtime')" 0
db_is "demo --hours-years: someone reaches every star level with the minutes that count" \
    "WITH t AS (SELECT volunteer_id, sum(minutes) m FROM service_record WHERE confirmed_at <> '' AND counts_from <= '2026-06-15' GROUP BY volunteer_id) SELECT count(*) FROM star_level l WHERE EXISTS (SELECT 1 FROM t WHERE m >= 60 * l.hours)" 5
db_is "demo --hours-years: the service record's indexes are all back" \
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service_record' AND sql IS NOT NULL" 5
run hours-demo-again 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" demo --hours-years 1
grep -q "已有志愿活动或服务记录" "$T/hours-demo-again.out" && t_ok "demo --hours-years: a second run is refused, saying why" || t_fail "demo --hours-years: a second run is refused, saying why" "$(cat "$T/hours-demo-again.out")"
run hours-demo-check 0 "$BIN" --db "$DB" check
t_sanitizers "hours_demo"
