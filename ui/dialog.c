/*
** dialog: see dialog.h.
*/
#include "ui/dialog.h"
#include "src/folder.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/rates.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/term.h"
#include "ui/ui.h"
#include "ui/widget.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct box {
    int y, x, h, w;
};

void choice_list_add(struct choice_list *l, int64_t id, const char *label, const char *detail)
{
    l->items = xrealloc(l->items, (l->n + 1) * sizeof *l->items);
    l->items[l->n].id = id;
    l->items[l->n].label = xstrdup(label);
    l->items[l->n].detail = xstrdup(detail ? detail : "");
    l->n++;
}

void choice_list_offer(struct choice_list *l, const char *typed, int64_t id, const char *label,
                       const char *detail)
{
    if (pinyin_matches(label, typed)) choice_list_add(l, id, label, detail);
}

void choice_list_free(struct choice_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].label);
        free(l->items[i].detail);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
    l->unlisted = 0;
    l->unlisted_more = 0;
}

/* Rows text takes when wrapped at cols. */
static int text_rows(const char *text, int cols)
{
    int rows = 0;
    const char *p = text;
    while (*p) {
        text_wrap_line(p, cols, &p);
        rows++;
    }
    return rows;
}

/* A box of h rows and w columns in the middle of the screen, drawn with its title. */
static struct box box_open(int h, int w, const char *title)
{
    struct box b;
    if (w > COLS - 2) w = COLS - 2;
    if (h > LINES - 2) h = LINES - 2;
    b.h = h;
    b.w = w;
    b.y = (LINES - h) / 2;
    b.x = (COLS - w) / 2;
    ui_overlay();
    for (int r = 0; r < h; r++) {
        draw_cut_clean(b.y + r, b.x, w);
        draw_fill(b.y + r, b.x, w, term_attr(UI_DIALOG));
    }
    draw_center(b.y, b.x, w, title, term_attr(UI_DIALOG) | A_BOLD);
    return b;
}

/* Draw wrapped text in the box from row y (relative); returns the rows used. */
static int box_text(const struct box *b, int y, const char *text)
{
    return draw_wrapped(b->y + y, b->x + 2, b->w - 4, b->h - 1 - y, text, term_attr(UI_DIALOG));
}

/* Width for a dialog showing text: wide enough to read, never wider than the screen. */
static int box_width(const char *text)
{
    int w = text_width(text) + 4;
    if (w < 44) w = 44;
    if (w > 72) w = 72;
    return w;
}

/*
** Wait for a key while a dialog is shown (ui_key(): the idle cover and the
** lock key come here too, the dialog's typing kept under the cover).
** Returns 1 with *k (KEY_RESIZE when it must be drawn again), or 0 when
** the dialog is to give up as if cancelled: a terminating signal, or its
** user signed out under the cover.
*/
static int dialog_key(struct key *k)
{
    for (;;) {
        refresh();
        db_assert_idle(ui.db);
        int r = ui_key(k, 1000);
        if (r < 0) return 0;
        if (r > 0) return 1;
    }
}

/*
** Yes or No, starting at yes. letters: Y, N, 1 and 2 answer too (a question
** the clerk asked for); else only Enter, Esc and the arrows do, and the
** foot of the box says so.
*/
static int confirm_run(const char *title, const char *question, int yes, int letters)
{
    for (;;) {
        ui_paint();
        int w = box_width(question);
        struct box b = box_open(text_rows(question, w - 4) + 4 + !letters, w, title);
        box_text(&b, 2, question);
        int y = b.y + b.h - 1 - !letters;
        if (!letters)
            draw_center(b.y + b.h - 1, b.x, b.w, _("Left/Right choose  Enter answers  Esc: No"),
                        term_attr(UI_DIALOG) | A_DIM);
        /* The answer Enter gives is marked > < as well as lit: a terminal may show no colour. */
        const char *y_mark = yes ? ">" : " ", *y_end = yes ? "<" : " ";
        const char *n_mark = yes ? " " : ">", *n_end = yes ? " " : "<";
        char *yes_label = letters ? xasprintf("%s[Y] %s%s", y_mark, _("Yes"), y_end)
                                  : xasprintf("%s%s%s", y_mark, _("Yes"), y_end);
        char *no_label = letters ? xasprintf("%s[N] %s%s", n_mark, _("No"), n_end)
                                 : xasprintf("%s%s%s", n_mark, _("No"), n_end);
        int yw = text_width(yes_label), nw = text_width(no_label);
        int x = b.x + (b.w - yw - nw - 2) / 2;
        draw_text(y, x, yw, yes_label, yes ? term_attr(UI_SELECTED) : term_attr(UI_DIALOG), 0);
        draw_text(y, x + yw + 2, nw, no_label, yes ? term_attr(UI_DIALOG) : term_attr(UI_SELECTED),
                  0);
        free(yes_label);
        free(no_label);
        curs_set(0);
        struct key k;
        if (!dialog_key(&k)) return 0;
        enum action a = action_for_key(&k, 1);
        if (letters && k.code == 0 && (k.ch == 'y' || k.ch == 'Y' || k.ch == '1')) return 1;
        if (letters && k.code == 0 && (k.ch == 'n' || k.ch == 'N' || k.ch == '2')) return 0;
        if (a == ACT_BACK) return 0;
        if (a == ACT_ENTER) return yes;
        /* Left is Yes and Right is No, as they stand; Tab goes from one to the other. */
        if (a == ACT_LEFT) yes = 1;
        if (a == ACT_RIGHT) yes = 0;
        if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD) yes = !yes;
    }
}

