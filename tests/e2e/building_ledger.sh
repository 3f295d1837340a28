# The 楼宇台账 from 区域与楼宇: F9 on a building, 本楼楼宇台账, saved to a file
# the clerk names; the file holds the building, its 楼长 with the full
# phone, its property company, and a row for each organisation present,
# contact phones masked.
. "$(dirname "$0")/lib.sh"

demo_db
users_as supervisor boss
open_areas desk BANGBAN_USER=boss
type_text desk "B101"
wait_for desk "滨江国际大厦"
keys desk F9
choose desk "本楼楼宇台账"
choose desk "楼宇台账保存为文件"
wait_for desk "写入的文件"
keys desk C-u
type_text desk "$T/b101.txt"
keys desk Enter
expect desk "the message names the file written" "滨江国际大厦 的楼宇台账已写入"

[ -s "$T/b101.txt" ] && t_ok "the 楼宇台账 is in the file" || t_fail "the 楼宇台账 is in the file" "$(ls -l "$T")"
grep -q "楼 宇 台 账" "$T/b101.txt" && grep -q "^楼    宇：B101 滨江国际大厦$" "$T/b101.txt" &&
    t_ok "the file is the 楼宇台账 of B101" || t_fail "the file is the 楼宇台账 of B101" "$(head -8 "$T/b101.txt")"
chief=$(sqlite3 "$DB" "SELECT s.name || ' ' || s.phone FROM post p JOIN staff s ON s.id = p.staff_id
  JOIN building b ON b.id = p.building_id WHERE b.code = 'B101' AND p.kind = 'building_chief' AND p.end_on = ''")
grep -q "^楼    长：$chief$" "$T/b101.txt" && t_ok "its 楼长 with the full phone ($chief)" ||
    t_fail "its 楼长 with the full phone" "$chief" "$(head -12 "$T/b101.txt")"
property=$(sqlite3 "$DB" "SELECT property || ' ' || property_phone FROM building WHERE code = 'B101'")
[ -n "$property" ] && grep -q "^物业公司：$property$" "$T/b101.txt" &&
    t_ok "its property company with the phone ($property)" ||
    t_fail "its property company with the phone" "$property" "$(head -12 "$T/b101.txt")"
present=$(sqlite3 "$DB" "SELECT count(*) FROM organisation o JOIN building b ON b.id = o.building_id
  WHERE b.code = 'B101' AND o.moved_out = ''")
grep -q "在驻企业：$present 家" "$T/b101.txt" && t_ok "the count of organisations present ($present)" ||
    t_fail "the count of organisations present" "$present" "$(grep 在驻企业 "$T/b101.txt")"
[ "$(grep -cE '^ +[0-9]+ ' "$T/b101.txt")" = "$present" ] && t_ok "a row for each of them" ||
    t_fail "a row for each of them" "$(grep -cE '^ +[0-9]+ ' "$T/b101.txt") rows"
if grep -E '1[3-9][0-9]{9}' "$T/b101.txt" | grep -qv "："; then
    t_fail "no contact phone in full" "$(grep -E '1[3-9][0-9]{9}' "$T/b101.txt")"
else
    t_ok "no contact phone in full"
fi
grep -qE '^ +[^ ]+ +1[0-9]{2}\*{4}[0-9]{4} ' "$T/b101.txt" && t_ok "contact phones masked 前3后4" ||
    t_fail "contact phones masked 前3后4" "$(sed -n 16,20p "$T/b101.txt")"
quits desk "quits cleanly"
t_sanitizers "building ledger"
