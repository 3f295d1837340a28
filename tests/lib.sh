# Shared by the cli and e2e suites: each check prints one line the runner
# counts, "ok - NAME" or "not ok - NAME" followed by "# " lines saying why.
# Every script gets a private temporary directory $T, removed at exit, and
# $BIN, the bangban under test.

BIN=${BANGBAN_BIN:?run the suites through tests/run.sh}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/bangban-test.XXXXXX")
export XDG_DATA_HOME="$T/data" HOME="$T" TZ=UTC LC_ALL= LANGUAGE= LANG=C.UTF-8
# Freed memory waits in a 64 MiB quarantine before reuse, not 256: enough
# to catch a use after free, and a bulk command touches (and faults in) a
# quarter of the memory (bangban demo: 230 MiB against 600, 4.9 s against 7.5).
export ASAN_OPTIONS="log_path=$T/asan:abort_on_error=1:detect_leaks=1:quarantine_size_mb=64"
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

# demo_at PATH: a fresh demo database at PATH, as "bangban demo" makes it.
# tests/run.sh makes one at the start of the run, in the tests' own
# environment, and holds PATH.lock while it does; this waits for that and
# copies it. A test that pins the clock or the user (BANGBAN_NOW,
# BANGBAN_USER), or a run without one, makes its own.
demo_at() {
    if [ -n "${BANGBAN_DEMO:-}" ] && [ -z "${BANGBAN_NOW:-}${BANGBAN_USER:-}" ]; then
        flock -s "$BANGBAN_DEMO.lock" true
        if [ -f "$BANGBAN_DEMO" ]; then
            cp "$BANGBAN_DEMO" "$1"
            return
        fi
    fi
    "$BIN" --db "$1" demo >/dev/null
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

# wait_until DIR SECONDS COMMAND...: until COMMAND succeeds, looking again
# whenever a file in DIR changes (a database's pages, its -wal) and at
# least once a second, never sleeping a fixed time. 1 after SECONDS.
wait_until() {
    w_dir=$1 w_end=$(($(date +%s) + $2))
    shift 2
    until "$@"; do
        [ "$(date +%s)" -ge "$w_end" ] && return 1
        inotifywait -qq -t 1 -e modify,create,close_write,moved_to "$w_dir" 2>/dev/null
    done
}

# db_gives DB SQL WANT: the query gives WANT (a busy database gives nothing).
db_gives() { [ "$(sqlite3 "$1" "$2" 2>/dev/null)" = "$3" ]; }

# db_hold DB SQL...: a second connection to DB (sqlite3, as another desk
# would hold one) that has run SQL and stays open until db_release; returns
# once it has run it (it answers through a pipe that is read, not polled).
db_hold() {
    mkfifo "$T/hold.in" "$T/hold.out"
    sqlite3 "$1" <"$T/hold.in" >"$T/hold.out" 2>&1 &
    hold_pid=$!
    exec 7>"$T/hold.in" 8<"$T/hold.out"
    shift
    printf '%s\n' "$@" "SELECT 'held';" >&7
    while IFS= read -r h_line <&8; do [ "$h_line" = held ] && break; done
}

# db_release [SQL...]: run SQL on the held connection, then close it.
db_release() {
    [ $# -gt 0 ] && printf '%s\n' "$@" >&7
    exec 7>&-
    cat <&8 >/dev/null
    exec 8<&-
    wait "$hold_pid"
    rm -f "$T/hold.in" "$T/hold.out"
}

# t_golden NAME EXPECTED_FILE ACTUAL_FILE: the actual output, with $T shown as $TMP, matches.
t_golden() {
    sed "s|$T|\$TMP|g" "$3" >"$3.norm"
    # BANGBAN_GOLDEN_UPDATE=1: write what came out as the expected, as the screens' goldens do.
    if [ -n "${BANGBAN_GOLDEN_UPDATE:-}" ]; then cp "$3.norm" "$2"; fi
    if diff -u "$2" "$3.norm" >"$T/golden.diff" 2>&1; then
        t_ok "$1"
    else
        t_fail "$1" "$(cat "$T/golden.diff")"
    fi
}
