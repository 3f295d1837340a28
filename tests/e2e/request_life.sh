# One request's whole life at the keyboard, time pinned: taken down for a
# resident found by pinyin, the service item chosen by its pinyin initials,
# dispatched automatically, the receipt written to a file; returned with a
# reason, sent to another unit, signed for, first contact, an extension
# asked and approved, the reply, a follow-up not satisfied, handled again,
# replied again, a follow-up satisfied, closed; the timeline on screen.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-03-02T09:30"
demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the requester is registered" "$(cat "$T/import.out")"

# act ACTION WANT: choose the request's action ACTION, wait for WANT.
act() {
    choose desk "$1"
    wait_for desk "$2"
}

# state WHAT CHECK: the request's state line shows WHAT.
state() { expect desk "$2" "2026-000001  $1"; }

open_section desk "诉求" "待派单" "$NOW"
keys desk F7
expect desk "F7 opens the intake form" "登记诉求：选定服务事项"
keys desk Tab
type_text desk "zsf"
expect desk "the resident search finds 张三丰 by pinyin initials" "张三丰"
keys desk Enter
wait_gone desk "共 2 项"
keys desk Tab
expect desk "the requester's name is taken from the record" "姓名/名称: 张三丰"
expect desk "the requester's phone is shown masked" "电话: 139****1111"
keys desk Tab Tab Tab Tab
type_text desk "zdshbz"
expect desk "the catalogue is searched by pinyin initials" "HB001 最低生活保障申请"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab
expect desk "the item fills in the unit" "区民政局"
expect desk "and shows the materials to bring" "办理材料：居民身份证"
if screen desk | grep -q "服务群众"; then t_ok "the item fills in the category"; else t_fail "the item fills in the category" "$(screen desk)"; fi
keys desk Tab Tab Tab Tab Tab Tab
type_text desk "申请低保，家中老人无人照料"
keys desk F2
expect desk "saving offers the receipt" "回执保存为文件"
choose desk "回执保存为文件"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/receipt.txt"
keys desk Enter
expect desk "the receipt is written" "已写入 $T/receipt.txt"
state "已派单" "the request is dispatched automatically on save"
expect desk "to the item's unit" "派单至区民政局"
if grep -q "回执编号：2026-000001" "$T/receipt.txt" && grep -q "承办单位：区民政局" "$T/receipt.txt" &&
    grep -q "139\*\*\*\*1111" "$T/receipt.txt" && grep -q "咨询电话：022-27301234" "$T/receipt.txt"; then
    t_ok "the receipt holds number, unit, masked phone and the desk's phone"
else
    t_fail "the receipt holds number, unit, masked phone and the desk's phone" "$(cat "$T/receipt.txt")"
fi

act "退单" "退单理由"
choose desk "属地不符"
wait_for desk "给前台的说明"
type_text desk "不属本单位职责"
keys desk Enter
state "退单待审" "退单 with a coded reason"
expect desk "the reason is on the timeline" "退单待审；属地不符：不属本"

act "改派" "改派给哪个单位"
type_text desk "qcl"
wait_for desk "共 1 项，"
keys desk Enter
state "已派单" "re-routed to another unit"
expect desk "the timeline names the new unit" "改派至区残联"

expect desk "each action is shown with its own letter" "q 签收"
type_text desk "q"
expect desk "q takes 签收, whatever else is offered" "签收 2026-000001"
keys desk y
state "已签收" "签收 (一叫就到)"
keys desk F1
expect desk "help on a request lists its F9 commands" "F9 1  打印或保存回执"
if screen desk | grep -q "F7  Ins\|F8  Esc 8\|F6  Esc 6"; then
    t_fail "help on a request lists no F-key its view does not use (F6, F7, F8)" "$(screen desk)"
else
    t_ok "help on a request lists no F-key its view does not use (F6, F7, F8)"
fi
keys desk Escape
wait_gone desk "F9 1  打印或保存回执"
act "首次联系" "联系诉求人的方式"
type_text desk "已电话联系，约定周三上门"
keys desk Enter
state "办理中" "first contact starts 办理中 (提锅上灶)"
type_text desk "t"
expect desk "the letter of a step not offered now (退单 while handled) is said, not ignored" \
    "t 退单：这件诉求现在不能做这一步，或不归您做"

