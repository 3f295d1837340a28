# A first import into an empty register while desks work: the database
# stays in WAL, the import commits its rows in batches and lets go between
# them, so a desk opened meanwhile starts, searches and saves a resident
# within a second; at the end every row is in and findable by name, the
# desk's resident too. An import killed halfway keeps the batches it
# committed, and the next import files their search keys.
. "$(dirname "$0")/../lib.sh"

# A ledger long enough that the import is still reading well after its first batch is committed
# (the desks below come in meanwhile, and the import is killed halfway).
N=120000
# The districts here hold residents alone: no demo organisations or volunteers to make first.
SRC="$T/src.db"
"$BIN" --db "$SRC" demo --residents $N --organisations 0 --volunteers 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$SRC" export residents "$T/all.csv" --unmasked --reason 测试 \
    --encoding gb18030 >/dev/null
# A name the import brings in (line 2 of the ledger), to look for afterwards.
first_name=$(sqlite3 "$SRC" "SELECT name FROM resident ORDER BY id LIMIT 1")
# The first resident of the ledger with a phone (in the first batch), to look up by phone meanwhile.
first_row=$(iconv -f GB18030 -t UTF-8 "$T/all.csv" | tr -d '\t' | awk -F, 'NR > 1 && $6 != "" {print $1 "," $6; exit}')
phone_name=${first_row%,*}
first_phone=${first_row#*,}
# The resident table's indexes, as a register has them (the import drops some for the load).
indexes="SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'resident' ORDER BY name)"
all_indexes=$(sqlite3 "$SRC" "$indexes")
printf '%s\r\n' "姓名,居民身份证号" "周八,110105194912310070" >"$T/one.csv"

DB="$T/shared.db"
"$BIN" --db "$DB" demo --residents 0 --organisations 0 --volunteers 0 >/dev/null
"$BIN" --db "$DB" import residents "$T/all.csv" >"$T/long.out" 2>&1 &
long=$!
# Wait until it is writing: its first batch is committed.
wait_until "$T" 120 sh -c "[ \"\$(sqlite3 '$DB' 'SELECT count(*) > 0 FROM resident' 2>/dev/null)\" = 1 ]" ||
    t_fail "the long import begins" "$(cat "$T/long.out")"
mode=$(sqlite3 "$DB" "PRAGMA journal_mode" 2>&1)
during=$(sqlite3 "$DB" "SELECT count(*) FROM resident" 2>&1)
[ "$mode" = wal ] && t_ok "during a first import the database stays in WAL" ||
    t_fail "during a first import the database stays in WAL" "journal_mode: $mode"
# A desk renames one of the imported rows meanwhile (the ledger's second, in the first batch): after
# the import it is found under its new name, the import's keys for it filed again from the row.
# Done first, while the import has most of its rows still to read.
renamed_id=$(iconv -f GB18030 -t UTF-8 "$T/all.csv" | tr -d '\t\r' | awk -F, 'NR == 3 {print $5}')
printf '%s\r\n' "姓名,居民身份证号" "韩改名,$renamed_id" >"$T/rename.csv"
"$BIN" --db "$DB" import residents "$T/rename.csv" >"$T/rename.out" 2>&1
if grep -q "更新 1" "$T/rename.out" && kill -0 "$long" 2>/dev/null; then
    t_ok "a desk renames an imported resident during the import"
else
    t_fail "a desk renames an imported resident during the import" "$(cat "$T/rename.out")"
fi

# A desk's search and a desk's save, each a whole process (opening the database included).
ms_of() {
    t0=$(date +%s%N)
    "$@" >"$T/desk.out" 2>&1
    st=$?
    echo "$st $((($(date +%s%N) - t0) / 1000000))"
}
read -r find_st find_ms <<EOT
$(ms_of "$BIN" --db "$DB" find residents 周)
EOT
read -r phone_st phone_ms <<EOT
$(ms_of "$BIN" --db "$DB" find residents "$first_phone")
EOT
by_phone=$(cat "$T/desk.out")
read -r save_st save_ms <<EOT
$(ms_of "$BIN" --db "$DB" import residents "$T/one.csv")
EOT
save_out=$(cat "$T/desk.out")
read -r again_st again_ms <<EOT
$(ms_of "$BIN" --db "$DB" find residents 周八)
EOT
found=$(cat "$T/desk.out")
kill -0 "$long" 2>/dev/null && still=1 || still=0
if [ "$still" = 1 ] && [ "$find_st" = 0 ] && [ "$find_ms" -lt 1000 ]; then
    t_ok "a desk opened during the import searches within a second (${find_ms} ms, $during rows in then)"
else
    t_fail "a desk opened during the import searches within a second" "status $find_st, ${find_ms} ms, import still running: $still"
fi
if [ "$phone_st" = 0 ] && [ "$phone_ms" -lt 1000 ] && echo "$by_phone" | grep -q "$phone_name"; then
    t_ok "a desk finds an imported resident by phone during the import within a second (${phone_ms} ms)"
else
    t_fail "a desk finds an imported resident by phone during the import within a second" "status $phone_st, ${phone_ms} ms" "$by_phone"
fi
if [ "$save_st" = 0 ] && [ "$save_ms" -lt 1000 ] && ! echo "$save_out" | grep -q -e "正在等待数据库" -e locked -e 忙; then
    t_ok "a desk saves a resident during the import within a second (${save_ms} ms)"
else
    t_fail "a desk saves a resident during the import within a second" "status $save_st, ${save_ms} ms" "$save_out"
fi
echo "$found" | grep -q "周八" && [ "$again_ms" -lt 1000 ] &&
    t_ok "the desk finds the resident it saved, while the import goes on (${again_ms} ms)" ||
    t_fail "the desk finds the resident it saved, while the import goes on" "$found"

wait "$long"
long_status=$?
[ "$long_status" = 0 ] && grep -q "新增 $N" "$T/long.out" && t_ok "the import finishes with every row" ||
    t_fail "the import finishes with every row" "$(cat "$T/long.out")"
db_is "every row is in once, and the desk's" "SELECT count(*) || ' ' || count(DISTINCT id_number) FROM resident" "$((N + 1)) $((N + 1))"
db_is "the database is in WAL after the import" "PRAGMA journal_mode" "wal"
# The rows keep the ledger's order (ids given many rows to a statement), around the desk's row too.
ledger_ids=$(iconv -f GB18030 -t UTF-8 "$T/all.csv" | tr -d '\t\r' | awk -F, 'NR > 1 {print $5}' | md5sum)
db_ids=$(sqlite3 "$DB" "SELECT id_number FROM resident WHERE id_number <> '110105194912310070' ORDER BY id" | md5sum)
desk_id=$(sqlite3 "$DB" "SELECT id FROM resident WHERE id_number = '110105194912310070'")
[ "$ledger_ids" = "$db_ids" ] && t_ok "the imported rows keep the ledger's order (the desk's row is $desk_id)" ||
    t_fail "the imported rows keep the ledger's order" "$(sqlite3 "$DB" "SELECT id, id_number FROM resident ORDER BY id LIMIT 5")"
db_is "no search keys are left to file" "SELECT count(*) FROM meta WHERE key = 'resident_keys_pending' AND value <> ''" "0"
db_is "the indexes dropped for the load are built again" "$indexes" "$all_indexes"
[ ! -e "$DB-waiting" ] && t_ok "the import takes away the sign desks touched while it ran" ||
    t_fail "the import takes away the sign desks touched while it ran" "$(ls -l "$DB"*)"
"$BIN" --db "$DB" find residents 周八 >"$T/f1.out" 2>&1
grep -q "周八" "$T/f1.out" && t_ok "after the import the desk's resident is found by name" ||
    t_fail "after the import the desk's resident is found by name" "$(cat "$T/f1.out")"
"$BIN" --db "$DB" find residents "$first_name" >"$T/f2.out" 2>&1
grep -q "$first_name" "$T/f2.out" && t_ok "after the import an imported resident is found by name" ||
    t_fail "after the import an imported resident is found by name" "$(cat "$T/f2.out")"
"$BIN" --db "$DB" find residents 韩改名 >"$T/f3.out" 2>&1
grep -q "韩改名" "$T/f3.out" && t_ok "after the import the resident renamed meanwhile is found by the new name" ||
    t_fail "after the import the resident renamed meanwhile is found by the new name" "$(cat "$T/f3.out")"
t_check "after the import the database passes check" "$BIN" --db "$DB" check

# Killed halfway: the batches committed stay; check names what is unfiled, check --fix files their
# keys and builds the dropped indexes; the next import of the same file finishes it.
# Tried again if the import still ended before the kill came. An eighth of the ledger: long enough
# to be killed after its first batch, and the next import adds the rest row by row.
M=$((N / 8))
head -n $((M + 1)) "$T/all.csv" >"$T/part.csv"
# part_import_begun DB OUT: a new empty register DB and a first import of part.csv into it, its
# output into OUT, running in the background (its pid in $part_pid) once its first batch is in.
part_import_begun() {
    rm -f "$1" "$1-wal" "$1-shm" "$1-waiting"
    "$BIN" --db "$1" demo --residents 0 --organisations 0 --volunteers 0 >/dev/null
    "$BIN" --db "$1" import residents "$T/part.csv" >"$2" 2>&1 &
    part_pid=$!
    wait_until "$T" 120 sh -c "[ \"\$(sqlite3 '$1' 'SELECT count(*) > 0 FROM resident' 2>/dev/null)\" = 1 ]" ||
        t_fail "the first import of part of the ledger begins" "$(cat "$2")"
}
DB="$T/killed.db"
for try in 1 2 3; do
    part_import_begun "$DB" "$T/killed.out"
    kill -9 "$part_pid"
    wait "$part_pid" 2>/dev/null
    kept=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
    [ "$kept" -lt $M ] && break
done
if [ "$kept" -gt 0 ] && [ "$kept" -lt $M ]; then
    t_ok "an import killed halfway keeps the batches it committed ($kept rows)"
else
    t_fail "an import killed halfway keeps the batches it committed" "$kept rows"
fi
run killed-check 4 "$BIN" --db "$DB" check
grep -q "有一次导入在写入检索键之前中断" "$T/killed-check.out" && t_ok "check names the killed import whose keys are not filed" ||
    t_fail "check names the killed import whose keys are not filed" "$(cat "$T/killed-check.out")"
kept_name=$(sqlite3 "$DB" "SELECT name FROM resident ORDER BY id LIMIT 1")
"$BIN" --db "$DB" find residents "$kept_name" >"$T/f5.out" 2>&1
grep -q "显示 0 人" "$T/f5.out" && t_ok "before check --fix the killed import's residents are not found by name" ||
    t_fail "before check --fix the killed import's residents are not found by name" "$(cat "$T/f5.out")"
run killed-fix 0 "$BIN" --db "$DB" check --fix
grep -q "已为中断的导入写入的居民补建检索" "$T/killed-fix.out" && t_ok "check --fix files the killed import's residents" ||
    t_fail "check --fix files the killed import's residents" "$(cat "$T/killed-fix.out")"
"$BIN" --db "$DB" find residents "$kept_name" >"$T/f4.out" 2>&1
grep -q "$kept_name" "$T/f4.out" && t_ok "after check --fix a resident of the killed import is found by name" ||
    t_fail "after check --fix a resident of the killed import is found by name" "$(cat "$T/f4.out")"
db_is "check --fix builds the killed import's dropped indexes" "$indexes" "$all_indexes"
db_is "check --fix is on the audit log" "SELECT count(*) FROM audit_log WHERE action = 'keys-repair'" 1
"$BIN" --db "$DB" import residents "$T/part.csv" >"$T/again.out" 2>&1 &&
    grep -q "新增 $((M - kept))" "$T/again.out" && t_ok "the same file imported again finishes it" ||
    t_fail "the same file imported again finishes it" "$(cat "$T/again.out")"
"$BIN" --db "$DB" find residents "$first_name" >"$T/f3.out" 2>&1
grep -q "$first_name" "$T/f3.out" && t_ok "a resident of the killed import's batches is found by name" ||
    t_fail "a resident of the killed import's batches is found by name" "$(cat "$T/f3.out")"
db_is "after the killed import and the second every index is there" "$indexes" "$all_indexes"
t_check "after the killed import and the second the database passes check" "$BIN" --db "$DB" check

# Residents of the ledger registered meanwhile elsewhere (here by an import of three of its rows,
# once the first import has committed a batch: two together fifteen sixteenths into it, most likely
# in one statement of the load, and its last): the first import leaves those rows out of the load,
# the keys of the rows after each filed under their own residents, and merges them once it is
# done, as a second import would (the same: unchanged); the same file imported again leaves the
# register as it is. Tried again if the first import wrote
# those rows before the other import came in (an eighth of the ledger: on a fast machine it may
# reach them first; five tries).
{ head -n 1 "$T/all.csv" && sed -n "$((M * 15 / 16 + 1)),$((M * 15 / 16 + 2))p;\$p" "$T/part.csv"; } >"$T/last.csv"
taken_name=$(iconv -f GB18030 -t UTF-8 "$T/last.csv" |
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /姓名/) c = i } NR == 2 { gsub(/"/, "", $c); print $c }')
DB="$T/taken.db"
for try in 1 2 3 4 5; do
    part_import_begun "$DB" "$T/taken.out"
    "$BIN" --db "$DB" import residents "$T/last.csv" >"$T/last.out" 2>&1
    wait "$part_pid"
    grep -q "未变 3" "$T/taken.out" && break
done
echo "# the rows were registered meanwhile in try $try"
grep -q "新增 $((M - 3))，更新 0，未变 3，跳过 0" "$T/taken.out" &&
    t_ok "a first import meeting residents registered meanwhile merges those rows after the rest" ||
    t_fail "a first import meeting residents registered meanwhile merges those rows after the rest" \
        "$(cat "$T/taken.out" "$T/last.out")"
db_gives "$DB" "SELECT count(*) || ' ' || count(DISTINCT id_number) FROM resident" "$M $M" &&
    t_ok "every resident of the ledger is in once, those registered meanwhile too" ||
    t_fail "every resident of the ledger is in once, those registered meanwhile too" \
        "$(sqlite3 "$DB" "SELECT count(*), count(DISTINCT id_number) FROM resident")"
"$BIN" --db "$DB" find residents "$taken_name" >"$T/f6.out" 2>&1
# Each resident found has that name (no key of the row left out filed under another), each once.
awk -F'\t' -v n="$taken_name" 'NF > 1 && index($1, n) != 1 { bad = 1 } END { exit bad }' "$T/f6.out" &&
    db_gives "$DB" "SELECT count(*) FROM resident WHERE name = '$taken_name'" \
        "$(grep -c "^$taken_name	" "$T/f6.out")" &&
    t_ok "a resident registered meanwhile is found by name once, the row left out not at all" ||
    t_fail "a resident registered meanwhile is found by name once, the row left out not at all" \
        "$(cat "$T/f6.out")"
t_check "after rows left out the database passes check" "$BIN" --db "$DB" check
"$BIN" --db "$DB" import residents "$T/part.csv" >"$T/taken-again.out" 2>&1 &&
    grep -q "未变 $M" "$T/taken-again.out" &&
    db_gives "$DB" "SELECT count(*) || ' ' || count(DISTINCT id_number) FROM resident" "$M $M" &&
    t_ok "the same file imported again finds every resident as the ledger has them" ||
    t_fail "the same file imported again finds every resident as the ledger has them" \
        "$(cat "$T/taken-again.out")"
t_sanitizers "import_shared"
