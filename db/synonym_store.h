/*
** synonym_store: the catalogue's synonyms (src/synonym.h) in the
** database: list, read, create or edit with the version checked, retire
** and restore (rows are never deleted). The service-item search reads the
** table itself (db/catalogue_store.c).
*/
#ifndef BANGBAN_SYNONYM_STORE_H
#define BANGBAN_SYNONYM_STORE_H

#include <stddef.h>

#include "db/db.h"
#include "src/synonym.h"

/*
** Every synonym, retired ones too when with_retired, by word, into *out
** and *n (caller frees with record_array_free()). DB_OK, or the error
** (then *out is NULL and *n 0).
*/
int synonym_list(struct db *db, int with_retired, struct synonym **out, size_t *n);

/* One synonym by id, or by its word, into *out (free with record_free()). DB_OK or DB_NOTFOUND. */
int synonym_get(struct db *db, int64_t id, struct synonym *out);
int synonym_find(struct db *db, const char *word, struct synonym *out);

/*
** Create (s->id 0) or update a synonym as actor, the version checked.
** DB_OK (s->id and s->version set), DB_CONFLICT, DB_DUPLICATE (the word
** taken: db_duplicate_field() says so), or an error.
*/
int synonym_save(struct db *db, struct synonym *s, const char *actor);

/*
** Retire (1) or restore (0) a synonym, the version checked: DB_OK (s
** updated), DB_CONFLICT (current, when not NULL, gets it as it is now;
** free with record_free()) or an error.
*/
int synonym_set_retired(struct db *db, struct synonym *s, int retired, const char *actor,
                        struct synonym *current);

#endif
