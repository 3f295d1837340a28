/*
** organisation_store: see organisation_store.h.
*/
#include "db/organisation_store.h"
#include "db/audit_store.h"
#include "db/change.h"
#include "db/user_store.h"
#include "src/roles.h"
#include "src/user.h"
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
    char *term, *bound;    /* bound NULL: term is matched exactly */
    char *fragment;        /* a fragment longer than a term: checked in the names; NULL when none */
    struct strlist others; /* the fragment's other pieces: an organisation must have each */
};

/* Most of a long fragment's other pieces a search checks in the keys (the name is checked too). */
#define PLAN_OTHERS_MAX 6

static void plan_free(struct term_plan *p)
{
    free(p->term);
    free(p->bound);
    free(p->fragment);
    strlist_free(&p->others);
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
        /*
        ** A long fragment: the rarest of its pieces, then the names checked.
        ** Each piece is counted only as far as the rarest so far.
        */
        int64_t fewest = 2000;
        for (size_t i = 0; i < terms.n && fewest != 0; i++) {
            int64_t n = term_count(db, terms.v[i], fewest);
            if (n < fewest || i == 0) {
                fewest = n;
                best = i;
            }
        }
        plan->fragment = text_drop_dots(q->text);
        for (size_t i = 0; i < terms.n && plan->others.n < PLAN_OTHERS_MAX; i++)
            if (i != best) strlist_add(&plan->others, terms.v[i]);
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
** The SQL of a search over every organisation or a building's (?4; 0:
** any), through their own index in name order: the rows (?6 of them) or,
** when count, how many (up to ?5); with those that moved out when ?3; a
** plan's term (?1, ?2) and fragment (?7) narrow it; a building chief's
** (?8; 0: anyone) sees their buildings' alone. (A search of the whole
** register by a term reads the keys instead: search_keys().)
*/
static char *search_sql(const struct term_plan *p, int count)
{
    char *term = p->term
                     ? xasprintf(" AND o.id IN (SELECT k.organisation_id FROM organisation_key"
                                 " k WHERE %s)%s",
                                 plan_condition(p), p->fragment ? " AND instr(o.name, ?7) > 0" : "")
                     : xstrdup("");
    char *inner = xasprintf("SELECT o.id, o.rank FROM organisation o WHERE (?3 OR"
                            " o.moved_out = '') AND (?4 = 0 OR o.building_id = ?4) AND (?8 = 0"
                            " OR o.building_id IN (SELECT building_id FROM user_building"
                            " WHERE user_id = ?8))%s"
                            " ORDER BY o.rank, o.id LIMIT %s",
                            term, count ? "?5" : "?6");
    char *sql = count ? xasprintf("SELECT count(*) FROM (%s)", inner)
                      : xasprintf("SELECT " ORG_COLUMNS " FROM (%s) m JOIN organisation o"
                                  " ON o.id = m.id LEFT JOIN building b ON b.id = o.building_id"
                                  " ORDER BY m.rank, m.id",
                                  inner);
    free(term);
    free(inner);
    return sql;
}

static struct db_stmt *search_prepare(struct db *db, const struct term_plan *p, int64_t chief_id,
                                      int64_t building_id, int with_moved_out, size_t limit,
                                      int count)
{
    char *sql = search_sql(p, count);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    if (p->term) db_bind_text(st, 1, p->term);
    if (p->bound) db_bind_text(st, 2, p->bound);
    db_bind_int(st, 3, with_moved_out);
    db_bind_int(st, 4, building_id);
    db_bind_int(st, 5, ORGANISATION_COUNT_CAP + 1);
    if (!count) db_bind_int(st, 6, (int64_t)limit);
    if (p->fragment) db_bind_text(st, 7, p->fragment);
    db_bind_int(st, 8, chief_id);
    return st;
}

/* A match of the keys: its organisation's rank and id. */
struct match {
    int64_t rank, id;
};

static void match_read(struct db_stmt *st, void *slot)
{
    struct match *m = slot;
    m->rank = db_col_int(st, 0);
    m->id = db_col_int(st, 1);
}

static int match_cmp(const void *pa, const void *pb)
{
    const struct match *a = pa, *b = pb;
    return a->rank != b->rank ? (a->rank > b->rank) - (a->rank < b->rank)
                              : (a->id > b->id) - (a->id < b->id);
}

