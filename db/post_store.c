/*
** post_store: see post_store.h.
*/
#include "db/post_store.h"
#include "db/change.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/roles.h"
#include "src/search.h"
#include "src/text.h"

#include <stdlib.h>
#include <string.h>

/* --- blocks ---------------------------------------------------------------------------------- */

#define BLOCK_SELECT                                                                               \
    "SELECT x.id, x.code, x.name, x.street_id, s.name, x.retired, x.version, x.updated_at,"        \
    " x.updated_by FROM block x JOIN street s ON s.id = x.street_id"

static void block_read(struct db_stmt *st, void *slot)
{
    struct block *b = slot;
    record_init(&block_record, b);
    b->id = db_col_int(st, 0);
    record_set(&b->code, db_col_text(st, 1));
    record_set(&b->name, db_col_text(st, 2));
    b->street_id = db_col_int(st, 3);
    record_set(&b->street_name, db_col_text(st, 4));
    b->retired = (int)db_col_int(st, 5);
    b->version = db_col_int(st, 6);
    record_set(&b->updated_at, db_col_text(st, 7));
    record_set(&b->updated_by, db_col_text(st, 8));
}

/* The codes of a block's buildings, then its grids, joined by 、 into b->members. */
static int block_members_read(struct db *db, struct block *b)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT code FROM (SELECT 0 AS o, x.code AS code FROM block_building m"
            " JOIN building x ON x.id = m.building_id WHERE m.block_id = ?1"
            " UNION ALL SELECT 1, x.code FROM block_grid m JOIN grid x ON x.id = m.grid_id"
            " WHERE m.block_id = ?1) AS t ORDER BY o, code COLLATE zh");
    db_bind_int(st, 1, b->id);
    struct strlist codes = STRLIST_INIT;
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        strlist_add(&codes, db_col_text(st, 0));
    db_finalize(st);
    record_take(&b->members, strlist_join(&codes, "、"));
    strlist_free(&codes);
    return rc == DB_DONE ? DB_OK : rc;
}

