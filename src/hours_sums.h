/*
** hours_sums: a period's counted service records summed per group (a team,
** a service category), fed one record at a time in any order: the
** activities and the volunteers of a group are each counted once, 人次 and
** minutes are added. What a report's GROUP BY with two count(DISTINCT) did
** in SQL, in one pass: that sorted the period's records three times. The
** district's year by category (1,008,992 of 3,019,569 records, 110,000
** volunteers), the whole `bangban report` process: 1.47 s by GROUP BY,
** 0.83-0.98 s by this, 0.28-0.47 s with the index of migration 028. db/
** reads the records, app/ names the groups.
*/
#ifndef BANGBAN_HOURS_SUMS_H
#define BANGBAN_HOURS_SUMS_H

#include <stddef.h>
#include <stdint.h>

/* One group's sums; all 0 for a group with no record. */
struct hours_sum {
    int64_t activities, times, volunteers, minutes;
};

struct hours_sums;

/* Empty sums, freed by hours_sums_free(). */
struct hours_sums *hours_sums_new(void);

/*
** Count one record of group (any id; the reports give 0 for "none", so a
** real group never has id 0) at activity by volunteer, of minutes. Records
** may come in any order; an activity is counted once per group.
*/
void hours_sums_add(struct hours_sums *s, int64_t group, int64_t activity, int64_t volunteer,
                    int64_t minutes);

/* Group's sums into *out; returns 1 when it has a record, 0 (and *out zeroed) when not. */
int hours_sums_get(const struct hours_sums *s, int64_t group, struct hours_sum *out);

/* Free s and all it holds; NULL is nothing. */
void hours_sums_free(struct hours_sums *s);

#endif
