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

struct posting posting_get(const unsigned char *whole)
{
    struct posting e = {0, 0};
    for (int k = 0; k < 8; k++)
        e.key = e.key << 8 | whole[k];
    for (int k = 0; k < 4; k++)
        e.id = e.id << 8 | whole[8 + k];
    return e;
}

int posting_cmp(const struct posting *a, const struct posting *b)
{
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/*
** Write v at p (room for 10 bytes) as a varint: 7 bits a byte, low first,
** the top bit set on all but the last. Returns the bytes written.
*/
static size_t varint_put(unsigned char *p, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        p[n++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    p[n++] = (unsigned char)v;
    return n;
}

/* Read a varint at *p (before end) into *v, moving *p past it. Returns 0, or -1 when cut short. */
static int varint_get(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    uint64_t x = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char b = *(*p)++;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return 0;
        }
    }
    return -1;
}

void postings_pack(const struct posting *e, size_t n, struct strbuf *out)
{
    /* Room for every entry at once (two varints of at most 10 bytes): a chunk is packed each
     * time a row's key changes it, and adding byte by byte took a tenth of a re-import. */
    strbuf_grow(out, n * 20);
    unsigned char *p = (unsigned char *)out->buf + out->len;
    for (size_t i = 1; i < n; i++) {
        uint64_t gap = e[i].key - e[i - 1].key;
        p += varint_put(p, gap);
        p += varint_put(p, gap ? e[i].id : (uint64_t)(e[i].id - e[i - 1].id - 1));
    }
    out->len = (size_t)(p - (unsigned char *)out->buf);
    out->buf[out->len] = '\0';
}

int postings_unpack(const unsigned char *first, size_t first_len, const unsigned char *packed,
                    size_t len, size_t n, struct posting *out)
{
    if (n == 0) return len == 0 && first_len == 0 ? 0 : -1;
    if (first_len != POSTING_SIZE) return -1;
    out[0] = posting_get(first);
    if (!packed) packed = (const unsigned char *)""; /* an empty blob reads back as NULL */
    const unsigned char *p = packed, *end = packed + len;
    for (size_t i = 1; i < n; i++) {
        uint64_t gap, id;
        if (varint_get(&p, end, &gap) || varint_get(&p, end, &id)) return -1;
        if (gap > UINT64_MAX - out[i - 1].key) return -1;
        out[i].key = out[i - 1].key + gap;
        id += gap ? 0 : (uint64_t)out[i - 1].id + 1;
        if (id > UINT32_MAX) return -1;
        out[i].id = (uint32_t)id;
    }
    return p == end ? 0 : -1;
}

/* The first index whose entry is not before e (binary search). */
static size_t lower_bound(const struct posting *v, size_t n, const struct posting *e)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (posting_cmp(&v[mid], e) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int postings_insert(struct posting *v, size_t *n, const struct posting *e)
{
    size_t at = lower_bound(v, *n, e);
    if (at < *n && posting_cmp(&v[at], e) == 0) return -1;
    memmove(v + at + 1, v + at, (*n - at) * sizeof *v);
    v[at] = *e;
    ++*n;
    return 0;
}

int postings_remove(struct posting *v, size_t *n, const struct posting *e)
{
    size_t at = lower_bound(v, *n, e);
    if (at >= *n || posting_cmp(&v[at], e) != 0) return -1;
    memmove(v + at, v + at + 1, (*n - at - 1) * sizeof *v);
    --*n;
    return 0;
}
