# An operator retired (or locked, or given another role) by an admin while
# signed in at a desk is signed out at their next keys (looked at every few seconds), told why, back on the
# sign-in screen: their open queue no longer shows an empty list and an F7
# that the store would refuse.
. "$(dirname "$0")/lib.sh"

# keys_until NAME TEXT: keys, as the operator goes on working, until TEXT shows (the desk looks
# at the user every 3 s), at most a minute.
keys_until() {
    for _ in $(seq 60); do
        screen "$1" | grep -q "$2" && break
        keys "$1" Down
        inotifywait -qq -t 1 -e modify "$T/$1.tty" || true # the redraw, or a second
    done
}

demo_db
sign_in desk "supervisor" "demo-supervisor"
choose desk "诉求"
wait_for desk "未办结"
env BANGBAN_USER=admin "$BIN" --db "$DB" user retire supervisor >"$T/retire.out" 2>&1 ||
    t_fail "the admin retires the operator" "$(cat "$T/retire.out")"
keys_until desk "已退出登录"
expect desk "the retired operator is signed out, told why" "您的账户已被停用：已退出登录"
expect desk "back on the sign-in screen" "登录名:"
if screen desk | head -1 | grep -q "supervisor"; then t_fail "and nobody is named signed in" "$(screen desk)"; else t_ok "and nobody is named signed in"; fi
quits desk "quits cleanly"

# Locked by an admin (until unlocked) likewise; wrong passwords typed elsewhere sign no desk out.
sign_in desk2 "unit" "demo-unit"
choose desk2 "诉求"
wait_for desk2 "查找"
sqlite3 "$DB" "UPDATE \"user\" SET locked_until = '2099-01-01 00:00:00', failed = 5 WHERE login = 'unit'"
for _ in 1 2 3 4; do
    keys desk2 Down
    inotifywait -qq -t 1 -e modify "$T/desk2.tty" || true
done
if screen desk2 | grep -q "已退出登录"; then
    t_fail "a lock of wrong passwords typed elsewhere signs the desk out not" "$(screen desk2)"
else
    t_ok "a lock of wrong passwords typed elsewhere signs the desk out not"
fi
env BANGBAN_USER=admin "$BIN" --db "$DB" user lock unit >"$T/lock.out" 2>&1 ||
    t_fail "the admin locks the operator" "$(cat "$T/lock.out")"
keys_until desk2 "已退出登录"
expect desk2 "an operator an admin locked is signed out at their next keys, told why" "您的账户已被锁定：已退出登录"
quits desk2 "quits cleanly"

# Given another role by an admin: signed out at the next keys likewise, told the new role, and
# signed in again works as one (the old role's screens would offer what the store refuses).
sign_in desk3 "volunteers" "demo-volunteers"
wait_for desk3 "志愿服务"
env BANGBAN_USER=admin "$BIN" --db "$DB" user edit volunteers --role supervisor >"$T/role.out" 2>&1 ||
    t_fail "the admin makes the coordinator a supervisor" "$(cat "$T/role.out")"
keys_until desk3 "重新登录"
expect desk3 "an operator given another role is signed out at their next keys, told it" "您的角色已改为主管：请重新登录"
expect desk3 "back on the sign-in screen" "登录名:"
keys desk3 C-u
type_text desk3 "volunteers"
keys desk3 Tab
type_text desk3 "demo-volunteers"
keys desk3 Enter
expect desk3 "signed in again, as a supervisor" "党群服务中心　主管"
quits desk3 "quits cleanly"
t_sanitizers "retired_meanwhile"
