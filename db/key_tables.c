/*
** key_tables: see key_tables.h.
*/
#include "db/key_tables.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/*
** The entries of a posting-list table collected during the load: each
** appended to one array with its term's index (a hash table of terms), and
** grouped by term in one pass when they are sorted, dropped or mapped
** (table_group()); each term's entries sorted at the end. Sorting many
** short integer runs is far cheaper than sorting every (term, entry) pair
** by its text, and one array grows with far fewer allocations than one
** per term.
*/
struct term {
    uint32_t text; /* offset of the term in the arena */
    uint32_t len;
    struct posting *v; /* grouped entries, in the table's block */
    uint32_t n;
    uint32_t more; /* entries still in the filed array (while grouping) */
};

/* An entry as filed: the posting and its term's index (in the posting's padding). */
struct filed {
    uint64_t key;
    uint32_t id;
    uint32_t term;
};

struct term_table {
    struct term *terms;
    size_t n, cap;
    uint32_t *slots; /* hash -> term index + 1; 0 empty */
    size_t nslots;
    struct strbuf arena;
    struct filed *filed; /* entries not grouped yet, in the order filed */
    size_t nfiled, filed_cap;
    size_t filed_counted;  /* entries of room counted in the budget since the tables emptied */
    struct posting *block; /* every term's grouped entries */
    size_t block_cap;
};

/* Place every term in the hash table again: grown (grow), or after the terms moved. */
static void terms_reslot(struct term_table *t, int grow)
{
    if (grow || !t->nslots) t->nslots = t->nslots ? t->nslots * 2 : 1 << 12;
    free(t->slots);
    t->slots = xcalloc_written(t->nslots, sizeof *t->slots);
    for (size_t i = 0; i < t->n; i++) {
        const struct term *e = &t->terms[i];
        size_t j = str_hash(t->arena.buf + e->text, e->len) & (t->nslots - 1);
        while (t->slots[j])
            j = (j + 1) & (t->nslots - 1);
        t->slots[j] = (uint32_t)(i + 1);
    }
}

/* The index of term text in t, the term added when new. */
static uint32_t terms_index(struct term_table *t, const char *text)
{
    size_t len = strlen(text);
    if ((t->n + 1) * 2 > t->nslots) terms_reslot(t, 1);
    size_t j = str_hash(text, len) & (t->nslots - 1);
    while (t->slots[j]) {
        struct term *c = &t->terms[t->slots[j] - 1];
        if (c->len == len && memcmp(t->arena.buf + c->text, text, len) == 0) return t->slots[j] - 1;
        j = (j + 1) & (t->nslots - 1);
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->terms = xrealloc(t->terms, t->cap * sizeof *t->terms);
    }
    struct term *found = &t->terms[t->n++];
    memset(found, 0, sizeof *found);
    found->text = (uint32_t)t->arena.len;
    found->len = (uint32_t)len;
    strbuf_add(&t->arena, text, len);
    t->slots[j] = (uint32_t)t->n;
    return (uint32_t)(t->n - 1);
}

/*
** Group the entries filed since the last grouping under their terms, after
** those grouped before, each term's in the order filed: into the block,
** a new one unless the old one holds nothing grouped and is large enough.
*/
static void table_group(struct term_table *t)
{
    if (!t->nfiled) return;
    for (size_t i = 0; i < t->nfiled; i++)
        t->terms[t->filed[i].term].more++;
    size_t total = 0, grouped = 0;
    for (size_t i = 0; i < t->n; i++) {
        total += t->terms[i].n + t->terms[i].more;
        grouped += t->terms[i].n;
    }
    /* The block is reused when it holds nothing grouped (the tables were emptied) and is large
     * enough: a load that spills groups run after run into the same memory. */
    struct posting *block = t->block;
    if (grouped || total > t->block_cap) {
        block = xmalloc(total * sizeof *block);
        t->block_cap = total;
    }
    struct posting *at = block;
    for (size_t i = 0; i < t->n; i++) {
        struct term *e = &t->terms[i];
        if (e->n) memcpy(at, e->v, e->n * sizeof *at);
        e->v = at;
        at += e->n + e->more;
        e->more = 0;
    }
    for (size_t i = 0; i < t->nfiled; i++) {
        struct term *e = &t->terms[t->filed[i].term];
        e->v[e->n++] = (struct posting){t->filed[i].key, t->filed[i].id};
    }
    if (block != t->block) free(t->block); /* what was grouped there is copied */
    t->block = block;
    t->nfiled = 0;
}

