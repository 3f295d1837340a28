/*
** screen_resident_view: one resident as the desk sees them. ID and phone
** numbers stay masked; showing one in full asks why and writes the audit
** log first (F9). Sensitive tags are shown here, where the clerk needs them.
*/
#include "db/request_store.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>

/* The resident's requests, newest first, at most this many listed. */
#define VIEW_REQUESTS 200

enum { RQ_NUMBER, RQ_DATE, RQ_TITLE, RQ_STATE, RQ_NCOLS };

struct resident_view {
    struct screen base;
    int64_t id;
    struct resident r;
    struct resident_hits household;
    struct request_list requests;
    struct list_column cols[RQ_NCOLS];
    struct listview list; /* the requests: Up and Down choose, Enter opens */
    char cell[32];
    int loaded;
    unsigned generation;
    int show_id, show_phone; /* revealed, and recorded */
};

static const enum action view_bar[] = {ACT_EDIT, ACT_REFRESH, ACT_NEW, ACT_MENU, ACT_NONE};

static void view_unload(struct resident_view *v)
{
    if (!v->loaded) return;
    resident_free(&v->r);
    resident_hits_free(&v->household);
    request_list_free(&v->requests);
    v->loaded = 0;
}

static void view_load(struct resident_view *v)
{
    view_unload(v);
    v->loaded = resident_get(ui.db, v->id, &v->r) == DB_OK;
    if (!v->loaded) ui_message(UI_MSG_ERROR, "%s", db_rc_message(DB_NOTFOUND));
    if (v->loaded && v->r.head_id) resident_household(ui.db, v->r.head_id, &v->household);
    if (v->loaded) {
        struct request_filter f = {.level = -1, .resident_id = v->id};
        if (request_queue(ui.db, QUEUE_ALL, &f, SORT_NEWEST, VIEW_REQUESTS, &v->requests) != DB_OK)
            ui_message(UI_MSG_ERROR, "%s", _("The resident's requests could not be read"));
    }
    listview_set_count(&v->list, (int)v->requests.n);
    v->generation = db_generation(ui.db);
}

static const char *request_cell(void *ctx, int row, int col)
{
    struct resident_view *v = ctx;
    const struct request *r = &v->requests.items[row];
    switch (col) {
    case RQ_NUMBER:
        return r->number;
    case RQ_DATE: {
        char full[17];
        clock_format_minute(r->created_at, full);
        snprintf(v->cell, sizeof v->cell, "%.10s", full);
        return v->cell;
    }
    case RQ_TITLE:
        return r->title;
    default:
        return _(request_state_label(r->state));
    }
}

static int request_dim(void *ctx, int row)
{
    return request_state_closed(((struct resident_view *)ctx)->requests.items[row].state);
}

