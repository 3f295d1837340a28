/*
** key_tables: see key_tables.h.
*/
#include "db/key_tables.h"

#include <stdlib.h>
#include <string.h>

/*
** The entries of a posting-list table collected during the load: grouped
** by term as they come (a hash table of terms), each term's entries sorted
** at the end. Sorting many short integer runs is far cheaper than sorting
** every (term, entry) pair by its text.
*/
struct term {
    uint32_t text; /* offset of the term in the arena */
    uint32_t len;
    struct posting *v;
    uint32_t n, cap;
};

struct term_table {
    struct term *terms;
    size_t n, cap;
    uint32_t *slots; /* hash -> term index + 1; 0 empty */
    size_t nslots;
    struct strbuf arena;
};

static void terms_rehash(struct term_table *t)
{
    t->nslots = t->nslots ? t->nslots * 2 : 1 << 12;
    free(t->slots);
    t->slots = xcalloc(t->nslots, sizeof *t->slots);
    for (size_t i = 0; i < t->n; i++) {
        const struct term *e = &t->terms[i];
        size_t j = str_hash(t->arena.buf + e->text, e->len) & (t->nslots - 1);
        while (t->slots[j])
            j = (j + 1) & (t->nslots - 1);
        t->slots[j] = (uint32_t)(i + 1);
    }
}

/* Add an entry under term text. */
static void terms_add(struct term_table *t, const char *text, const struct posting *e)
{
    size_t len = strlen(text);
    if ((t->n + 1) * 2 > t->nslots) terms_rehash(t);
    size_t j = str_hash(text, len) & (t->nslots - 1);
    struct term *found = NULL;
    while (t->slots[j]) {
        struct term *c = &t->terms[t->slots[j] - 1];
        if (c->len == len && memcmp(t->arena.buf + c->text, text, len) == 0) {
            found = c;
            break;
        }
        j = (j + 1) & (t->nslots - 1);
    }
    if (!found) {
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 1024;
            t->terms = xrealloc(t->terms, t->cap * sizeof *t->terms);
        }
        found = &t->terms[t->n++];
        memset(found, 0, sizeof *found);
        found->text = (uint32_t)t->arena.len;
        found->len = (uint32_t)len;
        strbuf_add(&t->arena, text, len);
        t->slots[j] = (uint32_t)t->n;
    }
    if (found->n == found->cap) {
        found->cap = found->cap ? found->cap * 2 : 4;
        found->v = xrealloc(found->v, found->cap * sizeof *found->v);
    }
    found->v[found->n++] = *e;
}

static void terms_free(struct term_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->terms[i].v);
    free(t->terms);
    free(t->slots);
    strbuf_free(&t->arena);
    memset(t, 0, sizeof *t);
}

static int posting_sort_cmp(const void *a, const void *b)
{
    return posting_cmp(a, b);
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
    for (size_t i = 0; i < t->n; i++)
        qsort(t->terms[i].v, t->terms[i].n, sizeof *t->terms[i].v, posting_sort_cmp);
    sort_arena = t->arena.buf;
    qsort(t->terms, t->n, sizeof *t->terms, term_cmp);
}

/* Write a sorted table's terms as posting-list chunks of table which of register reg. */
static int table_write(struct db *db, struct term_table *t, enum postings_register reg,
                       enum postings_table which)
{
    if (t->n == 0) return DB_OK; /* nothing to write: the table need not even exist yet */
    struct db_stmt *st = postings_bulk_prepare(db, reg, which);
    int rc = DB_OK;
    for (size_t i = 0; i < t->n && rc == DB_OK; i++) {
        struct term *e = &t->terms[i]; /* each resident once: its keys are each once */
        rc = postings_bulk_term(st, t->arena.buf + e->text, e->len, e->v, e->n);
    }
    db_finalize(st);
    return rc;
}

struct key_tables {
    struct term_table t[POSTINGS_TABLES]; /* by enum postings_table */
};

struct key_tables *key_tables_new(void)
{
    return xcalloc(1, sizeof(struct key_tables));
}

static int key_visit(void *ctx, enum postings_table t, const char *term, const struct posting *e)
{
    terms_add(&((struct key_tables *)ctx)->t[t], term, e);
    return 0;
}

void key_tables_file(struct key_tables *kt, int64_t id, const struct name_keys *k)
{
    name_keys_each(k, id, key_visit, kt);
}

void key_tables_add(struct key_tables *kt, enum postings_table t, const char *term,
                    const struct posting *e)
{
    terms_add(&kt->t[t], term, e);
}

void key_tables_drop(struct key_tables *kt, int (*keep)(void *ctx, uint32_t id), void *ctx)
{
    for (int i = 0; i < POSTINGS_TABLES; i++)
        for (size_t j = 0; j < kt->t[i].n; j++) {
            struct term *e = &kt->t[i].terms[j];
            uint32_t k = 0;
            for (uint32_t m = 0; m < e->n; m++)
                if (keep(ctx, e->v[m].id)) e->v[k++] = e->v[m];
            e->n = k;
        }
}

void *key_tables_sort(void *kt)
{
    struct key_tables *k = kt;
    for (int i = 0; i < POSTINGS_TABLES; i++)
        table_sort(&k->t[i]);
    return NULL;
}

int key_tables_write(struct key_tables *kt, struct db *db, enum postings_register reg)
{
    int rc = DB_OK;
    for (int i = 0; i < POSTINGS_TABLES && rc == DB_OK; i++)
        rc = table_write(db, &kt->t[i], reg, (enum postings_table)i);
    return rc;
}

void key_tables_free(struct key_tables *kt)
{
    if (!kt) return;
    for (int i = 0; i < POSTINGS_TABLES; i++)
        terms_free(&kt->t[i]);
    free(kt);
}
