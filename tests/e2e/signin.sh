# Who is at the keyboard, end to end. The demo binds the system login that
# made it to its desk clerk: that login opens straight on the home screen,
# no password asked (peer sign-in), and acts as that user. A system login
# bound to no user gets the sign-in screen: the password is drawn as '*'s,
# never as typed; the right one opens the home screen as that user. Five
# wrong passwords in a row lock the account: the right one is then refused
# with the same words as a login that does not exist. The 操作员 screen
# adds a user, who then signs in with the password set from its F9 menu
# (one holding the login refused), and changes it (the one in use again
# refused).
# Retired, that user's password is refused with the same words; a system
# login bound to a user who was retired gets the sign-in screen.
. "$(dirname "$0")/lib.sh"

demo_db
OS=$(id -un)

start desk
expect desk "peer sign-in: the demo's maker opens on the home screen without a password" "前台工作台"
if screen desk | head -1 | grep -q " $OS\$"; then t_ok "and acts as its user"; else t_fail "and acts as its user" "$(screen desk | head -1)"; fi
db_is "the peer sign-in is in the audit log" \
    "SELECT actor || ' ' || substr(detail, 1, 4) FROM audit_log WHERE action = 'login' ORDER BY seq DESC LIMIT 1" "$OS peer"

start sup BANGBAN_USER=someone-unbound
expect sup "an unbound system login gets the sign-in screen" "系统账户 someone-unbound 没有绑定帮办的操作员"
type_text sup "supervisor"
keys sup Tab
type_text sup "demo-supervisor"
expect sup "the password is drawn as stars" "***************"
if screen sup | grep -q "demo-supervisor"; then t_fail "and never as typed" "$(screen sup)"; else t_ok "and never as typed"; fi
keys sup Enter
expect sup "the right password opens the home screen, saying whose it is" "党群服务中心　主管"
if screen sup | head -1 | grep -q " supervisor\$"; then t_ok "as the user signed in"; else t_fail "as the user signed in" "$(screen sup | head -1)"; fi
quits sup "the supervisor quits"

REFUSED="未登录：登录名或密码不对，或账户暂时锁定。"
start lock BANGBAN_USER=nobody
wait_for lock "请登录"
type_text lock "chief"
keys lock Tab
for i in 1 2 3 4 5; do
    type_text lock "wrong-$i"
    keys lock Enter
    wait_for lock "$REFUSED"
    wait_gone lock "*******"
done
db_is "five wrong passwords in a row lock the account" \
    "SELECT failed, locked_until <> '' FROM \"user\" WHERE login = 'chief'" "5|1"
type_text lock "demo-chief"
keys lock Enter
wait_gone lock "**********"
expect lock "the right password is refused while it is locked" "$REFUSED"
if screen lock | grep -q "党群服务中心"; then t_fail "and nothing opens" "$(screen lock)"; else t_ok "and nothing opens"; fi
keys lock BTab C-u
type_text lock "ghost"
keys lock Tab
type_text lock "whatever1"
keys lock Enter
wait_gone lock "*********"
expect lock "a login that does not exist gets the very same words" "$REFUSED"
db_is "every refusal is in the audit log" \
    "SELECT count(*) FROM audit_log WHERE action = 'login-failed'" 7
db_is "the right password while locked is logged on that user, saying so (not as an unknown login)" \
    "SELECT count(*) FROM audit_log WHERE action = 'login-failed' AND subject = 'user:' || (SELECT id FROM \"user\" WHERE login = 'chief') AND detail LIKE '% locked'" 1
db_is "and the lock" "SELECT count(*) FROM audit_log WHERE action = 'user-lock' AND actor = 'chief' AND detail LIKE '% failed 5'" 1
quits lock "the sign-in screen quits on F10"

# The 操作员 screen is the admin's: the desk clerk is not offered it.
choose desk "服务清单"
wait_for desk "帮办 - 服务清单"
keys desk F9
wait_for desk "修改我的密码"
if screen desk | grep -q "操作员"; then t_fail "a desk clerk is not offered the users screen" "$(screen desk)"; else t_ok "a desk clerk is not offered the users screen"; fi
keys desk Escape
start adm BANGBAN_USER=admin-unbound
wait_for adm "请登录"
type_text adm "admin"
keys adm Tab
type_text adm "demo-admin"
keys adm Enter
wait_for adm "党群服务中心　管理员"
# The admin's home screen's F9 offers the users and the settings (the service catalogue's F9 too).
keys adm F9
expect adm "the admin's home F9 offers the users" "操作员"
expect adm "and the settings" "设置"
keys adm Escape
wait_gone adm "修改我的密码"
# The admin's: a new user, then its password from the F9 menu.
choose adm "服务清单"
wait_for adm "帮办 - 服务清单"
keys adm F9
choose adm "操作员"
expect adm "the users screen lists the demo's users" "共 7 条"
keys adm F7
wait_for adm "新建操作员"
type_text adm "xiaowang"
keys adm Tab
type_text adm "王小红"
keys adm Tab
type_text adm "13912345678"
keys adm Tab Enter
wait_for adm "共 7 项"
type_text adm "前台"
keys adm Enter
wait_gone adm "共 7 项"
# A system login bound to another user already: the form says to whom.
bound=$(sqlite3 "$DB" "SELECT os_login FROM \"user\" WHERE os_login <> '' LIMIT 1")
holder=$(sqlite3 "$DB" "SELECT login FROM \"user\" WHERE os_login = '$bound'")
keys adm Tab Tab Tab Tab
type_text adm "$bound"
keys adm F2
expect adm "a system login bound already is refused, naming the user it is bound to" \
    "未保存：系统账户 $bound 已绑定操作员 $holder"
