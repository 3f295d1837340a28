# Registering a resident through every kind of field on the form: the
# ethnicity, community and grid choosers narrowed by typing, the head of
# the household found by the resident search, the relation, and the tags
# checklist; what was chosen is what is stored. A note's Chinese punctuation
# is kept, and not rewritten when another field is saved. Enter alone goes
# through the form: a chooser's value taken, Enter goes on.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号" "张三,110101199003074477" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null

# pick NAME TYPED PICK [KEY...]: a chooser is open; type to narrow it to
# one row, PICK, and take it (after KEYs, such as Down past a first row).
pick() {
    name=$1
    type_text "$name" "$2"
    expect "$name" "typing $2 narrows the chooser to $3" "共 1 项，"
    wait_for "$name" "$3"
    shift 3
    keys "$name" "$@" Enter
    wait_gone "$name" "回车选定"
}

# new_resident NAME: from the residents list, F7 and NAME typed in the new resident's form.
new_resident() {
    wait_for desk "查找："
    keys desk F7
    wait_for desk "登记新居民"
    type_text desk "$1"
}

# abandon: Escape leaves the form, saying nothing is saved.
abandon() {
    keys desk Escape
    wait_for desk "放弃"
    keys desk y
}

open_residents desk
keys desk F7
wait_for desk "登记新居民"
type_text desk "王小明"
keys desk Tab Tab Enter
expect desk "the ethnicity chooser lists the 56" "共 56 项"
pick desk "huiz" "回族"
keys desk Tab Tab
type_text desk "12010120150307001X"
keys desk Tab Tab Tab Enter
pick desk "cyl" "朝阳里社区"
keys desk Tab Enter
expect desk "the grid chooser holds the community's grids" "朝阳里第1网格"
pick desk "第3" "朝阳里第3网格"
keys desk Tab
type_text desk "3号楼-1单元-101"
keys desk Tab Enter
type_text desk "zs"
expect desk "the head of the household is found by the resident search" "张三"
keys desk Down Enter
wait_gone desk "回车选定"
keys desk Tab Enter
pick desk "zi" "子"
keys desk Tab Enter
expect desk "the tags checklist opens" "党员"
keys desk Down Down Down Down Down Space F2
wait_gone desk "空巢老人"
expect desk "the ticked tag is in the field" "标签: 党员"
keys desk F2
expect desk "the resident is saved" "已保存：王小明"
row=$(sqlite3 "$DB" "SELECT r.ethnicity, r.gender, r.birth_date, c.name, g.name, r.address, h.name, r.relation,
    (SELECT group_concat(t.name) FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id WHERE rt.resident_id = r.id)
    FROM resident r JOIN community c ON c.id = r.community_id JOIN grid g ON g.id = r.grid_id
    JOIN resident h ON h.id = r.head_id WHERE r.name = '王小明'")
want="回族|M|2015-03-07|朝阳里社区|朝阳里第3网格|3号楼-1单元-101|张三|子|党员"
[ "$row" = "$want" ] && t_ok "stored as chosen" || t_fail "stored as chosen" "want $want" "got  $row"

# A note on file with Chinese punctuation stays as it is when another field is changed, and a
# note typed keeps its ，too: only full-width letters and digits are made half-width.
sqlite3 "$DB" "UPDATE resident SET note = '甲，乙；丙：丁（戊）！？' WHERE name = '张三'"
keys desk C-u
type_text desk "zs"
wait_for desk "共 1 条"
keys desk F4
wait_for desk "编辑居民"
keys desk Tab Tab Tab Tab Tab Tab
type_text desk "23334444"
keys desk F2
wait_for desk "已保存：张三"
db_is "a note left as it was is not rewritten in half-width punctuation" \
    "SELECT note FROM resident WHERE name = '张三'" "甲，乙；丙：丁（戊）！？"
db_is "and the change is the landline's alone" \
    "SELECT detail NOT LIKE '%Note%' FROM audit_log WHERE action = 'edit' AND subject LIKE 'resident:%' ORDER BY seq DESC LIMIT 1" 1
# A birth date later than today is refused.
new_resident "测试丁"
keys desk Tab Tab Tab
type_text desk "2099-03-01"
keys desk F2
expect desk "a birth date later than today is refused" "未保存：出生日期：晚于今天"
db_is "and nothing saved" "SELECT count(*) FROM resident WHERE name = '测试丁'" 0
abandon
# A name is stored as a Chinese name is written (王 五 is 王五), an address's wide dashes as '-',
# and a name with punctuation (a sentence pasted in) is refused.
new_resident "王 五"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "3号楼－1单元－201"
keys desk F2
expect desk "a name typed with a space is saved without it" "已保存：王五"
db_is "its address with '-'" "SELECT address FROM resident WHERE name = '王五'" "3号楼-1单元-201"
new_resident "楼道灯坏了，请修"
keys desk F2
expect desk "a sentence in the name is refused" "姓名中不能有标点符号"
abandon
# Enter all the way: Enter opens a chooser, Enter takes its row, and Enter again goes on to the
# next field (it opened the chooser again).
new_resident "测试戊"
keys desk Enter Enter
wait_for desk "回车选定"
keys desk Down Enter
wait_gone desk "回车选定"
expect desk "Enter takes the chosen sex" "性别: 女"
keys desk Enter Enter
wait_for desk "回车选定"
keys desk Enter
wait_gone desk "回车选定"
keys desk Enter
type_text desk "1990-01-02"
expect desk "Enter after a choice goes on to the next field: through the ethnicity to the birth date" \
    "出生日期: 1990-01-02"
abandon
# A birth date emptied after the ID number filled it is the number's again on F2 (it was saved
# empty: no age in the register).
new_resident "测试己"
keys desk Tab Tab Tab Tab
type_text desk "120101198503124132"
keys desk Tab
wait_for desk "出生日期: 1985-03-12"
keys desk BTab BTab
keys desk C-u
wait_gone desk "出生日期: 1985-03-12"
keys desk F2
expect desk "saved" "已保存：测试己"
db_is "with the birth date and sex of its ID number" \
    "SELECT birth_date || ' ' || gender FROM resident WHERE name = '测试己'" "1985-03-12 M"
quits desk "quits cleanly"
t_sanitizers "resident form"
