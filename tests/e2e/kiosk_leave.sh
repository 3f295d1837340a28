# The kiosk's 我要反映, end to end, digits and keys only but for the name:
# a bad mobile is refused at its field, a 10,000-character paste into the
# matter is cut at 500, the request is left in state 已登记 by channel
# 自助终端 and its number shown with when to expect a call; a desk in a
# second window finds it in its queue 自助登记.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kiosk.lib"

kiosk_db
mkdir "$T/nobin" # a kiosk with no printer (no paps, no lp), whatever this machine has
kiosk_start hall PATH="$T/nobin"
type_text hall 3
wait_for hall "在「反映的事」上按回车即提交"
type_text hall "王秀英"
# Esc once on what was typed only warns: a second would throw it away.
keys hall Escape
expect hall "one Esc on what was typed asks for a second" "再按一次 Esc 将放弃已填写的内容"
expect hall "and keeps the name" "王秀英"
keys hall Enter
type_text hall 12345
keys hall Enter Down
type_text hall "楼道灯坏了"
keys hall Enter
expect hall "a bad mobile is refused, said at its field, named" "没有提交：手机号："
db_is "and nothing is written" "SELECT count(*) FROM request" 0
expect hall "the focus is back on the mobile" "手机号: 12345"
keys hall BSpace BSpace BSpace BSpace BSpace
type_text hall "１３９１２３４５６７８"
keys hall Down Down
head -c 10000 /dev/zero | tr '\0' 'x' >"$T/paste.txt"
type_text hall "$(cat "$T/paste.txt")"
expect hall "a 10,000-character paste is cut at 500" "已输入 500 字，最多 500 字"
keys hall Enter
expect hall "the request is left, its number shown" "编号：$(date +%Y)-000001"
expect hall "with when to expect a call" "一个工作日内给您尾号 5678 的手机打电话"
expect hall "and how to follow it" "请记下这个编号：凭编号和手机号后 4 位"
screen hall | grep -q "导出" && t_fail "the resident is told of no export" "$(screen hall)" ||
    t_ok "the resident is told of no export"
db_is "registered, by the kiosk, the full-width mobile made digits" \
    "SELECT status, channel, requester, requester_phone, length(detail), created_by FROM request" \
    "new|kiosk|王秀英|13912345678|500|kiosk"
db_is "its step is in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'request' AND actor = 'kiosk'" 1
keys hall Enter Enter
expect hall "Enter pressed again keeps the number on the screen" "请记下编号：按 Esc 回到首页"
if screen hall | grep -q "打印回执"; then t_fail "a kiosk with no printer offers no receipt to print" "$(screen hall)"; else t_ok "a kiosk with no printer offers no receipt to print"; fi
expect hall "the number still shown" "编号：$(date +%Y)-000001"
keys hall Escape
wait_for hall "欢迎使用自助服务终端"
# A second Esc leaves what was typed, back at the start.
type_text hall 3
wait_for hall "在「反映的事」上按回车即提交"
type_text hall "李"
keys hall Escape
wait_for hall "再按一次 Esc"
keys hall Escape
expect hall "a second Esc leaves the form, back at the start" "欢迎使用自助服务终端"

open_section desk "诉求" "未办结"
keys desk BTab BTab
expect desk "a desk finds it in its queue 自助登记" "$(date +%Y)-000001"
expect desk "left by 王秀英, to review" "王秀英"
# Dispatched from the desk: the unit chosen is named in the question before it goes.
keys desk Enter
choose desk "派单"
wait_for desk "派给哪个单位？"
type_text desk "民政"
wait_for desk "区民政局"
keys desk Escape
wait_gone desk "派给哪个单位？"
# Its service item put in by a correction first, the dispatch offers the item's unit.
keys desk F4
wait_for desk "更正"
keys desk Tab Tab Tab Tab Tab Tab
type_text desk "HB156"
wait_for desk "HB156 排水管道堵塞疏通"
keys desk Enter
wait_gone desk "回车选定"
keys desk F2
wait_for desk "原来的内容记在办理经过中"
expect desk "the timeline says it had no item before" "服务事项由「（无）」改为「HB156 排水管道堵塞疏通」"
choose desk "派单"
expect desk "the dispatch offers the unit of the request's item" "HB156 排水管道堵塞疏通 由区水务局办理"
keys desk 1
expect desk "the dispatch asks with the unit named" "将 $(date +%Y)-000001 派单至 区水务局？"
keys desk y
expect desk "and it goes there" "派单至区水务局"
quits desk "the desk quits"
t_sanitizers "kiosk_leave"
