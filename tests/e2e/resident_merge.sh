# Two records of one person made one, at the keyboard: 王秀兰 was registered
# twice (once with her ID number and a misspelt name, once with her mobile,
# address and a request). From the list the clerk marks the second record,
# finds the first by search, sees the fields that differ side by side,
# takes the right name from the second, and merges: the request, the tags
# and the mobile follow the kept record, the other stays on file marked
# merged into it, the audit log says so, and `bangban check` finds nothing
# wrong. Two records with different valid ID numbers are not merged unless
# the clerk says they are one person.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-03-02T09:30"
demo_db
printf '%s\r\n' "姓名,身份证号,手机号码,住址,标签" \
    "王秀蓝,120101194501010029,,,空巢老人" \
    "王秀兰,120102198005050317,13812345678,滨江道1号楼2门301,党员" \
    "陈一,110101199003074477,,," "陈一,120101195601010127,,," \
    "李四,120104197001010527,13900001111,新华路5号," "李四,120103201503030619,,," >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"
# The second was registered at a desk without her ID number.
sqlite3 "$DB" "UPDATE resident SET id_number = NULL, id_rev = NULL WHERE name = '王秀兰'"
keep=$(sqlite3 "$DB" "SELECT id FROM resident WHERE name = '王秀蓝'")
away=$(sqlite3 "$DB" "SELECT id FROM resident WHERE name = '王秀兰'")

# A request filed on the second record.
open_section desk "诉求" "待派单" "$NOW"
keys desk F7
wait_for desk "登记诉求"
intake_for desk "5678" "王秀兰"
type_text desk "zdshbz"
wait_for desk "HB001 最低生活保障申请"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "申请低保"
keys desk F2
wait_for desk "回执保存为文件"
keys desk Escape
wait_gone desk "回执保存为文件"
keys desk Escape
wait_for desk "待派单"
keys desk Escape
wait_for desk "前台工作台"
choose desk "居民"
wait_for desk "查找："

# Mark the second record, merge it into the first.
type_text desk "5678"
wait_for desk "共 1 条"
keys desk F9
choose desk "合并到另一条记录（同一人）"
expect desk "the record to keep is found by search" "把 王秀兰 合并到哪条记录？"
type_text desk "wxl"
wait_for desk "王秀蓝"
if screen desk | grep -q "^ *王秀兰 "; then t_fail "the record merged away is not offered" "$(screen desk)"; else t_ok "the record merged away is not offered"; fi
keys desk Enter
expect desk "the merge form opens" "合并同一人的两条记录"
expect desk "differing fields side by side" "保留：王秀蓝 ｜ 并入：王秀兰"
expect desk "the mobile only the second has is taken by default" "手机号: 138****5678"
keys desk Enter
wait_for desk "并入的记录"
keys desk Down Enter
wait_gone desk "并入的记录"
expect desk "the name from the second record is chosen" "姓名: 王秀兰"
keys desk F2
expect desk "merged, and said" "已合并：王秀兰（记录 $away）并入 王秀兰（记录 $keep），其诉求随之转入"

row=$(sqlite3 "$DB" "SELECT name, phone, address, id_number FROM resident WHERE id = $keep")
[ "$row" = "王秀兰|13812345678|滨江道1号楼2门301|120101194501010029" ] && t_ok "the kept record holds what was chosen" ||
    t_fail "the kept record holds what was chosen" "$row"
[ "$(sqlite3 "$DB" "SELECT resident_id FROM request")" = "$keep" ] && t_ok "the request follows the kept record" ||
    t_fail "the request follows the kept record" "$(sqlite3 "$DB" 'SELECT resident_id FROM request')"
tags=$(sqlite3 "$DB" "SELECT group_concat(t.name, ',') FROM (SELECT t.name FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id WHERE rt.resident_id = $keep ORDER BY t.name) t")
case "$tags" in *党员* ) case "$tags" in *空巢老人*) t_ok "both records' tags are kept" ;; *) t_fail "both records' tags are kept" "$tags" ;; esac ;; *) t_fail "both records' tags are kept" "$tags" ;; esac
[ "$(sqlite3 "$DB" "SELECT status, merged_into FROM resident WHERE id = $away")" = "merged|$keep" ] &&
    t_ok "the other record stays on file, merged into the kept one" ||
    t_fail "the other record stays on file, merged into the kept one" "$(sqlite3 "$DB" "SELECT * FROM resident WHERE id = $away")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action IN ('resident-merge', 'resident-merged')")" = 2 ] &&
    t_ok "the audit log records the merge on both" || t_fail "the audit log records the merge on both" "$(sqlite3 "$DB" 'SELECT * FROM audit_log')"
keys desk Escape
wait_for desk "最近登记"
type_text desk "5678"
expect desk "searching finds the kept record only" "共 1 条"
keys desk Enter
expect desk "which has the request's mobile" "手机号    138****5678"
keys desk Escape
wait_for desk "查找："
keys desk Escape
wait_for desk "最近登记"

# Two different valid ID numbers: the clerk is asked, and No keeps them apart.
type_text desk "110101199003074477"
wait_for desk "共 1 条"
keys desk F9
choose desk "合并到另一条记录（同一人）"
wait_for desk "合并到哪条记录"
type_text desk "0127"
wait_for desk "陈一"
keys desk Enter
expect desk "different valid ID numbers are asked about" "通常是两个人。仍要合并吗？"
keys desk n
expect desk "No keeps them apart" "未合并：两条记录各自保留"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE name = '陈一' AND status = ''")" = 2 ] &&
    t_ok "both are still on the register" || t_fail "both are still on the register" "$(sqlite3 "$DB" "SELECT * FROM resident WHERE name = '陈一'")"
# An emptier record of the same person merged with every default taken: the record kept is as it
# was, and the other still goes into it.
keys desk Escape
wait_for desk "最近登记"
type_text desk "0619"
wait_for desk "共 1 条"
keys desk F9
choose desk "合并到另一条记录（同一人）"
wait_for desk "合并到哪条记录"
type_text desk "0527"
wait_for desk "新华路"
keys desk Enter
wait_for desk "仍要合并吗"
keys desk y
wait_for desk "合并同一人的两条记录"
keys desk F2
expect desk "a merge that changes nothing of the record kept is done all the same" "已合并：李四"
db_is "the emptier record is merged into the other" \
    "SELECT status FROM resident WHERE id_number = '120103201503030619'" "merged"
quits desk "bangban ends cleanly"
"$BIN" --db "$DB" check >"$T/check.out" 2>&1 && t_ok "bangban check finds nothing wrong after the merge" ||
    t_fail "bangban check finds nothing wrong after the merge" "$(cat "$T/check.out")"
# A merge pointing at a record itself merged away is damage.
sqlite3 "$DB" "UPDATE resident SET status = 'merged', merged_into = $away WHERE id = $keep"
"$BIN" --db "$DB" check >"$T/check2.out" 2>&1
grep -q "居民 王秀兰（记录 $keep）：合并到的记录本身已被合并" "$T/check2.out" &&
    grep -q "仍有诉求挂在它名下" "$T/check2.out" &&
    t_ok "bangban check names a merge into a merged record, and requests left behind" ||
    t_fail "bangban check names a merge into a merged record, and requests left behind" "$(cat "$T/check2.out")"
t_sanitizers "desk"