int block_list(struct db *db, const char *query, int with_retired, struct block **out, size_t *n)
{
    char *q = text_normalize(query ? query : "", TEXT_NORM_NOSPACE);
    char *upper = text_normalize(q, TEXT_NORM_UPPER);
    char *keyq = text_ascii_lower(xstrdup(q));
    struct db_stmt *st = db_prepare(
        db, BLOCK_SELECT " WHERE (?1 OR x.retired = 0) AND (?2 = '' OR instr(x.name, ?2) > 0"
                         " OR instr(upper(x.code), ?3) > 0"
                         " OR instr(' ' || x.search_keys, ' ' || ?4) > 0)"
                         " ORDER BY x.code COLLATE zh");
    db_bind_int(st, 1, with_retired);
    db_bind_text(st, 2, q);
    db_bind_text(st, 3, upper);
    db_bind_text(st, 4, keyq);
    int rc;
    *out = db_collect(st, sizeof **out, block_read, n, &rc);
    for (size_t i = 0; rc == DB_OK && i < *n; i++)
        rc = block_members_read(db, &(*out)[i]);
    if (rc != DB_OK) {
        record_array_free(&block_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    free(q);
    free(upper);
    free(keyq);
    return rc;
}

int block_get(struct db *db, int64_t id, struct block *out)
{
    struct db_stmt *st = db_prepare(db, BLOCK_SELECT " WHERE x.id = ?1");
    db_bind_int(st, 1, id);
    int rc = db_read_one(st, block_read, out);
    if (rc == DB_OK && (rc = block_members_read(db, out)) != DB_OK) record_free(&block_record, out);
    return rc;
}

static int block_get_any(struct db *db, int64_t id, void *out)
{
    return block_get(db, id, out);
}

static const struct change_kind block_change = {&block_record, "block", RIGHT_EDIT_AREAS,
                                                block_get_any};

/* The active building (grids 0) or grid (1) of the street with this code, or 0. */
static int64_t block_member_id(struct db *db, int grids, const char *code, int64_t street)
{
    struct db_stmt *st = db_prepare(
        db, grids ? "SELECT g.id FROM grid g JOIN community c ON c.id = g.community_id"
                    " WHERE g.code = ?1 AND c.street_id = ?2 AND g.retired = 0"
                  : "SELECT id FROM building WHERE code = ?1 AND street_id = ?2 AND retired = 0");
    db_bind_text(st, 1, code);
    db_bind_int(st, 2, street);
    int64_t id = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return id;
}

/* Write the block's members anew from its codes. DB_OK, DB_INVALID (*bad: the code) or an error. */
static int block_members_write(struct db *db, const struct block *b, char **bad)
{
    struct db_stmt *st = db_prepare(db, "DELETE FROM block_building WHERE block_id = ?1");
    db_bind_int(st, 1, b->id);
    int rc = db_write_one(db, st, NULL);
    if (rc != DB_OK) return rc;
    st = db_prepare(db, "DELETE FROM block_grid WHERE block_id = ?1");
    db_bind_int(st, 1, b->id);
    if ((rc = db_write_one(db, st, NULL)) != DB_OK) return rc;
    struct strlist codes = STRLIST_INIT;
    text_split_list(b->members, &codes);
    for (size_t i = 0; rc == DB_OK && i < codes.n; i++) {
        int grids = 0;
        int64_t id = block_member_id(db, 0, codes.v[i], b->street_id);
        if (!id && (id = block_member_id(db, 1, codes.v[i], b->street_id))) grids = 1;
        if (!id) {
            if (bad) *bad = xstrdup(codes.v[i]);
            rc = DB_INVALID;
            break;
        }
        st = db_prepare(db, grids ? "INSERT INTO block_grid (grid_id, block_id) VALUES (?1, ?2)"
                                    " ON CONFLICT (grid_id) DO UPDATE SET block_id = ?2"
                                  : "INSERT INTO block_building (building_id, block_id)"
                                    " VALUES (?1, ?2) ON CONFLICT (building_id)"
                                    " DO UPDATE SET block_id = ?2");
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, b->id);
        rc = db_write_one(db, st, NULL);
    }
    strlist_free(&codes);
    return rc;
}

static int street_active(struct db *db, int64_t id)
{
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM street WHERE id = ?1 AND retired = 0");
    db_bind_int(st, 1, id);
    return db_exists(st);
}

int block_save(struct db *db, struct block *b, const char *actor, char **bad)
{
    if (bad) *bad = NULL;
    char when[20];
    clock_format(clock_now(), when);
    struct block before;
    int rc = change_begin(db, &block_change, actor, b->id, &before);
    if (rc != DB_OK) return rc;
    if (!street_active(db, b->street_id) && b->street_id != before.street_id) {
        change_abort(db, &block_change, &before);
        return DB_INVALID;
    }
    char *keys = pinyin_keys(b->name, 0);
    struct db_stmt *st =
        db_prepare(db, b->id ? "UPDATE block SET code = ?1, name = ?2, street_id = ?3,"
                               " search_keys = ?4, version = version + 1, updated_at = ?5,"
                               " updated_by = ?6 WHERE id = ?7 AND version = ?8"
                             : "INSERT INTO block (code, name, street_id, search_keys, created_at,"
                               " created_by, updated_at, updated_by)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)");
    db_bind_text(st, 1, b->code);
    db_bind_text(st, 2, b->name);
    db_bind_int(st, 3, b->street_id);
    db_bind_text(st, 4, keys);
    db_bind_text(st, 5, when);
    db_bind_text(st, 6, actor);
    if (b->id) {
        db_bind_int(st, 7, b->id);
        db_bind_int(st, 8, b->version);
    }
    free(keys);
    int64_t row = b->id;
    rc = db_write_versioned(db, st, &row);
    struct block written = *b;
    written.id = row;
    if (rc == DB_OK) rc = block_members_write(db, &written, bad);
    struct block after;
    if (rc == DB_OK && (rc = block_get(db, row, &after)) == DB_OK) {
        char *subject = change_subject(&block_change, row);
        rc = change_audit(db, &block_change, actor, subject, b->id ? &before : NULL, &after);
        free(subject);
        if (rc == DB_OK) record_set(&b->members, after.members);
        record_free(&block_record, &after);
    }
    record_free(&block_record, &before);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK) {
        b->version = b->id ? b->version + 1 : 1;
        b->id = row;
        record_set(&b->updated_at, when);
        record_set(&b->updated_by, actor);
    }
    return rc;
}

int block_set_retired(struct db *db, struct block *b, int retired, const char *actor)
{
    int rc = change_retire(db, &block_change, actor, "block", b->id, b->version, retired);
    if (rc == DB_OK) {
        b->retired = retired;
        b->version++;
    }
    return rc;
}

