/*
** screen_organisation: 企业 (一企一档), the organisations in the buildings,
** as a list and a form configured through the kits. The list is a tab of
** 区域与楼宇 and, from a building, a screen of its own holding that
** building's organisations. Typing searches: a piece of the name, pinyin
** initials or full pinyin from any character on, a piece of the credit
** code (its last characters too). Enter or F4 edits, F7 registers one, F8
** records that it moved out today (it stays on file, dimmed, shown with
** F6) or that it came back.
*/
#include "db/area.h"
#include "db/organisation_store.h"
#include "db/user_store.h"
#include "db/audit_store.h"
#include "db/request_store.h"
#include "db/visit_store.h"
#include "src/phone.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/credit_code.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "src/roles.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows a list shows at most (the count says how many match). */
#define ORG_LIST_LIMIT 200

/* --- the form -------------------------------------------------------------------------------- */

/* The buildings the user may register organisations in: a building chief's own, else all. */
static int building_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct area_list l;
    if (area_list(ui.db, AREA_BUILDING, query, 0, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++) {
        if (ui.user && user_building_allowed(ui.db, ui.user, l.items[i].id) != DB_OK) continue;
        char *detail = xasprintf("%s %s", l.items[i].code, l.items[i].parent_name);
        choice_list_add(out, l.items[i].id, l.items[i].name, detail);
        free(detail);
    }
    area_list_free(&l);
    return 0;
}

/* A choice among words: its id is the word's place, from 1. */
static void words_offer(struct choice_list *out, const char *query, const char *const *words,
                        size_t n)
{
    for (size_t i = 0; i < n; i++)
        choice_list_offer(out, query, (int64_t)i + 1, words[i], "");
}

static int party_org_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    words_offer(out, query, organisation_party_orgs, ORGANISATION_PARTY_ORGS);
    return 0;
}

static int stability_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    words_offer(out, query, organisation_stabilities, ORGANISATION_STABILITIES);
    return 0;
}

static int64_t word_id(const char *const *words, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(words[i], word)) return (int64_t)i + 1;
    return 0;
}

/* A count as the form shows it: nothing for 0. */
static char *count_text(int64_t n)
{
    return n ? xasprintf("%lld", (long long)n) : xstrdup("");
}

static void org_build(struct form_screen *fs)
{
    const struct organisation *o = fs->orig;
    struct form *f = &fs->form;
    form_bind(f,
              form_add_text(f, _("Name"), o->name, ORGANISATION_NAME_MAX, 40, validate_required,
                            TEXT_NORM_PROSE),
              "name");
    form_bind(f,
              form_add_text(f, _("Credit code"), o->credit_code, 18, 20, credit_code_check,
                            TEXT_NORM_UPPER | TEXT_NORM_NOSPACE),
              "credit_code");
    form_bind(f,
              form_add_choice(f, _("Building"), o->building_id, o->building_name, building_source,
                              fs, 1, 30),
              "building_id");
    form_bind(f,
              form_add_text(f, _("Floor"), o->floor, ORGANISATION_PLACE_MAX, 8, validate_line,
                            TEXT_NORM_NOSPACE),
              "floor");
    form_bind(f,
              form_add_text(f, _("Room"), o->room, ORGANISATION_PLACE_MAX, 8, validate_line,
                            TEXT_NORM_NOSPACE),
              "room");
    form_bind(f,
              form_add_text(f, _("Industry"), o->industry, ORGANISATION_INDUSTRY_MAX, 30,
                            validate_line, TEXT_NORM_PROSE),
              "industry");
    form_bind(f,
              form_add_text(f, _("Contact"), o->contact_name, ORGANISATION_CONTACT_MAX, 12,
                            validate_line, 0),
              "contact_name");
    int phone = form_add_text(f, _("Contact phone"), o->contact_phone, 30, 16, phone_check_any, 0);
    form_bind(f, phone, "contact_phone");
    if (o->id && *o->contact_phone) form_set_secret(f, phone, organisation_masked_phone);
    char *n = count_text(o->employees);
    form_bind(f,
              form_add_text(f, _("Employees"), n, ORGANISATION_COUNT_MAX, 8,
                            organisation_check_count, TEXT_NORM_NOSPACE),
              "employees");
    free(n);
    n = count_text(o->party_members);
    form_bind(f,
              form_add_text(f, _("Party members"), n, ORGANISATION_COUNT_MAX, 8,
                            organisation_check_count, TEXT_NORM_NOSPACE),
              "party_members");
    free(n);
    form_bind(
        f,
        form_add_choice(f, _("Party organisation"),
                        word_id(organisation_party_orgs, ORGANISATION_PARTY_ORGS, o->party_org),
                        o->party_org, party_org_source, fs, 1, 8),
        "party_org");
    form_bind(
        f,
        form_add_choice(f, _("Stability"),
                        word_id(organisation_stabilities, ORGANISATION_STABILITIES, o->stability),
                        o->stability, stability_source, fs, 1, 10),
        "stability");
    form_bind(f, form_add_text(f, _("Moved in"), o->moved_in, 10, 12, validate_date_optional, 0),
              "moved_in");
    form_bind(f, form_add_text(f, _("Moved out"), o->moved_out, 10, 12, validate_date_optional, 0),
              "moved_out");
}

