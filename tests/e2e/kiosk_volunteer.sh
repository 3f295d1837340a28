# The kiosk's 志愿者签到/签退, end to end, digits only: a volunteer's number
# and Enter sign them in to their team's activity of the day, the screen
# saying the activity, in, the time and their name masked (李*), and the
# screen clears itself for the next number; one with no team picks one of
# the day's activities by digit and Enter (full-width digits typed); two
# hours later (the clock pinned by BANGBAN_NOW) a scanner's burst, number
# and Enter at once, signs out, the minutes recorded shown; an unknown
# number and a retired volunteer get one answer naming nobody; not a
# number, a fourth pair and a day with no activity are refused with
# nothing saved; letters are not taken, and said; a card scanned over a
# list left open is the next number; every write is audited as the kiosk.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kiosk.lib"

kiosk_db
# The centre's kiosk times, shorter than their defaults (8 s and 20 s) but still long enough to read
# the screen on a loaded machine: a sign-in shown 4 s, a list of activities given up after 6 s.
sqlite3 "$DB" "INSERT OR REPLACE INTO meta (key, value) VALUES ('kiosk_sign_show_seconds', '4'), ('kiosk_sign_pick_seconds', '6')"
printf '%s\r\n' "志愿者编号,姓名,身份证号,手机号" "2026000101,李四,120101198001010012,13911112222" \
    "2026000102,欧阳娜娜,120101198502020024,13933334444" "2026000103,赵六,120101199003030038,13955556666" \
    "2026000104,钱七,120101199511110042,13977778888" >"$T/vols.csv"
env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/vols.csv" >"$T/import.out" 2>&1 ||
    e2e_abort "four volunteers are registered: $(cat "$T/import.out")"
# Two teams, each with an activity on 2026-12-05; 李四 is in the first team.
sqlite3 "$DB" "INSERT INTO team (name, created_at, created_by, updated_at, updated_by) VALUES ('朝阳里志愿服务队', 'x', 'x', 'x', 'x'), ('河滨志愿服务队', 'x', 'x', 'x', 'x');
INSERT INTO activity (team_id, name, starts_at, ends_at, status, created_at, created_by, updated_at, updated_by)
    SELECT id, '助老送餐', '2026-12-05 09:00', '2026-12-05 17:00', 'running', 'x', 'x', 'x', 'x' FROM team WHERE name = '朝阳里志愿服务队';
INSERT INTO activity (team_id, name, starts_at, ends_at, created_at, created_by, updated_at, updated_by)
    SELECT id, '河滨清洁', '2026-12-05 08:00', '2026-12-05 12:00', 'x', 'x', 'x', 'x' FROM team WHERE name = '河滨志愿服务队';
INSERT INTO team_member (team_id, volunteer_id, joined, created_at, created_by, updated_at, updated_by)
    SELECT t.id, v.id, '2026-01-01', 'x', 'x', 'x', 'x' FROM team t, volunteer v WHERE t.name = '朝阳里志愿服务队' AND v.number = '2026000101';" ||
    e2e_abort "the teams and activities are made"
ROWS="SELECT v.number, a.name, s.sign_in, s.sign_out, s.minutes FROM service_record s JOIN volunteer v ON v.id = s.volunteer_id JOIN activity a ON a.id = s.activity_id ORDER BY v.number, s.sign_in"

kiosk_start hall BANGBAN_NOW=2026-12-05T09:00
expect hall "the start screen offers the volunteers' sign-in" "4   志愿者签到/签退"
type_text hall 4
wait_for hall "志愿者编号："
type_text hall 2026000101
keys hall Enter
expect hall "a number and Enter sign the volunteer in, the name masked" "李*，签到成功"
expect hall "at their team's activity of the day" "活动：助老送餐"
expect hall "at the time" "时间：09:00"
if screen hall | grep -qF "李四"; then t_fail "the full name is not shown" "$(screen hall)"; else t_ok "the full name is not shown"; fi
# (4 s set, read within 7 s: the old fixed 8 s would fail)
WAIT_SECONDS=7 poll_screen hall gone "签到成功" >"$T/wait.out" &&
    t_ok "after the seconds set the screen waits for the next number" ||
    t_fail "after the seconds set the screen waits for the next number" "$(cat "$T/wait.out")"