int dialog_confirm(const char *title, const char *question, int default_yes)
{
    return confirm_run(title, question, default_yes, 1);
}

int dialog_confirm_unbidden(const char *title, const char *question)
{
    return confirm_run(title, question, 0, 0);
}

/*
** Say foot on box b's last line, then wait for a key: 1 with *k and its
** action *a, or 0 when the dialog is to give up (dialog_key()).
*/
static int foot_key(const struct box *b, const char *foot, struct key *k, enum action *a)
{
    draw_center(b->y + b->h - 1, b->x, b->w, foot, term_attr(UI_DIALOG) | A_DIM);
    curs_set(0);
    if (!dialog_key(k)) return 0;
    *a = action_for_key(k, 1);
    return 1;
}

void dialog_notice(const char *title, const char *text)
{
    for (;;) {
        ui_paint();
        int w = box_width(text);
        struct box b = box_open(text_rows(text, w - 4) + 4, w, title);
        box_text(&b, 2, text);
        struct key k;
        enum action a;
        if (!foot_key(&b, _("Enter or Esc: close"), &k, &a)) return;
        if (a == ACT_BACK || a == ACT_ENTER) return;
    }
}

int dialog_options_keyed(const char *title, const char *text, const char *const *options,
                         const char *keys, int n)
{
    int sel = 0;
    for (;;) {
        ui_paint();
        int w = box_width(text);
        int trows = text_rows(text, w - 4);
        struct box b = box_open(trows + n + 4, w, title);
        box_text(&b, 2, text);
        for (int i = 0; i < n; i++) {
            char *line = keys ? xasprintf(" %c  %s", keys[i], options[i])
                              : xasprintf(" %d  %s", i + 1, options[i]);
            draw_text(b.y + 3 + trows + i, b.x + 2, b.w - 4, line,
                      i == sel ? term_attr(UI_SELECTED) : term_attr(UI_DIALOG), 0);
            free(line);
        }
        curs_set(0);
        struct key k;
        if (!dialog_key(&k)) return -1;
        enum action a = action_for_key(&k, 1);
        uint32_t ch = k.ch < 128 ? (uint32_t)tolower((int)k.ch) : k.ch; /* Q as q */
        for (int i = 0; i < n && k.code == 0; i++)
            if (keys ? ch == (uint32_t)tolower((unsigned char)keys[i]) : ch == (uint32_t)('1' + i))
                return i;
        if (a == ACT_BACK) return -1;
        if (a == ACT_ENTER) return sel;
        if (a == ACT_UP && sel > 0) sel--;
        if (a == ACT_DOWN && sel + 1 < n) sel++;
    }
}

int dialog_options(const char *title, const char *text, const char *const *options, int n)
{
    return dialog_options_keyed(title, text, options, NULL, n);
}

struct chooser {
    struct choice_list items;
};

static const char *chooser_cell(void *ctx, int row, int col)
{
    struct chooser *c = ctx;
    return col == 0 ? c->items.items[row].label : c->items.items[row].detail;
}

/* The rows a chooser gives the chosen row's details it cannot show whole in their column. */
#define CHOOSE_DETAIL_ROWS 3

int dialog_choose(const char *title, choice_source src, void *ctx, const char *initial,
                  struct choice *chosen)
{
    return dialog_choose_at(title, src, ctx, initial, 0, chosen);
}

