# The idle cover, end to end. After a while without a key (here
# BANGBAN_IDLE_SECONDS, else the setting idle_minutes) the screen is
# covered and shows nothing of what lies under it: a desk signed in by its
# bound system login goes on with Enter; one signed in by password needs
# that password again (a wrong one is refused and the cover stays). Half-
# typed form text is kept under the cover.
. "$(dirname "$0")/lib.sh"

demo_db

open_residents desk BANGBAN_IDLE_SECONDS=3
keys desk F7
wait_for desk "登记新居民"
type_text desk "半截字"
wait_for desk "半截字"
expect desk "idle, the screen is covered" "屏幕已锁定"
if screen desk | grep -q "半截字"; then t_fail "and shows nothing under it" "$(screen desk)"; else t_ok "and shows nothing under it"; fi
expect desk "signed in by the bound system login: Enter goes on" "按回车继续"
keys desk Enter
expect desk "uncovered, the half-typed form is as it was" "半截字"
if screen desk | grep -q "登记新居民"; then t_ok "on the same form"; else t_fail "on the same form" "$(screen desk)"; fi
db_is "the sign-in again is in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'login'" 2

sign_in sup "supervisor" "demo-supervisor" BANGBAN_IDLE_SECONDS=3
expect sup "a password user is covered too" "supervisor 的密码，然后按回车"
type_text sup "not-the-one"
expect sup "the password is drawn as stars" "***********"
keys sup Enter
expect sup "a wrong password leaves it covered" "未登录：登录名或密码不对"
type_text sup "demo-supervisor"
keys sup Enter
expect sup "the right one uncovers it" "党群服务中心　主管"
quits sup "the supervisor quits"
wait_for desk "按回车继续" # covered again meanwhile
keys desk Enter
wait_for desk "半截字"
keys desk Escape
wait_for desk "放弃"
keys desk y
quits desk "the desk quits"
t_sanitizers "idle_lock"
