/*
** hours_ledger: the service-hours ledger (志愿服务时长台账) as the core sees
** it: one row per sign-in and sign-out pair, naming the volunteer by number
** and the activity by its name and the day served (what a clerk's sheet
** holds), the times to the minute, who confirmed it and when, why it was
** entered late (补录), and the request it helped close. The stores are
** db/hours_ledger_store.h; the importer's rules are app/hours_ledger.h.
*/
#ifndef BANGBAN_HOURS_LEDGER_H
#define BANGBAN_HOURS_LEDGER_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

/* The fields of the hours ledger. */
enum hours_ledger_field {
    HF_NUMBER,    /* 志愿者编号 */
    HF_NAME,      /* 姓名: checked against the number's volunteer when given */
    HF_ACTIVITY,  /* 活动名称 */
    HF_DAY,       /* 日期 */
    HF_IN,        /* 签到时间 HH:MM */
    HF_OUT,       /* 签退时间 HH:MM */
    HF_MINUTES,   /* 时长（分钟）: written; when read, must agree with the times */
    HF_CONFIRMED, /* 确认日期 */
    HF_CONFIRMER, /* 确认人 */
    HF_LATE,      /* 补录原因: a late record when not empty */
    HF_REQUEST,   /* 关联诉求编号 */
    HF_COUNT,
};

extern const struct ledger_schema ledger_hours;

/* One row of the ledger, and one service record as the ledger shows it. */
struct hours_entry {
    int64_t id; /* the service record's; 0 for a new one */
    char *key;  /* stored: "number activity day sign-in", what names a row in a file */
    char *number;
    char *name;
    char *activity;
    char *day;       /* YYYY-MM-DD */
    char *sign_in;   /* HH:MM */
    char *sign_out;  /* HH:MM */
    int minutes;     /* stored: sign_out - sign_in */
    char *confirmed; /* YYYY-MM-DD, "" when not confirmed */
    char *confirmer;
    char *late_reason;                             /* "" when signed at the time */
    char *request;                                 /* a request number, or "" */
    int64_t volunteer_id, activity_id, request_id; /* stored: what the names point at */
    char *counts_from;                             /* stored: set from the confirmation */
    int64_t version;
};

extern const struct record_type hours_entry_record;

/* The key of an entry from its parts, into the entry's key field; "" when a part is empty (a
 * row whose number, activity, day or sign-in was not read names no record). */
void hours_entry_key(struct hours_entry *e);

#endif
