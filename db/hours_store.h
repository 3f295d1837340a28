/*
** hours_store: volunteer activities and service records in the database.
** Activities are listed, read and saved with a version check; service
** records of an activity are listed by day; and a volunteer's number,
** typed or scanned at the desk, signs them in or out of an activity in
** one write transaction, the rules of src/hours.h checked inside it. Every
** write checks RIGHT_LOG_HOURS and is audited (db/change.h); the one door
** the kiosk has, hours_sign_kiosk(), checks RIGHT_KIOSK_ONLY instead.
*/
#ifndef BANGBAN_HOURS_STORE_H
#define BANGBAN_HOURS_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "src/hours.h"

/*
** Call visit for each service category in use, by name (id and name
** borrowed for the call). Stops when visit returns 0. DB_OK or an error.
*/
int service_category_each(struct db *db, int (*visit)(void *ctx, int64_t id, const char *name),
                          void *ctx);

/* Activities, the latest start first. Free with record_array_free(). DB_OK or an error. */
int activity_list(struct db *db, struct activity **out, size_t *n);
/* One activity by id: DB_OK or DB_NOTFOUND. Free with record_free(). */
int activity_get(struct db *db, int64_t id, struct activity *out);

/*
** Create (a->id 0) or edit an activity as actor, version checked, its
** times kept as "YYYY-MM-DD HH:MM". DB_OK (id, version set), DB_INVALID
** (*why says why: activity_check(); translated, borrowed), DB_CONFLICT,
** DB_DENIED or an error.
*/
int activity_save(struct db *db, struct activity *a, const char *actor, const char **why);

/*
** Why activity a (on file) may not take the status it is given, or NULL:
** ended or cancelled with volunteers still signed in (they could neither
** sign out nor sign in elsewhere), or cancelled with hours served (a
** cancelled activity's records are not confirmed: one held is ended).
** activity_save() refuses the same. Translated, borrowed.
*/
const char *activity_closing_refused(struct db *db, const struct activity *a);

/*
** The service records of an activity on day (NULL: every day), the
** latest first. Free with record_array_free(). DB_OK or an error.
*/
int service_records_of(struct db *db, int64_t activity_id, const char *day,
                       struct service_record **out, size_t *n);
int service_record_get(struct db *db, int64_t id, struct service_record *out);

/* What a number given at the desk did, or why it did nothing. */
struct hours_signed {
    enum hours_move move;
    char number[16]; /* the volunteer number as read */
    char *name;      /* the volunteer's; "" when unknown */
    char at[6];      /* HH:MM of the sign-in or sign-out */
    char in[6];      /* HH:MM the pair began (its sign-in) */
    int minutes;     /* the pair's minutes, on a sign-out */
    char *why;       /* DB_INVALID: why nothing was saved (translated) */
    /* A sign-in past the activity's quota (recorded all the same): the quota, and the volunteers
     * signed in to it today with this one; both 0 otherwise. */
    int quota, present;
};
void hours_signed_free(struct hours_signed *s);

/*
** The volunteer whose number was typed (full-width digits and spaces
** normalised) signs in to activity_id now (clock_now()), or out when they
** are signed in there: one write transaction, audited as actor. DB_OK
** (*out says which, when and the minutes recorded), DB_NOTFOUND (no
** volunteer has that number), DB_INVALID (out->why: not a number, a
** volunteer who left, the activity cancelled or ended, a sign-in more than
** an hour before it begins, a fourth pair, an overlap; nothing saved; a
** volunteer who left is still signed out), DB_DENIED, DB_BUSY or an error.
** Free *out with hours_signed_free() in every case.
*/
int hours_sign(struct db *db, int64_t activity_id, const char *typed, const char *actor,
               struct hours_signed *out);

/*
** hours_sign() at the self-service kiosk, signed in as kiosk: the same
** rules, transaction and audit (as kiosk), but the write needs
** RIGHT_KIOSK_ONLY instead of RIGHT_LOG_HOURS (DB_DENIED for any other
** role), and out->name (and any refusal naming the volunteer) carries the
** name masked (kiosk_name_masked(): 张*). Free *out with
** hours_signed_free() in every case.
*/
int hours_sign_kiosk(struct db *db, int64_t activity_id, const char *typed, const char *kiosk,
                     struct hours_signed *out);

