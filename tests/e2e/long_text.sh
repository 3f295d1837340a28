# Long texts are read and typed whole: a request's detail is typed on
# several rows (Alt+Enter starts a new line, Up and Down move between rows
# before moving on), shown wrapped on the request, read in full with x
# together with the whole timeline; a reason is typed on several lines too.
. "$(dirname "$0")/lib.sh"

demo_with_zsf

open_section desk "诉求" "待派单" BANGBAN_NOW=2026-03-02T09:30
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
type_text desk "zdshbz"
wait_for desk "HB001 最低生活保障申请"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "楼道照明"
keys desk Tab
expect desk "the detail says how a new line is typed" "Alt+Enter 换行"
type_text desk "甲乙"
keys desk M-Enter
type_text desk "丙丁"
keys desk Up
type_text desk "戊"
keys desk Down
LONG="楼道灯坏了三天，晚上老人下楼看不见，已经摔倒过一次。物业说要等业委会开会决定，请社区协调尽快修好，并检查整栋楼其他楼层的照明。"
type_text desk "$LONG"
expect desk "the detail is typed on several rows: its end is on screen" "其他楼层的照明。"
keys desk Down
keys desk F2
choose desk "不要回执"
expect desk "the request is saved" "2026-000001  已派单"
db_is "Up went to the first row at the same column, Down back to the end of the second" \
    "SELECT detail = '甲乙戊' || char(10) || '丙丁$LONG' FROM request" 1
expect desk "the view shows the detail's lines, wrapped" "丙丁楼道灯坏了三天"
expect desk "and says where the whole text is read" "x 全文"

keys desk x
expect desk "x reads the request in full" "诉求 2026-000001 全文"
expect desk "the detail to its end" "其他楼层的照明。"
expect desk "and the timeline" "派单至区民政局"
expect desk "which rows are shown is said" "共 "
keys desk Escape
wait_for desk "2026-000001  已派单"

choose desk "退单"
wait_for desk "退单理由"
choose desk "其他"
expect desk "a reason is typed on several lines" "Alt+Enter 换行"
type_text desk "不属于本单位职责"
keys desk M-Enter
type_text desk "请改派街道办事处"
keys desk Enter
wait_for desk "2026-000001  退单待审"
db_is "the reason keeps its line break" \
    "SELECT text LIKE '%不属于本单位职责' || char(10) || '请改派街道办事处' FROM request_event ORDER BY id DESC LIMIT 1" 1
expect desk "the timeline shows both its lines" "请改派街道办事处"
quits desk "quits cleanly"
t_sanitizers "long text"
