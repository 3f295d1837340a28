#!/bin/sh
# make reliability: sh tests/reliability/run.sh BIN. Not part of make test
# (it takes minutes). What a desk's database must survive, checked against
# the bangban binary given, in a temporary directory only:
#   1. kill -9 at random moments of an import of a 20,000-row ledger, of
#      demo --residents 20000 --requests 20000, and of a desk saving a
#      resident's edit in the full-screen program (driven in tmux, F2, then
#      the kill): bangban check passes after each; a killed import left all
#      of its rows or none (a first load into an empty register), or whole
#      batches that importing the same file again finishes (a register with
#      residents); a killed demo is finished by running it again;
#      a killed save left the old record or the new one.
#   2. eight imports of 5,000 distinct residents each into one database at
#      once: none lost, none refused as busy or locked.
#   3. a full disk (an 8 MB tmpfs; needs root): an import that does not fit
#      fails saying so, the rows before it are intact (the whole batches it
#      committed after them); an export to a
#      full disk (CSV and xlsx) fails cleanly and leaves no file.
#   4. backup while imports run, then restore into a fresh path.
# Prints "ok - ..." / "not ok - ..." lines, a table of figures and
# "N passed, N failed"; exits 1 when anything failed.
# RELIABILITY_KILLS (default 300) is the number of kills in part 1 (40%
# imports, 30% demos, 30% desk saves); RELIABILITY_SEED repeats a run's
# random delays.
set -u
if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: sh tests/reliability/run.sh BANGBAN_BINARY" >&2
    exit 2
fi
BANGBAN_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export BANGBAN_BIN
. "$(dirname "$0")/../lib.sh"
export XDG_STATE_HOME="$T/state"
trap 'exit 130' INT TERM HUP

KILLS=${RELIABILITY_KILLS:-300}
SEED=${RELIABILITY_SEED:-$(od -An -N3 -tu4 /dev/urandom | tr -d ' ')}
RUN_START=$(date +%s%3N)
PASSED=0
FAILED=0
pass() {
    PASSED=$((PASSED + 1))
    t_ok "$1"
}
fail() {
    FAILED=$((FAILED + 1))
    t_fail "$@"
}
# verdict COND NAME DETAIL...: pass when COND (a shell test, as a string) holds.
verdict() {
    c=$1
    shift
    if eval "$c"; then pass "$1"; else fail "$@"; fi
}

now_ms() { date +%s%3N; }
# rand MAX: R, a number in [0, MAX) from a linear congruential generator seeded by $SEED.
rand() {
    SEED=$(((SEED * 1103515245 + 12345) % 2147483648))
    if [ "$1" -gt 0 ]; then R=$(((SEED / 16) % $1)); else R=0; fi
}
sleep_ms() { sleep "$(($1 / 1000)).$(printf %03d $(($1 % 1000)))"; }
# kill_after MS OUT COMMAND...: start COMMAND (output to OUT), kill -9 it after MS ms; its exit status in rc.
kill_after() {
    k_ms=$1 k_out=$2
    shift 2
    "$@" >"$k_out" 2>&1 &
    pid=$!
    sleep_ms "$k_ms"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    rc=$?
    pid=""
}
residents_in() { sqlite3 "$1" "SELECT count(*) FROM resident" 2>&1; }
requests_in() { sqlite3 "$1" "SELECT count(*) FROM request" 2>&1; }
# note FILE TEXT...: keep the first 5 notes of a kind, for its failure report.
note() {
    f=$1
    shift
    [ -f "$f" ] && [ "$(grep -c '^@' "$f")" -ge 5 ] && return 0
    printf '@ %s\n' "$@" >>"$f"
}
notes() { [ -f "$1" ] && sed 's/^@ //' "$1"; }
fresh() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# say TEXT: on one line, at most 300 bytes, no character cut in two.
say() { printf '%s\n' "$*" | tr '\n' ' ' | cut -b1-300 | iconv -f UTF-8 -t UTF-8 -c; }
# Whatever runs in the background when the script is interrupted.
pid="" loader=""
stop_bg() { for p in $pid $loader; do kill -9 "$p" 2>/dev/null; done; }
cleanup_hooks="stop_bg $cleanup_hooks"

echo "# bangban $("$BIN" --version | cut -d' ' -f2), SQLite $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores"
echo "# seed $SEED (RELIABILITY_SEED=$SEED repeats the delays), $KILLS kills (RELIABILITY_KILLS)"

