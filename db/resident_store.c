/*
** resident_store: see resident_store.h.
*/
#include "db/resident_store.h"
#include "db/name_keys.h"
#include "db/change.h"
#include "db/name_search.h"
#include "db/postings.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/search.h"
#include "src/text.h"
#include "src/i18n.h"
#include "src/roles.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
** When a resident was registered or last changed, as text, from the column
** of seconds col (db/migrations/025_resident_smaller.sql): a time kept as
** its text is read as it is.
*/
#define RESIDENT_TIME(col)                                                                         \
    " CASE WHEN typeof(r." col ") = 'integer'"                                                     \
    " THEN strftime('%Y-%m-%d %H:%M:%S', r." col ", 'unixepoch') ELSE r." col " END"

/* The columns every read returns, in this order (see row_read()). */
// clang-format off
#define RESIDENT_SELECT                                                                            \
    "SELECT r.id, r.name, r.gender, r.ethnicity, r.birth_date, coalesce(r.id_number, ''),"         \
    " r.phone, r.landline, coalesce(r.community_id, 0), coalesce(c.name, r.community_text),"       \
    " coalesce(r.grid_id, 0), coalesce(g.name, r.grid_text), r.address, coalesce(r.head_id, 0),"   \
    " coalesce(h.name, ''), r.relation, r.note, r.version,"                                        \
    RESIDENT_TIME("created_s") ", r.created_by," RESIDENT_TIME("updated_s") ", r.updated_by,"      \
    " coalesce((SELECT group_concat(t.name, '、') FROM resident_tag rt JOIN tag t"                \
    " ON t.id = rt.tag_id WHERE rt.resident_id = r.id AND t.sensitive <= ?9), ''),"                \
    " r.status, r.status_date, r.status_place, coalesce(r.merged_into, 0)"                         \
    " FROM resident r LEFT JOIN community c ON c.id = r.community_id"                              \
    " LEFT JOIN grid g ON g.id = r.grid_id LEFT JOIN resident h ON h.id = r.head_id"
// clang-format on

/* ?9 of RESIDENT_SELECT: which tags to read. */
#define TAGS_PUBLIC 0
#define TAGS_ALL    1

static void row_read(struct db_stmt *st, struct resident *r, int offset)
{
    int c = offset;
    resident_init(r);
    r->id = db_col_int(st, c++);
    record_set(&r->name, db_col_text(st, c++));
    const char *g = db_col_text(st, c++);
    r->gender = *g == 'M' || *g == 'F' ? *g : 0;
    record_set(&r->ethnicity, db_col_text(st, c++));
    record_set(&r->birth_date, db_col_text(st, c++));
    record_set(&r->id_number, db_col_text(st, c++));
    record_set(&r->phone, db_col_text(st, c++));
    record_set(&r->landline, db_col_text(st, c++));
    r->community_id = db_col_int(st, c++);
    record_set(&r->community, db_col_text(st, c++));
    r->grid_id = db_col_int(st, c++);
    record_set(&r->grid, db_col_text(st, c++));
    record_set(&r->address, db_col_text(st, c++));
    r->head_id = db_col_int(st, c++);
    record_set(&r->head_name, db_col_text(st, c++));
    record_set(&r->relation, db_col_text(st, c++));
    record_set(&r->note, db_col_text(st, c++));
    r->version = db_col_int(st, c++);
    record_set(&r->created_at, db_col_text(st, c++));
    record_set(&r->created_by, db_col_text(st, c++));
    record_set(&r->updated_at, db_col_text(st, c++));
    record_set(&r->updated_by, db_col_text(st, c++));
    record_set(&r->tags, db_col_text(st, c++));
    record_set(&r->status, db_col_text(st, c++));
    record_set(&r->status_date, db_col_text(st, c++));
    record_set(&r->status_place, db_col_text(st, c++));
    r->merged_into = db_col_int(st, c++);
}

/*
** A resident's address with its wide dashes (—— － — –) as '-', as
** resident_normalize_address() stores them now: one stored before is found
** by a filter typed either way.
*/
#define ADDRESS_DASHED                                                                             \
    "replace(replace(replace(replace(r.address, '\xE2\x80\x94\xE2\x80\x94', '-'),"                 \
    " '\xEF\xBC\x8D', '-'), '\xE2\x80\x94', '-'), '\xE2\x80\x93', '-')"

/*
** Which residents a search keeps (struct resident_filter), as ?10 .. ?15
** of a statement reading RESIDENT_SELECT (bound by filter_bind()).
*/
#define RESIDENT_FILTER                                                                            \
    " (?10 OR r.status = '') AND (?11 IS NULL OR EXISTS (SELECT 1 FROM resident_tag ft"            \
    " JOIN tag fg ON fg.id = ft.tag_id WHERE ft.resident_id = r.id AND fg.name = ?11))"            \
    " AND (?12 IS NULL OR r.community_id = ?12) AND (?13 IS NULL OR r.grid_id = ?13)"              \
    " AND (?14 IS NULL OR instr(" ADDRESS_DASHED ", ?14) > 0)"                                     \
    " AND (?15 = 0 OR EXISTS (SELECT 1 FROM request fq WHERE fq.resident_id = r.id))"

/* The filter every search of the desk applies unless told otherwise: those on the register. */
static const struct resident_filter present_only = {0};

static void filter_bind(struct db_stmt *st, const struct resident_filter *f)
{
    db_bind_int(st, 10, f->all);
    if (!str_empty(f->tag))
        db_bind_text(st, 11, f->tag);
    else
        db_bind_null(st, 11);
    if (f->community_id)
        db_bind_int(st, 12, f->community_id);
    else
        db_bind_null(st, 12);
    if (f->grid_id)
        db_bind_int(st, 13, f->grid_id);
    else
        db_bind_null(st, 13);
    char *address = str_empty(f->address) ? NULL : resident_normalize_address(f->address);
    db_bind_text(st, 14, address); /* NULL: any */
    free(address);
    db_bind_int(st, 15, f->with_requests);
}

int resident_filter_narrows(const struct resident_filter *f)
{
    return f && (!str_empty(f->tag) || f->community_id || f->grid_id || !str_empty(f->address));
}

