# import --dry-run: what an import would change, said before it is done —
# new, changed, unchanged and rejected rows counted, the changed records
# shown field by field (old -> new, numbers masked) — and nothing written:
# the database file is byte for byte what it was, and no rejects file. An
# unknown header is named, and --map makes it a column the kind knows.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/d.db"
demo_at "$DB"
cp "$TOP/tests/data/residents-bad.gb18030.csv" "$T/ledger.csv"
run dry-first 5 "$BIN" --db "$DB" import residents "$T/ledger.csv"

# The same people as a clerk's new list: a mobile and an address changed,
# one new person, one bad ID, words other offices use for the headers.
printf '%s\r\n' \
    "姓名,身份证,联系方式,家庭住址,婚姻状况,家庭电话2" \
    "张三,110101199003074477,13900139000,3号楼-2单元-502,已婚," \
    "王𠇔,11010519491231002X,,朝阳里1号楼,," \
    "刘䶮,34052419800101001X,,,," \
    "周九,110101199003074493,,5号楼,," \
    "钱六,110105194912310021,,,," >"$T/new.csv"

sync
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
before=$(cat "$DB" "$DB-wal" 2>/dev/null | sha256sum)
rows_before=$(sqlite3 "$DB" "SELECT count(*), total(version) FROM resident; SELECT count(*) FROM audit_log")
run dry-residents 5 "$BIN" --db "$DB" import residents "$T/new.csv" --dry-run
t_golden "import --dry-run: counts, the changed records field by field, unknown headers named" "$E/dry-residents.txt" "$T/dry-residents.out"
after=$(cat "$DB" "$DB-wal" 2>/dev/null | sha256sum)
[ "$before" = "$after" ] && t_ok "import --dry-run: the database is byte for byte as it was" ||
    t_fail "import --dry-run: the database is byte for byte as it was" "$before" "$after"
[ "$rows_before" = "$(sqlite3 "$DB" "SELECT count(*), total(version) FROM resident; SELECT count(*) FROM audit_log")" ] &&
    t_ok "import --dry-run: row for row as it was, nothing in the audit log" ||
    t_fail "import --dry-run: row for row as it was, nothing in the audit log"
[ ! -e "$T/new.csv.rejects.csv" ] && t_ok "import --dry-run: no rejects file" || t_fail "import --dry-run: no rejects file"

# --map: the unknown column feeds a field; the counts follow.
run dry-map 5 "$BIN" --db "$DB" import residents "$T/new.csv" --dry-run --map "婚姻状况=备注" --map "家庭电话2="
grep -q "未导入的列" "$T/dry-map.out" && t_fail "import --map: a mapped column is no longer unknown" "$(cat "$T/dry-map.out")" ||
    t_ok "import --map: a mapped column is no longer unknown"
grep -q "备注 （空） -> 已婚" "$T/dry-map.out" && t_ok "import --map: the mapped column's values are compared" ||
    t_fail "import --map: the mapped column's values are compared" "$(cat "$T/dry-map.out")"
run dry-map-bad 2 "$BIN" --db "$DB" import residents "$T/new.csv" --dry-run --map "婚姻状况=婚否"
grep -q "婚否" "$T/dry-map-bad.out" && t_ok "import --map: a column bangban does not know is said" ||
    t_fail "import --map: a column bangban does not know is said" "$(cat "$T/dry-map-bad.out")"

# The import then does what the dry run said.
run dry-then 5 "$BIN" --db "$DB" import residents "$T/new.csv"
grep -q "新增 1，更新 1，未变 2" "$T/dry-then.out" && t_ok "import: does what its dry run said" ||
    t_fail "import: does what its dry run said" "$(cat "$T/dry-then.out")"

# Another kind: the calendar, by date.
printf '%s\r\n' "日期,类型,名称" "2026-10-01,放假,国庆" "2027-01-01,放假,元旦" "2026-02-28,休息,春节调休上班" >"$T/cal.csv"
run dry-calendar 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import calendar "$T/cal.csv" --dry-run
t_golden "import calendar --dry-run: by date, the changed day field by field" "$E/dry-calendar.txt" "$T/dry-calendar.out"
t_sanitizers "dryrun"
