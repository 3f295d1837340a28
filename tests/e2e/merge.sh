# The lost update, for every form that edits a record: two desks open the
# same record; 王芳 (desk A) changes one field and saves; 李明 (desk B), who
# opened it before, changes another field and presses F2. He is told who
# saved first and what each desk changed, chooses to save his part, and the
# database then holds her change AND his: saving over writes only what B
# changed, on top of what is stored now. (The old rule saved B's whole form
# over A's record and undid her change.) A building, a unit, a service item,
# an evening talk, the centre's settings and a resident; for the resident
# also a field both desks changed (the second dialog, either way), dropping
# one's typing to see theirs, going back to editing, and Esc when asked
# which of two values stays (nothing is saved).
. "$(dirname "$0")/lib.sh"

SAVE_MINE="保存我改的部分（其余保留对方的）"
DROP_MINE="放弃我填写的，显示对方的版本"
GO_BACK="返回继续编辑（填写的内容不会丢失）"

# lost_race KIND W: desk W's F2 met the other desk's save; the dialog says by whom.
lost_race() {
    expect "$2" "$1: desk B is told someone saved first" "他人已先保存"
    expect "$2" "$1: and by whom" "王芳 已于"
}

demo_db
USERS_ROLE=supervisor desk_users 王芳 李明
printf '%s\r\n' "姓名,身份证号,手机号码" "张三,110101199003074477,13800138000" >"$T/one.csv"
"$BIN" --db "$DB" import residents "$T/one.csv" >/dev/null

# --- a building: A changes its address, B its kind (a choice) -----------------------------------
for w in ba bb; do
    case $w in ba) user=王芳 ;; bb) user=李明 ;; esac
    open_areas $w BANGBAN_USER=$user
    type_text $w "B101"
    wait_for $w "共 1 条"
    keys $w Enter
    wait_for $w "编辑楼宇"
done
keys ba Tab Tab
type_text ba "甲"
keys ba F2
wait_for ba "已保存：B101 滨江国际大厦"
keys bb Tab Tab Tab Tab Tab Enter
wait_for bb "共 2 项"
type_text bb "居民"
wait_for bb "共 1 项"
keys bb Enter
wait_for bb "类型: 居民楼"
keys bb F2
lost_race building bb
expect bb "building: A's change is named" "地址：对方改为「和平区滨江道149号甲」"
expect bb "building: B's change is named" "类型：您改为「居民楼」"
choose bb "$SAVE_MINE"
expect bb "building: saved" "已保存：B101 滨江国际大厦"
db_is "building: the database holds A's address and B's kind" \
    "SELECT address, kind, updated_by, version FROM building WHERE code = 'B101'" \
    "和平区滨江道149号甲|residential|李明|3"
quits ba "building: desk A quits cleanly"
quits bb "building: desk B quits cleanly"

# --- a unit: A changes its kind, B its phone ----------------------------------------------------
for w in ua ub; do
    case $w in ua) user=王芳 ;; ub) user=李明 ;; esac
    open_section $w "服务清单" "帮办 - 服务清单" BANGBAN_USER=$user
    keys $w Tab
    wait_for $w "共 29 条"
    type_text $w "U01"
    wait_for $w "共 1 条"
    keys $w Enter
    wait_for $w "修改责任单位"
done
keys ua Tab Tab C-u
type_text ua "区政府部门"
keys ua F2
wait_for ua "已保存：区民政局"
keys ub Tab Tab Tab C-u
type_text ub "022-23300000"
keys ub F2
lost_race unit ub
expect ub "unit: A's change is named" "类型：对方改为「区政府部门」"
expect ub "unit: B's change is named" "电话：您改为「022-23300000」"
choose ub "$SAVE_MINE"
expect ub "unit: saved" "已保存：区民政局"
db_is "unit: the database holds A's kind and B's phone" \
    "SELECT kind, phone, updated_by, version FROM unit WHERE code = 'U01'" \
    "区政府部门|022-23300000|李明|3"

# --- a calendar day: A changes its name, B whether it is worked (a choice) ----------------------
for w in ca cb; do
    case $w in ca) user=王芳 ;; cb) user=李明 ;; esac
    open_section $w "服务清单" "帮办 - 服务清单" BANGBAN_USER=$user
    keys $w Tab Tab
    wait_for $w "工作日历"
    type_text $w "2026-10-01"
    wait_for $w "共 1 条"
    keys $w Enter
    wait_for $w "修改日历"
