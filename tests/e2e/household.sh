# A household at the keyboard: registering 李小军, the clerk chooses 李建国
# as the head of the household, and the head's address, community and
# grid appear in the form at once; the clerk can still change them (the
# flat number here) before saving; the record holds the head, the
# relation and what was on screen; the head's record lists the household.
# The head of a household of their own is 本人 to it, and nothing else. A
# grid chosen fills in its community.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,所属社区,所属网格,住址" \
    "李建国,110101199003074477,滨江道社区,滨江道第1网格,滨江道1号楼2门301" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null
sqlite3 "$DB" "UPDATE resident SET head_id = id, relation = '本人'"

open_residents desk
keys desk F7
wait_for desk "登记新居民"
type_text desk "李小军"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Enter
wait_for desk "（本人即户主）"
type_text desk "ljg"
wait_for desk "李建国"
keys desk Down Enter
wait_gone desk "回车选定"
expect desk "the head's address is copied into the form at once" "地址: 滨江道1号楼2门301"
expect desk "with the community" "所属社区: 滨江道社区"
expect desk "and the grid" "所属网格: 滨江道第1网格"
# The clerk changes the flat: the copy is a start, not a rule.
keys desk BTab
keys desk C-u
type_text desk "滨江道1号楼2门302"
keys desk Tab Tab Enter
wait_for desk "回车选定"
type_text desk "zi"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "回车选定"
keys desk F2
expect desk "saved" "已保存：李小军"
row=$(sqlite3 "$DB" "SELECT c.name, g.name, r.address, h.name, r.relation FROM resident r
    JOIN community c ON c.id = r.community_id JOIN grid g ON g.id = r.grid_id
    JOIN resident h ON h.id = r.head_id WHERE r.name = '李小军'")
want="滨江道社区|滨江道第1网格|滨江道1号楼2门302|李建国|子"
[ "$row" = "$want" ] && t_ok "the record holds the head and the address as edited" || t_fail "the record holds the head and the address as edited" "want $want" "got  $row"
type_text desk "ljg"
wait_for desk "共 1 条"
keys desk Enter
expect desk "the head's record lists the household" "同户成员（2 人）：李建国 本人；李小军 子"
# The head of a household of their own: 本人 at once; another relation is refused at F2.
keys desk Escape
wait_gone desk "同户成员"
keys desk F7
wait_for desk "登记新居民"
type_text desk "王立新"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Enter
wait_for desk "（本人即户主）"
keys desk Enter
wait_gone desk "回车选定"
expect desk "the head of a household of their own is 本人 to it at once" "与户主关系: 本人"
keys desk Tab Enter
wait_for desk "回车选定"
type_text desk "配偶"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "回车选定"
keys desk F2
expect desk "another relation for the head is refused" "户主本人与户主的关系是「本人」"
db_is "and nothing is saved" "SELECT count(*) FROM resident WHERE name = '王立新'" 0
keys desk Escape Escape
wait_for desk "放弃"
keys desk y
wait_gone desk "登记新居民"
# A grid chosen with no community chosen: the community is the grid's.
keys desk F7
wait_for desk "登记新居民"
type_text desk "赵立"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Enter
wait_for desk "回车选定"
type_text desk "花园路第2"
wait_for desk "共 1 项"
keys desk Enter
wait_gone desk "回车选定"
expect desk "a grid chosen fills in its community" "所属社区: 花园路社区"
keys desk Escape Escape
wait_for desk "放弃"
keys desk y
wait_gone desk "登记新居民"
quits desk "quits cleanly"
t_sanitizers "desk"
