# The four lists of 区域与楼宇: Tab moves between them, grids are found by a
# grid worker's name and by pinyin, a community is created and saved with
# Ctrl-S (raw mode lets it through), and a street with communities under it
# cannot be retired.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
keys desk Tab
expect desk "Tab moves from buildings to their organisations" "信用代码"
keys desk Tab
expect desk "then round to streets" "共 6 条"
expect desk "the streets of the demo district" "劝业场街道"
keys desk Tab
expect desk "then communities" "共 50 条"
keys desk Tab
expect desk "then grids" "共 352 条"

type_text desk "cyld"
expect desk "grids found by pinyin initials" "共 5 条"
keys desk Escape
wait_for desk "共 352 条"
worker=$(sqlite3 "$DB" "SELECT workers FROM grid WHERE code = '120101004001-03'" | sed 's/、.*//')
type_text desk "$worker"
wait_gone desk "共 352 条"
expect desk "grids found by a grid worker's name" "120101004001-03"

keys desk BTab
expect desk "Shift-Tab goes back to communities" "共 50 条"
keys desk F7
expect desk "a new community form" "新建社区"
type_text desk "c999"
keys desk Tab
type_text desk "测试社区"
keys desk Tab Enter
wait_for desk "共 6 项"
type_text desk "nsjd"
expect desk "the street chooser finds 南市街道 by initials" "共 1 项"
keys desk Enter
wait_gone desk "共 1 项"
keys desk C-s
expect desk "Ctrl-S saves" "已保存：C999 测试社区"
expect desk "the list holds the new community" "共 51 条"
if screen desk | grep -q "C999 *测试社区 *南市街道"; then t_ok "with its street"; else t_fail "with its street" "$(screen desk)"; fi
# A second community of that name is refused, naming the one that has it.
keys desk F7
wait_for desk "新建社区"
type_text desk "c998"
keys desk Tab
type_text desk "测试社区"
keys desk Tab Enter
wait_for desk "共 6 项"
type_text desk "nsjd"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "共 1 项"
keys desk F2
expect desk "a second community of one name is refused, naming the first" "未保存：C999 测试社区 已是这个名称"
db_is "and not saved" "SELECT count(*) FROM community WHERE name = '测试社区'" 1
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_gone desk "新建社区"

keys desk BTab
wait_for desk "共 6 条"
type_text desk "南市"
wait_for desk "共 1 条"
keys desk F8
wait_for desk "停用 120101006 南市街道？"
keys desk y
expect desk "a street with active communities is not retired" "未停用：其下还有"
retired=$(sqlite3 "$DB" "SELECT retired FROM street WHERE name = '南市街道'")
[ "$retired" = 0 ] && t_ok "and stays active" || t_fail "and stays active" "retired=$retired"

quits desk "quits cleanly"
t_sanitizers "areas"
