# bangban certificate: a volunteer's 志愿服务记录证明 for a period, printed
# to a file with its four blocks and the ID number masked (golden), only the
# hours that count (confirmed, past their notice period), refused for a
# period without them, numbered on in the year, in full only when asked
# (and audited), the desk refused, voided with a reason and kept.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/c.db"
"$BIN" --db "$DB" demo --volunteers 30 >/dev/null
sqlite3 "$DB" "UPDATE volunteer SET name = '张三丰', id_type = '居民身份证',
    id_number = '120101195601010127', id_rev = '721010106591010121' WHERE number = '2023000001';
  INSERT INTO meta (key, value) VALUES ('certificate_head', '王主任')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  INSERT INTO activity (team_id, name, category_id, starts_at, ends_at, status, created_at,
    created_by, updated_at, updated_by) VALUES ((SELECT min(id) FROM team), '重阳敬老', 2,
    '2026-01-01 08:00', '2026-12-31 18:00', 'running', 'x', 'x', 'x', 'x');
  INSERT INTO activity (team_id, name, category_id, starts_at, ends_at, status, created_at,
    created_by, updated_at, updated_by) VALUES ((SELECT min(id) FROM team), '清扫楼道', 1,
    '2026-01-01 08:00', '2026-12-31 18:00', 'running', 'x', 'x', 'x', 'x');"
record() { # volunteer-number activity-name day minutes counts-from ('' unconfirmed)
    sqlite3 "$DB" "INSERT INTO service_record (volunteer_id, activity_id, day, sign_in, sign_out,
      minutes, created_at, created_by, updated_at, updated_by, confirmed_at, confirmed_by,
      confirmed_as, counts_from) VALUES ((SELECT id FROM volunteer WHERE number = '$1'),
      (SELECT id FROM activity WHERE name = '$2'), '$3', '08:00', '18:00', $4, 'x', 'x', 'x', 'x',
      CASE WHEN '$5' = '' THEN '' ELSE '$3 18:00' END, CASE WHEN '$5' = '' THEN '' ELSE 'x' END,
      CASE WHEN '$5' = '' THEN '' ELSE 'organiser' END, '$5')"
}
record 2023000001 重阳敬老 2026-03-01 300 2026-03-04
record 2023000001 清扫楼道 2026-04-01 125 2026-04-06
record 2023000001 重阳敬老 2026-05-01 600 ''          # not confirmed: does not count
record 2023000001 清扫楼道 2026-11-27 240 2026-12-02  # in its notice period on the day
export BANGBAN_NOW="2026-11-30 10:00"

run cert-issue 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30 --out "$T/cert.txt"
grep -q "^$T/cert.txt：证明 ZM-2026-00001 已写入，张三丰（2023000001）7.0 小时$" "$T/cert-issue.out" &&
    t_ok "certificate: issued, its number and the hours that count said" ||
    t_fail "certificate: issued, its number and the hours that count said" "$(cat "$T/cert-issue.out")"
t_golden "certificate: the four blocks, the ID number masked, only counted hours" "$E/certificate.txt" "$T/cert.txt"

run cert-none 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-05-01 --to 2026-05-31
grep -q "没有计入的服务时长" "$T/cert-none.out" && grep -q "2026-05-01" "$T/cert-none.out" &&
    t_ok "certificate: a period without counted hours is refused, naming it" ||
    t_fail "certificate: a period without counted hours is refused, naming it" "$(cat "$T/cert-none.out")"
db_is "certificate: a refused one writes nothing" "SELECT count(*) FROM certificate" 1

run cert-exists 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30 --out "$T/cert.txt"
grep -q "cert.txt 已存在：加 --force 才会替换" "$T/cert-exists.out" &&
    db_is "certificate: --out over a file that exists is refused before one is issued" "SELECT count(*) FROM certificate" 1 ||
    t_fail "certificate: --out over a file that exists is refused before one is issued" "$(cat "$T/cert-exists.out")"

run cert-nodir 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30 --out "$T/no/such/dir/cert.txt"
grep -q "无法写入 $T/no/such/dir/cert.txt：.*未出具证明" "$T/cert-nodir.out" &&
    db_is "certificate: --out where nothing can be written is refused before one is issued" "SELECT count(*) FROM certificate" 1 ||
    t_fail "certificate: --out where nothing can be written is refused before one is issued" "$(cat "$T/cert-nodir.out")"

mkdir -p "$T/certs"
run cert-dir 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30 --out "$T/certs" --force
grep -q "未出具证明" "$T/cert-dir.out" &&
    db_is "certificate: --out naming a folder is refused before one is issued" "SELECT count(*) FROM certificate" 1 ||
    t_fail "certificate: --out naming a folder is refused before one is issued" "$(cat "$T/cert-dir.out")"

run cert-xlsx 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30 --out "$T/cert.xlsx"
[ ! -e "$T/cert.xlsx" ] && grep -q "这个文件写成文本而不是工作簿" "$T/cert-xlsx.out" &&
    db_is "certificate: a text certificate under an .xlsx name is refused, none issued" "SELECT count(*) FROM certificate" 1 ||
    t_fail "certificate: a text certificate under an .xlsx name is refused, none issued" "$(cat "$T/cert-xlsx.out")"

run cert-desk 1 env BANGBAN_USER=desk "$BIN" --db "$DB" certificate 2023000001 --from 2026-01-01 --to 2026-11-30
db_is "certificate: the desk may not issue one" "SELECT count(*) FROM certificate" 1

run cert-full 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate 2023000001 --from 2026-03-01 --to 2026-03-31 --full-id
grep -q "证明编号：ZM-2026-00002" "$T/cert-full.out" && grep -q "证件号码：120101195601010127" "$T/cert-full.out" &&
    t_ok "certificate --full-id: numbered on, the ID number in full" ||
    t_fail "certificate --full-id: numbered on, the ID number in full" "$(cat "$T/cert-full.out")"
db_is "certificate --full-id: the audit log says so" \
    "SELECT count(*) FROM audit_log WHERE action = 'certificate-full-id' AND detail LIKE 'ZM-2026-00002:%'" 1

run cert-void-bare 2 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate --void ZM-2026-00001
run cert-void 0 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate --void zm-2026-00001 --reason "期间写错"
grep -q "证明 ZM-2026-00001 已作废" "$T/cert-void.out" && t_ok "certificate --void: voided with a reason" ||
    t_fail "certificate --void: voided with a reason" "$(cat "$T/cert-void.out")"
run cert-void-again 1 env BANGBAN_USER=volunteers "$BIN" --db "$DB" certificate --void ZM-2026-00001 --reason again
db_is "certificate --void: kept in the register with its reason" \
    "SELECT void_reason FROM certificate WHERE number = 'ZM-2026-00001'" "期间写错"
