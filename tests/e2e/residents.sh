# 居民 at the desk: find a resident by a character, by pinyin initials and
# by the last digits of an ID number; numbers masked in the list and the
# record; a minor's ID never shown; sensitive tags kept out of the list;
# showing a number in full asks why and is audited; registering a name
# with an Ext-B character, a wrong check digit caught while typing and the
# birth date and sex filled from the corrected number; a second record for
# a registered ID number is never made, the existing one is offered.
. "$(dirname "$0")/lib.sh"

# reveal ITEM REASON: on a record, F9 and the item labelled ITEM
# (显示完整身份证号, 显示完整手机号), then REASON when it asks why.
reveal() {
    keys desk F9
    choose desk "$1"
    wait_for desk "为什么需要"
    type_text desk "$2"
    keys desk Enter
}

# Esc clears the search line (on an empty one it would go back home); wait
# for it, as Esc and a digit at once are an F-key.
clear_search() {
    screen desk | grep -q "姓名、拼音首字母" && return
    keys desk Escape
    wait_for desk "姓名、拼音首字母"
}

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码,标签" \
    "张三,110101199003074477,13800138000,党员" \
    "张三丰,120101195601010127,13900001111," \
    "李张三,120102198005050317,," \
    "赵建国,120105202002020823,," \
    "孙丽,120104197001010527,13512345678,党员、低保户" \
    "黄小明,120103201503030619,," >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"

start desk
wait_for desk "前台工作台"
choose desk "居民"
expect desk "居民 opens on its search line" "查找："
keys desk F8
expect desk "F8, which the register has no use for (residents move out, they are not retired), says so" \
    "F8 停用：这个列表不用这个键"

type_text desk "张"
expect desk "one character finds every name holding it" "共 3 条"
if screen desk | grep -q "^张三  .*110\*\*\*\*\*\*\*\*\*\*\*4477 138\*\*\*\*8000"; then
    t_ok "the list shows ID and mobile masked 前3后4"
else
    t_fail "the list shows ID and mobile masked 前3后4" "$(screen desk)"
fi
if screen desk | grep -q "110101199003074477\|13800138000"; then t_fail "no full number in the list" "$(screen desk)"; else t_ok "no full number in the list"; fi
clear_search
type_text desk "zs"
expect desk "pinyin initials find 张三 and 张三丰, then 李张三 by a syllable inside" "共 3 条"
clear_search
type_text desk "hxm"
wait_for desk "共 1 条"
expect desk "a minor's ID number is never shown" "（未成年人）"
clear_search
type_text desk "孙丽"
wait_for desk "共 1 条"
if screen desk | grep -q "低保户"; then t_fail "a sensitive tag stays out of the list" "$(screen desk)"; else t_ok "a sensitive tag stays out of the list"; fi
clear_search
type_text desk "4477"
expect desk "the last 4 digits of an ID number find its holder" "共 1 条"

# The record: masked; F9 shows the ID in full after a reason, and the log keeps it.
keys desk Enter
expect desk "Enter opens the record" "号码已遮蔽"
keys desk F9
choose desk "显示完整身份证号"
expect desk "showing a number in full asks why" "为什么需要"
keys desk Enter
expect desk "no reason, nothing shown" "未显示：必须说明理由"
if screen desk | grep -q "110101199003074477"; then t_fail "the number stays masked" "$(screen desk)"; else t_ok "the number stays masked"; fi
reveal "显示完整身份证号" "回访核对"
expect desk "with a reason the full number is shown" "110101199003074477"
if screen desk | grep -q "^ 标签  *党员"; then t_ok "the record is whole again when the dialog has gone"; else t_fail "the record is whole again when the dialog has gone" "$(screen desk)"; fi
logged=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND detail = 'id_number: 回访核对'")
[ "$logged" = 1 ] && t_ok "and the audit log holds who, what and why" || t_fail "and the audit log holds who, what and why" "$(sqlite3 "$DB" 'SELECT * FROM audit_log')"
keys desk Escape
wait_for desk "查找："

