/*
** hours_sums: see hours_sums.h. The groups are found by an open-addressing
** table (id to the place of its sums). Each group marks the volunteers it
** has seen in a bitmap by id, which stays in the processor's cache (16 KiB
** for 110,000 volunteers); a group's activities, and its volunteers past
** what the bitmaps may take in all, go to a set of (group, id) pairs: a
** second table, open addressing too. The tables probe linearly and double
** at half full.
*/
#include "src/hours_sums.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

/* A pair seen: the id, and the group's place + 1 (0: an empty slot). */
struct pair {
    int64_t id;
    uint64_t group;
};

struct pair_set {
    struct pair *slot;
    size_t nslots, n;
};

/* The volunteers a group has seen: one bit each id below bits. Frozen once refused room. */
struct seen {
    uint64_t *word;
    size_t bits;
    int frozen;
};

/* What the bitmaps take in all at most (bytes), and the first id past what one maps. */
#define SEEN_BUDGET (64u << 20)
#define SEEN_MAX_ID (1LL << 28)

struct hours_sums {
    /* the groups: ids, sums and volunteers seen by place; the table of an id's place + 1 */
    int64_t *id;
    struct hours_sum *sum;
    struct seen *seen;
    size_t n, cap;
    size_t *place, nplaces;
    size_t seen_bytes;
    /* the last activity counted, and its group's place + 1: the next record is most often its */
    int64_t last_activity;
    size_t last_group;
    struct pair_set activities, volunteers;
};

/* splitmix64's finisher: every bit of x stirs every bit of the hash. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

/* The slot of (group, id) in slots (a power of two of them): where it is, or the empty one. */
static struct pair *pair_slot(struct pair *slot, size_t nslots, uint64_t group, int64_t id)
{
    size_t j = mix((uint64_t)id * 31 + group) & (nslots - 1);
    while (slot[j].group && (slot[j].group != group || slot[j].id != id))
        j = (j + 1) & (nslots - 1);
    return &slot[j];
}

static void pair_grow(struct pair_set *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 1024;
    struct pair *slot = xcalloc(n, sizeof *slot);
    for (size_t i = 0; i < p->nslots; i++)
        if (p->slot[i].group) *pair_slot(slot, n, p->slot[i].group, p->slot[i].id) = p->slot[i];
    free(p->slot);
    p->slot = slot;
    p->nslots = n;
}

/* Add (group, id) to p: 1 when it was not there, 0 when it was. */
static int pair_add(struct pair_set *p, uint64_t group, int64_t id)
{
    if (2 * (p->n + 1) > p->nslots) pair_grow(p);
    struct pair *s = pair_slot(p->slot, p->nslots, group, id);
    if (s->group) return 0;
    *s = (struct pair){id, group};
    p->n++;
    return 1;
}

/* The slot of group id in the places table: where it is, or the empty one. */
static size_t *place_slot(const struct hours_sums *s, size_t *place, size_t nplaces, int64_t id)
{
    size_t j = mix((uint64_t)id) & (nplaces - 1);
    while (place[j] && s->id[place[j] - 1] != id)
        j = (j + 1) & (nplaces - 1);
    return &place[j];
}

static void place_grow(struct hours_sums *s)
{
    size_t n = s->nplaces ? s->nplaces * 2 : 64;
    size_t *place = xcalloc(n, sizeof *place);
    for (size_t i = 0; i < s->n; i++)
        *place_slot(s, place, n, s->id[i]) = i + 1;
    free(s->place);
    s->place = place;
    s->nplaces = n;
}

/* The place of group id's sums, made when it has none. */
static size_t group_place(struct hours_sums *s, int64_t id)
{
    if (s->nplaces) {
        size_t *p = place_slot(s, s->place, s->nplaces, id);
        if (*p) return *p - 1;
    }
    if (2 * (s->n + 1) > s->nplaces) place_grow(s);
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->id = xrealloc(s->id, s->cap * sizeof *s->id);
        s->sum = xrealloc(s->sum, s->cap * sizeof *s->sum);
        s->seen = xrealloc(s->seen, s->cap * sizeof *s->seen);
    }
    s->id[s->n] = id;
    s->sum[s->n] = (struct hours_sum){0, 0, 0, 0};
    s->seen[s->n] = (struct seen){NULL, 0, 0};
    *place_slot(s, s->place, s->nplaces, id) = s->n + 1;
    return s->n++;
}

/*
** Widen b to map id, when the budget allows: else b is frozen, so that an
** id goes to the bitmap or to the pair set alike each time it comes.
*/
static void seen_grow(struct hours_sums *s, struct seen *b, int64_t id)
{
    size_t words = b->bits ? b->bits / 64 : 64;
    while (id < SEEN_MAX_ID && (int64_t)words * 64 <= id)
        words *= 2;
    size_t more = (words - b->bits / 64) * sizeof *b->word;
    if (id >= SEEN_MAX_ID || s->seen_bytes + more > SEEN_BUDGET) {
        b->frozen = 1;
        return;
    }
    b->word = xrealloc(b->word, words * sizeof *b->word);
    memset(b->word + b->bits / 64, 0, more);
    s->seen_bytes += more;
    b->bits = words * 64;
}

/* Whether volunteer id is new to the group at place g (and now seen). */
static int volunteer_new(struct hours_sums *s, size_t g, int64_t id)
{
    struct seen *b = &s->seen[g];
    if (id >= 0 && (size_t)id >= b->bits && !b->frozen) seen_grow(s, b, id);
    if (id < 0 || (size_t)id >= b->bits) return pair_add(&s->volunteers, g + 1, id);
    uint64_t bit = 1ULL << (id & 63), *w = &b->word[id >> 6];
    if (*w & bit) return 0;
    *w |= bit;
    return 1;
}

struct hours_sums *hours_sums_new(void)
{
    return xcalloc(1, sizeof(struct hours_sums));
}

void hours_sums_add(struct hours_sums *s, int64_t group, int64_t activity, int64_t volunteer,
                    int64_t minutes)
{
    size_t g = group_place(s, group);
    struct hours_sum *sum = &s->sum[g];
    sum->times++;
    sum->minutes += minutes;
    if (activity != s->last_activity || g + 1 != s->last_group) {
        sum->activities += pair_add(&s->activities, g + 1, activity);
        s->last_activity = activity;
        s->last_group = g + 1;
    }
    sum->volunteers += volunteer_new(s, g, volunteer);
}

int hours_sums_get(const struct hours_sums *s, int64_t group, struct hours_sum *out)
{
    *out = (struct hours_sum){0, 0, 0, 0};
    if (!s->nplaces) return 0;
    size_t p = *place_slot(s, s->place, s->nplaces, group);
    if (!p) return 0;
    *out = s->sum[p - 1];
    return 1;
}

void hours_sums_free(struct hours_sums *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->n; i++)
        free(s->seen[i].word);
    free(s->seen);
    free(s->id);
    free(s->sum);
    free(s->place);
    free(s->activities.slot);
    free(s->volunteers.slot);
    free(s);
}
