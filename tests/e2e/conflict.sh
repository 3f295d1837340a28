# Two desks edit the same building on one database. The second save is
# told who changed it and what differs, and keeps what it typed; it can go
# back to editing, or save its typing over the other.
. "$(dirname "$0")/lib.sh"

demo_db
open_areas a BANGBAN_USER=王芳
open_areas b BANGBAN_USER=李明
for w in a b; do
    type_text $w "B101"
    wait_for $w "共 1 条" >/dev/null
    keys $w Enter
    expect $w "desk $w has B101 open" "编辑楼宇"
done

keys a Tab
type_text a "A座"
keys a F2
expect a "the first desk saves" "已保存：B101 滨江国际大厦A座"

keys b Tab Tab
type_text b "9层"
keys b F2
expect b "the second desk is told someone saved first" "他人已先保存"
expect b "it says who changed the record" "王芳 已于"
expect b "it shows what differs" "名称：您填的是「滨江国际大厦」，现在是「滨江国际大厦A座」"
keys b 3
expect b "going back keeps the typing" "9层"
expect b "and says nothing was saved" "尚未保存：您填写的内容仍在"
name=$(sqlite3 "$DB" "SELECT name FROM building WHERE code = 'B101'")
[ "$name" = "滨江国际大厦A座" ] && t_ok "the first save stands" || t_fail "the first save stands" "$name"

keys b F2
wait_for b "他人已先保存" >/dev/null
keys b 1
expect b "saving over it works" "已保存：B101 滨江国际大厦"
row=$(sqlite3 "$DB" "SELECT name, address, updated_by, version FROM building WHERE code = 'B101'")
case "$row" in
*"|"*9层"|李明|3") t_ok "the second desk's typing is saved over, as asked" ;;
*) t_fail "the second desk's typing is saved over, as asked" "$row" ;;
esac
keys a F10
keys b F10
wait_exit a >/dev/null
wait_exit b >/dev/null
t_sanitizers "conflict"
