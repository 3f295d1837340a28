# Two desks edit the same resident. The second save is told who changed the
# record and what differs, keeps its typing, and can save over it when asked.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三,110101199003074477,13800138000" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null

for w in a b; do
    case $w in a) user=王芳 ;; b) user=李明 ;; esac
    open_residents $w BANGBAN_USER=$user
    type_text $w "zs"
    wait_for $w "共 1 条" >/dev/null
    keys $w F4
    expect $w "desk $w has 张三 open" "编辑居民"
    # Down to 地址, the tenth field.
    keys $w Tab Tab Tab Tab Tab Tab Tab Tab Tab
done

type_text a "3号楼-1单元-101"
keys a F2
expect a "the first desk saves" "已保存：张三"

type_text b "5号楼-2单元-202"
keys b F2
expect b "the second desk is told someone saved first" "他人已先保存"
expect b "it says who changed the record" "王芳 已于"
expect b "it shows what differs" "地址：您填的是「5号楼-2单元-202」，现在是「3号楼-1单元-101」"
keys b 3
expect b "going back keeps the typing" "5号楼-2单元-202"
address=$(sqlite3 "$DB" "SELECT address FROM resident WHERE id_number = '110101199003074477'")
[ "$address" = "3号楼-1单元-101" ] && t_ok "the first save stands" || t_fail "the first save stands" "$address"

keys b F2
wait_for b "他人已先保存" >/dev/null
keys b 1
expect b "saving over it works" "已保存：张三"
row=$(sqlite3 "$DB" "SELECT address, updated_by, version FROM resident WHERE id_number = '110101199003074477'")
[ "$row" = "5号楼-2单元-202|李明|3" ] && t_ok "the second desk's typing is saved over, as asked" || t_fail "the second desk's typing is saved over, as asked" "$row"
# Once more, and this time the second desk takes the stored record instead.
keys a F4
wait_for a "编辑居民" >/dev/null
keys a Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys b F4
wait_for b "编辑居民" >/dev/null
keys b Tab Tab Tab Tab Tab Tab Tab Tab Tab
keys a C-u
type_text a "7号楼"
keys a F2
wait_for a "已保存：张三" >/dev/null
keys b C-u
type_text b "9号楼"
keys b F2
wait_for b "他人已先保存" >/dev/null
keys b 2
expect b "dropping one's typing shows the stored record" "已显示该记录的最新内容"
expect b "as it is now" "7号楼"
if screen b | grep -q "9号楼"; then t_fail "the dropped typing is gone" "$(screen b)"; else t_ok "the dropped typing is gone"; fi
keys a F10
keys b F10
wait_exit a >/dev/null
wait_exit b >/dev/null
t_sanitizers "resident conflict"
