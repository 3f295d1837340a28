/*
** draw: see draw.h.
*/
#include "ui/draw.h"
#include "src/text.h"
#include "src/util.h"

#include <stdarg.h>
#include <stdlib.h>

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
