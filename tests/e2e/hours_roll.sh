# The volunteer coordinator creates a team and two activities, then signs
# three volunteers in at one activity's roll by number (one typed in
# full-width digits, one sent as a barcode scanner does, number and Enter
# at once), each said on screen with who and when; an unknown number and a
# volunteer signed in elsewhere are refused with nothing saved. Two hours
# later (the clock pinned by BANGBAN_NOW) the same numbers sign them out,
# the screen saying the minutes recorded, and the roll's total hours are
# the minutes summed and truncated to one decimal; a sign-out in the
# minute of the sign-in and a fourth pair in a day are refused, as is a
# sign-in more than an hour before the activity begins.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "志愿者编号,姓名,身份证号" "2026000101,李四,120101198001010012" \
    "2026000102,王五,120101198502020024" "2026000103,赵六,120101199003030038" >"$T/vols.csv"
env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/vols.csv" >"$T/import.out" 2>&1 ||
    t_fail "three volunteers are registered" "$(cat "$T/import.out")"
ROWS="SELECT v.number, s.day, s.sign_in, s.sign_out, s.minutes FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id ORDER BY v.number, s.id"

# open_activity NAME TEXT: on the volunteer screen's activities tab, the roll of the activity TEXT finds.
open_activity() {
    keys "$1" C-u
    type_text "$1" "$2"
    wait_for "$1" "共 1 条"
    keys "$1" Enter
    wait_for "$1" "签到签退"
}

sign_in vol "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-05T09:00
choose vol "志愿服务"
wait_for vol "志愿者编号"
keys vol Tab
wait_for vol "没有队伍"
keys vol F7
wait_for vol "新建队伍"
type_text vol "朝阳里志愿服务队"
keys vol F2
wait_for vol "已保存：朝阳里志愿服务队"

# Two activities of the team, today from 09:00 to 17:00 as the form offers.
keys vol Tab
wait_for vol "没有活动"
for act in 助老送餐 环境清洁; do
    keys vol F7
    wait_for vol "新建活动"
    type_text vol "朝阳里"
    wait_for vol "朝阳里志愿服务队"
    keys vol Enter Tab
    type_text vol "$act"
    keys vol F2
    wait_for vol "已保存：$act"
done
expect vol "the activity is listed with its start" "2026-12-05 09:00 助老送餐"
type_text vol "没有这个"
expect vol "a search that finds no activity says so, not that there are none" "没有找到"
keys vol C-u
wait_for vol "助老送餐"

open_activity vol "助老"
wait_for vol "今天还没有人签到"
type_text vol "2026000101"
keys vol Enter
expect vol "a number typed and Enter signs the volunteer in" "已签到：李四（2026000101）09:00"
type_text vol "２０２６０００１０２"
keys vol Enter
expect vol "full-width digits are read as the number" "已签到：王五（2026000102）09:00"
# A scanner: the number and Enter in one burst. Two were wanted: the third is signed in, and told.
sqlite3 "$DB" "UPDATE activity SET quota = 2 WHERE name = '助老送餐'"
keys vol 2026000103 Enter
expect vol "a scanned card signs in at once, past the quota said" \
    "已签到：赵六（2026000103）09:00；超出招募人数：招募 2 人，今天已有 3 人签到"
sqlite3 "$DB" "UPDATE activity SET quota = 0 WHERE name = '助老送餐'"
wait_for vol "3 人次，在岗 3 人，0.0 小时"
keys vol 2026999999 Enter
expect vol "an unknown number is said, nothing saved" "没有编号为 2026999999 的志愿者：未记录"
db_is "three sign-ins, to the minute, no sign-out yet" "$ROWS" \
    "2026000101|2026-12-05|09:00||0
2026000102|2026-12-05|09:00||0
2026000103|2026-12-05|09:00||0"

# Signed in at one activity: not at the other.
keys vol Escape
wait_for vol "查找： 助老"
open_activity vol "环境"
keys vol 2026000101 Enter
expect vol "an overlap across activities is refused, saying where" \
    "李四（2026000101）：助老送餐（09:00 签到）未签退，请先签退"
db_is "nothing saved for the refused sign-in" "SELECT count(*) FROM service_record" 3
quits vol "quits cleanly"

