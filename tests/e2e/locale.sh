# Locales: a zh_CN.UTF-8 that was never generated still gives the Chinese
# UI; LANG=C is refused clearly with the terminal untouched; LANGUAGE=en
# gives English.
. "$(dirname "$0")/lib.sh"

demo_db
start zh LANG=zh_CN.UTF-8
expect zh "LANG=zh_CN.UTF-8 gives the Chinese UI" "前台工作台"
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
    t_ok "zh_CN.UTF-8 is installed here, nothing to fall back from"
else
    expect zh "and says the locale is missing" "本机没有安装语言环境 zh_CN.UTF-8"
fi
keys zh F10
wait_exit zh >/dev/null

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
wait_exit en >/dev/null
t_sanitizers "locale"
