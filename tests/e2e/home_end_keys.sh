# Home and End as tmux and PuTTY send them (ESC [ 1 ~, ESC [ 4 ~, unknown to
# TERM=xterm-256color's terminfo) move in the field and the list: they are
# never Esc and letters typed, which left a form without asking and lost
# what was typed. Another sequence curses does not know (Ctrl+Right as
# ESC [ 1 ; 5 C) is a key too, not Esc.
. "$(dirname "$0")/lib.sh"

# raw NAME SEQ: the bytes of SEQ typed at once, as a terminal sends a key.
raw() { tmux -L "$SOCK" send-keys -t "main:$1" -l "$(printf "$2")"; }

demo_db
# As a clerk's PuTTY or tmux names the terminal: xterm's terminfo, whose Home is ESC O H.
open_residents desk TERM=xterm-256color
keys desk F7
wait_for desk "新居民"
type_text desk "测试名字"
raw desk '\033[1~'
type_text desk "王"
raw desk '\033[4~'
type_text desk "甲"
expect desk "Home and End move in the field, the form stays" "姓名: 王测试名字甲"
if screen desk | grep -q "查找："; then t_fail "the form was not left" "$(screen desk)"; else t_ok "the form was not left"; fi
raw desk '\033[1;5C'
type_text desk "乙"
expect desk "a sequence curses does not know is no Esc either" "姓名: 王测试名字甲乙"
keys desk Escape
wait_for desk "放弃"
keys desk y
wait_for desk "查找："
raw desk '\033[4~'
raw desk '\033[1~'
type_text desk "zhang"
expect desk "in the list, Home and End type nothing into the search" "查找： zhang"
db_is "nothing was saved" "SELECT count(*) FROM resident WHERE name LIKE '%测试%'" 0
quits desk "quits cleanly"
t_sanitizers "home_end_keys"
