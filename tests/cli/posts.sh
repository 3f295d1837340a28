# The posts ledger (岗位台账) through the CLI, by the shared importer and
# exporter: the demo's posts exported (phones masked, or full with a
# reason, audited) and imported back changing nothing; a GB18030 ledger
# with every kind of bad row reported by line, column and reason, with its
# rejects file byte for byte; the holder found by name and phone or added;
# a dry run writing nothing; twice changing nothing.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/p.db"
export BANGBAN_NOW="2026-03-02 09:30"
demo_at "$DB"
export BANGBAN_USER=supervisor # the demo's supervisor, who may edit posts

run posts-export 0 "$BIN" --db "$DB" export posts "$T/posts.csv"
tr -d '\r' <"$T/posts.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/posts.txt"
head -12 "$T/posts.txt" >"$T/posts-head.txt"
t_golden "export posts: the demo's posts by place, phones masked" "$E/posts-head.txt" "$T/posts-head.txt"
db_is "export posts: every post written" "SELECT count(*) + 1 FROM post" "$(wc -l <"$T/posts.txt")"

run posts-full 0 "$BIN" --db "$DB" export posts "$T/full.csv" --unmasked --reason "核对岗位"
db_is "export posts --unmasked: audited with its reason" \
    "SELECT count(*) FROM audit_log WHERE action = 'export-unmasked' AND subject = 'post:*'
     AND detail LIKE '%核对岗位'" 1
run posts-back 0 "$BIN" --db "$DB" import posts "$T/full.csv"
grep -q "新增 0，更新 0，未变 668" "$T/posts-back.out" && t_ok "import posts: its own export changes nothing" ||
    t_fail "import posts: its own export changes nothing" "$(cat "$T/posts-back.out")"

# A ledger exported at a desk in English imports at a desk in Chinese, and the other way round: the
# post's name is known in either language.
run posts-full-en 0 env LANGUAGE=en "$BIN" --db "$DB" export posts "$T/full-en.csv" --unmasked --reason "核对岗位"
run posts-back-en 0 "$BIN" --db "$DB" import posts "$T/full-en.csv"
run posts-back-zh 0 env LANGUAGE=en "$BIN" --db "$DB" import posts "$T/full.csv"
grep -q "^Street chief," "$T/full-en.csv" && grep -q "新增 0，更新 0，未变 668" "$T/posts-back-en.out" &&
    grep -q "imported 0, updated 0, unchanged 668" "$T/posts-back-zh.out" &&
    t_ok "import posts: a ledger exported in English imports in Chinese, and the other way round" ||
    t_fail "import posts: a ledger exported in English imports in Chinese, and the other way round" "$(head -3 "$T/posts-back-en.out" "$T/posts-back-zh.out")"

# A ledger without the 任命单位 column leaves every post's appointer as it is.
cut -d, --complement -f 10 "$T/full.csv" >"$T/no-appointer.csv"
run posts-no-appointer 0 "$BIN" --db "$DB" import posts "$T/no-appointer.csv"
grep -q "新增 0，更新 0，未变 668" "$T/posts-no-appointer.out" &&
    db_gives "$DB" "SELECT count(*) FROM post WHERE appointed_by = ''" 0 &&
    t_ok "import posts: a column the ledger lacks changes nothing" ||
    t_fail "import posts: a column the ledger lacks changes nothing" "$(cat "$T/posts-no-appointer.out")"

# Spaces around a post's name (「街长 」) are no part of it.
sed '2s/^街长,/街长 ,/' "$T/full.csv" >"$T/spaced.csv"
run posts-spaced 0 "$BIN" --db "$DB" import posts "$T/spaced.csv"
grep -q "新增 0，更新 0，未变 668" "$T/posts-spaced.out" &&
    t_ok "import posts: spaces around a post's name are read past" ||
    t_fail "import posts: spaces around a post's name are read past" "$(cat "$T/posts-spaced.out")"

