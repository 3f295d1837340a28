/*
** name_search: see name_search.h.
*/
#include "db/name_search.h"
#include "src/pinyin.h"
#include "src/text.h"
#include "src/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Handing the ids a posting list names to the caller, in its order. */
struct feed {
    name_search_take take;
    void *ctx;
    int full;
    int rc;
};

static int feed_visit(void *ctx, const char *term, const struct posting *e)
{
    struct feed *f = ctx;
    (void)term;
    f->rc = f->take(f->ctx, e->id, &f->full);
    return f->rc == DB_OK && !f->full;
}

/*
** Hand over the people of term lo (hi NULL) or of the terms in [lo, hi)
** of table t (none when f is full already), and count the entries there
** (up to the cap + 1) into *count.
*/
static int scan_postings(struct db *db, const struct name_register *reg, enum postings_table t,
                         const char *lo, const char *hi, struct feed *f, int64_t *count)
{
    int rc = f->full ? DB_OK : postings_scan(db, reg->postings, t, lo, hi, feed_visit, f);
    *count = postings_count(db, reg->postings, t, lo, hi, reg->cap);
    return rc != DB_OK ? rc : f->rc;
}

/* An id set: sorted, for intersecting posting lists. */
struct id_list {
    uint32_t *v;
    size_t n, cap;
};

static int id_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int ids_visit(void *ctx, const char *term, const struct posting *e)
{
    struct id_list *l = ctx;
    (void)term;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 256;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = e->id;
    return 1;
}

/* Every person id filed under a piece of a name, sorted. */
static int ids_of(struct db *db, const struct name_register *reg, const char *gram,
                  struct id_list *out)
{
    int rc = postings_scan(db, reg->postings, POSTINGS_GRAM, gram, NULL, ids_visit, out);
    if (out->n) qsort(out->v, out->n, sizeof *out->v, id_cmp);
    return rc;
}

/* A candidate for a long fragment: how well it matches, its order, its id. */
struct candidate {
    int tier;
    int64_t rank;
    int64_t id;
};

static int candidate_cmp(const void *pa, const void *pb)
{
    const struct candidate *a = pa, *b = pb;
    if (a->tier != b->tier) return a->tier - b->tier;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Keep in a the ids b holds too (both sorted). */
static void ids_intersect(struct id_list *a, const struct id_list *b)
{
    size_t n = 0;
    for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
        if (a->v[i] < b->v[j])
            i++;
        else if (a->v[i] > b->v[j])
            j++;
        else
            a->v[n++] = a->v[i++], j++;
    }
    a->n = n;
}

/*
** A fragment longer than the pieces filed: the people filed under both of
** its two rarest longest pieces, whose names hold the whole fragment.
*/
static int search_long(struct db *db, const struct name_register *reg, const char *text,
                       struct feed *f, int64_t *total)
{
    struct search_gram pieces[64];
    size_t np = search_grams(text, pieces, ARRAY_LEN(pieces)), rare[2] = {SIZE_MAX, SIZE_MAX};
    int64_t counts[2] = {INT64_MAX, INT64_MAX};
    for (size_t i = 0; i < np; i++) {
        if (text_chars(pieces[i].text) != SEARCH_GRAM_MAX) continue;
        int64_t c =
            postings_count(db, reg->postings, POSTINGS_GRAM, pieces[i].text, NULL, INT64_MAX - 1);
        if (c < counts[0]) {
            counts[1] = counts[0], rare[1] = rare[0];
            counts[0] = c, rare[0] = i;
        } else if (c < counts[1]) {
            counts[1] = c, rare[1] = i;
        }
    }
    struct id_list a = {0}, b = {0};
    int rc = rare[0] != SIZE_MAX ? ids_of(db, reg, pieces[rare[0]].text, &a) : DB_OK;
    if (rc == DB_OK && rare[1] != SIZE_MAX) {
        rc = ids_of(db, reg, pieces[rare[1]].text, &b);
        ids_intersect(&a, &b);
    }
    /* Keep those whose name holds the fragment, best first. */
    struct candidate *c = xcalloc(a.n + 1, sizeof *c);
    size_t nc = 0, len = strlen(text);
    struct db_stmt *st = db_prepare(db, reg->name_rank);
    for (size_t i = 0; i < a.n && rc == DB_OK; i++) {
        db_bind_int(st, 1, a.v[i]);
        if (db_step(st) == DB_ROW) {
            /* The fragment has no dots, nor are names filed with them. */
            char *name = text_drop_dots(db_col_text(st, 0));
            const char *at = strstr(name, text);
            if (at) {
                c[nc].tier = at != name ? 2 : strlen(name) == len ? 0 : 1;
                c[nc].rank = db_col_int(st, 1);
                c[nc].id = a.v[i];
                nc++;
            }
            free(name);
        }
        db_reset(st);
    }
    db_finalize(st);
    if (nc) qsort(c, nc, sizeof *c, candidate_cmp);
    for (size_t i = 0; i < nc && !f->full && rc == DB_OK; i++)
        rc = f->take(f->ctx, c[i].id, &f->full);
    *total = (int64_t)nc;
    free(c);
    free(a.v);
    free(b.v);
    return rc;
}

