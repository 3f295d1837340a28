/*
** term: the terminal's life. Starts curses in raw mode (so Ctrl-S, Ctrl-Q
** and Ctrl-C reach the program), teaches it the F-key sequences of PuTTY
** and the Linux console, sets a short ESCDELAY unless the user set one,
** and makes sure the terminal is restored however the program ends:
** normal exit, die(), any signal that asks it to end (SIGTERM, SIGHUP,
** SIGQUIT ...), or a crash (SIGSEGV, SIGABRT ...).
*/
#ifndef BANGBAN_TERM_H
#define BANGBAN_TERM_H

#include <curses.h>

/*
** Colours and their attributes without colour (NO_COLOR, monochrome
** terminals). Without colour a dialog is plain inside its frame, so its
** selected row (reverse video) stands out; column headers are bold and
** underlined in the terminal's own colour, which reads on light and dark
** backgrounds alike.
*/
#define UI_COLORS(C)                                                                               \
    C(NORMAL, -1, -1, A_NORMAL, A_NORMAL)                                                          \
    C(TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE)                                           \
    C(BAR_KEY, -1, -1, A_NORMAL, A_NORMAL)                                                         \
    C(BAR_LABEL, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)                                     \
    C(SELECTED, COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE)                                      \
    C(HEADER, -1, -1, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE)                                  \
    C(FIELD, COLOR_WHITE, COLOR_BLACK, A_UNDERLINE, A_UNDERLINE)                                   \
    C(ERROR, COLOR_RED, -1, A_BOLD, A_BOLD)                                                        \
    C(WARNING, COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE)                                       \
    C(INFO, COLOR_GREEN, -1, A_NORMAL, A_NORMAL)                                                   \
    C(DIM, -1, -1, A_DIM, A_DIM)                                                                   \
    C(DIALOG, COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL)                                        \
    C(TAB_ON, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE)

enum ui_color {
#define UI_COLOR_ENUM(name, fg, bg, attr, mono) UI_##name,
    UI_COLORS(UI_COLOR_ENUM)
#undef UI_COLOR_ENUM
        UI_COLOR_COUNT
};

/*
** Start full-screen mode on the controlling terminal. Returns 0, or -1
** with *err set (caller frees) when there is no usable terminal; the
** terminal is then left untouched.
*/
int term_start(char **err);

/* Leave full-screen mode and restore the terminal. Safe to call twice. */
void term_stop(void);

/* The attributes to draw with for a colour role. */
attr_t term_attr(enum ui_color c);

/* The terminating signal received (SIGTERM, SIGHUP, SIGINT), or 0. */
int term_signal(void);

/*
** How the terminal answered at term_start() when asked how wide it draws an
** ambiguous character (U+00B7): 2 columns, 1, or 0 when it did not answer.
*/
int term_ambiguous_detected(void);

#endif
