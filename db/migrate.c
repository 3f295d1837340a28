/*
** migrate: the migrations that need C beside their SQL (see migrate.h).
*/
#include "db/migrate.h"
#include "db/resident_bulk.h"

#include <stddef.h>

const struct migration_code migration_code[] = {
    {4, resident_file_long_pieces}, /* names filed under their 3-character pieces */
    {0, NULL},
};
