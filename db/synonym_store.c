/*
** synonym_store: see synonym_store.h.
*/
#include "db/synonym_store.h"
#include "db/change.h"
#include "src/clock.h"
#include "src/roles.h"

#define SYNONYM_SELECT                                                                             \
    "SELECT id, word, target, retired, version, updated_at, updated_by FROM synonym"

static void synonym_read(struct db_stmt *st, void *slot)
{
    struct synonym *s = slot;
    record_init(&synonym_record, s);
    s->id = db_col_int(st, 0);
    record_set(&s->word, db_col_text(st, 1));
    record_set(&s->target, db_col_text(st, 2));
    s->retired = (int)db_col_int(st, 3);
    s->version = db_col_int(st, 4);
    record_set(&s->updated_at, db_col_text(st, 5));
    record_set(&s->updated_by, db_col_text(st, 6));
}

int synonym_list(struct db *db, int with_retired, struct synonym **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, SYNONYM_SELECT " WHERE ?1 OR retired = 0 ORDER BY word COLLATE zh");
    db_bind_int(st, 1, with_retired);
    int rc;
    *out = db_collect(st, sizeof **out, synonym_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&synonym_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int synonym_get(struct db *db, int64_t id, struct synonym *out)
{
    struct db_stmt *st = db_prepare(db, SYNONYM_SELECT " WHERE id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, synonym_read, out);
}

int synonym_find(struct db *db, const char *word, struct synonym *out)
{
    struct db_stmt *st = db_prepare(db, SYNONYM_SELECT " WHERE word = ?1");
    db_bind_text(st, 1, word);
    return db_read_one(st, synonym_read, out);
}

static int synonym_get_any(struct db *db, int64_t id, void *out)
{
    return synonym_get(db, id, out);
}

static const struct change_kind synonym_change = {&synonym_record, "synonym", RIGHT_EDIT_CATALOGUE,
                                                  synonym_get_any};

int synonym_save(struct db *db, struct synonym *s, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    struct synonym before;
    int rc = change_begin(db, &synonym_change, actor, s->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db, s->id ? "UPDATE synonym SET word = ?1, target = ?2, version = version + 1,"
                    " updated_at = ?3, updated_by = ?4 WHERE id = ?5 AND version = ?6"
                  : "INSERT INTO synonym (word, target, created_at, created_by, updated_at,"
                    " updated_by) VALUES (?1, ?2, ?3, ?4, ?3, ?4)");
    db_bind_text(st, 1, s->word);
    db_bind_text(st, 2, s->target);
    db_bind_text(st, 3, when);
    db_bind_text(st, 4, actor);
    if (s->id) {
        db_bind_int(st, 5, s->id);
        db_bind_int(st, 6, s->version);
    }
    rc = change_save(db, &synonym_change, actor, st, &s->id, &s->version, &before);
    if (rc == DB_OK) {
        record_set(&s->updated_at, when);
        record_set(&s->updated_by, actor);
    }
    return rc;
}

int synonym_set_retired(struct db *db, struct synonym *s, int retired, const char *actor,
                        struct synonym *current)
{
    int rc = change_retire(db, &synonym_change, actor, "synonym", s->id, s->version, retired);
    if (rc == DB_OK) {
        s->retired = retired;
        s->version++;
    } else if (rc == DB_CONFLICT && current && synonym_get(db, s->id, current) != DB_OK) {
        record_init(&synonym_record, current);
    }
    return rc;
}
