# Words that say what they mean: a request not yet dispatched is 已登记; one
# just dispatched is not urged yet; the warnings of a queue are explained
# under it; an extension's date is asked first, its example after the
# deadline, and a date not later is refused before the reason is typed.
. "$(dirname "$0")/lib.sh"

demo_with_zsf

open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "楼道灯不亮"
keys desk F2
choose desk "不要回执"
expect desk "a request not dispatched is 已登记" "2026-000001  已登记"
keys desk Escape
wait_for desk "共 1 条"
take_down desk "申请低保"
wait_for desk "2026-000002  已派单"
if screen desk | grep -q "2026-000002  已派单  \[催办\]"; then
    t_fail "a request just dispatched is not urged" "$(screen desk)"
else
    t_ok "a request just dispatched is not urged"
fi
quits desk "quits cleanly"

# Half a day later, its day to sign for is half gone: urged, and the queue says what that means.
open_section later "诉求" "未办结" BANGBAN_NOW=2026-03-02T14:00
expect later "half its time gone, it is urged" "2026-000002 已派单   催办"
expect later "the warnings are explained under the queue" "催办=最后一天且过半"
keys later F1
expect later "F1 on a queue says what it holds" "本队列「未办结」：所有尚未办结的诉求"
expect later "and what the warnings mean" "红：派单后 24 个工作小时未"
keys later Escape
wait_for later "共 2 条"
quits later "quits cleanly again"

# An extension: the date first, a date not later refused before any reason.
sqlite3 "$DB" "UPDATE request SET status = 'in_progress', accepted_at = created_at, contacted_at = created_at, resolve_due = strftime('%s', '2026-03-09 17:00'), due = strftime('%s', '2026-03-09 17:00') WHERE number = '2026-000002'"
open_section ext "诉求" "未办结" BANGBAN_NOW=2026-03-03T10:00
type_text ext "000002"
wait_for ext "共 1 条"
keys ext Enter
wait_for ext "2026-000002  办理中"
choose ext "申请延期"
expect ext "the example date is a week after the deadline now" "2026-03-16："
type_text ext "2026-03-01"
keys ext Enter
expect ext "an earlier date is refused at once, saying why" "2026-03-01：不晚于现在的期限"
expect ext "and asked again with what was typed" "2026-03-01"
keys ext C-u
type_text ext "2026-04-10"
keys ext Enter
expect ext "only then the reason" "需要延期的理由"
type_text ext "需入户核实家庭收入"
keys ext Enter
expect ext "the extension waits for a decision" "[延期待批]"
db_is "the reason is recorded once" "SELECT text FROM request_event WHERE action = 'ask_extension'" \
    "延至 2026-04-10 17:00：需入户核实家庭收入"
keys ext F1
expect ext "F1 on a request says what the desk can do now, with the keys: replying too, while the extension waits" "现为办理中：f 办结反馈；s 升级；c 催办；m 备注"
if screen ext | grep -q "批准延期"; then t_fail "approving the extension is not the desk clerk's" "$(screen ext)"; else t_ok "approving the extension is not the desk clerk's"; fi
expect ext "and what its marks mean" "[红色预警] 派单后"
keys ext Escape
quits ext "quits cleanly at the end"
t_sanitizers "wording"
