/*
** list_screen: see list_screen.h.
*/
#include "ui/list_screen.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/command.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/draw.h"
#include "ui/term.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bar_set(struct list_screen *ls);

static const enum action plain_bar[] = {ACT_SEARCH, ACT_EDIT,   ACT_REFRESH, ACT_SHOW_RETIRED,
                                        ACT_NEW,    ACT_RETIRE, ACT_MENU,    ACT_NONE};

const struct list_tab *list_screen_tab(const struct list_screen *ls)
{
    return &ls->spec->tabs[ls->tab];
}

void *list_screen_row(const struct list_screen *ls, size_t i)
{
    return (char *)ls->rows.items + i * list_screen_tab(ls)->type->size;
}

void *list_screen_selected(struct list_screen *ls)
{
    if (ls->list.sel < 0 || (size_t)ls->list.sel >= ls->rows.n) {
        ui_message(UI_MSG_ERROR, "%s", _("No row is selected"));
        return NULL;
    }
    return list_screen_row(ls, (size_t)ls->list.sel);
}

static void rows_free(struct list_screen *ls)
{
    record_array_free(list_screen_tab(ls)->type, ls->rows.items, ls->rows.n);
    memset(&ls->rows, 0, sizeof ls->rows);
}

/* The row whose first field (its id) is the same as key's, or -1. */
static int row_of(struct list_screen *ls, const void *key)
{
    const struct record_type *t = list_screen_tab(ls)->type;
    for (size_t i = 0; i < ls->rows.n; i++)
        if (record_field_same(t, 0, list_screen_row(ls, i), key)) return (int)i;
    return -1;
}

/* The record just saved (ui.saved_id) as a key row of the tab's type, when the type has an id. */
static int saved_key(const struct record_type *t, void *key)
{
    if (!ui.saved_id || ui.saved_type != t || !str_eq(t->fields[0].name, "id")) return 0;
    record_init(t, key);
    *(int64_t *)(void *)((char *)key + t->fields[0].offset) = ui.saved_id;
    return 1;
}

void list_screen_reload(struct list_screen *ls)
{
    const struct list_tab *tab = list_screen_tab(ls);
    const struct record_type *t = tab->type;
    void *keep = xcalloc(1, t->size);
    int has_keep = saved_key(t, keep);
    if (!has_keep && ls->list.sel >= 0 && (size_t)ls->list.sel < ls->rows.n) {
        record_copy(t, keep, list_screen_row(ls, (size_t)ls->list.sel));
        has_keep = 1;
    }
    if (ui.saved_type == t) ui.saved_id = 0;
    rows_free(ls);
    char *raw = lineedit_text(&ls->search);
    char *query = text_trim(raw);
    int rc = tab->load(ls, query, &ls->rows);
    free(query);
    free(raw);
    if (rc != DB_OK) {
        rows_free(ls);
        ui_db_failed(_("The list could not be read"), rc);
    }
    listview_set_count(&ls->list, (int)ls->rows.n);
    int at = has_keep ? row_of(ls, keep) : -1;
    if (at >= 0) ls->list.sel = at;
    if (has_keep) record_free(t, keep);
    free(keep);
    ls->generation = db_generation(ui.db);
    ls->loaded = 1;
    if (ls->spec->loaded) ls->spec->loaded(ls);
}

/* Take the columns of the current tab, translated; a retired mark's only with retired records. */
static void columns_take(struct list_screen *ls)
{
    const struct list_tab *tab = list_screen_tab(ls);
    int n = tab->ncols;
    for (int i = 0; i < tab->ncols; i++) {
        assert(!(tab->cols[i].flags & LIST_COL_RETIRED) || i == tab->ncols - 1);
        ls->cols[i] = tab->cols[i];
        ls->cols[i].title = _(tab->cols[i].title);
    }
    if (n && (tab->cols[n - 1].flags & LIST_COL_RETIRED) && !ls->with_retired) n--;
    ls->list.cols = ls->cols;
    ls->list.ncols = n;
    ls->list.sel = -1;
    ls->list.top = 0;
}

/* True when tab t is shown to the user's role (list_tab.shown_to). */
static int tab_shown(const struct list_screen *ls, int t)
{
    unsigned to = ls->spec->tabs[t].shown_to;
    return !to || command_rights_held(to);
}

