/*
** receipts: a request's 回执 as the centre prints it: the receipt text
** (src/receipt.h) with the centre's name and desk phone from its settings.
*/
#ifndef BANGBAN_RECEIPTS_H
#define BANGBAN_RECEIPTS_H

#include "db/db.h"
#include "src/building_ledger.h"
#include "src/catalogue.h"
#include "src/request.h"

/* The receipt of r, as this centre gives it. Caller frees. */
char *receipt_for(struct db *db, const struct request *r);

/* The service guide of item it (unit_phone may be ""), as this centre prints it. Caller frees. */
char *receipt_guide_for(struct db *db, const struct service_item *it, const char *unit_phone);

/* The 楼宇台账 l as this centre prints it (receipt_building_text()). Caller frees. */
char *receipt_building_for(struct db *db, const struct building_ledger *l);

#endif
