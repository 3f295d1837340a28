/*
** fuzz_validators: the checks of what a clerk types, on arbitrary text.
** The first byte gives text_normalize()'s flags and the landline buffer's
** size; the rest is the typed text. Properties:
**   - idcard_parse: an accepted number is 18 characters with the right
**     check character, gender and birth date, and parses again unchanged;
**     every error has a message (and a plain OK has none); a number met
**     once is met again by idcard_seen_check;
**   - phone_mobile / phone_landline: an accepted number is in normal form
**     (11 digits 1[3-9]..., digits and dashes that fit the buffer) and is
**     accepted again as itself;
**   - validate_*: a value accepted keeps the rule the header states;
**     validate_line agrees with text_is_line, validate_text_n (over the
**     raw bytes, NULs and all) with text_find_forbidden, validate_date
**     with date_parse;
**   - date_parse: a date parsed, formatted and parsed again is the same;
**   - text_normalize: valid UTF-8 stays valid, nothing longer than the
**     input, no space at either end, no full-width ASCII (prose: no
**     full-width letters or digits), no lower case with UPPER, no space
**     with NOSPACE, and normalising twice changes nothing.
**   - credit_code_parse: an accepted code is 18 characters of the
**     alphabet whose two check characters agree with the rest, and parses
**     again unchanged; every error has a message; a wrong check character
**     (or the organisation code's) put right gives a code that passes (or
**     fails only on the last check).
*/
#include "fuzz.h"

#include "src/credit_code.h"
#include "src/date.h"
#include "src/idcard.h"
#include "src/phone.h"
#include "src/text.h"
#include "src/validate.h"

static void check_idcard(const char *s)
{
    struct idcard id;
    enum idcard_error e = idcard_parse(s, &id);
    CHECK(e >= IDCARD_OK && e <= IDCARD_ZEROS);
    char *msg = idcard_message(e, &id);
    CHECK(e == IDCARD_OK ? (msg != NULL) == (id.upgraded != 0) : msg != NULL && *msg);
    free(msg);
    if (e == IDCARD_CHECK || e == IDCARD_ZEROS) {
        CHECK(strlen(id.number) == 18 && id.expected == idcard_check_char(id.number));
        CHECK(id.number[17] != id.expected);
        CHECK((e == IDCARD_ZEROS) == (memcmp(id.number + 15, "000", 3) == 0));
    }
    if (e != IDCARD_OK) return;
    const char *num = id.number;
    CHECK(strlen(num) == 18);
    for (int i = 0; i < 17; i++)
        CHECK(num[i] >= '0' && num[i] <= '9');
    CHECK(num[17] == idcard_check_char(num));
    CHECK(id.gender == (((num[16] - '0') % 2) ? 'M' : 'F'));
    char birth[32];
    snprintf(birth, sizeof birth, "%04d%02d%02d", id.birth.year, id.birth.month, id.birth.day);
    CHECK(memcmp(birth, num + 6, 8) == 0);
    CHECK(date_valid(id.birth.year, id.birth.month, id.birth.day));
    struct idcard again;
    CHECK(idcard_parse(num, &again) == IDCARD_OK);
    CHECK(strcmp(again.number, num) == 0 && !again.upgraded);
    struct idcard_seen seen = IDCARD_SEEN_INIT;
    CHECK(idcard_seen_check(&seen, num, 7) == 0);
    CHECK(idcard_seen_check(&seen, again.number, 9) == 7);
    idcard_seen_free(&seen);
}

static void check_phones(const char *s, size_t cap)
{
    char mobile[12];
    const char *why = phone_mobile(s, mobile);
    if (why) {
        CHECK(*why);
    } else {
        CHECK(strlen(mobile) == 11 && mobile[0] == '1' && mobile[1] >= '3' && mobile[1] <= '9');
        CHECK(strspn(mobile, "0123456789") == 11);
        char again[12];
        CHECK(phone_mobile(mobile, again) == NULL && strcmp(again, mobile) == 0);
    }
    char *land = xmalloc(cap); /* exactly cap bytes, so ASan sees a write past it */
    why = phone_landline(s, land, cap);
    if (why) {
        CHECK(*why);
    } else {
        size_t n = strlen(land);
        CHECK(n < cap && n >= 7 && strspn(land, "0123456789-") == n);
        char *again = xmalloc(cap);
        CHECK(phone_landline(land, again, cap) == NULL);
        CHECK(strcmp(again, land) == 0);
        free(again);
    }
    free(land);
}