void resident_hits_free(struct resident_hits *h)
{
    record_array_free(&resident_record, h->items, h->n);
    memset(h, 0, sizeof *h);
}

/* Replace the numbers of a listed record by their masked forms. */
static void mask(struct resident *r)
{
    record_take(&r->id_number, resident_masked_id(r->id_number));
    record_take(&r->phone, resident_masked_phone(r->phone));
}

/* Append the rows of a prepared search (RESIDENT_SELECT columns first) not yet in out, up to limit.
 */
static int collect(struct db_stmt *st, size_t limit, struct resident_hits *out)
{
    int rc = DB_DONE;
    while (out->n < limit && (rc = db_step(st)) == DB_ROW) {
        int64_t id = db_col_int(st, 0);
        int seen = 0;
        for (size_t i = 0; i < out->n && !seen; i++)
            seen = out->items[i].id == id;
        if (seen) continue;
        out->items = xrealloc(out->items, (out->n + 1) * sizeof *out->items);
        row_read(st, &out->items[out->n], 0);
        mask(&out->items[out->n]);
        out->n++;
    }
    if (out->n >= limit) return DB_OK;
    return rc == DB_DONE ? DB_OK : rc;
}

/* Say how many match: n, capped at RESIDENT_COUNT_CAP, and never fewer than were fetched. */
static void hits_set_total(struct resident_hits *out, int64_t n)
{
    out->more = n > RESIDENT_COUNT_CAP;
    out->total = out->more ? RESIDENT_COUNT_CAP : (size_t)n;
    if (out->total < out->n) out->total = out->n;
}

/* Add resident id to out (once), through get: RESIDENT_SELECT " WHERE r.id = ?1". */
static int fetch_one(struct db_stmt *get, int64_t id, struct resident_hits *out)
{
    db_bind_int(get, 1, id);
    db_bind_int(get, 9, TAGS_PUBLIC);
    int rc = collect(get, out->n + 1, out);
    db_reset(get);
    return rc;
}

/*
** The residents whose phone reversed is in ?1 .. ?2 (WHAT of each: its id,
** or 1 to count them): those in resident_phone, in its order, then those
** of a load whose phones are not filed there yet (from the id in
** RESIDENT_PHONE_UNFILED on, while one runs: read from their rows, as
** they come in). An id may come twice.
*/
#define PHONE_IDS(what)                                                                            \
    "SELECT " what " FROM resident_phone WHERE rev >= ?1 AND rev < ?2 UNION ALL SELECT "           \
    "id FROM resident WHERE id >= " PHONE_UNFILED_FROM " AND phone_rev >= ?1 AND phone_rev < ?2"

/* The first id of a load whose phones are not in resident_phone yet; NULL when none runs. */
#define PHONE_UNFILED_FROM                                                                         \
    "(SELECT CAST(nullif(value, '') AS INTEGER) FROM meta WHERE key = '" RESIDENT_PHONE_UNFILED "')"

/* The residents with a phone in ?1 .. ?2 in name order. */
#define PHONE_IDS_SORTED                                                                           \
    "SELECT id FROM resident WHERE id IN (" PHONE_IDS("resident_id") ") ORDER BY rank, id"

/* Where the residents' search reads (db/name_search.h). */
static const struct name_register resident_register = {
    .postings = POSTINGS_RESIDENTS,
    .name_rank = "SELECT name, rank FROM resident WHERE id = ?1",
    .digits = {{"SELECT id FROM resident WHERE id_rev >= ?1 AND id_rev < ?2 ORDER BY rank, id",
                "SELECT id FROM resident WHERE id_rev >= ?1 AND id_rev < ?2 ORDER BY id_rev",
                "SELECT 1 FROM resident WHERE id_rev >= ?1 AND id_rev < ?2", 1},
               {PHONE_IDS_SORTED, PHONE_IDS("resident_id"), PHONE_IDS("1"), 1}},
    .ndigits = 2,
    .cap = RESIDENT_COUNT_CAP,
};

/* Taking the residents the search names into a page, through the filter. */
struct take {
    struct db_stmt *get; /* RESIDENT_SELECT " WHERE r.id = ?1 AND" RESIDENT_FILTER */
    struct resident_hits *out;
    size_t limit;
    size_t tried, tries; /* those looked at; the most to look at (0: no bound) */
};

static int take_visit(void *ctx, int64_t id, int *full)
{
    struct take *t = ctx;
    int rc = fetch_one(t->get, id, t->out);
    *full = t->out->n >= t->limit || (t->tries && ++t->tried >= t->tries);
    return rc;
}

/*
** Those who raised a request among everyone a search names: looked for
** among this many times the page at most (two letters of pinyin name tens
** of thousands at district scale, each looked up).
*/
#define WITH_REQUESTS_TRIES 20

/* What was typed, through the shared search engine. */
static int search_typed(struct db *db, const struct search_query *q, size_t limit,
                        const struct resident_filter *filter, struct resident_hits *out)
{
    struct take t = {db_prepare(db, RESIDENT_SELECT " WHERE r.id = ?1 AND" RESIDENT_FILTER), out,
                     limit, 0, filter->with_requests ? limit * WITH_REQUESTS_TRIES : 0};
    filter_bind(t.get, filter);
    int64_t total = 0;
    int rc = limit ? name_search_run(db, &resident_register, q, take_visit, &t, &total) : DB_OK;
    db_finalize(t.get);
    hits_set_total(out, total);
    return rc;
}

