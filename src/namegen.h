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

/* How many people live in the household of a head of this age: 1 to 5 (1 under 22). */
int namegen_household_size(struct rng *r, int head_age);

/*
** Fill out (initialised by the caller) with the nth other member (1, 2
** ...) of head's household, head being head_age: a spouse first, then
** children, the fourth an elderly parent while the head is not old
** themself; of a fitting age and gender, at the head's address, its
** relation to the head (配偶, 子, 女, 父亲, 母亲) set, otherwise as
** namegen_resident() makes people.
*/
void namegen_relative(struct rng *r, time_t now, const struct resident *head, int head_age, int nth,
                      struct resident *out);

#endif
