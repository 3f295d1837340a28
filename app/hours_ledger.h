/*
** hours_ledger: the service-hours ledger (志愿服务时长台账) in and out, for
** the table of ledger kinds (app/ledgers.h). Rows go through the importer
** every ledger of plain records shares (app/import.h): each row checked
** (a volunteer number as typed or scanned, a day, sign-in and sign-out to
** the minute, a confirmation date, a request number), then settled against
** the database in the import's transaction: the volunteer on file, the
** activity by its name running that day, the request, and the pair rules
** of src/hours.h over the volunteer's other pairs of the day (the rows
** taken before it included). A row names its record by volunteer,
** activity, day and sign-in, so importing a file twice changes nothing; a
** row confirmed in the sheet counts after the notice period (the setting
** hours_notice_days, in working days), one that is not comes in
** unconfirmed, and a ledger never takes back a confirmation on file.
*/
#ifndef BANGBAN_APP_HOURS_LEDGER_H
#define BANGBAN_APP_HOURS_LEDGER_H

#include "app/export.h"
#include "app/import.h"
#include "src/workcal.h"

/* How rows of the hours ledger become service records. */
extern const struct record_import hours_rows;

/*
** Write every service record, by day, volunteer number and sign-in, in the
** columns `bangban import hours` reads, to path as o says. Returns DB_OK
** with *rows, or an error with *err (caller frees); a character the
** encoding lacks names its line and column, and nothing is written.
*/
int export_hours(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                 char **err);

#endif
