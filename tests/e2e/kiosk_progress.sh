# The kiosk's 查进度, end to end, digits only: the right number and the
# last 4 digits of the phone show the state in plain words, the unit, the
# deadline and the timeline, and no name or phone; its short form works
# too; a wrong phone and a number that does not exist get the same
# answer; after 5 wrong pairs the kiosk waits a minute, even for a right
# one; every try is in the audit log. The whole mobile typed or pasted
# where its last 4 digits go is taken as them; more digits that are no
# mobile are refused before any lookup, not counted as a wrong try.
# Letters are not taken for the phone's digits, full-width digits are.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/kiosk.lib"

kiosk_db
env BANGBAN_NOW=2026-11-30T09:00 "$BIN" --db "$DB" demo --residents 40 --requests 30 --years 1 >/dev/null
row=$(sqlite3 -separator ' ' "$DB" "SELECT r.number, substr(coalesce(nullif(r.requester_phone, ''), p.phone), -4), coalesce(nullif(r.requester_phone, ''), p.phone), r.requester FROM request r LEFT JOIN resident p ON p.id = r.resident_id JOIN unit u ON u.id = r.unit_id WHERE r.status = 'in_progress' AND length(coalesce(nullif(r.requester_phone, ''), p.phone, '')) = 11 ORDER BY r.number LIMIT 1")
set -- $row
number=$1
last4=$2
phone=$3
requester=$4
[ -n "$number" ] || e2e_abort "the demo holds a request in progress with a phone"
unit=$(sqlite3 "$DB" "SELECT u.name FROM request r JOIN unit u ON u.id = r.unit_id WHERE r.number = '$number'")
wrong=$(printf '%04d' $(((1${last4} + 1) % 10000)))

kiosk_start hall
progress hall "$number" "$last4"
expect hall "the right pair shows the request" "诉求 $number"
expect hall "its state in plain words" "办理单位正在办理"
expect hall "the unit handling it" "办理单位： $unit"
expect hall "its deadline, named as the one to be done by" "办结期限："
expect hall "and its timeline" "办理经过："
expect hall "the timeline names the unit it was sent to (派单至, 改派至)" "至$unit"
expect hall "and the unit's own steps by the unit" "${unit}签收"
if screen hall | grep -qF "$requester"; then t_fail "no name on screen" "$(screen hall)"; else t_ok "no name on screen"; fi
if screen hall | grep -qE '1[3-9][0-9]{9}'; then t_fail "no phone on screen" "$(screen hall)"; else t_ok "no phone on screen"; fi
db_is "the lookup is in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-progress'" 1
keys hall Escape
wait_for hall "手机号后 4 位"
kiosk_home hall

# A closed request: the centre's follow-up names no unit (it said the unit, as if it had called).
row=$(sqlite3 -separator ' ' "$DB" "SELECT r.number, substr(coalesce(nullif(r.requester_phone, ''), p.phone), -4), u.name FROM request r LEFT JOIN resident p ON p.id = r.resident_id JOIN unit u ON u.id = r.unit_id JOIN request_event e ON e.request_id = r.id AND e.action = 'follow_up' AND e.to_state = 'closed' WHERE length(coalesce(nullif(r.requester_phone, ''), p.phone, '')) = 11 ORDER BY r.number LIMIT 1")
set -- $row
[ -n "${1:-}" ] || e2e_abort "the demo holds a request closed on a follow-up, with a phone"
progress hall "$1" "$2"
expect hall "a follow-up is the centre's step" "回访，办结"
if screen hall | grep -F "回访，办结" | grep -qF "$3"; then
    t_fail "and names no unit" "$(screen hall)"
else
    t_ok "and names no unit"
fi
keys hall Escape
wait_for hall "手机号后 4 位"
kiosk_home hall
db_is "that lookup is in the audit log too" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-progress'" 2

# The short form: this year's sequence number alone.
year=$(date +%Y)
sqlite3 "$DB" "UPDATE request SET number = '$year-000777' WHERE number = '$number'"
progress hall 777 "$last4"
expect hall "the short form finds this year's request" "诉求 $year-000777"
kiosk_home hall

progress hall 777 "$wrong"
expect hall "a wrong phone: nothing found" "没有查到：编号或手机号后 4 位不对"
screen hall | sed -n '/没有查到/p' >"$T/wrong-phone.txt"
keys hall Escape
wait_for hall "欢迎使用"
progress hall 999999 "$last4"
wait_for hall "没有查到"
screen hall | sed -n '/没有查到/p' >"$T/no-number.txt"
if cmp -s "$T/wrong-phone.txt" "$T/no-number.txt"; then t_ok "a number that does not exist gets the same answer"; else t_fail "a number that does not exist gets the same answer" "$(cat "$T/wrong-phone.txt" "$T/no-number.txt")"; fi

