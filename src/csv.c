/*
** csv: see csv.h.
*/
#include "csv.h"

#include <stdlib.h>
#include <string.h>

/*
** Where a reader of a record is: inside a quoted field, or at the start of
** a field (only there does a quote open one, as Excel and LibreOffice
** read it: 3"宽 is three characters and a quote).
*/
struct scan {
    int quoted, at_start;
    size_t opened; /* where the quoted field began */
};

static int scan_delim(char c, char delim)
{
    return delim ? c == delim : c == ',' || c == '\t';
}

/* Move s past buf[*i] (and past a doubled quote's second half). */
static void scan_byte(struct scan *s, const char *buf, size_t n, size_t *i, char delim)
{
    char c = buf[*i];
    if (s->quoted) {
        if (c == '"' && *i + 1 < n && buf[*i + 1] == '"')
            (*i)++; /* a doubled quote stands for one */
        else if (c == '"')
            s->quoted = 0;
        return;
    }
    if (c == '"' && s->at_start) {
        s->quoted = 1;
        s->opened = *i;
    }
    s->at_start = !s->quoted && scan_delim(c, delim);
}

size_t csv_record(const char *buf, size_t n, char delim, size_t *next, int *lines, size_t *unclosed)
{
    struct scan s = {0, 1, 0};
    *lines = 1;
    *unclosed = 0;
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '\n' && !s.quoted) {
            *next = i + 1;
            return i > 0 && buf[i - 1] == '\r' ? i - 1 : i;
        }
        if (buf[i] == '\n') (*lines)++;
        scan_byte(&s, buf, n, &i, delim);
    }
    *next = n;
    if (s.quoted) *unclosed = s.opened + 1;
    return n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
}

size_t csv_column_delim(const char *rec, size_t n, char delim, int col)
{
    struct scan s = {0, 1, 0};
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        if (!s.quoted && scan_delim(rec[i], delim) && ++c == col) return i;
        scan_byte(&s, rec, n, &i, delim);
    }
    return n;
}

int csv_column_at(const char *rec, size_t offset, char delim)
{
    struct scan s = {0, 1, 0};
    int col = 0;
    for (size_t i = 0; i < offset; i++) {
        if (!s.quoted && scan_delim(rec[i], delim)) col++;
        scan_byte(&s, rec, offset, &i, delim);
    }
    return col;
}

void csv_cells_clear(struct csv_cells *c)
{
    c->n = 0;
    strbuf_reset(&c->text);
}

void csv_cells_free(struct csv_cells *c)
{
    free(c->v);
    free(c->at);
    strbuf_free(&c->text);
    memset(c, 0, sizeof *c);
}

/* Start a field at the end of c's text. */
static void cell_begin(struct csv_cells *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->v = xrealloc(c->v, c->cap * sizeof *c->v);
        c->at = xrealloc(c->at, c->cap * sizeof *c->at);
    }
    c->at[c->n] = c->text.len;
}

/* End the field begun last. */
static void cell_end(struct csv_cells *c)
{
    strbuf_addc(&c->text, '\0');
    c->n++;
}

/* Point the fields into the text, where it is now. */
static void cells_point(struct csv_cells *c)
{
    for (size_t i = 0; i < c->n; i++)
        c->v[i] = c->text.buf + c->at[i];
}

void csv_cells_add(struct csv_cells *c, const char *s, size_t n)
{
    const char *was = c->text.buf;
    cell_begin(c);
    strbuf_add(&c->text, s, n);
    cell_end(c);
    /* All pointed again only when the text moved: a row of many cells stays linear. */
    if (c->text.buf != was)
        cells_point(c);
    else
        c->v[c->n - 1] = c->text.buf + c->at[c->n - 1];
}

void csv_cells_split(const char *rec, size_t n, char delim, struct csv_cells *out)
{
    size_t i = 0;
    csv_cells_clear(out);
    if (!rec) rec = ""; /* an empty record decoded into an empty buffer */
    for (;;) {
        cell_begin(out);
        if (i < n && rec[i] == '"') {
            i++;
            for (;;) {
                const char *q = memchr(rec + i, '"', n - i);
                size_t span = q ? (size_t)(q - (rec + i)) : n - i;
                strbuf_add(&out->text, rec + i, span);
                i += span;
                if (!q) break;
                if (i + 1 < n && rec[i + 1] == '"') {
                    strbuf_addc(&out->text, '"');
                    i += 2;
                    continue;
                }
                i++; /* the closing quote */
                break;
            }
        }
        const char *d = memchr(rec + i, delim, n - i);
        size_t span = d ? (size_t)(d - (rec + i)) : n - i;
        strbuf_add(&out->text, rec + i, span);
        i += span;
        cell_end(out);
        if (i >= n) break;
        i++; /* the delimiter */
    }
    cells_point(out);
}

void csv_split(const char *rec, size_t n, char delim, struct strlist *out)
{
    struct csv_cells cells = CSV_CELLS_INIT;
    csv_cells_split(rec, n, delim, &cells);
    strlist_clear(out);
    for (size_t i = 0; i < cells.n; i++)
        strlist_add(out, cells.v[i]);
    csv_cells_free(&cells);
}

char csv_guess_delim(const char *header, size_t n)
{
    size_t tabs = 0, commas = 0;
    for (size_t i = 0; i < n; i++) {
        tabs += header[i] == '\t';
        commas += header[i] == ',';
    }
    return tabs > commas ? '\t' : ',';
}

int csv_formula_risk(const char *field)
{
    return field[0] && strchr("=+-@\t\r", field[0]) != NULL;
}

int csv_guarded(const char *field)
{
    /* 'x guarded x; ''x guarded 'x, itself guarded: the first that is not a ' decides. */
    size_t n = strspn(field, "'");
    return n > 0 && csv_formula_risk(field + n);
}

void csv_put(struct strbuf *out, const char *field, int first, unsigned flags)
{
    if (!first) strbuf_addc(out, ',');
    int guard = csv_formula_risk(field) || csv_guarded(field);
    int text = (flags & CSV_TEXT) && field[0] >= '0' && field[0] <= '9';
    int quote = strpbrk(field, ",\"\r\n") != NULL;
    if (quote) strbuf_addc(out, '"');
    if (guard) strbuf_addc(out, '\'');
    if (text) strbuf_addc(out, '\t');
    for (const char *p = field; *p; p++) {
        if (*p == '"') strbuf_addc(out, '"');
        strbuf_addc(out, *p);
    }
    if (quote) strbuf_addc(out, '"');
}

void csv_end_row(struct strbuf *out)
{
    strbuf_adds(out, "\r\n");
}
