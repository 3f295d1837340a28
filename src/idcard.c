/*
** idcard: see idcard.h.
*/
#include "idcard.h"
#include "clock.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First two digits of region codes in use: provinces, Taiwan, Hong Kong, Macao, residence permits.
 */
static int province_known(int p)
{
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
           (p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
           p == 81 || p == 82 || p == 83;
}

char idcard_check_char(const char *first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char map[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (first17[i] - '0') * weights[i];
    return map[sum % 11];
}

/* True for what Excel makes of a long number: 1.20101E+17, 1.2E+17. */
static int looks_like_excel(const char *s)
{
    const char *p = s;
    if (*p < '0' || *p > '9') return 0;
    p++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p != 'E') return 0;
    p++;
    if (*p == '+') p++;
    if (!*p) return 0;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '\0';
}

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/*
** The number as typed when normalizing would keep it, but for the blanks
** around it (the tab our exports put before it): copied into buf. Returns
** buf, or NULL when it needs normalizing (or is too long to be one).
*/
static const char *idcard_plain(const char *typed, char buf[19])
{
    size_t from, to;
    text_trim_span(typed, strlen(typed), &from, &to);
    size_t n = to - from;
    if (n > 18 || !text_is_normal(typed + from, n, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE))
        return NULL;
    memcpy(buf, typed + from, n);
    buf[n] = '\0';
    return buf;
}

enum idcard_error idcard_parse(const char *typed, struct idcard *out)
{
    memset(out, 0, sizeof *out);
    if (!typed) typed = "";
    char buf[19], *norm = NULL;
    const char *s = idcard_plain(typed, buf);
    if (!s) s = norm = text_normalize(typed, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    enum idcard_error err = IDCARD_OK;
    size_t n = strlen(s);

    if (n == 0) {
        err = IDCARD_EMPTY;
    } else if (looks_like_excel(s)) {
        err = IDCARD_EXCEL;
    } else if (n == 15 && all_digits(s, 15)) {
        /* First generation: 6 region + YYMMDD + 3 sequence; the century is 19. */
        snprintf(out->number, sizeof out->number, "%.6s19%.9s", s, s + 6);
        out->number[17] = idcard_check_char(out->number);
        out->number[18] = '\0';
        out->upgraded = 1;
    } else if (n != 18) {
        err = IDCARD_LENGTH;
    } else if (!all_digits(s, 17) || !((s[17] >= '0' && s[17] <= '9') || s[17] == 'X')) {
        err = IDCARD_CHARS;
    } else {
        memcpy(out->number, s, 19);
    }
    free(norm);
    if (err != IDCARD_OK) return err;

    const char *num = out->number;
    if (!province_known((num[0] - '0') * 10 + (num[1] - '0'))) return IDCARD_REGION;
    int y = (num[6] - '0') * 1000 + (num[7] - '0') * 100 + (num[8] - '0') * 10 + (num[9] - '0');
    int m = (num[10] - '0') * 10 + (num[11] - '0');
    int d = (num[12] - '0') * 10 + (num[13] - '0');
    if (y < 1850 || !date_valid(y, m, d)) return IDCARD_DATE;
    out->birth.year = y;
    out->birth.month = m;
    out->birth.day = d;
    struct date today = date_of(clock_now());
    if (date_cmp(&out->birth, &today) > 0) return IDCARD_FUTURE;
    out->gender = ((num[16] - '0') % 2) ? 'M' : 'F';
    out->expected = idcard_check_char(num);
    /* Excel keeps 15 digits of a number: the damage of an ID number typed into a number cell */
    if (num[17] != out->expected) return memcmp(num + 15, "000", 3) ? IDCARD_CHECK : IDCARD_ZEROS;
    return IDCARD_OK;
}

char *idcard_message(enum idcard_error err, const struct idcard *id)
{
    switch (err) {
    case IDCARD_OK:
        return id->upgraded ? xstrdup(_("15-digit number upgraded to 18 digits")) : NULL;
    case IDCARD_EMPTY:
        return xstrdup(_("Required"));
    case IDCARD_EXCEL:
        return xstrdup(_("Excel turned this ID number into a number like 1.20101E+17 and lost "
                         "its last digits; it cannot be recovered: take it from the ID card"));
    case IDCARD_LENGTH:
        return xstrdup(_("An ID number has 18 characters"));
    case IDCARD_CHARS:
        return xstrdup(_("17 digits, then a digit or X"));
    case IDCARD_REGION:
        return xstrdup(_("No region has this code (first two digits)"));
    case IDCARD_DATE:
        return xstrdup(_("The birth date in the ID number does not exist"));
    case IDCARD_FUTURE:
        return xstrdup(_("The birth date in the ID number is in the future"));
    case IDCARD_ZEROS:
        return xstrdup(_("The last three digits are 000: Excel kept only the first 15 digits of "
                         "this ID number and lost the rest; it cannot be recovered: take it from "
                         "the ID card"));
    case IDCARD_CHECK:
        return xasprintf(
            _("Wrong check character: it should be %c; check the number against the card"),
            id->expected);
    }
    return NULL;
}

struct idcard_slot {
    uint64_t hash; /* 0: empty */
    int line;
    char number[19];
};

/* The value of an 18-character number (17 digits, then a digit or X), never 0; else 0. */
static uint64_t seen_key(const char *number)
{
    uint64_t v = 0;
    for (int i = 0; i < 17; i++) {
        if (number[i] < '0' || number[i] > '9') return 0;
        v = v * 10 + (uint64_t)(number[i] - '0');
    }
    int c = number[17] == 'X' ? 10 : number[17] >= '0' && number[17] <= '9' ? number[17] - '0' : -1;
    if (c < 0 || number[18]) return 0;
    return v * 11 + (uint64_t)c + 1;
}

/* The first slot of key in a table of cap slots (a power of two): the high bits of a product. */
static size_t key_slot(uint64_t key, size_t cap)
{
    int bits = __builtin_ctzll((unsigned long long)cap);
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> (64 - bits)) & (cap - 1);
}

/* Double the table of 18-character numbers (linear probing; kept at most 7/8 full). */
static void keys_grow(struct idcard_seen *s)
{
    size_t cap = s->cap ? s->cap * 2 : 4096;
    uint64_t *keys = xcalloc_written(cap, sizeof *keys);
    uint32_t *lines = xmalloc(cap * sizeof *lines);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i]) continue;
        size_t j = key_slot(s->keys[i], cap);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = s->keys[i];
        lines[j] = s->lines[i];
    }
    free(s->keys);
    free(s->lines);
    s->keys = keys;
    s->lines = lines;
    s->cap = cap;
}

