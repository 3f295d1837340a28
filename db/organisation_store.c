/*
** organisation_store: see organisation_store.h.
*/
#include "db/organisation_store.h"
#include "db/audit_store.h"
#include "src/clock.h"
#include "src/search.h"
#include "src/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ORG_COLUMNS                                                                                \
    "o.id, o.name, ifnull(o.credit_code, ''), ifnull(o.building_id, 0), ifnull(b.name, ''),"       \
    " o.floor, o.room, o.industry, o.contact_name, o.contact_phone, o.employees,"                  \
    " o.party_members, o.party_org, o.stability, o.moved_in, o.moved_out, o.version,"              \
    " o.updated_at, o.updated_by"
#define ORG_FROM   " FROM organisation o LEFT JOIN building b ON b.id = o.building_id"
#define ORG_SELECT "SELECT " ORG_COLUMNS ORG_FROM

static void org_read(struct db_stmt *st, void *slot)
{
    struct organisation *o = slot;
    record_init(&organisation_record, o);
    o->id = db_col_int(st, 0);
    record_set(&o->name, db_col_text(st, 1));
    record_set(&o->credit_code, db_col_text(st, 2));
    o->building_id = db_col_int(st, 3);
    record_set(&o->building_name, db_col_text(st, 4));
    record_set(&o->floor, db_col_text(st, 5));
    record_set(&o->room, db_col_text(st, 6));
    record_set(&o->industry, db_col_text(st, 7));
    record_set(&o->contact_name, db_col_text(st, 8));
    record_set(&o->contact_phone, db_col_text(st, 9));
    o->employees = db_col_int(st, 10);
    o->party_members = db_col_int(st, 11);
    record_set(&o->party_org, db_col_text(st, 12));
    record_set(&o->stability, db_col_text(st, 13));
    record_set(&o->moved_in, db_col_text(st, 14));
    record_set(&o->moved_out, db_col_text(st, 15));
    o->retired = *o->moved_out != '\0';
    o->version = db_col_int(st, 16);
    record_set(&o->updated_at, db_col_text(st, 17));
    record_set(&o->updated_by, db_col_text(st, 18));
}

/* --- search ---------------------------------------------------------------------------------- */

/*
** The term a search reads, as its condition on organisation_key k (?1, and
** ?2 for a prefix's bound), and the name check of a long fragment (?7).
*/
struct term_plan {
    char *term, *bound; /* bound NULL: term is matched exactly */
    char *fragment;     /* a fragment longer than a term: checked in the names; NULL when none */
};

static void plan_free(struct term_plan *p)
{
    free(p->term);
    free(p->bound);
    free(p->fragment);
}

/* How many organisations a term holds, counted up to cap. */
static int64_t term_count(struct db *db, const char *term, int64_t cap)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT count(*) FROM (SELECT 1 FROM organisation_key WHERE term = ?1 LIMIT ?2)");
    db_bind_text(st, 1, term);
    db_bind_int(st, 2, cap);
    int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : cap;
    db_finalize(st);
    return n;
}

/* The term to read for q (plan->term NULL: every organisation). */
static void plan_of(struct db *db, const struct organisation_query *q, struct term_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    struct strlist terms = STRLIST_INIT;
    int prefix;
    organisation_query_terms(q, &terms, &prefix);
    if (!terms.n) return;
    size_t best = 0;
    if (terms.n > 1) {
        /* A long fragment: the rarest of its pieces, then the names checked. */
        int64_t fewest = -1;
        for (size_t i = 0; i < terms.n && fewest != 0; i++) {
            int64_t n = term_count(db, terms.v[i], 200);
            if (fewest < 0 || n < fewest) {
                fewest = n;
                best = i;
            }
        }
        plan->fragment = text_drop_dots(q->text);
    }
    plan->term = xstrdup(terms.v[best]);
    if (prefix) plan->bound = search_prefix_bound(plan->term);
    strlist_free(&terms);
}

/* The condition on organisation_key k for a plan. */
static const char *plan_condition(const struct term_plan *p)
{
    return p->bound ? "k.term >= ?1 AND k.term < ?2" : "k.term = ?1";
}

