/*
** resident: the record of a person the centre serves, and the rules its
** fields must meet. The same rules serve the desk's form, the ledger
** import and the store; each check returns NULL when the value is
** acceptable or a message for the clerk.
*/
#ifndef BANGBAN_RESIDENT_H
#define BANGBAN_RESIDENT_H

#include <stdint.h>
#include <time.h>

#include "idcard.h"
#include "record.h"

struct resident {
    int64_t id;           /* 0 until saved */
    char *name;           /* 1-30 characters: any Han (Ext B too), letters, the middle dot */
    char gender;          /* 'M', 'F', or 0 when not known */
    char *ethnicity;      /* one of the 56 (汉族 ...), or "" */
    char *birth_date;     /* YYYY-MM-DD or "" */
    char *id_number;      /* 18 characters, or "" when the person has none on record */
    char *phone;          /* mobile: 11 digits, or "" */
    char *landline;       /* 022-23456789, or "" */
    int64_t community_id; /* 0: none */
    char *community;      /* the community's name (from the store), or as a ledger wrote it */
    int64_t grid_id;      /* 0: none */
    char *grid;           /* the grid's name (from the store), or as a ledger wrote it */
    char *address;        /* 楼栋-单元-室 */
    int64_t head_id;      /* the head of the household, 0 when not recorded; self for a head */
    char *head_name;      /* read only */
    char *relation;       /* 与户主关系: 本人, 配偶, 子, 女 ... */
    char *tags;           /* tag names joined by 、 */
    char *note;
    char *status;        /* read only (resident_set_status()): "", "moved", "deceased", "merged" */
    char *status_date;   /* read only: when they moved out or died, YYYY-MM-DD, or "" */
    char *status_place;  /* read only: where they moved to, or "" */
    int64_t merged_into; /* read only: the record a merged one went into, or 0 */
    int64_t version;     /* as read: a save with a stale version is refused */
    char *created_at, *created_by, *updated_at, *updated_by; /* read only */
};

/* The resident's fields (record.h): init, free, copy and merge go through it. */
extern const struct record_type resident_record;

/* Every string "" and every number 0; free with resident_free(). Copy: dst need not be initialised.
 */
static inline void resident_init(struct resident *r)
{
    record_init(&resident_record, r);
}
static inline void resident_free(struct resident *r)
{
    record_free(&resident_record, r);
}
static inline void resident_copy(struct resident *dst, const struct resident *src)
{
    record_copy(&resident_record, dst, src);
}

/* A tag a resident can carry (空巢老人, 党员 ...). */
struct tag {
    int64_t id;
    char *name;
    int sensitive; /* never shown in lists or masked exports */
    int retired;
    int64_t version;
};

/* The fields of a tag (record.h). */
extern const struct record_type tag_record;

/* Longest name, address and note accepted, in characters (forms and ledgers alike). */
#define RESIDENT_NAME_MAX    30
#define RESIDENT_ADDRESS_MAX 60
#define RESIDENT_NOTE_MAX    100

/*
** A name as typed, normalised: trimmed, and every dot an IME or a ledger
** puts in a minority name turned into the middle dot U+00B7
** (text_fold_dots(), which the search applies to what is typed too), and a
** space beside a Chinese character dropped (text_drop_han_spaces()). Caller frees.
*/
char *resident_normalize_name(const char *typed);

/*
** An address as typed or read, as it is stored and looked for: full-width
** digits and letters as ASCII, every dash (－ — –) as '-' (楼栋-单元-室),
** Chinese punctuation kept, trimmed. NULL is "". Caller frees.
*/
char *resident_normalize_address(const char *typed);

/*
** The name a search for a resident reads as, for the form that registers
** the one not found: the text normalised when it holds a character beyond
** ASCII (pinyin and digits are searches, not names) and would do as a name;
** else NULL. Caller frees.
*/
char *resident_name_from_search(const char *typed);

/* Tags of a and b together (each a list as text_split_list() reads it), each once, joined by 、. */
char *resident_tags_union(const char *a, const char *b);

/* True when a and b agree on every field a person or a ledger can set. */
int resident_same(const struct resident *a, const struct resident *b);

/* Where a resident is in their life on the register (struct resident's status). */
enum resident_status {
    RESIDENT_PRESENT,  /* 在册: "" */
    RESIDENT_MOVED,    /* 迁出: "moved", with a date and where to */
    RESIDENT_DECEASED, /* 死亡: "deceased", with a date */
    RESIDENT_MERGED,   /* "merged": a second record of someone, merged into merged_into */
};

