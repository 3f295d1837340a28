# The export folder is a setting: changed on the settings screen, a bare
# file name typed for an export lands there and the message gives its full
# path. File names complete with Tab against that folder, Chinese names
# included; a second Tab lists what matches.
. "$(dirname "$0")/lib.sh"

demo_db
admin_login centre-admin # the settings are the admin's to change
open_section desk "服务清单" "帮办 - 服务清单" BANGBAN_USER=centre-admin
keys desk F9
choose desk "设置"
wait_for desk "本中心的设置"
keys desk BTab BTab # the export folder is the last setting but one, below the form's first screen
wait_for desk "导出文件夹"
expect desk "the settings show the default export folder" "${T##*/}/Documents/bangban"
keys desk C-u
type_text desk "导出"
keys desk F2
expect desk "a folder that is not from the root is said" "请写从根目录起的文件夹"
keys desk C-u
type_text desk "$T/导出"
keys desk F2
expect desk "the settings are saved" "设置已保存"
db_is "the folder is stored" "SELECT value FROM meta WHERE key = 'export_dir'" "$T/导出"
keys desk Escape
wait_for desk "党群服务中心"
choose desk "居民"
wait_for desk "查找："
keys desk F9
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
expect desk "the dialog shows the folder set" "文件夹：$T/导出"
keys desk C-u
type_text desk "名单.csv"
keys desk Enter
expect desk "the message gives the full path in the folder set" "已写出居民 0 人到 $T/导出/名单.csv"
[ -f "$T/导出/名单.csv" ] && t_ok "the export is in the folder set" || t_fail "the export is in the folder set" "$(ls -R "$T")"

# Tab completion of Chinese names in the export folder.
: >"$T/导出/居民台账2025年.csv"
: >"$T/导出/居民台账2026年.csv"
keys desk F9
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "居民台"
keys desk Tab
expect desk "Tab completes as far as the matching names agree" "居民台账202"
keys desk Tab
expect desk "a second Tab lists the names that match" "居民台账2025年.csv  居民台账2026年.csv"
type_text desk "6"
keys desk Tab
expect desk "Tab completes the one name left" "居民台账2026年.csv"
keys desk Enter
wait_for desk "已存在"
keys desk y
expect desk "the completed name is written to" "已写出居民 0 人到 $T/导出/居民台账2026年.csv"
quits desk "quits cleanly"
t_sanitizers "export folder"