/* --- posts ----------------------------------------------------------------------------------- */

#define POST_SELECT                                                                                \
    "SELECT p.id, p.staff_id, s.name, s.phone, p.kind,"                                            \
    " coalesce(p.street_id, p.block_id, p.building_id, p.grid_id),"                                \
    " coalesce(xs.code, xk.code, xb.code, xg.code), coalesce(xs.name, xk.name, xb.name, xg.name)," \
    " p.start_on, p.end_on, p.appointed_by, p.note, coalesce(p.handed_from, 0), p.version,"        \
    " p.updated_at, p.updated_by, sk.name, s.employer FROM post p"                                 \
    " JOIN staff s ON s.id = p.staff_id JOIN staff_kind sk ON sk.id = s.kind_id"                   \
    " LEFT JOIN street xs ON xs.id = p.street_id LEFT JOIN block xk ON xk.id = p.block_id"         \
    " LEFT JOIN building xb ON xb.id = p.building_id LEFT JOIN grid xg ON xg.id = p.grid_id"

static void post_read(struct db_stmt *st, void *slot)
{
    struct post *p = slot;
    record_init(&post_record, p);
    p->id = db_col_int(st, 0);
    p->staff_id = db_col_int(st, 1);
    record_set(&p->staff_name, db_col_text(st, 2));
    record_set(&p->staff_phone, db_col_text(st, 3));
    p->kind = post_kind_parse(db_col_text(st, 4));
    p->place_id = db_col_int(st, 5);
    record_set(&p->place_code, db_col_text(st, 6));
    record_set(&p->place_name, db_col_text(st, 7));
    record_set(&p->start_on, db_col_text(st, 8));
    record_set(&p->end_on, db_col_text(st, 9));
    record_set(&p->appointed_by, db_col_text(st, 10));
    record_set(&p->note, db_col_text(st, 11));
    p->handed_from = db_col_int(st, 12);
    p->version = db_col_int(st, 13);
    record_set(&p->updated_at, db_col_text(st, 14));
    record_set(&p->updated_by, db_col_text(st, 15));
    record_set(&p->staff_kind, db_col_text(st, 16));
    record_set(&p->staff_employer, db_col_text(st, 17));
    record_take(&p->ref, post_ref(p->kind, p->place_code, p->staff_name, p->start_on));
}

