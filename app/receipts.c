/*
** receipts: see receipts.h.
*/
#include "app/receipts.h"
#include "db/settings_store.h"
#include "src/receipt.h"

#include <stdlib.h>

/* The desk as the settings give it, its strings owned. */
struct desk {
    char *centre, *phone;
    struct receipt_desk view;
};

static void desk_read(struct db *db, struct desk *d)
{
    d->centre = settings_get(db, SETTING_CENTRE);
    d->phone = settings_get(db, SETTING_DESK_PHONE);
    d->view = (struct receipt_desk){d->centre, d->phone};
}

static void desk_free(struct desk *d)
{
    free(d->centre);
    free(d->phone);
}

char *receipt_for(struct db *db, const struct request *r)
{
    struct desk desk;
    desk_read(db, &desk);
    char *text = receipt_text(r, &desk.view);
    desk_free(&desk);
    return text;
}

char *receipt_guide_for(struct db *db, const struct service_item *it, const char *unit_phone)
{
    struct desk desk;
    desk_read(db, &desk);
    char *text = receipt_guide_text(it, unit_phone, &desk.view);
    desk_free(&desk);
    return text;
}

char *receipt_building_for(struct db *db, const struct building_ledger *l)
{
    struct desk desk;
    desk_read(db, &desk);
    char *text = receipt_building_text(l, &desk.view);
    desk_free(&desk);
    return text;
}
