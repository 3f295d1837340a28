# Excel workbooks in: import reads an .xlsx ledger (written by
# libxlsxwriter, by bangban's own export, and one saved by LibreOffice)
# through the same path as CSV: the same headers, bad rows named by sheet,
# row and column, rejected rows written as CSV, --dry-run, the same file
# twice changing nothing; an ID number stored as a number is the Excel
# damage; a workbook is known by its bytes whatever its name, .xls and
# .ods are named with what to do. Line breaks inside a cell (Excel and a
# quoted CSV field) become one space and are counted. export chooses its
# format after reading every word, in any order.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
D="$TOP/tests/data"
MAKE_XLSX="$TOP/build/tools/xlsx_make"
DB="$T/w.db"
demo_at "$DB"

# A clerk's workbook: a good row with Alt+Enter in the address and the note,
# dates as dates, an 18-digit ID typed as a number (Excel keeps 15 digits),
# a 17-digit one, a phone as a number, a bad gender; a second sheet.
printf '%s\n' \
    '#sheet 居民名单' \
    '序号	姓名	性别	身份证号	联系电话	家庭住址	出生日期	备注' \
    'n:1	赵一	男	120101198502140018	n:13912345601	和平路 12 号\n3 门 201	d:1985-02-14	腿脚不便\n需上门' \
    'n:2	钱二	女	n:120101199207180027	n:13912345602	南京路 8 号		' \
    '' \
    'n:4	孙三	男	n:12010119771130003	n:13912345603	成都道\n5 号		' \
    'n:5	李四	未知	120101197711300036			f14:28459	' \
    '#sheet 第二页' \
    '姓名	身份证号' \
    '周五	12010119920718002X' >"$T/spec.txt"
"$MAKE_XLSX" "$T/ledger.xlsx" <"$T/spec.txt" || t_fail "xlsx_make wrote the test workbook"

run xlsx-bad 5 "$BIN" --db "$DB" import residents "$T/ledger.xlsx"
t_golden "import xlsx: bad rows named by sheet, row and column; line breaks counted" "$E/workbook-bad.txt" "$T/xlsx-bad.out"
if cmp -s "$T/ledger.xlsx.rejects.csv" "$E/workbook-bad.rejects.csv"; then
    t_ok "import xlsx: the rejects file is CSV (UTF-8 with BOM), each row with its reason"
else
    t_fail "import xlsx: the rejects file is CSV (UTF-8 with BOM), each row with its reason" "$(diff "$E/workbook-bad.rejects.csv" "$T/ledger.xlsx.rejects.csv")"
fi
db_is "import xlsx: the address joined with a space, the note keeps its line break, the date as a date" \
    "SELECT address || '|' || replace(note, char(10), '/') || '|' || birth_date || '|' || phone FROM resident WHERE name = '赵一'" \
    "和平路 12 号 3 门 201|腿脚不便/需上门|1985-02-14|13912345601"

run xlsx-again 5 "$BIN" --db "$DB" import residents "$T/ledger.xlsx"
grep -q "新增 0，更新 0，未变 1" "$T/xlsx-again.out" && t_ok "import xlsx: the same workbook twice changes nothing" ||
    t_fail "import xlsx: the same workbook twice changes nothing" "$(cat "$T/xlsx-again.out")"

# A workbook named .csv is read as a workbook; --dry-run writes nothing.
cp "$T/ledger.xlsx" "$T/named.csv"
count=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
run xlsx-named-csv 5 "$BIN" --db "$DB" import residents "$T/named.csv" --dry-run
grep -q "工作表「居民名单」第 3 行 D 列「身份证号」：Excel 已把身份证号变成" "$T/xlsx-named-csv.out" &&
    grep -q "未变 1，跳过 0，退回 3；未写入任何数据" "$T/xlsx-named-csv.out" &&
    t_ok "import: a workbook named .csv is read as a workbook (dry run)" ||
    t_fail "import: a workbook named .csv is read as a workbook (dry run)" "$(cat "$T/xlsx-named-csv.out")"
db_is "import xlsx --dry-run: nothing written" "SELECT count(*) FROM resident" "$count"
[ ! -e "$T/named.csv.rejects.csv" ] && t_ok "import xlsx --dry-run: no rejects file" || t_fail "import xlsx --dry-run: no rejects file"

# --sheet: another sheet by name; a name the workbook lacks lists those it has.
run xlsx-sheet 0 "$BIN" --db "$DB" import residents "$T/ledger.xlsx" --sheet 第二页
grep -q "新增 1.*工作表「第二页」" "$T/xlsx-sheet.out" && t_ok "import --sheet: the sheet named" ||
    t_fail "import --sheet: the sheet named" "$(cat "$T/xlsx-sheet.out")"
