/*
** screen_volunteer: 志愿服务, the volunteer register and its teams, both
** through the kits. The first tab finds volunteers as the residents'
** search does (a name fragment, pinyin, a volunteer number, the last
** digits of an ID or mobile number), F7 registers one and Enter or F4
** edits; the second lists the teams (F7 a new one, Enter its members, F4
** the team itself, F8 retires it); the third the activities
** (ui/screen_activity.c: F7 a new one, F4 the activity, Enter its roll
** where volunteers sign in and out by number). Registering someone already on the
** residents' register takes what the register knows from the ID number
** (name, sex, birth date, mobile, community) and links the two records.
*/
#include "db/resident_store.h"
#include "db/volunteer_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/idcard.h"
#include "src/phone.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "src/volunteer.h"
#include "ui/screen_hours_report.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"
#include "ui/screen_volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the volunteer form ---------------------------------------------------------------------- */

enum {
    F_NUMBER,
    F_ID_TYPE,
    F_ID,
    F_NAME,
    F_GENDER,
    F_BIRTH,
    F_PHONE,
    F_COMMUNITY,
    F_SKILLS,
    F_PARTY,
    F_REGISTERED,
    F_STATUS,
    F_NATIONAL,
};

static const char *check_mobile(const char *text)
{
    char out[12];
    return str_empty(text) ? NULL : phone_mobile(text, out);
}

static int gender_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 'M', resident_gender_text('M'), "");
    choice_list_offer(out, query, 'F', resident_gender_text('F'), "");
    return 0;
}

static int id_type_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    int n;
    const char *const *types = volunteer_id_types(&n);
    for (int i = 0; i < n; i++)
        choice_list_offer(out, query, i + 1, types[i], "");
    return 0;
}

static int skill_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    (void)query;
    int n;
    const char *const *skills = volunteer_skills(&n);
    for (int i = 0; i < n; i++)
        choice_list_add(out, i + 1, skills[i], "");
    return 0;
}

static int party_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1, _("No"), "");
    choice_list_offer(out, query, 2, _("Yes"), "");
    return 0;
}

static const char *const status_codes[] = {VOLUNTEER_ACTIVE, VOLUNTEER_PAUSED, VOLUNTEER_LEFT};

static int status_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (size_t i = 0; i < ARRAY_LEN(status_codes); i++)
        choice_list_offer(out, query, (int64_t)i + 1, volunteer_status_label(status_codes[i]), "");
    return 0;
}

static int64_t status_index(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(status_codes); i++)
        if (str_eq(code, status_codes[i])) return (int64_t)i + 1;
    return 1;
}

static int64_t id_type_index(const char *type)
{
    int n;
    const char *const *types = volunteer_id_types(&n);
    for (int i = 0; i < n; i++)
        if (str_eq(type, types[i])) return i + 1;
    return 1;
}

/* The ID number as the clerk left it, checked against the type chosen. */
static const char *check_id_typed(struct form *f, char *canon)
{
    static char buf[256];
    char *typed = form_text(f, F_ID);
    char *why = volunteer_id_check(f->fields[F_ID_TYPE].choice_label, typed, canon);
    free(typed);
    if (!why) return NULL;
    snprintf(buf, sizeof buf, "%s", why);
    free(why);
    return buf;
}

/* What the volunteer form keeps besides its fields. */
struct volunteer_form_ctx {
    char phone[16]; /* the mobile number taken from the residents' register, shown masked */
    /*
    ** The birth date typed, put right from the ID number by the check of a
    ** save rather than as the ID number was left: the save stops once to
    ** show it. "" when none.
    */
    char put_right[16];
};

