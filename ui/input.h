/*
** input: keys from the terminal. Bytes are read with getch() and decoded
** by our own strict UTF-8 decoder (ncurses' blocking get_wch stops
** returning after one invalid byte). Bytes that are not UTF-8 (a terminal
** left on GBK) are counted, so the screen can warn, and never freeze the
** keyboard: what follows them still arrives.
*/
#ifndef BANGBAN_INPUT_H
#define BANGBAN_INPUT_H

#include <stdint.h>

/* Key codes beyond curses' own (KEY_F(n), KEY_UP, ... are used as they are). */
#define UI_KEY_TAB      0x1001
#define UI_KEY_ESC      0x1002
#define UI_KEY_NEW_LINE 0x1003 /* Alt+Enter or Ctrl+J: a line break in a text of several lines */
#define UI_KEY_CTRL(c)  (0x1100 + ((c)&0x1F)) /* Ctrl-A .. Ctrl-Z */

struct key {
    int code;    /* a curses KEY_* code or UI_KEY_*; 0 when ch is a typed character */
    uint32_t ch; /* the character typed, when code is 0 */
};

/*
** Wait up to timeout_ms (-1: forever) for a key. Returns 1 with *k set,
** 0 on timeout, or -1 when a signal interrupted the wait.
*/
int input_read(struct key *k, int timeout_ms);

/*
** Esc then a digit is an F-key (Esc 1 = F1 ... Esc 0 = F10) when the digit
** comes within ms milliseconds: long enough for a person (the setting
** esc_window_ms, 1000 by default), for terminals that keep F1 and F10 for
** themselves. Esc Esc is Esc at once; Esc alone is Esc when the window
** ends. While it waits, shown (may be NULL) is called to say so.
*/
void input_set_escape(int ms, void (*shown)(void));

/* How many bytes that are not UTF-8 have arrived since the start. */
unsigned long input_bad_bytes(void);

#endif