/* Nothing typed: the residents registered last, or, filtered for a visit, by grid and address. */
static int search_recent(struct db *db, size_t limit, const struct resident_filter *filter,
                         struct resident_hits *out)
{
    int narrows = resident_filter_narrows(filter);
    struct db_stmt *st = db_prepare(
        db, narrows ? RESIDENT_SELECT " WHERE" RESIDENT_FILTER
                                      " ORDER BY r.grid_id, r.address, r.rank, r.id LIMIT ?1"
                    : RESIDENT_SELECT " WHERE" RESIDENT_FILTER " ORDER BY r.id DESC LIMIT ?1");
    db_bind_int(st, 1, (int64_t)limit);
    db_bind_int(st, 9, TAGS_PUBLIC);
    filter_bind(st, filter);
    int rc = collect(st, limit, out);
    db_finalize(st);
    int64_t all = 0;
    int crc = DB_OK;
    if (narrows || filter->all) {
        st = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM resident r WHERE" RESIDENT_FILTER
                            " LIMIT ?1)");
        db_bind_int(st, 1, RESIDENT_COUNT_CAP + 1);
        filter_bind(st, filter);
        crc = db_step(st) == DB_ROW ? DB_OK : DB_ERROR;
        if (crc == DB_OK) all = db_col_int(st, 0);
        db_finalize(st);
    } else {
        /* Every resident on the register: kept in the tally, never counted here, and exact (the
         * home screen's figure, not "more than 1000"). */
        struct resident_tally t;
        crc = resident_tally_read(db, &t);
        all = t.n[RESIDENT_PRESENT];
        out->more = 0;
        out->total = all > (int64_t)out->n ? (size_t)all : out->n;
        return rc != DB_OK ? rc : crc;
    }
    hits_set_total(out, all);
    return rc != DB_OK ? rc : crc;
}

int resident_search(struct db *db, const char *query, size_t limit, struct resident_hits *out)
{
    return resident_search_filtered(db, query, limit, NULL, out);
}

int resident_search_filtered(struct db *db, const char *query, size_t limit,
                             const struct resident_filter *filter, struct resident_hits *out)
{
    struct search_query q;
    memset(out, 0, sizeof *out);
    if (!filter) filter = &present_only;
    search_classify(query, &q);
    int rc = q.kind == SEARCH_EMPTY ? search_recent(db, limit, filter, out)
                                    : search_typed(db, &q, limit, filter, out);
    /* Fewer found than asked for is all there is (the counts of the search keys include those
     * the filter leaves out, and a count stops at RESIDENT_COUNT_CAP). */
    if (rc == DB_OK && out->n < limit) {
        out->total = out->n;
        out->more = 0;
    }
    free(q.text);
    if (rc != DB_OK) resident_hits_free(out);
    return rc;
}

/* The resident sql (RESIDENT_SELECT, its WHERE) finds by text, or by id when text is NULL. */
static int get_where(struct db *db, const char *sql, const char *text, int64_t id,
                     struct resident *out)
{
    struct db_stmt *st = db_prepare(db, sql);
    if (text)
        db_bind_text(st, 1, text);
    else
        db_bind_int(st, 1, id);
    db_bind_int(st, 9, TAGS_ALL);
    int rc = db_step(st);
    if (rc == DB_ROW) row_read(st, out, 0);
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

int resident_get(struct db *db, int64_t id, struct resident *out)
{
    return get_where(db, RESIDENT_SELECT " WHERE r.id = ?1", NULL, id, out);
}

int resident_get_by_id_number(struct db *db, const char *id_number, struct resident *out)
{
    char *rev = search_reverse(id_number);
    int rc = get_where(db, RESIDENT_SELECT " WHERE r.id_rev = ?1", rev, 0, out);
    free(rev);
    return rc;
}

int resident_each(struct db *db, int with_sensitive, const struct resident_filter *filter,
                  int (*visit)(void *ctx, const struct resident *r), void *ctx)
{
    static const struct resident_filter every = {.all = 1};
    struct db_stmt *st = db_prepare(db, RESIDENT_SELECT
                                    " WHERE" RESIDENT_FILTER
                                    " ORDER BY r.community_id, r.grid_id, r.address, r.rank, r.id");
    db_bind_int(st, 9, with_sensitive ? TAGS_ALL : TAGS_PUBLIC);
    filter_bind(st, filter ? filter : &every);
    int rc, go = 1;
    while (go && (rc = db_step(st)) == DB_ROW) {
        struct resident r;
        row_read(st, &r, 0);
        go = visit(ctx, &r);
        resident_free(&r);
    }
    db_finalize(st);
    return !go || rc == DB_DONE ? DB_OK : rc;
}

int resident_sample(struct db *db, size_t max, resident_sample_visit visit, void *ctx)
{
    int64_t all;
    int rc = resident_count(db, &all);
    if (rc != DB_OK) return rc;
    int64_t step = all > (int64_t)max ? all / (int64_t)max + 1 : 1;
    struct db_stmt *st =
        db_prepare(db, "SELECT id, name, phone FROM resident WHERE id % ?1 = 0 LIMIT ?2");
    db_bind_int(st, 1, step);
    db_bind_int(st, 2, (int64_t)max);
    while ((rc = db_step(st)) == DB_ROW)
        visit(ctx, db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2));
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_count(struct db *db, int64_t *n)
{
    return db_count(db, "SELECT count(*) FROM resident", n);
}

int resident_merges_astray(struct db *db,
                           void (*visit)(void *ctx, int64_t id, const char *name,
                                         enum merge_damage what),
                           void *ctx)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT r.id, r.name, ?1 FROM resident r LEFT JOIN resident t ON t.id = r.merged_into"
            " WHERE r.status = 'merged' AND (t.id IS NULL OR t.id = r.id)"
            " UNION ALL SELECT r.id, r.name, ?2 FROM resident r JOIN resident t"
            " ON t.id = r.merged_into WHERE r.status = 'merged' AND t.status = 'merged'"
            " AND t.id <> r.id"
            " UNION ALL SELECT id, name, ?3 FROM resident WHERE status <> 'merged'"
            " AND merged_into IS NOT NULL"
            " UNION ALL SELECT r.id, r.name, ?4 FROM resident r WHERE r.status = 'merged'"
            " AND EXISTS (SELECT 1 FROM request q WHERE q.resident_id = r.id)"
            " UNION ALL SELECT r.id, r.name, ?5 FROM resident r WHERE r.status = 'merged'"
            " AND EXISTS (SELECT 1 FROM resident m WHERE m.head_id = r.id AND m.id <> r.id"
            " AND m.status <> 'merged') ORDER BY 1, 3");
    db_bind_int(st, 1, MERGE_NO_TARGET);
    db_bind_int(st, 2, MERGE_INTO_MERGED);
    db_bind_int(st, 3, MERGE_NOT_MERGED);
    db_bind_int(st, 4, MERGE_KEEPS_REQUESTS);
    db_bind_int(st, 5, MERGE_HEADS_HOUSEHOLD);
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        visit(ctx, db_col_int(st, 0), db_col_text(st, 1), (enum merge_damage)db_col_int(st, 2));
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_household(struct db *db, int64_t head_id, struct resident_hits *out)
{
    memset(out, 0, sizeof *out);
    struct db_stmt *st =
        db_prepare(db, RESIDENT_SELECT " WHERE r.head_id = ?1 AND r.status <> 'merged'"
                                       " ORDER BY r.id <> ?1, r.rank, r.id LIMIT ?2");
    db_bind_int(st, 1, head_id);
    db_bind_int(st, 2, 100);
    db_bind_int(st, 9, TAGS_PUBLIC);
    int rc = collect(st, 100, out);
    db_finalize(st);
    out->total = out->n;
    return rc;
}