/* F2: no more party members than employees, and out no sooner than in. */
static int org_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    int ie = form_bound(f, "employees"), ip = form_bound(f, "party_members");
    char *e = form_text(f, ie), *p = form_text(f, ip);
    const char *why = organisation_check_members(organisation_count(e), organisation_count(p));
    free(e);
    free(p);
    if (why) {
        form_set_message(f, ip, why);
        return ip;
    }
    int iin = form_bound(f, "moved_in"), iout = form_bound(f, "moved_out");
    char *in = form_date(f, iin), *out = form_date(f, iout);
    const char *ahead = organisation_check_moved_in(in);
    why = ahead ? NULL : organisation_check_moves(in, out);
    free(in);
    free(out);
    if (ahead || why) {
        form_set_message(f, ahead ? iin : iout, ahead ? ahead : why);
        return ahead ? iin : iout;
    }
    return -1;
}

/* A choice among words into a text field of the record. */
static void word_read(struct form *f, const char *field, const char *const *words, size_t n,
                      char **into)
{
    int64_t id = form_choice(f, form_bound(f, field));
    record_set(into, id >= 1 && (size_t)id <= n ? words[id - 1] : "");
}

static int org_read(struct form_screen *fs, void *rec)
{
    struct organisation *o = rec;
    struct form *f = &fs->form;
    int i;
    record_take(&o->name, form_text(f, form_bound(f, "name")));
    char *code = form_text(f, form_bound(f, "credit_code"));
    record_take(&o->credit_code, organisation_normal_code(code));
    free(code);
    i = form_bound(f, "building_id");
    o->building_id = form_choice(f, i);
    record_set(&o->building_name, o->building_id ? f->fields[i].choice_label : "");
    record_take(&o->floor, form_text(f, form_bound(f, "floor")));
    record_take(&o->room, form_text(f, form_bound(f, "room")));
    record_take(&o->industry, form_text(f, form_bound(f, "industry")));
    record_take(&o->contact_name, form_text(f, form_bound(f, "contact_name")));
    char *phone = form_text(f, form_bound(f, "contact_phone"));
    record_take(&o->contact_phone, phone_normal_any(phone));
    free(phone);
    char *n = form_text(f, form_bound(f, "employees"));
    o->employees = organisation_count(n);
    free(n);
    n = form_text(f, form_bound(f, "party_members"));
    o->party_members = organisation_count(n);
    free(n);
    word_read(f, "party_org", organisation_party_orgs, ORGANISATION_PARTY_ORGS, &o->party_org);
    word_read(f, "stability", organisation_stabilities, ORGANISATION_STABILITIES, &o->stability);
    record_take(&o->moved_in, form_date(f, form_bound(f, "moved_in")));
    record_take(&o->moved_out, form_date(f, form_bound(f, "moved_out")));
    return 0;
}

static int org_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return organisation_save(ui.db, rec, actor_name());
}

/* A credit code or a name another organisation has: who has it, where, at the field. */
static int org_refused(struct form_screen *fs, int rc, const void *rec)
{
    struct organisation other;
    const char *field;
    if (rc != DB_DUPLICATE || organisation_clash(ui.db, rec, &other, &field) != DB_OK) return -1;
    char *where = organisation_place(other.floor, other.room);
    form_set_message(&fs->form, form_bound(&fs->form, field),
                     str_eq(field, "name") ? _("Registered in this building already")
                                           : _("Taken by another organisation"));
    ui_message(UI_MSG_ERROR,
               str_eq(field, "name") ? _("Not saved: %s is registered already: %s %s, %s")
                                     : _("Not saved: the credit code is %s's: %s %s, %s"),
               other.name, other.building_name, where,
               *other.credit_code ? other.credit_code : _("(no credit code)"));
    free(where);
    record_free(&organisation_record, &other);
    return UI_HANDLED;
}

