# The hours reports: a volunteer's detail for a period (each counted record,
# the totals by year and in all, the hours not counting yet said), each
# team's and each service category's activities, 人次, volunteers and
# hours of a month or a year; only confirmed records past their notice
# period count. On stdout, as CSV (GB18030 when asked) and as a workbook;
# an unknown number and a month that is none are refused, saying why.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/r.db"
export BANGBAN_NOW="2026-03-20 10:00:00"
"$BIN" --db "$DB" demo --volunteers 30 >/dev/null
export BANGBAN_USER=volunteers # the volunteer coordinator's reports
sqlite3 "$DB" "INSERT INTO activity (id, team_id, name, category_id, starts_at, ends_at, created_at, created_by, updated_at, updated_by) VALUES
  (1, 1, '敬老院探访', 2, '2025-12-20 08:00', '2025-12-20 17:00', 'x', 'x', 'x', 'x'),
  (2, 1, '敬老院探访', 2, '2026-03-07 08:00', '2026-03-07 17:00', 'x', 'x', 'x', 'x'),
  (3, 2, '社区清扫', 3, '2026-03-07 07:00', '2026-03-07 18:00', 'x', 'x', 'x', 'x'),
  (4, 2, '社区清扫', 3, '2026-03-18 07:00', '2026-03-18 18:00', 'x', 'x', 'x', 'x')"
V1=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1 OFFSET 0")
V2=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1 OFFSET 1")
{
    printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间,确认日期,确认人,补录原因"
    printf '%s\r\n' "$V1,敬老院探访,2025-12-20,09:00,11:30,2025-12-21,刘组织,"
    printf '%s\r\n' "$V1,敬老院探访,2026-03-07,09:00,11:59,2026-03-08,刘组织,纸质签到表补录"
    printf '%s\r\n' "$V1,社区清扫,2026-03-07,13:00,15:00,2026-03-09,王队长,"
    printf '%s\r\n' "$V2,社区清扫,2026-03-07,13:00,14:00,2026-03-09,王队长,"
    printf '%s\r\n' "$V1,社区清扫,2026-03-18,09:00,10:00,2026-03-18,王队长,"
    printf '%s\r\n' "$V2,社区清扫,2026-03-18,09:00,10:00,,,"
} >"$T/hours.csv"
BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/hours.csv" >/dev/null
sub() { sed "s/$V1/V1/g; s/$V2/V2/g" "$1" >"$1.sub"; }

run rep-volunteer 0 "$BIN" --db "$DB" report hours-volunteer "$V1" --from 2025-12-01 --to 2026-03-31
sub "$T/rep-volunteer.out"
t_golden "report hours-volunteer: counted records, totals by year and in all, what does not count yet" "$E/hours-volunteer.txt" "$T/rep-volunteer.out.sub"
# A shorter period: its total is the period's, and the hours counted in every period said beside it.
run rep-volunteer-short 0 "$BIN" --db "$DB" report hours-volunteer "$V1" --from 2026-01-01 --to 2026-03-31
grep -q "^本期合计 *299 *4.9" "$T/rep-volunteer-short.out" && grep -q "各期间合计已计入 7.4 小时" "$T/rep-volunteer-short.out" &&
    t_ok "report hours-volunteer: the period's total named so, the total of every period beside it" ||
    t_fail "report hours-volunteer: the period's total named so, the total of every period beside it" "$(cat "$T/rep-volunteer-short.out")"
run rep-teams 0 "$BIN" --db "$DB" report hours-teams --month 2026-03
t_golden "report hours-teams: activities, 人次, volunteers and hours of each team in the month" "$E/hours-teams.txt" "$T/rep-teams.out"
run rep-categories 0 "$BIN" --db "$DB" report hours-categories --year 2026
t_golden "report hours-categories --year: each category's year" "$E/hours-categories.txt" "$T/rep-categories.out"
run rep-categories-month 0 "$BIN" --db "$DB" report hours-categories --month 2025-12
grep -q "助老助残 *1 *1 *1 *2.5" "$T/rep-categories-month.out" && t_ok "report hours-categories --month: the month alone" || t_fail "report hours-categories --month: the month alone" "$(cat "$T/rep-categories-month.out")"

run rep-csv 0 "$BIN" --db "$DB" report hours-teams --month 2026-03 --output "$T/teams.csv" --encoding gb18030
iconv -f GB18030 -t UTF-8 "$T/teams.csv" | tr -d '\r' >"$T/teams.txt"
grep -q "^和平区社区志愿者协会,1,1,1,2.9$" "$T/teams.txt" && grep -q "^人次\|,人次," "$T/teams.txt" && t_ok "report hours-teams --output: a CSV in the encoding asked" || t_fail "report hours-teams --output: a CSV in the encoding asked" "$(cat "$T/teams.txt")"
run rep-xlsx 0 "$BIN" --db "$DB" report hours-volunteer "$V1" --output "$T/v.xlsx"
unzip -p "$T/v.xlsx" | grep -q "纸质签到表补录" && t_ok "report hours-volunteer --output .xlsx: a workbook" || t_fail "report hours-volunteer --output .xlsx: a workbook"
# In the workbook the minutes and hours are numbers Excel sums, the day a date it sorts; the note text.
unzip -p "$T/v.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' >"$T/v.xml"
grep -q '^c r="A4" s="[0-9]*">$' "$T/v.xml" && grep -q '^c r="D4">$' "$T/v.xml" && grep -q '^c r="E4">$' "$T/v.xml" &&
    grep -q '^c r="C4" t="inlineStr">$' "$T/v.xml" && unzip -p "$T/v.xlsx" xl/styles.xml | grep -q 'formatCode="yyyy-mm-dd"' &&
    t_ok "report hours-volunteer --output .xlsx: minutes and hours are numbers, the day a date" ||
    t_fail "report hours-volunteer --output .xlsx: minutes and hours are numbers, the day a date" "$(grep -A2 '^c r="[A-E]4"' "$T/v.xml")"
