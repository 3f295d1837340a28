# 走访完成情况 through the CLI: each building chief's month of visits, their
# buildings and organisations covered and never visited, the requests the
# visits took down, against the monthly quota (the setting visit_quota);
# a month that is none is refused with the usage; a chief reads their own
# row alone, and a building counts visited for a chief by their own visits.
. "$(dirname "$0")/../lib.sh"

E="$TOP/tests/cli/expected"
DB="$T/r.db"
demo_at "$DB"
# Two visits of the demo chief in March 2020 (one to an organisation of B101), one in April.
sqlite3 "$DB" "INSERT INTO visit (building_id, organisation_id, day, way, visitor, created_at, created_by, updated_at, updated_by)
  SELECT b.id, (SELECT min(o.id) FROM organisation o WHERE o.building_id = b.id), d.day, 'door', 'chief', 'x', 'chief', 'x', 'chief'
  FROM building b, (SELECT '2020-03-05' AS day UNION ALL SELECT '2020-04-02') d WHERE b.code = 'B101';
  INSERT INTO visit (building_id, day, way, visitor, created_at, created_by, updated_at, updated_by)
  SELECT id, '2020-03-20', 'phone', 'chief', 'x', 'chief', 'x', 'chief' FROM building WHERE code = 'B102'"

run visits-march 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report visits --month 2020-03
t_golden "report visits: a month, no quota" "$E/visits-march.txt" "$T/visits-march.out"
sqlite3 "$DB" "INSERT INTO meta (key, value) VALUES ('visit_quota', '3')"
run visits-quota 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report visits --month 2020-03
t_golden "report visits: against a quota of 3" "$E/visits-quota.txt" "$T/visits-quota.out"
# A second chief sharing B101, who made no visit: a visit to B101 by the first is not theirs; each
# chief reads their own row alone, the admin every chief's.
env BANGBAN_USER=admin "$BIN" --db "$DB" user add chief2 --role chief --buildings B101 </dev/null >/dev/null 2>&1
run visits-admin2 0 env BANGBAN_USER=admin "$BIN" --db "$DB" report visits --month 2020-03
grep -q "^chief2 .* 1     0 .*     0 " "$T/visits-admin2.out" && grep -q "^chief 楼长" "$T/visits-admin2.out" &&
    t_ok "report visits: a building visited by another chief is not counted visited for this one" ||
    t_fail "report visits: a building visited by another chief is not counted visited for this one" "$(cat "$T/visits-admin2.out")"
run visits-chief 0 env BANGBAN_USER=chief "$BIN" --db "$DB" report visits --month 2020-03
grep -q "^chief 楼长" "$T/visits-chief.out" && ! grep -q "^chief2" "$T/visits-chief.out" &&
    t_ok "report visits: a chief reads their own row alone" ||
    t_fail "report visits: a chief reads their own row alone" "$(cat "$T/visits-chief.out")"
run visits-bad 2 env BANGBAN_USER=admin "$BIN" --db "$DB" report visits --month 2026-13
grep -q "^bangban: --month 2026-13: 月份请写成 2026-03" "$T/visits-bad.out" && grep -q "visits \[--month" "$T/visits-bad.out" &&
    t_ok "report visits: a month that is none is named, with the usage" ||
    t_fail "report visits: a month that is none is named, with the usage" "$(cat "$T/visits-bad.out")"
