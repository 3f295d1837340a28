# The layer checks of the Makefile pass on the tree, and would fail if a
# file included what its layer may not (curses outside ui/, sqlite3.h
# outside db/, src/ reaching into db/, db/ into app/, cli/ into ui/, SQL in
# a screen or in app/), or if an object called up a layer, or SQLite
# outside db/, or curses outside ui/, whatever its includes say
# (tests/layer-calls.sh).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 1
if make -s check-layers >"$T/layers.out" 2>&1; then t_ok "layers: the tree is clean"; else t_fail "layers: the tree is clean" "$(cat "$T/layers.out")"; fi

# break COPY-NAME FILE LINE: in a copy of the tree, add LINE to FILE; the check must fail.
break_layer() {
    rm -rf "$T/tree"
    mkdir -p "$T/tree"
    cp -r Makefile src db app ui cli "$T/tree/"
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
break_layer "db/ reaching into app/" db/area.c '#include "app/import.h"'
break_layer "cli/ reaching into ui/" cli/cli.c '#include "ui/ui.h"'
break_layer "SQL in a screen" ui/screen_home.c 'static const char *q = "SELECT id FROM street";'
break_layer "SQL in app/" app/demo.c 'static const char *q = "UPDATE street SET name = 1";'
break_layer "a DELETE in a screen" ui/screen_tags.c 'static const char *q = "DELETE FROM tag";'

# Calls: the objects of the tree are clean; an object of src/ that calls
# into db/ without including its header is caught all the same.
objs() { ls build/asan/"$1"/*.o 2>/dev/null | grep -v '/main\.o$' | tr '\n' ' '; }
if [ -f build/asan/src/text.o ]; then
    calls="src \"$(objs src) build/asan/build/gen/pinyin_table.o\" db \"$(objs db) build/asan/build/gen/migrations.o build/asan/build/gen/seed.o\" app \"$(objs app)\" ui \"$(objs ui)\" cli \"$(objs cli)\""
    if eval sh tests/layer-calls.sh "$calls" >"$T/calls.out" 2>&1; then
        t_ok "layers: no object calls up a layer"
    else
        t_fail "layers: no object calls up a layer" "$(cat "$T/calls.out")"
    fi
    printf 'int db_open(const char *, unsigned, void **, char **);\nint sneak(void);\nint sneak(void) { return db_open("x", 0, 0, 0); }\n' >"$T/sneak.c"
    cc -c -o "$T/sneak.o" "$T/sneak.c"
    if eval sh tests/layer-calls.sh "$calls" src "$T/sneak.o" >"$T/calls.out" 2>&1; then
        t_fail "layers: a call from src/ into db/ is caught" "the check passed"
    elif grep -q "sneak.o (src/) calls db/: db_open" "$T/calls.out"; then
        t_ok "layers: a call from src/ into db/ is caught"
    else
        t_fail "layers: a call from src/ into db/ is caught" "$(cat "$T/calls.out")"
    fi
    # A library belongs to its layer: SQLite to db/, curses to ui/.
    sneak_lib() {
        printf '%s\n' "$3" >"$T/lib.c"
        cc -c -o "$T/lib.o" "$T/lib.c"
        if eval sh tests/layer-calls.sh "$calls" "$2" "$T/lib.o" >"$T/calls.out" 2>&1; then
            t_fail "layers: $1 is caught" "the check passed"
        elif grep -q "lib.o ($2/) calls" "$T/calls.out"; then
            t_ok "layers: $1 is caught"
        else
            t_fail "layers: $1 is caught" "$(cat "$T/calls.out")"
        fi
    }
    sneak_lib "SQLite called from app/" app 'int sqlite3_open(const char *, void **); int f(void); int f(void) { return sqlite3_open("x", 0); }'
    sneak_lib "curses called from src/" src 'int beep(void); int f(void); int f(void) { return beep(); }'
    sneak_lib "curses called from cli/" cli 'int endwin(void); int f(void); int f(void) { return endwin(); }'
else
    t_fail "layers: the calls check has objects to read" "build/asan is empty: run make test"
fi
