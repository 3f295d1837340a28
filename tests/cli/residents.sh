# Resident ledgers in and out, through the CLI: a GB18030 ledger with Ext-B
# names and every kind of bad row gives the exact report and rejects file;
# importing it twice changes nothing; search; exports (masked by default,
# unmasked only with a reason, which is audited); an export/import round
# trip; GBK refused where a character has no GBK code; xlsx keeps IDs as text.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
D="$TOP/tests/data"
DB="$T/r.db"
demo_at "$DB"

cp "$D/residents-bad.gb18030.csv" "$T/ledger.csv"
run import-bad 5 "$BIN" --db "$DB" import residents "$T/ledger.csv"
t_golden "import: the report names line, column and reason of every bad row" "$E/import-bad.txt" "$T/import-bad.out"
if cmp -s "$T/ledger.csv.rejects.csv" "$E/import-bad.rejects.csv"; then
    t_ok "import: the rejects file holds the bad rows byte for byte, in GB18030, each with its reason"
else
    t_fail "import: the rejects file holds the bad rows byte for byte, in GB18030, each with its reason" "$(od -c "$T/ledger.csv.rejects.csv" | head)"
fi
run import-again 5 "$BIN" --db "$DB" import residents "$T/ledger.csv"
grep -q "新增 0，更新 0，未变 8" "$T/import-again.out" && t_ok "import: the same file twice changes nothing" || t_fail "import: the same file twice changes nothing" "$(tail -1 "$T/import-again.out")"
# A rejects file that cannot be written is found out before a row is written: nothing is imported,
# the bad rows are not lost to a screen that scrolls away.
demo_at "$T/r4.db"
before=$(sqlite3 "$T/r4.db" "SELECT count(*) FROM resident")
run import-no-rejects 1 "$BIN" --db "$T/r4.db" import residents "$T/ledger.csv" --rejects "$T/no/such/dir.csv"
grep -q "无法在 $T/no/such 写入退回文件" "$T/import-no-rejects.out" && grep -q "没有导入任何行" "$T/import-no-rejects.out" &&
    t_ok "import: an unwritable rejects file is refused first, saying where" ||
    t_fail "import: an unwritable rejects file is refused first, saying where" "$(cat "$T/import-no-rejects.out")"
[ "$(sqlite3 "$T/r4.db" "SELECT count(*) FROM resident")" = "$before" ] &&
    t_ok "import: and nothing is imported" || t_fail "import: and nothing is imported"
run import-rejects-ok 5 "$BIN" --db "$T/r4.db" import residents "$T/ledger.csv"

# A grid of one community beside another community is a row to mend, not filed under the grid's
# community in silence; the community's name without 社区, or a grid's code, is found.
printf '%s\n' "姓名,居民身份证号,所属社区,所属网格" "赵社,120101198001010039,滨江道社区,滨江道第1网格" \
    "钱社,110105195001010012,花园路社区,滨江道第1网格" "孙社,110101199003078515,花园路,120101001002-01" >"$T/places.csv"
run import-places 5 "$BIN" --db "$T/r4.db" import residents "$T/places.csv"
grep -q "第 3 行「所属社区」：滨江道第1网格 是滨江道社区的网格，不在花园路社区" "$T/import-places.out" &&
    grep -q "新增 2" "$T/import-places.out" &&
    db_gives "$T/r4.db" "SELECT group_concat(p, ' ') FROM (SELECT r.name || c.name || g.name AS p FROM resident r JOIN community c ON c.id = r.community_id JOIN grid g ON g.id = r.grid_id WHERE r.name LIKE '%社' ORDER BY r.id)" \
        "赵社滨江道社区滨江道第1网格 孙社花园路社区花园路第1网格" &&
    db_gives "$T/r4.db" "SELECT count(*) FROM resident WHERE name = '钱社'" 0 &&
    t_ok "import: a grid of another community than the row's is refused, saying both" ||
    t_fail "import: a grid of another community than the row's is refused, saying both" "$(cat "$T/import-places.out")"

