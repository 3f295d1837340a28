/*
** search: what the clerk typed in the resident search line, and the
** pieces of a name the search finds it by. Which technique serves which
** kind of query (measured at district scale):
**   a Chinese fragment of 1-3 characters  the name's 1-, 2- and 3-character pieces
**   4 characters or more                  the two rarest 3-character pieces' lists,
**                                         intersected, then the names checked
**   letters                               pinyin keys, as a prefix (zs, zhs, zhangs):
**                                         of the name's start first, then of each
**                                         later syllable (sf, sanfeng for 张三丰)
**   digits                                reversed ID and phone numbers, as a prefix
**                                         (so the last 4 or 6 digits are a range)
*/
#ifndef BANGBAN_SEARCH_H
#define BANGBAN_SEARCH_H

#include <stddef.h>
#include <stdint.h>

enum search_kind {
    SEARCH_EMPTY,      /* nothing typed */
    SEARCH_NAME_SHORT, /* a fragment of 1 to SEARCH_GRAM_MAX characters */
    SEARCH_NAME_LONG,  /* longer */
    SEARCH_PINYIN,     /* letters only */
    SEARCH_DIGITS,     /* digits, and X as in ID numbers (dashes between them dropped) */
};

struct search_query {
    enum search_kind kind;
    char *text;   /* normalised: full-width to ASCII, no spaces, no middle dots (text_drop_dots);
                   * letters lower-case, X upper */
    size_t chars; /* characters in text */
};

/* Classify typed (may be NULL). Free q->text with free(). */
void search_classify(const char *typed, struct search_query *q);

/* s reversed, as a new string (ASCII; for ID and phone suffixes). Caller frees. */
char *search_reverse(const char *s);
/* s reversed into buf (cap bytes); returns buf, or NULL when it does not fit. */
char *search_reverse_into(char *buf, size_t cap, const char *s);

/*
** The upper bound of a prefix range: prefix with its last byte raised by
** one, so key >= prefix AND key < bound holds exactly the keys starting
** with prefix (prefix must be non-empty ASCII). Caller frees.
*/
char *search_prefix_bound(const char *prefix);

/* The longest piece of a name filed: a fragment this long or shorter is one posting list. */
#define SEARCH_GRAM_MAX 3

/* A piece of 1 to SEARCH_GRAM_MAX characters of a name and how well it stands for the name. */
struct search_gram {
    char text[4 * SEARCH_GRAM_MAX + 1]; /* UTF-8 of up to SEARCH_GRAM_MAX code points */
    int tier;                           /* 0: the whole name, 1: its start, 2: elsewhere */
};

/*
** The pieces of a name, each text once with its best tier (张张: 张 once,
** as the start), into out (at most cap); returns how many. A name is
** filed under each piece once. Pieces are taken of the name without its
** middle dots (买买提·艾力 as 买买提艾力), so a name typed with or
** without its dot finds it.
*/
size_t search_grams(const char *name, struct search_gram *out, size_t cap);

#endif