static void terms_free(struct term_table *t)
{
    free(t->filed);
    free(t->block);
    free(t->terms);
    free(t->slots);
    strbuf_free(&t->arena);
    memset(t, 0, sizeof *t);
}

/* Whether entry a sorts before b (as posting_cmp() < 0, inlined for the sorts below). */
static inline int posting_before(const struct posting *a, const struct posting *b)
{
    return a->key < b->key || (a->key == b->key && a->id < b->id);
}

/*
** Sort n entries in place: insertion sort for short runs, merged bottom
** up through a buffer of n entries. A term's entries come in id order, so
** most short runs are nearly sorted already; qsort's call per comparison
** was most of the time of a load's sorting.
*/
#define SORT_RUN 16

/*
** Runs this long or longer whose ids ascend (a term's entries as they are
** filed) are sorted by key alone with a stable radix sort, a byte at a
** time over the bytes in which their keys differ: equal keys keep their
** ids' order, which is the order wanted.
*/
#define RADIX_MIN 256

/* Whether the ids of v[0..n) ascend strictly. */
static int ids_ascend(const struct posting *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i].id <= v[i - 1].id) return 0;
    return 1;
}

static void postings_radix(struct posting *v, size_t n)
{
    uint64_t differ = 0;
    for (size_t i = 1; i < n; i++)
        differ |= v[i].key ^ v[0].key;
    struct posting *tmp = xmalloc(n * sizeof *tmp), *from = v, *to = tmp;
    for (unsigned shift = 0; shift < 64; shift += 8) {
        if (!((differ >> shift) & 0xFF)) continue; /* the same byte in every key */
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(from[i].key >> shift) & 0xFF]++;
        size_t at = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].key >> shift) & 0xFF]++] = from[i];
        struct posting *t = from;
        from = to;
        to = t;
    }
    if (from != v) memcpy(v, from, n * sizeof *v);
    free(tmp);
}

/* Whether v[0..n) is in order already (a term's entries read back from one merged run). */
static int postings_sorted(const struct posting *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (posting_before(&v[i], &v[i - 1])) return 0;
    return 1;
}

static void postings_sort(struct posting *v, size_t n)
{
    if (postings_sorted(v, n)) return;
    if (n >= RADIX_MIN && ids_ascend(v, n)) {
        postings_radix(v, n);
        return;
    }
    for (size_t lo = 0; lo < n; lo += SORT_RUN) {
        size_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            struct posting e = v[i];
            size_t j = i;
            for (; j > lo && posting_before(&e, &v[j - 1]); j--)
                v[j] = v[j - 1];
            v[j] = e;
        }
    }
    if (n <= SORT_RUN) return;
    struct posting *tmp = xmalloc(n * sizeof *tmp), *from = v, *to = tmp;
    for (size_t width = SORT_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t a = lo, b = mid, k = lo;
            if (mid < hi && !posting_before(&from[mid], &from[mid - 1])) {
                memcpy(to + lo, from + lo, (hi - lo) * sizeof *to); /* in order already */
                continue;
            }
            while (a < mid && b < hi)
                to[k++] = posting_before(&from[b], &from[a]) ? from[b++] : from[a++];
            memcpy(to + k, from + a, (mid - a) * sizeof *to);
            k += mid - a;
            memcpy(to + k, from + b, (hi - b) * sizeof *to);
        }
        struct posting *t = from;
        from = to;
        to = t;
    }
    if (from != v) memcpy(v, from, n * sizeof *v);
    free(tmp);
}

/* For sorting terms by their text: the arena the offsets point into. */
static const char *sort_arena;

