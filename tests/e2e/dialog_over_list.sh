# A dialog over a list whose edges fall inside wide characters (the F9 menu
# over the residents' grids, its right edge in 第 of 滨江道第1网格): each
# halved character is blanked, so the rest of every row stays in its
# column; left halved, curses drew the rows beside the box a column off.
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,所属网格" \
    "赵一,120101198001010119,滨江道第1网格" "钱二,120101198001020181,滨江道第2网格" \
    "孙三,120101198001030259,滨江道第3网格" "李四,120101198001040326,滨江道第1网格" \
    "周五,120101198001050399,滨江道第2网格" "吴六,120101198001060466,滨江道第3网格" \
    "郑七,120101198001070533,滨江道第1网格" "王八,120101198001080600,滨江道第2网格" >"$T/eight.csv"
"$BIN" --db "$DB" import residents "$T/eight.csv" >"$T/import.out" 2>&1 ||
    t_fail "the residents of the test are imported" "$(cat "$T/import.out")"

# As most terminals call themselves (GNOME Terminal, PuTTY): the way curses moves the cursor
# there after the box is what put the rest of the row a column off.
open_residents desk TERM=xterm-256color
wait_for desk "王八"
keys desk F9
wait_for desk "要做什么"
# The display column of 网格 on each row that shows a grid: one column for all, under the box or not.
screen desk | grep '[0-9]网格' >"$T/rows.txt"
: >"$T/columns.txt"
while IFS= read -r line; do
    printf '%s' "${line%网格*}" | LC_ALL=C.UTF-8 wc -L >>"$T/columns.txt"
done <"$T/rows.txt"
if [ "$(wc -l <"$T/rows.txt")" -ge 8 ] && [ "$(sort -u "$T/columns.txt" | wc -l)" = 1 ]; then
    t_ok "a dialog cutting wide characters leaves the rest of each row in its column"
else
    t_fail "a dialog cutting wide characters leaves the rest of each row in its column" \
        "$(paste "$T/columns.txt" "$T/rows.txt")"
fi
keys desk Escape
wait_gone desk "要做什么"
quits desk "quits cleanly"
