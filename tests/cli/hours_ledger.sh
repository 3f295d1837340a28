# The service-hours ledger (import hours, export hours): a GBK sheet with
# good rows (confirmed, a late record, full-width digits, H:MM times) and
# bad ones (an overlap with an earlier row, an unknown volunteer number, an
# activity that does not exist, sign-out before sign-in, a fourth pair at
# one activity on one day, an unknown request) each named by line, column
# and reason and written to the rejects file byte for byte; a dry run refusing
# what the import refuses (rows against the rows above them); a
# confirmed row counting after the notice period over working days, an
# unconfirmed one not; twice changing nothing; the right it needs; the
# export read back unchanged.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/h.db"
export BANGBAN_NOW="2026-03-20 10:00:00"
"$BIN" --db "$DB" demo --volunteers 30 >/dev/null
sqlite3 "$DB" "INSERT INTO activity (id, team_id, name, starts_at, ends_at, created_at, created_by, updated_at, updated_by) VALUES
  (1, 1, '敬老院探访', '2026-03-07 08:00', '2026-03-07 17:00', 'x', 'x', 'x', 'x'),
  (2, 1, '社区清扫', '2026-03-07 07:00', '2026-03-07 18:00', 'x', 'x', 'x', 'x'),
  (3, 1, '早市巡查', '2026-03-20 07:00', '2026-03-20 17:00', 'x', 'x', 'x', 'x')"
V1=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1 OFFSET 0")
V2=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1 OFFSET 1")
V3=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1 OFFSET 2")
N1=$(sqlite3 "$DB" "SELECT name FROM volunteer WHERE number = '$V1'")
# V2 in full-width digits, as an IME types them.
V2W=$(printf '%s' "$V2" | sed 's/0/０/g; s/1/１/g; s/2/２/g; s/3/３/g; s/4/４/g; s/5/５/g; s/6/６/g; s/7/７/g; s/8/８/g; s/9/９/g')
{
    printf '%s\r\n' "序号,志愿者编号,姓名,活动名称,日期,签到时间,签退时间,确认日期,确认人,补录原因,关联诉求编号"
    printf '%s\r\n' "1,$V1,$N1,敬老院探访,2026-03-07,09:00,11:30,2026-03-08,刘组织,,"
    printf '%s\r\n' "2,$V1,,敬老院探访,2026/3/7,13:00,15:00,,,纸质签到表补录,"
    printf '%s\r\n' "3,$V2W,,敬老院探访,2026-03-07,9:00,10:00,,,,"
    printf '%s\r\n' "4,$V1,,社区清扫,2026-03-07,11:00,12:00,,,,"
    printf '%s\r\n' "5,9999000001,,敬老院探访,2026-03-07,09:00,10:00,,,,"
    printf '%s\r\n' "6,$V3,,不存在的活动,2026-03-07,09:00,10:00,,,,"
    printf '%s\r\n' "7,$V2,,敬老院探访,2026-03-07,10:30,10:00,,,,"
    printf '%s\r\n' "8,$V3,,社区清扫,2026-03-07,08:00,08:30,2026-03-09,刘组织,,"
    printf '%s\r\n' "9,$V3,,社区清扫,2026-03-07,09:00,09:30,2026-03-09,刘组织,,"
    printf '%s\r\n' "10,$V3,,社区清扫,2026-03-07,10:00,10:30,2026-03-09,刘组织,,"
    printf '%s\r\n' "11,$V3,,社区清扫,2026-03-07,11:00,11:30,2026-03-09,刘组织,,"
    printf '%s\r\n' "12,$V2,,社区清扫,2026-03-07,14:00,15:00,,,,2026-999999"
} | iconv -f UTF-8 -t GBK >"$T/bad.csv"
sub() { sed "s/$V1/V1/g; s/$V2/V2/g; s/$V3/V3/g; s/$N1/N1/g" "$1" >"$1.sub"; }

run hours-refused 1 env BANGBAN_USER=desk "$BIN" --db "$DB" import hours "$T/bad.csv"
grep -q "志愿服务" "$T/hours-refused.out" && t_ok "import hours: the desk may not" || t_fail "import hours: the desk may not" "$(cat "$T/hours-refused.out")"

