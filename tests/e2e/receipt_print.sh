# Printing a receipt from the screen says the job id lp gave, so the clerk
# can find the job at the printer (a stand-in lp keeps what paps made);
# saving it under a workbook's name (.xlsx) is refused: it is text.
. "$(dirname "$0")/lib.sh"

demo_with_zsf
mkdir "$T/bin"
cat >"$T/bin/lp" <<LP
#!/bin/sh
cat >"$T/job.ps"
echo "request id is 前台-3 (1 file(s))"
LP
chmod +x "$T/bin/lp"

open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30 "PATH=$T/bin:$PATH"
take_down desk "申请低保" -
choose desk "打印回执"
expect desk "the message gives the printer's job id" "回执 2026-000001 已送打印机，作业号 前台-3"
grep -q "^%!PS" "$T/job.ps" && t_ok "the printer gets the receipt as PostScript" ||
    t_fail "the printer gets the receipt as PostScript" "$(head -c 200 "$T/job.ps" 2>&1)"

# Saved to a file: a receipt is text, so a workbook's name is refused, saying what to name it.
keys desk F9
choose desk "打印或保存回执"
choose desk "回执保存为文件"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/receipt.xlsx"
keys desk Enter
expect desk "a receipt under an .xlsx name is refused" "这个文件写成文本而不是工作簿：请把文件名改为 .txt 或 .csv"
[ ! -e "$T/receipt.xlsx" ] && t_ok "and nothing is written" || t_fail "and nothing is written"
# Asked again with what was typed: the name put right, it is written.
keys desk BSpace BSpace BSpace BSpace
type_text desk "txt"
keys desk Enter
wait_for desk "$T/receipt.txt"
[ -s "$T/receipt.txt" ] && t_ok "asked again, the name put right writes the receipt" ||
    t_fail "asked again, the name put right writes the receipt" "$(ls -l "$T")"
quits desk "quits cleanly"
t_sanitizers "receipt print"
