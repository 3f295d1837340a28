# backup and restore: a checked 0600 copy taken while another process keeps
# writing; never over a file without --force; restore refused while a
# connection is open and for files that are not sound bangban databases,
# and the database it replaces kept beside it.
. "$(dirname "$0")/../lib.sh"

DB="$T/b.db"
"$BIN" --db "$DB" demo --residents 3000 --requests 300 --years 1 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/all.csv" --unmasked --reason 测试 >/dev/null
umask 022

# A writer busy while the backup is taken: the same ledger imported again and again.
(for i in 1 2 3 4 5 6; do "$BIN" --db "$DB" import residents "$T/all.csv" >/dev/null 2>&1; done) &
writer=$!
run backup 0 "$BIN" --db "$DB" backup "$T/copy.db"
wait "$writer"
[ "$(stat -c %a "$T/copy.db")" = 600 ] && t_ok "backup: the copy is mode 0600 under umask 022" || t_fail "backup: the copy is mode 0600 under umask 022" "$(stat -c %a "$T/copy.db")"
[ "$(sqlite3 "$T/copy.db" "PRAGMA integrity_check")" = ok ] && t_ok "backup: taken under a writer, the copy passes SQLite's integrity check" || t_fail "backup: taken under a writer, the copy passes SQLite's integrity check"
t_check "backup: and bangban's check" "$BIN" --db "$T/copy.db" check
db_is "backup: every resident is in it" "SELECT count(*) FROM resident" "$(sqlite3 "$T/copy.db" "SELECT count(*) FROM resident")"
ls "$T" | grep -q '\.bangban-' && t_fail "backup: no private directory is left" "$(ls "$T")" || t_ok "backup: no private directory is left"

run backup-exists 1 "$BIN" --db "$DB" backup "$T/copy.db"
grep -q "已存在：加 --force 才会替换" "$T/backup-exists.out" && t_ok "backup: a file that exists is replaced only with --force" || t_fail "backup: a file that exists is replaced only with --force" "$(cat "$T/backup-exists.out")"
# The database itself, under its name or another, is never the backup: the copy renamed over it
# would leave the live WAL over another file.
ln -s "$DB" "$T/live.db"
for target in "$DB" "$T/live.db" "$DB-wal"; do
    [ -e "$target" ] || continue
    run backup-itself 1 "$BIN" --db "$DB" backup "$target" --force
    grep -q "就是数据库本身" "$T/backup-itself.out" &&
        t_ok "backup: $(basename "$target") is the database itself and refused" ||
        t_fail "backup: $(basename "$target") is the database itself and refused" "$(cat "$T/backup-itself.out")"
done
[ "$("$BIN" --db "$DB" check 2>&1 | tail -1)" = "$DB：完好" ] && t_ok "backup: refused onto itself, the database is whole" ||
    t_fail "backup: refused onto itself, the database is whole" "$("$BIN" --db "$DB" check 2>&1 | tail -3)"
run backup-force 0 "$BIN" --db "$DB" backup "$T/copy.db" --force

# Restore: refused while a connection is open; then done, the old one kept.
sqlite3 "$DB" "UPDATE resident SET name = '改过' WHERE id = 1"
db_hold "$DB" "SELECT count(*) FROM resident;"
run restore-busy 1 "$BIN" --db "$DB" restore "$T/copy.db"
db_release
grep -q "正在被前台使用" "$T/restore-busy.out" && t_ok "restore: refused while a desk has the database open" || t_fail "restore: refused while a desk has the database open" "$(cat "$T/restore-busy.out")"
db_is "restore: the refused restore changed nothing" "SELECT name FROM resident WHERE id = 1" "改过"
run restore 0 "$BIN" --db "$DB" restore "$T/copy.db"
db_is "restore: the backup is in place" "SELECT name = '改过' FROM resident WHERE id = 1" 0
kept=$(sed -n 's/^.*替换下来的数据库保存为 //p' "$T/restore.out")
[ -f "$kept" ] && [ "$(sqlite3 "$kept" "SELECT name FROM resident WHERE id = 1")" = 改过 ] &&
    t_ok "restore: the database it replaced is kept beside it" || t_fail "restore: the database it replaced is kept beside it" "$(cat "$T/restore.out")"
t_check "restore: the restored database passes check" "$BIN" --db "$DB" check
db_is "restore: its audit log's last row says who put which backup in place" \
    "SELECT action || ' ' || (actor <> '') || ' ' || (detail LIKE 'from $T/copy.db; the database replaced kept as %') FROM audit_log ORDER BY seq DESC LIMIT 1" \
    "database-restore 1 1"
t_check "restore: and its chain holds" "$BIN" --db "$DB" audit verify

echo "not a database" >"$T/junk.db"
run restore-junk 3 "$BIN" --db "$DB" restore "$T/junk.db"
cp "$T/copy.db" "$T/torn.db"
dd if=/dev/zero of="$T/torn.db" bs=4096 seek=20 count=8 conv=notrunc 2>/dev/null
run restore-torn 1 "$BIN" --db "$DB" restore "$T/torn.db"
grep -q "完整性检查" "$T/restore-torn.out" && t_ok "restore: a damaged backup is refused" || t_fail "restore: a damaged backup is refused" "$(cat "$T/restore-torn.out")"
t_check "restore: a refused restore leaves the database sound" "$BIN" --db "$DB" check
run restore-missing 1 "$BIN" --db "$DB" restore "$T/no-such.db"
run restore-itself 1 "$BIN" --db "$DB" restore "$DB"
grep -q "^bangban: 无法读取 $T/no-such.db：没有那个文件或目录" "$T/restore-missing.out" &&
    grep -q "就是数据库本身，不是它的备份" "$T/restore-itself.out" && [ -z "$(ls "$DB".replaced-* 2>/dev/null | sed -n 2p)" ] &&
    t_ok "restore: a backup that is not there, or the database itself, is refused in words" ||
    t_fail "restore: a backup that is not there, or the database itself, is refused in words" "$(cat "$T/restore-missing.out" "$T/restore-itself.out")"
t_sanitizers "backup"
