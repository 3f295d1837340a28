# Resizing the terminal while typing in a field re-lays out the screen and
# loses nothing; a window below the minimum says so instead of drawing.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
keys desk F7
wait_for desk "新建楼宇"
keys desk Tab
type_text desk "南京路"
tmux -L "$SOCK" resize-window -t main:desk -x 100 -y 30
expect desk "laid out again at 100x30" "1帮助     2保存"
type_text desk "国际"
tmux -L "$SOCK" resize-window -t main:desk -x 40 -y 12
expect desk "a window below the minimum says so" "窗口太小"
type_text desk "金融"
tmux -L "$SOCK" resize-window -t main:desk -x 60 -y 20
expect desk "typing during a resize storm is kept" "南京路国际金融"
type_text desk "中心"
tmux -L "$SOCK" resize-window -t main:desk -x 80 -y 24
expect desk "the key bar follows the size" "1帮助   2保存"
expect desk "back at 80x24 with every character" "名称: 南京路国际金融中心"
keys desk Escape
wait_for desk "放弃填写的内容并返回？"
keys desk y
keys desk F10
wait_ended desk
t_sanitizers "resize"