static int org_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return organisation_get(ui.db, ((const struct organisation *)rec)->id, out);
}

/* F9: show the contact phone in full, once the reveal is recorded. */
static void reveal(struct screen *s, const struct command *c)
{
    (void)c;
    struct form_screen *fs = (struct form_screen *)s;
    const struct organisation *o = fs->orig;
    int field = form_bound(&fs->form, "contact_phone");
    const char *refused = form_reveal_refusal(&fs->form, field);
    if (refused)
        ui_message(UI_MSG_INFO, "%s", refused);
    else if (reveal_ask(organisation_reveal, o->id, "phone", _("contact phone"), o->name))
        form_reveal(&fs->form, field);
}

static const struct command org_form_menu[] = {
    {"reveal-phone", '1', N_("Show the full contact phone"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* Who changes organisations: whoever edits areas, and building chiefs (in their buildings). */
#define ORG_RIGHTS (RIGHTS_ANY | RIGHT_EDIT_AREAS | RIGHT_LOG_VISITS)

static const struct form_spec org_form = {.type = &organisation_record,
                                          .title_new = N_("New organisation"),
                                          .title_edit = N_("Edit organisation"),
                                          .build = org_build,
                                          .check = org_check,
                                          .read = org_read,
                                          .save = org_save,
                                          .refused = org_refused,
                                          .get = org_get,
                                          .parent = "building_id",
                                          .menu = org_form_menu,
                                          .rights = ORG_RIGHTS};

/* --- the list -------------------------------------------------------------------------------- */

/* A list of one building's organisations keeps the building. */
struct org_ctx {
    int64_t building_id;
    char *building_name;
    char *heading;
};

static void org_ctx_free(void *ctx)
{
    struct org_ctx *c = ctx;
    if (!c) return;
    free(c->building_name);
    free(c->heading);
    free(c);
}

/* The building a list of organisations keeps: on a building's own list only (its tab's arg 1). */
static const struct org_ctx *org_ctx_of(struct list_screen *ls)
{
    return list_screen_tab(ls)->arg == 1 ? ls->ctx : NULL;
}

static int org_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct org_ctx *c = org_ctx_of(ls);
    struct organisation_hits h;
    int rc = organisation_search(ui.db, query, ui.user, c ? c->building_id : 0, ls->with_retired,
                                 ORG_LIST_LIMIT, &h);
    out->items = h.items;
    out->n = h.n;
    out->total = h.total;
    out->more = h.more;
    return rc;
}

static const char *org_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct organisation *o = row;
    switch (col) {
    case 0:
        return o->name;
    case 1:
        return o->credit_code;
    case 2:
        return o->building_name;
    case 3:
        return o->contact_name;
    case 4: {
        char *masked = organisation_masked_phone(o->contact_phone);
        snprintf(buf, LIST_CELL_MAX, "%s", masked);
        free(masked);
        return buf;
    }
    default:
        return o->retired ? _("Moved out") : "";
    }
}

static void org_create(struct list_screen *ls)
{
    const struct org_ctx *c = org_ctx_of(ls);
    struct organisation fresh;
    record_init(&organisation_record, &fresh);
    if (c) {
        fresh.building_id = c->building_id;
        record_set(&fresh.building_name, c->building_name);
    }
    ui_push(form_screen_new(&org_form, &fresh, NULL));
    record_free(&organisation_record, &fresh);
}

/* F8: it moved out today, or (one that moved out) it came back. */
static void org_move(struct list_screen *ls, void *row)
{
    (void)ls;
    struct organisation *o = row;
    int leaving = !o->retired;
    char today[11];
    struct date d = date_of(clock_now());
    date_format(&d, today);
    char *q =
        leaving ? xasprintf(_("%s moved out today (%s)? It stays on file, dimmed."), o->name, today)
                : xasprintf(_("%s is back in its building?"), o->name);
    int yes = dialog_confirm(leaving ? _("Moved out") : _("Moved back"), q, 0);
    free(q);
    if (!yes) return;
    struct organisation current;
    record_init(&organisation_record, &current);
    int rc = organisation_set_moved_out(ui.db, o, leaving ? today : "", actor_name(), &current);
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, leaving ? _("Moved out: %s") : _("Moved back: %s"), o->name);
    else if (rc == DB_CONFLICT)
        ui_message(UI_MSG_ERROR, _("%s changed it at %s first: look again and retry"),
                   current.updated_by, current.updated_at);
    else {
        char *why = db_rc_text(ui.db, rc);
        ui_message(UI_MSG_ERROR, "%s", why);
        free(why);
    }
    if (rc == DB_CONFLICT) db_generation_touch(ui.db);
    record_free(&organisation_record, &current);
}

