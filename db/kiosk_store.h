/*
** kiosk_store: what the self-service kiosk (自助终端) reads and writes.
** 查进度 looks a request up by its number and the last four digits of the
** phone it was registered with, and answers with its public view alone:
** the state, the unit, the deadline and the timeline's steps, never a
** name, an ID or a phone, nor anything typed into the timeline. A number
** that does not exist and a wrong phone get one answer. Wrong pairs in a
** row are counted per kiosk (table kiosk_guard, kept across runs; the
** volunteers' numbers not found in a row of their own): the KIOSK_TRIES-th
** makes that service of the kiosk wait KIOSK_WAIT_SECONDS (src/kiosk.h).
** Every try is a row of the audit log, in the transaction of its count.
*/
#ifndef BANGBAN_KIOSK_STORE_H
#define BANGBAN_KIOSK_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "db/db.h"
#include "src/request.h"
#include "src/workflow.h"

/* A step of a request's timeline as the kiosk shows it. */
struct kiosk_step {
    time_t at;
    enum request_action action;
    enum request_state from, to;
    char *unit; /* the unit concerned, "" when none */
};

/* A request as anyone holding its number and phone may see it. */
struct kiosk_view {
    char number[16];
    enum request_state state;
    char *unit; /* the unit handling it, "" when none yet */
    time_t created_at;
    time_t due; /* the running clock's deadline (request_due()), 0 when none */
    struct kiosk_step *steps;
    size_t nsteps;
};

/* Free what a view holds (the view itself is the caller's). */
void kiosk_view_free(struct kiosk_view *v);

/* What a lookup found. */
enum kiosk_answer {
    KIOSK_FOUND,    /* *out holds the view */
    KIOSK_NO_MATCH, /* no such number, or not with that phone: one answer for both */
    KIOSK_WAIT,     /* the KIOSK_TRIES-th wrong pair in a row, or a try during the wait
                       it started: *wait_seconds left */
};

/*
** Look request number (the stored form, "2026-000123") up at the kiosk
** signed in as kiosk (its role must hold RIGHT_KIOSK_ONLY), with last4 the
** last four digits of the phone typed, at now. Counts a wrong pair, makes
** the kiosk wait after KIOSK_TRIES of them in a row, clears the count on a
** match; audits the try (kiosk-progress, kiosk-progress-miss,
** kiosk-progress-waiting), all in one transaction. Returns DB_OK with
** *answer (and *out on KIOSK_FOUND: free with kiosk_view_free(); on
** KIOSK_WAIT *wait_seconds, else 0), DB_DENIED (not a kiosk; nothing
** written), or an error.
*/
int kiosk_progress(struct db *db, const char *kiosk, const char *number, const char *last4,
                   time_t now, enum kiosk_answer *answer, struct kiosk_view *out,
                   int *wait_seconds);

/* An activity as the kiosk names it to a volunteer: its name and times alone. */
struct kiosk_activity {
    int64_t id;
    char *name;
    char starts_at[17], ends_at[17]; /* YYYY-MM-DD HH:MM */
};

/* Where a volunteer's number takes them at the kiosk today. */
enum kiosk_pick {
    KIOSK_PICK_OUT,     /* signed in at act[0] today and not out: sign out there */
    KIOSK_PICK_IN,      /* act[0] is today's activity for them: sign in there */
    KIOSK_PICK_CHOOSE,  /* act[0..n) to pick from (more: how many more were left off) */
    KIOSK_PICK_NONE,    /* no activity is open today */
    KIOSK_PICK_UNKNOWN, /* no volunteer in the register has that number (or not active) */
    KIOSK_PICK_BAD,     /* not a volunteer number: why says so */
    KIOSK_PICK_WAIT,    /* too many wrong tries in a row: wait_seconds left */
};

struct kiosk_today {
    enum kiosk_pick pick;
    char number[16]; /* the number as read (normalised) */
    char *name;      /* the volunteer's, masked (张*); "" unless found */
    struct kiosk_activity *act;
    size_t n, more;
    char *why;        /* KIOSK_PICK_BAD: why not (translated) */
    int wait_seconds; /* KIOSK_PICK_WAIT: how long the kiosk still waits */
};

/* Free what t holds (t itself is the caller's). */
void kiosk_today_free(struct kiosk_today *t);

/*
** The activity a volunteer's number (typed or scanned; full-width digits
** and spaces normalised) takes them to at the kiosk signed in as kiosk
** (RIGHT_KIOSK_ONLY) on the day of now. The activities open that day are
** those neither cancelled nor ended whose start..end days cover it, from
** an hour before they begin (as hours_sign() takes a sign-in). Signed
** in at one that day and not out: KIOSK_PICK_OUT there. Else the one open
** that day run by a team the volunteer belongs to (team_member, not
** left), or the one open that day at all: KIOSK_PICK_IN. Several: their
** own teams' when two or more are, else all of the day's, in start order,
** at most KIOSK_ACTIVITIES_MAX: KIOSK_PICK_CHOOSE. None: KIOSK_PICK_NONE.
** A number no active volunteer holds is KIOSK_PICK_UNKNOWN, told nothing
** more, audited (kiosk-volunteer-miss) and counted as a wrong try, in a
** count of its own (a resident's wrong 查进度 pairs never keep volunteers
** from signing in): the KIOSK_TRIES-th, and any try during the wait it
** starts, is KIOSK_PICK_WAIT (kiosk-volunteer-waiting). A volunteer found
** does not clear the count (a known number typed between guesses would
** keep the wait from ever starting). Nothing else is written.
** DB_OK with *out set (free with kiosk_today_free() in every case),
** DB_DENIED (not a kiosk) or an error.
*/
int kiosk_volunteer_today(struct db *db, const char *kiosk, const char *typed, time_t now,
                          struct kiosk_today *out);

/*
** Write an audit row of the kiosk (leaving it: kiosk-exit by the
** supervisor who typed their password, kiosk-exit-refused), as actor,
** subject "kiosk:KIOSK", with detail. DB_OK or an error.
*/
int kiosk_audit(struct db *db, const char *actor, const char *action, const char *kiosk,
                const char *detail);

#endif