int dialog_choose_at(const char *title, choice_source src, void *ctx, const char *initial,
                     int64_t current, struct choice *chosen)
{
    struct chooser c = {0};
    struct lineedit query;
    struct list_column cols[] = {{"", 0, 0}, {"", 24, 0}};
    struct listview lv = {cols, 2, 0, -1, 0, 1, chooser_cell, NULL, &c};
    struct screen fake = {0};
    int result = 0, reload = 1;

    lineedit_init(&query, 40);
    if (initial) lineedit_insert_text(&query, initial);
    cols[0].title = _("Name");
    cols[1].title = _("Details");
    for (;;) {
        if (reload) {
            char *q = lineedit_text(&query);
            choice_list_free(&c.items);
            if (src(ctx, q, &c.items) != 0)
                ui_message(UI_MSG_ERROR, "%s", _("The list could not be read"));
            free(q);
            listview_set_count(&lv, (int)c.items.n);
            lv.sel = c.items.n ? 0 : -1;
            lv.top = 0;
            /* Opened on a value chosen before: that row, so Enter keeps it. */
            for (size_t i = 0; current && i < c.items.n; i++)
                if (c.items.items[i].id == current) lv.sel = (int)i;
            current = 0; /* once: typing narrows from the top */
            reload = 0;
        }
        ui_paint();
        struct box b = box_open(LINES - 4, COLS - 6 > 70 ? 70 : COLS - 6, title);
        char *label = xasprintf("%s ", _("Search:"));
        int lw = text_width(label);
        draw_text(b.y + 1, b.x + 2, lw, label, term_attr(UI_DIALOG), 0);
        free(label);
        field_draw(&query, b.y + 1, b.x + 2 + lw, b.w - 4 - lw, term_attr(UI_FIELD), &fake, 1);
        /* The chosen row's details, when their column cuts them, said whole under the list. */
        const char *whole = lv.sel >= 0 ? c.items.items[lv.sel].detail : "";
        int drows = text_width(whole) > cols[1].width ? text_rows(whole, b.w - 4) : 0;
        if (drows > CHOOSE_DETAIL_ROWS) drows = CHOOSE_DETAIL_ROWS;
        listview_draw(&lv, b.y + 2, b.x + 1, b.h - 3 - drows, b.w - 2);
        if (drows)
            draw_wrapped(b.y + b.h - 1 - drows, b.x + 2, b.w - 4, drows, whole,
                         term_attr(UI_DIALOG) | A_DIM);
        /* Nothing typed yet and nothing offered (a search of people): what to do, not a miss. */
        if (c.items.n == 0)
            draw_text(b.y + 3, b.x + 2, b.w - 4,
                      lineedit_empty(&query) ? _("Type a name, its pinyin or part of it to find it")
                                             : _("Nothing matches"),
                      term_attr(UI_DIALOG), 0);
        char *count = !c.items.unlisted
                          ? xasprintf(_("%zu found, Enter chooses, Esc cancels"), c.items.n)
                      : c.items.unlisted_more
                          ? xasprintf(_("%zu listed, over %zu more not: type more to narrow it"),
                                      c.items.n, c.items.unlisted)
                          : xasprintf(_("%zu listed, %zu more not: type more to narrow it"),
                                      c.items.n, c.items.unlisted);
        draw_center(b.y + b.h - 1, b.x, b.w, count, term_attr(UI_DIALOG) | A_DIM);
        free(count);
        move(fake.cursor_y, fake.cursor_x);
        curs_set(1);
        struct key k;
        if (!dialog_key(&k)) break;
        enum action a = action_for_key(&k, 1);
        if (a == ACT_BACK) break;
        if (a == ACT_ENTER && lv.sel >= 0) {
            struct choice *it = &c.items.items[lv.sel];
            chosen->id = it->id;
            chosen->label = xstrdup(it->label);
            chosen->detail = xstrdup(it->detail);
            result = 1;
            break;
        }
        if (listview_key(&lv, a)) continue;
        int changed;
        if (field_key(&query, a, &k, &changed) && changed) reload = 1;
    }
    choice_list_free(&c.items);
    lineedit_free(&query);
    return result;
}

