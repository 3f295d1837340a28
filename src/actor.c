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
        struct passwd *pw = getpwuid(geteuid());
        const char *env = getenv("USER");
        name = xstrdup(pw && pw->pw_name ? pw->pw_name : !str_empty(env) ? env : "unknown");
    }
    return name;
}