/*
** After the ID number is left: the birth date and sex it says, and what
** the residents' register knows of the person with that number (the form
** fills it in; the store links the two records when saved).
*/
static void id_left(struct form_screen *fs)
{
    struct form *f = &fs->form;
    if (form_masked(f, F_ID)) return;
    char canon[VOLUNTEER_ID_MAX];
    const char *why = check_id_typed(f, canon);
    if (why) {
        form_set_message(f, F_ID, why);
        return;
    }
    if (!volunteer_id_type_is_card(f->fields[F_ID_TYPE].choice_label)) return;
    char *typed = form_text(f, F_ID);
    struct idcard id;
    int ok = idcard_parse(typed, &id) == IDCARD_OK;
    free(typed);
    if (!ok) return;
    form_set_text(f, F_ID, id.number);
    char iso[11];
    date_format(&id.birth, iso);
    char *was = form_text(f, F_BIRTH);
    form_set_text(f, F_BIRTH, iso);
    /*
    ** A different date typed is put right from the card, and said so, not
    ** changed unseen: as a note when the clerk leaves the ID number, and by
    ** stopping the save once when the save's own check found it (the clerk
    ** typed the date after the number, then F2).
    */
    if (!str_empty(was) && !str_eq(was, iso)) {
        char *said = xasprintf(_("Put right from the ID number: it was %s"), was);
        form_set_note(f, F_BIRTH, said);
        free(said);
        struct volunteer_form_ctx *c = fs->ctx;
        if (c && f->focus != F_ID) snprintf(c->put_right, sizeof c->put_right, "%s", was);
    }
    free(was);
    form_set_choice(f, F_GENDER, id.gender, resident_gender_text(id.gender));
    const struct volunteer *orig = fs->orig;
    struct volunteer twin;
    if (volunteer_get_by_id_number(ui.db, id.number, &twin) == DB_OK) {
        int other = twin.id != orig->id;
        if (other) {
            char *said =
                xasprintf(_("Registered already: volunteer %s %s"), twin.number, twin.name);
            form_set_message(f, F_ID, said);
            free(said);
        }
        record_free(&volunteer_record, &twin);
        if (other) return;
    }
    struct resident r;
    if (resident_get_by_id_number(ui.db, id.number, &r) != DB_OK) {
        form_set_note(f, F_ID, _("Not on the residents' register: type the rest"));
        return;
    }
    form_set_text(f, F_NAME, r.name);
    if (*r.phone) {
        char *phone = form_text(f, F_PHONE);
        if (str_empty(phone)) {
            struct volunteer_form_ctx *c = fs->ctx;
            if (c) snprintf(c->phone, sizeof c->phone, "%s", r.phone);
            form_set_secret_text(f, F_PHONE, r.phone, resident_masked_phone);
        }
        free(phone);
    }
    if (r.community_id && !form_choice(f, F_COMMUNITY))
        form_set_choice(f, F_COMMUNITY, r.community_id, r.community);
    char *note =
        xasprintf(_("A registered resident: %s; name, sex, birth date taken from there"), r.name);
    form_set_note(f, F_ID, note);
    free(note);
    resident_free(&r);
}

static void on_leave(struct form *f, int i, void *ctx)
{
    if (i == F_ID) id_left(ctx);
    if (i == F_NAME) {
        char *raw = form_text(f, F_NAME);
        char *name = resident_normalize_name(raw);
        form_set_text(f, F_NAME, name);
        free(raw);
        free(name);
    }
}

