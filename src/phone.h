/*
** phone: mainland mobile numbers (1[3-9] and 9 digits, no carrier-prefix
** list, which goes stale) and landlines (0 + area code + 7-8 digits, or a
** local 7-8 digit number, with an optional extension). Spaces, dashes,
** full-width digits and a +86 / 0086 / 86 prefix are normalised away.
*/
#ifndef BANGBAN_PHONE_H
#define BANGBAN_PHONE_H

#include <stddef.h>

/*
** Normalise and check a mobile number. Returns NULL with the 11 digits in
** out (12 bytes), or a message for the clerk (translated, borrowed).
** An empty number is an error here; callers decide whether it is required.
*/
const char *phone_mobile(const char *typed, char *out);

/*
** Normalise and check a landline: "022-23456789", "02223456789",
** "23456789", "022-23456789-801". Returns NULL with the normal form
** (area code, dash, number, dash, extension) in out (cap bytes), or a message.
*/
const char *phone_landline(const char *typed, char *out, size_t cap);

/*
** A field that takes a mobile or a landline, or nothing: NULL when text is
** "" or either, else why not (translated, borrowed). A form's or a
** ledger's check.
*/
const char *phone_check_any(const char *text);

/* A phone phone_check_any() took, in the form the stores keep it (caller frees). */
char *phone_normal_any(const char *text);

#endif
