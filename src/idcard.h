/*
** idcard: the 18-character resident ID number (居民身份证号, GB 11643-1999):
** 6-digit region code, 8-digit birth date, 3-digit sequence (odd: male,
** even: female), and an ISO 7064 MOD 11-2 check character.
**
** What an input method types is normalised first (full-width digits,
** lowercase x, stray spaces); a 15-digit first-generation number is
** upgraded to 18. Checks run in the order that gives the most specific
** message: shape, region, birth date, check character.
*/
#ifndef BANGBAN_IDCARD_H
#define BANGBAN_IDCARD_H

#include "date.h"

#include <stdint.h>

enum idcard_error {
    IDCARD_OK,
    IDCARD_EMPTY,
    IDCARD_EXCEL,  /* 1.20101E+17: Excel turned it into a number and lost digits */
    IDCARD_LENGTH, /* not 18 (or 15) characters */
    IDCARD_CHARS,  /* not 17 digits and a digit or X */
    IDCARD_REGION, /* no province has that code */
    IDCARD_DATE,   /* the birth date does not exist */
    IDCARD_FUTURE, /* the birth date is after today */
    IDCARD_CHECK,  /* the check character is wrong */
    IDCARD_ZEROS,  /* wrong check character and the last three 000: Excel kept 15 digits */
};

struct idcard {
    char number[19];   /* the normalised 18 characters (set when the shape is right) */
    struct date birth; /* from characters 7-14 */
    char gender;       /* 'M' or 'F', from the parity of character 17 */
    int upgraded;      /* 1 when a 15-digit number was upgraded to 18 */
    char expected;     /* IDCARD_CHECK: the check character the number should end in */
};

/* The check character ('0'-'9' or 'X') for the first 17 digits. */
char idcard_check_char(const char *first17);

/*
** Normalise and check typed (may be NULL). Returns IDCARD_OK with *out
** filled, or the first error found (out->number and out->expected are set
** where they can be, for the message).
*/
enum idcard_error idcard_parse(const char *typed, struct idcard *out);

/*
** A sentence for the clerk about err (translated; uses id->expected for a
** wrong check character), or NULL for a plain IDCARD_OK. Caller frees.
*/
char *idcard_message(enum idcard_error err, const struct idcard *id);

/*
** ID numbers met so far (in a ledger, in generated data), each with a line:
** an 18-character number as its value in 8 bytes beside a 4-byte line
** (12 bytes a number, the table kept up to 7/8 full: 48 MiB for 3.5
** million), any other text in a table of its own.
*/
struct idcard_slot;
struct idcard_seen {
    uint64_t *keys; /* 0: empty */
    uint32_t *lines;
    size_t cap, used;
    struct idcard_slot *slots; /* the numbers not of 18 characters */
    size_t scap, sused;
};
#define IDCARD_SEEN_INIT                                                                           \
    {                                                                                              \
        NULL, NULL, 0, 0, NULL, 0, 0                                                               \
    }

/*
** The line number was met on before (> 0), or 0 when it is new: then it is
** remembered as met on line (which must be > 0).
*/
int idcard_seen_check(struct idcard_seen *s, const char *number, int line);
void idcard_seen_free(struct idcard_seen *s);

#endif