/*
** A search through the keys, read once: the matches (at most the cap and
** one) counted and put in name order, then the first limit of them read
** whole.
*/
static int search_keys(struct db *db, const struct term_plan *p, int with_moved_out, size_t limit,
                       struct organisation_hits *out)
{
    /*
    ** A long fragment: the organisations filed under its rarest piece that
    ** are filed under its other pieces too (read in the keys alone), then
    ** their names checked.
    */
    struct strbuf others = STRBUF_INIT;
    for (size_t i = 0; i < p->others.n; i++)
        strbuf_addf(&others,
                    " AND EXISTS (SELECT 1 FROM organisation_key k2 WHERE k2.term = ?%zu"
                    " AND k2.rank = k.rank AND k2.organisation_id = k.organisation_id)",
                    8 + i);
    const char *cond = plan_condition(p);
    char *sql = p->fragment ? xasprintf("SELECT k.rank, k.organisation_id"
                                        " FROM organisation_key k JOIN organisation o"
                                        " ON o.id = k.organisation_id WHERE %s AND (?3 OR"
                                        " k.gone = 0)%s AND instr(o.name, ?7) > 0 LIMIT ?5",
                                        cond, strbuf_str(&others))
                            : xasprintf("SELECT %sk.rank, k.organisation_id"
                                        " FROM organisation_key k WHERE %s AND (?3 OR"
                                        " k.gone = 0) LIMIT ?5",
                                        p->bound ? "DISTINCT " : "", cond);
    strbuf_free(&others);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 1, p->term);
    if (p->bound) db_bind_text(st, 2, p->bound);
    db_bind_int(st, 3, with_moved_out);
    db_bind_int(st, 5, ORGANISATION_COUNT_CAP + 1);
    if (p->fragment) db_bind_text(st, 7, p->fragment);
    for (size_t i = 0; i < p->others.n; i++)
        db_bind_text(st, 8 + (int)i, p->others.v[i]);
    size_t n;
    int rc;
    struct match *m = db_collect(st, sizeof *m, match_read, &n, &rc);
    if (rc == DB_OK) {
        if (n) qsort(m, n, sizeof *m, match_cmp);
        out->more = n > ORGANISATION_COUNT_CAP;
        out->total = out->more ? ORGANISATION_COUNT_CAP : (int64_t)n;
        size_t take = n < limit ? n : limit;
        out->items = take ? xcalloc(take, sizeof *out->items) : NULL;
        st = db_prepare(db, ORG_SELECT " WHERE o.id = ?1");
        for (size_t i = 0; i < take && rc == DB_OK; i++) {
            db_reset(st);
            db_bind_int(st, 1, m[i].id);
            rc = db_step(st);
            if (rc == DB_ROW) {
                org_read(st, &out->items[out->n++]);
                rc = DB_OK;
            }
        }
        db_finalize(st);
    }
    free(m);
    return rc;
}

/* The rows and count of one plan (chief_id: a building chief's, bounded to their buildings). */
static int search_run(struct db *db, const struct term_plan *plan, int64_t chief_id,
                      int64_t building_id, int with_moved_out, size_t limit,
                      struct organisation_hits *out)
{
    int rc;
    if (plan->term && !building_id && !chief_id) {
        rc = search_keys(db, plan, with_moved_out, limit, out);
    } else {
        struct db_stmt *st =
            search_prepare(db, plan, chief_id, building_id, with_moved_out, limit, 0);
        out->items = db_collect(st, sizeof *out->items, org_read, &out->n, &rc);
        if (rc == DB_OK) {
            st = search_prepare(db, plan, chief_id, building_id, with_moved_out, limit, 1);
            rc = db_step(st);
            if (rc == DB_ROW) {
                out->total = db_col_int(st, 0);
                out->more = out->total > ORGANISATION_COUNT_CAP;
                if (out->more) out->total = ORGANISATION_COUNT_CAP;
                rc = DB_OK;
            }
            db_finalize(st);
        }
    }
    if (rc != DB_OK) {
        record_array_free(&organisation_record, out->items, out->n);
        memset(out, 0, sizeof *out);
    }
    return rc;
}

/* An organisation found, with its sort rank (pinyin order). */
struct ranked {
    int64_t rank;
    struct organisation o;
};

static int ranked_cmp(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    return a->rank != b->rank ? (a->rank > b->rank) - (a->rank < b->rank)
                              : (a->o.id > b->o.id) - (a->o.id < b->o.id);
}