int post_list(struct db *db, const struct post_filter *f, struct post **out, size_t *n)
{
    char today[11];
    clock_today(today);
    struct search_query q;
    search_classify(f->query, &q);
    struct strbuf sql = STRBUF_INIT;
    strbuf_adds(&sql, POST_SELECT " WHERE (?1 = '' OR p.kind = ?1)"
                                  " AND (?3 = 0 OR p.staff_id = ?3)"
                                  " AND (?4 = 0 OR (p.start_on <= ?5 AND (p.end_on = ''"
                                  " OR p.end_on > ?5)))"
                                  " AND (?6 OR instr(s.name, ?7) > 0 OR instr(coalesce(xs.name,"
                                  " xk.name, xb.name, xg.name), ?7) > 0"
                                  " OR instr(' ' || s.search_keys, ' ' || ?8) > 0"
                                  " OR instr(' ' || coalesce(xs.search_keys, xk.search_keys,"
                                  " xb.search_keys, xg.search_keys), ' ' || ?8) > 0)");
    if (f->place >= 0 && f->place < PLACE_COUNT)
        strbuf_addf(&sql, f->place_id ? " AND p.%s = ?2" : " AND p.%s IS NOT NULL AND ?2 = 0",
                    post_place_column((enum post_place)f->place));
    strbuf_adds(&sql, " ORDER BY p.end_on <> '', p.end_on DESC, 7 COLLATE zh, p.kind,"
                      " p.start_on DESC, p.id DESC");
    struct db_stmt *st = db_prepare(db, strbuf_str(&sql));
    db_bind_text(st, 1, f->kind >= 0 ? post_kind_info((enum post_kind)f->kind)->code : "");
    db_bind_int(st, 2, f->place_id);
    db_bind_int(st, 3, f->staff_id);
    db_bind_int(st, 4, f->current_only);
    db_bind_text(st, 5, today);
    db_bind_int(st, 6, q.kind == SEARCH_EMPTY);
    db_bind_text(st, 7, q.text);
    db_bind_text(st, 8, q.kind == SEARCH_PINYIN ? q.text : "#");
    int rc;
    *out = db_collect(st, sizeof **out, post_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&post_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    strbuf_free(&sql);
    free(q.text);
    return rc;
}

int post_get(struct db *db, int64_t id, struct post *out)
{
    struct db_stmt *st = db_prepare(db, POST_SELECT " WHERE p.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, post_read, out);
}

static int post_get_any(struct db *db, int64_t id, void *out)
{
    return post_get(db, id, out);
}

static const struct change_kind post_change = {&post_record, "post", RIGHT_EDIT_AREAS,
                                               post_get_any};

/* True when the place of the post's kind exists and is active. */
static int post_place_active(struct db *db, const struct post *p)
{
    enum post_place place = post_kind_info((enum post_kind)p->kind)->place;
    char *sql =
        xasprintf("SELECT 1 FROM %s WHERE id = ?1 AND retired = 0", post_place_table(place));
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, p->place_id);
    int ok = db_exists(st);
    free(sql);
    return ok;
}

static int post_staff_active(struct db *db, int64_t staff_id)
{
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM staff WHERE id = ?1 AND retired = 0");
    db_bind_int(st, 1, staff_id);
    return db_exists(st);
}

/*
** The first other post of p's kind over p's place sharing a day with p
** (for a kind several hold, only the same person's), or 0; -1 on an error.
*/
static int64_t post_clash(struct db *db, const struct post *p)
{
    const struct post_kind_info *k = post_kind_info((enum post_kind)p->kind);
    if (k->several && !p->staff_id) return 0; /* one not on file yet holds nothing */
    char *sql = xasprintf("SELECT id, start_on, end_on FROM post WHERE kind = ?1 AND %s = ?2"
                          " AND id <> ?3 AND (?4 = 0 OR staff_id = ?4) ORDER BY start_on",
                          post_place_column(k->place));
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, k->code);
    db_bind_int(st, 2, p->place_id);
    db_bind_int(st, 3, p->id);
    db_bind_int(st, 4, k->several ? p->staff_id : 0);
    int64_t clash = 0;
    int rc;
    while (!clash && (rc = db_step(st)) == DB_ROW)
        if (post_periods_overlap(p->start_on, p->end_on, db_col_text(st, 1), db_col_text(st, 2)))
            clash = db_col_int(st, 0);
    if (!clash && rc != DB_DONE) clash = -1;
    db_finalize(st);
    free(sql);
    return clash;
}

/*
** The statement reading the post of kind over place_id from start_on whose
** holder matches cond (SQL over ?3, which the caller binds); kind valid.
*/
static struct db_stmt *post_find_prepare(struct db *db, int kind, int64_t place_id,
                                         const char *start_on, const char *cond)
{
    const struct post_kind_info *k = post_kind_info((enum post_kind)kind);
    char *sql = xasprintf(POST_SELECT " WHERE p.kind = ?1 AND p.%s = ?2 AND %s AND p.start_on = ?4"
                                      " ORDER BY p.id LIMIT 1",
                          post_place_column(k->place), cond);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 1, k->code);
    db_bind_int(st, 2, place_id);
    db_bind_text(st, 4, start_on);
    return st;
}

int post_find_of(struct db *db, int kind, int64_t place_id, int64_t staff_id, const char *start_on,
                 struct post *out)
{
    if (kind < 0 || kind >= POST_KIND_COUNT) return DB_NOTFOUND;
    struct db_stmt *st = post_find_prepare(db, kind, place_id, start_on, "p.staff_id = ?3");
    db_bind_int(st, 3, staff_id);
    return db_read_one(st, post_read, out);
}

int post_find_named(struct db *db, int kind, int64_t place_id, const char *name,
                    const char *start_on, struct post *out)
{
    if (kind < 0 || kind >= POST_KIND_COUNT) return DB_NOTFOUND;
    struct db_stmt *st = post_find_prepare(db, kind, place_id, start_on, "s.name = ?3");
    db_bind_text(st, 3, name);
    return db_read_one(st, post_read, out);
}

int post_place_find(struct db *db, int kind, const char *code, int64_t *id)
{
    *id = 0;
    if (kind < 0 || kind >= POST_KIND_COUNT) return DB_NOTFOUND;
    char *sql = xasprintf("SELECT id FROM %s WHERE code = ?1 AND retired = 0",
                          post_place_table(post_kind_info((enum post_kind)kind)->place));
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 1, code);
    int rc = db_step(st);
    if (rc == DB_ROW) *id = db_col_int(st, 0);
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

