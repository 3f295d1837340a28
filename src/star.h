/*
** star: star levels (星级志愿者). A level is a name and the hours that earn
** it (一星 100 小时 ... 五星 1500 小时, a table a centre edits, since local
** schemes differ); a volunteer's level is the highest whose hours are no
** more than the hours that count (confirmed, past their notice period).
** A star due is a level a volunteer reached and does not hold yet.
*/
#ifndef BANGBAN_STAR_H
#define BANGBAN_STAR_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

#define STAR_NAME_MAX  16
#define STAR_HOURS_MAX 100000

struct star_level {
    int64_t id; /* 0 until saved */
    char *name; /* 一星 */
    int64_t hours;
    int64_t version;
};

extern const struct record_type star_level_record;

/* A volunteer who reached a level not yet awarded. */
struct star_due {
    int64_t volunteer_id;
    char *number; /* 志愿者编号 */
    char *name;
    int64_t minutes; /* counted */
    int64_t level_id;
    char *level_name;
    int64_t level_hours;
};

extern const struct record_type star_due_record;

/*
** The index into levels[0..n) (any order) of the highest level whose
** hours are no more than minutes counted, or -1 when none is reached.
*/
int star_level_reached(const struct star_level *levels, size_t n, int64_t minutes);

/* Can l be saved: a name, and hours from 1 to STAR_HOURS_MAX? NULL, or why not (translated). */
const char *star_level_check(const struct star_level *l);

#endif
