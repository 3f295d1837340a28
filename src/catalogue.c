/*
** catalogue: see catalogue.h.
*/
#include "catalogue.h"
#include "i18n.h"
#include "request.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fields of a unit and of a service item, for record.h. */
#define UF(member, kind, label, flags) FIELD_OF(struct unit, member, kind, label, flags, NULL)
static const struct field_desc unit_fields[] = {
    UF(id, FIELD_INT64, NULL, FIELD_KEY),
    UF(code, FIELD_TEXT, N_("Code"), 0),
    UF(name, FIELD_TEXT, N_("Name"), 0),
    UF(kind, FIELD_TEXT, N_("Kind"), 0),
    UF(phone, FIELD_TEXT, N_("Phone"), 0),
    UF(retired, FIELD_INT, N_("Retired"), FIELD_STORED),
    UF(version, FIELD_INT64, NULL, FIELD_KEY),
    UF(updated_at, FIELD_TEXT, NULL, FIELD_STORED),
    UF(updated_by, FIELD_TEXT, NULL, FIELD_STORED),
    UF(items, FIELD_INT64, NULL, FIELD_STORED),
};
#undef UF

const struct record_type unit_record = {.name = "unit",
                                        .size = sizeof(struct unit),
                                        .fields = unit_fields,
                                        .nfields = ARRAY_LEN(unit_fields)};

