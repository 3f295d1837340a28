/*
** area: the store for the district's structure: streets (街道), communities
** (社区), grids (网格) and buildings (楼宇). One record type serves all four;
** fields a kind does not have stay empty. Lists, search, create, edit
** with version checks, and retire/restore (rows are never deleted).
*/
#ifndef BANGBAN_AREA_H
#define BANGBAN_AREA_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/area.h"

struct area_list {
    struct area *items;
    size_t n;
};

/* area_list() flags. */
#define AREA_WITH_RETIRED 1u /* include retired rows */
#define AREA_IN_STREET    2u /* parent_id is a street: keep rows anywhere in that street */

void area_list_free(struct area_list *l);

/*
** Records of a kind, ordered by code (numbers as numbers). query narrows
** them: a Chinese fragment anywhere in the name, code or address, a code
** fragment, or a pinyin prefix (initials "hpdx" or full "hepingda").
** parent_id, when not 0, keeps only children of that parent. Returns
** DB_OK and fills *out (caller frees with area_list_free()), or an error.
*/
int area_list(struct db *db, enum area_kind kind, const char *query, int64_t parent_id,
              unsigned flags, struct area_list *out);

/* Read one record into *out (caller frees with area_free()). DB_OK or DB_NOTFOUND. */
int area_get(struct db *db, enum area_kind kind, int64_t id, struct area *out);

/*
** Create (a->id == 0) or update a record as actor. Pinyin keys are
** computed here. An update succeeds only if a->version is still the
** stored version. Returns:
**   DB_OK        saved; a->id and a->version are updated
**   DB_DUPLICATE the code is taken by another record, or (new or renamed)
**                the name by another active one of its kind (area_name_holder())
**   DB_CONFLICT  someone saved first; *current (if not NULL) gets the
**                stored record, to show who and when (caller frees)
**   DB_NOTFOUND  the record is gone
**   DB_INVALID   the parent or grid does not exist, or a building's grid
**                is not in its street
**   DB_BUSY, DB_FULL, DB_ERROR
*/
int area_save(struct db *db, struct area *a, const char *actor, struct area *current);

/*
** The code of the active record of a's kind, other than a, named as a is,
** into *code (caller frees). DB_OK, DB_NOTFOUND when there is none, or an error.
*/
int area_name_holder(struct db *db, const struct area *a, char **code);

/* The record of a kind with exactly this code, retired or not, into *out (caller frees): DB_OK or
 * DB_NOTFOUND, or an error. */
int area_find_code(struct db *db, enum area_kind kind, const char *code, struct area *out);

/*
** The active record of a kind whose code, else whose name, is text, into
** *out (caller frees). Among records of one name, the one in street_id
** (when not 0) is taken. Returns DB_OK, DB_NOTFOUND, DB_INVALID when
** several have that name and street_id does not settle which (the code
** will), or an error.
*/
int area_find(struct db *db, enum area_kind kind, const char *text, int64_t street_id,
              struct area *out);

/* True when the grid lies in the street (through its community). */
int area_grid_in_street(struct db *db, int64_t grid_id, int64_t street_id);

/*
** Call visit for every building whose grid lies in another street than the
** building (written behind the forms): its code, name and grid's name.
** Returns DB_OK or an error.
*/
int area_buildings_astray(struct db *db,
                          void (*visit)(void *ctx, const char *code, const char *name,
                                        const char *grid),
                          void *ctx);

/*
** Retire (retired=1) or restore (0) a record, checking its version as
** area_save() does. Retiring is refused with DB_INVALID while active
** records still sit below it; *blocking gets how many.
*/
int area_set_retired(struct db *db, struct area *a, int retired, const char *actor,
                     int64_t *blocking, struct area *current);

/* Active records of each kind, into counts[AREA_KIND_COUNT]. */
int area_counts(struct db *db, int64_t counts[AREA_KIND_COUNT]);

#endif
