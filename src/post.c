/*
** post: see post.h.
*/
#include "post.h"
#include "date.h"
#include "i18n.h"
#include "phone.h"
#include "text.h"
#include "util.h"

#include <stddef.h>
#include <string.h>

static const struct post_kind_info kinds[POST_KIND_COUNT] = {
    [POST_STREET_CHIEF] = {"street_chief", N_("Street chief"), "街长", PLACE_STREET, 0},
    [POST_BLOCK_CHIEF] = {"block_chief", N_("Block chief"), "片长", PLACE_BLOCK, 0},
    [POST_BUILDING_CHIEF] = {"building_chief", N_("Building chief"), "楼长", PLACE_BUILDING, 0},
    [POST_BUILDING_INSTRUCTOR] = {"building_instructor", N_("Building instructor"), "楼宇指导员",
                                  PLACE_BUILDING, 0},
    [POST_GRID_HEAD] = {"grid_head", N_("Grid head"), "网格长", PLACE_GRID, 0},
    [POST_GRID_WORKER] = {"grid_worker", N_("Grid worker"), "网格员", PLACE_GRID, 1},
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
        if (str_eq(text, kinds[i].code) || str_eq(text, kinds[i].name) ||
            str_eq(text, kinds[i].label) || str_eq(text, _(kinds[i].label)))
            return i;
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
    PF(staff_kind, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(staff_employer, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(ref, FIELD_TEXT, NULL, FIELD_STORED, NULL),
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

/* --- the posts ledger ------------------------------------------------------------------------ */

static const struct ledger_header post_headers[] = {
    {PLF_KIND, "岗位"},           {PLF_KIND, "职务"},           {PLF_PLACE_CODE, "地点编码"},
    {PLF_PLACE_CODE, "编码"},     {PLF_PLACE_CODE, "楼宇编码"}, {PLF_PLACE_NAME, "地点"},
    {PLF_PLACE_NAME, "地点名称"}, {PLF_PLACE_NAME, "楼宇名称"}, {PLF_NAME, "姓名"},
    {PLF_PHONE, "电话"},          {PLF_PHONE, "手机"},          {PLF_PHONE, "手机号"},
    {PLF_PHONE, "联系电话"},      {PLF_STAFF_KIND, "人员类别"}, {PLF_STAFF_KIND, "类别"},
    {PLF_EMPLOYER, "所在单位"},   {PLF_EMPLOYER, "工作单位"},   {PLF_FROM, "起"},
    {PLF_FROM, "开始日期"},       {PLF_FROM, "任职日期"},       {PLF_TO, "止"},
    {PLF_TO, "结束日期"},         {PLF_TO, "离任日期"},         {PLF_BY, "任命单位"},
    {PLF_BY, "派驻单位"},         {PLF_NOTE, "交接说明"},       {PLF_NOTE, "备注"},
    {LEDGER_IGNORED, "序号"},
};

static const int post_required[] = {PLF_KIND, PLF_PLACE_CODE, PLF_NAME, PLF_FROM};
static const int post_secret[] = {PLF_PHONE};
static const unsigned short post_max[PLF_COUNT] = {[PLF_NAME] = STAFF_NAME_MAX,
                                                   [PLF_EMPLOYER] = STAFF_EMPLOYER_MAX,
                                                   [PLF_BY] = POST_APPOINTER_MAX,
                                                   [PLF_NOTE] = POST_NOTE_MAX};

const struct ledger_schema ledger_posts = {
    post_headers, ARRAY_LEN(post_headers), PLF_COUNT, post_required, ARRAY_LEN(post_required),
    post_secret,  ARRAY_LEN(post_secret),  post_max};

char *post_ref(int kind, const char *place_code, const char *name, const char *start_on)
{
    return xasprintf("%s %s %s %s",
                     kind >= 0 && kind < POST_KIND_COUNT ? _(kinds[kind].label) : "?", place_code,
                     name, start_on);
}

/* A date cell of field f into *into as YYYY-MM-DD ("" stays ""); a problem when it is none. */
static void row_date(const struct ledger *l, const struct ledger_row *row, int f, char **into,
                     struct ledger_problems *p)
{
    const char *text = ledger_value_of(l, row, f);
    struct date d;
    char iso[11];
    int rc = !text || !*text ? DATE_OK : date_parse_cell(text, &d);
    if (!text || !*text) {
        record_set(into, "");
    } else if (rc != DATE_OK) {
        ledger_problem_add(p, row->line, ledger_column_header(l, f), date_problem(text, rc));
    } else {
        record_set(into, date_format(&d, iso));
    }
}

int post_row_check(const struct ledger *l, const struct ledger_row *row, struct post *post,
                   struct staff *staff, struct ledger_problems *p)
{
    size_t before = p->n;
    record_init(&post_record, post);
    record_init(&staff_record, staff);
    if (ledger_row_shape(l, row, p)) return (int)(p->n - before);
    const char *kind = ledger_value_of(l, row, PLF_KIND);
    post->kind = post_kind_parse(kind ? kind : "");
    if (post->kind < 0)
        ledger_problem_add(
            p, row->line, ledger_column_header(l, PLF_KIND),
            xasprintf(_("\"%s\" is no post (街长, 片长, 楼长, 楼宇指导员, 网格长, 网格员)"),
                      kind ? kind : ""));
    ledger_row_take(l, row, PLF_PLACE_CODE, 1, &post->place_code, p);
    record_take(&post->place_code,
                text_normalize(post->place_code, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE));
    ledger_row_take(l, row, PLF_NAME, 1, &staff->name, p);
    record_take(&staff->name, text_normalize(staff->name, TEXT_NORM_NOSPACE));
    ledger_row_take(l, row, PLF_PHONE, 0, &staff->phone, p);
    const char *bad = phone_check_any(staff->phone);
    if (bad)
        ledger_problem_add(p, row->line, ledger_column_header(l, PLF_PHONE), xstrdup(bad));
    else
        record_take(&staff->phone, phone_normal_any(staff->phone));
    ledger_row_take(l, row, PLF_STAFF_KIND, 0, &staff->kind_name, p);
    ledger_row_take(l, row, PLF_EMPLOYER, 0, &staff->employer, p);
    row_date(l, row, PLF_FROM, &post->start_on, p);
    row_date(l, row, PLF_TO, &post->end_on, p);
    ledger_row_take(l, row, PLF_BY, 0, &post->appointed_by, p);
    ledger_row_take(l, row, PLF_NOTE, 0, &post->note, p);
    if (p->n == before) {
        const char *why = post_check_dates(post->start_on, post->end_on);
        if (why)
            ledger_problem_add(p, row->line,
                               ledger_column_header(l, *post->start_on ? PLF_TO : PLF_FROM),
                               xstrdup(why));
    }
    record_set(&post->staff_name, staff->name);
    record_set(&post->staff_phone, staff->phone);
    record_take(&post->ref, post_ref(post->kind, post->place_code, staff->name, post->start_on));
    return (int)(p->n - before);
}
