/*
** screen_activity: volunteer activities (志愿活动) and their roll, through
** the kits. The activities are the volunteer screen's third tab (F7 a new
** one, F4 the activity, Enter its roll). The roll lists today's sign-ins
** and sign-outs at the activity; a volunteer number typed there and Enter
** (as a barcode scanner sends a card's number) signs that volunteer in,
** or out when signed in, in one transaction, and says who, in or out, and
** the minutes recorded; a number nobody has, a fourth pair or an overlap
** is said with nothing saved.
*/
#include "db/hours_store.h"
#include "db/volunteer_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/screen_volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the activity form ----------------------------------------------------------------------- */

enum {
    A_TEAM,
    A_NAME,
    A_CATEGORY,
    A_KIND,
    A_PLACE,
    A_STARTS,
    A_ENDS,
    A_LEADER,
    A_QUOTA,
    A_STATUS,
    A_CONTENT
};

static int team_choices(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct team *teams;
    size_t n;
    if (team_list(ui.db, 0, &teams, &n) != DB_OK) return -1;
    for (size_t i = 0; i < n; i++)
        choice_list_offer(out, query, teams[i].id, teams[i].name, teams[i].parent_name);
    record_array_free(&team_record, teams, n);
    return 0;
}

struct offer {
    struct choice_list *out;
    const char *query;
};

static int category_offer(void *ctx, int64_t id, const char *name)
{
    struct offer *o = ctx;
    choice_list_offer(o->out, o->query, id, name, "");
    return 1;
}

static int category_choices(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct offer o = {out, query};
    return service_category_each(ui.db, category_offer, &o) == DB_OK ? 0 : -1;
}

static int status_choices(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    int n;
    const char *const *codes = activity_statuses(&n);
    for (int i = 0; i < n; i++)
        choice_list_offer(out, query, i + 1, activity_status_label(codes[i]), "");
    return 0;
}

static int kind_choices(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    int n;
    const char *const *codes = activity_kinds(&n);
    for (int i = 0; i < n; i++)
        choice_list_offer(out, query, i + 1, activity_kind_label(codes[i]), "");
    return 0;
}

/* The index (from 1) of code among n codes; 1 when it is none of them. */
static int64_t code_index(const char *const *codes, int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (str_eq(code, codes[i])) return i + 1;
    return 1;
}

static const char *check_time(const char *text)
{
    char t[17];
    if (activity_time_parse(text, t) == 0) return NULL;
    return _("A date and time: YYYY-MM-DD HH:MM");
}

static const char *check_quota(const char *text)
{
    if (str_empty(text)) return NULL;
    size_t len = strlen(text);
    int ok = len <= 5;
    for (size_t i = 0; i < len && ok; i++)
        ok = text[i] >= '0' && text[i] <= '9';
    if (ok && atoi(text) <= ACTIVITY_QUOTA_MAX) return NULL;
    return _("Quota: 0 to 10000 volunteers");
}

