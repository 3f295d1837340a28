/*
** staff_store: see staff_store.h.
*/
#include "db/staff_store.h"
#include "db/change.h"
#include "src/clock.h"
#include "src/roles.h"

#define STAFF_KIND_SELECT                                                                          \
    "SELECT id, code, name, note, retired, version, updated_at, updated_by FROM staff_kind"

static void staff_kind_read(struct db_stmt *st, void *slot)
{
    struct staff_kind *k = slot;
    record_init(&staff_kind_record, k);
    k->id = db_col_int(st, 0);
    record_set(&k->code, db_col_text(st, 1));
    record_set(&k->name, db_col_text(st, 2));
    record_set(&k->note, db_col_text(st, 3));
    k->retired = (int)db_col_int(st, 4);
    k->version = db_col_int(st, 5);
    record_set(&k->updated_at, db_col_text(st, 6));
    record_set(&k->updated_by, db_col_text(st, 7));
}

int staff_kind_list(struct db *db, int with_retired, struct staff_kind **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, STAFF_KIND_SELECT " WHERE ?1 OR retired = 0 ORDER BY code");
    db_bind_int(st, 1, with_retired);
    int rc;
    *out = db_collect(st, sizeof **out, staff_kind_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&staff_kind_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int staff_kind_get(struct db *db, int64_t id, struct staff_kind *out)
{
    struct db_stmt *st = db_prepare(db, STAFF_KIND_SELECT " WHERE id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, staff_kind_read, out);
}

int staff_kind_find(struct db *db, const char *code, struct staff_kind *out)
{
    struct db_stmt *st = db_prepare(db, STAFF_KIND_SELECT " WHERE code = ?1");
    db_bind_text(st, 1, code);
    return db_read_one(st, staff_kind_read, out);
}

static int staff_kind_get_any(struct db *db, int64_t id, void *out)
{
    return staff_kind_get(db, id, out);
}

static const struct change_kind staff_kind_change = {&staff_kind_record, "staff-kind",
                                                     RIGHT_EDIT_AREAS, staff_kind_get_any};

int staff_kind_save(struct db *db, struct staff_kind *k, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    struct staff_kind before;
    int rc = change_begin(db, &staff_kind_change, actor, k->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(
        db, k->id ? "UPDATE staff_kind SET code = ?1, name = ?2, note = ?3, version = version + 1,"
                    " updated_at = ?4, updated_by = ?5 WHERE id = ?6 AND version = ?7"
                  : "INSERT INTO staff_kind (code, name, note, created_at, created_by, updated_at,"
                    " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)");
    db_bind_text(st, 1, k->code);
    db_bind_text(st, 2, k->name);
    db_bind_text(st, 3, k->note);
    db_bind_text(st, 4, when);
    db_bind_text(st, 5, actor);
    if (k->id) {
        db_bind_int(st, 6, k->id);
        db_bind_int(st, 7, k->version);
    }
    rc = change_save(db, &staff_kind_change, actor, st, &k->id, &k->version, &before);
    if (rc == DB_OK) {
        record_set(&k->updated_at, when);
        record_set(&k->updated_by, actor);
    }
    return rc;
}

int staff_kind_set_retired(struct db *db, struct staff_kind *k, int retired, const char *actor,
                           struct staff_kind *current)
{
    int rc = change_retire(db, &staff_kind_change, actor, "staff_kind", k->id, k->version, retired);
    if (rc == DB_OK) {
        k->retired = retired;
        k->version++;
    } else if (rc == DB_CONFLICT && current && staff_kind_get(db, k->id, current) != DB_OK) {
        record_init(&staff_kind_record, current);
    }
    return rc;
}
