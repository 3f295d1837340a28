# 服务清单 at the keyboard: an item found by its pinyin initials, its limit
# changed (a limit written wrong is said beside the field), retired and
# restored; a unit found among the units; a holiday added to the calendar
# and the working hours shown; a year's calendar ledger imported through F9.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_section desk "服务清单" "帮办 - 服务清单" BANGBAN_USER=boss
expect desk "the catalogue opens on its items" "共 176 条"
type_text desk "falv"
expect desk "ü typed as v, as input methods type it, finds 法律 (filed falu)" "HB094  法律援助申请"
keys desk C-u
type_text desk "dtkr"
expect desk "an item is found by pinyin initials" "共 1 条"
expect desk "with its unit and limits" "HB055  电梯困人应急处置"
keys desk Enter
expect desk "Enter edits the item" "修改服务事项"
# The unit's chooser opens on the unit it has: Enter again keeps it (it took the first row).
unit=$(sqlite3 "$DB" "SELECT u.name FROM service_item i JOIN unit u ON u.id = i.unit_id WHERE i.code = 'HB055'")
keys desk Tab Tab Enter
wait_for desk "回车选定"
keys desk Enter
wait_gone desk "回车选定"
expect desk "Enter in the unit's chooser keeps the unit it had" "责任单位: $unit"
keys desk Tab Tab
keys desk C-u
type_text desk "两小时"
keys desk Tab
expect desk "a limit written wrong is said beside the field" "请写成「2小时」或「30分钟」"
keys desk BTab C-u
type_text desk "0小时"
keys desk Tab
expect desk "a limit of 0 is said to leave no time" "时限为 0 就没有时间办理：至少 1分钟"
keys desk BTab C-u
type_text desk "20分钟"
keys desk F2
expect desk "the item is saved" "已保存：电梯困人应急处置"
expect desk "the list shows the new limit" "20分钟/2小时"
if [ "$(sqlite3 "$DB" "SELECT accept_minutes FROM service_item WHERE code = 'HB055'")" = 20 ]; then
    t_ok "the limit is stored in working minutes"
else
    t_fail "the limit is stored in working minutes"
fi
keys desk F8
expect desk "F8 asks before retiring" "停用 HB055 电梯困人应急处置？"
keys desk y
expect desk "a retired item leaves the list" "共 0 条"
keys desk F6
wait_for desk "HB055  电梯困人应急处置"
if screen desk | grep -q "^HB055 .*已停用$"; then
    t_ok "F6 shows it again, retired"
else
    t_fail "F6 shows it again, retired" "$(screen desk)"
fi
keys desk F8
wait_for desk "恢复 HB055"
keys desk y
expect desk "restoring says what was restored" "已恢复：HB055 电梯困人应急处置"
if [ "$(sqlite3 "$DB" "SELECT retired FROM service_item WHERE code = 'HB055'")" = 0 ]; then
    t_ok "and F8 restores it"
else
    t_fail "and F8 restores it"
fi

keys desk Escape
wait_for desk "输入汉字、拼音首字母或编码"
keys desk Tab
expect desk "Tab moves to the units" "共 29 条"
type_text desk "qcl"
wait_gone desk "共 29 条"
expect desk "a unit is found by pinyin initials" "区残联"
keys desk F8
wait_for desk "区残联？"
keys desk y
expect desk "a unit offering items is not retired, and says how many" "未停用：其下还有"
expect desk "... of what" "项在用的服务事项"

keys desk Escape
wait_for desk "输入汉字、拼音首字母或编码"
keys desk Tab
expect desk "the calendar shows the working hours" "工作时间 09:00-17:00"
type_text desk "2026-10"
expect desk "a month's holidays and 调休 days" "2026-10-10 六     上班"
keys desk F7
expect desk "F7 adds a day" "新增日历"
type_text desk "2026-12-31"
keys desk Tab Tab
type_text desk "区级调休"
keys desk F2
expect desk "the day is saved" "已保存：2026-12-31 区级调休"
keys desk C-u
type_text desk "2026-12"
expect desk "and listed" "2026-12-31 四     放假"

# A year's calendar ledger through F9: the good rows in, the bad one named.
printf '%s\r\n' "日期,类型,名称" "2027-01-01,放假,元旦" "2027-02-07,上班,春节调休上班" "2027-02-30,放假,错日" >"$T/cal.csv"
keys desk F9
choose desk "导入工作日历"
wait_for desk "预览"
type_text desk "$T/cal.csv"
keys desk Tab
expect desk "the calendar ledger is previewed" "2027-02-07"
import_confirm desk
expect desk "F2 imports it" "读取 3 行：新增 2"
expect desk "and names the bad row" "第 4 行「日期」"
keys desk Escape
wait_gone desk "预览"
keys desk C-u
type_text desk "2027"
expect desk "the imported days are listed" "2027-02-07 日     上班"
quits desk "quits cleanly"
t_sanitizers "catalogue"
