# The home screen in Chinese with its key bar; help from the action table
# by F1 and by Esc 1; F10 quits with status 0.
. "$(dirname "$0")/lib.sh"

demo_db
start desk
expect desk "home screen in Chinese" "和平区党群服务中心　前台工作台"
expect desk "key bar on the last line" "1帮助"
if screen desk | tail -1 | grep -q "10退出"; then t_ok "F10 quit in the key bar"; else t_fail "F10 quit in the key bar" "$(screen desk)"; fi
expect desk "home leads to residents" "1  居民"
expect desk "home leads to requests" "2  诉求"
expect desk "home leads to the service catalogue" "3  服务清单"
expect desk "home leads to evening talks" "4  和平夜话"
expect desk "home leads to the rates" "5  三率"
expect desk "home leads to areas and buildings" "6  区域与楼宇"
if screen desk | grep -q "志愿"; then t_fail "home leads only to sections that exist" "$(screen desk)"; else t_ok "home leads only to sections that exist"; fi

keys desk F1
expect desk "F1 opens help" "显示按键及其作用"
expect desk "help lists the home screen's commands, each with its key and help" "1  居民                    查找、登记、修改居民"
expect desk "help lists the F-keys with their Esc aliases" "F5  Ctrl+R  Esc 5"
# Only the F-keys this screen answers: F2 saves nothing here, F4 edits nothing.
if screen desk | grep -q "F2  Ctrl+S\|F4  Esc 4\|F7  Ins"; then
    t_fail "help lists no F-key the home screen does not use" "$(screen desk)"
else
    t_ok "help lists no F-key the home screen does not use"
fi
# (the home screen's sections come first: the navigation keys are further down)
keys desk End
expect desk "help lists the navigation keys" "下一栏；下一个列表"
keys desk Escape
wait_gone desk "显示按键及其作用"
expect desk "Esc closes help" "前台工作台"

keys desk Escape 1
expect desk "Esc 1 opens help too" "显示按键及其作用"
keys desk Escape
wait_gone desk "显示按键及其作用"

# F-keys as PuTTY (ESC [11~) and the Linux console (ESC [[A) send them.
bytes desk 1b 5b 31 31 7e
expect desk "PuTTY's F1 sequence opens help" "显示按键及其作用"
keys desk Escape
wait_gone desk "显示按键及其作用"
bytes desk 1b 5b 5b 41
expect desk "the Linux console's F1 sequence opens help" "显示按键及其作用"
keys desk Escape
wait_gone desk "显示按键及其作用"

# Colour by default; none with NO_COLOR.
if tmux -L "$SOCK" capture-pane -e -p -t main:desk | grep -q "$(printf '\033')\[[0-9;]*4[0-7]m"; then
    t_ok "colours by default"
else
    t_fail "colours by default" "$(tmux -L "$SOCK" capture-pane -e -p -t main:desk | head -3 | od -c | head)"
fi
start mono NO_COLOR=1
wait_for mono "前台工作台"
if tmux -L "$SOCK" capture-pane -e -p -t main:mono | grep -q "$(printf '\033')\[[0-9;]*[34][0-7]m"; then
    t_fail "NO_COLOR: no colours" "$(tmux -L "$SOCK" capture-pane -e -p -t main:mono | head -3 | od -c | head)"
else
    t_ok "NO_COLOR: no colours"
fi
# Without colour, a menu's highlighted entry stands out from the dialog around it.
choose mono "居民"
wait_for mono "查找："
keys mono F9
wait_for mono "导入居民台账"
tmux -L "$SOCK" capture-pane -e -p -t main:mono >"$T/mono.screen"
rev="$(printf '')\[[0-9;]*7[;m]"
selected=$(grep "导入居民台账" "$T/mono.screen" | grep -c "$rev")
others=$(grep "导出居民" "$T/mono.screen" | grep -c "$rev")
if [ "$selected" = 1 ] && [ "$others" = 0 ]; then
    t_ok "NO_COLOR: the highlighted menu entry is marked, the others are not"
else
    t_fail "NO_COLOR: the highlighted menu entry is marked, the others are not" "selected: $selected, others: $others" "$(od -c "$T/mono.screen" | grep -n '033' | head -5)"
fi
keys mono Escape Escape
wait_gone mono "导入居民台账"
keys mono F10
wait_ended mono

# In December the demo's working-day calendar (through 2026) falls short of the deadlines ahead.
start dec "BANGBAN_NOW='2026-12-04 09:00'"
expect dec "the home screen says the calendar ends before the deadlines ahead" "工作日历只排到 2026 年：2027 年的时限没有计入节假日"
expect dec "and, to a desk clerk who does not keep the calendar, whom to ask" "请主管加入放假安排"
keys dec F10
wait_ended dec
# An admin's longer menu leaves the sparklines out before the calendar's warning: they can mend it.
users_as admin boss
start boss BANGBAN_USER=boss "BANGBAN_NOW='2026-12-04 09:00'"
expect boss "an admin's home, with its longer menu, still says the calendar falls short" "工作日历只排到 2026 年"
expect boss "and, to who keeps it, where to add it" "F9 可导入台账"
keys boss F10
wait_ended boss
start jun "BANGBAN_NOW='2026-06-01 09:00'"
wait_for jun "前台工作台"
if screen jun | grep -q "工作日历只排到"; then t_fail "in June it says nothing of the calendar" "$(screen jun)"; else t_ok "in June it says nothing of the calendar"; fi
keys jun F10
wait_ended jun

quits desk "F10 quits with status 0"
t_sanitizers "home"
