# The tmux harness: bangban runs in a real terminal, 80x24, on a private
# tmux server with a pinned environment; tests type as a person would and
# wait for text on the screen. Waiting never sleeps: the screen is read
# again whenever the program writes to its terminal (tmux pipes the pane's
# output to a file, inotifywait wakes on it), and the end of the program
# is a tmux wait-for channel. On failure the screen is printed. A wait that
# times out (wait_for, wait_gone, wait_ended) fails and ends the script; a
# check (expect) fails and goes on. Sourced by every tests/e2e/*.sh after
# tests/lib.sh.

. "$(dirname "$0")/../lib.sh"

# A precondition that fails ends the script (see wait_for). Its report goes
# to fd 9, the script's stdout as it was here, so that it reaches the runner
# even from a wait whose output was redirected or taken by $( ); from such a
# subshell, SIGUSR1 ends the script itself.
exec 9>&1
E2E_SCRIPT="e2e/$(basename "$0")"
trap 'exit 1' USR1

SOCK="bangban-e2e-$$"
WAIT_SECONDS=${BANGBAN_WAIT_SECONDS:-20}
DB="$T/desk.db"

e2e_stop_server() { tmux -L "$SOCK" kill-server 2>/dev/null || true; }
cleanup_hooks="e2e_stop_server"

# start NAME [VAR=VALUE...] -- [ARGS...]: run bangban in window NAME with
# the environment given (LANG=C.UTF-8 unless overridden). What it writes
# to its terminal is copied to $T/NAME.tty. When it ends, its exit status
# goes to $T/NAME.status, `stty -a` of its terminal to $T/NAME.stty, and
# channel NAME-ended is signalled; the window then waits on channel
# NAME-closed, which nothing signals, so its last screen can still be read.
start() {
    name=$1
    shift
    envs="LANG=C.UTF-8"
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        envs="$envs $1"
        shift
    done
    [ "$1" = "--" ] && shift
    rm -f "$T/$name.status" "$T/$name.stty"
    : >"$T/$name.tty"
    # bangban waits for NAME-go, given once its terminal is piped to NAME.tty,
    # so the log holds its very first bytes however busy the machine is.
    cmd="tmux -L '$SOCK' wait-for '$name-go'; env $envs TZ=UTC BANGBAN_LOCALEDIR='$BANGBAN_LOCALEDIR' ASAN_OPTIONS='$ASAN_OPTIONS' UBSAN_OPTIONS='$UBSAN_OPTIONS' $BIN --db '$DB' $*; echo \$? >'$T/$name.status'; stty -a >'$T/$name.stty'; tmux -L '$SOCK' wait-for -S '$name-ended'; tmux -L '$SOCK' wait-for '$name-closed'"
    if tmux -L "$SOCK" has-session 2>/dev/null; then
        tmux -L "$SOCK" new-window -d -n "$name" "$cmd"
    else
        # (9>&-: the tmux server, which lives on, is not to hold the script's stdout)
        env -i PATH="$PATH" HOME="$T" tmux -L "$SOCK" -f /dev/null new-session -d -s main -n "$name" -x 80 -y 24 "$cmd" 9>&-
        tmux -L "$SOCK" set-option -g default-size 80x24 >/dev/null
    fi
    tmux -L "$SOCK" pipe-pane -t "main:$name" "cat >>'$T/$name.tty'"
    tmux -L "$SOCK" wait-for -S "$name-go"
}

# screen NAME: the text on window NAME's screen, trailing blanks removed.
screen() { tmux -L "$SOCK" capture-pane -p -t "main:$1" | sed 's/[[:space:]]*$//'; }

# keys NAME KEY...: tmux key names (Enter, F2, Escape, Tab, BSpace ...).
keys() {
    name=$1
    shift
    tmux -L "$SOCK" send-keys -t "main:$name" "$@"
}

# type NAME TEXT: the exact UTF-8 of TEXT, as an input method sends it.
type_text() { tmux -L "$SOCK" send-keys -t "main:$1" -l "$2"; }

# paste_text NAME TEXT: TEXT pasted, line breaks and all, as a terminal pastes it (bracketed when
# the program asked for that).
paste_text() {
    tmux -L "$SOCK" set-buffer -b paste -- "$2"
    tmux -L "$SOCK" paste-buffer -p -d -b paste -t "main:$1"
}

# bytes NAME HEX...: raw bytes (ff 61 ...).
bytes() {
    name=$1
    shift
    tmux -L "$SOCK" send-keys -t "main:$name" -H "$@"
}

