# Golden screens: the main screens at 80x24, each compared whole, as text,
# with tests/golden/NAME.txt, so that a change of layout fails here. The
# screens show the demo district (`bangban demo --residents 300 --requests
# 400 --years 1`) at a pinned clock (BANGBAN_NOW) and login (BANGBAN_USER);
# the temporary directory in the database path on the home screen is
# written $TMP. Colours and attributes are not compared.
#
# To refresh after an intended change of layout or of the demo data:
#   BANGBAN_GOLDEN_UPDATE=1 BANGBAN_BIN=build/asan/bangban \
#     BANGBAN_LOCALEDIR=build/locale sh tests/e2e/golden.sh
# writes the screens into tests/golden/ instead of comparing them; review
# them with `git diff tests/golden` (see tests/golden/README).
. "$(dirname "$0")/lib.sh"

GOLDEN_DIR="$TOP/tests/golden"
UPDATE=${BANGBAN_GOLDEN_UPDATE:-}
NOW=2026-03-02T09:30

[ "$UPDATE" = 1 ] && echo "# BANGBAN_GOLDEN_UPDATE=1: writing the screens into tests/golden/ instead of comparing them"

# golden_screen WINDOW: the screen, with $T written $TMP.
golden_screen() { screen "$1" | sed "s|$T|\$TMP|g"; }

# golden_capture WINDOW [FILE]: the screen into $T/golden.got once it has
# settled: taken again each time the program writes, until FILE (when
# given) matches it or a second passes with no output. Never slower than
# the program when the screen is as expected.
golden_capture() {
    g_tty="$T/$1.tty"
    g_deadline=$(($(date +%s) + WAIT_SECONDS))
    while :; do
        g_before=$(stat -c %s "$g_tty")
        golden_screen "$1" >"$T/golden.got"
        [ -n "${2:-}" ] && cmp -s "$2" "$T/golden.got" && return 0
        [ "$(date +%s)" -ge "$g_deadline" ] && return 1
        if [ "$(stat -c %s "$g_tty")" = "$g_before" ]; then
            inotifywait -qq -t 1 -e modify "$g_tty"
            [ "$(stat -c %s "$g_tty")" = "$g_before" ] && return 1
        fi
    done
}

# golden NAME WINDOW MARKER...: once every MARKER is on WINDOW's screen,
# one check line: the screen is tests/golden/NAME.txt (or, when updating,
# is written there). Returns 1 when a marker never showed.
golden() {
    g_name=$1
    g_win=$2
    shift 2
    for g_marker in "$@"; do
        if ! poll_screen "$g_win" shown "$g_marker" >"$T/golden.wait"; then
            t_fail "golden: $g_name" "$(cat "$T/golden.wait")"
            return 1
        fi
    done
    g_file="$GOLDEN_DIR/$g_name.txt"
    if [ "$UPDATE" = 1 ]; then
        golden_capture "$g_win"
        mkdir -p "$GOLDEN_DIR"
        cp "$T/golden.got" "$g_file"
        t_ok "golden: $g_name (written to tests/golden/$g_name.txt)"
    elif [ ! -f "$g_file" ]; then
        golden_capture "$g_win"
        t_fail "golden: $g_name" "no tests/golden/$g_name.txt: run with BANGBAN_GOLDEN_UPDATE=1 to write it" \
            "$(sed 's/^/| /' "$T/golden.got")"
    elif golden_capture "$g_win" "$g_file"; then
        t_ok "golden: $g_name"
    else
        diff -u --label "tests/golden/$g_name.txt" --label "screen" "$g_file" "$T/golden.got" >"$T/golden.diff"
        t_fail "golden: $g_name" "$(cat "$T/golden.diff")"
    fi
    return 0
}

# section WINDOW LABEL: bangban started in WINDOW at the pinned clock, the
# section LABEL chosen (by the key shown before it, see key_of) once the
# home screen is whole. Returns 1 (printing the screen as a failure) when
# the home screen does not show or shows no key for LABEL.
section() {
    start "$1" "BANGBAN_NOW=$NOW" BANGBAN_USER=desk1
    if ! poll_screen "$1" shown "10退出" >"$T/golden.wait" || ! poll_screen "$1" shown "前台工作台" >"$T/golden.wait" ||
        ! poll_screen "$1" shown "$2" >"$T/golden.wait"; then
        t_fail "golden: bangban starts in $1" "$(cat "$T/golden.wait")"
        return 1
    fi
    g_key=$(key_of "$1" "$2")
    if [ -z "$g_key" ]; then
        t_fail "golden: the home screen shows a key for $2" "$(screen "$1" | sed 's/^/| /')"
        return 1
    fi
    type_text "$1" "$g_key"
}

