# The libFuzzer harnesses of tests/fuzz/ (the ledger reader of every kind,
# CSV records, the validators, UTF-8, the codecs, the line editor) for a
# few seconds each over their corpus, every known reproducer replayed
# first: a regression of what fuzzing found fails here. `make fuzz` runs
# them a minute each.
set -u
out=$(FUZZ_SECONDS=${FUZZ_SECONDS:-3} sh "$(dirname "$0")/../fuzz/ci.sh" 2>&1)
status=$?
printf '%s\n' "$out" | grep -v -e '^[0-9]* passed, [0-9]* failed$' -e '^# build/fuzz:'
if [ "$status" != 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
    echo "not ok - fuzz: the harnesses could not run"
fi
exit 0
