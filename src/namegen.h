/*
** namegen: deterministic pseudo-random data for demo databases: a small
** PRNG (splitmix64: same seed, same district, byte for byte), plausible
** Chinese personal names drawn by surname frequency, and whole residents.
*/
#ifndef BANGBAN_NAMEGEN_H
#define BANGBAN_NAMEGEN_H

#include <stdint.h>
#include <time.h>

#include "resident.h"
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

/*
** Fill out (initialised by the caller) with a plausible resident as of
** now: a name by surname frequency and the generation's given names (a few
** two-character and polyphonic surnames, polyphonic and rare given-name
** characters, Uyghur names with the middle dot), gender, ethnic group, an
** age from an ageing district, a valid ID number agreeing with birth date
** and gender, a mobile for most, an address (楼栋-单元-室) and tags. ID
** numbers may repeat across calls: the caller keeps them unique.
*/
void namegen_resident(struct rng *r, time_t now, struct resident *out);

#endif
