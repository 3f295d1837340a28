# A request taken down in late December whose deadline falls in a year the
# working-day calendar does not hold says so beside its deadlines: its
# holidays were not counted.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-12-21T09:30"
demo_with_zsf

open_section desk "诉求" "待派单" "$NOW"
expect desk "the home screen's warning is not in the way of the desk" "待派单"
take_down desk "申请低保" -
wait_for desk "回执保存为文件"
keys desk Escape Escape
wait_for desk "2026-000001  已派单"
if screen desk | grep -q "工作日历只排到"; then t_fail "a deadline within 2026 says nothing of the calendar" "$(screen desk)"; else t_ok "a deadline within 2026 says nothing of the calendar"; fi
# Signed for, the 20 working days to resolve it run into 2027.
choose desk "签收"
wait_for desk "签收 2026-000001？"
keys desk y
wait_for desk "已签收"
expect desk "a deadline in 2027 says the calendar ends with 2026" "工作日历只排到 2026 年：未计入 2027 年的节假日"
quits desk "quits cleanly"
t_sanitizers "calendar end"
