/*
** postings: see postings.h.
*/
#include "postings.h"

#include <string.h>

uint64_t posting_key(int tier, int64_t rank)
{
    return (uint64_t)tier << 60 | ((uint64_t)rank & ((1ull << 60) - 1));
}

void posting_put(const struct posting *e, unsigned char *out)
{
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(e->key >> (56 - 8 * i));
    for (int i = 0; i < 4; i++)
        out[8 + i] = (unsigned char)(e->id >> (24 - 8 * i));
}

struct posting posting_get(const unsigned char *chunk, size_t i)
{
    const unsigned char *p = chunk + i * POSTING_SIZE;
    struct posting e = {0, 0};
    for (int k = 0; k < 8; k++)
        e.key = e.key << 8 | p[k];
    for (int k = 0; k < 4; k++)
        e.id = e.id << 8 | p[8 + k];
    return e;
}

int posting_cmp(const struct posting *a, const struct posting *b)
{
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* The first index whose entry is not before e (binary search). */
static size_t lower_bound(const unsigned char *chunk, size_t n, const struct posting *e)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        struct posting m = posting_get(chunk, mid);
        if (posting_cmp(&m, e) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int postings_insert(struct strbuf *sb, const struct posting *e)
{
    size_t n = sb->len / POSTING_SIZE;
    const unsigned char *chunk = (const unsigned char *)strbuf_str(sb);
    size_t at = lower_bound(chunk, n, e);
    if (at < n) {
        struct posting there = posting_get(chunk, at);
        if (posting_cmp(&there, e) == 0) return -1;
    }
    strbuf_grow(sb, POSTING_SIZE);
    unsigned char *c = (unsigned char *)sb->buf;
    memmove(c + (at + 1) * POSTING_SIZE, c + at * POSTING_SIZE, (n - at) * POSTING_SIZE);
    posting_put(e, c + at * POSTING_SIZE);
    sb->len += POSTING_SIZE;
    return 0;
}

int postings_remove(struct strbuf *sb, const struct posting *e)
{
    size_t n = sb->len / POSTING_SIZE;
    if (n == 0) return -1;
    unsigned char *c = (unsigned char *)sb->buf;
    size_t at = lower_bound(c, n, e);
    if (at >= n) return -1;
    struct posting there = posting_get(c, at);
    if (posting_cmp(&there, e) != 0) return -1;
    memmove(c + at * POSTING_SIZE, c + (at + 1) * POSTING_SIZE, (n - at - 1) * POSTING_SIZE);
    sb->len -= POSTING_SIZE;
    return 0;
}