# ---------------------------------------------------------------- the data
# A whole demo (timed: the kills of part 1b fall within it), then ledgers
# from the demo generator's residents: LEDGER.csv holds the 20,000 of that
# demo; w0..w7.csv 5,000 others each, none in the demo nor in each other;
# small.csv 100 of w7's.
NRES=20000
NREQ=20000
t0=$(now_ms)
"$BIN" --db "$T/full.db" demo --residents $NRES --requests $NREQ >"$T/full.out" 2>&1
DEMO_MS=$(($(now_ms) - t0))
"$BIN" --db "$T/big.db" demo --residents 60000 >/dev/null 2>&1
env BANGBAN_USER=supervisor "$BIN" --db "$T/big.db" export residents "$T/all.csv" --unmasked --reason reliability >/dev/null 2>&1
sqlite3 "$T/full.db" "SELECT id_number FROM resident" >"$T/ids20"
awk -F, -v dir="$T" '
    FNR == NR { known["\t" $1] = 1; next }
    FNR == 1 { h = $0; print h > (dir "/LEDGER.csv"); next }
    $5 in known { print > (dir "/LEDGER.csv"); next }
    {
        f = dir "/w" int(other / 5000) ".csv"
        if (other % 5000 == 0) print h > f
        print > f
        if (other >= 35000 && other < 35100) { if (other == 35000) print h > (dir "/small.csv"); print > (dir "/small.csv") }
        other++
    }' "$T/ids20" "$T/all.csv"
LEDGER_N=$(($(wc -l <"$T/LEDGER.csv") - 1))
SMALL_N=$(($(wc -l <"$T/small.csv") - 1))
W_TOTAL=0
for i in 0 1 2 3 4 5 6 7; do W_TOTAL=$((W_TOTAL + $(wc -l <"$T/w$i.csv") - 1)); done
if [ "$LEDGER_N" = $NRES ] && [ "$W_TOTAL" = 40000 ] && [ "$SMALL_N" = 100 ]; then
    pass "ledgers generated: $LEDGER_N rows, 8 x 5000 distinct rows, $SMALL_N rows"
else
    fail "ledgers generated: $LEDGER_N rows, 8 x 5000 distinct rows, $SMALL_N rows" "$(cat "$T/full.out")" "$(ls -l "$T")"
fi
# Where the killed imports start: the district alone (empty.db) and the
# district with 100 residents (base.db).
"$BIN" --db "$T/empty.db" demo >/dev/null 2>&1
cp "$T/empty.db" "$T/base.db"
"$BIN" --db "$T/base.db" import residents "$T/small.csv" >/dev/null 2>&1

# ---------------------------------------------------------------- 1. crash loop
PHASE=$(now_ms)
N_IMP=$((KILLS * 40 / 100))
N_DEMO=$((KILLS * 30 / 100))
N_DESK=$((KILLS - N_IMP - N_DEMO))
CHECKS_RUN=0
CHECKS_OK=0
# check_after KIND DB: bangban check, counted; a failure is noted for KIND.
check_after() {
    CHECKS_RUN=$((CHECKS_RUN + 1))
    "$BIN" --db "$2" check >"$T/check.out" 2>&1
    c_rc=$?
    if [ $c_rc = 0 ]; then
        CHECKS_OK=$((CHECKS_OK + 1))
        return 0
    fi
    note "$T/notes.$1-check" "check exited $c_rc after kill $3: $(say "$(cat "$T/check.out")")"
    return 1
}

