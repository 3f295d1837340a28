# A record made with the kits, end to end: 工作人员类别 from the 区域与楼宇
# menu. The list narrows by pinyin as the clerk types; F7 adds a kind, a
# taken code is refused naming the field; Enter edits; F8 retires and F6
# shows it; the F9 menu imports a ledger of kinds (and exports one).
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
keys desk F9
choose desk "工作人员类别"
expect desk "F9 on the areas opens the staff kinds" "帮办 - 工作人员类别"
expect desk "the seeded kinds are listed" "党建指导员"
type_text desk "djzd"
expect desk "pinyin initials narrow the list" "共 1 条"
keys desk Escape
wait_for desk "共 6 条"

keys desk F7
wait_for desk "新建工作人员类别"
type_text desk "lz"
keys desk Tab
type_text desk "楼长助理"
keys desk Tab
type_text desk "协助楼长走访企业"
keys desk F2
expect desk "a new kind is saved" "已保存：楼长助理"
if screen desk | grep -qE "^ *LZ +楼长助理 +协助楼长走访企业"; then
    t_ok "and the list shows it"
else
    t_fail "and the list shows it" "$(screen desk)"
fi
db_is "the code is stored as a code (upper case)" \
    "SELECT code || '/' || note FROM staff_kind WHERE name = '楼长助理'" "LZ/协助楼长走访企业"

keys desk F7
wait_for desk "新建工作人员类别"
type_text desk "SW"
keys desk Tab
type_text desk "另一个社工"
keys desk F2
expect desk "a taken code is refused, naming the field and the value" "未保存：编码「SW」已被别的记录占用"
if [ "$(screen desk | grep -c "已被别的记录占用")" -ge 2 ]; then
    t_ok "and the field is marked beside it too"
else
    t_fail "and the field is marked beside it too" "$(screen desk)"
fi
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_for desk "共 7 条"

type_text desk "楼长"
wait_for desk "共 1 条"
keys desk Enter
wait_for desk "编辑工作人员类别"
expect desk "the form says who changed it last" "版本 1"
keys desk Tab Tab C-u
type_text desk "协助楼长"
keys desk F2
expect desk "an edit is saved" "已保存：楼长助理"
db_is "the edit is stored, version 2" "SELECT note || '/' || version FROM staff_kind WHERE code = 'LZ'" \
    "协助楼长/2"

keys desk F8
wait_for desk "停用 LZ 楼长助理"
keys desk y
expect desk "F8 retires it" "已停用：LZ 楼长助理"
expect desk "and it leaves the list" "共 0 条"
keys desk F6
expect desk "F6 shows it, retired" "共 1 条（含已停用）"
keys desk F8
wait_for desk "恢复 LZ 楼长助理"
keys desk y
expect desk "F8 restores it" "已恢复：LZ 楼长助理"

keys desk F1
expect desk "help names F9's commands, each with its key" "F9 1  导入工作人员类别"
keys desk Escape
wait_gone desk "F9 1  导入工作人员类别"
keys desk F9
choose desk "导入工作人员类别"
expect desk "F9 1 opens the import of a kinds ledger" "预览"
cp "$TOP/tests/data/staff-kinds-bad.gb18030.csv" "$T/kinds.csv"
type_text desk "$T/kinds.csv"
keys desk Tab
expect desk "the preview names the encoding it detected" "编码：GB18030（自动识别）"
import_confirm desk
expect desk "F2 imports the good rows and reports (a name with a line break joined)" "读取 10 行：新增 1，更新 1"
expect desk "each bad row with its line, column and reason" "第 10 行「类别名称」：「网格员」已被别的记录占用"
db_is "the kinds hold what the ledger's good rows say" \
    "SELECT count(*) || ' ' || (SELECT count(*) FROM staff_kind WHERE code = 'DUP') FROM staff_kind" "8 0"
quits desk "quits cleanly"
t_sanitizers "staff_kinds"
