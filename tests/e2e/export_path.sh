# An export to a file named without a folder goes in the export folder (by
# default the bangban folder in the documents folder: ~/Documents/bangban
# when user-dirs.dirs names none), made for the clerk alone when first
# written to; the dialog shows the folder and the message gives the full
# path, so the clerk can find it. A name with a folder is taken as typed;
# one that will not do (.xls) is said and asked again, as typed; one
# without an extension takes the offered one's.
. "$(dirname "$0")/lib.sh"

demo_db
mkdir "$T/work"
cd "$T/work" || exit 1 # bangban's working directory: where a name with a folder goes
open_residents desk
keys desk F9
wait_for desk "导入居民台账"
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
expect desk "the dialog shows the folder a bare name goes to" "文件夹：$T/Documents/bangban"
keys desk C-u
type_text desk "rel.csv"
keys desk Enter
expect desk "the message gives the full path of the export" "已写出居民 0 人到 $T/Documents/bangban/rel.csv"
[ -f "$T/Documents/bangban/rel.csv" ] && t_ok "the file is in the export folder" ||
    t_fail "the file is in the export folder" "$(find "$T" -name rel.csv)"
[ "$(stat -c %a "$T/Documents/bangban")" = 700 ] && t_ok "the folder was made for its owner alone" ||
    t_fail "the folder was made for its owner alone" "$(stat -c %a "$T/Documents/bangban")"
keys desk F9
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
# A name that will not do is said, and asked again with what was typed.
keys desk C-u
type_text desk "./here.xls"
keys desk Enter
expect desk "a format bangban does not write is refused, saying what to name it" "帮办不写 .xls 格式的文件"
expect desk "and the name is asked again, as typed" "./here.xls"
keys desk BSpace
type_text desk "x"
keys desk Enter
expect desk ".xlsx mistyped .xlx is refused too, not written as CSV" "帮办不写 .xlx 格式的文件"
keys desk BSpace BSpace BSpace
type_text desk "csv"
keys desk Enter
expect desk "a name with a folder is taken from the working directory" "已写出居民 0 人到 $T/work/here.csv"
# A name typed without an extension takes the one offered: a spreadsheet opens it.
keys desk F9
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "居民名单"
keys desk Enter
expect desk "a name without an extension takes the offered one" "已写出居民 0 人到 $T/Documents/bangban/居民名单.xlsx"
quits desk "quits cleanly"
t_sanitizers "export path"
