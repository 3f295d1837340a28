# Staff and their posts end to end, from 区域与楼宇: the buildings show the
# selected one's 楼长 and 楼宇指导员 with masked phones; a new person is
# added on the staff screen (found again by the last digits of the phone
# and by pinyin); the building's 楼长 is handed over to them from F9, the
# note typed in Chinese, and the building then shows the new 楼长; the
# building's posts keep the one before; the coverage names the building
# the demo left without a 楼长; the posts list and its form, the 岗位与交接
# 记录 of a period, the blocks.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
today=$(date -u +%F)
old=$(sqlite3 "$DB" "SELECT s.name || ' ' || substr(s.phone, 1, 3) || '****' || substr(s.phone, 8)
    FROM post p JOIN staff s ON s.id = p.staff_id JOIN building b
    ON b.id = p.building_id WHERE b.code = 'B101' AND p.kind = 'building_chief'
    AND p.start_on <= '$today' AND (p.end_on = '' OR p.end_on >= '$today')")
[ -n "$old" ] || t_fail "the demo's B101 has a 楼长 today" "$(sqlite3 "$DB" "SELECT * FROM post")"
old_phone=${old#* }
old=${old%% *}
open_areas desk BANGBAN_USER=boss
expect desk "the selected building's 楼长 shows under the list, phone masked" \
    "楼长 $old $old_phone"
expect desk "and its 楼宇指导员" "楼宇指导员 "

keys desk F9
choose desk "工作人员"
wait_for desk "帮办 - 工作人员"
keys desk F7
wait_for desk "新建工作人员"
type_text desk "欧阳晓梅"
keys desk Tab
type_text desk "13912348888"
keys desk Tab
type_text desk "djsg"
wait_for desk "党建社工"
keys desk Enter
keys desk Tab
type_text desk "和平区委社会工作部"
keys desk F2
expect desk "the new person is saved" "已保存：欧阳晓梅"
expect desk "and listed with the phone masked" "欧阳晓梅   139****8888"
type_text desk "8888"
expect desk "the last digits of the phone find her" "共 1 条"
keys desk C-u
type_text desk "oyxm"
expect desk "so does the pinyin of her name" "共 1 条"
keys desk C-u
wait_for desk "共 751 条"
keys desk Escape
wait_for desk "帮办 - 区域与楼宇"

keys desk F9
choose desk "交接楼长"
expect desk "the hand-over names the post, the building and who holds it now" "交接：滨江国际大厦楼长"
type_text desk "欧阳"
wait_for desk "欧阳敏"
type_text desk "晓梅"
wait_gone desk "欧阳敏"
expect desk "the chooser shows whom by kind and masked phone" "党建社工 139****8888"
keys desk Enter
wait_for desk "交接日期"
expect desk "the day starts as today" "$today"
keys desk Tab C-u
type_text desk "劝业场街道党工委"
keys desk Tab
type_text desk "移交企业台账十二份"
keys desk Enter
expect desk "the hand-over is done" "已交接：滨江国际大厦楼长由${old}交给欧阳晓梅"
expect desk "and the building now shows the new 楼长" "楼长 欧阳晓梅 139****8888"
db_is "the old post ends today, the new one starts today with the note, in one" \
    "SELECT o.end_on || '|' || n.start_on || '|' || n.note || '|' || n.appointed_by
     FROM post n JOIN post o ON o.id = n.handed_from JOIN staff s ON s.id = n.staff_id
     WHERE s.name = '欧阳晓梅'" "$today|$today|移交企业台账十二份|劝业场街道党工委"
db_is "both writes are in the audit log" \
    "SELECT count(*) FROM audit_log WHERE subject LIKE 'post:%' AND actor = 'boss'" "2"

keys desk F9
choose desk "本楼岗位"
wait_for desk "滨江国际大厦的岗位"
expect desk "the building's posts keep the 楼长 before" "$old"
expect desk "beside the new one" "欧阳晓梅"
keys desk Tab
expect desk "held today: the new 楼长, not the old" "欧阳晓梅"
if screen desk | grep -q " $old "; then
    t_fail "and not the one handed over" "$(screen desk)"
else
    t_ok "and not the one handed over"
fi
keys desk Escape
wait_for desk "帮办 - 区域与楼宇"

vacant=$(sqlite3 "$DB" "SELECT b.code FROM building b WHERE b.kind = 'commercial' AND NOT EXISTS
    (SELECT 1 FROM post p WHERE p.building_id = b.id AND p.kind = 'building_chief'
     AND p.start_on <= '$today' AND (p.end_on = '' OR p.end_on > '$today'))")
keys desk F9
choose desk "覆盖情况"
expect desk "the coverage counts the buildings without a 楼长" "无楼长的楼宇：1"
expect desk "and names the one" "$vacant"
expect desk "and the posts ending within 30 days" "30 天内到期的岗位：2"
keys desk Escape
wait_for desk "帮办 - 区域与楼宇"

# The posts list and its form: a second 楼长 of a building in the same days is refused, naming who.
keys desk F9
choose desk "岗位"
wait_for desk "帮办 - 岗位"
type_text desk "楼长"
expect desk "typing a post narrows the list to it" "楼长       滨江国际大厦"
keys desk F7
wait_for desk "新建岗位"
type_text desk "lz"
wait_for desk "共 1 项"
keys desk Enter
keys desk Tab
type_text desk "B102"
wait_for desk "和平路商务中心"
keys desk Enter
keys desk Tab
type_text desk "欧阳晓梅"
wait_for desk "139****8888"
keys desk Enter
keys desk Tab C-u
type_text desk "2025-01-01"
keys desk F2
expect desk "a second 楼长 over the same days is refused, naming who holds it" "担任此岗位：请改用交接"
db_is "and nothing is written" "SELECT count(*) FROM post p JOIN staff s ON s.id = p.staff_id
    WHERE s.name = '欧阳晓梅'" "1"
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_for desk "帮办 - 岗位"
keys desk F9
choose desk "岗位与交接记录"
wait_for desk "岗位与交接记录"
type_text desk "2025-01-01"
keys desk Tab
type_text desk "$today"
keys desk Enter
wait_for desk "在任的岗位：56"
keys desk End
expect desk "岗位与交接记录 of the 楼长 typed: today's hand-over among the period's" \
    "$today 楼长 B101 滨江国际大厦 欧阳晓梅 139****8888，接替 $old"
keys desk Escape
wait_gone desk "在任的岗位"
keys desk C-u
wait_for desk "输入姓名、地点"
keys desk Escape
wait_for desk "帮办 - 区域与楼宇"

keys desk F9
choose desk "片"
wait_for desk "帮办 - 片"
expect desk "the blocks list what they hold" "劝业场东片"
keys desk Escape
wait_for desk "帮办 - 区域与楼宇"
quits desk "quits cleanly"
t_sanitizers "posts"
