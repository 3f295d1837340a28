#!/bin/sh
# sh tests/fuzz/run.sh SECONDS [NAME...]: build the libFuzzer harnesses
# (tests/fuzz/fuzz_*.c, against the core src/*.c) into build/fuzz/ when their
# sources changed, then run each for SECONDS over a copy of its corpus
# (tests/fuzz/corpus/NAME/) in a temporary directory: the source tree never
# gets new corpus files. NAME is ledger, fuzz_ledger or tests/fuzz/fuzz_ledger.c;
# none: every harness. Files named crash-* in a corpus are known reproducers:
# each is replayed first (a harness passes only when none crashes any more) and
# left out of the fuzzing. Prints "ok - fuzz/NAME (N runs)" or "not ok -
# fuzz/NAME" with the first 30 lines of the report and where the crashing input
# was kept, then "N passed, N failed"; exits 1 when anything failed.
# Needs clang with the libFuzzer runtime (Debian: clang, libclang-rt-14-dev),
# pkg-config, libicu-dev, libzip-dev and libexpat1-dev. CC=clang-15 sh tests/fuzz/run.sh ... picks another clang.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1

usage() {
    echo "usage: sh tests/fuzz/run.sh SECONDS [NAME...]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
secs=$1
shift
case $secs in '' | *[!0-9]*) usage ;; esac

CC=${CC:-clang}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
out=build/fuzz
mkdir -p "$out/obj" "$out/gen" || exit 1

# What the Makefile builds the core with (BASE_CPPFLAGS, WARN), plus the fuzzer's instrumentation.
WARN="-Wall -Wextra -Werror -pedantic -Wcast-align -Wcast-qual -Wfloat-equal -Wformat=2 \
-Winit-self -Wmissing-format-attribute -Wmissing-noreturn -Wmissing-prototypes \
-Wpointer-arith -Wshadow -Wstrict-prototypes -Wundef -Wunused -Wwrite-strings -Wvla \
-Wno-overlength-strings"
icu_inc=$($PKG_CONFIG --cflags-only-I icu-uc icu-i18n libzip expat 2>/dev/null)
CPPFLAGS="-D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE -I. -Ibuild/gen $icu_inc"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CFLAGS="-std=c17 -pthread $WARN $CPPFLAGS -O1 -g $SAN"
LIBS="$($PKG_CONFIG --libs icu-uc icu-i18n libzip expat 2>/dev/null) -pthread -ldl"

die() {
    echo "tests/fuzz/run.sh: $*" >&2
    exit 1
}
command -v "$CC" >/dev/null 2>&1 || die "$CC is missing (Debian: apt-get install clang libclang-rt-14-dev)"
$PKG_CONFIG --exists icu-uc icu-i18n 2>/dev/null || die "ICU is missing (Debian: apt-get install pkg-config libicu-dev)"
$PKG_CONFIG --exists libzip expat 2>/dev/null ||
    die "libzip or expat is missing (Debian: apt-get install libzip-dev libexpat1-dev)"
rt=$($CC -print-runtime-dir 2>/dev/null)
[ -f "$rt/libclang_rt.fuzzer-$(uname -m).a" ] || [ -f "$rt/libclang_rt.fuzzer.a" ] ||
    die "$CC has no libFuzzer runtime in $rt (Debian: apt-get install libclang-rt-14-dev)"

# stale TARGET DEP...: true when TARGET is missing or a DEP is newer.
stale() {
    t=$1
    shift
    [ -f "$t" ] || return 0
    [ -n "$(find "$@" -newer "$t" 2>/dev/null | head -n 1)" ]
}

