/*
** fuzz_utf8: the UTF-8 and width functions of src/text.h on arbitrary
** bytes. The first two bytes choose text_fit()'s columns (-2..80), flags
** and buffer size and text_wrap_line()'s width; the rest is the text.
**   - utf8_decode at every offset: a length 1..4 never past n, a scalar
**     value (no surrogate, <= U+10FFFF) that utf8_encode writes back as
**     the same bytes; INCOMPLETE only when the rest is a cut prefix;
**   - text_check_utf8 agrees with decoding from the start, and its bad
**     position is where the first bad sequence starts;
**   - text_chars <= bytes, text_width <= 2 * chars;
**   - text_fit into a buffer of exactly cap bytes: NUL-terminated inside
**     it, valid UTF-8, returns the columns of what it wrote, never more
**     than asked; with room enough and no NOPAD, exactly what was asked
**     (as its comment promises); text_fit_dup likewise;
**   - text_wrap_line: each line is a prefix of the rest without a line
**     feed, reading always progresses, a line of more than one glyph
**     fits the width;
**   - the rule for stored text: text_find_forbidden finds nothing exactly
**     when the text is UTF-8 whose every character text_cp_forbidden
**     allows, else the first refused character, where it is; text_is_line
**     agrees; a character with a width is never forbidden;
**     text_printable keeps the number of characters and leaves only what
**     can be shown (and line ends with TEXT_LINES, tabs with TEXT_TABS),
**     as text.h says; text_excerpt is the text, or
**     its first characters and an ellipsis.
** The first byte's top two bits give those functions' TEXT_LINES and TEXT_TABS.
*/
#include "fuzz.h"

#include "src/text.h"

static void check_decode(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = 0xFFFFFFFFu;
        int len = utf8_decode(s + i, n - i, &cp);
        CHECK(len == UTF8_INVALID || len == UTF8_INCOMPLETE || (len >= 1 && len <= 4));
        if (len > 0) {
            CHECK((size_t)len <= n - i);
            CHECK(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF));
            char enc[4];
            CHECK(utf8_encode(cp, enc) == len && memcmp(enc, s + i, (size_t)len) == 0);
        } else if (len == UTF8_INCOMPLETE) {
            /* Cut short by the end: fewer bytes than its lead byte announces. */
            unsigned char b = (unsigned char)s[i];
            size_t want = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            CHECK(b >= 0xC2 && n - i < want);
        }
    }
    struct text_pos bad = {99, 99, 99};
    int ok = text_check_utf8(s, n, &bad);
    size_t i = 0;
    for (;;) {
        uint32_t cp;
        if (i == n) {
            CHECK(ok);
            break;
        }
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            CHECK(!ok && bad.offset == i && bad.line >= 1 && bad.column >= 1);
            break;
        }
        i += (size_t)len;
    }
}

static void check_fit(const char *s, int cols, unsigned flags, size_t cap)
{
    char *dst = xmalloc(cap ? cap : 1);
    int used = text_fit(dst, cap, s, cols, flags);
    if (cap == 0) {
        CHECK(used == 0);
        free(dst);
        return;
    }
    CHECK(memchr(dst, '\0', cap) != NULL);
    size_t len = strlen(dst);
    CHECK(text_check_utf8(dst, len, NULL));
    CHECK(used >= 0 && used <= (cols > 0 ? cols : 0));
    CHECK(text_width(dst) == used);
    free(dst);

    /* Room enough for anything: every glyph takes at most 4 bytes, the padding one a column. */
    size_t big = 4 * strlen(s) + (size_t)(cols > 0 ? cols : 0) + 8;
    dst = xmalloc(big);
    used = text_fit(dst, big, s, cols, flags);
    CHECK(text_check_utf8(dst, strlen(dst), NULL));
    CHECK(text_width(dst) == used);
    if (!(flags & TEXT_FIT_NOPAD)) CHECK(used == (cols > 0 ? cols : 0));
    else CHECK(used <= (cols > 0 ? cols : 0));
    free(dst);

    char *dup = text_fit_dup(s, cols, flags);
    CHECK(text_check_utf8(dup, strlen(dup), NULL));
    CHECK(text_width(dup) <= (cols > 0 ? cols : 0));
    free(dup);
}