run xlsx-no-sheet 1 "$BIN" --db "$DB" import residents "$T/ledger.xlsx" --sheet 汇总
grep -q "没有名为「汇总」的工作表；其中的工作表有：「居民名单」、「第二页」" "$T/xlsx-no-sheet.out" &&
    t_ok "import --sheet: a missing sheet is named with the sheets there are" ||
    t_fail "import --sheet: a missing sheet is named with the sheets there are" "$(cat "$T/xlsx-no-sheet.out")"
printf '姓名,身份证号\r\n' >"$T/plain.csv"
run xlsx-sheet-csv 1 "$BIN" --db "$DB" import residents "$T/plain.csv" --sheet 汇总
grep -q "不是工作簿：--sheet 只用于 .xlsx 文件" "$T/xlsx-sheet-csv.out" && t_ok "import --sheet: refused for a CSV file" ||
    t_fail "import --sheet: refused for a CSV file" "$(cat "$T/xlsx-sheet-csv.out")"
run xlsx-encoding 1 "$BIN" --db "$DB" import residents "$T/ledger.xlsx" --encoding gbk
grep -q "ledger.xlsx 是工作簿：单元格本身就是 Unicode 文本，--encoding 只用于 CSV 文件" "$T/xlsx-encoding.out" &&
    t_ok "import --encoding: refused for a workbook, not passed over" ||
    t_fail "import --encoding: refused for a workbook, not passed over" "$(cat "$T/xlsx-encoding.out")"

# Saved by LibreOffice (tests/data, made with soffice --convert-to xlsx from a CSV).
demo_at "$T/lo.db"
run xlsx-libreoffice 0 "$BIN" --db "$T/lo.db" import residents "$D/residents-libreoffice.xlsx"
grep -q "新增 3，.*退回 0；2 个单元格内有换行，已并成一行；工作表「residents-lo」" "$T/xlsx-libreoffice.out" &&
    t_ok "import: a workbook saved by LibreOffice" || t_fail "import: a workbook saved by LibreOffice" "$(cat "$T/xlsx-libreoffice.out")"
db_gives "$T/lo.db" "SELECT group_concat(name || ':' || address || ':' || birth_date || ':' || phone, ';') FROM (SELECT * FROM resident WHERE name IN ('赵一', '钱二', '孙三') ORDER BY birth_date)" \
    "孙三:成都道 5 号 1 门:1977-11-30:;赵一:和平路 12 号 3 门 201:1985-02-14:13912345601;钱二:南京路 8 号:1992-07-18:13912345602" &&
    t_ok "import (LibreOffice): text, numbers, dates and joined lines as the sheet shows them" ||
    t_fail "import (LibreOffice): text, numbers, dates and joined lines as the sheet shows them" "$(sqlite3 "$T/lo.db" "SELECT name, address, birth_date, phone FROM resident WHERE name IN ('赵一', '钱二', '孙三')")"

# .xls and .ods, whatever their names: named, with what to do; nothing read as GB18030.
cp "$D/residents.xls" "$T/old.csv"
run xls 1 "$BIN" --db "$DB" import residents "$T/old.csv"
grep -q "是 Excel 97-2003 工作簿（.xls），帮办不读取这种格式：请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV 再导入" "$T/xls.out" &&
    t_ok "import: an .xls file is named, with what to do" || t_fail "import: an .xls file is named, with what to do" "$(cat "$T/xls.out")"
# A workbook saved with a password is an OLE2 file holding an EncryptedPackage stream.
{ printf '\320\317\021\340\241\261\032\341'; head -c 1000 /dev/zero; printf 'E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0'; } >"$T/locked.xlsx"
run locked 1 "$BIN" --db "$DB" import residents "$T/locked.xlsx"
grep -q "是设有密码的工作簿，帮办无法读取：请用 Excel 或 WPS 打开，取消密码" "$T/locked.out" &&
    t_ok "import: a workbook with a password is named, with what to do" || t_fail "import: a workbook with a password is named, with what to do" "$(cat "$T/locked.out")"
cp "$D/residents.ods" "$T/sheet.xlsx"
run ods 1 "$BIN" --db "$DB" import residents "$T/sheet.xlsx"
grep -q "是 OpenDocument 电子表格（.ods），帮办不读取这种格式：请用 LibreOffice 或 WPS 打开，另存为 .xlsx 或 CSV 再导入" "$T/ods.out" &&
    t_ok "import: an .ods file is named, with what to do" || t_fail "import: an .ods file is named, with what to do" "$(cat "$T/ods.out")"