int dialog_input_lines(const char *title, const char *prompt, const char *initial, size_t max,
                       int lines, char **out)
{
    struct lineedit edit;
    struct screen fake = {0};
    int result = 0;
    lineedit_init(&edit, max);
    if (lines > 1) lineedit_allow_lines(&edit);
    if (initial) lineedit_insert_text(&edit, initial);
    for (;;) {
        ui_paint();
        int w = lines > 1 ? 72 : box_width(prompt);
        int rows = text_rows(prompt, w - 4);
        struct box b = box_open(rows + 4 + lines, w, title);
        box_text(&b, 2, prompt);
        if (lines > 1)
            textbox_draw(&edit, b.y + 3 + rows, b.x + 2, b.w - 4, lines, term_attr(UI_FIELD), &fake,
                         1);
        else
            field_draw(&edit, b.y + 3 + rows, b.x + 2, b.w - 4, term_attr(UI_FIELD), &fake, 1);
        char *refused = field_refused_text(&edit);
        if (refused)
            draw_center(b.y + b.h - 1, b.x, b.w, refused, term_attr(UI_ERROR));
        else
            draw_center(b.y + b.h - 1, b.x, b.w,
                        lines > 1 ? _("Enter accepts  Alt+Enter new line  Esc cancels")
                                  : _("Enter accepts, Esc cancels"),
                        term_attr(UI_DIALOG) | A_DIM);
        free(refused);
        move(fake.cursor_y, fake.cursor_x);
        curs_set(1);
        struct key k;
        if (!dialog_key(&k)) break;
        enum action a = action_for_key(&k, lines > 1 ? 2 : 1);
        if (a == ACT_BACK) break;
        if (a == ACT_ENTER) {
            *out = lineedit_text(&edit);
            result = 1;
            break;
        }
        int changed;
        if (lines > 1)
            textbox_key(&edit, b.w - 4, a, &k, &changed);
        else
            field_key(&edit, a, &k, &changed);
    }
    lineedit_free(&edit);
    return result;
}

int dialog_input(const char *title, const char *prompt, const char *initial, size_t max, char **out)
{
    return dialog_input_lines(title, prompt, initial, max, 1, out);
}

/* What Tab did in dialog_file(): completed, listed, or found nothing. */
enum file_tab { TAB_NONE, TAB_COMPLETED, TAB_LISTED, TAB_NOTHING };

/* Tab on the name in edit: complete it as far as cands (refilled) agree, or say to list them. */
static enum file_tab file_tab(struct lineedit *edit, const char *folder, struct strlist *cands)
{
    char *typed = lineedit_text(edit);
    char *done = folder_tab(folder, typed, cands);
    enum file_tab r = TAB_NONE;
    if (cands->n == 0) {
        r = TAB_NOTHING;
    } else if (!str_eq(done, typed)) {
        lineedit_set(edit, done); /* several still match: a second Tab lists them */
        r = TAB_COMPLETED;
    } else if (cands->n > 1) {
        r = TAB_LISTED;
    }
    free(done);
    free(typed);
    return r;
}

int dialog_file(const char *title, const char *prompt, const char *folder, const char *initial,
                size_t max, char **out)
{
    struct lineedit edit;
    struct screen fake = {0};
    struct strlist cands = STRLIST_INIT;
    enum file_tab shown = TAB_NONE;
    int result = 0;
    lineedit_init(&edit, max);
    if (initial) lineedit_insert_text(&edit, initial);
    char *where = folder ? xasprintf(_("Folder: %s"), folder) : NULL;
    for (;;) {
        ui_paint();
        int w = 72, list_rows = 0;
        int rows = text_rows(prompt, w - 4) + (where ? text_rows(where, w - 4) : 0);
        char *list = shown == TAB_LISTED ? folder_names(&cands) : NULL;
        if (list) list_rows = text_rows(list, w - 4) > 6 ? 6 : text_rows(list, w - 4);
        struct box b = box_open(rows + 5 + list_rows, w, title);
        int used = box_text(&b, 2, prompt);
        if (where) box_text(&b, 2 + used, where);
        field_draw(&edit, b.y + 3 + rows, b.x + 2, b.w - 4, term_attr(UI_FIELD), &fake, 1);
        if (list)
            draw_wrapped(b.y + 4 + rows, b.x + 2, b.w - 4, list_rows, list, term_attr(UI_DIALOG));
        free(list);
        char *refused = field_refused_text(&edit);
        if (refused)
            draw_center(b.y + b.h - 1, b.x, b.w, refused, term_attr(UI_ERROR));
        else if (shown == TAB_NOTHING)
            draw_center(b.y + b.h - 1, b.x, b.w, _("No file starts so"), term_attr(UI_ERROR));
        else
            draw_center(b.y + b.h - 1, b.x, b.w, _("Tab completes  Enter accepts  Esc cancels"),
                        term_attr(UI_DIALOG) | A_DIM);
        free(refused);
        move(fake.cursor_y, fake.cursor_x);
        curs_set(1);
        struct key k;
        if (!dialog_key(&k)) break;
        enum action a = action_for_key(&k, 1);
        if (a == ACT_BACK) break;
        if (a == ACT_ENTER) {
            *out = lineedit_text(&edit);
            result = 1;
            break;
        }
        if (a == ACT_NEXT_FIELD) {
            shown = file_tab(&edit, folder, &cands);
            continue;
        }
        int changed;
        field_key(&edit, a, &k, &changed);
        if (changed) shown = TAB_NONE;
    }
    free(where);
    strlist_free(&cands);
    lineedit_free(&edit);
    return result;
}

