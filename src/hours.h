/*
** hours: volunteer activities (志愿活动) and service records (志愿服务记录)
** as the core sees them: the records and their field tables, the
** activities' statuses and kinds, and the rules of signing in and out.
** The stores are db/hours_store.h.
**
** A service record is one sign-in and sign-out pair of a volunteer at an
** activity on one day, to the minute. The rules (民政部令第67号 practice):
** sign-out after sign-in; at most HOURS_PAIRS_MAX pairs per volunteer per
** activity per day; no two of one volunteer's pairs overlapping, across
** activities too; none on an activity cancelled or ended. Minutes are
** integers; hours are shown with one decimal, truncated, after the
** minutes are summed (hours_format()).
*/
#ifndef BANGBAN_HOURS_H
#define BANGBAN_HOURS_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

/* 志愿活动. */
struct activity {
    int64_t id;
    int64_t team_id;
    char *team_name; /* stored */
    char *name;
    int64_t category_id;
    char *category; /* stored: the service category's name */
    char *place;
    char *starts_at; /* YYYY-MM-DD HH:MM */
    char *ends_at;   /* YYYY-MM-DD HH:MM, after starts_at */
    char *content;
    int64_t leader_id;
    char *leader_name; /* stored */
    int quota;         /* how many volunteers it takes; 0: not set */
    char *status;      /* ACTIVITY_PLANNED ... */
    char *kind;        /* ACTIVITY_SERVICE or ACTIVITY_TRAINING */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

extern const struct record_type activity_record;

#define ACTIVITY_NAME_MAX    40
#define ACTIVITY_PLACE_MAX   40
#define ACTIVITY_CONTENT_MAX 200
#define ACTIVITY_QUOTA_MAX   10000

#define ACTIVITY_PLANNED   "planned"
#define ACTIVITY_RUNNING   "running"
#define ACTIVITY_ENDED     "ended"
#define ACTIVITY_CANCELLED "cancelled"
#define ACTIVITY_SERVICE   "service"
#define ACTIVITY_TRAINING  "training"

/* The statuses in order (n gets the count), and a status's word (计划 ...; translated, borrowed).
 */
const char *const *activity_statuses(int *n);
const char *activity_status_label(const char *code);
/* The kinds (服务, 培训), and a kind's word (translated, borrowed). */
const char *const *activity_kinds(int *n);
const char *activity_kind_label(const char *code);

/*
** Read a time as typed ("2026-12-05 09:00", "2026/12/5 9:00", a 'T' for
** the space) into out[17] as "YYYY-MM-DD HH:MM". 0, or -1 when it is none.
*/
int activity_time_parse(const char *typed, char *out);

/*
** Do the activity's fields go together? NULL when yes, else why not
** (translated, borrowed): a team and a name, both times well formed, the
** end after the start, the quota within bounds.
*/
const char *activity_check(const struct activity *a);

/* True when the activity is ended or cancelled (its status, whatever the clock says). */
int activity_closed(const struct activity *a);

/*
** May hours be recorded on activity a on day (YYYY-MM-DD)? NULL when yes,
** else why not (translated, borrowed): not when it was cancelled or has
** ended, nor on a day outside its start and end.
*/
const char *activity_open_on(const struct activity *a, const char *day);

/* 志愿服务记录: one pair. */
struct service_record {
    int64_t id;
    int64_t volunteer_id;
    char *volunteer_number, *volunteer_name; /* stored */
    int64_t activity_id;
    char *activity_name;  /* stored */
    char *day;            /* YYYY-MM-DD */
    char *sign_in;        /* HH:MM */
    char *sign_out;       /* HH:MM, "" while signed in */
    int minutes;          /* stored: sign_out - sign_in, 0 while signed in */
    char *confirmed_at;   /* YYYY-MM-DD HH:MM:SS; "" while unconfirmed */
    char *confirmed_by;   /* the organiser's user, or the recipient's name */
    char *confirmed_as;   /* HOURS_BY_ORGANISER, HOURS_BY_RECIPIENT or "" */
    char *counts_from;    /* YYYY-MM-DD: the first day its minutes count; "" while unconfirmed */
    int late;             /* 1: entered after the fact (补录) */
    char *late_reason;    /* why it was entered late */
    int64_t request_id;   /* the request it helped close; 0: none */
    char *request_number; /* stored: that request's number */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

extern const struct record_type service_record_record;

#define HOURS_PAIRS_MAX 3

/* Who confirmed a record (service_record.confirmed_as). */
#define HOURS_BY_ORGANISER "organiser"
#define HOURS_BY_RECIPIENT "recipient"

/* Where a record stands in counting. */
enum hours_state {
    HOURS_UNCONFIRMED, /* 未确认: signed out, not yet confirmed (or still signed in) */
    HOURS_ON_NOTICE,   /* 公示中: confirmed, its notice period not yet over */
    HOURS_COUNTED,     /* 已计入: confirmed and counts_from <= today */
};

/* Where record r stands on today (YYYY-MM-DD). */
enum hours_state hours_record_state(const struct service_record *r, const char *today);

/*
** r's state in words into out[64] (translated): 未确认, 公示中（至 MM-DD）
** naming the last day of its notice, or 已计入. Returns out.
*/
char *hours_state_text(const struct service_record *r, const char *today, char *out);

/* "HH:MM" as the minute of the day (0..1439), or -1 when it is none. */
int hours_minute_parse(const char *hhmm);
/* Minute m of the day as "HH:MM" into out[6]; returns out. */
char *hours_minute_format(int m, char *out);

/* A volunteer's pair on one day, as the rules see it. */
struct hours_pair {
    int64_t activity_id;
    int in;  /* minute of the day */
    int out; /* minute of the day; -1 while signed in */
};

/*
** At the roll and the kiosk a sign-out comes HOURS_OUT_AFTER minutes after
** its sign-in at least: a card scanned twice in a row (the minute may turn
** between the two) is the one sign-in, not a record of a minute.
*/
#define HOURS_OUT_AFTER 2

enum hours_verdict {
    HOURS_OK,
    HOURS_OUT_NOT_AFTER_IN, /* the sign-out is not after the sign-in */
    HOURS_JUST_IN,          /* signed in under HOURS_OUT_AFTER minutes before (*which) */
    HOURS_FOURTH_PAIR,      /* HOURS_PAIRS_MAX pairs at this activity that day already */
    HOURS_OVERLAP,          /* it overlaps another pair of the volunteer's (*which) */
    HOURS_OPEN_ELSEWHERE,   /* signed in at another activity and not out (*which) */
};

/*
** May pair p join the volunteer's pairs of that day (n of them; skip: the
** index of the pair p replaces, or -1 for a new one)? HOURS_OK, or why
** not with *which the index of the pair in the way (-1 when none is).
** An open pair (out -1) runs to the end of the day for the overlap test.
*/
enum hours_verdict hours_pair_check(const struct hours_pair *pairs, size_t n, int skip,
                                    const struct hours_pair *p, int *which);

/* What typing a volunteer's number at the desk does. */
enum hours_move { HOURS_SIGN_IN, HOURS_SIGN_OUT };

/*
** The volunteer (with pairs, n, of that day) gives their number at the
** desk for activity at minute now: sign out of the open pair there
** (*move HOURS_SIGN_OUT, *which its index), or sign in (HOURS_SIGN_IN,
** *which -1). Returns HOURS_OK, or why neither may be done (*which the
** pair in the way, or -1).
*/
enum hours_verdict hours_desk_move(const struct hours_pair *pairs, size_t n, int64_t activity,
                                   int now, enum hours_move *move, int *which);

/* The verdict in words (translated, borrowed); "" for HOURS_OK. */
const char *hours_verdict_text(enum hours_verdict v);

/* A correction a volunteer asked for (hours_correction): the times they say are right. */
struct hours_correction {
    int64_t id;
    int64_t record_id;
    char *volunteer_number, *volunteer_name, *activity_name, *day; /* stored: the record's */
    char *was_in, *was_out;                                        /* stored: its times now */
    char *sign_in, *sign_out;                                      /* HH:MM asked for */
    char *reason;                                                  /* why, as the volunteer said */
    char *asked_at, *asked_by;
    char *state; /* CORRECTION_ASKED, CORRECTION_GRANTED or CORRECTION_REFUSED */
    char *decided_at, *decided_by, *decision_reason;
};

extern const struct record_type hours_correction_record;

#define CORRECTION_ASKED   "asked"
#define CORRECTION_GRANTED "granted"
#define CORRECTION_REFUSED "refused"

/* A correction's state in words (待处理, 已准予, 已驳回; translated, borrowed). */
const char *hours_correction_state_label(const char *code);

struct workcal;

/*
** The public notice of a record confirmed on day confirmed: it runs over
** the notice_days working days after that day (calendar c: holidays off,
** 调休 weekend days worked), and the record counts from the day after
** the last of them. Returns that first counting day (confirmed itself
** when notice_days is 0 or less: no notice, it counts at once).
*/
struct date hours_counts_from(const struct workcal *c, struct date confirmed, int notice_days);

/*
** hours_counts_from() of a day as text: confirmed (YYYY-MM-DD) to the
** first counting day into out[11]. Returns out, or NULL when confirmed is
** no date.
*/
char *hours_counts_from_text(const struct workcal *c, const char *confirmed, int notice_days,
                             char *out);

/*
** Minutes as hours with one decimal, truncated ("2.0" for 125, "0.9" for
** 59) into out[24]; returns out. Sum the minutes first, then format.
*/
char *hours_format(int64_t minutes, char *out);

#endif
