# Shared by the cli and e2e suites: each check prints one line the runner
# counts, "ok - NAME" or "not ok - NAME" followed by "# " lines saying why.
# Every script gets a private temporary directory $T, removed at exit, and
# $BIN, the bangban under test.

BIN=${BANGBAN_BIN:?run the suites through tests/run.sh}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/bangban-test.XXXXXX")
export XDG_DATA_HOME="$T/data" HOME="$T" TZ=UTC LC_ALL= LANGUAGE= LANG=C.UTF-8
export ASAN_OPTIONS="log_path=$T/asan:abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="log_path=$T/asan:print_stacktrace=1:halt_on_error=1"

cleanup_hooks=""
t_cleanup() {
    for h in $cleanup_hooks; do $h; done
    rm -rf "$T"
}
trap t_cleanup EXIT

t_ok() { echo "ok - $1"; }

# t_fail NAME [DETAIL...]
t_fail() {
    echo "not ok - $1"
    shift
    for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}

# db_is CHECK SQL WANT: an "ok" when the query on the test's database ($DB) gives WANT, else a
# failure showing both.
db_is() {
    got=$(sqlite3 "$DB" "$2")
    if [ "$got" = "$3" ]; then t_ok "$1"; else t_fail "$1" "want: $3" "got:  $got"; fi
}

# t_check NAME COMMAND...: ok when the command succeeds.
t_check() {
    name=$1
    shift
    if "$@" >"$T/check.out" 2>&1; then t_ok "$name"; else t_fail "$name" "$(cat "$T/check.out")"; fi
}

# t_sanitizers NAME: fail when AddressSanitizer/UBSan wrote a report.
t_sanitizers() {
    if ls "$T"/asan.* >/dev/null 2>&1; then
        t_fail "$1: sanitizer report" "$(cat "$T"/asan.* | head -40)"
        rm -f "$T"/asan.*
    fi
}

# run NAME STATUS COMMAND...: stdout+stderr to $T/NAME.out; check the exit status.
run() {
    name=$1
    want=$2
    shift 2
    "$@" >"$T/$name.out" 2>&1
    got=$?
    if [ "$got" = "$want" ]; then t_ok "$name: exit status $want"; else t_fail "$name: exit status $want" "got $got" "$(cat "$T/$name.out")"; fi
}

# t_golden NAME EXPECTED_FILE ACTUAL_FILE: the actual output, with $T shown as $TMP, matches.
t_golden() {
    sed "s|$T|\$TMP|g" "$3" >"$3.norm"
    if diff -u "$2" "$3.norm" >"$T/golden.diff" 2>&1; then
        t_ok "$1"
    else
        t_fail "$1" "$(cat "$T/golden.diff")"
    fi
}
