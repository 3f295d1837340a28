/*
** screen_talk: 和平夜话, the evening-talk sessions: officials' visits after
** hours that collect residents' requests. The list shows each session
** with how many requests it raised and how many are still open, so one
** glance tells whether every matter of an evening has its answer; Enter
** lists them, F7 records a new session, F4 corrects one.
*/
#include "db/area.h"
#include "db/request_store.h"
#include "src/actor.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_DATE, COL_PLACE, COL_OFFICIALS, COL_RAISED, COL_OPEN, NCOLS };

struct talk_screen {
    struct screen base;
    struct lineedit search;
    struct talk_list rows;
    struct list_column cols[NCOLS];
    struct listview list;
    unsigned generation;
    char cell[32];
};

static const enum action talk_bar[] = {ACT_SEARCH, ACT_EDIT, ACT_REFRESH, ACT_NEW, ACT_NONE};

static const char *talk_cell(void *ctx, int row, int col)
{
    struct talk_screen *ts = ctx;
    const struct evening_talk *t = &ts->rows.v[row];
    switch (col) {
    case COL_DATE:
        return t->held_on;
    case COL_PLACE:
        return t->place;
    case COL_OFFICIALS:
        return t->officials;
    case COL_RAISED:
        snprintf(ts->cell, sizeof ts->cell, "%lld", (long long)t->requests);
        return ts->cell;
    default:
        if (t->requests && !t->open) return _("all answered");
        snprintf(ts->cell, sizeof ts->cell, "%lld", (long long)t->open);
        return ts->cell;
    }
}

static void talk_reload(struct talk_screen *ts)
{
    char *q = lineedit_text(&ts->search);
    talk_list_free(&ts->rows);
    int rc = talk_list(ui.db, q, &ts->rows);
    free(q);
    if (rc != DB_OK) ui_message(UI_MSG_ERROR, "%s", db_rc_message(rc));
    listview_set_count(&ts->list, (int)ts->rows.n);
    ts->generation = ui.generation;
}

