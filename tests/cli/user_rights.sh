# The command line acts as a real user. On the demo database (made by the
# system login boss, so boss is its desk clerk, bound to boss): a desk
# clerk's login may not add a user, list the users nor export full numbers, and is told
# which right it lacks, nothing written; the admin's (acting by its login,
# bound to nothing) may; a user bound to a system login acts as that user,
# until retired: then the login acts as nobody and is refused; a login
# that is no user is refused too. A user sets their own password, nobody
# else's. A building chief's buildings: by code or name, each checked,
# listed, edited, dropped with the role; a chief without buildings says so.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/demo.db"
env BANGBAN_USER=boss "$BIN" --db "$DB" demo >/dev/null || t_fail "the demo database is made"
# as LOGIN ARGS...: bangban run by the system login LOGIN.
as() {
    who=$1
    shift
    env BANGBAN_USER="$who" "$BIN" --db "$DB" "$@"
}
users_before=$(sqlite3 "$DB" 'SELECT count(*) FROM "user"')
log_before=$(sqlite3 "$DB" 'SELECT count(*) FROM audit_log')
{
    echo "== a desk clerk's system login"
    as boss user add xiaozhao --role desk </dev/null; echo "status $?"
    as boss user edit unit --name 改名 </dev/null; echo "status $?"
    as boss user lock chief; echo "status $?"
    as boss user bind chief chief-os; echo "status $?"
    as boss user retire chief; echo "status $?"
    as boss user list; echo "status $?"
    printf 'hand-pass-2\n' | as boss user passwd unit --password-stdin; echo "status $?"
    as boss export residents "$T/full.csv" --unmasked --reason 核对; echo "status $?"
    echo "== a login that is no user"
    as stranger user add xiaozhao --role desk </dev/null; echo "status $?"
} >"$T/refused.out" 2>&1
t_golden "a desk clerk, and a stranger, are refused, naming the right" "$E/user_rights_refused.txt" "$T/refused.out"
db_is "refused: no user written" 'SELECT count(*) FROM "user"' "$users_before"
db_is "refused: nothing audited" 'SELECT count(*) FROM audit_log' "$log_before"
[ ! -e "$T/full.csv" ] && t_ok "refused: no export written" || t_fail "refused: no export written"

{
    echo "== one's own password"
    printf 'desk-pass-22\n' | as boss user passwd boss --password-stdin; echo "status $?"
    echo "== the admin"
    as admin export residents "$T/full.csv" --unmasked --reason 核对; echo "status $?"
    as admin user add xiaoli --role admin --os-login xiaoli-os </dev/null; echo "status $?"
    echo "== bound to an admin"
    as xiaoli-os user add xiaowang --role desk </dev/null; echo "status $?"
    as admin user retire xiaoli; echo "status $?"
    echo "== the binding of a retired user does not count"
    as xiaoli-os user add xiaochen --role desk </dev/null; echo "status $?"
    as xiaoli-os export residents "$T/again.csv" --unmasked --reason 核对; echo "status $?"
} >"$T/allowed.out" 2>&1
t_golden "one's own password; the admin; a retired user's binding" "$E/user_rights_allowed.txt" "$T/allowed.out"
db_is "the admin's: written by the admin, audited" \
    "SELECT group_concat(actor || ' ' || action, ', ') FROM (SELECT actor, action FROM audit_log WHERE seq > $log_before ORDER BY seq)" \
    "boss user-password, admin export-unmasked, admin user-add, xiaoli user-add, admin user-retire"
db_is "the retired admin's binding added nobody" 'SELECT count(*) FROM "user" WHERE login = '"'xiaochen'" 0
[ ! -e "$T/again.csv" ] && t_ok "nor exported" || t_fail "nor exported"

log_before=$(sqlite3 "$DB" 'SELECT count(*) FROM audit_log')
{
    echo "== a building chief's buildings"
    as admin user add louzhang --role chief --name 楼长甲 --buildings 'B103,和平路商务中心' </dev/null; echo "status $?"
    as admin user add lz2 --role chief --buildings 'B101,不存在楼' </dev/null; echo "status $?"
    as admin user add lz3 --role desk --buildings B101 </dev/null; echo "status $?"
    as admin user add lz4 --role chief </dev/null; echo "status $?"
    as admin user list | grep -E '^(chief|louzhang|lz4)'
    echo "== edited"
    as admin user edit lz4 --buildings 'B104、B105' </dev/null; echo "status $?"
    as admin user edit louzhang --buildings 'B103 没有这座' </dev/null; echo "status $?"
    as admin user edit louzhang --role desk --scope 滨江道社区 </dev/null; echo "status $?"
    as admin user edit nobody --name 谁 </dev/null; echo "status $?"
    as admin user edit lz4 </dev/null; echo "status $?"
    as admin user list | grep -E '^(louzhang|lz4)'
} >"$T/buildings.out" 2>&1
t_golden "a building chief's buildings: added, checked, listed, edited" "$E/user_rights_buildings.txt" "$T/buildings.out"
db_is "buildings: in the side table, with the user" \
    "SELECT group_concat(u.login || ' ' || b.code, ', ') FROM (SELECT * FROM user_building ORDER BY user_id, building_id) ub JOIN \"user\" u ON u.id = ub.user_id JOIN building b ON b.id = ub.building_id" \
    "chief B101, chief B102, lz4 B104, lz4 B105"
db_is "buildings: nothing half-made by a refused add" \
    "SELECT count(*) FROM \"user\" WHERE login IN ('lz2', 'lz3')" 0
db_is "buildings: each change audited with what changed" \
    "SELECT group_concat(action || ': ' || detail, ' | ') FROM (SELECT action, detail FROM audit_log WHERE seq > $log_before ORDER BY seq)" \
    "user-add: louzhang chief B102、B103 | user-add: lz4 chief | user-edit: 楼宇:  -> B104、B105 | user-edit: 角色: 楼长 -> 前台; 范围:  -> 滨江道社区; 楼宇: B102、B103 -> "
# A desk's scope names a community, a street or the district; one that is none is refused.
out=$(as admin user add x1 --role desk --scope 不存在的社区 </dev/null 2>&1; echo "status $?")
case "$out" in
*"没有名为「不存在的社区」的社区、街道或区"*"status 1") t_ok "a scope that names no area is refused" ;;
*) t_fail "a scope that names no area is refused" "$out" ;;
esac
db_is "and nothing is added" "SELECT count(*) FROM \"user\" WHERE login = 'x1'" 0
for scope in 滨江道社区 劝业场街道 和平区; do
    out=$(as admin user add "x-$scope" --role desk --scope "$scope" </dev/null 2>&1; echo "status $?")
    case "$out" in *"status 0") t_ok "the scope $scope is taken" ;; *) t_fail "the scope $scope is taken" "$out" ;; esac
done
t_sanitizers "user_rights"
