/*
** area: see area.h.
*/
#include "area.h"
#include "i18n.h"
#include "util.h"

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
    AF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    AF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(children, FIELD_INT64, NULL, FIELD_STORED, NULL),
};
#undef AF

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
