# The CLI verbs, checked against golden files: help, version, init, demo,
# check (sound, broken foreign key, damaged index), and every refusal with
# its exit status: no database, not ours, from a newer bangban, bad usage.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"

run help 0 "$BIN" --help
t_golden "help: text" "$E/help.txt" "$T/help.out"
run help-en 0 env LANGUAGE=en "$BIN" --help
t_golden "help: English with LANGUAGE=en" "$E/help-en.txt" "$T/help-en.out"
run version 0 "$BIN" --version
grep -q '^bangban [0-9]' "$T/version.out" && t_ok "version: says bangban and a number" || t_fail "version: says bangban and a number" "$(cat "$T/version.out")"

run missing 3 "$BIN" --db "$T/none.db" check
t_golden "missing: says how to create one" "$E/missing.txt" "$T/missing.out"
[ ! -e "$T/none.db" ] && t_ok "missing: nothing was created" || t_fail "missing: nothing was created"

# init makes the first admin, bound to the system login that ran it (pinned: BANGBAN_USER).
run init 0 env BANGBAN_USER=clerk "$BIN" --db "$T/sub/dir/new.db" init
t_golden "init: output" "$E/init.txt" "$T/init.out"
run init-again 0 env BANGBAN_USER=other "$BIN" --db "$T/sub/dir/new.db" init
t_golden "init: again is harmless (no second admin)" "$E/init-again.txt" "$T/init-again.out"

run demo 0 env BANGBAN_USER=desk1 "$BIN" --db "$T/demo.db" demo
t_golden "demo: output" "$E/demo.txt" "$T/demo.out"
run demo-again 1 "$BIN" --db "$T/demo.db" demo
t_golden "demo: refused on a database that holds a district" "$E/demo-again.txt" "$T/demo-again.out"
run check 0 env BANGBAN_NOW=2026-06-01T09:00 "$BIN" --db "$T/demo.db" check
t_golden "check: a sound database" "$E/check-ok.txt" "$T/check.out"
# In December the demo's calendar (through 2026) no longer reaches the deadlines ahead: said, not failed.
run check-calendar 0 env BANGBAN_NOW=2026-12-04T09:00 "$BIN" --db "$T/demo.db" check
grep -q "^提醒：工作日历只排到 2026 年：2027 年的时限没有计入节假日" "$T/check-calendar.out" &&
    t_ok "check: a calendar that ends before the deadlines ahead is said" ||
    t_fail "check: a calendar that ends before the deadlines ahead is said" "$(cat "$T/check-calendar.out")"

# BANGBAN_DB and the XDG default.
run env-db 0 env BANGBAN_DB="$T/demo.db" "$BIN" check
run xdg-init 0 "$BIN" init
[ -f "$XDG_DATA_HOME/bangban/bangban.db" ] && t_ok "default database under XDG_DATA_HOME" || t_fail "default database under XDG_DATA_HOME" "$(ls -R "$T")"

# A foreign key broken behind bangban's back.
cp "$T/demo.db" "$T/fk.db"
sqlite3 "$T/fk.db" "PRAGMA foreign_keys=OFF; UPDATE grid SET community_id = 9999 WHERE id = 7;"
run check-fk 4 env BANGBAN_NOW=2026-06-01T09:00 "$BIN" --db "$T/fk.db" check
t_golden "check: a broken foreign key is named" "$E/check-fk.txt" "$T/check-fk.out"

# A damaged index page (page of grid_community, found from the schema).
cp "$T/demo.db" "$T/bad.db"
page=$(sqlite3 "$T/bad.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'grid_community'")
size=$(sqlite3 "$T/bad.db" "PRAGMA page_size")
printf '\001\002\003\004\005\006\007\010' | dd of="$T/bad.db" bs=1 seek=$(((page - 1) * size + size - 120)) conv=notrunc 2>/dev/null
run check-damaged 4 "$BIN" --db "$T/bad.db" check
grep -q "problems found\|发现 .* 个问题" "$T/check-damaged.out" && t_ok "check: damage is reported" || t_fail "check: damage is reported" "$(cat "$T/check-damaged.out")"

# Files that are not ours, and a database from a newer bangban.
printf '姓名,性别\n张三,男\n' >"$T/ledger.csv"
run not-ours 3 "$BIN" --db "$T/ledger.csv" check
t_golden "not ours: a CSV file" "$E/not-ours.txt" "$T/not-ours.out"
cp "$T/demo.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 999"
run newer 3 "$BIN" --db "$T/newer.db" check
t_golden "newer: refused with a clear message" "$E/newer.txt" "$T/newer.out"

run unknown 2 "$BIN" frobnicate
head -1 "$T/unknown.out" >"$T/unknown1.out"
t_golden "unknown command" "$E/unknown.txt" "$T/unknown1.out"
run extra-arg 2 "$BIN" --db "$T/demo.db" check now
run bad-option 2 "$BIN" --frobnicate
t_sanitizers "commands"
