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
    return _("0 to 10000 volunteers"); /* said beside 招募人数, which names it */
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
    form_add_text(f, _("Volunteers wanted"), quota, 5, 6, check_quota, TEXT_NORM_NOSPACE);
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
    const struct activity *a = rec;
    int rc = activity_save(ui.db, rec, actor_name(), &why);
    if (rc == DB_INVALID && why) {
        int at_status = a->id && activity_closing_refused(ui.db, a);
        form_set_message(&fs->form, at_status ? A_STATUS : a->team_id ? A_NAME : A_TEAM, why);
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
    return activity_closed(row);
}

void activity_tab_create(struct list_screen *ls)
{
    (void)ls;
    struct activity a;
    record_init(&activity_record, &a);
    char day[11], t[17];
    clock_today(day);
    snprintf(t, sizeof t, "%s 09:00", day);
    record_set(&a.starts_at, t);
    snprintf(t, sizeof t, "%s 17:00", day);
    record_set(&a.ends_at, t);
    ui_push(form_screen_new(&activity_form, &a, NULL));
    record_free(&activity_record, &a);
}

/* --- records: their state ------------------------------------------------------------------ */

/* A record's state cell: 补录 first for a late record, then 未确认 / 公示中（至 MM-DD） / 已计入.
 */
static const char *record_state_cell(const struct service_record *r, char *buf)
{
    char today_buf[11], state[64];
    if (!*r->sign_out) return "";
    hours_state_text(r, clock_today(today_buf), state);
    char *text = xasprintf("%s%s%s", r->late ? _("Late") : "", r->late ? " " : "", state);
    size_t len = strlen(text);
    if (len >= LIST_CELL_MAX) len = LIST_CELL_MAX - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    free(text);
    return buf;
}

/* --- the roll -------------------------------------------------------------------------------- */

/* The activity a roll is for, and what the last number given did. */
struct roll_ctx {
    int64_t activity_id;
    char name[120];
    char title[200];
    char last[300];
    char day[11];
};

static int roll_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)query; /* what is typed is a number to sign, not a search */
    struct roll_ctx *c = ls->ctx;
    struct service_record *rows;
    clock_today(c->day);
    int rc =
        service_records_of(ui.db, c->activity_id, ls->tab == 0 ? c->day : NULL, &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *roll_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    const struct service_record *r = row;
    if (ls->tab == 1) {
        if (col == 0) return r->day;
        col--;
    }
    switch (col) {
    case 0:
        return r->volunteer_number;
    case 1:
        return r->volunteer_name;
    case 2:
        return r->sign_in;
    case 3:
        return *r->sign_out ? r->sign_out : _("(in)");
    case 4:
        if (!*r->sign_out) return "";
        snprintf(buf, LIST_CELL_MAX, "%d", r->minutes);
        return buf;
    default:
        return record_state_cell(r, buf);
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
    if (rc == DB_OK && s.move == HOURS_SIGN_IN && s.quota)
        roll_said(c, UI_MSG_ERROR,
                  xasprintf(_("Signed in: %s (%s) at %s; past the quota: %d wanted, %d signed in "
                              "today"),
                            s.name, s.number, s.at, s.quota, s.present));
    else if (rc == DB_OK && s.move == HOURS_SIGN_IN)
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
    if (ls->tab == 1) return xstrdup(_("Every day's records, Tab: today"));
    return xasprintf(_("Today %s, Tab: every day"), ((const struct roll_ctx *)ls->ctx)->day);
}

/* Say a store's refusal or failure of a record action. */
static void record_refused(int rc, const char *why, const char *what)
{
    if (rc == DB_INVALID && why)
        ui_message(UI_MSG_ERROR, _("%s: %s"), what, why);
    else if (rc == DB_DENIED)
        ui_message(UI_MSG_ERROR, "%s", _("Your role may not record volunteer hours"));
    else
        ui_db_failed(what, rc);
}

/* F9: confirm the selected record (arg 0), every waiting one (1), or as its recipient said (2). */
static void roll_confirm(struct screen *s, const struct command *cmd)
{
    struct list_screen *ls = (struct list_screen *)s;
    struct roll_ctx *c = ls->ctx;
    const struct service_record *r = NULL;
    if (cmd->arg != 1 && !(r = list_screen_selected(ls))) return;
    char *name = NULL;
    if (cmd->arg == 2) {
        char *prompt = xasprintf(_("Who received the service and confirmed %s's %s-%s?"),
                                 r->volunteer_name, r->sign_in, r->sign_out);
        int ok = dialog_input(_("Confirmed by the recipient"), prompt, NULL, 40, &name);
        free(prompt);
        if (!ok) return;
    } else if (cmd->arg == 1 &&
               !dialog_confirm(_("Confirm records"),
                               _("Confirm every signed-out record of this activity not yet "
                                 "confirmed? Their public notice starts today."),
                               1)) {
        return;
    }
    const char *why = NULL;
    int n = 0;
    int rc = hours_confirm(ui.db, c->activity_id, r ? r->id : 0,
                           cmd->arg == 2 ? HOURS_BY_RECIPIENT : HOURS_BY_ORGANISER, name,
                           actor_name(), &n, &why);
    free(name);
    if (rc == DB_OK && n == 0)
        ui_message(UI_MSG_INFO, "%s", _("No signed-out record is waiting to be confirmed"));
    else if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("Confirmed: %d records; on public notice, they count after it"),
                   n);
    else
        record_refused(rc, why, _("Not confirmed"));
}

