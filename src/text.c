/*
** text: see text.h.
*/
#include "text.h"
#include "termwidth.h"
#include "util.h"

#include <limits.h>
#include <string.h>
#include <stdlib.h>
#include <wchar.h>

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c, min;
    int len;

    if (n == 0) return UTF8_INCOMPLETE;
    c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        return UTF8_INVALID; /* continuation byte, C0/C1, F5..FF */
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) return UTF8_INCOMPLETE;
        if ((u[i] & 0xC0) != 0x80) return UTF8_INVALID;
        c = (c << 6) | (u[i] & 0x3F);
        /* Reject overlongs, surrogates and > U+10FFFF as soon as the
        ** second byte shows them, so a cut sequence is not "incomplete". */
        if (i == 1) {
            uint32_t b = u[1];
            if (u[0] == 0xE0 && b < 0xA0) return UTF8_INVALID;
            if (u[0] == 0xED && b > 0x9F) return UTF8_INVALID;
            if (u[0] == 0xF0 && b < 0x90) return UTF8_INVALID;
            if (u[0] == 0xF4 && b > 0x8F) return UTF8_INVALID;
        }
    }
    if (c < min) return UTF8_INVALID;
    *cp = c;
    return len;
}

int utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

void text_pos_advance(struct text_pos *pos, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        pos->offset++;
        if (c == '\n') {
            pos->line++;
            pos->column = 1;
        } else if ((c & 0xC0) != 0x80) {
            pos->column++;
        }
    }
}

int text_check_utf8(const char *s, size_t n, struct text_pos *bad)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            if (bad) {
                struct text_pos p = {0, 1, 1};
                text_pos_advance(&p, s, i);
                *bad = p;
            }
            return 0;
        }
        i += (size_t)len;
    }
    return 1;
}

int text_cp_forbidden(uint32_t cp, unsigned flags)
{
    if (cp == '\n' && (flags & TEXT_LINES)) return TEXT_ALLOWED;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return TEXT_CONTROL;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
        cp == 0x200F || cp == 0x061C)
        return TEXT_DIRECTION;
    /* Format characters that show nothing but change what a string is or how it reads. */
    if (cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200D) ||
        (cp >= 0x2028 && cp <= 0x2029) || (cp >= 0x2060 && cp <= 0x2065) ||
        (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
        (cp >= 0xE0000 && cp <= 0xE007F))
        return TEXT_INVISIBLE;
    return TEXT_ALLOWED;
}

int text_find_forbidden(const char *s, size_t n, unsigned flags, struct text_pos *at, uint32_t *cp)
{
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x7F) { /* printable ASCII, most of a ledger: nothing to decode */
            i++;
            continue;
        }
        /* U+3000..U+CFFF (the Han characters of names and addresses): none is forbidden. */
        if (b >= 0xE3 && b <= 0xEC && i + 2 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t c = 0;
        int len = utf8_decode(s + i, n - i, &c);
        int kind = len < 0 ? TEXT_NOT_UTF8 : text_cp_forbidden(c, flags);
        if (kind != TEXT_ALLOWED) {
            if (at) {
                struct text_pos p = {0, 1, 1};
                text_pos_advance(&p, s, i);
                *at = p;
            }
            if (cp) *cp = len < 0 ? (unsigned char)s[i] : c;
            return kind;
        }
        i += (size_t)len;
    }
    return TEXT_ALLOWED;
}

int text_cp_width(uint32_t cp)
{
    if (text_cp_forbidden(cp, 0) != TEXT_ALLOWED) return -1;
    int w = wcwidth((wchar_t)cp);
    if (w < 0) return -1;
    /* (The program's wcwidth() counts them so already; this for a build without it.) */
    if (w == 1 && termwidth_wide() && termwidth_ambiguous(cp)) w = 2;
    return w > 2 ? 2 : w;
}

