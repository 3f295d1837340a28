/*
** actor: who is acting. Until user accounts exist this is the login of the
** operating-system account running bangban, or BANGBAN_USER where several
** desks share one account; every change records it.
*/
#ifndef BANGBAN_ACTOR_H
#define BANGBAN_ACTOR_H

/* The acting person's name. Borrowed; valid for the life of the process. */
const char *actor_name(void);

/*
** Where the acting person sits: the terminal (pts/3) and, over SSH, the
** client's address. Borrowed; valid for the life of the process.
*/
const char *actor_terminal(void);

#endif