static void roll_late(struct screen *s, const struct command *cmd);
static void record_ask_correction(struct screen *s, const struct command *cmd);
static void record_link_request(struct screen *s, const struct command *cmd);

static const struct command roll_menu[] = {
    {"confirm-record", '1', N_("Confirm the record"),
     N_("The organiser confirms the selected record; its public notice starts"), RIGHT_LOG_HOURS,
     roll_confirm, 0, NULL},
    {"confirm-all", '2', N_("Confirm every waiting record"),
     N_("Every signed-out record of the activity not yet confirmed, at once"), RIGHT_LOG_HOURS,
     roll_confirm, 1, NULL},
    {"confirm-recipient", '3', N_("Confirmed by the recipient"),
     N_("Record that the person served confirmed the selected record, by name"), RIGHT_LOG_HOURS,
     roll_confirm, 2, NULL},
    {"late-record", '4', N_("Late record (补录)"),
     N_("Enter a record after the fact for a past day, with the reason"), RIGHT_LOG_HOURS,
     roll_late, 0, NULL},
    {"ask-correction", '5', N_("Correction asked"),
     N_("Take down a volunteer's correction of the selected record: the right times and why"),
     RIGHT_LOG_HOURS, record_ask_correction, 0, NULL},
    {"link-request", '6', N_("Request it helped close"),
     N_("Name the request the selected record's service helped close, by its number"),
     RIGHT_LOG_HOURS, record_link_request, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

#define ROLL_COLS                                                                                  \
    {N_("Volunteer number"), 11, 0}, {N_("Full name"), 8, 0}, {N_("Signed in"), 5, 0},             \
        {N_("Signed out"), 5, 0}, {N_("Minutes"), 4, 0},                                           \
    {                                                                                              \
        N_("State"), 0, 0                                                                          \
    }

static const struct list_tab roll_tabs[] = {
    {.label = N_("Today"),
     .type = &service_record_record,
     .cols = {ROLL_COLS},
     .ncols = 6,
     .hint = N_("volunteer number, Enter: sign in or out"),
     .empty = N_("Nobody signed in today. Type or scan a volunteer number and Enter."),
     .load = roll_load,
     .cell = roll_cell,
     .submit = roll_submit,
     .rights = RIGHT_LOG_HOURS},
    {.label = N_("Every day"),
     .type = &service_record_record,
     .cols = {{N_("Date"), 10, 0}, ROLL_COLS},
     .ncols = 7,
     .hint = N_("volunteer number, Enter: sign in or out"),
     .empty_all = N_("No records yet."),
     .load = roll_load,
     .cell = roll_cell,
     .submit = roll_submit,
     .rights = RIGHT_LOG_HOURS},
};

static const struct list_spec roll_list = {.title = N_("Sign in and out"),
                                           .tabs = roll_tabs,
                                           .ntabs = 2,
                                           .menu = roll_menu,
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
    snprintf(c->name, sizeof c->name, "%s", a->name);
    clock_today(c->day);
    snprintf(c->title, sizeof c->title, "%s  %s", a->name, activity_status_label(a->status));
    /* Not held today: its records are of other days, and the roll opens on every day's. */
    int held_today = a->starts_at && a->ends_at && strncmp(a->starts_at, c->day, 10) <= 0 &&
                     strncmp(a->ends_at, c->day, 10) >= 0;
    ui_push(list_screen_new(&roll_list, held_today ? 0 : 1, c));
}

/* --- 补录: a late record ---------------------------------------------------------------------- */

enum { L_VOLUNTEER, L_DAY, L_IN, L_OUT, L_REASON, L_REQUEST };

static const char *check_hhmm(const char *text)
{
    return hours_minute_parse(text) >= 0 ? NULL : _("A time: HH:MM");
}

static void late_build(struct form_screen *fs)
{
    const struct service_record *r = fs->orig;
    struct form *f = &fs->form;
    form_add_choice(f, _("Volunteer"), r->volunteer_id, r->volunteer_name, volunteer_choices, fs, 0,
                    16);
    form_add_text(f, _("Date"), r->day, 10, 12, validate_date, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Signed in"), r->sign_in, 5, 6, check_hhmm, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Signed out"), r->sign_out, 5, 6, check_hhmm, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Why late"), r->late_reason, 100, 40, validate_required, TEXT_NORM_PROSE);
    form_add_text(f, _("Request it helped close"), r->request_number, 20, 14, NULL,
                  TEXT_NORM_NOSPACE);
    static const char *const binds[] = {"volunteer_id", "day",         "sign_in",
                                        "sign_out",     "late_reason", "request_id"};
    for (int k = 0; k < f->n; k++)
        form_bind(f, k, binds[k]);
}

static int late_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct service_record *r = rec;
    r->volunteer_id = form_choice(f, L_VOLUNTEER);
    record_set(&r->volunteer_name, f->fields[L_VOLUNTEER].choice_label);
    record_take(&r->day, form_date(f, L_DAY));
    record_take(&r->sign_in, form_text(f, L_IN));
    record_take(&r->sign_out, form_text(f, L_OUT));
    record_take(&r->late_reason, form_text(f, L_REASON));
    record_take(&r->request_number, form_text(f, L_REQUEST));
    return 0;
}

/* The field a refusal of the store names: the request, the day or the times. */
static int late_field_of(const char *why)
{
    if (strstr(why, _("Request"))) return L_REQUEST;
    if (strstr(why, _("Why late"))) return L_REASON;
    if (strstr(why, _("Date"))) return L_DAY;
    return L_IN;
}

static int late_save(struct form_screen *fs, void *rec)
{
    char *why = NULL;
    int rc = hours_late_add(ui.db, rec, actor_name(), &why);
    if (rc == DB_INVALID && why) {
        form_set_message(&fs->form, late_field_of(why), why);
        ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
    }
    free(why);
    return rc;
}

static int late_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    const struct service_record *r = rec;
    char hours[24];
    ui_message(UI_MSG_INFO, _("Late record saved: %s %s %s-%s, %d minutes (%s hours), marked 补录"),
               r->volunteer_name, r->day, r->sign_in, r->sign_out, r->minutes,
               hours_format(r->minutes, hours));
    return UI_CLOSE;
}