static int term_cmp(const void *pa, const void *pb)
{
    const struct term *a = pa, *b = pb;
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(sort_arena + a->text, sort_arena + b->text, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Sort a table: every term's entries, then the terms. */
static void table_sort(struct term_table *t)
{
    if (t->n == 0) return;
    table_group(t);
    for (size_t i = 0; i < t->n; i++)
        postings_sort(t->terms[i].v, t->terms[i].n);
    sort_arena = t->arena.buf;
    qsort(t->terms, t->n, sizeof *t->terms, term_cmp);
    terms_reslot(t, 0); /* terms filed under later are found where they are now */
}

/* Write a sorted table's terms as posting-list chunks of table which of register reg. */
static int table_write(struct db *db, struct term_table *t, enum postings_register reg,
                       enum postings_table which)
{
    if (t->n == 0) return DB_OK; /* nothing to write: the table need not even exist yet */
    table_group(t);
    struct db_stmt *st = postings_bulk_prepare(db, reg, which);
    int rc = DB_OK;
    for (size_t i = 0; i < t->n && rc == DB_OK; i++) {
        struct term *e = &t->terms[i]; /* each resident once: its keys are each once */
        rc = postings_bulk_term(st, t->arena.buf + e->text, e->len, e->v, e->n);
    }
    db_finalize(st);
    return rc;
}

/*
** Past a budget (key_tables_spill_at()), the tables are sorted and written
** to a temporary file as a run, and emptied: memory stays bounded however
** many people are filed. Writing merges the runs term by term. A run holds,
** for each table in turn, its terms in order, each as its length, its
** text, its entry count and its entries (struct posting as they are in
** memory: the file lives only as long as the tables).
*/
struct run {
    long at[POSTINGS_TABLES]; /* where each table's terms begin */
    size_t terms[POSTINGS_TABLES];
};

struct key_tables {
    struct term_table t[POSTINGS_TABLES]; /* by enum postings_table */
    size_t budget;                        /* bytes; 0: never spill */
    size_t bytes;                         /* held now, about */
    FILE *spill;
    struct spill_write *writing; /* the last run, written behind by a thread of its own */
    int lost;                    /* a run was not all written: merging it fails */
    struct strbuf spare;         /* the bytes of the run written last, for the next */
    struct run *runs;
    size_t nruns;
    int (*keep)(void *ctx, uint32_t id); /* entries dropped from runs [0, kept) when merged */
    void *keep_ctx;
    size_t kept;
    uint32_t (*map)(void *ctx, uint32_t id); /* ids changed in runs [0, mapped) when merged */
    void *map_ctx;
    size_t mapped;
    int failed;   /* the spill file could not be written: the tables stay in memory */
    uint64_t gen; /* the terms' indexes are valid in memos of this generation (never 0) */
};

/* A new generation of term indexes: indexes memos kept before mean nothing now. */
static void kt_renew(struct key_tables *kt)
{
    static uint64_t generations;
    kt->gen = __atomic_add_fetch(&generations, 1, __ATOMIC_RELAXED);
}

struct key_tables *key_tables_new(void)
{
    struct key_tables *kt = xcalloc(1, sizeof(struct key_tables));
    kt_renew(kt);
    return kt;
}

/* The index of term text in t, the term added when new; what the term tables grew is counted. */
static uint32_t kt_term(struct key_tables *kt, struct term_table *t, const char *text)
{
    size_t terms_cap = t->cap, slots = t->nslots, arena = t->arena.cap;
    uint32_t i = terms_index(t, text);
    kt->bytes += (t->cap - terms_cap) * sizeof(struct term) +
                 (t->nslots - slots) * sizeof(uint32_t) + (t->arena.cap - arena);
    return i;
}

/*
** Room in table t's filed array for n more entries; what it grew is
** counted twice (grouping copies it). The array is kept when the tables
** are emptied: its room is counted again as it is used, as if it grew again.
*/
static struct filed *filed_room(struct key_tables *kt, struct term_table *t, size_t n)
{
    size_t counted = t->filed_counted;
    while (t->nfiled + n > t->filed_counted)
        t->filed_counted = t->filed_counted ? t->filed_counted * 2 : 4096;
    if (t->filed_counted != counted)
        kt->bytes += 2 * (t->filed_counted - counted) * sizeof(struct filed);
    if (t->filed_counted > t->filed_cap) {
        t->filed_cap = t->filed_counted;
        t->filed = xrealloc(t->filed, t->filed_cap * sizeof *t->filed);
    }
    return t->filed + t->nfiled;
}

/* File entry f in table t. */
static void filed_add(struct key_tables *kt, struct term_table *t, struct filed f)
{
    *filed_room(kt, t, 1) = f;
    t->nfiled++;
}

/* File entry e under term in table which. */
static void kt_add(struct key_tables *kt, enum postings_table which, const char *term,
                   const struct posting *e)
{
    struct term_table *t = &kt->t[which];
    filed_add(kt, t, (struct filed){e->key, e->id, kt_term(kt, t, term)});
}

static int key_visit(void *ctx, enum postings_table t, const char *term, const struct posting *e)
{
    kt_add(ctx, t, term, e);
    return 0;
}

/*
** What a name's memo holds (struct name_keys_memo's data): how many of its
** entries go in each table, the part of their keys every entry of one
** name shares (its rank: posting_key()'s low 60 bits), then the entries,
** table by table, each as its key's tier (the top 4 bits) over its term's
** index: the same for every person of that name, but the id.
*/
struct memo_head {
    uint32_t n[POSTINGS_TABLES];
    uint64_t low;
};

#define MEMO_TERM_BITS 28
#define MEMO_LOW       ((UINT64_C(1) << 60) - 1)

static uint32_t *memo_entries(struct memo_head *h)
{
    return (uint32_t *)(h + 1);
}

/* Making a memo: each key's table and entry, its term looked up (and added when new). */
struct memo_making {
    struct key_tables *kt;
    struct filed *v;
    unsigned char *table;
    size_t n;
};

static int memo_visit(void *ctx, enum postings_table t, const char *term, const struct posting *e)
{
    struct memo_making *m = ctx;
    m->v[m->n] = (struct filed){e->key, 0, kt_term(m->kt, &m->kt->t[t], term)};
    m->table[m->n++] = (unsigned char)t;
    return 0;
}

/* File the entries of memo h under id: appended, nothing looked up. */
static void memo_file(struct key_tables *kt, uint32_t id, struct memo_head *h)
{
    const uint32_t *v = memo_entries(h);
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        struct term_table *t = &kt->t[i];
        size_t n = h->n[i];
        struct filed *to = filed_room(kt, t, n);
        for (size_t j = 0; j < n; j++)
            to[j] = (struct filed){(uint64_t)(v[j] >> MEMO_TERM_BITS) << 60 | h->low, id,
                                   v[j] & ((UINT32_C(1) << MEMO_TERM_BITS) - 1)};
        t->nfiled += n;
        v += n;
    }
}

/*
** The memo of keys k in the tables as they are now (a new block in
** m->data), its entries filed under id. Keys whose entries cannot be kept
** so (differing ranks, a term past MEMO_TERM_BITS) are filed, no memo kept.
*/
static void memo_make(struct key_tables *kt, const struct name_keys *k, uint32_t id,
                      struct name_keys_memo *m)
{
    size_t n = k->ngrams + k->pinyin.n + k->inner.n;
    struct memo_making made = {kt, xmalloc((n ? n : 1) * sizeof(struct filed)), xmalloc(n ? n : 1),
                               0};
    name_keys_each(k, 0, memo_visit, &made);
    free(m->data);
    m->data = NULL;
    m->gen = 0;
    int keep = 1;
    for (size_t i = 0; i < made.n && keep; i++)
        keep = (made.v[i].key & MEMO_LOW) == (made.v[0].key & MEMO_LOW) &&
               made.v[i].term < (UINT32_C(1) << MEMO_TERM_BITS);
    if (!keep) {
        for (size_t i = 0; i < made.n; i++)
            filed_add(kt, &kt->t[made.table[i]], (struct filed){made.v[i].key, id, made.v[i].term});
    } else {
        struct memo_head *h = xmalloc(sizeof *h + made.n * sizeof(uint32_t));
        memset(h, 0, sizeof *h);
        h->low = made.n ? made.v[0].key & MEMO_LOW : 0;
        for (size_t i = 0; i < made.n; i++)
            h->n[made.table[i]]++;
        uint32_t *at[POSTINGS_TABLES], *v = memo_entries(h);
        for (int t = 0; t < POSTINGS_TABLES; t++) {
            at[t] = v;
            v += h->n[t];
        }
        for (size_t i = 0; i < made.n; i++) /* by table, each table's in the order visited */
            *at[made.table[i]]++ =
                (uint32_t)(made.v[i].key >> 60) << MEMO_TERM_BITS | made.v[i].term;
        m->data = h;
        m->gen = kt->gen;
        memo_file(kt, id, h);
    }
    free(made.v);
    free(made.table);
}

/* For ordering term indexes by their terms' text: the table's terms. */
static const struct term *sort_terms;

static int term_index_cmp(const void *pa, const void *pb)
{
    return term_cmp(&sort_terms[*(const uint32_t *)pa], &sort_terms[*(const uint32_t *)pb]);
}

/*
** Empty the tables of their entries. The terms stay, and with them the
** indexes memos hold, unless they take half the budget: then they go too.
*/
static void tables_empty(struct key_tables *kt)
{
    size_t kept = 0;
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        struct term_table *t = &kt->t[i];
        kept += t->cap * sizeof(struct term) + t->nslots * sizeof(uint32_t) + t->arena.cap;
    }
    if (kept > kt->budget / 2) {
        for (int i = 0; i < POSTINGS_TABLES; i++)
            terms_free(&kt->t[i]);
        kt->bytes = 0;
        kt_renew(kt); /* the terms are gone */
        return;
    }
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        struct term_table *t = &kt->t[i];
        for (size_t j = 0; j < t->n; j++) {
            t->terms[j].v = NULL;
            t->terms[j].n = t->terms[j].more = 0;
        }
        t->nfiled = t->filed_counted = 0; /* the filed array and the block are used again */
    }
    kt->bytes = kept;
}