db_is "one sign-in, at the team's activity" "$ROWS" "2026000101|助老送餐|09:00||0"
# The card scanned again in the same minute: said as the sign-in just made, nothing changed.
keys hall 2026000101 Enter
expect hall "a second scan in the same minute says the sign-in stands, not that nothing was recorded" "签到仍然有效"
expect hall "and that it was just made" "刚在 09:00 签到：签退须在签到 2 分钟之后"
db_is "and leaves the sign-in as it was" "$ROWS" "2026000101|助老送餐|09:00||0"
keys hall Enter
wait_gone hall "刚在 09:00 签到"

# No team: two activities today to pick from, by digit; full-width digits typed.
type_text hall "２０２６０００１０２"
keys hall Enter
expect hall "several activities today: a short list to pick from" "欧阳*，今天参加哪项活动"
expect hall "each with its time and name" "1   08:00-12:00                河滨清洁"
expect hall "in start order" "2   09:00-17:00                助老送餐"
type_text hall 1
wait_for hall "您的选择：1"
keys hall Enter
expect hall "a digit and Enter pick the activity" "欧阳*，签到成功"
expect hall "the one picked" "活动：河滨清洁"
keys hall Enter
wait_gone hall "签到成功"

# A list left open gives way to the next card scanned; Esc from a list records nothing.
type_text hall 2026000104
keys hall Enter
wait_for hall "钱*，今天参加哪项活动"
keys hall 2026000103 Enter
expect hall "a card scanned over an open list is the next number" "赵*，今天参加哪项活动"
keys hall Escape
expect hall "Esc from the list records nothing" "未记录"
keys hall Enter
wait_gone hall "未记录"
# A list left with no key gives up by itself (kiosk_sign_pick_seconds): the next person cannot pick
# for them.
keys hall 2026000104 Enter
wait_for hall "钱*，今天参加哪项活动"
WAIT_SECONDS=12 poll_screen hall shown "未记录" >"$T/giveup.out" &&
    t_ok "a list left without a key gives up, nothing recorded" ||
    t_fail "a list left without a key gives up, nothing recorded" "$(cat "$T/giveup.out")"

# Unknown and retired numbers: one answer, naming nobody.
keys hall 2026999999 Enter
expect hall "an unknown number is said, nothing saved" "没有找到编号为 2026999999 的在册志愿者：请核对编号，或到前台询问"
screen hall | sed -n 's/2026999999/N/p' | grep "在册志愿者" >"$T/unknown.txt"
sqlite3 "$DB" "UPDATE volunteer SET status = 'left' WHERE number = '2026000103'"
keys hall 2026000103 Enter
wait_for hall "没有找到编号为 2026000103"
screen hall | sed -n 's/2026000103/N/p' | grep "在册志愿者" >"$T/left.txt"
if cmp -s "$T/unknown.txt" "$T/left.txt" && [ -s "$T/left.txt" ]; then t_ok "a retired volunteer gets the unknown number's answer"; else t_fail "a retired volunteer gets the unknown number's answer" "$(cat "$T/unknown.txt" "$T/left.txt")"; fi
if screen hall | grep -qF "赵"; then t_fail "and no name" "$(screen hall)"; else t_ok "and no name"; fi
# Letters are not taken in a volunteer's number: said, and the digits typed stay.
type_text hall 2026abc
expect hall "letters typed in a volunteer's number are refused, saying only digits are taken" "只能输入数字：3 个非数字字符没有录入"
if screen hall | grep -F "志愿者编号：" | grep -qF abc; then t_fail "and not taken" "$(screen hall)"; else t_ok "and not taken"; fi
keys hall BSpace BSpace BSpace BSpace
wait_gone hall "志愿者编号： 2"
# Typed wrong, Backspace mends it; too short is not a number.
type_text hall 2026000
keys hall BSpace BSpace
wait_for hall "志愿者编号： 20260"
keys hall Enter
expect hall "a number too short is said" "这不是志愿者编号"
db_is "nothing saved for the refusals" "SELECT count(*) FROM service_record" 2
db_is "the unknown numbers are in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-volunteer-miss'" 2

