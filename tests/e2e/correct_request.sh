# Correcting a request after saving: F4 on the request opens its fields as
# taken down; the title, detail, item and place are corrected, the old
# values stay on the timeline; the unit and level are changed by their own
# actions, and the form says so; check finds the timeline sound.
. "$(dirname "$0")/lib.sh"

demo_with_zsf

open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30
take_down desk "申请低保"
wait_for desk "2026-000001  已派单"
expect desk "the key bar offers F4 on a request" "4编辑"

keys desk F4
expect desk "F4 opens the correction" "更正诉求"
expect desk "with the request as taken down" "申请低保"
expect desk "the phone masked" "139****1111"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "x"
expect desk "the unit is changed by rerouting, and the form says so" "责任单位在诉求上用「改派」更改"
keys desk Tab Tab Tab Tab Tab C-u
type_text desk "申请最低生活保障"
keys desk Tab
type_text desk "家中两位老人无收入"
keys desk F2
expect desk "the correction is saved" "已更正 2026-000001"
expect desk "the request shows the new title" "申请最低生活保障"
expect desk "the timeline keeps the old title" "标题由「申请低保」改为「申请最低生活保障」"
db_is "the event holds both changes" \
    "SELECT action || ':' || text FROM request_event ORDER BY id DESC LIMIT 1" \
    "correct:标题由「申请低保」改为「申请最低生活保障」；内容由「（无）」改为「家中两位老人无收入」"
db_is "the unit is the one dispatched to" "SELECT u.name FROM request r JOIN unit u ON u.id = r.unit_id" "区民政局"

# The number to call back corrected on a resident's request: kept as typed (passing the resident's
# field again does not put the register's number back), and said on the timeline, masked.
keys desk F4
wait_for desk "更正诉求"
keys desk Tab Tab Tab
type_text desk "13912345678"
keys desk F2
expect desk "the phone's correction is saved" "已更正 2026-000001"
db_is "the phone typed is stored" "SELECT requester_phone FROM request" "13912345678"
expect desk "and on the timeline, masked" "电话由「139****1111」改为「139****5678」"
# Saved with nothing changed: said so, nothing written.
keys desk F4
wait_for desk "更正诉求"
keys desk F2
expect desk "a correction with nothing changed says so" "没有改动：2026-000001 保持原样"
db_is "and writes no event" "SELECT count(*) FROM request_event WHERE action = 'correct'" 2

# A second desk corrected it meanwhile: this one is told, and saves over.
keys desk F4
wait_for desk "更正诉求"
sqlite3 "$DB" "UPDATE request SET title = '低保申请', channel = 'phone', version = version + 1, updated_by = 'deskB', updated_at = 1796530800"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "（补）"
keys desk F2
expect desk "the race is said, with when" "deskB 已于 $(date -d @1796530800 '+%Y-%m-%d %H:%M:%S') 修改了此记录"
expect desk "the other desk's channel in words, as the form offers it" "渠道：对方改为「电话」"
choose desk "保存我改的部分（其余保留对方的）"
expect desk "saved over: only the detail this desk changed" "已更正 2026-000001"
db_is "the other desk's title and channel stay, this desk's detail is written" \
    "SELECT title || '|' || channel || '|' || detail FROM request" "低保申请|phone|家中两位老人无收入（补）"

# An item of another unit chosen: the request stays with its unit, as said.
keys desk F4
wait_for desk "更正诉求"
keys desk Tab Tab Tab Tab Tab Tab Enter
wait_for desk "回车选定"
type_text desk "HB174"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "回车选定"
keys desk F2
expect desk "an item of another unit: the request stays with its unit, and how it would move is said" \
    "所选事项归区供热公司，诉求仍由区民政局办理，时限不变"
db_is "the unit is still the one dispatched to" "SELECT u.name FROM request r JOIN unit u ON u.id = r.unit_id" "区民政局"

quits desk "quits cleanly"
"$BIN" --db "$DB" check >"$T/check.out" 2>&1 && t_ok "check finds corrections in the workflow" ||
    t_fail "check finds corrections in the workflow" "$(cat "$T/check.out")"
t_sanitizers "correct request"