# Any change of compiler or flags rebuilds everything.
stamp="$out/flags"
if [ "$(cat "$stamp" 2>/dev/null)" != "$CC $CFLAGS $LIBS" ]; then
    rm -f "$out"/obj/*.o "$out"/libcore.a
    printf '%s\n' "$CC $CFLAGS $LIBS" >"$stamp"
fi

# The pinyin table: the Makefile's when it is there and current, else made here as its rule does.
table=build/gen/pinyin_table.c
if [ ! -f "$table" ] || stale "$table" src/pinyin_gen.c; then
    table=$out/gen/pinyin_table.c
    if stale "$table" src/pinyin_gen.c; then
        echo "# generating $table" >&2
        # shellcheck disable=SC2046
        $CC -O1 -o "$out/gen/pinyin_gen" src/pinyin_gen.c \
            $($PKG_CONFIG --cflags --libs icu-i18n icu-uc) || die "cannot build pinyin_gen"
        "$out/gen/pinyin_gen" >"$table.tmp" || die "pinyin_gen failed"
        mv "$table.tmp" "$table" || exit 1
    fi
fi

# A job a core, for compiling and for fuzzing.
jobs=$(nproc 2>/dev/null || echo 2)

# The core: src/*.c but main.c and pinyin_gen.c, and the table, into one archive,
# the files changed compiled a job a core.
objs=""
changed=""
for c in src/*.c "$table"; do
    case $c in src/main.c | src/pinyin_gen.c) continue ;; esac
    o="$out/obj/$(basename "$c" .c).o"
    objs="$objs $o"
    stale "$o" "$c" src/*.h && changed="$changed $c"
done
built=0
if [ -n "$changed" ]; then
    export CC CFLAGS out
    # shellcheck disable=SC2086
    printf '%s\n' $changed | xargs -P "$jobs" -I{} sh -c \
        'o="$out/obj/$(basename "$1" .c).o"; $CC $CFLAGS -fsanitize=fuzzer-no-link -c "$1" -o "$o" || { rm -f "$o"; exit 1; }' \
        sh {} || die "cannot compile the core (the compiler's messages are above)"
    built=$(printf '%s\n' $changed | wc -l)
fi
[ "$built" = 0 ] || echo "# $out: $built core files compiled" >&2
if [ "$built" != 0 ] || [ ! -f "$out/libcore.a" ]; then
    rm -f "$out/libcore.a"
    # shellcheck disable=SC2086
    ar rcs "$out/libcore.a" $objs || die "cannot archive the core"
fi

# Which harnesses.
names=""
if [ $# -eq 0 ]; then
    for h in tests/fuzz/fuzz_*.c; do
        n=$(basename "$h" .c)
        names="$names ${n#fuzz_}"
    done
else
    for a in "$@"; do
        n=$(basename "$a" .c)
        n=${n#fuzz_}
        [ -f "tests/fuzz/fuzz_$n.c" ] || die "no harness tests/fuzz/fuzz_$n.c"
        names="$names $n"
    done
fi

for n in $names; do
    bin="$out/fuzz_$n"
    if stale "$bin" "tests/fuzz/fuzz_$n.c" tests/fuzz/fuzz.h "$out/libcore.a"; then
        echo "# $out: linking fuzz_$n" >&2
        # shellcheck disable=SC2086
        $CC $CFLAGS -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$n.c" "$out/libcore.a" $LIBS ||
            die "cannot build $bin (libFuzzer's runtime is in Debian's libclang-rt-14-dev)"
    fi
done

# report LOG: the first 30 lines of the crash report in LOG, indented.
report() {
    k=$(grep -n -m 1 -E 'ERROR: |runtime error|property failed|Deadly signal|==[0-9]+==|^INFO: a leak' "$1" |
        cut -d: -f1)
    tail -n +"${k:-1}" "$1" | head -n 30 | sed 's/^/#   /'
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

# fuzz_one NAME: replay NAME's reproducers, fuzz it, and print its result
# ("ok - ..." or "not ok - ..." and the report); exits 1 when it failed.
fuzz_one() {
    n=$1
    bin="$top/$out/fuzz_$n"
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/bangban-fuzz-$n.XXXXXX") || die "mktemp failed"
    mkdir "$tmp/corpus" "$tmp/artifacts"
    # Known reproducers first: each must run clean now.
    known=""
    known_log=""
    for r in tests/fuzz/corpus/"$n"/crash-*; do
        [ -f "$r" ] || continue
        log="$tmp/replay-$(basename "$r").log"
        if ! "$bin" "$r" >"$log" 2>&1; then
            known="$known $r"
            [ -n "$known_log" ] || known_log=$log
        fi
    done
    for f in tests/fuzz/corpus/"$n"/*; do
        [ -f "$f" ] || continue
        case $(basename "$f") in crash-*) continue ;; esac
        cp "$f" "$tmp/corpus/"
    done
    "$bin" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$tmp/artifacts/" "$tmp/corpus" >"$tmp/log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log" | tail -n 1)
    if [ "$rc" = 0 ] && [ -z "$known" ]; then
        echo "ok - fuzz/$n (${runs:-0} runs)"
        rm -rf "$tmp"
        return 0
    fi
    echo "not ok - fuzz/$n"
    for r in $known; do
        echo "# a known reproducer still fails: $r"
    done
    if [ "$rc" != 0 ]; then
        [ -z "$known" ] || echo "# and fuzzing found (it may be the same bug):"
        report "$tmp/log"
        art=$(find "$tmp/artifacts" -type f | head -n 1)
        echo "# artifact: ${art:-none, see $tmp/log}"
        [ -z "$art" ] || echo "# replay: $bin $art"
    else
        echo "# fuzzing found nothing else in ${runs:-0} runs; the first reproducer's report:"
        report "$known_log"
        rm -rf "$tmp"
    fi
    return 1
}

# The harnesses a job a core, each into a file of its own; then their results in order.
results=$(mktemp -d "${TMPDIR:-/tmp}/bangban-fuzz.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$results"' EXIT
running=0
for n in $names; do
    (fuzz_one "$n" >"$results/$n.out" 2>&1; echo $? >"$results/$n.rc") &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait
passed=0
failed=0
for n in $names; do
    cat "$results/$n.out"
    if [ "$(cat "$results/$n.rc" 2>/dev/null)" = 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