/*
** b's organisations into a, each once, in name order, the first limit
** kept; b's count added (those found twice once). b is emptied.
*/
static void hits_merge(struct organisation_hits *a, struct organisation_hits *b, size_t limit)
{
    size_t n = a->n + b->n, k = 0, twice = 0;
    struct ranked *v = xcalloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; i < a->n; i++)
        v[k++] = (struct ranked){organisation_rank(a->items[i].name), a->items[i]};
    for (size_t i = 0; i < b->n; i++) {
        int seen = 0;
        for (size_t j = 0; j < a->n && !seen; j++)
            seen = a->items[j].id == b->items[i].id;
        if (seen) {
            record_free(&organisation_record, &b->items[i]);
            twice++;
        } else {
            v[k++] = (struct ranked){organisation_rank(b->items[i].name), b->items[i]};
        }
    }
    qsort(v, k, sizeof *v, ranked_cmp);
    free(a->items);
    free(b->items);
    a->n = k < limit ? k : limit;
    a->items = a->n ? xcalloc(a->n, sizeof *a->items) : NULL;
    for (size_t i = 0; i < k; i++)
        if (i < a->n)
            a->items[i] = v[i].o;
        else
            record_free(&organisation_record, &v[i].o);
    free(v);
    a->total += b->total - (int64_t)twice;
    a->more = a->more || b->more;
    if (a->total > ORGANISATION_COUNT_CAP) {
        a->total = ORGANISATION_COUNT_CAP;
        a->more = 1;
    }
    memset(b, 0, sizeof *b);
}

int organisation_search(struct db *db, const char *query, const char *scope_of, int64_t building_id,
                        int with_moved_out, size_t limit, struct organisation_hits *out)
{
    memset(out, 0, sizeof *out);
    int64_t chief_id;
    int rc = user_building_scope(db, scope_of, &chief_id);
    if (rc != DB_OK) return rc;
    struct organisation_query q;
    organisation_query_of(query, &q);
    struct term_plan plan;
    plan_of(db, &q, &plan);
    rc = search_run(db, &plan, chief_id, building_id, with_moved_out, limit, out);
    plan_free(&plan);
    /* Digits are a piece of a credit code, or the last digits of a contact's phone. */
    char *phone = rc == DB_OK ? organisation_query_phone_term(&q) : NULL;
    if (phone) {
        memset(&plan, 0, sizeof plan);
        plan.term = phone;
        plan.bound = search_prefix_bound(phone);
        struct organisation_hits also;
        memset(&also, 0, sizeof also);
        rc = search_run(db, &plan, chief_id, building_id, with_moved_out, limit, &also);
        if (rc == DB_OK) hits_merge(out, &also, limit);
        plan_free(&plan);
    }
    if (rc == DB_OK && out->n == 0 && q.kind == ORG_QUERY_PINYIN) {
        /* Letters that are no pinyin may be a piece of a credit code (MAQ). */
        q.kind = ORG_QUERY_CODE;
        for (char *c = q.text; *c; c++)
            if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
        plan_of(db, &q, &plan);
        rc = search_run(db, &plan, chief_id, building_id, with_moved_out, limit, out);
        plan_free(&plan);
    }
    free(q.text);
    return rc;
}

