# Lists for visits and the life of the register through the CLI: find and
# export residents filtered by tag, community, grid and a piece of the
# address; those moved out or deceased left out unless --all, which shows
# their status; an unknown grid named; a filter on another ledger refused;
# an address's dashes of any width stored and looked for as '-'.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/v.db"
demo_at "$DB"
printf '%s\r\n' "姓名,身份证号,所属社区,所属网格,住址,标签" \
    "王秀兰,120101194501010029,滨江道社区,滨江道第1网格,滨江道1号楼2门301,空巢老人" \
    "李桂英,120101194602020023,滨江道社区,滨江道第1网格,滨江道1号楼3门402,空巢老人、党员" \
    "赵德明,12010119470303001X,滨江道社区,滨江道第2网格,滨江道9号楼1门101,空巢老人" \
    "钱小红,120101198004040022,滨江道社区,滨江道第1网格,滨江道1号楼2门302," \
    "孙大伟,120101195005050018,新华社区,新华第1网格,新华路5号,空巢老人" >"$T/people.csv"
run import 0 "$BIN" --db "$DB" import residents "$T/people.csv"

run visits-grid 0 "$BIN" --db "$DB" find residents --tag 空巢老人 --grid 滨江道第1网格
t_golden "find: a visit list by tag and grid, by address" "$E/visits-grid.txt" "$T/visits-grid.out"
run visits-community 0 "$BIN" --db "$DB" find residents --community 滨江道社区 --address 1号楼
grep -q "显示 3 人，共 3 人" "$T/visits-community.out" && ! grep -q "赵德明" "$T/visits-community.out" &&
    t_ok "find: by community and a piece of the address" ||
    t_fail "find: by community and a piece of the address" "$(cat "$T/visits-community.out")"
run visits-unknown 1 "$BIN" --db "$DB" find residents --grid 没有这个网格
grep -q "没有名为 没有这个网格 的网格" "$T/visits-unknown.out" && t_ok "find: an unknown grid is named" ||
    t_fail "find: an unknown grid is named" "$(cat "$T/visits-unknown.out")"

run export 0 "$BIN" --db "$DB" export residents "$T/visits.csv" --tag 空巢老人 --grid 滨江道第1网格
n=$(grep -c "^王秀兰\|^李桂英" "$T/visits.csv")
[ "$n" = 2 ] && [ "$(wc -l <"$T/visits.csv")" = 3 ] && ! grep -q "120101194501010029" "$T/visits.csv" &&
    t_ok "export: the visit list, masked" || t_fail "export: the visit list, masked" "$(cat "$T/export.out" "$T/visits.csv")"
run export-other 2 "$BIN" --db "$DB" export catalogue "$T/c.csv" --tag 空巢老人

# 王秀兰 dies: gone from the lists and exports, shown with --all.
sqlite3 "$DB" "UPDATE resident SET status = 'deceased', status_date = '2026-01-05' WHERE name = '王秀兰'"
run after 0 "$BIN" --db "$DB" find residents --tag 空巢老人 --grid 滨江道第1网格
grep -q "显示 1 人，共 1 人" "$T/after.out" && t_ok "find: the deceased leaves the visit list" ||
    t_fail "find: the deceased leaves the visit list" "$(cat "$T/after.out")"
run after-all 0 "$BIN" --db "$DB" find residents --tag 空巢老人 --grid 滨江道第1网格 --all
grep -q "王秀兰.*	2026-01-05 死亡$" "$T/after-all.out" && t_ok "find --all: shown, with the status" ||
    t_fail "find --all: shown, with the status" "$(cat "$T/after-all.out")"
# One tag chooses: a second is refused, not read as the last alone; a tag no one has is named.
run tag-twice 1 "$BIN" --db "$DB" find residents --tag 空巢老人 --tag 党员
run tag-unknown 1 "$BIN" --db "$DB" export residents "$T/none.csv" --tag 不存在的标签
grep -q "只能给一个标签" "$T/tag-twice.out" && grep -q "没有名为 不存在的标签 的标签" "$T/tag-unknown.out" &&
    [ ! -e "$T/none.csv" ] &&
    t_ok "find, export: two tags, or a tag no one has, are refused saying why" ||
    t_fail "find, export: two tags, or a tag no one has, are refused saying why" "$(cat "$T/tag-twice.out" "$T/tag-unknown.out")"
run export-all 0 "$BIN" --db "$DB" export residents "$T/all.csv" --all
run export-present 0 "$BIN" --db "$DB" export residents "$T/present.csv"
[ "$(wc -l <"$T/all.csv")" = 6 ] && [ "$(wc -l <"$T/present.csv")" = 5 ] &&
    t_ok "export: those on the register, or --all" || t_fail "export: those on the register, or --all" "$(wc -l "$T/all.csv" "$T/present.csv")"
head -1 "$T/all.csv" | grep -q ",备注,状态.$" && grep -q "^王秀兰,.*,2026-01-05 死亡.$" "$T/all.csv" &&
    [ "$(grep -c ",在册.$" "$T/all.csv")" = 4 ] && ! head -1 "$T/present.csv" | grep -q "状态" &&
    t_ok "export --all: a last column says each one's status" ||
    t_fail "export --all: a last column says each one's status" "$(cat "$T/all.csv" "$T/present.csv")"
printf '%s\r\n' "姓名,身份证号,所属社区,所属网格,住址" \
    "周淑芬,120101195106060020,新华社区,新华第1网格,５号楼－２单元－３０１" >"$T/dash.csv"
run import-dash 0 "$BIN" --db "$DB" import residents "$T/dash.csv"
# An address's full-width digits and dashes are stored as ASCII, and found however they are typed.
db_gives "$DB" "SELECT address FROM resident WHERE name = '周淑芬'" "5号楼-2单元-301" &&
    t_ok "import: an address's full-width dashes stored as '-'" ||
    t_fail "import: an address's full-width dashes stored as '-'" "$(sqlite3 "$DB" "SELECT address FROM resident WHERE name = '周淑芬'")"
run visits-dash 0 "$BIN" --db "$DB" find residents --community 新华社区 --address '5号楼－2单元'
grep -q "周淑芬" "$T/visits-dash.out" && t_ok "find: an address typed with a full-width dash finds it" ||
    t_fail "find: an address typed with a full-width dash finds it" "$(cat "$T/visits-dash.out")"
# An address stored before dashes were made '-' is found by one typed either way.
sqlite3 "$DB" "UPDATE resident SET address = '7号楼－3单元——101' WHERE name = '周淑芬'"
run visits-old-dash 0 "$BIN" --db "$DB" find residents --community 新华社区 --address '7号楼-3单元-101'
grep -q "周淑芬" "$T/visits-old-dash.out" && t_ok "find: an address stored with wide dashes is found by '-'" ||
    t_fail "find: an address stored with wide dashes is found by '-'" "$(cat "$T/visits-old-dash.out")"