static void volunteer_build(struct form_screen *fs)
{
    const struct volunteer *v = fs->orig;
    struct form *f = &fs->form;
    int i = form_add_text(f, _("Volunteer number"), *v->number ? v->number : _("(given on saving)"),
                          VOLUNTEER_NUMBER_LEN + 20, 16, NULL, 0);
    form_lock(f, i, _("The volunteer number is given by the register and never changes"));
    form_add_choice(f, _("ID type"), id_type_index(v->id_type),
                    *v->id_type ? v->id_type : volunteer_id_types(&(int){0})[0], id_type_source, fs,
                    0, 20);
    form_add_text(f, _("ID number"), v->id_number, VOLUNTEER_ID_MAX - 1, 20, NULL,
                  TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_add_text(f, _("Full name"), v->name, VOLUNTEER_NAME_MAX, 20, resident_check_name, 0);
    form_add_choice(f, _("Sex"), v->gender, resident_gender_text(v->gender), gender_source, fs, 1,
                    8);
    form_add_text(f, _("Born"), v->birth_date, 10, 12, validate_date_optional, 0);
    form_add_text(f, _("Mobile"), v->phone, 20, 14, check_mobile, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Community"), v->community_id, v->community, choices_communities, fs, 1,
                    18);
    form_add_multi(f, _("Skills"), v->skills, skill_source, fs, 30);
    form_add_choice(f, _("Party member"), v->party_member ? 2 : 1,
                    v->party_member ? _("Yes") : _("No"), party_source, fs, 0, 6);
    form_add_text(f, _("Registered on"), v->registered_on, 10, 12, validate_date_optional, 0);
    form_add_choice(f, _("Status"), status_index(v->status),
                    volunteer_status_label(*v->status ? v->status : VOLUNTEER_ACTIVE),
                    status_source, fs, 0, 8);
    form_add_text(f, _("National code"), v->national_code, VOLUNTEER_CODE_MAX, 20, validate_line,
                  TEXT_NORM_NOSPACE);
    static const char *const binds[] = {
        "number",        "id_type", "id_number",    "name",   "gender",
        "birth_date",    "phone",   "community_id", "skills", "party_member",
        "registered_on", "status",  "national_code"};
    for (int k = 0; k < f->n; k++)
        form_bind(f, k, binds[k]);
    if (v->id && *v->id_number) form_set_secret(f, F_ID, resident_masked_id);
    if (v->id && *v->phone) form_set_secret(f, F_PHONE, resident_masked_phone);
    form_on_leave(f, on_leave, fs);
    /* A new one starts at the ID number, which brings the resident's particulars in. */
    if (!v->id) f->focus = F_ID;
}

static int volunteer_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    struct volunteer_form_ctx *c = fs->ctx;
    if (c && *c->put_right) {
        char *said = xasprintf(_("Put right from the ID number: it was %s"), c->put_right);
        form_set_message(f, F_BIRTH, said);
        free(said);
        c->put_right[0] = '\0';
        return F_BIRTH;
    }
    char *registered = form_date(f, F_REGISTERED), *born = form_date(f, F_BIRTH), today[11];
    const char *late = volunteer_registered_check(registered, born, clock_today(today));
    free(registered);
    free(born);
    if (late) {
        form_set_message(f, F_REGISTERED, late);
        return F_REGISTERED;
    }
    if (form_masked(f, F_ID)) return -1;
    char canon[VOLUNTEER_ID_MAX];
    const char *why = check_id_typed(f, canon);
    if (why) {
        form_set_message(f, F_ID, why);
        return F_ID;
    }
    return -1;
}

static int volunteer_form_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct volunteer *v = rec;
    record_set(&v->id_type, f->fields[F_ID_TYPE].choice_label);
    if (!form_masked(f, F_ID)) {
        char canon[VOLUNTEER_ID_MAX];
        record_set(&v->id_number, check_id_typed(f, canon) ? "" : canon);
        char *typed = form_text(f, F_ID);
        if (str_empty(typed)) record_set(&v->id_number, "");
        free(typed);
    }
    record_take(&v->name, form_text(f, F_NAME));
    v->gender = (char)form_choice(f, F_GENDER);
    record_take(&v->birth_date, form_date(f, F_BIRTH));
    if (!form_masked(f, F_PHONE)) {
        char *typed = form_text(f, F_PHONE);
        char mobile[12];
        record_set(&v->phone, str_empty(typed) || phone_mobile(typed, mobile) ? "" : mobile);
        free(typed);
    } else if (fs->ctx && !*((const struct volunteer *)fs->orig)->phone) {
        /* Masked on a new record: the number the residents' register gave. */
        record_set(&v->phone, ((const struct volunteer_form_ctx *)fs->ctx)->phone);
    }
    v->community_id = form_choice(f, F_COMMUNITY);
    record_set(&v->community, f->fields[F_COMMUNITY].choice_label);
    record_set(&v->skills, form_multi(f, F_SKILLS));
    v->party_member = form_choice(f, F_PARTY) == 2;
    record_take(&v->registered_on, form_date(f, F_REGISTERED));
    int64_t s = form_choice(f, F_STATUS);
    record_set(&v->status, status_codes[s >= 1 && s <= 3 ? s - 1 : 0]);
    record_take(&v->national_code, form_text(f, F_NATIONAL));
    return 0;
}

static int volunteer_form_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return volunteer_save(ui.db, rec, actor_name());
}

static int volunteer_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return volunteer_get(ui.db, ((const struct volunteer *)rec)->id, out);
}

