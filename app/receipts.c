/*
** receipts: see receipts.h.
*/
#include "app/receipts.h"
#include "db/settings_store.h"
#include "src/receipt.h"

#include <stdlib.h>

char *receipt_for(struct db *db, const struct request *r)
{
    char *centre = settings_get(db, SETTING_CENTRE);
    char *phone = settings_get(db, SETTING_DESK_PHONE);
    struct receipt_desk desk = {centre, phone};
    char *text = receipt_text(r, &desk);
    free(centre);
    free(phone);
    return text;
}

char *receipt_guide_for(struct db *db, const struct service_item *it, const char *unit_phone)
{
    char *centre = settings_get(db, SETTING_CENTRE);
    char *phone = settings_get(db, SETTING_DESK_PHONE);
    struct receipt_desk desk = {centre, phone};
    char *text = receipt_guide_text(it, unit_phone, &desk);
    free(centre);
    free(phone);
    return text;
}

char *receipt_building_for(struct db *db, const struct building_ledger *l)
{
    char *centre = settings_get(db, SETTING_CENTRE);
    char *phone = settings_get(db, SETTING_DESK_PHONE);
    struct receipt_desk desk = {centre, phone};
    char *text = receipt_building_text(l, &desk);
    free(centre);
    free(phone);
    return text;
}
