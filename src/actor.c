/*
** actor: see actor.h.
*/
#include "actor.h"
#include "util.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

const char *actor_name(void)
{
    static char *name;
    if (!name) {
        const char *set = getenv("BANGBAN_USER");
        if (!str_empty(set)) return name = xstrdup(set);
        struct passwd *pw = getpwuid(geteuid());
        const char *env = getenv("USER");
        name = xstrdup(pw && pw->pw_name ? pw->pw_name : !str_empty(env) ? env : "unknown");
    }
    return name;
}
