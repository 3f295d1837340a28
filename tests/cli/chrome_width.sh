# The program's own text holds no character of East-Asian ambiguous width
# (· … “ ” — × → ...): terminals set to draw them wide (PuTTY's and
# xterm's CJK setting) would shift every row that shows one. The check
# (make check-chrome, tests/tools/chrome_width.c) passes on the tree, and
# fails on a literal or a translation that brings one back.
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 1
if make -s check-chrome >"$T/chrome.out" 2>&1; then
    t_ok "chrome: the tree is clean"
else
    t_fail "chrome: the tree is clean" "$(cat "$T/chrome.out")"
fi
tool=build/tools/chrome_width

# caught NAME FILE: the check fails on FILE, naming its line.
caught() {
    if "$tool" "$2" >"$T/out" 2>&1; then
        t_fail "chrome: $1 is caught" "the check passed"
    elif grep -q "$2:[0-9]*: U+" "$T/out"; then
        t_ok "chrome: $1 is caught"
    else
        t_fail "chrome: $1 is caught" "$(cat "$T/out")"
    fi
}
# passed NAME FILE: the check lets FILE through.
passed() {
    if "$tool" "$2" >"$T/out" 2>&1; then t_ok "chrome: $1"; else t_fail "chrome: $1" "$(cat "$T/out")"; fi
}

printf 'static const char *s = "Enter accepts · Esc cancels";\n' >"$T/dot.c"
caught "a middle dot in a literal" "$T/dot.c"
printf 'static const char *s = "%%s -> %%s";\nstatic const char *t = "%%s → %%s";\n' >"$T/arrow.c"
caught "an arrow in a literal" "$T/arrow.c"
grep -q "arrow.c:2: U+2192" "$T/out" && t_ok "chrome: the line is named" || t_fail "chrome: the line is named" "$(cat "$T/out")"
printf 'msgid "\\"%%s\\" is not a date"\nmsgstr ""\n"“%%s”不是日期"\n' >"$T/quote.po"
caught "quotes in a translation" "$T/quote.po"
printf 'msgid "Rates · by unit"\nmsgstr "三率（按单位）"\n' >"$T/msgid.po"
passed "a msgid is not the screen's text" "$T/msgid.po"
printf '/* a comment may say · and … */\nstatic const char dot[] = "\\xC2\\xB7";\n' >"$T/escape.c"
passed "comments and escapes are not chrome" "$T/escape.c"
printf 'static const char *n = "买买提·艾力"; /* not chrome */\n' >"$T/data.c"
passed "a name marked as data" "$T/data.c"
