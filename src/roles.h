/*
** roles: what each kind of user may do, in one table beside the request
** workflow's (src/workflow.c). A role has a code (kept in the user's
** row), a name people see (前台, 主管 ...) and a set of rights. Screens offer
** what a user's role allows; stores refuse what it does not.
*/
#ifndef BANGBAN_ROLES_H
#define BANGBAN_ROLES_H

#include <stddef.h>

/* The rights a role may hold, as bits. */
enum right {
    RIGHT_TAKE_DOWN = 1u << 0,         /* take requests down */
    RIGHT_DISPATCH = 1u << 1,          /* dispatch (and route again) */
    RIGHT_HANDLE_OWN_UNIT = 1u << 2,   /* sign for and handle requests for its own unit */
    RIGHT_FOLLOW_UP = 1u << 3,         /* phone the requester back */
    RIGHT_APPROVE_EXTENSION = 1u << 4, /* approve an extension */
    RIGHT_EDIT_CATALOGUE = 1u << 5,    /* service items, units, calendar */
    RIGHT_EDIT_AREAS = 1u << 6,        /* streets, communities, grids, buildings */
    RIGHT_MANAGE_USERS = 1u << 7,      /* add, lock, unlock, retire and bind users */
    RIGHT_REVEAL = 1u << 8,            /* reveal a full ID or mobile number */
    RIGHT_EXPORT_UNMASKED = 1u << 9,   /* export with numbers unmasked */
    RIGHT_SEE_AUDIT = 1u << 10,        /* read the audit log */
    RIGHT_LOG_VISITS = 1u << 11,       /* log building visits and rounds */
    RIGHT_LOG_HOURS = 1u << 12,        /* log volunteer service hours */
    RIGHT_KIOSK_ONLY = 1u << 13,       /* the kiosk's screens and nothing else */
    RIGHT_CONFIGURE = 1u << 14,        /* change the centre's settings */
    RIGHT_RESIDENTS = 1u << 15,        /* look residents up, register and edit them */
};
#define RIGHT_COUNT 16

/* In a set of rights asked for: any one of the others will do, not all of them. */
#define RIGHTS_ANY (1u << 31)

/* Any staff role (every role but the kiosk's): what screens open to all who sign in need. */
#define RIGHTS_STAFF (RIGHTS_ANY | (((1u << RIGHT_COUNT) - 1) & ~(unsigned)RIGHT_KIOSK_ONLY))

/*
** Who sees volunteers and their hours: the coordinator (the volunteer
** screens), and those who may export any register in full (a supervisor
** reporting upwards).
*/
#define RIGHTS_VOLUNTEERS (RIGHTS_ANY | RIGHT_LOG_HOURS | RIGHT_EXPORT_UNMASKED)

/* Who sees requests: those with a part in their life (the requests screen). */
#define RIGHTS_REQUESTS (RIGHTS_ANY | RIGHT_TAKE_DOWN | RIGHT_DISPATCH | RIGHT_HANDLE_OWN_UNIT)

/* The roles, in the order lists and choosers show them. */
enum role_id {
    ROLE_ID_DESK,
    ROLE_ID_UNIT_HANDLER,
    ROLE_ID_BUILDING_CHIEF,
    ROLE_ID_VOLUNTEER_COORDINATOR,
    ROLE_ID_SUPERVISOR,
    ROLE_ID_ADMIN,
    ROLE_ID_KIOSK,
    ROLE_COUNT
};

struct role {
    const char *code; /* "desk", as stored in user.role */
    const char *name; /* msgid: "Desk clerk" (前台) */
    unsigned rights;  /* RIGHT_* bits */
    /*
    ** The parts it plays in a request's life (src/workflow.h ROLE_*): a
    ** desk takes a unit's steps on the unit's behalf when it phones them
    ** in; a unit handler takes them for its own unit only.
    */
    unsigned acts;
    const char *scope_is; /* msgid: what its scope names ("a unit"); NULL: none */
};

/* The workflow parts (ROLE_*) the role coded code plays; 0 for an unknown code. */
unsigned roles_acts(const char *code);

/* The role id, or NULL past the last. Borrowed, static. */
const struct role *roles_get(enum role_id id);

/* The role whose code (or whose name, translated or not) is text; NULL when none. */
const struct role *roles_find(const char *text);

/* True when the role coded code holds every right of rights (an unknown code holds none). */
int roles_allow(const char *code, unsigned rights);

/* The right's msgid ("reveal a full ID or mobile"), or NULL for a bit that is no right. */
const char *roles_right_name(unsigned right);

/* The codes of every role, joined by "|" ("desk|unit|..."). Caller frees. */
char *roles_codes(void);

#endif
