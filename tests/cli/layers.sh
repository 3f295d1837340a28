# The layer check of the Makefile passes on the tree, and would fail if
# src/ included curses, ui/ included sqlite3.h, src/ reached into db/, or
# a screen held SQL.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 1
if make -s check-layers >"$T/layers.out" 2>&1; then t_ok "layers: the tree is clean"; else t_fail "layers: the tree is clean" "$(cat "$T/layers.out")"; fi

# break COPY-NAME FILE LINE: in a copy of the tree, add LINE to FILE; the check must fail.
break_layer() {
    rm -rf "$T/tree"
    mkdir -p "$T/tree"
    cp -r Makefile src db ui "$T/tree/"
    printf '%s\n' "$3" >>"$T/tree/$2"
    if make -s -C "$T/tree" check-layers >"$T/broken.out" 2>&1; then
        t_fail "layers: $1 is caught" "the check passed"
    else
        t_ok "layers: $1 is caught"
    fi
}
break_layer "curses in src/" src/text.c '#include <curses.h>'
break_layer "sqlite3.h in ui/" ui/draw.c '#include <sqlite3.h>'
break_layer "src/ reaching into db/" src/clock.c '#include "db/db.h"'
break_layer "SQL in a screen" ui/screen_home.c 'static const char *q = "SELECT id FROM street";'
