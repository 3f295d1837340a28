# The buildings ledger (楼宇台账) through the CLI, by the shared importer and
# exporter: a GBK ledger with bad rows (a street not on file, a grid of
# another street, an empty name, a kind that is none, a code two rows give)
# reported by line, column and reason, its rejects file byte for byte; the
# good rows in, the street and grid settled by code or name, a building on
# file found by its code and changed; importing it twice changing nothing;
# an export read back unchanged; a desk clerk refused.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/b.db"
"$BIN" --db "$DB" demo --organisations 0 >/dev/null
SNAP="SELECT group_concat(code || '/' || version, ' ') FROM (SELECT * FROM building ORDER BY code)"

cp "$TOP/tests/data/buildings-bad.gbk.csv" "$T/bad.csv"
run bldg-denied 1 "$BIN" --db "$DB" import buildings "$T/bad.csv"
grep -q "编辑区域与楼宇" "$T/bldg-denied.out" && t_ok "import buildings: refused to a desk clerk, naming the right" || t_fail "import buildings: refused to a desk clerk, naming the right" "$(cat "$T/bldg-denied.out")"
db_is "import buildings: a refused import writes nothing" "SELECT count(*) FROM building" 67

run bldg-bad 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/bad.csv"
t_golden "import buildings: every bad row named by line, column and reason" "$E/buildings-bad.txt" "$T/bldg-bad.out"
if cmp -s "$T/bad.csv.rejects.csv" "$E/buildings-bad.rejects.csv"; then
    t_ok "import buildings: the rejects file holds the bad rows byte for byte (GBK), each with its reason"
else
    t_fail "import buildings: the rejects file holds the bad rows byte for byte (GBK), each with its reason" "$(od -c "$T/bad.csv.rejects.csv" | head)"
fi
db_is "import buildings: the good rows are in, the street and grid by code or name, the kind from its words" \
    "SELECT group_concat(b.code || '/' || b.name || '/' || s.name || '/' || ifnull(g.name, '-') || '/' || b.address || '/' || b.kind, ' ') FROM (SELECT * FROM building WHERE code IN ('B102', 'B111', 'B211', 'R901') ORDER BY code) b JOIN street s ON s.id = b.street_id LEFT JOIN grid g ON g.id = b.grid_id" \
    "B102/和平路商务中心/劝业场街道/赤峰道第5网格/和平区和平路257号/commercial B111/金街中心大厦/劝业场街道/滨江道第1网格/和平区滨江道1号/commercial B211/小白楼广场/小白楼街道/小白楼第2网格/和平区南京路88号/commercial R901/花园里1号楼/劝业场街道/-/和平区花园路3号/residential"
db_is "import buildings: the refused rows left nothing behind" \
    "SELECT count(*) FROM building WHERE code IN ('B112', 'B113', 'B114', 'B115')" 0
db_is "import buildings: one building on file found by its code and changed, not doubled" \
    "SELECT count(*) || '/' || max(version) FROM building WHERE name = '和平路商务中心'" "1/2"
db_is "import buildings: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'building'" 1

before=$(sqlite3 "$DB" "$SNAP")
run bldg-again 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/bad.csv"
grep -q "新增 0，更新 0，未变 4" "$T/bldg-again.out" && t_ok "import buildings: twice says nothing changed" || t_fail "import buildings: twice says nothing changed" "$(cat "$T/bldg-again.out")"
db_is "import buildings: twice writes no building" "$SNAP" "$before"

run bldg-export 0 "$BIN" --db "$DB" export buildings "$T/out.csv"
tr -d '\r' <"$T/out.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/out.txt"
t_golden "export buildings: every active building in the ledger's columns" "$E/buildings.txt" "$T/out.txt"
run bldg-export-gbk 0 "$BIN" --db "$DB" export buildings "$T/out-gbk.csv" --encoding gbk
run bldg-roundtrip 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/out-gbk.csv"
grep -q "读取 70 行：新增 0，更新 0，未变 70" "$T/bldg-roundtrip.out" && t_ok "export buildings: reads back unchanged" || t_fail "export buildings: reads back unchanged" "$(cat "$T/bldg-roundtrip.out")"
db_is "export buildings: reading it back writes no building" "$SNAP" "$before"

# A ledger lacking a column every row needs is refused whole; one lacking others leaves them as
# they are (here the address), while the grid moves within its street and the kind changes.
printf '%s\r\n' "楼宇编码,楼宇名称,网格" "B111,金街中心大厦,滨江道第2网格" >"$T/few.csv"
run bldg-few 1 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/few.csv"
grep -q "所属街道" "$T/bldg-few.out" && t_ok "import buildings: a ledger without the street column is refused, naming it" || t_fail "import buildings: a ledger without the street column is refused, naming it" "$(cat "$T/bldg-few.out")"
printf '%s\r\n' "楼宇编码,楼宇名称,所属街道,网格,类型" "B111,金街中心大厦,劝业场街道,滨江道第2网格,居民楼" >"$T/few.csv"
run bldg-few2 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/few.csv"
db_is "import buildings: a column the ledger lacks is left as it is" \
    "SELECT g.name || '/' || b.kind || '/' || b.address FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.code = 'B111'" \
    "滨江道第2网格/residential/和平区滨江道1号"
t_sanitizers "buildings"