static int late_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)fs;
    (void)rec;
    return rc == DB_INVALID ? UI_HANDLED : -1;
}

static const struct form_spec late_form = {
    .type = &service_record_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("Late record (补录)"),
    .title_edit = N_("Late record (补录)"),
    .intro_new = N_("A record after the fact: a past day of the activity, times HH:MM, and why."),
    .build = late_build,
    .read = late_read,
    .save = late_save,
    .saved = late_saved,
    .refused = late_refused,
};

static void roll_late(struct screen *s, const struct command *cmd)
{
    (void)cmd;
    struct roll_ctx *c = ((struct list_screen *)s)->ctx;
    struct service_record r;
    record_init(&service_record_record, &r);
    r.activity_id = c->activity_id;
    record_set(&r.activity_name, c->name);
    ui_push(form_screen_new(&late_form, &r, NULL));
    record_free(&service_record_record, &r);
}

/* --- a record's correction and request ------------------------------------------------------- */

/* A correction asked, tried as the dialog is accepted: a refusal keeps the dialog open. */
struct ask_try {
    int64_t record_id;
    int rc;
    const char *why;
};

static char *ask_try(void *ctx, char *const *values, int *field)
{
    struct ask_try *t = ctx;
    int64_t id = 0;
    t->why = NULL;
    t->rc = hours_correction_ask(ui.db, t->record_id, values[0], values[1], values[2], actor_name(),
                                 &id, &t->why);
    if (t->rc != DB_INVALID || !t->why) return NULL;
    *field = text_blank(values[2]) ? 2 : 0;
    return xstrdup(t->why);
}