act "申请延期" "新的办结时限"
type_text desk "4月10日"
keys desk Enter
expect desk "a date not written as one is refused, saying how to write it" "4月10日：不是日期：请写成 2027-01-15"
keys desk C-u
type_text desk "2026-04-11"
keys desk Enter
expect desk "a Saturday is refused as a deadline" "2026-04-11：那天不是工作日"
keys desk C-u
type_text desk "2099-04-10"
keys desk Enter
expect desk "and a year the calendar has not reached" "2099-04-10：工作日历还没有录入那一年"
keys desk C-u
type_text desk "2026-04-10"
keys desk Enter
wait_for desk "需要延期的理由"
if screen desk | grep -q "工作日历还没有录入那一年"; then
    t_fail "the date refused before is not said under the next question" "$(screen desk)"
else
    t_ok "the date refused before is not said under the next question"
fi
type_text desk "需入户核实家庭收入"
keys desk Enter
expect desk "the extension waits for a decision" "[延期待批]"
if screen desk | grep -q "批准延期"; then
    t_fail "approving it is not the desk clerk's to do" "$(screen desk)"
else
    t_ok "approving it is not the desk clerk's to do"
fi
# A supervisor, at another desk, approves it.
sign_in sup "supervisor" "demo-supervisor" "$NOW"
choose sup "诉求"
wait_for sup "未办结"
type_text sup "2026-000001"
wait_for sup "共 1 条"
keys sup Enter
wait_for sup "2026-000001  办理中"
choose sup "批准延期"
wait_for sup "如何告知诉求人新"
expect sup "the approval shows the date asked, whole, and the deadline it replaces" "延期至 2026-04-10 17:00（现时限 2026-03-30 17:00）"
type_text sup "已电话告知诉求人"
keys sup Enter
expect sup "the supervisor approves the extension" "2026-000001  延期"
quits sup "the supervisor quits"
keys desk F5
state "延期" "the desk sees it approved"
expect desk "with the new deadline on the timeline" "新的时限 2026-04-10 17:00"

act "办结反馈" "单位反馈的办理结果"
type_text desk "已按规定办理"
keys desk Enter
state "已反馈" "the unit replies"
# Corrected now, the reply stands under its own name, not 直接答复 (an answer on the spot).
keys desk F4
wait_for desk "更正诉求"
expect desk "the correction form names the unit's reply as the result" "办理结果: 已按规定办理"
keys desk Escape
wait_gone desk "更正诉求"

act "回访评价" "问题解决了吗"
choose desk "未解决"
wait_for desk "诉求人是否满意"
choose desk "不满意"
wait_for desk "诉求人的意见"
type_text desk "仍未领到低保金"
keys desk Enter
state "重办" "回访 不满意 sends it back to the unit"
expect desk "the timeline says so" "回访不满意，退回区残联重办"

act "重新办理" "重新办理 2026-000001"
keys desk y
state "办理中" "the unit takes it up again"
if screen desk | grep -q "回访时限\|，已反馈"; then
    t_fail "handled again, the last round's reply and follow-up are not shown as its clocks" "$(screen desk)"
else
    t_ok "handled again, the last round's reply and follow-up are not shown as its clocks"
fi
act "办结反馈" "单位反馈的办理结果"
type_text desk "低保金已发放"
keys desk Enter
state "已反馈" "and replies again"
# A call not answered; another within the hour is refused (three in a minute reach nobody).
act "回访未接通" "未接通？"
keys desk y
state "回访中" "a call not answered is recorded"
if screen desk | grep "可办理：" | grep -q "n 回访未接通（[0-9][0-9]:[0-9][0-9] 起）"; then
    t_ok "a second call not answered is offered only from an hour on, saying when"
else
    t_fail "a second call not answered is offered only from an hour on, saying when" "$(screen desk)"
fi
keys desk n
expect desk "pressed within the hour, its key says when the last was noted and when the next may be" "隔一小时再打"
state "回访中" "and nothing is recorded"
act "回访评价" "问题解决了吗"
choose desk "已解决"
wait_for desk "诉求人是否满意"
choose desk "满意"
wait_for desk "诉求人的意见"
keys desk Enter
state "已办结" "回访 满意 closes it"
expect desk "the whole timeline is counted" "办理经过（14）"
expect desk "its end is on screen" "回访，办结"
expect desk "the closing follow-up's answers are recorded" "已解决，满意"

quits desk "quits cleanly"
if "$BIN" --db "$DB" print receipt 2026-000001 | grep -q "回执编号：2026-000001"; then
    t_ok "print receipt prints the receipt on stdout"
else
    t_fail "print receipt prints the receipt on stdout"
fi
if "$BIN" --db "$DB" check >/dev/null; then t_ok "database sound afterwards"; else t_fail "database sound afterwards"; fi
t_sanitizers "request_life"
