# 和平夜话: a session recorded, a request taken down in it, and the session
# telling whether every matter raised has its answer; escalation of that
# request to the street, seen in the street's queue; 三率 with each
# figure's counts and formula, on a generated history.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-03-02T20:30"
demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >/dev/null 2>&1

open_section desk "和平夜话" "共 3 场" "$NOW"
keys desk F7
expect desk "F7 records a new evening talk" "新建和平夜话"
type_text desk "2026-03-02"
keys desk Tab
type_text desk "朝阳里社区议事厅"
keys desk Tab
type_text desk "区委副书记、新兴街道党工委书记"
keys desk F2
expect desk "the session is saved" "已保存：2026-03-02 朝阳里社区议事厅"
# The new session, though it sorts last, is the one selected: Enter opens it.
keys desk Enter
expect desk "the new session is the one selected after saving" "和平夜话 2026-03-02，朝阳里社区议事厅"
keys desk Escape Escape
wait_for desk "共 4 场"
type_text desk "2026-03-02"
expect desk "and found by its date" "共 1 场"
keys desk Enter
expect desk "Enter lists the session's requests" "共 0 件，已办结 0 件，未办结 0 件"
keys desk F7
expect desk "F7 takes a request down in the session" "和平夜话: 2026-03-02 朝阳里社区议事厅"
intake_for desk "zsf" "张三丰"
type_text desk "HB030"
wait_for desk "劳动人事争议调解"
keys desk Enter
wait_gone desk "共 1 项"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "老旧小区加装电梯意见不一"
keys desk F2
choose desk "不要回执"
expect desk "it is dispatched" "2026-000001  已派单"
expect desk "and knows its session" "和平夜话 2026-03-02 朝阳里社区议事厅"

# Escalate it to the street.
choose desk "升级"
expect desk "escalating asks why" "升级的理由"
type_text desk "涉及多个社区"
keys desk Enter
expect desk "the timeline says to which level" "升至街道级：涉及多个社区"
expect desk "the level is shown" "和平夜话 / 求助 / 街道"
keys desk Escape
expect desk "the session tells what is still open" "共 1 件，已办结 0 件，未办结 1 件"
keys desk Escape
wait_for desk "共 1 场"
keys desk Escape
wait_for desk "共 4 场"
keys desk Escape
wait_for desk "前台工作台"
choose desk "诉求"
wait_for desk "待派单"
keys desk Tab Tab
expect desk "the request waits to be signed for" "2026-000001"
keys desk F9
choose desk "只看一个层级"
wait_for desk "哪一级的待办"
choose desk "社区"
expect desk "not in the community's queue" "共 0 条"
keys desk F9
choose desk "只看一个层级"
wait_for desk "哪一级的待办"
choose desk "街道"
expect desk "but in the street's" "共 1 条"
quits desk "quits cleanly"

# The rates on a year of generated history.
demo_at "$T/h.db"
env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$T/h.db" demo --requests 2000 --years 1 >/dev/null
DB="$T/h.db"
open_section rates "三率" "帮办 - 三率" BANGBAN_NOW=2026-11-30T09:00
expect rates "三率 opens on this year" "2026-01-01 至 2026-11-30 受理的诉求"
expect rates "the selected unit's response rate, counted, with its formula" "/ 派单件数"
# This morning's requests are still within their limits: awaited, not counted against 响应率.
keys rates End
wait_for rates "全区："
if screen rates | grep -q "全区：受理 [0-9]* 件，派单 [0-9]* 件（[1-9][0-9]* 件未到时限）"; then
    t_ok "requests still within their limits are counted apart from the dispatched"
else
    t_fail "requests still within their limits are counted apart from the dispatched" "$(screen rates)"
fi
keys rates Home
if screen rates | grep -q "^  满意率 [0-9.]*% = ([0-9]* + 1 x [0-9]*) / [0-9]*"; then
    t_ok "the satisfaction rate shows satisfied, the weight of basically satisfied, and followed up"
else
    t_fail "the satisfaction rate shows satisfied, the weight of basically satisfied, and followed up" "$(screen rates)"
fi
keys rates F9
wait_for rates "要做什么？"
choose rates "上月"
expect rates "another period" "2026-10-01 至 2026-10-31 受理的诉求"
keys rates End
expect rates "the district's row" "全区："
if screen rates | grep -q "全区：受理 [0-9]* 件，派单 [0-9]* 件，回访"; then
    t_ok "last month's requests are all past their limits: none is awaited"
else
    t_fail "last month's requests are all past their limits: none is awaited" "$(screen rates)"
fi
quits rates "quits cleanly"
t_sanitizers "talk_rates"
