/*
** rate_counts: the counts behind the rates (src/rates.h) for a period,
** gathered in one pass over the period's requests (db/request_store.h).
*/
#ifndef BANGBAN_RATE_COUNTS_H
#define BANGBAN_RATE_COUNTS_H

#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "src/rates.h"

/*
** The counts of the requests taken down in [from, to): one row per unit in
** *units (n of them; unit_id 0: none yet), the district in *overall.
** Returns DB_OK (caller frees each row with rate_counts_free(), the array,
** and *overall), or the store's error (then nothing is handed over).
*/
int rate_counts_gather(struct db *db, time_t from, time_t to, struct rate_counts **units, size_t *n,
                       struct rate_counts *overall);

#endif
