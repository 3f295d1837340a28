# Create a building by typing its Chinese name, save it, find it again by
# its pinyin initials; a field left wrong is reported beside it; Esc asks
# before dropping typing; retire and restore.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
if screen desk | grep -q "B101 *滨江国际大厦"; then t_ok "areas screen opens on buildings"; else t_fail "areas screen opens on buildings" "$(screen desk)"; fi

keys desk F7
expect desk "F7 opens a new building form" "新建楼宇"
keys desk F2
expect desk "saving an empty form names what is missing, and where" "未保存：编码：必填"
expect desk "the empty code is marked beside the field" "必填"

type_text desk "b 999"
keys desk Tab
expect desk "the code is normalised on leaving the field" "B999"
type_text desk "和平测试大厦"
keys desk Tab
type_text desk "和平区测试路1号"
keys desk Tab
keys desk Enter
expect desk "the street chooser opens" "共 6 项"
type_text desk "xx"
expect desk "the chooser narrows by pinyin" "共 1 项"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Enter
expect desk "the grid chooser offers the street's grids" "朝阳里第1网格"
type_text desk "朝阳里第2"
wait_gone desk "朝阳里第1网格"
keys desk Enter
wait_gone desk "回车选定"
expect desk "the grid is chosen" "朝阳里第2网格"
keys desk F2
expect desk "the building is saved" "已保存：B999 和平测试大厦"
expect desk "back on the list" "共 68 条"

type_text desk "hpcsds"
expect desk "found again by pinyin initials" "共 1 条"
if screen desk | grep -q "B999 *和平测试大厦 *商务楼宇 *新兴街道 *朝阳里第2网格"; then
    t_ok "the row shows what was typed"
else
    t_fail "the row shows what was typed" "$(screen desk)"
fi
keys desk Escape
expect desk "Esc clears the search" "共 68 条"
type_text desk "测试大"
expect desk "found by a Chinese fragment" "共 1 条"

# Editing and leaving with unsaved typing asks first.
keys desk Enter
expect desk "Enter opens the form" "编辑楼宇"
keys desk Tab
type_text desk "二期"
keys desk Escape
expect desk "Esc asks before dropping typing" "放弃填写的内容并返回？"
keys desk n
wait_gone desk "放弃填写的内容并返回？"
expect desk "answering no keeps the typing" "和平测试大厦二期"
keys desk Escape
wait_for desk "放弃填写的内容并返回？"
keys desk y
expect desk "answering yes goes back" "共 1 条"

# Retire, then the row is hidden; F6 shows it; F8 restores it.
keys desk F8
expect desk "F8 asks before retiring" "停用 B999 和平测试大厦？"
keys desk y
expect desk "retired" "已停用：B999 和平测试大厦"
expect desk "a retired row is hidden" "共 0 条"
keys desk F6
expect desk "F6 shows retired rows" "共 1 条（含已停用）"
keys desk F8
wait_for desk "恢复 B999 和平测试大厦？"
keys desk y
expect desk "restored" "已恢复：B999 和平测试大厦"

quits desk "quits cleanly"
if "$BIN" --db "$DB" check >/dev/null; then t_ok "database sound afterwards"; else t_fail "database sound afterwards"; fi
t_sanitizers "building"
