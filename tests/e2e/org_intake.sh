# A request from an organisation on the register: at the desk, 诉求人类型
# 企业单位 turns the chooser under it to the organisations (一企一档); the
# one chosen fills in its name, its contact's phone (masked), its
# building and the building's grid, and the request names it, so its file lists it; a contact
# person and number typed over them stay.
. "$(dirname "$0")/lib.sh"

demo_db
org=$(sqlite3 "$DB" "SELECT name FROM organisation WHERE credit_code IS NOT NULL ORDER BY id LIMIT 1")
code=$(sqlite3 "$DB" "SELECT credit_code FROM organisation WHERE name = '$org' ORDER BY id LIMIT 1")
building=$(sqlite3 "$DB" "SELECT b.name FROM organisation o JOIN building b ON b.id = o.building_id WHERE o.credit_code = '$code'")

# org_chosen: F7, 诉求人类型 企业单位, and the organisation found by its code and chosen.
org_chosen() {
    keys desk F7
    wait_for desk "登记诉求：选定服务事项"
    type_text desk "企业"
    wait_for desk "回车选定"
    keys desk Enter
    wait_gone desk "回车选定"
    keys desk Tab
    type_text desk "$code"
    wait_for desk "$org"
    keys desk Enter
    wait_gone desk "回车选定"
}

# item_and_save DETAIL: from 姓名/名称 on to the item (HB001), the detail typed, F2, no receipt.
item_and_save() {
    keys desk Tab Tab Tab Tab
    type_text desk "zdshbz"
    wait_for desk "HB001 最低生活保障申请"
    keys desk Enter
    wait_gone desk "回车选定"
    keys desk Tab Tab Tab Tab Tab Tab Tab
    type_text desk "$1"
    keys desk F2
    choose desk "不要回执"
}

open_section desk "诉求" "未办结"
org_chosen
expect desk "the chooser under it is now the organisations'" "企业单位: $org"
keys desk Tab
phone=$(sqlite3 "$DB" "SELECT substr(contact_phone, 1, 3) || '****' || substr(contact_phone, 8) FROM organisation WHERE credit_code = '$code'")
expect desk "the organisation's name is taken" "姓名/名称: <"
expect desk "with its contact's phone, masked" "电话: $phone"
expect desk "and its building" "$building"
grid=$(sqlite3 "$DB" "SELECT g.name FROM organisation o JOIN building b ON b.id = o.building_id JOIN grid g ON g.id = b.grid_id WHERE o.credit_code = '$code'")
expect desk "and the building's grid" "$grid"
item_and_save "员工申请救助"
expect desk "the request is taken down" "2026-000001"
db_is "naming the organisation on the register" \
    "SELECT count(*) FROM request r JOIN organisation o ON o.id = r.organisation_id WHERE o.credit_code = '$code' AND r.requester = '$org'" 1

# A contact person and the number to call back, typed over the register's, stay: leaving the
# organisation's field again does not put them back.
keys desk Escape
wait_for desk "未办结"
org_chosen
keys desk Tab C-u
type_text desk "刘经理"
keys desk Tab C-u
type_text desk "13812345678"
keys desk BTab BTab Tab
expect desk "the contact typed stays" "姓名/名称: 刘经理"
expect desk "and the number typed" "电话: 13812345678"
item_and_save "员工再次申请救助"
expect desk "the second request is taken down" "2026-000002"
db_is "with the contact and number typed, the organisation named" \
    "SELECT r.requester || ' ' || r.requester_phone FROM request r JOIN organisation o ON o.id = r.organisation_id WHERE r.number = '2026-000002' AND o.credit_code = '$code'" \
    "刘经理 13812345678"
# Another organisation chosen over the first: its name and contact's phone follow it, not the
# first's (taken from the register, not typed).
org2=$(sqlite3 "$DB" "SELECT name FROM organisation WHERE credit_code IS NOT NULL AND contact_phone <> '' AND name <> '$org' ORDER BY id LIMIT 1")
code2=$(sqlite3 "$DB" "SELECT credit_code FROM organisation WHERE name = '$org2' ORDER BY id LIMIT 1")
phone2=$(sqlite3 "$DB" "SELECT substr(contact_phone, 1, 3) || '****' || substr(contact_phone, 8) FROM organisation WHERE credit_code = '$code2'")
keys desk Escape
wait_for desk "未办结"
org_chosen
keys desk Tab
wait_for desk "姓名/名称: <"
keys desk BTab Enter
wait_for desk "回车选定"
type_text desk "$code2"
wait_for desk "$org2"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab
expect desk "the second organisation's contact phone replaces the first's" "电话: $phone2"
if screen desk | grep -qF "姓名/名称: $(printf '%s' "$org" | cut -c1-12)"; then
    t_fail "and its name the first's" "$(screen desk)"
else
    t_ok "and its name the first's"
fi

# A building chosen after the organisation, of another grid: the organisation, of the other
# building, goes at once, said, with its name and phone; the grid becomes the new building's.
# Nothing is saved naming one building's organisation at another.
other=$(sqlite3 "$DB" "SELECT b.name FROM building b JOIN grid g ON g.id = b.grid_id WHERE g.name <> '$grid' ORDER BY b.id LIMIT 1")
other_grid=$(sqlite3 "$DB" "SELECT g.name FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.name = '$other'")
keys desk Escape
wait_for desk "放弃填写的内容并返回"
keys desk y
wait_for desk "未办结"
org_chosen
keys desk Tab Tab Tab Tab Tab Tab Tab Tab
type_text desk "$other"
wait_for desk "回车选定"
keys desk Enter
wait_gone desk "回车选定"
expect desk "the organisation of the other building goes, said" "企业单位已清空：${org}不在$other"
expect desk "said beside its field" "原属别的楼宇，请重选"
if screen desk | grep -qF "姓名/名称: $org"; then
    t_fail "its name goes with it" "$(screen desk)"
else
    t_ok "its name goes with it"
fi
expect desk "the grid is the new building's" "$other_grid"
keys desk F2
expect desk "the save asks for the organisation" "请填写企业单位名称"
db_is "nothing saved at the other building" \
    "SELECT count(*) FROM request r JOIN building b ON b.id = r.building_id WHERE b.name = '$other'" 0
quits_unsaved desk "the desk quits, the form given up"
t_sanitizers "org_intake"
