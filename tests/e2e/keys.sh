# Keys at human speed: Esc and then a digit typed a moment later is still
# the F-key (the key bar says so while it waits), Esc Esc goes back at
# once, and Esc alone goes back when the window is over. The help names
# keys as they are labelled (Shift+Tab, Backspace).
. "$(dirname "$0")/lib.sh"

demo_db
# A window of 3 s, not the 1 s default: on a loaded machine the screen may
# be read a second after the hint is drawn, when a 1 s window is over.
sqlite3 "$DB" "INSERT OR REPLACE INTO meta (key, value) VALUES ('esc_window_ms', '3000')"
open_residents desk
keys desk Escape
expect desk "after Esc the key bar says what a digit does" "已按 Esc：接着按数字 1-9 即 F1-F9"
# The digit comes only once the clerk has read that: well after a terminal's 40 ms.
type_text desk "1"
expect desk "Esc, a pause, then 1 is F1: the help" "每个 F 键都可以用 Esc 加数字代替"
keys desk End
expect desk "the help names keys as they are labelled: Shift+Tab" "Shift+Tab"
expect desk "and Backspace" "Backspace"
t0=$(date +%s%N)
keys desk Escape Escape
wait_gone desk "Shift+Tab"
ms=$((($(date +%s%N) - t0) / 1000000))
[ "$ms" -lt 1500 ] && t_ok "Esc Esc goes back at once (${ms} ms)" || t_fail "Esc Esc goes back at once" "${ms} ms"
keys desk F7
wait_for desk "登记新居民"
keys desk Escape
expect desk "Esc alone goes back when the window is over" "查找："
quits desk "quits cleanly"
t_sanitizers "keys"
