# What the command line reads, it reads as the screens would show it to the
# same user: the residents' register and its search to those with the
# residents screen, volunteers and their hours to the volunteer
# coordinator's role, requests (exported or a receipt printed) to those
# with a part in their life, each bounded to a unit handler's unit and a
# building chief's buildings, the organisations to a chief as their
# buildings'; a login that is no user, and the kiosk's, get none of it
# (the catalogue, which names no one, stays open to every user). Nothing
# is written for a refusal.
. "$(dirname "$0")/../lib.sh"

DB="$T/demo.db"
env BANGBAN_USER=boss "$BIN" --db "$DB" demo --requests 300 >/dev/null || t_fail "the demo database is made"
# as LOGIN ARGS...: bangban run by the system login LOGIN; its status on the last line.
as() {
    who=$1
    shift
    env BANGBAN_USER="$who" "$BIN" --db "$DB" "$@" 2>&1
    echo "status $?"
}
# refused NAME LOGIN FILE ARGS...: the verb ends in status 1 saying it was refused, FILE not made.
refused() {
    name=$1 who=$2 file=$3
    shift 3
    out=$(as "$who" "$@")
    case "$out" in
    *被拒绝*"status 1" | *无权*"status 1") [ ! -e "$file" ] && t_ok "$name" || t_fail "$name: $file written" ;;
    *) t_fail "$name" "$out" ;;
    esac
}
# rows FILE: the data rows of a CSV export (the header not counted).
rows() { echo $(($(wc -l <"$1") - 1)); }

for who in stranger kiosk; do
    refused "$who: no residents export" "$who" "$T/$who-r.csv" export residents "$T/$who-r.csv"
    refused "$who: no residents search" "$who" /nonexistent find residents 张
    refused "$who: no requests export" "$who" "$T/$who-q.csv" export requests "$T/$who-q.csv"
    refused "$who: no organisations export" "$who" "$T/$who-o.csv" export organisations "$T/$who-o.csv"
    refused "$who: no volunteers export" "$who" "$T/$who-v.csv" export volunteers "$T/$who-v.csv"
    refused "$who: no posts report" "$who" /nonexistent report posts
    refused "$who: no building's 台账 (its chiefs' full numbers)" "$who" "$T/$who-b.txt" report building B101 --output "$T/$who-b.txt"
    refused "$who: no coverage report" "$who" /nonexistent report coverage
    refused "$who: no chiefs' visits" "$who" /nonexistent report visits
    refused "$who: no rates" "$who" /nonexistent report rates
done
out=$(as chief export volunteers "$T/chief-v.csv")
case "$out" in
*"被拒绝：chief（楼长）的角色看不到这些记录"*) t_ok "a refusal where several rights would do names none of them" ;;
*) t_fail "a refusal where several rights would do names none of them" "$out" ;;
esac
out=$(as kiosk export catalogue "$T/cat.csv")
case "$out" in *"status 0") t_ok "the catalogue stays open to every user" ;; *) t_fail "catalogue" "$out" ;; esac
refused "but not to a login that is no user" stranger "$T/cat2.csv" export catalogue "$T/cat2.csv"
refused "a building chief: no residents export" chief "$T/chief-r.csv" export residents "$T/chief-r.csv"
refused "a desk clerk: no volunteers export" boss "$T/boss-v.csv" export volunteers "$T/boss-v.csv"
refused "a desk clerk: no volunteer's hours" boss /nonexistent report hours-volunteer 2024000001
refused "the volunteer coordinator: no requests export" volunteers "$T/vol-q.csv" export requests "$T/vol-q.csv"

# A building chief's organisations and requests: their buildings' alone.
as chief export organisations "$T/chief-o.csv" >/dev/null
db_is "a chief exports their buildings' organisations alone" \
    "SELECT count(*) FROM organisation WHERE building_id IN (SELECT building_id FROM user_building ub JOIN \"user\" u ON u.id = ub.user_id WHERE u.login = 'chief')" \
    "$(rows "$T/chief-o.csv")"
[ "$(rows "$T/chief-o.csv")" -lt "$(sqlite3 "$DB" 'SELECT count(*) FROM organisation')" ] &&
    t_ok "fewer than the district's" || t_fail "a chief's organisations: the district's"
as chief export requests "$T/chief-q.csv" >/dev/null
db_is "a chief exports their buildings' requests alone" \
    "SELECT count(*) FROM request WHERE building_id IN (SELECT building_id FROM user_building ub JOIN \"user\" u ON u.id = ub.user_id WHERE u.login = 'chief')" \
    "$(rows "$T/chief-q.csv")"
# A unit handler's requests: those routed to their unit.
as unit export requests "$T/unit-q.csv" >/dev/null
n_unit=$(rows "$T/unit-q.csv")
n_all=$(sqlite3 "$DB" 'SELECT count(*) FROM request')
[ "$n_unit" -gt 0 ] && [ "$n_unit" -lt "$n_all" ] && t_ok "a unit handler exports their unit's requests ($n_unit of $n_all)" ||
    t_fail "a unit handler's requests" "$n_unit of $n_all"
as boss export requests "$T/boss-q.csv" >/dev/null
[ "$(rows "$T/boss-q.csv")" = "$n_all" ] && t_ok "a desk clerk exports every request" || t_fail "a desk clerk's requests"
# A receipt: of one's own unit's request, not of another's.
mine=$(sqlite3 "$DB" "SELECT number FROM request WHERE unit_id = (SELECT unit_id FROM \"user\" WHERE login = 'unit') LIMIT 1")
other=$(sqlite3 "$DB" "SELECT number FROM request WHERE unit_id <> (SELECT unit_id FROM \"user\" WHERE login = 'unit') LIMIT 1")
out=$(as unit print receipt "$mine")
case "$out" in *"$mine"*"status 0") t_ok "a unit handler prints their unit's receipt" ;; *) t_fail "own receipt" "$out" ;; esac
out=$(as unit print receipt "$other")
case "$out" in
*"不属于您的单位"*"status 1") t_ok "but not another unit's" ;;
*) t_fail "another unit's receipt" "$out" ;;
esac
out=$(as volunteers report hours-volunteer 2024000001)
case "$out" in *被拒绝*) t_fail "the coordinator reads a volunteer's hours" "$out" ;; *) t_ok "the coordinator reads a volunteer's hours" ;; esac
t_sanitizers "read_rights"
