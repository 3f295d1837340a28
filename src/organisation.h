/*
** organisation: an enterprise or other body in a building (企业/单位, the
** register 一企一档) as the core sees it: the record and its field table,
** the words of its two graded fields, the checks its values must pass
** (the credit code by src/credit_code.h), the keys it is found by as the
** clerk types, and its ledger's columns. One that moves out keeps its
** record, dimmed, with its date. The store is db/organisation_store.h.
*/
#ifndef BANGBAN_ORGANISATION_H
#define BANGBAN_ORGANISATION_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"
#include "util.h"

struct organisation {
    int64_t id;          /* 0 until saved */
    char *name;          /* 天津金诚科技有限公司 */
    char *credit_code;   /* 统一社会信用代码, 18 characters, or "" */
    int64_t building_id; /* the building it sits in, 0 when none */
    char *building_name; /* stored: the building's name */
    char *floor;         /* 12, B1 */
    char *room;          /* 1201 */
    char *industry;      /* 软件和信息技术服务业 */
    char *contact_name;
    char *contact_phone; /* a mobile or a landline, normalised */
    int64_t employees;
    int64_t party_members;
    char *party_org; /* 独立, 联合, 无, or "" when not known */
    char *stability; /* 稳定, 较稳定, 一般, 较不稳定, 不稳定, or "" */
    char *moved_in;  /* YYYY-MM-DD or "" */
    char *moved_out; /* YYYY-MM-DD or "": set once it has left (kept, dimmed) */
    int retired;     /* stored: it has moved out */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

/* The longest texts, in characters (the form and the ledger alike). */
#define ORGANISATION_NAME_MAX     60
#define ORGANISATION_PLACE_MAX    10 /* floor, room */
#define ORGANISATION_INDUSTRY_MAX 30
#define ORGANISATION_CONTACT_MAX  20
#define ORGANISATION_COUNT_MAX    7 /* digits of employees and party members */

/* The fields of an organisation (record.h). */
extern const struct record_type organisation_record;

/* The words of the party organisation (独立 / 联合 / 无) and of the stability grade. */
extern const char *const organisation_party_orgs[];
#define ORGANISATION_PARTY_ORGS 3
extern const char *const organisation_stabilities[];
#define ORGANISATION_STABILITIES 5

/*
** Checks for a form and a ledger: NULL when the text is acceptable (empty
** included), else why not (translated; borrowed until the next call).
** A party organisation or stability grade is one of its words; a count is
** a whole number; a date exists. (A contact phone: phone_check_any().)
*/
const char *organisation_check_party_org(const char *text);
const char *organisation_check_stability(const char *text);
const char *organisation_check_count(const char *text);
const char *organisation_check_date(const char *text);

/*
** The rules between fields, for a form and a ledger: NULL when kept, else
** why not (translated). No more party members than employees (when the
** employees are counted); moved out no sooner than moved in (each
** YYYY-MM-DD, or "" when not known).
*/
const char *organisation_check_members(int64_t employees, int64_t members);
const char *organisation_check_moves(const char *moved_in, const char *moved_out);
/*
** A move-in date (YYYY-MM-DD, or "") not after today (clock_today()): an
** organisation not there yet is not one to visit. NULL, or why (translated).
*/
const char *organisation_check_moved_in(const char *moved_in);

/*
** The normal forms the store keeps (a phone: phone_normal_any()): a date
** as YYYY-MM-DD, a credit code in capitals; the text as it is when it is
** not one. Caller frees.
*/
char *organisation_normal_date(const char *text);
char *organisation_normal_code(const char *text);

/* A count typed ("35", "３５"): its value, or -1 when it is not a whole number. "" is 0. */
int64_t organisation_count(const char *text);

/* A contact phone as lists show it (前3后4); caller frees. */
char *organisation_masked_phone(const char *phone);

/*
** What the search line was given, and the keys an organisation is found by.
** The keys of one organisation are terms, each starting with its kind:
**   n + a piece of 1 to ORGANISATION_GRAM_MAX characters of the name
**       (without its middle dots), and of its contact's name
**   p + a pinyin key of the name, from its start and from each later
**       character (full pinyin and initials: jincheng, jc, kj ...), and
**       of its contact's name
**   c + each ending of the credit code, so any piece of it is the start of one
**   t + the contact's phone, its digits reversed: its last digits are the
**       start of it (the digits a list masks find nothing)
** A query finds the organisations with a term it starts (p, c, t) or equals (n).
*/
enum organisation_query_kind {
    ORG_QUERY_ALL,    /* nothing typed */
    ORG_QUERY_NAME,   /* Chinese or other text: pieces of the name */
    ORG_QUERY_PINYIN, /* letters only: pinyin */
    ORG_QUERY_CODE, /* digits and the code's letters, at least one digit (a phone's dashes dropped)
                     */
};

struct organisation_query {
    enum organisation_query_kind kind;
    char *text; /* normalised: full-width to ASCII, no spaces; pinyin lower case, code upper */
};

/* Classify typed (may be NULL). Free q->text with free(). */
void organisation_query_of(const char *typed, struct organisation_query *q);

/*
** The longest piece of a name filed: a fragment this long or shorter is
** one term, read in the index alone however many organisations hold it.
** Six covers what clerks type; a longer fragment reads its rarest piece
** and checks the names, which costs more when thousands hold it.
*/
#define ORGANISATION_GRAM_MAX 6

/* Pinyin keys are filed by their first ORGANISATION_PINYIN_MAX letters (and looked up so). */
#define ORGANISATION_PINYIN_MAX 24

/*
** The terms a query looks up, into out (cleared first): one for pinyin, a
** code or a name fragment of up to ORGANISATION_GRAM_MAX characters (exact:
** the term is the fragment); for a longer fragment each of its pieces of
** that length, any of
** which finds every organisation holding the fragment (the store reads the
** rarest and checks the names). Whether a term is a prefix is *prefix.
*/
void organisation_query_terms(const struct organisation_query *q, struct strlist *out, int *prefix);

/*
** The term of a query of digits alone as the last digits of a contact's
** phone (t and the digits reversed; a prefix), or NULL: what else the
** store looks up for it besides its credit code's. Caller frees.
*/
char *organisation_query_phone_term(const struct organisation_query *q);

/*
** The terms an organisation with this name and code, and this contact and
** contact's phone, is filed under, into out (cleared first).
*/
void organisation_terms(const char *name, const char *credit_code, const char *contact,
                        const char *phone, struct strlist *out);

/* The sort rank of a name (pinyin order), for lists in name order. */
int64_t organisation_rank(const char *name);

/* The organisation register's ledger. */
enum organisation_field {
    OF_NAME,
    OF_CODE,
    OF_BUILDING,
    OF_FLOOR,
    OF_ROOM,
    OF_INDUSTRY,
    OF_CONTACT,
    OF_PHONE,
    OF_EMPLOYEES,
    OF_PARTY_MEMBERS,
    OF_PARTY_ORG,
    OF_STABILITY,
    OF_MOVED_IN,
    OF_MOVED_OUT,
    OF_COUNT
};
extern const struct ledger_schema ledger_organisations;

/* Floor and room as a person reads them: "10层 1010", "10层", "1010" or "". Caller frees. */
char *organisation_place(const char *floor, const char *room);

/*
** A company's name as a narrow column tells it from the others: without
** the place it begins with (a province-level name, or a city's ending in
** 市) and its form (有限公司 ...): 天津宏达科技有限公司 -> 宏达科技. A branch
** (分公司) keeps its name whole, as does a name that would keep under two
** characters. Caller frees.
*/
char *organisation_short_name(const char *name);

#endif
