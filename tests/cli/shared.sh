# A centre on one box: the database in a folder its group shares (setgid,
# 2770) is made 0660 and the group's, whatever umask made it, and stays so
# while desks write to it; anywhere else it is its owner's alone; exports
# stay their maker's (0600) even from a shared database.
. "$(dirname "$0")/../lib.sh"

umask 022
group=$(id -gn)
mkdir "$T/shared" "$T/private"
chgrp "$group" "$T/shared"
chmod 2770 "$T/shared"
run shared-init 0 "$BIN" --db "$T/shared/bangban.db" init
[ "$(stat -c %a "$T/shared/bangban.db")" = 660 ] && t_ok "in a shared folder the database is made 0660" ||
    t_fail "in a shared folder the database is made 0660" "$(stat -c %a "$T/shared/bangban.db")"
[ "$(stat -c %G "$T/shared/bangban.db")" = "$group" ] && t_ok "and belongs to the folder's group" ||
    t_fail "and belongs to the folder's group" "$(stat -c %G "$T/shared/bangban.db")"
run shared-demo 0 "$BIN" --db "$T/shared/bangban.db" demo --residents 20
[ "$(stat -c %a "$T/shared/bangban.db")" = 660 ] && t_ok "and stays so once desks have written to it" ||
    t_fail "and stays so once desks have written to it" "$(stat -c %a "$T/shared/bangban.db")"
run shared-export 0 "$BIN" --db "$T/shared/bangban.db" export residents "$T/shared/list.csv"
[ "$(stat -c %a "$T/shared/list.csv")" = 600 ] && t_ok "an export from it is its maker's alone (0600)" ||
    t_fail "an export from it is its maker's alone (0600)" "$(stat -c %a "$T/shared/list.csv")"
run private-init 0 "$BIN" --db "$T/private/bangban.db" init
[ "$(stat -c %a "$T/private/bangban.db")" = 600 ] && t_ok "anywhere else the database is its owner's alone (0600)" ||
    t_fail "anywhere else the database is its owner's alone (0600)" "$(stat -c %a "$T/private/bangban.db")"
