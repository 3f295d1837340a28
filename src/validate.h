/*
** validate: the rules a typed value must meet before it is saved. Each
** check returns NULL when the value is acceptable, or a message for the
** clerk (translated, borrowed) saying what is wrong.
*/
#ifndef BANGBAN_VALIDATE_H
#define BANGBAN_VALIDATE_H

/* Longest code accepted (buildings, grids, communities, streets). */
#define VALIDATE_CODE_MAX 30

/* A code: required, at most VALIDATE_CODE_MAX characters, letters, digits and - _ . only. */
const char *validate_code(const char *text);

/* A name or other required line of text: not empty, no control characters. */
const char *validate_required(const char *text);

/* An optional line of text: no control characters. */
const char *validate_line(const char *text);

/* A date (1990-03-07, 1990/3/7, 19900307) that exists: required. */
const char *validate_date(const char *text);

/* A date as validate_date(), or nothing. */
const char *validate_date_optional(const char *text);

#endif
