# An import shows what it will change before it does it: a clerk opens a
# ledger whose headers another office wrote (身份证, 联系方式, 家庭住址 known;
# 婚姻状况 not; numbers with the tab exports put before them), maps the
# unknown column to 备注 with F9, and F2 compares the
# file with the register: counts of new, changed, unchanged and refused
# records and each changed one field by field, old -> new, masked. Nothing
# is written until F2 again and a yes; a no leaves the register as it was.
. "$(dirname "$0")/lib.sh"

demo_db
cp "$TOP/tests/data/residents-bad.gb18030.csv" "$T/first.csv"
"$BIN" --db "$DB" import residents "$T/first.csv" >/dev/null
printf '%s\r\n' \
    "姓名,身份证,联系方式,家庭住址,婚姻状况" \
    "张三,	110101199003074477,	13900139000,3号楼-2单元-502,已婚" \
    "王𠇔,11010519491231002X,,朝阳里1号楼," \
    "周九,110101199003074493,,5号楼," \
    "钱六,110105194912310021,,," >"$T/new.csv"
register() { sqlite3 "$DB" "SELECT id, version, phone, address, note FROM resident ORDER BY id; SELECT count(*) FROM audit_log WHERE action NOT LIKE 'login%'"; }
reg_before=$(register)

open_residents desk
keys desk F9
choose desk "导入居民台账"
wait_for desk "预览"
type_text desk "$T/new.csv"
keys desk Tab
expect desk "the headers other offices use are known" "导入的列：姓名、身份证、联系方式、家庭住址"
expect desk "an unknown header is named, with how to map it" "不认识的列（不导入；按 F9 指定对应的列）：婚姻状况"
expect desk "the tab an export puts before a number is no part of the row shown" \
    "第 2 行： 张三 110***********4477 139****9000 3号楼-2单元-502 已婚"
[ "$(screen desk | grep -o "回车选择" | wc -l)" = 1 ] && t_ok "a choice's short hint is said once, beside it" ||
    t_fail "a choice's short hint is said once, beside it" "$(screen desk)"

# F9: the column, then the field it holds.
keys desk F9
wait_for desk "哪一列"
type_text desk "婚姻"
wait_for desk "共 1 项，"
keys desk Enter
wait_for desk "「婚姻状况」列对应"
type_text desk "备注"
wait_for desk "共 1 项，"
keys desk Enter
wait_gone desk "回车选定"
expect desk "a mapped column is used" "家庭住址、婚姻状况"
wait_gone desk "不认识的列"

keys desk F2
expect desk "F2 counts what the import would do" "将新增 1，将更新 1，未变 1"
expect desk "and shows a changed record field by field, masked" "手机号 138****8000 -> 139****9000"
expect desk "the mapped column too" "备注 （空） -> 已婚"
expect desk "and the refused row with its reason" "第 5 行「身份证」"
expect desk "and says nothing is written yet" "尚未写入任何数据"
now=$(register)
[ "$now" = "$reg_before" ] && t_ok "the preview writes nothing" || t_fail "the preview writes nothing" "$reg_before" "$now"

# F2 again asks; no leaves everything as it was.
keys desk F2
wait_for desk "现在导入"
keys desk n
expect desk "a no imports nothing" "未导入"
now=$(register)
[ "$now" = "$reg_before" ] && t_ok "the register is as it was after a no" || t_fail "the register is as it was after a no" "$reg_before" "$now"

# F2 and yes: done as the preview said.
keys desk F2
wait_for desk "现在导入"
keys desk y
expect desk "a yes imports what the preview said" "新增 1，更新 1，未变 1"
db_is "the change is in, the mapped column too" \
    "SELECT phone || '/' || address || '/' || note FROM resident WHERE id_number = '110101199003074477'" \
    "13900139000/3号楼-2单元-502/已婚"

# Two columns for one field: the preview says which is not imported.
printf '%s\r\n' "姓名,身份证,联系方式,手机号" "张三,110101199003074477,13911112222,13900139000" >"$T/twice.csv"
keys desk Escape
wait_for desk "查找："
keys desk F9
choose desk "导入居民台账"
wait_for desk "预览"
type_text desk "$T/twice.csv"
keys desk Tab
expect desk "a second column for one field is named, read only where the other is empty" "仅在同一项的另一列为空时读取的列（按 F9 可改）：联系方式"
if screen desk | grep -q "13911112222"; then
    t_fail "the second phone column is masked in the preview as the first" "$(screen desk)"
else
    t_ok "the second phone column is masked in the preview as the first"
fi
# The file saved again after F2 compared it: the next F2 compares it again, importing nothing yet.
keys desk F2
wait_for desk "导入将会做的改动"
printf '%s\r\n' "姓名,身份证,联系方式,手机号" "张三,110101199003074477,,13900139000" "孙七,110101199003074485,," >"$T/twice.csv"
touch -d '1 minute' "$T/twice.csv"
keys desk F2
expect desk "a file changed after F2 compared it is compared again, not imported" "文件在比对之后改过：已重新比对"
expect desk "and the comparison is the file's as it is now" "将新增 1"
db_is "nothing is imported by that F2" "SELECT count(*) FROM resident WHERE id_number = '110101199003074485'" 0
quits desk "quits cleanly"
t_sanitizers "import_preview"
