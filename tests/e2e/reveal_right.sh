# Rights end to end: a volunteer coordinator, whose role finds residents
# (volunteers are residents) but may neither reveal a full ID or mobile
# number nor read the audit log, is offered neither (the home screen and
# the F9 menus are built from the role's rights), and pressing the key
# anyway does nothing; the store refuses the reveal too
# (tests/unit/test_users_db.c).
. "$(dirname "$0")/lib.sh"

demo_with_zsf 13900001111
sign_in chief "volunteers" "demo-volunteers"
if screen chief | grep -q "操作日志"; then
    t_fail "a coordinator's home screen offers no audit log" "$(screen chief)"
else
    t_ok "a coordinator's home screen offers no audit log"
fi
choose chief "居民"
wait_for chief "查找："
type_text chief "zsf"
wait_for chief "共 1 条"
keys chief Enter
wait_for chief "号码已遮蔽"
keys chief F9
expect chief "F9 offers the record's other commands" "编辑"
if screen chief | grep -q "显示完整手机号\|显示完整身份证号"; then
    t_fail "but not showing a number in full, which the role may not" "$(screen chief)"
else
    t_ok "but not showing a number in full, which the role may not"
fi
keys chief 2
if screen chief | grep -q "13900001111"; then t_fail "its key does nothing either: the number stays masked" "$(screen chief)"; else t_ok "its key does nothing either: the number stays masked"; fi
db_is "and no reveal is written" "SELECT count(*) FROM audit_log WHERE action = 'reveal'" 0
keys chief Escape
quits chief "the coordinator quits"
t_sanitizers "reveal_right"
