# The ID number decides birth date and sex: changing it on the form takes
# both from the new number (saying so), and a birth date edited afterwards
# to disagree is refused at F2, named on its field; bangban check reports
# a record that disagrees all the same (edited behind the form). On a new
# resident too: a date changed after the number is refused, not replaced.
. "$(dirname "$0")/lib.sh"

ZS="SELECT birth_date, gender FROM resident WHERE name = '张三'"

demo_db
printf '%s\r\n' "姓名,身份证号" "张三,110101199003074477" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null

open_residents desk
type_text desk "zs"
wait_for desk "共 1 条"
keys desk F4
expect desk "the resident is open for editing" "编辑居民"
# Down to 身份证号, the fifth field; typing replaces the masked number.
keys desk Tab Tab Tab Tab
type_text desk "11010519491231002X"
keys desk Tab
expect desk "a new number brings its own birth date" "出生日期: 1949-12-31"
expect desk "and its own sex" "性别: 女"
expect desk "and the form says so" "出生日期和性别已按新号码填写"
keys desk F2
expect desk "the resident is saved" "已保存：张三"
db_is "birth date and sex are the number's" "$ZS" "1949-12-31|F"

keys desk F4
wait_for desk "编辑居民"
keys desk Tab Tab Tab
keys desk C-u
type_text desk "1950-01-01"
keys desk F2
expect desk "a birth date that disagrees with the number is refused, on its field" "与身份证号不符（身份证为 1949-12-31）"
db_is "nothing was saved" "$ZS" "1949-12-31|F"
keys desk Escape Escape
wait_for desk "放弃"
keys desk y
wait_for desk "查找："

# A new resident: the number fills birth date and sex; a date changed after it is refused at F2,
# not put back silently.
keys desk F7
wait_for desk "登记新居民"
type_text desk "刘晓梅"
keys desk Tab Tab Tab Tab
type_text desk "12010119850101022X"
keys desk Tab
expect desk "the number fills in the birth date" "出生日期: 1985-01-01"
keys desk BTab BTab C-u
type_text desk "1985-01-09"
keys desk F2
expect desk "a new resident's birth date changed after the number is refused, not replaced" \
    "与身份证号不符（身份证为 1985-01-01）"
db_is "and nothing is saved" "SELECT count(*) FROM resident WHERE name = '刘晓梅'" 0
keys desk Escape Escape
wait_for desk "放弃"
keys desk y
wait_for desk "查找："

# One Backspace on the masked number clears it: F2 asks before the number on file is deleted; No
# puts it back (and saves nothing), Yes deletes it.
keys desk C-u
type_text desk "zs"
wait_for desk "共 1 条"
keys desk F4
wait_for desk "编辑居民"
keys desk Tab Tab Tab Tab BSpace F2
expect desk "F2 on a cleared ID number asks before deleting it" "身份证号 已清空：原来登记的号码将被删除。确定删除吗？"
keys desk n
expect desk "No puts the number back, nothing saved" "未保存：身份证号 已恢复为原来登记的号码"
db_is "the number is still on file" "SELECT id_number FROM resident WHERE name = '张三'" "11010519491231002X"
keys desk F2
expect desk "the number put back is as it was: nothing to save" "没有改动：张三 保持原样"
db_is "and stays" "SELECT id_number FROM resident WHERE name = '张三'" "11010519491231002X"
keys desk F4
wait_for desk "编辑居民"
keys desk Tab Tab Tab Tab BSpace F2
wait_for desk "确定删除吗"
keys desk y
expect desk "Yes deletes it" "已保存：张三"
db_is "the number is gone" "SELECT coalesce(id_number, '') FROM resident WHERE name = '张三'" ""
quits desk "quits cleanly"

sqlite3 "$DB" "UPDATE resident SET id_number = '11010519491231002X', birth_date = '1950-01-01' WHERE name = '张三'"
"$BIN" --db "$DB" check >"$T/check.out" 2>&1
status=$?
[ "$status" = 4 ] && grep -q "居民 张三（110" "$T/check.out" && grep -q "1950-01-01" "$T/check.out" &&
    t_ok "bangban check reports a birth date the ID number denies" ||
    t_fail "bangban check reports a birth date the ID number denies" "status $status" "$(cat "$T/check.out")"
t_sanitizers "resident id"
