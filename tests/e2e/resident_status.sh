# A resident's life on the register, at the keyboard, time pinned: 张三 moves
# out (date, where to, why) from the record's F9; the record says so; the
# list and search-as-you-type no longer show him, F6 shows him dimmed with
# 迁出; 孙丽 is recorded deceased; a new request for her is refused with a
# clear message while her old request still opens; each change is in the
# audit log; back on the register brings 张三 back. The CLI's find hides
# them and --all shows them with their status.
. "$(dirname "$0")/lib.sh"

NOW="BANGBAN_NOW=2026-03-02T09:30"
demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三,110101199003074477,13800138000" \
    "张三丰,120101195601010127,13900001111" "孙丽,120104197001010527,13512345678" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"

# status_asked WHO LABEL: the resident WHO found and opened, F9, the status LABEL chosen.
status_asked() {
    type_text desk "$1"
    wait_for desk "共 1 条"
    keys desk Enter
    wait_for desk "号码已遮蔽"
    keys desk F9
    choose desk "迁出、死亡或恢复在册"
    choose desk "$2"
}

# change_status WHO LABEL PROMPT ANSWER...: on the list, find WHO, open the
# record, F9, the status LABEL, then for each dialog its PROMPT waited for
# and its ANSWER typed over what it offers.
change_status() {
    status_asked "$1" "$2"
    shift 2
    while [ $# -ge 2 ]; do
        wait_for desk "$1"
        keys desk C-u
        type_text desk "$2"
        keys desk Enter
        wait_gone desk "$1"
        shift 2
    done
}

# file_request PINYIN SHOWN: in 诉求, F7, the requester found by PINYIN
# (SHOWN in the chooser), the 低保 item, F2.
file_request() {
    keys desk F7
    wait_for desk "登记诉求"
    intake_for desk "$1" "$2"
    type_text desk "zdshbz"
    wait_for desk "HB001 最低生活保障申请"
    keys desk Enter
    wait_gone desk "回车选定"
    keys desk Tab Tab Tab Tab Tab Tab Tab
    type_text desk "申请低保"
    keys desk F2
}

# 孙丽 files a request while alive.
open_section desk "诉求" "待派单" "$NOW"
file_request "sl" "孙丽"
wait_for desk "回执保存为文件"
keys desk Escape
wait_gone desk "回执保存为文件"
keys desk Escape
wait_for desk "待派单"
keys desk Escape
wait_for desk "前台工作台"
choose desk "居民"
wait_for desk "查找："

# A date that will not do is said at once, at its own prompt, and asked again as typed.
status_asked "张三丰" "迁出"
wait_for desk "迁出日期"
keys desk C-u
type_text desk "2026-02-30"
keys desk Enter
expect desk "a date that is none is refused at its prompt" "2026-02-30：不是日期"
expect desk "and asked again, as typed" "迁出日期"
keys desk C-u
type_text desk "1900-01-01"
keys desk Enter
expect desk "nor before the birth" "1900-01-01：日期早于出生日期"
keys desk Escape
wait_gone desk "迁出日期"
keys desk Escape
wait_gone desk "号码已遮蔽"
keys desk C-u
change_status "张三丰" "迁出" "迁出日期" "2026-02-28" "迁往" "河北区" "理由或依据" "本人来电告知"
expect desk "the move is said and recorded" "张三丰：迁出，已记入操作日志"
expect desk "the record says so at its top" "2026-02-28 迁出，迁往 河北区"
logged=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'resident-status' AND detail = 'present -> moved 2026-02-28 河北区: 本人来电告知'")
[ "$logged" = 1 ] && t_ok "the audit log keeps the change and its reason" || t_fail "the audit log keeps the change and its reason" "$(sqlite3 "$DB" 'SELECT * FROM audit_log')"

keys desk Escape
wait_for desk "查找："
keys desk Escape
wait_for desk "最近登记"
if screen desk | grep -q "张三丰"; then t_fail "the moved-out resident leaves the default list" "$(screen desk)"; else t_ok "the moved-out resident leaves the default list"; fi
type_text desk "zs"
expect desk "search as you type no longer finds him" "共 1 条"
keys desk F6
expect desk "F6 shows those off the register too" "共 2 条（含迁出、死亡）"
if screen desk | grep -q "^张三丰 .*迁出$"; then t_ok "his row says 迁出"; else t_fail "his row says 迁出" "$(screen desk)"; fi
keys desk F6
expect desk "F6 again hides him" "共 1 条"
keys desk Escape
wait_for desk "最近登记"

# 孙丽 dies; her request still opens, a new one is refused.
change_status "孙丽" "死亡" "死亡日期" "2026-03-01" "理由或依据" "社区网格员告知"
expect desk "the death is recorded" "孙丽：死亡，已记入操作日志"
expect desk "her record says so" "2026-03-01 死亡"
keys desk Escape
wait_for desk "查找："
keys desk Escape
wait_for desk "最近登记"
keys desk Escape
wait_for desk "前台工作台"
choose desk "诉求"
wait_for desk "待派单"
keys desk BTab
expect desk "her request is still listed" "2026-000001"
keys desk Enter
expect desk "and opens, for its history" "孙丽"
keys desk Escape
wait_gone desk "办理经过"
keys desk F7
wait_for desk "登记诉求"
keys desk Tab
type_text desk "sl"
expect desk "the requester search names her with her status" "2026-03-01 死亡 120"
keys desk Escape
wait_gone desk "回车选定"
keys desk Escape
wait_gone desk "登记诉求"
file_request "sl" "孙丽"
expect desk "a new request for the deceased is refused, saying why" "该居民已登记为死亡，不能为其新登记诉求"
n=$(sqlite3 "$DB" "SELECT count(*) FROM request")
[ "$n" = 1 ] && t_ok "and nothing is written" || t_fail "and nothing is written" "$n requests"
keys desk F10
wait_for desk "仍要退出吗"
keys desk y
wait_exit desk >/dev/null

# Back on the register.
open_residents desk2 "$NOW"
keys desk2 F6
wait_for desk2 "含迁出、死亡"
type_text desk2 "张三丰"
wait_for desk2 "共 1 条"
keys desk2 Enter
wait_for desk2 "号码已遮蔽"
keys desk2 F9
choose desk2 "迁出、死亡或恢复在册"
choose desk2 "在册"
wait_for desk2 "理由或依据"
type_text desk2 "登记有误"
keys desk2 Enter
wait_gone desk2 "理由或依据"
expect desk2 "back on the register" "张三丰：在册，已记入操作日志"
quits desk2 "bangban ends cleanly"

# The CLI: hidden by default, shown with --all and their status.
out=$("$BIN" --db "$DB" find residents 孙丽)
case "$out" in *"0 shown"* | *"显示 0 人"*) t_ok "find hides the deceased" ;; *) t_fail "find hides the deceased" "$out" ;; esac
out=$(LANGUAGE=en "$BIN" --db "$DB" find residents 孙丽 --all)
case "$out" in *"Deceased 2026-03-01"*) t_ok "find --all shows her with her status" ;; *) t_fail "find --all shows her with her status" "$out" ;; esac
t_sanitizers "desk"