/*
** Step over one glyph of s: returns its byte length (at least 1 when *s is
** not NUL) and stores the code point to show (U+003F '?' for a bad byte or
** an unprintable character; a space for a line feed, where a text of
** several lines is shown on one) and its width.
*/
static int glyph_next(const char *s, uint32_t *show, int *width)
{
    uint32_t cp;
    size_t n = 1; /* the bytes up to the NUL, at most a sequence's 4: never the whole rest */
    while (n < 4 && s[n - 1] && s[n])
        n++;
    int len = utf8_decode(s, n, &cp);
    if (len < 0) {
        *show = '?';
        *width = 1;
        return 1;
    }
    int w = text_cp_width(cp);
    if (cp == '\n') {
        *show = ' ';
        *width = 1;
    } else if (w < 0) {
        *show = '?';
        *width = 1;
    } else {
        *show = cp;
        *width = w;
    }
    return len;
}

/* The columns s takes, counted until they pass stop (then a number above stop). */
static int width_until(const char *s, int stop)
{
    int total = 0;
    while (*s && total <= stop) {
        uint32_t cp;
        int w;
        s += glyph_next(s, &cp, &w);
        total += w;
    }
    return total;
}

int text_width(const char *s)
{
    return width_until(s, INT_MAX - 2);
}

/* True when s takes more than cols columns; stops reading as soon as it knows. */
static int width_over(const char *s, int cols)
{
    return width_until(s, cols) > cols;
}

size_t text_chars(const char *s)
{
    size_t n = 0;
    while (*s) {
        uint32_t cp;
        int w;
        s += glyph_next(s, &cp, &w);
        n++;
    }
    return n;
}

/* Append n spaces to dst[*len] while room remains (one byte kept for NUL). */
static int fit_pad(char *dst, size_t cap, size_t *len, int n)
{
    int done = 0;
    while (done < n && *len + 1 < cap) {
        dst[(*len)++] = ' ';
        done++;
    }
    return done;
}

int text_fit(char *dst, size_t cap, const char *src, int cols, unsigned flags)
{
    /* Two ASCII dots: two columns on every terminal, whatever it does with ambiguous widths. */
    static const char ellipsis[] = TEXT_ELLIPSIS;
    size_t len = 0;
    int used = 0;
    int cut = 0;

    if (cap == 0) return 0;
    if (cols < 0) cols = 0;
    int room = cols;
    int ew = cols < (int)sizeof ellipsis - 1 ? cols : (int)sizeof ellipsis - 1; /* dots that fit */
    if ((flags & TEXT_FIT_ELLIPSIS) && width_over(src, cols)) {
        room = cols - ew;
        cut = 1;
    }
    const char *s = src;
    while (*s) {
        uint32_t cp;
        int w;
        int n = glyph_next(s, &cp, &w);
        if (used + w > room) {
            cut = 1;
            break;
        }
        char enc[4];
        int elen = utf8_encode(cp, enc);
        if (len + (size_t)elen + 1 > cap) {
            cut = 1;
            break;
        }
        memcpy(dst + len, enc, (size_t)elen);
        len += (size_t)elen;
        used += w;
        s += n;
    }
    /* (Cut by a small cap rather than by width, the dots may not fit in cols either.) */
    if (cut && (flags & TEXT_FIT_ELLIPSIS) && used + ew <= cols && len + (size_t)ew < cap) {
        memcpy(dst + len, ellipsis, (size_t)ew);
        len += (size_t)ew;
        used += ew;
    }
    dst[len] = '\0';
    if (flags & TEXT_FIT_NOPAD) return used;
    if (flags & TEXT_FIT_RIGHT) {
        int pad = cols - used;
        size_t room_bytes = cap - 1 - len;
        if ((size_t)pad > room_bytes) pad = (int)room_bytes;
        if (pad > 0) {
            memmove(dst + pad, dst, len + 1);
            memset(dst, ' ', (size_t)pad);
            used += pad;
        }
        return used;
    }
    used += fit_pad(dst, cap, &len, cols - used);
    dst[len] = '\0';
    return used;
}

char *text_fit_dup(const char *src, int cols, unsigned flags)
{
    /* Room for every column to carry a few combining marks, however long src is. */
    size_t cap = (size_t)(cols > 0 ? cols : 0) * 16 + 8;
    char *dst = xmalloc(cap);
    text_fit(dst, cap, src, cols, flags);
    return dst;
}