/* The widest prompt of n, at least 40 columns, so fields have room. */
static int inputs_width(const char *const *prompts, size_t n)
{
    int w = 40;
    for (size_t i = 0; i < n; i++)
        if (text_width(prompts[i]) + 6 > w) w = text_width(prompts[i]) + 6;
    return w;
}

int dialog_inputs(const char *title, const char *const *prompts, char **values, size_t n,
                  size_t max, dialog_inputs_check check, void *ctx)
{
    return dialog_inputs_hidden(title, prompts, values, n, max, 0, check, ctx);
}

int dialog_inputs_hidden(const char *title, const char *const *prompts, char **values, size_t n,
                         size_t max, unsigned hidden, dialog_inputs_check check, void *ctx)
{
    struct lineedit *edit = xcalloc(n + 1, sizeof *edit);
    for (size_t i = 0; i < n; i++) {
        lineedit_init(&edit[i], max);
        edit[i].hidden = i < 32 && (hidden >> i & 1u);
        if (values[i]) lineedit_insert_text(&edit[i], values[i]);
    }
    struct screen fake = {0};
    size_t at = 0;
    int result = 0;
    char *wrong = NULL;
    for (;;) {
        ui_paint();
        char *refused = field_refused_text(&edit[at]);
        const char *foot = refused ? refused : wrong;
        /* As wide as what is wrong, up to the screen: a refusal cut short says nothing. */
        int w = inputs_width(prompts, n);
        if (foot && text_width(foot) + 4 > w) w = text_width(foot) + 4;
        if (w > COLS - 2) w = COLS - 2;
        struct box b = box_open((int)n * 3 + 4, w, title);
        int cy = 0, cx = 0;
        for (size_t i = 0; i < n; i++) {
            int y = b.y + 2 + 3 * (int)i;
            draw_text(y, b.x + 2, b.w - 4, prompts[i], term_attr(UI_DIALOG), TEXT_FIT_ELLIPSIS);
            field_draw(&edit[i], y + 1, b.x + 2, b.w - 4, term_attr(UI_FIELD), &fake, i == at);
            if (i == at) cy = fake.cursor_y, cx = fake.cursor_x;
        }
        if (foot)
            draw_center(b.y + b.h - 1, b.x, b.w, foot, term_attr(UI_ERROR));
        else
            draw_center(b.y + b.h - 1, b.x, b.w, _("Tab next field, Enter accepts, Esc cancels"),
                        term_attr(UI_DIALOG) | A_DIM);
        free(refused);
        move(cy, cx);
        curs_set(1);
        struct key k;
        if (!dialog_key(&k)) break;
        enum action a = action_for_key(&k, 1);
        if (a == ACT_BACK) break;
        if (a == ACT_NEXT_FIELD || a == ACT_DOWN || (a == ACT_ENTER && at + 1 < n)) {
            at = (at + 1) % n;
            continue;
        }
        if (a == ACT_PREV_FIELD || a == ACT_UP) {
            at = (at + n - 1) % n;
            continue;
        }
        if (a == ACT_ENTER) {
            char **typed = xcalloc(n + 1, sizeof *typed);
            for (size_t i = 0; i < n; i++)
                typed[i] = lineedit_text(&edit[i]);
            int field = (int)at;
            free(wrong);
            wrong = check ? check(ctx, typed, &field) : NULL;
            if (!wrong) {
                for (size_t i = 0; i < n; i++) {
                    free(values[i]);
                    values[i] = typed[i];
                }
                free(typed);
                result = 1;
                break;
            }
            for (size_t i = 0; i < n; i++)
                free(typed[i]);
            free(typed);
            if (field >= 0 && (size_t)field < n) at = (size_t)field;
            continue;
        }
        int changed;
        field_key(&edit[at], a, &k, &changed);
    }
    free(wrong);
    for (size_t i = 0; i < n; i++)
        lineedit_free(&edit[i]);
    free(edit);
    return result;
}