static int volunteer_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    const struct volunteer *v = rec;
    if (v->resident_id)
        ui_message(UI_MSG_INFO, _("Saved: %s, volunteer number %s, linked to the resident record"),
                   v->name, v->number);
    else
        ui_message(UI_MSG_INFO, _("Saved: %s, volunteer number %s"), v->name, v->number);
    return UI_CLOSE;
}

static int volunteer_refused(struct form_screen *fs, int rc, const void *rec)
{
    if (rc != DB_DUPLICATE) return -1;
    /* Who holds the number, so the coordinator finds them rather than registering again. */
    struct volunteer other;
    if (volunteer_get_by_id_number(ui.db, ((const struct volunteer *)rec)->id_number, &other) ==
        DB_OK) {
        ui_message(UI_MSG_ERROR, _("Not saved: this ID number is registered to volunteer %s %s"),
                   other.number, other.name);
        record_free(&volunteer_record, &other);
    } else {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Not saved: a volunteer with this ID number is registered"));
    }
    form_set_message(&fs->form, F_ID, _("Registered already"));
    return UI_HANDLED;
}

/* F9: show a masked number in full, once the reveal is recorded. */
static void reveal(struct screen *s, const struct command *c)
{
    struct form_screen *fs = (struct form_screen *)s;
    const struct volunteer *v = fs->orig;
    int field = c->arg == F_ID ? F_ID : F_PHONE;
    const char *refused = form_reveal_refusal(&fs->form, field);
    if (refused)
        ui_message(UI_MSG_INFO, "%s", refused);
    else if (reveal_ask(volunteer_reveal, v->id, field == F_ID ? "id_number" : "phone",
                        field == F_ID ? _("ID number") : _("mobile number"), v->name))
        form_reveal(&fs->form, field);
}

