# A desk saving while another process holds the database: the message line
# says it is waiting and for how long, Esc gives up and the form keeps what
# was typed, and once the other writer is done the same save goes through.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
type_text desk "B101"
wait_for desk "共 1 条"
keys desk Enter
expect desk "the building is open for editing" "编辑楼宇"
keys desk Tab
type_text desk "A座"

# Another writer takes the write lock and keeps it.
db_hold "$DB" "BEGIN IMMEDIATE;"

keys desk F2
expect desk "the desk says it is waiting for the database" "正在等待数据库"
keys desk Escape
expect desk "Esc gives up the save and says why" "数据库正忙"
expect desk "the form keeps what was typed" "滨江国际大厦A座"
db_is "nothing was saved" "SELECT name FROM building WHERE code = 'B101'" "滨江国际大厦"

db_release "COMMIT;"
keys desk F2
expect desk "once the other writer is done, the save goes through" "已保存：B101 滨江国际大厦A座"
quits desk "quits cleanly"
t_sanitizers "busy desk"
