# Many writers on one database: eight imports started together all finish
# (they queue, none gives up busy) with every row in; and while a long
# import writes, a one-row save waits a fraction of a second, not the
# whole import (the import commits in batches and lets go between them).
. "$(dirname "$0")/../lib.sh"

SRC="$T/src.db"
# Residents alone: no demo organisations or volunteers to make first.
"$BIN" --db "$SRC" demo --residents 8000 --organisations 0 --volunteers 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$SRC" export residents "$T/all.csv" --unmasked --reason 测试 >/dev/null
head -n 1 "$T/all.csv" >"$T/head"
for i in 0 1 2 3 4 5 6 7; do
    { cat "$T/head"; tail -n +2 "$T/all.csv" | awk -v i="$i" 'NR % 8 == i'; } >"$T/part$i.csv"
done

DB="$T/many.db"
"$BIN" --db "$DB" demo --residents 0 --organisations 0 --volunteers 0 >/dev/null
start=$(date +%s)
pids=""
for i in 0 1 2 3 4 5 6 7; do
    "$BIN" --db "$DB" import residents "$T/part$i.csv" >"$T/w$i.out" 2>&1 &
    pids="$pids $!"
done
failed=0
for pid in $pids; do wait "$pid" || failed=$((failed + 1)); done
took=$(($(date +%s) - start))
if [ "$failed" = 0 ] && ! grep -l -e "忙" -e "busy" -e "locked" "$T"/w*.out >/dev/null; then
    t_ok "eight imports at once: all finish, none gives up busy (${took} s)"
else
    t_fail "eight imports at once: all finish, none gives up busy" "$failed failed" "$(cat "$T"/w*.out | head -20)"
fi
db_is "eight imports at once: every row is in, none twice" "SELECT count(*) || ' ' || count(DISTINCT id_number) FROM resident" "8000 8000"
t_check "eight imports at once: the database passes check" "$BIN" --db "$DB" check

# A long import that changes every row, and one-row saves meanwhile.
sed '2,$s/,\([^,]*\)$/,批量改过\1/' "$T/all.csv" >"$T/changed.csv"
printf '%s\r\n' "姓名,居民身份证号" "周八,110105194912310070" >"$T/one.csv"
BEGUN="SELECT count(*) FROM audit_log WHERE action = 'import-begun'"
begun=$(sqlite3 "$DB" "$BEGUN")
"$BIN" --db "$DB" import residents "$T/changed.csv" >"$T/long.out" 2>&1 &
long=$!
# Wait until it is writing: its first batch, with its import-begun row, is committed.
wait_until "$T" 60 db_gives "$DB" "$BEGUN" $((begun + 1)) ||
    t_fail "the long import begins" "$(cat "$T/long.out")"
# Each save says when it waited a second or more for the lock; none may.
worst=0
n=0
waited=0
while kill -0 "$long" 2>/dev/null && [ $n -lt 5 ]; do
    t0=$(date +%s%N)
    "$BIN" --db "$DB" import residents "$T/one.csv" >"$T/one.out" 2>&1
    ms=$((($(date +%s%N) - t0) / 1000000))
    [ "$ms" -gt "$worst" ] && worst=$ms
    grep -q "正在等待数据库" "$T/one.out" && waited=$((waited + 1))
    n=$((n + 1))
done
# The saves ran while the import was still changing rows: not all of them were changed yet.
after=$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE note LIKE '批量改过%'")
wait "$long"
long_status=$?
if [ "$after" -ge 8000 ]; then
    t_fail "the saves ran while the long import was writing" "all 8000 rows were changed before the last save"
else
    t_ok "the saves ran while the long import was writing ($after of 8000 rows changed by the last)"
fi
if [ "$n" -gt 0 ] && [ "$waited" = 0 ]; then
    t_ok "a one-row save during a long import never waits a second for it ($n saves, the slowest ${worst} ms with the process's start)"
else
    t_fail "a one-row save during a long import never waits a second for it" "saves: $n, waited a second or more: $waited, slowest: ${worst} ms"
fi
[ "$long_status" = 0 ] && grep -q "更新 8000" "$T/long.out" && t_ok "the long import finishes with every row" ||
    t_fail "the long import finishes with every row" "$(cat "$T/long.out")"
t_sanitizers "busy"
