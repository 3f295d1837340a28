# 楼宇台账 through the CLI: one building's page (its 楼长 and 楼宇指导员 with
# full phones, its organisations with masked contact phones and the day
# each was last visited) as printed, as a file, and as a sheet (CSV and
# .xlsx); an unknown building is refused with its code named.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/r.db"
export BANGBAN_NOW=2026-11-30T09:00
demo_at "$DB"
run building-page 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report building B101
t_golden "report building: the printed 楼宇台账 of B101" "$E/building-ledger.txt" "$T/building-page.out"

# The page names each organisation present and no organisation that moved out.
present=$(sqlite3 "$DB" "SELECT count(*) FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.code = 'B101' AND o.moved_out = ''")
gone=$(sqlite3 "$DB" "SELECT o.name FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.code = 'B101' AND o.moved_out <> '' LIMIT 1")
rows=$(grep -c "^ *[0-9][0-9]* 天津" "$T/building-page.out")
[ "$rows" = "$present" ] && t_ok "report building: one row per organisation present ($present)" ||
    t_fail "report building: one row per organisation present" "page $rows, database $present"
if [ -n "$gone" ] && grep -q "$gone" "$T/building-page.out"; then
    t_fail "report building: an organisation that moved out is left off" "$gone"
else
    t_ok "report building: an organisation that moved out is left off"
fi
# The chief's phone is in full (the lobby notice), contact phones are masked.
chief_phone=$(sqlite3 "$DB" "SELECT s.phone FROM post p JOIN staff s ON s.id = p.staff_id
  JOIN building b ON b.id = p.building_id WHERE b.code = 'B101' AND p.kind = 'building_chief'
  AND p.end_on = '' LIMIT 1")
grep -q "^楼    长：.* $chief_phone$" "$T/building-page.out" &&
    t_ok "report building: the 楼长's phone in full" ||
    t_fail "report building: the 楼长's phone in full" "$chief_phone" "$(head -12 "$T/building-page.out")"
if grep -E "^ +[^ ].* 1[3-9][0-9]{9}( |$)" "$T/building-page.out" | grep -v "：" >/dev/null; then
    t_fail "report building: no organisation's contact phone in full" "$(grep -E '1[3-9][0-9]{9}' "$T/building-page.out")"
else
    t_ok "report building: no organisation's contact phone in full"
fi

# The property company and its service phone, as the building's record holds them.
property_name=$(sqlite3 "$DB" "SELECT property FROM building WHERE code = 'B101'")
property_phone=$(sqlite3 "$DB" "SELECT property_phone FROM building WHERE code = 'B101'")
property=$(sqlite3 "$DB" "SELECT property || ' ' || property_phone FROM building WHERE code = 'B101'")
[ -n "$property" ] && grep -q "^物业公司：$property$" "$T/building-page.out" &&
    t_ok "report building: the property company and its phone" ||
    t_fail "report building: the property company and its phone" "$property" "$(head -12 "$T/building-page.out")"

run building-file 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report building B101 --output "$T/b101.txt"
cmp -s "$T/b101.txt" "$T/building-page.out" && t_ok "report building --output: the page in a file" ||
    t_fail "report building --output: the page in a file" "$(cat "$T/building-file.out")"

run building-csv 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report building 滨江国际大厦 --out "$T/b101.csv" --encoding gbk
grep -q "b101.csv：已写入 B101 的楼宇台账，企业 $present 家" "$T/building-csv.out" &&
    t_ok "report building --out FILE.csv: the sheet, by the building's name" ||
    t_fail "report building --out FILE.csv: the sheet, by the building's name" "$(cat "$T/building-csv.out")"
iconv -f GBK -t UTF-8 "$T/b101.csv" >"$T/b101.utf8.csv" 2>"$T/iconv.err" &&
    grep -q "^物业公司,$property_name,.\?$property_phone" "$T/b101.utf8.csv" &&
    grep -q "^企业名称,统一社会信用代码,楼层,房间,联系人,联系电话,职工人数,党员人数,党组织,稳定程度,最近走访,入驻日期" "$T/b101.utf8.csv" &&
    [ "$(grep -c '^天津' "$T/b101.utf8.csv")" = "$present" ] &&
    t_ok "report building --encoding gbk: a GBK sheet, its property company, header and a row per organisation" ||
    t_fail "report building --encoding gbk: a GBK sheet, its property company, header and a row per organisation" "$(head -8 "$T/b101.utf8.csv")"

run building-xlsx 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report building B101 --output "$T/b101.xlsx"
unzip -p "$T/b101.xlsx" xl/worksheets/sheet1.xml 2>/dev/null | grep -q "<t>最近走访</t>" &&
    t_ok "report building --output FILE.xlsx: a workbook with the table" ||
    t_fail "report building --output FILE.xlsx: a workbook with the table" "$(cat "$T/building-xlsx.out")"

run building-none 1 env BANGBAN_USER=admin "$BIN" --db "$DB" report building B999
grep -q "B999" "$T/building-none.out" && t_ok "report building: an unknown building is named" ||
    t_fail "report building: an unknown building is named" "$(cat "$T/building-none.out")"
run building-usage 2 env BANGBAN_USER=admin "$BIN" --db "$DB" report building

# A building chief prints the 楼宇台账 of their own buildings only.
run building-chief 0 env BANGBAN_USER=chief "$BIN" --db "$DB" report building B101
cmp -s "$T/building-chief.out" "$T/building-page.out" && t_ok "report building: a chief prints their own building's" ||
    t_fail "report building: a chief prints their own building's" "$(head -5 "$T/building-chief.out")"
run building-not-theirs 1 env BANGBAN_USER=chief "$BIN" --db "$DB" report building B103 --output "$T/b103.txt"
grep -q "B103 不是您负责的楼宇" "$T/building-not-theirs.out" && [ ! -e "$T/b103.txt" ] &&
    t_ok "report building: not another's, and nothing written" ||
    t_fail "report building: not another's, and nothing written" "$(cat "$T/building-not-theirs.out")"
# A name GBK has no code for: the sheet in GBK is refused, naming where, and nothing is written.
sqlite3 "$DB" "UPDATE organisation SET contact_name = '王𠀀' WHERE id = (SELECT o.id FROM organisation o
  JOIN building b ON b.id = o.building_id WHERE b.code = 'B101' AND o.moved_out = '' LIMIT 1)"
run building-gbk-bad 1 env BANGBAN_USER=admin "$BIN" --db "$DB" report building B101 --output "$T/bad.csv" --encoding gbk
grep -q "联系人" "$T/building-gbk-bad.out" && [ ! -e "$T/bad.csv" ] &&
    t_ok "report building --encoding gbk: a character GBK lacks is named with its column, nothing written" ||
    t_fail "report building --encoding gbk: a character GBK lacks is named with its column, nothing written" "$(cat "$T/building-gbk-bad.out")"

t_sanitizers "building ledger"