# ü as input methods type it (v) or as written (ü) finds 吕 (filed lu); a Latin name with a v
# is still found as typed.
printf '%s\n' "姓名,居民身份证号" "吕卫东,120101198001010039" "Victor,110105195001010012" >"$T/umlaut.csv"
demo_at "$T/u.db"
"$BIN" --db "$T/u.db" import residents "$T/umlaut.csv" >/dev/null
found=""
for q in lv lvweidong lüweidong luweidong victor; do
    found="$found $q:$("$BIN" --db "$T/u.db" find residents "$q" | grep -c "吕卫东\|Victor")"
done
[ "$found" = " lv:1 lvweidong:1 lüweidong:1 luweidong:1 victor:1" ] &&
    t_ok "find residents: lv, lvweidong and lüweidong find 吕卫东; victor finds Victor" ||
    t_fail "find residents: lv, lvweidong and lüweidong find 吕卫东; victor finds Victor" "$found"

# A row with too many columns keeps its cells in the rejects file, and its reason stands under
# 错误原因 all the same: the header gets blank titles to the widest row. Read again as it is, the
# row is refused again; with the extra cells taken out, it is imported.
printf '%s\n' "姓名,居民身份证号,手机号" "张三,120101198001010039,13800138000" \
    "李四,110105195001010012,13800138001,滨江道,8号" >"$T/wide.csv"
run import-wide 5 "$BIN" --db "$T/r4.db" import residents "$T/wide.csv"
printf '\357\273\277%s\n' "姓名,居民身份证号,手机号,,,错误原因" >"$T/wide.expected"
printf '%s\n' '李四,110105195001010012,13800138001,滨江道,8号,"列数过多：有 5 列，表头只有 3 列"' >>"$T/wide.expected"
if cmp -s "$T/wide.csv.rejects.csv" "$T/wide.expected"; then
    t_ok "import: a row too wide keeps its cells, its reason under 错误原因"
else
    t_fail "import: a row too wide keeps its cells, its reason under 错误原因" "$(cat "$T/wide.csv.rejects.csv")"
fi
run import-wide-again 5 "$BIN" --db "$T/r4.db" import residents "$T/wide.csv.rejects.csv" --rejects "$T/wide-again.csv"
grep -q "第 2 行：列数过多：有 5 列，表头只有 3 列" "$T/import-wide-again.out" && grep -q "退回 1" "$T/import-wide-again.out" &&
    ! grep -q "未导入的列" "$T/import-wide-again.out" &&
    t_ok "import: the rejects file read again as it is refuses the row again, its blank titles named nowhere" ||
    t_fail "import: the rejects file read again as it is refuses the row again, its blank titles named nowhere" "$(cat "$T/import-wide-again.out")"
sed 's/滨江道,8号/,/' "$T/wide.csv.rejects.csv" >"$T/wide-mended.csv"
run import-wide-mended 0 "$BIN" --db "$T/r4.db" import residents "$T/wide-mended.csv"
grep -q "新增 1，更新 0，未变 0，跳过 0，退回 0" "$T/import-wide-mended.out" &&
    t_ok "import: mended, the row is in" || t_fail "import: mended, the row is in" "$(cat "$T/import-wide-mended.out")"

# A quote not closed where it should be takes the lines after it into one cell until the next
# quote: the row's columns are wrong, and the message says how many lines it swallowed.
printf '%s\n' "姓名,居民身份证号,现住址,备注" '张三,120101198001010039,"滨江道 5号楼,' \
    "李四,110105195001010012,8号楼," '王五,110105195001010020,9号楼,"有" 引号' >"$T/quote.csv"
run import-quote 5 "$BIN" --db "$T/r4.db" import residents "$T/quote.csv"
grep -q "第 2 行「备注」：列数不足.*这一行有一格从引号起跨了文件的 3 行：若那一格并非有意换行，就是引号没有闭合，后面 2 行被并进了这一格" "$T/import-quote.out" &&
    t_ok "import: a quote not closed is named with the lines it swallowed" ||
    t_fail "import: a quote not closed is named with the lines it swallowed" "$(cat "$T/import-quote.out")"

