# Taking requests down for requesters who are not found: a resident
# registered from the intake form itself, and an organisation whose
# consultation is answered on the spot and closed at once; a request
# without its requester is not saved; the settings give the receipt's phone.
. "$(dirname "$0")/lib.sh"

demo_db
admin_login centre-admin # an admin at the desk: it changes the settings too
open_section desk "诉求" "待派单" BANGBAN_NOW=2026-03-02T10:00 BANGBAN_USER=centre-admin

# Saving with no resident found is refused, beside the field.
keys desk F7
wait_for desk "登记诉求：选定服务事项"
keys desk F2
expect desk "a resident requester must be found first" "请查找居民（或改选其他诉求人类型）"

# A minor found in the chooser shows no ID number or phone, as the lists of residents.
printf '%s\r\n' "姓名,身份证号,手机号" "何小萌,120101201506010020,13900002222" >"$T/minor.csv"
"$BIN" --db "$DB" import residents "$T/minor.csv" >/dev/null
type_text desk "何小萌"
wait_for desk "回车选定"
expect desk "a minor in the chooser: no ID number" "（未成年人）"
if screen desk | grep "（未成年人）" | grep -q "[0-9]\*\*\*"; then t_fail "nor phone" "$(screen desk)"; else t_ok "nor phone"; fi
keys desk Escape
wait_gone desk "回车选定"

# Not found: registered there and then (the resident field has the focus).
type_text desk "周新民"
expect desk "nobody is found, registering is offered" "（登记新居民）"
keys desk Enter
wait_gone desk "共 1 项"
keys desk Tab
expect desk "the resident form opens from the intake" "帮办 - 登记新居民"
expect desk "named what the chooser searched for" "姓名: 周新民"
keys desk Tab Tab Tab Tab
type_text desk "120101195601010127"
keys desk Tab
type_text desk "13900001111"
keys desk F2
expect desk "back on the intake, the new resident is the requester" "姓名/名称: 周新民"
expect desk "with the phone masked" "139****1111"
keys desk Tab Tab Tab Tab
# Words that find no item but hold a synonym's word find its target's items, as a resident says it.
type_text desk "暖气不热"
expect desk "暖气不热 finds the 供热 items" "供热不达标投诉"
keys desk C-u
wait_gone desk "供热不达标投诉"
# 低保 typed in pinyin finds the item its synonym names, as clerks mostly type.
type_text desk "dibao"
expect desk "a synonym typed in pinyin finds its item" "最低生活保障申请"
expect desk "and it alone" "共 1 项"
keys desk Enter
wait_gone desk "共 1 项"
expect desk "the item chosen fills in its unit at once, before the field is left" "责任单位: 区民政局"
# Another unit picked by hand stays: passing the item's field again, or saving, does not put the
# item's back.
keys desk Tab Tab Enter
type_text desk "城市管理"
wait_for desk "区城市管理委"
keys desk Enter
wait_for desk "责任单位: 区城市管理委"
keys desk BTab BTab Tab Tab Tab Tab Tab Tab Tab
type_text desk "申请低保"
keys desk F2
choose desk "不要回执"
expect desk "the request is dispatched" "2026-000001  已派单"
db_is "to the unit picked by hand, not the item's" \
    "SELECT u.name FROM request q JOIN unit u ON u.id = q.unit_id" "区城市管理委"
if [ "$(sqlite3 "$DB" "SELECT r.name FROM request q JOIN resident r ON r.id = q.resident_id")" = 周新民 ]; then
    t_ok "the request points at the resident registered"
else
    t_fail "the request points at the resident registered"
fi
keys desk Escape
wait_for desk "待派单"

# An organisation's consultation, answered on the spot.
keys desk F7
wait_for desk "登记诉求：选定服务事项"
keys desk Enter
wait_for desk "企业单位"
type_text desk "qy"
wait_gone desk "共 3 项"
keys desk Enter
keys desk Tab Tab
type_text desk "和平商贸有限公司"
keys desk Tab Tab Tab
type_text desk "ts"
wait_for desk "共 1 项，"
keys desk Enter
keys desk Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "企业开办需要哪些材料"
keys desk Tab Tab
type_text desk "已当场告知所需材料和办理地点"
keys desk F2
expect desk "a complaint is not answered on the spot: the workflow says why" "未保存：只有咨询类诉求可以直接答复"
if [ "$(screen desk | grep -c "只有咨询类诉求可以直接答复")" -ge 2 ]; then
    t_ok "and the answer's field is marked"
else
    t_fail "and the answer's field is marked" "$(screen desk)"
fi
keys desk BTab BTab BTab BTab BTab BTab BTab BTab BTab BTab
type_text desk "zx"
wait_for desk "共 1 项，"
keys desk Enter
keys desk F2
choose desk "回执保存为文件"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/answered.txt"
keys desk Enter
expect desk "a consultation answered on the spot is closed at once" "2026-000002  直接答复"
grep -q "办理结果：已当场答复" "$T/answered.txt" && t_ok "its receipt says it was answered" || t_fail "its receipt says it was answered" "$(cat "$T/answered.txt")"
grep -q "诉 求 人：和平商贸有限公司" "$T/answered.txt" && t_ok "and names the organisation" || t_fail "and names the organisation"

# Settings: the receipt's phone.
keys desk Escape
wait_for desk "待派单"
keys desk Escape
wait_for desk "党群服务中心"
choose desk "服务清单"
wait_for desk "帮办 - 服务清单"
keys desk F9
choose desk "设置"
expect desk "F9 on the catalogue, 设置, opens the settings" "本中心的设置"
expect desk "each setting says what it is for" "本中心名称，印在回执上"
keys desk Tab C-u
type_text desk "咨询台"
keys desk Tab
expect desk "a desk phone that is no number is said" "手机号（11 位）或固定电话"
expect desk "what a setting is for stays beside it when the clerk moves on" "本中心名称，印在回执上"
keys desk BTab C-u
type_text desk "022-27309999"
keys desk Tab C-u
type_text desk "8点到5点"
keys desk Tab
expect desk "working hours written wrong are said" "请写成 09:00-17:00 这样的格式"
keys desk BTab C-u
type_text desk "17:00-09:00"
keys desk Tab
expect desk "hours that end before they start are said so" "下班时间早于上班时间"
keys desk BTab C-u
type_text desk "08:30-17:30"
keys desk F2
expect desk "the settings are saved" "设置已保存"
"$BIN" --db "$DB" print receipt 2026-000001 | grep -q "咨询电话：022-27309999" && t_ok "the receipt gives the desk's new phone" || t_fail "the receipt gives the desk's new phone"
# A desk phone stored before phones were checked does not stop another setting being saved.
sqlite3 "$DB" "UPDATE meta SET value = '27309999转801' WHERE key = 'desk_phone'"
keys desk F9
choose desk "设置"
wait_for desk "27309999转801"
keys desk Tab Tab Tab Tab C-u
type_text desk "8"
keys desk F2
expect desk "a value left as it was is not judged again by a newer rule" "设置已保存"
db_is "the old phone stays, the new minimum is stored" \
    "SELECT group_concat(value, '|') FROM (SELECT value FROM meta WHERE key IN ('desk_phone', 'rank_min') ORDER BY key)" \
    "27309999转801|8"
quits desk "quits cleanly"
db_is "the working hours are stored" "SELECT value FROM meta WHERE key = 'work_hours'" "08:30-17:30"
t_sanitizers "intake"