/*
** A resident's time (YYYY-MM-DD HH:MM:SS, local) as the row keeps it: the seconds that text names
** read as UTC (4 bytes instead of 19 characters; RESIDENT_TIME() gives the text back), or
** the text itself when it is not exactly such a time.
*/
void resident_stamp_of(const char *when, struct resident_stamp *out)
{
    struct tm tm = {0};
    char back[32];
    out->when = when;
    out->secs = 0;
    out->exact = 0;
    if (sscanf(when, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
               &tm.tm_min, &tm.tm_sec) == 6) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        time_t t = timegm(&tm);
        struct tm again;
        if (t != (time_t)-1 && gmtime_r(&t, &again) &&
            strftime(back, sizeof back, "%Y-%m-%d %H:%M:%S", &again) && strcmp(back, when) == 0) {
            out->secs = (int64_t)t;
            out->exact = 1;
        }
    }
}

/* Bind a stamp's time; its text (when not exact) is copied unless keep. */
static void bind_stamp(struct db_stmt *st, int i, const struct resident_stamp *when, int keep)
{
    if (when->exact)
        db_bind_int(st, i, when->secs);
    else if (keep)
        db_bind_text_static(st, i, when->when, strlen(when->when));
    else
        db_bind_text(st, i, when->when);
}

/* Bind a time given as text (resident_stamp_of()). */
static void bind_time(struct db_stmt *st, int i, const char *when)
{
    struct resident_stamp stamp;
    resident_stamp_of(when, &stamp);
    bind_stamp(st, i, &stamp, 0);
}

static void bind_id_or_null(struct db_stmt *st, int i, int64_t id)
{
    if (id)
        db_bind_int(st, i, id);
    else
        db_bind_null(st, i);
}

/* Replace a resident's tags by the names in tags (joined by 、); unknown names become tags. */
static int tags_set(struct db *db, int64_t id, const char *tags, const char *actor,
                    const char *when)
{
    struct db_stmt *del = db_prepare(db, "DELETE FROM resident_tag WHERE resident_id = ?1");
    db_bind_int(del, 1, id);
    int rc = db_step(del);
    db_finalize(del);
    if (rc != DB_DONE) return rc;
    struct db_stmt *make = db_prepare(db, resident_tag_create_sql);
    struct db_stmt *link = db_prepare(db, "INSERT OR IGNORE INTO resident_tag (resident_id, tag_id)"
                                          " SELECT ?1, id FROM tag WHERE name = ?2");
    rc = DB_DONE;
    struct strlist names = STRLIST_INIT;
    text_split_list(tags, &names);
    for (size_t i = 0; i < names.n && rc == DB_DONE; i++) {
        db_bind_text(make, 1, names.v[i]);
        db_bind_text(make, 2, when);
        db_bind_text(make, 3, actor);
        rc = db_step(make);
        db_reset(make);
        db_bind_int(link, 1, id);
        db_bind_text(link, 2, names.v[i]);
        if (rc == DB_DONE) rc = db_step(link);
        db_reset(link);
    }
    strlist_free(&names);
    db_finalize(make);
    db_finalize(link);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** What the row held before an update: its name and rank, for removing its
** search keys, and its phone reversed ("" for none), for its phone's entry.
*/
static int old_name(struct db *db, int64_t id, char **name, int64_t *rank, char **phone_rev)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT name, rank, ifnull(phone_rev, '') FROM resident WHERE id = ?1");
    db_bind_int(st, 1, id);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *name = db_col_dup(st, 0);
        *rank = db_col_int(st, 1);
        *phone_rev = db_col_dup(st, 2);
    }
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/*
** Inside the transaction: resident id found by its phone (resident_phone)
** as it is now, phone, no longer by was (the phone reversed before the
** write; "": none). DB_OK or an error.
*/
static int phone_refile(struct db *db, int64_t id, const char *was, const char *phone)
{
    char *now = str_empty(phone) ? xstrdup("") : search_reverse(phone);
    int rc = DB_OK;
    if (!str_eq(was, now) && *was) {
        struct db_stmt *st =
            db_prepare(db, "DELETE FROM resident_phone WHERE rev = ?1 AND resident_id = ?2");
        db_bind_text(st, 1, was);
        db_bind_int(st, 2, id);
        rc = db_write_one(db, st, NULL);
    }
    if (rc == DB_OK && !str_eq(was, now) && *now) {
        struct db_stmt *st = db_prepare(
            db, "INSERT OR IGNORE INTO resident_phone (rev, resident_id) VALUES (?1, ?2)");
        db_bind_text(st, 1, now);
        db_bind_int(st, 2, id);
        rc = db_write_one(db, st, NULL);
    }
    free(now);
    return rc;
}

/* After an UPDATE changed nothing: the row is gone, or someone saved first. */
static int lost_race(struct db *db, int64_t id, struct resident *current)
{
    struct resident now;
    int rc = resident_get(db, id, &now);
    if (rc != DB_OK) return rc;
    if (current)
        *current = now;
    else
        resident_free(&now);
    return DB_CONFLICT;
}

/*
** The columns bind_row() binds, as ?1 .. ?20. The times are written as seconds
** (bind_time()) and read back as text through RESIDENT_TIME().
*/
#define RESIDENT_COLUMNS                                                                           \
    "name, gender, ethnicity, birth_date, id_number, phone, landline, community_id, grid_id,"      \
    " community_text, grid_text, address, head_id, relation, note, rank, id_rev, phone_rev,"       \
    " created_s, created_by, updated_s, updated_by"
