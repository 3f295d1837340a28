# A record made with the kits, through the CLI: the staff kinds ledger
# (export staff-kinds, import staff-kinds) by the shared importer and
# exporter: the seeded kinds exported, a GB18030 ledger with every kind of
# bad row reported by line, column and reason with its rejects file byte
# for byte, twice changing nothing, and a round trip.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/s.db"
"$BIN" --db "$DB" init >/dev/null

run staff-export 0 "$BIN" --db "$DB" export staff-kinds "$T/kinds.csv"
tr -d '\r' <"$T/kinds.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/kinds.txt"
t_golden "export staff-kinds: the seeded kinds" "$E/staff-kinds.txt" "$T/kinds.txt"

cp "$TOP/tests/data/staff-kinds-bad.gb18030.csv" "$T/bad.csv"
run staff-bad 5 "$BIN" --db "$DB" import staff-kinds "$T/bad.csv"
t_golden "import staff-kinds: every bad row named by line, column and reason" "$E/staff-kinds-bad.txt" "$T/staff-bad.out"
# The rejects are the bad rows as they were in the file (the header first), each with its reason last.
if cmp -s "$T/bad.csv.rejects.csv" "$E/staff-kinds-bad.rejects.csv"; then
    t_ok "import staff-kinds: the rejects file holds the bad rows byte for byte, each with its reason"
else
    t_fail "import staff-kinds: the rejects file holds the bad rows byte for byte, each with its reason" "$(od -c "$T/bad.csv.rejects.csv" | head)"
fi
db_is "import staff-kinds: a new kind is in" \
    "SELECT name || '/' || note FROM staff_kind WHERE code = 'LZ'" "楼长助理/协助楼长走访企业"
db_is "import staff-kinds: a line break inside a name joins its lines (no space in Chinese), not a bad row" \
    "SELECT name FROM staff_kind WHERE code = 'XX'" "两行的名称"
db_is "import staff-kinds: a row whose name another kind holds is left out" \
    "SELECT count(*) FROM staff_kind WHERE code = 'DUP'" 0
db_is "import staff-kinds: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'staff_kind'" 1
run staff-again 5 "$BIN" --db "$DB" import staff-kinds "$T/bad.csv"
grep -q "新增 0，更新 0，未变 3" "$T/staff-again.out" && t_ok "import staff-kinds: twice changes nothing" || t_fail "import staff-kinds: twice changes nothing" "$(cat "$T/staff-again.out")"

# A ledger without the note column renames a kind and leaves its note as it is.
printf '%s\r\n' "类别编码,类别名称" "SW,党建社会工作者" >"$T/names.csv"
run staff-names 0 "$BIN" --db "$DB" import staff-kinds "$T/names.csv"
db_is "import staff-kinds: a column the ledger lacks is left as it is" \
    "SELECT name || '/' || note FROM staff_kind WHERE code = 'SW'" "党建社会工作者/派驻商务楼宇，任楼长"

run staff-roundtrip-out 0 "$BIN" --db "$DB" export staff-kinds "$T/all.xlsx"
run staff-roundtrip-csv 0 "$BIN" --db "$DB" export staff-kinds "$T/all.csv" --encoding gb18030
run staff-roundtrip 0 "$BIN" --db "$DB" import staff-kinds "$T/all.csv"
grep -q "读取 8 行：新增 0，更新 0，未变 8" "$T/staff-roundtrip.out" && t_ok "export staff-kinds: reads back unchanged" || t_fail "export staff-kinds: reads back unchanged" "$(cat "$T/staff-roundtrip.out")"
unzip -p "$T/all.xlsx" xl/worksheets/sheet1.xml 2>/dev/null | grep -q "<t>楼长助理</t>" && t_ok "export staff-kinds: a workbook by its name" || t_fail "export staff-kinds: a workbook by its name"
sqlite3 "$DB" "UPDATE staff_kind SET retired = 1 WHERE code = 'EG'"
run staff-active 0 "$BIN" --db "$DB" export staff-kinds "$T/active.csv"
if grep -q "EG" "$T/active.csv" || ! grep -q "LZ" "$T/active.csv"; then
    t_fail "export staff-kinds: a retired kind is left out" "$(cat "$T/active.csv")"
else
    t_ok "export staff-kinds: a retired kind is left out"
fi
run staff-usage 2 "$BIN" --db "$DB" export staff-kindz "$T/x.csv"
grep -q "staff-kinds" "$T/staff-usage.out" && t_ok "export: the usage names every ledger kind" || t_fail "export: the usage names every ledger kind" "$(cat "$T/staff-usage.out")"
t_sanitizers "staff"