# 1a. Imports of the 20,000-row ledger, killed at a random moment of one
# unkilled import's duration: half into an empty register (its bulk load),
# half into one already holding 100 residents. The database is kept from
# kill to kill and set back to its start only after an import got through.
IMP_KILLS=0 IMP_NONE=0 IMP_ALL=0 IMP_PART=0 IMP_BAD=0 IMP_DONE=0 IMP_CHECK_FAIL=0 IMP_RANGES=""
# crash_import START.db KILLS: the loop above, from START.db.
crash_import() {
    t0=$(now_ms)
    cp "$1" "$T/imp.db"
    "$BIN" --db "$T/imp.db" import residents "$T/LEDGER.csv" >/dev/null 2>&1
    ms=$(($(now_ms) - t0))
    IMP_RANGES="$IMP_RANGES${IMP_RANGES:+, }0-$((ms * 11 / 10))"
    fresh "$T/imp.db"
    killed=0
    tries=0
    while [ $killed -lt "$2" ] && [ $tries -lt $(($2 * 2 + 10)) ]; do
        tries=$((tries + 1))
        [ -f "$T/imp.db" ] || cp "$1" "$T/imp.db"
        before=$(residents_in "$T/imp.db")
        rand $((ms * 11 / 10))
        kill_after $R "$T/imp.out" "$BIN" --db "$T/imp.db" import residents "$T/LEDGER.csv"
        if [ $rc = 137 ]; then killed=$((killed + 1)); else IMP_DONE=$((IMP_DONE + 1)); fi
        check_after import "$T/imp.db" "at ${R} ms" || IMP_CHECK_FAIL=$((IMP_CHECK_FAIL + 1))
        after=$(residents_in "$T/imp.db")
        if [ "$after" = "$before" ]; then
            IMP_NONE=$((IMP_NONE + 1))
        elif [ "$after" = $((before + LEDGER_N)) ]; then
            IMP_ALL=$((IMP_ALL + 1))
            fresh "$T/imp.db"
        else
            # Into a register holding residents, an import commits in batches: a kill
            # leaves the batches before it, and the same file imported again finishes it.
            "$BIN" --db "$T/imp.db" import residents "$T/LEDGER.csv" >"$T/imp-again.out" 2>&1
            again=$(residents_in "$T/imp.db")
            if [ "$before" != 0 ] && [ "$after" -gt "$before" ] && [ "$again" = $((before + LEDGER_N)) ]; then
                IMP_PART=$((IMP_PART + 1))
            else
                IMP_BAD=$((IMP_BAD + 1))
                note "$T/notes.import-aon" "killed at $R ms (exit $rc): $before residents before, $after after, $again after importing it again (want $before or $((before + LEDGER_N)), or batches finished by the rerun)"
            fi
            fresh "$T/imp.db"
        fi
    done
    IMP_KILLS=$((IMP_KILLS + killed))
    fresh "$T/imp.db"
}
crash_import "$T/empty.db" $((N_IMP / 2))
crash_import "$T/base.db" $((N_IMP - N_IMP / 2))
verdict '[ $IMP_CHECK_FAIL = 0 ]' "crash/import: bangban check exits 0 after each of $IMP_KILLS kills" "$(notes "$T/notes.import-check")"
verdict '[ $IMP_BAD = 0 ] && [ $IMP_KILLS -gt 0 ]' "crash/import: each killed import left none, all, or whole batches of its $LEDGER_N rows that importing it again finished ($IMP_NONE none, $IMP_ALL all, $IMP_PART batches)" "$(notes "$T/notes.import-aon")"

# 1b. demo --residents 20000 --requests 20000 into a new database, killed
# at a random moment of a whole demo's duration (one kill in three in its
# first fifth: the district and the residents), then run again.
DEMO_KILLS=0 DEMO_DONE=0 DEMO_NODB=0 DEMO_CHECK_FAIL=0 RESUME_OK=0 RESUME_FAIL=0 RESUME_NOTNEEDED=0
tries=0
while [ $DEMO_KILLS -lt $N_DEMO ] && [ $tries -lt $((N_DEMO * 2 + 10)) ]; do
    tries=$((tries + 1))
    fresh "$T/demo.db"
    if [ $((tries % 3)) = 0 ]; then rand $((DEMO_MS / 5)); else rand $((DEMO_MS * 11 / 10)); fi
    kill_after $R /dev/null "$BIN" --db "$T/demo.db" demo --residents $NRES --requests $NREQ
    if [ $rc != 137 ]; then
        DEMO_DONE=$((DEMO_DONE + 1))
        continue
    fi
    DEMO_KILLS=$((DEMO_KILLS + 1))
    # Killed before a table was committed: no file, or one without a table
    # (empty, or only the WAL mark), which check must refuse as no usable
    # database (exit 3); demo takes it as a new one.
    if [ ! -e "$T/demo.db" ] || [ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM sqlite_master" 2>&1)" = 0 ]; then
        DEMO_NODB=$((DEMO_NODB + 1))
        if [ -e "$T/demo.db" ]; then
            "$BIN" --db "$T/demo.db" check >"$T/check.out" 2>&1
            c_rc=$?
            [ $c_rc = 3 ] || {
                DEMO_CHECK_FAIL=$((DEMO_CHECK_FAIL + 1))
                note "$T/notes.demo-check" "check on the table-less file ($(stat -c %s "$T/demo.db") bytes) left by a kill at $R ms exited $c_rc, not 3: $(say "$(cat "$T/check.out")")"
            }
        fi
    else
        check_after demo "$T/demo.db" "at ${R} ms" || DEMO_CHECK_FAIL=$((DEMO_CHECK_FAIL + 1))
    fi
    got="$(residents_in "$T/demo.db" 2>/dev/null)|$(requests_in "$T/demo.db" 2>/dev/null)"
    if [ "$got" = "$NRES|$NREQ" ]; then
        RESUME_NOTNEEDED=$((RESUME_NOTNEEDED + 1))
        continue
    fi
    "$BIN" --db "$T/demo.db" demo --residents $NRES --requests $NREQ >"$T/resume.out" 2>&1
    rrc=$?
    now="$(residents_in "$T/demo.db")|$(requests_in "$T/demo.db")"
    if [ $rrc = 0 ] && [ "$now" = "$NRES|$NREQ" ] && "$BIN" --db "$T/demo.db" check >/dev/null 2>&1; then
        RESUME_OK=$((RESUME_OK + 1))
    else
        RESUME_FAIL=$((RESUME_FAIL + 1))
        note "$T/notes.demo-resume" "killed at $R ms with residents|requests $got; the same demo again exited $rrc, now $now: $(say "$(cat "$T/resume.out")")"
    fi
