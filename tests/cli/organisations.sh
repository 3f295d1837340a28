# The organisation register's ledger (一企一档) through the CLI, by the
# shared importer and exporter: a GBK ledger with bad rows (a credit code
# whose check character is wrong, the right one named; a letter the
# standard leaves out; a building not on file; a count and a grade that are
# not; a code two rows give) reported by line, column and reason, its
# rejects file byte for byte; the good rows in, importing it twice changing
# nothing; an export masking contact phones, and a full one (a supervisor's,
# with a reason, audited) read back unchanged.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/o.db"
"$BIN" --db "$DB" demo --organisations 0 >/dev/null
db_is "demo --organisations 0: a district without organisations" \
    "SELECT count(*) FROM organisation" 0

cp "$TOP/tests/data/organisations-bad.gbk.csv" "$T/bad.csv"
run orgs-bad 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/bad.csv"
t_golden "import organisations: every bad row named by line, column and reason" "$E/organisations-bad.txt" "$T/orgs-bad.out"
if cmp -s "$T/bad.csv.rejects.csv" "$E/organisations-bad.rejects.csv"; then
    t_ok "import organisations: the rejects file holds the bad rows byte for byte (GBK), each with its reason"
else
    t_fail "import organisations: the rejects file holds the bad rows byte for byte (GBK), each with its reason" "$(od -c "$T/bad.csv.rejects.csv" | head)"
fi
db_is "import organisations: the good rows are in, normalised, with their buildings" \
    "SELECT group_concat(o.name || '/' || ifnull(o.credit_code, '-') || '/' || b.code || '/' || o.contact_phone || '/' || o.moved_in, ' ') FROM (SELECT * FROM organisation ORDER BY id) o JOIN building b ON b.id = o.building_id" \
    "天津金诚科技有限公司/91120101MA07T3QK92/B101/13800138000/2023-05-01 和平区老王餐馆/-/B105/13500135000/2019-04-01 天津中和物业管理有限公司/91120101MA05R8LW6J/B106/13300133000/"
db_is "import organisations: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'organisation'" 1
run orgs-again 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/bad.csv"
grep -q "新增 0，更新 0，未变 3" "$T/orgs-again.out" && t_ok "import organisations: twice changes nothing" || t_fail "import organisations: twice changes nothing" "$(cat "$T/orgs-again.out")"

run orgs-export 0 "$BIN" --db "$DB" export organisations "$T/out.csv"
tr -d '\r' <"$T/out.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/out.txt"
t_golden "export organisations: the register, contact phones masked" "$E/organisations.txt" "$T/out.txt"

# The masked export read back: each phone refused as masked, not as a malformed number.
run orgs-masked 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/out.csv" --dry-run
grep -q "「联系电话」：号码已遮蔽（\*）：请导入含完整号码的导出文件" "$T/orgs-masked.out" &&
    t_ok "import organisations: a masked phone is refused as masked" ||
    t_fail "import organisations: a masked phone is refused as masked" "$(cat "$T/orgs-masked.out")"

run orgs-denied 1 "$BIN" --db "$DB" export organisations "$T/full.csv" --unmasked --reason "核对"
grep -q "角色不能导出完整" "$T/orgs-denied.out" && t_ok "export organisations --unmasked: refused to a desk clerk" || t_fail "export organisations --unmasked: refused to a desk clerk" "$(cat "$T/orgs-denied.out")"
run orgs-full 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export organisations "$T/full.csv" --encoding gbk --unmasked --reason "楼宇台账核对"
db_is "export organisations --unmasked: audited with its reason" \
    "SELECT count(*) FROM audit_log WHERE action = 'export-unmasked' AND subject = 'organisation:*' AND detail LIKE '%楼宇台账核对'" 1
run orgs-roundtrip 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/full.csv"
grep -q "读取 3 行：新增 0，更新 0，未变 3" "$T/orgs-roundtrip.out" && t_ok "export organisations: reads back unchanged" || t_fail "export organisations: reads back unchanged" "$(cat "$T/orgs-roundtrip.out")"

# Another code, the name of one in the same building: a name is registered once. Refused naming
# the one on file, the dry run saying so too (it promised a new one, the import said the code
# was taken).
printf '%s\r\n' "统一社会信用代码,单位名称,所在楼宇" "91120101MA00C8W83G,天津金诚科技有限公司,B101" >"$T/twin.csv"
run orgs-twin-dry 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/twin.csv" --dry-run
run orgs-twin 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/twin.csv"
for out in orgs-twin-dry orgs-twin; do
    grep -q "第 2 行「单位名称」：.*已有同名企业（统一社会信用代码 91120101MA07T3QK92）" "$T/$out.out" &&
        t_ok "import organisations ($out): the name of another in the building is refused, naming it" ||
        t_fail "import organisations ($out): the name of another in the building is refused, naming it" "$(cat "$T/$out.out")"