static const struct command volunteer_form_menu[] = {
    {"reveal-id", '1', N_("Show the full ID number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal, F_ID, NULL},
    {"reveal-phone", '2', N_("Show the full mobile number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal, F_PHONE, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct form_spec volunteer_form = {
    .type = &volunteer_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("New volunteer"),
    .title_edit = N_("Edit volunteer"),
    .intro_new = N_("A new volunteer: the ID number fills in what the residents' register knows."),
    .footer = N_("Tab/Enter: next field, F2: save, F9: show numbers, Esc: back"),
    .footer_no_menu = N_("Tab/Enter: next field, F2: save, Esc: back"),
    .build = volunteer_build,
    .check = volunteer_check,
    .read = volunteer_form_read,
    .save = volunteer_form_save,
    .get = volunteer_form_get,
    .saved = volunteer_saved,
    .refused = volunteer_refused,
    .menu = volunteer_form_menu,
    .free_ctx = free,
};

/* F7 and F4 on the register: the form with its own state. */
static void volunteer_open_form(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(form_screen_new(&volunteer_form, row, xcalloc(1, sizeof(struct volunteer_form_ctx))));
}

static void volunteer_create(struct list_screen *ls)
{
    volunteer_open_form(ls, NULL);
}

/* --- the team form --------------------------------------------------------------------------- */

enum { T_NAME, T_PARENT, T_LEADER, T_STAFF, T_COMMUNITY, T_FOUNDED };

static int team_source(void *ctx, const char *query, struct choice_list *out)
{
    struct form_screen *fs = ctx;
    const struct team *self = fs->orig;
    struct team *teams;
    size_t n;
    if (team_list(ui.db, 0, &teams, &n) != DB_OK) return -1;
    for (size_t i = 0; i < n; i++)
        if (teams[i].id != self->id)
            choice_list_offer(out, query, teams[i].id, teams[i].name, teams[i].parent_name);
    record_array_free(&team_record, teams, n);
    return 0;
}

/* Volunteers found by the volunteers' search, for a leader or a new member. */
int volunteer_choices(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    if (str_empty(query)) return 0;
    struct volunteer_hits hits;
    if (volunteer_search(ui.db, query, 50, &hits) != DB_OK) return -1;
    for (size_t i = 0; i < hits.n; i++) {
        char *detail = xasprintf("%s %s", hits.items[i].number, hits.items[i].phone);
        choice_list_add(out, hits.items[i].id, hits.items[i].name, detail);
        free(detail);
    }
    volunteer_hits_free(&hits);
    return 0;
}

static void team_build(struct form_screen *fs)
{
    const struct team *t = fs->orig;
    struct form *f = &fs->form;
    form_add_text(f, _("Name"), t->name, TEAM_NAME_MAX, 30, validate_required, TEXT_NORM_PROSE);
    form_add_choice(f, _("Parent team"), t->parent_id, t->parent_name, team_source, fs, 1, 24);
    form_add_choice(f, _("Leader"), t->leader_id, t->leader_name, volunteer_choices, fs, 1, 16);
    form_add_text(f, _("Managed by"), t->staff, TEAM_STAFF_MAX, 16, validate_line, 0);
    form_add_choice(f, _("Community"), t->community_id, t->community, choices_communities, fs, 1,
                    18);
    form_add_text(f, _("Founded"), t->founded, 10, 12, validate_date_gone_optional, 0);
    static const char *const binds[] = {"name",  "parent_id",    "leader_id",
                                        "staff", "community_id", "founded"};
    for (int k = 0; k < f->n; k++)
        form_bind(f, k, binds[k]);
}

static int team_form_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct team *t = rec;
    record_take(&t->name, form_text(f, T_NAME));
    t->parent_id = form_choice(f, T_PARENT);
    record_set(&t->parent_name, f->fields[T_PARENT].choice_label);
    t->leader_id = form_choice(f, T_LEADER);
    record_set(&t->leader_name, f->fields[T_LEADER].choice_label);
    record_take(&t->staff, form_text(f, T_STAFF));
    t->community_id = form_choice(f, T_COMMUNITY);
    record_set(&t->community, f->fields[T_COMMUNITY].choice_label);
    record_take(&t->founded, form_date(f, T_FOUNDED));
    return 0;
}

static int team_form_save(struct form_screen *fs, void *rec)
{
    const char *why = NULL;
    int rc = team_save(ui.db, rec, actor_name(), &why);
    if (rc == DB_INVALID && why) form_set_message(&fs->form, T_PARENT, why);
    return rc;
}

static int team_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return team_get(ui.db, ((const struct team *)rec)->id, out);
}

static int team_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    if (rc != DB_INVALID) return -1;
    (void)fs;
    ui_message(UI_MSG_ERROR, "%s", _("Not saved: see the parent team"));
    return UI_HANDLED;
}

static const struct form_spec team_form = {
    .type = &team_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("New team"),
    .title_edit = N_("Edit team"),
    .build = team_build,
    .read = team_form_read,
    .save = team_form_save,
    .get = team_form_get,
    .refused = team_refused,
};

/* --- a team's members ------------------------------------------------------------------------ */

enum { M_VOLUNTEER, M_JOINED, M_LEFT };

static void member_build(struct form_screen *fs)
{
    const struct team_member *m = fs->orig;
    struct form *f = &fs->form;
    int i = form_add_choice(f, _("Volunteer"), m->volunteer_id, m->volunteer_name,
                            volunteer_choices, fs, 0, 16);
    if (m->id) form_lock(f, i, _("A stint belongs to one volunteer: add another for someone else"));
    form_add_text(f, _("Joined"), m->joined, 10, 12, validate_date, 0);
    form_add_text(f, _("Left"), m->left_on, 10, 12, validate_date_optional, 0);
    static const char *const binds[] = {"volunteer_id", "joined", "left_on"};
    for (int k = 0; k < f->n; k++)
        form_bind(f, k, binds[k]);
}

static int member_form_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct team_member *m = rec;
    m->volunteer_id = form_choice(f, M_VOLUNTEER);
    record_set(&m->volunteer_name, f->fields[M_VOLUNTEER].choice_label);
    record_take(&m->joined, form_date(f, M_JOINED));
    record_take(&m->left_on, form_date(f, M_LEFT));
    if (!fs->ctx) return 0;
    if (!m->team_id) m->team_id = *(int64_t *)fs->ctx;
    return 0;
}