# Numbers other programs kept as text (="…", '…) are read as the numbers; an ID number whose last
# three digits Excel made 000 is named as that damage, not as a wrong check digit to type in.
printf '%s\n' "姓名,居民身份证号,手机号" '张三,="110101199003074477",="13800138000"' \
    "李四,'110105195001010012,'13800138001" "王五,120101199003074000," >"$T/texted.csv"
demo_at "$T/r5.db"
run import-texted 5 "$BIN" --db "$T/r5.db" import residents "$T/texted.csv"
grep -q "第 4 行「居民身份证号」：末三位是 000：Excel 只保留了身份证号的前 15 位" "$T/import-texted.out" &&
    grep -q "新增 2，更新 0，未变 0，跳过 0，退回 1" "$T/import-texted.out" &&
    t_ok "import: =\"…\" and '… around numbers are taken off; an ID number ending 000 is named as Excel's" ||
    t_fail "import: =\"…\" and '… around numbers are taken off; an ID number ending 000 is named as Excel's" "$(cat "$T/import-texted.out")"
DB_SAVED=$DB DB=$T/r5.db
db_is "import: the numbers kept as text are stored bare" \
    "SELECT group_concat(id_number || '/' || phone, ' ') FROM resident WHERE id_number IN ('110101199003074477', '110105195001010012')" \
    "110101199003074477/13800138000 110105195001010012/13800138001"
DB=$DB_SAVED

# A title wrapped in its cell (Alt+Enter in Excel) is the title.
printf '%s\r\n' '姓名,"公民身份' '号码",现住址' "孙七,110105195001010020,9号楼" >"$T/wrapped.csv"
run import-wrapped 0 "$BIN" --db "$T/r5.db" import residents "$T/wrapped.csv"
grep -q "新增 1" "$T/import-wrapped.out" && t_ok "import: a title wrapped over two lines in its cell is read as the title" ||
    t_fail "import: a title wrapped over two lines in its cell is read as the title" "$(cat "$T/import-wrapped.out")"

# Two rows of one ID number, the first refused for another cell: the second is refused too, as
# the same ID number, and both go to the rejects file; fixing the first and importing the rejects
# does not write one person over the other.
printf '%s\n' "姓名,性别,居民身份证号,现住址" "周大妈,男,120101198304050329,4号楼" \
    "吴阿姨,女,120101198304050329,5号楼" >"$T/twice.csv"
run import-twice 5 "$BIN" --db "$T/r4.db" import residents "$T/twice.csv"
grep -q "第 3 行「居民身份证号」：与第 2 行的身份证号重复" "$T/import-twice.out" && grep -q "新增 0，更新 0，未变 0，跳过 0，退回 2" "$T/import-twice.out" &&
    [ "$(grep -c "身份证号" "$T/twice.csv.rejects.csv")" = 3 ] &&
    t_ok "import: an ID number twice is refused twice, though the first row is refused for its gender" ||
    t_fail "import: an ID number twice is refused twice, though the first row is refused for its gender" "$(cat "$T/import-twice.out" "$T/twice.csv.rejects.csv")"
sed 's/周大妈,男/周大妈,女/' "$T/twice.csv.rejects.csv" >"$T/twice-fixed.csv"
run import-twice-fixed 5 "$BIN" --db "$T/r4.db" import residents "$T/twice-fixed.csv"
grep -q "第 3 行「居民身份证号」：与第 2 行的身份证号重复" "$T/import-twice-fixed.out" && ! grep -q "已改名" "$T/import-twice-fixed.out" &&
    t_ok "import: the rejects fixed for the gender still refuse the second of the one ID number" ||
    t_fail "import: the rejects fixed for the gender still refuse the second of the one ID number" "$(cat "$T/import-twice-fixed.out")"

# --rejects never writes over the ledger itself, nor over another file without --force:
# refused before anything is read, the files as they were.
cp "$T/ledger.csv" "$T/mine.csv"
run import-rejects-self 1 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --rejects "$T/mine.csv"
run import-rejects-kept 1 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --rejects "$T/ledger.csv.rejects.csv"
cmp -s "$T/mine.csv" "$T/ledger.csv" && cmp -s "$T/ledger.csv.rejects.csv" "$E/import-bad.rejects.csv" &&
    grep -q "就是正在导入的台账" "$T/import-rejects-self.out" && grep -q "已存在：加 --force" "$T/import-rejects-kept.out" &&
    t_ok "import: --rejects refuses the ledger itself, and a file that exists without --force" ||
    t_fail "import: --rejects refuses the ledger itself, and a file that exists without --force" "$(cat "$T/import-rejects-self.out" "$T/import-rejects-kept.out")"
