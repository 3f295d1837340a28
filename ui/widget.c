/*
** widget: see widget.h.
*/
#include "ui/widget.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/term.h"

#include <stdlib.h>
#include <string.h>

void listview_set_count(struct listview *lv, int n)
{
    lv->n = n;
    if (n == 0) {
        lv->sel = -1;
        lv->top = 0;
        return;
    }
    if (lv->sel < 0) lv->sel = 0;
    if (lv->sel >= n) lv->sel = n - 1;
    if (lv->top > lv->sel) lv->top = lv->sel;
}

/* Widths of the columns for w columns in all: fixed ones as asked, the flexible one the rest. */
static void layout(const struct listview *lv, int w, int *widths)
{
    int fixed = 0, flex = -1;
    for (int i = 0; i < lv->ncols; i++) {
        widths[i] = lv->cols[i].width;
        if (widths[i] == 0) flex = i;
        fixed += widths[i] + (i ? 1 : 0);
    }
    int rest = w - fixed;
    if (flex >= 0) {
        widths[flex] = rest > 6 ? rest : 6;
        rest -= widths[flex];
    }
    /* Too narrow: take columns from the right. */
    for (int i = lv->ncols - 1; i >= 0 && rest < 0; i--) {
        int take = widths[i] < -rest ? widths[i] : -rest;
        widths[i] -= take;
        rest += take;
    }
}

void listview_draw(struct listview *lv, int y, int x, int h, int w)
{
    int widths[16];
    if (lv->ncols > (int)ARRAY_LEN(widths)) die("too many list columns");
    layout(lv, w, widths);
    int cx = x;
    draw_fill(y, x, w, term_attr(UI_HEADER));
    for (int c = 0; c < lv->ncols; c++) {
        draw_text(y, cx, widths[c], lv->cols[c].title, term_attr(UI_HEADER),
                  lv->cols[c].flags | TEXT_FIT_ELLIPSIS);
        cx += widths[c] + 1;
    }
    int rows = h - 1;
    lv->page = rows > 1 ? rows : 1;
    if (lv->sel >= 0) {
        if (lv->sel < lv->top) lv->top = lv->sel;
        if (lv->sel >= lv->top + rows) lv->top = lv->sel - rows + 1;
    }
    if (lv->top < 0) lv->top = 0;
    for (int r = 0; r < rows; r++) {
        int row = lv->top + r;
        int yy = y + 1 + r;
        if (row >= lv->n) break;
        attr_t a = row == lv->sel                     ? term_attr(UI_SELECTED)
                   : lv->dim && lv->dim(lv->ctx, row) ? term_attr(UI_DIM)
                                                      : term_attr(UI_NORMAL);
        draw_fill(yy, x, w, a);
        cx = x;
        for (int c = 0; c < lv->ncols; c++) {
            draw_text(yy, cx, widths[c], lv->cell(lv->ctx, row, c), a,
                      lv->cols[c].flags | TEXT_FIT_ELLIPSIS);
            cx += widths[c] + 1;
        }
    }
}

int listview_key(struct listview *lv, enum action a)
{
    int page = lv->page > 1 ? lv->page - 1 : 1;
    switch (a) {
    case ACT_UP:
        if (lv->sel > 0) lv->sel--;
        return 1;
    case ACT_DOWN:
        if (lv->sel + 1 < lv->n) lv->sel++;
        return 1;
    case ACT_PAGE_UP:
        lv->sel = lv->sel - page < 0 ? 0 : lv->sel - page;
        lv->top = lv->top - page < 0 ? 0 : lv->top - page;
        break;
    case ACT_PAGE_DOWN:
        lv->sel = lv->sel + page >= lv->n ? lv->n - 1 : lv->sel + page;
        lv->top += page;
        if (lv->top > lv->n - 1) lv->top = lv->n > 0 ? lv->n - 1 : 0;
        break;
    case ACT_HOME:
        lv->sel = lv->n ? 0 : -1;
        break;
    case ACT_END:
        lv->sel = lv->n - 1;
        break;
    default:
        return 0;
    }
    if (lv->n == 0) lv->sel = -1;
    return 1;
}

