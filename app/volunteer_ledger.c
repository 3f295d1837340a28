/*
** volunteer_ledger: see volunteer_ledger.h.
*/
#include "app/volunteer_ledger.h"
#include "db/area.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/idcard.h"
#include "src/phone.h"
#include "src/resident.h"
#include "src/text.h"
#include "src/util.h"
#include "src/volunteer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Field f of a row as one line of text, normalised by norm; NULL (a problem added) when not. */
static char *cell(const struct ledger *l, const struct ledger_row *row, int f, unsigned norm,
                  struct ledger_problems *p)
{
    char *raw = ledger_row_line(l, row, f, p);
    if (!raw) return NULL;
    char *text = text_normalize(raw, norm);
    free(raw);
    return text;
}

static void problem(struct ledger_problems *p, const struct ledger *l, const struct ledger_row *row,
                    int f, char *why)
{
    ledger_problem_add(p, row->line, ledger_column_header(l, f), why);
}

/* The volunteer number, when the row has one: as typed or scanned, full-width digits too. */
static void take_number(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                        struct ledger_problems *p)
{
    char *typed = cell(l, row, VF_NUMBER, TEXT_NORM_NOSPACE, p);
    char number[VOLUNTEER_NUMBER_LEN + 1];
    const char *why = typed && *typed ? volunteer_number_parse(typed, number, NULL, NULL) : NULL;
    if (why)
        problem(p, l, row, VF_NUMBER, xasprintf("%s：「%s」", why, typed));
    else if (typed && *typed)
        record_set(&v->number, number);
    free(typed);
}

static void take_name(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                      struct ledger_problems *p)
{
    char *name = resident_normalize_name(ledger_value_of(l, row, VF_NAME));
    const char *why = resident_check_name(name);
    if (why)
        problem(p, l, row, VF_NAME, xstrdup(why));
    else
        record_set(&v->name, name);
    free(name);
}

/* The ID type and number; a 居民身份证 gives the birth date and sex the row leaves out. */
static void take_id(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                    struct ledger_problems *p)
{
    const char *type = volunteer_id_type_find(ledger_value_of(l, row, VF_ID_TYPE));
    if (!type) {
        problem(p, l, row, VF_ID_TYPE,
                xasprintf(_("unknown ID type \"%s\""), ledger_value_of(l, row, VF_ID_TYPE)));
        return;
    }
    record_set(&v->id_type, type);
    char *typed = cell(l, row, VF_ID, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, p);
    if (!typed) return;
    char canon[VOLUNTEER_ID_MAX];
    char *why = *typed ? volunteer_id_check(type, typed, canon) : xstrdup(_("is empty"));
    if (why) {
        problem(p, l, row, VF_ID, why);
    } else {
        record_set(&v->id_number, canon);
        struct idcard id;
        if (volunteer_id_type_is_card(type) && idcard_parse(canon, &id) == IDCARD_OK) {
            char iso[11];
            if (!*v->birth_date) record_set(&v->birth_date, date_format(&id.birth, iso));
            if (!v->gender) v->gender = id.gender;
        }
    }
    free(typed);
}

static void take_birth(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                       struct ledger_problems *p)
{
    const char *birth = ledger_value_of(l, row, VF_BIRTH);
    struct date d;
    int rc = str_empty(birth) ? DATE_OK : date_parse_cell(birth, &d);
    if (rc != DATE_OK)
        problem(p, l, row, VF_BIRTH, date_problem(birth, rc));
    else if (!str_empty(birth)) {
        char iso[11];
        record_set(&v->birth_date, date_format(&d, iso));
    }
}

static void take_registered(const struct ledger *l, const struct ledger_row *row,
                            struct volunteer *v, struct ledger_problems *p)
{
    const char *day = ledger_value_of(l, row, VF_REGISTERED);
    struct date d;
    if (str_empty(day)) return;
    int rc = date_parse_cell(day, &d);
    if (rc != DATE_OK) {
        problem(p, l, row, VF_REGISTERED, date_problem(day, rc));
        return;
    }
    char iso[11], today[11];
    record_set(&v->registered_on, date_format(&d, iso));
    const char *why = volunteer_registered_check(iso, v->birth_date, clock_today(today));
    if (why) problem(p, l, row, VF_REGISTERED, xstrdup(why));
}

static void take_phone(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                       struct ledger_problems *p)
{
    const char *typed = ledger_value_of(l, row, VF_PHONE);
    char mobile[12];
    const char *why = str_empty(typed) ? NULL : phone_mobile(typed, mobile);
    if (why)
        problem(p, l, row, VF_PHONE, xstrdup(why));
    else if (!str_empty(typed))
        record_set(&v->phone, mobile);
}

