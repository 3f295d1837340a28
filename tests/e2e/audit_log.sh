# The audit log for a supervisor (a desk clerk is not offered it): who
# showed or exported what, newest first;
# typing (in the words shown) and F9 narrow it; Enter shows a row in full; above the list, the
# hash chain's verdict, which names the row changed behind bangban's back.
. "$(dirname "$0")/lib.sh"

"$BIN" --db "$DB" demo --residents 30 >/dev/null
env BANGBAN_USER=admin "$BIN" --db "$DB" export residents "$T/x.csv" --unmasked --reason 核对名单 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/y.csv" --unmasked --reason 走访空巢老人 >/dev/null
n=$(($(sqlite3 "$DB" "SELECT count(*) FROM audit_log") + 1)) # and this desk's sign-in

# The audit log is a supervisor's: a desk clerk's home screen does not offer it.
start clerk
wait_for clerk "前台工作台"
if screen clerk | grep -q "操作日志"; then t_fail "a desk clerk is not offered the audit log" "$(screen clerk)"; else t_ok "a desk clerk is not offered the audit log"; fi
quits clerk "the clerk quits"
n=$((n + 1)) # the clerk's sign-in
sign_in desk "supervisor" "demo-supervisor"
choose desk "操作日志"
wait_for desk "操作日志：共 $n 行，哈希链完整"
expect desk "the newest row first, in words" "supervisor 登录"
expect desk "and how they signed in, in words too" "凭密码"
expect desk "the user a row is about is named by login, not by number alone" \
    "user:$(sqlite3 "$DB" "SELECT id FROM \"user\" WHERE login = 'supervisor'") super"
type_text desk "走访"
expect desk "typing narrows to the rows that say it" "共 1 条"
keys desk Enter
seq=$(sqlite3 "$DB" "SELECT seq FROM audit_log WHERE detail LIKE '%走访空巢老人'")
expect desk "Enter shows the row in full" "操作日志第 $seq 行"
expect desk "with its reason" "走访空巢老人"
keys desk Escape
wait_for desk "共 1 条"
keys desk Escape Escape
wait_gone desk "查找： 走访"
# The words the list shows an action in find it: 完整号码导出 is stored as export-unmasked.
type_text desk "完整号码导出"
expect desk "typing the action as shown finds its rows" "共 2 条"
keys desk Escape Escape
wait_gone desk "查找： 完整号码导出"
keys desk F9
choose desk "只看一位操作员"
wait_for desk "看谁的记录"
type_text desk "admin"
keys desk Enter
expect desk "one person's rows, said above the list" "；admin"
if screen desk | grep -q "supervisor *完整号码导出"; then t_fail "and no one else's" "$(screen desk)"; else t_ok "and no one else's"; fi

# Changed behind bangban's back: the chain says which row.
sqlite3 "$DB" "DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET detail = '改过' WHERE seq = 2"
keys desk F9
choose desk "重新校验哈希链"
expect desk "the chain walked again names the row changed" "操作日志：第 2 行与其哈希不符"
quits desk "quits cleanly"
t_sanitizers "audit log"