/* Tab t (modulo the tabs), or the first shown from it on in direction step (1 or -1). */
static int tab_from(const struct list_screen *ls, int t, int step)
{
    int n = ls->spec->ntabs;
    t = (t % n + n) % n;
    for (int i = 0; i < n && !tab_shown(ls, t); i++)
        t = ((t + step) % n + n) % n;
    return t;
}

void list_screen_set_tab(struct list_screen *ls, int tab)
{
    rows_free(ls);
    ls->tab = tab_from(ls, tab, tab < ls->tab ? -1 : 1);
    bar_set(ls);
    columns_take(ls);
    if (!ls->spec->keep_search) lineedit_clear(&ls->search);
    if (ls->spec->tab_changed) ls->spec->tab_changed(ls);
    list_screen_reload(ls);
}

static const char *cell_of(void *ctx, int row, int col)
{
    static char buf[LIST_CELL_MAX];
    struct list_screen *ls = ctx;
    buf[0] = '\0';
    return list_screen_tab(ls)->cell(ls, list_screen_row(ls, (size_t)row), col, buf);
}

static int dim_of(void *ctx, int row)
{
    struct list_screen *ls = ctx;
    const struct list_tab *tab = list_screen_tab(ls);
    const void *r = list_screen_row(ls, (size_t)row);
    if (tab->dim) return tab->dim(ls, r);
    return record_int(tab->type, r, "retired") != 0;
}

static void list_sync(struct screen *s)
{
    struct list_screen *ls = (struct list_screen *)s;
    if (!ls->loaded || ls->generation != db_generation(ui.db)) list_screen_reload(ls);
}

/* Columns tab t takes in the tab row, with the space after it. */
static int tab_width(const struct list_screen *ls, int t)
{
    return text_width(_(ls->spec->tabs[t].label)) + 3;
}

/* The first tab shown: 0, or later when the current tab would not fit after the ones before it. */
static int tabs_first(const struct list_screen *ls)
{
    int first = 0;
    for (;;) {
        int x = 1;
        for (int t = first; t <= ls->tab; t++)
            if (tab_shown(ls, t)) x += tab_width(ls, t);
        if (x - 1 <= COLS - 1 || first >= ls->tab) return first;
        first++;
    }
}