/* Skills as offices write them (、，, ; or spaces between), kept 、-separated. */
static void take_skills(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                        struct ledger_problems *p)
{
    char *text = cell(l, row, VF_SKILLS, 0, p);
    if (!text) return;
    struct strbuf sb = STRBUF_INIT;
    static const char *const seps[] = {"、", "，", "；", ",", ";", " ", "　", "/"};
    const char *s = text;
    while (*s) {
        size_t n = 0, skip = 0;
        for (; s[n] && !skip; n += skip ? 0 : 1)
            for (size_t i = 0; i < ARRAY_LEN(seps) && !skip; i++)
                if (strncmp(s + n, seps[i], strlen(seps[i])) == 0) skip = strlen(seps[i]);
        if (n) strbuf_addf(&sb, "%s%.*s", sb.len ? "、" : "", (int)n, s);
        s += n + skip;
    }
    free(text);
    char *skills = strbuf_detach(&sb);
    if (text_chars(skills) > VOLUNTEER_SKILLS_MAX)
        problem(p, l, row, VF_SKILLS,
                xasprintf(_("too long: %zu characters, at most %zu"), text_chars(skills),
                          (size_t)VOLUNTEER_SKILLS_MAX));
    record_take(&v->skills, skills);
}

static void take_party(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                       struct ledger_problems *p)
{
    /* As people write it, and as a workbook's TRUE/FALSE cell reads; Latin in any case. */
    static const char *const yes[] = {"是", "党员", "中共党员", "Y", "1", "TRUE", "YES"};
    static const char *const no[] = {"", "否", "群众", "N", "0", "FALSE", "NO"};
    const char *typed = ledger_value_of(l, row, VF_PARTY);
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        if (strcasecmp(typed, yes[i]) == 0) v->party_member = 1;
    int known = v->party_member;
    for (size_t i = 0; i < ARRAY_LEN(no) && !known; i++)
        known = strcasecmp(typed, no[i]) == 0;
    if (!known) problem(p, l, row, VF_PARTY, xasprintf(_("write 是 or 否, not \"%s\""), typed));
}

static void take_status(const struct ledger *l, const struct ledger_row *row, struct volunteer *v,
                        struct ledger_problems *p)
{
    const char *typed = ledger_value_of(l, row, VF_STATUS);
    const char *code = volunteer_status_parse(typed);
    if (code)
        record_set(&v->status, code);
    else
        problem(p, l, row, VF_STATUS, xasprintf(_("write 在册, 暂停 or 离队, not \"%s\""), typed));
}

static void row_check(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                      struct ledger_problems *p)
{
    (void)aside;
    struct volunteer *v = rec;
    record_init(&volunteer_record, v);
    if (ledger_row_shape(l, row, p)) return;
    take_number(l, row, v, p);
    char *code = cell(l, row, VF_NATIONAL, TEXT_NORM_NOSPACE, p);
    record_take(&v->national_code, code ? code : xstrdup(""));
    take_name(l, row, v, p);
    int g = resident_parse_gender(ledger_value_of(l, row, VF_GENDER));
    if (g < 0)
        problem(p, l, row, VF_GENDER, xstrdup(_("write 男 or 女")));
    else
        v->gender = (char)g;
    take_birth(l, row, v, p);
    take_id(l, row, v, p);
    take_phone(l, row, v, p);
    char *community = cell(l, row, VF_COMMUNITY, TEXT_NORM_NOSPACE, p);
    record_take(&v->community, community ? community : xstrdup(""));
    take_skills(l, row, v, p);
    take_party(l, row, v, p);
    take_registered(l, row, v, p);
    take_status(l, row, v, p);
}

/* The community a row names, by name (社区 may be left off) or code: its id, or 0. */
static int64_t community_of(struct db *db, const char *named, int *rc)
{
    struct area_list list;
    *rc = area_list(db, AREA_COMMUNITY, named, 0, 0, &list);
    if (*rc != DB_OK) return 0;
    int64_t id = 0;
    char *with = xasprintf("%s社区", named);
    for (size_t i = 0; i < list.n && !id; i++)
        if (str_eq(list.items[i].name, named) || str_eq(list.items[i].code, named) ||
            str_eq(list.items[i].name, with))
            id = list.items[i].id;
    free(with);
    area_list_free(&list);
    return id;
}