echo "mine" >"$T/old-rejects.csv"
run import-rejects-force 5 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --rejects "$T/old-rejects.csv" --force
cmp -s "$T/old-rejects.csv" "$E/import-bad.rejects.csv" && t_ok "import: --rejects with --force replaces the file" ||
    t_fail "import: --rejects with --force replaces the file" "$(cat "$T/import-rejects-force.out")"
run import-rejects-xls 1 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --rejects "$T/bad.xls"
run import-rejects-xlsx 1 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --rejects "$T/bad.xlsx"
[ ! -e "$T/bad.xlsx" ] && grep -q "这个文件写成文本而不是工作簿" "$T/import-rejects-xlsx.out" &&
    t_ok "import: the rejects file, CSV, is refused an .xlsx name" ||
    t_fail "import: the rejects file, CSV, is refused an .xlsx name" "$(cat "$T/import-rejects-xlsx.out")"
run import-force-alone 2 "$BIN" --db "$T/r4.db" import residents "$T/mine.csv" --force
[ ! -e "$T/bad.xls" ] && grep -q "这个文件写成文本而不是工作簿" "$T/import-rejects-xls.out" &&
    t_ok "import: --rejects under an .xls name is refused; --force alone is a usage error" ||
    t_fail "import: --rejects under an .xls name is refused; --force alone is a usage error" "$(cat "$T/import-rejects-xls.out")"

# The rejects file is a ledger too: alone, only the in-file duplicate is fine.
demo_at "$T/r3.db"
run import-rejects 5 "$BIN" --db "$T/r3.db" import residents "$T/ledger.csv.rejects.csv" --rejects "$T/again.csv"
grep -q "读取 7 行：新增 1，更新 0，未变 0，跳过 0，退回 6" "$T/import-rejects.out" && t_ok "import: the rejects file reads back as a ledger" || t_fail "import: the rejects file reads back as a ledger" "$(cat "$T/import-rejects.out")"

# Fixed in Excel and imported as it is: the reason column is read past, never a column of its own.
grep -q "错误原因" "$T/import-rejects.out" && t_fail "import: the reason column of a rejects file is not an unknown column" "$(cat "$T/import-rejects.out")" || t_ok "import: the reason column of a rejects file is not an unknown column"
[ "$(iconv -c -f gb18030 -t utf-8 "$T/again.csv" | head -1 | grep -o 错误原因 | wc -l)" = 1 ] &&
    iconv -c -f gb18030 -t utf-8 "$T/again.csv" | grep -q '^9,周八,.*,"出生日期：与身份证号不符（身份证为 1990-03-08）"' &&
    t_ok "import: a rejects file refused again has one reason column, its reasons new" ||
    t_fail "import: a rejects file refused again has one reason column, its reasons new" "$(iconv -c -f gb18030 -t utf-8 "$T/again.csv")"
LC_ALL=C sed 's/1990-01-01/1990-03-08/' "$T/again.csv" >"$T/fixed.csv"
run import-fixed 5 "$BIN" --db "$T/r3.db" import residents "$T/fixed.csv" --rejects "$T/again2.csv"
grep -q "新增 1，更新 0" "$T/import-fixed.out" && db_gives "$T/r3.db" "SELECT birth_date FROM resident WHERE name = '周八'" "1990-03-08" &&
    t_ok "import: a row fixed in the rejects file goes in on re-import" ||
    t_fail "import: a row fixed in the rejects file goes in on re-import" "$(cat "$T/import-fixed.out")"

