/*
** credit_code: see credit_code.h.
*/
#include "credit_code.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The alphabet of GB 32100: a character's value is its index (0-30). */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int value_of(char c)
{
    const char *p = c ? strchr(alphabet, c) : NULL;
    return p ? (int)(p - alphabet) : -1;
}

char credit_code_check_char(const char *first17)
{
    int sum = 0, weight = 1;
    for (int i = 0; i < 17; i++) {
        int v = value_of(first17[i]);
        if (v < 0) return 0;
        sum += v * weight;
        weight = weight * 3 % 31;
    }
    return alphabet[(31 - sum % 31) % 31];
}

char credit_code_org_check_char(const char *first8)
{
    static const int weights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        char c = first8[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1;
        if (v < 0) return 0;
        sum += v * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char)('0' + check);
}

char *credit_code_make(char authority, char category, const char *region, const char *org8,
                       char *out)
{
    snprintf(out, 19, "%c%c%.6s%.8s", authority, category, region, org8);
    out[16] = credit_code_org_check_char(out + 8);
    out[17] = credit_code_check_char(out);
    out[18] = '\0';
    return out;
}

/*
** The registration authorities (登记管理部门) and the categories each
** registers (机构类别), as GB 32100-2015 and the codes assigned since list them.
*/
static const struct {
    char authority;
    const char *categories;
} registrars[] = {
    {'1', "1239"}, /* 机构编制: 机关, 事业单位, 中央编办直接管理的群众团体, 其他 */
    {'2', "19"}, /* 外交: 外国常驻新闻机构, 其他 */
    {'3', "123459"}, /* 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构,
                      * 仲裁委员会, 其他 */
    {'4', "19"},   /* 文化: 外国在华文化中心, 其他 */
    {'5', "1239"}, /* 民政: 社会团体, 民办非企业单位, 基金会, 其他 */
    {'6', "129"},  /* 旅游: 外国和港澳台旅游部门常驻代表机构, 其他 */
    {'7', "129"},  /* 宗教: 宗教活动场所, 宗教院校, 其他 */
    {'8', "19"},   /* 工会: 基层工会, 其他 */
    {'9', "123"},  /* 工商: 企业, 个体工商户, 农民专业合作社 */
    {'A', "19"},   /* 中央军委改革和编制办公室: 军队事业单位, 其他 */
    {'N', "1239"}, /* 农业: 组级, 村级, 乡镇级集体经济组织, 其他 */
    {'Y', "1"},    /* 其他 */
};

static const char *categories_of(char authority)
{
    for (size_t i = 0; i < ARRAY_LEN(registrars); i++)
        if (registrars[i].authority == authority) return registrars[i].categories;
    return NULL;
}

/*
** Characters 3-8 are a region code: six digits, the first two a province
** (GB/T 2260), or 100000 for a body registered by a national office.
*/
static int region_valid(const char *r)
{
    for (int i = 0; i < 6; i++)
        if (r[i] < '0' || r[i] > '9') return 0;
    if (!memcmp(r, "100000", 6)) return 1;
    int p = (r[0] - '0') * 10 + (r[1] - '0');
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
           (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
           p == 81 || p == 82;
}

enum credit_code_error credit_code_parse(const char *typed, struct credit_code *out)
{
    memset(out, 0, sizeof *out);
    char *s = text_normalize(typed ? typed : "", TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    size_t n = text_chars(s);
    enum credit_code_error err = CREDIT_CODE_OK;
    if (n == 0) {
        err = CREDIT_CODE_EMPTY;
    } else if (n != 18) {
        err = CREDIT_CODE_LENGTH;
    } else {
        /* The first byte outside the alphabet: every byte before it is ASCII, one character. */
        size_t bytes = strlen(s);
        for (size_t i = 0; i < bytes && err == CREDIT_CODE_OK; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80 || value_of((char)c) < 0) {
                err = CREDIT_CODE_CHARS;
                out->bad = c >= 0x80 ? '?' : (char)c;
                out->bad_pos = (int)i + 1;
            }
        }
        if (err == CREDIT_CODE_OK) memcpy(out->code, s, 19);
    }
    free(s);
    if (err != CREDIT_CODE_OK) return err;

    const char *c = out->code;
    const char *categories = categories_of(c[0]);
    if (!categories) return CREDIT_CODE_AUTHORITY;
    if (!strchr(categories, c[1])) return CREDIT_CODE_CATEGORY;
    if (!region_valid(c + 2)) return CREDIT_CODE_REGION;
    out->expected = credit_code_org_check_char(c + 8);
    if (c[16] != out->expected) return CREDIT_CODE_ORG_CHECK;
    out->expected = credit_code_check_char(c);
    if (c[17] != out->expected) return CREDIT_CODE_CHECK;
    out->expected = 0;
    return CREDIT_CODE_OK;
}

char *credit_code_message(enum credit_code_error err, const struct credit_code *c)
{
    switch (err) {
    case CREDIT_CODE_OK:
        return NULL;
    case CREDIT_CODE_EMPTY:
        return xstrdup(_("Required"));
    case CREDIT_CODE_LENGTH:
        return xstrdup(_("A credit code has 18 characters"));
    case CREDIT_CODE_CHARS:
        if (c->bad == '?')
            return xasprintf(_("Character %d is not a digit or a capital letter"), c->bad_pos);
        if (strchr("IOSVZ", c->bad))
            return xasprintf(_("Character %d is %c: credit codes never use I, O, S, V or Z"),
                             c->bad_pos, c->bad);
        return xasprintf(_("Character %d is %c: a credit code holds digits and capital letters"),
                         c->bad_pos, c->bad);
    case CREDIT_CODE_AUTHORITY:
        return xasprintf(_("No registration authority has the code %c (first character)"),
                         c->code[0]);
    case CREDIT_CODE_CATEGORY:
        return xasprintf(_("Registration authority %c has no category %c (second character)"),
                         c->code[0], c->code[1]);
    case CREDIT_CODE_REGION:
        return xasprintf(_("%.6s is not a region code (characters 3 to 8)"), c->code + 2);
    case CREDIT_CODE_ORG_CHECK:
        return xasprintf(_("Wrong organisation code: with these characters the 17th is %c, not %c"),
                         c->expected, c->code[16]);
    case CREDIT_CODE_CHECK:
        return xasprintf(_("Wrong check character: a code with these 17 characters ends in %c"),
                         c->expected);
    }
    return NULL;
}

const char *credit_code_check(const char *typed)
{
    static char last[256];
    struct credit_code c;
    enum credit_code_error err = credit_code_parse(typed, &c);
    if (err == CREDIT_CODE_OK || err == CREDIT_CODE_EMPTY) return NULL;
    char *why = credit_code_message(err, &c);
    snprintf(last, sizeof last, "%s", why);
    free(why);
    return last;
}
