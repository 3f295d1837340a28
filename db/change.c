/*
** change: see change.h.
*/
#include "db/change.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/audit.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

char *change_subject(const struct change_kind *k, int64_t id)
{
    return xasprintf("%s:%lld", k->subject, (long long)id);
}

int change_begin(struct db *db, const struct change_kind *k, const char *actor, int64_t id,
                 void *before)
{
    if (before) memset(before, 0, k->type->size); /* record_free() takes it as it is */
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, k->right);
    if (rc == DB_OK && before) {
        rc = id ? k->get(db, id, before) : DB_NOTFOUND;
        if (rc == DB_NOTFOUND) {
            record_init(k->type, before);
            rc = DB_OK;
        }
    }
    if (rc != DB_OK) {
        db_rollback(db);
        if (before) record_free(k->type, before);
    }
    return rc;
}

void change_abort(struct db *db, const struct change_kind *k, void *before)
{
    db_rollback(db);
    if (before) record_free(k->type, before);
}

int change_audit(struct db *db, const struct change_kind *k, const char *actor, const char *subject,
                 const void *before, const void *after)
{
    char *detail =
        before ? audit_detail_changed(k->type, before, after) : audit_detail_added(k->type, after);
    if (!detail) return DB_OK;
    int rc = audit_append(db, actor, before ? "edit" : "add", subject, detail);
    free(detail);
    return rc;
}

int change_audit_removed(struct db *db, const struct change_kind *k, const char *actor,
                         const char *subject, const void *rec)
{
    char *detail = audit_detail_named(k->type, rec);
    int rc = audit_append(db, actor, "remove", subject, detail);
    free(detail);
    return rc;
}

/* Append the "retire" or "restore" row for rec, which subject names. */
static int change_log_retired(struct db *db, const struct change_kind *k, const char *actor,
                              const char *subject, const void *rec, int retired)
{
    char *detail = audit_detail_named(k->type, rec);
    int rc = audit_append(db, actor, retired ? "retire" : "restore", subject, detail);
    free(detail);
    return rc;
}

/*
** Read row id as written and log how it differs from before (NULL: new);
** a save that retires or restores it (a tag's) says so too.
*/
static int change_log_written(struct db *db, const struct change_kind *k, const char *actor,
                              int64_t id, const void *before)
{
    void *after = xcalloc(1, k->type->size);
    int rc = k->get(db, id, after);
    if (rc == DB_OK) {
        char *subject = change_subject(k, id);
        rc = change_audit(db, k, actor, subject, before, after);
        int64_t was = before ? record_int(k->type, before, "retired") : 0;
        int64_t now = record_int(k->type, after, "retired");
        if (rc == DB_OK && was != now)
            rc = change_log_retired(db, k, actor, subject, after, now != 0);
        free(subject);
        record_free(k->type, after);
    }
    free(after);
    return rc;
}

int change_save(struct db *db, const struct change_kind *k, const char *actor, struct db_stmt *st,
                int64_t *id, int64_t *version, void *before)
{
    int64_t row = *id;
    int rc = db_write_versioned(db, st, &row);
    if (rc == DB_OK) rc = change_log_written(db, k, actor, row, *id ? before : NULL);
    if (before) record_free(k->type, before);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    rc = db_commit(db);
    if (rc == DB_OK) {
        *version = *id ? *version + 1 : 1;
        *id = row;
    }
    return rc;
}

int change_retire(struct db *db, const struct change_kind *k, const char *actor, const char *table,
                  int64_t id, int64_t version, int retired)
{
    int rc = change_begin(db, k, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    rc = db_retire_in(db, table, id, version, retired, actor);
    void *rec = xcalloc(1, k->type->size);
    if (rc == DB_OK && (rc = k->get(db, id, rec)) == DB_OK) {
        char *subject = change_subject(k, id);
        rc = change_log_retired(db, k, actor, subject, rec, retired);
        free(subject);
        record_free(k->type, rec);
    }
    free(rec);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}
