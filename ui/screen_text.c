/*
** screen_text: a long text read in full: headed sections (标题, 内容,
** 答复, each event of a timeline ...), each wrapped to the screen's width
** as it is printed, scrolled with Up / Down / PgUp / PgDn / Home / End.
** The last row says which rows are shown of how many. Esc goes back.
*/
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <stdlib.h>
#include <string.h>

struct section {
    char *heading; /* may be "" */
    char *body;
};

struct text_screen {
    struct screen base;
    char *title;
    struct section *v;
    size_t n;
    int top;  /* first row shown */
    int page; /* rows shown at the last draw */
};

/* One laid-out row: a heading, or a piece of a body. */
struct row {
    const char *text;
    size_t len;
    int heading;
};

static const enum action text_bar[] = {ACT_NONE};

struct rows {
    struct row *v;
    size_t n, cap;
};

static void rows_push(struct rows *rows, const char *text, size_t len, int heading)
{
    if (rows->n == rows->cap) {
        rows->cap = rows->cap ? rows->cap * 2 : 32;
        rows->v = xrealloc(rows->v, rows->cap * sizeof *rows->v);
    }
    rows->v[rows->n++] = (struct row){text, len, heading};
}

/*
** Lay every section out in cols columns: a heading on its own row (a blank
** row before it), then its body wrapped. Caller frees rows.v (its rows
** point into the sections).
*/
static void rows_lay(const struct text_screen *t, int cols, struct rows *rows)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct section *sec = &t->v[i];
        if (*sec->heading) {
            if (rows->n) rows_push(rows, "", 0, 0);
            rows_push(rows, sec->heading, strlen(sec->heading), 1);
        }
        for (const char *p = sec->body; *p;) {
            const char *start = p;
            size_t len = text_wrap_line(p, cols, &p);
            rows_push(rows, start, len, 0);
        }
    }
}

static void text_draw(struct screen *s, int top, int rows)
{
    struct text_screen *t = (struct text_screen *)s;
    struct rows lay = {0};
    rows_lay(t, COLS - 4, &lay);
    int n = (int)lay.n, shown = rows - 1;
    t->page = shown > 1 ? shown : 1;
    if (t->top > n - shown) t->top = n - shown;
    if (t->top < 0) t->top = 0;
    for (int i = 0; i < shown && t->top + i < n; i++) {
        const struct row *r = &lay.v[t->top + i];
        char *line = xstrndup(r->text, r->len);
        if (r->heading)
            draw_text(top + i, 1, COLS - 2, line, A_BOLD, TEXT_FIT_ELLIPSIS);
        else
            draw_text(top + i, 3, COLS - 4, line, term_attr(UI_NORMAL), 0);
        free(line);
    }
    int last = t->top + shown < n ? t->top + shown : n;
    char *where = xasprintf(_("Rows %d-%d of %d  (Up/Down, PageUp/PageDown scroll; Esc back)"),
                            n ? t->top + 1 : 0, last, n);
    draw_text(top + rows - 1, 1, COLS - 2, where, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    free(where);
    free(lay.v);
}

static int text_key(struct screen *s, enum action a, const struct key *k)
{
    struct text_screen *t = (struct text_screen *)s;
    (void)k;
    switch (a) {
    case ACT_BACK:
        return UI_CLOSE;
    case ACT_UP:
        t->top--;
        break;
    case ACT_DOWN:
        t->top++;
        break;
    case ACT_PAGE_UP:
        t->top -= t->page - 1;
        break;
    case ACT_PAGE_DOWN:
    case ACT_ENTER:
        t->top += t->page - 1;
        break;
    case ACT_HOME:
        t->top = 0;
        break;
    case ACT_END:
        t->top = 1 << 30; /* the draw brings it back to the last page */
        break;
    default:
        return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
    }
    if (t->top < 0) t->top = 0;
    return UI_HANDLED;
}

static void text_free(struct screen *s)
{
    struct text_screen *t = (struct text_screen *)s;
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].heading);
        free(t->v[i].body);
    }
    free(t->v);
    free(t->title);
    free(t);
}

static const struct screen_ops text_ops = {.draw = text_draw, .key = text_key, .free = text_free};

struct screen *screen_text_new(const char *title)
{
    struct text_screen *t = xcalloc(1, sizeof *t);
    t->base.ops = &text_ops;
    t->title = xstrdup(title);
    t->base.title = t->title;
    t->base.bar = text_bar;
    return &t->base;
}

void screen_text_add(struct screen *s, const char *heading, const char *body)
{
    struct text_screen *t = (struct text_screen *)s;
    t->v = xrealloc(t->v, (t->n + 1) * sizeof *t->v);
    t->v[t->n].heading = xstrdup(heading ? heading : "");
    t->v[t->n].body = xstrdup(body ? body : "");
    t->n++;
}