static int member_form_save(struct form_screen *fs, void *rec)
{
    const char *why = NULL, *field = NULL;
    int rc = team_member_save(ui.db, rec, actor_name(), &why, &field);
    if (rc == DB_INVALID && why) {
        int at = field ? form_bound(&fs->form, field) : -1; /* beside the field at fault */
        form_set_message(&fs->form, at >= 0 ? at : M_JOINED, why);
        ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
    }
    return rc;
}

static int member_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return team_member_get(ui.db, ((const struct team_member *)rec)->id, out);
}

static int member_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    (void)fs;
    if (rc != DB_INVALID) return -1;
    return UI_HANDLED; /* said by member_form_save(), beside its field and on the message line */
}

static char *member_name(const void *rec)
{
    return xstrdup(((const struct team_member *)rec)->volunteer_name);
}

static const struct form_spec member_form = {
    .type = &team_member_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("Add a member"),
    .title_edit = N_("A member's dates"),
    .intro_new = N_("Find the volunteer by name, pinyin or number; F2 adds them."),
    .build = member_build,
    .read = member_form_read,
    .save = member_form_save,
    .get = member_form_get,
    .refused = member_refused,
    .name = member_name,
    .free_ctx = free,
};

/* The team a members list shows, kept as the list screen's ctx. */
struct members_ctx {
    int64_t team_id;
    char title[128];
};

static int member_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct members_ctx *c = ls->ctx;
    struct team_member *rows;
    int rc = team_members(ui.db, c->team_id, ls->with_retired, &rows, &out->n);
    out->items = rows;
    list_rows_keep(&team_member_record, out, query, "volunteer_name", "volunteer_number");
    return rc;
}

static const char *member_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct team_member *m = row;
    return col == 0   ? m->volunteer_number
           : col == 1 ? m->volunteer_name
           : col == 2 ? m->joined
                      : m->left_on;
}

static int member_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    return *((const struct team_member *)row)->left_on != '\0';
}

static void member_create(struct list_screen *ls)
{
    const struct members_ctx *c = ls->ctx;
    struct team_member m;
    record_init(&team_member_record, &m);
    m.team_id = c->team_id;
    char now[11];
    record_set(&m.joined, clock_today(now));
    int64_t *team = xmalloc(sizeof *team);
    *team = c->team_id;
    ui_push(form_screen_new(&member_form, &m, team));
    record_free(&team_member_record, &m);
}

static void member_edit(struct list_screen *ls, void *row)
{
    const struct members_ctx *c = ls->ctx;
    int64_t *team = xmalloc(sizeof *team);
    *team = c->team_id;
    ui_push(form_screen_new(&member_form, row, team));
}

static const struct list_tab member_tab = {.type = &team_member_record,
                                           .cols = {{N_("Volunteer number"), 12, 0},
                                                    {N_("Full name"), 16, 0},
                                                    {N_("Joined"), 11, 0},
                                                    {N_("Left"), 0, 0}},
                                           .ncols = 4,
                                           .hint = N_("type a name, pinyin initials or a number"),
                                           .empty = N_("Nothing found. F7 creates a new record."),
                                           .empty_all = N_("No members yet. F7 adds one."),
                                           .flags = LIST_RETIRED,
                                           .load = member_load,
                                           .cell = member_cell,
                                           .dim = member_dim,
                                           .edit = member_edit,
                                           .create = member_create,
                                           .form = &member_form,
                                           .rights = RIGHT_LOG_HOURS};

static const char *member_heading(struct list_screen *ls)
{
    return ((const struct members_ctx *)ls->ctx)->title;
}

static char *member_tab_note(struct list_screen *ls)
{
    (void)ls;
    return xstrdup(_("F6: those who left too, F4: a member's dates"));
}

static const struct list_spec members_list = {.title = N_("Team members"),
                                              .tabs = &member_tab,
                                              .ntabs = 1,
                                              .heading = member_heading,
                                              .tab_note = member_tab_note,
                                              .free_ctx = free};

/* --- the register's list --------------------------------------------------------------------- */

static int volunteer_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct volunteer_hits hits;
    int rc = volunteer_search(ui.db, query, 50, &hits);
    out->items = hits.items;
    out->n = hits.n;
    out->total = (int64_t)hits.total;
    out->more = hits.more;
    return rc;
}