#define RESIDENT_VALUES                                                                            \
    "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"   \
    " ?19, ?20"

const char resident_tag_create_sql[] =
    "INSERT INTO tag (name, created_at, created_by, updated_at, updated_by)"
    " VALUES (?1, ?2, ?3, ?2, ?3) ON CONFLICT (name) DO NOTHING";

static const char resident_insert_sql[] =
    "INSERT INTO resident (" RESIDENT_COLUMNS ") VALUES (" RESIDENT_VALUES ")";

static const char resident_update_sql[] =
    "UPDATE resident SET name = ?1, gender = ?2, ethnicity = ?3, birth_date = ?4,"
    " id_number = ?5, phone = ?6, landline = ?7, community_id = ?8, grid_id = ?9,"
    " community_text = ?10, grid_text = ?11, address = ?12, head_id = ?13, relation = ?14,"
    " note = ?15, rank = ?16, id_rev = ?17, phone_rev = ?18, updated_s = ?19,"
    " updated_by = ?20, version = version + 1 WHERE id = ?21 AND version = ?22";

/* Bind s reversed (search_reverse()), or NULL for "" (copied). */
static void bind_reversed(struct db_stmt *st, int i, const char *s)
{
    char *rev = *s ? search_reverse(s) : NULL;
    db_bind_text(st, i, rev);
    free(rev);
}

/* Bind r's columns as ?1 .. ?20 (RESIDENT_COLUMNS), its text copied, when given as text. */
static void bind_row(struct db_stmt *st, const struct resident *r, int64_t rank, const char *actor,
                     const char *when)
{
    struct resident_stamp stamp;
    resident_stamp_of(when, &stamp);
    char gender[2] = {r->gender, 0};
    db_bind_text(st, 1, r->name);
    db_bind_text(st, 2, gender);
    db_bind_text(st, 3, r->ethnicity);
    db_bind_text(st, 4, r->birth_date);
    db_bind_text(st, 5, str_empty(r->id_number) ? NULL : r->id_number);
    db_bind_text(st, 6, r->phone);
    db_bind_text(st, 7, r->landline);
    bind_id_or_null(st, 8, r->community_id);
    bind_id_or_null(st, 9, r->grid_id);
    db_bind_text(st, 10, r->community_id ? "" : r->community);
    db_bind_text(st, 11, r->grid_id ? "" : r->grid);
    db_bind_text(st, 12, r->address);
    bind_id_or_null(st, 13, r->head_id > 0 ? r->head_id : 0);
    db_bind_text(st, 14, r->relation);
    db_bind_text(st, 15, r->note);
    db_bind_int(st, 16, rank);
    bind_reversed(st, 17, r->id_number);
    bind_reversed(st, 18, r->phone);
    bind_stamp(st, 19, &stamp, 0);
    db_bind_text(st, 20, actor);
}

char *resident_insert_rows_sql(size_t n)
{
    struct strbuf sql = STRBUF_INIT;
    strbuf_adds(&sql, "INSERT OR FAIL INTO resident (id, " RESIDENT_COLUMNS ") VALUES ");
    size_t common = RESIDENT_ROW_PARAMS * n + 1; /* the time, then the actor */
    for (size_t i = 0; i < n; i++) {
        strbuf_adds(&sql, i ? ", (" : "(");
        for (size_t j = 1; j <= RESIDENT_ROW_PARAMS; j++)
            strbuf_addf(&sql, "?%zu, ", RESIDENT_ROW_PARAMS * i + j);
        strbuf_addf(&sql, "?%zu, ?%zu, ?%zu, ?%zu)", common, common + 1, common, common + 1);
    }
    return strbuf_detach(&sql);
}

void resident_bind_common(struct db_stmt *st, size_t n, const char *actor,
                          const struct resident_stamp *when)
{
    int common = (int)(RESIDENT_ROW_PARAMS * n + 1);
    bind_stamp(st, common, when, 1);
    db_bind_text_static(st, common + 1, actor, strlen(actor));
}

/*
** Bind s (NULL: NULL) without a copy as parameter j of the row at: "" and
** NULL only when the parameter does not hold it already (slot), "" as a
** constant that outlives the rows.
*/
static void bind_kept(struct db_stmt *st, int at, int j, const char *s, struct resident_slot *slot)
{
    uint32_t bit = 1u << j;
    uint32_t *same = !s ? &slot->null : !*s ? &slot->empty : NULL;
    if (same && (*same & bit)) return;
    slot->empty &= ~bit;
    slot->null &= ~bit;
    if (same) *same |= bit;
    if (!s)
        db_bind_null(st, at + j);
    else if (!*s)
        db_bind_text_static(st, at + j, "", 0); /* not s: it goes with its row, "" stays */
    else
        db_bind_text_static(st, at + j, s, strlen(s));
}

/* bind_id_or_null() as parameter j of the row at, NULL only when not held already (slot). */
static void bind_id_kept(struct db_stmt *st, int at, int j, int64_t id, struct resident_slot *slot)
{
    uint32_t bit = 1u << j;
    if (id) {
        slot->empty &= ~bit;
        slot->null &= ~bit;
        db_bind_int(st, at + j, id);
    } else {
        bind_kept(st, at, j, NULL, slot);
    }
}

/* Bind s reversed (NULL for "") as parameter j of the row at: into buf (cap bytes), or copied. */
static void bind_reversed_kept(struct db_stmt *st, int at, int j, const char *s, char *buf,
                               size_t cap, struct resident_slot *slot)
{
    const char *rev = *s ? search_reverse_into(buf, cap, s) : NULL;
    if (rev || !*s) {
        bind_kept(st, at, j, rev, slot);
        return;
    }
    slot->empty &= ~(1u << j);
    slot->null &= ~(1u << j);
    bind_reversed(st, at + j, s);
}

