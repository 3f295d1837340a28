/*
** visit: see visit.h.
*/
#include "visit.h"
#include "clock.h"
#include "date.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>
#include <time.h>

#define VF(member, kind, label, flags, by) FIELD_OF(struct visit, member, kind, label, flags, by)
static const struct field_desc visit_fields[] = {
    VF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    VF(building_id, FIELD_INT64, N_("Building"), 0, "building"),
    VF(building, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(organisation_id, FIELD_INT64, N_("Organisation"), 0, "organisation"),
    VF(organisation, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(day, FIELD_TEXT, N_("Visited on"), 0, NULL),
    VF(way, FIELD_TEXT, N_("Way"), 0, NULL),
    VF(met, FIELD_TEXT, N_("Met"), 0, NULL),
    VF(topics, FIELD_TEXT, N_("Talked of"), 0, NULL),
    VF(findings, FIELD_TEXT, N_("Found"), 0, NULL),
    VF(visitor, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    VF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(requests, FIELD_INT64, NULL, FIELD_STORED, NULL),
    VF(problem_item[0], FIELD_INT64, NULL, FIELD_STORED, NULL),
    VF(problem[0], FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(problem_item[1], FIELD_INT64, NULL, FIELD_STORED, NULL),
    VF(problem[1], FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(problem_item[2], FIELD_INT64, NULL, FIELD_STORED, NULL),
    VF(problem[2], FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef VF

#define DF(member, kind, flags) FIELD_OF(struct visit_due, member, kind, NULL, flags, NULL)
static const struct field_desc visit_due_fields[] = {
    DF(organisation_id, FIELD_INT64, FIELD_KEY), DF(name, FIELD_TEXT, FIELD_STORED),
    DF(building_id, FIELD_INT64, FIELD_STORED),  DF(building, FIELD_TEXT, FIELD_STORED),
    DF(place, FIELD_TEXT, FIELD_STORED),         DF(last_visit, FIELD_TEXT, FIELD_STORED),
};
#undef DF

const struct record_type visit_due_record = {
    .name = "visit_due",
    .size = sizeof(struct visit_due),
    .fields = visit_due_fields,
    .nfields = ARRAY_LEN(visit_due_fields),
};

/* A new visit is made by going: in person, today. */
static void visit_defaults(void *rec)
{
    struct visit *v = rec;
    record_set(&v->way, "door");
    char today[11];
    record_set(&v->day, clock_today(today));
}

static char *visit_shown(size_t i, const void *rec)
{
    const struct visit *v = rec;
    if (visit_fields[i].offset != offsetof(struct visit, way)) return NULL;
    for (size_t k = 0; visit_ways[k].code; k++)
        if (str_eq(visit_ways[k].code, v->way)) return xstrdup(_(visit_ways[k].label));
    return xstrdup(v->way);
}

const struct record_type visit_record = {
    .name = "visit",
    .size = sizeof(struct visit),
    .fields = visit_fields,
    .nfields = ARRAY_LEN(visit_fields),
    .defaults = visit_defaults,
    .shown = visit_shown,
};

const struct request_word visit_ways[] = {
    {"door", N_("In person"), "上门"},
    {"phone", N_("By phone"), "电话"},
    {"meeting", N_("A meeting"), "座谈"},
    {"event", N_("An event"), "活动"},
    {NULL, NULL, NULL},
};

int visit_problem_count(const struct visit *v)
{
    int n = 0;
    for (int i = 0; i < VISIT_PROBLEMS; i++)
        n += !str_empty(v->problem[i]);
    return n;
}

const char *visit_check(const struct visit *v, time_t now, const char **field)
{
    *field = NULL;
    if (!v->building_id) {
        *field = "building_id";
        return _("Which building was visited?");
    }
    int known = 0;
    for (size_t k = 0; visit_ways[k].code; k++)
        known |= str_eq(visit_ways[k].code, v->way);
    if (!known) {
        *field = "way";
        return _("How was the visit made?");
    }
    struct date d, today = date_of(now);
    if (date_parse(v->day, &d) != DATE_OK) {
        *field = "day";
        return _("The day is a date: 2026-03-02");
    }
    if (date_cmp(&d, &today) > 0) {
        *field = "day";
        return _("A visit is logged once made: the day is not after today");
    }
    static const struct date first = {VISIT_FIRST_YEAR, 1, 1};
    if (date_cmp(&d, &first) < 0) {
        *field = "day";
        return _("The day is from the year 2000 on: check the year");
    }
    int said = !str_empty(v->met) || !str_empty(v->topics) || !str_empty(v->findings);
    for (int i = 0; i < VISIT_PROBLEMS; i++)
        said |= !str_empty(v->problem[i]);
    if (!said) {
        *field = "topics";
        return _("Say what the visit was about: who was met, what was talked of or found");
    }
    static const char *const problem_fields[VISIT_PROBLEMS] = {"problem1", "problem2", "problem3"};
    static const char *const item_fields[VISIT_PROBLEMS] = {"item1", "item2", "item3"};
    for (int i = 0; i < VISIT_PROBLEMS; i++) {
        if (v->problem_item[i] && str_empty(v->problem[i])) {
            *field = problem_fields[i];
            return _("Say what the problem is");
        }
        /* Without its item a problem would be taken down and sent nowhere. */
        if (!v->problem_item[i] && !str_empty(v->problem[i])) {
            *field = item_fields[i];
            return _("Choose the problem's service item: it is sent to that item's unit");
        }
    }
    return NULL;
}
