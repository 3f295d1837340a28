# The call platform through the CLI: a GB18030 catalogue ledger with every
# kind of bad row gives the exact report and rejects file, and twice
# changes nothing; the catalogue exported and read back; GBK refused where
# a character has no GBK code; a calendar ledger; generated history at a
# pinned time gives the exact receipt and rates report; bad use is refused;
# a demo under LANG=C writes its timelines in Chinese.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
D="$TOP/tests/data"
DB="$T/q.db"
demo_at "$DB"

cp "$D/catalogue-bad.gb18030.csv" "$T/catalogue.csv"
# The catalogue is a supervisor's: the demo's desk clerk (the system login) is refused it, nothing read.
run catalogue-denied 1 "$BIN" --db "$DB" import catalogue "$T/catalogue.csv"
grep -q "您的角色无权导入服务事项（需要「编辑服务清单」权限）" "$T/catalogue-denied.out" &&
    t_ok "import catalogue: refused to a desk clerk, saying why" ||
    t_fail "import catalogue: refused to a desk clerk, saying why" "$(cat "$T/catalogue-denied.out")"
[ ! -e "$T/catalogue.csv.rejects.csv" ] && t_ok "import catalogue: refused before the ledger is read" ||
    t_fail "import catalogue: refused before the ledger is read"
run catalogue-bad 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/catalogue.csv"
t_golden "import catalogue: the report names line, column and reason of every bad row" "$E/catalogue-bad.txt" "$T/catalogue-bad.out"
if cmp -s "$T/catalogue.csv.rejects.csv" "$E/catalogue-bad.rejects.csv"; then
    t_ok "import catalogue: the rejects file holds the bad rows byte for byte, in GB18030, each with its reason"
else
    t_fail "import catalogue: the rejects file holds the bad rows byte for byte, in GB18030, each with its reason" "$(od -c "$T/catalogue.csv.rejects.csv" | head)"
fi
run catalogue-again 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/catalogue.csv"
grep -q "新增 0，更新 0，未变 2" "$T/catalogue-again.out" && t_ok "import catalogue: twice changes nothing" || t_fail "import catalogue: twice changes nothing" "$(cat "$T/catalogue-again.out")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM unit WHERE name = '区文物保护中心'")" = 1 ] &&
    t_ok "import catalogue: a unit it names is created once" || t_fail "import catalogue: a unit it names is created once"

# A row giving a unit's code another name renames the unit (机构改革): said in the preview and the
# summary, each unit once, not found out later in the audit log.
printf '%s\r\n' "事项编码,事项名称,类别,责任单位,单位编码,受理时限,办结时限" \
    "HB001,最低生活保障申请,服务群众,区民政局（新）,U01,8小时,20个工作日" \
    "HB002,特困人员救助供养申请,服务群众,区民政局（新）,U01,8小时,20个工作日" >"$T/renamed.csv"
run catalogue-rename-dry 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/renamed.csv" --dry-run
run catalogue-rename 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/renamed.csv"
grep -q "^将改名的责任单位（有行给单位编码写了别的名称）：U01 区民政局 -> 区民政局（新）$" "$T/catalogue-rename-dry.out" &&
    grep -q "^已改名的责任单位（有行给单位编码写了别的名称）：U01 区民政局 -> 区民政局（新）$" "$T/catalogue-rename.out" &&
    db_gives "$DB" "SELECT name FROM unit WHERE code = 'U01'" "区民政局（新）" &&
    t_ok "import catalogue: a unit renamed by a row's code is said, in the preview and the summary" ||
    t_fail "import catalogue: a unit renamed by a row's code is said, in the preview and the summary" "$(cat "$T/catalogue-rename-dry.out" "$T/catalogue-rename.out")"
sqlite3 "$DB" "UPDATE unit SET name = '区民政局' WHERE code = 'U01'"