/*
** The first day a record confirmed on confirmed (YYYY-MM-DD) counts, by
** the calendar and the setting hours_notice_days (hours_counts_from()),
** into out[11]. DB_OK, DB_INVALID (confirmed is no date) or an error.
*/
int hours_counts_from_day(struct db *db, const char *confirmed, char *out);

/*
** The rule every store counts a service record's minutes by (schema 20):
** confirmed, and its public notice over on today (a bound parameter, or
** SQL text). alias is the table's ("s.", or "" for none).
*/
#define HOURS_COUNTED(alias, today) alias "confirmed_at <> '' AND " alias "counts_from <= " today

/*
** A volunteer's minutes as they stand today: *counted those HOURS_COUNTED,
** *pending the signed-out minutes not counted yet (unconfirmed or on
** notice). DB_OK or an error.
*/
int hours_totals_of(struct db *db, int64_t volunteer_id, int64_t *counted, int64_t *pending);

/*
** Confirm service records of activity_id as actor (RIGHT_LOG_HOURS): the
** one record record_id, or (record_id 0) every signed-out unconfirmed record
** of the activity. as is HOURS_BY_ORGANISER (by is then the actor) or
** HOURS_BY_RECIPIENT (by: the recipient's name, required). Each gets
** confirmed_at now and counts_from from hours_counts_from() over the
** calendar and the setting hours_notice_days: one write transaction,
** audited. DB_OK with *n confirmed (0 when none was waiting), DB_INVALID
** (*why, translated, borrowed: still signed in, confirmed already, no
** recipient named; nothing saved), DB_NOTFOUND, DB_DENIED or an error.
*/
int hours_confirm(struct db *db, int64_t activity_id, int64_t record_id, const char *as,
                  const char *by, const char *actor, int *n, const char **why);

/*
** Enter a late record (补录) r as actor: r->volunteer_id (or, when 0,
** r->volunteer_number), r->activity_id, r->day (a past day within the
** activity's days), r->sign_in, r->sign_out and r->late_reason (required);
** r->request_number ("" for none) names the request it helped close. The
** activity may have ended but not been cancelled; the pair rules
** (hours_pair_check()) are checked inside the one write transaction,
** audited. DB_OK (r->id, minutes set), DB_INVALID (*why, caller frees:
** what and where; nothing saved), DB_DENIED or an error.
*/
int hours_late_add(struct db *db, struct service_record *r, const char *actor, char **why);

/*
** Set (number "") or clear the request record_id helped close, by the
** request's number, as actor, audited. DB_OK, DB_INVALID (*why, caller
** frees: no such request), DB_NOTFOUND, DB_DENIED or an error.
*/
int hours_link_request(struct db *db, int64_t record_id, const char *number, const char *actor,
                       char **why);

/* The records of request_id, by day. Free with record_array_free(). DB_OK or an error. */
int service_records_of_request(struct db *db, int64_t request_id, struct service_record **out,
                               size_t *n);

/* The records of a volunteer, the latest first. Free with record_array_free(). DB_OK or an error.
 */
int service_records_of_volunteer(struct db *db, int64_t volunteer_id, struct service_record **out,
                                 size_t *n);

/*
** Take down a volunteer's correction of record_id: the times they say are
** right (HH:MM, out after in) and why, as actor (RIGHT_LOG_HOURS),
** audited. DB_OK (*id set), DB_INVALID (*why, translated, borrowed),
** DB_NOTFOUND, DB_DENIED or an error.
*/
int hours_correction_ask(struct db *db, int64_t record_id, const char *sign_in,
                         const char *sign_out, const char *reason, const char *actor, int64_t *id,
                         const char **why);

/* The corrections in state (CORRECTION_ASKED ...; NULL: all), oldest first. Free with
 * record_array_free(). */
int hours_corrections(struct db *db, const char *state, struct hours_correction **out, size_t *n);
int hours_correction_get(struct db *db, int64_t id, struct hours_correction *out);

/*
** Decide an asked correction as actor (RIGHT_LOG_HOURS: the coordinator): grant
** (the record's times and minutes changed through the audit log, which
** keeps the old values; the pair rules checked again; a confirmed record's
** notice starts again from today) or refuse it, a reason required either
** way. One write transaction. DB_OK, DB_INVALID (*why, caller frees),
** DB_CONFLICT (decided already), DB_NOTFOUND, DB_DENIED or an error.
*/
int hours_correction_decide(struct db *db, int64_t id, int grant, const char *reason,
                            const char *actor, char **why);

#endif