#define IF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct service_item, member, kind, label, flags, by)
static const struct field_desc item_fields[] = {
    IF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    IF(code, FIELD_TEXT, N_("Code"), 0, NULL),
    IF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    IF(unit_id, FIELD_INT64, N_("Unit"), 0, "unit_name"),
    IF(unit_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    IF(category, FIELD_TEXT, N_("Category"), 0, NULL),
    IF(description, FIELD_TEXT, N_("Description"), 0, NULL),
    IF(materials, FIELD_TEXT, N_("Materials"), 0, NULL),
    IF(accept_minutes, FIELD_INT, N_("Sign for within"), 0, NULL),
    IF(resolve_amount, FIELD_INT, N_("Resolve within"), 0, NULL),
    IF(resolve_unit, FIELD_CHAR, N_("Resolve within"), FIELD_WITH_PREV, NULL),
    IF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    IF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    IF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    IF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef IF

static void item_defaults(void *rec)
{
    struct service_item *it = rec;
    record_set(&it->category, "service");
    it->accept_minutes = 24 * 60;
    it->resolve_amount = 5;
    it->resolve_unit = 'd';
}

static char *item_shown(size_t i, const void *rec)
{
    const struct service_item *it = rec;
    const char *name = item_fields[i].name;
    if (str_eq(name, "accept_minutes")) return catalogue_accept_text(it->accept_minutes);
    if (str_eq(name, "resolve_amount"))
        return catalogue_resolve_text(it->resolve_amount, it->resolve_unit);
    if (str_eq(name, "category")) {
        const char *label = request_word_label(request_categories, it->category);
        return xstrdup(label ? _(label) : it->category);
    }
    return NULL;
}

const struct record_type service_item_record = {.name = "service_item",
                                                .size = sizeof(struct service_item),
                                                .fields = item_fields,
                                                .nfields = ARRAY_LEN(item_fields),
                                                .defaults = item_defaults,
                                                .shown = item_shown};

/*
** A limit as written: a whole number and a unit word, spaces and
** full-width digits allowed. Returns the number (> 0) and *rest the unit
** word, lower-cased, in buf; 0 when there is no number.
*/
static long limit_split(const char *text, char *buf, size_t cap, const char **rest)
{
    char *norm = text_normalize(text ? text : "", TEXT_NORM_NOSPACE);
    text_ascii_lower(norm);
    char *end;
    long n = strtol(norm, &end, 10);
    if (end == norm || n <= 0 || n > 100000) {
        free(norm);
        return 0;
    }
    snprintf(buf, cap, "%s", end);
    free(norm);
    *rest = buf;
    return n;
}

static int one_of(const char *word, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(word, words[i])) return 1;
    return 0;
}

static const char *const minute_words[] = {"分钟", "分", "min", "mins", "minutes", "minute"};
static const char *const hour_words[] = {"小时", "个小时", "h", "hour", "hours", "工作小时"};
static const char *const day_words[] = {"个工作日", "工作日", "workingdays", "workingday", "wd"};

int catalogue_parse_accept(const char *text)
{
    char buf[64];
    const char *unit;
    long n = limit_split(text, buf, sizeof buf, &unit);
    if (n <= 0) return 0;
    if (one_of(unit, minute_words, ARRAY_LEN(minute_words))) return (int)n;
    if (one_of(unit, hour_words, ARRAY_LEN(hour_words)) && n <= 1000) return (int)n * 60;
    return 0;
}

int catalogue_parse_resolve(const char *text, int *amount, char *unit)
{
    char buf[64];
    const char *word;
    long n = limit_split(text, buf, sizeof buf, &word);
    if (n <= 0 || n > 1000) return -1;
    if (one_of(word, day_words, ARRAY_LEN(day_words)))
        *unit = 'd';
    else if (one_of(word, hour_words, ARRAY_LEN(hour_words)))
        *unit = 'h';
    else
        return -1;
    *amount = (int)n;
    return 0;
}

char *catalogue_accept_text(int minutes)
{
    return minutes % 60 == 0 ? xasprintf("%d小时", minutes / 60) : xasprintf("%d分钟", minutes);
}

char *catalogue_resolve_text(int amount, char unit)
{
    return unit == 'h' ? xasprintf("%d小时", amount) : xasprintf("%d个工作日", amount);
}

static const struct ledger_header catalogue_headers[] = {
    {CF_CODE, "事项编码"},       {CF_CODE, "编码"},
    {CF_CODE, "事项代码"},       {CF_NAME, "事项名称"},
    {CF_NAME, "服务事项"},       {CF_NAME, "名称"},
    {CF_CATEGORY, "类别"},       {CF_CATEGORY, "事项类别"},
    {CF_CATEGORY, "所属方面"},   {CF_UNIT, "责任单位"},
    {CF_UNIT, "承办单位"},       {CF_UNIT, "单位"},
    {CF_UNIT_CODE, "单位编码"},  {CF_UNIT_KIND, "单位类型"},
    {CF_UNIT_PHONE, "单位电话"}, {CF_UNIT_PHONE, "联系电话"},
    {CF_MATERIALS, "办理材料"},  {CF_MATERIALS, "所需材料"},
    {CF_MATERIALS, "申请材料"},  {CF_ACCEPT, "受理时限"},
    {CF_ACCEPT, "签收时限"},     {CF_RESOLVE, "办结时限"},
    {CF_RESOLVE, "承诺时限"},    {CF_RESOLVE, "办理时限"},
    {CF_DESCRIPTION, "说明"},    {CF_DESCRIPTION, "事项说明"},
    {CF_DESCRIPTION, "备注"},    {LEDGER_IGNORED, "序号"},
};

static const int catalogue_required[] = {CF_CODE, CF_NAME,   CF_CATEGORY,
                                         CF_UNIT, CF_ACCEPT, CF_RESOLVE};

/* The most characters per column, as the forms take them (and what a message may quote). */
static const unsigned short catalogue_max[CF_COUNT] = {
    [CF_CODE] = VALIDATE_CODE_MAX,
    [CF_NAME] = 60,
    [CF_CATEGORY] = 10,
    [CF_UNIT] = 40,
    [CF_UNIT_CODE] = 30,
    [CF_UNIT_KIND] = 20,
    [CF_UNIT_PHONE] = 30,
    [CF_MATERIALS] = 200,
    [CF_ACCEPT] = 20,
    [CF_RESOLVE] = 20,
    [CF_DESCRIPTION] = 200,
};

const struct ledger_schema ledger_catalogue = {catalogue_headers,
                                               ARRAY_LEN(catalogue_headers),
                                               CF_COUNT,
                                               catalogue_required,
                                               ARRAY_LEN(catalogue_required),
                                               NULL,
                                               0,
                                               catalogue_max};

int catalogue_row_check(const struct ledger *l, const struct ledger_row *row,
                        struct service_item *it, struct unit *u, struct ledger_problems *p)
{
    size_t before = p->n;
    service_item_init(it);
    unit_init(u);
    if (ledger_row_shape(l, row, p)) return (int)(p->n - before);
    char *code =
        text_normalize(ledger_value_of(l, row, CF_CODE), TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    if (!*code)
        ledger_problem_add(p, row->line, ledger_column_header(l, CF_CODE), xstrdup(_("is empty")));
    else if (!text_is_line(code))
        ledger_problem_add(p, row->line, ledger_column_header(l, CF_CODE),
                           xstrdup(_("holds a line break or a control character")));
    record_set(&it->code, code);
    free(code);
    ledger_row_take(l, row, CF_NAME, 1, &it->name, p);
    ledger_row_take(l, row, CF_UNIT, 1, &u->name, p);
    record_set(&it->unit_name, u->name);
    char *unit_code =
        text_normalize(ledger_value_of(l, row, CF_UNIT_CODE), TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    record_set(&u->code, text_is_line(unit_code) ? unit_code : "");
    free(unit_code);
    ledger_row_take(l, row, CF_UNIT_KIND, 0, &u->kind, p);
    ledger_row_take(l, row, CF_UNIT_PHONE, 0, &u->phone, p);
    ledger_row_take(l, row, CF_MATERIALS, 0, &it->materials, p);
    ledger_row_take(l, row, CF_DESCRIPTION, 0, &it->description, p);

    const char *category = ledger_value_of(l, row, CF_CATEGORY);
    char *trimmed = text_trim(category);
    const char *cat = request_word_code(request_categories, trimmed);
    if (!cat)
        ledger_problem_add(
            p, row->line, ledger_column_header(l, CF_CATEGORY),
            xasprintf(_("\"%s\" is not one of 矛盾排解, 服务群众, 重点工作, 综合执法, "
                        "应急处置"),
                      trimmed));
    else
        record_set(&it->category, cat);
    free(trimmed);

    const char *accept = ledger_value_of(l, row, CF_ACCEPT);
    int minutes = catalogue_parse_accept(accept);
    if (minutes <= 0)
        ledger_problem_add(p, row->line, ledger_column_header(l, CF_ACCEPT),
                           xasprintf(_("\"%s\" is not a limit such as 2小时 or 30分钟"), accept));
    else
        it->accept_minutes = minutes;

    const char *resolve = ledger_value_of(l, row, CF_RESOLVE);
    if (catalogue_parse_resolve(resolve, &it->resolve_amount, &it->resolve_unit) != 0)
        ledger_problem_add(
            p, row->line, ledger_column_header(l, CF_RESOLVE),
            xasprintf(_("\"%s\" is not a limit such as 5个工作日 or 4小时"), resolve));
    return (int)(p->n - before);
}
