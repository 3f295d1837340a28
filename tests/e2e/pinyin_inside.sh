# The service item is found by the pinyin of a word inside its name, not
# only from its start: zhucan finds 老年人助餐服务登记, dianti both items
# about lifts (电梯).
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >/dev/null
open_section desk "诉求" "待派单"
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
type_text desk "zhucan"
expect desk "zhucan finds 助餐 inside an item's name" "HB007 老年人助餐服务登记"
keys desk C-u
type_text desk "dianti"
expect desk "dianti finds 电梯 inside two items' names" "HB059 既有住宅加装电梯申请"
expect desk "both of them" "HB055 电梯困人应急处置"
keys desk Escape Escape
wait_gone desk "HB055"
quits_unsaved desk "quits cleanly"
t_sanitizers "pinyin inside"
