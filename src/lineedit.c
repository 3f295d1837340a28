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
    if (le->hidden && le->cps) explicit_bzero(le->cps, le->cap * sizeof *le->cps);
    int hidden = le->hidden, digits = le->digits;
    free(le->cps);
    lineedit_init(le, le->max);
    le->hidden = hidden;
    le->digits = digits;
}

int lineedit_empty(const struct lineedit *le)
{
    return le->len == 0;
}

/* True when cp is a digit, ASCII or full-width. */
static int cp_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

int lineedit_insert(struct lineedit *le, uint32_t cp)
{
    if (text_cp_width(cp) < 0 && !(cp == '\n' && le->lines)) {
        le->unfit++;
        return 0;
    }
    if (le->digits && !cp_digit(cp)) {
        le->nondigit++;
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
    le->len = le->cursor = le->scroll = le->top_row = 0;
    lineedit_insert_text(le, utf8 ? utf8 : "");
    le->over = le->unfit = le->nondigit = 0;
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
    le->len = le->cursor = le->scroll = le->top_row = 0;
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

void lineedit_allow_lines(struct lineedit *le)
{
    le->lines = 1;
}

void lineedit_digits_only(struct lineedit *le)
{
    le->digits = 1;
}

static void rows_add(struct lineedit_rows *rows, size_t start)
{
    if (rows->n == rows->cap) {
        rows->cap = rows->cap ? rows->cap * 2 : 8;
        rows->start = xrealloc(rows->start, rows->cap * sizeof *rows->start);
    }
    rows->start[rows->n++] = start;
}

/* Where row r ends: the character after its last (len for the last row). */
static size_t row_end(const struct lineedit *le, const struct lineedit_rows *rows, size_t r)
{
    return r + 1 < rows->n ? rows->start[r + 1] : le->len;
}

/* Columns characters first .. end-1 take (a line feed takes none). */
static int span_cols(const struct lineedit *le, size_t first, size_t end)
{
    int cols = 0;
    for (size_t i = first; i < end; i++)
        if (le->cps[i] != '\n') cols += cp_cols(le->cps[i]);
    return cols;
}

void lineedit_rows_layout(const struct lineedit *le, int width, struct lineedit_rows *rows)
{
    if (width < 2) width = 2;
    rows->n = 0;
    rows->width = width;
    rows_add(rows, 0);
    /* The text as UTF-8, and the byte each character starts at, to map text_wrap_line's breaks. */
    struct strbuf sb = STRBUF_INIT;
    size_t *at = xcalloc(le->len + 1, sizeof *at);
    for (size_t i = 0; i < le->len; i++) {
        char enc[4];
        at[i] = sb.len;
        strbuf_add(&sb, enc, (size_t)utf8_encode(le->cps[i], enc));
    }
    at[le->len] = sb.len;
    const char *s = strbuf_str(&sb), *p = s;
    size_t ci = 0;
    while (*p) {
        const char *next;
        text_wrap_line(p, width, &next);
        if (!*next) break;
        while (ci < le->len && at[ci] < (size_t)(next - s))
            ci++;
        rows_add(rows, ci);
        p = next;
    }
    free(at);
    strbuf_free(&sb);
    /* A last line feed, or a full last row, leaves an empty row where typing goes on. */
    size_t last = rows->start[rows->n - 1];
    if (le->len && (le->cps[le->len - 1] == '\n' || span_cols(le, last, le->len) >= width))
        rows_add(rows, le->len);
}

void lineedit_rows_free(struct lineedit_rows *rows)
{
    free(rows->start);
    memset(rows, 0, sizeof *rows);
}

size_t lineedit_rows_find(const struct lineedit_rows *rows, size_t pos)
{
    size_t lo = 0, hi = rows->n; /* the last row starting at or before pos */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (rows->start[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int lineedit_rows_col(const struct lineedit *le, const struct lineedit_rows *rows, size_t pos)
{
    return span_cols(le, rows->start[lineedit_rows_find(rows, pos)], pos);
}

void lineedit_rows_span(const struct lineedit *le, const struct lineedit_rows *rows, size_t r,
                        size_t *first, size_t *count)
{
    size_t end = row_end(le, rows, r);
    if (end > rows->start[r] && le->cps[end - 1] == '\n') end--;
    *first = rows->start[r];
    *count = end - *first;
}

/* The last place the cursor may stand in row r: before its line feed, or before the next row. */
static size_t row_limit(const struct lineedit *le, const struct lineedit_rows *rows, size_t r)
{
    size_t end = row_end(le, rows, r);
    if (r + 1 == rows->n) return end;
    return end > rows->start[r] ? end - 1 : end;
}

int lineedit_rows_move(struct lineedit *le, const struct lineedit_rows *rows, int delta)
{
    size_t r = lineedit_rows_find(rows, le->cursor);
    if ((delta < 0 && r == 0) || (delta > 0 && r + 1 >= rows->n)) return 0;
    int col = lineedit_rows_col(le, rows, le->cursor), c = 0;
    size_t t = delta < 0 ? r - 1 : r + 1;
    size_t pos = rows->start[t], limit = row_limit(le, rows, t);
    while (pos < limit && c + cp_cols(le->cps[pos]) <= col)
        c += cp_cols(le->cps[pos++]);
    le->cursor = pos;
    return 1;
}

int lineedit_rows_edge(struct lineedit *le, const struct lineedit_rows *rows, int end)
{
    size_t r = lineedit_rows_find(rows, le->cursor);
    size_t to = end ? row_limit(le, rows, r) : rows->start[r];
    if (to == le->cursor) return 0;
    le->cursor = to;
    return 1;
}

size_t lineedit_rows_view(struct lineedit *le, const struct lineedit_rows *rows, int height)
{
    size_t r = lineedit_rows_find(rows, le->cursor), h = height > 0 ? (size_t)height : 1;
    if (le->top_row > r) le->top_row = r;
    if (r >= le->top_row + h) le->top_row = r - h + 1;
    if (le->top_row + h > rows->n) le->top_row = rows->n > h ? rows->n - h : 0;
    return r;
}
