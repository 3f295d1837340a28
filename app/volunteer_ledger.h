/*
** volunteer_ledger: the volunteers ledger (志愿者台账) in and out, for the
** table of ledger kinds (app/ledgers.h). Rows go through the importer every
** ledger of plain records shares (app/import.h): each row checked as the
** volunteer form checks (a volunteer number as typed or scanned, full-width
** digits too; an ID number with its check digit; a mobile number), its
** community found among the district's, and the volunteer found on file by
** volunteer number, else by ID number, so that importing a file twice
** changes nothing. The export is export_volunteers() (app/export.h).
*/
#ifndef BANGBAN_VOLUNTEER_LEDGER_H
#define BANGBAN_VOLUNTEER_LEDGER_H

#include "app/import.h"

/* How rows of the volunteers ledger become volunteers. */
extern const struct record_import volunteer_rows;

#endif
