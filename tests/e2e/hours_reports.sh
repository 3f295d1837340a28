# The volunteer coordinator imports a service hours ledger from the
# volunteer service screen (F9: preview, then import), then reads the hours
# reports from the same menu: the selected volunteer's counted records with
# the totals by year, shown on screen and saying what counts; then the
# teams' hours of a month, saved as an Excel workbook.
. "$(dirname "$0")/lib.sh"

"$BIN" --db "$DB" demo --volunteers 30 >/dev/null
sqlite3 "$DB" "INSERT INTO activity (id, team_id, name, category_id, starts_at, ends_at, created_at, created_by, updated_at, updated_by) VALUES
  (1, 1, '敬老院探访', 2, '2025-12-20 08:00', '2025-12-20 17:00', 'x', 'x', 'x', 'x'),
  (2, 2, '社区清扫', 3, '2025-12-27 07:00', '2025-12-27 18:00', 'x', 'x', 'x', 'x')"
V1=$(sqlite3 "$DB" "SELECT number FROM volunteer ORDER BY id LIMIT 1")
{
    printf '%s\r\n' "志愿者编号,活动名称,日期,签到时间,签退时间,确认日期,确认人"
    printf '%s\r\n' "$V1,敬老院探访,2025-12-20,09:00,11:30,2025-12-21,刘组织"
    printf '%s\r\n' "$V1,社区清扫,2025-12-27,13:00,15:06,2025-12-28,王队长"
} | iconv -f UTF-8 -t GBK >"$T/hours.csv"

users_as volunteers coord
open_section vol "志愿服务" "志愿者编号" BANGBAN_USER=coord
keys vol F9
choose vol "导入志愿服务时长台账"
wait_for vol "预览"
expect vol "the choice for records on file does not speak of residents" "已有记录: 按台账更新"
type_text vol "$T/hours.csv"
keys vol Tab
expect vol "the preview names the encoding it detected" "GB18030（自动识别）"
import_confirm vol
expect vol "F2 imports and reports" "读取 2 行：新增 2"
db_is "the two records are in, confirmed as the sheet says" \
    "SELECT count(*), sum(minutes), sum(confirmed_at <> '') FROM service_record" "2|276|2"
keys vol Escape
wait_for vol "志愿者编号"
type_text vol "$V1"
wait_for vol "共 1 条"
keys vol F9
choose vol "志愿者服务时长明细"
wait_for vol "起（日期）"
expect vol "the selected volunteer is offered" "$V1"
keys vol Tab C-u
type_text vol "2025-12-01"
keys vol Enter Enter
wait_for vol "报表已生成"
choose vol "在屏幕上查看"
wait_for vol "2025年合计"
expect vol "each counted record, with its confirmer" "2025-12-27 社区清扫"
expect vol "the year's total in minutes and hours" "2025年合计                                   276   4.6"
expect vol "the report says only counted hours are in it" "只计已确认"
# Its long title is cut, saying so, short of the title bar's right end.
if screen vol | head -1 | grep -q "\.\. *演示数据"; then
    t_ok "a long title is cut with .. before the bar's right end"
else
    t_fail "a long title is cut with .. before the bar's right end" "$(screen vol | head -1)"
fi
keys vol Escape

# teams_report MONTH: F9's teams' hours for MONTH asked, up to the choice of what to do with it.
teams_report() {
    keys vol F9
    choose vol "各服务队服务时长"
    wait_for vol "月份（2026-03）或年份（2026）"
    keys vol C-u
    type_text vol "$1"
    keys vol Enter
    wait_for vol "报表已生成"
}
teams_report 2025-12
choose vol "保存为 Excel（.xlsx）或 CSV"
wait_for vol "保存报表"
expect vol "a workbook is offered first" "服务队时长-2025-12.xlsx"
keys vol C-u
type_text vol "$T/teams.xlsx"
keys vol Enter
expect vol "saved where the clerk said" "已保存：$T/teams.xlsx"
unzip -p "$T/teams.xlsx" 2>/dev/null | grep -q "和平区社区志愿者协会" && t_ok "the workbook holds the teams' hours" ||
    t_fail "the workbook holds the teams' hours" "$(ls -l "$T")"
# On the screen each team's row is whole on one line at 80 columns, the header too.
teams_report 2025-12
choose vol "在屏幕上查看"
wait_for vol "和平区社区志愿者协会"
if screen vol | grep -q "^ *队伍 .*小时$" && screen vol | grep -q "^ *和平区社区志愿者协会 .*[0-9]$"; then
    t_ok "the teams' report is shown a row to a line"
else
    t_fail "the teams' report is shown a row to a line" "$(screen vol)"
fi
keys vol Escape
quits vol "F10 leaves the program"
t_sanitizers "hours_reports"
