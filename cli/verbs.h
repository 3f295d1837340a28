/*
** verbs: what the files of cli/ share: each verb's function and the
** helpers every verb uses to open the database and report progress.
*/
#ifndef BANGBAN_VERBS_H
#define BANGBAN_VERBS_H

#include <stddef.h>

#include <stdio.h>

#include "cli/cli.h"
#include "db/db.h"
#include "src/codec.h"

/* A verb: runs with argv[0] its own name; returns an exit status. */
int verb_init(const char *db_path, int argc, char **argv);
int verb_demo(const char *db_path, int argc, char **argv);
int verb_check(const char *db_path, int argc, char **argv);
int verb_audit(const char *db_path, int argc, char **argv);
int verb_backup(const char *db_path, int argc, char **argv);
int verb_restore(const char *db_path, int argc, char **argv);
int verb_import(const char *db_path, int argc, char **argv);
int verb_export(const char *db_path, int argc, char **argv);
int verb_find(const char *db_path, int argc, char **argv);
int verb_print(const char *db_path, int argc, char **argv);
int verb_certificate(const char *db_path, int argc, char **argv);
int verb_report(const char *db_path, int argc, char **argv);
int verb_user(const char *db_path, int argc, char **argv);

/*
** Open the database at path for a verb (flags as db_open()). Returns it, or
** NULL after saying why on stderr, with *status the exit status to end with.
*/
struct db *verb_open(const char *path, unsigned flags, int *status);

/*
** Whether the user the verb acts as holds rights (RIGHT_*, RIGHTS_ANY as
** user_allowed() takes them): 1, or 0 after closing db (a refusal is said
** by cli_run(), an error here). The verbs that read what a screen shows
** ask for that screen's rights.
*/
int verb_allowed(struct db *db, unsigned rights);

/*
** Write text to f as text_printable() makes it (line feeds and tabs kept):
** whatever a ledger or the database holds, no control character reaches
** the terminal. Every verb writes what it read through this.
*/
void verb_put(FILE *f, const char *text);
/* "bangban: WHY" and a line feed on stderr, through verb_put(). */
void verb_fail(const char *why);
/* Print "Usage: ..." of the verb called name on stderr and return EXIT_USAGE. */
int verb_usage(const char *name);

/*
** Whether a verb may write the file at path: 1 when nothing is there or
** force (--force) says to replace it, and the name is not that of a
** spreadsheet format the verb does not write (sheet_name_refused(): .xls,
** or .xlsx for a verb that writes text whatever the name, workbooks 0);
** else 0, having said so on stderr.
*/
int verb_output_free(const char *path, int force, int workbooks);

/*
** The encoding --encoding names (utf-8, gb18030, gbk) into *c: 0, or -1
** having said on stderr which it is not.
*/
int verb_encoding(const char *arg, enum codec *c);

/*
** Say on stderr that option was given a value it does not take, and what
** it takes ("--month 2026-13: write a month as 2026-03"). Returns 1, for
** bad |= verb_option_bad(...).
*/
int verb_option_bad(const char *option, const char *value, const char *takes);

/* A count such as 355600, or -1 when s is not one. */
long long verb_count(const char *s);

/*
** Progress of a long verb on stderr, when it is a terminal; with
** BANGBAN_TIMING set, the time each step started instead (for make bench).
*/
void verb_progress(void *ctx, const char *step, size_t done, size_t total);

#endif
