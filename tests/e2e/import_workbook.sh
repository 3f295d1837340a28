# An Excel workbook on the 居民 screen's import (F9, 导入居民台账), whatever
# its name: the preview names the workbook and its sheet and shows the rows
# as Excel numbers them; the report names each bad row by sheet, row and
# column (an ID number stored as a number is the Excel damage) and counts
# the cells whose lines it joined. An .xls file is named, with
# what to do, instead of being read as text.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\n' \
    '#sheet 居民名单' \
    '姓名	性别	身份证号	家庭住址' \
    '赵一	男	120101198502140018	和平路 12 号\n3 门 201' \
    '钱二	女	n:120101199207180027	南京路 8 号' >"$T/spec.txt"
"$TOP/build/tools/xlsx_make" "$T/list.csv" <"$T/spec.txt" || t_fail "xlsx_make wrote the test workbook"
cp "$TOP/tests/data/residents.xls" "$T/old.xls"
printf '%s\n' \
    '#sheet 说明' \
    '本表由社区填报' \
    '#sheet 名单' \
    '姓名	性别	身份证号' \
    '孙三	男	120101198502140093' >"$T/two-spec.txt"
"$TOP/build/tools/xlsx_make" "$T/two.xlsx" <"$T/two-spec.txt" || t_fail "xlsx_make wrote the two-sheet workbook"
printf '%s\n' '#sheet 空白' '#sheet 名单' '姓名	性别	身份证号' '李六	女	120101198502140122' >"$T/blank-spec.txt"
"$TOP/build/tools/xlsx_make" "$T/blank.xlsx" <"$T/blank-spec.txt" || t_fail "xlsx_make wrote the workbook with a blank first sheet"

open_import() {
    keys desk F9
    choose desk "导入居民台账"
    wait_for desk "预览"
}

open_residents desk
open_import
type_text desk "$T/list.csv"
keys desk Tab
expect desk "a workbook named .csv is previewed as a workbook, its sheet named" "Excel 工作簿，工作表「居民名单」"
expect desk "its rows numbered as Excel numbers them" "第 3 行： 钱二 女 1.2************E+17"
import_confirm desk
expect desk "the report names the sheet, row and column of a bad row" "工作表「居民名单」第 3 行 C 列「身份证号」：Excel 已把身份证号变成"
expect desk "and counts the cells whose lines it joined" "退回 1；1 个单元格内有换行，已并成"
n=$(sqlite3 "$DB" "SELECT address FROM resident WHERE name = '赵一'")
[ "$n" = "和平路 12 号 3 门 201" ] && t_ok "the good row is in, its address on one line" || t_fail "the good row is in, its address on one line" "$n"

keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/old.xls"
keys desk Tab
expect desk "an .xls file is named, with what to do" "是 Excel 97-2003 工作簿（.xls）"

# A workbook whose rows are on its second sheet: the preview says there are two, 工作表 chooses.
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/two.xlsx"
keys desk Tab
expect desk "the preview says the workbook has more sheets and where to choose" "工作表「说明」（共 2 个，可在「工作表」中另选）"
expect desk "the first sheet has no name column" "台账中没有「姓名」列"
keys desk Tab Enter
wait_for desk "回车选定"
type_text desk "名单"
wait_for desk "共 1 项，"
keys desk Enter
expect desk "the sheet chosen is previewed" "Excel 工作簿，工作表「名单」（共 2 个"
expect desk "its rows shown" "第 2 行： 孙三 男"
import_confirm desk
expect desk "and imported" "读取 1 行：新增 1"
db_is "the second sheet's resident is in" "SELECT count(*) FROM resident WHERE name = '孙三'" 1

# A blank first sheet: it cannot be read, and the workbook's other sheets are offered all the same.
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/blank.xlsx"
keys desk Tab
expect desk "a blank first sheet is said, and the other sheets offered" "该工作簿有 2 个工作表：可在「工作表」中另选"
keys desk Tab Enter
wait_for desk "回车选定"
type_text desk "名单"
wait_for desk "共 1 项，"
keys desk Enter
expect desk "the sheet chosen is read" "第 2 行： 李六 女"

# A title above the header: the preview says where the header is.
printf '和平区居民信息登记表,,\r\n\r\n姓名,身份证号,住址\r\n韩四,120101198502140106,多伦道\r\n' >"$T/titled.csv"
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/titled.csv"
keys desk Tab
expect desk "a title above the header is looked past, and said" "表头在第 3 行：上面是标题，不导入"
expect desk "the rows below the header are previewed" "第 4 行： 韩四"

# A file named as offices name them, full-width brackets and space: opened as typed.
cp "$T/titled.csv" "$T/名单（最终版）　二.csv"
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/名单（最终版）　二.csv"
keys desk Tab
expect desk "a name with full-width brackets and space is opened as typed" "第 4 行： 韩四"
quits desk "quits cleanly"
t_sanitizers "import_workbook"