static const char *volunteer_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct volunteer *v = row;
    switch (col) {
    case 0:
        return v->number;
    case 1:
        return v->name;
    case 2:
        return v->phone;
    case 3:
        return v->community;
    case 4:
        return volunteer_status_label(v->status);
    default:
        return v->skills;
    }
}

static int volunteer_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    return !str_eq(((const struct volunteer *)row)->status, VOLUNTEER_ACTIVE);
}

static int team_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct team *teams;
    int rc = team_list(ui.db, ls->with_retired, &teams, &out->n);
    out->items = teams;
    list_rows_keep(&team_record, out, query, "name", "parent_name");
    return rc;
}

static const char *team_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct team *t = row;
    switch (col) {
    case 0:
        return t->name;
    case 1:
        return t->parent_name;
    case 2:
        return t->leader_name;
    case 3:
        snprintf(buf, LIST_CELL_MAX, "%d", t->members);
        return buf;
    default:
        return t->community;
    }
}

static void team_open(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct team *t = row;
    struct members_ctx *c = xcalloc(1, sizeof *c);
    c->team_id = t->id;
    snprintf(c->title, sizeof c->title, "%s", t->name);
    ui_push(list_screen_new(&members_list, 0, c));
}

static int team_set_retired_row(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return team_set_retired(ui.db, row, retire, actor_name(), current);
}

static const struct list_retire team_retiring = {.set = team_set_retired_row};

static const struct list_tab register_tabs[] = {
    {.label = N_("Volunteers"),
     .type = &volunteer_record,
     .cols = {{N_("Volunteer number"), 11, 0},
              {N_("Full name"), 10, 0},
              {N_("Mobile"), 12, 0},
              {N_("Community"), 12, 0},
              {N_("Status"), 5, 0},
              {N_("Skills"), 0, 0}},
     .ncols = 6,
     .hint = N_("name, pinyin, volunteer number, last digits of ID or mobile"),
     .empty = N_("Nothing found. F7 registers a volunteer."),
     .load = volunteer_load,
     .cell = volunteer_cell,
     .dim = volunteer_dim,
     .edit = volunteer_open_form,
     .create = volunteer_create,
     .form = &volunteer_form,
     .rights = RIGHT_LOG_HOURS},
    {.label = N_("Teams"),
     .type = &team_record,
     /* A team's and its parent's names whole: 滨江道社区为老服务小组, 和平区社区志愿服务总队 */
     .cols = {{N_("Team"), 24, 0},
              {N_("Parent team"), 0, 0},
              {N_("Leader"), 8, 0},
              {N_("Members"), 6, TEXT_FIT_RIGHT},
              {N_("Community"), 12, 0}},
     .ncols = 5,
     .hint = N_("type Chinese or pinyin initials"),
     .empty = N_("Nothing found. F7 creates a new record."),
     .empty_all = N_("No teams. F7 creates one."),
     .flags = LIST_RETIRED,
     .load = team_load,
     .cell = team_cell,
     .open = team_open,
     .form = &team_form,
     .retiring = &team_retiring,
     .rights = RIGHT_LOG_HOURS},
    {.label = N_("Activities"),
     .type = &activity_record,
     .cols = {{N_("Starts"), 16, 0},
              {N_("Activity"), 24, 0}, /* names begin with their community's: room to tell */
              {N_("Team"), 12, 0},
              {N_("Category"), 8, 0},
              {N_("Status"), 4, 0},
              {N_("Place"), 0, 0}},
     .ncols = 6,
     .hint = N_("type Chinese or pinyin initials"),
     .empty = N_("Nothing found. F7 creates a new record."),
     .empty_all = N_("No activities. F7 creates one."),
     .load = activity_tab_load,
     .cell = activity_tab_cell,
     .dim = activity_tab_dim,
     .open = activity_tab_open,
     .create = activity_tab_create,
     .form = &activity_form,
     .rights = RIGHT_LOG_HOURS},
};

static char *register_tab_note(struct list_screen *ls)
{
    return xstrdup(ls->tab == 1   ? _("Tab: next list, Enter: members, F4: the team")
                   : ls->tab == 2 ? _("Tab: next list, Enter: sign in and out, F4: the activity")
                                  : _("Tab: next list"));
}

