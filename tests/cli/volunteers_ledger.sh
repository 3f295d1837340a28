# The volunteers ledger (import volunteers, export volunteers) by the shared
# importer: a GB18030 ledger with bad rows named by line, column and reason
# (an ID number's check digit with the one expected, a volunteer number
# written twice, a community the district lacks), a number in full-width
# digits read as it is, a volunteer linked to the resident with the same ID
# number, the rejects file byte for byte, twice changing nothing, a dry
# run, and the export masked, unmasked only for a supervisor with a reason.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/v.db"
"$BIN" --db "$DB" demo --residents 200 >/dev/null
# A resident the ledger's last row names by ID number.
sqlite3 "$DB" "UPDATE resident SET id_number = '120101197303101732', id_rev = '237101303791101021' WHERE id = (SELECT min(id) FROM resident)"
who=$(sqlite3 "$DB" "SELECT name FROM resident WHERE id_number = '120101197303101732'")

cp "$TOP/tests/data/volunteers-bad.gb18030.csv" "$T/bad.csv"
run vol-refused 1 env BANGBAN_USER=desk "$BIN" --db "$DB" import volunteers "$T/bad.csv"
grep -q "志愿服务" "$T/vol-refused.out" && t_ok "import volunteers: the desk may not" || t_fail "import volunteers: the desk may not" "$(cat "$T/vol-refused.out")"

run vol-dry 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/bad.csv" --dry-run
grep -q "将新增 3，将更新 0，未变 0，跳过 0，退回 3；未写入任何数据" "$T/vol-dry.out" && t_ok "import volunteers --dry-run: counts, writes nothing" || t_fail "import volunteers --dry-run: counts, writes nothing" "$(cat "$T/vol-dry.out")"
db_is "import volunteers --dry-run: nothing written" "SELECT count(*) FROM volunteer" 0

run vol-bad 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/bad.csv"
t_golden "import volunteers: every bad row named by line, column and reason" "$E/volunteers-bad.txt" "$T/vol-bad.out"
if cmp -s "$T/bad.csv.rejects.csv" "$E/volunteers-bad.rejects.csv"; then
    t_ok "import volunteers: the rejects file holds the bad rows byte for byte, each with its reason"
else
    t_fail "import volunteers: the rejects file holds the bad rows byte for byte, each with its reason" "$(od -c "$T/bad.csv.rejects.csv" | head)"
fi
db_is "import volunteers: a number in full-width digits is read as it is" \
    "SELECT name FROM volunteer WHERE number = '2024000002'" "李秀英"
db_is "import volunteers: skills written with ， kept 、-separated, birth and sex from the ID number" \
    "SELECT skills || '/' || birth_date || '/' || gender || '/' || party_member FROM volunteer WHERE number = '2024000001'" \
    "医疗护理、法律咨询/1980-01-01/M/1"
db_is "import volunteers: a row without a number gets the next of its year, linked to the resident" \
    "SELECT v.number || '/' || r.name FROM volunteer v JOIN resident r ON r.id = v.resident_id" "2025000001/$who"
db_is "import volunteers: the bad rows are left out" \
    "SELECT count(*) FROM volunteer WHERE number IN ('2024000003', '2024000005') OR name = '钱文静'" 0
db_is "import volunteers: written to the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'import' AND subject = 'volunteer'" 1

run vol-again 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/bad.csv"
grep -q "新增 0，更新 0，未变 3" "$T/vol-again.out" && t_ok "import volunteers: twice changes nothing" || t_fail "import volunteers: twice changes nothing" "$(cat "$T/vol-again.out")"
db_is "import volunteers: twice, still three" "SELECT count(*) FROM volunteer" 3

# A ledger without the mobile column changes a status and leaves the mobile as it is.
printf '%s\r\n' "志愿者编号,姓名,证件号码,状态" "2024000002,李秀英,120101198512120029,暂停" >"$T/status.csv"
run vol-status 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/status.csv"
db_is "import volunteers: a column the ledger lacks is left as it is" \
    "SELECT status || '/' || phone FROM volunteer WHERE number = '2024000002'" "paused/13902215678"
# An ID number another volunteer holds, under a new number: named, with whose it is.
printf '%s\r\n' "志愿者编号,姓名,证件号码" "2024000009,王志远,120101198001010012" >"$T/twice.csv"
run vol-twice 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/twice.csv"
grep -q "第 2 行「证件号码」：120\*\*\*\*\*\*\*\*\*\*\*0012 已登记为志愿者 2024000001 王志远" "$T/vol-twice.out" && t_ok "import volunteers: an ID number on file under another number is named" || t_fail "import volunteers: an ID number on file under another number is named" "$(cat "$T/vol-twice.out")"