/* Enter: the organisation's file (F4 edits its record). */
static void org_open_file(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_organisation_file_new(((const struct organisation *)row)->id));
}

const struct list_tab organisation_list_tab = {
    .label = N_("Organisations"),
    .type = &organisation_record,
    .cols = {{N_("Name"), 0, 0},
             {N_("Credit code"), 18, 0},
             {N_("Building"), 12, 0},
             {N_("Contact"), 6, 0},
             {N_("Phone"), 11, 0},
             {N_("Status"), 6, LIST_COL_RETIRED}},
    .ncols = 6,
    .hint = N_("type Chinese, pinyin or the last characters of a credit code"),
    .empty = N_("Nothing found. F7 registers a new organisation."),
    .flags = LIST_RETIRED,
    .load = org_load,
    .cell = org_cell,
    .open = org_open_file,
    .create = org_create,
    .retire = org_move,
    .form = &org_form,
    .rights = ORG_RIGHTS};

static const char *org_heading(struct list_screen *ls)
{
    struct org_ctx *c = ls->ctx;
    return c ? c->heading : NULL;
}

/* A building's own list: the tab above, its arg saying the screen keeps the building. */
static struct list_tab building_tab;

static const struct list_spec building_orgs = {.title = N_("Organisations in a building"),
                                               .tabs = &building_tab,
                                               .ntabs = 1,
                                               .heading = org_heading,
                                               .free_ctx = org_ctx_free};

struct screen *screen_organisations_new(int64_t building_id, const char *building_name)
{
    struct org_ctx *c = xcalloc(1, sizeof *c);
    c->building_id = building_id;
    c->building_name = xstrdup(building_name);
    c->heading = xasprintf(_("Building: %s"), building_name);
    if (!building_tab.type) {
        building_tab = organisation_list_tab;
        building_tab.arg = 1;
    }
    return list_screen_new(&building_orgs, 0, c);
}

/* --- its file (一企一档) -------------------------------------------------------------------- */

/* What a file keeps: the organisation, and its record in a line above the lists. */
struct org_file {
    struct organisation o;
    char *summary;
};

static void org_file_free(void *ctx)
{
    struct org_file *f = ctx;
    record_free(&organisation_record, &f->o);
    free(f->summary);
    free(f);
}

/* Read the organisation again (it may have been edited) and its line. */
static void org_file_loaded(struct list_screen *ls)
{
    struct org_file *f = ls->ctx;
    struct organisation o;
    if (organisation_get(ui.db, f->o.id, &o) != DB_OK) return;
    record_free(&organisation_record, &f->o);
    f->o = o;
    free(f->summary);
    char *phone = organisation_masked_phone(o.contact_phone);
    char *place = organisation_place(o.floor, o.room);
    f->summary =
        xasprintf(_("%s  %s  %s %s  %s %s  employees %lld, party members %lld  %s%s%s"), o.name,
                  *o.credit_code ? o.credit_code : _("(no credit code)"), o.building_name, place,
                  o.contact_name, phone, (long long)o.employees, (long long)o.party_members,
                  o.stability, *o.moved_out ? _("  moved out ") : "", o.moved_out);
    free(place);
    free(phone);
}

static const char *org_file_above(struct list_screen *ls)
{
    return ((struct org_file *)ls->ctx)->summary;
}

#define FILE_ROWS 500

static int file_requests_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct org_file *f = ls->ctx;
    struct request_filter filter = {.level = -1,
                                    .text = query,
                                    .organisation_id = f->o.id,
                                    .scope_of = actor_name(),
                                    .now = clock_now()};
    struct request_list l;
    int rc = request_queue(ui.db, QUEUE_ALL, &filter, SORT_NEWEST, FILE_ROWS, &l);
    out->items = l.items;
    out->n = l.n;
    out->total = l.total;
    out->more = l.more;
    return rc;
}