done
keys ca Tab Tab C-u
type_text ca "国庆节（第一天）"
keys ca F2
wait_for ca "已保存：2026-10-01 国庆节（第一天）"
keys cb Tab Enter
wait_for cb "周末调休上班"
type_text cb "上班"
wait_for cb "共 1 项"
keys cb Enter
wait_gone cb "回车选定"
keys cb F2
lost_race "calendar day" cb
expect cb "calendar day: A's change is named" "名称：对方改为「国庆节（第一天）」"
expect cb "calendar day: B's change is named" "安排：您改为「上班」"
choose cb "$SAVE_MINE"
expect cb "calendar day: saved" "已保存：2026-10-01 国庆节（第一天）"
db_is "calendar day: the database holds A's name and B's kind" \
    "SELECT name, kind, updated_by, version FROM calendar WHERE day = '2026-10-01'" \
    "国庆节（第一天）|workday|李明|3"
quits ca "calendar day: desk A quits cleanly"
quits cb "calendar day: desk B quits cleanly"

# --- a service item: A changes its materials, B its time to sign for (a number) ----------------
for w in ua ub; do
    keys $w Escape
    wait_for $w "输入汉字、拼音首字母或编码"
    keys $w Tab Tab
    wait_for $w "共 176 条"
    type_text $w "HB055"
    wait_for $w "共 1 条"
    keys $w Enter
    wait_for $w "修改服务事项"
done
keys ua Tab Tab Tab Tab Tab Tab C-u
type_text ua "现场情况说明、维保合同"
keys ua F2
wait_for ua "已保存：电梯困人应急处置"
keys ub Tab Tab Tab Tab C-u
type_text ub "20分钟"
keys ub F2
lost_race "service item" ub
expect ub "service item: A's change is named" "办理材料：对方改为「现场情况说明、维保合同」"
expect ub "service item: B's change is named" "签收时限：您改为「20分钟」"
choose ub "$SAVE_MINE"
expect ub "service item: saved" "已保存：电梯困人应急处置"
db_is "service item: the database holds A's materials and B's limit" \
    "SELECT materials, accept_minutes, updated_by, version FROM service_item WHERE code = 'HB055'" \
    "现场情况说明、维保合同|20|李明|3"

# --- the settings (服务清单, F9): A changes the centre's name, B the desk phone ------------------
for w in ua ub; do
    keys $w F9
    choose $w "设置"
    wait_for $w "本中心的设置"
done
keys ua C-u
type_text ua "和平区新兴街道党群服务中心"
keys ua F2
wait_for ua "设置已保存"
keys ub Tab C-u
type_text ub "022-27309999"
keys ub F2
lost_race settings ub
expect ub "settings: A's change is named" "中心名称：对方改为「和平区新兴街道党群服务中心」"
expect ub "settings: B's change is named" "咨询电话：您改为「022-27309999」"
choose ub "$SAVE_MINE"
expect ub "settings: saved" "设置已保存"
db_is "settings: the database holds A's centre and B's phone" \
    "SELECT group_concat(value, '|') FROM (SELECT value FROM meta WHERE key IN ('centre', 'desk_phone', 'settings_updated_by') ORDER BY key)" \
    "和平区新兴街道党群服务中心|022-27309999|李明"
quits ua "catalogue: desk A quits cleanly"
quits ub "catalogue: desk B quits cleanly"

# --- an evening talk: A changes its officials, B its note ---------------------------------------
for w in ta tb; do
    case $w in ta) user=王芳 ;; tb) user=李明 ;; esac
    open_section $w "和平夜话" "帮办 - 和平夜话" BANGBAN_USER=$user
    type_text $w "滨江道社区议事厅"
    wait_for $w "共 1 场"
    keys $w F4
    wait_for $w "修改和平夜话"
done
keys ta Tab Tab C-u
type_text ta "区委副书记"
keys ta F2
wait_for ta "已保存："
keys tb Tab Tab Tab Tab
type_text tb "居民反映停车难"
keys tb F2
lost_race "evening talk" tb
expect tb "evening talk: A's change is named" "参加领导：对方改为「区委副书记」"
expect tb "evening talk: B's change is named" "备注：您改为「居民反映停车难」"
choose tb "$SAVE_MINE"
expect tb "evening talk: saved" "已保存："
db_is "evening talk: the database holds A's officials and B's note" \
    "SELECT officials, note, updated_by, version FROM evening_talk WHERE place = '滨江道社区议事厅'" \
    "区委副书记|居民反映停车难|李明|3"
quits ta "evening talk: desk A quits cleanly"
quits tb "evening talk: desk B quits cleanly"

# --- a resident ---------------------------------------------------------------------------------
ZS="SELECT address, note, updated_by, version FROM resident WHERE id_number = '110101199003074477'"
# edit W FIELD: desk W opens 张三 (F4 on the list) and moves to FIELD: address (the tenth field)
# or note (the fourteenth), clearing it.
edit() {
    keys $1 F4
    wait_for $1 "编辑居民"
    case $2 in
    address) keys $1 Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u ;;
    note) keys $1 Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab C-u ;;
    esac
}
for w in ra rb; do
    case $w in ra) user=王芳 ;; rb) user=李明 ;; esac
    open_residents $w BANGBAN_USER=$user
    type_text $w "zs"
    wait_for $w "共 1 条"
