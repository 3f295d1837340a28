/*
** checks: what `bangban check` asks of the records beyond SQLite's own
** checks (db_check()): that the counters a request keeps (returns,
** extensions granted, times handled again, unanswered follow-up calls)
** are what its timeline, folded by the workflow's own table
** (workflow_count()), says they are; that residents' birth dates and sex
** are what their ID numbers say; and that buildings lie in their grids' streets.
*/
#ifndef BANGBAN_CHECKS_H
#define BANGBAN_CHECKS_H

#include "db/db.h"
#include "src/util.h"

#include <time.h>

/*
** Check every request's counters against its timeline: a line appended
** to report (the caller's) for each counter that disagrees, for a step
** the workflow does not know, and for a check that could not run (in
** SQLite's words). Returns how many lines were added (0: all agree).
*/
int check_counters(struct db *db, struct strbuf *report);

/*
** Check every resident's birth date and sex against their ID number (a
** record edited behind the form, or saved before the form took them from
** the number), and every merge of two records (a record merged into one
** not on file or itself merged away, requests or a household left on a
** merged record), and the residents kept counted by status (the home
** screen's count) against the register: a line for each, the number
** masked. Returns how many lines were added.
*/
int check_residents(struct db *db, struct strbuf *report);

/* What check_fix_residents() did: bits of *fixed. */
enum { CHECK_FIXED_TALLY = 1, CHECK_FIXED_KEYS = 2, CHECK_FIXED_PHONES = 4 };

/*
** check --fix: when an import of residents stopped (its process gone)
** before it filed its search keys and built its indexes, do both
** (CHECK_FIXED_KEYS, audited as actor); when the residents kept counted by
** status disagree with the register, count them again in one audited
** write (CHECK_FIXED_TALLY); when residents are not found by their phone
** as their rows hold it, file them all again (CHECK_FIXED_PHONES). *fixed
** holds the bits of what it did. Returns
** DB_OK or the error (what that step would have written is not).
*/
int check_fix_residents(struct db *db, const char *actor, int *fixed);

/*
** Whether the working-day calendar reaches the deadlines ahead: the
** latest deadline of an open request, and what the longest service item
** would give a request taken down now. NULL when it does; else the words
** for the clerk, naming the last year it holds and what to do: where to
** add it when keeps (the user keeps the calendar), else whom to ask
** (caller frees).
*/
char *calendar_shortfall(struct db *db, time_t now, int keeps);

/* Check that every building's grid lies in the building's street. Returns the lines added. */
int check_areas(struct db *db, struct strbuf *report);

/*
** Walk the audit log's hash chain (audit_verify()). Returns 0 when it is
** whole, with *said the words for it (rows, the hash it ends with); else
** 1 with the first damage found in *said, naming the row. *said is the
** caller's to free; an error reading is said the same way and counts 1.
*/
int check_audit(struct db *db, char **said);

#endif