/* After the last run is spilled: the memory kept for the next run goes. */
static void tables_release(struct key_tables *kt)
{
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        struct term_table *t = &kt->t[i];
        free(t->filed);
        free(t->block);
        t->filed = NULL;
        t->block = NULL;
        t->filed_cap = t->block_cap = 0;
    }
}

/*
** A run on its way to the spill file: written at its place by a thread of
** its own while the tables fill again (the kernel's part of writing was a
** fifth of the reading thread's time in a load).
*/
struct spill_write {
    pthread_t thread;
    int threaded;
    int fd;
    off_t at;
    struct strbuf bytes;
    int rc; /* 0, or -1: not all written */
};

static void *spill_write_run(void *arg)
{
    struct spill_write *w = arg;
    const char *p = w->bytes.buf;
    size_t left = w->bytes.len;
    off_t at = w->at;
    w->rc = 0;
    while (left) {
        ssize_t n = pwrite(w->fd, p, left, at);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            w->rc = -1;
            break;
        }
        p += n;
        at += n;
        left -= (size_t)n;
    }
    return NULL;
}

/* Wait for the run being written (if any). 0, or -1 when a run was not all written. */
static int spill_settle(struct key_tables *kt)
{
    struct spill_write *w = kt->writing;
    if (w) {
        if (w->threaded) pthread_join(w->thread, NULL);
        if (w->rc != 0) kt->lost = 1;
        /* Its memory makes the next run: touched once, not faulted in again for each. */
        strbuf_free(&kt->spare);
        kt->spare = w->bytes;
        free(w);
        kt->writing = NULL;
    }
    return kt->lost ? -1 : 0;
}

