# 居民 at the desk, by a syllable inside a name and by a name typed
# without its dot: a ledger writes 买买提•艾力 (U+2022), stored as
# 买买提·艾力; aili and al find it, sf and sanfeng find 张三丰 after the
# names starting so; 买买提艾力 and 买买提・艾力 typed find it too.
. "$(dirname "$0")/lib.sh"

clear_search() {
    screen desk | grep -q "姓名、拼音首字母" && return
    keys desk Escape
    wait_for desk "姓名、拼音首字母"
}
# search_for TEXT: the search emptied, then TEXT typed and shown in it (what the list shows while
# it is not yet drawn would pass an expect, and leave the next search to be typed after it).
search_for() {
    clear_search
    type_text desk "$1"
    wait_for desk "查找： $1"
}

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" \
    "买买提•艾力,650102198503120051,13912340001" \
    "张三丰,120101195601010127,13900001111" \
    "三丰,120102198005050317,," >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the people of the test are imported" "$(cat "$T/import.out")"
db_is "the ledger's U+2022 dot is stored as the middle dot U+00B7" \
    "SELECT hex(name) FROM resident WHERE name LIKE '买买提%'" "E4B9B0E4B9B0E68F90C2B7E889BEE58A9B"

open_residents desk
type_text desk "aili"
expect desk "aili finds the name by its given name's pinyin" "买买提·艾力"
expect desk "and it alone" "共 1 条"
search_for "al"
expect desk "al, its initials, finds it too" "买买提·艾力"
search_for "sf"
wait_for desk "张三丰"
if screen desk | grep -A1 "^三丰 " | grep -q "^张三丰 "; then
    t_ok "sf finds 三丰 (its start) first, then 张三丰 (inside)"
else
    t_fail "sf finds 三丰 (its start) first, then 张三丰 (inside)" "$(screen desk)"
fi
search_for "sanfeng"
expect desk "full pinyin inside finds it too" "共 2 条"
search_for "买买提艾力"
expect desk "a name typed without its dot is found" "买买提·艾力"
search_for "买买提・艾力"
expect desk "and typed with another dot" "买买提·艾力"
keys desk Enter
expect desk "Enter opens the record found" "号码已遮蔽"
keys desk Escape
wait_for desk "查找："
quits desk "quits cleanly"
t_sanitizers "search inside names"
