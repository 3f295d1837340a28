# A building's property company (物业公司) typed in Chinese in the building
# form with its service phone: a phone that is none is named beside its
# field and nothing is saved; saved, it shows under the buildings beside the
# 楼长 and 楼宇指导员 (物业 and the phone, as the lobby posts it), and on the
# building's 楼宇台账 saved to a file.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
type_text desk "B101"
wait_for desk "滨江国际大厦"
expect desk "under the buildings: the demo's property company" "物业 天津海河物业服务有限公司 022-23300101"

keys desk Enter
expect desk "Enter opens the building form" "编辑楼宇"
expect desk "the form holds the property company" "物业公司"
# Code, name, address, street, grid, kind, then the property company and its phone.
keys desk Tab Tab Tab Tab Tab Tab C-u
type_text desk "天津五大道物业服务有限公司"
keys desk Tab C-u
type_text desk "12345"
keys desk F2
expect desk "a phone that is none is not saved, saying what a phone is" "未保存：物业电话：手机号（11 位）或固定电话"
expect desk "the reason beside the phone" "手机号（11 位）或固定电话"
db_is "nothing was written" "SELECT property || ' ' || version FROM building WHERE code = 'B101'" \
    "天津海河物业服务有限公司 1"
keys desk C-u
type_text desk "022 2345 6789"
keys desk F2
expect desk "the building is saved" "已保存：B101 滨江国际大厦"
expect desk "under the buildings: the new property company, its phone normalised" \
    "物业 天津五大道物业服务有限公司 022-23456789"
db_is "the record holds them" "SELECT property || ' ' || property_phone FROM building WHERE code = 'B101'" \
    "天津五大道物业服务有限公司 022-23456789"

keys desk F9
choose desk "本楼楼宇台账"
choose desk "楼宇台账保存为文件"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/b101.txt"
keys desk Enter
expect desk "the 楼宇台账 is written" "滨江国际大厦 的楼宇台账已写入"
grep -q "^物业公司：天津五大道物业服务有限公司 022-23456789$" "$T/b101.txt" &&
    t_ok "the 楼宇台账 names the property company and its phone" ||
    t_fail "the 楼宇台账 names the property company and its phone" "$(head -12 "$T/b101.txt")"
quits desk "quits cleanly"
t_sanitizers "building property"
