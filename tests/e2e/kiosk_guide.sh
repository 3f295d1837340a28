# The kiosk's 服务指南, end to end, with the keys of a keypad: an item found
# by its pinyin initials and its materials read; a category and an item in
# it chosen by numbers alone; the materials printed (lp a stand-in), or the
# desk asked when there is no printer. Also: bangban kiosk refuses a system
# login bound to no kiosk user, and the kiosk user signing in on the desk's
# program gets the kiosk, not the home screen.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kiosk.lib"

kiosk_db
mkdir "$T/bin" "$T/nobin"
cat >"$T/bin/lp" <<'LP'
#!/bin/sh
cat >"$LP_OUT"
echo "request id is hall-7 (1 file(s))"
LP
chmod +x "$T/bin/lp"
ln -s "$(command -v paps)" "$T/bin/paps"

env BANGBAN_USER=nobody LANG=C.UTF-8 BANGBAN_LOCALEDIR="$BANGBAN_LOCALEDIR" "$BIN" --db "$DB" kiosk >"$T/refused.out" 2>&1
status=$?
if [ $status = 1 ] && grep -q "系统账户 nobody 没有绑定自助终端用户" "$T/refused.out" &&
    grep -q "bangban user bind 登录名 nobody" "$T/refused.out" && grep -q "也可以不带 kiosk 打开 bangban" "$T/refused.out"; then
    t_ok "bangban kiosk refuses a system login bound to no kiosk user, saying how to bind one or sign in"
else
    t_fail "bangban kiosk refuses a system login bound to no kiosk user" "status $status" "$(cat "$T/refused.out")"
fi

kiosk_start hall PATH="$T/bin:/usr/bin:/bin" LP_OUT="$T/job.ps"
expect hall "the start screen says which keys work" "按 1-4，或上下键加回车选择"
type_text hall 1
wait_for hall "类别："
expect hall "the guide offers the five categories by number" "5  应急处置"
type_text hall zdsh
expect hall "pinyin initials find the item" "HB001 最低生活保障申请"
keys hall Enter
wait_for hall "请带齐以下材料："
expect hall "its materials, one to a line" "3. 低保申请书"
expect hall "its unit" "办理单位： 区民政局"
expect hall "its promised time limit" "办结 20 个工作日内"
expect hall "where to go" "本中心前台窗口"
expect hall "and the unit's phone" "022-23303512"
type_text hall 1
expect hall "1 prints the list of materials" "材料清单正在打印"
if grep -q "^%!PS" "$T/job.ps"; then t_ok "the printer got the list from paps"; else t_fail "the printer got the list from paps" "$(head -c 200 "$T/job.ps")"; fi
keys hall Escape
wait_for hall "找到 1 项"
keys hall BSpace BSpace BSpace BSpace
wait_for hall "类别："
type_text hall 2
keys hall Enter
wait_for hall "服务群众：共"
type_text hall 12
expect hall "digits typed pick a row by its number" "已输入：12"
# A digit more that names no row is said and dropped: what is shown typed is what Enter opens.
type_text hall 0
expect hall "a number no row has is said" "没有第 120 项"
if screen hall | grep -q "已输入：12$"; then t_ok "and the digit is not kept"; else t_fail "and the digit is not kept" "$(screen hall)"; fi
keys hall Enter
wait_for hall "请带齐以下材料："
if screen hall | grep -q "老年人优待证办理"; then t_ok "and Enter opens that row's item"; else t_fail "and Enter opens that row's item" "$(screen hall)"; fi
kiosk_home hall
# After words searched, as after none, a digit picks a row; after pinyin or a code it searches on.
type_text hall 1
wait_for hall "类别："
type_text hall "老年"
wait_for hall "项："
type_text hall 2
expect hall "a digit after words searched picks a row by its number" "已输入：2"
keys hall Enter
wait_for hall "请带齐以下材料："
kiosk_home hall

# Without a printer the kiosk sends people to the desk.
start bare BANGBAN_USER=hall PATH="$T/nobin" -- kiosk
wait_for bare "欢迎使用自助服务终端"
type_text bare 1
wait_for bare "类别："
type_text bare hb001
wait_for bare "HB001 最低生活保障申请"
keys bare Enter
wait_for bare "请带齐以下材料："
if screen bare | grep -q "1 打印材料清单"; then t_fail "without a printer, printing is not offered" "$(screen bare)"; else t_ok "without a printer, printing is not offered"; fi
type_text bare 1
expect bare "no printer: ask at the desk to print" "本终端没有打印机：请到前台打印材料清单"

# The kiosk user signing in on the desk's program gets the kiosk.
start signin BANGBAN_USER=someone-unbound
wait_for signin "请登录"
type_text signin kiosk
keys signin Tab
type_text signin demo-kiosk
keys signin Enter
expect signin "a kiosk user signing in gets the kiosk, not the home screen" "欢迎使用自助服务终端"
if screen signin | grep -q "工作台"; then t_fail "nothing of the desk shows" "$(screen signin)"; else t_ok "nothing of the desk shows"; fi
t_sanitizers "kiosk_guide"