done
db_is "import organisations: and no second record of that name" \
    "SELECT count(*) FROM organisation WHERE name = '天津金诚科技有限公司'" 1

# A row whose credit code was left blank names the organisation of its name in its building: the
# code on file is kept, and no second record is made.
printf '%s\r\n' "统一社会信用代码,单位名称,所在楼宇" ",天津金诚科技有限公司,B101" >"$T/nocode.csv"
run orgs-nocode 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/nocode.csv"
db_is "import organisations: a blank credit code keeps the one on file, no second record" \
    "SELECT count(*) || '/' || group_concat(credit_code) FROM organisation WHERE name = '天津金诚科技有限公司'" \
    "1/91120101MA07T3QK92"

# A ledger that moves one out and changes another's grade: both taken, the first kept on file.
printf '%s\r\n' "统一社会信用代码,单位名称,稳定性,迁出日期" \
    "91120101MA07T3QK92,天津金诚科技有限公司,较不稳定," \
    "91120101MA05R8LW6J,天津中和物业管理有限公司,稳定,2026年3月1日" >"$T/moves.csv"
run orgs-moves 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/moves.csv"
db_is "import organisations: a column the ledger lacks is left as it is, a move out is kept" \
    "SELECT group_concat(stability || '/' || moved_out || '/' || contact_phone, ' ') FROM (SELECT * FROM organisation WHERE credit_code IS NOT NULL ORDER BY id)" \
    "较不稳定//13800138000 稳定/2026-03-01/13300133000"
# The rules between fields the form keeps hold in a ledger too: out no sooner than in, no more
# party members than employees.
printf '%s\r\n' "统一社会信用代码,单位名称,从业人数,党员人数,入驻日期,迁出日期" \
    "91120101MA07T3QK92,天津金诚科技有限公司,,,2023-04-04,2019-01-01" \
    "91120101MA05R8LW6J,天津中和物业管理有限公司,161,999,," >"$T/rules.csv"
run orgs-rules 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/rules.csv"
grep -q "第 2 行「迁出日期」：迁出日期早于入驻日期" "$T/orgs-rules.out" && grep -q "第 3 行「党员人数」：党员人数多于从业人数" "$T/orgs-rules.out" &&
    grep -q "退回 2" "$T/orgs-rules.out" &&
    t_ok "import organisations: out before in, and more party members than employees, are refused" ||
    t_fail "import organisations: out before in, and more party members than employees, are refused" "$(cat "$T/orgs-rules.out")"
# Not there yet is not registered: a move-in date after today is refused at its column.
printf '%s\r\n' "统一社会信用代码,单位名称,入驻日期" "91120101MA07T3QK92,天津金诚科技有限公司,2099-06-01" >"$T/ahead.csv"
run orgs-ahead 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/ahead.csv"
grep -q "第 2 行「入驻日期」：入驻日期晚于今天" "$T/orgs-ahead.out" &&
    t_ok "import organisations: a move-in date after today is refused" ||
    t_fail "import organisations: a move-in date after today is refused" "$(cat "$T/orgs-ahead.out")"
# The rules hold on the organisation as it would be stored: a ledger without 从业人数 or 入驻日期
# is held to those on file.
sqlite3 "$DB" "UPDATE organisation SET employees = 5, moved_in = '2023-12-27' WHERE credit_code = '91120101MA05R8LW6J'"
printf '%s\r\n' "统一社会信用代码,单位名称,党员人数" "91120101MA05R8LW6J,天津中和物业管理有限公司,50" >"$T/partial.csv"
printf '%s\r\n' "统一社会信用代码,单位名称,迁出日期" "91120101MA05R8LW6J,天津中和物业管理有限公司,2020-01-01" >"$T/partial2.csv"
run orgs-partial 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/partial.csv"
run orgs-partial2 5 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/partial2.csv" --dry-run
grep -q "第 2 行「党员人数」：党员人数多于从业人数" "$T/orgs-partial.out" && grep -q "第 2 行「迁出日期」：迁出日期早于入驻日期" "$T/orgs-partial2.out" &&
    db_gives "$DB" "SELECT party_members <= employees FROM organisation WHERE credit_code = '91120101MA05R8LW6J'" 1 &&
    t_ok "import organisations: a ledger lacking a column is held to the value on file by the rules" ||
    t_fail "import organisations: a ledger lacking a column is held to the value on file by the rules" "$(cat "$T/orgs-partial.out" "$T/orgs-partial2.out")"

# A date with a time after it (an Excel date-and-time cell) is its date, as in every ledger.
printf '%s\r\n' "统一社会信用代码,单位名称,入驻日期" "91120101MA07T3QK92,天津金诚科技有限公司,2023/4/4 09:30" >"$T/timed.csv"
run orgs-timed 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import organisations "$T/timed.csv"
db_is "import organisations: a date with a time after it is its date" \
    "SELECT moved_in FROM organisation WHERE credit_code = '91120101MA07T3QK92'" "2023-04-04"
t_sanitizers "organisations"
