# The import screen's file field completes with Tab, from the working
# directory: a prefix of a Chinese file name completes as far as the names
# agree, Tab again lists them under the form, and a name completed in full
# opens its preview; a directory completes with its '/'.
. "$(dirname "$0")/lib.sh"

demo_db
mkdir -p "$T/台账/二〇二六"
printf '%s\r\n' "姓名,居民身份证号,手机号" "周八,110105194912310070,13800138000" >"$T/台账/居民台账2026年.csv"
printf '%s\r\n' "姓名,居民身份证号,手机号" >"$T/台账/居民名单.csv"
cd "$T/台账" || exit 1
open_residents desk
keys desk F9
choose desk "导入居民台账"
wait_for desk "预览"
type_text desk "居"
keys desk Tab
expect desk "Tab completes as far as the names agree" "文件: 居民"
keys desk Tab
expect desk "Tab again lists the names under the form" "居民台账2026年.csv  居民名单.csv"
type_text desk "台"
keys desk Tab
expect desk "a prefix of a Chinese name completes it" "文件: 居民台账2026年.csv"
keys desk Tab
expect desk "Tab on the full name moves on and the preview opens" "周八"
keys desk BTab C-u
type_text desk "二"
keys desk Tab
expect desk "a directory completes with its /" "文件: 二〇二六/"
quits desk "quits cleanly"
t_sanitizers "file completion"
