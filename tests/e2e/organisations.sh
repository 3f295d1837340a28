# 企业 (一企一档), the organisations in the buildings, end to end: the tab
# after 楼宇 in 区域与楼宇. F7 registers one with a Chinese name typed; a
# credit code with a wrong check character is refused naming the right
# one, the corrected code is saved with its building; the list then finds
# it by pinyin initials (of a word inside its name) and by the last
# characters of its credit code; F8 records its moving out and it stays on
# file, dimmed, under F6; F9 on a building lists that building's
# organisations; its form masks the contact phone until F9 shows it, the
# reason in the audit log.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss # the organisations are the supervisor's to change (and a chief's)
open_areas desk BANGBAN_USER=boss
keys desk Tab
expect desk "Tab moves from buildings to the organisations" "信用代码"
expect desk "the demo's organisations are listed, counted" "超过 1000 条"

keys desk F7
wait_for desk "登记企业"
type_text desk "天津津沽鸿雁文化传播有限公司"
keys desk Tab
type_text desk "91120101ma07t3qk90"
keys desk F2
expect desk "a wrong check character is refused, naming the right one" "第 18 位应为 2"
keys desk BSpace
type_text desk "2"
keys desk Tab Enter
wait_for desk "共 67 项"
type_text desk "滨江国际"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "共 1 项"
keys desk Tab
type_text desk "12"
keys desk Tab
type_text desk "1208"
# Not there yet is not registered: a move-in date to come is refused at its field.
keys desk Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "2099-06-01"
keys desk F2
expect desk "a move-in date after today is refused" "入驻日期晚于今天：请在入驻以后再登记"
keys desk C-u
keys desk F2
expect desk "the organisation is saved" "已保存：天津津沽鸿雁文化传播有限公司"
db_is "stored with its code in capitals and its building" \
    "SELECT o.credit_code || '/' || b.name || '/' || o.floor || '/' || o.room FROM organisation o JOIN building b ON b.id = o.building_id WHERE o.name = '天津津沽鸿雁文化传播有限公司'" \
    "91120101MA07T3QK92/滨江国际大厦/12/1208"
db_is "and an audit row" \
    "SELECT count(*) FROM audit_log WHERE action = 'add' AND subject LIKE 'organisation:%' AND detail LIKE '%鸿雁%'" 1

# The same name again in the same building, with no code: refused, naming the one on file.
keys desk F7
wait_for desk "登记企业"
type_text desk "天津津沽鸿雁文化传播有限公司"
keys desk Tab Tab Enter
wait_for desk "共 67 项"
type_text desk "滨江国际"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "共 1 项"
keys desk F2
expect desk "the same name in the same building is refused, naming the one on file" \
    "未保存：天津津沽鸿雁文化传播有限公司已经登记：滨江国际大厦 12层 1208"
expect desk "at its name" "本楼宇已登记"
db_is "not saved twice" "SELECT count(*) FROM organisation WHERE name = '天津津沽鸿雁文化传播有限公司'" 1
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_for desk "超过 1000 条"

type_text desk "hywh"
expect desk "found by the pinyin initials of a word inside its name" "共 1 条"
expect desk "the one typed" "天津津沽鸿雁文化"
keys desk Escape
wait_for desk "超过 1000 条"
type_text desk "3qk92"
expect desk "found by the last characters of its credit code" "共 1 条"
expect desk "with its code" "91120101MA07T3QK92"
if screen desk | grep -q "1[3-9][0-9]\*\*\*\*[0-9]"; then t_fail "no phone here"; else t_ok "no phone here"; fi
keys desk Escape
wait_for desk "超过 1000 条"
type_text desk "鸿雁文化"
expect desk "found by a piece of its name" "共 1 条"

keys desk F8
wait_for desk "今天"
keys desk y
expect desk "F8 records it moved out" "已迁出：天津津沽鸿雁文化传播有限公司"
expect desk "and it leaves the list" "没有找到"
db_is "kept on file with the day" \
    "SELECT moved_out <> '' FROM organisation WHERE name = '天津津沽鸿雁文化传播有限公司'" 1
keys desk F6
wait_for desk "含已停用"
if screen desk | grep -q "天津津沽鸿雁文化.*91120101MA07T3QK92.*滨江国际大厦.* 迁出$"; then
    t_ok "F6 shows it again, marked as moved out"
else
    t_fail "F6 shows it again, marked as moved out" "$(screen desk)"
fi

# A building's own organisations, from the buildings tab.
keys desk BTab
wait_for desk "共 67 条"
type_text desk "滨江国际"
wait_for desk "共 1 条"
keys desk F9
wait_for desk "本楼宇的企业"
choose desk "本楼宇的企业"
expect desk "F9 on a building lists its organisations" "楼宇：滨江国际大厦"
n=$(sqlite3 "$DB" "SELECT count(*) FROM organisation o JOIN building b ON b.id = o.building_id WHERE b.name = '滨江国际大厦' AND o.moved_out = ''")
expect desk "as many as the building holds" "共 $n 条"
if screen desk | grep -q "1[3-9][0-9]\*\*\*\*[0-9][0-9][0-9][0-9]"; then
    t_ok "contact phones masked in the list"
else
    t_fail "contact phones masked in the list" "$(screen desk)"
fi
# Its form masks the contact phone as the list does; F9 shows it in full once a reason is recorded.
code=$(sqlite3 "$DB" "SELECT o.credit_code FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.name = '滨江国际大厦' AND o.moved_out = '' AND length(o.contact_phone) = 11 ORDER BY o.id LIMIT 1")
phone=$(sqlite3 "$DB" "SELECT contact_phone FROM organisation WHERE credit_code = '$code'")
masked=$(printf '%s' "$phone" | sed 's/^\(...\)....\(....\)$/\1****\2/')
type_text desk "$code"
wait_for desk "共 1 条"
keys desk F4
wait_for desk "修改企业"
expect desk "the form shows the contact phone masked" "联系电话: $masked"
if screen desk | grep -q "$phone"; then t_fail "and not in full" "$(screen desk)"; else t_ok "and not in full"; fi
keys desk F9
wait_for desk "为什么需要"
type_text desk "核实联系人"
keys desk Enter
expect desk "F9 shows it in full, once the reason is given" "联系电话: $phone"
db_is "the reveal is in the audit log, with its reason" \
    "SELECT detail FROM audit_log WHERE action = 'reveal' AND subject = 'organisation:' || (SELECT id FROM organisation WHERE credit_code = '$code')" \
    "phone: 核实联系人"
keys desk Escape
wait_gone desk "修改企业"
quits desk "quits cleanly"
t_sanitizers "organisations"