run hours-dry 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/bad.csv" --dry-run
grep -q "将新增 6，将更新 0，未变 0，跳过 0，退回 6；未写入任何数据" "$T/hours-dry.out" && t_ok "import hours --dry-run: counts as the import will, each row checked against the rows above" || t_fail "import hours --dry-run: counts as the import will, each row checked against the rows above" "$(cat "$T/hours-dry.out")"
grep -q "第 5 行「签到时间」：与这位志愿者的另一时段重叠（2026-03-07 敬老院探访 09:00-11:30）" "$T/hours-dry.out" && grep -q "第 12 行「签到时间」：今天已在本活动签到三次" "$T/hours-dry.out" && t_ok "import hours --dry-run: an overlap and a fourth pair with rows above are named" || t_fail "import hours --dry-run: an overlap and a fourth pair with rows above are named" "$(cat "$T/hours-dry.out")"
db_is "import hours --dry-run: nothing written" "SELECT count(*) FROM service_record" 0

run hours-bad 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/bad.csv"
sub "$T/hours-bad.out"
t_golden "import hours: every bad row named by line, column and reason" "$E/hours-bad.txt" "$T/hours-bad.out.sub"
iconv -f GBK -t UTF-8 "$T/bad.csv.rejects.csv" | tr -d "\r" >"$T/rejects.txt" && sub "$T/rejects.txt"
t_golden "import hours: the rejects file holds the bad rows, each with its reason" "$E/hours-bad.rejects.txt" "$T/rejects.txt.sub"
head -c 200 "$T/bad.csv.rejects.csv" | iconv -f GBK -t UTF-8 >/dev/null 2>&1 && t_ok "import hours: the rejects file is in the ledger's own encoding (GBK)" || t_fail "import hours: the rejects file is in the ledger's own encoding (GBK)"
db_is "import hours: the good rows are in, one per pair" "SELECT count(*) FROM service_record" 6
db_is "import hours: a confirmed row counts after three working days' notice (confirmed on a Sunday)" \
    "SELECT s.minutes || '/' || s.confirmed_by || '/' || s.counts_from || '/' || s.late FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '$V1' AND s.sign_in = '09:00'" \
    "150/刘组织/2026-03-12/0"
db_is "import hours: a row not confirmed in the sheet comes in unconfirmed, a late one marked with its reason" \
    "SELECT s.confirmed_at || '/' || s.counts_from || '/' || s.late || '/' || s.late_reason FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '$V1' AND s.sign_in = '13:00'" \
    "//1/纸质签到表补录"
db_is "import hours: a number in full-width digits and a time written 9:00 read as they are" \
    "SELECT s.sign_in || '-' || s.sign_out FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '$V2'" "09:00-10:00"
db_is "import hours: minutes that count (confirmed, notice over) as every store counts them" \
    "SELECT sum(minutes) FROM service_record WHERE confirmed_at <> '' AND counts_from <= '2026-03-20'" 240
db_is "import hours: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'service_record'" 1
db_is "import hours: each record added is a row of the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'add' AND subject LIKE 'service-record:%'" 6

run hours-again 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/bad.csv"
grep -q "新增 0，更新 0，未变 6" "$T/hours-again.out" && t_ok "import hours: twice changes nothing" || t_fail "import hours: twice changes nothing" "$(cat "$T/hours-again.out")"
db_is "import hours: twice, still six" "SELECT count(*) FROM service_record" 6

# A later sheet confirming the late record: the record is updated, not doubled.
{
    printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间,确认日期,确认人"
    printf '%s\r\n' "$V1,敬老院探访,2026-03-07,13:00,15:00,2026-03-16,王主任"
} | iconv -f UTF-8 -t GBK >"$T/confirm.csv"
run hours-confirm 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/confirm.csv"
db_is "import hours: a later sheet confirms a record, the late reason it lacks kept" \
    "SELECT s.confirmed_by || '/' || s.counts_from || '/' || s.late_reason FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '$V1' AND s.sign_in = '13:00'" \
    "王主任/2026-03-20/纸质签到表补录"
db_is "import hours: the record it changed keeps its old values in the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'edit' AND subject LIKE 'service-record:%' AND detail LIKE '%王主任%'" 1

run hours-export 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" export hours "$T/out.csv"
tr -d '\r\t' <"$T/out.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/out.txt"
sub "$T/out.txt"
t_golden "export hours: every record by day, number and sign-in, in the columns import reads" "$E/hours-export.txt" "$T/out.txt.sub"
run hours-roundtrip 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/out.csv"
grep -q "读取 6 行：新增 0，更新 0，未变 6" "$T/hours-roundtrip.out" && t_ok "export hours: reads back unchanged" || t_fail "export hours: reads back unchanged" "$(cat "$T/hours-roundtrip.out")"
# Someone still on duty is no service yet: left out, and the export still reads back.
sqlite3 "$DB" "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out, minutes, created_at, created_by, updated_at, updated_by)
  SELECT volunteer_id, activity_id, day, '16:30', '', 0, created_at, created_by, updated_at, updated_by FROM service_record ORDER BY id LIMIT 1"
