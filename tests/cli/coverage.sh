# The coverage a street's party office checks every month, through the
# CLI: report coverage on the demo district (one building whose 楼长 left
# without a successor, two posts ending within 30 days), a 楼长 given
# more buildings than the load named with their count, --load and --on,
# and a day that is none refused naming the option; report posts (岗位与
# 交接记录): who holds which post where, the vacancies, the hand-overs of
# a period and the posts that ended with nobody taking over.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/c.db"
export BANGBAN_NOW="2026-03-02 09:30"
demo_at "$DB"

run coverage 0 "$BIN" --db "$DB" report coverage
t_golden "report coverage: what lacks a 楼长, 网格员 or 街长, and what ends soon" \
    "$E/coverage.txt" "$T/coverage.out"

run posts-record 0 "$BIN" --db "$DB" report posts --from 2025-01-01 --to 2026-03-02 --kind 楼长
t_golden "report posts: who holds which 楼长 post, the vacancies, the hand-overs of the period" \
    "$E/posts-record.txt" "$T/posts-record.out"
run posts-record-bad 2 "$BIN" --db "$DB" report posts --kind 楼主
grep -q "^bangban: --kind 楼主: 请写岗位：街长、片长、楼长" "$T/posts-record-bad.out" &&
    t_ok "report posts --kind: a post that is none is named, with the posts" ||
    t_fail "report posts --kind: a post that is none is named, with the posts" "$(cat "$T/posts-record-bad.out")"
run posts-record-order 2 "$BIN" --db "$DB" report posts --from 2026-03-02 --to 2026-01-01

# The first 党建社工 made 楼长 of five residential blocks besides their building.
sqlite3 "$DB" "INSERT INTO post (staff_id, kind, building_id, start_on, created_at, created_by,
    updated_at, updated_by) SELECT (SELECT staff_id FROM post WHERE kind = 'building_chief'
    AND end_on = '' ORDER BY id LIMIT 1), 'building_chief', id, '2026-01-01', '', 't', '', 't'
    FROM building WHERE kind = 'residential' ORDER BY code LIMIT 5"
run coverage-load 0 "$BIN" --db "$DB" report coverage --load 5
t_golden "report coverage: a 楼长 over the load, with their buildings counted" \
    "$E/coverage-load.txt" "$T/coverage-load.out"
run coverage-load6 0 "$BIN" --db "$DB" report coverage --load 6
grep -q "（超过 6 座）：0" "$T/coverage-load6.out" && t_ok "report coverage: --load sets the load" ||
    t_fail "report coverage: --load sets the load" "$(cat "$T/coverage-load6.out")"

run coverage-before 0 "$BIN" --db "$DB" report coverage --on 2023-12-31
grep -q "^无街长的街道：6$" "$T/coverage-before.out" &&
    t_ok "report coverage --on: a day before the 街长 were posted lacks all six" ||
    t_fail "report coverage --on: a day before the 街长 were posted lacks all six" "$(head -20 "$T/coverage-before.out")"

run coverage-bad 2 "$BIN" --db "$DB" report coverage --on 2026-02-30
grep -q -- "--on 2026-02-30" "$T/coverage-bad.out" && t_ok "report coverage: a day that is none is named" ||
    t_fail "report coverage: a day that is none is named" "$(cat "$T/coverage-bad.out")"
t_sanitizers "coverage"
