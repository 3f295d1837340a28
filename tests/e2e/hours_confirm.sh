# The coordinator confirms an activity's service records: one still signed
# in is refused; after the sign-out one is confirmed by the person served
# (by name) and the rest at once by the organiser, each then on public
# notice over the working days (a holiday skipped). A late record (补录)
# for a past day is entered with its reason and the request it helped
# close, refused first for a day outside the activity, and is marked 补录
# wherever records are listed. A correction is taken down (not one to a
# sign-out still to come) and granted, the old time kept in the audit log. With the clock (BANGBAN_NOW) on the last
# day of the notice the volunteer's hours are pending, the day after they
# count. The request's timeline names the volunteer who helped close it.
. "$(dirname "$0")/lib.sh"

"$BIN" --db "$DB" demo --requests 3 >/dev/null
# The request the late record helped close was still open on 3 December: it closed on the 4th
# (a record helps a request on a day of its life only).
sqlite3 "$DB" "UPDATE request SET closed_at = CAST(strftime('%s', '2026-12-04 12:00:00') AS INTEGER) WHERE number = '2025-000001'"
printf '%s\r\n' "志愿者编号,姓名,身份证号" "2026000101,李四,120101198001010012" \
    "2026000102,王五,120101198502020024" >"$T/vols.csv"
env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/vols.csv" >"$T/import.out" 2>&1 ||
    t_fail "two volunteers are registered" "$(cat "$T/import.out")"
# Wednesday 9 December a holiday: a notice from Monday 7 runs Tue 8, Thu 10, Fri 11.
printf '%s\r\n' "日期,类型,名称" "2026-12-09,放假,测试假日" >"$T/cal.csv"
env BANGBAN_USER=admin "$BIN" --db "$DB" import calendar "$T/cal.csv" >"$T/import.out" 2>&1 ||
    t_fail "the holiday is entered" "$(cat "$T/import.out")"
STATE="SELECT v.number, s.day, s.sign_in, s.sign_out, s.minutes, s.confirmed_as, s.confirmed_by, s.counts_from, s.late FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id ORDER BY s.id"

open_activity() {
    keys "$1" C-u
    type_text "$1" "$2"
    wait_for "$1" "共 1 条"
    keys "$1" Enter
    wait_for "$1" "签到签退"
}

# Monday 7 December: a team, an activity from the 1st, two volunteers in.
sign_in vol "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-07T09:00
choose vol "志愿服务"
wait_for vol "志愿者编号"
keys vol Tab
wait_for vol "没有队伍"
keys vol F7
wait_for vol "新建队伍"
type_text vol "朝阳里志愿服务队"
keys vol F2
wait_for vol "已保存：朝阳里志愿服务队"
keys vol Tab
wait_for vol "没有活动"
keys vol F7
wait_for vol "新建活动"
type_text vol "朝阳里"
wait_for vol "朝阳里志愿服务队"
keys vol Enter Tab
type_text vol "助老送餐"
keys vol Tab Tab Tab Tab C-u
type_text vol "2026-12-01 09:00"
keys vol F2
wait_for vol "已保存：助老送餐"
open_activity vol "助老"
keys vol 2026000101 Enter
wait_for vol "已签到：李四"
keys vol 2026000102 Enter
wait_for vol "已签到：王五"
keys vol F9
choose vol "确认这条记录"
expect vol "a record still signed in is not confirmed" "尚未签退：签退后才能确认"
db_is "nothing confirmed" "SELECT count(*) FROM service_record WHERE confirmed_at <> ''" 0
quits vol "quits cleanly"

