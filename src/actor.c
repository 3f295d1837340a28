/*
** actor: see actor.h.
*/
#include "actor.h"
#include "util.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *signed_in;

void actor_set(const char *login)
{
    free(signed_in);
    signed_in = login ? xstrdup(login) : NULL;
}

const char *actor_name(void)
{
    return signed_in ? signed_in : actor_os_login();
}

const char *actor_os_login(void)
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

const char *actor_terminal(void)
{
    static char *where;
    if (!where) {
        struct strbuf sb = STRBUF_INIT;
        const char *tty = ttyname(STDIN_FILENO);
        if (tty && str_starts(tty, "/dev/")) tty += 5;
        strbuf_adds(&sb, tty ? tty : "-");
        const char *ssh = getenv("SSH_CONNECTION");
        if (!str_empty(ssh)) {
            size_t n = strcspn(ssh, " ");
            strbuf_addc(&sb, ' ');
            strbuf_add(&sb, ssh, n);
        }
        where = strbuf_detach(&sb);
    }
    return where;
}