/* Punctuation that must not start a line (避头) or end one (避尾). */
static int no_line_start(uint32_t cp)
{
    /* The text's own …, not chrome: tests/tools/chrome_width.c lets it through. */
    static const char closing[] = "，。、：；！？）」』》〉】〕…％,.:;!)]}%"; /* not chrome */
    char u[5] = {0};
    utf8_encode(cp, u);
    return cp && strstr(closing, u) != NULL;
}

static int no_line_end(uint32_t cp)
{
    static const char opening[] = "（「『《〈【〔([{";
    char u[5] = {0};
    utf8_encode(cp, u);
    return cp && strstr(opening, u) != NULL;
}

static int is_word_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

size_t text_wrap_line(const char *s, int cols, const char **next)
{
    const char *p = s, *last = NULL; /* last: where the line's last glyph starts */
    const char *word = NULL;         /* where the run of Latin letters and digits at p starts */
    uint32_t last_cp = 0;
    int used = 0;
    while (*p && *p != '\n') {
        uint32_t cp;
        int w;
        int n = glyph_next(p, &cp, &w);
        if (used + w > cols && p != s) {
            /*
            ** Take the last glyph along rather than start a line with ，or end
            ** one with （ — unless it is closing punctuation itself (。」) —
            ** and never cut a Latin word or a number (F10, 2026, 139****1111) in two.
            */
            int pull = (no_line_start(cp) && !no_line_start(last_cp)) || no_line_end(last_cp);
            if ((is_word_cp(cp) || (word && strchr(":-./*", (int)cp))) && word && word != s)
                p = word;
            else if (pull && last && last != s)
                p = word && word != s && last >= word ? word : last; /* the whole word goes along */
            break;
        }
        used += w;
        if (w > 0) { /* a variation selector stays with its character */
            last = p;
            last_cp = cp;
        }
        /* A time, a date or a masked number (17:00, 2026-03-05, 3.5, 139****1111) is one word:
         * its : - . / * join it. */
        int joins = word && (cp == ':' || cp == '-' || cp == '.' || cp == '/' || cp == '*');
        if (!is_word_cp(cp) && !joins)
            word = NULL;
        else if (!word)
            word = p;
        p += n;
    }
    *next = *p == '\n' ? p + 1 : p;
    return (size_t)(p - s);
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

void text_trim_span(const char *s, size_t n, size_t *from, size_t *to)
{
    size_t start = 0, end = n;
    uint32_t cp;
    int len;

    while (start < n) {
        unsigned char b = (unsigned char)s[start];
        if (b < 0x80) { /* ASCII: a space, a tab or the text */
            if (b != ' ' && b != '\t') break;
            start++;
            continue;
        }
        if ((len = utf8_decode(s + start, n - start, &cp)) <= 0 || !is_space_cp(cp)) break;
        start += (size_t)len;
    }
    while (end > start) {
        if (s[end - 1] == ' ' || s[end - 1] == '\t') {
            end--;
        } else if (end - start >= 3 && s[end - 1] == '\x80' && s[end - 2] == '\x80' &&
                   s[end - 3] == '\xE3') { /* U+3000 */
            end -= 3;
        } else {
            break;
        }
    }
    *from = start;
    *to = end;
}

int text_blank(const char *s)
{
    if (!s) return 1;
    size_t from, to;
    text_trim_span(s, strlen(s), &from, &to);
    return from == to;
}

/*
** s[0..n) holds only printable ASCII but the space (no lower case letter
** when flags upper it) and characters U+4000..U+9FFF (most of the Han ones
** in use), which nothing folds and trimming never takes. Most cells of a
** ledger (dates, numbers, 男/女) are so.
*/
int text_is_normal(const char *s, size_t n, unsigned flags)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char b = u[i];
        if (b > ' ' && b < 0x7F) {
            if ((flags & TEXT_NORM_UPPER) && b >= 'a' && b <= 'z') return 0;
            i++;
        } else if (b >= 0xE4 && b <= 0xE9 && n - i >= 3 && (u[i + 1] & 0xC0) == 0x80 &&
                   (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
        } else {
            return 0;
        }
    }
    return 1;
}