static void check_validate(const char *s, const char *raw, size_t n, unsigned flags)
{
    const char *why = validate_text_n(raw, n, flags);
    CHECK((why == NULL) == (text_find_forbidden(raw, n, flags, NULL, NULL) == TEXT_ALLOWED));
    CHECK(!why || *why);
    why = validate_text(s, flags);
    CHECK((why == NULL) == (text_find_forbidden(s, strlen(s), flags, NULL, NULL) == TEXT_ALLOWED));
    if (!validate_code(s)) {
        CHECK(*s && text_chars(s) <= VALIDATE_CODE_MAX);
        CHECK(strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_.") ==
              strlen(s));
    }
    if (!validate_required(s)) CHECK(*s && text_is_line(s));
    CHECK((validate_line(s) == NULL) == (text_is_line(s) != 0));
    struct date d;
    int rc = date_parse(s, &d);
    CHECK(rc == DATE_OK || rc == DATE_NOT_A_DATE || rc == DATE_IMPOSSIBLE);
    CHECK((validate_date(s) == NULL) == (*s && rc == DATE_OK));
    CHECK((validate_date_optional(s) == NULL) == (!*s || rc == DATE_OK));
    if (rc == DATE_OK) {
        CHECK(date_valid(d.year, d.month, d.day));
        char iso[11];
        struct date again;
        CHECK(date_parse(date_format(&d, iso), &again) == DATE_OK);
        CHECK(date_cmp(&d, &again) == 0);
    }
}

/* s[0..n) decodes to a full-width ASCII character somewhere (U+FF01..U+FF5E; only alnum). */
static int has_fullwidth(const char *s, int alnum_only)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 0) {
            i++;
            continue;
        }
        int alnum = (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
                    (cp >= 0xFF41 && cp <= 0xFF5A);
        if (cp >= 0xFF01 && cp <= 0xFF5E && (alnum || !alnum_only)) return 1;
        i += (size_t)len;
    }
    return 0;
}

static void check_normalize(const char *s, unsigned flags)
{
    char *t = text_normalize(s, flags);
    size_t n = strlen(t);
    CHECK(n <= strlen(s));
    if (text_check_utf8(s, strlen(s), NULL)) CHECK(text_check_utf8(t, n, NULL));
    if (n) {
        CHECK(t[0] != ' ' && t[0] != '\t' && t[n - 1] != ' ' && t[n - 1] != '\t');
        CHECK(strncmp(t, "\xE3\x80\x80", 3) != 0);
        CHECK(n < 3 || memcmp(t + n - 3, "\xE3\x80\x80", 3) != 0);
    }
    /* Bad bytes are kept as they are (text.h): two of them with a space dropped between may
     * spell a character; everything stored is valid text, so the rest holds for valid text. */
    int valid = text_check_utf8(s, strlen(s), NULL);
    if (valid) CHECK(!has_fullwidth(t, (flags & TEXT_NORM_PROSE) != 0));
    if (flags & TEXT_NORM_UPPER)
        for (size_t i = 0; i < n; i++)
            CHECK(t[i] < 'a' || t[i] > 'z');
    if ((flags & TEXT_NORM_NOSPACE) && !(flags & TEXT_NORM_PROSE)) CHECK(!strpbrk(t, " \t"));
    char *twice = text_normalize(t, flags);
    if (valid) CHECK(strcmp(twice, t) == 0);
    free(twice);
    char *trimmed = text_trim(t);
    CHECK(strcmp(trimmed, t) == 0);
    free(trimmed);
    free(t);
}

static void check_credit_code(const char *s)
{
    struct credit_code c;
    enum credit_code_error e = credit_code_parse(s, &c);
    CHECK(e >= CREDIT_CODE_OK && e <= CREDIT_CODE_CHECK);
    char *msg = credit_code_message(e, &c);
    CHECK(e == CREDIT_CODE_OK ? msg == NULL : msg != NULL && *msg);
    free(msg);
    CHECK((credit_code_check(s) == NULL) == (e == CREDIT_CODE_OK || e == CREDIT_CODE_EMPTY));
    if (e == CREDIT_CODE_OK) {
        CHECK(strlen(c.code) == 18);
        CHECK(credit_code_org_check_char(c.code + 8) == c.code[16]);
        CHECK(credit_code_check_char(c.code) == c.code[17]);
        struct credit_code again;
        CHECK(credit_code_parse(c.code, &again) == CREDIT_CODE_OK);
        CHECK(strcmp(again.code, c.code) == 0);
    } else if (e == CREDIT_CODE_CHECK || e == CREDIT_CODE_ORG_CHECK) {
        char fixed[19];
        memcpy(fixed, c.code, sizeof fixed);
        fixed[e == CREDIT_CODE_CHECK ? 17 : 16] = c.expected;
        struct credit_code again;
        enum credit_code_error e2 = credit_code_parse(fixed, &again);
        CHECK(e2 == CREDIT_CODE_OK || (e == CREDIT_CODE_ORG_CHECK && e2 == CREDIT_CODE_CHECK));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    unsigned flags = data[0] & 7u;
    size_t cap = 1 + (data[0] >> 3); /* 1..32 */
    char *s = fuzz_str(data + 1, size - 1);
    check_idcard(s);
    check_credit_code(s);
    check_phones(s, cap);
    check_validate(s, (const char *)data + 1, size - 1, flags & TEXT_LINES);
    check_normalize(s, flags);
    free(s);
    return 0;
}