/* A hidden field (a password): a '*' a character, the cursor where it is, nothing as typed. */
static void hidden_draw(const struct lineedit *le, int y, int x, int w, attr_t attr,
                        struct screen *s, int focused)
{
    size_t shown = w > 1 && le->len > (size_t)(w - 1) ? (size_t)(w - 1) : le->len;
    char *stars = xmalloc(shown + 1);
    memset(stars, '*', shown);
    stars[shown] = '\0';
    draw_text(y, x, w, stars, attr, 0);
    free(stars);
    if (focused) {
        size_t at = le->cursor < shown ? le->cursor : shown;
        s->cursor_on = 1;
        s->cursor_y = y;
        s->cursor_x = x + (int)at;
    }
}

void field_draw(struct lineedit *le, int y, int x, int w, attr_t attr, struct screen *s,
                int focused)
{
    if (le->hidden) {
        hidden_draw(le, y, x, w, attr, s, focused);
        return;
    }
    if (!focused) {
        /* Not being typed in: its start, and an ellipsis when it is longer than the field. */
        char *all = lineedit_text(le);
        draw_text(y, x, w, all, attr, TEXT_FIT_ELLIPSIS);
        free(all);
        return;
    }
    size_t first, count;
    int cursor_col;
    lineedit_view(le, w, &first, &count, &cursor_col);
    if (first > 0 && w > 2) {
        /* Scrolled: a '<' in the first column says text is hidden to the left. */
        lineedit_view(le, w - 1, &first, &count, &cursor_col);
        draw_text(y, x, 1, "<", attr | A_BOLD, 0);
        x++;
        w--;
    }
    char *text = lineedit_text_range(le, first, count);
    draw_text(y, x, w, text, attr, 0);
    free(text);
    {
        s->cursor_on = 1;
        s->cursor_y = y;
        s->cursor_x = x + cursor_col;
    }
}

void textbox_draw(struct lineedit *le, int y, int x, int w, int h, attr_t attr, struct screen *s,
                  int focused)
{
    struct lineedit_rows rows = {0};
    lineedit_rows_layout(le, w, &rows);
    size_t cursor_row = focused ? lineedit_rows_view(le, &rows, h) : 0;
    size_t top = focused ? le->top_row : 0;
    for (int i = 0; i < h; i++) {
        size_t r = top + (size_t)i, first, count;
        if (r >= rows.n) {
            draw_fill(y + i, x, w, attr);
            continue;
        }
        lineedit_rows_span(le, &rows, r, &first, &count);
        char *text = lineedit_text_range(le, first, count);
        if (i == h - 1 && r + 1 < rows.n && !focused) {
            /* Rows hidden below: an ellipsis after this row's text, or in place of its end. */
            char *more = xasprintf("%s..", text);
            free(text);
            text = more;
        }
        draw_text(y + i, x, w, text, attr, TEXT_FIT_ELLIPSIS);
        free(text);
    }
    if (focused) {
        s->cursor_on = 1;
        s->cursor_y = y + (int)(cursor_row - top);
        s->cursor_x = x + lineedit_rows_col(le, &rows, le->cursor);
    }
    lineedit_rows_free(&rows);
}

int textbox_key(struct lineedit *le, int w, enum action a, const struct key *k, int *changed)
{
    *changed = 0;
    if (a == ACT_NEW_LINE) {
        le->over = le->unfit = le->nondigit = 0;
        *changed = lineedit_insert(le, '\n');
        if (!*changed) beep();
        return 1;
    }
    if (a != ACT_UP && a != ACT_DOWN && a != ACT_HOME && a != ACT_END)
        return field_key(le, a, k, changed);
    struct lineedit_rows rows = {0};
    lineedit_rows_layout(le, w, &rows);
    int taken = 1;
    if (a == ACT_UP || a == ACT_DOWN)
        taken = lineedit_rows_move(le, &rows, a == ACT_UP ? -1 : 1);
    else
        lineedit_rows_edge(le, &rows, a == ACT_END);
    lineedit_rows_free(&rows);
    return taken;
}

