/*
** termwidth: how many columns the terminal gives characters of East-Asian
** ambiguous width (Unicode EastAsianWidth=A: the middle dot of 买买提·艾力,
** Greek and Cyrillic letters, ① ○ ...). Most terminals draw them in one
** column; PuTTY's "Treat CJK ambiguous characters as wide" and xterm
** -cjk_width draw them in two. text_cp_width() and curses (through this
** module's wcwidth()) count them as the terminal draws them, so rows line
** up either way. The setting ambiguous_wide says which, or asks the
** terminal (termwidth_probe()).
*/
#ifndef BANGBAN_TERMWIDTH_H
#define BANGBAN_TERMWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* True when cp is of East-Asian ambiguous width (ICU's UCHAR_EAST_ASIAN_WIDTH). */
int termwidth_ambiguous(uint32_t cp);

/* Count ambiguous characters as 2 columns (wide != 0) or 1 (the default), from now on. */
void termwidth_set_wide(int wide);

/* True while ambiguous characters count as 2 columns. */
int termwidth_wide(void);

/*
** The column (1-based) of a cursor position report, ESC [ row ; col R, in
** answer[0..n) (bytes before it are skipped: keys typed meanwhile); -1 when
** it holds none.
*/
int termwidth_cpr_column(const char *answer, size_t n);

/*
** Ask the terminal on out_fd (answering on in_fd, both the same tty, put in
** raw mode meanwhile) how wide it draws U+00B7: a carriage return, the dot,
** then a cursor position request; the line is cleared after. Waits at most
** timeout_ms for the answer. Returns 2 when the dot took two columns, 1
** when it took one, 0 when the terminal did not answer (or fds are not a
** tty).
*/
int termwidth_probe(int in_fd, int out_fd, int timeout_ms);

#endif