static const char *file_request_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct request *r = row;
    switch (col) {
    case 0:
        return r->number;
    case 1:
        return _(request_state_label(r->state));
    case 2:
        return r->title;
    default:
        return r->unit_name;
    }
}

static void file_request_open(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_request_view_new(((const struct request *)row)->id));
}

static int file_visits_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct org_file *f = ls->ctx;
    struct visit *items;
    size_t n;
    int rc = visit_list(ui.db, query, 0, f->o.id, NULL, FILE_ROWS, &items, &n);
    out->items = items;
    out->n = n;
    return rc;
}

static const char *file_visit_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct visit *v = row;
    switch (col) {
    case 0:
        return v->day;
    case 1:
        return v->met;
    case 2:
        return v->findings;
    default:
        snprintf(buf, LIST_CELL_MAX, "%lld", (long long)v->requests);
        return buf;
    }
}

static int file_history_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct org_file *f = ls->ctx;
    char subject[40];
    snprintf(subject, sizeof subject, "organisation:%lld", (long long)f->o.id);
    struct audit_filter filter = {.text = query, .subject = subject};
    struct audit_entry *items;
    size_t n;
    int64_t total;
    int more;
    int rc = audit_list(ui.db, actor_name(), &filter, FILE_ROWS, &items, &n, &total, &more);
    if (rc != DB_OK) return rc;
    out->items = items;
    out->n = n;
    out->total = total;
    out->more = more;
    return DB_OK;
}

static const char *file_history_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct audit_entry *e = row;
    switch (col) {
    case 0:
        return e->at;
    case 1:
        return e->actor;
    case 2:
        return _(audit_action_label(e->action));
    default:
        return e->detail;
    }
}

static const struct list_tab org_file_tabs[] = {
    {.label = N_("Requests"),
     .type = &request_record,
     .cols = {{N_("Number"), 11, 0}, {N_("State"), 8, 0}, {N_("Title"), 0, 0}, {N_("Unit"), 14, 0}},
     .ncols = 4,
     .hint = N_("a number or a title"),
     .empty_all = N_("No requests from this organisation."),
     .load = file_requests_load,
     .cell = file_request_cell,
     .open = file_request_open,
     .edit = file_request_open},
    {.label = N_("Visits"),
     .type = &visit_record,
     .cols = {{N_("Visited on"), 10, 0},
              {N_("Met"), 12, 0},
              {N_("Found"), 0, 0},
              {N_("Requests"), 4, TEXT_FIT_RIGHT}},
     .ncols = 4,
     .hint = N_("a day, who was met, what was found"),
     .empty_all = N_("No visits to this organisation yet."),
     .load = file_visits_load,
     .cell = file_visit_cell},
    {.label = N_("History"),
     .type = &audit_entry_record,
     .cols = {{N_("When"), 19, 0}, {N_("Who"), 10, 0}, {N_("What"), 12, 0}, {N_("Detail"), 0, 0}},
     .ncols = 4,
     .hint = N_("who or what changed"),
     .empty_all = N_("No changes recorded."),
     .load = file_history_load,
     .cell = file_history_cell,
     .shown_to = RIGHT_SEE_AUDIT},
};

/* F9 on the file: edit the record itself. */
static void org_file_edit(struct screen *s, const struct command *c)
{
    (void)c;
    const struct org_file *f = ((struct list_screen *)s)->ctx;
    ui_push(form_screen_new(&org_form, &f->o, NULL));
}

static const struct command org_file_menu[] = {
    {"edit", '1', N_("Edit the record"), N_("The organisation's own fields, as registered"), 0,
     org_file_edit, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec org_file_spec = {.title = N_("Organisation file"),
                                               .tabs = org_file_tabs,
                                               .ntabs = (int)ARRAY_LEN(org_file_tabs),
                                               .menu = org_file_menu,
                                               .above = org_file_above,
                                               .loaded = org_file_loaded,
                                               .free_ctx = org_file_free};

struct screen *screen_organisation_file_new(int64_t id)
{
    struct org_file *f = xcalloc(1, sizeof *f);
    if (organisation_get(ui.db, id, &f->o) != DB_OK) record_init(&organisation_record, &f->o);
    f->o.id = id;
    return list_screen_new(&org_file_spec, 0, f);
}
