# The settings are the admin's: a desk clerk's F9 on the service catalogue
# does not offer 设置 (and the store would refuse it); the admin changes one,
# and the audit log (操作日志) shows who changed which setting, from what
# to what.
. "$(dirname "$0")/lib.sh"

demo_db
admin_login centre-admin

# The demo's desk clerk (the system login that made it).
open_section clerk "服务清单" "帮办 - 服务清单"
keys clerk F9
wait_for clerk "修改我的密码"
if [ -z "$(key_of clerk "设置")" ]; then t_ok "a desk clerk is not offered the settings"; else t_fail "a desk clerk is not offered the settings" "$(screen clerk)"; fi
if [ -z "$(key_of clerk "操作员")" ]; then t_ok "nor the users"; else t_fail "nor the users" "$(screen clerk)"; fi
keys clerk Escape
wait_gone clerk "修改我的密码"
quits clerk "the clerk quits"

open_section adm "服务清单" "帮办 - 服务清单" BANGBAN_USER=centre-admin
keys adm F9
choose adm "设置"
wait_for adm "本中心的设置"
wait_for adm "输错几次锁定"
keys adm Tab Tab Tab Tab Tab Tab C-u # the failed sign-ins that lock an account
type_text adm "3"
keys adm F2
expect adm "the admin saves a setting" "设置已保存"
db_is "it is stored" "SELECT value FROM meta WHERE key = 'lock_failures'" "3"
# The saved form has closed: one Esc (sent twice, as a fast Esc) leaves the catalogue.
expect adm "the saved settings close back to the catalogue" "帮办 - 服务清单"
keys adm Escape Escape
wait_for adm "党群服务中心　管理员"
choose adm "操作日志"
wait_for adm "哈希链完整"
expect adm "the audit log shows the settings changed" "修改设置         settings       输错几次锁定"
type_text adm "输错几次"
expect adm "typing finds the row" "共 1 条"
keys adm Enter
expect adm "the row names the setting, from what to what" "输错几次锁定: 5 -> 3"
keys adm Escape
wait_for adm "共 1 条"
quits adm "the admin quits"
db_is "one audit row for the save, by the admin" \
    "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'settings' ORDER BY seq DESC LIMIT 1" \
    "admin 输错几次锁定: 5 -> 3"
t_sanitizers "settings right"