done
verdict '[ $DEMO_CHECK_FAIL = 0 ]' "crash/demo: bangban check exits 0 after each of $DEMO_KILLS kills ($DEMO_NODB before the first table: no file or none in it, check exit 3)" "$(notes "$T/notes.demo-check")"
verdict '[ $RESUME_FAIL = 0 ]' "crash/demo: running the same demo again finishes a killed one ($RESUME_OK of $((RESUME_OK + RESUME_FAIL)))" "$(notes "$T/notes.demo-resume")"

# 1c. A desk saving a resident's edit: bangban in tmux at 80x24 on a
# demo database with one resident; 居民, find 张三, F4, a new address, F2,
# and kill -9 at a random moment within the time one save takes to reach
# the database after F2 is sent (at once below 2 ms). The record must
# then be the old one or the new one.
# (The tmux server's socket is in $T: nothing is left behind in /tmp.)
SOCK="$T/tmux.sock"
tmx() { tmux -S "$SOCK" "$@"; }
stop_tmux() { tmux -S "$SOCK" kill-server 2>/dev/null || true; }
cleanup_hooks="$cleanup_hooks stop_tmux"
DESK="$T/desk.db"
ZS="SELECT address || '|' || version FROM resident WHERE id_number = '110101199003074477'"
"$BIN" --db "$DESK" demo >/dev/null 2>&1
# The desk's system login, desk, bound to a desk clerk: it opens on the home screen, no password.
env BANGBAN_USER=admin "$BIN" --db "$DESK" user add desk --role desk --os-login desk </dev/null >/dev/null 2>&1
printf '%s\r\n' "姓名,身份证号" "张三,110101199003074477" >"$T/one.csv"
"$BIN" --db "$DESK" import residents "$T/one.csv" >/dev/null 2>&1
env -i PATH="$PATH" HOME="$T" tmux -S "$SOCK" -f /dev/null new-session -d -s hold -x 80 -y 24 "sleep 86400"
# on_screen SESSION TEXT: TEXT is on the screen now.
on_screen() { tmx capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; }
# wait_text SESSION TEXT: until TEXT is on the screen (10 s at most), looking
# again whenever the program writes to its terminal (copied to $T/tty/SESSION).
wait_text() { wait_until "$T/tty" 10 on_screen "$1" "$2"; }
# key_of SESSION LABEL: the key shown before LABEL in a " K  LABEL" row (as tests/e2e/lib.sh).
key_of() {
    tmx capture-pane -p -t "$1" | awk -v label="$2" '{
        line = " " $0 " "
        for (from = 1; (at = index(substr(line, from), label)) > 0; from += at) {
            pos = from + at - 1
            if (substr(line, pos + length(label), 1) != " ") continue
            if (match(substr(line, 1, pos - 1), / [0-9A-Za-z]  ?$/)) { print substr(line, RSTART + 1, 1); exit }
        }
    }'
}
# desk_edit SESSION ADDRESS: start bangban, open 张三 for editing, type the
# new address; PID is bangban's. Returns 1, with the screen in $T/desk.screen, when a step never showed.
desk_edit() {
    tmx new-session -d -s "$1" -x 80 -y 24 "exec env LANG=C.UTF-8 TZ=UTC HOME='$T' XDG_STATE_HOME='$T/state' BANGBAN_USER=desk '$BIN' --db '$DESK'"
    PID=$(tmx display-message -p -t "$1" '#{pane_pid}')
    mkdir -p "$T/tty"
    tmx pipe-pane -t "$1" "cat >>'$T/tty/$1'"
    step="the home screen"
    wait_text "$1" "前台工作台" || return 1
    k=$(key_of "$1" "居民")
    tmx send-keys -t "$1" -l "$k"
    step="居民"
    wait_text "$1" "查找：" || return 1
    tmx send-keys -t "$1" -l "zs"
    step="张三 found"
    wait_text "$1" "共 1 条" || return 1
    tmx send-keys -t "$1" F4
    step="编辑居民"
    wait_text "$1" "编辑居民" || return 1
    tmx send-keys -t "$1" Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u
    tmx send-keys -t "$1" -l "$2"
    step="the typed address"
    wait_text "$1" "地址: $2" || return 1
}
desk_fail() {
    tmx capture-pane -p -t "$1" >"$T/desk.screen" 2>&1
    note "$T/notes.desk-harness" "iteration $1: $step never showed; the screen:" "$(sed 's/[[:space:]]*$//' "$T/desk.screen" | grep -v '^$' | head -12)"
    tmx kill-session -t "$1" 2>/dev/null
}
# One save whole, to time it.
SAVE_MS=""
if desk_edit cal "校准1号楼"; then
    v0=$(sqlite3 "$DESK" "$ZS")
    tmx send-keys -t cal F2
    t0=$(now_ms)
    while [ "$(sqlite3 "$DESK" "$ZS")" = "$v0" ] && [ $(($(now_ms) - t0)) -lt 5000 ]; do :; done
    SAVE_MS=$(($(now_ms) - t0 + 1))
    wait_text cal "已保存" || SAVE_MS=""
    tmx send-keys -t cal F10