int64_t post_overlapping(struct db *db, const struct post *p)
{
    return post_clash(db, p);
}

/* The rules a post written keeps, inside the transaction: DB_OK, DB_INVALID (why) or an error. */
static int post_check(struct db *db, const struct post *p, int64_t staff_before,
                      int64_t place_before, struct post_why *why)
{
    why->reason = POST_REFUSED_NONE;
    why->clash = 0;
    if (p->kind < 0 || p->kind >= POST_KIND_COUNT || post_check_dates(p->start_on, p->end_on))
        why->reason = POST_REFUSED_DATES;
    else if (p->place_id != place_before && !post_place_active(db, p))
        why->reason = POST_REFUSED_PLACE;
    else if (p->staff_id != staff_before && !post_staff_active(db, p->staff_id))
        why->reason = POST_REFUSED_STAFF;
    if (why->reason != POST_REFUSED_NONE) return DB_INVALID;
    int64_t clash = post_clash(db, p);
    if (clash < 0) return DB_ERROR;
    if (clash) {
        why->reason = POST_REFUSED_OVERLAP;
        why->clash = clash;
        return DB_INVALID;
    }
    return DB_OK;
}

/* The INSERT or UPDATE of p (not yet run), stamped when by actor. */
static struct db_stmt *post_write_stmt(struct db *db, const struct post *p, const char *when,
                                       const char *actor)
{
    const struct post_kind_info *k = post_kind_info((enum post_kind)p->kind);
    char *sql =
        p->id ? xasprintf("UPDATE post SET staff_id = ?1, kind = ?2, street_id = NULL,"
                          " block_id = NULL, building_id = NULL, grid_id = NULL, %s = ?3,"
                          " start_on = ?4, end_on = ?5, appointed_by = ?6, note = ?7,"
                          " version = version + 1, updated_at = ?9, updated_by = ?10"
                          " WHERE id = ?11 AND version = ?12",
                          post_place_column(k->place))
              : xasprintf("INSERT INTO post (staff_id, kind, %s, start_on, end_on, appointed_by,"
                          " note, handed_from, created_at, created_by, updated_at, updated_by)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
                          post_place_column(k->place));
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_int(st, 1, p->staff_id);
    db_bind_text(st, 2, k->code);
    db_bind_int(st, 3, p->place_id);
    db_bind_text(st, 4, p->start_on);
    db_bind_text(st, 5, p->end_on);
    db_bind_text(st, 6, p->appointed_by);
    db_bind_text(st, 7, p->note);
    if (p->handed_from)
        db_bind_int(st, 8, p->handed_from);
    else
        db_bind_null(st, 8);
    db_bind_text(st, 9, when);
    db_bind_text(st, 10, actor);
    if (p->id) {
        db_bind_int(st, 11, p->id);
        db_bind_int(st, 12, p->version);
    }
    return st;
}

int post_save(struct db *db, struct post *p, const char *actor, struct post_why *why)
{
    char when[20];
    clock_format(clock_now(), when);
    struct post before;
    int rc = change_begin(db, &post_change, actor, p->id, &before);
    if (rc != DB_OK) return rc;
    rc = post_check(db, p, before.staff_id, before.place_id, why);
    if (rc != DB_OK) {
        change_abort(db, &post_change, &before);
        return rc;
    }
    struct db_stmt *st = post_write_stmt(db, p, when, actor);
    rc = change_save(db, &post_change, actor, st, &p->id, &p->version, &before);
    if (rc == DB_OK) {
        record_set(&p->updated_at, when);
        record_set(&p->updated_by, actor);
    }
    return rc;
}

