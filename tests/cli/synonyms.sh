# The catalogue's synonyms as a ledger (export synonyms, import synonyms)
# by the shared importer and exporter: the seeded pairs exported; a ledger
# with new pairs (one typed with a space, taken without it), a changed one
# and a bad row (no target) reported by line, column and reason; twice
# changing nothing.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/s.db"
"$BIN" --db "$DB" init >/dev/null

run syn-export 0 "$BIN" --db "$DB" export synonyms "$T/syn.csv"
tr -d '\r' <"$T/syn.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/syn.txt"
t_golden "export synonyms: the seeded pairs" "$E/synonyms.txt" "$T/syn.txt"

printf '%s\r\n' "序号,词语,对应词" "1,打架,治安纠纷" "2,暖气,供热管道" "3,吵 架,邻里纠纷" "4,拆违," >"$T/bad.csv"
run syn-bad 5 "$BIN" --db "$DB" import synonyms "$T/bad.csv"
t_golden "import synonyms: every bad row named by line, column and reason" "$E/synonyms-bad.txt" "$T/syn-bad.out"
db_is "import synonyms: a new pair is in" "SELECT target FROM synonym WHERE word = '打架'" "治安纠纷"
db_is "import synonyms: a pair on file is changed" \
    "SELECT target || '/' || version FROM synonym WHERE word = '暖气'" "供热管道/2"
db_is "import synonyms: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'synonym'" 1
run syn-again 5 "$BIN" --db "$DB" import synonyms "$T/bad.csv"
db_is "import synonyms: a space typed in a word is dropped" "SELECT target FROM synonym WHERE word = '吵架'" "邻里纠纷"
grep -q "新增 0，更新 0，未变 3" "$T/syn-again.out" && t_ok "import synonyms: twice changes nothing" ||
    t_fail "import synonyms: twice changes nothing" "$(cat "$T/syn-again.out")"
# A word is no synonym of itself.
printf '%s\r\n' "词语,对应词" "低保,低保" >"$T/self.csv"
run syn-self 5 "$BIN" --db "$DB" import synonyms "$T/self.csv"
grep -q "第 2 行「对应词」：与词语本身相同：同义词应是另一个词" "$T/syn-self.out" &&
    db_is "import synonyms: a word mapped to itself is refused" "SELECT count(*) FROM synonym WHERE word = '低保' AND target = '低保'" 0 ||
    t_fail "import synonyms: a word mapped to itself is refused" "$(cat "$T/syn-self.out")"
