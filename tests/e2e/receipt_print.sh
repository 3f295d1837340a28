# Printing a receipt from the screen says the job id lp gave, so the clerk
# can find the job at the printer (a stand-in lp keeps what paps made).
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
quits desk "quits cleanly"
t_sanitizers "receipt print"