int dialog_checklist(const char *title, const char *const *items, int *checked, size_t n)
{
    int *state = xcalloc(n + 1, sizeof *state);
    memcpy(state, checked, n * sizeof *state);
    size_t sel = 0;
    int result = 0;
    for (;;) {
        ui_paint();
        struct box b = box_open((int)n + 4, 44, title);
        for (size_t i = 0; i < n; i++) {
            char *line = xasprintf(" [%s] %s", state[i] ? "x" : " ", items[i]);
            draw_text(b.y + 2 + (int)i, b.x + 2, b.w - 4, line,
                      i == sel ? term_attr(UI_SELECTED) : term_attr(UI_DIALOG), 0);
            free(line);
        }
        struct key k;
        enum action a;
        if (!foot_key(&b, _("Space ticks, F2 accepts, Esc cancels"), &k, &a)) break;
        if (a == ACT_BACK) break;
        if (a == ACT_SAVE) {
            memcpy(checked, state, n * sizeof *state);
            result = 1;
            break;
        }
        if ((a == ACT_NONE && !k.code && k.ch == ' ') || a == ACT_ENTER) state[sel] = !state[sel];
        if (a == ACT_UP && sel > 0) sel--;
        if (a == ACT_DOWN && sel + 1 < n) sel++;
    }
    free(state);
    return result;
}

void dialog_progress(const char *step, size_t done, size_t total)
{
    ui_paint();
    int w = COLS - 20 > 50 ? 50 : COLS - 20; /* the bar's columns */
    if (w >= 10) {                           /* else the window is too small: just go on */
        struct box b = box_open(4, w + 12, "");
        draw_text(b.y + 1, b.x + 2, w + 8, step, term_attr(UI_DIALOG), TEXT_FIT_ELLIPSIS);
        int pct = total ? (int)(done * 100 / total) : 0;
        if (pct > 100) pct = 100;
        struct strbuf line = STRBUF_INIT;
        strbuf_addc(&line, '[');
        for (int i = 0; i < w; i++)
            strbuf_addc(&line, i < pct * w / 100 ? '=' : ' ');
        strbuf_addf(&line, "] %3d%%", pct);
        draw_text(b.y + 2, b.x + 2, w + 8, strbuf_str(&line), term_attr(UI_DIALOG), 0);
        strbuf_free(&line);
    }
    curs_set(0);
    refresh();
}

enum conflict_choice dialog_conflict(const char *who, const char *when, const char *differences)
{
    struct strbuf text = STRBUF_INIT;
    strbuf_addf(&text, _("%s changed this record at %s, after you opened it.\n"), who, when);
    strbuf_adds(&text, differences);
    const char *options[] = {_("Save my changes over theirs"), _("Drop my typing and show theirs"),
                             _("Go back to editing (nothing is lost)")};
    int choice = dialog_options(_("Someone else saved first"), strbuf_str(&text), options, 3);
    strbuf_free(&text);
    return choice == 0 ? CONFLICT_OVERWRITE : choice == 1 ? CONFLICT_THEIRS : CONFLICT_EDIT;
}

/* The period's bounds while the dialog is open. */
struct period {
    time_t from, to;
};

/* The dates typed: what is wrong with them (caller frees) with *field to mend, or NULL. */
static char *period_check(void *ctx, char *const *values, int *field)
{
    struct period *p = ctx;
    int which;
    const char *why = rates_period_parse(values[0], values[1], &p->from, &p->to, &which);
    if (!why) return NULL;
    *field = which == 2 ? 1 : which;
    if (which == 2) return xstrdup(why);
    return xasprintf("%s %s: %s", which == 0 ? _("First day") : _("Last day"), values[which], why);
}

int dialog_period(const char *title, time_t *from, time_t *to)
{
    char a[11] = "", b[11] = "";
    if (*from) {
        struct date df = date_of(*from), dt = date_of(*to - 1);
        date_format(&df, a);
        date_format(&dt, b);
    }
    char *values[2] = {*a ? xstrdup(a) : NULL, *b ? xstrdup(b) : NULL};
    const char *prompts[2] = {_("First day (2026-01-01, 2026/1/1 or 20260101):"),
                              _("Last day, counted in:")};
    struct period p = {0, 0};
    int ok = dialog_inputs(title, prompts, values, 2, 10, period_check, &p);
    if (ok) *from = p.from, *to = p.to;
    free(values[0]);
    free(values[1]);
    return ok;
}
