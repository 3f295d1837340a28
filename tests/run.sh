#!/bin/sh
# sh tests/run.sh BIN [WHAT...]: run the suites against the bangban binary
# given (an ASan+UBSan build): unit (cmocka), cli (golden files through the
# CLI verbs) and e2e (tmux). WHAT chooses, one or more of:
#   unit | cli | e2e           a whole suite
#   SUITE/NAME                 one test: e2e/residents, cli/commands, unit/codec
#                              (or unit/test_codec; a .sh or .c ending is dropped)
#   tests/e2e/residents.sh     a path to one test: a script, or tests/unit/test_X.c
# Without WHAT, every suite. Each check prints "ok - ..." or "not ok - ...";
# the last line is "N passed, N failed". Exits 1 when anything failed (or
# nothing passed), 2 when WHAT names no test. The tests run
# $BANGBAN_TEST_JOBS at a time (2 by default); their output is printed in
# order: unit, cli, e2e, alphabetically within each, then the eight
# slowest as "# slowest:" lines.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)

# --job OUT N KIND PATH: one test, its TAP lines into OUT/N.out (run by xargs below).
if [ "${1:-}" = --job ]; then
    out=$2 n=$3 kind=$4 t=$5
    o="$out/$n.out"
    began=$(date +%s%N)
    trap 'echo "$(( ($(date +%s%N) - began) / 1000000 )) $kind/$(basename "$t")" >"$o.ms"' EXIT
    case $kind in
    unit)
        name=unit/$(basename "$t")
        if [ ! -x "$t" ]; then
            echo "not ok - $name was not built ($t)" >"$o"
            exit 0
        fi
        if CMOCKA_MESSAGE_OUTPUT=TAP ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64 "$t" >"$o.raw" 2>&1; then
            grep -E '^(not )?ok ' "$o.raw" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$name: |" >"$o"
        else
            grep -E '^(not )?ok ' "$o.raw" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$name: |" >"$o"
            echo "not ok - $name exited with a failure" >>"$o"
            sed 's/^/# /' "$o.raw" | grep -vE '^# (not )?ok ' | head -40 >>"$o"
        fi
        ;;
    *)
        echo "# $kind/$(basename "$t")" >"$o"
        sh "$t" >>"$o" 2>&1
        status=$?
        [ "$status" = 0 ] || echo "not ok - $kind/$(basename "$t") exited with status $status" >>"$o"
        ;;
    esac
    exit 0
fi

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
export BANGBAN_BIN="$bin" BANGBAN_LOCALEDIR="$top/build/locale"
out=$(mktemp -d "${TMPDIR:-/tmp}/bangban-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
jobs=${BANGBAN_TEST_JOBS:-2}

# suite KIND: "KIND PATH" for each test of the suite.
suite() {
    case $1 in
    unit)
        for c in "$top"/tests/unit/test_*.c; do
            [ -f "$c" ] && echo "unit $top/build/asan/tests/unit/$(basename "$c" .c)"
        done
        ;;
    cli | e2e)
        for s in "$top/tests/$1"/*.sh; do
            [ -f "$s" ] && [ "$(basename "$s")" != lib.sh ] && echo "$1 $s"
        done
        ;;
    esac
}

# pick WHAT: the tests WHAT names, as suite does; nothing when it names none.
pick() {
    case $1 in
    unit | cli | e2e) suite "$1" ;;
    */*)
        kind=${1%%/*}
        case $1 in
        tests/unit/* | */build/asan/tests/unit/* | build/asan/tests/unit/*) kind=unit ;;
        tests/cli/*) kind=cli ;;
        tests/e2e/*) kind=e2e ;;
        esac
        name=$(basename "$1")
        name=${name%.sh}
        name=${name%.c}
        [ "$kind" = unit ] && name=test_${name#test_}
        suite "$kind" | grep -E "/$name(\.sh)?\$"
        ;;
    esac
}

[ $# -gt 0 ] || set -- unit cli e2e
: >"$out/tests"
for what in "$@"; do
    if ! pick "$what" >>"$out/tests"; then
        echo "tests/run.sh: no test is named \"$what\" (try unit, cli, e2e, e2e/residents, unit/codec, tests/cli/commands.sh)" >&2
        exit 2
    fi
done

# The demo database most cli and e2e tests start from (tests/lib.sh,
# demo_at), made once while the first tests run, in the environment
# tests/lib.sh gives a test; demo.db.lock is held until it is there. If
# making it fails, each test makes its own and meets the failure itself.
if grep -qE '^(cli|e2e) ' "$out/tests"; then
    mkdir "$out/demo"
    export BANGBAN_DEMO="$out/demo/demo.db"
    exec 8>"$BANGBAN_DEMO.lock"
    flock 8
    (
        cd "$out/demo" &&
            env -u BANGBAN_NOW -u BANGBAN_USER HOME="$out/demo" XDG_DATA_HOME="$out/demo/data" \
                TZ=UTC LC_ALL= LANGUAGE= LANG=C.UTF-8 \
                ASAN_OPTIONS="log_path=$out/demo/asan:abort_on_error=1:detect_leaks=1:quarantine_size_mb=64" \
                "$bin" --db "$out/demo/made.db" demo >"$out/demo/out" 2>&1 &&
            [ ! -e "$out/demo/made.db-wal" ] && mv "$out/demo/made.db" "$BANGBAN_DEMO"
    ) &
    exec 8>&-
fi

# Every test, $jobs at a time (unit binaries and scripts alike), then their output in order.
awk '!seen[$0]++ { print NR, $0 }' "$out/tests" |
    xargs -P "$jobs" -L 1 sh "$0" --job "$out"
n=$(wc -l <"$out/tests")
i=1
while [ "$i" -le "$n" ]; do
    [ -f "$out/$i.out" ] && cat "$out/$i.out"
    i=$((i + 1))
done >"$out/all.tap"
cat "$out/all.tap"
# The slowest tests, to see where the run's time goes.
cat "$out"/*.ms 2>/dev/null | sort -rn | head -8 | awk '{ printf "# slowest: %s %.1f s\n", $2, $1 / 1000 }'

passed=$(grep -cE '^ok ' "$out/all.tap")
failed=$(grep -cE '^not ok ' "$out/all.tap")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
