/*
** staff_store: see staff_store.h.
*/
#include "db/staff_store.h"
#include "db/change.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/roles.h"
#include "src/search.h"
#include "src/text.h"

#include <stdlib.h>
#include <string.h>

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

int staff_kind_named(struct db *db, const char *text, struct staff_kind *out)
{
    struct db_stmt *st =
        db_prepare(db, STAFF_KIND_SELECT
                   " WHERE (name = ?1 OR code = ?1) AND retired = 0 ORDER BY name = ?1 DESC");
    db_bind_text(st, 1, text);
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

/* --- staff ----------------------------------------------------------------------------------- */

#define STAFF_SELECT                                                                               \
    "SELECT s.id, s.name, s.phone, s.kind_id, k.name, s.employer, coalesce(u.login, ''),"          \
    " s.retired, s.version, s.updated_at, s.updated_by"                                            \
    " FROM staff s JOIN staff_kind k ON k.id = s.kind_id LEFT JOIN user u ON u.id = s.user_id"

static void staff_read(struct db_stmt *st, void *slot)
{
    struct staff *s = slot;
    record_init(&staff_record, s);
    s->id = db_col_int(st, 0);
    record_set(&s->name, db_col_text(st, 1));
    record_set(&s->phone, db_col_text(st, 2));
    s->kind_id = db_col_int(st, 3);
    record_set(&s->kind_name, db_col_text(st, 4));
    record_set(&s->employer, db_col_text(st, 5));
    record_set(&s->login, db_col_text(st, 6));
    s->retired = (int)db_col_int(st, 7);
    s->version = db_col_int(st, 8);
    record_set(&s->updated_at, db_col_text(st, 9));
    record_set(&s->updated_by, db_col_text(st, 10));
}

int staff_list(struct db *db, const char *query, int with_retired, size_t limit, struct staff **out,
               size_t *n)
{
    struct search_query q;
    search_classify(query, &q);
    char *rev = q.kind == SEARCH_DIGITS ? search_reverse(q.text) : xstrdup("");
    char *bound = *rev ? search_prefix_bound(rev) : xstrdup("");
    /* '#' is in no name's keys: a part of the query that does not apply matches nothing. */
    struct db_stmt *st =
        db_prepare(db, STAFF_SELECT " WHERE (?1 OR s.retired = 0) AND (?7 OR instr(s.name, ?2) > 0"
                                    " OR instr(' ' || s.search_keys, ' ' || ?3) > 0"
                                    " OR (?4 <> '' AND s.phone_rev >= ?4 AND s.phone_rev < ?5))"
                                    " ORDER BY s.name COLLATE zh, s.id LIMIT ?6");
    db_bind_int(st, 1, with_retired);
    db_bind_text(st, 2, q.kind == SEARCH_DIGITS ? "#" : q.text);
    db_bind_text(st, 3, q.kind == SEARCH_PINYIN ? q.text : "#");
    db_bind_text(st, 4, rev);
    db_bind_text(st, 5, bound);
    db_bind_int(st, 6, limit ? (int64_t)limit : -1);
    db_bind_int(st, 7, q.kind == SEARCH_EMPTY);
    int rc;
    *out = db_collect(st, sizeof **out, staff_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&staff_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    free(q.text);
    free(rev);
    free(bound);
    return rc;
}

int staff_get(struct db *db, int64_t id, struct staff *out)
{
    struct db_stmt *st = db_prepare(db, STAFF_SELECT " WHERE s.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, staff_read, out);
}

int staff_find(struct db *db, const char *name, const char *phone, struct staff *out)
{
    struct db_stmt *st = db_prepare(
        db, STAFF_SELECT " WHERE s.name = ?1 AND s.phone = ?2 AND s.retired = 0 ORDER BY s.id");
    db_bind_text(st, 1, name);
    db_bind_text(st, 2, phone);
    return db_read_one(st, staff_read, out);
}

static int staff_get_any(struct db *db, int64_t id, void *out)
{
    return staff_get(db, id, out);
}

static const struct change_kind staff_change = {&staff_record, "staff", RIGHT_EDIT_AREAS,
                                                staff_get_any};

/* The id of the active kind, or 0. */
static int staff_kind_active(struct db *db, int64_t kind_id)
{
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM staff_kind WHERE id = ?1 AND retired = 0");
    db_bind_int(st, 1, kind_id);
    return db_exists(st);
}

/* The user with this login (0: none asked for), or -1 when there is none. */
static int64_t staff_user_id(struct db *db, const char *login)
{
    if (!*login) return 0;
    struct db_stmt *st = db_prepare(db, "SELECT id FROM user WHERE login = ?1");
    db_bind_text(st, 1, login);
    int64_t id = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
    db_finalize(st);
    return id;
}

int staff_save(struct db *db, struct staff *s, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    struct staff before;
    int rc = change_begin(db, &staff_change, actor, s->id, &before);
    if (rc != DB_OK) return rc;
    int64_t user = staff_user_id(db, s->login);
    if (user < 0 || (!staff_kind_active(db, s->kind_id) && s->kind_id != before.kind_id)) {
        change_abort(db, &staff_change, &before);
        return DB_INVALID;
    }
    char *keys = pinyin_keys(s->name, PINYIN_PERSON);
    char *rev = search_reverse(s->phone);
    struct db_stmt *st = db_prepare(
        db, s->id ? "UPDATE staff SET name = ?1, phone = ?2, phone_rev = ?3, kind_id = ?4,"
                    " employer = ?5, user_id = ?6, search_keys = ?7, version = version + 1,"
                    " updated_at = ?8, updated_by = ?9 WHERE id = ?10 AND version = ?11"
                  : "INSERT INTO staff (name, phone, phone_rev, kind_id, employer, user_id,"
                    " search_keys, created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)");
    db_bind_text(st, 1, s->name);
    db_bind_text(st, 2, s->phone);
    db_bind_text(st, 3, rev);
    db_bind_int(st, 4, s->kind_id);
    db_bind_text(st, 5, s->employer);
    if (user)
        db_bind_int(st, 6, user);
    else
        db_bind_null(st, 6);
    db_bind_text(st, 7, keys);
    db_bind_text(st, 8, when);
    db_bind_text(st, 9, actor);
    if (s->id) {
        db_bind_int(st, 10, s->id);
        db_bind_int(st, 11, s->version);
    }
    free(keys);
    free(rev);
    rc = change_save(db, &staff_change, actor, st, &s->id, &s->version, &before);
    if (rc == DB_OK) {
        record_set(&s->updated_at, when);
        record_set(&s->updated_by, actor);
    }
    return rc;
}

int staff_set_retired(struct db *db, struct staff *s, int retired, const char *actor,
                      struct staff *current)
{
    int rc = change_retire(db, &staff_change, actor, "staff", s->id, s->version, retired);
    if (rc == DB_OK) {
        s->retired = retired;
        s->version++;
    } else if (rc == DB_CONFLICT && current && staff_get(db, s->id, current) != DB_OK) {
        record_init(&staff_record, current);
    }
    return rc;
}