# One number on two rows, the first refused for its status: the second is refused as the same.
printf '%s\r\n' "志愿者编号,姓名,证件号码,状态" "2026000999,赵一,120101198304050329,放假" \
    "2026000999,钱二,120101198304050011,在册" >"$T/same.csv"
run vol-same 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/same.csv"
grep -q "第 3 行「志愿者编号」：与第 2 行重复" "$T/vol-same.out" && grep -q "新增 0" "$T/vol-same.out" &&
    t_ok "import volunteers: a number twice is refused twice, though the first row is refused for another cell" ||
    t_fail "import volunteers: a number twice is refused twice, though the first row is refused for another cell" "$(cat "$T/vol-same.out")"

run vol-export 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" export volunteers "$T/out.csv"
tr -d '\r\t' <"$T/out.csv" | sed '1s/^\xef\xbb\xbf//' >"$T/out.txt"
t_golden "export volunteers: every volunteer by number, numbers masked" "$E/volunteers-export.txt" "$T/out.txt"
run vol-unmasked-refused 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" export volunteers "$T/full.csv" --unmasked --reason 核对
[ ! -e "$T/full.csv" ] && t_ok "export volunteers --unmasked: refused to the coordinator, nothing written" || t_fail "export volunteers --unmasked: refused to the coordinator, nothing written"
run vol-unmasked-noreason 2 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export volunteers "$T/full.csv" --unmasked
run vol-unmasked 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export volunteers "$T/full.csv" --unmasked --reason 核对 --encoding gb18030
db_is "export volunteers --unmasked: audited with its reason" \
    "SELECT actor || '/' || detail FROM audit_log WHERE action = 'export-unmasked' AND subject = 'volunteer:*'" \
    "supervisor/$T/full.csv: 3 volunteers, 核对"
run vol-roundtrip 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/full.csv"
grep -q "读取 3 行：新增 0，更新 0，未变 3" "$T/vol-roundtrip.out" && t_ok "export volunteers: reads back unchanged" || t_fail "export volunteers: reads back unchanged" "$(cat "$T/vol-roundtrip.out")"
# Exported at an English desk (状态 Active), it reads back unchanged at a Chinese one.
run vol-unmasked-en 0 env LANGUAGE=en BANGBAN_USER=supervisor "$BIN" --db "$DB" export volunteers "$T/full-en.csv" --unmasked --reason 核对
run vol-roundtrip-en 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/full-en.csv"
grep -q ",Active" "$T/full-en.csv" && grep -q "读取 3 行：新增 0，更新 0，未变 3" "$T/vol-roundtrip-en.out" &&
    t_ok "export volunteers in English: reads back unchanged in Chinese" ||
    t_fail "export volunteers in English: reads back unchanged in Chinese" "$(cat "$T/vol-roundtrip-en.out")"
# A volunteer who left is exported as 离队, the word every screen shows, and reads back as it is.
printf '%s\r\n' "志愿者编号,姓名,证件号码,状态" "2024000002,李秀英,120101198512120029,注销" >"$T/left.csv"
run vol-left 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/left.csv"
run vol-left-export 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export volunteers "$T/left-out.csv" --unmasked --reason 核对
run vol-left-back 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/left-out.csv"
tr -d "\t" <"$T/left-out.csv" | grep -q "^2024000002,,李秀英,.*,离队" && grep -q "读取 3 行：新增 0，更新 0，未变 3" "$T/vol-left-back.out" &&
    db_is "export volunteers: one who left reads back as 离队, unchanged" "SELECT status FROM volunteer WHERE number = '2024000002'" left ||
    t_fail "export volunteers: one who left reads back as 离队, unchanged" "$(cat "$T/vol-left-back.out")"
# Spaces around a choice, as clerks leave them (「在册 」, 「 否」), are no part of it.
printf '%s\r\n' "志愿者编号,姓名,证件类型,证件号码,是否党员,状态" "2024000002,李秀英,居民身份证 ,120101198512120029, 否 ,离队 " >"$T/spaces.csv"
run vol-spaces 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/spaces.csv"
grep -q "读取 1 行：新增 0，更新 0，未变 1，跳过 0，退回 0" "$T/vol-spaces.out" &&
    t_ok "import volunteers: spaces around a choice are read past" ||
    t_fail "import volunteers: spaces around a choice are read past" "$(cat "$T/vol-spaces.out")"