/*
** The SQL of a search: the ids that match (capped at ?5), and from them the
** rows in name order (?6 of them) or, when count, how many. ?3: with those
** that moved out; ?4: the building (0: any).
*/
static char *search_sql(const struct term_plan *p, int64_t building_id, int count)
{
    const char *check = p->fragment ? " AND instr(o.name, ?7) > 0" : "";
    const char *head = count ? "SELECT count(*)" ORG_FROM : ORG_SELECT;
    const char *tail = count ? "" : " ORDER BY o.rank, o.id LIMIT ?6";
    if (!p->term)
        return xasprintf("%s WHERE (?3 OR o.moved_out = '') AND (?4 = 0 OR o.building_id = ?4)"
                         " AND o.id IN (SELECT id FROM organisation o WHERE"
                         " (?3 OR o.moved_out = '') AND (?4 = 0 OR o.building_id = ?4)"
                         " ORDER BY o.rank, o.id LIMIT ?5)%s",
                         head, tail);
    if (building_id)
        return xasprintf("%s WHERE o.building_id = ?4 AND (?3 OR o.moved_out = '')%s"
                         " AND o.id IN (SELECT k.organisation_id FROM organisation_key k WHERE %s)"
                         "%s%s",
                         head, check, plan_condition(p), count ? " LIMIT ?5" : "", tail);
    return xasprintf("%s WHERE o.id IN (SELECT %sk.organisation_id FROM organisation_key k"
                     " JOIN organisation o ON o.id = k.organisation_id"
                     " WHERE %s AND (?3 OR o.moved_out = '')%s LIMIT ?5)%s",
                     head, p->bound ? "DISTINCT " : "", plan_condition(p), check, tail);
}

static struct db_stmt *search_prepare(struct db *db, const struct term_plan *p, int64_t building_id,
                                      int with_moved_out, size_t limit, int count)
{
    char *sql = search_sql(p, building_id, count);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    if (p->term) db_bind_text(st, 1, p->term);
    if (p->bound) db_bind_text(st, 2, p->bound);
    db_bind_int(st, 3, with_moved_out);
    db_bind_int(st, 4, building_id);
    db_bind_int(st, 5, ORGANISATION_COUNT_CAP + 1);
    if (!count) db_bind_int(st, 6, (int64_t)limit);
    if (p->fragment) db_bind_text(st, 7, p->fragment);
    return st;
}

int organisation_search(struct db *db, const char *query, int64_t building_id, int with_moved_out,
                        size_t limit, struct organisation_hits *out)
{
    memset(out, 0, sizeof *out);
    struct organisation_query q;
    organisation_query_of(query, &q);
    struct term_plan plan;
    plan_of(db, &q, &plan);
    free(q.text);
    int rc;
    struct db_stmt *st = search_prepare(db, &plan, building_id, with_moved_out, limit, 0);
    out->items = db_collect(st, sizeof *out->items, org_read, &out->n, &rc);
    if (rc == DB_OK) {
        st = search_prepare(db, &plan, building_id, with_moved_out, limit, 1);
        rc = db_step(st);
        if (rc == DB_ROW) {
            out->total = db_col_int(st, 0);
            out->more = out->total > ORGANISATION_COUNT_CAP;
            if (out->more) out->total = ORGANISATION_COUNT_CAP;
            rc = DB_OK;
        }
        db_finalize(st);
    }
    plan_free(&plan);
    if (rc != DB_OK) {
        record_array_free(&organisation_record, out->items, out->n);
        memset(out, 0, sizeof *out);
    }
    return rc;
}

int organisation_all(struct db *db, struct organisation **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, ORG_SELECT " ORDER BY o.rank, o.id");
    int rc;
    *out = db_collect(st, sizeof **out, org_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&organisation_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int organisation_get(struct db *db, int64_t id, struct organisation *out)
{
    struct db_stmt *st = db_prepare(db, ORG_SELECT " WHERE o.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, org_read, out);
}

int organisation_find_code(struct db *db, const char *credit_code, struct organisation *out)
{
    struct db_stmt *st = db_prepare(db, ORG_SELECT " WHERE o.credit_code = ?1");
    db_bind_text(st, 1, credit_code);
    return db_read_one(st, org_read, out);
}

int organisation_find_name(struct db *db, const char *name, int64_t building_id,
                           struct organisation *out)
{
    struct db_stmt *st = db_prepare(db, ORG_SELECT " WHERE o.name = ?1 AND o.credit_code IS NULL"
                                                   " AND ifnull(o.building_id, 0) = ?2"
                                                   " ORDER BY o.id LIMIT 1");
    db_bind_text(st, 1, name);
    db_bind_int(st, 2, building_id);
    return db_read_one(st, org_read, out);
}

/* --- writing --------------------------------------------------------------------------------- */

static void bind_or_null(struct db_stmt *st, int i, const char *s)
{
    if (*s)
        db_bind_text(st, i, s);
    else
        db_bind_null(st, i);
}

/* Add (or remove) the keys of an organisation with this name, code and rank. */
static int keys_write(struct db *db, int64_t id, const char *name, const char *code, int64_t rank,
                      int add)
{
    struct strlist terms = STRLIST_INIT;
    organisation_terms(name, code, &terms);
    int rc = DB_DONE;
    struct db_stmt *st =
        db_prepare(db, add ? "INSERT OR IGNORE INTO organisation_key (term, rank, organisation_id)"
                             " VALUES (?1, ?2, ?3)"
                           : "DELETE FROM organisation_key WHERE term = ?1 AND rank = ?2"
                             " AND organisation_id = ?3");
    for (size_t i = 0; i < terms.n && rc == DB_DONE; i++) {
        db_reset(st);
        db_bind_text(st, 1, terms.v[i]);
        db_bind_int(st, 2, rank);
        db_bind_int(st, 3, id);
        rc = db_step(st);
    }
    db_finalize(st);
    strlist_free(&terms);
    return rc == DB_DONE ? DB_OK : rc;
}

/* The building is on file and active (0: none is fine). */
static int building_active(struct db *db, int64_t building_id)
{
    if (!building_id) return DB_OK;
    struct db_stmt *st = db_prepare(db, "SELECT retired FROM building WHERE id = ?1");
    db_bind_int(st, 1, building_id);
    int rc = db_step(st);
    int ok = rc == DB_ROW && db_col_int(st, 0) == 0;
    db_finalize(st);
    return rc == DB_ROW || rc == DB_DONE ? (ok ? DB_OK : DB_INVALID) : rc;
}

/* The name, code and rank stored for id (to take its old keys away). */
static int old_keys(struct db *db, int64_t id, int64_t version, char **name, char **code,
                    int64_t *rank)
{
    struct db_stmt *st = db_prepare(db, "SELECT name, ifnull(credit_code, ''), rank"
                                        " FROM organisation WHERE id = ?1 AND version = ?2");
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, version);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *name = db_col_dup(st, 0);
        *code = db_col_dup(st, 1);
        *rank = db_col_int(st, 2);
        rc = DB_OK;
    } else if (rc == DB_DONE) {
        rc = DB_CONFLICT;
    }
    db_finalize(st);
    return rc;
}

