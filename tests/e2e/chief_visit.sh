# A building chief logs a visit to an organisation in their building with
# two problems typed in Chinese, from the worklist's F9: saved, the visit
# and both requests are one save, each request sent to its item's unit at
# once, and 区民政局's handler finds its own in its queue. The visit is
# listed under 走访记录, and the organisation's file (一企一档) holds the
# requests, the visit and, for a supervisor, its history. With requests
# taken down on it, its day, building and organisation stand as they are;
# a visit moved to the chief's other building as it is taken down says at
# once its organisation goes.
. "$(dirname "$0")/lib.sh"

# This month's visits are counted: the clock is set, so the demo's year of visits (made back from
# today) leaves the chief's own the only one of this month, whatever the day the test runs.
export BANGBAN_NOW=2026-12-04T10:00
demo_db
b101=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B101'")
org=$(sqlite3 "$DB" "SELECT o.name FROM organisation o JOIN building b ON b.id = o.building_id WHERE b.code = 'B101' ORDER BY o.id LIMIT 1")

SHOWS="楼长工作台" sign_in chief "chief" "demo-chief" BANGBAN_NOW=$BANGBAN_NOW
keys chief F9
wait_for chief "登记走访"
choose chief "登记走访"
wait_for chief "登记走访"
expect chief "the visit starts at the chief's building" "$b101"
# The building picker offers the chief's own buildings alone.
b103=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B103'")
type_text chief "$b103"
expect chief "another chief's building is not offered" "没有匹配的项"
keys chief C-u
type_text chief "B"
wait_for chief "和平区"
if [ "$(screen chief | grep -c '和平区.*路\|和平区.*道')" = 2 ]; then
    t_ok "the chief's two buildings are"
else
    t_fail "the chief's two buildings are" "$(screen chief)"
fi
keys chief Escape
wait_gone chief "没有匹配的项"
keys chief Tab
type_text chief "$org"
wait_for chief "回车选定"
keys chief Enter
wait_gone chief "回车选定"
expect chief "the organisation is chosen from the building's" "$org"
keys chief Tab Tab Tab
type_text chief "物业经理王强"
keys chief Tab
type_text chief "了解企业用工和物业服务情况"
keys chief Tab
type_text chief "照明和电梯都有问题"
keys chief Tab
type_text chief "zdshbz"
wait_for chief "HB001 最低生活保障申请"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab
type_text chief "三楼照明线路老化"
keys chief Tab
type_text chief "dtkr"
wait_for chief "HB055 电梯困人应急处置"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab
type_text chief "电梯经常困人"
# A third problem typed with no item would be sent nowhere: the form asks for its item.
keys chief Tab Tab
type_text chief "楼道堆放杂物"
keys chief F2
expect chief "a problem without its item is refused, saying why" "请为这个问题选好服务事项"
db_is "nothing saved yet" "SELECT count(*) FROM visit_request" 0
keys chief Tab C-u
# A day before the organisation moved in is refused, nothing saved.
moved_in=$(sqlite3 "$DB" "SELECT moved_in FROM organisation WHERE name = '$org'")
sqlite3 "$DB" "UPDATE organisation SET moved_in = '2026-12-10' WHERE name = '$org'"
keys chief F2
expect chief "a visit before the organisation moved in is refused" "走访日期早于该企业入驻的日期"
db_is "nothing saved for it" "SELECT count(*) FROM visit_request" 0
sqlite3 "$DB" "UPDATE organisation SET moved_in = '$moved_in' WHERE name = '$org'"
keys chief F2
expect chief "saved, the visit names the requests its problems became" "登记的诉求：2026-000001，2026-000002"
db_is "one visit, two requests linked to it" "SELECT count(*) FROM visit_request" 2
db_is "both from the chief's building, sent to their units" \
    "SELECT group_concat(s, '/') FROM (SELECT r.status || ' ' || u.name AS s FROM request r JOIN unit u ON u.id = r.unit_id WHERE r.channel = 'chief' AND r.building_id = (SELECT id FROM building WHERE code = 'B101') ORDER BY r.id)" \
    "dispatched 区民政局/dispatched 区市场监管局"
wait_for chief "楼长工作台"
expect chief "both are on the chief's worklist" "电梯经常困人"
# The requester column names the organisation without its city and form (天津万通科技有限公司: 万通科技).
short=$(printf '%s' "$org" | sed -e 's/^天津市*//' -e 's/股份有限公司$//;s/有限责任公司$//;s/有限公司$//')
if screen chief | grep -F "电梯经常困人" | grep -qF "$(printf '%s' "$short" | cut -c1-6)" &&
    ! screen chief | grep -F "电梯经常困人" | grep -qF "天津"; then
    t_ok "the worklist names the organisation by what tells it apart, not 天津.. for all alike"
else
    t_fail "the worklist names the organisation by what tells it apart, not 天津.. for all alike" "$(screen chief)"