fi
if [ -z "$SAVE_MS" ]; then
    desk_fail cal
    fail "crash/desk: a save through the screen shows 已保存" "$(notes "$T/notes.desk-harness")"
    N_DESK=0
    SAVE_MS=0
fi
tmx kill-session -t cal 2>/dev/null
DESK_KILLS=0 DESK_OLD=0 DESK_NEW=0 DESK_BAD=0 DESK_CHECK_FAIL=0 DESK_HARNESS=0
i=0
while [ $DESK_KILLS -lt $N_DESK ] && [ $i -lt $((N_DESK * 2 + 10)) ]; do
    i=$((i + 1))
    old=$(sqlite3 "$DESK" "$ZS")
    addr="R${i}号楼"
    if ! desk_edit "d$i" "$addr"; then
        DESK_HARNESS=$((DESK_HARNESS + 1))
        desk_fail "d$i"
        continue
    fi
    rand $((SAVE_MS + 1))
    tmx send-keys -t "d$i" F2
    [ $R -ge 2 ] && sleep_ms $R
    if kill -9 "$PID" 2>/dev/null; then DESK_KILLS=$((DESK_KILLS + 1)); fi
    tmx kill-session -t "d$i" 2>/dev/null # (bangban is dead: its window goes with it)
    check_after desk "$DESK" "$R ms after F2" || DESK_CHECK_FAIL=$((DESK_CHECK_FAIL + 1))
    now=$(sqlite3 "$DESK" "$ZS")
    if [ "$now" = "$old" ]; then
        DESK_OLD=$((DESK_OLD + 1))
    elif [ "$now" = "$addr|$((${old#*|} + 1))" ]; then
        DESK_NEW=$((DESK_NEW + 1))
    else
        DESK_BAD=$((DESK_BAD + 1))
        note "$T/notes.desk-record" "killed $R ms after F2: address|version was $old, is $now (want that or $addr|$((${old#*|} + 1)))"
    fi
done
verdict '[ $DESK_HARNESS = 0 ]' "crash/desk: every edit reached F2 on the screen ($DESK_HARNESS did not)" "$(notes "$T/notes.desk-harness")"
verdict '[ $DESK_CHECK_FAIL = 0 ]' "crash/desk: bangban check exits 0 after each of $DESK_KILLS kills" "$(notes "$T/notes.desk-check")"
verdict '[ $DESK_BAD = 0 ] && [ $DESK_KILLS -gt 0 ]' "crash/desk: a killed save left the old record or the new one ($DESK_OLD old, $DESK_NEW new)" "$(notes "$T/notes.desk-record")"
stop_tmux
TOTAL_KILLS=$((IMP_KILLS + DEMO_KILLS + DESK_KILLS))
CRASH_S=$((($(now_ms) - PHASE) / 1000))
verdict '[ $TOTAL_KILLS -ge $KILLS ]' "crash: $TOTAL_KILLS kills done (of $KILLS asked)"

