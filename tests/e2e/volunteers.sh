# The volunteer coordinator registers a volunteer who is a registered
# resident (the ID number brings name, sex and birth date from the
# residents' register, and the records are linked; a registration after
# today is refused), creates a team, adds
# the volunteer to it, and finds the volunteer again by pinyin and by the
# last digits of the mobile number.
. "$(dirname "$0")/lib.sh"

VOL="SELECT v.number, v.name, v.gender, v.birth_date, r.name FROM volunteer v JOIN resident r ON r.id = v.resident_id"

demo_with_zsf 13912345678

# said_beside FIELD MESSAGE WHAT: MESSAGE is shown on FIELD's own row of the form on vol.
said_beside() {
    if screen vol | grep "$1" | grep -q "$2"; then
        t_ok "and said beside $3"
    else
        t_fail "and said beside $3" "$(screen vol)"
    fi
}
sign_in vol "volunteers" "demo-volunteers"
expect vol "the coordinator's home says whose it is" "和平区党群服务中心　志愿服务管理"
if screen vol | grep -qE "诉求 [0-9]+ 件|近四周"; then
    t_fail "and counts no requests, which the role does not see" "$(screen vol)"
else
    t_ok "and counts no requests, which the role does not see"
fi
choose vol "志愿服务"
wait_for vol "志愿者编号"
keys vol F7
wait_for vol "登记志愿者"
# The coordinator may not show full numbers: the foot offers no F9 for it.
expect vol "the foot offers F2 to save" "Tab/回车 下一栏，F2 保存，Esc 返回"
# A new one starts at the ID number: the number is given on saving, the ID type a chooser.
type_text vol "120101195601010127"
keys vol Tab
expect vol "the name comes from the residents' register" "姓名: 张三丰"
expect vol "the birth date from the number" "出生日期: 1956-01-01"
expect vol "the form says where they came from" "已是登记居民：张三丰"
expect vol "the mobile number is taken masked" "手机号: 139****5678"
# Another birth date typed is put right from the ID number when it is left again, and said so.
keys vol Tab Tab C-u
type_text vol "2030-01-01"
keys vol BTab BTab BTab
keys vol Tab
expect vol "a birth date the ID number contradicts is put right, saying what was typed" "已按身份证号更正，原填 2030-01-01"
expect vol "from the number" "出生日期: 1956-01-01"
# Typed again and saved at once: put right by the save's check, which stops once to say so.
keys vol Tab Tab C-u
type_text vol "1990-05-05"
keys vol F2
expect vol "a contradicting date typed before F2 stops the save, saying what was typed" "已按身份证号更正，原填 1990-05-05"
expect vol "the date is the number's" "出生日期: 1956-01-01"
db_is "nothing saved yet" "SELECT count(*) FROM volunteer" 0
# Registered on a day not come yet: refused at the field, nothing saved.
keys vol Tab Tab Tab Tab Tab
type_text vol "2099-01-01"
keys vol F2
expect vol "a registration after today is refused" "注册日期晚于今天"
expect vol "the locked number is shown as given, checked with the rest" "志愿者编号: （保存时生成）"
db_is "nothing saved" "SELECT count(*) FROM volunteer" 0
keys vol C-u
keys vol F2
expect vol "saved with its volunteer number, linked" "已关联居民档案"
db_is "the volunteer is linked to the resident, numbered by year and serial" "$VOL" \
    "$(date +%Y)000001|张三丰|F|1956-01-01|张三丰"

# The same ID number again: refused, naming the volunteer who holds it.
keys vol F7
wait_for vol "登记志愿者"
type_text vol "120101195601010127"
keys vol Tab
expect vol "a second registration of one ID number names the volunteer who holds it" \
    "已登记为志愿者 $(date +%Y)000001 张三丰"
keys vol Escape
wait_for vol "放弃"
keys vol y
wait_gone vol "登记志愿者"
# The volunteers' tab offers no keys that do nothing there; the teams' tab retires and shows the retired.
case "$(screen vol | tail -1)" in
*6已停用* | *8停用*) t_fail "the volunteers' key bar offers no F6 or F8, which do nothing there" "$(screen vol | tail -1)" ;;
*) t_ok "the volunteers' key bar offers no F6 or F8, which do nothing there" ;;
esac
# A team, and the volunteer in it.
keys vol Tab
wait_for vol "没有队伍"
case "$(screen vol | tail -1)" in
*6已停用*8停用*) t_ok "the teams' key bar offers F6 and F8" ;;
*) t_fail "the teams' key bar offers F6 and F8" "$(screen vol | tail -1)" ;;
esac
keys vol F7
wait_for vol "新建队伍"
type_text vol "朝阳里志愿服务队"
# Founded on a day not come yet: refused at the field, as a volunteer's registration is.
keys vol Tab Tab Tab Tab Tab
type_text vol "2099-01-01"
keys vol F2
expect vol "a team founded after today is refused" "晚于今天"
db_is "nothing saved" "SELECT count(*) FROM team" 0
keys vol C-u
keys vol F2
wait_for vol "已保存：朝阳里志愿服务队"
keys vol Enter
wait_for vol "还没有队员"
type_text vol "zzz"
expect vol "a search of the members that finds nothing says so, not that there are none" "没有找到"
keys vol C-u
wait_for vol "还没有队员"
keys vol F7
wait_for vol "添加队员"
keys vol Enter
expect vol "a chooser opened with nothing typed says what to type, not that nothing matches" "输入名字、拼音或名字的一部分来查找"
keys vol Escape
wait_gone vol "输入名字、拼音"
type_text vol "zsf"
wait_for vol "张三丰"
keys vol Enter
# Leaving before joining is said beside 离队日期, where it is to be mended, not beside 入队日期.
keys vol Tab Tab
type_text vol "2020-01-01"
keys vol F2
expect vol "a leaving date before the joining is refused" "离队日期早于入队日期"
said_beside "离队日期" "离队日期早于入队日期" "the leaving date"
keys vol C-u
# Joining before they registered as a volunteer: refused, beside 入队日期.
keys vol BTab C-u
type_text vol "2000-01-01"
keys vol F2
expect vol "joining before registering is refused" "入队日期早于该志愿者的注册日期"
said_beside "入队日期" "入队日期早于该志愿者的注册日期" "the joining date"
keys vol C-u
type_text vol "$(date +%Y-%m-%d)"
keys vol F2
expect vol "the member is added" "已保存：张三丰"
db_is "the membership is stored from today" \
    "SELECT v.name, m.joined, m.left_on FROM team_member m JOIN volunteer v ON v.id = m.volunteer_id" \
    "张三丰|$(date +%Y-%m-%d)|"
keys vol Escape
wait_for vol "上级队伍"

# Found by pinyin and by the last digits of the mobile number (past the
# activities tab, back to the volunteers).
keys vol Tab Tab
wait_for vol "139****5678"
type_text vol "zsf"
wait_for vol "共 1 条"
expect vol "found by pinyin" "张三丰"
keys vol C-u
type_text vol "5678"
wait_for vol "共 1 条"
expect vol "found by the mobile number's last digits" "139****5678"
keys vol C-u
type_text vol "$(date +%Y)0000"
wait_for vol "共 1 条"
expect vol "found by the start of the volunteer number" "张三丰"
quits vol "quits cleanly"
t_sanitizers "volunteers"