/*
** Write the tables to the spill file as a run, each term's entries sorted
** and the terms in order (the terms themselves keep their places), and
** empty them. The run is written behind (spill_settle() waits for it).
** 0, or -1 (nothing lost).
*/
static int spill_run(struct key_tables *kt)
{
    if (spill_settle(kt) != 0) return -1;
    if (!kt->spill && (kt->spill = tmpfile()) != NULL)
        setvbuf(kt->spill, NULL, _IOFBF, 1 << 20); /* a merge's run: written a megabyte at a time */
    if (!kt->spill || fflush(kt->spill) != 0) return -1;
    int fd = fileno(kt->spill);
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0) return -1;
    struct spill_write *w = xcalloc(1, sizeof *w);
    w->fd = fd;
    w->at = end;
    w->bytes = kt->spare;
    strbuf_init(&kt->spare);
    strbuf_reset(&w->bytes);
    struct run r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        struct term_table *t = &kt->t[i];
        table_group(t);
        uint32_t *order = xmalloc((t->n ? t->n : 1) * sizeof *order);
        size_t n = 0, bytes = 0;
        for (size_t j = 0; j < t->n; j++)
            if (t->terms[j].n) {
                postings_sort(t->terms[j].v, t->terms[j].n);
                order[n++] = (uint32_t)j;
                bytes +=
                    2 * sizeof(uint32_t) + t->terms[j].len + t->terms[j].n * sizeof(struct posting);
            }
        sort_terms = t->terms;
        sort_arena = t->arena.buf;
        qsort(order, n, sizeof *order, term_index_cmp);
        r.at[i] = end + (off_t)w->bytes.len;
        r.terms[i] = n;
        strbuf_grow(&w->bytes, bytes);
        for (size_t j = 0; j < n; j++) {
            const struct term *e = &t->terms[order[j]];
            uint32_t head[2] = {e->len, e->n};
            strbuf_add(&w->bytes, head, sizeof head);
            strbuf_add(&w->bytes, t->arena.buf + e->text, e->len);
            strbuf_add(&w->bytes, e->v, e->n * sizeof *e->v);
        }
        free(order);
    }
    w->threaded = pthread_create(&w->thread, NULL, spill_write_run, w) == 0;
    if (!w->threaded) spill_write_run(w); /* no thread to be had: written here */
    if (!w->threaded && w->rc != 0) {
        kt->spare = w->bytes;
        free(w);
        return -1;
    }
    kt->writing = w;
    kt->runs = xrealloc(kt->runs, (kt->nruns + 1) * sizeof *kt->runs);
    kt->runs[kt->nruns++] = r;
    tables_empty(kt);
    return 0;
}

