/*
** text: UTF-8 as people see it. Strict decoding that says where a bad byte
** is, display width in terminal columns (wcwidth), fitting a string into an
** exact number of columns, and the normalisation of what an input method
** types into code fields. Characters outside the BMP (CJK Ext B such as
** U+201D4 𠇔) are ordinary characters here.
**
** Needs an LC_CTYPE with a UTF-8 codeset for wcwidth (see i18n_setup()).
*/
#ifndef BANGBAN_TEXT_H
#define BANGBAN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* utf8_decode() results besides a length. */
#define UTF8_INVALID    (-1) /* not the start of any valid sequence */
#define UTF8_INCOMPLETE (-2) /* a valid start, cut short by the end of the input */

/*
** Decode one code point from s[0..n). Strict: rejects overlong forms,
** surrogates, values above U+10FFFF and stray continuation bytes.
** Returns the sequence length (1-4) and stores the code point in *cp, or
** UTF8_INVALID (skip one byte) or UTF8_INCOMPLETE (need more bytes).
*/
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp (a valid scalar value) into out; returns 1-4 bytes written. */
int utf8_encode(uint32_t cp, char out[4]);

/* A place in a text: byte offset (0-based), line and column (1-based, columns in characters). */
struct text_pos {
    size_t offset;
    size_t line;
    size_t column;
};

/*
** Check that s[0..n) is valid UTF-8. Returns 1 if so; otherwise 0 with the
** position of the first bad byte in *bad (if bad is not NULL). A sequence
** cut short by the end of the input is bad too.
*/
int text_check_utf8(const char *s, size_t n, struct text_pos *bad);

/* Advance pos over the bytes s[0..n) (which must be valid UTF-8). */
void text_pos_advance(struct text_pos *pos, const char *s, size_t n);

/*
** Columns one code point takes on a terminal: 0 (combining), 1 or 2.
** Returns -1 for characters that cannot be shown (controls, unassigned);
** callers show those as '?'.
*/
int text_cp_width(uint32_t cp);

/* Columns s takes when shown; bad bytes and unprintables count as '?' (1). */
int text_width(const char *s);

/* Number of code points in s; each bad byte counts as one. */
size_t text_chars(const char *s);

/* text_fit() flags. */
#define TEXT_FIT_ELLIPSIS 1u /* end a cut string with '…' */
#define TEXT_FIT_RIGHT    2u /* pad on the left instead of the right */
#define TEXT_FIT_NOPAD    4u /* do not pad a short string */

/*
** Write src into dst (cap bytes) so that it takes exactly cols columns:
** glyphs are copied until the next one would cross the edge (a wide
** character never straddles it), then the rest is padded with spaces.
** With TEXT_FIT_ELLIPSIS a string that had to be cut ends in '…'.
** Bad bytes and unprintable characters become '?'. dst is always
** NUL-terminated; a cap of cols * 4 + 8 is always enough for text without
** combining marks. Returns the number of columns written.
*/
int text_fit(char *dst, size_t cap, const char *src, int cols, unsigned flags);

/* As text_fit() into a new string; caller frees. */
char *text_fit_dup(const char *src, int cols, unsigned flags);

/* True for the characters that separate items in a list people type: 、，,;；/| and spaces. */
int text_is_list_separator(uint32_t cp);

/*
** Append the items of a typed list (空巢老人;党员 / 空巢老人、党员 ...) to out,
** split at text_is_list_separator() characters, without empty items and
** without items out holds already.
*/
void text_split_list(const char *s, struct strlist *out);

/*
** A number masked as lists and prints show it (前3后4): when it has its
** full length, the first 3 and last 4 characters kept; other lengths, only
** the last 4. Everything else becomes '*'. out must hold strlen(number) + 1
** bytes, and may be number itself.
*/
void text_mask_number(const char *number, size_t full_length, char *out);

/*
** Length in bytes of the first line of s when wrapped at cols columns:
** up to a newline (not included) or as many glyphs as fit (at least one).
** *next gets where the following line starts (after the newline, if any).
** Chinese text has no spaces, so lines break between any two characters,
** except that a line never starts with closing punctuation (，。？）」) nor
** ends with opening punctuation (（「): the character before goes along.
*/
size_t text_wrap_line(const char *s, int cols, const char **next);

/* text_normalize() flags. */
#define TEXT_NORM_UPPER   1u /* ASCII letters to upper case (x -> X in ID numbers) */
#define TEXT_NORM_NOSPACE 2u /* drop every space, tab and ideographic space */
#define TEXT_NORM_PROSE   4u /* Chinese prose: keep full-width punctuation and spaces (，。：) */

/*
** Normalise what an input method types into a code field: full-width
** ASCII (U+FF01..U+FF5E, e.g. １２３ＡＢ) becomes ASCII, the ideographic
** space U+3000 and tabs become spaces, leading and trailing spaces go.
** Flags as above. Bad bytes are kept as they are. Returns a new string;
** caller frees.
*/
char *text_normalize(const char *s, unsigned flags);

/* Copy of s without leading and trailing spaces (ASCII and U+3000). Caller frees. */
char *text_trim(const char *s);

/*
** True when s is valid UTF-8 without control characters, i.e. fit to be
** stored as one line of text.
*/
int text_is_line(const char *s);

/* Lower-case ASCII letters of s in place; returns s. */
char *text_ascii_lower(char *s);

#endif
