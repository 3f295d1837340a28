# A full disk: opening, importing and exporting say "the disk is full" in
# words (never "disk I/O error", never libxlsxwriter's English "[ERROR]"
# lines), leave no partial file behind and the database as it was. Needs a
# small tmpfs (8 MB, which the demo district with its staff, posts and
# visits fits): run as root (CI is); elsewhere the checks are skipped.
. "$(dirname "$0")/../lib.sh"

D="$T/small"
mkdir "$D"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=8m tmpfs "$D" 2>/dev/null; then
    t_ok "full disk # SKIP a small tmpfs needs root"
    exit 0
fi
unmount_small() { umount "$D" 2>/dev/null; }
cleanup_hooks="unmount_small"

DB="$D/x.db"
"$BIN" --db "$DB" demo --residents 1000 --organisations 0 >/dev/null
env BANGBAN_USER=supervisor "$BIN" --db "$DB" export residents "$T/all.csv" --unmasked --reason 测试 >/dev/null
# fill: leave 60 KB, so the database opens but the exports and a big import do not fit.
fill() {
    rm -f "$D/fill"
    avail=$(df -k "$D" | awk 'NR == 2 {print $4}')
    dd if=/dev/zero of="$D/fill" bs=1k count=$((avail - 60)) 2>/dev/null
}
fill

for f in r.csv r.xlsx; do
    run "full-export-$f" 1 "$BIN" --db "$DB" export residents "$D/$f"
    if grep -q "无法写入 $D/$f：磁盘已满" "$T/full-export-$f.out" && ! grep -q "ERROR" "$T/full-export-$f.out"; then
        t_ok "export $f on a full disk: the disk is named as full, nothing else is printed"
    else
        t_fail "export $f on a full disk: the disk is named as full, nothing else is printed" "$(cat "$T/full-export-$f.out")"
    fi
done
left=$(ls -a "$D" | grep -v -e '^\.\.\?$' -e '^x\.db' -e '^fill$')
[ -z "$left" ] && t_ok "export on a full disk: no partial file or directory is left" || t_fail "export on a full disk: no partial file or directory is left" "$left"

# Empty the register, so importing it again needs room the disk does not have.
rm -f "$D/fill"
sqlite3 "$DB" "PRAGMA foreign_keys = OFF; DELETE FROM resident_tag; DELETE FROM resident_phone; DELETE FROM resident; UPDATE resident_tally SET n = 0; VACUUM"
before=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
fill
run full-import 1 "$BIN" --db "$DB" import residents "$T/all.csv"
grep -q "磁盘已满" "$T/full-import.out" && ! grep -q "disk I/O" "$T/full-import.out" &&
    t_ok "import on a full disk: says the disk is full" ||
    t_fail "import on a full disk: says the disk is full" "$(cat "$T/full-import.out")"
rm -f "$D/fill"
t_check "import on a full disk: the database passes check afterwards" "$BIN" --db "$DB" check
after=$(sqlite3 "$DB" "SELECT count(*) FROM resident")
[ "$after" = "$before" ] && t_ok "import on a full disk: nothing of it is in" || t_fail "import on a full disk: nothing of it is in" "before $before, after $after"

# Opening when not even the -shm file can grow.
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
dd if=/dev/zero of="$D/fill" bs=4k 2>/dev/null
rm -f "$DB-shm" "$DB-wal"
run full-open 1 "$BIN" --db "$DB" find residents 张
grep -q "磁盘已满" "$T/full-open.out" && t_ok "opening on a full disk: says the disk is full, not an I/O error" ||
    t_fail "opening on a full disk: says the disk is full, not an I/O error" "$(cat "$T/full-open.out")"
t_sanitizers "full disk"
