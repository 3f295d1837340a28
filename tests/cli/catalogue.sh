# The Chinese catalogue is complete: every message in the sources has a
# translation, none is fuzzy, and msgfmt accepts the file (format strings
# included).
. "$(dirname "$0")/../lib.sh"

cd "$TOP" || exit 1
xgettext --from-code=UTF-8 -k_ -kN_ --msgid-bugs-address=bangban -o "$T/current.pot" \
    src/*.[ch] db/*.[ch] app/*.[ch] ui/*.[ch] cli/*.[ch] 2>"$T/xgettext.err"
if msgcmp locale/zh_CN.po "$T/current.pot" >"$T/msgcmp.out" 2>&1; then
    t_ok "every message in the sources is in zh_CN.po"
else
    t_fail "every message in the sources is in zh_CN.po" "$(cat "$T/msgcmp.out")"
fi
stats=$(msgfmt -c --statistics -o /dev/null locale/zh_CN.po 2>&1)
case "$stats" in
*fuzzy* | *untranslated* | *error*) t_fail "zh_CN.po has no fuzzy or untranslated entries" "$stats" ;;
*" translated messages"*) t_ok "zh_CN.po has no fuzzy or untranslated entries" ;;
*) t_fail "zh_CN.po has no fuzzy or untranslated entries" "$stats" ;;
esac
