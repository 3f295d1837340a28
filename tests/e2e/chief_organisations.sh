# A building chief sees and changes the organisations of their own
# buildings and no others: from the home screen's 区域与楼宇, the
# organisations tab, F4 on one in their building B101 saves; one in B103
# (not theirs) is not found, by its credit code nor by its name (one of
# theirs is, by its contact's name and phone too), and the
# store refuses a save to it (unit/test_visits_db). Its file (一企一档)
# has no history tab for a chief.
. "$(dirname "$0")/lib.sh"

demo_db
mine=$(sqlite3 "$DB" "SELECT o.credit_code FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.code = 'B101' AND o.moved_out = '' ORDER BY o.id LIMIT 1")
theirs=$(sqlite3 "$DB" "SELECT o.credit_code FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.code = 'B103' AND o.moved_out = '' ORDER BY o.id LIMIT 1")
mine_name=$(sqlite3 "$DB" "SELECT name FROM organisation WHERE credit_code = '$mine'")
theirs_name=$(sqlite3 "$DB" "SELECT name FROM organisation WHERE credit_code = '$theirs'")

SHOWS="楼长工作台" sign_in chief "chief" "demo-chief"
# F1 on the worklist tells the chief's own queues, not the desk's.
keys chief F1
wait_for chief "待告知：已办结"
if screen chief | grep -q "待派单\|退单"; then t_fail "F1 on the worklist tells the chief's queues only" "$(screen chief)"; else t_ok "F1 on the worklist tells the chief's queues only"; fi
keys chief Escape
wait_for chief "楼长工作台"
# The worklist's F9 opens the organisations of the chief's buildings, where F7 registers one.
keys chief F9
choose chief "企业"
wait_for chief "信用代码"
if screen chief | tail -1 | grep -q "7新建"; then t_ok "the chief's organisations offer F7"; else t_fail "the chief's organisations offer F7" "$(screen chief)"; fi

edit_floor() { # CODE FLOOR: F4 on the organisation of credit code CODE, its floor typed, F2
    keys chief C-u
    type_text chief "$1"
    wait_for chief "共 1 条"
    keys chief F4
    wait_for chief "修改企业"
    keys chief Tab Tab Tab C-u
    type_text chief "$2"
    keys chief F2
}
edit_floor "$mine" 27
expect chief "the chief saves an organisation of their own building" "已保存：$mine_name"
# The contact phone the list masks is masked in the form too, and no F9 shows it to a chief.
phone=$(sqlite3 "$DB" "SELECT contact_phone FROM organisation WHERE credit_code = '$mine'")
keys chief F4
wait_for chief "修改企业"
expect chief "the chief's form shows the contact phone masked" \
    "联系电话: $(printf '%s' "$phone" | sed 's/^\(...\)....\(....\)$/\1****\2/')"
if screen chief | grep -q "$phone"; then t_fail "and never in full" "$(screen chief)"; else t_ok "and never in full"; fi
keys chief F9
expect chief "F9 offers the chief no way to show it" "这里没有您的角色可用的操作"
keys chief Escape
wait_gone chief "修改企业"
db_is "its floor changed, by the chief" \
    "SELECT floor || ' ' || updated_by FROM organisation WHERE credit_code = '$mine'" "27 chief"
keys chief Escape
wait_gone chief "查找： $mine"
keys chief C-u
type_text chief "$theirs"
expect chief "an organisation of another's building is not found by its code" "共 0 条"
keys chief C-u
type_text chief "$theirs_name"
expect chief "nor by its name" "共 0 条"
# One of the chief's own is found by the last digits of its contact's phone, or its contact's
# name: often what a chief has at hand (an empty list would send them to register it again).
contact=$(sqlite3 "$DB" "SELECT contact_name FROM organisation WHERE credit_code = '$mine'")
keys chief C-u
type_text chief "${phone#???????}"
expect chief "an organisation is found by the last digits of its contact's phone" "$mine_name"
keys chief C-u
type_text chief "$contact"
expect chief "and by its contact's name" "$mine_name"
db_is "the audit log holds the one change only" \
    "SELECT count(*) FROM audit_log WHERE actor = 'chief' AND subject LIKE 'organisation:%'" 1
# Registering one, the chief is offered their own two buildings alone.
keys chief F7
wait_for chief "登记企业"
keys chief Tab Tab Enter
expect chief "the building chooser offers the chief's two buildings" "共 2 项"
keys chief Escape
wait_gone chief "共 2 项"
keys chief Escape
wait_gone chief "登记企业"
# Its file: floor and room as read, and no history tab (the audit log is not the chief's).
room=$(sqlite3 "$DB" "SELECT room FROM organisation WHERE credit_code = '$mine'")
keys chief C-u
type_text chief "$mine"
wait_for chief "共 1 条"
keys chief Enter
wait_for chief "一企一档"
expect chief "the file's heading says floor and room apart" "27层 $room"
if screen chief | grep -q "变更记录\|无法读取"; then
    t_fail "the file offers the chief no history they may not read" "$(screen chief)"
else
    t_ok "the file offers the chief no history they may not read"
fi
quits chief "the chief quits"

# From 区域与楼宇, F9 on another chief's building says so, not an empty list that offers F7.
b103=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B103'")
SHOWS="楼长工作台" sign_in chiefa "chief" "demo-chief"
keys chiefa Escape
wait_for chiefa "党群服务中心"
choose chiefa "区域与楼宇"
wait_for chiefa "编码       名称"
type_text chiefa "$b103"
wait_for chiefa "共 1 条"
keys chiefa F9
choose chiefa "本楼宇的企业"
expect chiefa "another chief's building's organisations are refused, saying why" \
    "$b103 不是您负责的楼宇：楼长只能查看自己楼宇的企业"
quits chiefa "the chief quits once more"
t_sanitizers "chief_organisations"