db_is "export hours: one is on duty" "SELECT count(*) FROM service_record WHERE sign_out = ''" 1
run hours-export-open 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" export hours "$T/open.csv"
run hours-roundtrip-open 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/open.csv"
grep -q "读取 6 行：新增 0，更新 0，未变 6" "$T/hours-roundtrip-open.out" &&
    t_ok "export hours: one on duty is left out, and it reads back" ||
    t_fail "export hours: one on duty is left out, and it reads back" "$(cat "$T/hours-roundtrip-open.out")"
# A row over one still on duty names its activity and says so.
printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间" "$(sqlite3 "$DB" "SELECT v.number || ',' || a.name || ',' || s.day || ',16:00,17:00' FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id JOIN activity a ON a.id = s.activity_id WHERE s.sign_out = ''")" >"$T/over-open.csv"
run hours-over-open 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/over-open.csv" --dry-run
grep -q "与这位志愿者的另一时段重叠（2026-03-07 敬老院探访 16:30 签到，在岗）" "$T/hours-over-open.out" &&
    t_ok "import hours: an overlap with one on duty names the activity and says 在岗" ||
    t_fail "import hours: an overlap with one on duty names the activity and says 在岗" "$(cat "$T/hours-over-open.out")"
sqlite3 "$DB" "DELETE FROM service_record WHERE sign_out = ''"
# Times with seconds, and a day and a time written with a date before them, as Excel's date and
# time cells read: taken to the minute.
printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间" "$V1,敬老院探访,2026/3/7 0:00,16:00:00,2026/3/7 17:30" >"$T/timed.csv"
run hours-timed 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/timed.csv"
db_is "import hours: times with seconds and dates with a time read to the minute" \
    "SELECT s.day || ' ' || s.sign_in || '-' || s.sign_out FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '$V1' AND s.sign_in = '16:00'" \
    "2026-03-07 16:00-17:30"
# Today's service signed out later than now is not served yet: refused (it would refuse the
# real sign-in as an overlap); what ended before now is taken.
printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间" "$V2,早市巡查,2026-03-20,07:30,09:30" \
    "$V3,早市巡查,2026-03-20,09:00,11:00" >"$T/today.csv"
run hours-today 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/today.csv" --dry-run
grep -q "将新增 1，将更新 0，未变 0，跳过 0，退回 1" "$T/hours-today.out" &&
    grep -q "第 3 行「签退时间」：晚于现在：服务完成后才能记录" "$T/hours-today.out" &&
    t_ok "import hours: today's service signed out later than now is refused" ||
    t_fail "import hours: today's service signed out later than now is refused" "$(cat "$T/hours-today.out")"
# Two rows whose volunteer numbers are both refused, otherwise alike, are not one volunteer: each
# is refused for its number alone, never as a repeat of the other; a row that is a repeat still
# is one.
printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间" "1.20101E+17,敬老院探访,2026-03-07,14:30,15:30" \
    "201800003,敬老院探访,2026-03-07,14:30,15:30" "$V2,敬老院探访,2026-03-07,2026-13-01,15:30" \
    "$V2,敬老院探访,2026-03-07,25:00,15:30" "$V2,敬老院探访,2026-03-07,16:00,16:30" \
    "$V2,敬老院探访,2026-03-07,16:00,16:30" >"$T/unread.csv"
run hours-unread 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import hours "$T/unread.csv" --dry-run
grep -q "第 2 行「志愿者编号」：志愿者编号为10位数字：注册年份加序号：「1.20101E+17」" "$T/hours-unread.out" &&
    grep -q "第 3 行「志愿者编号」：志愿者编号为10位数字：注册年份加序号：「201800003」" "$T/hours-unread.out" &&
    ! grep -q "第 [345] 行「签到时间」：与第" "$T/hours-unread.out" &&
    grep -q "第 7 行「签到时间」：与第 6 行重复" "$T/hours-unread.out" &&
    t_ok "import hours: rows whose number or sign-in is refused repeat no row" ||
    t_fail "import hours: rows whose number or sign-in is refused repeat no row" "$(cat "$T/hours-unread.out")"
t_sanitizers "hours_ledger"