char *text_normalize(const char *s, unsigned flags)
{
    size_t n = strlen(s);
    /* No character comes out longer than it went in (its own UTF-8, or shorter). */
    char *out = xmalloc(n + 1);
    if (text_is_normal(s, n, flags)) {
        memcpy(out, s, n + 1);
        return out;
    }
    size_t w = 0, i = 0;
    int dashed = 0; /* the last character written was a wide dash made '-' */

    while (i < n) {
        uint32_t cp = (unsigned char)s[i];
        int len = cp < 0x80 ? 1 : utf8_decode(s + i, n - i, &cp); /* ASCII: no decoding */
        if (len < 0) {
            out[w++] = s[i];
            i++;
            continue;
        }
        i += (size_t)len;
        int alnum = (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                    (cp >= 0xFF41 && cp <= 0xFF5A);
        if (cp >= 0xFF01 && cp <= 0xFF5E && (alnum || !(flags & TEXT_NORM_PROSE))) cp -= 0xFEE0;
        int dash = (flags & TEXT_NORM_DASH) &&
                   ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D);
        if (dash && dashed) continue; /* —— is one dash */
        dashed = dash;
        if (dash) cp = '-';
        if (is_space_cp(cp) && (flags & TEXT_NORM_PROSE)) {
            memcpy(out + w, s + i - len, (size_t)len);
            w += (size_t)len;
            continue;
        }
        if (is_space_cp(cp)) {
            if (flags & TEXT_NORM_NOSPACE) continue;
            cp = ' ';
        }
        if ((flags & TEXT_NORM_UPPER) && cp >= 'a' && cp <= 'z') cp -= 'a' - 'A';
        w += (size_t)utf8_encode(cp, out + w);
    }
    size_t from, to;
    text_trim_span(out, w, &from, &to);
    memmove(out, out + from, to - from);
    out[to - from] = '\0';
    return out;
}

char *text_trim(const char *s)
{
    size_t from, to;
    text_trim_span(s, strlen(s), &from, &to);
    return xstrndup(s + from, to - from);
}

int text_is_line(const char *s)
{
    return text_find_forbidden(s, strlen(s), 0, NULL, NULL) == TEXT_ALLOWED;
}

char *text_printable(const char *s, unsigned flags)
{
    struct strbuf sb = STRBUF_INIT;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp = 0;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            strbuf_addc(&sb, '?');
            i++;
            continue;
        }
        int eol = cp == '\n' || (cp == '\r' && s[i + 1] == '\n'); /* CRLF: a CSV report's rows */
        int keep = (eol && (flags & TEXT_LINES)) || (cp == '\t' && (flags & TEXT_TABS)) ||
                   text_cp_width(cp) >= 0;
        if (keep)
            strbuf_add(&sb, s + i, (size_t)len);
        else
            strbuf_addc(&sb, '?');
        i += (size_t)len;
    }
    return strbuf_detach(&sb);
}

char *text_excerpt(const char *s, size_t chars)
{
    size_t i = 0, n = 0;
    while (s[i] && n < chars) {
        uint32_t cp;
        int w;
        i += (size_t)glyph_next(s + i, &cp, &w);
        n++;
    }
    if (!s[i]) return xstrdup(s);
    char *cut = xmalloc(i + sizeof TEXT_ELLIPSIS);
    memcpy(cut, s, i);
    memcpy(cut + i, TEXT_ELLIPSIS, sizeof TEXT_ELLIPSIS); /* and the NUL */
    return cut;
}

/* The dots names are written with in place of U+00B7 (each 3 bytes of UTF-8, but U+0387). */
static const char *const name_dots[] = {
    "\xE2\x80\xA2", /* U+2022 bullet */
    "\xE2\x80\xA7", /* U+2027 hyphenation point */
    "\xE2\x88\x99", /* U+2219 bullet operator */
    "\xE2\xB8\xB1", /* U+2E31 word separator middle dot */
    "\xE3\x83\xBB", /* U+30FB katakana middle dot, the full-width ・ */
    "\xEF\xBD\xA5", /* U+FF65 half-width katakana middle dot */
    "\xEF\xBC\x8E", /* U+FF0E full-width full stop, an IME's dot */
    "\xCE\x87",     /* U+0387 Greek ano teleia, canonically U+00B7 */
};

