# A building's grid lies in its street: moving a building to another street
# while its grid stays is refused at F2 on the grid, saying why; with a
# grid of the new street it saves; bangban check reports a building moved
# behind the form.
. "$(dirname "$0")/lib.sh"

B101="SELECT s.name, g.name FROM building b JOIN street s ON s.id = b.street_id JOIN grid g ON g.id = b.grid_id WHERE b.code = 'B101'"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
type_text desk "B101"
wait_for desk "共 1 条"
keys desk Enter
expect desk "the building is open" "所属网格: 山西路第1网格"
# Down to 所属街道, the fourth field, and another street.
keys desk Tab Tab Tab Enter
type_text desk "xbl"
wait_for desk "小白楼街道"
keys desk Enter
expect desk "the street is changed" "所属街道: 小白楼街道"
keys desk F2
expect desk "the grid of another street is refused, on the grid" "这个网格属于别的街道：请选本街道的网格"
db_is "nothing was saved" "$B101" "劝业场街道|山西路第1网格"

# The refusal left the focus on the grid.
keys desk Enter
expect desk "the grid chooser offers the new street's grids" "共 "
keys desk Down Enter
wait_gone desk "回车选定"
keys desk F2
expect desk "with a grid of the new street it saves" "已保存：B101"
row=$(sqlite3 "$DB" "$B101")
case $row in 小白楼街道\|*) t_ok "the building is in the new street with one of its grids ($row)" ;;
*) t_fail "the building is in the new street with one of its grids" "$row" ;; esac
quits desk "quits cleanly"

sqlite3 "$DB" "UPDATE building SET street_id = (SELECT id FROM street WHERE name = '劝业场街道') WHERE code = 'B101'"
"$BIN" --db "$DB" check >"$T/check.out" 2>&1
[ $? = 4 ] && grep -q "楼宇 B101 滨江国际大厦：所属网格 .* 在别的街道" "$T/check.out" &&
    t_ok "bangban check reports a building whose grid is in another street" ||
    t_fail "bangban check reports a building whose grid is in another street" "$(cat "$T/check.out")"
t_sanitizers "building street"
