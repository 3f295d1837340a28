# Catalogue synonyms: 供暖 typed in the intake's service-item chooser finds
# the items named 供热 (a seeded synonym); on 服务清单, F9 同义词 lists the
# synonyms, F7 adds one (打架 for 治安纠纷), a taken word is refused, and
# the new one is used by the chooser at once; F8 retires it and the
# chooser no longer reads it.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >/dev/null

# The desk takes a request down and looks for the item as the resident says it.
open_section desk "诉求" "待派单"
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
type_text desk "供暖"
expect desk "供暖 finds the items the catalogue names 供热" "HB174 供热不达标投诉"
expect desk "every one of them" "HB176 供热管道跑冒滴漏抢修"
keys desk C-u
type_text desk "打架"
expect desk "a word with no synonym finds nothing yet" "共 0 项"
keys desk Escape Escape
wait_gone desk "共 0 项"
quits_unsaved desk "the desk quits"

# The supervisor adds a synonym on the catalogue's F9 menu.
users_as supervisor boss
open_section admin "服务清单" "帮办 - 服务清单" BANGBAN_USER=boss
keys admin F9
choose admin "同义词"
expect admin "F9 同义词 lists the seeded synonyms" "供暖"
expect admin "with the catalogue's word" "最低生活保障"
type_text admin "gn"
expect admin "typing narrows the list" "共 1 条"
keys admin Escape
wait_for admin "共 15 条"
keys admin F7
wait_for admin "新建同义词"
type_text admin "打架"
keys admin Tab
type_text admin "治安纠纷"
keys admin F2
expect admin "a new synonym is saved" "已保存：打架（治安纠纷）"
expect admin "and listed" "共 16 条"
db_is "it is stored" "SELECT target || '/' || version FROM synonym WHERE word = '打架'" "治安纠纷/1"
keys admin F7
wait_for admin "新建同义词"
type_text admin "供暖"
keys admin Tab
type_text admin "暖气"
keys admin F2
expect admin "a word taken is refused, naming the field" "词语「供暖」已被别的记录占用"
keys admin Escape
wait_for admin "放弃"
keys admin y
wait_for admin "共 16 条"

# The desk's chooser reads it at once.
open_section desk2 "诉求" "待派单"
keys desk2 F7
wait_for desk2 "登记诉求：选定服务事项"
intake_for desk2 "zsf" "张三丰"
type_text desk2 "打架"
expect desk2 "the new synonym finds 治安纠纷调解" "HB115 治安纠纷调解"
keys desk2 Escape Escape
wait_gone desk2 "HB115 治安纠纷调解"
quits_unsaved desk2 "the second desk quits"

# Retired, it is no longer read.
type_text admin "打架"
wait_for admin "共 1 条"
keys admin F8
wait_for admin "停用 打架（治安纠纷）"
keys admin y
expect admin "F8 retires it" "已停用：打架（治安纠纷）"
db_is "retired in the database" "SELECT retired FROM synonym WHERE word = '打架'" "1"
quits admin "the supervisor quits"
"$BIN" --db "$DB" export synonyms "$T/syn.csv" >/dev/null
if grep -q "打架" "$T/syn.csv"; then
    t_fail "a retired synonym is left out of the ledger" "$(cat "$T/syn.csv")"
else
    t_ok "a retired synonym is left out of the ledger"
fi
t_sanitizers "synonyms"
