/*
** search: see search.h.
*/
#include "search.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Pinyin with its ü (lüweidong): as filed, lu, when the rest is letters alone. In place. */
static void umlaut_as_u(char *s)
{
    int umlaut = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] == 0xC3 && (p[1] == 0xBC || p[1] == 0x9C)) {
            umlaut = 1;
            p++;
        } else if (!((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && *p != '\'') {
            return;
        }
    }
    if (!umlaut) return;
    char *w = s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        int u = p[0] == 0xC3 && (p[1] == 0xBC || p[1] == 0x9C);
        *w++ = u ? 'u' : (char)*p;
        p += u; /* the second byte of ü: w never passes p */
    }
    *w = '\0';
}

void search_classify(const char *typed, struct search_query *q)
{
    /* Names are filed without their middle dots, of whatever variant: so is the query. */
    char *norm = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    q->text = text_drop_dots(norm);
    free(norm);
    umlaut_as_u(q->text);
    q->chars = text_chars(q->text);
    q->kind = SEARCH_EMPTY;
    if (!*q->text) return;
    int letters = 1, digits = 1, dashes = 0, numerals = 0;
    for (const char *p = q->text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) {
            q->kind = q->chars <= SEARCH_GRAM_MAX ? SEARCH_NAME_SHORT : SEARCH_NAME_LONG;
            return;
        }
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alpha && c != '\'') letters = 0;
        numerals += c >= '0' && c <= '9';
        dashes += c == '-';
        if (!(c >= '0' && c <= '9') && c != 'x' && c != 'X' && c != '-') digits = 0;
    }
    if (dashes && !numerals) digits = 0; /* "-" alone is no number */
    if (digits && dashes) {
        /* A number written in groups, 138-1234-5678: as it is filed, without them. */
        char *w = q->text;
        for (const char *p = q->text; *p; p++)
            if (*p != '-') *w++ = *p;
        *w = '\0';
        q->chars = strlen(q->text);
    }
    if (letters && !digits) {
        /* zhang'san: the apostrophe an IME shows between syllables is no part of a key. */
        char *w = q->text;
        for (const char *p = q->text; *p; p++)
            if (*p != '\'') *w++ = *p;
        *w = '\0';
        text_ascii_lower(q->text);
        q->chars = strlen(q->text);
        q->kind = q->chars ? SEARCH_PINYIN : SEARCH_EMPTY;
    } else if (digits) {
        for (char *p = q->text; *p; p++)
            if (*p == 'x') *p = 'X';
        q->kind = SEARCH_DIGITS;
    } else {
        /* Letters and digits mixed (a foreign name, a typo): look for it in names. */
        q->kind = q->chars <= SEARCH_GRAM_MAX ? SEARCH_NAME_SHORT : SEARCH_NAME_LONG;
    }
}

char *search_reverse_into(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap) return NULL;
    for (size_t i = 0; i < n; i++)
        buf[i] = s[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

char *search_reverse(const char *s)
{
    size_t cap = strlen(s) + 1;
    return search_reverse_into(xmalloc(cap), cap, s);
}

char *search_prefix_bound(const char *prefix)
{
    char *b = xstrdup(prefix);
    size_t n = strlen(b);
    if (n) b[n - 1] = (char)(b[n - 1] + 1);
    return b;
}

size_t search_grams(const char *dotted, struct search_gram *out, size_t cap)
{
    char *name = text_drop_dots(dotted);
    uint32_t cps[64];
    size_t starts[65];
    size_t n = 0, len = strlen(name), i = 0;
    while (i < len && n < ARRAY_LEN(cps)) {
        int l = utf8_decode(name + i, len - i, &cps[n]);
        if (l < 0) l = 1;
        starts[n++] = i;
        i += (size_t)l;
    }
    starts[n] = i;
    size_t count = 0;
    for (size_t width = 1; width <= SEARCH_GRAM_MAX; width++) {
        for (size_t k = 0; k + width <= n && count < cap; k++) {
            size_t bytes = starts[k + width] - starts[k];
            if (bytes >= sizeof out->text) continue;
            struct search_gram g;
            memcpy(g.text, name + starts[k], bytes);
            g.text[bytes] = '\0';
            g.tier = n == width ? 0 : k == 0 ? 1 : 2;
            /* A piece seen before kept its best tier (an earlier place never ranks lower). */
            int seen = 0;
            for (size_t j = 0; j < count && !seen; j++)
                seen = strcmp(out[j].text, g.text) == 0;
            if (!seen) out[count++] = g;
        }
    }
    free(name);
    return count;
}
