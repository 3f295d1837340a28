# The kiosk cannot be left or made to show personal data, end to end:
# Ctrl-C, Ctrl-Z, Ctrl-\ and F10 ask for a supervisor's password and do not
# leave without it (a wrong one, or the kiosk's own, is refused and
# audited); a supervisor's leaves it and the terminal is restored; wrong
# guesses lock no account but shut the kiosk's way out a while; idle, it
# clears what was typed and starts over; and a walk through every kiosk
# screen captures no 18-digit ID and no mobile number but the one typed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kiosk.lib"

kiosk_db
env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" demo --residents 60 --requests 40 --years 1 >/dev/null

kiosk_start hall
for key in C-c C-z 'C-\' F10; do
    keys hall "$key"
    expect hall "$key asks for a supervisor's password" "离开自助终端：需要主管密码"
    keys hall Escape
    wait_gone hall "离开自助终端：需要主管密码"
done
expect hall "cancelled, the kiosk stays" "欢迎使用自助服务终端"
keys hall C-c
wait_for hall "主管登录名"
type_text hall kiosk
keys hall Enter
type_text hall demo-kiosk
keys hall Enter
expect hall "the kiosk's own password does not leave it" "只有主管或管理员的密码才能离开"
keys hall C-c
wait_for hall "主管登录名"
type_text hall supervisor
keys hall Enter
type_text hall wrong-one
keys hall Enter
expect hall "nor does a wrong one" "只有主管或管理员的密码才能离开"
if [ -f "$T/hall.status" ]; then t_fail "bangban still runs" "$(cat "$T/hall.status")"; else t_ok "bangban still runs"; fi
db_is "each refusal is in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-exit-refused'" 2
keys hall C-c
wait_for hall "主管登录名"
type_text hall supervisor
keys hall Enter
type_text hall demo-supervisor
keys hall Enter
ended_ok hall "a supervisor's password leaves it"
if grep -q " icanon " "$T/hall.stty" && grep -q " echo " "$T/hall.stty"; then t_ok "the terminal is restored"; else t_fail "the terminal is restored" "$(cat "$T/hall.stty")"; fi
db_is "leaving is in the audit log, by the supervisor" "SELECT actor FROM audit_log WHERE action = 'kiosk-exit'" supervisor

# A passer-by guessing the admin's password locks no account: after three wrong tries the
# kiosk shuts its own way out for a while, and the admin still signs in.
kiosk_start guess
for try in 1 2 3; do
    keys guess C-c
    wait_for guess "主管登录名"
    type_text guess admin
    keys guess Enter
    type_text guess "guess-$try"
    keys guess Enter
    wait_for guess "只有主管或管理员的密码才能离开"
    wait_gone guess "主管登录名"
done
keys guess C-c
expect guess "the fourth try finds the way out shut for a while" "密码错误次数过多"
# A password typed at the refusal drives nothing beneath it: its 1 would open the service guide.
type_text guess "adm1n-pass"
keys guess Enter
wait_gone guess "密码错误次数过多"
expect guess "closed by Enter, the kiosk's start screen is still there" "欢迎使用自助服务终端"
if screen guess | grep -q "类别："; then t_fail "the keys typed at it chose nothing" "$(screen guess)"; else t_ok "the keys typed at it chose nothing"; fi
db_is "and the admin is neither locked nor counted against" \
    "SELECT failed || '|' || locked_until FROM \"user\" WHERE login = 'admin'" "0|"

# Idle: everything typed is cleared and the start screen returns.
kiosk_start idle BANGBAN_IDLE_SECONDS=2
type_text idle 3
wait_for idle "在「反映的事」上按回车即提交"
type_text idle "赵半截"
wait_for idle "赵半截"
expect idle "idle, the kiosk starts over" "欢迎使用自助服务终端"
type_text idle 3
wait_for idle "在「反映的事」上按回车即提交"
if screen idle | grep -q "赵半截"; then t_fail "what was typed is gone" "$(screen idle)"; else t_ok "what was typed is gone"; fi
keys idle Escape
wait_for idle "欢迎使用"
type_text idle 2
wait_for idle "手机号后 4 位"
type_text idle 2026
wait_for idle "诉求编号: 2026"
wait_for idle "欢迎使用自助服务终端"
type_text idle 2
wait_for idle "手机号后 4 位"
if screen idle | grep -q "诉求编号: 2026"; then t_fail "a number half typed is gone too" "$(screen idle)"; else t_ok "a number half typed is gone too"; fi

