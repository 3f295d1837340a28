/*
** area: see area.h.
*/
#include "area.h"
#include "i18n.h"
#include "phone.h"
#include "text.h"
#include "validate.h"
#include "util.h"

#include <stdlib.h>

#include <stddef.h>

#define AF(member, kind, label, flags, by) FIELD_OF(struct area, member, kind, label, flags, by)
static const struct field_desc area_fields[] = {
    AF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(kind, FIELD_INT, NULL, FIELD_KEY, NULL),
    AF(code, FIELD_TEXT, N_("Code"), 0, NULL),
    AF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    AF(parent_id, FIELD_INT64, N_("Belongs to"), 0, "parent_name"),
    AF(grid_id, FIELD_INT64, N_("Grid"), FIELD_WITH_PREV, "grid_name"),
    AF(parent_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(grid_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(address, FIELD_TEXT, N_("Address"), 0, NULL),
    AF(workers, FIELD_TEXT, N_("Grid workers"), 0, NULL),
    AF(building_kind, FIELD_INT, N_("Kind"), 0, NULL),
    AF(property, FIELD_TEXT, N_("Property company"), 0, NULL),
    AF(property_phone, FIELD_TEXT, N_("Property phone"), 0, NULL),
    AF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    AF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(children, FIELD_INT64, NULL, FIELD_STORED, NULL),
};
#undef AF

#define GF(member, kind, label, flags) FIELD_OF(struct grid_row, member, kind, label, flags, NULL)
static const struct field_desc grid_row_fields[] = {
    GF(id, FIELD_INT64, NULL, FIELD_KEY),
    GF(code, FIELD_TEXT, N_("Grid code"), 0),
    GF(name, FIELD_TEXT, N_("Grid"), 0),
    GF(workers, FIELD_TEXT, N_("Grid workers"), 0),
    GF(community_code, FIELD_TEXT, N_("Community code"), 0),
    GF(community, FIELD_TEXT, N_("Community"), 0),
    GF(street_code, FIELD_TEXT, N_("Street code"), 0),
    GF(street, FIELD_TEXT, N_("Street"), 0),
    GF(community_id, FIELD_INT64, NULL, FIELD_STORED),
    GF(version, FIELD_INT64, NULL, FIELD_KEY),
};
#undef GF

const struct record_type grid_row_record = {.name = "grid_row",
                                            .size = sizeof(struct grid_row),
                                            .fields = grid_row_fields,
                                            .nfields = ARRAY_LEN(grid_row_fields)};

const char *area_building_kind_label(enum building_kind k)
{
    return k == BUILDING_RESIDENTIAL ? _("Residential block") : _("Commercial building");
}

static char *area_shown(size_t i, const void *rec)
{
    const struct area *a = rec;
    if (str_eq(area_fields[i].name, "building_kind"))
        return xstrdup(a->kind == AREA_BUILDING ? area_building_kind_label(a->building_kind) : "");
    if (str_eq(area_fields[i].name, "parent_id") && *a->grid_name)
        return xasprintf("%s / %s", a->parent_name, a->grid_name);
    return NULL;
}

const struct record_type area_record = {.name = "area",
                                        .size = sizeof(struct area),
                                        .fields = area_fields,
                                        .nfields = ARRAY_LEN(area_fields),
                                        .shown = area_shown};

void area_init(struct area *a, enum area_kind kind)
{
    record_init(&area_record, a);
    a->kind = kind;
}

/* --- the buildings ledger ------------------------------------------------------------------- */

/* The words offices write for each kind; the first is the one bangban writes. */
static const char *const building_kind_words[][4] = {
    [BUILDING_COMMERCIAL] = {"商务楼宇", "商务楼", "商业楼宇", "写字楼"},
    [BUILDING_RESIDENTIAL] = {"居民楼", "住宅楼", "居民楼宇", "住宅"},
};

int area_building_kind_parse(const char *text, enum building_kind *out)
{
    char *word = text_normalize(text, TEXT_NORM_NOSPACE);
    int found = !*word;
    *out = BUILDING_COMMERCIAL;
    for (size_t k = 0; !found && k < ARRAY_LEN(building_kind_words); k++)
        for (size_t i = 0; !found && i < ARRAY_LEN(building_kind_words[k]); i++)
            if (str_eq(word, building_kind_words[k][i])) {
                *out = (enum building_kind)k;
                found = 1;
            }
    free(word);
    return found;
}

const char *area_building_kind_word(enum building_kind k)
{
    return building_kind_words[k == BUILDING_RESIDENTIAL ? BUILDING_RESIDENTIAL
                                                         : BUILDING_COMMERCIAL][0];
}

const char *area_check_building_kind(const char *text)
{
    enum building_kind k;
    return area_building_kind_parse(text, &k) ? NULL : _("One of 商务楼宇, 居民楼");
}

static const struct ledger_header building_headers[] = {
    {BF_CODE, "楼宇编码"},
    {BF_CODE, "楼宇编号"},
    {BF_CODE, "楼宇代码"},
    {BF_CODE, "编码"},
    {BF_CODE, "编号"},
    {BF_CODE, "代码"},
    {BF_NAME, "楼宇名称"},
    {BF_NAME, "名称"},
    {BF_NAME, "楼宇"},
    {BF_STREET, "所属街道"},
    {BF_STREET, "街道"},
    {BF_STREET, "街道名称"},
    {BF_GRID, "所属网格"},
    {BF_GRID, "网格"},
    {BF_GRID, "网格名称"},
    {BF_ADDRESS, "地址"},
    {BF_ADDRESS, "楼宇地址"},
    {BF_ADDRESS, "详细地址"},
    {BF_KIND, "类型"},
    {BF_KIND, "楼宇类型"},
    {BF_KIND, "楼宇性质"},
    {BF_PROPERTY, "物业公司"},
    {BF_PROPERTY, "物业服务企业"},
    {BF_PROPERTY, "物业"},
    {BF_PROPERTY_PHONE, "物业电话"},
    {BF_PROPERTY_PHONE, "物业联系电话"},
    {LEDGER_IGNORED, "序号"},
};

static const int building_required[] = {BF_CODE, BF_NAME, BF_STREET};

static const struct ledger_header grid_headers[] = {
    {GF_STREET_CODE, "街道编码"},
    {GF_STREET_CODE, "街道代码"},
    {GF_STREET_CODE, "街道编号"},
    {GF_STREET, "所属街道"},
    {GF_STREET, "街道"},
    {GF_STREET, "街道名称"},
    {GF_STREET, "街道（乡镇）"},
    {GF_COMMUNITY_CODE, "社区编码"},
    {GF_COMMUNITY_CODE, "社区代码"},
    {GF_COMMUNITY_CODE, "社区编号"},
    {GF_COMMUNITY, "所属社区"},
    {GF_COMMUNITY, "社区"},
    {GF_COMMUNITY, "社区名称"},
    {GF_COMMUNITY, "社区（村）"},
    {GF_CODE, "网格编码"},
    {GF_CODE, "网格代码"},
    {GF_CODE, "网格编号"},
    {GF_NAME, "网格名称"},
    {GF_NAME, "网格"},
    {GF_WORKERS, "网格员"},
    {GF_WORKERS, "专职网格员"},
    {LEDGER_IGNORED, "序号"},
};

static const int grid_required[] = {GF_STREET, GF_COMMUNITY, GF_CODE, GF_NAME};

static const unsigned short grid_max[GF_COUNT] = {
    [GF_STREET_CODE] = VALIDATE_CODE_MAX,    [GF_STREET] = AREA_NAME_MAX,
    [GF_COMMUNITY_CODE] = VALIDATE_CODE_MAX, [GF_COMMUNITY] = AREA_NAME_MAX,
    [GF_CODE] = VALIDATE_CODE_MAX,           [GF_NAME] = AREA_NAME_MAX,
    [GF_WORKERS] = AREA_WORKERS_MAX};

const struct ledger_schema ledger_grids = {grid_headers,
                                           ARRAY_LEN(grid_headers),
                                           GF_COUNT,
                                           grid_required,
                                           ARRAY_LEN(grid_required),
                                           NULL,
                                           0,
                                           grid_max};

static const unsigned short building_max[BF_COUNT] = {
    [BF_CODE] = VALIDATE_CODE_MAX,     [BF_NAME] = AREA_NAME_MAX,
    [BF_STREET] = AREA_NAME_MAX,       [BF_GRID] = AREA_NAME_MAX,
    [BF_ADDRESS] = AREA_ADDRESS_MAX,   [BF_KIND] = 8,
    [BF_PROPERTY] = AREA_PROPERTY_MAX, [BF_PROPERTY_PHONE] = AREA_PHONE_MAX};

const struct ledger_schema ledger_buildings = {building_headers,
                                               ARRAY_LEN(building_headers),
                                               BF_COUNT,
                                               building_required,
                                               ARRAY_LEN(building_required),
                                               NULL,
                                               0,
                                               building_max};