void key_tables_spill_at(struct key_tables *kt, size_t bytes)
{
    kt->budget = bytes;
}

/* Spill the tables when past the budget. */
static void kt_check_budget(struct key_tables *kt)
{
    if (kt->budget && !kt->failed && kt->bytes > kt->budget && spill_run(kt) != 0) kt->failed = 1;
}

void key_tables_file(struct key_tables *kt, int64_t id, const struct name_keys *k)
{
    name_keys_each(k, id, key_visit, kt);
    kt_check_budget(kt);
}

uint64_t key_tables_gen(const struct key_tables *kt)
{
    return kt->gen;
}

void key_tables_file_memo(struct key_tables *kt, int64_t id, const struct name_keys *k,
                          struct name_keys_memo *m)
{
    if (m->gen == kt->gen && m->data)
        memo_file(kt, (uint32_t)id, m->data);
    else
        memo_make(kt, k, (uint32_t)id, m); /* files them too */
    kt_check_budget(kt);
}

void key_tables_add(struct key_tables *kt, enum postings_table t, const char *term,
                    const struct posting *e)
{
    kt_add(kt, t, term, e);
}

void key_tables_drop(struct key_tables *kt, int (*keep)(void *ctx, uint32_t id), void *ctx)
{
    for (int i = 0; i < POSTINGS_TABLES; i++)
        table_group(&kt->t[i]);
    for (int i = 0; i < POSTINGS_TABLES; i++)
        for (size_t j = 0; j < kt->t[i].n; j++) {
            struct term *e = &kt->t[i].terms[j];
            uint32_t k = 0;
            for (uint32_t m = 0; m < e->n; m++)
                if (keep(ctx, e->v[m].id)) e->v[k++] = e->v[m];
            e->n = k;
        }
    kt->keep = keep;
    kt->keep_ctx = ctx;
    kt->kept = kt->nruns; /* runs spilled from now on hold entries filed after the drop */
}

void key_tables_map_ids(struct key_tables *kt, uint32_t (*map)(void *ctx, uint32_t id), void *ctx)
{
    for (int i = 0; i < POSTINGS_TABLES; i++)
        table_group(&kt->t[i]);
    for (int i = 0; i < POSTINGS_TABLES; i++)
        for (size_t j = 0; j < kt->t[i].n; j++) {
            struct term *e = &kt->t[i].terms[j];
            for (uint32_t m = 0; m < e->n; m++)
                e->v[m].id = map(ctx, e->v[m].id);
        }
    kt->map = map;
    kt->map_ctx = ctx;
    kt->mapped = kt->nruns;
}

void *key_tables_sort(void *kt)
{
    struct key_tables *k = kt;
    for (int i = 0; i < POSTINGS_TABLES; i++)
        table_sort(&k->t[i]);
    kt_renew(k); /* the terms are in a new order */
    return NULL;
}

/* Reading one table of one run back, a term at a time, through a buffer of its own. */
#define READER_BUF 65536

struct run_reader {
    int fd;
    off_t at;        /* the file offset of buf[0] */
    size_t pos, len; /* read position in buf, bytes in buf */
    size_t left;     /* terms not read yet */
    struct strbuf term;
    uint32_t n; /* entries of the current term, not read yet */
    int live;   /* a current term is held */
    unsigned char *buf;
    size_t run; /* which */
};

static int reader_read(struct run_reader *r, void *out, size_t n)
{
    unsigned char *o = out;
    while (n) {
        if (r->pos == r->len) {
            r->at += (off_t)r->len;
            ssize_t got = pread(r->fd, r->buf, READER_BUF, r->at);
            if (got <= 0) return -1;
            r->pos = 0;
            r->len = (size_t)got;
        }
        size_t k = r->len - r->pos < n ? r->len - r->pos : n;
        memcpy(o, r->buf + r->pos, k);
        r->pos += k;
        o += k;
        n -= k;
    }
    return 0;
}

static int reader_next(struct run_reader *r)
{
    r->live = 0;
    if (!r->left) return 0;
    uint32_t head[2];
    if (reader_read(r, head, sizeof head) != 0) return -1;
    strbuf_reset(&r->term);
    strbuf_grow(&r->term, head[0] + 1);
    if (reader_read(r, r->term.buf, head[0]) != 0) return -1;
    r->term.len = head[0];
    r->term.buf[head[0]] = '\0';
    r->n = head[1];
    r->left--;
    r->live = 1;
    return 0;
}