# Two hours and five minutes later: out by the same numbers.
sign_in vol2 "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-05T11:05
choose vol2 "志愿服务"
wait_for vol2 "志愿者编号"
keys vol2 Tab Tab
wait_for vol2 "助老送餐"
open_activity vol2 "助老"
wait_for vol2 "3 人次，在岗 3 人"
type_text vol2 "2026000101"
keys vol2 Enter
expect vol2 "signing out says the minutes recorded" \
    "已签退：李四（2026000101）11:05，09:00-11:05 共 125 分钟（2.0 小时）"
type_text vol2 "２０２６０００１０２"
keys vol2 Enter
expect vol2 "out by full-width digits too" "已签退：王五（2026000102）11:05"
# One who left the register while signed in is still signed out (the record would stay open).
sqlite3 "$DB" "UPDATE volunteer SET status = 'left' WHERE number = '2026000103'"
keys vol2 2026000103 Enter
expect vol2 "out by a scanned card, though they left the register meanwhile" \
    "已签退：赵六（2026000103）11:05，09:00-11:05 共 125 分钟"
sqlite3 "$DB" "UPDATE volunteer SET status = 'active' WHERE number = '2026000103'"
# 375 minutes summed: 6.25 hours, shown truncated.
expect vol2 "the roll's hours are the minutes summed, truncated" "3 人次，在岗 0 人，6.2 小时"
# In again at once is a new pair; out in the same minute is not after it.
keys vol2 2026000101 Enter
expect vol2 "a second pair starts where the first ended" "已签到：李四（2026000101）11:05"
keys vol2 2026000101 Enter
expect vol2 "a sign-out in the same minute is refused, saying the sign-in was just made" \
    "刚在 11:05 签到：签退须在签到 2 分钟之后"
# 王五 with two more pairs there this morning has three: no fourth.
sqlite3 "$DB" "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out, minutes, created_at, created_by, updated_at, updated_by) SELECT v.id, a.id, '2026-12-05', t.i, t.o, 30, 'x', 'x', 'x', 'x' FROM volunteer v, activity a, (SELECT '07:00' AS i, '07:30' AS o UNION ALL SELECT '07:30', '08:00') t WHERE v.number = '2026000102' AND a.name = '助老送餐'"
keys vol2 2026000102 Enter
expect vol2 "a fourth pair in a day at one activity is refused" \
    "王五（2026000102）：今天已在本活动签到三次，不能再签第四次"
db_is "each pair stored to the minute with its minutes" "$ROWS" \
    "2026000101|2026-12-05|09:00|11:05|125
2026000101|2026-12-05|11:05||0
2026000102|2026-12-05|09:00|11:05|125
2026000102|2026-12-05|07:00|07:30|30
2026000102|2026-12-05|07:30|08:00|30
2026000103|2026-12-05|09:00|11:05|125"
db_is "every sign-in and sign-out is in the audit log as the coordinator's" \
    "SELECT count(*) FROM audit_log WHERE subject LIKE 'service-record:%' AND actor = 'volunteers'" 7
# A sign-out a minute after the sign-in (the card scanned twice as the minute turned: 李四 in at
# 11:04, as if his first pair had ended then): refused, no record of a minute.
sqlite3 "$DB" "UPDATE service_record SET sign_out = '11:04', minutes = 124 WHERE sign_out = '11:05' AND volunteer_id = (SELECT id FROM volunteer WHERE number = '2026000101'); UPDATE service_record SET sign_in = '11:04' WHERE sign_out = ''"
keys vol2 2026000101 Enter
expect vol2 "a sign-out a minute after the sign-in is refused too (a card scanned twice)" \
    "刚在 11:04 签到：签退须在签到 2 分钟之后"
db_is "and the sign-in stays open" \
    "SELECT count(*) FROM service_record WHERE sign_in = '11:04' AND sign_out = ''" 1
quits vol2 "quits cleanly"