int post_handover(struct db *db, const struct post *old, const char *day, int64_t to_staff,
                  const char *appointed_by, const char *note, const char *actor, int64_t *new_id,
                  struct post_why *why)
{
    why->reason = POST_REFUSED_NONE;
    why->clash = 0;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    struct post now, ended, next;
    rc = post_get(db, old->id, &now);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    if (now.version != old->version) {
        rc = DB_CONFLICT;
    } else if (post_check_handover(now.start_on, now.end_on, day)) {
        why->reason = POST_REFUSED_DATES;
        rc = DB_INVALID;
    } else if (to_staff == now.staff_id) {
        why->reason = POST_REFUSED_STAFF;
        rc = DB_INVALID;
    }
    if (rc == DB_OK) {
        /* The old post ends on the day... */
        record_copy(&post_record, &ended, &now);
        record_set(&ended.end_on, day);
        rc = post_save(db, &ended, actor, why);
        /* ...and the new one starts on it, for the one taking over. */
        if (rc == DB_OK) {
            record_copy(&post_record, &next, &now);
            next.id = 0;
            next.version = 0;
            next.staff_id = to_staff;
            next.handed_from = now.id;
            record_set(&next.start_on, day);
            record_set(&next.end_on, "");
            record_set(&next.appointed_by, appointed_by);
            record_set(&next.note, note);
            rc = post_save(db, &next, actor, why);
            if (rc == DB_OK && new_id) *new_id = next.id;
            record_free(&post_record, &next);
        }
        record_free(&post_record, &ended);
    }
    record_free(&post_record, &now);
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}

int post_holder_on(struct db *db, enum post_kind kind, int64_t place_id, const char *day,
                   struct post *out)
{
    const struct post_kind_info *k = post_kind_info(kind);
    char *sql = xasprintf(POST_SELECT " WHERE p.kind = ?1 AND p.%s = ?2 AND p.start_on <= ?3"
                                      " AND (p.end_on = '' OR p.end_on > ?3)"
                                      " AND p.start_on <> p.end_on ORDER BY p.start_on, p.id",
                          post_place_column(k->place));
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 1, k->code);
    db_bind_int(st, 2, place_id);
    db_bind_text(st, 3, day);
    return db_read_one(st, post_read, out);
}

