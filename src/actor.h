/*
** actor: who is acting. Once signed in, the bangban user's login; before,
** or on a database with no users yet, the login of the operating-system
** account running bangban (or BANGBAN_USER, where several desks share one
** account). Every change records it.
*/
#ifndef BANGBAN_ACTOR_H
#define BANGBAN_ACTOR_H

/* The acting person's name. Borrowed; valid until the next actor_set(). */
const char *actor_name(void);

/* From now on the actor is login (copied); NULL: the operating-system login again. */
void actor_set(const char *login);

/*
** The operating-system login running bangban (BANGBAN_USER when set): the
** one peer sign-in looks for. Borrowed; valid for the life of the process.
*/
const char *actor_os_login(void);

/*
** Where the acting person sits: the terminal (pts/3) and, over SSH, the
** client's address. Borrowed; valid for the life of the process.
*/
const char *actor_terminal(void);

#endif
