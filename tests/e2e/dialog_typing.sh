# A question that pops up while the clerk types never eats the typing: an
# ID number already on file is offered once per number, answered only by
# Enter (starting at No), Esc or the arrows, and showing that record puts
# it over the form, whose typing stays.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号" "张三,110101199003074477" "李梅,120101198002020028" >"$T/two.csv"
"$BIN" --db "$DB" import residents "$T/two.csv" >/dev/null
# 李梅 died: a number of someone no longer on the register says so when offered.
sqlite3 "$DB" "UPDATE resident SET status = 'deceased', status_date = '2026-11-01' WHERE name = '李梅'"

open_residents desk
keys desk F1
expect desk "F1 on the register says what it is and how it is searched" "居民名册。输入即查找"
keys desk Escape
wait_for desk "最近登记"
keys desk F7
wait_for desk "登记新居民"
type_text desk "王五"
keys desk Tab Tab Tab Tab
type_text desk "110101199003074477"
keys desk Tab
expect desk "a number on file is offered" "此身份证号已登记：张三"
expect desk "the offer says which keys answer it" "左右键选择　回车确定　Esc 为否"
type_text desk "13900001111y1"
expect desk "typing meanwhile answers nothing: the offer stays" "此身份证号已登记：张三"
keys desk Enter
wait_gone desk "此身份证号已登记"
expect desk "Enter, starting at No, leaves the form as typed" "姓名: 王五"
keys desk BTab
wait_for desk "身份证号"
keys desk Tab
if screen desk | grep -q "此身份证号已登记"; then
    t_fail "the same number is offered once" "$(screen desk)"
else
    t_ok "the same number is offered once"
fi
keys desk BTab C-u
type_text desk "120101198002020028"
keys desk Tab
expect desk "another number on file is offered in turn, saying the person died" "此身份证号已登记：李梅（2026-11-01 死亡）"
keys desk Right Right
expect desk "Right goes to No and stays there, the answer marked for a screen without colour" ">否<"
keys desk Left
expect desk "Left goes back to Yes" ">是<"
keys desk Enter
expect desk "Yes shows that record" "李梅"
wait_gone desk "登记新居民"
keys desk Escape Escape
expect desk "going back, the form is there with its typing" "姓名: 王五"
quits_unsaved desk "quits cleanly"

# No ID number, but the name and mobile of someone on file: offered as likely the same person.
printf '%s\r\n' "姓名,身份证号,手机号码" "王建华,110101199003078515,19922811947" >"$T/wjh.csv"
"$BIN" --db "$DB" import residents "$T/wjh.csv" >/dev/null
open_residents again
keys again F7
wait_for again "登记新居民"
type_text again "王建华"
keys again Tab Tab Tab Tab Tab
type_text again "19922811947"
keys again Tab
expect again "the same name and mobile on file are offered as likely the same person" \
    "已有同名同手机号的居民：王建华"
keys again Enter
wait_gone again "同名同手机号"
quits_unsaved again "quits cleanly"
t_sanitizers "dialog typing"