# Register 王𠇔: a wrong check digit is named as it is left; the right one fills birth and sex.
keys desk F7
expect desk "F7 opens a new resident form" "登记新居民"
type_text desk "王𠇔"
keys desk Tab Tab Tab Tab
type_text desk "110105194912310021"
keys desk Tab
expect desk "a wrong check digit is named with the right one, and to check the card" "校验位错误：应为 X，请对照身份证核对"
keys desk BTab BSpace
type_text desk "x"
keys desk Tab
expect desk "the corrected number fills in the birth date" "1949-12-31"
if screen desk | grep -q "性别: 女"; then t_ok "and the sex"; else t_fail "and the sex" "$(screen desk)"; fi
type_text desk "１３９１２３４５６７８"
keys desk F2
expect desk "F2 saves the new resident" "已保存：王𠇔"
saved=$(sqlite3 "$DB" "SELECT name || ' ' || id_number || ' ' || phone || ' ' || gender FROM resident WHERE id_number = '11010519491231002X'")
[ "$saved" = "王𠇔 11010519491231002X 13912345678 F" ] && t_ok "stored with the Ext-B character, an upper-case X and half-width digits" || t_fail "stored with the Ext-B character, an upper-case X and half-width digits" "$saved"
clear_search
type_text desk "𠇔"
expect desk "an Ext-B character finds her" "共 1 条"
clear_search

# A name searched for and not found is the new resident's name at F7; pinyin is no name.
type_text desk "欧阳未登"
expect desk "nobody is found" "没有找到。按 F7 登记新居民。"
keys desk F7
expect desk "F7 registers the one searched for, named so" "姓名: 欧阳未登"
keys desk Escape
wait_for desk "查找："
clear_search
type_text desk "oywd"
wait_for desk "没有找到"
keys desk F7
wait_for desk "登记新居民"
if screen desk | grep -q "姓名: *$"; then t_ok "a pinyin search leaves the name to be typed"; else t_fail "a pinyin search leaves the name to be typed" "$(screen desk)"; fi
keys desk Escape
wait_for desk "查找："
clear_search

# A second 张三 with the same ID number: the registered one is offered instead.
keys desk F7
wait_for desk "登记新居民"
type_text desk "张叁"
keys desk Tab Tab Tab Tab
type_text desk "110101199003074477"
keys desk Tab
expect desk "a registered ID number offers the existing record" "此身份证号已登记：张三"
keys desk Left Enter
expect desk "which opens over the form (y is typing, not an answer: arrows and Enter)" "号码已遮蔽"
keys desk Escape
wait_for desk "登记新居民"
keys desk Escape
wait_for desk "放弃"
keys desk y
expect desk "and the form, dropped when asked, goes back to the list" "查找："
n=$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE id_number = '110101199003074477'")
[ "$n" = 1 ] && t_ok "no second record" || t_fail "no second record" "$n"

# The record: F9, 显示完整手机号 shows the mobile in full; F9, 编辑 edits it.
clear_search
type_text desk "4477"
wait_for desk "共 1 条"
keys desk Enter
wait_for desk "号码已遮蔽"
reveal "显示完整手机号" "回访"
expect desk "F9, 显示完整手机号 shows the mobile in full" "13800138000"
keys desk F9
choose desk "编辑"
expect desk "F9, 编辑 edits the record" "编辑居民"
type_text desk "丰"
keys desk F10
expect desk "quitting with unsaved typing asks first" "填写的内容还没有保存，仍要退出吗？"
keys desk n
wait_gone desk "仍要退出吗"
keys desk Escape
expect desk "and so does going back" "放弃填写的内容并返回？"
keys desk y
expect desk "back to the record, unchanged" "号码已遮蔽"
[ "$(sqlite3 "$DB" "SELECT name FROM resident WHERE id_number = '110101199003074477'")" = 张三 ] &&
    t_ok "nothing was saved" || t_fail "nothing was saved"
keys desk Escape
wait_for desk "查找："

# A first-generation 15-digit number is upgraded, and the form says so.
keys desk F7
wait_for desk "登记新居民"
type_text desk "赵六"
keys desk Tab Tab Tab Tab
type_text desk "110105491231003"
keys desk Tab
expect desk "a 15-digit ID number is upgraded, saying so" "已由 15 位升级为 18 位"
expect desk "to 18 digits" "110105194912310038"
keys desk Escape
wait_for desk "放弃填写的内容并返回？"
keys desk y
wait_for desk "查找："

# A number not on file is not "shown in full": said so, and nothing goes to the audit log.
clear_search
type_text desk "李张三"
wait_for desk "共 1 条"
keys desk Enter
wait_for desk "李张三"
reveal_none=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'reveal'")
keys desk F9
choose desk "显示完整手机号"
expect desk "showing a mobile number not on file says there is none" "没有登记手机号，无可显示"
db_is "and writes no reveal" "SELECT count(*) FROM audit_log WHERE action = 'reveal'" "$reveal_none"
keys desk Escape
wait_for desk "查找："
clear_search

keys desk F1
expect desk "help on the list names its F9 commands with their keys" "F9 1  导入居民台账"
expect desk "and what each does" "先预览，再导入"
keys desk Escape
wait_gone desk "显示按键及其作用"

quits desk "quits cleanly"
t_sanitizers "residents"