fi
expect chief "which counts the visit made this month" "本月走访 1 次"
keys chief F9
choose chief "走访记录"
expect chief "the visit is listed with its two requests" "物业经理王强"
keys chief F9
expect chief "F9 there shows this month's visits of each chief" "楼长走访完成情况，"
expect chief "each chief's row whole on one line, its figures and quota" "chief 楼长（演示）      2     1    105     1     83      1        2      -"
keys chief Escape
wait_for chief "走访记录"
# A search that finds no visit says so, not that there are none.
type_text chief "没有这家"
expect chief "a search that finds nothing says so" "没有找到"
if screen chief | grep -q "还没有走访记录"; then t_fail "and not that there are no visits" "$(screen chief)"; else t_ok "and not that there are no visits"; fi
keys chief C-u
wait_for chief "物业经理王强"
quits chief "the chief quits"

sign_in unit "unit" "demo-unit" BANGBAN_NOW=$BANGBAN_NOW
choose unit "诉求"
wait_for unit "只显示派给区民政局的诉求"
expect unit "区民政局's handler finds the problem sent to it" "三楼照明线路老化"
if screen unit | grep -q "电梯经常困人"; then t_fail "and not the other unit's" "$(screen unit)"; else t_ok "and not the other unit's"; fi
quits unit "the handler quits"

users_as supervisor boss
open_areas sup BANGBAN_USER=boss
keys sup Tab
wait_for sup "信用代码"
type_text sup "$(sqlite3 "$DB" "SELECT credit_code FROM organisation WHERE id = (SELECT organisation_id FROM visit WHERE met = '物业经理王强')")"
wait_for sup "共 1 条"
keys sup Enter
wait_for sup "一企一档"
expect sup "the organisation's file lists its requests" "电梯经常困人"
keys sup Tab
expect sup "and its visit" "物业经理王强"
keys sup Tab
expect sup "and, for a supervisor, its history" "变更记录"
quits sup "the supervisor quits"

SHOWS="楼长工作台" sign_in chief2 "chief" "demo-chief" BANGBAN_NOW=$BANGBAN_NOW
keys chief2 F9
choose chief2 "走访记录"
wait_for chief2 "物业经理王强"
# Found by its day however it is written: with slashes (a search's '/' is typed, not F3), or
# the month and day alone.
type_text chief2 "2026/12/04"
expect chief2 "the visit is found by its day written with slashes" "查找： 2026/12/04"
expect chief2 "one visit that day" "共 1 条"
keys chief2 C-u
type_text chief2 "12月4日"
expect chief2 "and by the month and day alone" "共 1 条"
keys chief2 C-u
wait_for chief2 "物业经理王强"
# Requests were taken down on this visit, naming its day, building and organisation: those three
# stand as they are from the start, saying why as they are tried (not only once the rest is typed).
keys chief2 Enter
wait_for chief2 "最后修改于"
expect chief2 "the visit opens with its organisation" "$org"
# The focus starts past them, at the way; who was met is changed, then the day and building tried.
keys chief2 Tab C-u
type_text chief2 "物业王经理"
keys chief2 BTab BTab
type_text chief2 "2026-11-20"
expect chief2 "its day is not changed, saying why at once, whole beside it" "走访已登记诉求：这一项不能再改"
if screen chief2 | grep -q "2026-11-20"; then t_fail "the day typed is not taken" "$(screen chief2)"; else t_ok "the day typed is not taken"; fi
# Enter on the building opens no chooser: the F2 after it saves the visit.
keys chief2 BTab BTab Enter
keys chief2 F2
expect chief2 "what may change is saved" "已保存"
db_is "its building, organisation and day as they were, who was met changed" \
    "SELECT b.code || ' ' || (v.organisation_id IS NOT NULL) || ' ' || v.day FROM visit v JOIN building b ON b.id = v.building_id WHERE v.met = '物业王经理'" "B101 1 2026-12-04"
wait_for chief2 "物业王经理"
# A visit moved to the chief's other building as it is taken down: the organisation of the first
# goes, said at once, and is chosen again, or none, before the visit saves.
b102=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B102'")
keys chief2 F7
wait_for chief2 "登记走访"
keys chief2 Tab
type_text chief2 "$org"
wait_for chief2 "回车选定"
keys chief2 Enter
wait_gone chief2 "回车选定"
keys chief2 BTab Enter
wait_for chief2 "回车选定"
type_text chief2 "$b102"
wait_for chief2 "共 1 项"
keys chief2 Enter
wait_gone chief2 "回车选定"
expect chief2 "choosing another building says the organisation was of the first" "企业单位已清空：$org"
expect chief2 "and marks the field" "原属别的楼宇，请重选"
keys chief2 F2
expect chief2 "an organisation gone with the building is not saved as none unasked" \
    "未保存：企业单位：原属别的楼宇：请重选，没有就选（无）"
keys chief2 Escape
wait_for chief2 "放弃"
keys chief2 y
quits chief2 "the chief quits again"
t_sanitizers "chief_visit"