# 11:05: both out; 李四's record (the one selected) confirmed by the person served, the rest by
# the organiser.
sign_in vol2 "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-07T11:05
choose vol2 "志愿服务"
wait_for vol2 "志愿者编号"
keys vol2 Tab Tab
wait_for vol2 "助老送餐"
open_activity vol2 "助老"
keys vol2 2026000101 Enter
wait_for vol2 "已签退：李四"
keys vol2 2026000102 Enter
wait_for vol2 "已签退：王五"
expect vol2 "signed-out records wait for confirmation" "未确认"
keys vol2 F9
choose vol2 "服务对象确认"
expect vol2 "the recipient's confirmation asks who" "哪位服务对象确认了李四 09:00-11:05"
type_text vol2 "赵大妈"
keys vol2 Enter
expect vol2 "one record confirmed, on notice" "已确认 1 条记录；公示期满后计入"
expect vol2 "its notice skips the holiday: to Friday 11th" "公示至 12-11"
keys vol2 F9
choose vol2 "确认全部待确认记录"
wait_for vol2 "确认本活动所有已签退、未确认的记录"
keys vol2 y
expect vol2 "the rest confirmed at once" "已确认 1 条记录；公示期满后计入"

# late_for DAY IN OUT WHY: F9's 补录 for 李四, typed as far as its reason.
late_for() {
    keys vol2 F9
    choose vol2 "补录"
    wait_for vol2 "事后补录"
    type_text vol2 "李四"
    wait_for vol2 "2026000101"
    keys vol2 Enter Tab
    type_text vol2 "$1"
    keys vol2 Tab
    type_text vol2 "$2"
    keys vol2 Tab
    type_text vol2 "$3"
    keys vol2 Tab
    type_text vol2 "$4"
}

# 补录 for Thursday 3 December, with the request it helped close.
late_for 2026-11-30 14:00 16:30 "纸质签到表补录"
keys vol2 Tab
type_text vol2 "2025-000001"
keys vol2 F2
expect vol2 "a day outside the activity is refused, saying where" \
    "日期 2026-11-30：助老送餐 的时间是 2026-12-01 至 2026-12-07"
keys vol2 C-u
type_text vol2 "2026-12-03"
keys vol2 F2
expect vol2 "the late record is saved and marked" \
    "已补录：李四 2026-12-03 14:00-16:30，共 150 分钟（2.5 小时），标记为补录"
# Times wholly before the activity began on its first day are refused, saying its times.
late_for 2026-12-01 07:00 08:30 "早到帮忙"
keys vol2 F2
expect vol2 "a late record wholly outside the activity's times is refused, saying them" "07:00-08:30 与活动时间不符（助老送餐：2026-12-01 09:00 至 2026-12-07 17:00"
# Today is a day for a late record too, up to now (11:05), not after it.
keys vol2 Escape
wait_for vol2 "放弃填写的内容并返回？"
keys vol2 y
wait_gone vol2 "事后补录"
late_for 2026-12-07 10:00 12:00 "早上忘了扫码"
keys vol2 F2
expect vol2 "today's late record out later than now is refused, naming now" "签退 12:00 晚于现在（11:05）"
keys vol2 Escape
wait_for vol2 "放弃填写的内容并返回？"
keys vol2 y
wait_gone vol2 "事后补录"
keys vol2 Tab
expect vol2 "every day's records mark it 补录" "补录 未确认"
db_is "confirmed by whom, counting from when; the late record marked" "$STATE" \
    "2026000101|2026-12-07|09:00|11:05|125|recipient|赵大妈|2026-12-12|0
2026000102|2026-12-07|09:00|11:05|125|organiser|volunteers|2026-12-12|0
2026000101|2026-12-03|14:00|16:30|150||||1"
db_is "the late record's reason and request" \
    "SELECT s.late_reason, q.number FROM service_record s JOIN request q ON q.id = s.request_id" \
    "纸质签到表补录|2025-000001"