run find-zhang 0 "$BIN" --db "$DB" find residents 张
t_golden "find: by a Chinese character, masked" "$E/find-zhang.txt" "$T/find-zhang.out"
run find-limit 0 "$BIN" --db "$DB" find residents 张 --limit 1
[ "$(grep -c '	' "$T/find-limit.out")" = 1 ] && grep -q "显示 1 人" "$T/find-limit.out" && t_ok "find: --limit, in any place" || t_fail "find: --limit, in any place" "$(cat "$T/find-limit.out")"
run find-limit-bad 2 "$BIN" --db "$DB" find --limit 0 residents 张
# No query: the first residents, as the desk's list opens, with how many there are; all of
# them: the number exact, not "more than".
# (past RESIDENT_COUNT_CAP, where counting stops).
"$BIN" --db "$T/many.db" demo --residents 1100 >/dev/null
run find-every 0 "$BIN" --db "$T/many.db" find residents --limit 100000
n_every=$(sqlite3 "$T/many.db" "SELECT count(*) FROM resident WHERE status = ''")
grep -q "显示 $n_every 人，共 $n_every 人" "$T/find-every.out" && t_ok "find: every resident, counted exactly" ||
    t_fail "find: every resident, counted exactly" "$(tail -1 "$T/find-every.out")"
# No query: the first residents, as the desk's list opens, with how many there are.
run find-all 0 "$BIN" --db "$DB" find residents --limit 2
[ "$(grep -c '	' "$T/find-all.out")" = 2 ] && grep -q "显示 2 人，共 $(sqlite3 "$DB" 'SELECT count(*) FROM resident WHERE merged_into IS NULL') 人" "$T/find-all.out" &&
    t_ok "find: no query lists the first residents" || t_fail "find: no query lists the first residents" "$(cat "$T/find-all.out")"
run find-ext-b 0 "$BIN" --db "$DB" find residents "𠇔"
grep -q "王𠇔" "$T/find-ext-b.out" && t_ok "find: an Ext-B character" || t_fail "find: an Ext-B character" "$(cat "$T/find-ext-b.out")"
run find-initials 0 "$BIN" --db "$DB" find residents mmtal
grep -q "买买提·艾力" "$T/find-initials.out" && t_ok "find: pinyin initials of a name with the middle dot" || t_fail "find: pinyin initials of a name with the middle dot" "$(cat "$T/find-initials.out")"
# Every middle-dot variant is stored as U+00B7; a name is found by a syllable inside it,
# and typed with another dot or none (a UTF-8 ledger with U+2022 and U+2027).
printf '\357\273\277姓名,性别,居民身份证号,手机号\r\n帕提古丽\342\200\242艾力,女,650102198503120043,13912340001\r\n艾力江\342\200\247吾斯曼,男,650102199007080032,13912340002\r\n' >"$T/dots.csv"
run import-dots 0 "$BIN" --db "$DB" import residents "$T/dots.csv"
db_gives "$DB" "SELECT count(*) FROM resident WHERE name IN ('帕提古丽·艾力', '艾力江·吾斯曼')" 2 &&
    t_ok "import: every dot of a name is stored as the middle dot" ||
    t_fail "import: every dot of a name is stored as the middle dot" "$(sqlite3 "$DB" "SELECT name FROM resident")"
run find-aili 0 "$BIN" --db "$DB" find residents aili
t_golden "find: full pinyin of a syllable inside the name, names starting so first" "$E/find-aili.txt" "$T/find-aili.out"
run find-undotted 0 "$BIN" --db "$DB" find residents 买买提艾力
grep -q "^买买提·艾力	" "$T/find-undotted.out" && t_ok "find: a name typed without its dot" || t_fail "find: a name typed without its dot" "$(cat "$T/find-undotted.out")"
run find-katakana-dot 0 "$BIN" --db "$DB" find residents "艾力江・吾斯曼"
grep -q "^艾力江·吾斯曼	" "$T/find-katakana-dot.out" && t_ok "find: a name typed with another dot" || t_fail "find: a name typed with another dot" "$(cat "$T/find-katakana-dot.out")"
run find-suffix 0 "$BIN" --db "$DB" find residents 4477
grep -q "张三.*110\*\*\*\*\*\*\*\*\*\*\*4477" "$T/find-suffix.out" && t_ok "find: the last 4 digits of an ID" || t_fail "find: the last 4 digits of an ID" "$(cat "$T/find-suffix.out")"