static void record_ask_correction(struct screen *s, const struct command *cmd)
{
    (void)cmd;
    const struct service_record *r = list_screen_selected((struct list_screen *)s);
    if (!r) return;
    /* Open since an earlier day (the sign-out forgotten): the correction gives its sign-out. */
    char today[11];
    if (!*r->sign_out && strcmp(r->day, clock_today(today)) >= 0) {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Still signed in: sign out before asking for a correction"));
        return;
    }
    char *title = xasprintf(_("Correction of %s %s %s-%s"), r->volunteer_name, r->day, r->sign_in,
                            r->sign_out);
    const char *prompts[] = {_("Signed in (HH:MM)"), _("Signed out (HH:MM)"),
                             _("Why, as the volunteer says")};
    char *values[3] = {xstrdup(r->sign_in), xstrdup(r->sign_out), xstrdup("")};
    struct ask_try t = {r->id, DB_OK, NULL};
    if (dialog_inputs(title, prompts, values, 3, 100, ask_try, &t)) {
        if (t.rc == DB_OK)
            ui_message(UI_MSG_INFO,
                       _("Correction taken down: %s-%s asked; the coordinator decides"), values[0],
                       values[1]);
        else
            record_refused(t.rc, t.why, _("Not taken down"));
    }
    for (int i = 0; i < 3; i++)
        free(values[i]);
    free(title);
}

static void record_link_request(struct screen *s, const struct command *cmd)
{
    (void)cmd;
    const struct service_record *r = list_screen_selected((struct list_screen *)s);
    if (!r) return;
    char *number = NULL;
    if (!dialog_input(_("Request it helped close"),
                      _("The request's number (empty: none), such as 2026-000123:"),
                      r->request_number, 20, &number))
        return;
    char *why = NULL;
    int rc = hours_link_request(ui.db, r->id, number, actor_name(), &why);
    if (rc == DB_OK && !str_empty(number))
        ui_message(UI_MSG_INFO, _("Linked to request %s"), number);
    else if (rc == DB_OK)
        ui_message(UI_MSG_INFO, "%s", _("No request named"));
    else
        record_refused(rc, why, _("Not linked"));
    free(why);
    free(number);
}

/* --- a volunteer's records ------------------------------------------------------------------- */

struct vrec_ctx {
    int64_t volunteer_id;
    char title[200];
};

static int vrec_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)query;
    struct service_record *rows;
    int rc = service_records_of_volunteer(ui.db, ((struct vrec_ctx *)ls->ctx)->volunteer_id, &rows,
                                          &out->n);
    out->items = rows;
    return rc;
}

static const char *vrec_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct service_record *r = row;
    switch (col) {
    case 0:
        return r->day;
    case 1:
        return r->activity_name;
    case 2:
        snprintf(buf, LIST_CELL_MAX, "%s-%s", r->sign_in, *r->sign_out ? r->sign_out : "");
        return buf;
    case 3:
        if (!*r->sign_out) return _("(in)");
        snprintf(buf, LIST_CELL_MAX, "%d", r->minutes);
        return buf;
    case 4:
        return r->request_number;
    default:
        return record_state_cell(r, buf);
    }
}

static const char *vrec_heading(struct list_screen *ls)
{
    return ((const struct vrec_ctx *)ls->ctx)->title;
}

static char *vrec_status(struct list_screen *ls)
{
    int64_t counted = 0, pending = 0;
    char a[24], b[24];
    if (hours_totals_of(ui.db, ((struct vrec_ctx *)ls->ctx)->volunteer_id, &counted, &pending) !=
        DB_OK)
        return xstrdup("");
    return xasprintf(_("Counted %s hours, pending %s hours"), hours_format(counted, a),
                     hours_format(pending, b));
}