void resident_bind_nth(struct db_stmt *st, size_t i, const struct resident *r, int64_t rank,
                       int64_t id, struct resident_slot *slot)
{
    static const char genders[][2] = {"", "M", "F"};
    int at = (int)(RESIDENT_ROW_PARAMS * i);
    const char *gender = genders[r->gender == 'M' ? 1 : r->gender == 'F' ? 2 : 0];
    bind_id_kept(st, at, 1, id, slot);
    bind_kept(st, at, 2, r->name, slot);
    if (*gender || !r->gender) {
        bind_kept(st, at, 3, gender, slot);
    } else {
        slot->empty &= ~(1u << 3);
        db_bind_text(st, at + 3, (char[2]){r->gender, 0});
    }
    bind_kept(st, at, 4, r->ethnicity, slot);
    bind_kept(st, at, 5, r->birth_date, slot);
    bind_kept(st, at, 6, str_empty(r->id_number) ? NULL : r->id_number, slot);
    bind_kept(st, at, 7, r->phone, slot);
    bind_kept(st, at, 8, r->landline, slot);
    bind_id_kept(st, at, 9, r->community_id, slot);
    bind_id_kept(st, at, 10, r->grid_id, slot);
    bind_kept(st, at, 11, r->community_id ? "" : r->community, slot);
    bind_kept(st, at, 12, r->grid_id ? "" : r->grid, slot);
    bind_kept(st, at, 13, r->address, slot);
    bind_id_kept(st, at, 14, r->head_id > 0 ? r->head_id : 0, slot);
    bind_kept(st, at, 15, r->relation, slot);
    bind_kept(st, at, 16, r->note, slot);
    slot->empty &= ~(1u << 17);
    slot->null &= ~(1u << 17);
    db_bind_int(st, at + 17, rank);
    bind_reversed_kept(st, at, 18, r->id_number, slot->id, sizeof slot->id, slot);
    bind_reversed_kept(st, at, 19, r->phone, slot->phone, sizeof slot->phone, slot);
}

