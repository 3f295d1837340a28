# An operator retired by an admin while signed in at a desk is signed out at
# their next keys (looked at every few seconds), told why, back on the
# sign-in screen: their open queue no longer shows an empty list and an F7
# that the store would refuse.
. "$(dirname "$0")/lib.sh"

demo_db
sign_in desk "supervisor" "demo-supervisor"
choose desk "诉求"
wait_for desk "未办结"
env BANGBAN_USER=admin "$BIN" --db "$DB" user retire supervisor >"$T/retire.out" 2>&1 ||
    t_fail "the admin retires the operator" "$(cat "$T/retire.out")"
# Keys, as the clerk goes on working, until the desk notices (it looks every 3 s).
for _ in $(seq 60); do
    screen desk | grep -q "已退出登录" && break
    keys desk Down
    inotifywait -qq -t 1 -e modify "$T/desk.tty" || true # the redraw, or a second
done
expect desk "the retired operator is signed out, told why" "您的账户已被停用：已退出登录"
expect desk "back on the sign-in screen" "登录名:"
if screen desk | head -1 | grep -q "supervisor"; then t_fail "and nobody is named signed in" "$(screen desk)"; else t_ok "and nobody is named signed in"; fi
quits desk "quits cleanly"
t_sanitizers "retired_meanwhile"
