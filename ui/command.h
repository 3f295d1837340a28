/*
** command: what a screen offers beyond its keys — the sections of the home
** screen, the entries of an F9 menu — as rows of a table. Each command has
** a code (what tests and the help screen name it by), the key that runs it
** in its menu, a label, a help line, and the rights a user needs to be
** offered it. Screens never pick a command by its position: a menu hands
** back the command chosen, and the help screen lists the same rows.
*/
#ifndef BANGBAN_COMMAND_H
#define BANGBAN_COMMAND_H

#include "src/roles.h" /* RIGHTS_ANY */

struct screen;

struct command {
    const char *code;  /* "import-residents"; a table ends with a row whose code is NULL */
    char key;          /* the key that runs it in its menu: '1' ... '9', 'a' ... */
    const char *label; /* msgid */
    const char *help;  /* msgid: one line for the help screen */
    unsigned rights;   /* what a user must be allowed to be offered it; 0: everyone */
    /* Run c from screen s (the screen whose table holds it); NULL when it opens a screen. */
    void (*run)(struct screen *s, const struct command *c);
    long arg; /* for run, when several commands share it */
    /* The screen it opens (pushed for the user), when that is all it does; else NULL. */
    struct screen *(*open)(void);
};

/* True when the signed-in user holds rights (every one; with RIGHTS_ANY, one of them). */
int command_rights_held(unsigned rights);

/* Do c on screen s: run it, or open its screen. */
void command_do(struct screen *s, const struct command *c);

/* The number of commands in cmds (up to the row whose code is NULL). */
int command_count(const struct command *cmds);

/*
** True when the signed-in user holds every right c asks for (ui.rights);
** with RIGHTS_ANY among them, one of the others.
*/
int command_allowed(const struct command *c);

/*
** The commands of cmds the signed-in user may run, in order, into out (at
** most cap). Returns how many. Menus, the home screen and the help offer
** only these.
*/
int command_offered(const struct command *cmds, const struct command **out, int cap);

/* The command of cmds whose key is key, when the user may run it; else NULL. */
const struct command *command_by_key(const struct command *cmds, char key);

/* Choose from cmds and run the one chosen on s (a table of one runs at once). Returns 1 when one
 * ran. */
int command_menu(struct screen *s, const char *title, const struct command *cmds);

#endif