run catalogue-export 0 "$BIN" --db "$DB" export catalogue "$T/out.csv"
grep -q "服务事项 178 条" "$T/catalogue-export.out" && t_ok "export catalogue: every active item" || t_fail "export catalogue: every active item" "$(cat "$T/catalogue-export.out")"
head -c 3 "$T/out.csv" | od -An -tx1 | grep -q "ef bb bf" && t_ok "export catalogue: UTF-8 with BOM" || t_fail "export catalogue: UTF-8 with BOM"
run catalogue-roundtrip 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/out.csv"
grep -q "读取 178 行：新增 0，更新 0，未变 178" "$T/catalogue-roundtrip.out" && t_ok "export catalogue: reads back unchanged" || t_fail "export catalogue: reads back unchanged" "$(cat "$T/catalogue-roundtrip.out")"
run catalogue-gbk 1 "$BIN" --db "$DB" export catalogue "$T/gbk.csv" --encoding gbk
t_golden "export catalogue: GBK refused, naming the row, column and character" "$E/catalogue-gbk.txt" "$T/catalogue-gbk.out"
[ ! -e "$T/gbk.csv" ] && t_ok "export catalogue: nothing written when refused" || t_fail "export catalogue: nothing written when refused"
run catalogue-xlsx 0 "$BIN" --db "$DB" export catalogue "$T/cat.xlsx"
unzip -p "$T/cat.xlsx" xl/worksheets/sheet1.xml | grep -q "最低生活保障申请" && t_ok "export catalogue: a workbook" || t_fail "export catalogue: a workbook"

printf '%s\r\n' "日期,类型,名称" "2027-01-01,放假,元旦" "2027-02-06,上班,春节调休" "2027-02-30,放假,无此日" "2027-03-01,休假," "2027-10-01..2027-10-07,放假,国庆节" >"$T/calendar.csv"
run calendar 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import calendar "$T/calendar.csv"
t_golden "import calendar: days in, bad ones named" "$E/calendar.txt" "$T/calendar.out"
run calendar-export 0 "$BIN" --db "$DB" export calendar "$T/cal-out.csv"
run calendar-back 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import calendar "$T/cal-out.csv"
grep -q "^2027-02-06,上班,春节调休" "$T/cal-out.csv" && grep -q "新增 0，更新 0，未变 $(sqlite3 "$DB" "SELECT count(*) FROM calendar")，" "$T/calendar-back.out" &&
    t_ok "export calendar: the days on record in the columns import reads, read back unchanged" ||
    t_fail "export calendar: the days on record in the columns import reads, read back unchanged" "$(head -3 "$T/cal-out.csv"; cat "$T/calendar-back.out")"

# History generated at a pinned time is the same every time.
H="$T/h.db"
demo_at "$H"
run history 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" demo --requests 3000 --years 1
t_golden "demo --requests" "$E/history.txt" "$T/history.out"
run export-requests 0 "$BIN" --db "$H" export requests "$T/requests.csv"
head -4 "$T/requests.csv" >"$T/requests-head.out"
t_golden "export requests: the request ledger, newest first, phones masked" "$E/requests-head.txt" "$T/requests-head.out"
[ "$(($(wc -l <"$T/requests.csv") - 1))" = 3000 ] && t_ok "export requests: every request, one row each" ||
    t_fail "export requests: every request, one row each" "$(wc -l <"$T/requests.csv")"
grep -q "已导出\|requests written\|诉求" "$T/export-requests.out" && t_ok "export requests: says how many were written" ||
    t_fail "export requests: says how many were written" "$(cat "$T/export-requests.out")"
