# The 居民 menu (F9): tags (a supervisor's: a new one, a refused name, a
# taken name, marking one sensitive, renaming, retiring and restoring; a
# desk clerk is offered none of it) and exports (masked; full numbers only
# with a reason, which the audit log keeps; .xlsx by the file's name).
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码,标签" "张三,110101199003074477,13800138000,党员" \
    "李四,120101195601010127,13900001111,低保户" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >/dev/null

# menu NAME ITEM: F9 on the 居民 list, then the item labelled ITEM.
menu() {
    keys "$1" F9
    wait_for "$1" "导入居民台账"
    choose "$1" "$2"
}

# Tags are the catalogue's: a supervisor defines them.
users_as supervisor boss
open_residents boss BANGBAN_USER=boss
# F1 lists the menu's entries, a line each; the one selected that its line cuts is said whole.
keys boss F1
wait_for boss "导入居民台账"
keys boss Down Down
expect boss "F1: an entry cut in its line is said whole once selected" \
    "F9 3  导出居民（完整号码，记入日志）：写出完整号码；须说明理由，并记入操作日志"
keys boss Escape Escape
wait_gone boss "按键                       作用"
menu boss "标签"
expect boss "F9, 标签 opens the tags" "敏感标签只在打开居民详情时显示"
keys boss F7
wait_for boss "标签名称："
type_text boss "独居 老人"
keys boss Enter
expect boss "a name with a separator in it is refused, saying why" "未保存：标签名中不能有"
keys boss F7
wait_for boss "标签名称："
type_text boss "低保户"
keys boss Enter
expect boss "a taken name is refused" "已有同名标签"
keys boss F7
wait_for boss "标签名称："
type_text boss "困境儿童"
keys boss Enter
expect boss "a new tag is saved" "已保存：困境儿童"

tag() { sqlite3 "$DB" "SELECT name || ' ' || sensitive || ' ' || retired FROM tag ORDER BY id DESC LIMIT 1"; }
keys boss End Enter
choose boss "设为敏感"
wait_for boss "已保存：困境儿童"
[ "$(tag)" = "困境儿童 1 0" ] && t_ok "it is marked sensitive" || t_fail "it is marked sensitive" "$(tag)"
if screen boss | grep -q "困境儿童 *敏感"; then t_ok "and the list says so"; else t_fail "and the list says so" "$(screen boss)"; fi
keys boss End Enter
choose boss "改名"
wait_for boss "新名称："
keys boss C-u
type_text boss "困境少年"
keys boss Enter
expect boss "renamed" "已保存：困境少年"
keys boss End F8
expect boss "F8 asks before retiring a tag" "停用 困境少年？"
keys boss y
expect boss "it is retired" "已停用：困境少年"
[ "$(tag)" = "困境少年 1 1" ] && t_ok "and retired" || t_fail "and retired" "$(tag)"
keys boss End Enter
wait_for boss "取消敏感"
if screen boss | grep -qE " [0-9]  ?(设为敏感|停用) "; then
    t_fail "Enter offers only what would change a retired, sensitive tag" "$(screen boss)"
else
    t_ok "Enter offers only what would change a retired, sensitive tag"
fi
choose boss "恢复"
expect boss "Enter offers restoring it" "恢复 困境少年？"
keys boss y
expect boss "it is restored" "已恢复：困境少年"
[ "$(tag)" = "困境少年 1 0" ] && t_ok "and restored" || t_fail "and restored" "$(tag)"
keys boss End F8
wait_for boss "停用 困境少年？"
keys boss y
wait_for boss "已停用：困境少年"
keys boss Escape
wait_for boss "最近登记"
t_ok "Esc goes back to the list"
quits boss "the supervisor quits"

# A desk clerk reads the tags but is offered nothing that changes them.
open_residents desk
menu desk "标签"
wait_for desk "敏感标签只在打开居民详情时显示"
if screen desk | tail -1 | grep -q "新建"; then t_fail "a desk clerk is offered no F7 on the tags" "$(screen desk | tail -1)"; else t_ok "a desk clerk is offered no F7 on the tags"; fi
keys desk F7
expect desk "F7 says why" "您的角色无权修改这里的记录"
keys desk Escape
wait_for desk "最近登记"

# A masked export.
menu desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/masked.csv"
keys desk Enter
expect desk "the masked export is written" "已写出居民 2 人到"
if grep -q "110\*\*\*\*\*\*\*\*\*\*\*4477" "$T/masked.csv" && ! grep -q "110101199003074477" "$T/masked.csv"; then
    t_ok "with the numbers masked"
else
    t_fail "with the numbers masked" "$(cat "$T/masked.csv")"
fi
if grep -q "低保户" "$T/masked.csv"; then t_fail "and no sensitive tag" "$(cat "$T/masked.csv")"; else t_ok "and no sensitive tag"; fi

# The same name again: asked before the file is replaced; No leaves it as it was.
echo "mine" >"$T/masked.csv"
menu desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/masked.csv"
keys desk Enter
expect desk "an export over a file that exists asks first" "已存在。要替换它吗？"
keys desk n
expect desk "No leaves the file as it was" "masked.csv 保持不变"
[ "$(cat "$T/masked.csv")" = mine ] && t_ok "and the file is untouched" || t_fail "and the file is untouched"
expect desk "and the name is asked again, as typed" "$T/masked.csv"
keys desk Enter
wait_for desk "要替换它吗？"
keys desk y
expect desk "Yes replaces it" "已写出居民 2 人到"

# Full numbers are for a role that may export them: the desk clerk is not offered it.
keys desk F9
wait_for desk "导出居民（遮蔽号码）"
if screen desk | grep -q "完整号码，记入日志"; then
    t_fail "a desk clerk is not offered an export with full numbers" "$(screen desk)"
else
    t_ok "a desk clerk is not offered an export with full numbers"
fi
keys desk Escape
quits desk "quits cleanly"
sign_in sup "supervisor" "demo-supervisor"
choose sup "居民"
wait_for sup "查找："
# A supervisor: no reason (spaces are none), no export; with one, a workbook and an audit row.
menu sup "导出居民（完整号码，记入日志）"
wait_for sup "为什么需要"
type_text sup " 　 "
keys sup Enter
expect sup "full numbers with a reason of spaces are refused" "必须说明理由，理由记入操作日志"
expect sup "and the reason is asked again" "为什么需要"
keys sup C-u
type_text sup "区民政局核对"
keys sup Enter
wait_for sup "写入的文件"
keys sup C-u
type_text sup "$T/full.xlsx"
keys sup Enter
expect sup "the full export is written" "已写出居民 2 人到"
[ "$(head -c 2 "$T/full.xlsx")" = "PK" ] && t_ok "as a workbook, by its name" || t_fail "as a workbook, by its name" "$(ls -l "$T")"
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'export-unmasked' AND detail LIKE '%区民政局核对%'")
[ "$n" = 1 ] && t_ok "the audit log keeps who and why" || t_fail "the audit log keeps who and why" "$n"
quits sup "the supervisor quits cleanly"
t_sanitizers "resident menu"