# Every screen, captured: no ID number, no mobile but the one typed.
# A volunteer with an ID and a mobile, and two activities open today to pick from.
printf '%s\r\n' "志愿者编号,姓名,身份证号,手机号" "2026000101,孙悟空,120101198001010012,13911112222" >"$T/vols.csv"
env BANGBAN_USER=volunteers "$BIN" --db "$DB" import volunteers "$T/vols.csv" >"$T/import.out" 2>&1 ||
    e2e_abort "a volunteer is registered: $(cat "$T/import.out")"
sqlite3 "$DB" "INSERT INTO team (name, created_at, created_by, updated_at, updated_by) VALUES ('花果山志愿服务队', 'x', 'x', 'x', 'x');
INSERT INTO activity (team_id, name, starts_at, ends_at, created_at, created_by, updated_at, updated_by)
    SELECT t.id, n.name, '$(date -u -d yesterday +%F) 00:00', '$(date -u -d tomorrow +%F) 23:59', 'x', 'x', 'x', 'x'
    FROM team t, (SELECT '巡河护绿' AS name UNION ALL SELECT '图书整理') n;" || e2e_abort "two activities are made"
row=$(sqlite3 -separator ' ' "$DB" "SELECT r.number, substr(p.phone, -4), p.name FROM request r JOIN resident p ON p.id = r.resident_id WHERE length(p.phone) = 11 AND p.id_number <> '' AND r.unit_id IS NOT NULL ORDER BY r.number LIMIT 1")
set -- $row
[ -n "$1" ] || e2e_abort "the demo holds a request of a resident with an ID and a mobile"
kiosk_start walk
: >"$T/walk.txt"
snap() { screen walk >>"$T/walk.txt"; }
snap
type_text walk 1
wait_for walk "类别："
snap
type_text walk 2
keys walk Enter
wait_for walk "服务群众：共"
snap
keys walk Enter
wait_for walk "请带齐以下材料："
snap
keys walk Escape
wait_for walk "服务群众：共"
keys walk Escape
wait_for walk "类别："
type_text walk zdsh
wait_for walk "找到 1 项"
snap
kiosk_home walk
progress walk "$1" "$2"
wait_for walk "办理经过："
snap
keys walk Escape
wait_for walk "手机号后 4 位"
type_text walk "$1"
keys walk Enter
type_text walk 0000
keys walk Enter
wait_for walk "没有查到"
snap
kiosk_home walk
type_text walk 3
wait_for walk "在「反映的事」上按回车即提交"
type_text walk "钱多多"
keys walk Enter
type_text walk 13800138000
keys walk Enter Down
type_text walk "门口的树要修剪"
wait_for walk "门口的树要修剪"
snap
keys walk Enter
wait_for walk "编号："
snap
kiosk_home walk
type_text walk 4
wait_for walk "志愿者编号："
snap
type_text walk 2026000101
keys walk Enter
wait_for walk "今天参加哪项活动"
snap
type_text walk 1
keys walk Enter
wait_for walk "签到成功"
snap
ids=$(grep -cE '[0-9]{17}[0-9Xx]' "$T/walk.txt")
mobiles=$(grep -oE '1[3-9][0-9]{9}' "$T/walk.txt" | sort -u | tr '\n' ' ')
if [ "$ids" = 0 ]; then t_ok "no screen of the kiosk shows an ID number"; else t_fail "no screen of the kiosk shows an ID number" "$(grep -E '[0-9]{17}[0-9Xx]' "$T/walk.txt")"; fi
if grep -qF "$3" "$T/walk.txt"; then t_fail "nor the requester's name" "$3"; else t_ok "nor the requester's name"; fi
if grep -qF "孙悟空" "$T/walk.txt"; then t_fail "nor the volunteer's name" "$(grep -F "孙悟空" "$T/walk.txt")"; else t_ok "nor the volunteer's name"; fi
if [ "$mobiles" = "13800138000 " ]; then t_ok "nor a mobile but the one typed"; else t_fail "nor a mobile but the one typed" "found: $mobiles"; fi
if [ "$(grep -c "帮办 - " "$T/walk.txt")" = 12 ]; then t_ok "the walk captured twelve screens"; else t_fail "the walk captured twelve screens" "$(grep "帮办 - " "$T/walk.txt")"; fi
t_sanitizers "kiosk_locked"
