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

# The property company (物业公司) and its phone, under the headers offices write: the phone taken
# as typed and kept normalised; a phone that is none is a bad row named by line and column, in the
# rejects with its reason, and its building is left as it was.
printf '%s\r\n' "楼宇编码,楼宇名称,所属街道,物业服务企业,物业联系电话" \
    "B111,金街中心大厦,劝业场街道,天津金街物业管理有限公司,022 2333 4455" \
    "B101,滨江国际大厦,劝业场街道,天津新港物业服务有限公司,12345" >"$T/property.csv"
run bldg-property 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/property.csv"
grep -q "^第 3 行「物业联系电话」：手机号（11 位）或固定电话" "$T/bldg-property.out" &&
    t_ok "import buildings: a property phone that is none is named by line and column" ||
    t_fail "import buildings: a property phone that is none is named by line and column" "$(cat "$T/bldg-property.out")"
grep -q "^B101,滨江国际大厦,劝业场街道,天津新港物业服务有限公司,12345,\"物业联系电话：手机号" "$T/property.csv.rejects.csv" &&
    t_ok "import buildings: the row with the bad property phone is in the rejects with its reason" ||
    t_fail "import buildings: the row with the bad property phone is in the rejects with its reason" "$(cat "$T/property.csv.rejects.csv")"
db_is "import buildings: the property company and its phone taken (normalised), the rejected row's building as it was" \
    "SELECT group_concat(code || '/' || property || '/' || property_phone, ' ') FROM (SELECT * FROM building WHERE code IN ('B101', 'B111') ORDER BY code)" \
    "B101/天津海河物业服务有限公司/022-23300101 B111/天津金街物业管理有限公司/022-23334455"
printf '%s\r\n' "楼宇编码,楼宇名称,所属街道,物业,物业电话" "B111,金街中心大厦,劝业场街道,天津金街物业管理有限公司,13812345678" >"$T/property2.csv"
run bldg-property2 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/property2.csv"
db_is "import buildings: 物业 and 物业电话 read as the property company and its phone, a mobile taken too" \
    "SELECT property || '/' || property_phone FROM building WHERE code = 'B111'" "天津金街物业管理有限公司/13812345678"
run bldg-property-out 0 "$BIN" --db "$DB" export buildings "$T/property-out.csv"
grep -q "^B111,金街中心大厦,劝业场街道,滨江道第2网格,和平区滨江道1号,居民楼,天津金街物业管理有限公司,13812345678" "$T/property-out.csv" &&
    t_ok "export buildings: the property company and its phone in their columns" ||
    t_fail "export buildings: the property company and its phone in their columns" "$(grep B111 "$T/property-out.csv")"
# A grid written with a full-width digit (第２网格, as an input method types it) is the grid on file.
printf '%s\r\n' "楼宇编码,楼宇名称,所属街道,所属网格" "B111,金街中心大厦,劝业场街道,滨江道第２网格" >"$T/wide.csv"
run bldg-wide 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import buildings "$T/wide.csv"
grep -q "读取 1 行：新增 0，更新 0，未变 1" "$T/bldg-wide.out" &&
    t_ok "import buildings: a grid named with a full-width digit is found" ||
    t_fail "import buildings: a grid named with a full-width digit is found" "$(cat "$T/bldg-wide.out")"
t_sanitizers "buildings"