/* Append the current term's entries (those kept) to v, and move on. */
static int reader_take(struct key_tables *kt, struct run_reader *r, struct posting **v, size_t *n,
                       size_t *cap)
{
    if (*n + r->n > *cap) {
        *cap = (*n + r->n) * 2;
        *v = xrealloc(*v, *cap * sizeof **v);
    }
    if (reader_read(r, *v + *n, r->n * sizeof **v) != 0) return -1;
    if (r->run < kt->mapped)
        for (uint32_t i = 0; i < r->n; i++)
            (*v)[*n + i].id = kt->map(kt->map_ctx, (*v)[*n + i].id);
    size_t k = *n;
    for (uint32_t i = 0; i < r->n; i++)
        if (r->run >= kt->kept || kt->keep(kt->keep_ctx, (*v)[*n + i].id)) (*v)[k++] = (*v)[*n + i];
    *n = k;
    return reader_next(r);
}

static int reader_cmp(const struct run_reader *a, const struct run_reader *b)
{
    size_t n = a->term.len < b->term.len ? a->term.len : b->term.len;
    int c = memcmp(a->term.buf, b->term.buf, n);
    return c ? c : (a->term.len > b->term.len) - (a->term.len < b->term.len);
}

/* Where merged terms go: the posting-list table, or a new run of the spill file. */
typedef int (*merge_emit)(void *ctx, const char *term, size_t len, const struct posting *v,
                          size_t n);

/* Merge table which of every run, term by term, each term's entries sorted, into emit. */
static int runs_merge(struct key_tables *kt, enum postings_table which, merge_emit emit, void *ctx)
{
    if (spill_settle(kt) != 0) return DB_ERROR;
    struct run_reader *rd = xcalloc(kt->nruns, sizeof *rd);
    int rc = DB_OK;
    for (size_t i = 0; i < kt->nruns; i++) {
        rd[i] = (struct run_reader){fileno(kt->spill),
                                    kt->runs[i].at[which],
                                    0,
                                    0,
                                    kt->runs[i].terms[which],
                                    STRBUF_INIT,
                                    0,
                                    0,
                                    xmalloc(READER_BUF),
                                    i};
        if (reader_next(&rd[i]) != 0) rc = DB_ERROR;
    }
    struct posting *v = NULL;
    size_t cap = 0;
    struct strbuf term = STRBUF_INIT;
    while (rc == DB_OK) {
        struct run_reader *low = NULL;
        for (size_t i = 0; i < kt->nruns; i++)
            if (rd[i].live && (!low || reader_cmp(&rd[i], low) < 0)) low = &rd[i];
        if (!low) break;
        strbuf_reset(&term);
        strbuf_add(&term, low->term.buf, low->term.len);
        size_t n = 0;
        for (size_t i = 0; i < kt->nruns && rc == DB_OK; i++)
            if (rd[i].live && rd[i].term.len == term.len &&
                memcmp(rd[i].term.buf, term.buf, term.len) == 0 &&
                reader_take(kt, &rd[i], &v, &n, &cap) != 0)
                rc = DB_ERROR;
        if (rc == DB_OK && n) {
            postings_sort(v, n);
            rc = emit(ctx, term.buf, term.len, v, n);
        }
    }
    strbuf_free(&term);
    free(v);
    for (size_t i = 0; i < kt->nruns; i++) {
        strbuf_free(&rd[i].term);
        free(rd[i].buf);
    }
    free(rd);
    return rc;
}

static int emit_table(void *ctx, const char *term, size_t len, const struct posting *v, size_t n)
{
    return postings_bulk_term(ctx, term, len, v, n);
}

/* Merge table which of every run into the posting-list table of reg. */
static int runs_write(struct key_tables *kt, struct db *db, enum postings_register reg,
                      enum postings_table which)
{
    size_t total = 0;
    for (size_t i = 0; i < kt->nruns; i++)
        total += kt->runs[i].terms[which];
    if (!total) return DB_OK;
    struct db_stmt *st = postings_bulk_prepare(db, reg, which);
    int rc = runs_merge(kt, which, emit_table, st);
    db_finalize(st);
    return rc;
}

/* A run being written by a merge: its file and how many terms it has. */
struct run_out {
    FILE *f;
    size_t terms;
};

static int emit_run(void *ctx, const char *term, size_t len, const struct posting *v, size_t n)
{
    struct run_out *o = ctx;
    uint32_t head[2] = {(uint32_t)len, (uint32_t)n};
    fwrite(head, sizeof head, 1, o->f);
    fwrite(term, 1, len, o->f);
    fwrite(v, sizeof *v, n, o->f);
    o->terms++;
    return ferror(o->f) ? DB_ERROR : DB_OK;
}