# done_with WINDOW: F10; a failure only when bangban does not end with status 0.
done_with() {
    keys "$1" F10
    g_status=$(wait_exit "$1")
    [ "$g_status" = 0 ] || t_fail "golden: bangban in $1 quits with status 0" "status $g_status" "$(screen "$1")"
}

env BANGBAN_NOW="$NOW" BANGBAN_USER=desk1 "$BIN" --db "$DB" demo --residents 300 --requests 400 --years 1 >"$T/demo.out" 2>&1 ||
    t_fail "golden: the demo database is made" "$(cat "$T/demo.out")"

# The home screen and help.
start home "BANGBAN_NOW=$NOW" BANGBAN_USER=desk1
golden home home "前台工作台" "数据库：" "F10 退出。" "10退出" &&
    keys home F1 &&
    golden help home "显示按键及其作用" "返回；取消；清空查找栏"
done_with home

# 居民: the list, a record, the form for a new resident.
section residents "居民" &&
    golden residents residents "共 300 条" "最近登记：" "4编辑" &&
    keys residents Enter &&
    golden resident residents "号码已遮蔽" "第 1 版" "4编辑" &&
    keys residents Escape &&
    wait_for residents "最近登记：" &&
    keys residents F7 &&
    golden resident-new residents "登记新居民" "F9 显示号码" "2保存"
done_with residents

# 诉求: the first queue (the open work), 办理中, 全部, and one request's life.
section requests "诉求" &&
    golden requests-first requests "共 16 条  按期限" "2026-000048" "4编辑" &&
    keys requests Tab Tab Tab &&
    golden requests-working requests "共 12 条  按期限" "2026-000045" &&
    keys requests BTab BTab BTab BTab &&
    golden requests-all requests "共 400 条  最新在前" "7新建" &&
    type_text requests "2026-000054" &&
    wait_for requests "共 1 条  最新在前" &&
    keys requests Enter &&
    golden request-timeline requests "2026-000054  已办结" "办理经过（8）" "回访，办结" "9菜单" &&
    keys requests x &&
    golden request-full-text requests "诉求 2026-000054 全文" "第 1-20 行，共 " "首次联系诉求人"
done_with requests

# 服务清单, which a desk clerk reads: the items, the units, a unit's form, read only.
section catalogue "服务清单" &&
    golden catalogue-items catalogue "共 176 条" "HB018" "9菜单" &&
    keys catalogue Tab &&
    golden catalogue-units catalogue "共 29 条" "U18" &&
    keys catalogue Enter &&
    golden catalogue-unit-edit catalogue "查看责任单位" "022-23303512" "只读："
done_with catalogue

# 和平夜话 and 三率.
section talks "和平夜话" &&
    golden talks talks "共 29 场" "F7：新建一场" "10退出"
done_with talks
section rates "三率" &&
    golden rates rates "受理的诉求" "直接答复率" "9菜单" &&
    keys rates Tab &&
    golden rates-chart rates "[1/" "受理量" "9菜单" &&
    keys rates F9 &&
    choose rates "按街道" &&
    golden rates-street-chart rates "三率（按街道）" "[1/" "受理量" &&
    keys rates Tab &&
    golden rates-street rates "三率（按街道）" "所属街道" "直接答复率" &&
    keys rates F9 &&
    choose rates "任选起止日期..." &&
    golden rates-period rates "任选时段的三率" "最后一天（含这一天）："
keys rates Escape
done_with rates

# 区域与楼宇, which a desk clerk reads: buildings (where it opens, the selected one's 楼长 and
# 楼宇指导员 under them, its property company below), streets (past the organisations), a
# street's form.
section areas "区域与楼宇" &&
    golden areas-buildings areas "共 67 条" "B206" "楼宇指导员" "物业 天津" &&
    keys areas Tab Tab &&
    golden areas-streets areas "共 6 条" "南市街道" &&
    keys areas Enter &&
    golden area-edit areas "查看街道" "只读：" "10退出"
done_with areas

t_sanitizers "golden"
