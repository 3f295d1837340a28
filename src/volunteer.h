/*
** volunteer: the volunteer register (志愿者) and its teams (志愿服务队)
** as the core sees them: the records and their field tables, the
** volunteer number's rule, the statuses, the ID types, the skills on
** offer, the team hierarchy's rule and the membership dates' rule, and the
** volunteers ledger's columns. The stores are db/volunteer_store.h.
**
** The volunteer number (志愿者编号) is the public identifier printed on
** cards and certificates and typed or scanned at the desk, never the ID
** number: ten digits, the year the volunteer registered and a serial
** within that year (2026000001, 2026000002 ...), given by the store in the
** write transaction that registers the volunteer. Digits only, so a
** barcode scanner and a number typed in full-width digits both give it.
*/
#ifndef BANGBAN_VOLUNTEER_H
#define BANGBAN_VOLUNTEER_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

struct volunteer {
    int64_t id;          /* 0 until saved */
    char *number;        /* 志愿者编号: VOLUNTEER_NUMBER_LEN digits; "" until saved */
    char *national_code; /* the national system's code, when the volunteer has one */
    char *name;
    char gender; /* 'M', 'F' or 0 */
    char *birth_date;
    char *id_type;   /* one of volunteer_id_types() */
    char *id_number; /* for 居民身份证: 18 characters, validated (src/idcard.h) */
    char *phone;     /* mobile, 11 digits */
    int64_t community_id;
    char *community; /* stored: the community's name */
    char *skills;    /* 、-separated */
    int party_member;
    char *registered_on; /* YYYY-MM-DD */
    char *status;        /* "active" 在册, "paused" 暂停, "left" 注销 */
    int64_t resident_id; /* the resident this volunteer is, 0 when not registered there */
    char *resident_name; /* stored */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

extern const struct record_type volunteer_record;

#define VOLUNTEER_NUMBER_LEN 10
#define VOLUNTEER_SERIAL_MAX 999999

/* The number of the serial-th volunteer registered in year, into out[VOLUNTEER_NUMBER_LEN + 1]. */
void volunteer_number_format(int year, int serial, char *out);
/*
** Read a volunteer number as typed or scanned (full-width digits and
** spaces normalised) into out[VOLUNTEER_NUMBER_LEN + 1]: NULL when it is
** one, else why not (translated, borrowed). *year and *serial may be NULL.
*/
const char *volunteer_number_parse(const char *typed, char *out, int *year, int *serial);

/* The statuses, and their words (在册, 暂停, 离队; translated, borrowed). */
#define VOLUNTEER_ACTIVE "active"
#define VOLUNTEER_PAUSED "paused"
#define VOLUNTEER_LEFT   "left"
const char *volunteer_status_label(const char *code);
/* The code of a status as written in a ledger (在册, 暂停, 离队 or 注销, the label shown, or the
** code), or NULL. */
const char *volunteer_status_parse(const char *typed);

/* The ID types (居民身份证 first, the default); n gets the count. Not translated: data. */
const char *const *volunteer_id_types(int *n);
/* The ID type as written (身份证 too), or NULL when unknown. */
const char *volunteer_id_type_find(const char *typed);
/* True when type is the resident ID card, whose numbers are checked digit by digit. */
int volunteer_id_type_is_card(const char *type);
/*
** Check number (already normalised) as an ID of type: NULL when good or
** empty, else why not (caller frees). A 居民身份证 is checked as a
** resident's (check digit named); other types: 5 to 23 letters and digits.
** On success canon (VOLUNTEER_ID_MAX bytes) gets the number (a card's 15 digits upgraded).
*/
#define VOLUNTEER_ID_MAX 24
char *volunteer_id_check(const char *type, const char *number, char *canon);

/* The skills offered as tags (医疗护理, 法律咨询 ...); n gets the count. Not translated: data. */
const char *const *volunteer_skills(int *n);

#define VOLUNTEER_NAME_MAX   30
#define VOLUNTEER_SKILLS_MAX 100
#define VOLUNTEER_CODE_MAX   30

/* 志愿服务队: a team, its place in the hierarchy, its leader and manager. */
struct team {
    int64_t id;
    char *name;
    int64_t parent_id;
    char *parent_name; /* stored */
    int64_t leader_id; /* a volunteer, or 0 */
    char *leader_name; /* stored */
    char *staff;       /* the staff member who manages it (free text for now) */
    int64_t community_id;
    char *community; /* stored */
    char *founded;   /* YYYY-MM-DD or "" */
    int members;     /* stored: current members */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

extern const struct record_type team_record;
#define TEAM_NAME_MAX  40
#define TEAM_STAFF_MAX 30

/*
** May team (0: a new one) have parent_id as its parent? parent_of(ctx, id)
** gives the parent of a team (0 for none, -1 when unknown). NULL when yes,
** else why not (translated, borrowed): a team is not its own parent, nor
** under one of its own groups.
*/
const char *team_parent_check(int64_t team, int64_t parent_id,
                              int64_t (*parent_of)(void *ctx, int64_t id), void *ctx);

/* A volunteer's time in a team. */
struct team_member {
    int64_t id;
    int64_t team_id;
    int64_t volunteer_id;
    char *volunteer_number, *volunteer_name; /* stored */
    char *joined;                            /* YYYY-MM-DD */
    char *left_on;                           /* YYYY-MM-DD, "" while a member */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

extern const struct record_type team_member_record;

/*
** May a stint run from joined to left_on ("" while a member), as of today
** (YYYY-MM-DD)? NULL when yes, else why not (translated, borrowed): dates
** well formed, joined not after today, left not before joined nor after today.
*/
const char *team_member_dates_check(const char *joined, const char *left_on, const char *today);

/*
** Why a volunteer registered on registered_on (YYYY-MM-DD, "" for today),
** born on birth_date ("" when not known), cannot be so at today: NULL when
** they can, else the reason (translated, borrowed): registered after
** today, or before being born.
*/
const char *volunteer_registered_check(const char *registered_on, const char *birth_date,
                                       const char *today);

/* The volunteers ledger: its columns. */
enum volunteer_field {
    VF_NUMBER,
    VF_NATIONAL,
    VF_NAME,
    VF_GENDER,
    VF_BIRTH,
    VF_ID_TYPE,
    VF_ID,
    VF_PHONE,
    VF_COMMUNITY,
    VF_SKILLS,
    VF_PARTY,
    VF_REGISTERED,
    VF_STATUS,
    VF_COUNT
};
extern const struct ledger_schema ledger_volunteers;

#endif
