#!/bin/sh
# make bench: timings on generated data, each beside the machine's own
# baseline measured in the same run. Writes only to a temporary directory.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
T=$(mktemp -d "${TMPDIR:-/tmp}/bangban-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export LANG=C.UTF-8 BANGBAN_LOCALEDIR="$top/build/locale"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "bangban $("$bin" --version | cut -d' ' -f2), SQLite $(sqlite3 --version | cut -d' ' -f1)"
echo

start=$(date +%s%N)
"$bin" --db "$T/demo.db" demo >/dev/null
end=$(date +%s%N)
echo "demo district created in $(( (end - start) / 1000000 )) ms"
echo
"$top/build/rel/tests/bench/coveragebench" "$T/demo.db" 200
echo

# Residents at district scale. BANGBAN_BENCH_RESIDENTS makes a smaller district for a quick look.
n=${BANGBAN_BENCH_RESIDENTS:-355600}
stat="$top/build/rel/tests/bench/runstat"
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# rounds A B: each round's A over its B (files of one time a line, rounds in order), then the median
# of those. Rounds alternate, so a machine that slows for a minute slows both of a round alike.
rounds() {
    paste -d' ' "$1" "$2" | awk '{printf "%.2f ", $1 / $2}'
    echo "(median $(paste -d' ' "$1" "$2" | awk '{printf "%.3f\n", $1 / $2}' | median))"
}

echo "residents: $n generated into the demo district"
"$stat" "$bin" --db "$T/district.db" demo --residents "$n" >/dev/null 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "  bangban demo --residents $n            $ms ms, peak RSS $mib MiB"
echo "  database size                            $(( $(stat -c %s "$T/district.db") / 1048576 )) MiB (target <= 200)"
echo

# Import: the district as a GB18030 ledger, into an empty register, end to end
# (decode, check, pinyin, every search index), beside the naive pipeline on
# the same file: iconv | sqlite3 .import, a unique index on the ID number and
# an FTS5 trigram index on names. Five rounds each, alternating; medians.
env BANGBAN_USER=supervisor "$bin" --db "$T/district.db" export residents "$T/ledger.csv" --unmasked --reason "bench" \
    --encoding gb18030 >/dev/null
echo "import of a $n-row GB18030 ledger ($(( $(stat -c %s "$T/ledger.csv") / 1048576 )) MiB), five rounds, medians:"
# naive LEDGER DB: the naive pipeline, timed by runstat into $T/stat.
naive() {
    "$stat" sh -c "iconv -f GB18030 -t UTF-8 '$1' | sqlite3 '$2' \
        '.import --csv /dev/stdin r' \
        'CREATE UNIQUE INDEX r_id ON r(\"居民身份证号\")' \
        'CREATE VIRTUAL TABLE r_name USING fts5(name, tokenize = \"trigram\")' \
        'INSERT INTO r_name (rowid, name) SELECT rowid, \"姓名\" FROM r'" 2>"$T/stat"
}
# import_round SUFFIX: one round of ours and the naive one, times appended to $T/ours$SUFFIX etc.
# Each starts with what was written before it on disk (sync), so neither pays for the other's.
import_round() {
    rm -f "$T/import.db"* "$T/naive.db"*
    "$bin" --db "$T/import.db" demo >/dev/null
    sync
    "$stat" "$bin" --db "$T/import.db" import residents "$T/ledger.csv" >"$T/import.out" 2>"$T/stat"
    read -r ms mib <"$T/stat"
    echo "$ms" >>"$T/ours$1"
    echo "$mib" >>"$T/peak$1"
    sync
    naive "$T/ledger.csv" "$T/naive.db"
    read -r ms mib <"$T/stat"
    echo "$ms" >>"$T/naive$1"
}
: >"$T/ours"; : >"$T/naive"; : >"$T/peak"
: >"$T/ours-busy"; : >"$T/naive-busy"; : >"$T/peak-busy"
for round in 1 2 3 4 5; do
    import_round ""
    # The same with one core kept busy by another program, as a desk machine may be.
    sh -c 'while :; do :; done' &
    spin=$!
    import_round "-busy"
    kill "$spin"
    wait "$spin" 2>/dev/null || true
done
ours=$(median <"$T/ours")
naive=$(median <"$T/naive")
echo "  bangban import residents                 $ours ms, peak RSS $(median <"$T/peak") MiB (target <= 160)"
echo "  naive iconv | sqlite3 + indexes          $naive ms"
echo "  ratio, both cores idle                   $(awk "BEGIN {printf \"%.2f\", $ours / $naive}") (target <= 1.2)"
echo "    round by round                         $(rounds "$T/ours" "$T/naive")"
echo "  ratio, one core busy                     $(awk "BEGIN {printf \"%.2f\", $(median <"$T/ours-busy") / $(median <"$T/naive-busy")}") ($(median <"$T/ours-busy") ms against $(median <"$T/naive-busy") ms)"
echo "    round by round                         $(rounds "$T/ours-busy" "$T/naive-busy")"
tail -1 "$T/import.out" | sed 's/^/  /'
# A desk saving meanwhile: one row, its phone changed each time (a write, not a look), GAP seconds
# apart, from the import's start to its end; each save's time, the process's start included.
printf '%s\r\n' "姓名,居民身份证号,手机号" "周八,110105194912310070,13800000001" >"$T/desk0.csv"
printf '%s\r\n' "姓名,居民身份证号,手机号" "周八,110105194912310070,13800000002" >"$T/desk1.csv"
# desk_saves DB GAP: until $T/loading is gone, into $T/desk.ms.
desk_saves() {
    i=0
    while [ -f "$T/loading" ]; do
        i=$((i + 1))
        t0=$(date +%s%N)
        "$bin" --db "$1" import residents "$T/desk$((i % 2)).csv" >/dev/null 2>&1
        echo $((($(date +%s%N) - t0) / 1000000)) >>"$T/desk.ms"
        sleep "$2"
    done
}
# import_with_desk DB LEDGER GAP: a first import of LEDGER into a new demo district DB, a desk
# saving GAP seconds apart meanwhile; says how long it took and how long the saves waited.
import_with_desk() {
    rm -f "$1"*
    "$bin" --db "$1" demo >/dev/null
    : >"$T/desk.ms"
    touch "$T/loading"
    desk_saves "$1" "$3" &
    desk=$!
    "$stat" "$bin" --db "$1" import residents "$2" >/dev/null 2>"$T/stat"
    rm -f "$T/loading"
    wait "$desk"
    read -r ms mib <"$T/stat"
    echo "  with a desk saving a row every $3 s      $ms ms; the saves: $(wc -l <"$T/desk.ms"), p50 $(median <"$T/desk.ms") ms, at worst $(sort -n "$T/desk.ms" | tail -1) ms (target: none waits 1000 ms)"
    rm -f "$1"*
}
import_with_desk "$T/desk.db" "$T/ledger.csv" 0.2
# The same ledger into a register a desk registered a thousand of its residents in first, their
# addresses otherwise: loaded as into an empty register, those rows merged after the load. Once.
iconv -f GB18030 -t UTF-8 "$T/ledger.csv" | head -n 1001 | sed '2,$s/号楼/号楼东/' >"$T/few.csv"
rm -f "$T/few.db"*
"$bin" --db "$T/few.db" demo >/dev/null
"$bin" --db "$T/few.db" import residents "$T/few.csv" >/dev/null
sync
"$stat" "$bin" --db "$T/few.db" import residents "$T/ledger.csv" >"$T/few.out" 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "  into a register of 1,000 of its residents $ms ms, peak RSS $mib MiB (once; row by row: 6.7 times the first import)"
tail -1 "$T/few.out" | sed 's/^/    /'
rm -f "$T/few.db"* "$T/few.csv"
# What the register takes on disk per 100,000 residents (its tables, indexes and search
# tables, from dbstat), beside the naive database of the last round (the whole file).
pages() { sqlite3 "$1" "SELECT coalesce(sum(d.pgsize), 0) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name WHERE $2"; }
per100k() { awk "BEGIN {printf \"%.1f\", $1 / 1048576 * 100000 / $n}"; }
ours_b=$(pages "$T/import.db" "s.tbl_name LIKE 'resident%'")
search_b=$(pages "$T/import.db" "s.tbl_name IN ('resident_gram', 'resident_key', 'resident_key_inner')")
naive_b=$(stat -c %s "$T/naive.db")
fts_b=$(pages "$T/naive.db" "s.tbl_name LIKE 'r_name%'")
echo "  size per 100,000 residents               $(per100k "$ours_b") MiB, of which search tables $(per100k "$search_b") MiB"
echo "  naive table + unique ID + FTS5 trigram   $(per100k "$naive_b") MiB, of which FTS5 $(per100k "$fts_b") MiB"
echo "  ratio                                    $(awk "BEGIN {printf \"%.2f\", $ours_b / $naive_b}") (target <= 1.5)"
echo

# BANGBAN_BENCH_BIG=1: the same at ten districts (3,500,000 residents), once: minutes.
if [ -n "${BANGBAN_BENCH_BIG:-}" ]; then
    big=${BANGBAN_BENCH_BIG_RESIDENTS:-3500000}
    "$bin" --db "$T/big.db" demo --residents "$big" >/dev/null
    env BANGBAN_USER=supervisor "$bin" --db "$T/big.db" export residents "$T/big.csv" --unmasked --reason "bench" \
        --encoding gb18030 >/dev/null
    rm -f "$T/big.db"*
    "$bin" --db "$T/big.db" demo >/dev/null
    "$stat" "$bin" --db "$T/big.db" import residents "$T/big.csv" >/dev/null 2>"$T/stat"
    read -r ms mib <"$T/stat"
    rm -f "$T/big.db"*
    naive "$T/big.csv" "$T/big.db"
    read -r nms nmib <"$T/stat"
    echo "import of a $big-row GB18030 ledger ($(( $(stat -c %s "$T/big.csv") / 1048576 )) MiB), once:"
    echo "  bangban import residents                 $ms ms, peak RSS $mib MiB (target <= 160)"
    echo "  naive iconv | sqlite3 + indexes          $nms ms, peak RSS $nmib MiB"
    import_with_desk "$T/big.db" "$T/big.csv" 1
    rm -f "$T/big.db"* "$T/big.csv"
    echo
fi

# A dry run of the same ledger over the register it filled: every row compared, nothing written.
"$stat" "$bin" --db "$T/import.db" import residents "$T/ledger.csv" --dry-run >"$T/dry.out" 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "  bangban import residents --dry-run       $ms ms, peak RSS $mib MiB (the ledger over its own register)"
tail -1 "$T/dry.out" | sed 's/^/  /'
# The same for real: a month's ledger again, every row compared and found unchanged, row by row.
"$stat" "$bin" --db "$T/import.db" import residents "$T/ledger.csv" >"$T/again.out" 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "  bangban import residents, again          $ms ms, peak RSS $mib MiB (target <= 160)"
tail -1 "$T/again.out" | sed 's/^/  /'
echo

"$top/build/rel/tests/bench/searchbench" "$T/district.db" 300
echo
# Organisations in the buildings (一企一档) at the scale the issue sets. BANGBAN_BENCH_ORGANISATIONS
# makes fewer for a quick look.
o=${BANGBAN_BENCH_ORGANISATIONS:-100000}
"$stat" "$bin" --db "$T/orgs.db" demo --organisations "$o" >/dev/null 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "organisations: $o generated into the demo district's commercial buildings"
echo "  bangban demo --organisations $o         $ms ms, peak RSS $mib MiB"
echo "  database size                            $(( $(stat -c %s "$T/orgs.db") / 1048576 )) MiB"
"$top/build/rel/tests/bench/orgbench" "$T/orgs.db" 300
rm -f "$T/orgs.db"*
echo

# Volunteers at district scale, beside the residents above (three in five of them residents).
v=${BANGBAN_BENCH_VOLUNTEERS:-110000}
env BANGBAN_USER=volunteers "$stat" "$bin" --db "$T/district.db" demo --volunteers "$v" >/dev/null 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "volunteers: $v generated into the district"
echo "  bangban demo --volunteers $v            $ms ms, peak RSS $mib MiB"
# Three years of their activities and service records (BANGBAN_BENCH_HOURS_YEARS: fewer).
y=${BANGBAN_BENCH_HOURS_YEARS:-3}
env BANGBAN_USER=volunteers "$stat" "$bin" --db "$T/district.db" demo --hours-years "$y" >"$T/hours.out" 2>"$T/stat"
read -r ms mib <"$T/stat"
echo "  bangban demo --hours-years $y               $ms ms, peak RSS $mib MiB (target < 60000 ms):"
sed 's/^/    /' "$T/hours.out"
"$top/build/rel/tests/bench/volunteerbench" "$T/district.db" 300
"$top/build/rel/tests/bench/hoursbench" "$T/district.db" 500
# A volunteer's counted hours and star level, on those service records.
"$top/build/rel/tests/bench/starbench" "$T/district.db" 0 2000
echo

# A desk's one-row save while a long import writes (it commits every 200 ms and lets go),
# beside the same save with nothing else running.
env BANGBAN_USER=supervisor "$bin" --db "$T/district.db" export residents "$T/all.csv" --unmasked --reason bench >/dev/null
head -n 50001 "$T/all.csv" | sed '2,$s/,\([^,]*\)$/,改\1/' >"$T/changed.csv"
printf '%s\r\n' "姓名,居民身份证号" "周八,110105194912310070" >"$T/one.csv"
save_ms() {
    t0=$(date +%s%N)
    "$bin" --db "$T/district.db" import residents "$T/one.csv" >/dev/null 2>&1
    echo $((($(date +%s%N) - t0) / 1000000))
}
alone=$(for i in 1 2 3 4 5; do save_ms; done | median)
begun() { sqlite3 "$T/district.db" "SELECT count(*) FROM audit_log WHERE action = 'import-begun'" 2>/dev/null; }
before=$(begun)
"$bin" --db "$T/district.db" import residents "$T/changed.csv" >/dev/null 2>&1 &
long=$!
# Until its first batch is committed, looking again whenever the database's files change.
while [ "$(begun)" = "$before" ] && kill -0 "$long" 2>/dev/null; do
    inotifywait -qq -t 1 -e modify,create "$T" 2>/dev/null
done
: >"$T/saves"
while kill -0 "$long" 2>/dev/null; do save_ms >>"$T/saves"; done
wait "$long"
echo "a one-row save (bangban import of one row, the process's start included):"
echo "  alone                                    $alone ms (median of 5)"
echo "  during a 50,000-row import               $(sort -n "$T/saves" | tail -1) ms at worst of $(wc -l <"$T/saves") (target < 1000)"
echo

"$top/build/rel/tests/bench/textbench" 300000
echo
"$top/build/rel/tests/bench/auditbench" "$T" 1000000
echo

# Requests at district scale: years of history, then the queues, saving and the rates.
# Beside the generation, a sqlite3 copy of the same rows (the tables the generation wrote) into a
# new database with the same tables and indexes: what writing those rows costs at the least. Both
# take seconds of disk writes that vary from run to run (the copy from 4 to 7 s), so: five rounds,
# each the generation into the district as it was before (the first round's is kept) and then the
# copy; medians. The copy
# moves whole records and index entries as they are (SQLite's transfer of a table into an empty
# one); a second copy row by row (ORDER BY id stops that transfer), with the cache the generation
# has, is what SQLite's own inserting of those rows and their index entries costs, no generating.
q=${BANGBAN_BENCH_REQUESTS:-500000}
# copy_db FROM TO: a closed database and its WAL, if it has one.
copy_db() {
    rm -f "$2" "$2-wal" "$2-shm"
    cp "$1" "$2"
    if [ -f "$1-wal" ]; then cp "$1-wal" "$2-wal"; fi
}
copy_db "$T/district.db" "$T/before.db"
: >"$T/gen"
: >"$T/copied"
: >"$T/rowcopied"
for round in 1 2 3 4 5; do
    db="$T/district.db"
    [ "$round" = 1 ] || { db="$T/again.db" && copy_db "$T/before.db" "$db"; }
    sync # each timed step starts with what was written before it on disk
    "$stat" "$bin" --db "$db" demo --requests "$q" --years 3 >/dev/null 2>"$T/stat"
    cat "$T/stat" >>"$T/gen"
    if [ "$round" = 1 ]; then
        {
            for t in evening_talk request request_event; do
                sqlite3 "$T/district.db" "SELECT sql || ';' FROM sqlite_schema WHERE name = '$t'"
                sqlite3 "$T/district.db" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = '$t' AND sql IS NOT NULL"
            done
            echo "ATTACH '$T/district.db' AS old; BEGIN;"
            for t in evening_talk request request_event; do echo "INSERT INTO $t SELECT * FROM old.$t;"; done
            echo "COMMIT;"
        } >"$T/copy.sql"
        sed -e 's/^ATTACH/PRAGMA cache_size = -65536; ATTACH/' \
            -e 's/^INSERT INTO \([a-z_]*\) SELECT \* FROM old\.\([a-z_]*\);$/INSERT INTO \1 SELECT * FROM old.\2 ORDER BY id;/' \
            "$T/copy.sql" >"$T/rowcopy.sql"
    fi
    rm -f "$T/copy.db"*
    sync
    "$stat" sh -c "sqlite3 '$T/copy.db' <'$T/copy.sql'" 2>"$T/stat"
    cut -d' ' -f1 "$T/stat" >>"$T/copied"
    rm -f "$T/copy.db"*
    sync
    "$stat" sh -c "sqlite3 '$T/copy.db' <'$T/rowcopy.sql'" 2>"$T/stat"
    cut -d' ' -f1 "$T/stat" >>"$T/rowcopied"
    rm -f "$T/copy.db"* "$T/again.db"*
done
rm -f "$T/before.db"*
ms=$(cut -d' ' -f1 "$T/gen" | median)
mib=$(cut -d' ' -f2 "$T/gen" | sort -n | tail -1)
copy_ms=$(median <"$T/copied")
echo "requests: $q over three years generated into the district, five rounds, medians:"
echo "  bangban demo --requests $q              $ms ms, peak RSS $mib MiB ($(cut -d' ' -f1 "$T/gen" | tr '\n' ' ')ms)"
echo "  sqlite3 copy of the same rows, same indexes $copy_ms ms ($(tr '\n' ' ' <"$T/copied")ms)"
echo "  ratio                                    $(awk "BEGIN {printf \"%.2f\", $ms / $copy_ms}") (target <= 2)"
cut -d' ' -f1 "$T/gen" >"$T/gen-ms"
echo "    round by round                         $(rounds "$T/gen-ms" "$T/copied")"
rowcopy_ms=$(median <"$T/rowcopied")
echo "  the same copy row by row, no generating   $rowcopy_ms ms ($(tr '\n' ' ' <"$T/rowcopied")ms): $(awk "BEGIN {printf \"%.2f\", $rowcopy_ms / $copy_ms}") the copy, the generation $(awk "BEGIN {printf \"%.2f\", $ms / $rowcopy_ms}") it"
echo "  database size with residents and requests $(( $(stat -c %s "$T/district.db") / 1048576 )) MiB"
"$top/build/rel/tests/bench/requestbench" "$T/district.db" 60
echo
echo "the screen, through a pty (residents on the district database above):"
"$top/build/rel/tests/bench/uibench" "$bin" "$T/demo.db" 30 "$T/district.db"
echo

# Desks: ten at once on the district database above, each after the empty search and typing;
# with BANGBAN_BENCH_BIG=1 on 3,500,000 generated residents instead (about 1.6 GiB, a minute and
# a half to make).
if [ "${BANGBAN_BENCH_BIG:-0}" = 1 ]; then
    "$stat" "$bin" --db "$T/big.db" demo --residents 3500000 >/dev/null 2>"$T/stat"
    read -r ms mib <"$T/stat"
    echo "desks on 3,500,000 residents ($ms ms to generate, $(( $(stat -c %s "$T/big.db") / 1048576 )) MiB):"
    "$top/build/rel/tests/bench/deskbench" "$bin" "$T/big.db" 10
    rm -f "$T/big.db"*
else
    echo "desks on the district database above ($n residents and $q requests; BANGBAN_BENCH_BIG=1: 3,500,000 residents):"
    "$top/build/rel/tests/bench/deskbench" "$bin" "$T/district.db" 10
fi
