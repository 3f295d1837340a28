# Locales: a zh_CN.UTF-8 that was never generated still gives the Chinese
# UI; LANG=C is refused clearly with the terminal untouched; LANGUAGE=en
# gives English.
. "$(dirname "$0")/lib.sh"

# A machine without zh_CN.UTF-8, whatever this one has: glibc looks for
# locales only in LOCPATH when it is set (never in the locale archive), and
# $T/locales holds C.UTF-8 alone, the locale bangban falls back to.
mkdir "$T/locales"
for d in /usr/lib/locale $(localedef --help 2>/dev/null | sed -n 's/^ *locale path *: *//p' | tr : ' '); do
    for c in C.utf8 C.UTF-8; do
        [ -e "$T/locales/C.utf8" ] || [ ! -d "$d/$c" ] || ln -s "$d/$c" "$T/locales/C.utf8"
    done
done
c_set=$(LOCPATH="$T/locales" LC_ALL=C.UTF-8 locale charmap 2>/dev/null)
zh_set=$(LOCPATH="$T/locales" LC_ALL=zh_CN.UTF-8 locale charmap 2>/dev/null)
if [ "$c_set" != UTF-8 ] || [ "$zh_set" = UTF-8 ]; then
    echo "not ok - e2e/locale.sh: a LOCPATH with C.UTF-8 and without zh_CN.UTF-8"
    echo "# C.UTF-8 gives \"$c_set\", zh_CN.UTF-8 gives \"$zh_set\" in $T/locales:"
    ls -l "$T/locales" | sed 's/^/# /'
    exit 1
fi

demo_db
start zh LANG=zh_CN.UTF-8 LOCPATH="$T/locales"
expect zh "LANG=zh_CN.UTF-8 gives the Chinese UI" "前台工作台"
expect zh "and says the locale is missing" "本机没有安装语言环境 zh_CN.UTF-8"
keys zh F10
wait_ended zh

start c LANG=C
status=$(wait_exit c)
[ "$status" = 6 ] && t_ok "LANG=C is refused with status 6" || t_fail "LANG=C is refused with status 6" "status $status"
expect c "the refusal says why" "not UTF-8"
expect c "in Chinese too" "终端字符集不是 UTF-8"
if grep -q -- " icanon" "$T/c.stty" && ! grep -q -- "-echo " "$T/c.stty"; then
    t_ok "the refused terminal is untouched"
else
    t_fail "the refused terminal is untouched" "$(cat "$T/c.stty")"
fi
if screen c | grep -q "前台工作台"; then t_fail "nothing is drawn after a refusal"; else t_ok "nothing is drawn after a refusal"; fi

start en LANGUAGE=en
expect en "LANGUAGE=en gives English" "Party and Masses Service Centre"
keys en F10
wait_ended en
t_sanitizers "locale"
