#!/bin/sh
# Run every suite against the bangban binary given (an ASan+UBSan build):
# unit (cmocka), cli (golden files through the CLI verbs) and e2e (tmux).
# Each check prints "ok - ..." or "not ok - ..."; the last line is
# "N passed, N failed". Exits 1 when anything failed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export BANGBAN_BIN="$bin" BANGBAN_LOCALEDIR="$top/build/locale"
out=$(mktemp -d "${TMPDIR:-/tmp}/bangban-run.XXXXXX")
trap 'rm -rf "$out"' EXIT
jobs=${BANGBAN_TEST_JOBS:-2}

# Unit tests: cmocka speaks TAP; a crash or a leak report counts as a failure too.
for t in "$top"/build/asan/tests/unit/test_*; do
    name=unit/$(basename "$t")
    if CMOCKA_MESSAGE_OUTPUT=TAP ASAN_OPTIONS=detect_leaks=1 "$t" >"$out/u.out" 2>&1; then
        grep -E '^(not )?ok ' "$out/u.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$name: |"
    else
        grep -E '^(not )?ok ' "$out/u.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$name: |"
        echo "not ok - $name exited with a failure"
        sed 's/^/# /' "$out/u.out" | grep -vE '^# (not )?ok ' | head -40
    fi
done >"$out/unit.tap"
cat "$out/unit.tap"

# Shell suites: run the scripts $jobs at a time, print their output in order.
ls "$top"/tests/cli/*.sh "$top"/tests/e2e/*.sh 2>/dev/null | grep -v '/lib\.sh$' >"$out/scripts"
i=0
while read -r s; do
    i=$((i + 1))
    echo "$i $s"
done <"$out/scripts" | xargs -P "$jobs" -L 1 sh -c 'sh "$2" >"$0/$1.out" 2>&1 || echo "not ok - $2 exited with status $?" >>"$0/$1.out"' "$out" 2>/dev/null
i=0
while read -r s; do
    i=$((i + 1))
    echo "# $(echo "$s" | sed "s|$top/||")"
    cat "$out/$i.out"
done <"$out/scripts" | tee "$out/shell.tap"

passed=$(cat "$out/unit.tap" "$out/shell.tap" | grep -cE '^ok ')
failed=$(cat "$out/unit.tap" "$out/shell.tap" | grep -cE '^not ok ')
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
