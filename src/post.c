/*
** post: see post.h.
*/
#include "post.h"
#include "date.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>
#include <string.h>

static const struct post_kind_info kinds[POST_KIND_COUNT] = {
    [POST_STREET_CHIEF] = {"street_chief", N_("Street chief"), PLACE_STREET, 0},
    [POST_BLOCK_CHIEF] = {"block_chief", N_("Block chief"), PLACE_BLOCK, 0},
    [POST_BUILDING_CHIEF] = {"building_chief", N_("Building chief"), PLACE_BUILDING, 0},
    [POST_BUILDING_INSTRUCTOR] = {"building_instructor", N_("Building instructor"), PLACE_BUILDING,
                                  0},
    [POST_GRID_HEAD] = {"grid_head", N_("Grid head"), PLACE_GRID, 0},
    [POST_GRID_WORKER] = {"grid_worker", N_("Grid worker"), PLACE_GRID, 1},
};

static const char *const place_columns[PLACE_COUNT] = {"street_id", "block_id", "building_id",
                                                       "grid_id"};
static const char *const place_tables[PLACE_COUNT] = {"street", "block", "building", "grid"};
static const char *const place_labels[PLACE_COUNT] = {N_("Street"), N_("Block"), N_("Building"),
                                                      N_("Grid")};

const struct post_kind_info *post_kind_info(enum post_kind kind)
{
    return &kinds[kind];
}

int post_kind_parse(const char *text)
{
    for (int i = 0; i < POST_KIND_COUNT; i++)
        if (str_eq(text, kinds[i].code) || str_eq(text, _(kinds[i].label))) return i;
    return -1;
}

const char *post_place_column(enum post_place place)
{
    return place_columns[place];
}

const char *post_place_table(enum post_place place)
{
    return place_tables[place];
}

const char *post_place_label(enum post_place place)
{
    return _(place_labels[place]);
}

#define BF(member, kind, label, flags, by) FIELD_OF(struct block, member, kind, label, flags, by)
static const struct field_desc block_fields[] = {
    BF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    BF(code, FIELD_TEXT, N_("Code"), 0, NULL),
    BF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    BF(street_id, FIELD_INT64, N_("Street"), 0, "street_name"),
    BF(street_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    BF(members, FIELD_TEXT, N_("Buildings and grids"), FIELD_SET, NULL),
    BF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    BF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    BF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    BF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef BF

const struct record_type block_record = {.name = "block",
                                         .size = sizeof(struct block),
                                         .fields = block_fields,
                                         .nfields = ARRAY_LEN(block_fields)};

/* The kind of a post in words, for the audit log and the merge dialog. */
static char *post_shown(size_t i, const void *rec)
{
    const struct post *p = rec;
    if (str_eq(post_record.fields[i].name, "kind") && p->kind >= 0 && p->kind < POST_KIND_COUNT)
        return xstrdup(_(kinds[p->kind].label));
    return NULL;
}

#define PF(member, kind, label, flags, by) FIELD_OF(struct post, member, kind, label, flags, by)
static const struct field_desc post_fields[] = {
    PF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    PF(staff_id, FIELD_INT64, N_("Holder"), 0, "staff_name"),
    PF(staff_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(staff_phone, FIELD_TEXT, NULL, FIELD_STORED | FIELD_SECRET, NULL),
    PF(kind, FIELD_INT, N_("Post"), 0, NULL),
    PF(place_id, FIELD_INT64, N_("Place"), 0, "place_name"),
    PF(place_code, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(place_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(start_on, FIELD_TEXT, N_("From"), 0, NULL),
    PF(end_on, FIELD_TEXT, N_("Until"), 0, NULL),
    PF(appointed_by, FIELD_TEXT, N_("Appointed by"), 0, NULL),
    PF(note, FIELD_TEXT, N_("Hand-over note"), 0, NULL),
    PF(handed_from, FIELD_INT64, NULL, FIELD_STORED, NULL),
    PF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    PF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef PF

const struct record_type post_record = {.name = "post",
                                        .size = sizeof(struct post),
                                        .fields = post_fields,
                                        .nfields = ARRAY_LEN(post_fields),
                                        .shown = post_shown};

/* True when s is a date written YYYY-MM-DD. */
static int is_date(const char *s)
{
    struct date d;
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-' && date_parse(s, &d) == DATE_OK;
}

const char *post_check_dates(const char *start_on, const char *end_on)
{
    if (!*start_on) return _("A post needs the day it starts");
    if (!is_date(start_on)) return _("Write the start as a date: 2026-03-01");
    if (*end_on && !is_date(end_on)) return _("Write the end as a date: 2026-03-01");
    if (*end_on && strcmp(end_on, start_on) < 0) return _("A post cannot end before it starts");
    return NULL;
}

int post_periods_overlap(const char *a_from, const char *a_to, const char *b_from, const char *b_to)
{
    /* [a_from, a_to) and [b_from, b_to) meet when each starts before the other ends. */
    int a_before_b_ends = !*b_to || strcmp(a_from, b_to) < 0;
    int b_before_a_ends = !*a_to || strcmp(b_from, a_to) < 0;
    /* A post of no days (start = end) holds nothing. */
    if ((*a_to && str_eq(a_from, a_to)) || (*b_to && str_eq(b_from, b_to))) return 0;
    return a_before_b_ends && b_before_a_ends;
}

int post_held_on(const char *start_on, const char *end_on, const char *day)
{
    return strcmp(start_on, day) <= 0 && (!*end_on || strcmp(day, end_on) < 0);
}

const char *post_check_handover(const char *start_on, const char *end_on, const char *day)
{
    if (!is_date(day)) return _("Write the day of the hand-over as a date: 2026-03-01");
    if (*end_on) return _("This post has ended: only a running post is handed over");
    if (strcmp(day, start_on) < 0) return _("The hand-over cannot come before the post started");
    return NULL;
}