# ---------------------------------------------------------------- 2. eight writers
# Eight imports at once, each of its own 5,000 residents, into a new demo
# database, each started after a random 0-100 ms (desks never start in the
# same millisecond; whether a writer is refused depends on who opens the
# database first); RELIABILITY_WRITER_ROUNDS rounds, default 4.
ROUNDS=${RELIABILITY_WRITER_ROUNDS:-4}
PHASE=$(now_ms)
W_SILENT=0 W_PARTIAL=0 W_OK=0 W_FAILED=0 W_BUSY=0 W_LOST=0 W_MAX=0 W_WALL=0 W_CHECK_FAIL=0
: >"$T/notes.writers"
r=0
while [ $r -lt "$ROUNDS" ]; do
    r=$((r + 1))
    fresh "$T/writers.db"
    "$BIN" --db "$T/writers.db" demo >/dev/null 2>&1
    W_BEFORE=$(residents_in "$T/writers.db")
    t0=$(now_ms)
    for i in 0 1 2 3 4 5 6 7; do
        rand 100
        (
            sleep_ms $R
            s=$(now_ms)
            "$BIN" --db "$T/writers.db" import residents "$T/w$i.csv" >"$T/w$i.out" 2>"$T/w$i.err"
            echo "$? $(($(now_ms) - s))" >"$T/w$i.rc"
        ) &
    done
    wait
    wall=$(($(now_ms) - t0))
    [ $wall -gt $W_WALL ] && W_WALL=$wall
    for i in 0 1 2 3 4 5 6 7; do
        read -r rc ms <"$T/w$i.rc"
        [ "$ms" -gt $W_MAX ] && W_MAX=$ms
        if [ "$rc" = 0 ]; then W_OK=$((W_OK + 1)); else
            W_FAILED=$((W_FAILED + 1))
            echo "round $r, writer $i exited $rc after $ms ms: $(say "$(cat "$T/w$i.err" "$T/w$i.out")")" >>"$T/notes.writers"
        fi
        grep -qiE 'busy|locked|忙|锁' "$T/w$i.err" "$T/w$i.out" && W_BUSY=$((W_BUSY + 1))
    done
    got=$(residents_in "$T/writers.db")
    W_LOST=$((W_LOST + W_BEFORE + W_TOTAL - got))
    # Rows a writer said it imported that are not there.
    want=$W_BEFORE
    for i in 0 1 2 3 4 5 6 7; do
        read -r rc ms <"$T/w$i.rc"
        [ "$rc" = 0 ] && want=$((want + $(wc -l <"$T/w$i.csv") - 1))
    done
    # Rows a writer said it imported that are not there; rows of a writer that failed that are.
    if [ $got -le $want ]; then W_SILENT=$((W_SILENT + want - got)); else W_PARTIAL=$((W_PARTIAL + got - want)); fi
    "$BIN" --db "$T/writers.db" check >"$T/check.out" 2>&1 || {
        W_CHECK_FAIL=$((W_CHECK_FAIL + 1))
        echo "round $r: check: $(say "$(cat "$T/check.out")")" >>"$T/notes.writers.check"
    }
done
verdict '[ $W_OK = $((ROUNDS * 8)) ]' "writers: all 8 concurrent imports exit 0, $ROUNDS rounds ($W_OK of $((ROUNDS * 8)) did)" "$(head -8 "$T/notes.writers")"
verdict '[ $W_BUSY = 0 ]' "writers: none failed as busy or locked ($W_BUSY did)"
verdict '[ $W_PARTIAL = 0 ]' "writers: a writer that failed left none of its rows ($W_PARTIAL rows)"
verdict '[ $W_LOST = 0 ]' "writers: no row lost ($W_LOST of $((ROUNDS * W_TOTAL)) missing, $W_SILENT of them from writers that exited 0)"
WRITERS_S=$((($(now_ms) - PHASE) / 1000))
verdict '[ $W_CHECK_FAIL = 0 ]' "writers: bangban check passes after each round" "$(notes "$T/notes.writers.check")"