run receipt 0 "$BIN" --db "$H" print receipt 2026-000123
t_golden "print receipt: the slip for the requester" "$E/receipt.txt" "$T/receipt.out"
run receipt-file 0 "$BIN" --db "$H" print receipt 2026-000123 --output "$T/r.txt"
cmp -s "$T/r.txt" "$E/receipt.txt" && t_ok "print receipt: to a file" || t_fail "print receipt: to a file"
run receipt-none 1 "$BIN" --db "$H" print receipt 2099-000001
grep -q "没有编号为 2099-000001 的诉求" "$T/receipt-none.out" && t_ok "print receipt: an unknown number is said" || t_fail "print receipt: an unknown number is said" "$(cat "$T/receipt-none.out")"
run rates 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --from 2026-01-01 --to 2026-06-30
t_golden "report rates: per unit, ranked, with formulas" "$E/rates.txt" "$T/rates.out"
run rates-csv 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --from 2026-01-01 --to 2026-06-30 --csv --basic-weight 0.8
t_golden "report rates --csv with another weight" "$E/rates-csv.txt" "$T/rates-csv.out"
# A weight out of range, or a --from to come with no --to, is named, not only the usage printed.
run rates-weight 2 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --basic-weight 2
run rates-ahead 2 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --from 2027-01-01
grep -q "basic-weight 2：应为 0 到 1 之间的数" "$T/rates-weight.out" && grep -q "from 晚于今天" "$T/rates-ahead.out" &&
    t_ok "report rates: a bad weight, or a period starting after today, is named" ||
    t_fail "report rates: a bad weight, or a period starting after today, is named" "$(cat "$T/rates-weight.out" "$T/rates-ahead.out")"
# A rate with nothing to count is an empty cell in CSV, which sums and averages leave out (a "-"
# would be written guarded, '-).
run rates-csv-none 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --from 2026-11-30 --csv
! grep -q "'-" "$T/rates-csv-none.out" && grep -q ",," "$T/rates-csv-none.out" &&
    t_ok "report rates --csv: no rate is an empty cell, not '-" ||
    t_fail "report rates --csv: no rate is an empty cell, not '-" "$(head -5 "$T/rates-csv-none.out")"
run rates-bad 2 "$BIN" --db "$H" report rates --from 2026-13-01
grep -q "^bangban: --from 2026-13-01: 没有这一天" "$T/rates-bad.out" && t_ok "report rates: a bad date is refused, saying which and why" || t_fail "report rates: a bad date is refused, saying which and why" "$(cat "$T/rates-bad.out")"
run rates-word 2 "$BIN" --db "$H" report rates --to 明天
grep -q "^bangban: --to 明天: 不是日期" "$T/rates-word.out" && t_ok "report rates: a word for a date is named as not a date" || t_fail "report rates: a word for a date is named as not a date" "$(cat "$T/rates-word.out")"
run rates-backwards 2 "$BIN" --db "$H" report rates --from 2026-06-30 --to 2026-01-01
grep -q "早于" "$T/rates-backwards.out" && t_ok "report rates: a period that ends before it starts is refused" || t_fail "report rates: a period that ends before it starts is refused" "$(cat "$T/rates-backwards.out")"
# Per street and per community: the same formulas and ranking, a row per place.
run rates-street 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --by street --from 2026-01-01 --to 2026-06-30
t_golden "report rates --by street: a row per street, ranked, with formulas" "$E/rates-street.txt" "$T/rates-street.out"
run rates-community 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --by community --csv
head -1 "$T/rates-community.out" | grep -q "所属社区" && [ "$(grep -c "社区," "$T/rates-community.out")" -ge 50 ] &&
    t_ok "report rates --by community: a row per community" ||
    t_fail "report rates --by community: a row per community" "$(head -5 "$T/rates-community.out")"
# The same requests counted by unit, by community and by street add up to the same district.
for g in unit community street; do
    env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --by $g --csv | tail -1 >"$T/district-$g.csv"
done
cmp -s "$T/district-unit.csv" "$T/district-community.csv" && cmp -s "$T/district-unit.csv" "$T/district-street.csv" &&
    t_ok "report rates: the district's row is the same by unit, community and street" ||
    t_fail "report rates: the district's row is the same by unit, community and street" "$(cat "$T"/district-*.csv)"