static int write_row(struct db *db, const struct resident *r, const char *actor, const char *when,
                     const struct name_keys *keys)
{
    struct db_stmt *st = db_prepare(db, r->id ? resident_update_sql : resident_insert_sql);
    bind_row(st, r, keys->rank, actor, when);
    if (r->id) {
        db_bind_int(st, 21, r->id);
        db_bind_int(st, 22, r->version);
    }
    int rc = db_step(st);
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

/*
** Inside the caller's transaction: write r (created when r->id is 0) with
** its search keys and tags; the keys are made into *keys (the caller frees
** them, whatever is returned) and, for a new resident with keys_later, not
** written. DB_OK with *id set; DB_CONFLICT when the version is stale;
** DB_DUPLICATE; or an error. The caller rolls back.
*/
static int save_in(struct db *db, const struct resident *r, const char *actor, const char *when,
                   int64_t *id, struct name_keys *keys, int keys_later)
{
    struct name_keys old_keys;
    name_keys_of(r->name, keys);
    name_keys_init(&old_keys);
    char *previous = NULL, *previous_phone = NULL;
    int64_t previous_rank = 0;
    int rc = r->id ? old_name(db, r->id, &previous, &previous_rank, &previous_phone) : DB_OK;
    if (rc == DB_OK) rc = write_row(db, r, actor, when, keys);
    if (rc == DB_OK && r->id && db_changes(db) == 0) rc = DB_CONFLICT;
    *id = r->id ? r->id : db_last_id(db);
    if (rc == DB_OK) rc = phone_refile(db, *id, previous_phone ? previous_phone : "", r->phone);
    free(previous_phone);
    if (rc == DB_OK && !r->id) rc = resident_tally_shift(db, -1, RESIDENT_PRESENT);
    if (rc == DB_OK && previous) {
        name_keys_of(previous, &old_keys);
        old_keys.rank = previous_rank;
        rc = name_keys_remove(db, POSTINGS_RESIDENTS, *id, &old_keys);
    }
    if (rc == DB_OK && !(keys_later && !r->id))
        rc = name_keys_add(db, POSTINGS_RESIDENTS, *id, keys);
    if (rc == DB_OK) rc = tags_set(db, *id, r->tags, actor, when);
    if (rc == DB_OK && !r->id && r->head_id == -1) {
        /* A new head of household points to itself. */
        struct db_stmt *st = db_prepare(db, "UPDATE resident SET head_id = id WHERE id = ?1");
        db_bind_int(st, 1, *id);
        rc = db_write_one(db, st, NULL);
    }
    free(previous);
    name_keys_free(&old_keys);
    return rc;
}

static int resident_get_any(struct db *db, int64_t id, void *out)
{
    return resident_get(db, id, out);
}

/* Residents (their tags too) are written by who takes requests down. */
static const struct change_kind resident_change = {&resident_record, "resident", RIGHT_RESIDENTS,
                                                   resident_get_any};

/* Inside the transaction: log resident id as written against before (NULL: new). */
static int resident_logged(struct db *db, int64_t id, const struct resident *before,
                           const char *actor)
{
    struct resident after;
    int rc = resident_get(db, id, &after);
    if (rc != DB_OK) return rc;
    char *subject = change_subject(&resident_change, id);
    rc = change_audit(db, &resident_change, actor, subject, before, &after);
    free(subject);
    resident_free(&after);
    return rc;
}

/* resident_save(), a new resident's keys filed in later when it is not NULL. */
static int save_keys(struct db *db, struct resident *r, const char *actor, struct resident *current,
                     struct key_tables *later)
{
    char when[20];
    clock_format(clock_now(), when);
    int64_t id = 0;
    struct resident before;
    int rc = change_begin(db, &resident_change, actor, r->id, &before);
    if (rc != DB_OK) return rc;
    struct name_keys keys;
    rc = save_in(db, r, actor, when, &id, &keys, later != NULL);
    if (rc == DB_OK) rc = resident_logged(db, id, r->id ? &before : NULL, actor);
    if (rc != DB_OK) {
        name_keys_free(&keys);
        change_abort(db, &resident_change, &before);
        if (rc == DB_CONFLICT) return lost_race(db, r->id, current);
        if (rc == DB_DUPLICATE && current &&
            resident_get_by_id_number(db, r->id_number, current) != DB_OK)
            resident_init(current);
        return rc;
    }
    resident_free(&before);
    rc = db_commit(db);
    if (rc == DB_OK && later && !r->id) key_tables_file(later, id, &keys);
    name_keys_free(&keys);
    if (rc == DB_OK) {
        if (!r->id) {
            r->id = id;
            r->version = 1;
            if (r->head_id == -1) r->head_id = id;
        } else {
            r->version++;
        }
    }
    return rc;
}

int resident_save(struct db *db, struct resident *r, const char *actor, struct resident *current)
{
    return save_keys(db, r, actor, current, NULL);
}

int resident_save_keys_later(struct db *db, struct resident *r, const char *actor,
                             struct key_tables *later)
{
    return save_keys(db, r, actor, NULL, later);
}

int resident_keys_add(struct db *db, struct key_tables *later)
{
    return key_tables_add_to(later, db, POSTINGS_RESIDENTS);
}

/* resident:ID, the audit log's subject for a resident. */
static void subject_of(int64_t id, char *buf, size_t size)
{
    snprintf(buf, size, "resident:%lld", (long long)id);
}

int resident_set_status(struct db *db, int64_t id, int64_t version, enum resident_status to,
                        const char *date, const char *place, const char *reason, const char *actor,
                        const char **why)
{
    *why = NULL;
    struct resident r;
    int rc = resident_get(db, id, &r);
    if (rc != DB_OK) return rc;
    enum resident_status from = resident_status_of(&r);
    int stale = r.version != version;
    *why = stale ? NULL
                 : resident_status_check(from, to, date, r.birth_date, place, reason, clock_now());
    resident_free(&r);
    if (stale) return DB_CONFLICT;
    if (*why) return DB_INVALID;
    /* Kept as every date is, however typed (2026/12/5 is 2026-12-05). */
    struct date d;
    char iso[11] = "";
    if (date && date_parse(date, &d) == DATE_OK) date = date_format(&d, iso);
    int moved = to == RESIDENT_MOVED, present = to == RESIDENT_PRESENT;
    char when[20];
    clock_format(clock_now(), when);
    rc = change_begin(db, &resident_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        db_prepare(db, "UPDATE resident SET status = ?1, status_date = ?2, status_place = ?3,"
                       " updated_s = ?4, updated_by = ?5, version = version + 1"
                       " WHERE id = ?6 AND version = ?7 AND status <> 'merged'");
    db_bind_text(st, 1, resident_status_code(to));
    db_bind_text(st, 2, present ? "" : date);
    db_bind_text(st, 3, moved ? place : "");
    bind_time(st, 4, when);
    db_bind_text(st, 5, actor);
    db_bind_int(st, 6, id);
    db_bind_int(st, 7, version);
    rc = db_step(st);
    db_finalize(st);
    rc = rc == DB_DONE ? (db_changes(db) ? DB_OK : DB_CONFLICT) : rc;
    if (rc == DB_OK) rc = resident_tally_shift(db, (int)from, to);
    if (rc == DB_OK) {
        char subject[32];
        subject_of(id, subject, sizeof subject);
        char *detail =
            xasprintf("%s -> %s%s%s%s%s: %s",
                      *resident_status_code(from) ? resident_status_code(from) : "present",
                      present ? "present" : resident_status_code(to), present ? "" : " ",
                      present ? "" : date, moved ? " " : "", moved ? place : "", reason);
        rc = audit_append(db, actor, "resident-status", subject, detail);
        free(detail);
    }
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    return rc;
}

/* Run a statement binding ?1 the kept id and ?2 the other's; how many rows it changed into *n. */
static int merge_step(struct db *db, const char *sql, int64_t keep, int64_t other, int64_t *n)
{
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, keep);
    db_bind_int(st, 2, other);
    int rc = db_step(st);
    db_finalize(st);
    if (n) *n = db_changes(db);
    return rc == DB_DONE ? DB_OK : rc;
}

int resident_merge(struct db *db, struct resident *keep, int64_t other_id, int64_t other_version,
                   const char *taken, int ids_confirmed, const char *actor, const char **why)
{
    *why = NULL;
    if (!keep->id || keep->id == other_id) {
        *why = _("A record is merged into another one");
        return DB_INVALID;
    }
    struct resident stored, other;
    int rc = resident_get(db, keep->id, &stored);
    if (rc != DB_OK) return rc;
    rc = resident_get(db, other_id, &other);
    if (rc != DB_OK) {
        resident_free(&stored);
        return rc;
    }
    if (stored.version != keep->version || other.version != other_version)
        rc = DB_CONFLICT;
    else if (resident_status_of(&stored) == RESIDENT_MERGED ||
             resident_status_of(&other) == RESIDENT_MERGED)
        *why = _("One of the two is merged already"), rc = DB_INVALID;
    else if (!ids_confirmed && resident_ids_differ(&stored, &other))
        *why = _("The two records hold different valid ID numbers: two people?"), rc = DB_INVALID;
    int gives_id = str_eq(keep->id_number, other.id_number) && *other.id_number;
    enum resident_status other_was = resident_status_of(&other);
    resident_free(&stored);
    resident_free(&other);
    if (rc != DB_OK) return rc;

    char when[20];
    clock_format(clock_now(), when);
    int64_t id, requests = 0, members = 0;
    rc = change_begin(db, &resident_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    /* The ID number the kept record takes over leaves the other first: it is unique. */
    if (gives_id)
        rc = merge_step(db,
                        "UPDATE resident SET id_number = NULL, id_rev = NULL"
                        " WHERE id = ?2 AND ?1 <> 0",
                        keep->id, other_id, NULL);
    struct name_keys keys;
    if (rc == DB_OK) {
        rc = save_in(db, keep, actor, when, &id, &keys, 0);
        name_keys_free(&keys);
    }
    if (rc == DB_OK)
        rc = merge_step(db, "UPDATE request SET resident_id = ?1 WHERE resident_id = ?2", keep->id,
                        other_id, &requests);
    if (rc == DB_OK)
        rc = merge_step(db,
                        "INSERT OR IGNORE INTO resident_tag (resident_id, tag_id)"
                        " SELECT ?1, tag_id FROM resident_tag WHERE resident_id = ?2",
                        keep->id, other_id, NULL);
    if (rc == DB_OK)
        rc = merge_step(db, "DELETE FROM resident_tag WHERE resident_id = ?2 AND ?1 <> 0", keep->id,
                        other_id, NULL);
    if (rc == DB_OK)
        rc = merge_step(db, "UPDATE resident SET head_id = ?1 WHERE head_id = ?2 AND id <> ?2",
                        keep->id, other_id, &members);
    if (rc == DB_OK) {
        struct db_stmt *st = db_prepare(
            db, "UPDATE resident SET status = 'merged', merged_into = ?1, status_date = ?2,"
                " head_id = CASE WHEN head_id = id THEN ?1 ELSE head_id END,"
                " updated_s = ?3, updated_by = ?4, version = version + 1"
                " WHERE id = ?5 AND version = ?6");
        db_bind_int(st, 1, keep->id);
        char day[11];
        memcpy(day, when, 10);
        day[10] = '\0';
        db_bind_text(st, 2, day);
        bind_time(st, 3, when);
        db_bind_text(st, 4, actor);
        db_bind_int(st, 5, other_id);
        db_bind_int(st, 6, other_version);
        rc = db_step(st);
        db_finalize(st);
        rc = rc == DB_DONE ? (db_changes(db) ? DB_OK : DB_CONFLICT) : rc;
    }
    if (rc == DB_OK) rc = resident_tally_shift(db, (int)other_was, RESIDENT_MERGED);
    char subject[32];
    if (rc == DB_OK) {
        subject_of(keep->id, subject, sizeof subject);
        char *detail =
            xasprintf("resident:%lld merged into it; taken from it: %s; %lld requests,"
                      " %lld household members moved%s",
                      (long long)other_id, str_empty(taken) ? "-" : taken, (long long)requests,
                      (long long)members, ids_confirmed ? "; different ID numbers confirmed" : "");
        rc = audit_append(db, actor, "resident-merge", subject, detail);
        free(detail);
    }
    if (rc == DB_OK) {
        subject_of(other_id, subject, sizeof subject);
        char *detail = xasprintf("merged into resident:%lld", (long long)keep->id);
        rc = audit_append(db, actor, "resident-merged", subject, detail);
        free(detail);
    }
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    rc = db_commit(db);
    if (rc == DB_OK) keep->version++;
    return rc;
}

int resident_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                    const char *actor)
{
    char subject[32];
    snprintf(subject, sizeof subject, "resident:%lld", (long long)id);
    return audit_reveal(db, actor, subject, field, reason);
}

static void tag_read(struct db_stmt *st, void *slot)
{
    struct tag *t = slot;
    record_init(&tag_record, t);
    t->id = db_col_int(st, 0);
    record_set(&t->name, db_col_text(st, 1));
    t->sensitive = (int)db_col_int(st, 2);
    t->retired = (int)db_col_int(st, 3);
    t->version = db_col_int(st, 4);
}

int tag_list(struct db *db, int with_retired, struct tag_list *out)
{
    struct db_stmt *st = db_prepare(db, "SELECT id, name, sensitive, retired, version FROM tag"
                                        " WHERE ?1 OR retired = 0 ORDER BY id");
    db_bind_int(st, 1, with_retired);
    int rc;
    out->v = db_collect(st, sizeof *out->v, tag_read, &out->n, &rc);
    if (rc != DB_OK) tag_list_free(out);
    return rc;
}

void tag_list_free(struct tag_list *l)
{
    record_array_free(&tag_record, l->v, l->n);
    memset(l, 0, sizeof *l);
}

int tag_get(struct db *db, int64_t id, struct tag *out)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT id, name, sensitive, retired, version FROM tag WHERE id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, tag_read, out);
}