/* The status a code names ("" or NULL: present), or -1 for an unknown code. */
int resident_status_parse(const char *code);
/* The code stored for a status ("" for present). */
const char *resident_status_code(enum resident_status s);
/* The status in a word for the clerk (在册, 迁出, 死亡, 已合并; translated, borrowed). */
const char *resident_status_label(enum resident_status s);
/* The status of r. */
enum resident_status resident_status_of(const struct resident *r);

/*
** What a record says of the resident's status in one line: "" while
** present, else e.g. "迁出 2026-03-01 to 河北区", "死亡 2026-03-01", "merged
** into record 12". Caller frees.
*/
char *resident_status_line(const struct resident *r);

/*
** May a resident born on born (YYYY-MM-DD, "" or NULL unknown) in status
** from be put in status to on date, moved to place, for reason, as of
** today? NULL when yes, else the message for the clerk (translated,
** borrowed): a reason is needed, a move needs its date and where to, a
** death its date, a date is neither malformed nor in the future nor before
** the birth, a merged record is never changed and a status is not set
** again to itself.
*/
const char *resident_status_check(enum resident_status from, enum resident_status to,
                                  const char *date, const char *born, const char *place,
                                  const char *reason, time_t now);

/*
** The date of a move or a death alone, as resident_status_check() judges
** it (asked at its own prompt): NULL, or why not (translated, borrowed).
*/
const char *resident_status_date_check(const char *date, const char *born, time_t now);

/*
** Merging two records of one person. The fields people edit in which
** keep and other differ (tags aside: they are joined, never chosen),
** into fields (indices of resident_record's fields, at most max); returns
** how many.
*/
size_t resident_merge_differences(const struct resident *keep, const struct resident *other,
                                  size_t *fields, size_t max);

/* Take field i of other into keep, with the fields that go with it (a community's grid, names). */
void resident_merge_take(struct resident *keep, const struct resident *other, size_t i);

/*
** True when a and b both hold valid ID numbers and they differ: two
** different people, unless the clerk confirms otherwise.
*/
int resident_ids_differ(const struct resident *a, const struct resident *b);

/* Checks; NULL or a message (translated, borrowed). */
const char *resident_check_name(const char *name);
const char *resident_check_ethnicity(const char *ethnicity);
/* A tag's name: one line of at most RESIDENT_TAG_MAX characters, no list separator (、，;). */
const char *resident_check_tag(const char *name);
#define RESIDENT_TAG_MAX 20

/* The 56 ethnic groups, as written on ID cards (汉族 ...); n gets the count. */
const char *const *resident_ethnicities(int *n);

/* An ethnic group as written in a ledger (汉, 汉族) to its full name, or NULL if none matches. */
const char *resident_ethnicity_find(const char *typed);

/* 'M' for 男/M/男性/1, 'F' for 女/F/女性/2, 0 for "", -1 for anything else. */
int resident_parse_gender(const char *typed);

/* "男", "女" or "" (translated). */
const char *resident_gender_text(char gender);

/* Age in whole years at now, or -1 when the birth date is not known. */
int resident_age(const struct resident *r, time_t now);

/* Minors' records show less in lists: true under this age. */
#define RESIDENT_MINOR_AGE 18
int resident_is_minor(const struct resident *r, time_t now);

/*
** The ID number and the phone as a list of residents shows them at now
** (the store's masked ones): a minor's neither, the ID said as （未成年人）.
** Borrowed from r, or a constant (translated).
*/
const char *resident_id_listed(const struct resident *r, time_t now);
const char *resident_phone_listed(const struct resident *r, time_t now);

/*
** Cross-checks against a valid ID number: a message when the typed birth
** date (YYYY-MM-DD or "") or gender ('M', 'F' or 0) differs from what the
** number says, else NULL. Caller frees.
*/
char *resident_birth_mismatch(const char *birth_date, const struct idcard *id);
char *resident_gender_mismatch(char gender, const struct idcard *id);

/*
** The masked forms shown in lists (前3后4), into a new string; caller frees.
** Full-width digits, a lower-case x and spaces are normalised first.
*/
char *resident_masked_id(const char *id_number);
char *resident_masked_phone(const char *phone);

#endif
