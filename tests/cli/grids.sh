# A new district brought up from its ledgers: init, then the grids ledger
# (网格台账: street, community, grid code and name, workers) makes the
# streets and communities it names (said in the preview and the summary),
# the buildings and residents ledgers then find them by name; the same
# ledger twice changes nothing; a community named under another street, or
# a code that names another, is refused saying which; the export writes
# the columns the import reads, and reads back unchanged.
. "$(dirname "$0")/../lib.sh"

DB="$T/g.db"
export BANGBAN_USER=boss
run grids-init 0 "$BIN" --db "$DB" init </dev/null
printf '%s\r\n' "序号,街道,社区,网格编码,网格名称,网格员" \
    "1,万兴街道,万兴社区,WX0101,万兴第1网格,张网格" \
    "2,万兴街道,万兴社区,WX0102,万兴第2网格," \
    "3,万兴街道,广开社区,WX0201,广开第1网格,李四、王五" \
    "4,学府街道,学府社区,XF0101,学府第1网格," >"$T/grids.csv"
run grids-dry 0 "$BIN" --db "$DB" import grids "$T/grids.csv" --dry-run
grep -q "^将新建的街道和社区：街道 万兴街道、社区 万兴社区、社区 广开社区、街道 学府街道、社区 学府社区$" "$T/grids-dry.out" &&
    grep -q "将新增 4" "$T/grids-dry.out" && db_gives "$DB" "SELECT count(*) FROM street" 0 &&
    t_ok "import grids --dry-run: the streets and communities it would make are said, nothing made" ||
    t_fail "import grids --dry-run: the streets and communities it would make are said, nothing made" "$(cat "$T/grids-dry.out")"
run grids 0 "$BIN" --db "$DB" import grids "$T/grids.csv"
grep -q "^新建的街道和社区：街道 万兴街道（JD01）、社区 万兴社区（JD01-01）、社区 广开社区（JD01-02）、街道 学府街道（JD02）、社区 学府社区（JD02-01）$" "$T/grids.out" &&
    grep -q "新增 4，更新 0" "$T/grids.out" &&
    t_ok "import grids: the streets and communities the rows name are made, codes given where none was" ||
    t_fail "import grids: the streets and communities the rows name are made, codes given where none was" "$(cat "$T/grids.out")"
db_is "import grids: each grid in its community, in its street, with its workers" \
    "SELECT group_concat(g.code || '/' || c.name || '/' || s.name || '/' || g.workers, ' ') FROM (SELECT * FROM grid ORDER BY code) g JOIN community c ON c.id = g.community_id JOIN street s ON s.id = c.street_id" \
    "WX0101/万兴社区/万兴街道/张网格 WX0102/万兴社区/万兴街道/ WX0201/广开社区/万兴街道/李四、王五 XF0101/学府社区/学府街道/"
run grids-again 0 "$BIN" --db "$DB" import grids "$T/grids.csv"
grep -q "新增 0，更新 0，未变 4" "$T/grids-again.out" && ! grep -q "新建的街道" "$T/grids-again.out" &&
    t_ok "import grids: the same ledger twice changes nothing" ||
    t_fail "import grids: the same ledger twice changes nothing" "$(cat "$T/grids-again.out")"

# The buildings and residents ledgers find what it made by name.
printf '%s\r\n' "楼宇编码,楼宇名称,所属街道,所属网格" "B01,万兴大厦,万兴街道,万兴第2网格" >"$T/buildings.csv"
run grids-buildings 0 "$BIN" --db "$DB" import buildings "$T/buildings.csv"
printf '%s\r\n' "姓名,居民身份证号,所属社区,所属网格" "赵网,120101198001010039,广开社区,广开第1网格" >"$T/residents.csv"
run grids-residents 0 "$BIN" --db "$DB" import residents "$T/residents.csv"
db_is "the buildings and residents ledgers then find the streets, communities and grids by name" \
    "SELECT (SELECT g.code FROM building b JOIN grid g ON g.id = b.grid_id WHERE b.code = 'B01') || ' ' || (SELECT c.name || g.code FROM resident r JOIN community c ON c.id = r.community_id JOIN grid g ON g.id = r.grid_id WHERE r.name = '赵网')" \
    "WX0102 广开社区WX0201"

# A community named under another street than its own, a code that names another: refused, saying
# which; nothing of the row made.
printf '%s\r\n' "街道编码,街道,社区,网格编码,网格名称" ",学府街道,万兴社区,XF0102,学府第2网格" \
    "JD02,万兴街道,新社区,WX0301,新第1网格" "JD09,万兴街道,万兴社区,WX0103,万兴第3网格" >"$T/bad.csv"
run grids-bad 5 "$BIN" --db "$DB" import grids "$T/bad.csv"
grep -q "第 2 行「社区」：万兴社区 是万兴街道的社区" "$T/grids-bad.out" &&
    grep -q "第 3 行「街道」：街道编码 JD02 是学府街道，不是万兴街道" "$T/grids-bad.out" &&
    grep -q "第 4 行「街道」：万兴街道的编码是 JD01，不是 JD09" "$T/grids-bad.out" &&
    db_gives "$DB" "SELECT count(*) FROM grid WHERE code IN ('XF0102', 'WX0301', 'WX0103')" 0 &&
    db_gives "$DB" "SELECT count(*) FROM community WHERE name = '新社区'" 0 &&
    t_ok "import grids: a community of another street, a code of another, refused saying which" ||
    t_fail "import grids: a community of another street, a code of another, refused saying which" "$(cat "$T/grids-bad.out")"

# A grid named under another community moves there (a community it names made).
printf '%s\r\n' "街道,社区,网格编码,网格名称" "万兴街道,新兴社区,WX0102,万兴第2网格" >"$T/move.csv"
run grids-move 0 "$BIN" --db "$DB" import grids "$T/move.csv"
grep -q "新增 0，更新 1" "$T/grids-move.out" &&
    db_gives "$DB" "SELECT c.name FROM grid g JOIN community c ON c.id = g.community_id WHERE g.code = 'WX0102'" "新兴社区" &&
    t_ok "import grids: a grid named under another community moves there" ||
    t_fail "import grids: a grid named under another community moves there" "$(cat "$T/grids-move.out")"
printf '%s\r\n' "街道,社区,网格编码,网格名称" "万兴街道,万兴社区,WX0102,万兴第2网格" >"$T/back.csv"
"$BIN" --db "$DB" import grids "$T/back.csv" >/dev/null

# Out in the columns the import reads, and back unchanged.
run grids-export 0 "$BIN" --db "$DB" export grids "$T/out.csv"
grep -q "街道编码,所属街道,社区编码,所属社区,网格编码,网格名称,网格员" "$T/out.csv" &&
    grep -q "^JD01,万兴街道,JD01-02,广开社区,WX0201,广开第1网格,李四、王五" "$T/out.csv" &&
    t_ok "export grids: each grid with its community and street, codes and names" ||
    t_fail "export grids: each grid with its community and street, codes and names" "$(cat "$T/out.csv")"
run grids-back 0 "$BIN" --db "$DB" import grids "$T/out.csv"
grep -q "新增 0，更新 0，未变 4" "$T/grids-back.out" && t_ok "export grids: reads back unchanged" ||
    t_fail "export grids: reads back unchanged" "$(cat "$T/grids-back.out")"
t_sanitizers "grids"