# ---------------------------------------------------------------- 3. full disk
FULL="$T/full"
mkdir -p "$FULL"
FD_IMPORT="not run" FD_CSV="not run" FD_XLSX="not run" FD_SAID=""
unmount_full() { umount "$FULL" 2>/dev/null || umount -l "$FULL" 2>/dev/null || true; }
if mount -t tmpfs -o size=8m tmpfs "$FULL" 2>"$T/mount.err"; then
    cleanup_hooks="unmount_full $cleanup_hooks"
    X="$FULL/x.db"
    "$BIN" --db "$X" demo >/dev/null 2>&1
    "$BIN" --db "$X" import residents "$T/small.csv" >/dev/null 2>&1
    ROWS="SELECT name, id_number, phone, address, version FROM resident ORDER BY id_number"
    before=$(sqlite3 "$X" "$ROWS" | md5sum)
    before_n=$(residents_in "$X")
    # The residents there before: the import's committed batches come after them.
    OLD="SELECT name, id_number, phone, address, version FROM resident WHERE id IN (SELECT id FROM resident ORDER BY id LIMIT $before_n) ORDER BY id_number"
    "$BIN" --db "$X" import residents "$T/LEDGER.csv" >"$T/fd.out" 2>"$T/fd.err"
    rc=$?
    FD_SAID=$(say "$(cat "$T/fd.err")")
    FD_IMPORT="exit $rc"
    echo "# a $LEDGER_N-row import onto an 8 MB disk said: $FD_SAID"
    verdict '[ $rc != 0 ] && [ $rc != 5 ]' "full disk: the import fails (exit $rc)" "$(cat "$T/fd.out" "$T/fd.err" | tail -5)"
    verdict 'grep -qiE "磁盘|空间|full" "$T/fd.err" "$T/fd.out"' "full disk: the import says the disk is full" "$FD_SAID"
    "$BIN" --db "$X" check >"$T/check.out" 2>&1
    rc=$?
    verdict '[ $rc = 0 ]' "full disk: bangban check passes afterwards" "exit $rc" "$(cat "$T/check.out")"
    after=$(sqlite3 "$X" "$OLD" | md5sum)
    after_n=$(residents_in "$X")
    verdict '[ "$after" = "$before" ] && [ "$after_n" -ge "$before_n" ]' "full disk: the $before_n residents from before are intact (the import's whole batches after them: $((after_n - before_n)) rows)" "before $before_n, after $after_n"
    # Exports onto the disk filled up to its last 256 KiB.
    dd if=/dev/zero of="$FULL/filler" bs=64k 2>/dev/null
    truncate -s -256K "$FULL/filler"
    for fmt in csv xlsx; do
        out="$FULL/out.$fmt"
        "$BIN" --db "$T/big.db" export residents "$out" --format $fmt >"$T/fe.out" 2>"$T/fe.err"
        rc=$?
        left=$(cd "$FULL" && ls -A | grep -v -e '^filler$' -e '^x\.db' | tr '\n' ' ')
        raw=$(grep -c '\[ERROR\]' "$T/fe.err")
        said=$(say "$(grep -v '\[ERROR\]' "$T/fe.err")")
        echo "# export .$fmt onto a full disk said: $(say "$(cat "$T/fe.err")")"
        verdict '[ $rc != 0 ]' "full disk: export .$fmt fails (exit $rc)"
        verdict '[ -z "$left" ]' "full disk: export .$fmt leaves no file (${left:-none})"
        verdict '[ $raw = 0 ]' "full disk: export .$fmt prints no raw [ERROR] lines ($raw)" "$(grep '\[ERROR\]' "$T/fe.err")"
        verdict 'printf "%s" "$said" | grep -qiE "磁盘|空间|full"' "full disk: export .$fmt says the disk is full" "$said"
        verdict '! printf "%s" "$said" | grep -q "「」"' "full disk: export .$fmt blames no column without a name (「」)" "$said"
        [ "$fmt" = csv ] && FD_CSV="exit $rc, left: ${left:-none}, [ERROR] lines: $raw"
        [ "$fmt" = xlsx ] && FD_XLSX="exit $rc, left: ${left:-none}, [ERROR] lines: $raw"
        rm -f "$FULL/out."*
    done
    umount "$FULL" 2>/dev/null || fail "full disk: the tmpfs unmounts" "$(umount "$FULL" 2>&1)"
else
    fail "full disk: mount an 8 MB tmpfs (root needed)" "$(cat "$T/mount.err")"
fi

# ---------------------------------------------------------------- 4. backup under load
# The demo of part 1 gets w0..w7 imported one after the other; the backup
# starts once the first is in. Then a restore of it into a fresh path.
B_RC="-" B_MS="-" B_SIZE="-" B_ROWS="-" B_DURING="-"
if ! "$BIN" --help 2>&1 | grep -qE '^ +backup'; then
    fail "backup: bangban has no backup command yet"
