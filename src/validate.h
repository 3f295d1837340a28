/*
** validate: the rules a typed value must meet before it is saved. Each
** check returns NULL when the value is acceptable, or a message for the
** clerk (translated, borrowed) saying what is wrong.
*/
#ifndef BANGBAN_VALIDATE_H
#define BANGBAN_VALIDATE_H
#include <stddef.h>

/* Longest code accepted (buildings, grids, communities, streets). */
#define VALIDATE_CODE_MAX 30

/* A code: required, at most VALIDATE_CODE_MAX characters, letters, digits and - _ . only. */
const char *validate_code(const char *text);

/* A name or other required line of text: not empty, no control characters. */
const char *validate_required(const char *text);

/* An optional line of text: what text_find_forbidden() refuses is not in it. */
const char *validate_line(const char *text);
/*
** The one rule for stored text (text_find_forbidden(), flags TEXT_LINES
** for a multi-line note) in words: NULL when text passes, else which
** character is refused, where and why. The message is valid until the
** next call in the same thread.
*/
const char *validate_text(const char *text, unsigned flags);
/* The same over text[0..n), which may hold NUL bytes (a ledger's cell). */
const char *validate_text_n(const char *text, size_t n, unsigned flags);

/* A date (1990-03-07, 1990/3/7, 19900307) that exists: required. */
const char *validate_date(const char *text);

/* A date as validate_date(), or nothing. */
const char *validate_date_optional(const char *text);

/* A date as validate_date_optional(), not after today (clock_today()): a day gone by, or none. */
const char *validate_date_gone_optional(const char *text);

#endif
