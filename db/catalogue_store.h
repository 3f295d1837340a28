/*
** catalogue_store: units (责任单位) and service items (服务事项) in the
** database: lists narrowed by what was typed, one record, create and edit
** with version checks, retire and restore (rows are never deleted, so a
** retired item keeps its requests' history readable).
*/
#ifndef BANGBAN_CATALOGUE_STORE_H
#define BANGBAN_CATALOGUE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/catalogue.h"

struct unit_list {
    struct unit *items;
    size_t n;
};

struct item_list {
    struct service_item *items;
    size_t n;
};

/* List flags. */
#define CATALOGUE_WITH_RETIRED 1u /* include retired rows */

/* Free the records of a list and empty it. */
void unit_list_free(struct unit_list *l);
void item_list_free(struct item_list *l);

/*
** Units ordered by code, narrowed by query: a Chinese fragment of the name,
** a code fragment, or a pinyin prefix (qmzj, quminzheng). Fills *out
** (caller frees with unit_list_free()). Returns DB_OK or an error.
*/
int unit_list(struct db *db, const char *query, unsigned flags, struct unit_list *out);

/* One unit by id, or by its code or exact name. DB_OK or DB_NOTFOUND; free with unit_free(). */
int unit_get(struct db *db, int64_t id, struct unit *out);
int unit_find(struct db *db, const char *code_or_name, struct unit *out);

/*
** Create (u->id == 0) or update a unit as actor, checking u->version.
** Returns DB_OK (u->id, u->version updated), DB_DUPLICATE (code or name
** taken), DB_CONFLICT (*current, when not NULL, gets the stored record),
** DB_NOTFOUND, or another error.
*/
int unit_save(struct db *db, struct unit *u, const char *actor, struct unit *current);

/*
** Retire or restore a unit. Retiring is refused with DB_INVALID while it
** still offers active items (*blocking gets how many).
*/
int unit_set_retired(struct db *db, struct unit *u, int retired, const char *actor,
                     int64_t *blocking, struct unit *current);

/*
** Service items ordered by code, narrowed by query: a Chinese fragment of
** the name or the unit's name, a code fragment, or a pinyin prefix of the
** name (dbsq for 低保申请); a fragment holding a synonym's word finds the
** names holding it with the synonym's target instead (供暖 finds 供热不达标投诉:
** db/synonym_store.h); when nothing is found so, words holding a synonym's
** word find the items named with its target (暖气不热: the 供热 items).
** unit_id, when not 0, keeps that unit's only.
*/
int item_list(struct db *db, const char *query, int64_t unit_id, unsigned flags,
              struct item_list *out);

/* One item by id or by code. DB_OK or DB_NOTFOUND; free with service_item_free(). */
int item_get(struct db *db, int64_t id, struct service_item *out);
int item_get_by_code(struct db *db, const char *code, struct service_item *out);

/*
** Create or update an item as actor, as unit_save(). DB_INVALID when its
** unit does not exist or is retired.
*/
int item_save(struct db *db, struct service_item *it, const char *actor,
              struct service_item *current);

/*
** Retire or restore an item (its requests keep pointing at it). Restoring
** is refused with DB_INVALID while its unit is retired.
*/
int item_set_retired(struct db *db, struct service_item *it, int retired, const char *actor,
                     struct service_item *current);

/*
** Compute every item's and unit's search keys again (pinyin from any
** character on: 老年人助餐 found by "zhucan"): a migration's step, inside
** its transaction. Returns DB_OK or an error.
*/
int catalogue_rekey(struct db *db);

/* Active units and items. */
int64_t unit_count(struct db *db);
int64_t item_count(struct db *db);
/* The longest 办结 limit of an active item, in working days (hours counted as whole days); 0 if
 * none. */
int64_t item_longest_days(struct db *db);

/*
** A code for a new unit that has none: U and the first number from the
** count of units on that no unit's code holds (U30). Caller frees.
*/
char *unit_code_new(struct db *db);

#endif
