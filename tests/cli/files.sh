# The files bangban writes: every one its owner's alone (0600) whatever the
# umask; an export never follows a symlink planted at its name or at a
# temporary name, never replaces a file without --force, and guards every
# text cell a spreadsheet would take for a formula, in CSV and xlsx, in
# every kind of ledger.
. "$(dirname "$0")/../lib.sh"

umask 022
DB="$T/f.db"
"$BIN" --db "$DB" demo --residents 20 >/dev/null
# Cells that start formulas, in a resident's address and note, a tag, and a unit's phone.
printf '%s\r\n' "姓名,居民身份证号,手机号,住址,人员标签,备注" \
    "周八,110105194912310070,13800138000,=HYPERLINK(\"http://x\"),-1,@SUM(A1)" >"$T/f.csv"
run files-import 0 "$BIN" --db "$DB" import residents "$T/f.csv"
sqlite3 "$DB" "UPDATE unit SET phone = '+86 22 2330 3512' WHERE code = 'U01';
    UPDATE staff_kind SET note = '=cmd|'' /C calc''!A0' WHERE code = 'CS'"

mode() { stat -c %a "$1"; }
modes=""
for f in "$DB" "$DB-wal" "$DB-shm"; do [ -e "$f" ] && modes="$modes $(mode "$f")"; done

run files-residents 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/r.csv" --unmasked --reason 测试
run files-residents-x 0 "$BIN" --db "$DB" export residents "$T/r.xlsx"
run files-catalogue 0 "$BIN" --db "$DB" export catalogue "$T/c.csv"
run files-catalogue-x 0 "$BIN" --db "$DB" export catalogue "$T/c.xlsx"
run files-staff 0 "$BIN" --db "$DB" export staff-kinds "$T/s.csv"
printf '%s\r\n' "姓名,居民身份证号" "坏,123" >"$T/bad.csv"
run files-rejects 5 "$BIN" --db "$DB" import residents "$T/bad.csv"
# An empty file made beforehand (touch, mode 0644) that init makes the register.
: >"$T/touched.db"
"$BIN" --db "$T/touched.db" init </dev/null >/dev/null 2>&1
for f in r.csv r.xlsx c.csv c.xlsx s.csv bad.csv.rejects.csv touched.db; do modes="$modes $(mode "$T/$f")"; done
case "$modes" in
*[!0\ 6]*) t_fail "every file written is mode 0600 under umask 022" "modes:$modes" ;;
*) t_ok "every file written is mode 0600 under umask 022" ;;
esac

# CSV: a leading ' on each risky cell, the ID kept as text by its tab, nothing else touched.
grep -q "'=HYPERLINK" "$T/r.csv" && grep -q "'-1" "$T/r.csv" && grep -q "'@SUM(A1)" "$T/r.csv" &&
    grep -q "$(printf '\t110105194912310070')" "$T/r.csv" &&
    t_ok "export residents (CSV): address, tags and note cells that start formulas are guarded" ||
    t_fail "export residents (CSV): address, tags and note cells that start formulas are guarded" "$(cat "$T/r.csv" | tail -3)"
grep -q "'+86 22 2330 3512" "$T/c.csv" &&
    t_ok "export catalogue (CSV): a unit's phone that starts with + is guarded" ||
    t_fail "export catalogue (CSV): a unit's phone that starts with + is guarded" "$(grep U01 "$T/c.csv" | head -2)"
grep -q "'=cmd" "$T/s.csv" &&
    t_ok "export staff-kinds (CSV): a note that starts a formula is guarded" ||
    t_fail "export staff-kinds (CSV): a note that starts a formula is guarded" "$(cat "$T/s.csv")"
# xlsx: the risky cells are strings formatted as text (the style with the "@" number format).
unzip -p "$T/r.xlsx" xl/styles.xml | grep -q 'formatCode="@"' || t_fail "export residents (xlsx): a text style exists"
text_style=$(unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | grep -o '<c r="B2"[^>]*>' | grep -o 's="[0-9]*"')
risky=$(unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' | grep -B2 '^t[^>]*>=HYPERLINK' | grep -o 's="[0-9]*"' | head -1)
plain=$(unzip -p "$T/r.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' | grep -B2 '^t[^>]*>周八' | grep -o 's="[0-9]*"' | head -1)
if [ -n "$risky" ] && [ -z "$plain" ]; then
    t_ok "export residents (xlsx): a cell that starts a formula is a string formatted as text"
else
    t_fail "export residents (xlsx): a cell that starts a formula is a string formatted as text" "risky: $risky plain: $plain $text_style"
fi
unzip -p "$T/c.xlsx" xl/worksheets/sheet1.xml | grep -q '+86 22 2330 3512' &&
    t_ok "export catalogue (xlsx): the unit's phone is there as text" ||
    t_fail "export catalogue (xlsx): the unit's phone is there as text"

# A catalogue without its 办理材料 and 说明 columns leaves every item's materials and description.
cut -d, --complement -f 8,11 "$T/c.csv" >"$T/c-short.csv"
run files-catalogue-short 0 env BANGBAN_USER=supervisor "$BIN" --db "$DB" import catalogue "$T/c-short.csv"
grep -q "新增 0，更新 0，未变 176" "$T/files-catalogue-short.out" &&
    db_gives "$DB" "SELECT count(*) FROM service_item WHERE materials = '' OR description = ''" 0 &&
    t_ok "import catalogue: a column the ledger lacks changes nothing" ||
    t_fail "import catalogue: a column the ledger lacks changes nothing" "$(cat "$T/files-catalogue-short.out")"

# An existing file is replaced only with --force.
echo "mine" >"$T/keep.csv"
run files-exists 1 "$BIN" --db "$DB" export residents "$T/keep.csv"
grep -q "keep.csv 已存在：加 --force 才会替换" "$T/files-exists.out" && [ "$(cat "$T/keep.csv")" = mine ] &&
    t_ok "export: a file that exists is left alone without --force, and the message says so" ||
    t_fail "export: a file that exists is left alone without --force, and the message says so" "$(cat "$T/files-exists.out")"
run files-force 0 "$BIN" --db "$DB" export residents "$T/keep.csv" --force

# Symlinks planted at the name and at the old temporary name are never written through.
echo "victim" >"$T/victim"
ln -s "$T/victim" "$T/link.csv"
ln -s "$T/victim" "$T/new.csv.part"
run files-link 0 "$BIN" --db "$DB" export residents "$T/link.csv" --force
run files-part 0 "$BIN" --db "$DB" export residents "$T/new.csv"
run files-part-x 0 "$BIN" --db "$DB" export residents "$T/new.xlsx"
if [ "$(cat "$T/victim")" = victim ] && [ ! -L "$T/link.csv" ] && grep -q 周八 "$T/link.csv"; then
    t_ok "export: a symlink at the name or a temporary name is never followed"
else
    t_fail "export: a symlink at the name or a temporary name is never followed" "$(ls -la "$T")"
fi
leftover=$(ls -a "$T" | grep -c '\.bangban-')
[ "$leftover" = 0 ] && t_ok "export: no private directory is left behind" || t_fail "export: no private directory is left behind" "$(ls -a "$T")"
t_sanitizers "files"
