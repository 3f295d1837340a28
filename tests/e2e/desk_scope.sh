# A desk's scope: a clerk whose scope names a community (or a street)
# finds the queues started at that community's requests, says so above the
# list, and widens them to the whole district with F9 0; the scope bounds
# nothing, it is where the desk starts.
. "$(dirname "$0")/lib.sh"

"$BIN" --db "$DB" demo --requests 300 >/dev/null
count() { sqlite3 "$DB" "$1"; }
all=$(count "SELECT count(*) FROM request")
in_community=$(count "SELECT count(*) FROM request r JOIN community c ON c.id = r.community_id WHERE c.name = '浙江路社区'")
in_street=$(count "SELECT count(*) FROM request r JOIN community c ON c.id = r.community_id JOIN street s ON s.id = c.street_id WHERE s.name = '小白楼街道'")
sqlite3 "$DB" "UPDATE \"user\" SET scope = '浙江路社区' WHERE role = 'desk'"

open_section desk "诉求" "未办结"
expect desk "the queues start at the desk's community" "只看：浙江路社区"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
expect desk "and hold its requests only" "共 $in_community 条"
keys desk F9
wait_for desk "取消全部筛选"
keys desk 0
expect desk "F9 0 widens them to the district" "共 $all 条"
if screen desk | grep -q "只看："; then t_fail "and says no filter any more" "$(screen desk)"; else t_ok "and says no filter any more"; fi
quits desk "the desk quits"

sqlite3 "$DB" "UPDATE \"user\" SET scope = '小白楼街道' WHERE role = 'desk'"
open_section desk2 "诉求" "未办结"
expect desk2 "a desk whose scope is a street starts at that street" "只看：小白楼街道"
keys desk2 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
expect desk2 "and holds its communities' requests" "共 $in_street 条"
quits desk2 "the second desk quits"
t_sanitizers "desk_scope"
