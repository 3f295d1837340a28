# Hostile text, in and out. In: a NUL, an escape sequence, a bidi override
# or an invisible character in any cell of any kind of ledger refuses the
# row, named by line and column, and nothing of it is stored cut short.
# Out: text already in the database with controls in it (an older row, a
# hand edit) never reaches the terminal or a receipt as a control.
. "$(dirname "$0")/../lib.sh"

DB="$T/h.db"
"$BIN" --db "$DB" demo --residents 0 --requests 3 --years 1 >/dev/null

# The bad cells of every kind: a NUL, an OSC sequence with BEL, RLO, a zero width space.
bad() { printf '%b' "$1" >"$T/$2"; }
bad '姓名,性别,居民身份证号,手机号,人员标签,住址\n张\0三,男,11010519491231002X,13800138000,,和平路1号\n李四,男,110105194912310037,13800138001,党\0员,和平路2号\n王五,男,110105194912310045,13800138002,\033]0;pwn\007,和平路3号\n赵六,男,110105194912310053,13800138003,,\342\200\256号1路平和\n钱七,男,110105194912310061,13800138004,,和平\342\200\213路\n' residents.csv
bad '事项编码,事项名称,类别,责任单位,受理时限,办结时限\nX1,低保\0申请,服务群众,区民政局,1天,5天\nX2,\033[2J清屏,服务群众,区民政局,1天,5天\n' catalogue.csv
bad '类别编码,类别名称\nA1,楼\0长\nA2,\342\201\246隔离\n' staff.csv
bad '日期,类型,名称\n2026-10-01,休,国庆\0节\n2026-10-02,休,\302\233节\n' calendar.csv
for kind in residents:residents.csv catalogue:catalogue.csv staff-kinds:staff.csv calendar:calendar.csv; do
    k=${kind%%:*} f=${kind#*:}
    run "hostile-$k" 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import "$k" "$T/$f"
    rows=$(grep -o '^第 [0-9]* 行' "$T/hostile-$k.out" | sort -u | wc -l) # a row may have more
    want=$(($(wc -l <"$T/$f") - 1))
    if [ "$rows" = "$want" ] && grep -q "退回 $want" "$T/hostile-$k.out"; then
        t_ok "import $k: every row with a NUL, control or invisible character is refused"
    else
        t_fail "import $k: every row with a NUL, control or invisible character is refused" "$(cat "$T/hostile-$k.out")"
    fi
done
grep -q '第 2 行「姓名」：空字节 NUL（本行第 2 个字符处）不是文字' "$T/hostile-residents.out" &&
    grep -q '第 3 行「人员标签」：空字节 NUL' "$T/hostile-residents.out" &&
    grep -q '第 4 行「人员标签」：第 1 个字符是控制字符（U+001B），不能保存' "$T/hostile-residents.out" &&
    grep -q '第 5 行「住址」：第 1 个字符是文字方向控制符（U+202E）' "$T/hostile-residents.out" &&
    grep -q '第 6 行「住址」：第 3 个字符是看不见的格式字符（U+200B）' "$T/hostile-residents.out" &&
    t_ok "import: each refusal says the line, the column, the character and why" ||
    t_fail "import: each refusal says the line, the column, the character and why" "$(cat "$T/hostile-residents.out")"
db_is "import: no name or tag was stored cut short at a NUL" \
    "SELECT (SELECT count(*) FROM resident) + (SELECT count(*) FROM tag WHERE name = '党')" 0
# The report itself quotes nothing raw.
if grep -q "$(printf '\033')" "$T"/hostile-*.out; then
    t_fail "import: the report carries no escape character" "$(od -c "$T/hostile-residents.out" | head)"
else
    t_ok "import: the report carries no escape character"
fi

# Out: controls written behind bangban's back are shown as '?'.
printf '%s\n' "姓名,居民身份证号" "周八,110105194912310070" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null
sqlite3 "$DB" "UPDATE resident SET name = '周八' || char(27) || ']0;pwn' || char(7), address = char(8238) WHERE name = '周八'"
run hostile-find 0 "$BIN" --db "$DB" find residents 周八
if LC_ALL=C grep -q "$(printf '[\033\007]')" "$T/hostile-find.out" || grep -q "$(printf '\342\200\256')" "$T/hostile-find.out"; then
    t_fail "find: stored escape sequences and bidi overrides are not printed" "$(od -c "$T/hostile-find.out" | head)"
elif grep -q '周八?\]0;pwn?' "$T/hostile-find.out"; then
    t_ok "find: stored escape sequences and bidi overrides are not printed"
else
    t_fail "find: stored escape sequences and bidi overrides are not printed" "$(cat "$T/hostile-find.out")"
fi
number=$(sqlite3 "$DB" "SELECT number FROM request LIMIT 1")
sqlite3 "$DB" "UPDATE request SET title = '修' || char(27) || '[31m' || '灯' WHERE number = '$number'"
run hostile-receipt 0 "$BIN" --db "$DB" print receipt "$number" --output "$T/receipt.txt"
if LC_ALL=C grep -q "$(printf '\033')" "$T/receipt.txt"; then
    t_fail "print receipt: a stored escape sequence never reaches the printer" "$(od -c "$T/receipt.txt" | head)"
elif grep -q '修?\[31m灯' "$T/receipt.txt"; then
    t_ok "print receipt: a stored escape sequence never reaches the printer"
else
    t_fail "print receipt: a stored escape sequence never reaches the printer" "$(cat "$T/receipt.txt")"
fi
t_sanitizers "hostile text"
