# A demo killed halfway is finished by running it again: the residents it
# made are kept, the requests committed before the kill are kept, and the
# rest are made so that the whole is what an uninterrupted run makes.
. "$(dirname "$0")/../lib.sh"

export BANGBAN_NOW="2026-06-30 10:00"
DB="$T/killed.db"
"$BIN" --db "$DB" demo --residents 500 --requests 41000 --years 1 >"$T/first.out" 2>&1 &
pid=$!
# Kill it once its first batch of requests (20,000) is committed.
wait_until "$T" 120 db_gives "$DB" "SELECT count(*) >= 20000 FROM request" 1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
stored=$(sqlite3 "$DB" "SELECT count(*) FROM request")
if [ "$stored" -gt 0 ] && [ "$stored" -lt 41000 ]; then
    t_ok "demo: killed after its first batch ($stored requests stored)"
else
    t_fail "demo: killed after its first batch" "stored: $stored" "$(cat "$T/first.out")"
fi
# The requests' indexes stay while they are written: the killed run left them all.
db_is "demo: the request indexes were there all along" \
    "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('request', 'request_event')
       AND name IN ('request_closed', 'request_rates', 'request_unit', 'request_event_request')" "4"
run demo-again 0 "$BIN" --db "$DB" demo --residents 500 --requests 41000 --years 1
grep -q "已有之前生成的 500 位演示居民" "$T/demo-again.out" && grep -q "中断的生成已完成" "$T/demo-again.out" &&
    t_ok "demo again: says it kept the residents and finished the interrupted run" ||
    t_fail "demo again: says it kept the residents and finished the interrupted run" "$(cat "$T/demo-again.out")"
db_is "demo again: every request is there once" "SELECT count(*) || ' ' || count(DISTINCT number) FROM request" "41000 41000"
t_check "demo again: the database passes check" "$BIN" --db "$DB" check

# The same as a run that was never killed.
"$BIN" --db "$T/whole.db" demo --residents 500 --requests 41000 --years 1 >/dev/null 2>&1
digest() { sqlite3 "$1" "SELECT number, title, status, unit_id, requester, accept_due, closed_at, satisfaction FROM request ORDER BY id" | md5sum; }
[ "$(digest "$DB")" = "$(digest "$T/whole.db")" ] && t_ok "demo again: the requests are those of an uninterrupted run" ||
    t_fail "demo again: the requests are those of an uninterrupted run"
run demo-third 1 "$BIN" --db "$DB" demo --requests 10
t_sanitizers "demo resume"