void *key_tables_merge(void *arg)
{
    struct key_tables *kt = arg;
    if (!kt->nruns || kt->failed) return key_tables_sort(kt);
    /* What is still in memory becomes the last run; then all are merged into one more. */
    if (spill_run(kt) != 0 || spill_settle(kt) != 0 || fseek(kt->spill, 0, SEEK_END) != 0)
        return NULL; /* writing tries again, and fails then */
    tables_release(kt);
    struct run merged;
    memset(&merged, 0, sizeof merged);
    int rc = DB_OK;
    for (int i = 0; i < POSTINGS_TABLES && rc == DB_OK; i++) {
        struct run_out o = {kt->spill, 0};
        merged.at[i] = ftell(kt->spill);
        rc = runs_merge(kt, (enum postings_table)i, emit_run, &o);
        merged.terms[i] = o.terms;
    }
    if (rc == DB_OK && fflush(kt->spill) == 0) {
        /* The merged run's ids are mapped and its entries kept already. */
        kt->runs[0] = merged;
        kt->nruns = 1;
        kt->mapped = 0;
        kt->kept = 0;
    }
    /* Else the runs stay as they were, merged again when written. */
    return NULL;
}

/* Whether the tables in memory hold any entry. */
static int tables_hold(const struct key_tables *kt)
{
    for (int i = 0; i < POSTINGS_TABLES; i++) {
        const struct term_table *t = &kt->t[i];
        if (t->nfiled) return 1;
        for (size_t j = 0; j < t->n; j++)
            if (t->terms[j].n) return 1;
    }
    return 0;
}

int key_tables_mark(struct key_tables *kt, struct key_tables_mark *m)
{
    if (kt->failed || (tables_hold(kt) && spill_run(kt) != 0)) return -1;
    m->nruns = kt->nruns;
    m->kept = kt->kept;
    m->keep = kt->keep;
    m->keep_ctx = kt->keep_ctx;
    return 0;
}

void key_tables_undo(struct key_tables *kt, const struct key_tables_mark *m)
{
    kt->nruns = m->nruns; /* a run spilled since stays in the file, never read */
    kt->kept = m->kept;
    kt->keep = m->keep;
    kt->keep_ctx = m->keep_ctx;
    tables_empty(kt);
}

int key_tables_write_one(struct key_tables *kt, struct db *db, enum postings_register reg,
                         enum postings_table which)
{
    if (kt->nruns && !kt->failed) {
        /* What is still in memory becomes the last run. */
        if (tables_hold(kt) && spill_run(kt) != 0) return DB_ERROR;
        tables_release(kt);
        return runs_write(kt, db, reg, which);
    }
    return table_write(db, &kt->t[which], reg, which);
}

int key_tables_write(struct key_tables *kt, struct db *db, enum postings_register reg)
{
    int rc = DB_OK;
    for (int i = 0; i < POSTINGS_TABLES && rc == DB_OK; i++)
        rc = key_tables_write_one(kt, db, reg, (enum postings_table)i);
    return rc;
}

int key_tables_add_to(struct key_tables *kt, struct db *db, enum postings_register reg)
{
    if (kt->nruns) return DB_ERROR; /* spilled: not for a register that has rows */
    int rc = DB_OK;
    struct strbuf term = STRBUF_INIT;
    for (int i = 0; i < POSTINGS_TABLES && rc == DB_OK; i++) {
        struct term_table *t = &kt->t[i];
        table_sort(t);
        for (size_t j = 0; j < t->n && rc == DB_OK; j++) {
            const struct term *e = &t->terms[j];
            if (!e->n) continue;
            strbuf_reset(&term);
            strbuf_add(&term, t->arena.buf + e->text, e->len);
            rc = postings_add_sorted(db, reg, (enum postings_table)i, term.buf, e->v, e->n);
        }
    }
    strbuf_free(&term);
    for (int i = 0; i < POSTINGS_TABLES; i++)
        terms_free(&kt->t[i]);
    kt->bytes = 0;
    kt_renew(kt);
    return rc;
}

void key_tables_free(struct key_tables *kt)
{
    if (!kt) return;
    for (int i = 0; i < POSTINGS_TABLES; i++)
        terms_free(&kt->t[i]);
    spill_settle(kt);
    strbuf_free(&kt->spare);
    if (kt->spill) fclose(kt->spill);
    free(kt->runs);
    free(kt);
}
