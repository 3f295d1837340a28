# Hostile text on the screen: a name holding an OSC sequence and a bidi
# override (written behind bangban's back) is drawn with '?' in their
# place, and the terminal never receives them; a paste longer than a
# field is cut with a word saying how much was left out; a paste of several
# lines stays in its field (bracketed paste: its breaks are text).
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,住址" "周八,110105194912310070,和平路1号" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null
sqlite3 "$DB" "UPDATE resident SET name = '周八' || char(27) || ']0;pwn' || char(7),
    address = char(8238) || '号1路平和' WHERE name = '周八'"

open_residents desk
type_text desk "110105194912310070"
expect desk "a stored escape sequence is drawn as '?'" "周八?]0;pwn?"
keys desk Enter
expect desk "a stored direction override is drawn as '?'" "?号1路平和"
if LC_ALL=C grep -q "$(printf '\033]0;pwn')" "$T/desk.tty" || grep -q "$(printf '\342\200\256')" "$T/desk.tty"; then
    t_fail "the terminal never receives the stored control sequences" "$(od -c "$T/desk.tty" | grep -n 'p   w   n' | head -3)"
else
    t_ok "the terminal never receives the stored control sequences"
fi
keys desk Escape
wait_for desk "查找："

# A paste of 120 characters into a dialog's 100-character line (the reason for a number in full).
keys desk Enter
wait_for desk "号码已遮蔽"
keys desk F9
choose desk "显示完整身份证号"
wait_for desk "记入操作日志"
type_text desk "$(printf '因%.0s' $(seq 1 120))"
expect desk "a paste longer than a dialog's line says how much was left out" "已满 100 个字：多出的 20 个字没有录入"
keys desk Escape
wait_gone desk "记入操作日志"
keys desk Escape
wait_for desk "查找："

# A paste of 40 characters into the 30-character name field.
keys desk F7
wait_for desk "登记新居民"
type_text desk "$(printf '张%.0s' $(seq 1 40))"
expect desk "a paste longer than the field says how much was left out" "已满 30 个字：多出的 10 个字没有录入"
expect desk "a field scrolled to its tail marks the text hidden to the left" "姓名: <张张"
keys desk BSpace
wait_gone desk "多出的"

# A paste of several lines: its breaks are text, never Enter moving on (and saving) elsewhere. A
# field of one line takes each as a space; the note, of several lines, keeps them.
keys desk C-u
type_text desk "周九"
keys desk Tab Tab Tab Tab Tab Tab Tab Tab Tab
paste_text desk "$(printf '和平路1号\n3单元\n202')"
expect desk "a paste of lines into one line: spaces between" "地址: 和平路1号 3单元 202"
type_text desk "室"
expect desk "and the focus stays on 地址" "地址: 和平路1号 3单元 202室"
keys desk Tab Tab Tab Tab
paste_text desk "$(printf '独居老人\n每周二探访')"
expect desk "a paste of lines into the note keeps them" "每周二探访"
if screen desk | grep -A1 "备注: 独居老人 " | tail -1 | grep -q "^ *每周二探访$"; then t_ok "each on a line of its own"; else t_fail "each on a line of its own" "$(screen desk)"; fi
quits_unsaved desk "quits cleanly"
t_sanitizers "hostile text on the screen"