# poll_screen NAME WANT TEXT: until TEXT is on the screen (WANT=shown) or
# has left it (WANT=gone), reading the screen again each time the program
# writes to its terminal. Prints the screen and returns 1 after WAIT_SECONDS.
poll_screen() {
    deadline=$(($(date +%s) + WAIT_SECONDS))
    while :; do
        before=$(stat -c %s "$T/$1.tty")
        if screen "$1" | grep -qF -- "$3"; then [ "$2" = shown ] && return 0; else [ "$2" = gone ] && return 0; fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            echo "# timed out waiting for this to be $2: $3"
            screen "$1" | sed 's/^/# | /'
            return 1
        fi
        # Nothing new since the screen was read: wait for the next output.
        # (The 1-second cap only bounds a write that lands between stat and inotifywait.)
        [ "$(stat -c %s "$T/$1.tty")" = "$before" ] && inotifywait -qq -t 1 -e modify "$T/$1.tty"
    done
}

# wait_for NAME TEXT: until TEXT is on the screen. wait_gone NAME TEXT:
# until it has left. These are preconditions: on a timeout the script ends
# with status 1 after one failure, "not ok - e2e/SCRIPT: waited for "TEXT"",
# and the screen. To check instead of require, use expect (or poll_screen).
wait_for() { poll_screen "$1" shown "$2" >"$T/poll.out" || e2e_abort "waited for \"$2\""; }
wait_gone() { poll_screen "$1" gone "$2" >"$T/poll.out" || e2e_abort "waited for \"$2\" to go"; }

# e2e_abort WHAT: the failure of a precondition, with what poll_screen
# printed ($T/poll.out); ends the script.
e2e_abort() {
    {
        echo "not ok - $E2E_SCRIPT: $1"
        cat "$T/poll.out"
    } >&9
    kill -s USR1 $$
    exit 1
}

# wait_exit NAME: until bangban in NAME has ended; prints its exit status.
wait_exit() {
    if timeout "$WAIT_SECONDS" tmux -L "$SOCK" wait-for "$1-ended"; then cat "$T/$1.status"; else echo "timeout"; fi
}

# wait_ended NAME: wait_exit as a precondition (before t_sanitizers, say):
# ends the script like wait_for when bangban in NAME is still running.
wait_ended() {
    [ "$(wait_exit "$1")" != timeout ] && return 0
    {
        echo "# bangban in $1 still runs after $WAIT_SECONDS s"
        screen "$1" | sed 's/^/# | /'
    } >"$T/poll.out"
    e2e_abort "waited for bangban in $1 to end"
}

# expect NAME CHECK TEXT: an "ok" when TEXT shows up on NAME's screen.
expect() {
    if poll_screen "$1" shown "$3" >"$T/wait.out"; then
        t_ok "$2"
    else
        echo "not ok - $2"
        cat "$T/wait.out"
    fi
}

# A fresh demo database for the test.
demo_db() { demo_at "$DB"; }

# users_as ROLE NAME...: on the test's demo database, each NAME a user of
# ROLE (desk, supervisor, admin ...), bound to the system login NAME, so
# that bangban started with BANGBAN_USER=NAME opens signed in as NAME (a
# system login bound to no user must sign in). Added as the demo's admin
# (login admin): managing users needs its right.
users_as() {
    role=$1
    shift
    for u; do
        env BANGBAN_USER=admin "$BIN" --db "$DB" user add "$u" --role "$role" --os-login "$u" \
            </dev/null >"$T/poll.out" 2>&1 || e2e_abort "the user $u ($role) could not be added"
    done
}

# desk_users NAME...: each NAME a desk clerk (see users_as).
desk_users() { users_as desk "$@"; }

# admin_login NAME: the demo database's admin (login admin) bound to the
# system login NAME: bangban started with BANGBAN_USER=NAME opens signed in
# as the admin, who may change the settings and manage users.
admin_login() {
    env BANGBAN_USER=admin "$BIN" --db "$DB" user bind admin "$1" </dev/null >"$T/poll.out" 2>&1 ||
        e2e_abort "the admin could not be bound to $1"
}

# sign_in NAME LOGIN PASSWORD [VAR=VALUE...]: start bangban in window NAME
# on a system login bound to no user, sign in as LOGIN with PASSWORD and
# wait for the home screen (SHOWS=TEXT sign_in ...: for TEXT instead).
sign_in() {
    name=$1
    login=$2
    password=$3
    shift 3
    start "$name" BANGBAN_USER=someone-unbound "$@"
    wait_for "$name" "请登录"
    type_text "$name" "$login"
    keys "$name" Tab
    type_text "$name" "$password"
    keys "$name" Enter
    wait_for "$name" "${SHOWS:-党群服务中心}"
}

# open_section NAME LABEL SHOWN [VAR=VALUE...]: start bangban, choose the
# section LABEL on the home screen and wait for SHOWN; ends the script (see
# wait_for) when the home screen or SHOWN does not show.
open_section() {
    name=$1
    label=$2
    shown=$3
    shift 3
    start "$name" "$@"
    wait_for "$name" "党群服务中心"
    choose "$name" "$label"
    wait_for "$name" "$shown"
}