# Three more wrong pairs make five: the kiosk waits, even for the right pair.
for _ in 1 2 3; do
    type_text hall "$wrong"
    keys hall Enter
done
expect hall "after 5 wrong pairs the kiosk waits a minute" "输错次数太多：请等 60 秒后再试"
counts_down hall
db_is "each wrong pair is in the audit log" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-progress-miss'" 5
keys hall Escape
wait_for hall "欢迎使用"
progress hall 777 "$last4"
expect hall "the right pair waits too" "输错次数太多：请等"
if screen hall | grep -q "办理经过"; then t_fail "and shows nothing" "$(screen hall)"; else t_ok "and shows nothing"; fi
db_is "the wait is kept in the database" "SELECT misses, wait_until > 0 FROM kiosk_guard WHERE kiosk = 'kiosk'" "0|1"
# A minute on (the wait moved back), the right pair is found again.
sqlite3 "$DB" "UPDATE kiosk_guard SET wait_until = wait_until - 61"
keys hall Escape
wait_for hall "欢迎使用"
progress hall 777 "$last4"
expect hall "a minute on, the right pair is found" "诉求 $year-000777"

# A whole mobile typed where its last 4 digits go (as many type it): the field keeps its last 4,
# and they find the request.
keys hall Escape
wait_for hall "手机号后 4 位"
type_text hall 777
keys hall Enter
type_text hall "$phone"
expect hall "a whole mobile typed for the last 4 digits is taken as them" "已取后 4 位"
last4_shown() {
    if screen hall | grep -F "手机号后 4 位" | grep -qE "位: +$1( |\$)" && ! screen hall | grep -qF "$phone"; then
        t_ok "$2"
    else
        t_fail "$2" "$(screen hall)"
    fi
}
last4_shown "$last4" "the field shows the last 4 digits, not the number typed"
keys hall Enter
expect hall "and they find the request" "诉求 $year-000777"
keys hall Escape
wait_for hall "手机号后 4 位"
if screen hall | grep -qF "已取后 4 位"; then t_fail "back for the next person, what was said of the digits is gone" "$(screen hall)"; else t_ok "back for the next person, what was said of the digits is gone"; fi
# Pasted as it is written down, with dashes: the same.
type_text hall 777
keys hall Enter
paste_text hall "$(printf '%s' "$phone" | sed 's/^\(...\)\(....\)/\1-\2-/')"
wait_for hall "已取后 4 位"
last4_shown "$last4" "a mobile pasted with dashes: the field shows its last 4 digits"
keys hall Enter
expect hall "and they find the request too" "诉求 $year-000777"
# More digits than 4 that are no mobile: said at once, no lookup, no wrong try.
keys hall Escape
wait_for hall "手机号后 4 位"
type_text hall 777
keys hall Enter
type_text hall "12$last4"
keys hall Enter
expect hall "6 digits that are no mobile are refused, saying what to type" "这是 6 位数字：请输入手机号后 4 位，或输入完整的 11 位手机号"
db_is "no wrong try is counted for them" "SELECT misses FROM kiosk_guard WHERE kiosk = 'kiosk'" 0
db_is "and nothing is looked up" "SELECT count(*) FROM audit_log WHERE action = 'kiosk-progress-miss'" 5
keys hall BSpace BSpace BSpace BSpace BSpace BSpace
type_text hall "12345678901"
keys hall Enter
expect hall "11 digits that are no mobile are said to be none (not to type 11 digits)" "这不是手机号：请输入手机号后 4 位"
keys hall BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
paste_text hall "183-1234-$last4"
wait_for hall "已取后 4 位"
if screen hall | grep -qF "这不是手机号"; then t_fail "a whole mobile pasted then takes the refusal before away" "$(screen hall)"; else t_ok "a whole mobile pasted then takes the refusal before away"; fi
keys hall Enter
expect hall "then its last 4 digits find the request" "诉求 $year-000777"

# Letters are not taken for the phone's digits; full-width digits are.
keys hall Escape
wait_for hall "手机号后 4 位"
type_text hall 777
keys hall Enter
type_text hall abc
expect hall "letters typed for the phone's digits are refused" "只能输入数字：3 个非数字字符没有录入"
if screen hall | grep -F "手机号后 4 位" | grep -qF abc; then t_fail "and not taken" "$(screen hall)"; else t_ok "and not taken"; fi
type_text hall "$(printf '%s' "$last4" | sed 's/0/０/g; s/1/１/g; s/2/２/g; s/3/３/g; s/4/４/g; s/5/５/g; s/6/６/g; s/7/７/g; s/8/８/g; s/9/９/g')"
keys hall Enter
expect hall "full-width digits are taken and find the request" "诉求 $year-000777"
t_sanitizers "kiosk_progress"
