/*
** building_ledger: 楼宇台账, one building's page as its lobby and the
** street's party office keep it: the building, its 楼长 and 楼宇指导员 today
** with their full phones (the lobby notice gives them), its property
** company (物业公司) with its service phone, and the table of
** the organisations present in it (those moved out are left off), each
** with its credit code, floor and room, contact (phone masked, 前3后4),
** employees, party members, party organisation, stability grade and the
** day it was last visited. The same rows make the printed page
** (receipt_building_text(), src/receipt.h) and the exported sheet.
*/
#ifndef BANGBAN_BUILDING_LEDGER_H
#define BANGBAN_BUILDING_LEDGER_H

#include <stddef.h>

#include "area.h"
#include "organisation.h"
#include "post.h"

struct building_ledger {
    struct area building; /* the building */
    struct post *posts;   /* its 楼长 and 楼宇指导员 held on day, 楼长 first */
    size_t nposts;
    struct organisation *orgs; /* present on day, in name order */
    size_t norgs;
    char **last_visit; /* per organisation: YYYY-MM-DD, or "" when never visited */
    char day[11];      /* the day the ledger is of */
};

/* The columns of the organisations' table, in Chinese (a sheet's header row). */
#define BUILDING_LEDGER_COLUMNS 12
extern const char *const building_ledger_columns[BUILDING_LEDGER_COLUMNS];

/*
** The cells of organisation i of l, in building_ledger_columns' order,
** into cells (each allocated: the caller frees each). The contact phone is
** masked.
*/
void building_ledger_cells(const struct building_ledger *l, size_t i,
                           char *cells[BUILDING_LEDGER_COLUMNS]);

/* The holders of post kind in l as "张三 13812345678、李四 ..." ("" when none). Caller frees. */
char *building_ledger_holders(const struct building_ledger *l, enum post_kind kind);

/* The building's property company and its phone as "NAME PHONE" ("" when neither is on file).
 * Caller frees. */
char *building_ledger_property(const struct building_ledger *l);

/* Free what l holds (l itself is the caller's). */
void building_ledger_free(struct building_ledger *l);

#endif
