# A request whose requester left no number (anonymous, or a resident with
# none on file): the callback's question says there is no number to call
# and to reach them another way, never 「请致电 （）」.
. "$(dirname "$0")/lib.sh"

demo_with_zsf

open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30
take_down desk "申请低保"
wait_for desk "2026-000001  已派单"
# Replied by the unit, taken down from someone who gave no name and no number.
sqlite3 "$DB" "UPDATE request SET status = 'replied', replied_at = accept_due, accepted_at = accept_due, contacted_at = accept_due, followup_due = resolve_due, due = resolve_due, requester_kind = 'anonymous', resident_id = NULL, requester = '', requester_phone = '', version = version + 1"
keys desk F5
wait_for desk "已反馈"
expect desk "no name given reads （匿名）" "诉求人 （匿名）"
keys desk h
expect desk "the callback says there is no number, and who is called" "请致电 诉求人（没有留电话：请另想办法联系）"
keys desk Escape
wait_gone desk "没有留电话"
keys desk n
expect desk "so does a call not answered" "记录 诉求人（没有留电话：请另想办法联系）未接通"
keys desk Escape
# A number added later: still （匿名）, with the number.
sqlite3 "$DB" "UPDATE request SET requester_phone = '13912345678', version = version + 1"
keys desk F5
expect desk "a number added keeps the （匿名） beside it" "诉求人 （匿名） 139****5678"
quits desk "quits cleanly"
t_sanitizers "callback with no number"
