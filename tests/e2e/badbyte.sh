# A terminal that sends bytes that are not UTF-8 (0xFF, or GBK from a
# PuTTY left on GBK) gets a visible warning, and typing still works.
. "$(dirname "$0")/lib.sh"

demo_db
open_areas desk
bytes desk ff
type_text desk "hp"
expect desk "a byte that is not UTF-8 shows the warning" "终端字符集不是 UTF-8"
expect desk "typing after it still works" "查找： hp"
expect desk "and searches" "共 2 条"
# 张三 as GBK bytes, then normal typing.
keys desk Escape
bytes desk d5 c5 c8 fd
type_text desk "和平"
expect desk "GBK bytes are counted, not typed" "有 5 个字节无法识别"
expect desk "UTF-8 typing after GBK bytes arrives whole" "查找： 和平"
# The warning gives way to what is done next: F5's message is not hidden behind it.
keys desk F5
expect desk "a message after the warning is shown, not hidden behind it" "已从数据库重新读取"
quits desk "still quits normally"
t_sanitizers "badbyte"