# 李四 came at 08:30 and asks for it: taken down, then granted by the coordinator.
keys vol2 Escape
wait_for vol2 "查找： 助老"
keys vol2 Tab
wait_for vol2 "志愿者编号"
type_text vol2 "李四"
wait_for vol2 "共 1 条"
keys vol2 F9
choose vol2 "服务记录与时长"
wait_for vol2 "李四（2026000101）的服务记录"
expect vol2 "the volunteer's records show the request the late one helped close" "2025-000001"
keys vol2 F9
choose vol2 "登记更正申请"
wait_for vol2 "更正 李四 2026-12-07 09:00-11:05"
# A sign-out before the sign-in is refused in the dialog, which stays with all that was typed.
keys vol2 Tab C-u
type_text vol2 "08:30"
keys vol2 Tab
type_text vol2 "签到时忘了扫码"
keys vol2 Enter
wait_for vol2 "签退时间必须晚于签到时间"
expect vol2 "a refused correction keeps its dialog open" "更正 李四 2026-12-07 09:00-11:05"
expect vol2 "and the reason typed" "签到时忘了扫码"
# Nor a sign-out still to come (it is 11:05): hours are of times served.
keys vol2 Tab C-u
type_text vol2 "11:30"
keys vol2 Tab Enter
expect vol2 "a sign-out later than now is refused" "要改成的签退时间晚于现在"
keys vol2 C-u
type_text vol2 "08:30"
keys vol2 Tab C-u
type_text vol2 "11:05"
keys vol2 Tab Enter
expect vol2 "the correction is taken down" "已登记更正申请：改为 08:30-11:05，待协调员处理"
keys vol2 Escape
wait_for vol2 "志愿者编号"
keys vol2 F9
choose vol2 "更正申请"
wait_for vol2 "签到时忘了扫码"
keys vol2 Enter
expect vol2 "the dialog says the time on record first, then the one asked" "申请由 09:00-11:05 改为 08:30-11:05"
choose vol2 "准予"
wait_for vol2 "理由（必填）"
keys vol2 Enter
expect vol2 "no reason: said in the dialog" "请写明准予更正的理由"
expect vol2 "which stays open for it" "理由（必填）"
type_text vol2 "签到表核实"
keys vol2 Enter
expect vol2 "granted, the old time kept" "已准予：李四 2026-12-07 改为 08:30-11:05；原时间留在操作日志中"
db_is "the record has the new time and minutes" \
    "SELECT sign_in, minutes FROM service_record WHERE id = 1" "08:30|155"
db_is "the audit log keeps the old sign-out beside the new" \
    "SELECT count(*) FROM audit_log WHERE subject = 'service-record:1' AND detail LIKE '%09:00%' AND detail LIKE '%08:30%'" 1
db_is "the correction is granted with its reason" \
    "SELECT state, decision_reason FROM hours_correction" "granted|签到表核实"
quits vol2 "quits cleanly"
"$BIN" --db "$DB" audit verify >"$T/verify.out" 2>&1 || t_fail "the audit log's chain holds" "$(cat "$T/verify.out")"

# hours_of WIN NOW: 王五's records and hours on the day NOW.
hours_of() {
    sign_in "$1" "volunteers" "demo-volunteers" BANGBAN_NOW="$2"
    choose "$1" "志愿服务"
    wait_for "$1" "志愿者编号"
    type_text "$1" "王五"
    wait_for "$1" "共 1 条"
    keys "$1" F9
    choose "$1" "服务记录与时长"
    wait_for "$1" "王五（2026000102）的服务记录"
}
hours_of last 2026-12-11T16:00
expect last "on the last day of the notice the hours are pending" "已计入 0.0 小时，待计入 2.0 小时"
expect last "the record says until when" "公示至 12-11"
quits last "quits cleanly"
hours_of after 2026-12-12T09:00
expect after "the day after, they count" "已计入 2.0 小时，待计入 0.0 小时"
expect after "the record says so" "已计入"
quits after "quits cleanly"

# The request's timeline names who helped close it.
admin_login centre-admin
open_section desk "诉求" "未办结" BANGBAN_NOW=2026-12-12T09:00 BANGBAN_USER=centre-admin
type_text desk "2025-000001"
keys desk BTab
wait_for desk "共 1 条"
keys desk Enter
expect desk "the request shows the volunteer who helped, the day and minutes" \
    "志愿者协助 李四 2026-12-03 150 分钟"
quits desk "quits cleanly"
t_sanitizers "hours_confirm"