/* Draw "label value" at (y, x) in w columns. */
static void pair(int y, int x, int w, const char *label, const char *value)
{
    int lw = text_width(label) >= 10 ? text_width(label) + 1 : 10; /* 与户主关系: a gap still */
    draw_text(y, x, lw, label, term_attr(UI_DIM), 0);
    draw_text(y, x + lw, w - lw, value, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
}

static void view_draw(struct screen *s, int top, int rows)
{
    struct resident_view *v = (struct resident_view *)s;
    if (!v->loaded) return;
    const struct resident *r = &v->r;
    int half = COLS / 2, y = top + 1;
    char *id = v->show_id ? xstrdup(r->id_number) : resident_masked_id(r->id_number);
    char *phone = v->show_phone ? xstrdup(r->phone) : resident_masked_phone(r->phone);
    int age = resident_age(r, clock_now());
    char *birth =
        age >= 0 ? xasprintf(_("%s (%d years)"), r->birth_date, age) : xstrdup(r->birth_date);
    char *head = r->head_id == r->id && r->id ? xstrdup(_("(self)")) : xstrdup(r->head_name);

    if (resident_status_of(r) != RESIDENT_PRESENT) {
        /* Off the register: said first, where the clerk looks. */
        char *line = resident_status_line(r);
        char *said =
            xasprintf(_("%s. Kept for the records; not in the default list or search."), line);
        draw_text(top, 1, COLS - 2, said, term_attr(UI_ERROR) | A_BOLD, TEXT_FIT_ELLIPSIS);
        free(said);
        free(line);
    }
    pair(y, 1, half - 1, _("Full name"), r->name);
    pair(y++, half, COLS - half - 1, _("Sex"), resident_gender_text(r->gender));
    pair(y, 1, half - 1, _("Ethnicity"), r->ethnicity);
    pair(y++, half, COLS - half - 1, _("Born"), birth);
    pair(y, 1, half - 1, _("ID number"), id);
    pair(y++, half, COLS - half - 1, _("Mobile"), phone);
    pair(y++, 1, COLS - 2, _("Landline"), r->landline);
    pair(y, 1, half - 1, _("Community"), r->community);
    pair(y++, half, COLS - half - 1, _("Grid"), r->grid);
    pair(y++, 1, COLS - 2, _("Address"), r->address);
    pair(y, 1, half - 1, _("Household"), head);
    pair(y++, half, COLS - half - 1, _("Relation"), r->relation);
    pair(y++, 1, COLS - 2, _("Tags"), r->tags);
    pair(y++, 1, COLS - 2, _("Note"), r->note);
    y++;
    if (v->household.n > 1) {
        struct strbuf sb = STRBUF_INIT;
        for (size_t i = 0; i < v->household.n; i++)
            strbuf_addf(&sb, "%s%s %s", i ? _("; ") : "", v->household.items[i].name,
                        v->household.items[i].relation);
        char *members = xasprintf(_("Household (%zu): %s"), v->household.n, strbuf_str(&sb));
        draw_text(y++, 1, COLS - 2, members, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
        free(members);
        strbuf_free(&sb);
    }
    /* The requests: what this person asked, each opened with Enter; F7 takes a new one down. */
    char *heading =
        v->requests.total > (int64_t)v->requests.n
            ? xasprintf(_("Requests (%zu shown of %lld): Enter opens, F7 takes a new one down"),
                        v->requests.n, (long long)v->requests.total)
            : xasprintf(_("Requests (%zu): Enter opens, F7 takes a new one down"), v->requests.n);
    draw_text(y++, 1, COLS - 2, heading, A_BOLD, TEXT_FIT_ELLIPSIS);
    free(heading);
    int room = top + rows - 2 - y;
    if (v->requests.n && room >= 2)
        listview_draw(&v->list, y, 1, room, COLS - 2);
    else if (room >= 1)
        draw_text(y, 3, COLS - 4, _("None yet."), term_attr(UI_DIM), 0);
    /* To the minute, and a record never changed says so once: the line fits 80 columns. */
    char *made =
        r->version > 1
            ? xasprintf(_("Registered %.16s %s, changed %.16s %s, version %lld"), r->created_at,
                        r->created_by, r->updated_at, r->updated_by, (long long)r->version)
            : xasprintf(_("Registered %.16s %s, version 1"), r->created_at, r->created_by);
    draw_text(top + rows - 2, 1, COLS - 2, made, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    free(made);
    draw_text(top + rows - 1, 1, COLS - 2,
              _("Numbers are masked: F9 shows one in full, recorded with the reason."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    free(id);
    free(phone);
    free(birth);
    free(head);
}

int reveal_ask(reveal_write write, int64_t id, const char *field, const char *what,
               const char *whose)
{
    char *prompt = xasprintf(_("Showing the full %s of %s is recorded with your name and the "
                               "reason. Why is it needed?"),
                             what, whose);
    char *reason = NULL;
    int ok = dialog_input(_("Show in full"), prompt, NULL, 100, &reason);
    free(prompt);
    if (!ok) return 0;
    int shown = 0, rc;
    if (text_blank(reason)) {
        ui_message(UI_MSG_ERROR, "%s", _("Not shown: a reason is needed"));
    } else if ((rc = write(ui.db, id, field, reason, actor_name())) == DB_OK) {
        shown = 1;
        ui_message(UI_MSG_INFO, "%s", _("Shown in full; recorded in the audit log"));
    } else if (rc == DB_DENIED) {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Not shown: your role may not reveal a full ID or mobile number"));
    } else {
        ui_message(UI_MSG_ERROR, "%s", _("Not shown: the audit log could not be written"));
    }
    free(reason);
    return shown;
}

static void reveal_id(struct screen *s, const struct command *c)
{
    (void)c;
    struct resident_view *v = (struct resident_view *)s;
    if (str_empty(v->r.id_number))
        ui_message(UI_MSG_INFO, "%s", _("No ID number is on file: there is nothing to show"));
    else if (reveal_ask(resident_reveal, v->id, "id_number", _("ID number"), v->r.name))
        v->show_id = 1;
}

static void reveal_phone(struct screen *s, const struct command *c)
{
    (void)c;
    struct resident_view *v = (struct resident_view *)s;
    if (str_empty(v->r.phone))
        ui_message(UI_MSG_INFO, "%s", _("No mobile number is on file: there is nothing to show"));
    else if (reveal_ask(resident_reveal, v->id, "phone", _("mobile number"), v->r.name))
        v->show_phone = 1;
}

static void edit(struct screen *s, const struct command *c)
{
    (void)c;
    ui_push(screen_resident_form_new(((struct resident_view *)s)->id));
}

/* Ask for one line; 0 when cancelled. *out is trimmed; caller frees. */
static int ask(const char *title, const char *prompt, const char *initial, size_t max, char **out)
{
    char *typed = NULL;
    if (!dialog_input(title, prompt, initial, max, &typed)) return 0;
    *out = text_trim(typed);
    free(typed);
    return 1;
}

/* F9: moved out, deceased, or back on the register: with the date, where to, and why. */
static void status_change(struct screen *s, const struct command *c)
{
    (void)c;
    struct resident_view *v = (struct resident_view *)s;
    static const enum resident_status offered[] = {RESIDENT_MOVED, RESIDENT_DECEASED,
                                                   RESIDENT_PRESENT};
    const char *options[3];
    for (int i = 0; i < 3; i++)
        options[i] = resident_status_label(offered[i]);
    char *title = xasprintf(_("Status of %s"), v->r.name);
    int k = dialog_options(title, _("What happened?"), options, 3);
    enum resident_status to = k >= 0 ? offered[k] : RESIDENT_PRESENT;
    char today[11];
    struct date d = date_of(clock_now());
    date_format(&d, today);
    char *date = NULL, *place = NULL, *reason = NULL;
    int go = k >= 0;
    const char *asked =
        to == RESIDENT_MOVED ? _("Moved out on (YYYY-MM-DD):") : _("Died on (YYYY-MM-DD):");
    if (go && to != RESIDENT_PRESENT) go = ask(title, asked, today, 10, &date);
    /* A date that will not do is said at once and asked again, as typed (not after the rest). */
    const char *bad;
    while (go && to != RESIDENT_PRESENT &&
           (bad = resident_status_date_check(date, v->r.birth_date, clock_now())) != NULL) {
        ui_message(UI_MSG_ERROR, _("%s: %s"), date, bad);
        char *again = date;
        date = NULL;
        go = ask(title, asked, again, 10, &date);
        free(again);
        if (go) ui_message_clear(); /* checked again at the loop's head, said again if wrong */
    }
    if (go && to == RESIDENT_MOVED)
        go = ask(title, _("Moved to (district, city):"), NULL, 40, &place);
    if (go)
        go = ask(title, _("Reason, or how it is known (kept in the audit log):"), NULL, 100,
                 &reason);
    if (go) {
        const char *why = NULL;
        int rc = resident_set_status(ui.db, v->id, v->r.version, to, date, place, reason,
                                     actor_name(), &why);
        if (rc == DB_OK)
            ui_message(UI_MSG_INFO, _("%s: %s; recorded in the audit log"), v->r.name,
                       resident_status_label(to));
        else if (rc == DB_INVALID && why)
            ui_message(UI_MSG_ERROR, _("Not changed: %s"), why);
        else if (rc == DB_CONFLICT)
            ui_lost_race();
        else
            ui_db_failed(_("Not changed"), rc);
    }
    free(title);
    free(date);
    free(place);
    free(reason);
}

static const struct command view_menu[] = {
    {"reveal-id", '1', N_("Show the full ID number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal_id, 0, NULL},
    {"reveal-phone", '2', N_("Show the full mobile number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal_phone, 0, NULL},
    {"edit", '3', N_("Edit"), N_("Edit the record"), RIGHT_RESIDENTS, edit, 0, NULL},
    {"resident-status", '4', N_("Moved out, deceased, or back on the register"),
     N_("Record a move or a death with its date and reason; the record is kept"), RIGHT_RESIDENTS,
     status_change, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static int view_key(struct screen *s, enum action a, const struct key *k)
{
    struct resident_view *v = (struct resident_view *)s;
    (void)k;
    if (!v->loaded) return UI_IGNORED;
    switch (a) {
    case ACT_EDIT:
        ui_push(screen_resident_form_new(v->id));
        return UI_HANDLED;
    case ACT_REFRESH:
        view_load(v);
        return UI_HANDLED;
    case ACT_NEW:
        ui_push(screen_request_form_for(v->id));
        return UI_HANDLED;
    case ACT_ENTER:
        if (v->list.sel >= 0 && (size_t)v->list.sel < v->requests.n)
            ui_push(screen_request_view_new(v->requests.items[v->list.sel].id));
        return UI_HANDLED;
    default:
        if (listview_key(&v->list, a)) return UI_HANDLED;
        return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
    }
}

static void view_free(struct screen *s)
{
    struct resident_view *v = (struct resident_view *)s;
    view_unload(v);
    free(v);
}

static void view_sync(struct screen *s)
{
    struct resident_view *v = (struct resident_view *)s;
    if (v->generation != db_generation(ui.db)) view_load(v);
}

/* For F1: what the record shows and what can be done from it. */
static char *view_about(const struct screen *s)
{
    (void)s;
    return xstrdup(_("One resident: their details (numbers masked), household, tags, and their "
                     "requests, newest first. Up and Down choose a request, Enter opens it; F7 "
                     "takes a new one down for this resident; F4 edits the record; F9 shows a "
                     "number in full (asking why), records a move or a death, and more."));
}

static const struct screen_ops view_ops = {
    .sync = view_sync, .draw = view_draw, .key = view_key, .free = view_free, .about = view_about};

struct screen *screen_resident_view_new(int64_t id)
{
    struct resident_view *v = xcalloc(1, sizeof *v);
    v->base.ops = &view_ops;
    v->base.title = _("Resident");
    v->base.bar = view_bar;
    v->base.commands = view_menu;
    v->id = id;
    v->cols[RQ_NUMBER] = (struct list_column){_("Number"), 11, 0};
    v->cols[RQ_DATE] = (struct list_column){_("Date taken down"), 10, 0};
    v->cols[RQ_TITLE] = (struct list_column){_("Title"), 0, 0};
    v->cols[RQ_STATE] = (struct list_column){_("State"), 8, 0};
    v->list = (struct listview){v->cols, RQ_NCOLS, 0, -1, 0, 1, request_cell, request_dim, v};
    view_load(v);
    return &v->base;
}
