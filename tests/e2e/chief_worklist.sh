# A building chief's day: signed in, the chief starts on their worklist
# (their buildings named above it); F7 takes a request down brought from
# their building, channel 楼长 and the building filled in, and it is
# dispatched and on the worklist; once closed it waits under 待告知 until
# the chief marks the enterprise told (F9 1), which the audit log keeps. A
# request from an organisation is filed in the organisation's building; a
# chief takes requests from organisations and people not named, never
# looking residents up (not a chief's right).
. "$(dirname "$0")/lib.sh"

demo_with_zsf
b101=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B101'")

SHOWS="楼长工作台" sign_in chief "chief" "demo-chief"
expect chief "the worklist names the chief's buildings" "您的楼宇：B101 $b101"
expect chief "and has nothing open yet" "共 0 条"
if screen chief | tail -1 | grep -q "4编辑"; then
    t_fail "the worklist offers no F4: a chief corrects no request" "$(screen chief)"
else
    t_ok "the worklist offers no F4: a chief corrects no request"
fi
# A chief's request is from an organisation (or someone not named): residents are not a chief's
# to look up.
code101=$(sqlite3 "$DB" "SELECT o.credit_code FROM organisation o JOIN building b ON b.id = o.building_id WHERE b.code = 'B101' AND o.credit_code IS NOT NULL AND o.moved_out = '' ORDER BY o.id LIMIT 1")
keys chief F7
wait_for chief "登记诉求：选定服务事项"
expect chief "the form starts from an organisation" "诉求人类型: 企业单位"
keys chief Enter
wait_for chief "回车选定"
if screen chief | grep -q "^ *居民 *$\|│ *居民 "; then t_fail "and offers no resident" "$(screen chief)"; else t_ok "and offers no resident"; fi
keys chief Escape
wait_gone chief "回车选定"
keys chief Tab
type_text chief "$code101"
wait_for chief "共 1 项"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab Tab Tab Tab Tab
type_text chief "zdshbz"
wait_for chief "HB001 最低生活保障申请"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab Tab Tab Tab Tab Tab Tab
type_text chief "电梯间照明损坏"
# An answer on the spot is the desk's: typed by a chief, the form says so at that field.
keys chief Tab Tab
type_text chief "已当场答复"
keys chief F2
expect chief "an answer typed by a chief is refused at its field, saying what to do" \
    "当场直接答复由前台做：请把「直接答复」留空"
keys chief C-u
keys chief F2
choose chief "不要回执"
expect chief "the chief's request is dispatched" "派单至区民政局"
db_is "it came through the chief, from their building" \
    "SELECT channel || ' ' || (SELECT code FROM building WHERE id = building_id) FROM request" "chief B101"
keys chief Escape
wait_for chief "楼长工作台"
expect chief "and is on the worklist" "电梯间照明损坏"
keys chief Enter
wait_for chief "办理经过"
keys chief Enter
expect chief "Enter on a step not the chief's says so, no empty menu" "现在没有您可办理的：2026-000001 已派单"
keys chief Escape
wait_for chief "楼长工作台"

sqlite3 "$DB" "UPDATE request SET status = 'closed', closed_at = strftime('%s', 'now') WHERE number = '2026-000001'"
keys chief Tab Tab
expect chief "closed, it waits to be told back" "电梯间照明损坏"
keys chief F9
wait_for chief "标记为已告知"
choose chief "标记为已告知"
expect chief "the chief marks it told" "2026-000001 已标记为已告知"
expect chief "and it leaves the list" "共 0 条"
db_is "told once, by the chief" "SELECT told_by FROM request_told" "chief"
db_is "in the audit log" "SELECT count(*) FROM audit_log WHERE actor = 'chief' AND detail = '2026-000001 told'" 1

# A request from an organisation in the chief's other building is filed there, not at the first.
code=$(sqlite3 "$DB" "SELECT o.credit_code FROM organisation o JOIN building b ON b.id = o.building_id WHERE b.code = 'B102' AND o.credit_code IS NOT NULL AND o.moved_out = '' ORDER BY o.id LIMIT 1")
b102=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B102'")
keys chief F7
wait_for chief "登记诉求：选定服务事项"
expect chief "the form starts at the chief's first building" "楼宇: $b101"
keys chief Tab
type_text chief "$code"
wait_for chief "共 1 项"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab
expect chief "the organisation's building takes its place" "楼宇: $b102"
expect chief "said beside it" "企业所在楼宇"
keys chief Tab Tab Tab Tab
type_text chief "zdshbz"
wait_for chief "HB001 最低生活保障申请"
keys chief Enter
wait_gone chief "回车选定"
keys chief Tab Tab Tab Tab Tab Tab Tab
type_text chief "员工申请救助"
keys chief F2
choose chief "不要回执"
expect chief "the request is at the organisation's building" "地点 $b102"
db_is "filed in the organisation's building" \
    "SELECT (SELECT code FROM building WHERE id = building_id) FROM request WHERE title = '员工申请救助'" "B102"
quits chief "the chief quits"
t_sanitizers "chief_worklist"
