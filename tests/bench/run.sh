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

"$top/build/rel/tests/bench/uibench" "$bin" "$T/demo.db" 30