keys adm C-u F2
expect adm "a new user is saved" "已保存：xiaowang"
if screen adm | grep -q "xiaowang *王小红 *前台 .*139\*\*\*\*5678"; then
    t_ok "and listed with the mobile masked"
else
    t_fail "and listed with the mobile masked" "$(screen desk)"
fi
db_is "stored with its role, no password yet" \
    "SELECT role || ' ' || phone || ' [' || password || '] ' || created_by FROM \"user\" WHERE login = 'xiaowang'" \
    "desk 13912345678 [] admin"
type_text adm "xiaowang"
wait_for adm "共 1 条"
keys adm F9
choose adm "设置密码"
wait_for adm "xiaowang 的密码"
type_text adm "abcdefgh"
keys adm Enter
type_text adm "abcdefgh"
keys adm Enter
expect adm "a run refused, the reason whole in the box (it was cut)" \
    "密码不能是同一个字符重复，也不能是 12345678 这样的连续字符"
keys adm C-u
type_text adm "xiaowang"
keys adm Enter C-u
type_text adm "xiaowang"
keys adm Enter
expect adm "the login as its password refused" "密码不能与登录名相同"
keys adm C-u
type_text adm "Xiaowang1"
keys adm Enter C-u
type_text adm "Xiaowang1"
keys adm Enter
expect adm "the login with a digit refused" "密码不能包含登录名"
keys adm C-u
type_text adm "new-pass-1"
keys adm Enter C-u
type_text adm "new-pass-2"
keys adm Enter
expect adm "two passwords that differ are refused" "两次输入的密码不同"
keys adm C-u
type_text adm "new-pass-1"
keys adm Enter
expect adm "the password is set" "xiaowang 的密码已设置"

start wang BANGBAN_USER=another-unbound
wait_for wang "请登录"
type_text wang "xiaowang"
keys wang Tab
type_text wang "new-pass-1"
keys wang Enter
expect wang "the new user signs in with that password" "前台工作台"
# Changing one's own password asks for the one in use first: a desk left signed in is no
# account taken over.
SET_ROWS="SELECT count(*) FROM audit_log WHERE action = 'user-password' AND subject = (SELECT 'user:' || id FROM \"user\" WHERE login = 'xiaowang')"
keys wang F9
choose wang "修改我的密码"
wait_for wang "现在的密码"
type_text wang "not-mine-1"
keys wang Tab
type_text wang "newer-pass-1"
keys wang Tab
type_text wang "newer-pass-1"
keys wang Enter
expect wang "a wrong password in use is refused" "不是您现在的密码"
db_is "and nothing changes" "$SET_ROWS" 1
keys wang C-u
type_text wang "new-pass-1"
keys wang Tab C-u
type_text wang "new-pass-1"
keys wang Tab C-u
type_text wang "new-pass-1"
keys wang Enter
expect wang "the one in use again is refused" "新密码不能与原密码相同"
db_is "and nothing changes" "$SET_ROWS" 1
keys wang C-u
type_text wang "newer-pass-1"
keys wang Tab C-u
type_text wang "newer-pass-1"
keys wang Enter
expect wang "with the one in use, the new one is set" "xiaowang 的密码已设置"
db_is "a new one stored, by the user" "$SET_ROWS" 2
quits wang "the new user quits"

# A wrong password in use counts towards the lock as at sign-in: whoever finds a desk signed in
# does not guess on there. The fifth locks the account and signs the desk out.
printf 'li-pass-1\n' | env BANGBAN_USER=admin "$BIN" --db "$DB" user add xiaoli --role desk --password-stdin >"$T/li.out" 2>&1 ||
    t_fail "the admin adds xiaoli with a password" "$(cat "$T/li.out")"
