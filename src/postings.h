/*
** postings: sorted lists of (sort key, resident id) entries, the chunks of
** the search tables' posting lists. A chunk's first entry is kept whole,
** 12 bytes big-endian (8-byte key, 4-byte id), so byte order is entry order
** and it names where the chunk sits; the entries after it are packed, each
** as the gap from the entry before: the key's gap as a varint, then the id
** (the id's gap less one when the key is the same) as a varint. Names that
** read alike sit together, so an entry takes about 3 bytes instead of 12.
**
** The key puts the best matches first: a tier (0 whole name, 1 start,
** 2 elsewhere) in the top bits over the name's pinyin rank.
*/
#ifndef BANGBAN_POSTINGS_H
#define BANGBAN_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* A chunk's first entry, whole. */
#define POSTING_SIZE 12
/* The most bytes one packed entry takes: a 10-byte key gap and a 5-byte id. */
#define POSTING_PACKED_MAX 15
/*
** Chunks are written this full by a bulk load and split when twice as full.
** Packed, 80 entries take about 250 bytes, well within what a page of a
** WITHOUT ROWID table holds in place (about 1,000 bytes of 4,096): longer
** rows spill to overflow pages, whose unused tails were a fifth of the
** search tables.
*/
#define POSTINGS_CHUNK 80

struct posting {
    uint64_t key;
    uint32_t id;
};

/* The sort key of a tier and a pinyin rank (rank < 2^60). */
uint64_t posting_key(int tier, int64_t rank);

/* Encode e whole into out[POSTING_SIZE]; decode one so encoded. */
void posting_put(const struct posting *e, unsigned char *out);
struct posting posting_get(const unsigned char *whole);

/* <0, 0, >0 as a sorts before, with or after b. */
int posting_cmp(const struct posting *a, const struct posting *b);

/*
** Pack the entries after the first of e[0..n) (sorted, unique) onto out;
** the first goes whole beside them (posting_put). Nothing is added for n <= 1.
*/
void postings_pack(const struct posting *e, size_t n, struct strbuf *out);

/*
** Unpack a chunk of n entries, its first entry whole (first_len bytes) and
** the rest packed (len bytes), into out[0..n) (the caller's, room for n).
** Returns 0, or -1 when the bytes do not hold exactly n sorted entries
** (a damaged row).
*/
int postings_unpack(const unsigned char *first, size_t first_len, const unsigned char *packed,
                    size_t len, size_t n, struct posting *out);

/*
** Insert e into the sorted v[0..*n) (room for one more), counting it in *n.
** Returns 0, or -1 when e is already there.
*/
int postings_insert(struct posting *v, size_t *n, const struct posting *e);

/* Remove e from the sorted v[0..*n). Returns 0, or -1 when it was not there. */
int postings_remove(struct posting *v, size_t *n, const struct posting *e);

#endif
