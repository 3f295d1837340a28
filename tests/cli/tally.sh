# The residents counted by status (what the home screen shows) against the
# register: a demo and an import keep them right; a count changed behind
# bangban's back is named by check (exit status 4) and put right by
# check --fix, which is audited; check --fix on a sound database writes nothing.
# Residents found by phone likewise.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/t.db"
NOW=2026-06-01T09:00
tally() { sqlite3 "$DB" "SELECT group_concat(status || '=' || n, ' ') FROM (SELECT * FROM resident_tally ORDER BY status)"; }

"$BIN" --db "$DB" demo --residents 300 --organisations 0 --volunteers 0 >/dev/null
[ "$(tally)" = "=300 deceased=0 merged=0 moved=0" ] && t_ok "demo: the tally holds its residents" || t_fail "demo: the tally holds its residents" "$(tally)"
printf '%s\r\n' "姓名,居民身份证号" "周八,110105194912310070" "吴九,110105198001010024" >"$T/two.csv"
run import 0 "$BIN" --db "$DB" import residents "$T/two.csv"
[ "$(tally)" = "=302 deceased=0 merged=0 moved=0" ] && t_ok "import: two more on the register, two more in the tally" || t_fail "import: two more on the register, two more in the tally" "$(tally)"
run sound 0 env BANGBAN_NOW=$NOW "$BIN" --db "$DB" check
run fix-sound 0 env BANGBAN_NOW=$NOW "$BIN" --db "$DB" check --fix
grep -q "重新清点" "$T/fix-sound.out" && t_fail "check --fix: a sound tally is left alone" "$(cat "$T/fix-sound.out")" || t_ok "check --fix: a sound tally is left alone"

sqlite3 "$DB" "UPDATE resident_tally SET n = n + 7 WHERE status = ''; UPDATE resident_tally SET n = 2 WHERE status = 'moved'"
run wrong 4 env BANGBAN_NOW=$NOW "$BIN" --db "$DB" check
t_golden "check: a wrong count is named, status by status" "$E/check-tally.txt" "$T/wrong.out"
run fix 0 env BANGBAN_NOW=$NOW BANGBAN_USER=admin "$BIN" --db "$DB" check --fix
t_golden "check --fix: counts again, then finds the database sound" "$E/check-tally-fix.txt" "$T/fix.out"
[ "$(tally)" = "=302 deceased=0 merged=0 moved=0" ] && t_ok "check --fix: the tally is the register's again" || t_fail "check --fix: the tally is the register's again" "$(tally)"
[ "$(sqlite3 "$DB" "SELECT detail FROM audit_log WHERE action = 'resident-recount'")" = "present 309 -> 302, moved 2 -> 0, deceased 0 -> 0, merged 0 -> 0" ] &&
    t_ok "check --fix: the recount is audited, what was kept beside what was counted" ||
    t_fail "check --fix: the recount is audited, what was kept beside what was counted" "$(sqlite3 "$DB" "SELECT * FROM audit_log WHERE action = 'resident-recount'")"

# Residents found by phone (resident_phone) against their rows: an entry gone, one left over with
# a phone its resident no longer has, both named by check and filed again by check --fix.
sqlite3 "$DB" "DELETE FROM resident_phone WHERE rev = (SELECT min(rev) FROM resident_phone)"
sqlite3 "$DB" "INSERT INTO resident_phone (rev, resident_id) SELECT '99999999999', min(id) FROM resident"
run phones-wrong 4 env BANGBAN_NOW=$NOW "$BIN" --db "$DB" check
grep -q "居民：1 人按手机号查不到，1 条按已不用的手机号查到" "$T/phones-wrong.out" &&
    t_ok "check: residents not found by their phone, and entries of a phone gone, are counted" ||
    t_fail "check: residents not found by their phone, and entries of a phone gone, are counted" "$(cat "$T/phones-wrong.out")"
run phones-fix 0 env BANGBAN_NOW=$NOW BANGBAN_USER=admin "$BIN" --db "$DB" check --fix
grep -q "已按手机号重新登记居民" "$T/phones-fix.out" && t_ok "check --fix: files them again, saying so" ||
    t_fail "check --fix: files them again, saying so" "$(cat "$T/phones-fix.out")"
db_is "check --fix: every resident with a phone is found by it, nothing else" \
    "SELECT (SELECT count(*) FROM resident_phone) = (SELECT count(*) FROM resident WHERE phone_rev IS NOT NULL), (SELECT count(*) FROM resident_phone WHERE rev = '99999999999')" "1|0"
run audit 0 "$BIN" --db "$DB" audit verify
run bad-option 2 "$BIN" --db "$DB" check --mend
t_sanitizers "tally"
