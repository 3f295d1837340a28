# The users who sign in, through the CLI: init's first admin bound to the
# system login that ran it; user add with each kind of bad input refused
# and said (unknown role, a unit handler without a unit, a duplicate login,
# a system login bound twice, a short password, a password holding the
# login, a password that is not on standard input); list with phones
# masked; passwd (a password holding the login refused), lock, unlock,
# retire, bind and restore, a retired user refused; the password stored as a yescrypt
# hash, never as typed; every change in the audit log; the last
# administrator who can sign in is never retired, locked or demoted.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/u.db"
export BANGBAN_USER=boss
run users-init 0 "$BIN" --db "$DB" init
"$BIN" --db "$DB" import catalogue "$TOP/db/seed/catalogue.csv" >/dev/null # the units
db_is "init: the first admin is the system login that ran it, bound to it, with no password" \
    "SELECT login || ' ' || role || ' ' || os_login || ' [' || password || ']' FROM \"user\"" "boss admin boss []"

u() { "$BIN" --db "$DB" user "$@"; }
{
    echo "== add"
    printf 'fang-pass-1\n' | u add wang --role desk --name 王芳 --phone 13912345678 --scope 滨江道社区 --password-stdin; echo "status $?"
    printf 'li-pass-12\n' | u add li --role 责任单位经办 --unit U01 --password-stdin; echo "status $?"
    u add zhao --role 主管 --os-login zhao </dev/null; echo "status $?"
    echo "== bad input"
    u add chen --role boss </dev/null; echo "status $?"
    u add chen --role unit </dev/null; echo "status $?"
    u add chen --role unit --unit 不存在的单位 </dev/null; echo "status $?"
    u add chen --role desk --unit U01 </dev/null; echo "status $?"
    u add wang --role desk </dev/null; echo "status $?"
    u add chen --role desk --os-login zhao </dev/null; echo "status $?"
    u add 'chen wei' --role desk </dev/null; echo "status $?"
    printf 'short\n' | u add chen --role desk --password-stdin; echo "status $?"
    printf 'Chen-2026\n' | u add chen --role desk --password-stdin; echo "status $?"
    u add chen --role desk --password-stdin </dev/null; echo "status $?"
    u add chen --role desk --phone 12345 </dev/null; echo "status $?"
    u passwd wang </dev/null; echo "status $?"
    u passwd nobody --password-stdin </dev/null; echo "status $?"
    u add chen; echo "status $?"
    u frobnicate; echo "status $?"
    echo "== list"
    u list; echo "status $?"
    echo "== passwd, lock, unlock, bind, retire"
    printf 'my-Zhao-26\n' | u passwd zhao --password-stdin; echo "status $?"
    printf 'zhou-pass-1\n' | u passwd zhao --password-stdin; echo "status $?"
    u lock wang; echo "status $?"
    u list | grep '^wang'
    u unlock wang; echo "status $?"
    u bind wang wangf; echo "status $?"
    u bind li wangf; echo "status $?"
    u retire li; echo "status $?"
    u retire li; echo "status $?"
    printf 'li-pass-99\n' | u passwd li --password-stdin; echo "status $?"
    u lock li; echo "status $?"
    u list | grep '^li'
    echo "== restore"
    u restore li; echo "status $?"
    u restore li; echo "status $?"
    u list | grep '^li'
    u retire li; echo "status $?"
} >"$T/users.out" 2>&1
t_golden "user: add, bad input, list, passwd, lock, unlock, bind, retire, restore" "$E/users.txt" "$T/users.out"

db_is "user: the password is a yescrypt hash, never the password" \
    "SELECT substr(password, 1, 4), instr(password, 'fang-pass-1') FROM \"user\" WHERE login = 'wang'" '$y$j|0'
db_is "user: a user without a password has none stored" \
    "SELECT password FROM \"user\" WHERE login = 'boss'" ""
db_is "user: nothing half-made by a refused add" "SELECT count(*) FROM \"user\" WHERE login = 'chen'" 0
db_is "user: every change is in the audit log, by the system login that made it" \
    "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE actor = 'boss' AND action LIKE 'user-%' ORDER BY seq)" \
    "user-add user-add user-password user-add user-password user-add user-password user-lock user-unlock user-bind user-retire user-restore user-retire"
# The last administrator who can sign in is never retired, locked or made another role: no one
# could manage the users again. With a second, the first may go.
{
    u retire boss; echo "status $?"
    u lock boss; echo "status $?"
    u edit boss --role desk; echo "status $?"
    u add boss2 --role admin --os-login boss2 </dev/null; echo "status $?"
    u lock boss; echo "status $?"
    u add Boss2 --role desk </dev/null; echo "status $?"
} >"$T/last-admin.out" 2>&1
if [ "$(grep -c "必须留一位能登录的管理员" "$T/last-admin.out")" = 3 ] && grep -q "boss：已锁定" "$T/last-admin.out"; then
    t_ok "user: the last administrator is not retired, locked or demoted; with a second, locked"
else
    t_fail "user: the last administrator is not retired, locked or demoted; with a second, locked" "$(cat "$T/last-admin.out")"
fi
db_is "user: the refused changes wrote nothing" "SELECT role || ' ' || retired FROM \"user\" WHERE login = 'boss'" "admin 0"
db_is "user: a login that differs from another only in case is refused" \
    "SELECT count(*) FROM \"user\" WHERE lower(login) = 'boss2'" 1
# A name or scope no form would take is refused on the command line too: an escape sequence, a
# direction override, a tab, more characters than the form holds.
{
    u add esc --role desk --name "$(printf '王\033[31m芳')" </dev/null; echo "status $?"
    u add rtl --role desk --name "$(printf '王\342\200\256芳')" </dev/null; echo "status $?"
    u add long --role desk --name "一二三四五六七八九十一二三四五六七八九十一" </dev/null; echo "status $?"
    u edit boss2 --scope "$(printf 'a\tb')"; echo "status $?"
} >"$T/names.out" 2>&1
grep -q "esc：名称：第 2 个字符是控制字符（U+001B）" "$T/names.out" &&
    grep -q "rtl：名称：第 2 个字符是文字方向控制符（U+202E）" "$T/names.out" &&
    grep -q "long：名称：最多 20 个字" "$T/names.out" && grep -q "boss2：范围：第 2 个字符是控制字符（U+0009）" "$T/names.out" &&
    [ "$(grep -c "status 1" "$T/names.out")" = 4 ] &&
    t_ok "user: a name or scope with a control, a direction override or too many characters is refused" ||
    t_fail "user: a name or scope with a control, a direction override or too many characters is refused" "$(cat "$T/names.out")"
db_is "user: and nothing of them is stored" "SELECT count(*) FROM \"user\" WHERE login IN ('esc', 'rtl', 'long') OR scope LIKE 'a%b'" 0
# A new role drops the buildings or the unit of the old one, and says so.
demo_at "$T/d.db"
BANGBAN_USER=admin "$BIN" --db "$T/d.db" user edit chief --role desk >"$T/role.out" 2>&1
BANGBAN_USER=admin "$BIN" --db "$T/d.db" user edit unit --role desk >>"$T/role.out" 2>&1
grep -q "chief：不再是楼宇 B101、B102 的楼长" "$T/role.out" && grep -q "unit：不再是区民政局的经办人" "$T/role.out" &&
    t_ok "user edit --role: the buildings or unit the old role had are said to be dropped" ||
    t_fail "user edit --role: the buildings or unit the old role had are said to be dropped" "$(cat "$T/role.out")"
t_sanitizers "users"
