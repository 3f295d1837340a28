# Roles and scopes at the keyboard. A desk takes down two requests, one
# for 区民政局 and one for 区市场监管局. 区民政局's unit handler, signed in
# by password, is offered only what a handler does: its queues hold its own
# unit's request and not the other (searched for by number, it is not
# found), it signs for its own, and it may not correct what the desk took
# down; asked for an extension, it may still reply, which withdraws it. A building chief's home screen offers only what a chief does. The
# store refuses another unit's handler too (tests/unit/test_requests_db.c).
. "$(dirname "$0")/lib.sh"

demo_with_zsf

open_section desk "诉求" "未办结"
take_down desk "低保申请"
wait_for desk "2026-000001  已派单"
keys desk Escape
wait_for desk "未办结"
keys desk F7
wait_for desk "登记诉求：选定服务事项"
intake_for desk "zsf" "张三丰"
type_text desk "dtkr"
wait_for desk "HB055 电梯困人应急处置"
keys desk Enter
wait_gone desk "回车选定"
keys desk Tab Tab Tab Tab Tab Tab Tab
type_text desk "电梯停在两层之间"
keys desk F2
choose desk "不要回执"
expect desk "the second request goes to another unit" "派单至区市场监管局"
quits desk "the desk quits"

sign_in unit "unit" "demo-unit"
expect unit "a unit handler's home says whose it is, naming the unit" "和平区党群服务中心　责任单位经办（区民政局）"
expect unit "and counts its own unit's requests, one of the two" "职责范围内：诉求 1 件，未办结 1 件"
expect unit "its chart of the days counts them too: one a day at most, not the desk's two" "单日最多 1 件"
expect unit "its requests are offered as a handler's work, not the desk's" "本单位诉求：签收、联系诉求人、办结反馈"
if screen unit | grep -q "办结反馈\.\."; then t_fail "and the line is whole at 80 columns" "$(screen unit)"; else t_ok "and the line is whole at 80 columns"; fi
for no in "居民" "居民夜话" "操作日志"; do
    if screen unit | grep -q "^ *[0-9]  $no "; then
        t_fail "a unit handler's home screen offers no $no" "$(screen unit)"
    else
        t_ok "a unit handler's home screen offers no $no"
    fi
done
choose unit "诉求"
expect unit "its queues say whose requests they hold" "只显示派给区民政局的诉求"
if screen unit | tail -1 | grep -q "7新建"; then
    t_fail "F7 (taking a request down) is not in a unit handler's key bar" "$(screen unit)"
else
    t_ok "F7 (taking a request down) is not in a unit handler's key bar"
fi
# Its tab row holds the lists a unit's requests can be in: not 待派单, 今日 nor 自助登记.
if screen unit | sed -n 2p | grep -q "待派单\|今日\|自助登记"; then
    t_fail "a unit handler's tab row leaves out the desk's lists" "$(screen unit | sed -n 2p)"
else
    t_ok "a unit handler's tab row leaves out the desk's lists"
fi
expect unit "and holds the rest whole" "未办结   待签收   办理中   超时   待回访   退单   延期   全部"
keys unit Tab Tab Tab Tab Tab Tab Tab
wait_for unit "共 1 条"
expect unit "the whole list holds its unit's request" "低保申请"
if screen unit | grep -q "电梯停在两层之间"; then
    t_fail "and not the other unit's" "$(screen unit)"
else
    t_ok "and not the other unit's"
fi
type_text unit "2026-000002"
expect unit "searched for by number, the other unit's request is not found" "共 0 条"
expect unit "the empty list offers no F7 the handler may not press" "这里没有诉求。"
if screen unit | grep -q "F7 登记新诉求"; then
    t_fail "no F7 named" "$(screen unit)"
else
    t_ok "no F7 named"
fi
keys unit C-u
wait_for unit "低保申请"
keys unit F9
wait_for unit "只看一个层级"
if [ -z "$(key_of unit "只看一个单位")" ]; then
    t_ok "its lists' menu offers no other unit to keep"
else
    t_fail "its lists' menu offers no other unit to keep" "$(screen unit)"
fi
keys unit Escape
wait_gone unit "只看一个层级"
keys unit Enter
wait_for unit "2026-000001  已派单"
if [ -n "$(key_of unit "签收")" ]; then t_ok "its own unit's request may be signed for"; else t_fail "its own unit's request may be signed for" "$(screen unit)"; fi
if screen unit | grep -q "催办\|改派\|升级"; then
    t_fail "the desk's steps are not offered to a unit handler" "$(screen unit)"
else
    t_ok "the desk's steps are not offered to a unit handler"
