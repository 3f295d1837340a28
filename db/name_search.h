/*
** name_search: search as the clerk types over a register of people (the
** residents, the volunteers), one implementation for all of them. What was
** typed is classified (src/search.h) and read from the register's
** posting-list tables (db/postings.h) or its reversed ID and phone number
** columns; the engine yields person ids best first and counts the matches,
** and the register's store turns each id into a row, keeping only those its
** filter keeps.
*/
#ifndef BANGBAN_NAME_SEARCH_H
#define BANGBAN_NAME_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "db/postings.h"
#include "src/search.h"

/*
** A column of digits searched as a range (?1 <= col < ?2): the ids there
** in pinyin order (ORDER BY rank, id) and in the index's order (ORDER BY
** col), and the rows there (SELECT 1 ...). A reversed column (an ID or
** mobile number stored backwards) is searched by what was typed reversed,
** so the last digits find it; another by what was typed, from its start.
*/
struct name_digits {
    const char *sorted, *in_order, *count;
    int reversed;
};
#define NAME_DIGITS_MAX 3

/* Where a register keeps what the engine reads: its tables and its statements. */
struct name_register {
    enum postings_register postings;
    /* SELECT name, rank FROM T WHERE id = ?1 (checking a long fragment against the names). */
    const char *name_rank;
    /* The columns digits are looked up in, in order (the reversed ID and mobile numbers ...). */
    struct name_digits digits[NAME_DIGITS_MAX];
    size_t ndigits;
    int64_t cap; /* counts stop above this */
};

/*
** Called with each id in order: take the person when the caller keeps it
** (once: an id may come twice) and set *full when the page holds all it
** wants. Returns DB_OK or an error (the search stops).
*/
typedef int (*name_search_take)(void *ctx, int64_t id, int *full);

/*
** Search reg for q (not SEARCH_EMPTY: the caller lists its own for
** nothing typed), handing ids to take best first until it is full, and
** say in *total how many match (up to reg->cap + 1; the same person may be
** counted twice when matched two ways). Returns DB_OK or an error.
*/
int name_search_run(struct db *db, const struct name_register *reg, const struct search_query *q,
                    name_search_take take, void *ctx, int64_t *total);

#endif
