# The residents counted on the home screen and by the 居民 list's empty
# search (read from the counts kept with the register, not counted row by
# row): three imported; 张三丰 moved out at the desk, and the list and the
# home screen both count two on the register (a record moved out, deceased
# or merged into another is no resident of it); bangban check finds the
# kept counts right.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-03-02T09:30"
demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三,110101199003074477,13800138000" \
    "张三丰,120101195601010127,13900001111" "孙丽,120104197001010527,13512345678" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"

start desk "$NOW"
expect desk "the home screen counts the residents" "居民 3 人"
choose desk "居民"
wait_for desk "最近登记"
expect desk "the empty search counts those on the register" "共 3 条"

type_text desk "张三丰"
wait_for desk "共 1 条"
keys desk Enter
wait_for desk "号码已遮蔽"
keys desk F9
choose desk "迁出、死亡或恢复在册"
choose desk "迁出"
for step in "迁出日期:2026-02-28" "迁往:河北区" "理由或依据:本人来电告知"; do
    wait_for desk "${step%%:*}"
    keys desk C-u
    type_text desk "${step#*:}"
    keys desk Enter
    wait_gone desk "${step%%:*}"
done
wait_for desk "张三丰：迁出，已记入操作日志"
keys desk Escape
wait_for desk "查找："
keys desk Escape
wait_for desk "最近登记"
expect desk "moved out, one fewer on the register" "共 2 条"
keys desk Escape
expect desk "the home screen counts those on the register, as the list" "居民 2 人"

[ "$(sqlite3 "$DB" "SELECT n FROM resident_tally WHERE status = 'moved'")" = 1 ] &&
    t_ok "the move is counted in the same write" || t_fail "the move is counted in the same write" "$(sqlite3 "$DB" 'SELECT * FROM resident_tally')"
if "$BIN" --db "$DB" check >"$T/check.out" 2>&1; then t_ok "check finds the counts right"; else t_fail "check finds the counts right" "$(cat "$T/check.out")"; fi

# A register of more than the thousand a search counts to: the empty search says how many, as the
# home screen does (it said 超过 1000 条).
"$BIN" --db "$T/many.db" demo --residents 1200 --organisations 0 --volunteers 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$T/many.db" export residents "$T/many.csv" --unmasked --reason 测试 >/dev/null
"$BIN" --db "$DB" import residents "$T/many.csv" >"$T/many.out" 2>&1 ||
    t_fail "1,200 more residents are imported" "$(cat "$T/many.out")"
n=$(sqlite3 "$DB" "SELECT n FROM resident_tally WHERE status = ''")
choose desk "居民"
wait_for desk "最近登记"
expect desk "the empty search of a register of $n counts them all" "共 $n 条"
keys desk Escape
expect desk "as the home screen" "居民 $n 人"
quits desk "quits cleanly"
