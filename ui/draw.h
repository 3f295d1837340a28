/*
** draw: putting text on the screen by display columns. Everything that
** reaches curses goes through draw_text(), which fits the string to the
** exact width first (src/text.c), so a wide character never straddles a
** border and nothing spills into the next cell or line.
*/
#ifndef BANGBAN_DRAW_H
#define BANGBAN_DRAW_H

#include <curses.h>

/* Draw s at (y, x) in exactly cols columns with attr; flags as text_fit(). */
void draw_text(int y, int x, int cols, const char *s, attr_t attr, unsigned flags);

/* As draw_text() with a printf format. */
void draw_textf(int y, int x, int cols, attr_t attr, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Blank cols columns at (y, x) with attr. */
void draw_fill(int y, int x, int cols, attr_t attr);

/*
** Make room on row y for something drawn over columns x .. x+cols-1 (a
** dialog over a list): a wide character of the row the span's edges would
** cut in half becomes a space, each half. Left halved, curses skips the
** half it keeps while the terminal still counts it, and the rest of the
** row is drawn a column off.
*/
void draw_cut_clean(int y, int x, int cols);

/* Draw s centred in a span of cols columns starting at x. */
void draw_center(int y, int x, int cols, const char *s, attr_t attr);

/*
** Draw text wrapped at cols columns (Chinese breaks between any two
** characters; '\n' breaks too), at most max_rows rows from (y, x).
** Returns the rows used.
*/
int draw_wrapped(int y, int x, int cols, int max_rows, const char *text, attr_t attr);

#endif
