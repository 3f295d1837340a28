/*
** seed: the demo district's ledgers (the CSV files in db/seed/), built into the
** program by db/embed-seed.sh: the service catalogue and the working-day
** calendar. `bangban demo` reads them through the same importers a
** district uses for its own files.
*/
#ifndef BANGBAN_SEED_H
#define BANGBAN_SEED_H

#include <stddef.h>

struct seed_file {
    const char *name; /* catalogue.csv, calendar.csv */
    const char *data;
    size_t len;
};

extern const struct seed_file seed_files[];
extern const int seed_files_count;

#endif