int post_handovers(struct db *db, const char *from, const char *to, struct post **out, size_t *n,
                   struct post **ended, size_t *nended)
{
    struct db_stmt *st = db_prepare(db, POST_SELECT " WHERE p.handed_from IS NOT NULL"
                                                    " AND p.start_on >= ?1 AND p.start_on <= ?2"
                                                    " ORDER BY p.start_on, 7 COLLATE zh, p.id");
    db_bind_text(st, 1, from);
    db_bind_text(st, 2, to);
    int rc;
    *out = db_collect(st, sizeof **out, post_read, n, &rc);
    if (rc == DB_OK && ended) {
        st = db_prepare(db, POST_SELECT " WHERE p.end_on > ?1 AND p.end_on <= ?2"
                                        " AND NOT EXISTS (SELECT 1 FROM post x"
                                        " WHERE x.handed_from = p.id)"
                                        " ORDER BY p.end_on, 7 COLLATE zh, p.id");
        /* A post ending on a day was held up to the day before: ended within the period. */
        db_bind_text(st, 1, from);
        db_bind_text(st, 2, to);
        *ended = db_collect(st, sizeof **ended, post_read, nended, &rc);
        if (rc != DB_OK) {
            record_array_free(&post_record, *ended, *nended);
            *ended = NULL;
            *nended = 0;
        }
    }
    if (rc != DB_OK) {
        record_array_free(&post_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* --- coverage -------------------------------------------------------------------------------- */

static void coverage_add(struct coverage *c, enum coverage_section s, const char *code,
                         const char *name, char *detail)
{
    c->rows[s] = xrealloc(c->rows[s], (c->n[s] + 1) * sizeof *c->rows[s]);
    struct coverage_row *r = &c->rows[s][c->n[s]++];
    r->code = xstrdup(code);
    r->name = xstrdup(name);
    r->detail = detail;
}

/* Rows of a query of three text columns into section s. */
static int coverage_query(struct db *db, struct coverage *c, enum coverage_section s,
                          const char *sql, const char *day, const char *until, int load)
{
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, day);
    db_bind_text(st, 2, until);
    db_bind_int(st, 3, load);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        char *detail;
        if (s == COVER_OVERLOADED) {
            detail = xasprintf(_("%lld buildings"), (long long)db_col_int(st, 2));
        } else if (s == COVER_ENDING) {
            int kind = post_kind_parse(db_col_text(st, 2));
            char *masked = xstrdup(db_col_text(st, 4));
            text_mask_number(masked, 11, masked);
            detail = xasprintf("%s %s %s %s", kind >= 0 ? _(post_kind_info(kind)->label) : "",
                               db_col_text(st, 3), masked, db_col_text(st, 5));
            free(masked);
        } else {
            detail = xstrdup(db_col_text(st, 2));
        }
        if (s == COVER_OVERLOADED) {
            char *masked = xstrdup(db_col_text(st, 1));
            text_mask_number(masked, 11, masked);
            coverage_add(c, s, masked, db_col_text(st, 0), detail);
            free(masked);
        } else {
            coverage_add(c, s, db_col_text(st, 0), db_col_text(st, 1), detail);
        }
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/* "Held on ?1" for the posts of table p. */
#define HELD "p.start_on <= ?1 AND (p.end_on = '' OR p.end_on > ?1)"

int coverage_read(struct db *db, const char *day, int load, struct coverage *out)
{
    memset(out, 0, sizeof *out);
    struct date d;
    if (date_parse(day, &d) != DATE_OK) return DB_INVALID;
    /* Thirty days on: the day's noon plus 30 × 24 hours, as a local date. */
    struct tm tm = {.tm_year = d.year - 1900,
                    .tm_mon = d.month - 1,
                    .tm_mday = d.day + 30,
                    .tm_hour = 12,
                    .tm_isdst = -1};
    time_t t = mktime(&tm);
    struct date later = date_of(t);
    char until[11];
    date_format(&later, until);
    static const char *const sql[COVER_SECTION_COUNT] = {
        [COVER_BUILDING_NO_CHIEF] =
            "SELECT b.code, b.name, s.name FROM building b JOIN street s ON s.id = b.street_id"
            " WHERE b.retired = 0 AND b.kind = 'commercial' AND NOT EXISTS (SELECT 1 FROM post p"
            " WHERE p.building_id = b.id AND p.kind = 'building_chief' AND " HELD ")"
            " AND ?2 = ?2 AND ?3 = ?3 ORDER BY b.code COLLATE zh",
        [COVER_GRID_NO_WORKER] =
            "SELECT g.code, g.name, c.name FROM grid g JOIN community c ON c.id = g.community_id"
            " WHERE g.retired = 0 AND NOT EXISTS (SELECT 1 FROM post p WHERE p.grid_id = g.id"
            " AND p.kind = 'grid_worker' AND " HELD ") AND ?2 = ?2 AND ?3 = ?3"
            " ORDER BY g.code COLLATE zh",
        [COVER_STREET_NO_CHIEF] =
            "SELECT s.code, s.name, '' FROM street s WHERE s.retired = 0 AND NOT EXISTS"
            " (SELECT 1 FROM post p WHERE p.street_id = s.id AND p.kind = 'street_chief' AND " HELD
            ") AND ?2 = ?2 AND ?3 = ?3 ORDER BY s.code COLLATE zh",
        [COVER_OVERLOADED] =
            "SELECT f.name, f.phone, count(*) FROM post p JOIN staff f ON f.id = p.staff_id"
            " WHERE p.kind = 'building_chief' AND " HELD " AND ?2 = ?2"
            " GROUP BY f.id, f.name, f.phone HAVING count(*) > ?3"
            " ORDER BY count(*) DESC, f.name COLLATE zh",
        [COVER_ENDING] =
            "SELECT coalesce(xs.code, xk.code, xb.code, xg.code),"
            " coalesce(xs.name, xk.name, xb.name, xg.name), p.kind, f.name, f.phone, p.end_on"
            " FROM post p JOIN staff f ON f.id = p.staff_id"
            " LEFT JOIN street xs ON xs.id = p.street_id LEFT JOIN block xk ON xk.id = p.block_id"
            " LEFT JOIN building xb ON xb.id = p.building_id"
            " LEFT JOIN grid xg ON xg.id = p.grid_id"
            " WHERE p.end_on > ?1 AND p.end_on <= ?2 AND p.start_on <= ?1 AND ?3 = ?3"
            " AND NOT EXISTS (SELECT 1 FROM post n WHERE n.handed_from = p.id)"
            " ORDER BY p.end_on, 1 COLLATE zh",
    };
    int rc = DB_OK;
    for (int s = 0; rc == DB_OK && s < COVER_SECTION_COUNT; s++)
        rc = coverage_query(db, out, (enum coverage_section)s, sql[s], day, until, load);
    if (rc != DB_OK) coverage_free(out);
    return rc;
}

void coverage_free(struct coverage *c)
{
    for (int s = 0; s < COVER_SECTION_COUNT; s++) {
        for (size_t i = 0; i < c->n[s]; i++) {
            free(c->rows[s][i].code);
            free(c->rows[s][i].name);
            free(c->rows[s][i].detail);
        }
        free(c->rows[s]);
        c->rows[s] = NULL;
        c->n[s] = 0;
    }
}