/* The volunteer under the cursor of the register's first list, or NULL (said why). */
static const struct volunteer *register_selected(struct screen *s)
{
    struct list_screen *ls = (struct list_screen *)s;
    if (ls->tab != 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Choose a volunteer on the volunteers list first"));
        return NULL;
    }
    return list_screen_selected(ls);
}

/* F9 on the register: the selected volunteer's service records, with their hours. */
static void register_records(struct screen *s, const struct command *c)
{
    (void)c;
    const struct volunteer *v = register_selected(s);
    if (v) volunteer_records_open(v->id, v->number, v->name);
}

static struct screen *register_corrections(void)
{
    return hours_corrections_screen_new();
}

/* F9: a certificate for the volunteer under the cursor. */
static void certificate_for_selected(struct screen *s, const struct command *c)
{
    (void)c;
    const struct volunteer *v = register_selected(s);
    if (!v) return;
    struct screen *form = screen_certificate_issue_new(v->id, v->name, v->number);
    if (form) ui_push(form);
}

static const struct command register_menu[] = {
    {"volunteer-records", '1', N_("Service records and hours"),
     N_("The selected volunteer's records: state, 补录, the request each helped close; hours "
        "counted and pending"),
     RIGHT_LOG_HOURS, register_records, 0, NULL},
    {"hours-corrections", '2', N_("Corrections asked"),
     N_("The corrections volunteers asked for: grant or refuse each, with a reason"),
     RIGHT_LOG_HOURS, NULL, 0, register_corrections},
    {"certificate-issue", '3', N_("Issue a service certificate"),
     N_("志愿服务记录证明 of the volunteer's counted hours in a period"), RIGHT_LOG_HOURS,
     certificate_for_selected, 0, NULL},
    {"certificates", '4', N_("Service certificates"), N_("Those issued: print again, void"), 0,
     NULL, 0, screen_certificates_new},
    {"stars-due", '5', N_("Stars due"), N_("Volunteers who reached a star not yet awarded"), 0,
     NULL, 0, screen_stars_due_new},
    {"star-levels", '6', N_("Star levels"), N_("The hours each level takes"), 0, NULL, 0,
     screen_star_levels_new},
    {"hours-volunteer", '7', N_("A volunteer's service hours"),
     N_("A volunteer's counted service records over a period, with the totals by year"),
     RIGHT_LOG_HOURS, hours_report_volunteer_run, 0, NULL},
    {"hours-teams", '8', N_("Service hours by team"),
     N_("Each team's activities, times served, volunteers and hours of a month or a year"),
     RIGHT_LOG_HOURS, hours_report_sums_run, 0, NULL},
    {"hours-categories", '9', N_("Service hours by category"),
     N_("Each service category's activities, times served, volunteers and hours of a month or "
        "a year"),
     RIGHT_LOG_HOURS, hours_report_sums_run, 1, NULL},
    {"import-volunteers", 'a', N_("Import a volunteers ledger"),
     N_("Read a volunteers ledger (CSV or .xlsx): preview, then import"), RIGHT_LOG_HOURS,
     import_command, 0, NULL},
    {"export-volunteers", 'b', N_("Export volunteers (masked)"),
     N_("Write the volunteers to a file, ID and phone numbers masked, in the columns the import "
        "reads"),
     0, export_command, 0, NULL},
    {"export-hours", 'c', N_("Export service hours"),
     N_("Write every service record to a file, in the columns the import reads"), 0, export_command,
     0, NULL},
    {"export-full-volunteers", 'd', N_("Export volunteers with full numbers (recorded)"),
     N_("Write the volunteers with full ID and phone numbers, to import back; asks why, and the "
        "audit log keeps it"),
     RIGHT_EXPORT_UNMASKED, export_command, 1, NULL},
    {"import-hours", 'i', N_("Import a service hours ledger"),
     N_("Read a service hours ledger (CSV, GBK/GB18030/UTF-8): preview, then import"),
     RIGHT_LOG_HOURS, import_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec register_list = {.title = N_("Volunteer service"),
                                               .tabs = register_tabs,
                                               .ntabs = 3,
                                               .menu = register_menu,
                                               .tab_note = register_tab_note};

struct screen *screen_volunteer_new(void)
{
    return list_screen_new(&register_list, 0, NULL);
}
