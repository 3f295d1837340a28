/*
** audit: the hash chain of the audit log (操作日志). Each row carries a
** SHA-256 over the hash of the row before it and its own fields, so a row
** changed, removed or slipped in behind bangban's back breaks the chain
** from there on. The hashing is nettle's; the rows are the store's.
*/
#ifndef BANGBAN_AUDIT_H
#define BANGBAN_AUDIT_H

#include <stdint.h>

#include "record.h"

/* A hash as stored: 64 hex digits and the NUL. */
#define AUDIT_HASH_SIZE 65

/* One row of the audit log, as hashed (borrowed strings). */
struct audit_row {
    int64_t seq;
    const char *at, *actor, *terminal, *action, *subject, *detail;
};

/*
** The hash of row r after the row whose hash is prev ("" for the first
** row): SHA-256 over prev and r's fields, each ended by U+001F (which
** stored text never holds), as lower-case hex into out.
*/
void audit_hash(const char *prev, const struct audit_row *r, char out[AUDIT_HASH_SIZE]);

/* A row of the audit log as a list shows it (owned strings; a record of record.h). */
struct audit_entry {
    int64_t seq;
    char *at, *actor, *terminal, *action, *subject, *detail;
    char *named; /* what subject is, in words: a user's login, a request's number; "" else */
};

/* The entry's fields (record.h): all of them the store's, none edited. */
extern const struct record_type audit_entry_record;

/*
** What an action code of the log means (msgid), e.g. "reveal" -> "showed a
** number in full"; the code itself when it is not one bangban writes.
*/
const char *audit_action_label(const char *action);

/*
** The codes whose words, as the log shows them, hold text: of its actions
** (steps 0: "export-unmasked" for 导出) or of a request's steps (steps 1:
** "reroute" for 改派), as ",code,code," ("" when none), for a search to
** find what the screen says. Caller frees.
*/
char *audit_codes_worded(const char *text, int steps);

/* The action codes bangban writes, *n of them (a static table). */
const char *const *audit_actions(size_t *n);

/*
** What a record written says in the log, one line ("\n" between) per field
** people see (labelled, neither stored nor a key), "Label: value", the
** label its msgid (the same bytes in every language: the chain stays as
** it was written; audit_detail_shown() translates it) and the value as
** record_field_shown() shows it (secret numbers masked), cut to
** AUDIT_VALUE_CHARS characters, line ends made spaces.
*/
#define AUDIT_VALUE_CHARS 40

/* A record added: each field that holds something. Caller frees. */
char *audit_detail_added(const struct record_type *t, const void *rec);
/*
** A record changed from before to after: each field that differs,
** "Label: old -> new". NULL when nothing people see changed. Caller frees.
*/
char *audit_detail_changed(const struct record_type *t, const void *before, const void *after);
/* Which record it is, for a retire, restore or removal: its first two fields that hold something.
 */
char *audit_detail_named(const struct record_type *t, const void *rec);

/*
** A kiosk's try as the audit log keeps it: what was tried (AUDIT_TRIED_*
** then the number), then how it went (AUDIT_TRY_*, printf and scanf
** formats). db/kiosk_store.c writes it, audit_detail_shown() puts it in
** words. Rows are hashed as written: what is written once stays so.
*/
#define AUDIT_TRIED_REQUEST   "number "
#define AUDIT_TRIED_VOLUNTEER "volunteer number "
#define AUDIT_TRY_WAITING     ", %d s left"                         /* seconds left */
#define AUDIT_TRY_WRONG       ", wrong try %d in a row"             /* tries */
#define AUDIT_TRY_WAITS       ", wrong try %d in a row: waits %d s" /* tries, seconds */

/*
** The detail of a row as people read it: for the rows about records
** ("add", "edit" ...) each line's label translated and the lines joined
** by "; " (translated); a request's step named in words, a sign-in's way,
** a kiosk's try and its wait; any other row as it was written (the chain
** keeps the bytes written, the same in every language). Caller frees.
*/
char *audit_detail_shown(const char *action, const char *detail);

#endif
