#!/bin/sh
# sh tests/fuzz/ci.sh [NAME...]: the fuzz harnesses as a test suite, for
# `make test`: each harness for $FUZZ_SECONDS (3 by default) through
# tests/fuzz/run.sh, which replays the known reproducers first. Prints
# "ok - fuzz/NAME (N runs)" or "not ok - fuzz/NAME" with the report, then
# "N passed, N failed"; exits 1 when anything failed. Without clang's
# libFuzzer it says what to install and fails.
set -u
exec sh "$(dirname "$0")/run.sh" "${FUZZ_SECONDS:-3}" "$@"