fi
if screen unit | tail -1 | grep -q "4编辑"; then
    t_fail "F4 (correcting what was taken down) is not in its key bar" "$(screen unit)"
else
    t_ok "F4 (correcting what was taken down) is not in its key bar"
fi
keys unit F4
expect unit "and pressing it says why" "未更正：您的角色不能做这一步"
choose unit "签收"
wait_for unit "签收 2026-000001"
keys unit y
expect unit "the handler signs for it" "2026-000001  已签收"
db_is "as itself, in the audit log" \
    "SELECT count(*) FROM audit_log WHERE actor = 'unit' AND action = 'request' AND detail LIKE '2026-000001 accept%'" 1
sqlite3 "$DB" "UPDATE resident SET landline = '022-23315678' WHERE name = '张三丰'"
choose unit "首次联系"
expect unit "calling the requester, the handler sees the number to call in full" "请致电 张三丰（13900001111"
expect unit "and the home phone the register has" "13900001111，固定电话 022-23315678）"
# Left empty, it is said and asked again, not refused and closed.
keys unit Enter
expect unit "an empty first contact is said" "首次联系：请填写内容，不能留空"
expect unit "and asked again" "请致电 张三丰（13900001111"
type_text unit "电话联系，约定明日上门"
keys unit Enter
expect unit "the first contact is recorded" "2026-000001  办理中"
expect unit "the timeline says the unit signed for it itself" "签收 -> 已签收"
if screen unit | grep -q "代单位录入"; then
    t_fail "and not that a desk keyed it for the unit" "$(screen unit)"
else
    t_ok "and not that a desk keyed it for the unit"
fi
db_is "and showing the number is in the audit log, as the handler's" \
    "SELECT count(*) FROM audit_log WHERE actor = 'unit' AND action = 'reveal' AND detail = 'phone: 首次联系 2026-000001'" 1
# Asked for more time, then done early: the reply does not wait for the decision.
choose unit "申请延期"
wait_for unit "新的办结时限"
until=$(screen unit | grep -o "20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]：" | head -1 | cut -c1-10) # the example
type_text unit "$until"
keys unit Enter
wait_for unit "需要延期的理由"
# A day past the calendar's last year: its weekends are known, not its holidays; the handler is told.
last=$(sqlite3 "$DB" "SELECT max(substr(day, 1, 4)) FROM calendar")
if [ "${until%%-*}" -gt "$last" ]; then
    expect unit "a deadline past the calendar's last year is taken, saying its holidays are not known" \
        "$until：${until%%-*} 年的节假日尚未录入工作日历，请确认那天不是节假日"
elif screen unit | grep -q "年的节假日尚未录入"; then
    t_fail "a deadline within the calendar says nothing of holidays not known" "$(screen unit)"
else
    t_ok "a deadline within the calendar says nothing of holidays not known"
fi
type_text unit "需入户核实家庭收入"
keys unit Enter
expect unit "the handler asks for an extension (to the example date, in the year after the calendar's last when it is December)" "[延期待批]"
# The date asked reads with its year when it is not this year's (in December: the next).
if [ "${until%%-*}" = "$(date +%Y)" ]; then asked="申请延期至 ${until#*-} 17:00"; else asked="申请延期至 $until 17:00"; fi
expect unit "the date asked shows its year when not this year's" "$asked"
choose unit "办结反馈"
wait_for unit "单位反馈的办理结果"
type_text unit "已核实并办理"
keys unit Enter
expect unit "done early, the handler replies while the extension waits" "2026-000001  已反馈"
expect unit "and the timeline says the extension is withdrawn" "的申请随之撤回"
if screen unit | grep -q "延期待批"; then
    t_fail "it no longer waits for a decision" "$(screen unit)"
else
    t_ok "it no longer waits for a decision"
fi
quits unit "the unit handler quits"

SHOWS="楼长工作台" sign_in chief "chief" "demo-chief"
expect chief "a building chief starts on the worklist of their buildings" "您的楼宇：B101"
keys chief Escape
wait_for chief "党群服务中心　楼长"
expect chief "counting the requests of their buildings: neither of the desk's" "职责范围内：诉求 0 件，未办结 0 件"
for yes in "诉求" "服务清单" "区域与楼宇" "楼长工作台"; do
    if screen chief | grep -q "^ *[0-9]  $yes "; then
        t_ok "its home screen offers $yes"
    else
        t_fail "its home screen offers $yes" "$(screen chief)"
    fi
done
for no in "居民" "居民夜话" "操作日志"; do
    if screen chief | grep -q "^ *[0-9]  $no "; then
        t_fail "but not $no" "$(screen chief)"
    else
        t_ok "but not $no"
    fi
done
quits chief "the chief quits"
t_sanitizers "unit_handler"
