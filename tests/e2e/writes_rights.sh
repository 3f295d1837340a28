# A list offers what the role may do, and every change is in the audit log
# with what changed. A unit handler opens the service catalogue to read it:
# no F4, F7 or F8 in the key bar (pressed, they say why), and Enter shows an
# item read only in its form (every field, none editable, no F2, Esc back).
# A supervisor changes that item's limit, and the 操作日志 screen shows the
# change, old -> new, in words.
. "$(dirname "$0")/lib.sh"

demo_db
# sign_in NAME LOGIN PASSWORD: bangban in NAME, signed in as LOGIN from a system login bound to none.
sign_in() {
    start "$1" "BANGBAN_USER=unbound-$1"
    wait_for "$1" "请登录"
    type_text "$1" "$2"
    keys "$1" Tab
    type_text "$1" "$3"
    keys "$1" Enter
    wait_for "$1" "党群服务中心"
}
keybar() { screen "$1" | tail -1; }
was=$(sqlite3 "$DB" "SELECT accept_minutes || ' ' || version FROM service_item WHERE code = 'HB055'")
edits=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'edit'")

sign_in unit unit demo-unit
choose unit "服务清单"
wait_for unit "共 176 条"
case $(keybar unit) in
*4编辑* | *7新建* | *8停用*) t_fail "a unit handler is offered no F4, F7 or F8 on the catalogue" "$(keybar unit)" ;;
*) t_ok "a unit handler is offered no F4, F7 or F8 on the catalogue" ;;
esac
case $(keybar unit) in
*查找*刷新*已停用*) t_ok "and still searches, refreshes and shows retired rows" ;;
*) t_fail "and still searches, refreshes and shows retired rows" "$(keybar unit)" ;;
esac
keys unit F7
expect unit "F7 pressed says why nothing happens" "您的角色无权修改这里的记录"
type_text unit "dtkr"
wait_for unit "共 1 条"
keys unit Enter
expect unit "Enter opens the item in its form, titled to be looked at, not edited" "查看服务事项"
expect unit "every field shown" "电梯困人应急处置"
expect unit "read only, said at the foot" "只读：您的角色无权修改。Esc：返回"
if keybar unit | grep -q "保存"; then t_fail "no F2 in the key bar" "$(keybar unit)"; else t_ok "no F2 in the key bar"; fi
type_text unit "改"
expect unit "typing changes nothing and says why" "您的角色只能查看这条记录"
keys unit F2
expect unit "F2 saves nothing" "您的角色只能查看这条记录"
keys unit Escape
expect unit "Esc leaves, asking nothing" "共 1 条"
db_is "nothing was written" \
    "SELECT accept_minutes || ' ' || version FROM service_item WHERE code = 'HB055'" "$was"
quits unit "the unit handler quits"

sign_in sup supervisor demo-supervisor
choose sup "服务清单"
wait_for sup "共 176 条"
case $(keybar sup) in
*4编辑*7新建*8停用*) t_ok "a supervisor is offered F4, F7 and F8" ;;
*) t_fail "a supervisor is offered F4, F7 and F8" "$(keybar sup)" ;;
esac
type_text sup "dtkr"
wait_for sup "共 1 条"
keys sup Enter
wait_for sup "修改服务事项"
if screen sup | grep -q "只读"; then t_fail "the supervisor's form is not read only" "$(screen sup)"; else t_ok "the supervisor's form is not read only"; fi
keys sup Tab Tab Tab Tab C-u
type_text sup "20分钟"
keys sup F2
expect sup "the supervisor saves the item" "已保存：电梯困人应急处置"
db_is "one audit row for the change, in its transaction" \
    "SELECT count(*) - $edits FROM audit_log WHERE action = 'edit'" 1
db_is "naming the item and what changed" \
    "SELECT subject || ' ' || (detail LIKE 'Sign for within: % -> 20分钟') FROM audit_log ORDER BY seq DESC LIMIT 1" \
    "item:$(sqlite3 "$DB" "SELECT id FROM service_item WHERE code = 'HB055'") 1"
keys sup Escape Escape Escape
wait_for sup "党群服务中心　主管"
choose sup "操作日志"
wait_for sup "哈希链完整"
type_text sup "20分钟"
expect sup "the audit log lists the change in words" "修改记录"
expect sup "the field by its Chinese name, old -> new" "签收时限："
keys sup Enter
expect sup "Enter shows the row in full" "操作日志第"
expect sup "with the new value" "-> 20分钟"
quits sup "the supervisor quits"
t_sanitizers "writes and rights"