# A cell too long does not hide the row's other problems: all are said at once, each column once.
long=$(printf '多伦道%.0s' $(seq 1 30))
printf '%s\r\n' "姓名,身份证号,住址" "陶八,120101198502140220,$long" >"$T/long-row.csv"
run long-row 5 "$BIN" --db "$DB" import residents "$T/long-row.csv" --dry-run
grep -q "第 2 行「住址」：太长" "$T/long-row.out" && grep -q "第 2 行「身份证号」：校验位错误" "$T/long-row.out" &&
    [ "$(grep -c '^第 2 行「住址」' "$T/long-row.out")" = 1 ] &&
    t_ok "import: a row's every problem is said at once, a long cell's among them" ||
    t_fail "import: a row's every problem is said at once, a long cell's among them" "$(cat "$T/long-row.out")"

# A PDF given as a ledger, whatever its name, is named as such; a file of a BOM alone is empty.
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$T/scan.csv"
printf '\357\273\277' >"$T/bom-only.csv"
run pdf 1 "$BIN" --db "$DB" import residents "$T/scan.csv"
run bom-only 1 "$BIN" --db "$DB" import residents "$T/bom-only.csv"
grep -q "scan.csv 是 PDF 文档，不是台账：请导入台账本身" "$T/pdf.out" && grep -q "bom-only.csv 是空文件" "$T/bom-only.out" &&
    t_ok "import: a PDF is named as such, a BOM alone is an empty file" ||
    t_fail "import: a PDF is named as such, a BOM alone is an empty file" "$(cat "$T/pdf.out" "$T/bom-only.out")"

# A quoted line break in a CSV cell: one space, or none between two Chinese characters; in a
# list (人员标签), 、; counted, not a row error.
printf '姓名,身份证号,住址,人员标签\r\n吴六,120101198502140018,"多伦道\r\n7 号",\r\n孔三,120101198502140210,"滨江国际\r\n大厦","党员\r\n退役军人"\r\n' >"$T/breaks.csv"
demo_at "$T/b.db"
run csv-breaks 0 "$BIN" --db "$T/b.db" import residents "$T/breaks.csv"
grep -q "新增 2，.*退回 0；3 个单元格内有换行，已并成一行；编码 UTF-8" "$T/csv-breaks.out" &&
    db_gives "$T/b.db" "SELECT address FROM resident WHERE name = '吴六'" "多伦道 7 号" &&
    db_gives "$T/b.db" "SELECT address FROM resident WHERE name = '孔三'" "滨江国际大厦" &&
    db_gives "$T/b.db" "SELECT count(*) FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id WHERE r.name = '孔三'" "2" &&
    t_ok "import CSV: a line break in a quoted cell joins its lines, as Chinese is written, counted" ||
    t_fail "import CSV: a line break in a quoted cell joins its lines, as Chinese is written, counted" "$(cat "$T/csv-breaks.out")"

# A quote inside a cell that does not begin with one is a character (3" is three inches), as
# Excel reads it: the rows after it are rows. One opening a cell and never closed is placed.
printf '姓名,身份证号,住址\r\n郑七,120101198502140026,"门口有3"宽台阶"\r\n冯八,120101198502140034,2"水管\r\n陈九,120101198502140042,多伦道\r\n' >"$T/inches.csv"
run csv-inches 0 "$BIN" --db "$T/b.db" import residents "$T/inches.csv"
grep -q "读取 3 行：新增 3，.*退回 0" "$T/csv-inches.out" &&
    db_gives "$T/b.db" "SELECT group_concat(address, '|') FROM (SELECT address FROM resident WHERE name IN ('郑七', '冯八', '陈九') ORDER BY id)" '门口有3宽台阶"|2"水管|多伦道' &&
    t_ok "import CSV: a quote inside a cell is a character, and the rows after it are read" ||
    t_fail "import CSV: a quote inside a cell is a character, and the rows after it are read" "$(cat "$T/csv-inches.out")"
printf '姓名,身份证号,住址,备注\r\n褚十,120101198502140050,多伦道,"未闭合\r\n卫一,120101198502140069,多伦道,\r\n' >"$T/open.csv"
run csv-open 5 "$BIN" --db "$T/b.db" import residents "$T/open.csv"
grep -q "第 2 行「备注」：引号没有闭合" "$T/csv-open.out" &&
    t_ok "import CSV: a quote left open is named with its column" ||
    t_fail "import CSV: a quote left open is named with its column" "$(cat "$T/csv-open.out")"
# Its rejects file: the reason on a line of its own above the row (after it, the open quote would
# take it in). Imported again as it is, the same reason and the same file; the quote taken out, in.
sed -n 2p "$T/open.csv.rejects.csv" | grep -q '^,,,,"备注：引号没有闭合' &&
    sed -n 3p "$T/open.csv.rejects.csv" | grep -q '^褚十,' &&
    run csv-open-again 5 "$BIN" --db "$T/b.db" import residents "$T/open.csv.rejects.csv" --rejects "$T/open-again.csv" &&
    grep -q "第 3 行「备注」：引号没有闭合" "$T/csv-open-again.out" && grep -q "读取 1 行：.*退回 1" "$T/csv-open-again.out" &&
    cmp -s "$T/open.csv.rejects.csv" "$T/open-again.csv" &&
    t_ok "import CSV: the rejects file of a quote left open reads back with the same reason" ||
    t_fail "import CSV: the rejects file of a quote left open reads back with the same reason" "$(cat "$T/csv-open-again.out" "$T/open.csv.rejects.csv")"
