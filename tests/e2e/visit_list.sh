# A list for visits at the keyboard: 空巢老人 in one grid, chosen from the
# resident list's F9 (tag by pinyin, the grid by name, any address), the
# list narrows and says what it holds; F9 exports just those, masked; a
# piece of the address narrows it further; "whole register" brings all back.
. "$(dirname "$0")/lib.sh"

demo_db
# id NUMBER17: the 18-character ID number with its check digit.
id() {
    awk -v n="$1" 'BEGIN { split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
        for (i = 1; i <= 17; i++) s += substr(n, i, 1) * w[i]
        print n substr("10X98765432", s % 11 + 1, 1) }'
}
printf '%s\r\n' "姓名,身份证号,所属社区,所属网格,住址,标签" \
    "王秀兰,$(id 12010119450101002),滨江道社区,滨江道第1网格,滨江道1号楼2门301,空巢老人" \
    "李桂英,$(id 12010119460202002),滨江道社区,滨江道第1网格,滨江道3号楼3门402,空巢老人、党员" \
    "赵德明,$(id 12010119470303001),滨江道社区,滨江道第2网格,滨江道9号楼1门101,空巢老人" \
    "钱小红,$(id 12010119800404002),滨江道社区,滨江道第1网格,滨江道1号楼2门302," >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"

# filter_visits AREA ADDRESS: F9's visit list of 空巢老人, in AREA ("" for any) and with ADDRESS
# in the address ("" for any).
filter_visits() {
    keys desk F9
    choose desk "走访名单：按标签、地区、地址筛选"
    wait_for desk "走访名单：标签"
    type_text desk "kc"
    wait_for desk "空巢老人"
    keys desk Enter
    wait_for desk "走访名单：社区或网格"
    if [ -n "$1" ]; then
        type_text desk "$1"
        wait_for desk "$1"
    fi
    keys desk Enter
    wait_for desk "走访名单：地址"
    [ -n "$2" ] && type_text desk "$2"
    keys desk Enter
}

open_residents desk
wait_for desk "共 4 条"
filter_visits "滨江道第1网格" ""
expect desk "the list says what it holds" "走访名单：空巢老人，滨江道第1网格（F9 修改或清除）"
expect desk "two residents are 空巢老人 in that grid" "共 2 条"
if screen desk | grep -q "赵德明\|钱小红"; then t_fail "others are left out" "$(screen desk)"; else t_ok "others are left out"; fi

keys desk F9
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/visits.csv"
keys desk Enter
expect desk "the export says how many went where" "已写出居民 2 人到 $T/visits.csv"
if [ "$(grep -c '^王秀兰,\|^李桂英,' "$T/visits.csv")" = 2 ] && [ "$(wc -l <"$T/visits.csv")" = 3 ] &&
    grep -q "120\*\*\*\*\*\*\*\*\*\*\*" "$T/visits.csv"; then
    t_ok "the file holds the visit list, numbers masked"
else
    t_fail "the file holds the visit list, numbers masked" "$(cat "$T/visits.csv")"
fi

# Narrowed by a piece of the address.
filter_visits "滨江道第1网格" "3号楼"
expect desk "a piece of the address narrows it" "地址含「3号楼」"
expect desk "to one" "共 1 条"
# A filter that keeps no one says so, not that the register is empty.
filter_visits "" "99号楼"
expect desk "an empty visit list says no one matches it, and how to change it" \
    "没有符合这个走访名单的居民。按 F9 修改或清除筛选条件。"
keys desk F9
choose desk "恢复显示全部居民"
expect desk "the whole register is back" "共 4 条"
quits desk "bangban ends cleanly"
t_sanitizers "desk"
