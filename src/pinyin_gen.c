/*
** pinyin_gen: a build-time program, not part of bangban. It asks ICU for
** the reading of every CJK ideograph (Han-Latin, and Han-Latin/Names for a
** surname) and writes them as a C table, so bangban looks readings up
** instead of opening ICU's transliterator (about 110 ms) and calling it
** per character. Usage: pinyin_gen > pinyin_table.c
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

/* The CJK ideograph blocks: Ext A, the URO, compatibility, Ext B to H. */
static const uint32_t ranges[][2] = {
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xF900, 0xFAFF},
    {0x20000, 0x2A6DF}, {0x2A700, 0x2EBEF}, {0x30000, 0x3134F},
};

static UTransliterator *open_rules(const char *rules)
{
    UChar id[64];
    UErrorCode e = U_ZERO_ERROR;
    u_uastrncpy(id, rules, 64);
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
    if (U_FAILURE(e)) {
        fprintf(stderr, "pinyin_gen: %s: %s\n", rules, u_errorName(e));
        exit(1);
    }
    return t;
}

/* The lower-case ASCII reading of cp, or "" when ICU has none. */
static void reading(UTransliterator *t, uint32_t cp, char *out, size_t cap)
{
    UChar u[32];
    int32_t len = 0;
    UErrorCode e = U_ZERO_ERROR;
    U16_APPEND_UNSAFE(u, len, cp);
    int32_t limit = len;
    utrans_transUChars(t, u, &len, 32, 0, &limit, &e);
    out[0] = '\0';
    if (U_FAILURE(e)) return;
    u_strToUTF8(out, (int32_t)cap, NULL, u, len, &e);
    for (char *p = out; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
        if (*p < 'a' || *p > 'z' || U_FAILURE(e)) {
            out[0] = '\0';
            return;
        }
    }
}

/* Distinct readings, in order of first use. */
static char pool[1 << 16];
static size_t pool_len;

static unsigned pool_add(const char *s)
{
    for (size_t i = 0; i < pool_len; i += strlen(pool + i) + 1)
        if (strcmp(pool + i, s) == 0) return (unsigned)i;
    size_t n = strlen(s) + 1;
    if (pool_len + n > sizeof pool) {
        fprintf(stderr, "pinyin_gen: too many readings\n");
        exit(1);
    }
    memcpy(pool + pool_len, s, n);
    pool_len += n;
    return (unsigned)(pool_len - n);
}

int main(void)
{
    UTransliterator *plain = open_rules("Han-Latin; Latin-ASCII");
    UTransliterator *names = open_rules("Han-Latin/Names; Latin-ASCII");
    pool_add("");
    printf("/* Generated at build time by src/pinyin_gen.c from ICU %s. Do not edit. */\n",
           U_ICU_VERSION);
    printf("#include \"src/pinyin_table.h\"\n\n");
    printf("const struct pinyin_entry pinyin_entries[] = {\n");
    size_t n = 0;
    for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
        for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            char a[32], b[32];
            reading(plain, cp, a, sizeof a);
            reading(names, cp, b, sizeof b);
            if (!a[0] && !b[0]) continue;
            printf("    {0x%05X, %u, %u},\n", (unsigned)cp, pool_add(a), pool_add(b));
            n++;
        }
    printf("};\n\nconst size_t pinyin_entry_count = %zu;\n\n", n);
    printf("const char pinyin_pool[] =");
    for (size_t i = 0; i < pool_len; i += strlen(pool + i) + 1)
        printf("%s\"%s\\0\"", i % 80 == 0 ? "\n    " : " ", pool + i);
    printf(";\n");
    utrans_close(plain);
    utrans_close(names);
    u_cleanup();
    return 0;
}