static const struct command vrec_menu[] = {
    {"ask-correction", '1', N_("Correction asked"),
     N_("Take down a volunteer's correction of the selected record: the right times and why"),
     RIGHT_LOG_HOURS, record_ask_correction, 0, NULL},
    {"link-request", '2', N_("Request it helped close"),
     N_("Name the request the selected record's service helped close, by its number"),
     RIGHT_LOG_HOURS, record_link_request, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab vrec_tab = {.type = &service_record_record,
                                         /* Activities' names as whole as the row allows: a
                                            community's several differ only at their ends. */
                                         .cols = {{N_("Date"), 10, 0},
                                                  {N_("Activity"), 20, 0},
                                                  {N_("Time"), 11, 0},
                                                  {N_("Minutes"), 4, 0},
                                                  {N_("Request"), 11, 0},
                                                  {N_("State"), 0, 0}},
                                         .ncols = 6,
                                         .hint = N_("F9: correction, request"),
                                         .empty_all = N_("No service records yet."),
                                         .load = vrec_load,
                                         .cell = vrec_cell};

static const struct list_spec vrec_list = {.title = N_("Service records"),
                                           .tabs = &vrec_tab,
                                           .ntabs = 1,
                                           .menu = vrec_menu,
                                           .heading = vrec_heading,
                                           .status = vrec_status,
                                           .free_ctx = free};

void volunteer_records_open(int64_t volunteer_id, const char *number, const char *name)
{
    struct vrec_ctx *c = xcalloc(1, sizeof *c);
    c->volunteer_id = volunteer_id;
    snprintf(c->title, sizeof c->title, _("Service records of %s (%s)"), name, number);
    ui_push(list_screen_new(&vrec_list, 0, c));
}

/* --- corrections asked ----------------------------------------------------------------------- */

static int corr_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    (void)query;
    struct hours_correction *rows;
    int rc = hours_corrections(ui.db, CORRECTION_ASKED, &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *corr_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct hours_correction *h = row;
    switch (col) {
    case 0:
        return h->volunteer_name;
    case 1:
        return h->day;
    case 2:
        return h->activity_name;
    case 3:
        snprintf(buf, LIST_CELL_MAX, "%s-%s", h->was_in, h->was_out);
        return buf;
    case 4:
        snprintf(buf, LIST_CELL_MAX, "%s-%s", h->sign_in, h->sign_out);
        return buf;
    default:
        return h->reason;
    }
}

/* A correction decided, tried as the reason is accepted: a refusal keeps the dialog open. */
struct decide_try {
    int64_t id;
    int grant;
    int rc;
    char *why; /* owned */
};

static char *decide_try(void *ctx, char *const *values, int *field)
{
    struct decide_try *t = ctx;
    free(t->why);
    t->why = NULL;
    t->rc = hours_correction_decide(ui.db, t->id, t->grant, values[0], actor_name(), &t->why);
    if (t->rc != DB_INVALID || !t->why) return NULL;
    *field = 0;
    char *said = t->why;
    t->why = NULL;
    return said;
}

/* Enter: grant or refuse the selected correction, with a reason. */
static void corr_decide(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct hours_correction *h = row;
    char *text = xasprintf(_("%s, %s at %s: %s-%s asked instead of %s-%s. Why: %s"),
                           h->volunteer_name, h->day, h->activity_name, h->sign_in, h->sign_out,
                           h->was_in, h->was_out, h->reason);
    const char *options[] = {_("Grant"), _("Refuse")};
    int choice = dialog_options(_("Correction"), text, options, 2);
    free(text);
    if (choice < 0) return;
    const char *prompt[] = {_("The reason (required):")};
    char *reason = NULL;
    struct decide_try t = {h->id, choice == 0, DB_OK, NULL};
    if (!dialog_inputs(choice == 0 ? _("Grant the correction") : _("Refuse the correction"), prompt,
                       &reason, 1, 100, decide_try, &t)) {
        free(reason);
        return;
    }
    int rc = t.rc;
    char *why = t.why;
    if (rc == DB_OK && choice == 0)
        ui_message(UI_MSG_INFO,
                   _("Granted: %s %s is now %s-%s; the old times stay in the audit log"),
                   h->volunteer_name, h->day, h->sign_in, h->sign_out);
    else if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("Refused: %s %s stays %s-%s"), h->volunteer_name, h->day,
                   h->was_in, h->was_out);
    else if (rc == DB_CONFLICT)
        ui_message(UI_MSG_ERROR, "%s", _("Decided already at another desk"));
    else
        record_refused(rc, why, _("Not decided"));
    free(why);
    free(reason);
}

static const struct list_tab corr_tab = {.type = &hours_correction_record,
                                         .cols = {{N_("Full name"), 8, 0},
                                                  {N_("Date"), 10, 0},
                                                  {N_("Activity"), 12, 0},
                                                  {N_("Recorded"), 11, 0},
                                                  {N_("Asked"), 11, 0},
                                                  {N_("Reason"), 0, 0}},
                                         .ncols = 6,
                                         .hint = N_("Enter: grant or refuse"),
                                         .empty_all = N_("No correction is waiting."),
                                         .load = corr_load,
                                         .cell = corr_cell,
                                         .open = corr_decide,
                                         .rights = RIGHT_LOG_HOURS};

static const struct list_spec corr_list = {
    .title = N_("Corrections asked"), .tabs = &corr_tab, .ntabs = 1};

struct screen *hours_corrections_screen_new(void)
{
    return list_screen_new(&corr_list, 0, NULL);
}
