/*
** term: see term.h.
*/
#include "ui/term.h"
#include "src/i18n.h"
#include "src/termwidth.h"
#include "src/util.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_tty;
static int have_saved_tty;
static int active;
static SCREEN *screen;
static volatile sig_atomic_t pending_signal;
static attr_t attrs[UI_COLOR_COUNT];
static int ambiguous_detected; /* termwidth_probe()'s answer at start */

/* F-keys as PuTTY (ESC [11~ ...) and the Linux console (ESC [[A ...) send them. */
static const struct {
    const char *seq;
    int fkey;
} extra_fkeys[] = {
    {"\033[11~", 1}, {"\033[12~", 2}, {"\033[13~", 3}, {"\033[14~", 4}, {"\033[[A", 1},
    {"\033[[B", 2},  {"\033[[C", 3},  {"\033[[D", 4},  {"\033[[E", 5},
};

/* What a crash handler writes: attributes off, cursor on, leave the alternate screen. */
static const char reset_seq[] = "\033[0m\033[?25h\033[?1049l\r\n";

/* Async-signal-safe: put the tty back, say so, and die of the same signal. */
static void on_crash(int sig)
{
    if (have_saved_tty) tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
    if (active) {
        ssize_t unused = write(STDOUT_FILENO, reset_seq, sizeof reset_seq - 1);
        (void)unused;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/*
** A request to end: the main loop sees it, saves nothing half-done and
** ends with 128 + sig. A second one while the first is still pending (the
** program is busy and has not looked) restores the terminal and ends now.
*/
static void on_terminate(int sig)
{
    if (pending_signal) on_crash(sig);
    pending_signal = sig;
}

/*
** Every signal whose default ends the process, in two groups: those that
** ask it to end (a kill, a hang-up, Ctrl-\ sent by kill since the tty is
** raw, a CPU or file size limit ...), and those that mean it has crashed.
** Either way the terminal is put back first; `stty sane` is never needed.
*/
static const int terminate_signals[] = {SIGTERM, SIGHUP,    SIGINT,  SIGQUIT, SIGUSR1, SIGUSR2,
                                        SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGPOLL};
static const int crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS};

static void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_terminate; /* no SA_RESTART: a blocked getch() returns */
    for (size_t i = 0; i < ARRAY_LEN(terminate_signals); i++)
        sigaction(terminate_signals[i], &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < ARRAY_LEN(crash_signals); i++)
        sigaction(crash_signals[i], &sa, NULL);
    /* A printer's pipe that closes early is an error to report, not a reason to die. */
    signal(SIGPIPE, SIG_IGN);
}

static void colors_init(void)
{
    static const struct {
        short fg, bg;
        attr_t attr, mono;
    } spec[] = {
#define UI_COLOR_SPEC(name, fg, bg, attr, mono) {fg, bg, attr, mono},
        UI_COLORS(UI_COLOR_SPEC)
#undef UI_COLOR_SPEC
    };
    int color = has_colors() && getenv("NO_COLOR") == NULL;
    if (color) {
        start_color();
        use_default_colors();
    }
    for (int i = 0; i < UI_COLOR_COUNT; i++) {
        if (!color) {
            attrs[i] = spec[i].mono;
            continue;
        }
        init_pair((short)(i + 1), spec[i].fg, spec[i].bg);
        attrs[i] = COLOR_PAIR(i + 1) | spec[i].attr;
    }
}

/*
** Ask the terminal to mark what is pasted (bracketed paste), or to stop:
** input.c reads a paste's line breaks as text. A terminal without it
** ignores the request.
*/
static void paste_marked(int on)
{
    fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
    fflush(stdout);
}

static void term_die_hook(void)
{
    term_stop();
}

int term_start(char **err)
{
    const char *term = getenv("TERM");
    *err = NULL;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        *err = xstrdup(_("the full-screen program needs a terminal; see bangban --help for "
                         "commands that run without one"));
        return -1;
    }
    if (str_empty(term) || str_eq(term, "dumb")) {
        *err = xasprintf(_("the terminal type \"%s\" cannot show a full screen; set TERM "
                           "(for example TERM=xterm-256color)"),
                         term ? term : "");
        return -1;
    }
    if (tcgetattr(STDIN_FILENO, &saved_tty) == 0) have_saved_tty = 1;
    signals_install();
    if (!getenv("ESCDELAY")) set_escdelay(25);
    /* How the terminal draws ambiguous characters, asked before curses owns it. */
    fflush(stdout);
    ambiguous_detected = termwidth_probe(STDIN_FILENO, STDOUT_FILENO, 100);
    screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        *err = xasprintf(_("the terminal type \"%s\" is unknown"), term);
        return -1;
    }
    active = 1;
    util_die_hook = term_die_hook;
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    meta(stdscr, TRUE);
    for (size_t i = 0; i < ARRAY_LEN(extra_fkeys); i++)
        define_key(extra_fkeys[i].seq, KEY_F(extra_fkeys[i].fkey));
    colors_init();
    curs_set(0);
    paste_marked(1);
    return 0;
}

void term_stop(void)
{
    if (!active) return;
    active = 0;
    util_die_hook = NULL;
    paste_marked(0);
    curs_set(1);
    endwin();
    delscreen(screen);
    screen = NULL;
    if (have_saved_tty) tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
}

attr_t term_attr(enum ui_color c)
{
    return attrs[c];
}

int term_ambiguous_detected(void)
{
    return ambiguous_detected;
}

int term_signal(void)
{
    return pending_signal;
}