static void bind_row(struct db_stmt *st, const struct organisation *o, int64_t rank)
{
    db_bind_text(st, 1, o->name);
    bind_or_null(st, 2, o->credit_code);
    if (o->building_id)
        db_bind_int(st, 3, o->building_id);
    else
        db_bind_null(st, 3);
    db_bind_text(st, 4, o->floor);
    db_bind_text(st, 5, o->room);
    db_bind_text(st, 6, o->industry);
    db_bind_text(st, 7, o->contact_name);
    db_bind_text(st, 8, o->contact_phone);
    db_bind_int(st, 9, o->employees);
    db_bind_int(st, 10, o->party_members);
    db_bind_text(st, 11, o->party_org);
    db_bind_text(st, 12, o->stability);
    db_bind_text(st, 13, o->moved_in);
    db_bind_text(st, 14, o->moved_out);
    db_bind_int(st, 15, rank);
}

#define ORG_INSERT                                                                                 \
    "INSERT INTO organisation (name, credit_code, building_id, floor, room, industry,"             \
    " contact_name, contact_phone, employees, party_members, party_org, stability, moved_in,"      \
    " moved_out, rank, created_at, created_by, updated_at, updated_by)"                            \
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?16,"    \
    " ?17)"
#define ORG_UPDATE                                                                                 \
    "UPDATE organisation SET name = ?1, credit_code = ?2, building_id = ?3, floor = ?4,"           \
    " room = ?5, industry = ?6, contact_name = ?7, contact_phone = ?8, employees = ?9,"            \
    " party_members = ?10, party_org = ?11, stability = ?12, moved_in = ?13, moved_out = ?14,"     \
    " rank = ?15, version = version + 1, updated_at = ?16, updated_by = ?17"                       \
    " WHERE id = ?18 AND version = ?19"

/* The row and, when its name or code changed, its keys; inside the caller's transaction. */
static int save_in(struct db *db, struct organisation *o, const char *actor, const char *when)
{
    int rc = building_active(db, o->building_id);
    if (rc != DB_OK) return rc;
    int64_t rank = organisation_rank(o->name), old_rank = 0;
    char *old_name = NULL, *old_code = NULL;
    if (o->id) rc = old_keys(db, o->id, o->version, &old_name, &old_code, &old_rank);
    int rekey = !o->id ||
                (rc == DB_OK && (!str_eq(old_name, o->name) || !str_eq(old_code, o->credit_code)));
    if (rc == DB_OK && o->id && rekey) rc = keys_write(db, o->id, old_name, old_code, old_rank, 0);
    free(old_name);
    free(old_code);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(db, o->id ? ORG_UPDATE : ORG_INSERT);
    bind_row(st, o, rank);
    db_bind_text(st, 16, when);
    db_bind_text(st, 17, actor);
    if (o->id) {
        db_bind_int(st, 18, o->id);
        db_bind_int(st, 19, o->version);
    }
    rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc;
    if (o->id && db_changes(db) == 0) return DB_CONFLICT;
    int64_t id = o->id ? o->id : db_last_id(db);
    rc = rekey ? keys_write(db, id, o->name, o->credit_code, rank, 1) : DB_OK;
    if (rc != DB_OK) return rc;
    char subject[40];
    snprintf(subject, sizeof subject, "organisation:%lld", (long long)id);
    char *detail = *o->credit_code ? xasprintf("%s %s", o->credit_code, o->name) : xstrdup(o->name);
    rc = audit_append(db, actor, o->id ? "organisation-edit" : "organisation-add", subject, detail);
    free(detail);
    if (rc == DB_OK && !o->id) o->id = id;
    return rc;
}