int organisation_all(struct db *db, const char *scope_of, struct organisation **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int64_t chief_id;
    int rc = user_building_scope(db, scope_of, &chief_id);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        db_prepare(db, ORG_SELECT " WHERE ?1 = 0 OR o.building_id IN (SELECT"
                                  " building_id FROM user_building WHERE user_id = ?1)"
                                  " ORDER BY o.rank, o.id");
    db_bind_int(st, 1, chief_id);
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

int organisation_code_by_name(struct db *db, const char *name, int64_t building_id, char **code)
{
    *code = NULL;
    struct db_stmt *st = db_prepare(db, "SELECT ifnull(credit_code, '') FROM organisation"
                                        " WHERE name = ?1 AND ifnull(building_id, 0) = ?2"
                                        " ORDER BY id LIMIT 2");
    db_bind_text(st, 1, name);
    db_bind_int(st, 2, building_id);
    int rc, rows = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        rows++;
        free(*code);
        *code = db_col_dup(st, 0);
    }
    db_finalize(st);
    if (rc == DB_DONE && rows == 1 && **code) return DB_OK;
    free(*code);
    *code = NULL;
    return rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* --- writing --------------------------------------------------------------------------------- */

static void bind_or_null(struct db_stmt *st, int i, const char *s)
{
    if (*s)
        db_bind_text(st, i, s);
    else
        db_bind_null(st, i);
}

/* What keys_write() does to each key of an organisation. */
enum keys_op { KEYS_ADD, KEYS_REMOVE, KEYS_MARK };

/* What an organisation is filed under (organisation_terms()), and how it sorts and stands. */
struct filed {
    char *name, *code, *contact, *phone;
    int64_t rank;
    int gone; /* it moved out */
};

static void filed_free(struct filed *f)
{
    free(f->name);
    free(f->code);
    free(f->contact);
    free(f->phone);
}

/* An organisation as filed, its strings borrowed from o. */
static struct filed filed_of(const struct organisation *o, int64_t rank)
{
    return (struct filed){o->name,          o->credit_code, o->contact_name,
                          o->contact_phone, rank,           *o->moved_out != '\0'};
}

/* The same filing: its keys stay as they are. */
static int filed_same(const struct filed *a, const struct filed *b)
{
    return str_eq(a->name, b->name) && str_eq(a->code, b->code) && str_eq(a->contact, b->contact) &&
           str_eq(a->phone, b->phone) && a->gone == b->gone;
}

/*
** Add (with f->gone), remove or mark (gone: it moved out or back) the keys
** of organisation id filed as f.
*/
static int keys_write(struct db *db, int64_t id, const struct filed *f, enum keys_op op)
{
    static const char *const sql[] = {
        [KEYS_ADD] = "INSERT OR IGNORE INTO organisation_key (term, rank, organisation_id, gone)"
                     " VALUES (?1, ?2, ?3, ?4)",
        [KEYS_REMOVE] = "DELETE FROM organisation_key WHERE term = ?1 AND rank = ?2"
                        " AND organisation_id = ?3 AND ?4 IN (0, 1)",
        [KEYS_MARK] = "UPDATE organisation_key SET gone = ?4 WHERE term = ?1 AND rank = ?2"
                      " AND organisation_id = ?3",
    };
    struct strlist terms = STRLIST_INIT;
    organisation_terms(f->name, f->code, f->contact, f->phone, &terms);
    int rc = DB_DONE;
    struct db_stmt *st = db_prepare(db, sql[op]);
    for (size_t i = 0; i < terms.n && rc == DB_DONE; i++) {
        db_reset(st);
        db_bind_text(st, 1, terms.v[i]);
        db_bind_int(st, 2, f->rank);
        db_bind_int(st, 3, id);
        db_bind_int(st, 4, f->gone);
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

/* Organisation id as filed now, at this version (to take its old keys away); free with
 * filed_free(). */
static int old_keys(struct db *db, int64_t id, int64_t version, struct filed *out)
{
    memset(out, 0, sizeof *out);
    struct db_stmt *st = db_prepare(db, "SELECT name, ifnull(credit_code, ''), contact_name,"
                                        " contact_phone, rank, moved_out <> '' FROM organisation"
                                        " WHERE id = ?1 AND version = ?2");
    db_bind_int(st, 1, id);
    db_bind_int(st, 2, version);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        out->name = db_col_dup(st, 0);
        out->code = db_col_dup(st, 1);
        out->contact = db_col_dup(st, 2);
        out->phone = db_col_dup(st, 3);
        out->rank = db_col_int(st, 4);
        out->gone = (int)db_col_int(st, 5);
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
    struct filed now = filed_of(o, organisation_rank(o->name)), was;
    memset(&was, 0, sizeof was);
    if (o->id) rc = old_keys(db, o->id, o->version, &was);
    int rekey = !o->id || (rc == DB_OK && !filed_same(&was, &now));
    if (rc == DB_OK && o->id && rekey) rc = keys_write(db, o->id, &was, KEYS_REMOVE);
    filed_free(&was);
    if (rc != DB_OK) return rc;
    int64_t rank = now.rank;
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
    rc = rekey ? keys_write(db, id, &now, KEYS_ADD) : DB_OK;
    if (rc != DB_OK) return rc;
    if (!o->id) o->id = id;
    return DB_OK;
}

static int org_get_any(struct db *db, int64_t id, void *out)
{
    return organisation_get(db, id, out);
}

/* Organisations are the areas' (the supervisor's), and a building chief's in their buildings. */
static const struct change_kind org_change = {&organisation_record, "organisation",
                                              RIGHT_EDIT_AREAS, org_get_any};

/*
** DB_OK when actor may change an organisation in building_id: a role that
** edits areas, or one that logs visits (a building chief: to their own
** buildings only). DB_DENIED or an error.
*/
static int org_allowed(struct db *db, const char *actor, int64_t building_id)
{
    int rc = user_allowed(db, actor, RIGHT_EDIT_AREAS);
    if (rc != DB_DENIED) return rc;
    if ((rc = user_allowed(db, actor, RIGHT_LOG_VISITS)) != DB_OK) return rc;
    return user_building_allowed(db, actor, building_id);
}

int organisation_clash(struct db *db, const struct organisation *o, struct organisation *other,
                       const char **field)
{
    *field = "credit_code";
    int rc = DB_NOTFOUND;
    if (*o->credit_code) {
        struct db_stmt *st = db_prepare(db, ORG_SELECT " WHERE o.credit_code = ?1 AND o.id <> ?2");
        db_bind_text(st, 1, o->credit_code);
        db_bind_int(st, 2, o->id);
        rc = db_read_one(st, org_read, other);
    }
    if (rc != DB_NOTFOUND || *o->moved_out) return rc;
    /* A name is registered once: the same name in the same building is the same organisation. */
    *field = "name";
    struct db_stmt *st = db_prepare(db, ORG_SELECT " WHERE o.building_id IS ?1 AND o.name = ?2"
                                                   " AND o.moved_out = '' AND o.id <> ?3 LIMIT 1");
    if (o->building_id)
        db_bind_int(st, 1, o->building_id);
    else
        db_bind_null(st, 1);
    db_bind_text(st, 2, o->name);
    db_bind_int(st, 3, o->id);
    return db_read_one(st, org_read, other);
}

/*
** Inside the transaction: DB_DUPLICATE when o, new, given its name or
** building now or back from moving out (before: as it was), has the name
** of another in its building. (Two on file so already are left so.)
*/
static int name_free(struct db *db, const struct organisation *o, const struct organisation *before)
{
    int back_in = before && *before->moved_out && !*o->moved_out;
    if (before && str_eq(before->name, o->name) && before->building_id == o->building_id &&
        !back_in)
        return DB_OK;
    struct organisation other;
    const char *field;
    int rc = organisation_clash(db, o, &other, &field);
    if (rc == DB_OK) record_free(&organisation_record, &other);
    return rc == DB_OK && str_eq(field, "name") ? DB_DUPLICATE : rc == DB_NOTFOUND ? DB_OK : rc;
}

int organisation_save(struct db *db, struct organisation *o, const char *actor)
{
    char when[20];
    clock_format(clock_now(), when);
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    int64_t was = o->id;
    struct organisation before;
    record_init(&organisation_record, &before);
    if (was) {
        record_free(&organisation_record, &before);
        rc = organisation_get(db, was, &before);
    }
    if (rc == DB_OK) rc = org_allowed(db, actor, o->building_id);
    if (rc == DB_OK && was && before.building_id != o->building_id)
        rc = org_allowed(db, actor, before.building_id);
    if (rc == DB_OK) rc = name_free(db, o, was ? &before : NULL);
    if (rc == DB_OK) rc = save_in(db, o, actor, when);
    if (rc == DB_OK) {
        char *subject = change_subject(&org_change, o->id);
        rc = change_audit(db, &org_change, actor, subject, was ? &before : NULL, o);
        free(subject);
    }
    record_free(&organisation_record, &before);
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
    rc = org_allowed(db, actor, o->building_id);
    if (rc == DB_OK && !*day) {
        /* Back in: not while another of its name is in its building. */
        struct organisation back;
        record_copy(&organisation_record, &back, o);
        record_set(&back.moved_out, "");
        rc = name_free(db, &back, NULL);
        record_free(&organisation_record, &back);
    }
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
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
        struct filed f;
        rc = old_keys(db, o->id, o->version + 1, &f);
        if (rc == DB_OK) rc = keys_write(db, o->id, &f, KEYS_MARK);
        filed_free(&f);
    }
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

int organisation_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                        const char *actor)
{
    char subject[40];
    snprintf(subject, sizeof subject, "organisation:%lld", (long long)id);
    return audit_reveal(db, actor, subject, field, reason);
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
        struct filed f = filed_of(&v[i], rank);
        rc = keys_write(db, v[i].id, &f, KEYS_ADD);
        rc = rc == DB_OK ? DB_DONE : rc;
    }
    return rc == DB_DONE ? DB_OK : rc;
}

int organisation_refile(struct db *db)
{
    struct db_stmt *st = db_prepare(db, "SELECT id, name, ifnull(credit_code, ''), contact_name,"
                                        " contact_phone, rank, moved_out <> '' FROM organisation");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct filed f = {db_col_dup(st, 1), db_col_dup(st, 2), db_col_dup(st, 3),
                          db_col_dup(st, 4), db_col_int(st, 5), (int)db_col_int(st, 6)};
        rc = keys_write(db, db_col_int(st, 0), &f, KEYS_ADD);
        filed_free(&f);
        if (rc != DB_OK) break;
    }
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}
