# Two desks edit the same building on one database: 王芳 renames it, 李明,
# who opened it before, adds to its address. 李明's save is told who saved
# first and what each desk changed, and keeps what he typed; going back to
# editing saves nothing; saving his part writes only the address he changed,
# on top of 王芳's name, never her change undone.
. "$(dirname "$0")/lib.sh"

B101="SELECT name, address, updated_by, version FROM building WHERE code = 'B101'"

demo_db
users_as supervisor 王芳 李明
open_areas a BANGBAN_USER=王芳
open_areas b BANGBAN_USER=李明
for w in a b; do
    type_text $w "B101"
    wait_for $w "共 1 条"
    keys $w Enter
    expect $w "desk $w has B101 open" "编辑楼宇"
done

keys a Tab
type_text a "A座"
keys a F2
expect a "the first desk saves" "已保存：B101 滨江国际大厦A座"
db_is "the first save is stored" "$B101" "滨江国际大厦A座|和平区滨江道149号|王芳|2"

keys b Tab Tab
type_text b "9层"
keys b F2
expect b "the second desk is told someone saved first" "他人已先保存"
expect b "it says who changed the record" "王芳 已于"
expect b "it names the other desk's change" "名称：对方改为「滨江国际大厦A座」"
expect b "and its own" "地址：您改为「和平区滨江道149号9层」"
if screen b | grep -q "两边都改了"; then t_fail "nothing is said to be changed by both" "$(screen b)"; else t_ok "nothing is said to be changed by both"; fi

choose b "返回继续编辑（填写的内容不会丢失）"
expect b "going back says nothing was saved" "尚未保存：您填写的内容仍在"
expect b "and keeps the typing" "和平区滨江道149号9层"
db_is "going back saves nothing" "$B101" "滨江国际大厦A座|和平区滨江道149号|王芳|2"

keys b F2
wait_for b "他人已先保存"
choose b "保存我改的部分（其余保留对方的）"
expect b "saving one's part keeps the other's name" "已保存：B101 滨江国际大厦A座"
db_is "the stored building has the first desk's name and the second desk's address" "$B101" \
    "滨江国际大厦A座|和平区滨江道149号9层|李明|3"

quits a "desk a quits cleanly"
quits b "desk b quits cleanly"
t_sanitizers "conflict"