static void talk_draw(struct screen *s, int top, int rows)
{
    struct talk_screen *ts = (struct talk_screen *)s;
    if (ts->generation != ui.generation) talk_reload(ts);
    char *count = xasprintf(_("%zu sessions"), ts->rows.n);
    search_line_draw(&ts->search, top, _("a date, place or official"), count, s);
    free(count);
    listview_draw(&ts->list, top + 1, 0, rows - 2, COLS);
    draw_text(top + rows - 1, 1, COLS - 2,
              _("Enter: the session's requests and their state · F7: a new session"),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

/* --- the session form ---------------------------------------------------------------------- */

enum { F_DATE, F_PLACE, F_OFFICIALS, F_COMMUNITY, F_NOTE };

struct talk_form {
    struct screen base;
    struct form form;
    struct evening_talk rec;
};

static const enum action form_bar[] = {ACT_SAVE, ACT_NONE};

static const char *check_date(const char *text)
{
    struct date d;
    if (str_empty(text)) return _("Required");
    int rc = date_parse(text, &d);
    if (rc == DATE_NOT_A_DATE) return _("Not a date: 1990-03-07, 1990/3/7 or 19900307");
    if (rc == DATE_IMPOSSIBLE) return _("There is no such day");
    return NULL;
}

static const char *check_place(const char *text)
{
    return str_empty(text) ? _("Required") : validate_line(text);
}

static void talk_form_draw(struct screen *s, int top, int rows)
{
    struct talk_form *tf = (struct talk_form *)s;
    form_draw(&tf->form, top + 1, rows - 1, COLS, s);
}

static int talk_form_save(struct talk_form *tf)
{
    struct form *f = &tf->form;
    if (form_check_all(f) >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    char *date = form_text(f, F_DATE);
    struct date d;
    date_parse(date, &d);
    char iso[11];
    record_set(&tf->rec.held_on, date_format(&d, iso));
    free(date);
    record_take(&tf->rec.place, form_text(f, F_PLACE));
    record_take(&tf->rec.officials, form_text(f, F_OFFICIALS));
    record_take(&tf->rec.note, form_text(f, F_NOTE));
    tf->rec.community_id = form_choice(f, F_COMMUNITY);
    int rc = talk_save(ui.db, &tf->rec, actor_name());
    if (rc == DB_CONFLICT) {
        struct evening_talk now;
        if (talk_get(ui.db, tf->rec.id, &now) == DB_OK) {
            tf->rec.version = now.version; /* told: the next F2 saves over it on purpose */
            talk_free(&now);
        }
        ui_message(UI_MSG_ERROR, "%s",
                   _("Not saved: someone changed this session meanwhile; your typing is kept, "
                     "F2 again saves it over theirs"));
        return UI_HANDLED;
    }
    if (rc != DB_OK) {
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), db_rc_message(rc));
        return UI_HANDLED;
    }
    ui_message(UI_MSG_INFO, _("Saved: %s %s"), tf->rec.held_on, tf->rec.place);
    form_mark_clean(f);
    ui.generation++;
    return UI_CLOSE;
}

static int talk_form_key(struct screen *s, enum action a, const struct key *k)
{
    struct talk_form *tf = (struct talk_form *)s;
    int r = form_key(&tf->form, a, k);
    return r == FORM_SAVE ? talk_form_save(tf) : r;
}

static int talk_form_dirty(struct screen *s)
{
    return form_dirty(&((struct talk_form *)s)->form);
}

static void talk_form_free(struct screen *s)
{
    struct talk_form *tf = (struct talk_form *)s;
    form_free(&tf->form);
    talk_free(&tf->rec);
    free(tf);
}

static const struct screen_ops talk_form_ops = {talk_form_draw, talk_form_key, talk_form_dirty,
                                                talk_form_free};

static struct screen *talk_form_new(const struct evening_talk *t)
{
    struct talk_form *tf = xcalloc(1, sizeof *tf);
    tf->base.ops = &talk_form_ops;
    tf->base.bar = form_bar;
    tf->base.title = t ? _("Edit evening talk") : _("New evening talk");
    talk_init(&tf->rec);
    if (t) {
        tf->rec.id = t->id;
        tf->rec.version = t->version;
    }
    struct form *f = &tf->form;
    form_init(f);
    form_add_text(f, _("Held on"), t ? t->held_on : "", 12, 12, check_date, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Place"), t ? t->place : "", 60, 36, check_place, TEXT_NORM_PROSE);
    form_add_text(f, _("Officials"), t ? t->officials : "", 100, 40, validate_line,
                  TEXT_NORM_PROSE);
    form_add_choice(f, _("Community"), t ? t->community_id : 0, t ? t->community : "",
                    choices_communities, NULL, 1, 20);
    form_add_text(f, _("Note"), t ? t->note : "", 200, 40, validate_line, TEXT_NORM_PROSE);
    return &tf->base;
}

/* --- the list ------------------------------------------------------------------------------ */

static int talk_key(struct screen *s, enum action a, const struct key *k)
{
    struct talk_screen *ts = (struct talk_screen *)s;
    int has = ts->list.sel >= 0 && (size_t)ts->list.sel < ts->rows.n;
    switch (a) {
    case ACT_ENTER:
        if (has) ui_push(screen_talk_requests_new(&ts->rows.v[ts->list.sel]));
        return UI_HANDLED;
    case ACT_EDIT:
        if (has) ui_push(talk_form_new(&ts->rows.v[ts->list.sel]));
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(talk_form_new(NULL));
        return UI_HANDLED;
    case ACT_REFRESH:
        talk_reload(ts);
        return UI_HANDLED;
    default:
        break;
    }
    int reload, r = search_list_key(&ts->search, &ts->list, a, k, &reload);
    if (reload) talk_reload(ts);
    return r;
}

static void talk_free_screen(struct screen *s)
{
    struct talk_screen *ts = (struct talk_screen *)s;
    talk_list_free(&ts->rows);
    lineedit_free(&ts->search);
    free(ts);
}

static const struct screen_ops talk_ops = {talk_draw, talk_key, NULL, talk_free_screen};

struct screen *screen_talk_new(void)
{
    static const struct list_column columns[NCOLS] = {
        {N_("Date"), 10, 0},
        {N_("Place"), 0, 0},
        {N_("Officials"), 24, 0},
        {N_("Raised"), 6, TEXT_FIT_RIGHT},
        {N_("Open"), 10, TEXT_FIT_RIGHT},
    };
    struct talk_screen *ts = xcalloc(1, sizeof *ts);
    ts->base.ops = &talk_ops;
    ts->base.title = _("Evening talks");
    ts->base.bar = talk_bar;
    for (int i = 0; i < NCOLS; i++) {
        ts->cols[i] = columns[i];
        ts->cols[i].title = _(columns[i].title);
    }
    ts->list = (struct listview){ts->cols, NCOLS, 0, -1, 0, 1, talk_cell, NULL, ts};
    lineedit_init(&ts->search, 40);
    talk_reload(ts);
    return &ts->base;
}