# key_of NAME LABEL: the key shown before LABEL on NAME's screen, in a row
# that reads " K  LABEL" (a menu, the home screen's sections) or " K LABEL"
# (a request's actions); LABEL must end there or be followed by a space.
key_of() {
    screen "$1" | awk -v label="$2" '
        {
            line = " " $0 " "
            for (from = 1; (at = index(substr(line, from), label)) > 0; from += at) {
                pos = from + at - 1
                after = substr(line, pos + length(label), 1)
                before = substr(line, 1, pos - 1)
                if (after != " ") continue
                if (match(before, / [0-9A-Za-z]  ?$/)) { print substr(before, RSTART + 1, 1); exit }
            }
        }'
}

# import_confirm WIN: on an import screen, F2 shows what the import would do
# (nothing written yet), F2 again asks, and y imports.
import_confirm() {
    keys "$1" F2
    wait_for "$1" "导入将会做的改动"
    keys "$1" F2
    wait_for "$1" "现在导入"
    keys "$1" y
}

# choose NAME LABEL: press the key of the row that says LABEL (a section of
# the home screen, an entry of a menu or dialog, an action of a request),
# waiting for that row first: LABEL alone elsewhere on the screen (in the
# key bar, say, before the menu is drawn) is not enough. Selects by what a
# person reads, never by position. Ends the script (see wait_for) when no
# row shows a key for LABEL after WAIT_SECONDS.
choose() {
    c_deadline=$(($(date +%s) + WAIT_SECONDS))
    while :; do
        c_before=$(stat -c %s "$T/$1.tty")
        k=$(key_of "$1" "$2")
        [ -n "$k" ] && break
        if [ "$(date +%s)" -ge "$c_deadline" ]; then
            screen "$1" | sed 's/^/# | /' >"$T/poll.out"
            e2e_abort "no key shown for \"$2\""
        fi
        [ "$(stat -c %s "$T/$1.tty")" = "$c_before" ] && inotifywait -qq -t 1 -e modify "$T/$1.tty"
    done
    type_text "$1" "$k"
}

# open_residents / open_areas NAME [VAR=VALUE...]: the sections 居民 and
# 区域与楼宇 (it opens on the buildings).
open_residents() {
    name=$1
    shift
    open_section "$name" "居民" "查找：" "$@"
}
open_areas() {
    name=$1
    shift
    open_section "$name" "区域与楼宇" "编码       名称" "$@"
}

# ended_ok NAME CHECK: an "ok" when bangban in NAME ends with status 0.
ended_ok() {
    status=$(wait_exit "$1")
    if [ "$status" = 0 ]; then t_ok "$2"; else t_fail "$2" "status $status" "$(screen "$1")"; fi
}

# quits NAME CHECK: F10, then an "ok" when bangban in NAME ends with status 0.
quits() {
    keys "$1" F10
    ended_ok "$1" "$2"
}

# quits_unsaved NAME CHECK: F10 on a form with typing, Yes to quitting anyway, then an "ok"
# when bangban ends with status 0.
quits_unsaved() {
    keys "$1" F10
    wait_for "$1" "仍要退出吗"
    keys "$1" y
    ended_ok "$1" "$2"
}

# intake_for NAME PINYIN SHOWN: on the intake form just opened (F7), the
# requester found by PINYIN in the resident search (SHOWN on screen) and
# taken; the focus is then on the service item.
intake_for() {
    keys "$1" Tab
    type_text "$1" "$2"
    wait_for "$1" "$3"
    keys "$1" Enter
    wait_gone "$1" "共 2 项"
    keys "$1" Tab Tab Tab Tab Tab
}

# pid NAME: the process id of bangban in window NAME.
pid_of() {
    shell=$(tmux -L "$SOCK" display-message -p -t "main:$1" '#{pane_pid}')
    pgrep -P "$shell" -f "$(basename "$BIN")" | head -1
}

# demo_with_zsf [MOBILE]: the demo database holding one resident to take
# requests down for, 张三丰 (ID 120101195601010127, mobile MOBILE, by
# default 13900001111).
demo_with_zsf() {
    demo_db
    printf '%s\r\n' "姓名,身份证号,手机号码" "张三丰,120101195601010127,${1:-13900001111}" >"$T/people.csv"
    "$BIN" --db "$DB" import residents "$T/people.csv" >"$T/import.out" 2>&1 ||
        t_fail "the requester is registered" "$(cat "$T/import.out")"
}

# take_down NAME TITLE [RECEIPT]: on the requests screen, F7 takes a
# request down for 张三丰 (found by zsf) for 最低生活保障 (HB001), titled
# TITLE, and F2 saves it; then the receipt offer is answered RECEIPT (by
# default 不要回执; "-": left for the caller).
take_down() {
    keys "$1" F7
    wait_for "$1" "登记诉求：选定服务事项"
    intake_for "$1" "zsf" "张三丰"
    type_text "$1" "zdshbz"
    wait_for "$1" "HB001 最低生活保障申请"
    keys "$1" Enter
    wait_gone "$1" "回车选定"
    keys "$1" Tab Tab Tab Tab Tab Tab Tab
    type_text "$1" "$2"
    keys "$1" F2
    [ "${3:-不要回执}" = - ] || choose "$1" "${3:-不要回执}"
}