# Two hours and five minutes later: out by a scanner's burst and by full-width digits.
kiosk_start hall2 BANGBAN_NOW=2026-12-05T11:05
type_text hall2 4
wait_for hall2 "志愿者编号："
keys hall2 2026000101 Enter
expect hall2 "a scanned card signs out" "李*，签退成功"
expect hall2 "saying the minutes recorded" "本次记录：09:00-11:05，共 125 分钟（2.0 小时）"
expect hall2 "at the activity signed in at" "活动：助老送餐"
keys hall2 Enter
wait_gone hall2 "签退成功"
type_text hall2 "２０２６０００１０２"
keys hall2 Enter
expect hall2 "out of the activity picked, without a list" "本次记录：09:00-11:05，共 125 分钟"
expect hall2 "the one picked in the morning" "活动：河滨清洁"
# 李四 with two more pairs there this morning has three: no fourth.
sqlite3 "$DB" "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out, minutes, created_at, created_by, updated_at, updated_by) SELECT v.id, a.id, '2026-12-05', t.i, t.o, 30, 'x', 'x', 'x', 'x' FROM volunteer v, activity a, (SELECT '07:00' AS i, '07:30' AS o UNION ALL SELECT '07:30', '08:00') t WHERE v.number = '2026000101' AND a.name = '助老送餐'"
keys hall2 2026000101 Enter
expect hall2 "a fourth pair in a day is refused" "李*：今天已在本活动签到三次，不能再签第四次。未记录，请到前台询问"
db_is "each pair stored to the minute with its minutes" "$ROWS" \
    "2026000101|助老送餐|07:00|07:30|30
2026000101|助老送餐|07:30|08:00|30
2026000101|助老送餐|09:00|11:05|125
2026000102|河滨清洁|09:00|11:05|125"
db_is "every sign-in and sign-out is in the audit log as the kiosk's" \
    "SELECT count(*) FROM audit_log WHERE subject LIKE 'service-record:%' AND actor = 'kiosk'" 4

# At 12:30 河滨清洁 (to 12:00) has ended: one with no team is signed in to the one still going,
# offered no list.
kiosk_start hall4 BANGBAN_NOW=2026-12-05T12:30
type_text hall4 4
wait_for hall4 "志愿者编号："
keys hall4 2026000104 Enter
expect hall4 "an activity that has ended is not offered" "活动：助老送餐"
expect hall4 "the one going on signs in" "签到成功"

# The next day nothing is open. While the kiosk runs, the centre's admin sets 签到显示 to 0 at a
# desk: from the next number on, what is said stays until a key.
kiosk_start hall3 BANGBAN_NOW=2026-12-06T09:00
type_text hall3 4
wait_for hall3 "志愿者编号："
admin_login centre-admin
open_section desk "服务清单" "帮办 - 服务清单" BANGBAN_USER=centre-admin
keys desk F9
choose desk "设置"
wait_for desk "本中心的设置"
# The eleventh setting; its whole help, below the form, shows only while it has the focus.
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
wait_for desk "自助终端签到、签退结果显示几秒（0：按键或复位才清除）"
keys desk C-u
type_text desk 0
keys desk F2
expect desk "the admin sets the kiosk's 签到显示 at a desk" "设置已保存"
db_is "and it is stored" "SELECT value FROM meta WHERE key = 'kiosk_sign_show_seconds'" "0"
quits desk "the desk quits"
keys hall3 2026000101 Enter
expect hall3 "no activity today is said" "李*：现在没有可以签到的志愿活动"
if WAIT_SECONDS=6 poll_screen hall3 gone "现在没有可以签到的志愿活动" >"$T/stays.out"; then
    t_fail "the kiosk, not restarted, keeps the answer until a key" "$(screen hall3)"
else
    t_ok "the kiosk, not restarted, keeps the answer until a key"
fi
# Unknown numbers (with those typed above, five in a row): the kiosk waits a minute, the seconds
# left counting down.
for n in 1 2 3 4 5; do
    screen hall3 | grep -qF "输错次数太多" && break
    before=$(screen hall3)
    keys hall3 "202699999$n" Enter
    poll_changed hall3 "$before"
done
expect hall3 "the fifth unknown number in a row makes the kiosk wait" "输错次数太多：请等 60 秒后再试"
counts_down hall3
keys hall3 Escape
kiosk_home hall3
keys hall3 C-c
wait_for hall3 "主管登录名"
type_text hall3 supervisor
keys hall3 Enter
type_text hall3 demo-supervisor
keys hall3 Enter
ended_ok hall3 "a supervisor leaves the kiosk"
db_is "nothing saved on a day with no activity" "SELECT count(*) FROM service_record" 5
t_sanitizers "kiosk_volunteer"
