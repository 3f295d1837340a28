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

/* What text_find_forbidden() finds. */
enum text_forbidden {
    TEXT_ALLOWED,   /* nothing: the text may be stored */
    TEXT_NOT_UTF8,  /* a byte that is not UTF-8 */
    TEXT_CONTROL,   /* C0 (NUL, ESC, BEL, TAB ...), DEL or C1 */
    TEXT_DIRECTION, /* a bidi override, embedding, isolate or mark (U+202A-202E, 2066-2069 ...) */
    TEXT_INVISIBLE, /* another invisible format character (U+200B zero width space, U+FEFF ...) */
};
/* Flags of the functions below. */
#define TEXT_LINES 1u /* line feeds are allowed: a multi-line note */
#define TEXT_TABS  2u /* text_printable(): tabs are kept (the CLI's own column separator) */
/*
** The one rule for text that is stored, whatever path it comes in by
** (a form, a ledger of any kind, the CLI): the kind of character cp is
** (TEXT_ALLOWED when it may be stored). A line feed is allowed with
** TEXT_LINES; nothing else of the kinds above ever is.
*/
int text_cp_forbidden(uint32_t cp, unsigned flags);
/*
** The first character of s[0..n) the rule refuses: returns its kind, with
** its place in *at and the character (or the bad byte) in *cp (either may
** be NULL); TEXT_ALLOWED when there is none. A NUL inside n is a control.
*/
int text_find_forbidden(const char *s, size_t n, unsigned flags, struct text_pos *at, uint32_t *cp);
/*
** The one rule for text going out to a terminal or a printer, even when a
** forbidden character is in the database already (older rows, hand
** edits): a copy of s with every bad byte, control, direction and
** invisible format character replaced by '?' (line ends, LF or CRLF,
** kept with TEXT_LINES, tabs with TEXT_TABS). Caller frees.
*/
char *text_printable(const char *s, unsigned flags);
/*
** Columns one code point takes on a terminal: 0 (combining), 1 or 2; a
** character of East-Asian ambiguous width takes 2 while termwidth_wide().
** Returns -1 for characters that cannot be shown (controls, unassigned, and
** what text_cp_forbidden() refuses); callers show those as '?'.
*/
int text_cp_width(uint32_t cp);

/* Columns s takes when shown; bad bytes and unprintables count as '?' (1). */
int text_width(const char *s);

/* Number of code points in s; each bad byte counts as one. */
size_t text_chars(const char *s);

/*
** What ends a cut string: two ASCII dots, never U+2026, which terminals set
** to draw East-Asian ambiguous characters wide (PuTTY's and xterm's CJK
** setting) draw in two columns where everything else counts one.
*/
#define TEXT_ELLIPSIS ".."

/* text_fit() flags. */
#define TEXT_FIT_ELLIPSIS 1u /* end a cut string with TEXT_ELLIPSIS */
#define TEXT_FIT_RIGHT    2u /* pad on the left instead of the right */
#define TEXT_FIT_NOPAD    4u /* do not pad a short string */

/*
** Write src into dst (cap bytes) so that it takes exactly cols columns:
** glyphs are copied until the next one would cross the edge (a wide
** character never straddles it), then the rest is padded with spaces.
** With TEXT_FIT_ELLIPSIS a string that had to be cut ends in TEXT_ELLIPSIS
** (as much of it as cols has room for).
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
** Whether s (trimmed) says "none" as a ledger's cell left blank on purpose
** does: dashes alone (-, –, —, －, ―), 无 or 暂无.
*/
int text_says_none(const char *s);

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
** ends with opening punctuation (（「): the character before goes along; and
** a run of Latin letters and digits (F10, 2026, and a time or date such as
** 17:00 or 2026-03-05) is never cut in two unless it fills the whole line.
*/
size_t text_wrap_line(const char *s, int cols, const char **next);

/* text_normalize() flags. */
#define TEXT_NORM_UPPER   1u /* ASCII letters to upper case (x -> X in ID numbers) */
#define TEXT_NORM_NOSPACE 2u /* drop every space, tab and ideographic space */
#define TEXT_NORM_PROSE   4u /* Chinese prose: keep full-width punctuation and spaces (，。：) */
#define TEXT_NORM_DASH    8u /* every dash (－ — – ‐ −) to '-': an address's 楼栋-单元-室 */

/*
** Normalise what an input method types into a code field: full-width
** ASCII (U+FF01..U+FF5E, e.g. １２３ＡＢ) becomes ASCII, the ideographic
** space U+3000 and tabs become spaces, leading and trailing spaces go.
** Flags as above. Bad bytes are kept as they are. Returns a new string;
** caller frees.
*/
char *text_normalize(const char *s, unsigned flags);

/*
** True when text_normalize(s, flags) would give s[0..n) back unchanged (a
** sure answer for most ledger cells, never a wrong one): a caller may then
** use s as it is and skip the copy.
*/
int text_is_normal(const char *s, size_t n, unsigned flags);

/* Copy of s without leading and trailing spaces (ASCII and U+3000). Caller frees. */
char *text_trim(const char *s);
/* Where s[0, n) starts and ends once trimmed as text_trim() trims: [*from, *to). No copy made. */
void text_trim_span(const char *s, size_t n, size_t *from, size_t *to);
/* True when s is NULL, empty or only spaces as text_trim() trims them: no reason given. */
int text_blank(const char *s);

/* True when s is fit to be stored as one line of text: text_find_forbidden() finds nothing. */
int text_is_line(const char *s);

/*
** The first chars characters of s, ending in TEXT_ELLIPSIS when s is longer: what a
** message quotes of a cell or a header, however long it is. Caller frees.
*/
char *text_excerpt(const char *s, size_t chars);
/*
** Names: every dot a name like 买买提·艾力 may be typed or imported with
** (U+2022, U+2027, U+2219, U+2E31, U+30FB, U+FF65, U+FF0E, U+0387) as the
** one middle dot U+00B7, as a new string (s may be NULL: ""). What is
** stored and what is searched for go through it alike. Caller frees.
*/
char *text_fold_dots(const char *s);

/*
** s with every run of spaces (space, tab, U+3000) beside a Chinese
** character dropped: 王 五 is 王五, as a Chinese name is written, while
** the space between two Latin words stays (Anna Li). A new string (s may
** be NULL: ""). Caller frees.
*/
char *text_drop_han_spaces(const char *s);

/*
** s without any middle dot, of any variant (买买提•艾力 -> 买买提艾力): how
** names are filed for search, so a name typed without its dot is found.
** Caller frees.
*/
char *text_drop_dots(const char *s);

/* Lower-case ASCII letters of s in place; returns s. */
char *text_ascii_lower(char *s);

#endif
