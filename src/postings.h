/*
** postings: sorted lists of (sort key, resident id) entries packed into
** byte strings, the chunks of the search tables' posting lists. An entry
** is 12 bytes, big-endian (8-byte key, 4-byte id), so byte order is
** entry order and a chunk's first entry names where it sits.
**
** The key puts the best matches first: a tier (0 whole name, 1 start,
** 2 elsewhere) in the top bits over the name's pinyin rank.
*/
#ifndef BANGBAN_POSTINGS_H
#define BANGBAN_POSTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define POSTING_SIZE 12
/*
** Chunks are written this full by a bulk load and split when twice as full.
** 80 entries (960 bytes) keep a bulk-written chunk's row within what a page
** of a WITHOUT ROWID table holds in place (about 1,000 bytes of 4,096):
** longer rows spill to overflow pages, whose unused tails were a fifth of
** the search tables.
*/
#define POSTINGS_CHUNK 80

struct posting {
    uint64_t key;
    uint32_t id;
};

/* The sort key of a tier and a pinyin rank (rank < 2^60). */
uint64_t posting_key(int tier, int64_t rank);

/* Encode e into out[POSTING_SIZE]; decode entry i of a chunk. */
void posting_put(const struct posting *e, unsigned char *out);
struct posting posting_get(const unsigned char *chunk, size_t i);

/* <0, 0, >0 as a sorts before, with or after b. */
int posting_cmp(const struct posting *a, const struct posting *b);

/*
** Insert e into the sorted chunk held in sb (n entries; sb->len must be
** n * POSTING_SIZE). Returns 0, or -1 when e is already there.
*/
int postings_insert(struct strbuf *sb, const struct posting *e);

/* Remove e from the chunk in sb. Returns 0, or -1 when it was not there. */
int postings_remove(struct strbuf *sb, const struct posting *e);

#endif
