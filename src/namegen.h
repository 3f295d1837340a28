/*
** namegen: deterministic pseudo-random data for demo databases: a small
** PRNG (splitmix64: same seed, same district, byte for byte) and plausible
** Chinese personal names drawn by surname frequency.
*/
#ifndef BANGBAN_NAMEGEN_H
#define BANGBAN_NAMEGEN_H

#include <stdint.h>

#include "util.h"

struct rng {
    uint64_t state;
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* A number in [0, n); n > 0. */
uint32_t rng_below(struct rng *r, uint32_t n);

/* Append a plausible personal name (surname + one or two characters) to out. */
void namegen_person(struct rng *r, struct strbuf *out);

#endif