[ "$(head -c 3 "$T/open.csv.rejects.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
    t_ok "import CSV: the rejects file of a UTF-8 ledger without a BOM has one, for Excel" ||
    t_fail "import CSV: the rejects file of a UTF-8 ledger without a BOM has one, for Excel" "$(head -c 16 "$T/open.csv.rejects.csv" | od -c)"
sed 's/"未闭合/未闭合/' "$T/open.csv.rejects.csv" >"$T/open-mended.csv"
run csv-open-mended 0 "$BIN" --db "$T/b.db" import residents "$T/open-mended.csv"
grep -q "读取 2 行：新增 2，.*退回 0" "$T/csv-open-mended.out" &&
    db_gives "$T/b.db" "SELECT count(*) FROM resident WHERE name IN ('褚十', '卫一')" "2" &&
    t_ok "import CSV: that rejects file, its quote taken out, goes in without its reason line" ||
    t_fail "import CSV: that rejects file, its quote taken out, goes in without its reason line" "$(cat "$T/csv-open-mended.out")"
# A template's numbered rows left empty are blank rows, not rows missing a name.
printf '序号,姓名,身份证号,住址\r\n1,孔二,120101198502140077,多伦道\r\n2,,,\r\n3,,,\r\n' >"$T/numbered.csv"
run csv-numbered 0 "$BIN" --db "$T/b.db" import residents "$T/numbered.csv"
grep -q "读取 1 行：新增 1，.*退回 0" "$T/csv-numbered.out" &&
    t_ok "import CSV: numbered empty rows of a template are read past" ||
    t_fail "import CSV: numbered empty rows of a template are read past" "$(cat "$T/csv-numbered.out")"

# A title above the header (和平区居民信息登记表, and a blank line) is looked past, and said;
# the rejects file keeps it, and reads back the same way. A workbook's title row likewise.
printf '和平区居民信息登记表,,\r\n\r\n姓名,身份证号,住址\r\n韩四,120101198502140106,多伦道\r\n韩五,123,多伦道\r\n' >"$T/titled.csv"
run csv-title 5 "$BIN" --db "$T/b.db" import residents "$T/titled.csv"
grep -q "表头在第 3 行：上面 2 行是标题，不导入" "$T/csv-title.out" && grep -q "第 5 行「身份证号」" "$T/csv-title.out" &&
    grep -q "新增 1，.*退回 1" "$T/csv-title.out" && head -1 "$T/titled.csv.rejects.csv" | grep -q "和平区居民信息登记表" &&
    t_ok "import CSV: a title above the header is looked past and said; lines keep their numbers" ||
    t_fail "import CSV: a title above the header is looked past and said; lines keep their numbers" "$(cat "$T/csv-title.out")"
run csv-title-rejects 5 "$BIN" --db "$T/b.db" import residents "$T/titled.csv.rejects.csv" --rejects "$T/titled-again.csv"
grep -q "表头在第 3 行" "$T/csv-title-rejects.out" && grep -q "读取 1 行：.*退回 1" "$T/csv-title-rejects.out" &&
    t_ok "import CSV: its rejects file, title and all, reads back the same way" ||
    t_fail "import CSV: its rejects file, title and all, reads back the same way" "$(cat "$T/csv-title-rejects.out")"
# The rejects file a clerk mended is not lost to the ledger imported again: it is kept beside the
# new one (said), and the same rows again replace nothing.
printf '韩五,120101198502140093,多伦道\r\n' >>"$T/titled.csv.rejects.csv"
run csv-title-again 5 "$BIN" --db "$T/b.db" import residents "$T/titled.csv"
run csv-title-third 5 "$BIN" --db "$T/b.db" import residents "$T/titled.csv"
grep -q "原有的退回文件与这次的不同（可能已改过），另存为：$T/titled.csv.rejects.old.csv" "$T/csv-title-again.out" &&
    ! grep -q "另存为" "$T/csv-title-third.out" && grep -q "^韩五,120101198502140093" "$T/titled.csv.rejects.old.csv" &&
    printf '韩六,120101198502140114,多伦道\r\n' >>"$T/titled.csv.rejects.csv" &&
    run csv-title-fourth 5 "$BIN" --db "$T/b.db" import residents "$T/titled.csv" &&
    grep -q "另存为：$T/titled.csv.rejects.old2.csv" "$T/csv-title-fourth.out" && grep -q "^韩五," "$T/titled.csv.rejects.old.csv" &&
    t_ok "import: a rejects file mended meanwhile is kept beside the new one, and kept again" ||
    t_fail "import: a rejects file mended meanwhile is kept beside the new one, and kept again" "$(cat "$T/csv-title-again.out" "$T/csv-title-third.out")"
# The ledger mended, nothing is refused: the last rejects file is put aside too, and said, so that
# no rejects file of an earlier import reads as this one's.
sed '/^韩五,123,/d' "$T/titled.csv" >"$T/titled-clean.csv"
cp "$T/titled.csv.rejects.csv" "$T/titled-clean.csv.rejects.csv"
run csv-title-clean 0 "$BIN" --db "$T/b.db" import residents "$T/titled-clean.csv"
[ ! -e "$T/titled-clean.csv.rejects.csv" ] && [ -e "$T/titled-clean.csv.rejects.old.csv" ] &&
    grep -q "上一次导入的退回文件已另存为 $T/titled-clean.csv.rejects.old.csv：这次没有退回的行" "$T/csv-title-clean.out" &&
    t_ok "import: with nothing refused, an earlier rejects file is put aside and said" ||
    t_fail "import: with nothing refused, an earlier rejects file is put aside and said" "$(cat "$T/csv-title-clean.out"; ls "$T" | grep titled-clean)"
printf '%s\n' '#sheet 名单' '和平区居民信息登记表' '姓名	性别	身份证号' '周五	男	120101198502140114' >"$T/titled-spec.txt"
"$TOP/build/tools/xlsx_make" "$T/titled.xlsx" <"$T/titled-spec.txt" || t_fail "xlsx_make wrote the titled workbook"
run xlsx-title 0 "$BIN" --db "$T/b.db" import residents "$T/titled.xlsx"
grep -q "表头在第 2 行：上面 1 行是标题，不导入" "$T/xlsx-title.out" && grep -q "新增 1" "$T/xlsx-title.out" &&
    t_ok "import xlsx: a title row above the header is looked past and said" ||
    t_fail "import xlsx: a title row above the header is looked past and said" "$(cat "$T/xlsx-title.out")"

# A masked export read back: each row is refused saying the number is masked, not malformed.
run export-masked 0 "$BIN" --db "$T/b.db" export residents "$T/masked.xlsx"
run import-masked 5 "$BIN" --db "$T/b.db" import residents "$T/masked.xlsx" --dry-run
grep -q "「居民身份证号」：号码已遮蔽（\*）：请导入含完整号码的导出文件" "$T/import-masked.out" &&
    ! grep -q "前 17 位为数字" "$T/import-masked.out" &&
    t_ok "import: a masked export is refused as masked, with what to import instead" ||
    t_fail "import: a masked export is refused as masked, with what to import instead" "$(head -5 "$T/import-masked.out")"

# A workbook's row repeating an ID number names the row it repeats as a row, not a line.
printf '%s\n' '#sheet 名单' '姓名	身份证号' '张三	110101199003074477' '李四	110101199003074477' >"$T/dup-spec.txt"
"$TOP/build/tools/xlsx_make" "$T/dup.xlsx" <"$T/dup-spec.txt" || t_fail "xlsx_make wrote the workbook with a repeated ID"
run xlsx-dup-en 5 env LANGUAGE=en "$BIN" --db "$T/b.db" import residents "$T/dup.xlsx" --dry-run
grep -q "row 3 column B (身份证号): the same ID number as row 2$" "$T/xlsx-dup-en.out" &&
    t_ok "import xlsx: a repeated ID number names the row it repeats" ||
    t_fail "import xlsx: a repeated ID number names the row it repeats" "$(cat "$T/xlsx-dup-en.out")"

# A district's masked export read back refuses every row alike (its ID number, and its phone when it
# has one): the first 100 problems are listed, the rest counted in one line (the rejects file has
# them all).
"$BIN" --db "$T/m.db" demo --residents 80 --organisations 0 --volunteers 0 >/dev/null
run export-masked-80 0 env BANGBAN_USER=supervisor "$BIN" --db "$T/m.db" export residents "$T/masked80.csv"
run import-masked-80 5 "$BIN" --db "$T/m.db" import residents "$T/masked80.csv"
[ "$(grep -c "号码已遮蔽" "$T/import-masked-80.out")" = 100 ] &&
    grep -q "^另有 [1-9][0-9]* 个问题未逐条列出$" "$T/import-masked-80.out" &&
    grep -q "退回 80；" "$T/import-masked-80.out" &&
    [ "$(grep -c "号码已遮蔽" "$T/masked80.csv.rejects.csv")" = 80 ] &&
    t_ok "import: of more than 100 problems alike the first 100 are listed and the rest counted" ||
    t_fail "import: of more than 100 problems alike the first 100 are listed and the rest counted" "$(tail -5 "$T/import-masked-80.out")"

# A format or an encoding bangban does not know is named, not only the usage printed.
run export-ods 2 "$BIN" --db "$T/b.db" export residents "$T/x.csv" --format ods
run import-latin1 2 "$BIN" --db "$T/b.db" import residents "$T/x.csv" --encoding latin1
grep -q "\-\-format ods：帮办只写 csv 或 xlsx" "$T/export-ods.out" &&
    grep -q "\-\-encoding latin1：帮办只认识 utf-8、gb18030 和 gbk" "$T/import-latin1.out" &&
    t_ok "export --format, import --encoding: a value not known is named" ||
    t_fail "export --format, import --encoding: a value not known is named" "$(cat "$T/export-ods.out" "$T/import-latin1.out")"

# Below a one-cell title, a row naming columns of the kind is the header even when --map
# completes it, or when it lacks a column: then that column is the one said missing.
printf '和平区居民信息登记表\r\n姓名,证号,住址\r\n何十,120101198502140165,多伦道\r\n' >"$T/title-map.csv"
run csv-title-map 0 "$BIN" --db "$T/b.db" import residents "$T/title-map.csv" --map '证号=居民身份证号'
printf '和平区居民信息登记表\r\n姓名,手机号,住址\r\n何十一,13800000001,多伦道\r\n' >"$T/title-lacking.csv"
run csv-title-lacking 1 "$BIN" --db "$T/b.db" import residents "$T/title-lacking.csv"
grep -q "新增 1" "$T/csv-title-map.out" && grep -q "台账中没有「居民身份证号」列" "$T/csv-title-lacking.out" &&
    t_ok "import: below a title, --map completes the header, and a column it lacks is the one named" ||
    t_fail "import: below a title, --map completes the header, and a column it lacks is the one named" "$(cat "$T/csv-title-map.out" "$T/csv-title-lacking.out")"
# A column missing under a name not known: the message names the unknown ones and how to map one.
printf '姓名,证号,住址\r\n何十,120101198502140165,多伦道\r\n' >"$T/other-name.csv"
run csv-other-name 1 "$BIN" --db "$T/b.db" import residents "$T/other-name.csv"
grep -q "台账中没有「居民身份证号」列；不认识的列：证号（若其中一列就是它，加 --map '证号=居民身份证号'）" "$T/csv-other-name.out" &&
    t_ok "import: a column missing is said with the columns not known and the --map that names one" ||
    t_fail "import: a column missing is said with the columns not known and the --map that names one" "$(cat "$T/csv-other-name.out")"

# Rows of bare separators (what Excel writes for cleared cells) are read past as blank lines.
printf '姓名,身份证号,住址\r\n许八,120101198502140149,多伦道\r\n,,\r\n , ,\r\n' >"$T/commas.csv"
run csv-commas 0 "$BIN" --db "$T/b.db" import residents "$T/commas.csv"
printf '%s\n' '姓名	身份证号' '许九	120101198502140157' ' 	 ' >"$T/commas-spec.txt"
"$TOP/build/tools/xlsx_make" "$T/commas.xlsx" <"$T/commas-spec.txt" || t_fail "xlsx_make wrote the workbook with a blank row"
run xlsx-commas 0 "$BIN" --db "$T/b.db" import residents "$T/commas.xlsx"
grep -q "读取 1 行：新增 1，.*退回 0" "$T/csv-commas.out" && grep -q "读取 1 行：新增 1，.*退回 0" "$T/xlsx-commas.out" &&
    t_ok "import: rows of bare separators or spaces are read past, in CSV and in a workbook" ||
    t_fail "import: rows of bare separators or spaces are read past, in CSV and in a workbook" "$(cat "$T/csv-commas.out" "$T/xlsx-commas.out")"

# A ledger with a community column and no grid column keeps each resident's grid while the
# community is the same, and drops it with a community that changes.
printf '姓名,身份证号,所属社区,所属网格\r\n蔡七,120101198502140130,滨江道社区,滨江道第1网格\r\n' >"$T/grid1.csv"
printf '姓名,身份证号,所属社区\r\n蔡七,120101198502140130,滨江道社区\r\n' >"$T/grid2.csv"
printf '姓名,身份证号,所属社区\r\n蔡七,120101198502140130,花园路社区\r\n' >"$T/grid3.csv"
run grid-1 0 "$BIN" --db "$T/b.db" import residents "$T/grid1.csv"
run grid-2 0 "$BIN" --db "$T/b.db" import residents "$T/grid2.csv"
grid_of() { sqlite3 "$T/b.db" "SELECT c.name || '/' || coalesce(g.name, '') FROM resident r JOIN community c ON c.id = r.community_id LEFT JOIN grid g ON g.id = r.grid_id WHERE r.name = '蔡七'"; }
[ "$(grid_of)" = "滨江道社区/滨江道第1网格" ] && grep -q "未变 1" "$T/grid-2.out" &&
    t_ok "import: a community column alone keeps the grid on file" ||
    t_fail "import: a community column alone keeps the grid on file" "$(grid_of)" "$(cat "$T/grid-2.out")"
run grid-3 0 "$BIN" --db "$T/b.db" import residents "$T/grid3.csv"
[ "$(grid_of)" = "花园路社区/" ] && t_ok "import: and drops it with a community that changes" ||
    t_fail "import: and drops it with a community that changes" "$(grid_of)"

# A name that claims a format bangban does not write (.xls) is refused, nothing written.
run export-xls 1 env BANGBAN_USER=supervisor "$BIN" --db "$T/b.db" export residents "$T/old.xls"
[ ! -e "$T/old.xls" ] && grep -q "帮办不写 .xls 格式的文件：请把文件名改为 .xlsx（Excel）或 .csv" "$T/export-xls.out" &&
    t_ok "export: a .xls name is refused with what to name it, nothing written" ||
    t_fail "export: a .xls name is refused with what to name it, nothing written" "$(cat "$T/export-xls.out")"

# Two columns for one field: the one under bangban's own header (手机号) is read, the other said,
# and read where the first is empty; a row where the two differ is refused, asking which is right.
printf '姓名,身份证号,联系方式,手机号,住址,家庭住址\r\n沈三,120101198502140085,,13912345678,,"多伦道\r\n7 号"\r\n沈四,120101198502140093,13912345679,,,\r\n沈五,120101198502140106,13900000001,13900000002,,\r\n' >"$T/twice.csv"
run csv-twice 5 "$BIN" --db "$T/b.db" import residents "$T/twice.csv"
grep -q "仅在同一项的另一列为空时读取的列：联系方式（手机号）" "$T/csv-twice.out" &&
    grep -q "第 4 行「联系方式」：与同一行的「手机号」不一致：哪个是对的？" "$T/csv-twice.out" &&
    db_gives "$T/b.db" "SELECT group_concat(name || phone, ' ') FROM (SELECT name, phone FROM resident WHERE name LIKE '沈_' ORDER BY name)" "沈三13912345678 沈四13912345679" &&
    db_gives "$T/b.db" "SELECT address FROM resident WHERE name = '沈三'" "多伦道 7 号" &&
    t_ok "import: of two columns for one field, bangban's own header is read, the other where it is empty" ||
    t_fail "import: of two columns for one field, bangban's own header is read, the other where it is empty" "$(cat "$T/csv-twice.out")"

# bangban's own workbook back in: every resident unchanged.
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/own.xlsx" --unmasked --reason 核对 >/dev/null
n=$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE id_number <> ''")
run xlsx-own 0 "$BIN" --db "$DB" import residents "$T/own.xlsx"
grep -q "读取 $n 行：新增 0，更新 0，未变 $n，跳过 0，退回 0" "$T/xlsx-own.out" &&
    t_ok "import: bangban's own xlsx export reads back unchanged" || t_fail "import: bangban's own xlsx export reads back unchanged" "$(cat "$T/xlsx-own.out")"

# export: the format from the file's name or --format, whatever the order of the words.
is_zip() { [ "$(head -c 2 "$1")" = PK ]; }
is_csv() { head -c 3 "$1" | od -An -tx1 | grep -q "ef bb bf"; }
i=0
for order in "residents @F --unmasked --reason R" "--unmasked --reason R residents @F" \
    "residents --unmasked @F --reason R" "--reason R residents @F --unmasked" \
    "--unmasked residents --reason R @F"; do
    i=$((i + 1))
    for want in xlsx csv; do
        f="$T/o$i.$want"
        # shellcheck disable=SC2086
        env BANGBAN_USER=supervisor "$BIN" --db "$DB" export $(echo "$order" | sed "s|@F|$f|") >"$T/o.out" 2>&1
        if { [ $want = xlsx ] && is_zip "$f"; } || { [ $want = csv ] && is_csv "$f"; }; then
            t_ok "export ($order, .$want): a $want file"
        else
            t_fail "export ($order, .$want): a $want file" "$(cat "$T/o.out")" "$(head -c 40 "$f" | od -c | head -2)"
        fi
    done
    env BANGBAN_USER=supervisor "$BIN" --db "$DB" export $(echo "$order --format xlsx" | sed "s|@F|$T/f$i|") >/dev/null 2>&1
    env BANGBAN_USER=supervisor "$BIN" --db "$DB" export $(echo "--format csv $order" | sed "s|@F|$T/g$i|") >/dev/null 2>&1
    is_zip "$T/f$i" && is_csv "$T/g$i" && t_ok "export ($order): --format gives the format of a name without one" ||
        t_fail "export ($order): --format gives the format of a name without one"
    # shellcheck disable=SC2086
    env BANGBAN_USER=supervisor "$BIN" --db "$DB" export $(echo "$order --format xlsx" | sed "s|@F|$T/f$i.csv|") >"$T/clash.out" 2>&1
    st=$?
    [ $st = 2 ] && [ ! -e "$T/f$i.csv" ] && grep -q "与文件名 .* 不一致" "$T/clash.out" &&
        t_ok "export ($order): --format xlsx for a .csv name is refused, nothing written" ||
        t_fail "export ($order): --format xlsx for a .csv name is refused, nothing written" "status $st" "$(cat "$T/clash.out")"
done

run export-clash-xlsx 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/c.xlsx" --format csv
run export-enc-xlsx 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/e.xlsx" --encoding gbk
[ ! -e "$T/c.xlsx" ] && [ ! -e "$T/e.xlsx" ] && grep -q "不一致" "$T/export-clash-xlsx.out" &&
    grep -q "只用于 CSV 文件" "$T/export-enc-xlsx.out" &&
    t_ok "export: CSV named .xlsx, or a workbook given an encoding, is refused saying why" ||
    t_fail "export: CSV named .xlsx, or a workbook given an encoding, is refused saying why" "$(cat "$T/export-clash-xlsx.out" "$T/export-enc-xlsx.out")"

# Words in the wrong place are named, not answered with the usage alone; nothing is written.
for case in "export a.xlsx residents|先写台账种类，再写文件：bangban export residents a.xlsx" \
    "import a.csv residents|先写台账种类，再写文件：bangban import residents a.csv" \
    "export residents a.csv b.csv|一次只处理一个文件：多了「b.csv」" \
    "export people a.csv|「people」不是台账种类" \
    "import requests a.csv|requests 不能导入，只能导出" \
    "export residents|请写出文件：bangban export residents 文件" \
    "import residents a.csv --force|--force 只用于替换 --rejects 指定的退回文件" \
    "export catalogue a.csv --tag 党员|--all、--tag、--community、--grid、--address 用于筛选居民"; do
    words=${case%%|*}
    (cd "$T" && env BANGBAN_USER=supervisor "$BIN" --db "$DB" $words) >"$T/words.out" 2>&1
    st=$?
    [ $st = 2 ] && grep -q "^bangban: ${case#*|}" "$T/words.out" && [ ! -e "$T/a.csv" ] && [ ! -e "$T/a.xlsx" ] &&
        t_ok "$words: refused saying what is wrong" || t_fail "$words: refused saying what is wrong" "status $st" "$(cat "$T/words.out")"
done

# A blank cell keeps what is on file: a household's address in one merged cell leaves the others'
# rows blank, a survey of phones leaves notes out.
printf '%s\r\n' "姓名,身份证号,住址,备注" "户主甲,120101198502140077,幸福里3号楼2单元301,户主" "妻子乙,120101198502140085,幸福里3号楼2单元301,行动不便" >"$T/family1.csv"
printf '%s\r\n' "姓名,身份证号,住址,备注,手机号" "户主甲,120101198502140077,幸福里3号楼2单元301,,13800000011" "妻子乙,120101198502140085,,,13800000012" >"$T/family2.csv"
demo_at "$T/fam.db"
run family1 0 "$BIN" --db "$T/fam.db" import residents "$T/family1.csv"
run family2 0 "$BIN" --db "$T/fam.db" import residents "$T/family2.csv"
db_gives "$T/fam.db" "SELECT group_concat(address || '/' || note || '/' || phone, ' ') FROM (SELECT * FROM resident ORDER BY id)" \
    "幸福里3号楼2单元301/户主/13800000011 幸福里3号楼2单元301/行动不便/13800000012" &&
    t_ok "import: a blank address or note keeps the one on file" ||
    t_fail "import: a blank address or note keeps the one on file" "$(sqlite3 "$T/fam.db" "SELECT name, address, note, phone FROM resident")"
# Another name under an ID number on file (a new name, or the number typed wrong) is said.
printf '%s\r\n' "姓名,身份证号" "妻子丁,120101198502140085" >"$T/renamed.csv"
run renamed-dry 0 "$BIN" --db "$T/fam.db" import residents "$T/renamed.csv" --dry-run
run renamed 0 "$BIN" --db "$T/fam.db" import residents "$T/renamed.csv"
grep -q "将改名的居民（请核对身份证号）：妻子乙 -> 妻子丁" "$T/renamed-dry.out" &&
    grep -q "已改名的居民（请核对身份证号）：妻子乙 -> 妻子丁" "$T/renamed.out" &&
    t_ok "import: a resident renamed under an ID number on file is said, to check the number" ||
    t_fail "import: a resident renamed under an ID number on file is said, to check the number" "$(cat "$T/renamed-dry.out" "$T/renamed.out")"
t_sanitizers "workbooks"