# A workbook's TRUE/FALSE (here as CSV text) is 是/否; a preview says the change in words; a word
# not known is quoted.
printf '%s\r\n' "志愿者编号,姓名,证件号码,是否党员" "2024000002,李秀英,120101198512120029,TRUE" >"$T/party.csv"
run vol-party-dry 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/party.csv" --dry-run
grep -q "李秀英：党员 否 -> 是" "$T/vol-party-dry.out" &&
    t_ok "import volunteers: TRUE is 是, and the preview says the change in words" ||
    t_fail "import volunteers: TRUE is 是, and the preview says the change in words" "$(cat "$T/vol-party-dry.out")"
printf '%s\r\n' "志愿者编号,姓名,证件号码,是否党员" "2024000002,李秀英,120101198512120029,团员" >"$T/party2.csv"
run vol-party-bad 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/party2.csv"
grep -q "应填「是」或「否」，不是「团员」" "$T/vol-party-bad.out" &&
    t_ok "import volunteers: a word not known for 是否党员 is quoted" ||
    t_fail "import volunteers: a word not known for 是否党员 is quoted" "$(cat "$T/vol-party-bad.out")"
# A birth date the ID card contradicts is refused, naming the column, as a resident's is.
printf '%s\r\n' "志愿者编号,姓名,证件号码,出生日期" "2024000099,陶九,120101200011077237,1996-10-12" >"$T/birth.csv"
run vol-birth 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/birth.csv"
grep -q "第 2 行「出生日期」：与身份证号不符（身份证为 2000-11-07）" "$T/vol-birth.out" &&
    db_is "import volunteers: a birth date the ID card contradicts is refused" "SELECT count(*) FROM volunteer WHERE number = '2024000099'" 0 ||
    t_fail "import volunteers: a birth date the ID card contradicts is refused" "$(cat "$T/vol-birth.out")"
# A registration after today, or before the birth date, is refused, naming the column.
printf '%s\r\n' "志愿者编号,姓名,证件号码,注册日期" "2024000098,陶八,120101200011077237,2099-01-01" \
    "2024000097,陶七,120101200011077237,1999-01-01" >"$T/registered.csv"
run vol-registered 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/registered.csv" --dry-run
grep -q "第 2 行「注册日期」：注册日期晚于今天" "$T/vol-registered.out" &&
    grep -q "第 3 行「注册日期」：注册日期早于出生日期" "$T/vol-registered.out" &&
    t_ok "import volunteers: registered after today, or before being born, refused" ||
    t_fail "import volunteers: registered after today, or before being born, refused" "$(cat "$T/vol-registered.out")"
# A blank phone keeps the phone on file, as a resident's does.
phone=$(sqlite3 "$DB" "SELECT phone FROM volunteer WHERE number = '2024000002'")
printf '%s\r\n' "志愿者编号,姓名,证件号码,手机号" "2024000002,李秀英,120101198512120029," >"$T/no-phone.csv"
run vol-no-phone 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/no-phone.csv"
[ -n "$phone" ] && grep -q "读取 1 行：新增 0，更新 0，未变 1" "$T/vol-no-phone.out" && db_is "import volunteers: a blank phone keeps the phone on file" \
    "SELECT phone FROM volunteer WHERE number = '2024000002'" "$phone" ||
    t_fail "import volunteers: a blank phone keeps the phone on file" "no phone on file to keep"

# A ledger giving a new ID number and no birth date is held to the birth date on file.
printf '%s\r\n' "志愿者编号,姓名,证件号码" "2024000002,李秀英,120101200011077237" >"$T/new-id.csv"
run vol-new-id 5 env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/new-id.csv"
grep -q "第 2 行「证件号码」：证件号码的出生日期为 2000-11-07，在册的志愿者为 1985-12-12：哪个是对的？" "$T/vol-new-id.out" &&
    db_is "import volunteers: a new number the birth date on file contradicts is refused, naming both" \
        "SELECT id_number FROM volunteer WHERE number = '2024000002'" 120101198512120029 ||
    t_fail "import volunteers: a new number the birth date on file contradicts is refused, naming both" "$(cat "$T/vol-new-id.out")"
t_sanitizers "volunteers_ledger"