/*
** Letters: the names whose pinyin starts so first (zs: 张三), then those
** with a later syllable starting so (sf, sanfeng: 张三丰; aili: 买买提·艾力).
*/
static int search_pinyin_keys(struct db *db, const struct name_register *reg, const char *text,
                              struct feed *f, int64_t *total);

/* Pinyin typed with v for ü (lv: 吕) as it is filed (lu); as typed when that finds no one (Victor).
 */
static int search_pinyin(struct db *db, const struct name_register *reg, const char *text,
                         struct feed *f, int64_t *total)
{
    char *as_filed = pinyin_typed_u(text);
    int rc = search_pinyin_keys(db, reg, as_filed ? as_filed : text, f, total);
    if (rc == DB_OK && as_filed && *total == 0) rc = search_pinyin_keys(db, reg, text, f, total);
    free(as_filed);
    return rc;
}

static int search_pinyin_keys(struct db *db, const struct name_register *reg, const char *text,
                              struct feed *f, int64_t *total)
{
    char *bound = search_prefix_bound(text);
    int64_t at_start = 0, inside = 0;
    int rc = scan_postings(db, reg, POSTINGS_KEY, text, bound, f, &at_start);
    /* Read on only while the page has room; the count is read in any case. */
    if (rc == DB_OK) rc = scan_postings(db, reg, POSTINGS_INNER, text, bound, f, &inside);
    /* One person may be filed under both: the sum is an upper bound (exact when all are shown). */
    *total = at_start + inside;
    free(bound);
    return rc;
}

/* How many rows sql gives for the range [a, b), counted up to the cap + 1. */
static int64_t count_capped(struct db *db, const char *sql, const char *a, const char *b,
                            int64_t cap)
{
    char *outer = xasprintf("SELECT count(*) FROM (%s LIMIT %lld)", sql, (long long)(cap + 1));
    struct db_stmt *st = db_prepare(db, outer);
    db_bind_text(st, 1, a);
    db_bind_text(st, 2, b);
    int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    free(outer);
    return n;
}

/*
** Digits: the last digits of an ID or mobile number (the columns hold them
** reversed, so a suffix is a range of the index), a whole ID number
** included. In pinyin order when the matches are few enough to sort; a
** digit or two matches a tenth of the register, and then the index order
** serves (no order means anything to the clerk before a few more digits).
*/
static int search_digits(struct db *db, const struct name_register *reg, const char *text,
                         struct feed *f, int64_t *total)
{
    char *rev = search_reverse(text);
    char *bounds[2] = {search_prefix_bound(text), search_prefix_bound(rev)};
    int rc = DB_OK;
    *total = 0;
    for (size_t i = 0; i < reg->ndigits; i++) {
        const struct name_digits *d = &reg->digits[i];
        const char *lo = d->reversed ? rev : text, *hi = bounds[d->reversed ? 1 : 0];
        int64_t n = count_capped(db, d->count, lo, hi, reg->cap);
        *total += n;
        if (n == 0 || rc != DB_OK || f->full) continue;
        struct db_stmt *st = db_prepare(db, n > reg->cap ? d->in_order : d->sorted);
        db_bind_text(st, 1, lo);
        db_bind_text(st, 2, hi);
        int step = DB_DONE;
        while (rc == DB_OK && !f->full && (step = db_step(st)) == DB_ROW)
            rc = f->take(f->ctx, db_col_int(st, 0), &f->full);
        if (rc == DB_OK && !f->full && step != DB_DONE) rc = step;
        db_finalize(st);
    }
    free(rev);
    free(bounds[0]);
    free(bounds[1]);
    return rc;
}

int name_search_run(struct db *db, const struct name_register *reg, const struct search_query *q,
                    name_search_take take, void *ctx, int64_t *total)
{
    struct feed f = {take, ctx, 0, DB_OK};
    *total = 0;
    switch (q->kind) {
    case SEARCH_NAME_SHORT:
        return scan_postings(db, reg, POSTINGS_GRAM, q->text, NULL, &f, total);
    case SEARCH_NAME_LONG:
        return search_long(db, reg, q->text, &f, total);
    case SEARCH_PINYIN:
        return search_pinyin(db, reg, q->text, &f, total);
    case SEARCH_DIGITS:
        return search_digits(db, reg, q->text, &f, total);
    default:
        return DB_OK;
    }
}