char *field_refused_text(const struct lineedit *le)
{
    if (!le->over && !le->unfit && !le->nondigit) return NULL;
    struct strbuf sb = STRBUF_INIT;
    if (le->over)
        strbuf_addf(&sb,
                    ngettext("Full at %zu characters: %zu more was not taken",
                             "Full at %zu characters: %zu more were not taken", le->over),
                    le->max, le->over);
    if (le->nondigit)
        strbuf_addf(&sb,
                    ngettext("%sOnly digits are taken here: %zu other character was not taken",
                             "%sOnly digits are taken here: %zu other characters were not taken",
                             le->nondigit),
                    sb.len ? _("; ") : "", le->nondigit);
    if (le->unfit)
        strbuf_addf(&sb,
                    ngettext("%s%zu control or invisible character was left out",
                             "%s%zu control or invisible characters were left out", le->unfit),
                    sb.len ? _("; ") : "", le->unfit);
    return strbuf_detach(&sb);
}

int field_key(struct lineedit *le, enum action a, const struct key *k, int *changed)
{
    *changed = 0;
    /* What was refused is counted over one run of typing (a paste): another key starts anew. */
    if (a != ACT_NONE) le->over = le->unfit = le->nondigit = 0;
    switch (a) {
    case ACT_NONE:
        if (k->code) return 0;
        /* A line break pasted (input.c) into a field of one line is a space. */
        *changed = lineedit_insert(le, k->ch == '\n' && !le->lines ? ' ' : k->ch);
        if (!*changed) beep();
        return 1;
    case ACT_LEFT:
        lineedit_left(le);
        return 1;
    case ACT_RIGHT:
        lineedit_right(le);
        return 1;
    case ACT_HOME:
        lineedit_home(le);
        return 1;
    case ACT_END:
        lineedit_end(le);
        return 1;
    case ACT_BACKSPACE:
        *changed = lineedit_backspace(le);
        return 1;
    case ACT_DELETE:
        *changed = lineedit_delete(le);
        return 1;
    case ACT_CLEAR_LINE:
        *changed = lineedit_clear(le);
        return 1;
    default:
        return 0;
    }
}

void search_line_draw(struct lineedit *search, int y, const char *hint, const char *status,
                      struct screen *s)
{
    const char *label = _("Search:");
    int lw = text_width(label) + 1;
    draw_text(y, 1, lw, label, A_BOLD, 0);
    int cw = text_width(status);
    if (cw > COLS / 2) cw = COLS / 2;
    int fw = COLS - 2 - lw - cw - 2;
    field_draw(search, y, 1 + lw, fw, term_attr(UI_FIELD), s, 1);
    draw_text(y, COLS - 1 - cw, cw, status, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    if (hint && lineedit_empty(search))
        draw_text(y, 2 + lw, fw - 2, hint, term_attr(UI_FIELD) | A_DIM, TEXT_FIT_ELLIPSIS);
}

int search_list_key(struct lineedit *search, struct listview *lv, enum action a,
                    const struct key *k, int *reload)
{
    int changed;
    *reload = 0;
    if (a == ACT_SEARCH || (a == ACT_BACK && !lineedit_empty(search))) {
        lineedit_clear(search);
        *reload = 1;
        return UI_HANDLED;
    }
    if (listview_key(lv, a)) return UI_HANDLED;
    if (!field_key(search, a, k, &changed)) return UI_IGNORED;
    if (changed) {
        lv->sel = 0;
        lv->top = 0;
        *reload = 1;
    }
    return UI_HANDLED;
}