else
    L="$T/load.db"
    cp "$T/full.db" "$L"
    base=$(residents_in "$L")
    : >"$T/load.rc"
    (
        for i in 0 1 2 3 4 5 6 7; do
            "$BIN" --db "$L" import residents "$T/w$i.csv" >"$T/load$i.out" 2>&1
            echo "$i $?" >>"$T/load.rc"
        done
    ) &
    loader=$!
    wait_until "$T" 20 test -s "$T/load.rc"
    done_before=$(wc -l <"$T/load.rc")
    t0=$(now_ms)
    "$BIN" --db "$L" backup "$T/B.db" >"$T/backup.out" 2>&1
    B_RC=$?
    B_MS=$(($(now_ms) - t0))
    done_after=$(wc -l <"$T/load.rc")
    wait $loader 2>/dev/null
    loader=""
    B_DURING=$((done_after - done_before))
    B_SIZE=$(stat -c %s "$T/B.db" 2>/dev/null || echo none)
    verdict '[ $B_RC = 0 ]' "backup: exits 0 while imports run (${B_MS} ms; $B_DURING imports ended meanwhile)" "$(cat "$T/backup.out")"
    if [ -f "$T/B.db" ]; then
        B_ROWS=$(residents_in "$T/B.db")
        verdict '[ "$(stat -c %a "$T/B.db")" = 600 ]' "backup: the file is mode 0600" "$(ls -l "$T/B.db")"
        ic=$(sqlite3 "$T/B.db" "PRAGMA integrity_check" 2>&1)
        verdict '[ "$ic" = ok ]' "backup: sqlite3 integrity_check says ok" "$(printf '%s\n' "$ic" | head -5)"
        "$BIN" --db "$T/B.db" check >"$T/check.out" 2>&1
        rc=$?
        verdict '[ $rc = 0 ]' "backup: bangban check passes on it" "exit $rc" "$(cat "$T/check.out")"
        k=$(((B_ROWS - base) / 5000))
        verdict '[ $((base + k * 5000)) = "$B_ROWS" ] && [ $k -ge $done_before ] && [ $k -le $done_after ]' \
            "backup: it holds whole imports only ($B_ROWS residents: $base + $k x 5000)" "$done_before imports were in when it started, $done_after when it ended"
    else
        fail "backup: it wrote $T/B.db" "$(cat "$T/backup.out")"
    fi
    verdict '! grep -qv " 0$" "$T/load.rc"' "backup: the imports running meanwhile all exit 0" "$(cat "$T/load.rc")" "$(cat "$T"/load*.out | grep -iE 'busy|locked|忙|锁' | head -3)"
    # restore_into NAME PATH: restore B.db into PATH (new), then check it.
    restore_into() {
        "$BIN" --db "$2" restore "$T/B.db" >"$T/restore.out" 2>&1
        rc=$?
        verdict '[ $rc = 0 ]' "restore: $1 exits 0" "exit $rc" "$(cat "$T/restore.out")"
        [ $rc = 0 ] || return 0
        "$BIN" --db "$2" check >"$T/check.out" 2>&1
        rc=$?
        verdict '[ $rc = 0 ]' "restore: $1: bangban check passes on it" "exit $rc" "$(cat "$T/check.out")"
        got=$(residents_in "$2")
        verdict '[ "$got" = "$B_ROWS" ]' "restore: $1: it holds the backup's $B_ROWS residents" "it holds $got"
        mode=$(stat -c %a "$2")
        verdict '[ "$mode" = 600 ]' "restore: $1: the database is mode 0600" "$(ls -l "$2")"
    }
    restore_into "into a fresh path" "$T/Y.db"
    restore_into "into a fresh path whose directory is not there yet (as init and demo make it)" "$T/new/dir/Y.db"
fi

# ---------------------------------------------------------------- figures
RUN_S=$((($(now_ms) - RUN_START) / 1000))
echo
echo "figure                                    value"
printf '%-41s %s\n' \
    "kills: import / demo / desk save" "$IMP_KILLS / $DEMO_KILLS / $DESK_KILLS (total $TOTAL_KILLS)" \
    "  runs that ended before the kill" "$IMP_DONE / $DEMO_DONE / -" \
    "  random delay range" "$IMP_RANGES / 0-$((DEMO_MS * 11 / 10)) / 0-$SAVE_MS ms" \
    "bangban check after a kill: passed" "$CHECKS_OK of $CHECKS_RUN" \
    "killed imports: none / all / batches / bad" "$IMP_NONE / $IMP_ALL / $IMP_PART / $IMP_BAD" \
    "demo resumes: ok / failed / not needed" "$RESUME_OK / $RESUME_FAIL / $RESUME_NOTNEEDED" \
    "desk saves killed: old kept / new kept / bad" "$DESK_OLD / $DESK_NEW / $DESK_BAD (a save: ${SAVE_MS} ms)" \
    "writers: ok / failed / busy / lost rows" "$W_OK / $W_FAILED / $W_BUSY / $W_LOST ($W_SILENT after exit 0)" \
    "writers: max wall time of one / of a round" "$W_MAX ms / $W_WALL ms ($ROUNDS rounds of 8)" \
    "full disk: import" "$FD_IMPORT: $FD_SAID" \
    "full disk: export csv" "$FD_CSV" \
    "full disk: export xlsx" "$FD_XLSX" \
    "backup: exit / time / size / residents" "$B_RC / $B_MS ms / $B_SIZE bytes / $B_ROWS ($B_DURING imports ended meanwhile)" \
    "timings: demo (unkilled)" "$DEMO_MS ms" \
    "run time: crash loop / writers / all" "$CRASH_S s / $WRITERS_S s / $RUN_S s"
echo
echo "$PASSED passed, $FAILED failed"
[ $FAILED = 0 ]