/* The bytes of a dot variant at p (0 when there is none). */
static size_t dot_at(const char *p)
{
    unsigned char c = (unsigned char)*p;
    if (c != 0xE2 && c != 0xE3 && c != 0xEF && c != 0xCE) return 0;
    for (size_t k = 0; k < ARRAY_LEN(name_dots); k++) {
        size_t n = strlen(name_dots[k]);
        if (strncmp(p, name_dots[k], n) == 0) return n;
    }
    return 0;
}

/* The length of the run of spaces (space, tab, U+3000) at p; 0 when none. */
static size_t spaces_at(const char *p)
{
    const char *q = p;
    for (;;) {
        if (*q == ' ' || *q == '\t')
            q++;
        else if (strncmp(q, "\xE3\x80\x80", 3) == 0)
            q += 3;
        else
            return (size_t)(q - p);
    }
}

/* True for a Chinese character (CJK radicals to the end of the Han blocks, and Ext-B on). */
static int cp_han(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF && cp != 0x3000) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           cp >= 0x20000;
}

char *text_drop_han_spaces(const char *s)
{
    const char *in = s ? s : "";
    size_t n = strlen(in);
    char *out = xmalloc(n + 1);
    size_t w = 0;
    uint32_t before = 0; /* the character before the spaces met */
    for (size_t i = 0; i < n;) {
        size_t sp = spaces_at(in + i);
        if (sp) {
            uint32_t after = 0;
            if (i + sp < n && utf8_decode(in + i + sp, n - i - sp, &after) <= 0) after = 0;
            if (!cp_han(before) && !cp_han(after)) {
                memcpy(out + w, in + i, sp);
                w += sp;
            }
            i += sp;
            continue;
        }
        int len = utf8_decode(in + i, n - i, &before);
        if (len <= 0) {
            before = 0;
            len = 1;
        }
        memcpy(out + w, in + i, (size_t)len);
        w += (size_t)len;
        i += (size_t)len;
    }
    out[w] = '\0';
    return out;
}

char *text_fold_dots(const char *s)
{
    char *out = xstrdup(s ? s : "");
    char *w = out;
    for (const char *p = out; *p;) {
        size_t n = dot_at(p);
        if (n) {
            *w++ = '\xC2'; /* U+00B7 is 2 bytes: the text only gets shorter */
            *w++ = '\xB7';
            p += n;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

char *text_drop_dots(const char *s)
{
    char *out = text_fold_dots(s);
    char *w = out;
    for (const char *p = out; *p;) {
        if (p[0] == '\xC2' && p[1] == '\xB7')
            p += 2;
        else
            *w++ = *p++;
    }
    *w = '\0';
    return out;
}

char *text_ascii_lower(char *s)
{
    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return s;
}

void text_mask_number(const char *number, size_t full_length, char *out)
{
    size_t n = strlen(number);
    for (size_t i = 0; i < n; i++) {
        int shown = (n == full_length && i < 3) || i + 4 >= n;
        out[i] = shown ? number[i] : '*';
    }
    out[n] = '\0';
}

int text_is_list_separator(uint32_t cp)
{
    return cp == 0x3001 || cp == 0xFF0C || cp == 0xFF1B || cp == 0x3000 || cp == ',' || cp == ';' ||
           cp == '/' || cp == '|' || cp == ' ';
}

int text_says_none(const char *s)
{
    if (str_eq(s, "无") || str_eq(s, "暂无")) return 1;
    size_t n = strlen(s), dashes = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len <= 0 ||
            !(cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0xFF0D))
            return 0;
        dashes++;
        i += (size_t)len;
    }
    return dashes > 0;
}

void text_split_list(const char *s, struct strlist *out)
{
    struct strbuf item = STRBUF_INIT;
    size_t n = strlen(s), i = 0;
    while (i <= n) {
        uint32_t cp = 0;
        int len = i < n ? utf8_decode(s + i, n - i, &cp) : 1;
        if (len < 0) len = 1;
        if (i < n && !text_is_list_separator(cp)) {
            strbuf_add(&item, s + i, (size_t)len);
        } else if (item.len) {
            if (!strlist_has(out, item.buf)) strlist_add(out, item.buf);
            strbuf_reset(&item);
        }
        i += (size_t)len;
    }
    strbuf_free(&item);
}
