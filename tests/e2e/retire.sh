# Where the store says no: a building organisations are in is not retired;
# a retire that lost the race to another desk
# names who and when; an item saved while its unit was retired is refused
# at the unit's field; an item whose unit is retired is not restored, and
# says why; a day removed from the calendar, asked first.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor 王芳 李明

# --- a building with organisations in it and a chief is not retired --------------------------------
open_areas c BANGBAN_USER=王芳
type_text c "B101"
wait_for c "共 1 条"
keys c F8
wait_for c "停用 B101"
keys c y
expect c "a building with organisations and a chief is not retired" "未停用：其下还有"
db_is "and stays active" "SELECT retired FROM building WHERE code = 'B101'" 0
quits c "the desk quits"

# --- two desks, one building: B asks to retire it, A retires it first ----------------------------
# (a building nothing is in, nor a chief looks after)
B=$(sqlite3 "$DB" "SELECT code FROM building b WHERE retired = 0 AND NOT EXISTS (SELECT 1 FROM organisation o
    WHERE o.building_id = b.id AND o.moved_out = '') AND NOT EXISTS (SELECT 1 FROM user_building u
    WHERE u.building_id = b.id) ORDER BY code LIMIT 1")
for w in a b; do
    case $w in a) user=王芳 ;; b) user=李明 ;; esac
    open_areas $w BANGBAN_USER=$user
    type_text $w "$B"
    wait_for $w "共 1 条"
done
keys b F8
wait_for b "停用 $B"
keys a F8
wait_for a "停用 $B"
keys a y
wait_for a "已停用：$B"
keys b y
expect b "a retire that lost the race says who changed it" "未修改：王芳 已于"
db_is "and the building stays retired once, by 王芳" \
    "SELECT retired || ' ' || updated_by || ' ' || version FROM building WHERE code = '$B'" "1 王芳 2"
wait_gone b "状态" # no status column while the list shows no retired records
keys b F6
expect b "desk B's list reads it again: retired" "共 1 条（含已停用）"
expect b "with a status column, saying so" "状态"
quits a "desk A quits cleanly"
quits b "desk B quits cleanly"

# --- an item saved while its unit was retired: said at the unit ---------------------------------
unit="(SELECT unit_id FROM service_item WHERE code = 'HB055')"
open_section desk "服务清单" "帮办 - 服务清单" BANGBAN_USER=王芳
type_text desk "dtkr"
wait_for desk "HB055  电梯困人应急处置"
keys desk Enter
wait_for desk "修改服务事项"
sqlite3 "$DB" "UPDATE unit SET retired = 1, version = version + 1 WHERE id = $unit"
keys desk Tab
type_text desk "（急）"
keys desk F2
expect desk "a save naming a unit retired meanwhile is refused, naming it" "未保存：责任单位已停用或不存在"
expect desk "and the unit's field is marked" "已停用或不存在，请另选"
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_gone desk "修改服务事项"

# --- an item whose unit was retired is not restored ---------------------------------------------
sqlite3 "$DB" "UPDATE service_item SET retired = 1, version = version + 1 WHERE unit_id = $unit"
keys desk F6
wait_for desk "HB055  电梯困人应急处置"
keys desk F8
expect desk "F8 on a retired item offers to restore it" "恢复 HB055 电梯困人应急处置？"
keys desk y
expect desk "its unit being retired, it is not restored, and says why" "未恢复：其责任单位已停用"
db_is "and it stays retired" "SELECT retired FROM service_item WHERE code = 'HB055'" "1"

# --- a day removed from the calendar ----------------------------------------------------------
keys desk Escape
wait_for desk "输入汉字、拼音首字母或编码"
keys desk Tab Tab
wait_for desk "工作时间 09:00-17:00"
type_text desk "2026-10-01"
wait_for desk "共 1 条"
keys desk F8
expect desk "F8 asks before removing a day" "从工作日历中删除 2026-10-01（国庆节）？"
keys desk y
expect desk "the day is removed, and said" "已从工作日历删除：2026-10-01"
expect desk "and the list no longer has it" "共 0 条"
db_is "and the calendar no longer has it" "SELECT count(*) FROM calendar WHERE day = '2026-10-01'" "0"
quits desk "quits cleanly"
t_sanitizers "retire"