done

# Different fields: A the address, B the note.
edit ra address
edit rb note
type_text ra "3号楼-1单元-101"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "行动不便"
keys rb F2
lost_race resident rb
expect rb "resident: A's change is named" "地址：对方改为「3号楼-1单元-101」"
expect rb "resident: B's change is named" "备注：您改为「行动不便」"
choose rb "$SAVE_MINE"
expect rb "resident: saved" "已保存：张三"
db_is "resident: the database holds A's address and B's note" "$ZS" "3号楼-1单元-101|行动不便|李明|3"

# The same field, and B keeps what he wrote.
edit ra address
edit rb address
type_text ra "7号楼"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "9号楼"
keys rb F2
lost_race "same field" rb
expect rb "same field: the dialog says both changed it" "地址：两边都改了，您填「9号楼」，对方填「7号楼」"
choose rb "$SAVE_MINE"
expect rb "same field: a second dialog asks which to keep" "两边都改了「地址」"
expect rb "same field: it shows B's value" "您填的：9号楼"
expect rb "same field: and A's" "对方填的：7号楼"
choose rb "用我填的"
expect rb "same field: saved" "已保存：张三"
db_is "same field: the database holds B's address, as he chose" "$ZS" "9号楼|行动不便|李明|5"

# The same field (the note), and B takes A's; B also changed the address, which is written.
edit ra note
edit rb note
type_text ra "需上门服务"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "已搬走"
keys rb BTab BTab BTab BTab C-u
type_text rb "11号楼"
keys rb F2
lost_race "theirs" rb
expect rb "theirs: the dialog says both changed the note" "备注：两边都改了，您填「已搬走」，对方填「需上门服务」"
expect rb "theirs: and that B changed the address" "地址：您改为「11号楼」"
choose rb "$SAVE_MINE"
wait_for rb "两边都改了「备注」"
choose rb "用对方的"
expect rb "theirs: saved" "已保存：张三"
db_is "theirs: the database holds A's note and B's address" "$ZS" "11号楼|需上门服务|李明|7"

# B drops his typing: the form shows the record as stored, and nothing of his is saved.
edit ra address
edit rb note
type_text ra "13号楼"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "独居老人"
keys rb F2
lost_race drop rb
choose rb "$DROP_MINE"
expect rb "drop: B is told the form shows the record as it is now" "已显示该记录的最新内容"
expect rb "drop: the form shows A's address" "地址: 13号楼"
expect rb "drop: and the stored note" "备注: 需上门服务"
if screen rb | grep -q "独居老人"; then t_fail "drop: B's typing is gone" "$(screen rb)"; else t_ok "drop: B's typing is gone"; fi
db_is "drop: nothing of B's is saved" "$ZS" "13号楼|需上门服务|王芳|8"
keys rb Escape
if poll_screen rb gone "编辑居民" >"$T/wait.out"; then
    t_ok "drop: the form shows no typing of B's, so Esc leaves it without a question"
else
    t_fail "drop: the form shows no typing of B's, so Esc leaves it without a question" "$(cat "$T/wait.out")"
fi

# B goes back to editing: his typing stays, nothing is saved; his next F2 saves it.
edit ra address
edit rb note
type_text ra "15号楼"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "子女在外地"
keys rb F2
lost_race "go back" rb
choose rb "$GO_BACK"
expect rb "go back: B is told nothing was saved" "尚未保存：您填写的内容仍在"
expect rb "go back: his typing is still in the form" "备注: 子女在外地"
db_is "go back: nothing of B's is saved" "$ZS" "15号楼|需上门服务|王芳|9"
keys rb F2
wait_for rb "他人已先保存"
choose rb "$SAVE_MINE"
expect rb "go back: the next F2 saves it" "已保存：张三"
db_is "go back: the database holds A's address and B's kept note" "$ZS" "15号楼|子女在外地|李明|10"

# Both change the note; B saves his part but presses Esc when asked whose note stays: nothing is saved.
edit ra note
edit rb note
type_text ra "行动不便"
keys ra F2
wait_for ra "已保存：张三"
type_text rb "听力不好"
keys rb F2
lost_race "esc" rb
choose rb "$SAVE_MINE"
wait_for rb "两边都改了「备注」"
keys rb Escape
expect rb "esc in the second dialog: B is told nothing was saved" "尚未保存：您填写的内容仍在"
db_is "esc in the second dialog: nothing of B's is saved" "$ZS" "15号楼|行动不便|王芳|11"
expect rb "esc in the second dialog: his typing is still in the form" "备注: 听力不好"
keys rb Escape
wait_for rb "放弃"
keys rb y

quits ra "resident: desk A quits cleanly"
quits rb "resident: desk B quits cleanly"
t_sanitizers merge
