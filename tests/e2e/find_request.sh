# Finding any request from wherever the clerk is: the requests screen opens
# on the desk's open work; the search takes a number's last digits, the
# requester's name or pinyin, the last digits of their mobile or ID number;
# a queue where nothing matches says how many match among all requests;
# the first queue is a setting.
. "$(dirname "$0")/lib.sh"

demo_with_zsf 13912345678

admin_login centre-admin # an admin at the desk: it changes the settings too
open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30 BANGBAN_USER=centre-admin
expect desk "the requests open on the desk's open work" "共 0 条  按期限"
take_down desk "申请低保"
wait_for desk "2026-000001  已派单"
keys desk Escape
expect desk "the open work lists the request dispatched" "共 1 条  按期限"

keys desk Tab
wait_for desk "共 0 条  按期限"
type_text desk "345678"
expect desk "the mobile's last digits: none to dispatch, one among all requests" "共 0 条，全部诉求中有 1 条"
expect desk "and the empty queue says where to look, not to register one" "这个队列中没有，「全部」中有：按 Tab 切换队列查看"
keys desk Escape
wait_for desk "共 0 条  按期限"
type_text desk "zsf"
expect desk "the requester's pinyin initials, the same" "共 0 条，全部诉求中有 1 条"
keys desk Escape
wait_for desk "共 0 条  按期限"
type_text desk "010127"
expect desk "the ID number's last digits, the same" "共 0 条，全部诉求中有 1 条"
keys desk Escape
type_text desk "张三"
expect desk "part of the name, the same" "共 0 条，全部诉求中有 1 条"
keys desk BTab
expect desk "the search stays when the queue changes" "查找： 张三"
expect desk "back on the open work, it finds the request" "共 1 条  按期限"
expect desk "its row" "2026-000001 已派单"
keys desk Escape Escape # Esc Esc: at once, before a digit could make Esc 0 the F10 key
wait_gone desk "查找： 张三"
type_text desk "01"
expect desk "a number's last digits" "共 1 条  按期限"

# The first queue is a setting: 待派单.
keys desk Escape Escape
wait_gone desk "查找： 01"
keys desk Escape Escape
wait_for desk "党群服务中心"
choose desk "服务清单"
wait_for desk "帮办 - 服务清单"
keys desk F9
choose desk "设置"
wait_for desk "诉求首先显示"
expect desk "the setting says what it is for" "打开诉求时首先显示的队列"
keys desk BTab BTab BTab # the queue: after it come the export folder and the ambiguous width
wait_for desk "打开诉求时首先显示的队列"
keys desk Enter
wait_for desk "待派单"
type_text desk "dpd"
wait_gone desk "超时督办"
keys desk Enter
keys desk F2
expect desk "the setting is saved" "设置已保存"
db_is "and stored by its code" "SELECT value FROM meta WHERE key = 'first_queue'" "new"
# The saved form has closed: one Esc (sent twice, as a fast Esc) leaves the catalogue.
expect desk "the saved settings close back to the catalogue" "帮办 - 服务清单"
keys desk Escape Escape
wait_for desk "党群服务中心"
choose desk "诉求"
expect desk "the requests now open on 待派单, where nothing waits" "这里没有诉求"
quits desk "quits cleanly"
t_sanitizers "find request"