static int keys_check(struct idcard_seen *s, uint64_t key, int line)
{
    if ((s->used + 1) * 8 > s->cap * 7) keys_grow(s);
    size_t j = key_slot(key, s->cap);
    while (s->keys[j]) {
        if (s->keys[j] == key) return (int)s->lines[j];
        j = (j + 1) & (s->cap - 1);
    }
    s->keys[j] = key;
    s->lines[j] = (uint32_t)line;
    s->used++;
    return 0;
}

/* Double the table of other numbers (open addressing, linear probing; kept at most half full). */
static void seen_grow(struct idcard_seen *s)
{
    size_t cap = s->scap ? s->scap * 2 : 64;
    struct idcard_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < s->scap; i++) {
        if (!s->slots[i].hash) continue;
        size_t j = s->slots[i].hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = s->slots[i];
    }
    free(s->slots);
    s->slots = slots;
    s->scap = cap;
}

int idcard_seen_check(struct idcard_seen *s, const char *number, int line)
{
    uint64_t key = seen_key(number);
    if (key) return keys_check(s, key, line);
    if (s->sused * 2 >= s->scap) seen_grow(s);
    uint64_t h = str_hash(number, strlen(number));
    if (!h) h = 1;
    size_t j = h & (s->scap - 1);
    while (s->slots[j].hash) {
        if (s->slots[j].hash == h && strcmp(s->slots[j].number, number) == 0)
            return s->slots[j].line;
        j = (j + 1) & (s->scap - 1);
    }
    s->slots[j].hash = h;
    s->slots[j].line = line;
    snprintf(s->slots[j].number, sizeof s->slots[j].number, "%s", number);
    s->sused++;
    return 0;
}

void idcard_seen_free(struct idcard_seen *s)
{
    free(s->keys);
    free(s->lines);
    free(s->slots);
    *s = (struct idcard_seen)IDCARD_SEEN_INIT;
}
