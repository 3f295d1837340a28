# A list follows what other desks write, with no key pressed: a resident's
# phone changed by another process (here a ledger imported meanwhile) shows
# on the desk's list within a second or two, the selection kept; the home
# screen's count follows a resident registered elsewhere.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null 2>&1

start desk
count=$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE status = ''")
wait_for desk "居民 $count 人"
printf '%s\r\n' "姓名,身份证号,手机号码" "孙丽,120104197001010527,13512345678" >"$T/two.csv"
"$BIN" --db "$DB" import residents "$T/two.csv" >/dev/null 2>&1
expect desk "the home screen counts a resident registered by another process, no key pressed" \
    "居民 $((count + 1)) 人"

choose desk "居民"
wait_for desk "最近登记"
type_text desk "张三丰"
wait_for desk "139****1111"
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13722222222" >"$T/three.csv"
"$BIN" --db "$DB" import residents "$T/three.csv" >/dev/null 2>&1
expect desk "the list shows the phone another process saved, no key pressed" "137****2222"
expect desk "the search stays as typed" "查找： 张三丰"
quits desk "quits cleanly"
t_sanitizers "list follows"