/*
** The tab row: each tab's label, the current one marked (shown however many
** come before it), then a note. Tabs left out at either end are said by a
** < or a > at that end.
*/
static void tabs_draw(struct list_screen *ls, int y)
{
    int x = 1, first = tabs_first(ls), t;
    for (t = first; t < ls->spec->ntabs; t++) {
        if (!tab_shown(ls, t)) continue;
        char *label = xasprintf(" %s ", _(ls->spec->tabs[t].label));
        int w = text_width(label);
        if (x + w > COLS - 1) {
            free(label);
            break;
        }
        draw_text(y, x, w, label, t == ls->tab ? term_attr(UI_TAB_ON) : term_attr(UI_NORMAL), 0);
        x += w + 1;
        free(label);
    }
    int before = 0; /* a tab shown to this role is left out at the start */
    for (int i = 0; i < first; i++)
        before |= tab_shown(ls, i);
    if (before) draw_text(y, 0, 1, "<", term_attr(UI_INFO), 0);
    if (t < ls->spec->ntabs) {
        draw_text(y, COLS - 1, 1, ">", term_attr(UI_INFO), 0);
        return; /* no room for the note */
    }
    char *note = ls->spec->tab_note ? ls->spec->tab_note(ls) : xstrdup(_("Tab: next list"));
    if (x + 12 < COLS)
        draw_text(y, x + 1, COLS - x - 2, note, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    free(note);
}

/* The rights changing the rows of tab needs: its own, else its form's. */
static unsigned tab_rights(const struct list_tab *tab)
{
    return tab->rights ? tab->rights : tab->form ? tab->form->rights : 0;
}

/* True when the user signed in may change the rows of tab. */
static int tab_writable(const struct list_tab *tab)
{
    return command_rights_held(tab_rights(tab));
}

char *list_count_text(const struct list_rows *r)
{
    /* Rows read fewer than those found: the clerk is told the list stops short of them. */
    return r->more ? xasprintf(_("%zu shown of more than %lld"), r->n, (long long)r->total)
           : r->total > (int64_t)r->n ? xasprintf(_("%zu shown of %lld"), r->n, (long long)r->total)
                                      : xasprintf(_("%lld found"), (long long)r->n);
}

/* What the search line says at its right. Caller frees. */
static char *status_of(struct list_screen *ls)
{
    if (ls->spec->status) return ls->spec->status(ls);
    char *counted = list_count_text(&ls->rows);
    if (!ls->with_retired) return counted;
    char *both = xasprintf(_("%s, retired shown"), counted);
    free(counted);
    return both;
}

static void list_draw(struct screen *s, int top, int rows)
{
    struct list_screen *ls = (struct list_screen *)s;
    /* With a search begun, '?' is part of it, not F1 ('/' always is: 2026/12/07). */
    s->typing = !lineedit_empty(&ls->search);
    const struct list_tab *tab = list_screen_tab(ls);
    int y = top;
    const char *heading = ls->spec->heading ? ls->spec->heading(ls) : NULL;
    if (heading)
        draw_text(y++, 1, COLS - 2, heading, A_BOLD, TEXT_FIT_ELLIPSIS);
    else if (ls->spec->ntabs > 1)
        tabs_draw(ls, y++);
    char *status = status_of(ls);
    search_line_draw(&ls->search, y++, _(tab->hint), status, s);
    free(status);
    if (ls->spec->above) {
        const char *above = ls->spec->above(ls);
        if (above) draw_text(y, 1, COLS - 2, above, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        if (above || !ls->spec->above_collapses) y++;
    }
    const char *footer = ls->spec->footer ? ls->spec->footer(ls) : NULL;
    const char *second = footer ? strchr(footer, '\n') : NULL;
    int h = top + rows - y - (footer ? 1 : 0) - (second ? 1 : 0);
    listview_draw(&ls->list, y, 0, h, COLS);
    /* Nothing typed: empty_all, else empty; a search found nothing: empty, else that said. */
    const char *empty = !lineedit_empty(&ls->search) && !tab->submit
                            ? (tab->empty ? tab->empty : N_("Nothing found"))
                        : tab->empty_all ? tab->empty_all
                                         : tab->empty;
    if (empty && tab->empty_reader && !tab_writable(tab)) empty = tab->empty_reader;
    const char *said = ls->spec->empty ? ls->spec->empty(ls) : NULL;
    if (said) empty = said;
    if (ls->rows.n == 0 && empty)
        draw_text(y + 2, 2, COLS - 4, _(empty), term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    if (second) {
        char *first = xstrndup(footer, (size_t)(second - footer));
        draw_text(top + rows - 2, 1, COLS - 2, first, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(first);
        footer = second + 1;
    }
    if (footer)
        draw_text(top + rows - 1, 1, COLS - 2, footer, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

/* A key that changes rows, pressed by a user who may not: say why. */
static int not_yours(void)
{
    ui_message(UI_MSG_ERROR, "%s", _("Your role may not change these records"));
    return UI_HANDLED;
}

/* An F-key this list has no use for (F8 on the residents, who move out rather than retire). */
static int not_here(enum action a)
{
    const struct action_info *info = action_info(a);
    ui_message(UI_MSG_ERROR, _("F%d %s: this list has no use for it"), info->fkey, _(info->label));
    return UI_HANDLED;
}

/* Run one of the tab's row functions on the selected row. */
static void on_selected(struct list_screen *ls, void (*fn)(struct list_screen *, void *))
{
    void *row = list_screen_selected(ls);
    if (row) fn(ls, row);
}

/* Enter on a tab taking entries: hand the typed text over, then an empty line and fresh rows. */
static void list_submit(struct list_screen *ls, const struct list_tab *tab)
{
    char *raw = lineedit_text(&ls->search);
    char *typed = text_trim(raw);
    free(raw);
    lineedit_clear(&ls->search);
    tab->submit(ls, typed);
    free(typed);
    list_screen_reload(ls);
}

static int list_key(struct screen *s, enum action a, const struct key *k)
{
    struct list_screen *ls = (struct list_screen *)s;
    const struct list_tab *tab = list_screen_tab(ls);
    switch (a) {
    case ACT_NEXT_FIELD:
    case ACT_PREV_FIELD:
        if (ls->spec->ntabs > 1) list_screen_set_tab(ls, ls->tab + (a == ACT_NEXT_FIELD ? 1 : -1));
        return UI_HANDLED;
    case ACT_ENTER:
        if (tab->submit && !lineedit_empty(&ls->search)) {
            if (!tab_writable(tab)) return not_yours();
            list_submit(ls, tab);
            return UI_HANDLED;
        }
        /* fall through */
    case ACT_EDIT: {
        if (!tab_writable(tab) && (a == ACT_EDIT || (!tab->open && !tab->form))) return not_yours();
        /* Read only, Enter opens the row in its form, which shows it read only. */
        void (*fn)(struct list_screen *, void *) = a == ACT_ENTER && tab->open ? tab->open
                                                   : tab_writable(tab)         ? tab->edit
                                                                               : NULL;
        void *row = list_screen_selected(ls);
        if (fn)
            on_selected(ls, fn);
        else if (tab->form && row)
            ui_push(form_screen_new(tab->form, row, NULL));
        return UI_HANDLED;
    }
    case ACT_NEW:
        if ((tab->create || tab->form) && !tab_writable(tab)) return not_yours();
        if (tab->create)
            tab->create(ls);
        else if (tab->form)
            ui_push(form_screen_new(tab->form, NULL, NULL));
        else
            return not_here(a);
        return UI_HANDLED;
    case ACT_RETIRE:
        if ((tab->retire || tab->retiring) && !tab_writable(tab)) return not_yours();
        if (tab->retire)
            on_selected(ls, tab->retire);
        else if (tab->retiring && list_screen_selected(ls))
            list_screen_retire(ls, list_screen_selected(ls), tab->retiring);
        else if (!tab->retiring)
            return not_here(a);
        return UI_HANDLED;
    case ACT_SHOW_RETIRED: {
        if (!(tab->flags & LIST_RETIRED)) return not_here(a);
        ls->with_retired = !ls->with_retired;
        int sel = ls->list.sel, top = ls->list.top;
        columns_take(ls); /* the retired mark's column comes or goes */
        ls->list.sel = sel;
        ls->list.top = top;
        list_screen_reload(ls);
        return UI_HANDLED;
    }
    case ACT_REFRESH:
        ui_message(UI_MSG_INFO, "%s", _("Read again from the database"));
        list_screen_reload(ls); /* a failure says so over it */
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&ls->search, &ls->list, a, k, &reload);
    if (reload) list_screen_reload(ls);
    return r;
}

static void list_free(struct screen *s)
{
    struct list_screen *ls = (struct list_screen *)s;
    rows_free(ls);
    lineedit_free(&ls->search);
    if (ls->spec->free_ctx) ls->spec->free_ctx(ls->ctx);
    free(ls->bar);
    free(ls);
}

void list_rows_keep(const struct record_type *t, struct list_rows *rows, const char *query,
                    const char *field_a, const char *field_b)
{
    if (str_empty(query)) return;
    size_t kept = 0;
    for (size_t i = 0; i < rows->n; i++) {
        void *r = (char *)rows->items + i * t->size;
        int keep = pinyin_matches(record_text(t, r, field_a), query) ||
                   (field_b && pinyin_matches(record_text(t, r, field_b), query));
        if (keep && kept != i) memcpy((char *)rows->items + kept * t->size, r, t->size);
        if (keep)
            kept++;
        else
            record_free(t, r);
    }
    rows->n = kept;
}

/* Why the store refused a retire or restore, on the message line. */
static void retire_refused(const struct record_type *t, const struct list_retire *r, int retire,
                           int rc, int64_t blocking, const void *current)
{
    const char *by = record_text(t, current, "updated_by");
    if (rc == DB_INVALID && retire && blocking > 0) {
        /* TRANSLATORS: %s is "active records" or another blocked_by, its measure word included. */
        ui_message(UI_MSG_ERROR, _("Not retired: %lld %s still belong to it"), (long long)blocking,
                   _(r->blocked_by ? r->blocked_by : N_("active records")));
    } else if (rc == DB_INVALID && retire && r->why) {
        ui_message(UI_MSG_ERROR, _("Not retired: %s"), r->why());
    } else if (rc == DB_INVALID && !retire && r->orphan) {
        ui_message(UI_MSG_ERROR, "%s", _(r->orphan));
    } else if (rc == DB_CONFLICT && !str_empty(by)) {
        ui_message(UI_MSG_ERROR, _("Not changed: %s changed it at %s; look again"), by,
                   record_text(t, current, "updated_at"));
        db_generation_touch(ui.db); /* every screen reads it again */
    } else if (rc == DB_CONFLICT) {
        ui_lost_race();
    } else {
        ui_db_failed(_("Not changed"), rc);
    }
}

void list_screen_retire(struct list_screen *ls, void *row, const struct list_retire *r)
{
    const struct record_type *t = list_screen_tab(ls)->type;
    const char *code = record_text(t, row, "code"), *name = record_text(t, row, "name");
    char *what = r->name           ? r->name(row)
                 : str_empty(code) ? xstrdup(name)
                                   : xasprintf("%s %s", code, name);
    int retire = !record_int(t, row, "retired");
    const char *note =
        r->ask_note ? r->ask_note : N_("It stays in the records and can be restored.");
    char *q =
        retire ? xasprintf(_("Retire %s? %s"), what, _(note)) : xasprintf(_("Restore %s?"), what);
    int yes = dialog_confirm(retire ? _("Retire") : _("Restore"), q, 0);
    free(q);
    if (yes) {
        int64_t blocking = 0;
        void *current = xcalloc(1, t->size); /* zeroed: a store may fill it */
        int rc = r->set(row, retire, &blocking, current);
        if (rc == DB_OK)
            ui_message(UI_MSG_INFO, retire ? _("Retired: %s") : _("Restored: %s"), what);
        else
            retire_refused(t, r, retire, rc, blocking, current);
        record_free(t, current);
        free(current);
    }
    free(what);
}

static char *list_about(const struct screen *s)
{
    const struct list_screen *ls = (const struct list_screen *)s;
    return ls->spec->about ? ls->spec->about(ls) : NULL;
}

static const struct screen_ops list_ops = {
    .sync = list_sync, .draw = list_draw, .key = list_key, .free = list_free, .about = list_about};

/*
** The key bar: the keys the current tab answers to, those that change rows
** only where the user may change them. It follows the tab: a key that does
** nothing here is not offered.
*/
static void bar_set(struct list_screen *ls)
{
    const struct list_spec *spec = ls->spec;
    const struct list_tab *tab = &spec->tabs[ls->tab];
    int writes = tab_writable(tab);
    enum action *bar = ls->bar;
    size_t n = 0;
    for (size_t i = 0; plain_bar[i] != ACT_NONE; i++) {
        enum action a = plain_bar[i];
        int offered = a == ACT_SEARCH || a == ACT_REFRESH || (a == ACT_MENU && spec->menu) ||
                      (a == ACT_EDIT && writes && (tab->edit || tab->form)) ||
                      (a == ACT_NEW && writes && (tab->create || tab->form)) ||
                      (a == ACT_RETIRE && writes && (tab->retire || tab->retiring)) ||
                      (a == ACT_SHOW_RETIRED && (tab->flags & LIST_RETIRED));
        if (offered) bar[n++] = a;
    }
    bar[n] = ACT_NONE;
}

struct screen *list_screen_new(const struct list_spec *spec, int tab, void *ctx)
{
    struct list_screen *ls = xcalloc(1, sizeof *ls);
    ls->base.ops = &list_ops;
    ls->base.title = _(spec->title);
    ls->bar = xcalloc(ARRAY_LEN(plain_bar), sizeof *ls->bar);
    ls->base.bar = ls->bar;
    ls->base.commands = spec->menu;
    ls->spec = spec;
    ls->ctx = ctx;
    ls->list = (struct listview){ls->cols, 0, 0, -1, 0, 1, cell_of, dim_of, ls};
    lineedit_init(&ls->search, 40);
    ls->tab = tab_from(ls, tab, 1);
    bar_set(ls);
    columns_take(ls);
    if (spec->tab_changed) spec->tab_changed(ls);
    return &ls->base;
}
