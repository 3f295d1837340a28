/*
** draw: see draw.h.
*/
#include "ui/draw.h"
#include "src/text.h"
#include "src/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <wchar.h>

void draw_text(int y, int x, int cols, const char *s, attr_t attr, unsigned flags)
{
    if (cols <= 0 || y < 0 || y >= LINES || x >= COLS) return;
    if (x + cols > COLS) cols = COLS - x;
    char *fit = text_fit_dup(s, cols, flags);
    attr_t old;
    short pair;
    attr_get(&old, &pair, NULL);
    attrset(attr);
    mvaddstr(y, x, fit);
    attr_set(old, pair, NULL);
    free(fit);
}

void draw_textf(int y, int x, int cols, attr_t attr, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    draw_text(y, x, cols, strbuf_str(&sb), attr, 0);
    strbuf_free(&sb);
}

void draw_fill(int y, int x, int cols, attr_t attr)
{
    draw_text(y, x, cols, "", attr, 0);
}

/* Column c of row y (and c + 1 when it is wide) a space, in the attributes it had. */
static void cell_blank(int y, int c, const cchar_t *had, int width)
{
    wchar_t wc[CCHARW_MAX + 1];
    attr_t attr;
    short pair;
    if (getcchar(had, wc, &attr, &pair, NULL) == ERR) {
        attr = A_NORMAL;
        pair = 0;
    }
    cchar_t space;
    setcchar(&space, L" ", attr, pair, NULL);
    for (int i = 0; i < width && c + i < COLS; i++)
        mvadd_wch(y, c + i, &space);
}

void draw_cut_clean(int y, int x, int cols)
{
    if (y < 0 || y >= LINES || cols <= 0) return;
    int end = x + cols; /* the first column past the span */
    /* The characters are found from the row's start: a wide one's second column holds no start. */
    for (int c = 0; c < COLS && c < end + 1;) {
        cchar_t cell;
        wchar_t wc[CCHARW_MAX + 1];
        attr_t attr;
        short pair;
        int width = 1;
        if (mvin_wch(y, c, &cell) != ERR && getcchar(&cell, wc, &attr, &pair, NULL) != ERR &&
            wc[0] != L'\0') {
            int w = wcwidth(wc[0]);
            if (w > 1) width = w;
        }
        if ((c < x && c + width > x) || (c < end && c + width > end))
            cell_blank(y, c, &cell, width);
        c += width;
    }
}

void draw_center(int y, int x, int cols, const char *s, attr_t attr)
{
    int w = text_width(s);
    if (w > cols) w = cols;
    draw_text(y, x + (cols - w) / 2, w, s, attr, TEXT_FIT_ELLIPSIS);
}

int draw_wrapped(int y, int x, int cols, int max_rows, const char *text, attr_t attr)
{
    int rows = 0;
    while (*text && rows < max_rows) {
        const char *line = text;
        size_t n = text_wrap_line(text, cols, &text);
        char *part = xstrndup(line, n);
        draw_text(y + rows, x, cols, part, attr, 0);
        free(part);
        rows++;
    }
    return rows;
}
