/*
** post: the posts (岗位 / 派驻) people hold over places, and the blocks
** (片) a street is divided into, as the core sees them: the kinds of post
** and the place each is over, the records, and the rules a post keeps.
**
** A post runs from its first day (start_on) up to, not including, its end
** day (end_on; "" while it runs): a hand-over on day D ends the old post
** on D and starts the new one on D, so on every day one person at most
** holds a post of a kind that allows one holder. Dates are YYYY-MM-DD.
** The store is db/post_store.h.
*/
#ifndef BANGBAN_POST_H
#define BANGBAN_POST_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"
#include "staff.h"

/* The places a post is over. */
enum post_place { PLACE_STREET, PLACE_BLOCK, PLACE_BUILDING, PLACE_GRID, PLACE_COUNT };

enum post_kind {
    POST_STREET_CHIEF,        /* 街长 over a street */
    POST_BLOCK_CHIEF,         /* 片长 over a block */
    POST_BUILDING_CHIEF,      /* 楼长 over a building */
    POST_BUILDING_INSTRUCTOR, /* 楼宇指导员 over a building */
    POST_GRID_HEAD,           /* 网格长 over a grid */
    POST_GRID_WORKER,         /* 网格员 over a grid: several at once */
    POST_KIND_COUNT
};

struct post_kind_info {
    const char *code;  /* as stored: "building_chief" */
    const char *label; /* msgid: "Building chief" (楼长) */
    const char *name;  /* the Chinese name, which ledgers carry whatever the desk's language */
    enum post_place place;
    int several; /* several people may hold it over one place at once */
};

/* The kind's description (kind < POST_KIND_COUNT). */
const struct post_kind_info *post_kind_info(enum post_kind kind);
/*
** The kind whose code, Chinese name or label (in English, or as the
** desk's language has it) is text, or -1: a ledger exported at a desk in
** one language imports at a desk in another.
*/
int post_kind_parse(const char *text);
/* The column of table post naming a place of this kind: "building_id" ... */
const char *post_place_column(enum post_place place);
/* The place's table: "building" ... */
const char *post_place_table(enum post_place place);
/* A place in words: 街道, 片, 楼宇, 网格 (translated, borrowed). */
const char *post_place_label(enum post_place place);

/* A block (片): a named group of buildings and grids inside a street. */
struct block {
    int64_t id;
    char *code;
    char *name;
    int64_t street_id;
    char *street_name; /* stored */
    char *members;     /* codes of its buildings and grids, separated by 、 */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};
extern const struct record_type block_record;

/* A post: who holds what over which place, and when. */
struct post {
    int64_t id;
    int64_t staff_id;
    char *staff_name;  /* stored */
    char *staff_phone; /* stored, shown masked */
    int kind;          /* enum post_kind */
    int64_t place_id;  /* in the table the kind's place names */
    char *place_code;  /* stored */
    char *place_name;  /* stored */
    char *start_on;    /* YYYY-MM-DD */
    char *end_on;      /* YYYY-MM-DD, the first day not held; "" while it runs */
    char *appointed_by;
    char *note;           /* the hand-over note */
    int64_t handed_from;  /* the post this one took over; 0 when none */
    char *staff_kind;     /* stored: the holder's kind (党建社工) */
    char *staff_employer; /* stored: the holder's employer */
    char *ref;            /* stored: "楼长 B101 张三 2024-07-01", how a ledger row names it */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};
extern const struct record_type post_record;

#define POST_NOTE_MAX      200
#define POST_APPOINTER_MAX 50

/*
** The dates of a post: NULL when start_on is a date and end_on is "" or a
** date not before it; else why not (translated, borrowed).
*/
const char *post_check_dates(const char *start_on, const char *end_on);

/* True when the periods [a_from, a_to) and [b_from, b_to) share a day ("" to: open). */
int post_periods_overlap(const char *a_from, const char *a_to, const char *b_from,
                         const char *b_to);

/* True when a post held from start_on up to end_on ("" open) is held on day. */
int post_held_on(const char *start_on, const char *end_on, const char *day);

/*
** A hand-over on day of a post held from start_on up to end_on: NULL when
** the post runs on that day or started on it, and it is a date; else why
** not (translated, borrowed).
*/
const char *post_check_handover(const char *start_on, const char *end_on, const char *day);

/*
** The posts ledger (岗位台账): 岗位, 地点编码, 地点, 姓名, 电话, 人员类别,
** 所在单位, 起, 止, 任命单位, 交接说明. A row names its post by the post,
** the place's code, the holder's name and phone, and the first day.
*/
enum post_ledger_field {
    PLF_KIND,
    PLF_PLACE_CODE,
    PLF_PLACE_NAME,
    PLF_NAME,
    PLF_PHONE,
    PLF_STAFF_KIND,
    PLF_EMPLOYER,
    PLF_FROM,
    PLF_TO,
    PLF_BY,
    PLF_NOTE,
    PLF_COUNT
};
extern const struct ledger_schema ledger_posts;

/* A post as a ledger row names it ("楼长 B101 张三 2024-07-01"). Caller frees. */
char *post_ref(int kind, const char *place_code, const char *name, const char *start_on);

/*
** Check a row of a posts ledger into post (its kind, place code, dates,
** appointer, note; place_id and staff_id left 0 for the store to settle)
** and staff (the holder's name, phone, kind name and employer), both
** initialised here; problems go to p. Returns how many were added.
*/
int post_row_check(const struct ledger *l, const struct ledger_row *row, struct post *post,
                   struct staff *staff, struct ledger_problems *p);

#endif