run export-masked 0 "$BIN" --db "$DB" export residents "$T/masked.csv"
head -c 3 "$T/masked.csv" | od -An -tx1 | grep -q "ef bb bf" && t_ok "export: UTF-8 with BOM" || t_fail "export: UTF-8 with BOM"
head -1 "$T/masked.csv" | grep -q "$(printf '\r')$" && t_ok "export: CRLF" || t_fail "export: CRLF"
if grep -q "110101199003074477" "$T/masked.csv"; then t_fail "export: masked by default"; else t_ok "export: masked by default"; fi
grep -q "110\*\*\*\*\*\*\*\*\*\*\*4477" "$T/masked.csv" && t_ok "export: masked as 前3后4" || t_fail "export: masked as 前3后4"
run export-no-reason 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.csv" --unmasked
[ ! -e "$T/full.csv" ] && t_ok "export: unmasked needs a reason; nothing written" || t_fail "export: unmasked needs a reason; nothing written"
run export-esc-reason 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.csv" --unmasked --reason "$(printf '核查\033[2J')"
[ ! -e "$T/full.csv" ] && grep -q "^bangban: --reason 理由：第 3 个字符是控制字符（U+001B）" "$T/export-esc-reason.out" &&
    t_ok "export: a reason with a control character is refused (it would go into the audit log); nothing written" ||
    t_fail "export: a reason with a control character is refused (it would go into the audit log); nothing written" "$(cat "$T/export-esc-reason.out")"
run export-blank-reason 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.csv" --unmasked --reason " 　 "
[ ! -e "$T/full.csv" ] && t_ok "export: a reason of spaces is no reason; nothing written" || t_fail "export: a reason of spaces is no reason; nothing written"
run export-reason-alone 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.csv" --reason "区民政局核对"
[ ! -e "$T/full.csv" ] && grep -q "reason 与 --unmasked" "$T/export-reason-alone.out" &&
    t_ok "export: a reason without --unmasked is refused, saying they go together (it was passed over)" ||
    t_fail "export: a reason without --unmasked is refused, saying they go together (it was passed over)" "$(cat "$T/export-reason-alone.out")"
run export-full 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.csv" --unmasked --reason "区民政局核对"
# Full numbers only for a role that may export them: the demo's desk clerk (the
# system login that made it) may not, and an unknown login neither; nothing is written.
run export-denied 1 "$BIN" --db "$DB" export residents "$T/denied.csv" --unmasked --reason "试试"
grep -q "您的角色不能导出完整的身份证号和手机号" "$T/export-denied.out" && t_ok "export: a desk clerk may not export full numbers, and is told why" ||
    t_fail "export: a desk clerk may not export full numbers, and is told why" "$(cat "$T/export-denied.out")"
[ ! -e "$T/denied.csv" ] && t_ok "export: and no file is written" || t_fail "export: and no file is written"
run export-stranger 1 env BANGBAN_USER=stranger "$BIN" --db "$DB" export residents "$T/denied.csv" --unmasked --reason "试试"
run export-masked-desk 0 "$BIN" --db "$DB" export residents "$T/masked-desk.csv"
audited=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'export-unmasked' AND detail LIKE '%区民政局核对%'")
[ "$audited" = 1 ] && t_ok "export: an unmasked export is in the audit log" || t_fail "export: an unmasked export is in the audit log" "$audited"
grep -q "$(printf '\t')110101199003074477" "$T/full.csv" && t_ok "export: IDs kept as text for Excel" || t_fail "export: IDs kept as text for Excel"

# Round trip: export in full, import into an empty register, export again: the same bytes.
demo_at "$T/r2.db"
run export-gb 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/full.gb.csv" --unmasked --reason "交接" --encoding gb18030
run roundtrip-import 0 "$BIN" --db "$T/r2.db" import residents "$T/full.gb.csv"
run roundtrip-export 0 env BANGBAN_USER=supervisor "$BIN" --db "$T/r2.db" export residents "$T/again.gb.csv" --unmasked --reason "核对" --encoding gb18030
if cmp -s "$T/full.gb.csv" "$T/again.gb.csv"; then
    t_ok "export/import round trip in GB18030 keeps every byte"
