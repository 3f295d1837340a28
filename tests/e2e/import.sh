# Importing a resident ledger from the 居民 screen (F9, 导入居民台账): the preview
# names the detected encoding and shows the first rows masked; F2 imports
# with a progress bar; the report lists every bad row whole (line, column,
# reason), and the register holds exactly the good rows.
. "$(dirname "$0")/lib.sh"

demo_db
# 9,000 rows keep the bar on screen long enough to see it (a step every 1,024 rows, through the
# sanitizers), and make a ledger of more than 1 MiB: loaded as into an empty register though the
# register holds a few residents, their rows merged after the load.
"$BIN" --db "$T/big.db" demo --residents 9000 --organisations 0 --volunteers 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$T/big.db" export residents "$T/big.csv" --unmasked --reason "测试" >/dev/null
cp "$TOP/tests/data/residents-bad.gb18030.csv" "$T/bad.csv"

open_import() {
    keys desk F9
    choose desk "导入居民台账"
    wait_for desk "预览"
}

open_residents desk
open_import
# A bare name is looked for in the export folder too, where bangban's own files go; not found,
# the preview says where it looked.
mkdir -p "$T/Documents/bangban"
cp "$T/bad.csv" "$T/Documents/bangban/社区台账.csv"
type_text desk "没有这个台账.csv"
keys desk Tab
expect desk "a file found nowhere says where it was looked for" "和导出文件夹 $T/Documents/bangban"
keys desk BTab C-u
type_text desk "社区台账.csv"
keys desk Tab
expect desk "a bare name in the export folder is found there, the field saying where" "文件: $T/Documents/bangban/社区"
expect desk "and previewed" "编码：GB18030（自动识别）"
keys desk BTab C-u
type_text desk "$T/bad.csv"
keys desk Tab
expect desk "the preview names the encoding it detected" "编码：GB18030（自动识别）"
expect desk "and shows the rows as they will be read" "王𠇔"
if screen desk | grep -q "110101199003074477"; then t_fail "the preview masks ID numbers" "$(screen desk)"; else t_ok "the preview masks ID numbers"; fi
expect desk "an unknown column is named" "不认识的列（不导入；按 F9 指定对应的列）：婚姻状况"
expect desk "the key bar says F2 imports" "2导入"
import_confirm desk
expect desk "F2 imports and reports" "读取 15 行：新增 8"
expect desk "each bad row with its line, column and reason, whole" "第 14 行「公民身份号码」：Excel 已把身份证号变成 1.20101E+17 这样的数字，末几"
expect desk "the truncated character" "第 12 行「姓名」：以字节 0xD6 开头的 GB18030 字符不完整"
expect desk "and where the rejected rows went" "$T/bad.csv.rejects.csv"
n=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
[ "$n" = 8 ] && t_ok "the register holds the 8 good rows" || t_fail "the register holds the 8 good rows" "$n"

# The same ledger again, leaving registered residents as they are.
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/bad.csv"
keys desk Tab Tab Tab Enter
wait_for desk "保持原登记不变"
type_text desk "bc"
expect desk "typing narrows the choice to 保持原登记不变" "共 1 项，"
keys desk Enter
wait_gone desk "回车选定"
import_confirm desk
expect desk "registered residents are left alone" "未变 0，跳过 8"
# An encoding chosen by hand: the preview says where the bytes do not fit.
keys desk BTab BTab Enter
wait_for desk "回车选定"
type_text desk "utf"
wait_for desk "共 1 项，"
keys desk Enter
expect desk "an encoding chosen by hand is used for the preview" "的表头无法按 UTF-8 读取"
# (wrapped where the temporary path puts the line end, so read the lines joined)
if screen desk | sed 's/^ *//' | tr -d '\n' | grep -q "0xD0 不是有效的 UTF-8 编码"; then
    t_ok "which says, in full, which bytes do not fit"
else
    t_fail "which says, in full, which bytes do not fit" "$(screen desk)"
fi

# A large ledger into the register of 8: the bar moves, then the report. It carries one of the 8
# with an address: merged after the load, as a second import merges.
read -r on_file_name on_file_id <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT name, id_number FROM resident ORDER BY id LIMIT 1")
EOT
printf '%s,,,,\t%s,,,,,和平路99号,,\r\n' "$on_file_name" "$on_file_id" >>"$T/big.csv"
[ "$(stat -c %s "$T/big.csv")" -ge 1048576 ] && t_ok "the large ledger is over 1 MiB" ||
    t_fail "the large ledger is over 1 MiB" "$(stat -c %s "$T/big.csv")"
keys desk Escape
wait_for desk "查找："
open_import
type_text desk "$T/big.csv"
keys desk Tab
expect desk "a UTF-8 export is recognised" "编码：UTF-8（自动识别）"
import_confirm desk
expect desk "a progress bar while it reads" "正在读取台账"
# (9,000 rows through the sanitizers, beside another test: the deadline is longer, no sleep)
WAIT_SECONDS=60 expect desk "then the report of 9,000 new residents and the one on file" \
    "读取 9001 行：新增 9000，更新 1，未变 0"
n=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
[ "$n" = 9008 ] && t_ok "all in the register" || t_fail "all in the register" "$n"
db_is "the resident on file has the ledger's address" \
    "SELECT address FROM resident WHERE id_number = '$on_file_id'" "和平路99号"
keys desk Escape
wait_for desk "查找："
type_text desk "zhangw"
expect desk "imported residents are found at once" "张伟"
quits desk "quits cleanly"
t_sanitizers "import"
