# A building chief's worklist lists the organisations of their buildings
# due a visit (待走访): never visited, or not for 90 days or more, never
# visited first, with the day of the last visit and the days since; one
# visited lately is not there. The line above says the month's visits
# against the quota. Enter on one opens the visit form for that
# organisation; saved, it is no longer due. F7 there logs a visit.
. "$(dirname "$0")/lib.sh"

demo_db
sqlite3 "$DB" "INSERT INTO meta (key, value) VALUES ('visit_quota', '4')"
in_b101="FROM organisation o JOIN building b ON b.id = o.building_id WHERE b.code = 'B101' AND o.moved_out = ''"
never=$(sqlite3 "$DB" "SELECT o.name $in_b101 AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.organisation_id = o.id) ORDER BY o.id LIMIT 1")
old=$(sqlite3 "$DB" "SELECT o.name $in_b101 AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.organisation_id = o.id) ORDER BY o.id LIMIT 1 OFFSET 1")
recent=$(sqlite3 "$DB" "SELECT o.name $in_b101 AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.organisation_id = o.id) ORDER BY o.id LIMIT 1 OFFSET 2")
# One last visited 120 days ago, one 10 days ago (by the chief, in B101).
for pair in "$old|120" "$recent|10"; do
    sqlite3 "$DB" "INSERT INTO visit (building_id, organisation_id, day, way, visitor, created_at, created_by, updated_at, updated_by)
      SELECT o.building_id, o.id, date('now', 'localtime', '-${pair#*|} days'), 'door', 'chief', 'x', 'chief', 'x', 'chief'
      FROM organisation o WHERE o.name = '${pair%|*}'"
done
due=$(sqlite3 "$DB" "SELECT count(*) FROM organisation o JOIN user_building ub ON ub.building_id = o.building_id
  JOIN \"user\" u ON u.id = ub.user_id AND u.login = 'chief' WHERE o.moved_out = ''
  AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.organisation_id = o.id AND v.day > date('now', 'localtime', '-90 days'))")
made=$(sqlite3 "$DB" "SELECT count(*) FROM visit WHERE visitor = 'chief' AND substr(day, 1, 7) = strftime('%Y-%m', 'now', 'localtime')")

SHOWS="楼长工作台" sign_in chief "chief" "demo-chief"
expect chief "the monthly quota's progress above the worklist" "本月走访 $made 次（任务 4 次）"
keys chief Tab Tab Tab
expect chief "a tab of the organisations due a visit" "上次走访"
if screen chief | tail -1 | grep -q "4编辑"; then t_fail "with no F4 (Enter logs a visit)" "$(screen chief)"; else t_ok "with no F4 (Enter logs a visit)"; fi
expect chief "as many as are due in the chief's buildings ($due)" "共 $due 条"
type_text chief "$old"
wait_for chief "共 1 条"
old_day=$(sqlite3 "$DB" "SELECT date('now', 'localtime', '-120 days')")
if screen chief | grep -q "$old_day *120"; then t_ok "one not visited for 120 days, with its last visit and the days"
else t_fail "one not visited for 120 days, with its last visit and the days" "$(screen chief)"; fi
keys chief C-u
type_text chief "$recent"
expect chief "one visited 10 days ago is not due" "共 0 条"
keys chief C-u
type_text chief "$never"
wait_for chief "共 1 条"
expect chief "one never visited is due" "未访"
keys chief Enter
wait_for chief "登记走访"
expect chief "Enter opens the visit form for that organisation" "$never"
keys chief F2
expect chief "a visit that says nothing of itself is not saved, saying what is missing" "请写明走访情况：见了谁、谈了什么或发现了什么"
type_text chief "了解用工情况"
keys chief F2
wait_for chief "楼长工作台"
db_is "the visit is saved, by the chief, to that organisation, today" \
    "SELECT count(*) FROM visit v JOIN organisation o ON o.id = v.organisation_id WHERE o.name = '$never'
     AND v.visitor = 'chief' AND v.day = date('now', 'localtime')" 1
keys chief C-u
type_text chief "$never"
expect chief "and it is due no more" "共 0 条"
if screen chief | grep -q "按期限"; then t_fail "no request sort is said over the organisations" "$(screen chief)"
else t_ok "no request sort is said over the organisations"; fi
keys chief F9
choose chief "排序"
expect chief "sorting them is refused, saying why" "这里只能给诉求列表排序"
keys chief F9
choose chief "标记为已告知"
expect chief "marking one told says where that is done" "请在「待告知」里选一件已办结的诉求"
keys chief F7
wait_for chief "登记走访"
expect chief "F7 there logs a visit to the chief's building" "$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B101'")"
keys chief Escape
wait_for chief "上次走访"
quits chief "the chief quits"
t_sanitizers "chief_visits_due"
