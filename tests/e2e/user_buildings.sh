# A building chief's buildings on the users screen (操作员, the admin's):
# typed as codes or names on the user form, each checked (the one not
# found is named, nothing saved), listed in the unit-or-scope column, and
# edited again; a chief without buildings is saved and the list says so;
# a user with no password and no system login is listed as 未设密码; the
# role picker says the chosen role's rights whole.
. "$(dirname "$0")/lib.sh"

demo_db
admin_login centre-admin
open_section adm "服务清单" "帮办 - 服务清单" BANGBAN_USER=centre-admin
keys adm F9
choose adm "操作员"
expect adm "the users screen lists the demo's users" "共 7 条"
expect adm "the demo's chief with its buildings" "B101、B102"
keys adm F7
wait_for adm "新建操作员"
type_text adm "wanglz"
keys adm Tab Tab Tab Enter # the role
wait_for adm "共 7 项"
# A role's rights, cut in their column, are said whole under the list for the row chosen.
keys adm Down Down Down Down Down
expect adm "the admin's rights are said whole under the list" "访，登记志愿服务时长，修改系统设置，查找和登记居民"
type_text adm "楼长"
keys adm Enter
wait_gone adm "共 7 项"
keys adm Tab Tab Tab # past the unit and the scope, to the buildings
type_text adm "B103 没有这座楼"
keys adm F2
expect adm "a building that is not one is named" "没有楼宇「没有这座楼」"
db_is "and nothing is saved" "SELECT count(*) FROM \"user\" WHERE login = 'wanglz'" 0
keys adm C-u
type_text adm "B103、和平路商务中心"
keys adm F2
expect adm "a chief with buildings by code and by name is saved" "已保存：wanglz"
expect adm "and listed with its buildings' codes" "B102、B103"
expect adm "with no password yet, and the list says so" "未设密码"
db_is "its buildings are stored with it" \
    "SELECT group_concat(b.code, ' ') FROM user_building ub JOIN building b ON b.id = ub.building_id JOIN \"user\" u ON u.id = ub.user_id WHERE u.login = 'wanglz'" \
    "B102 B103"
type_text adm "wanglz"
wait_for adm "共 1 条"
keys adm Enter
wait_for adm "编辑操作员"
expect adm "the form shows them" "B102、B103"
keys adm Tab Tab Tab Tab Tab Tab C-u # the buildings
keys adm F2
expect adm "a chief without buildings is saved" "已保存：wanglz"
expect adm "and the list says it has none yet" "（尚未指定楼宇）"
db_is "none stored" "SELECT count(*) FROM user_building ub JOIN \"user\" u ON u.id = ub.user_id WHERE u.login = 'wanglz'" 0
db_is "the edit is audited with what changed" \
    "SELECT detail FROM audit_log WHERE action = 'user-edit' ORDER BY seq DESC LIMIT 1" "楼宇: B102、B103 -> "
quits adm "quits cleanly"
t_sanitizers "user buildings"
