#!/bin/sh
# The layers, checked on what the objects call, not only on what the
# sources include: an object of a layer may use only symbols defined by
# its own layer or the layers below it (src <- db <- app <- ui, cli;
# src/main.c, the composition root, sees all and is not given here), and
# only ui/ may call curses, only db/ SQLite.
#
#   sh tests/layer-calls.sh LAYER "OBJECTS" [LAYER "OBJECTS" ...]
#
# LAYER is src, db, app, ui or cli; a layer may be named twice (the tests
# plant an object that breaks the rule). Prints each call that breaks a
# rule and exits 1 when there is one.
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bangban-layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for layer in src db app ui cli; do : >"$tmp/$layer.objs"; done
while [ $# -ge 2 ]; do
    for obj in $2; do echo "$obj" >>"$tmp/$1.objs"; done
    shift 2
done

# What each layer defines.
for layer in src db app ui cli; do
    xargs -r nm --defined-only -g <"$tmp/$layer.objs" 2>/dev/null |
        awk 'NF == 3 { print $3 }' | sort -u >"$tmp/$layer.defs"
done

# What the libraries of one layer define: curses (ui/ alone) and SQLite (db/ alone).
lib_defs() {
    for lib; do
        path=$(${CC:-cc} -print-file-name="$lib")
        [ -f "$path" ] && nm -D --defined-only "$path" 2>/dev/null
    done | awk 'NF == 3 { sub(/@.*/, "", $3); print $3 }' | sort -u
}
lib_defs libncursesw.so.6 libtinfo.so.6 >"$tmp/curses.defs"
lib_defs libsqlite3.so.0 >"$tmp/sqlite.defs"
for lib in curses sqlite; do
    if [ ! -s "$tmp/$lib.defs" ]; then
        echo "layer check: the $lib library was not found (${CC:-cc} -print-file-name): nothing to check calls against"
        exit 1
    fi
done

# above LAYER: the layers an object of LAYER may not call.
above() {
    case $1 in
    src) echo db app ui cli ;;
    db) echo app ui cli ;;
    app) echo ui cli ;;
    ui) echo cli ;;
    cli) echo ui ;;
    esac
}

# forbidden LAYER: what an object of LAYER may not call: the layers above it
# (db/ ...) and the libraries of another layer (curses, sqlite).
forbidden() {
    for up in $(above "$1"); do echo "$up/"; done
    case $1 in
    ui) echo sqlite ;;
    db) echo curses ;;
    *) echo curses sqlite ;;
    esac
}

# Every object's undefined symbols, one nm a layer, matched in one awk
# against what the forbidden layers and libraries define.
bad=0
for layer in src db app ui cli; do
    [ -s "$tmp/$layer.objs" ] || continue
    xargs nm -u -A <"$tmp/$layer.objs" 2>/dev/null |
        awk '{ obj = $1; sub(/:$/, "", obj); print obj, $NF }' | sort -u |
        awk -v layer="$layer" -v ups="$(forbidden "$layer" | tr '\n' ' ')" -v dir="$tmp" '
            BEGIN {
                n = split(ups, up, " ")
                for (i = 1; i <= n; i++) {
                    f = dir "/" up[i] ".defs"
                    sub(/\/\.defs$/, ".defs", f)
                    while ((getline s < f) > 0) def[up[i], s] = 1
                }
            }
            function flush() {
                for (i = 1; i <= n; i++)
                    if (hits[i] != "") {
                        print "layer check: " last " (" layer "/) calls " up[i] ": " hits[i]
                        bad = 1
                    }
                split("", hits)
            }
            $1 != last { flush(); last = $1 }
            { for (i = 1; i <= n; i++) if ((up[i], $2) in def) hits[i] = hits[i] $2 " " }
            END { flush(); exit bad }
        ' || bad=1
done
exit $bad
