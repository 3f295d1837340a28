/*
** demo_hours: years of plausible volunteer service for the demo district
** (`bangban demo --volunteers N --hours-years Y`): each team runs a few
** activities a month (the association more), in the categories of the
** service, mornings, afternoons or whole days; most volunteers serve a few
** times a year, some every month, a few nearly every week and a handful
** most days, so some reach every star level. Records are confirmed by the
** organiser a few days after the service and count after the notice period
** (the setting, over the working-day calendar); the last days' records are
** partly unconfirmed yet, a few were entered late with a reason, and some
** name a closed request they helped with. Written through the bulk loader
** (db/hours_bulk.h) in one transaction.
*/
#ifndef BANGBAN_DEMO_HOURS_H
#define BANGBAN_DEMO_HOURS_H

#include <stddef.h>

#include "db/db.h"
#include "db/resident_bulk.h"

struct demo_hours_report {
    size_t activities, records;
};

/*
** Generate years (1 .. 20) of activities and service records up to
** yesterday for the volunteers and teams on file, as actor. DB_OK with
** *rep, DB_INVALID with *err (caller frees) when there are no volunteers
** or activities are on file already, or another error with *err; nothing
** is written unless all of it is.
*/
int demo_hours(struct db *db, int years, const char *actor, bulk_progress progress, void *ctx,
               struct demo_hours_report *rep, char **err);

#endif
