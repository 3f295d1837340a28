# A chooser whose search finds more residents than it lists (the first 50)
# says how many it left out and to type more; typed more, they are listed.
# The resident list, which reads the first 100 found, says so.
. "$(dirname "$0")/lib.sh"

demo_db
"$BIN" --db "$DB" demo --residents 3000 >"$T/demo.out" 2>&1 || e2e_abort "3000 residents could not be made: $(cat "$T/demo.out")"
many=$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE name LIKE '王%'")
[ "$many" -gt 50 ] || e2e_abort "the demo has only $many residents named 王"

open_section desk "诉求" "未办结"
keys desk F7
wait_for desk "登记诉求：选定服务事项"
keys desk Tab
type_text desk "王"
expect desk "the chooser says how many more match and are not listed" "列出 51 项，另有 $((many - 50)) 项未列出：请多输入几个字缩小范围"
one=$(sqlite3 "$DB" "SELECT name FROM resident WHERE name LIKE '王%' GROUP BY name HAVING count(*) = 1 LIMIT 1")
type_text desk "${one#王}"
expect desk "typed more, the count says all are listed" "回车选定，Esc 取消"
expect desk "and the one named is there" "$one"
keys desk Escape
quits desk "quits cleanly"

open_section list "居民" "最近登记"
type_text list "王"
expect list "the resident list says it shows the first 100 of those found" "显示 100 条，共"
quits list "quits cleanly again"
t_sanitizers "chooser cut short"
