/*
** credit_code: the 18-character unified social credit code (统一社会信用代码,
** GB 32100-2015) of an organisation: the registration authority (1st
** character) and the category it registers (2nd), the region code of the
** registering office (3rd-8th, GB/T 2260), the subject's identifier (9th-17th:
** the organisation code of GB 11714, whose own check character is the 17th),
** and a check character (18th) by weights 3^i mod 31 over the alphabet
** 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z).
**
** What an input method types is normalised first (full-width characters,
** lower-case letters, spaces). Checks run in the order that gives the most
** specific message: length, characters, authority and category, region,
** the organisation code's check, the code's check.
*/
#ifndef BANGBAN_CREDIT_CODE_H
#define BANGBAN_CREDIT_CODE_H

enum credit_code_error {
    CREDIT_CODE_OK,
    CREDIT_CODE_EMPTY,
    CREDIT_CODE_LENGTH,    /* not 18 characters */
    CREDIT_CODE_CHARS,     /* a character outside the alphabet (I, O, S, V, Z, punctuation) */
    CREDIT_CODE_AUTHORITY, /* no registration authority has the 1st character */
    CREDIT_CODE_CATEGORY,  /* the authority registers no category under the 2nd */
    CREDIT_CODE_REGION,    /* characters 3-8 are not a region code */
    CREDIT_CODE_ORG_CHECK, /* the organisation code's check (17th) is wrong */
    CREDIT_CODE_CHECK,     /* the code's check character (18th) is wrong */
};

struct credit_code {
    char code[19]; /* the normalised characters (set when the length is right) */
    char bad;      /* CREDIT_CODE_CHARS: the first character outside the alphabet ('?' for one
                    * that is not ASCII) */
    int bad_pos;   /* CREDIT_CODE_CHARS: its position, 1-based */
    char expected; /* CREDIT_CODE_ORG_CHECK, CREDIT_CODE_CHECK: the character it should be */
};

/* The check character (18th) for the first 17 characters, all from the alphabet; 0 otherwise. */
char credit_code_check_char(const char *first17);

/*
** The organisation code's check character (GB 11714) for its first 8
** characters (digits and capital letters); 0 when one is neither.
*/
char credit_code_org_check_char(const char *first8);

/*
** A valid code into out (19 bytes) from its authority and category
** characters, its 6-digit region and the first 8 characters of the
** organisation code (all from the alphabet): both check characters are
** computed. Returns out.
*/
char *credit_code_make(char authority, char category, const char *region, const char *org8,
                       char *out);

/*
** Normalise and check typed (may be NULL). Returns CREDIT_CODE_OK with
** out->code set, or the first error found (out's other fields set where
** they can be, for the message).
*/
enum credit_code_error credit_code_parse(const char *typed, struct credit_code *out);

/* A sentence for the clerk about err (translated), or NULL for CREDIT_CODE_OK. Caller frees. */
char *credit_code_message(enum credit_code_error err, const struct credit_code *c);

/*
** For a form and a ledger: NULL when typed is empty or a valid code, else
** why not (translated; borrowed until the next call).
*/
const char *credit_code_check(const char *typed);

#endif
