# Next year's working-day calendar in two minutes, from the calendar screen:
# F9, 录入全年日历, the year offered is the one after the calendar's last;
# its weekends become rest days at once; then the State Council's holidays
# and 调休 working days are typed a range a line; a line that is not one is
# said and kept to be mended; a day typed again otherwise says what it was,
# and a day worked asked of a weekday is refused; Esc or an empty line ends
# on the year's list.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_section desk "服务清单" "帮办 - 服务清单" BANGBAN_USER=boss
keys desk Tab Tab
wait_for desk "工作时间"
keys desk F9
choose desk "录入全年日历"
wait_for desk "哪一年"
expect desk "the year offered is the one after the calendar's last" "2027"
keys desk Enter
expect desk "the year's weekends are recorded as rest days" "2027 年：已把 104 个周六周日记为休息日"
type_text desk "2027-10-01..2027-10-07 休 国庆节"
keys desk Enter
expect desk "a range of holidays in one line" "已记入 2027-10-01..2027-10-07 放假 国庆节（7 天）"
type_text desk "2027-09-26 班 国庆节调休"
keys desk Enter
expect desk "a weekend day worked" "已记入 2027-09-26..2027-09-26 上班 国庆节调休（1 天）"
type_text desk "2027-12-31 休"
keys desk Enter
expect desk "a day without a name: no gap for it" "已记入 2027-12-31..2027-12-31 放假（1 天）"
type_text desk "2027-02-30 休 错日"
keys desk Enter
expect desk "a day that is not there is named" "未记入：没有 2027-02-30 这一天"
expect desk "and kept to be mended" "2027-02-30 休 错日"
keys desk C-u
type_text desk "国庆 休"
keys desk Enter
expect desk "a line that is not one is said" "未记入：日期应写成"
keys desk C-u
type_text desk "2028-01-01 休 元旦"
keys desk Enter
expect desk "a day of another year is refused" "未记入：这些日子不在今年的日历里"
keys desk C-u
type_text desk "２０２７－０５－０１～２０２７－０５－０３　休　劳动节"
keys desk Enter
expect desk "a line as an IME types it, full-width" "已记入 2027-05-01..2027-05-03 放假 劳动节（3 天）"
type_text desk "2027-12-31 休 元旦"
keys desk Enter
expect desk "a day typed again otherwise says what it was" "其中 1 天原先另有记录，已改（2027-12-31 原为「放假」）"
type_text desk "2027-10-13 班"
keys desk Enter
expect desk "a day worked on a Wednesday changes nothing: refused" "未记入：这几天是周一至周五，本来就上班"
keys desk C-u
# A notice's lines pasted at once: each recorded as if typed, the one that will not do kept.
paste_text desk "$(printf '2027-04-03..2027-04-05 休 清明节\n2027-04-11 班 劳动节调休\n2027-13-01 休 错月')"
keys desk Enter
expect desk "a notice's lines pasted at once: each recorded" "已记入 2 行，1 行未记入"
expect desk "the line not recorded is kept to mend" "2027-13-01 休 错月"
keys desk C-u
keys desk Escape
expect desk "the list shows the year's days" "查找： 2027"
expect desk "all of them" "共 112 条"
keys desk C-u
type_text desk "2027-09"
expect desk "the weekend day worked among them" "2027-09-26 日     上班     国庆节调休"
keys desk C-u
type_text desk "2027-10"
expect desk "the holidays among them" "2027-10-04 一     放假     国庆节"
db_is "weekends and holidays, each day once" \
    "SELECT count(*), sum(kind = 'workday') FROM calendar WHERE day LIKE '2027-%'" "112|2"
db_is "a weekend day inside the holiday keeps the holiday's name" \
    "SELECT name FROM calendar WHERE day = '2027-10-02'" "国庆节"

# Again for the same year: the days entered stay as they are.
keys desk F9
choose desk "录入全年日历"
wait_for desk "哪一年"
keys desk C-u
type_text desk "2027"
keys desk Enter
expect desk "a second fill adds no weekend and overwrites nothing" "2027 年：已把 0 个周六周日记为休息日"
keys desk Enter
db_is "the 调休 working day is still worked" "SELECT kind FROM calendar WHERE day = '2027-09-26'" "workday"
quits desk "quits cleanly"
t_sanitizers "calendar_year"
