/*
** ledgers: see ledgers.h.
*/
#include "app/ledgers.h"
#include "app/hours_ledger.h"
#include "app/volunteer_ledger.h"
#include "db/area.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/organisation_store.h"
#include "db/post_store.h"
#include "db/staff_store.h"
#include "db/synonym_store.h"
#include "db/user_store.h"
#include "src/phone.h"
#include "src/area.h"
#include "src/catalogue.h"
#include "src/credit_code.h"
#include "src/organisation.h"
#include "src/post.h"
#include "src/hours_ledger.h"
#include "src/i18n.h"
#include "src/resident.h"
#include "src/roles.h"
#include "src/staff.h"
#include "src/synonym.h"
#include "src/text.h"
#include "src/util.h"
#include "src/volunteer.h"
#include "src/validate.h"
#include "src/workcal.h"

#include <stdlib.h>
#include <string.h>
#include <stdlib.h>

/* --- staff kinds: plain records, through the shared importer and exporter ------------------- */

static const struct record_column staff_kind_columns[] = {
    {SKF_CODE, "code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code, VALIDATE_CODE_MAX},
    {SKF_NAME, "name", TEXT_NORM_PROSE, NULL, STAFF_KIND_NAME_MAX},
    {SKF_NOTE, "note", TEXT_NORM_PROSE, NULL, STAFF_KIND_NOTE_MAX},
    {0, NULL, 0, NULL, 0},
};

static int staff_kind_find_of(struct db *db, const void *rec, void *out)
{
    return staff_kind_find(db, ((const struct staff_kind *)rec)->code, out);
}

static int staff_kind_store(struct db *db, void *rec, const char *actor)
{
    return staff_kind_save(db, rec, actor);
}

static int staff_kind_all(struct db *db, const char *actor, void **items, size_t *n)
{
    (void)actor; /* every one: no personal data */
    struct staff_kind *kinds;
    int rc = staff_kind_list(db, 0, &kinds, n); /* the ledger has no column saying retired */
    *items = kinds;
    return rc;
}

static const struct record_import staff_kind_rows = {.type = &staff_kind_record,
                                                     .key_field = "code",
                                                     .key_column = SKF_CODE,
                                                     .subject = "staff_kind",
                                                     .columns = staff_kind_columns,
                                                     .find = staff_kind_find_of,
                                                     .save = staff_kind_store};

static const struct record_export staff_kind_records = {.type = &staff_kind_record,
                                                        .schema = &ledger_staff_kinds,
                                                        .columns = staff_kind_columns,
                                                        .sheet = N_("Staff kinds"),
                                                        .list = staff_kind_all};

/* --- the catalogue's synonyms: plain records too ------------------------------------------- */

static const struct record_column synonym_columns[] = {
    {SYF_WORD, "word", TEXT_NORM_NOSPACE, synonym_check_word, SYNONYM_WORD_MAX},
    {SYF_TARGET, "target", TEXT_NORM_NOSPACE, synonym_check_word, SYNONYM_WORD_MAX},
    {0, NULL, 0, NULL, 0},
};

static int synonym_find_of(struct db *db, const void *rec, void *out)
{
    return synonym_find(db, ((const struct synonym *)rec)->word, out);
}

static int synonym_store(struct db *db, void *rec, const char *actor)
{
    return synonym_save(db, rec, actor);
}

static int synonym_all(struct db *db, const char *actor, void **items, size_t *n)
{
    (void)actor; /* every one: no personal data */
    struct synonym *rows;
    int rc = synonym_list(db, 0, &rows, n); /* the ledger has no column saying retired */
    *items = rows;
    return rc;
}

/* A word is no synonym of itself (低保 for 低保 finds nothing more). */
static char *synonym_rules(const struct ledger *l, const void *rec, int *column)
{
    (void)l;
    const struct synonym *s = rec;
    *column = SYF_TARGET;
    return str_eq(s->word, s->target) ? xstrdup(_("is the word itself: a synonym names another"))
                                      : NULL;
}

static const struct record_import synonym_rows = {.type = &synonym_record,
                                                  .key_field = "word",
                                                  .key_column = SYF_WORD,
                                                  .subject = "synonym",
                                                  .columns = synonym_columns,
                                                  .find = synonym_find_of,
                                                  .save = synonym_store,
                                                  .rules = synonym_rules};

static const struct record_export synonym_records = {.type = &synonym_record,
                                                     .schema = &ledger_synonyms,
                                                     .columns = synonym_columns,
                                                     .sheet = N_("Synonyms"),
                                                     .list = synonym_all};

/* --- the catalogue: items, each with the unit that offers it ------------------------------- */

/*
** The unit a row names (by code, else by name), created when unknown.
** Returns DB_OK with *id, DB_INVALID with *why (caller frees) when the row
** cannot be taken: its unit is retired, or its code and name name two
** different units; or an error.
*/
static int unit_resolve(struct db *db, const struct unit *row, const char *actor, int dry,
                        int64_t *id, struct import_report *rep, char **why)
{
    struct unit u, by_name;
    int rc = *row->code ? unit_find(db, row->code, &u) : DB_NOTFOUND;
    int named = unit_find(db, row->name, &by_name);
    if (named == DB_OK && rc == DB_OK && by_name.id != u.id)
        *why = xasprintf(_("unit code %s is %s, not %s"), u.code, u.name, row->name);
    else if (named == DB_OK && rc == DB_NOTFOUND && *row->code)
        *why = xasprintf(_("%s has the code %s, not %s"), by_name.name, by_name.code, row->code);
    if (named == DB_OK) {
        if (rc == DB_OK) unit_free(&u);
        u = by_name;
        rc = DB_OK;
    }
    if (rc == DB_OK && !*why && u.retired) *why = xasprintf(_("%s is retired"), u.name);
    if (rc == DB_OK && *why) {
        unit_free(&u);
        return DB_INVALID;
    }
    if (rc == DB_OK) {
        /* Found by its code under a name no unit has: the unit was renamed. */
        int changed = (*row->kind && !str_eq(row->kind, u.kind)) ||
                      (*row->phone && !str_eq(row->phone, u.phone)) || named == DB_NOTFOUND;
        if (named == DB_NOTFOUND) {
            char *said = xasprintf("%s %s -> %s", u.code, u.name, row->name);
            if (!strlist_has(&rep->renamed_units, said)) strlist_add(&rep->renamed_units, said);
            free(said);
            record_set(&u.name, row->name);
        }
        if (*row->kind) record_set(&u.kind, row->kind);
        if (*row->phone) record_set(&u.phone, row->phone);
        if (changed && !dry) rc = unit_save(db, &u, actor, NULL);
        *id = u.id;
        unit_free(&u);
        return rc;
    }
    if (rc != DB_NOTFOUND) return rc;
    unit_copy(&u, row);
    if (!*u.code) {
        record_take(&u.code, unit_code_new(db));
    }
    /* A preview names the units it would create, each once, and points at none. */
    rc = dry ? DB_OK : unit_save(db, &u, actor, NULL);
    if (rc == DB_OK && !(dry && strlist_has(&rep->created, u.name)))
        strlist_add(&rep->created, u.name);
    *id = dry ? 0 : u.id;
    unit_free(&u);
    return rc;
}

static void item_check(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                       struct ledger_problems *p)
{
    catalogue_row_check(l, row, rec, aside, p);
}

/* A row's item is offered by the unit the row names (created when new). */
static int item_resolve(struct db *db, void *rec, const void *aside, const struct import_options *o,
                        struct import_report *rep, char **why, int *column)
{
    (void)column;
    struct service_item *it = rec;
    const struct unit *u = aside;
    int rc = unit_resolve(db, aside, o->actor, o->dry_run, &it->unit_id, rep, why);
    record_set(&it->unit_name, u->name); /* how a preview shows the unit */
    return rc;
}

static int item_find(struct db *db, const void *rec, void *out)
{
    return item_get_by_code(db, ((const struct service_item *)rec)->code, out);
}

static int item_store(struct db *db, void *rec, const char *actor)
{
    return item_save(db, rec, actor, NULL);
}

/* What each column feeds: over an item on file, a column the ledger lacks changes nothing. */
static const struct record_column item_fields[] = {
    {CF_CODE, "code", 0, NULL, 0},
    {CF_NAME, "name", 0, NULL, 0},
    {CF_UNIT, "unit_id", 0, NULL, 0},
    {CF_UNIT, "unit_name", 0, NULL, 0},
    {CF_CATEGORY, "category", 0, NULL, 0},
    {CF_MATERIALS, "materials", 0, NULL, 0},
    {CF_DESCRIPTION, "description", 0, NULL, 0},
    {CF_ACCEPT, "accept_minutes", 0, NULL, 0},
    {CF_RESOLVE, "resolve_amount", 0, NULL, 0},
    {CF_RESOLVE, "resolve_unit", 0, NULL, 0},
    {0, NULL, 0, NULL, 0},
};

static const struct record_import catalogue_rows = {
    .type = &service_item_record,
    .fields = item_fields,
    .key_field = "code",
    .key_column = CF_CODE,
    .subject = "catalogue",
    .aside_type = &unit_record,
    .check = item_check,
    .resolve = item_resolve,
    .resolve_column = CF_UNIT,
    .find = item_find,
    .save = item_store,
};

/* --- the working-day calendar --------------------------------------------------------------- */

static int day_find(struct db *db, const void *rec, void *out)
{
    return calendar_get(db, ((const struct calendar_day *)rec)->day, out);
}

static int day_store(struct db *db, void *rec, const char *actor)
{
    const struct calendar_day *d = rec;
    return calendar_set(db, d->day, d->working, d->name, actor);
}

static void day_check(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                      struct ledger_problems *p)
{
    (void)aside;
    calendar_row_check(l, row, rec, p);
}

static const struct record_import calendar_rows = {
    .type = &calendar_day_record,
    .key_field = "day",
    .key_column = CAL_DAY,
    .subject = "calendar",
    .check = day_check,
    .find = day_find,
    .save = day_store,
};

/* The calendar written as it is read: 日期, 类型 in the ledger's words (放假, 上班), 名称. */
static const struct record_column calendar_columns[] = {
    {CAL_DAY, "day", 0, NULL, 0},
    {CAL_KIND, "working", 0, NULL, 0},
    {CAL_NAME, "name", 0, NULL, 0},
    {0, NULL, 0, NULL, 0},
};

static int calendar_all(struct db *db, const char *actor, void **items, size_t *n)
{
    (void)actor; /* every one: no personal data */
    struct calendar_days days;
    int rc = calendar_list(db, "", &days);
    *items = days.v;
    *n = days.n;
    return rc;
}

static char *calendar_cell(const void *rec, int column)
{
    const struct calendar_day *d = rec;
    return column == CAL_KIND ? xstrdup(d->working ? "上班" : "放假") : NULL;
}

static const struct record_export calendar_records = {.type = &calendar_day_record,
                                                      .schema = &ledger_calendar,
                                                      .columns = calendar_columns,
                                                      .sheet = N_("Calendar"),
                                                      .list = calendar_all,
                                                      .cell = calendar_cell};

/* --- the organisations in the buildings (一企一档) ---------------------------------------------
 */

static const struct record_column organisation_columns[] = {
    {OF_NAME, "name", TEXT_NORM_PROSE, NULL, ORGANISATION_NAME_MAX},
    {OF_CODE, "credit_code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, credit_code_check, 18},
    {OF_BUILDING, "building_id", 0, NULL, 0},
    {OF_FLOOR, "floor", TEXT_NORM_NOSPACE, NULL, ORGANISATION_PLACE_MAX},
    {OF_ROOM, "room", TEXT_NORM_NOSPACE, NULL, ORGANISATION_PLACE_MAX},
    {OF_INDUSTRY, "industry", TEXT_NORM_PROSE, NULL, ORGANISATION_INDUSTRY_MAX},
    {OF_CONTACT, "contact_name", 0, NULL, ORGANISATION_CONTACT_MAX},
    {OF_PHONE, "contact_phone", RECORD_BLANK_KEEPS, phone_check_any, 30},
    {OF_EMPLOYEES, "employees", TEXT_NORM_NOSPACE, organisation_check_count, 0},
    {OF_PARTY_MEMBERS, "party_members", TEXT_NORM_NOSPACE, organisation_check_count, 0},
    {OF_PARTY_ORG, "party_org", TEXT_NORM_NOSPACE, organisation_check_party_org, 0},
    {OF_STABILITY, "stability", TEXT_NORM_NOSPACE, organisation_check_stability, 0},
    /* Spaces kept: a date with a time after it (2025/12/6 14:36) is its date. */
    {OF_MOVED_IN, "moved_in", TEXT_NORM_PROSE, organisation_check_date, 0},
    {OF_MOVED_OUT, "moved_out", TEXT_NORM_PROSE, organisation_check_date, 0},
    {0, NULL, 0, NULL, 0},
};

/* A column's text, normalised as the store keeps it (caller frees). */
static char *row_cell(const struct ledger *l, const struct ledger_row *row, int f,
                      char *(*normal)(const char *))
{
    char *trimmed = text_trim(ledger_value_of(l, row, f));
    char *text = normal ? normal(trimmed) : xstrdup(trimmed);
    free(trimmed);
    return text;
}

/* A place's name or code as the store has it: full-width digits and letters (第１网格) plain. */
static char *place_normal(const char *s)
{
    return text_normalize(s, TEXT_NORM_PROSE);
}

/*
** What the columns table cannot take as it is: the counts as numbers, the
** building's name (settled by organisation_resolve), the phone, dates and
** code in the forms the store keeps.
*/
static void organisation_row_check(const struct ledger *l, const struct ledger_row *row, void *rec,
                                   void *aside, struct ledger_problems *p)
{
    (void)aside;
    (void)p;
    struct organisation *o = rec;
    record_take(&o->building_name, row_cell(l, row, OF_BUILDING, place_normal));
    record_take(&o->credit_code, row_cell(l, row, OF_CODE, organisation_normal_code));
    record_take(&o->contact_phone, row_cell(l, row, OF_PHONE, phone_normal_any));
    record_take(&o->moved_in, row_cell(l, row, OF_MOVED_IN, organisation_normal_date));
    record_take(&o->moved_out, row_cell(l, row, OF_MOVED_OUT, organisation_normal_date));
    int64_t n = organisation_count(ledger_value_of(l, row, OF_EMPLOYEES));
    o->employees = n > 0 ? n : 0;
    n = organisation_count(ledger_value_of(l, row, OF_PARTY_MEMBERS));
    o->party_members = n > 0 ? n : 0;
}

/*
** The rules between fields the form keeps, on the organisation as it
** would be stored (a ledger lacking 从业人数 is held to the count on file).
*/
static char *organisation_rules(const struct ledger *l, const void *rec, int *column)
{
    (void)l;
    const struct organisation *o = rec;
    const char *why = organisation_check_members(o->employees, o->party_members);
    *column = OF_PARTY_MEMBERS;
    int dated = !organisation_check_date(o->moved_in) && !organisation_check_date(o->moved_out);
    if (!why && dated && (why = organisation_check_moved_in(o->moved_in)) != NULL)
        *column = OF_MOVED_IN;
    else if (!why && dated && (why = organisation_check_moves(o->moved_in, o->moved_out)) != NULL)
        *column = OF_MOVED_OUT;
    return why ? xstrdup(why) : NULL;
}

/*
** The building a row names, by code or name: it must be one on file. A row
** whose credit code is blank names the organisation of its name in that
** building that has one, when it is the only one so called there: the
** code on file is kept, never a second record made.
*/
/*
** A row whose organisation would take, in its building, the name of
** another there (a name is registered once; the store refuses it): *why
** names that one. The row's own (organisation_find_of()), keeping its name
** and building, is not asked again. DB_OK (*why set or not) or an error.
*/
static int organisation_name_free(struct db *db, const struct organisation *org, char **why)
{
    struct organisation same, other;
    struct organisation probe = *org; /* its fields read, not owned */
    probe.id = 0;
    /* The row's own: by its credit code, or without one the one of its name there without one. */
    int rc = *org->credit_code ? organisation_find_code(db, org->credit_code, &same)
                               : organisation_find_name(db, org->name, org->building_id, &same);
    if (rc == DB_OK) {
        int kept = str_eq(same.name, org->name) && same.building_id == org->building_id &&
                   !*same.moved_out;
        probe.id = same.id;
        record_free(&organisation_record, &same);
        if (kept) return DB_OK;
    } else if (rc != DB_NOTFOUND) {
        return rc;
    }
    if (*org->moved_out) return DB_OK;
    const char *field;
    rc = organisation_clash(db, &probe, &other, &field);
    if (rc == DB_NOTFOUND) return DB_OK;
    if (rc != DB_OK) return rc;
    if (str_eq(field, "name") && *other.credit_code)
        *why = xasprintf(_("%s holds an organisation of this name already (credit code %s): a name "
                           "is registered once"),
                         org->building_name, other.credit_code);
    else if (str_eq(field, "name"))
        *why = xasprintf(_("%s holds an organisation of this name already: a name is registered "
                           "once"),
                         org->building_name);
    record_free(&organisation_record, &other);
    return DB_OK;
}

static int organisation_resolve(struct db *db, void *rec, const void *aside,
                                const struct import_options *o, struct import_report *rep,
                                char **why, int *column)
{
    (void)aside;
    (void)o;
    (void)rep;
    struct organisation *org = rec;
    int rc = DB_OK;
    org->building_id = 0;
    if (*org->building_name) {
        char *name;
        rc = organisation_building_find(db, org->building_name, &org->building_id, &name);
        if (rc == DB_NOTFOUND)
            *why = xasprintf(_("no building on file has the code or name %s"), org->building_name);
        else if (rc == DB_INVALID)
            *why =
                xasprintf(_("several buildings are called %s: write its code"), org->building_name);
        else if (rc == DB_OK)
            record_take(&org->building_name, name);
    }
    char *code;
    if (rc == DB_OK && !*org->credit_code &&
        organisation_code_by_name(db, org->name, org->building_id, &code) == DB_OK)
        record_take(&org->credit_code, code);
    if (rc == DB_OK && org->building_id) {
        rc = organisation_name_free(db, org, why);
        if (rc == DB_OK && *why) {
            *column = OF_NAME;
            rc = DB_INVALID;
        }
    }
    return rc == DB_NOTFOUND ? DB_INVALID : rc;
}

static int organisation_find_of(struct db *db, const void *rec, void *out)
{
    const struct organisation *o = rec;
    if (*o->credit_code) return organisation_find_code(db, o->credit_code, out);
    return organisation_find_name(db, o->name, o->building_id, out);
}

static int organisation_store(struct db *db, void *rec, const char *actor)
{
    return organisation_save(db, rec, actor);
}

static int organisation_every(struct db *db, const char *actor, void **items, size_t *n)
{
    struct organisation *rows;
    /* Those that moved out too (迁出日期 says so); a building chief's buildings' alone. */
    int rc = organisation_all(db, actor, &rows, n);
    *items = rows;
    return rc;
}

static const struct record_import organisation_rows = {.type = &organisation_record,
                                                       .key_field = "credit_code",
                                                       .key_column = OF_CODE,
                                                       .subject = "organisation",
                                                       .columns = organisation_columns,
                                                       .check = organisation_row_check,
                                                       .resolve = organisation_resolve,
                                                       .resolve_column = OF_BUILDING,
                                                       .find = organisation_find_of,
                                                       .save = organisation_store,
                                                       .rules = organisation_rules};

static const struct record_export organisation_records = {.type = &organisation_record,
                                                          .schema = &ledger_organisations,
                                                          .columns = organisation_columns,
                                                          .sheet = N_("Organisations"),
                                                          .list = organisation_every};

/* --- posts: each row a post, its holder found by name and phone or made ------------------- */

static void post_row(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                     struct ledger_problems *p)
{
    post_row_check(l, row, rec, aside, p);
}

/*
** A new holder for a row no staff member on file answers to (the row's
** 人员类别 needed then): DB_OK with *id (0 in a dry run, which only names
** them), DB_INVALID with *why, or an error.
*/
static int post_holder_add(struct db *db, const struct staff *row, const struct import_options *o,
                           struct import_report *rep, int64_t *id, char **why)
{
    struct staff_kind k;
    if (!*row->kind_name) {
        *why = xasprintf(_("%s is not on file: the 人员类别 of a new person is needed"), row->name);
        return DB_INVALID;
    }
    if (staff_kind_named(db, row->kind_name, &k) != DB_OK) {
        *why = xasprintf(_("\"%s\" is no staff kind"), row->kind_name);
        return DB_INVALID;
    }
    struct staff s;
    record_copy(&staff_record, &s, row);
    s.kind_id = k.id;
    record_free(&staff_kind_record, &k);
    int rc = o->dry_run ? DB_OK : staff_save(db, &s, o->actor);
    char *who = xasprintf("%s %s", s.name, s.kind_name);
    if (rc == DB_OK && !(o->dry_run && strlist_has(&rep->created_staff, who)))
        strlist_add(&rep->created_staff, who);
    free(who);
    *id = o->dry_run ? 0 : s.id;
    record_free(&staff_record, &s);
    return rc;
}

/* The phone of staff member id made phone (the posts ledger's new number), named in rep. */
static int holder_phone_set(struct db *db, int64_t id, const char *phone,
                            const struct import_options *o, struct import_report *rep)
{
    struct staff s;
    int rc = staff_get(db, id, &s);
    if (rc != DB_OK) return rc;
    record_set(&s.phone, phone);
    if (!o->dry_run) rc = staff_save(db, &s, o->actor);
    if (rc == DB_OK && !strlist_has(&rep->rephoned_staff, s.name))
        strlist_add(&rep->rephoned_staff, s.name);
    record_free(&staff_record, &s);
    return rc;
}

/*
** A row's place and holder settled (the holder found by name and phone,
** else added), once no other post stands in the way of its days. Not
** found by name and phone, the holder on file of this very post (the
** same place, kind and first day) under the row's name is the row's: the
** phone left out, or a new number, which is then theirs.
*/
static int post_resolve(struct db *db, void *rec, const void *aside, const struct import_options *o,
                        struct import_report *rep, char **why, int *column)
{
    struct post *p = rec; /* refused: the place's column, as resolve_column says, unless said */
    const struct staff *holder = aside;
    int rc = post_place_find(db, p->kind, p->place_code, &p->place_id);
    if (rc == DB_NOTFOUND) {
        *why = xasprintf(_("no active %s has the code %s"),
                         post_place_label(post_kind_info((enum post_kind)p->kind)->place),
                         p->place_code);
        return DB_INVALID;
    }
    struct staff s;
    if (rc == DB_OK && (rc = staff_find(db, holder->name, holder->phone, &s)) == DB_OK) {
        p->staff_id = s.id;
        record_free(&staff_record, &s);
    }
    if (rc != DB_OK && rc != DB_NOTFOUND) return rc;
    struct post same;
    if (!p->staff_id &&
        post_find_named(db, p->kind, p->place_id, holder->name, p->start_on, &same) == DB_OK) {
        /* This very post, its holder's phone left out or new: the holder on file (a kind
         * several hold at one place, 网格员, has no clash to find them by). */
        p->staff_id = same.staff_id;
        rc = *holder->phone && !str_eq(holder->phone, same.staff_phone)
                 ? holder_phone_set(db, same.staff_id, holder->phone, o, rep)
                 : DB_OK;
        record_free(&post_record, &same);
        return rc;
    }
    /* The row's own post on file is no clash with it. */
    int64_t own = 0, keep = p->id;
    if (p->staff_id &&
        post_find_of(db, p->kind, p->place_id, p->staff_id, p->start_on, &same) == DB_OK) {
        own = same.id;
        record_free(&post_record, &same);
    }
    p->id = own;
    int64_t clash = post_overlapping(db, p);
    p->id = keep;
    if (clash < 0) return DB_ERROR;
    if (clash > 0 && post_get(db, clash, &same) == DB_OK) {
        *why = xasprintf(_("%s holds this post here from %s%s%s: hand it over instead"),
                         same.staff_name, same.start_on, *same.end_on ? _(" until ") : "",
                         same.end_on);
        record_free(&post_record, &same);
        return DB_INVALID;
    }
    if (p->staff_id) return DB_OK;
    rc = post_holder_add(db, holder, o, rep, &p->staff_id, why);
    if (rc == DB_INVALID) *column = PLF_STAFF_KIND; /* a new person's kind: missing or not known */
    return rc;
}

static int post_find_row(struct db *db, const void *rec, void *out)
{
    const struct post *p = rec;
    if (!p->staff_id) return DB_NOTFOUND;
    return post_find_of(db, p->kind, p->place_id, p->staff_id, p->start_on, out);
}

static int post_store(struct db *db, void *rec, const char *actor)
{
    struct post_why why;
    return post_save(db, rec, actor, &why);
}

/* What each column feeds: over a post on file, a column the ledger lacks changes nothing. */
static const struct record_column post_fields[] = {
    {PLF_KIND, "kind", 0, NULL, 0},
    {PLF_PLACE_CODE, "place_id", 0, NULL, 0},
    {PLF_PLACE_CODE, "place_code", 0, NULL, 0},
    {PLF_NAME, "staff_id", 0, NULL, 0},
    {PLF_NAME, "staff_name", 0, NULL, 0},
    {PLF_PHONE, "staff_phone", 0, NULL, 0},
    {PLF_FROM, "start_on", 0, NULL, 0},
    {PLF_TO, "end_on", 0, NULL, 0},
    {PLF_BY, "appointed_by", 0, NULL, 0},
    {PLF_NOTE, "note", 0, NULL, 0},
    {PLF_PLACE_CODE, "ref", 0, NULL, 0},
    {0, NULL, 0, NULL, 0},
};

static const struct record_import post_rows = {.type = &post_record,
                                               .fields = post_fields,
                                               .key_field = "ref",
                                               .key_column = PLF_PLACE_CODE,
                                               .subject = "post",
                                               .aside_type = &staff_record,
                                               .check = post_row,
                                               .resolve = post_resolve,
                                               .resolve_column = PLF_PLACE_CODE,
                                               .find = post_find_row,
                                               .save = post_store};

/* --- the buildings (楼宇台账): areas of the kind building ------------------------------------ */

static const struct record_column building_columns[] = {
    {BF_CODE, "code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code, VALIDATE_CODE_MAX},
    {BF_NAME, "name", TEXT_NORM_PROSE, NULL, AREA_NAME_MAX},
    {BF_STREET, "parent_id", 0, NULL, 0},
    {BF_GRID, "grid_id", 0, NULL, 0},
    {BF_ADDRESS, "address", TEXT_NORM_PROSE, validate_line, AREA_ADDRESS_MAX},
    {BF_KIND, "building_kind", TEXT_NORM_NOSPACE, area_check_building_kind, 0},
    {BF_PROPERTY, "property", TEXT_NORM_PROSE, validate_line, AREA_PROPERTY_MAX},
    {BF_PROPERTY_PHONE, "property_phone", 0, phone_check_any, AREA_PHONE_MAX},
    {0, NULL, 0, NULL, 0},
};

/* What the columns table cannot take as it is: the street and grid as written (settled by
 * building_resolve), the kind from its words, the property's phone as the store keeps it. */
static void building_row_check(const struct ledger *l, const struct ledger_row *row, void *rec,
                               void *aside, struct ledger_problems *p)
{
    (void)aside;
    (void)p;
    struct area *a = rec;
    a->kind = AREA_BUILDING;
    record_take(&a->parent_name, row_cell(l, row, BF_STREET, place_normal));
    record_take(&a->grid_name, row_cell(l, row, BF_GRID, place_normal));
    area_building_kind_parse(ledger_value_of(l, row, BF_KIND), &a->building_kind);
    record_take(&a->property_phone, row_cell(l, row, BF_PROPERTY_PHONE, phone_normal_any));
}

/* The street a row names, by code or name, into a->parent_id; DB_INVALID with *why when none. */
static int building_street(struct db *db, struct area *a, char **why)
{
    struct area street;
    int rc = area_find(db, AREA_STREET, a->parent_name, 0, &street);
    if (rc == DB_NOTFOUND)
        *why = xasprintf(_("no street on file has the code or name %s"), a->parent_name);
    else if (rc == DB_INVALID)
        *why = xasprintf(_("several streets are called %s: write its code"), a->parent_name);
    if (rc != DB_OK) return rc == DB_NOTFOUND ? DB_INVALID : rc;
    a->parent_id = street.id;
    record_set(&a->parent_name, street.name);
    area_free(&street);
    return DB_OK;
}

/* The street a grid lies in, by name (caller frees); "" when it cannot be read. */
static char *grid_street_name(struct db *db, const struct area *grid)
{
    struct area community, street;
    char *name = xstrdup("");
    if (area_get(db, AREA_COMMUNITY, grid->parent_id, &community) != DB_OK) return name;
    if (area_get(db, AREA_STREET, community.parent_id, &street) == DB_OK) {
        record_set(&name, street.name);
        area_free(&street);
    }
    area_free(&community);
    return name;
}

/* The grid a row names (none when empty), by code or name, which must lie in its street. */
static int building_grid(struct db *db, struct area *a, char **why)
{
    a->grid_id = 0;
    if (!*a->grid_name) return DB_OK;
    struct area grid;
    int rc = area_find(db, AREA_GRID, a->grid_name, a->parent_id, &grid);
    if (rc == DB_NOTFOUND)
        *why = xasprintf(_("no grid on file has the code or name %s"), a->grid_name);
    else if (rc == DB_INVALID)
        *why = xasprintf(_("several grids are called %s: write its code"), a->grid_name);
    if (rc != DB_OK) return rc == DB_NOTFOUND ? DB_INVALID : rc;
    if (!area_grid_in_street(db, grid.id, a->parent_id)) {
        char *street = grid_street_name(db, &grid);
        *why = xasprintf(_("%s is a grid of %s, not of %s"), grid.name, street, a->parent_name);
        free(street);
        rc = DB_INVALID;
    } else {
        a->grid_id = grid.id;
        record_set(&a->grid_name, grid.name);
    }
    area_free(&grid);
    return rc;
}

/* A row's street and grid, each by code or name: on file, and the grid in that street. */
static int building_resolve(struct db *db, void *rec, const void *aside,
                            const struct import_options *o, struct import_report *rep, char **why,
                            int *column)
{
    (void)aside;
    (void)o;
    (void)rep;
    struct area *a = rec;
    *column = BF_STREET;
    int rc = building_street(db, a, why);
    if (rc != DB_OK) return rc;
    *column = BF_GRID;
    return building_grid(db, a, why);
}

static int building_find_of(struct db *db, const void *rec, void *out)
{
    return area_find_code(db, AREA_BUILDING, ((const struct area *)rec)->code, out);
}

static int building_store(struct db *db, void *rec, const char *actor)
{
    return area_save(db, rec, actor, NULL);
}

static int building_every(struct db *db, const char *actor, void **items, size_t *n)
{
    (void)actor; /* every one: no personal data */
    struct area_list list;
    int rc = area_list(db, AREA_BUILDING, "", 0, 0, &list); /* no column says retired */
    *items = list.items;
    *n = list.n;
    return rc;
}

/* The street by its name alone, the kind in the ledger's words; the rest as shown. */
static char *building_cell(const void *rec, int column)
{
    const struct area *a = rec;
    if (column == BF_STREET) return xstrdup(a->parent_name);
    if (column == BF_KIND) return xstrdup(area_building_kind_word(a->building_kind));
    return NULL;
}

static const struct record_import building_rows = {.type = &area_record,
                                                   .key_field = "code",
                                                   .key_column = BF_CODE,
                                                   .subject = "building",
                                                   .columns = building_columns,
                                                   .check = building_row_check,
                                                   .resolve = building_resolve,
                                                   .resolve_column = BF_STREET,
                                                   .find = building_find_of,
                                                   .save = building_store};

static const struct record_export building_records = {.type = &area_record,
                                                      .schema = &ledger_buildings,
                                                      .columns = building_columns,
                                                      .sheet = N_("Buildings"),
                                                      .list = building_every,
                                                      .cell = building_cell};

/* --- the grids (网格台账): a district's streets, communities and grids ------------------------ */

/*
** The columns read and written. Read in, the community column gives the
** grid's community too (grid_resolve() finds its id): a grid a row names
** under another community moves there; written, once, its name.
*/
static const struct record_column grid_columns[] = {
    {GF_STREET_CODE, "street_code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code,
     VALIDATE_CODE_MAX},
    {GF_STREET, "street", TEXT_NORM_PROSE, validate_line, AREA_NAME_MAX},
    {GF_COMMUNITY_CODE, "community_code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code,
     VALIDATE_CODE_MAX},
    {GF_COMMUNITY, "community", TEXT_NORM_PROSE, validate_line, AREA_NAME_MAX},
    {GF_COMMUNITY, "community_id", 0, NULL, 0},
    {GF_CODE, "code", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code, VALIDATE_CODE_MAX},
    {GF_NAME, "name", TEXT_NORM_PROSE, validate_line, AREA_NAME_MAX},
    {GF_WORKERS, "workers", TEXT_NORM_PROSE, validate_line, AREA_WORKERS_MAX},
    {0, NULL, 0, NULL, 0},
};

/* A code for a street or community a row names without one: JD01 .., or the street's -01 ... */
static char *place_code_new(struct db *db, enum area_kind kind, const char *street_code)
{
    for (int n = 1;; n++) {
        char *code =
            kind == AREA_STREET ? xasprintf("JD%02d", n) : xasprintf("%s-%02d", street_code, n);
        struct area taken;
        int rc = area_find_code(db, kind, code, &taken);
        if (rc == DB_OK) area_free(&taken);
        if (rc != DB_OK) return code; /* free (or a failure the save that follows says) */
        free(code);
    }
}

/*
** The street (kind AREA_STREET, parent 0) or community (in the street
** parent) a row names by code and name, into *id: the one on file, or one
** made now (in a preview, said and not made: *id 0). DB_INVALID with *why
** when the code names another, or the community lies in another street.
*/
static int place_settle(struct db *db, enum area_kind kind, char **code, const char *name,
                        int64_t parent, const char *parent_code, const struct import_options *o,
                        struct import_report *rep, int64_t *id, char **why)
{
    struct area a;
    int coded = (*code)[0] != '\0';
    int rc = coded ? area_find_code(db, kind, *code, &a) : DB_NOTFOUND;
    if (rc == DB_OK && !str_eq(a.name, name))
        *why = xasprintf(kind == AREA_STREET ? _("street code %s is %s, not %s")
                                             : _("community code %s is %s, not %s"),
                         a.code, a.name, name);
    if (rc == DB_NOTFOUND) {
        rc = area_find(db, kind, name, parent, &a);
        if (rc == DB_OK && coded)
            *why = xasprintf(_("the code of %s is %s, not %s"), a.name, a.code, *code);
        else if (rc == DB_INVALID)
            *why = xasprintf(_("several are called %s: give its code"), name);
    }
    if (rc == DB_OK && !*why && kind == AREA_COMMUNITY && a.parent_id != parent)
        *why = xasprintf(_("%s is a community of %s"), a.name, a.parent_name);
    if (rc == DB_OK) {
        *id = a.id;
        record_set(code, a.code);
        area_free(&a);
        return *why ? DB_INVALID : DB_OK;
    }
    if (rc != DB_NOTFOUND) return rc;
    /* Not on file: made as the row names it, under the street just settled. */
    area_init(&a, kind);
    record_set(&a.name, name);
    a.parent_id = parent;
    record_take(&a.code, coded ? xstrdup(*code) : place_code_new(db, kind, parent_code));
    record_set(code, a.code);
    /* A code made up in a preview is not the one the import will make: not shown. */
    char *said =
        o->dry_run && !coded
            ? xasprintf("%s%s", kind == AREA_STREET ? _("street ") : _("community "), a.name)
            : xasprintf("%s%s（%s）", kind == AREA_STREET ? _("street ") : _("community "), a.name,
                        a.code);
    rc = o->dry_run ? DB_OK : area_save(db, &a, o->actor, NULL);
    if (rc == DB_OK && !strlist_has(&rep->created_areas, said))
        strlist_add(&rep->created_areas, said);
    free(said);
    *id = o->dry_run ? 0 : a.id;
    area_free(&a);
    return rc;
}

/* A row's street, then its community in it, each found or made; the grid's community set. */
static int grid_resolve(struct db *db, void *rec, const void *aside, const struct import_options *o,
                        struct import_report *rep, char **why, int *column)
{
    (void)aside;
    struct grid_row *g = rec;
    int64_t street = 0;
    *column = GF_STREET;
    int rc = place_settle(db, AREA_STREET, &g->street_code, g->street, 0, "", o, rep, &street, why);
    if (rc != DB_OK) return rc;
    *column = GF_COMMUNITY;
    return place_settle(db, AREA_COMMUNITY, &g->community_code, g->community, street,
                        g->street_code, o, rep, &g->community_id, why);
}

/* The grid a on file as a ledger row: its community and street by code and name. */
static int grid_row_of(struct db *db, const struct area *a, struct grid_row *out)
{
    record_init(&grid_row_record, out);
    out->id = a->id;
    out->version = a->version;
    out->community_id = a->parent_id;
    record_set(&out->code, a->code);
    record_set(&out->name, a->name);
    record_set(&out->workers, a->workers);
    struct area community, street;
    int rc = area_get(db, AREA_COMMUNITY, a->parent_id, &community);
    if (rc != DB_OK) return rc;
    record_set(&out->community_code, community.code);
    record_set(&out->community, community.name);
    rc = area_get(db, AREA_STREET, community.parent_id, &street);
    if (rc == DB_OK) {
        record_set(&out->street_code, street.code);
        record_set(&out->street, street.name);
        area_free(&street);
    }
    area_free(&community);
    return rc;
}

static int grid_find(struct db *db, const void *rec, void *out)
{
    struct area a;
    int rc = area_find_code(db, AREA_GRID, ((const struct grid_row *)rec)->code, &a);
    if (rc != DB_OK) return rc;
    rc = grid_row_of(db, &a, out);
    area_free(&a);
    return rc;
}

/* The grid of a row saved: what is on file with the row's name, workers and community. */
static int grid_store(struct db *db, void *rec, const char *actor)
{
    const struct grid_row *g = rec;
    struct area a;
    int rc = g->id ? area_get(db, AREA_GRID, g->id, &a) : DB_OK;
    if (rc != DB_OK) return rc;
    if (!g->id) {
        area_init(&a, AREA_GRID);
        record_set(&a.code, g->code);
    }
    record_set(&a.name, g->name);
    record_set(&a.workers, g->workers);
    a.parent_id = g->community_id;
    rc = area_save(db, &a, actor, NULL);
    area_free(&a);
    return rc;
}

static int grid_every(struct db *db, const char *actor, void **items, size_t *n)
{
    (void)actor; /* the district's structure: no personal data but the workers' names */
    struct area_list list;
    int rc = area_list(db, AREA_GRID, "", 0, 0, &list);
    struct grid_row *rows = xcalloc(list.n + 1, sizeof *rows);
    size_t k = 0;
    for (size_t i = 0; rc == DB_OK && i < list.n; i++) {
        if ((rc = grid_row_of(db, &list.items[i], &rows[k])) == DB_OK)
            k++;
        else
            record_free(&grid_row_record, &rows[k]); /* half filled */
    }
    area_list_free(&list);
    *items = rows;
    *n = k;
    return rc;
}

static const struct record_import grid_rows = {.type = &grid_row_record,
                                               .key_field = "code",
                                               .key_column = GF_CODE,
                                               .subject = "grids",
                                               .columns = grid_columns,
                                               .resolve = grid_resolve,
                                               .resolve_column = GF_STREET,
                                               .find = grid_find,
                                               .save = grid_store};

static const struct record_export grid_records = {.type = &grid_row_record,
                                                  .schema = &ledger_grids,
                                                  .columns = grid_columns,
                                                  .sheet = N_("Grids"),
                                                  .list = grid_every};

/* --- the table ------------------------------------------------------------------------------ */

/*
** Exports: residents as the residents screen, volunteers and hours as the
** volunteer screens (and a supervisor), requests as the requests screen (bounded to the
** exporter's scope); buildings, organisations (a chief's: their buildings')
** and posts as the areas screen, open to all staff; the catalogue, the
** calendar, staff kinds and synonyms, which name no one, to every user.
*/
const struct ledger_kind ledger_kinds[] = {
    {"residents", N_("Import a resident ledger"), N_("residents"), &ledger_residents, NULL,
     import_residents, import_residents_preview, NULL, export_residents, RIGHT_RESIDENTS,
     RIGHT_RESIDENTS},
    {"catalogue", N_("Import a service catalogue"), N_("service items"), &ledger_catalogue,
     &catalogue_rows, NULL, NULL, NULL, export_catalogue, RIGHT_EDIT_CATALOGUE, 0},
    {"calendar", N_("Import a working-day calendar"), N_("calendar days"), &ledger_calendar,
     &calendar_rows, NULL, NULL, &calendar_records, NULL, RIGHT_EDIT_CATALOGUE, 0},
    {"staff-kinds", N_("Import staff kinds"), N_("staff kinds"), &ledger_staff_kinds,
     &staff_kind_rows, NULL, NULL, &staff_kind_records, NULL, RIGHT_EDIT_AREAS, 0},
    {"synonyms", N_("Import synonyms"), N_("synonyms"), &ledger_synonyms, &synonym_rows, NULL, NULL,
     &synonym_records, NULL, RIGHT_EDIT_CATALOGUE, 0},
    {"grids", N_("Import grids"), N_("grids"), &ledger_grids, &grid_rows, NULL, NULL, &grid_records,
     NULL, RIGHT_EDIT_AREAS, RIGHTS_STAFF},
    {"buildings", N_("Import buildings"), N_("building records"), &ledger_buildings, &building_rows,
     NULL, NULL, &building_records, NULL, RIGHT_EDIT_AREAS, RIGHTS_STAFF},
    {"organisations", N_("Import organisations"), N_("organisations"), &ledger_organisations,
     &organisation_rows, NULL, NULL, &organisation_records, NULL, RIGHT_EDIT_AREAS, RIGHTS_STAFF},
    {"volunteers", N_("Import a volunteers ledger"), N_("volunteers"), &ledger_volunteers,
     &volunteer_rows, NULL, NULL, NULL, export_volunteers, RIGHT_LOG_HOURS, RIGHTS_VOLUNTEERS},
    {"hours", N_("Import a service hours ledger"), N_("service records"), &ledger_hours,
     &hours_rows, NULL, NULL, NULL, export_hours, RIGHT_LOG_HOURS, RIGHTS_VOLUNTEERS},
    {"posts", N_("Import posts"), N_("posts"), &ledger_posts, &post_rows, NULL, NULL, NULL,
     export_posts, RIGHT_EDIT_AREAS, RIGHTS_STAFF},
    {"requests", NULL, N_("requests"), &ledger_requests, NULL, NULL, NULL, NULL, export_requests, 0,
     RIGHTS_REQUESTS},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0},
};

const struct ledger_kind *ledger_kind_find(const char *name)
{
    for (const struct ledger_kind *k = ledger_kinds; k->name; k++)
        if (str_eq(k->name, name)) return k;
    return NULL;
}

int ledger_kind_imports(const struct ledger_kind *k)
{
    return k->rows || k->import;
}

int ledger_kind_exports(const struct ledger_kind *k)
{
    return k->records || k->export;
}

int ledger_import_allowed(const struct ledger_kind *k, struct db *db, const char *actor, char **err)
{
    *err = NULL;
    int rc = user_allowed(db, actor, k->import_right);
    const char *right = roles_right_name(k->import_right);
    if (rc == DB_DENIED)
        *err = xasprintf(_("your role may not import %s (that needs the right to %s)"), _(k->what),
                         right ? _(right) : "-");
    else if (rc != DB_OK)
        *err = db_rc_text(db, rc);
    return rc;
}

int ledger_import(const struct ledger_kind *k, struct db *db, struct ledger *l,
                  const struct import_options *o, struct import_report *rep, char **err)
{
    memset(rep, 0, sizeof *rep);
    int rc = ledger_import_allowed(k, db, o->actor, err);
    if (rc != DB_OK) return rc;
    if (k->import) return k->import(db, l, o, rep, err);
    return import_records(db, k->rows, l, o, rep, err);
}

int ledger_preview(const struct ledger_kind *k, struct db *db, struct ledger *l,
                   const struct import_options *o, struct import_report *rep, char **err)
{
    memset(rep, 0, sizeof *rep);
    int rc = ledger_import_allowed(k, db, o->actor, err);
    if (rc != DB_OK) return rc;
    if (k->preview) return k->preview(db, l, o, rep, err);
    return import_records_preview(db, k->rows, l, o, rep, err);
}

int ledger_export(const struct ledger_kind *k, struct db *db, const char *path,
                  const struct export_options *o, size_t *rows, char **err)
{
    *rows = 0;
    *err = NULL;
    int rc = user_allowed(db, o->actor, k->export_right);
    if (rc == DB_DENIED)
        *err = xasprintf(_("your role may not export %s"), _(k->what));
    else if (rc != DB_OK)
        *err = db_rc_text(db, rc);
    if (rc != DB_OK) return rc;
    if (k->export) return k->export(db, path, o, rows, err);
    return export_records(db, k->records, path, o, rows, err);
}

char *ledger_kind_names(int exported)
{
    struct strbuf sb = STRBUF_INIT;
    for (const struct ledger_kind *k = ledger_kinds; k->name; k++)
        if (exported ? ledger_kind_exports(k) : ledger_kind_imports(k))
            strbuf_addf(&sb, "%s%s", sb.len ? "|" : "", k->name);
    return strbuf_detach(&sb);
}
