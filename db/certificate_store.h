/*
** certificate_store: 志愿服务记录证明 in the database: what a volunteer's
** counted hours in a period come to, issuing a certificate (its number
** given in the write transaction that issues it, so two desks never give
** one number twice), the register, and voiding with a reason (a
** certificate is never deleted: the schema's trigger refuses). Minutes
** count by the rule of schema 20: confirmed_at <> '' AND counts_from <=
** today. Issuing and voiding need RIGHT_LOG_HOURS and are audited;
** issuing with the ID number in full is an audit row of its own.
*/
#ifndef BANGBAN_CERTIFICATE_STORE_H
#define BANGBAN_CERTIFICATE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/certificate.h"

/*
** The minutes of volunteer_id served on days from..to that count on today,
** into *minutes, and (content not NULL) the content of that service in
** words (certificate_content(); caller frees). DB_OK or an error.
*/
int certificate_service(struct db *db, int64_t volunteer_id, const char *from, const char *to,
                        const char *today, int64_t *minutes, char **content);

/*
** Issue c as actor on today: c holds the volunteer, the period, the
** content, the issuer's blocks and id_in_full. In one write transaction
** the minutes that count in the period are summed, the next number of
** today's year is given, the row and its audit rows written. DB_OK (c's
** id, number, minutes, issued_on, issued_by and the volunteer's number
** and name set), DB_INVALID (*why: a bad period, no counted hours in it;
** caller frees), DB_NOTFOUND (no such volunteer), DB_DENIED, DB_BUSY or an
** error: then nothing was written.
*/
int certificate_issue(struct db *db, struct certificate *c, const char *today, const char *actor,
                      char **why);

/*
** Void the certificate numbered number as actor, for reason (required):
** DB_OK, DB_NOTFOUND, DB_INVALID (*why: no reason, voided already; caller
** frees), DB_DENIED, DB_BUSY or an error.
*/
int certificate_void(struct db *db, const char *number, const char *reason, const char *actor,
                     char **why);

/* One certificate by id or number: DB_OK or DB_NOTFOUND. Free with record_free(). */
int certificate_get(struct db *db, int64_t id, struct certificate *out);
int certificate_get_by_number(struct db *db, const char *number, struct certificate *out);

/*
** The register: certificates whose number, volunteer number or volunteer
** name holds query ("" for all), the latest first, at most limit. Free
** with record_array_free(). DB_OK or an error.
*/
int certificate_list(struct db *db, const char *query, size_t limit, struct certificate **out,
                     size_t *n);

#endif
