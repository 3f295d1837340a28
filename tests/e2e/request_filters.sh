# Narrowing the requests a supervisor looks at: by community, grid, period,
# channel, category and state beside unit and level; the list as filtered
# written as a request ledger (Excel or CSV), phones masked; a resident's
# record lists their requests, opens them, and takes a new one down.
. "$(dirname "$0")/lib.sh"

NOW=2026-03-02T10:00
env BANGBAN_NOW="$NOW" BANGBAN_USER=desk1 "$BIN" --db "$DB" demo --residents 300 --requests 400 --years 1 >"$T/demo.out" 2>&1 ||
    t_fail "the demo district with requests" "$(cat "$T/demo.out")"

open_section desk "诉求" "未办结" "BANGBAN_NOW=$NOW" BANGBAN_USER=desk1
keys desk BTab
wait_for desk "共 400 条  最新在前"

# By state: 已办结.
keys desk F9
choose desk "只看一种状态"
wait_for desk "只看哪种状态的诉求"
keys desk Down Down Down Down Down Down Down Down Down Down
keys desk Enter
closed=$(sqlite3 "$DB" "SELECT count(*) FROM request WHERE status = 'closed'")
expect desk "the state filter keeps the closed requests" "共 $closed 条  最新在前"
expect desk "and says so under the search" "只看：已办结"

# By channel as well.
keys desk F9
choose desk "只看一种渠道"
wait_for desk "窗口"
type_text desk "dh"
wait_gone desk "窗口"
keys desk Enter
n=$(sqlite3 "$DB" "SELECT count(*) FROM request WHERE status = 'closed' AND channel = 'phone'")
expect desk "and the channel" "共 $n 条  最新在前"
expect desk "both said" "只看：电话 已办结"

# A period: a backwards one is refused with its reason.
keys desk F9
choose desk "只看一段时间"
wait_for desk "只看一段时间内登记的诉求"
type_text desk "2026-02-01"
keys desk Tab
type_text desk "2026-01-01"
keys desk Enter
expect desk "a backwards period is refused" "最后一天早于第一天"
keys desk C-u
type_text desk "2026-02-28"
keys desk Enter
from=$(date -d "2026-02-01 00:00" +%s) to=$(date -d "2026-03-01 00:00" +%s)
n=$(sqlite3 "$DB" "SELECT count(*) FROM request WHERE status = 'closed' AND channel = 'phone' AND created_at >= $from AND created_at < $to")
expect desk "the period narrows it" "只看：电话 已办结 2026-02-01 至 2026-02-28"
expect desk "to the requests taken down in it" "共 $n 条  最新在前"

# export_list FILE: F9, 导出当前列表, FILE typed in place of the name offered, Enter.
export_list() {
    keys desk F9
    choose desk "导出当前列表"
    wait_for desk "写入的文件"
    keys desk C-u
    type_text desk "$1"
    keys desk Enter
}

# The list as filtered, to Excel.
export_list "$T/list.xlsx"
expect desk "the export says how many and where" "已导出 $n 件诉求到 $T/list.xlsx"
[ -s "$T/list.xlsx" ] && unzip -p "$T/list.xlsx" | grep -q "诉求编号" &&
    t_ok "the workbook has the request ledger's columns" || t_fail "the workbook has the request ledger's columns"
# The same file again: asked first, and No leaves it as it was.
cp "$T/list.xlsx" "$T/list.kept"
export_list "$T/list.xlsx"
expect desk "an export over a file that exists asks first" "已存在。要替换它吗？"
keys desk n
expect desk "No leaves the file as it was" "list.xlsx 保持不变"
cmp -s "$T/list.xlsx" "$T/list.kept" && t_ok "and the workbook is untouched" || t_fail "and the workbook is untouched"
expect desk "the name is asked again" "写入的文件"
keys desk Escape
wait_gone desk "写入的文件"
# Sorted oldest first, the file is too: the list as it stands.
keys desk F9
choose desk "排序"
choose desk "最早在前"
expect desk "sorted oldest first" "共 $n 条  最早在前"
export_list "$T/oldest.csv"
expect desk "exported as sorted" "已导出 $n 件诉求到 $T/oldest.csv"
oldest=$(sqlite3 "$DB" "SELECT number FROM request WHERE status = 'closed' AND channel = 'phone' AND created_at >= $from AND created_at < $to ORDER BY created_at, id LIMIT 1")
[ "$(sed -n 2p "$T/oldest.csv" | cut -d, -f1 | tr -d '\t\357\273\277')" = "$oldest" ] &&
    t_ok "the file's first request is the list's first, the oldest" ||
    t_fail "the file's first request is the list's first, the oldest" "want $oldest: $(sed -n 2p "$T/oldest.csv")"
# A name such as .xls, a format bangban does not write, is refused and asked again.
export_list "$T/list.xls"
expect desk "a .xls name is refused, saying what to name it" "帮办不写 .xls 格式的文件"
[ ! -e "$T/list.xls" ] && t_ok "and nothing is written" || t_fail "and nothing is written"
expect desk "the name is asked again, as typed" "$T/list.xls"
keys desk Escape
wait_gone desk "写入的文件"

# Every filter dropped.
keys desk F9
choose desk "取消全部筛选"
expect desk "every filter dropped (the order chosen kept)" "共 400 条  最早在前"
keys desk Escape Escape
wait_for desk "前台工作台"

# A resident's record lists their requests.
rid=$(sqlite3 "$DB" "SELECT resident_id FROM request WHERE resident_id IS NOT NULL GROUP BY resident_id ORDER BY count(*) DESC, resident_id LIMIT 1")
who=$(sqlite3 "$DB" "SELECT name FROM resident WHERE id = $rid")
count=$(sqlite3 "$DB" "SELECT count(*) FROM request WHERE resident_id = $rid")
latest=$(sqlite3 "$DB" "SELECT number FROM request WHERE resident_id = $rid ORDER BY created_at DESC, id DESC LIMIT 1")
choose desk "居民"
wait_for desk "查找："
type_text desk "$who"
wait_for desk "共 1 条"
keys desk Enter
expect desk "the record lists the resident's requests" "诉求（$count 件）：回车打开，F7 登记新诉求"
expect desk "the newest first" "$latest"
keys desk Enter
expect desk "Enter opens the request" "$latest  "
keys desk Escape Escape
wait_for desk "诉求（$count 件）"
keys desk F7
expect desk "F7 takes a new request down for this resident" "姓名/名称: $who"
type_text desk "zdshbz"
wait_for desk "HB001 最低生活保障申请"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "申请低保"
keys desk F2
choose desk "不要回执"
wait_for desk "已派单"
db_is "the new request is the resident's" "SELECT count(*) FROM request WHERE resident_id = $rid" "$((count + 1))"
keys desk Escape Escape
expect desk "and the record lists it" "诉求（$((count + 1)) 件）"
quits desk "quits cleanly"
t_sanitizers "request filters"