else
    iconv -f GB18030 -t UTF-8 "$T/full.gb.csv" >"$T/a.txt"
    iconv -f GB18030 -t UTF-8 "$T/again.gb.csv" >"$T/b.txt"
    t_fail "export/import round trip in GB18030 keeps every byte" "$(diff "$T/a.txt" "$T/b.txt" | head)"
fi

# A cell that would start a formula is exported behind an apostrophe ('=1号楼) and reads
# back without it: bangban's own CSV changes nothing.
demo_at "$T/f1.db"
demo_at "$T/f2.db"
printf '姓名,身份证号,住址,备注\r\n蒋二,120101198502140077,=1号楼,-已搬走\r\n' >"$T/formula.csv"
run formula-in 0 "$BIN" --db "$T/f1.db" import residents "$T/formula.csv"
run formula-out 0 env BANGBAN_USER=supervisor "$BIN" --db "$T/f1.db" export residents "$T/formula-out.csv" --unmasked --reason 核对
run formula-back 0 "$BIN" --db "$T/f2.db" import residents "$T/formula-out.csv"
grep -q "'=1号楼" "$T/formula-out.csv" &&
    db_gives "$T/f2.db" "SELECT address || '|' || note FROM resident WHERE name = '蒋二'" "=1号楼|-已搬走" &&
    t_ok "export/import: a formula-like cell is guarded in the CSV and reads back as it was" ||
    t_fail "export/import: a formula-like cell is guarded in the CSV and reads back as it was" "$(grep 蒋二 "$T/formula-out.csv")"

# GBK cannot hold 李𨭉 (first in name order) nor 王𠇔: nothing is written,
# the row, the column and the character are named.
run export-gbk 1 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/gbk.csv" --encoding gbk --unmasked --reason "报送"
grep -q "第 [0-9]* 行（李𨭉）「姓名」列：字符「𨭉」" "$T/export-gbk.out" && t_ok "export: GBK names the row and column it cannot write" || t_fail "export: GBK names the row and column it cannot write" "$(cat "$T/export-gbk.out")"
grep -q "U+28B49" "$T/export-gbk.out" && t_ok "export: and the character" || t_fail "export: and the character"
[ ! -e "$T/gbk.csv" ] && [ ! -e "$T/gbk.csv.part" ] && t_ok "export: a refused GBK export leaves no file" || t_fail "export: a refused GBK export leaves no file"

# xlsx: a zip whose sheet holds the ID numbers as strings.
run export-xlsx 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/r.xlsx" --format xlsx --unmasked --reason "报表"
unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml >"$T/sheet.xml" 2>"$T/unzip.err"
if grep -q 't="inlineStr"><is><t>110101199003074477</t>' "$T/sheet.xml" || grep -q 't="s"' "$T/sheet.xml"; then
    t_ok "xlsx: the ID is a string cell"
else
    t_fail "xlsx: the ID is a string cell" "$(head -c 600 "$T/sheet.xml")" "$(cat "$T/unzip.err")"
fi
if grep -q "<v>110101199003074477</v>\|<v>1.1010" "$T/sheet.xml"; then t_fail "xlsx: no ID as a number"; else t_ok "xlsx: no ID as a number"; fi
run export-by-name 0 "$BIN" --db "$DB" export residents "$T/名册.XLSX"
[ "$(head -c 2 "$T/名册.XLSX")" = "PK" ] && t_ok "export: a name ending in .xlsx gives a workbook" || t_fail "export: a name ending in .xlsx gives a workbook" "$(head -c 40 "$T/名册.XLSX" | od -c | head -3)"
# A folder given for the ledger is said to be one.
mkdir "$T/ledgers"
run import-folder 1 "$BIN" --db "$DB" import residents "$T/ledgers"
grep -q "是文件夹：请写出其中台账文件的名字" "$T/import-folder.out" &&
    t_ok "import: a folder named for the ledger is said to be one" ||
    t_fail "import: a folder named for the ledger is said to be one" "$(cat "$T/import-folder.out")"
t_sanitizers "residents"
