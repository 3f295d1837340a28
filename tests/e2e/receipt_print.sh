# Printing a receipt from the screen says the job id lp gave, so the clerk
# can find the job at the printer (a stand-in lp keeps what paps made).
. "$(dirname "$0")/lib.sh"

demo_db
printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,13900001111" >"$T/people.csv"
"$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
    t_fail "the requester is registered" "$(cat "$T/import.out")"
mkdir "$T/bin"
cat >"$T/bin/lp" <<LP
#!/bin/sh
cat >"$T/job.ps"
echo "request id is 前台-3 (1 file(s))"
LP
chmod +x "$T/bin/lp"

open_section desk "诉求" "未办结" BANGBAN_NOW=2026-03-02T09:30 "PATH=$T/bin:$PATH"
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
type_text desk "zdshbz"
wait_for desk "HB001 最低生活保障申请"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "申请低保"
keys desk F2
choose desk "打印回执"
expect desk "the message gives the printer's job id" "回执 2026-000001 已送打印机，作业号 前台-3"
grep -q "^%!PS" "$T/job.ps" && t_ok "the printer gets the receipt as PostScript" ||
    t_fail "the printer gets the receipt as PostScript" "$(head -c 200 "$T/job.ps" 2>&1)"
quits desk "quits cleanly"
t_sanitizers "receipt print"
