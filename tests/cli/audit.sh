# The audit log is a hash chain: `audit verify` walks it and says the chain
# is whole, or names the first row changed, removed or slipped in with
# sqlite3 behind bangban's back (exit status 4, as check's); `check` says
# the same; bangban's own writes keep it whole.
. "$(dirname "$0")/../lib.sh"

E="$(dirname "$0")/expected"
DB="$T/a.db"
"$BIN" --db "$DB" demo --residents 30 --organisations 0 --volunteers 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/x.csv" --unmasked --reason 核对 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/y.csv" --unmasked --reason 走访 >/dev/null
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")

run verify-whole 0 "$BIN" --db "$DB" audit verify
grep -q "^操作日志：共 $n 行，哈希链完整，链尾 [0-9a-f]\{16\}$" "$T/verify-whole.out" &&
    t_ok "audit verify: the chain is whole, every row walked" || t_fail "audit verify: the chain is whole, every row walked" "$(cat "$T/verify-whole.out")"
run verify-usage 2 "$BIN" --db "$DB" audit
t_check "check: a whole chain is no damage" "$BIN" --db "$DB" check

# tamper NAME SQL: a copy of the database changed behind bangban's back.
tamper() {
    cp "$DB" "$T/$1.db"
    sqlite3 "$T/$1.db" "DROP TRIGGER audit_log_append_only_update; DROP TRIGGER audit_log_append_only_delete; $2"
}
tamper changed "UPDATE audit_log SET detail = '核对（改）' WHERE seq = 2"
run changed 4 "$BIN" --db "$T/changed.db" audit verify
grep -q "操作日志：第 2 行与其哈希不符" "$T/changed.out" && t_ok "a row changed is named" || t_fail "a row changed is named" "$(cat "$T/changed.out")"
tamper removed "DELETE FROM audit_log WHERE seq = 2"
run removed 4 "$BIN" --db "$T/removed.db" audit verify
grep -q "操作日志：第 3 行之前缺行" "$T/removed.out" && t_ok "a row removed is found where the numbers jump" || t_fail "a row removed is found where the numbers jump" "$(cat "$T/removed.out")"
tamper slipped "INSERT INTO audit_log (seq, at, actor, action) VALUES ($((n + 1)), '2026-01-01 00:00:00', '某人', 'reveal')"
run slipped 4 "$BIN" --db "$T/slipped.db" audit verify
grep -q "操作日志：第 $((n + 1)) 行没有哈希" "$T/slipped.out" && t_ok "a row slipped in is found" || t_fail "a row slipped in is found" "$(cat "$T/slipped.out")"
tamper cut "DELETE FROM audit_log WHERE seq = $n"
run cut 4 "$BIN" --db "$T/cut.db" audit verify
grep -q "操作日志：止于第 $((n - 1)) 行" "$T/cut.out" && t_ok "the last row removed is found against the head kept beside the chain" || t_fail "the last row removed is found against the head kept beside the chain" "$(cat "$T/cut.out")"
run check-changed 4 "$BIN" --db "$T/changed.db" check
grep -q "操作日志：第 2 行与其哈希不符" "$T/check-changed.out" && t_ok "check names it too" || t_fail "check names it too" "$(cat "$T/check-changed.out")"