# A ledger's phones and codes of digits alone stay text in a workbook; its counts are numbers.
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export organisations "$T/o.xlsx" --unmasked --reason 核对 >/dev/null 2>&1
unzip -p "$T/o.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' >"$T/o.xml"
grep -A2 '^c r="H2"' "$T/o.xml" | grep -q "^t>1[0-9]\{10\}$" && grep -q '^c r="H2" s="[0-9]*" t="inlineStr">$' "$T/o.xml" &&
    grep -q '^c r="I2">$' "$T/o.xml" &&
    t_ok "export organisations .xlsx: the full phone is text, the head count a number" ||
    t_fail "export organisations .xlsx: the full phone is text, the head count a number" "$(grep -A2 '^c r="[H-I]2"' "$T/o.xml")"
# A file that exists is replaced only with --force.
cp "$T/teams.csv" "$T/teams.kept"
run rep-exists 1 "$BIN" --db "$DB" report hours-teams --month 2026-03 --output "$T/teams.csv"
cmp -s "$T/teams.csv" "$T/teams.kept" && grep -q "teams.csv 已存在：加 --force 才会替换" "$T/rep-exists.out" &&
    t_ok "report --output: a file that exists is left as it was, and said" ||
    t_fail "report --output: a file that exists is left as it was, and said" "$(cat "$T/rep-exists.out")"
run rep-force 0 "$BIN" --db "$DB" report hours-teams --month 2026-03 --output "$T/teams.csv" --force
cmp -s "$T/teams.csv" "$T/teams.kept" && t_fail "report --output --force: replaces it (UTF-8 now)" || t_ok "report --output --force: replaces it (UTF-8 now)"

# Stars due: with 一星 at 3 hours, V1 (7.4 counted) is due it and V2 (1.0) is not; a star held is not.
sqlite3 "$DB" "UPDATE star_level SET hours = 3 WHERE name = '一星'"
run rep-due 0 "$BIN" --db "$DB" report stars-due
sub "$T/rep-due.out"
grep -q "^V1 .* 7.4 *一星 *3$" "$T/rep-due.out.sub" && ! grep -q "V2" "$T/rep-due.out.sub" && grep -q "^1 名志愿者" "$T/rep-due.out.sub" \
    && t_ok "report stars-due: who reached a level not held, with the counted hours" || t_fail "report stars-due: who reached a level not held, with the counted hours" "$(cat "$T/rep-due.out.sub")"
run rep-due-csv 0 "$BIN" --db "$DB" report stars-due --output "$T/due.csv"
grep -q "$V1,.*,7.4,一星,3" "$T/due.csv" && t_ok "report stars-due --output: as CSV" || t_fail "report stars-due --output: as CSV" "$(cat "$T/due.csv")"
sqlite3 "$DB" "INSERT INTO star_award (volunteer_id, level_id, minutes, awarded_on, awarded_by) SELECT v.id, l.id, 444, '2026-03-20', 'x' FROM volunteer v, star_level l WHERE v.number = '$V1' AND l.name = '一星'"
run rep-due-held 0 "$BIN" --db "$DB" report stars-due
grep -q "$V1" "$T/rep-due-held.out" && t_fail "report stars-due: a star held is not due" "$(cat "$T/rep-due-held.out")" || t_ok "report stars-due: a star held is not due"
run rep-due-month 2 "$BIN" --db "$DB" report stars-due --month 2026-03

run rep-unknown 1 "$BIN" --db "$DB" report hours-volunteer 2099000001
grep -q "没有编号为 2099000001 的志愿者" "$T/rep-unknown.out" && t_ok "report hours-volunteer: an unknown number said" || t_fail "report hours-volunteer: an unknown number said" "$(cat "$T/rep-unknown.out")"
run rep-bad-month 2 "$BIN" --db "$DB" report hours-teams --month 2026-13
run rep-bad-year 2 "$BIN" --db "$DB" report hours-categories --year 26
run rep-both 2 "$BIN" --db "$DB" report hours-teams --month 2026-03 --year 2026
grep -q "^bangban: --month 2026-13: 月份请写成 2026-03" "$T/rep-bad-month.out" &&
    grep -q "^bangban: --year 26: 年份请写成 2026" "$T/rep-bad-year.out" &&
    grep -q "^bangban: --month 与 --year 只能选一个" "$T/rep-both.out" &&
    t_ok "report hours-teams: a month or year that is none, or both, named" ||
    t_fail "report hours-teams: a month or year that is none, or both, named" "$(cat "$T/rep-bad-month.out" "$T/rep-bad-year.out" "$T/rep-both.out")"
run rep-bad-from 2 "$BIN" --db "$DB" report hours-volunteer "$V1" --from 2026-02-30
grep -q "2026-02-30" "$T/rep-bad-from.out" && t_ok "report hours-volunteer: a day that is none named" || t_fail "report hours-volunteer: a day that is none named" "$(cat "$T/rep-bad-from.out")"
t_sanitizers "hours_reports"