static void check_wrap(const char *s, int cols)
{
    const char *p = s;
    size_t guard = strlen(s) + 1;
    while (*p) {
        const char *next = NULL;
        size_t len = text_wrap_line(p, cols, &next);
        CHECK(next != NULL && next > p && next <= p + strlen(p));
        CHECK(len <= strlen(p) && memchr(p, '\n', len) == NULL);
        CHECK(next == p + len || (p[len] == '\n' && next == p + len + 1));
        if (len > 0) {
            uint32_t cp;
            int first = utf8_decode(p, len, &cp);
            if (first < 0) first = 1;
            if (len > (size_t)first) {
                char *line = xstrndup(p, len);
                CHECK(text_width(line) <= (cols > 0 ? cols : 0));
                free(line);
            }
        }
        p = next;
        CHECK(guard-- > 0);
    }
}

static void check_forbidden(const char *s, size_t n, unsigned flags)
{
    struct text_pos at = {99, 99, 99};
    uint32_t cp = 0xFFFFFFFFu;
    int kind = text_find_forbidden(s, n, flags, &at, &cp);
    CHECK(kind >= TEXT_ALLOWED && kind <= TEXT_INVISIBLE);
    size_t i = 0;
    while (i < n) { /* the first character refused, as the rule says */
        uint32_t c;
        int len = utf8_decode(s + i, n - i, &c);
        int k = len < 0 ? TEXT_NOT_UTF8 : text_cp_forbidden(c, flags);
        if (k != TEXT_ALLOWED) {
            CHECK(kind == k && at.offset == i && at.line >= 1 && at.column >= 1);
            CHECK(cp == (len < 0 ? (unsigned char)s[i] : c));
            break;
        }
        if (text_cp_width(c) >= 0) CHECK(text_cp_forbidden(c, 0) == TEXT_ALLOWED);
        i += (size_t)len;
    }
    if (i == n) CHECK(kind == TEXT_ALLOWED && text_check_utf8(s, n, NULL));
}

static void check_printable(const char *s, unsigned flags)
{
    char *out = text_printable(s, flags);
    size_t n = strlen(out);
    CHECK(text_check_utf8(out, n, NULL));
    CHECK(text_chars(out) == text_chars(s));
    for (size_t i = 0; i < n;) { /* shown as it is, or a line end or tab the flags keep */
        uint32_t cp;
        int len = utf8_decode(out + i, n - i, &cp);
        CHECK(len > 0);
        int eol = cp == '\n' || (cp == '\r' && out[i + 1] == '\n');
        CHECK(text_cp_width(cp) >= 0 || (eol && (flags & TEXT_LINES)) ||
              (cp == '\t' && (flags & TEXT_TABS)));
        i += (size_t)len;
    }
    free(out);
    CHECK((text_is_line(s) != 0) == (text_find_forbidden(s, strlen(s), 0, NULL, NULL) == 0));
}

static void check_excerpt(const char *s, size_t chars)
{
    char *e = text_excerpt(s, chars);
    size_t total = text_chars(s);
    if (total <= chars) {
        CHECK(strcmp(e, s) == 0);
    } else {
        size_t n = strlen(e);
        size_t en = strlen(TEXT_ELLIPSIS);
        CHECK(n >= en && strcmp(e + n - en, TEXT_ELLIPSIS) == 0);
        CHECK(strncmp(e, s, n - en) == 0 && text_chars(e) == chars + en);
    }
    free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    int cols = data[0] % 83 - 2;                                      /* -2 .. 80 */
    unsigned flags = (data[1] & 7u);                                  /* ELLIPSIS, RIGHT, NOPAD */
    size_t cap = (data[1] >> 3) < 24 ? (data[1] >> 3) : 4u * 80 + 8; /* 0..23, or plenty */
    const char *raw = (const char *)data + 2;
    size_t n = size - 2;
    unsigned tflags = data[0] >> 6; /* TEXT_LINES 1, TEXT_TABS 2 */
    check_decode(raw, n);
    check_forbidden(raw, n, tflags);

    char *s = fuzz_str(data + 2, n);
    size_t chars = text_chars(s);
    CHECK(chars <= strlen(s));
    int width = text_width(s);
    CHECK(width >= 0 && (size_t)width <= 2 * chars);
    check_fit(s, cols, flags, cap);
    check_wrap(s, cols);
    check_printable(s, tflags);
    check_excerpt(s, (size_t)(data[1] % 41));
    free(s);
    return 0;
}
