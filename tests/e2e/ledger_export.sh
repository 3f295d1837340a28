# Every ledger bangban reads it also writes from its screen, in the columns
# its import reads: the catalogue from 服务清单's F9 menu, to a workbook in
# the export folder, which imports back changing nothing; the buildings
# from 区域与楼宇's, to CSV, which the same menu imports back unchanged; the
# grids (streets, communities, grids) to a workbook and back; the organisations with full
# numbers (a reason asked, recorded), likewise.
. "$(dirname "$0")/lib.sh"

demo_db
open_section desk "服务清单" "服务事项"
keys desk F9
choose desk "导出服务清单"
wait_for desk "写入的文件"
expect desk "the file offered is named for what it holds" "服务事项.xlsx"
keys desk C-u
type_text desk "清单.xlsx"
keys desk Enter
expect desk "the message says how many and where" "已写出服务事项 176 条到 $T/Documents/bangban/清单.xlsx"
env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/Documents/bangban/清单.xlsx" >"$T/back.out" 2>&1
grep -q "新增 0，更新 0，未变 176" "$T/back.out" && t_ok "the workbook imports back changing nothing" ||
    t_fail "the workbook imports back changing nothing" "$(cat "$T/back.out")"
quits desk "quits cleanly"

users_as supervisor boss
open_section boss "区域与楼宇" "编码       名称" BANGBAN_USER=boss
keys boss F9
choose boss "导出楼宇台账"
wait_for boss "写入的文件"
keys boss C-u
type_text boss "楼宇.csv"
keys boss Enter
expect boss "the buildings are written from their screen" "已写出楼宇 67 条到 $T/Documents/bangban/楼宇.csv"
keys boss F9
choose boss "导入楼宇台账"
wait_for boss "预览"
type_text boss "$T/Documents/bangban/楼宇.csv"
keys boss Tab
keys boss F2
expect boss "and read back from it, changing nothing" "未变 67"
# The grids (街道, 社区, 网格) likewise: out to a workbook and back, changing nothing.
keys boss Escape
wait_gone boss "未变 67"
keys boss F9
choose boss "导出网格台账"
wait_for boss "写入的文件"
expect boss "the grids' file is offered as 网格.xlsx" "网格.xlsx"
keys boss Enter
grids=$(sqlite3 "$DB" "SELECT count(*) FROM grid WHERE retired = 0")
expect boss "the grids are written from the areas screen" "已写出网格 $grids 条到 $T/Documents/bangban/网格.xlsx"
keys boss F9
choose boss "导入网格台账"
wait_for boss "预览"
type_text boss "$T/Documents/bangban/网格.xlsx"
keys boss Tab
keys boss F2
expect boss "and read back, changing nothing" "未变 $grids"
# Organisations, whose phones a masked export leaves out: with full numbers, a reason asked and
# recorded, they read back too.
keys boss Escape
wait_gone boss "未变 $grids"
keys boss F9
choose boss "导出企业（完整号码，记入日志）"
wait_for boss "为什么需要"
type_text boss "核对企业台账"
keys boss Enter
wait_for boss "写入的文件"
keys boss C-u
type_text boss "企业.xlsx"
keys boss Enter
expect boss "the organisations are written in full" "已写出企业 3000 条到 $T/Documents/bangban/企业.xlsx"
db_is "the full export is recorded with its reason" \
    "SELECT count(*) FROM audit_log WHERE action = 'export-unmasked' AND subject = 'organisation:*' AND detail LIKE '%核对企业台账'" 1
keys boss F9
choose boss "导入企业台账"
wait_for boss "预览"
type_text boss "$T/Documents/bangban/企业.xlsx"
keys boss Tab
keys boss F2
expect boss "the organisations read back from it, changing nothing" "未变 3000"
quits boss "quits cleanly"
t_sanitizers "ledger export"
