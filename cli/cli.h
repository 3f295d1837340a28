/*
** cli: the command-line verbs (bangban init, demo, check, import, export,
** find, print, report), one table of them with their synopsis and help,
** which the dispatch and the usage text both read. Each verb opens the
** database itself and says on stderr why it could not; the exit statuses
** are below (and in bangban.1).
*/
#ifndef BANGBAN_CLI_H
#define BANGBAN_CLI_H

#include <stdio.h>

enum exit_status {
    EXIT_OK = 0,
    EXIT_ERROR = 1,    /* the command failed */
    EXIT_USAGE = 2,    /* the command line is wrong */
    EXIT_DATABASE = 3, /* no database there, not a bangban database, or a newer one */
    EXIT_CHECK = 4,    /* bangban check found problems */
    EXIT_REJECTED = 5, /* an import rejected rows (the good ones went in) */
    EXIT_TERMINAL = 6, /* the full-screen program cannot run on this terminal */
};

/*
** Run the verb argv[0] with the arguments after it on the database at
** db_path. Returns the exit status (EXIT_USAGE, said on stderr, for a verb
** that does not exist or words it does not take).
*/
int cli_run(const char *db_path, int argc, char **argv);

/* The usage text, built from the verb table and the ledger kinds. */
void cli_usage(FILE *out);

#endif
