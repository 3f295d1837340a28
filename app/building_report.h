/*
** building_report: one building's 楼宇台账 (src/building_ledger.h) read
** from the stores for today, and written out as a sheet (CSV or .xlsx);
** its printed page is receipt_building_for() (app/receipts.h).
*/
#ifndef BANGBAN_BUILDING_REPORT_H
#define BANGBAN_BUILDING_REPORT_H

#include <stddef.h>

#include "db/db.h"
#include "src/building_ledger.h"
#include "src/codec.h"

/*
** The ledger of the active building whose code (else name) is code, as of
** today (src/clock.h), for actor, into *out (free with
** building_ledger_free()). DB_OK, DB_NOTFOUND, DB_INVALID (the name is
** several buildings'; the code tells them apart), DB_DENIED (actor is a
** building chief and it is not one of theirs) or an error; on any but
** DB_OK *out holds nothing.
*/
int building_report_read(struct db *db, const char *code, const char *actor,
                         struct building_ledger *out);

/*
** Write l to path: a CSV file in codec, or a workbook when path ends in
** .xlsx. First the building's lines (楼宇, 地址, 楼长, 楼宇指导员, 统计日期),
** then a blank row, the columns' header and one row an organisation
** (contact phones masked). Returns 0 with *rows (organisations written), or
** -1 with *err (caller frees); nothing is left behind on failure.
*/
int building_report_export(const struct building_ledger *l, const char *path, enum codec codec,
                           size_t *rows, char **err);

/* True when path names a sheet (it ends in .csv or .xlsx, any case) rather than the page. */
int building_report_is_sheet(const char *path);

#endif
