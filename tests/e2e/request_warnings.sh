# A request left three working days without progress shows 黄色预警, in its
# header and in the queue's 警示 column; chasing it (催办) or writing a note
# is not progress: the warning stays where it was.
. "$(dirname "$0")/lib.sh"

demo_with_zsf
open_section desk "诉求" "未办结" "BANGBAN_NOW=2026-03-02T09:30"
take_down desk "低保申请"
wait_for desk "2026-000001  已派单"
# Signed for and first contact the same morning: in hand, its deadline weeks away.
type_text desk "q"
wait_for desk "签收 2026-000001"
keys desk y
wait_for desk "2026-000001  已签收"
choose desk "首次联系"
wait_for desk "联系诉求人的方式"
type_text desk "已电话联系"
keys desk Enter
wait_for desk "2026-000001  办理中"
keys desk Escape
wait_for desk "未办结"
quits desk "the desk quits"

# A week on (five working days), nothing more done by the unit.
open_section late "诉求" "未办结" "BANGBAN_NOW=2026-03-09T10:00"
expect late "the queue's 警示 column warns of it" "2026-000001"
row=$(screen late | grep -F "2026-000001")
case "$row" in *黄*) t_ok "yellow in the 警示 column" ;; *) t_fail "yellow in the 警示 column" "$row" ;; esac
keys late Enter
expect late "its header says why" "黄色预警：无进展"
choose late "催办"
wait_for late "催办"
type_text late "请尽快办理"
keys late Enter
expect late "the urge is on the timeline" "请尽快办理"
expect late "an urge is no progress: the warning stays" "黄色预警：无进展"
keys late Escape
wait_for late "未办结"
row=$(screen late | grep -F "2026-000001")
case "$row" in *黄*) t_ok "and the queue still warns of it" ;; *) t_fail "and the queue still warns of it" "$(screen late)" ;; esac
db_is "the urge is stored" "SELECT count(*) FROM request_event WHERE action = 'urge'" 1
quits late "quits cleanly"
t_sanitizers "request_warnings"