# Charts: ASCII for printers and scripts by default, braille on request; the twelve months up to --to.
run rates-chart 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --chart --by street
t_golden "report rates --chart: the district's and each street's, month by month, in ASCII" "$E/rates-chart.txt" "$T/rates-chart.out"
run rates-chart-braille 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$H" report rates --chart=braille --name 区民政局 --to 2026-10-31
t_golden "report rates --chart=braille --name: one unit's chart in braille" "$E/rates-chart-braille.txt" "$T/rates-chart-braille.out"
run rates-chart-none 1 "$BIN" --db "$H" report rates --chart --by community --name 无此社区
grep -q "^bangban: --name 无此社区：" "$T/rates-chart-none.out" && t_ok "report rates --chart --name: a name with no requests is said" || t_fail "report rates --chart --name: a name with no requests is said" "$(cat "$T/rates-chart-none.out")"
run rates-chart-from 2 "$BIN" --db "$H" report rates --chart --from 2026-01-01
grep -q "^bangban: --chart 画的是截至 --to 的十二个月" "$T/rates-chart-from.out" && t_ok "report rates --chart --from: refused, saying why" || t_fail "report rates --chart --from: refused, saying why" "$(cat "$T/rates-chart-from.out")"
run rates-by-grid 2 "$BIN" --db "$H" report rates --by grid
run rates-chart-pdf 2 "$BIN" --db "$H" report rates --chart=pdf
run rates-min 2 "$BIN" --db "$H" report rates --min 十
run rates-name 2 "$BIN" --db "$H" report rates --name 区民政局
grep -q "^bangban: --by grid: 请写 unit（责任单位）、community（社区）或 street（街道）" "$T/rates-by-grid.out" &&
    grep -q "^bangban: --chart pdf: 请写 ascii 或 braille" "$T/rates-chart-pdf.out" &&
    grep -q "^bangban: --min 十: 请写回访件数" "$T/rates-min.out" &&
    grep -q "^bangban: --name 选择画哪一个的图表：须与 --chart 一起用" "$T/rates-name.out" &&
    t_ok "report rates: a value an option does not take is named, with what it takes" ||
    t_fail "report rates: a value an option does not take is named, with what it takes" "$(cat "$T/rates-by-grid.out" "$T/rates-chart-pdf.out" "$T/rates-min.out" "$T/rates-name.out")"
run demo-twice 1 "$BIN" --db "$H" demo --requests 10
grep -q "已有诉求" "$T/demo-twice.out" && t_ok "demo --requests refuses a database that holds requests" || t_fail "demo --requests refuses a database that holds requests" "$(cat "$T/demo-twice.out")"
if "$BIN" --db "$H" check >/dev/null; then t_ok "check: the generated history is sound"; else t_fail "check: the generated history is sound"; fi
# A counter that no longer agrees with the timeline (an edit behind bangban's back) is named.
sqlite3 "$H" "UPDATE request SET returns = returns + 2 WHERE number = '2026-000123';
              UPDATE request SET attempts = 7 WHERE number = '2026-000124'"
run check-counters 4 "$BIN" --db "$H" check
grep -q "诉求 2026-000123：退单次数记为 [0-9]*，时间线上是 [0-9]*" "$T/check-counters.out" &&
    grep -q "诉求 2026-000124：回访未接通次数记为 7，时间线上是 [0-9]*" "$T/check-counters.out" &&
    t_ok "check: counters that disagree with the timeline are named" ||
    t_fail "check: counters that disagree with the timeline are named" "$(cat "$T/check-counters.out")"
# Under LANG=C (no language named) the commands still run, and what a demo writes in the
# timelines is in the desks' words: Chinese, not the messages' English.
demo_at "$T/c.db"
run demo-lang-c 0 env -u LANGUAGE -u LC_MESSAGES LC_ALL=C LANG=C "$BIN" --db "$T/c.db" demo --requests 1000 --years 1
[ "$(sqlite3 "$T/c.db" "SELECT count(*) FROM request_event WHERE action = 'ask_extension' AND text LIKE 'until%'")" = 0 ] &&
    [ "$(sqlite3 "$T/c.db" "SELECT count(*) > 0 FROM request_event WHERE action = 'ask_extension' AND text LIKE '延至%'")" = 1 ] &&
    t_ok "demo under LANG=C: the timelines are in Chinese" ||
    t_fail "demo under LANG=C: the timelines are in Chinese" "$(sqlite3 "$T/c.db" "SELECT text FROM request_event WHERE action = 'ask_extension' LIMIT 3")"
t_sanitizers "requests"
