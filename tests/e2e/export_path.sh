# An export to a file named without a folder says where it went in full,
# so the clerk can find it.
. "$(dirname "$0")/lib.sh"

demo_db
cd "$T" || exit 1 # bangban's working directory: where a bare file name goes
open_residents desk
keys desk F9
wait_for desk "导入居民台账"
choose desk "导出居民（遮蔽号码）"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "rel.csv"
keys desk Enter
expect desk "the message gives the full path of the export" "已写出居民 0 人到 $T/rel.csv"
[ -f "$T/rel.csv" ] && t_ok "the file is there" || t_fail "the file is there" "$(ls "$T")"
quits desk "quits cleanly"
t_sanitizers "export path"
