/*
** area: the district's structure as the core sees it: streets (街道),
** communities (社区), grids (网格) and buildings (楼宇). One record type
** serves all four; fields a kind does not have stay empty. The store is
** db/area.h.
*/
#ifndef BANGBAN_SRC_AREA_H
#define BANGBAN_SRC_AREA_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

enum area_kind { AREA_STREET, AREA_COMMUNITY, AREA_GRID, AREA_BUILDING, AREA_KIND_COUNT };

enum building_kind {
    BUILDING_COMMERCIAL,  /* 商务楼宇 */
    BUILDING_RESIDENTIAL, /* 居民楼 */
};

struct area {
    enum area_kind kind;
    int64_t id; /* 0 until saved */
    char *code;
    char *name;
    int64_t parent_id; /* community, building: street; grid: community */
    char *parent_name; /* read only: the parent's name */
    int64_t grid_id;   /* building: its grid, 0 when none */
    char *grid_name;   /* read only: the name of the building's grid */
    char *address;     /* building */
    char *workers;     /* grid: the grid workers' names, separated by 、 */
    enum building_kind building_kind;
    char *property;       /* building: its property company (物业公司), "" when not on file */
    char *property_phone; /* building: the property company's service phone, normalised */
    int retired;
    int64_t version;  /* as read; a save with a stale version is refused */
    char *updated_at; /* read only */
    char *updated_by; /* read only */
    int64_t children; /* read only: active communities / grids / buildings below */
};

/* The longest texts, in characters, as the area forms take them. */
#define AREA_NAME_MAX     50
#define AREA_ADDRESS_MAX  100
#define AREA_PROPERTY_MAX 50
#define AREA_PHONE_MAX    30
#define AREA_WORKERS_MAX  100 /* a grid's workers' names, 、 between */

/* A building kind in words: 商务楼宇, 居民楼 (translated, borrowed). */
const char *area_building_kind_label(enum building_kind k);

/* The fields of an area (record.h). */
extern const struct record_type area_record;

/* A record of the given kind with every string "" (never NULL). Free with area_free(). */
void area_init(struct area *a, enum area_kind kind);
static inline void area_free(struct area *a)
{
    record_free(&area_record, a);
}
/* Deep copy of src into dst (dst need not be initialised). */
static inline void area_copy(struct area *dst, const struct area *src)
{
    record_copy(&area_record, dst, src);
}

/*
** A building kind as a ledger writes it (商务楼宇, 居民楼; not translated:
** the ledger is the district's, whatever the clerk's language), into *out.
** Returns 1, or 0 when text names no kind ("" is 商务楼宇, the default).
*/
int area_building_kind_parse(const char *text, enum building_kind *out);

/* The ledger word of a building kind (商务楼宇, 居民楼). Static. */
const char *area_building_kind_word(enum building_kind k);

/* Checks for a ledger: NULL when text names a building kind, else the reason (static). */
const char *area_check_building_kind(const char *text);

/* The buildings ledger (楼宇台账): a building found by its code, its street and grid by code or
 * name. */
enum building_field {
    BF_CODE,
    BF_NAME,
    BF_STREET,
    BF_GRID,
    BF_ADDRESS,
    BF_KIND,
    BF_PROPERTY,
    BF_PROPERTY_PHONE,
    BF_COUNT
};
extern const struct ledger_schema ledger_buildings;

/*
** The grids ledger (网格台账), how a district's structure comes in: a row
** per grid, found by its code, with its community and street by code or
** name (those not on file made as the rows name them).
*/
enum grid_field {
    GF_STREET_CODE,
    GF_STREET,
    GF_COMMUNITY_CODE,
    GF_COMMUNITY,
    GF_CODE,
    GF_NAME,
    GF_WORKERS,
    GF_COUNT
};
extern const struct ledger_schema ledger_grids;

/* A row of the grids ledger: a grid, with its community and street by code and name. */
struct grid_row {
    int64_t id; /* the grid's; 0 when not on file */
    char *code, *name, *workers;
    char *community_code, *community, *street_code, *street;
    int64_t community_id; /* settled before the grid is saved */
    int64_t version;
};
extern const struct record_type grid_row_record;

#endif
