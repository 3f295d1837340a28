# Two desks on one request: one signs for it while the other, looking at
# the same request, returns it. Exactly one wins; the other is told who did
# what and keeps what it typed. Then the clock moves past the deadline and
# the request shows as 超时 in the overdue queue.
. "$(dirname "$0")/lib.sh"

demo_db
desk_users deskA deskB
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >/dev/null 2>&1

NOW="BANGBAN_NOW=2026-03-02T09:30"
open_section a "诉求" "待派单" "$NOW" BANGBAN_USER=deskA
keys a F7
wait_for a "登记诉求：选定服务事项"
keys a Tab
type_text a "zsf"
wait_for a "张三丰"
keys a Enter
wait_gone a "共 2 项"
keys a Tab Tab Tab Tab Tab
type_text a "HB055"
wait_for a "电梯困人应急处置"
keys a Enter
wait_gone a "共 1 项"
keys a Tab Tab Tab Tab Tab Tab Tab
type_text a "电梯困人，一位老人被困"
keys a F2
choose a "不要回执"
expect a "desk A took the request down" "2026-000001  已派单"

open_section b "诉求" "待派单" "$NOW" BANGBAN_USER=deskB
keys b Tab Tab
wait_for b "2026-000001"
keys b Enter
expect b "desk B opens the same request" "2026-000001  已派单"

# B signs for it; A, still looking at it as dispatched, returns it.
choose b "签收"
wait_for b "签收 2026-000001？"
keys b y
expect b "desk B signs for it" "2026-000001  已签收"
choose a "退单"
wait_for a "退单理由"
choose a "属地不符"
wait_for a "给前台的说明"
type_text a "不属本单位，请改派"
keys a Enter
expect a "desk A is told that desk B acted first, and what it did" "deskB 已先行签收（03-02 09:30）"
expect a "and that its typing is kept" "您的填写已保留"
expect a "desk A now sees the request as signed for" "2026-000001  已签收"
n=$(sqlite3 "$DB" "SELECT count(*) FROM request_event WHERE action IN ('accept', 'return')")
if [ "$n" = 1 ]; then t_ok "exactly one of the two actions was written"; else t_fail "exactly one of the two actions was written" "$n"; fi
if [ "$(sqlite3 "$DB" "SELECT status FROM request")" = accepted ]; then t_ok "the request is signed for"; else t_fail "the request is signed for"; fi
# What A typed comes back in its next text: here a note.
choose a "备注"
expect a "the next text A writes starts from what it typed" "不属本单位，请改派"
keys a Enter
expect a "and goes on the timeline as a note" "备注；不属本单位，请改派"
quits a "desk A quits"
quits b "desk B quits"

# The item must be handled within 2 working hours of 签收: at 14:00 it is late.
open_section c "诉求" "待派单" BANGBAN_NOW=2026-03-02T14:00
keys c Tab Tab Tab
expect c "after moving the clock the request is in the overdue queue" "2026-000001 已签收   超时"
keys c Enter
expect c "and its record says 超时" "2026-000001  已签收  [超时]"
quits c "quits cleanly"
if [ "$(sqlite3 "$DB" "SELECT count(*) FROM request")" = 1 ]; then t_ok "one request, one number"; else t_fail "one request, one number"; fi
t_sanitizers "request_race"