SHOWS="前台工作台" sign_in li "xiaoli" "li-pass-1"
keys li F9
choose li "修改我的密码"
wait_for li "现在的密码"
for i in 1 2 3 4; do
    type_text li "guess-$i"
    wait_for li "*******"
    keys li Tab Tab Enter
    wait_for li "不是您现在的密码"
    keys li C-u
    wait_gone li "*******" # the try checked before the field was emptied
done
db_is "four wrong tries counted, not locked yet" \
    "SELECT failed || ' [' || locked_until || ']' FROM \"user\" WHERE login = 'xiaoli'" "4 []"
type_text li "guess-5"
keys li Tab Tab Enter
expect li "the fifth signs the desk out" "现在的密码输错次数过多"
expect li "onto the sign-in screen" "登录名:"
db_is "and the account is locked" \
    "SELECT locked_until <> '' FROM \"user\" WHERE login = 'xiaoli'" 1
type_text li "xiaoli"
keys li Tab
type_text li "li-pass-1"
keys li Enter
wait_gone li "*********"
expect li "its right password is refused while it is locked" "$REFUSED"
if screen li | grep -q "现在的密码输错次数过多"; then
    t_fail "the note of why the last user was signed out is gone once someone tries" "$(screen li)"
else
    t_ok "the note of why the last user was signed out is gone once someone tries"
fi
quits li "the sign-in screen quits"

# Retired, a user signs in no more: by password, the same words as a wrong one.
env BANGBAN_USER=admin "$BIN" --db "$DB" user retire xiaowang >"$T/retire.out" 2>&1 ||
    t_fail "the admin retires xiaowang from the command line" "$(cat "$T/retire.out")"
start gone BANGBAN_USER=another-unbound
wait_for gone "请登录"
type_text gone "xiaowang"
keys gone Tab
type_text gone "newer-pass-1"
keys gone Enter
wait_gone gone "**********"
expect gone "a retired user's right password is refused with the same words" "$REFUSED"
if screen gone | grep -q "党群服务中心"; then t_fail "and nothing opens for the retired user" "$(screen gone)"; else t_ok "and nothing opens for the retired user"; fi
quits gone "the sign-in screen quits"

# A system login bound to a user opens without a password, until that user is retired.
env BANGBAN_USER=admin "$BIN" --db "$DB" user add lili --role desk --os-login lili-os </dev/null >"$T/add.out" 2>&1 ||
    t_fail "the admin adds lili, bound to lili-os" "$(cat "$T/add.out")"
start lili BANGBAN_USER=lili-os
expect lili "a bound system login opens on the home screen" "前台工作台"
quits lili "lili quits"
env BANGBAN_USER=admin "$BIN" --db "$DB" user retire lili >"$T/retire.out" 2>&1 ||
    t_fail "the admin retires lili" "$(cat "$T/retire.out")"
start lili2 BANGBAN_USER=lili-os
expect lili2 "the binding of a retired user opens nothing: the sign-in screen" "请登录"
if screen lili2 | grep -q "党群服务中心"; then t_fail "and no home screen" "$(screen lili2)"; else t_ok "and no home screen"; fi
quits lili2 "the sign-in screen quits"
# A retired user is neither locked nor unlocked on the users screen: F8 restores it first.
keys adm C-u F6
type_text adm "lili"
wait_for adm "共 1 条"
wait_for adm "已停用"
keys adm F9
choose adm "解锁"
expect adm "unlocking a retired user says it is retired, and how to restore it" "lili 已停用：请先按 F8 恢复"
keys adm F6
# The only administrator retires no one who would leave the users unmanaged: not itself.
keys adm C-u
type_text adm "admin"
wait_for adm "共 1 条"
keys adm F8
wait_for adm "停用"
keys adm y
expect adm "the last administrator is not retired, saying why" "未停用：必须留一位能登录的管理员"
db_is "and is not" "SELECT retired FROM \"user\" WHERE login = 'admin'" 0
# Nor locks itself out with one key: another administrator would have to unlock it.
keys adm F9
choose adm "锁定"
expect adm "an administrator's own lock is refused, saying who can" "未修改：自己的账户只能由另一位管理员锁定"
db_is "and it is not locked" "SELECT locked_until FROM \"user\" WHERE login = 'admin'" ""
# A login taken (in another case too: one login to a person signing in) is said at the login.
keys adm F7
wait_for adm "新建操作员"
type_text adm "Admin"
keys adm Tab
type_text adm "王二"
keys adm Tab Tab Enter
wait_for adm "共 7 项"
type_text adm "前台"
keys adm Enter
wait_gone adm "共 7 项"
keys adm F2
expect adm "a login taken is refused, naming it" "未保存：Admin：已有这个登录名的操作员"
keys adm Escape
wait_for adm "放弃填写的内容并返回"
keys adm y
wait_for adm "帮办 - 操作员"
quits adm "the admin quits"
quits desk "the desk quits"
t_sanitizers "signin"
