# A printed receipt lines up: bangban hands paps a CJK monospace font, so a
# Chinese character is exactly two Latin ones wide. The PostScript that
# reaches lp (a stand-in lp keeps it) is drawn by Ghostscript as a grey
# image, and its ink measured: the heading is centred over the rule, and
# the labels end (their colons) at the same x on every label row. The job id lp
# gave is said.
. "$(dirname "$0")/../lib.sh"

DB="$T/r.db"
demo_at "$DB"
env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" demo --requests 200 --years 1 >/dev/null
number=$(sqlite3 "$DB" "SELECT number FROM request WHERE unit_id IS NOT NULL AND status <> 'answered' AND accept_due IS NOT NULL ORDER BY number LIMIT 1")
mkdir "$T/bin"
cat >"$T/bin/lp" <<'LP'
#!/bin/sh
cat >"$LP_OUT"
echo "request id is 前台打印机-12 (1 file(s))"
LP
chmod +x "$T/bin/lp"

run receipt-lp 0 env PATH="$T/bin:$PATH" LP_OUT="$T/job.ps" "$BIN" --db "$DB" print receipt "$number" --printer
grep -q "^回执 $number 已送打印机，作业号 前台打印机-12$" "$T/receipt-lp.out" &&
    t_ok "print receipt --printer: the job id lp gave is said" ||
    t_fail "print receipt --printer: the job id lp gave is said" "$(cat "$T/receipt-lp.out")"
grep -q "^%!PS" "$T/job.ps" && t_ok "print receipt --printer: lp gets PostScript from paps" ||
    t_fail "print receipt --printer: lp gets PostScript from paps" "$(head -c 200 "$T/job.ps")"
# Without paps and lp: said in a line that fits a terminal, with what to do instead.
mkdir "$T/nobin"
run receipt-nolp 1 env PATH="$T/nobin" "$BIN" --db "$DB" print receipt "$number" --printer
grep -q "本机不能打印（需装 paps、cups-client）；请改为保存成文件" "$T/receipt-nolp.out" &&
    [ "$(tail -1 "$T/receipt-nolp.out" | wc -L)" -le 80 ] &&
    t_ok "print receipt --printer without a printer: said in one line of 80 columns" ||
    t_fail "print receipt --printer without a printer: said in one line of 80 columns" "$(cat "$T/receipt-nolp.out")"
# The page at 100 dpi as plain PGM; per band of text rows, the ink's extent.
gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pgm -r100 -sOutputFile="$T/job.pgm" "$T/job.ps" 2>"$T/gs.err" ||
    t_fail "the receipt's PostScript is drawn" "$(cat "$T/gs.err")"
awk -v receipt_cols=48 -v label_cols=10 '
    # Header: P2, width height, maxval (comments skipped); then one grey value a pixel.
    function take(v) {
        if (nh < 4) { head[nh++] = v; if (nh == 4) { w = head[1]; maxv = head[3] }; return }
        x = px % w; y = int(px / w); px++
        if (v < maxv / 2) { ink[y, x] = 1; if (!(y in rowmin) || x < rowmin[y]) rowmin[y] = x
                            if (!(y in rowmax) || x > rowmax[y]) rowmax[y] = x }
    }
    /^#/ { next }
    { for (i = 1; i <= NF; i++) take($i) }
    END {
        h = int(px / w); n = 0; inband = 0
        for (y = 0; y < h; y++) {
            if (y in rowmin) {
                if (!inband) { n++; top[n] = y; x0[n] = rowmin[y]; x1[n] = rowmax[y]; inband = 1 }
                bot[n] = y
                if (rowmin[y] < x0[n]) x0[n] = rowmin[y]
                if (rowmax[y] > x1[n]) x1[n] = rowmax[y]
            } else inband = 0
        }
        r1 = r2 = 0
        for (b = 1; b <= n; b++)
            if (bot[b] - top[b] <= 4) { if (!r1) r1 = b; else if (!r2) r2 = b }
        if (!r1 || !r2 || r1 < 3) { print "bands " n ", rules at " r1 " and " r2 ": not a receipt"; exit 1 }
        colw = (x1[r1] - x0[r1] + 1) / receipt_cols
        # The heading (the band before the rule) against the rule.
        off = (x0[r1 - 1] + x1[r1 - 1]) / 2 - (x0[r1] + x1[r1]) / 2
        printf "column %.1f px; heading centre off the rule centre by %.1f px\n", colw, off
        # Label rows: those between the rules, and the one after the second.
        edge_lo = 1e9; edge_hi = -1; rows = 0
        for (b = r1 + 1; b <= r2 + 1; b++) {
            if (b == r2) continue
            # The label ends with its full-width colon, in the grid of the
            # rule: the two columns before the value, its ink in their left part.
            e = -1
            for (y = top[b]; y <= bot[b]; y++)
                for (x = int(x0[r1] + (label_cols - 2) * colw); x < x0[r1] + (label_cols - 0.5) * colw; x++)
                    if ((y, x) in ink && x > e) e = x
            rows++; edges = edges " " e
            if (e < edge_lo) edge_lo = e
            if (e > edge_hi) edge_hi = e
        }
        printf "%d label rows, the label column ends at x =%s\n", rows, edges
        printf "RESULT %.1f %.1f %d %d\n", colw, off, edge_hi - edge_lo, rows
    }' "$T/job.pgm" >"$T/measure.out"
set -- $(grep '^RESULT' "$T/measure.out")
colw=$2 off=$3 spread=$4 rows=$5
if [ -n "$colw" ] && awk -v o="$off" -v c="$colw" 'BEGIN { exit !(o <= c && o >= -c) }'; then
    t_ok "the heading is centred over the rule within a column"
else
    t_fail "the heading is centred over the rule within a column" "$(cat "$T/measure.out")"
fi
if [ -n "$rows" ] && [ "$rows" -ge 8 ] && [ "$spread" -le 1 ] && ! grep -q "x =.* -1" "$T/measure.out"; then
    t_ok "the labels end (their colons) at the same x on every label row"
else
    t_fail "the labels end (their colons) at the same x on every label row" "$(cat "$T/measure.out")"
fi
grep -v '^RESULT' "$T/measure.out" | sed 's/^/# /'

# The number as the lists take it: 2026-7 and this year's 7 are 2026-000007.
this=$(sqlite3 "$DB" "SELECT number FROM request WHERE number LIKE '2026-%' ORDER BY number LIMIT 1")
seq=$(echo "${this#*-}" | sed 's/^0*//')
run receipt-full 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" print receipt "$this"
run receipt-short 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" print receipt "2026-$seq"
run receipt-seq 0 env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" print receipt "$seq"
cmp -s "$T/receipt-full.out" "$T/receipt-short.out" && cmp -s "$T/receipt-full.out" "$T/receipt-seq.out" &&
    t_ok "print receipt: 2026-$seq and $seq alone are $this" ||
    t_fail "print receipt: 2026-$seq and $seq alone are $this" "$(head -5 "$T/receipt-short.out" "$T/receipt-seq.out")"
