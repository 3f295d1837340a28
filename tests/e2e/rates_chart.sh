# 三率 as a supervisor uses it: the rates per community and per street as
# well as per unit, any period typed in a dialog (a date that does not
# exist and a period that ends before it starts refused, saying which and
# why), the quick periods, and the selected row's chart month by month,
# following the selection; the home screen's four weeks as small charts.
. "$(dirname "$0")/lib.sh"

# has_braille: true when stdin holds one of the braille patterns a chart draws with.
has_braille() { grep -q -e "⣿" -e "⣀" -e "⣤" -e "⣶" -e "⠉" -e "⠒" -e "⠤" -e "⡀" -e "⢀" -e "⠊" -e "⠑"; }

NOW=BANGBAN_NOW=2026-11-30T09:00
demo_db
env $NOW "$BIN" --db "$DB" demo --requests 2000 --years 1 >/dev/null

# The home screen: four weeks of intake and overdue requests, day by day.
start home "$NOW"
wait_for home "前台工作台"
expect home "the home screen charts the intake of four weeks" "近四周每日受理"
expect home "and the overdue requests at each day's end" "近四周每日超时"
if screen home | grep -A3 "近四周每日受理" | has_braille; then
    t_ok "the intake chart is drawn in braille"
else
    t_fail "the intake chart is drawn in braille" "$(screen home)"
fi
quits home "quits cleanly"

open_section rates "三率" "回访不足 5 件的不排名" "$NOW"
expect rates "per unit to begin with" "责任单位"
# By community: the title and the first column say so, and the rows are communities.
keys rates F9
choose rates "按社区"
expect rates "grouped by community, the title says so" "三率（按社区）"
expect rates "the first column is the community" "所属社区"
expect rates "a community is a row" "滨江道社区"
keys rates End
expect rates "the district's row stays" "全区："
keys rates Home
# By street.
keys rates F9
choose rates "按街道"
expect rates "grouped by street, the title says so" "三率（按街道）"
expect rates "a street is a row" "劝业场街道"
street_rows=$(screen rates | grep -c "街道  ")
[ "$street_rows" -ge 6 ] && t_ok "each of the six streets has its row" ||
    t_fail "each of the six streets has its row" "$(screen rates)"

# A period typed: a day that does not exist is refused, naming the field and why.
keys rates F9
choose rates "任选起止日期..."
wait_for rates "任选时段的三率"
keys rates C-u
type_text rates "2026-02-30"
keys rates Tab C-u
type_text rates "2026-03-31"
keys rates Enter
expect rates "a day that does not exist is refused, saying which and why" "第一天 2026-02-30: 没有这一天"
expect rates "the dialog stays with what was typed" "2026-03-31"
keys rates C-u
type_text rates "2026-04-01"
keys rates Enter Enter
expect rates "a period that ends before it starts is refused" "最后一天早于第一天：这段时间是空的"
keys rates C-u
type_text rates "2026-04-30"
keys rates Enter
expect rates "an April typed is the period shown" "2026-04-01 至 2026-04-30 受理的诉求"
wait_gone rates "任选时段的三率"
keys rates F9
choose rates "近 12 个月"
expect rates "the last twelve months, a quick choice" "2025-12-01 至 2026-11-30 受理的诉求"
keys rates F9
choose rates "上月"
expect rates "last month, a quick choice" "2026-10-01 至 2026-10-31 受理的诉求"

# The chart: the selected street's rates and requests month by month, ending with the period's.
keys rates Tab
wait_for rates "受理量"
expect rates "the chart names its row and months" "[1/7] 劝业场街道：2025-11 至 2026-10 按月"
if screen rates | grep -A3 "^ 响应率 " | has_braille; then
    t_ok "the response rate is drawn in braille"
else
    t_fail "the response rate is drawn in braille" "$(screen rates)"
fi
screen rates >"$T/first.chart"
keys rates Down
expect rates "Down moves to the next row, the chart follows" "[2/7] 小白楼街道"
screen rates >"$T/second.chart"
if cmp -s "$T/first.chart" "$T/second.chart" || ! diff "$T/first.chart" "$T/second.chart" | grep "|" | has_braille; then
    t_fail "another street draws another chart" "$(cat "$T/second.chart")"
else
    t_ok "another street draws another chart"
fi
keys rates End
expect rates "the district's chart" "[7/7] 全区"
keys rates Tab
expect rates "Tab goes back to the table" "直接答复率"
expect rates "keeping the row selected" "全区："
# The table to a file: named 三率 and its period, with the BOM Excel reads UTF-8 by.
keys rates F9
choose rates "导出为 CSV"
expect rates "the file is named by the period" "三率 2026-10-01至2026-10-31.csv"
keys rates Enter
f="$T/Documents/bangban/三率 2026-10-01至2026-10-31.csv"
expect rates "written, its full path said" "已写入 $T/Documents/bangban/三率 2026-10-01"
if head -c 3 "$f" | od -An -tx1 | grep -q "ef bb bf"; then
    t_ok "the file starts with the UTF-8 BOM"
else
    t_fail "the file starts with the UTF-8 BOM" "$(head -c 16 "$f" | od -c)"
fi
grep -q "劝业场街道" "$f" && t_ok "and holds the table" || t_fail "and holds the table" "$(cat "$f")"
quits rates "quits cleanly"
t_sanitizers "rates_chart"