static void activity_build(struct form_screen *fs)
{
    const struct activity *a = fs->orig;
    struct form *f = &fs->form;
    int ns, nk;
    const char *const *statuses = activity_statuses(&ns);
    const char *const *kinds = activity_kinds(&nk);
    char quota[12] = "";
    if (a->quota) snprintf(quota, sizeof quota, "%d", a->quota);
    form_add_choice(f, _("Team"), a->team_id, a->team_name, team_choices, fs, 0, 24);
    form_add_text(f, _("Name"), a->name, ACTIVITY_NAME_MAX, 30, validate_required, TEXT_NORM_PROSE);
    form_add_choice(f, _("Service category"), a->category_id, a->category, category_choices, fs, 1,
                    12);
    form_add_choice(f, _("Kind"), code_index(kinds, nk, a->kind), activity_kind_label(a->kind),
                    kind_choices, fs, 0, 6);
    form_add_text(f, _("Place"), a->place, ACTIVITY_PLACE_MAX, 30, validate_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Starts"), a->starts_at, 16, 17, check_time, 0);
    form_add_text(f, _("Ends"), a->ends_at, 16, 17, check_time, 0);
    form_add_choice(f, _("Leader"), a->leader_id, a->leader_name, volunteer_choices, fs, 1, 16);
    form_add_text(f, _("Quota"), quota, 5, 6, check_quota, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Status"), code_index(statuses, ns, a->status),
                    activity_status_label(a->status), status_choices, fs, 0, 6);
    form_add_text(f, _("Content"), a->content, ACTIVITY_CONTENT_MAX, 50, NULL, TEXT_NORM_PROSE);
    static const char *const binds[] = {"team_id", "name",      "category_id", "kind",
                                        "place",   "starts_at", "ends_at",     "leader_id",
                                        "quota",   "status",    "content"};
    for (int k = 0; k < f->n; k++)
        form_bind(f, k, binds[k]);
}

static int activity_check_form(struct form_screen *fs)
{
    struct form *f = &fs->form;
    char *s = form_text(f, A_STARTS), *e = form_text(f, A_ENDS);
    char st[17], en[17];
    int bad =
        activity_time_parse(s, st) == 0 && activity_time_parse(e, en) == 0 && strcmp(en, st) <= 0;
    free(s);
    free(e);
    if (!bad) return -1;
    form_set_message(f, A_ENDS, _("The activity ends before it starts"));
    return A_ENDS;
}

/* A time field as stored ("YYYY-MM-DD HH:MM"), or as typed when it is none. */
static char *form_time(struct form *f, int i)
{
    char *typed = form_text(f, i);
    char t[17];
    if (activity_time_parse(typed, t) != 0) return typed;
    free(typed);
    return xstrdup(t);
}

static int activity_form_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct activity *a = rec;
    int ns, nk;
    const char *const *statuses = activity_statuses(&ns);
    const char *const *kinds = activity_kinds(&nk);
    a->team_id = form_choice(f, A_TEAM);
    record_set(&a->team_name, f->fields[A_TEAM].choice_label);
    record_take(&a->name, form_text(f, A_NAME));
    a->category_id = form_choice(f, A_CATEGORY);
    record_set(&a->category, f->fields[A_CATEGORY].choice_label);
    int64_t k = form_choice(f, A_KIND);
    record_set(&a->kind, kinds[k >= 1 && k <= nk ? k - 1 : 0]);
    record_take(&a->place, form_text(f, A_PLACE));
    record_take(&a->starts_at, form_time(f, A_STARTS));
    record_take(&a->ends_at, form_time(f, A_ENDS));
    a->leader_id = form_choice(f, A_LEADER);
    record_set(&a->leader_name, f->fields[A_LEADER].choice_label);
    char *quota = form_text(f, A_QUOTA);
    a->quota = atoi(quota);
    free(quota);
    int64_t s = form_choice(f, A_STATUS);
    record_set(&a->status, statuses[s >= 1 && s <= ns ? s - 1 : 0]);
    record_take(&a->content, form_text(f, A_CONTENT));
    return 0;
}

static int activity_form_save(struct form_screen *fs, void *rec)
{
    const char *why = NULL;
    int rc = activity_save(ui.db, rec, actor_name(), &why);
    if (rc == DB_INVALID && why) {
        form_set_message(&fs->form, ((const struct activity *)rec)->team_id ? A_NAME : A_TEAM, why);
        ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
    }
    return rc;
}

static int activity_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return activity_get(ui.db, ((const struct activity *)rec)->id, out);
}

static int activity_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)fs;
    (void)rec;
    return rc == DB_INVALID ? UI_HANDLED : -1;
}

const struct form_spec activity_form = {
    .type = &activity_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("New activity"),
    .title_edit = N_("Edit activity"),
    .intro_new = N_("A new activity: its team, name and times (YYYY-MM-DD HH:MM)."),
    .build = activity_build,
    .check = activity_check_form,
    .read = activity_form_read,
    .save = activity_form_save,
    .get = activity_form_get,
    .refused = activity_refused,
};

/* --- the activities tab ---------------------------------------------------------------------- */

int activity_tab_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct activity *rows;
    int rc = activity_list(ui.db, &rows, &out->n);
    out->items = rows;
    list_rows_keep(&activity_record, out, query, "name", "team_name");
    return rc;
}

const char *activity_tab_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct activity *a = row;
    switch (col) {
    case 0:
        return a->starts_at;
    case 1:
        return a->name;
    case 2:
        return a->team_name;
    case 3:
        return a->category;
    case 4:
        return activity_status_label(a->status);
    default:
        snprintf(buf, LIST_CELL_MAX, "%s", a->place);
        return buf;
    }
}

int activity_tab_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    const struct activity *a = row;
    return str_eq(a->status, ACTIVITY_ENDED) || str_eq(a->status, ACTIVITY_CANCELLED);
}

/* Today, YYYY-MM-DD, into buf[11]. */
static char *today(char *buf)
{
    char now[20];
    clock_format(clock_now(), now);
    snprintf(buf, 11, "%.10s", now);
    return buf;
}

void activity_tab_create(struct list_screen *ls)
{
    (void)ls;
    struct activity a;
    record_init(&activity_record, &a);
    char day[11], t[17];
    today(day);
    snprintf(t, sizeof t, "%s 09:00", day);
    record_set(&a.starts_at, t);
    snprintf(t, sizeof t, "%s 17:00", day);
    record_set(&a.ends_at, t);
    ui_push(form_screen_new(&activity_form, &a, NULL));
    record_free(&activity_record, &a);
}

/* --- the roll -------------------------------------------------------------------------------- */