# At 17:30 the activities (09:00-17:00) are over: no one signs in, those still in sign out.
sign_in vol3 "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-05T17:30
choose vol3 "志愿服务"
wait_for vol3 "志愿者编号"
keys vol3 Tab Tab
wait_for vol3 "助老送餐"
open_activity vol3 "助老"
keys vol3 2026000103 Enter
expect vol3 "a sign-in after the activity ended is refused, saying when it ended" "助老送餐 已于 2026-12-05 17:00 结束：不能再签到"
# Not ended while 李四 is still in: he could neither sign out nor sign in elsewhere.
keys vol3 Escape
wait_for vol3 "查找： 助老"
keys vol3 F4
wait_for vol3 "编辑活动"
keys vol3 Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys vol3 Enter
wait_for vol3 "结束"
type_text vol3 "结束"
keys vol3 Enter
keys vol3 F2
expect vol3 "ending the activity with someone still signed in is refused, saying what to do" "还有志愿者未签退"
db_is "and it is not ended" "SELECT status FROM activity WHERE name = '助老送餐'" "planned"
keys vol3 Escape
wait_for vol3 "放弃"
keys vol3 y
wait_for vol3 "查找： 助老"
# Nor moved to the next day, away from the hours served in it today.
keys vol3 F4
wait_for vol3 "编辑活动"
keys vol3 Tab Tab Tab Tab Tab C-u
type_text vol3 "2026-12-06 09:00"
keys vol3 Tab C-u
type_text vol3 "2026-12-06 17:00"
keys vol3 F2
expect vol3 "an activity with service recorded today is not moved to another day, saying from when" \
    "起已有服务记录：活动时间须包含已记录的服务"
db_is "and it is not moved" "SELECT starts_at FROM activity WHERE name = '助老送餐'" "2026-12-05 09:00"
keys vol3 Escape
wait_for vol3 "放弃"
keys vol3 y
wait_for vol3 "查找： 助老"
keys vol3 Enter
wait_for vol3 "签到签退"
keys vol3 2026000101 Enter
expect vol3 "one still signed in signs out" "已签退：李四（2026000101）17:30"
quits vol3 "quits cleanly"

# At 07:30 the 09:00 activity takes no sign-in: hours would count from before there was anything
# to serve. It opens an hour before.
printf '%s\r\n' "志愿者编号,姓名,身份证号" "2026000104,钱七,120101197505050048" >"$T/vol4.csv"
env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/vol4.csv" >"$T/import4.out" 2>&1 ||
    t_fail "a fourth volunteer is registered" "$(cat "$T/import4.out")"
sign_in early "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-05T07:30
choose early "志愿服务"
wait_for early "志愿者编号"
keys early Tab Tab
wait_for early "环境清洁"
open_activity early "环境"
keys early 2026000104 Enter
expect early "a sign-in an hour and a half early is refused, saying when it opens" "环境清洁 09:00 开始：开始前 60 分钟起才能签到"
db_is "and nothing is written for 钱七" \
    "SELECT count(*) FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id WHERE v.number = '2026000104'" 0
quits early "quits cleanly"

# The next morning: 钱七 signed in at 环境清洁 yesterday and never out. The roll of yesterday's
# activity opens on every day's records (today it holds none), and the sign-out forgotten is
# given its time by a correction asked on that record.
sqlite3 "$DB" "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out, minutes, created_at, created_by, updated_at, updated_by) SELECT v.id, a.id, '2026-12-05', '09:10', '', 0, 'x', 'x', 'x', 'x' FROM volunteer v, activity a WHERE v.number = '2026000104' AND a.name = '环境清洁'"
sign_in next "volunteers" "demo-volunteers" BANGBAN_NOW=2026-12-06T09:00
choose next "志愿服务"
wait_for next "志愿者编号"
keys next Tab Tab
wait_for next "环境清洁"
open_activity next "环境"
expect next "the roll of yesterday's activity opens on every day's records, dated" "日期       志愿者编号"
expect next "and shows the sign-in never signed out" "2026-12-05 2026000104  钱七     09:10 在岗"
keys next F9
choose next "登记更正申请"
wait_for next "更正 钱七 2026-12-05 09:10-"
keys next Tab
type_text next "12:00"
keys next Tab
type_text next "忘了签退"
keys next Enter
expect next "a sign-out forgotten yesterday is taken down as a correction" "已登记更正申请：改为 09:10-12:00，待协调员处理"
quits next "quits cleanly"
t_sanitizers "hours_roll"