static int tag_get_any(struct db *db, int64_t id, void *out)
{
    return tag_get(db, id, out);
}

/* The tags people may give residents are the catalogue's: defined by who may edit it. */
static const struct change_kind tag_change = {&tag_record, "tag", RIGHT_EDIT_CATALOGUE,
                                              tag_get_any};

int tag_save(struct db *db, struct tag *t, const char *actor)
{
    if (resident_check_tag(t->name)) return DB_INVALID;
    char when[20];
    clock_format(clock_now(), when);
    struct tag before;
    int rc = change_begin(db, &tag_change, actor, t->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st =
        t->id ? db_prepare(db, "UPDATE tag SET name = ?1, sensitive = ?2, retired = ?3,"
                               " updated_at = ?4, updated_by = ?5, version = version + 1"
                               " WHERE id = ?6 AND version = ?7")
              : db_prepare(db, "INSERT INTO tag (name, sensitive, retired, created_at, created_by,"
                               " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)");
    db_bind_text(st, 1, t->name);
    db_bind_int(st, 2, t->sensitive);
    db_bind_int(st, 3, t->retired);
    db_bind_text(st, 4, when);
    db_bind_text(st, 5, actor);
    if (t->id) {
        db_bind_int(st, 6, t->id);
        db_bind_int(st, 7, t->version);
    }
    return change_save(db, &tag_change, actor, st, &t->id, &t->version, &before);
}

int resident_phones_astray(struct db *db, int64_t *missing, int64_t *stray)
{
    *missing = *stray = 0;
    struct db_stmt *st = db_prepare(
        db, "SELECT (SELECT count(*) FROM resident r WHERE r.phone_rev IS NOT NULL"
            " AND r.id < ifnull(" PHONE_UNFILED_FROM ", r.id + 1)"
            " AND NOT EXISTS (SELECT 1 FROM resident_phone p WHERE p.rev = r.phone_rev"
            " AND p.resident_id = r.id)),"
            " (SELECT count(*) FROM resident_phone p WHERE NOT EXISTS (SELECT 1 FROM resident r"
            " WHERE r.id = p.resident_id AND r.phone_rev = p.rev))");
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *missing = db_col_int(st, 0);
        *stray = db_col_int(st, 1);
    }
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

int resident_phones_file(struct db *db)
{
    return db_exec(db, "INSERT OR IGNORE INTO resident_phone (rev, resident_id)"
                       " SELECT phone_rev, id FROM resident WHERE phone_rev IS NOT NULL"
                       " ORDER BY 1, 2");
}

int resident_phones_refile(struct db *db, const char *actor)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = db_exec(db, "DELETE FROM resident_phone");
    if (rc == DB_OK) rc = resident_phones_file(db);
    if (rc == DB_OK) rc = audit_append(db, actor, "resident-phones-refiled", "resident:*", "");
    if (rc != DB_OK) {
        db_rollback(db);
        return rc;
    }
    return db_commit(db);
}