int organisation_save(struct db *db, struct organisation *o, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    int64_t was = o->id;
    rc = save_in(db, o, actor, when);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc != DB_OK) {
        o->id = was;
        return rc;
    }
    o->version = was ? o->version + 1 : 1;
    o->retired = *o->moved_out != '\0';
    record_set(&o->updated_at, when);
    record_set(&o->updated_by, actor);
    return DB_OK;
}

int organisation_set_moved_out(struct db *db, struct organisation *o, const char *day,
                               const char *actor, struct organisation *current)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        db_prepare(db, "UPDATE organisation SET moved_out = ?1, version = version + 1,"
                       " updated_at = ?2, updated_by = ?3 WHERE id = ?4 AND version = ?5");
    db_bind_text(st, 1, day);
    db_bind_text(st, 2, when);
    db_bind_text(st, 3, actor);
    db_bind_int(st, 4, o->id);
    db_bind_int(st, 5, o->version);
    rc = db_step(st);
    db_finalize(st);
    rc = rc != DB_DONE ? rc : db_changes(db) ? DB_OK : DB_CONFLICT;
    if (rc == DB_OK) {
        char subject[40];
        snprintf(subject, sizeof subject, "organisation:%lld", (long long)o->id);
        char *detail = xasprintf("%s %s", o->name, day);
        rc = audit_append(db, actor, *day ? "organisation-moved-out" : "organisation-returned",
                          subject, detail);
        free(detail);
    }
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_OK) {
        record_set(&o->moved_out, day);
        o->retired = *day != '\0';
        o->version++;
        record_set(&o->updated_at, when);
        record_set(&o->updated_by, actor);
    } else if (rc == DB_CONFLICT && current && organisation_get(db, o->id, current) != DB_OK) {
        record_init(&organisation_record, current);
    }
    return rc;
}

int organisation_building_find(struct db *db, const char *code_or_name, int64_t *id, char **name)
{
    *id = 0;
    *name = NULL;
    struct db_stmt *st = db_prepare(db, "SELECT id, name, code = ?1 FROM building"
                                        " WHERE retired = 0 AND (code = ?1 OR name = ?1)"
                                        " ORDER BY code = ?1 DESC, id LIMIT 2");
    db_bind_text(st, 1, code_or_name);
    int rc, found = 0, by_code = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        if (!found) {
            *id = db_col_int(st, 0);
            *name = db_col_dup(st, 1);
            by_code = (int)db_col_int(st, 2);
        }
        found++;
    }
    db_finalize(st);
    if (rc != DB_DONE) {
        free(*name);
        *name = NULL;
        *id = 0;
        return rc;
    }
    if (found > 1 && !by_code) {
        free(*name);
        *name = NULL;
        *id = 0;
        return DB_INVALID;
    }
    return found ? DB_OK : DB_NOTFOUND;
}

int organisation_counts(struct db *db, int64_t *active, int64_t *moved_out)
{
    struct db_stmt *st = db_prepare(db, "SELECT total(moved_out = ''), total(moved_out <> '')"
                                        " FROM organisation");
    int rc = db_step(st);
    *active = rc == DB_ROW ? (int64_t)db_col_real(st, 0) : 0;
    *moved_out = rc == DB_ROW ? (int64_t)db_col_real(st, 1) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

int organisation_bulk_add(struct db *db, struct organisation *v, size_t n, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = DB_DONE;
    for (size_t i = 0; i < n && rc == DB_DONE; i++) {
        int64_t rank = organisation_rank(v[i].name);
        struct db_stmt *st = db_prepare(db, ORG_INSERT);
        bind_row(st, &v[i], rank);
        db_bind_text(st, 16, when);
        db_bind_text(st, 17, actor);
        rc = db_step(st);
        db_finalize(st);
        if (rc != DB_DONE) break;
        v[i].id = db_last_id(db);
        v[i].version = 1;
        rc = keys_write(db, v[i].id, v[i].name, v[i].credit_code, rank, 1);
        rc = rc == DB_OK ? DB_DONE : rc;
    }
    return rc == DB_DONE ? DB_OK : rc;
}
