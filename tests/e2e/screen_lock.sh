# The cover wherever the desk was left, the key that covers at once, and
# a supervisor uncovering a desk. A dialog left open goes under the idle
# cover like any screen, and its half-typed text is there after it; Ctrl+K
# covers at once, in a dialog or on the home screen, and so does 锁屏 on
# the home screen's F9 menu; F1 lists the key. On the cover, F2 or Tab
# lets a supervisor or admin sign in instead of the user covered, saying
# first that the user is signed out and their unsaved typing dropped: a
# wrong password counts towards the supervisor's lock, a user who is no
# supervisor is refused, a supervisor's sign-in signs the desk clerk out
# and the sign-in screen follows. Each covering and uncovering is a row of
# the audit log, about the user covered.
. "$(dirname "$0")/lib.sh"

demo_db
OS=$(id -un)
ME=$(sqlite3 "$DB" "SELECT id FROM user WHERE login = '$OS'")

# Idle while a dialog is open.
open_residents idle BANGBAN_IDLE_SECONDS=3
keys idle F9
choose idle "导出居民（遮蔽号码）"
wait_for idle "居民.xlsx"
keys idle C-u
type_text idle "半截名单"
wait_for idle "半截名单"
expect idle "idle with a dialog open, the screen is covered" "屏幕已锁定：$OS 离开了一会儿。"
if screen idle | grep -q "半截名单"; then t_fail "and shows nothing of the dialog" "$(screen idle)"; else t_ok "and shows nothing of the dialog"; fi
keys idle Enter
expect idle "uncovered, the dialog is back with its half-typed text" "半截名单"
if screen idle | grep -q "导出居民"; then t_ok "in the same dialog"; else t_fail "in the same dialog" "$(screen idle)"; fi
keys idle Escape Escape
wait_gone idle "半截名单"
wait_for idle "按回车继续" # covered again on the list meanwhile
keys idle Enter F10
ended_ok idle "the idle desk quits"

# The key that covers at once (no idle limit here).
start key
wait_for key "前台工作台"
keys key C-k
expect key "Ctrl+K covers the home screen at once" "屏幕已锁定：$OS 锁了屏。"
if screen key | grep -q "党群服务中心"; then t_fail "and shows nothing under it" "$(screen key)"; else t_ok "and shows nothing under it"; fi
keys key Enter
expect key "Enter uncovers it" "前台工作台"
keys key 1
wait_for key "查找："
keys key F9
choose key "导出居民（遮蔽号码）"
wait_for key "居民.xlsx"
keys key C-u
type_text key "另一半"
wait_for key "另一半"
keys key C-k
expect key "Ctrl+K covers a dialog too" "屏幕已锁定：$OS 锁了屏。"
keys key Enter
expect key "and the dialog's typing is there after it" "另一半"
keys key Escape Escape
wait_gone key "另一半"
keys key Escape Escape
wait_for key "前台工作台"
expect key "someone signed in has F9 on the home screen" "9菜单"
keys key F9
choose key "锁屏"
expect key "锁屏 on the home screen's F9 menu covers at once" "屏幕已锁定：$OS 锁了屏。"
keys key Enter
wait_for key "前台工作台"
keys key F1
wait_for key "显示按键及其作用"
keys key End
expect key "F1 lists the lock key" "Ctrl+K"
expect key "with what it does" "锁屏：在任何地方立即锁定屏幕"
keys key Escape Escape
wait_for key "前台工作台"
quits key "the desk quits"

# A supervisor uncovers a desk clerk's covered screen.
open_residents desk
keys desk F7
wait_for desk "登记新居民"
type_text desk "没存的字"
wait_for desk "没存的字"
keys desk C-k
wait_for desk "锁了屏"
keys desk F2
expect desk "F2: a supervisor may uncover it, told first what that does" "主管解锁：主管或管理员在此登录后，$OS 将被登出"
expect desk "that the typing is dropped" "将被丢弃"
keys desk Escape Escape
expect desk "Esc goes back to the user's own way" "$OS：按回车继续。"
keys desk Tab
expect desk "Tab, with no F-keys, offers the supervisor's sign-in too" "主管解锁"
type_text desk "supervisor"
keys desk Enter
type_text desk "not-the-one"
expect desk "the supervisor's password is drawn as stars" "***********"
keys desk Enter
expect desk "a wrong password is refused" "未登录：登录名或密码不对"
db_is "and counts towards the supervisor's lock" "SELECT failed FROM user WHERE login = 'supervisor'" 1
keys desk BTab C-u
type_text desk "unit"
keys desk Tab
type_text desk "demo-unit"
keys desk Enter
expect desk "a user who is no supervisor is refused" "未解锁：unit 不是主管或管理员。"
keys desk BTab C-u
type_text desk "supervisor"
keys desk Tab
type_text desk "demo-supervisor"
keys desk Enter
expect desk "the supervisor's sign-in signs the desk clerk out: the sign-in screen follows" "$OS 已被登出：supervisor 解除了锁屏。请登录。"
if screen desk | grep -q "没存的字"; then t_fail "the clerk's unsaved typing is gone" "$(screen desk)"; else t_ok "the clerk's unsaved typing is gone"; fi
keys desk C-k
expect desk "Ctrl+K with nobody signed in covers nothing, and says so" "没有操作员登录：无需锁屏"
type_text desk "supervisor"
keys desk Tab
type_text desk "demo-supervisor"
keys desk Enter
expect desk "the next person signs in as themselves" "党群服务中心　主管"
if screen desk | head -1 | grep -q " supervisor\$"; then t_ok "as supervisor"; else t_fail "as supervisor" "$(screen desk | head -1)"; fi
quits desk "the supervisor quits, asked nothing about the clerk's form"

db_is "each covering is in the audit log, by whom and how, about the user covered" \
    "SELECT group_concat(actor || ' ' || detail, ', ') FROM (SELECT * FROM audit_log WHERE action = 'screen-lock' AND subject = 'user:$ME' ORDER BY seq)" \
    "$OS idle, $OS idle, $OS key, $OS key, $OS key, $OS key"
db_is "each uncovering by the same user too" \
    "SELECT count(*) || ' ' || min(actor) || ' ' || min(detail) FROM audit_log WHERE action = 'screen-unlock' AND subject = 'user:$ME'" \
    "5 $OS peer"
db_is "and the supervisor's uncovering, about the clerk signed out" \
    "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'screen-unlock-by' AND subject = 'user:$ME'" \
    "supervisor signed out $OS"
db_is "the chain of the log is whole" "SELECT count(*) FROM audit_log WHERE hash IS NULL" 0
t_sanitizers "screen_lock"
