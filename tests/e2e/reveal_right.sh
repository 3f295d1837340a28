# A right checked end to end: a building chief, whose role may not reveal a
# full ID or mobile number, asks to on a resident's record and is refused
# in words, the number staying masked and nothing written to the audit log;
# the store refuses it too (tests/unit/test_users_db.c).
. "$(dirname "$0")/lib.sh"

demo_with_zsf 13900001111
start chief BANGBAN_USER=someone-unbound
wait_for chief "请登录"
type_text chief "chief"
keys chief Tab
type_text chief "demo-chief"
keys chief Enter
wait_for chief "前台工作台"
choose chief "居民"
wait_for chief "查找："
type_text chief "zsf"
wait_for chief "共 1 条"
keys chief Enter
wait_for chief "号码已遮蔽"
keys chief F9
choose chief "显示完整手机号"
wait_for chief "为什么需要"
type_text chief "回访"
keys chief Enter
expect chief "a role without the right is refused, in words" "未显示：您的角色不能查看完整的身份证号或手机号"
if screen chief | grep -q "13900001111"; then t_fail "the number stays masked" "$(screen chief)"; else t_ok "the number stays masked"; fi
db_is "and no reveal is written" "SELECT count(*) FROM audit_log WHERE action = 'reveal'" 0
quits chief "the chief quits"
t_sanitizers "reveal_right"