/* The activity a roll is for, and what the last number given did. */
struct roll_ctx {
    int64_t activity_id;
    char title[200];
    char last[300];
    char day[11];
};

static int roll_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)query; /* what is typed is a number to sign, not a search */
    struct roll_ctx *c = ls->ctx;
    struct service_record *rows;
    int rc = service_records_of(ui.db, c->activity_id, today(c->day), &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *roll_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct service_record *r = row;
    switch (col) {
    case 0:
        return r->volunteer_number;
    case 1:
        return r->volunteer_name;
    case 2:
        return r->sign_in;
    case 3:
        return *r->sign_out ? r->sign_out : _("(in)");
    default:
        if (!*r->sign_out) return "";
        snprintf(buf, LIST_CELL_MAX, "%d", r->minutes);
        return buf;
    }
}

/* Say what signing did (or why it did nothing), on the message line and above the list. */
static void roll_said(struct roll_ctx *c, enum ui_message_kind kind, char *text)
{
    snprintf(c->last, sizeof c->last, "%s", text);
    ui_message(kind, "%s", text);
    free(text);
}

static void roll_submit(struct list_screen *ls, const char *typed)
{
    struct roll_ctx *c = ls->ctx;
    struct hours_signed s;
    int rc = hours_sign(ui.db, c->activity_id, typed, actor_name(), &s);
    char hours[24];
    if (rc == DB_OK && s.move == HOURS_SIGN_IN)
        roll_said(c, UI_MSG_INFO, xasprintf(_("Signed in: %s (%s) at %s"), s.name, s.number, s.at));
    else if (rc == DB_OK)
        roll_said(c, UI_MSG_INFO,
                  xasprintf(_("Signed out: %s (%s) at %s, %s-%s: %d minutes (%s hours)"), s.name,
                            s.number, s.at, s.in, s.at, s.minutes, hours_format(s.minutes, hours)));
    else if (rc == DB_NOTFOUND)
        roll_said(c, UI_MSG_ERROR,
                  xasprintf(_("No volunteer has the number %s: nothing recorded"), s.number));
    else if (rc == DB_INVALID)
        roll_said(c, UI_MSG_ERROR,
                  *s.name ? xasprintf(_("%s (%s): %s"), s.name, s.number, s.why)
                          : xasprintf("%s", s.why));
    else if (rc == DB_DENIED)
        roll_said(c, UI_MSG_ERROR, xstrdup(_("Your role may not record volunteer hours")));
    else
        ui_db_failed(_("Nothing recorded"), rc);
    hours_signed_free(&s);
}

static const char *roll_heading(struct list_screen *ls)
{
    return ((const struct roll_ctx *)ls->ctx)->title;
}

static const char *roll_above(struct list_screen *ls)
{
    const struct roll_ctx *c = ls->ctx;
    return *c->last ? c->last : NULL;
}

static char *roll_status(struct list_screen *ls)
{
    int64_t minutes = 0;
    size_t in = 0;
    for (size_t i = 0; i < ls->rows.n; i++) {
        const struct service_record *r = list_screen_row(ls, i);
        minutes += r->minutes;
        in += !*r->sign_out;
    }
    char hours[24];
    return xasprintf(_("%zu pairs, %zu in, %s hours"), ls->rows.n, in,
                     hours_format(minutes, hours));
}

static char *roll_tab_note(struct list_screen *ls)
{
    return xasprintf(_("Today %s"), ((const struct roll_ctx *)ls->ctx)->day);
}

static const struct list_tab roll_tab = {.type = &service_record_record,
                                         .cols = {{N_("Volunteer number"), 11, 0},
                                                  {N_("Full name"), 10, 0},
                                                  {N_("Signed in"), 6, 0},
                                                  {N_("Signed out"), 6, 0},
                                                  {N_("Minutes"), 0, 0}},
                                         .ncols = 5,
                                         .hint = N_("volunteer number, Enter: sign in or out"),
                                         .empty = N_("Nobody signed in today. Type or scan a "
                                                     "volunteer number and Enter."),
                                         .load = roll_load,
                                         .cell = roll_cell,
                                         .submit = roll_submit,
                                         .rights = RIGHT_LOG_HOURS};

static const struct list_spec roll_list = {.title = N_("Sign in and out"),
                                           .tabs = &roll_tab,
                                           .ntabs = 1,
                                           .heading = roll_heading,
                                           .above = roll_above,
                                           .status = roll_status,
                                           .tab_note = roll_tab_note,
                                           .free_ctx = free};

void activity_tab_open(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct activity *a = row;
    struct roll_ctx *c = xcalloc(1, sizeof *c);
    c->activity_id = a->id;
    today(c->day);
    snprintf(c->title, sizeof c->title, "%s  %s", a->name, activity_status_label(a->status));
    ui_push(list_screen_new(&roll_list, 0, c));
}
