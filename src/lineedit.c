/*
** lineedit: see lineedit.h.
*/
#include "lineedit.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void lineedit_init(struct lineedit *le, size_t max)
{
    memset(le, 0, sizeof *le);
    le->max = max;
}

void lineedit_free(struct lineedit *le)
{
    free(le->cps);
    lineedit_init(le, le->max);
}

int lineedit_empty(const struct lineedit *le)
{
    return le->len == 0;
}

int lineedit_insert(struct lineedit *le, uint32_t cp)
{
    if (text_cp_width(cp) < 0) {
        le->unfit++;
        return 0;
    }
    if (le->max && le->len >= le->max) {
        le->over++;
        return 0;
    }
    if (le->len == le->cap) {
        le->cap = le->cap ? le->cap * 2 : 16;
        le->cps = xrealloc(le->cps, le->cap * sizeof *le->cps);
    }
    memmove(le->cps + le->cursor + 1, le->cps + le->cursor,
            (le->len - le->cursor) * sizeof *le->cps);
    le->cps[le->cursor++] = cp;
    le->len++;
    return 1;
}

size_t lineedit_insert_text(struct lineedit *le, const char *utf8)
{
    size_t n = strlen(utf8), i = 0, refused = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(utf8 + i, n - i, &cp);
        if (len < 0) {
            refused++;
            i++;
            continue;
        }
        if (!lineedit_insert(le, cp)) refused++;
        i += (size_t)len;
    }
    return refused;
}

void lineedit_set(struct lineedit *le, const char *utf8)
{
    le->len = le->cursor = le->scroll = 0;
    lineedit_insert_text(le, utf8 ? utf8 : "");
    le->over = le->unfit = 0;
}

char *lineedit_text(const struct lineedit *le)
{
    return lineedit_text_range(le, 0, le->len);
}

char *lineedit_text_range(const struct lineedit *le, size_t first, size_t count)
{
    struct strbuf sb = STRBUF_INIT;
    size_t end = first + count < le->len ? first + count : le->len;
    for (size_t i = first; i < end; i++) {
        char enc[4];
        strbuf_add(&sb, enc, (size_t)utf8_encode(le->cps[i], enc));
    }
    return strbuf_detach(&sb);
}

int lineedit_backspace(struct lineedit *le)
{
    if (le->cursor == 0) return 0;
    le->cursor--;
    return lineedit_delete(le);
}

int lineedit_delete(struct lineedit *le)
{
    if (le->cursor >= le->len) return 0;
    memmove(le->cps + le->cursor, le->cps + le->cursor + 1,
            (le->len - le->cursor - 1) * sizeof *le->cps);
    le->len--;
    return 1;
}

int lineedit_left(struct lineedit *le)
{
    if (le->cursor == 0) return 0;
    le->cursor--;
    return 1;
}

int lineedit_right(struct lineedit *le)
{
    if (le->cursor >= le->len) return 0;
    le->cursor++;
    return 1;
}

int lineedit_home(struct lineedit *le)
{
    if (le->cursor == 0) return 0;
    le->cursor = 0;
    return 1;
}

int lineedit_end(struct lineedit *le)
{
    if (le->cursor == le->len) return 0;
    le->cursor = le->len;
    return 1;
}

int lineedit_kill_end(struct lineedit *le)
{
    if (le->cursor == le->len) return 0;
    le->len = le->cursor;
    return 1;
}

int lineedit_clear(struct lineedit *le)
{
    if (le->len == 0) return 0;
    le->len = le->cursor = le->scroll = 0;
    return 1;
}

static int cp_cols(uint32_t cp)
{
    int w = text_cp_width(cp);
    return w < 0 ? 1 : w;
}

void lineedit_view(struct lineedit *le, int width, size_t *first, size_t *count, int *cursor_col)
{
    if (width < 2) width = 2;
    if (le->scroll > le->cursor) le->scroll = le->cursor;
    /* The cursor cell needs the width of the character under it (1 at the end). */
    for (;;) {
        int cols = 0;
        for (size_t i = le->scroll; i < le->cursor; i++)
            cols += cp_cols(le->cps[i]);
        int under = le->cursor < le->len ? cp_cols(le->cps[le->cursor]) : 1;
        if (under == 0) under = 1;
        if (cols + under <= width || le->scroll == le->cursor) {
            *cursor_col = cols;
            break;
        }
        le->scroll++;
    }
    int cols = 0;
    size_t i = le->scroll;
    while (i < le->len && cols + cp_cols(le->cps[i]) <= width) {
        cols += cp_cols(le->cps[i]);
        i++;
    }
    *first = le->scroll;
    *count = i - le->scroll;
}
