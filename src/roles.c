/*
** roles: see roles.h. The table is the seed every centre starts from.
*/
#include "roles.h"
#include "i18n.h"
#include "util.h"
#include "workflow.h"

#include <string.h>

/* What a desk clerk does all day; the supervisor and admin add to it. */
#define DESK_WORK                                                                                  \
    (RIGHT_TAKE_DOWN | RIGHT_DISPATCH | RIGHT_FOLLOW_UP | RIGHT_REVEAL | RIGHT_RESIDENTS)
#define OVERSIGHT                                                                                  \
    (RIGHT_APPROVE_EXTENSION | RIGHT_EDIT_CATALOGUE | RIGHT_EDIT_AREAS | RIGHT_EXPORT_UNMASKED |   \
     RIGHT_SEE_AUDIT)

static const struct role role_table[ROLE_COUNT] = {
    [ROLE_ID_DESK] = {"desk", N_("Desk clerk"), DESK_WORK, ROLE_DESK | ROLE_UNIT,
                      N_("a community, a street, or the district")},
    [ROLE_ID_UNIT_HANDLER] = {"unit", N_("Unit handler"), RIGHT_HANDLE_OWN_UNIT, ROLE_UNIT,
                              N_("a unit")},
    [ROLE_ID_BUILDING_CHIEF] = {"chief", N_("Building chief"), RIGHT_TAKE_DOWN | RIGHT_LOG_VISITS,
                                0, N_("buildings")},
    /* Volunteers are residents: the coordinator finds them on the register, numbers masked. */
    [ROLE_ID_VOLUNTEER_COORDINATOR] = {"volunteers", N_("Volunteer coordinator"),
                                       RIGHT_LOG_HOURS | RIGHT_RESIDENTS, 0, NULL},
    [ROLE_ID_SUPERVISOR] = {"supervisor", N_("Supervisor"), DESK_WORK | OVERSIGHT,
                            ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR, NULL},
    [ROLE_ID_ADMIN] = {"admin", N_("Administrator"),
                       DESK_WORK | OVERSIGHT | RIGHT_MANAGE_USERS | RIGHT_LOG_VISITS |
                           RIGHT_LOG_HOURS | RIGHT_CONFIGURE,
                       ROLE_DESK | ROLE_UNIT | ROLE_SUPERVISOR, NULL},
    [ROLE_ID_KIOSK] = {"kiosk", N_("Kiosk"), RIGHT_KIOSK_ONLY, 0, NULL},
};

static const char *const right_names[RIGHT_COUNT] = {
    N_("take requests down"),
    N_("dispatch"),
    N_("sign for and handle for its own unit"),
    N_("follow up"),
    N_("approve extensions"),
    N_("edit the catalogue"),
    N_("edit areas and buildings"),
    N_("manage users"),
    N_("reveal a full ID or mobile"),
    N_("export unmasked"),
    N_("see the audit log"),
    N_("log visits"),
    N_("log volunteer hours"),
    N_("kiosk only"),
    N_("change the settings"),
    N_("look residents up and register them"),
};

const struct role *roles_get(enum role_id id)
{
    return (unsigned)id < ROLE_COUNT ? &role_table[id] : NULL;
}

const struct role *roles_find(const char *text)
{
    if (!text) return NULL;
    for (size_t i = 0; i < ROLE_COUNT; i++) {
        const struct role *r = &role_table[i];
        if (str_eq(r->code, text) || str_eq(r->name, text) || str_eq(_(r->name), text)) return r;
    }
    return NULL;
}

int roles_allow(const char *code, unsigned rights)
{
    const struct role *r = roles_find(code);
    return r && str_eq(r->code, code) && (r->rights & rights) == rights;
}

unsigned roles_acts(const char *code)
{
    const struct role *r = roles_find(code);
    return r && str_eq(r->code, code) ? r->acts : 0;
}

const char *roles_right_name(unsigned right)
{
    for (unsigned i = 0; i < RIGHT_COUNT; i++)
        if (right == 1u << i) return right_names[i];
    return NULL;
}

char *roles_codes(void)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < ROLE_COUNT; i++)
        strbuf_addf(&sb, "%s%s", i ? "|" : "", role_table[i].code);
    return strbuf_detach(&sb);
}
