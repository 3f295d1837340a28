# 审定 at the keyboard: a unit returns a request, the desk keeps the
# dispatch (维持原派单) with a note; the unit handles it then, and may not
# return it again: 退单 is no longer among its actions, and its letter says
# so; the timeline says who kept it and why.
. "$(dirname "$0")/lib.sh"

demo_with_zsf
open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30
take_down desk "申请低保"
wait_for desk "2026-000001  已派单"
choose desk "退单"
wait_for desk "退单理由"
choose desk "属地不符"
wait_for desk "给前台的说明"
type_text desk "不属本单位职责"
keys desk Enter
expect desk "returned by the unit" "2026-000001  退单待审"
choose desk "维持原派单"
wait_for desk "维持原派单"
type_text desk "经审核属本单位职责，请签收办理"
keys desk Enter
expect desk "the desk keeps the dispatch: dispatched to the same unit again" "2026-000001  已派单"
expect desk "the timeline says it was kept, and why" "经审核属本单位职责"
if screen desk | grep -q "t 退单"; then
    t_fail "a kept dispatch offers no second return" "$(screen desk)"
else
    t_ok "a kept dispatch offers no second return"
fi
expect desk "签收 is offered" "q 签收"
type_text desk "t"
expect desk "and t says a return is not a step it can take now" "t 退单：这件诉求现在不能做这一步"
db_is "one return on the record" "SELECT returns FROM request" 1
quits desk "quits cleanly"
t_sanitizers "request kept"
