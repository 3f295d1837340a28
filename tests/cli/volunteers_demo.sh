# bangban demo --volunteers N: N volunteers through the bulk loader, three
# in five of them residents on the register (linked, with the resident's
# ID number), numbers unique and by year, a team and a group for each
# community under the association, most volunteers members; the database
# checks clean, and a second run is refused with nothing written.
. "$(dirname "$0")/../lib.sh"

DB="$T/d.db"
"$BIN" --db "$DB" demo --residents 3000 >/dev/null
run demo-volunteers-desk 1 "$BIN" --db "$DB" demo --volunteers 2000
grep -q "登记志愿服务时长" "$T/demo-volunteers-desk.out" && t_ok "demo --volunteers: refused to a role without the right" || t_fail "demo --volunteers: refused to a role without the right" "$(cat "$T/demo-volunteers-desk.out")"
run demo-volunteers 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" demo --volunteers 2000
grep -q "2000" "$T/demo-volunteers.out" && t_ok "demo --volunteers: says how many" || t_fail "demo --volunteers: says how many" "$(cat "$T/demo-volunteers.out")"
db_is "demo --volunteers: N volunteers, numbers unique" "SELECT count(*) || '/' || count(DISTINCT number) FROM volunteer" "2000/2000"
db_is "demo --volunteers: three in five linked to a resident" "SELECT count(resident_id) FROM volunteer" 1200
db_is "demo --volunteers: a linked volunteer holds the resident's ID number" \
    "SELECT count(*) FROM volunteer v JOIN resident r ON r.id = v.resident_id WHERE r.id_number <> v.id_number OR r.name <> v.name" 0
db_is "demo --volunteers: no made-up volunteer holds a resident's ID number" \
    "SELECT count(*) FROM volunteer v JOIN resident r ON r.id_number = v.id_number WHERE v.resident_id IS NULL" 0
db_is "demo --volunteers: a number's year is the year registered" \
    "SELECT count(*) FROM volunteer WHERE substr(number, 1, 4) <> substr(registered_on, 1, 4)" 0
db_is "demo --volunteers: a team and a group for each community, under the association" \
    "SELECT count(*) FROM team WHERE parent_id IS NOT NULL" "$(sqlite3 "$DB" "SELECT 2 * count(*) FROM community")"
db_is "demo --volunteers: members joined in their own community's team" \
    "SELECT count(*) FROM team_member m JOIN team t ON t.id = m.team_id JOIN volunteer v ON v.id = m.volunteer_id WHERE t.community_id <> v.community_id" 0
members=$(sqlite3 "$DB" "SELECT count(*) FROM team_member")
[ "$members" -gt 1500 ] && [ "$members" -lt 1900 ] && t_ok "demo --volunteers: most volunteers are members ($members)" || t_fail "demo --volunteers: most volunteers are members" "$members"
run demo-check 0 "$BIN" --db "$DB" check
run demo-again 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" demo --volunteers 10
db_is "demo --volunteers: a second run writes nothing" "SELECT count(*) FROM volunteer" 2000
# Without residents: every volunteer made up.
run demo-alone 0 "$BIN" --db "$T/alone.db" demo --volunteers 300
DB="$T/alone.db"
db_is "demo --volunteers: without residents, all made up" "SELECT count(*) || '/' || count(resident_id) FROM volunteer" "300/0"
t_sanitizers "volunteers_demo"