/*
** The row's community must be one of the district's; an ID number already
** on file must be the same volunteer's the number names.
*/
static int row_resolve(struct db *db, void *rec, const void *aside, const struct import_options *o,
                       struct import_report *rep, char **why, int *column)
{
    (void)aside, (void)o, (void)rep;
    struct volunteer *v = rec;
    int rc = DB_OK;
    if (*v->community) {
        v->community_id = community_of(db, v->community, &rc);
        if (rc != DB_OK) return rc;
        if (!v->community_id) {
            *why = xasprintf(_("no community \"%s\" in the district"), v->community);
            *column = VF_COMMUNITY;
            return DB_INVALID;
        }
    }
    if (!*v->number || !*v->id_number) return DB_OK;
    struct volunteer holder;
    rc = volunteer_get_by_id_number(db, v->id_number, &holder);
    if (rc == DB_NOTFOUND) return DB_OK;
    if (rc != DB_OK) return rc;
    if (!str_eq(holder.number, v->number)) {
        char *masked = resident_masked_id(v->id_number);
        *why =
            xasprintf(_("%s is registered as volunteer %s %s"), masked, holder.number, holder.name);
        free(masked);
        *column = VF_ID;
        rc = DB_INVALID;
    }
    record_free(&volunteer_record, &holder);
    return rc;
}

/* The volunteer a row names: by volunteer number, or (a row without one) by ID number. */
static int row_find(struct db *db, const void *rec, void *out)
{
    const struct volunteer *v = rec;
    if (*v->number) return volunteer_get_by_number(db, v->number, out);
    if (*v->id_number) return volunteer_get_by_id_number(db, v->id_number, out);
    return DB_NOTFOUND;
}

static int row_save(struct db *db, void *rec, const char *actor)
{
    return volunteer_save(db, rec, actor);
}

/*
** The birth date and sex must be the ID card's, as a resident's must, on
** the volunteer as they would be stored: a ledger giving a new number
** and no birth date is held to the birth date on file. Named at the
** column the ledger has: the birth date's (or the sex's), else the ID's.
*/
static char *row_rules(const struct ledger *l, const void *rec, int *column)
{
    const struct volunteer *v = rec;
    struct idcard id;
    if (!volunteer_id_type_is_card(v->id_type) || idcard_parse(v->id_number, &id) != IDCARD_OK)
        return NULL;
    char *why = resident_birth_mismatch(v->birth_date, &id);
    *column = VF_BIRTH;
    if (!why && (why = resident_gender_mismatch(v->gender, &id)) != NULL) *column = VF_GENDER;
    if (!why || ledger_column_of(l, *column) >= 0) return why;
    /* The ledger gave the number alone: the number against what is on file. */
    free(why);
    char iso[11];
    why =
        *column == VF_GENDER
            ? xstrdup(
                  id.gender == 'M'
                      ? _("the number is a man's, the volunteer on file a woman: which is right?")
                      : _("the number is a woman's, the volunteer on file a man: which is right?"))
            : xasprintf(_("the number gives the birth date %s, the volunteer on file %s: which is "
                          "right?"),
                        date_format(&id.birth, iso), v->birth_date);
    *column = VF_ID;
    return why;
}

/* What each column feeds: over a volunteer on file, a column the ledger lacks changes nothing. */
static const struct record_column volunteer_fields[] = {
    {VF_NATIONAL, "national_code", 0, NULL, 0},
    {VF_NAME, "name", 0, NULL, 0},
    {VF_GENDER, "gender", 0, NULL, 0},
    {VF_BIRTH, "birth_date", 0, NULL, 0},
    {VF_ID_TYPE, "id_type", 0, NULL, 0},
    {VF_ID, "id_number", 0, NULL, 0},
    {VF_PHONE, "phone", RECORD_BLANK_KEEPS, NULL, 0},
    {VF_COMMUNITY, "community_id", 0, NULL, 0},
    {VF_COMMUNITY, "community", 0, NULL, 0},
    {VF_SKILLS, "skills", 0, NULL, 0},
    {VF_PARTY, "party_member", 0, NULL, 0},
    {VF_REGISTERED, "registered_on", 0, NULL, 0},
    {VF_STATUS, "status", 0, NULL, 0},
    {0, NULL, 0, NULL, 0},
};

const struct record_import volunteer_rows = {
    .type = &volunteer_record,
    .key_field = "number",
    .key_column = VF_NUMBER,
    .subject = "volunteer",
    .check = row_check,
    .resolve = row_resolve,
    .resolve_column = VF_COMMUNITY,
    .find = row_find,
    .save = row_save,
    .fields = volunteer_fields,
    .rules = row_rules,
};