# The sitting 街长 written with a new phone, or none: the holder on file (three staff share the
# name), the new number theirs, said and counted as an update (in the dry run too); not a hand-over.
{
    head -1 "$T/full.csv"
    sed -n '2s/,\t[0-9]*,/,\t13999990001,/p' "$T/full.csv"
} >"$T/new-phone.csv"
holder=$(sqlite3 "$DB" "SELECT staff_id FROM post WHERE kind = 'street_chief' AND end_on = '' ORDER BY id LIMIT 1")
run posts-new-phone-dry 0 "$BIN" --db "$DB" import posts "$T/new-phone.csv" --dry-run
run posts-new-phone 0 "$BIN" --db "$DB" import posts "$T/new-phone.csv"
grep -q "已按台账更新电话的工作人员：" "$T/posts-new-phone.out" && grep -q "更新 1，未变 0，跳过 0，退回 0" "$T/posts-new-phone.out" &&
    grep -q "更新 1，未变 0，跳过 0，退回 0" "$T/posts-new-phone-dry.out" &&
    db_gives "$DB" "SELECT phone FROM staff WHERE id = $holder" 13999990001 &&
    t_ok "import posts: a holder written with a new phone is the holder on file, the number theirs" ||
    t_fail "import posts: a holder written with a new phone is the holder on file, the number theirs" "$(cat "$T/posts-new-phone-dry.out" "$T/posts-new-phone.out")"
# The same for a 网格员, a post several hold at one grid (no clash finds the holder on file): the
# holder on file, not a second one added.
{
    head -1 "$T/full.csv"
    grep -m 1 '^网格员,' "$T/full.csv" | sed 's/,\t[0-9]*,/,\t13999990002,/'
} >"$T/grid-phone.csv"
grid_name=$(sed -n 2p "$T/grid-phone.csv" | cut -d, -f4)
staff_before=$(sqlite3 "$DB" "SELECT count(*) FROM staff")
run posts-grid-phone 0 "$BIN" --db "$DB" import posts "$T/grid-phone.csv"
grep -q "更新 1，未变 0，跳过 0，退回 0" "$T/posts-grid-phone.out" && ! grep -q "新增的工作人员" "$T/posts-grid-phone.out" &&
    db_gives "$DB" "SELECT count(*) FROM staff" "$staff_before" &&
    db_gives "$DB" "SELECT phone FROM staff WHERE name = '$grid_name' AND phone = '13999990002'" 13999990002 &&
    t_ok "import posts: a 网格员 written with a new phone is the holder on file, the number theirs" ||
    t_fail "import posts: a 网格员 written with a new phone is the holder on file, the number theirs" "$(cat "$T/grid-phone.csv" "$T/posts-grid-phone.out")"
cut -d, --complement -f 5 "$T/new-phone.csv" >"$T/no-phone.csv"
run posts-no-phone 0 "$BIN" --db "$DB" import posts "$T/no-phone.csv"
grep -q "未变 1，跳过 0，退回 0" "$T/posts-no-phone.out" &&
    t_ok "import posts: a holder written without a phone is the holder on file" ||
    t_fail "import posts: a holder written without a phone is the holder on file" "$(cat "$T/posts-no-phone.out")"

cp "$TOP/tests/data/posts-bad.gb18030.csv" "$T/bad.csv"
run posts-dry 5 "$BIN" --db "$DB" import posts "$T/bad.csv" --dry-run
db_is "import posts --dry-run: nothing written" "SELECT count(*) FROM staff WHERE name = '司马红梅'" 0
run posts-bad 5 "$BIN" --db "$DB" import posts "$T/bad.csv"
t_golden "import posts: every bad row named by line, column and reason" "$E/posts-bad.txt" \
    "$T/posts-bad.out"
if cmp -s "$T/bad.csv.rejects.csv" "$E/posts-bad.rejects.csv"; then
    t_ok "import posts: the rejects file holds the bad rows byte for byte, each with its reason"
else
    t_fail "import posts: the rejects file holds the bad rows byte for byte, each with its reason" \
        "$(od -c "$T/bad.csv.rejects.csv" | head)"
fi
db_is "import posts: the vacant building has its new 楼长, added with the note" \
    "SELECT s.name || '/' || s.kind_id || '/' || p.note FROM post p JOIN staff s ON s.id = p.staff_id
     JOIN building b ON b.id = p.building_id WHERE b.code = 'B609' AND p.end_on = ''
     AND p.kind = 'building_chief'" \
    "司马红梅/1/接任后走访全部企业"
db_is "import posts: a past 街长 is history, beside the current one" \
    "SELECT count(*) FROM post p JOIN street s ON s.id = p.street_id WHERE s.code = '120101001'
     AND p.kind = 'street_chief'" 2
db_is "import posts: a person already on file is found by name and phone, not added again" \
    "SELECT count(*) FROM staff WHERE name = '张伟' AND phone = '13911113333'" 1
run posts-again 5 "$BIN" --db "$DB" import posts "$T/bad.csv"
grep -q "新增 0，更新 0，未变 3" "$T/posts-again.out" && t_ok "import posts: twice changes nothing" ||
    t_fail "import posts: twice changes nothing" "$(cat "$T/posts-again.out")"
t_sanitizers "posts"
