# make install and make uninstall with PREFIX and DESTDIR, from a copy of
# the tree as "make" left it (the source tree is never written to): the
# installed program runs, finds its Chinese catalogue where it was installed
# although it was built for another PREFIX, and the man page formats cleanly.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/tree"
# Copied with their times, so what "make" built in the tree (make test builds only the sanitized
# program: after "make", or "make run") is up to date in the copy and make installs it; what is
# missing or stale, everything on a fresh checkout, is built.
cp -rp "$TOP/Makefile" "$TOP/bangban.1" "$TOP/src" "$TOP/db" "$TOP/ui" "$TOP/locale" "$T/tree/"
# (and the other source directories the Makefile builds from, when there are any)
for d in app cli; do
    [ -d "$TOP/$d" ] && cp -rp "$TOP/$d" "$T/tree/"
done
mkdir -p "$T/tree/tests/tools" && cp -p "$TOP/tests/layer-calls.sh" "$T/tree/tests/" &&
    cp -p "$TOP/tests/tools/chrome_width.c" "$T/tree/tests/tools/"
if [ -x "$TOP/bangban" ]; then
    mkdir -p "$T/tree/build/rel"
    for d in gen locale tools; do
        [ -d "$TOP/build/$d" ] && cp -rp "$TOP/build/$d" "$T/tree/build/"
    done
    for d in src db ui app cli build; do
        [ -d "$TOP/build/rel/$d" ] && cp -rp "$TOP/build/rel/$d" "$T/tree/build/rel/"
    done
    cp -p "$TOP/bangban" "$T/tree/"
fi
stage="$T/stage"
# Built with a job a core, as make test builds (the outer make keeps its jobserver to itself).
if make -s -j"$(nproc)" -C "$T/tree" install DESTDIR="$stage" PREFIX=/usr >"$T/install.out" 2>&1; then
    t_ok "install: make install DESTDIR PREFIX=/usr"
else
    t_fail "install: make install DESTDIR PREFIX=/usr" "$(tail -20 "$T/install.out")"
fi
for f in usr/bin/bangban usr/share/man/man1/bangban.1 usr/share/locale/zh_CN/LC_MESSAGES/bangban.mo; do
    [ -f "$stage/$f" ] && t_ok "install: $f" || t_fail "install: $f" "$(cd "$stage" && find . -type f)"
done
out=$(env -u BANGBAN_LOCALEDIR "$stage/usr/bin/bangban" --help 2>&1)
# Found beside the program, not at the LOCALEDIR it was built for (the Makefile's PREFIX): unless
# a catalogue is there already, on a machine with bangban installed.
built_for=$(sed -n 's/^PREFIX *?= *//p' "$T/tree/Makefile")/share/locale
case "$out" in
*"用法"*) t_ok "install: the installed program speaks Chinese" ;;
*) t_fail "install: the installed program speaks Chinese" "$out" ;;
esac
if [ -e "$built_for/zh_CN/LC_MESSAGES/bangban.mo" ]; then
    echo "# a bangban catalogue is installed at $built_for: the check above cannot tell it from the staged one"
fi
warnings=$(LC_ALL=C.UTF-8 groff -k -man -ww -Tutf8 -z "$stage/usr/share/man/man1/bangban.1" 2>&1)
[ -z "$warnings" ] && t_ok "install: the man page formats without warnings" || t_fail "install: the man page formats without warnings" "$warnings"
make -s -C "$T/tree" uninstall DESTDIR="$stage" PREFIX=/usr >/dev/null 2>&1
left=$(find "$stage" -type f | wc -l)
[ "$left" = 0 ] && t_ok "uninstall: removes every file" || t_fail "uninstall: removes every file" "$(find "$stage" -type f)"
