# However bangban is ended, the terminal is left sane: SIGTERM, SIGHUP
# (an SSH drop), SIGQUIT (Ctrl-\ sent by kill: the tty is raw) and SIGUSR1
# end it in an orderly way, SIGABRT and SIGSEGV (a crash) restore the
# terminal from the signal handler. `stty -a` of the same terminal after
# exit must show canonical mode and echo again.
. "$(dirname "$0")/lib.sh"

demo_db
for sig in TERM HUP ABRT QUIT USR1 SEGV; do
    open_areas "s$sig"
    type_text "s$sig" "hp"
    wait_for "s$sig" "共 2 条"
    pid=$(pid_of "s$sig")
    if [ -z "$pid" ]; then
        t_fail "SIG$sig: bangban is running" "$(screen "s$sig")"
        continue
    fi
    kill -s "$sig" "$pid"
    status=$(wait_exit "s$sig")
    case "$sig" in
    TERM) want=143 ;;
    HUP) want=129 ;;
    ABRT) want=134 ;;
    QUIT) want=131 ;;
    USR1) want=138 ;;
    SEGV) want=139 ;;
    esac
    [ "$status" = "$want" ] && t_ok "SIG$sig ends bangban (status $want)" || t_fail "SIG$sig ends bangban (status $want)" "status $status"
    if grep -q -- " icanon" "$T/s$sig.stty" && grep -q -- " echo " "$T/s$sig.stty" && ! grep -q -- "-icanon\|-echo " "$T/s$sig.stty"; then
        t_ok "SIG$sig leaves the terminal restored"
    else
        t_fail "SIG$sig leaves the terminal restored" "$(cat "$T/s$sig.stty")"
    fi
done
t_sanitizers "signal"
