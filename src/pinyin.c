/*
** pinyin: see pinyin.h.
*/
#include "pinyin.h"
#include "i18n.h"
#include "pinyin_table.h"
#include "shlib.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Surname readings ICU's Han-Latin/Names gets wrong. */
static const struct {
    uint32_t cp;
    const char *readings;
} surname_fixes[] = {
    {0x6734, "piao"}, /* 朴 */
    {0x7F2A, "miao"}, /* 缪 */
    {0x8983, "qin"},  /* 覃 */
};

/* Compound surnames, read as one: the first two characters of a person's name. */
static const struct {
    const char *surname;
    const char *first, *second;
} compound_surnames[] = {
    {"欧阳", "ou", "yang"},   {"司马", "si", "ma"},     {"上官", "shang", "guan"},
    {"诸葛", "zhu", "ge"},    {"司徒", "si", "tu"},     {"尉迟", "yu", "chi"},
    {"万俟", "mo", "qi"},     {"长孙", "zhang", "sun"}, {"澹台", "tan", "tai"},
    {"单于", "chan", "yu"},   {"令狐", "ling", "hu"},   {"皇甫", "huang", "fu"},
    {"东方", "dong", "fang"}, {"公孙", "gong", "sun"},  {"慕容", "mu", "rong"},
    {"夏侯", "xia", "hou"},   {"宇文", "yu", "wen"},    {"独孤", "du", "gu"},
    {"轩辕", "xuan", "yuan"}, {"端木", "duan", "mu"},   {"呼延", "hu", "yan"},
    {"南宫", "nan", "gong"},  {"西门", "xi", "men"},    {"闻人", "wen", "ren"},
    {"钟离", "zhong", "li"},  {"申屠", "shen", "tu"},   {"太史", "tai", "shi"},
    {"濮阳", "pu", "yang"},   {"乐正", "yue", "zheng"}, {"公冶", "gong", "ye"},
};

/*
** Characters with more than one common reading in names and place names;
** ICU gives one reading per character, these add the others.
*/
static const struct {
    uint32_t cp;
    const char *readings;
} polyphones[] = {
    {0x4E50, "le yue"},        /* 乐 */
    {0x957F, "chang zhang"},   /* 长 */
    {0x884C, "xing hang"},     /* 行 */
    {0x91CD, "zhong chong"},   /* 重 */
    {0x671D, "chao zhao"},     /* 朝 */
    {0x831C, "qian xi"},       /* 茜 */
    {0x851A, "wei yu"},        /* 蔚 */
    {0x67CF, "bai bo"},        /* 柏 */
    {0x548C, "he huo"},        /* 和 */
    {0x5355, "dan shan chan"}, /* 单 */
    {0x66FE, "zeng ceng"},     /* 曾 */
    {0x89E3, "jie xie"},       /* 解 */
    {0x4EC7, "chou qiu"},      /* 仇 */
    {0x533A, "qu ou"},         /* 区 */
    {0x67E5, "cha zha"},       /* 查 */
    {0x6734, "pu piao"},       /* 朴 */
    {0x76D6, "gai ge"},        /* 盖 */
    {0x7FDF, "zhai di"},       /* 翟 */
    {0x79CD, "zhong chong"},   /* 种 */
    {0x8983, "tan qin"},       /* 覃 */
    {0x7F2A, "miao mou miu"},  /* 缪 */
    {0x5C09, "wei yu"},        /* 尉 */
    {0x53A6, "sha xia"},       /* 厦 */
    {0x4F20, "chuan zhuan"},   /* 传 */
    {0x90FD, "du dou"},        /* 都 */
    {0x4F1A, "hui kuai"},      /* 会 */
    {0x5927, "da dai"},        /* 大 */
    {0x8FD8, "huan hai"},      /* 还 */
    {0x5F3A, "qiang jiang"},   /* 强 */
    {0x7701, "sheng xing"},    /* 省 */
    {0x77F3, "shi dan"},       /* 石 */
    {0x5BBF, "su xiu"},        /* 宿 */
    {0x6C88, "shen chen"},     /* 沈 */
    {0x53C2, "can shen"},      /* 参 */
    {0x8584, "bo bao"},        /* 薄 */
    {0x79D8, "mi bi"},         /* 秘 */
    {0x5947, "qi ji"},         /* 奇 */
    {0x4FBF, "bian pian"},     /* 便 */
    {0x5458, "yuan yun"},      /* 员 */
    {0x8F7D, "zai"},           /* 载 */
    {0x7740, "zhe zhuo zhao"}, /* 着 */
    {0x665F, "sheng cheng"},   /* 晟 */
    {0x8C0C, "chen shen"},     /* 谌 */
    {0x8398, "shen xin"},      /* 莘 */
    {0x8D32, "ben bi"},        /* 贲 */
    {0x6BB7, "yin yan"},       /* 殷 */
    {0x5B93, "mi fu"},         /* 宓 */
    {0x827E, "ai yi"},         /* 艾 */
    {0x6C64, "tang shang"},    /* 汤 */
    {0x8C03, "diao tiao"},     /* 调 */
    {0x8272, "se shai"},       /* 色 */
    {0x4FDE, "yu shu"},        /* 俞 */
    {0x963F, "a e"},           /* 阿 */
    {0x5174, "xing"},          /* 兴 */
    {0x7EA2, "hong gong"},     /* 红 */
    {0x5B81, "ning"},          /* 宁 */
    {0x5E7F, "guang an"},      /* 广 */
    {0x4E07, "wan mo"},        /* 万 */
    {0x8EAB, "shen juan"},     /* 身 */
    {0x6CCA, "bo po"},         /* 泊 */
    {0x5730, "di de"},         /* 地 */
    {0x5F97, "de dei"},        /* 得 */
    {0x9053, "dao"},           /* 道 */
    {0x573A, "chang"},         /* 场 */
};

/* Cache of readings per code point and mode; open addressing, grows at half full. */
struct slot {
    uint32_t key;   /* cp << 1 | surname; 0 = empty (U+0000 is never looked up) */
    char *readings; /* owned; "" when the character has no reading */
};

static struct slot *cache;
static size_t cache_cap, cache_used;
static UCollator *collator;

/* The reading of cp from the table generated from ICU at build time, or "" when it has none. */
static const char *table_reading(uint32_t cp, int surname)
{
    size_t lo = 0, hi = pinyin_entry_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pinyin_entries[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == pinyin_entry_count || pinyin_entries[lo].cp != cp) return "";
    return pinyin_pool + (surname ? pinyin_entries[lo].surname : pinyin_entries[lo].plain);
}

/* Readings for cp: ICU's, then the fixes and other readings from the tables. */
static char *readings_compute(uint32_t cp, int surname)
{
    struct strbuf sb = STRBUF_INIT;

    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) {
        strbuf_addc(&sb, (char)cp);
        return strbuf_detach(&sb);
    }
    if (cp >= 'A' && cp <= 'Z') {
        strbuf_addc(&sb, (char)(cp - 'A' + 'a'));
        return strbuf_detach(&sb);
    }
    if (cp < 0x2E80) return strbuf_detach(&sb); /* no Han below the CJK radicals */
    if (surname) {
        for (size_t i = 0; i < ARRAY_LEN(surname_fixes); i++)
            if (surname_fixes[i].cp == cp) return xstrdup(surname_fixes[i].readings);
        return xstrdup(table_reading(cp, 1));
    }
    const char *first = table_reading(cp, 0);
    strbuf_adds(&sb, first);
    for (size_t i = 0; i < ARRAY_LEN(polyphones); i++) {
        if (polyphones[i].cp != cp) continue;
        /* Add each reading of the table that ICU did not give. */
        const char *r = polyphones[i].readings;
        while (*r) {
            size_t n = strcspn(r, " ");
            if (!(strlen(first) == n && strncmp(first, r, n) == 0)) {
                if (sb.len) strbuf_addc(&sb, ' ');
                strbuf_add(&sb, r, n);
            }
            r += n;
            while (*r == ' ')
                r++;
        }
        break;
    }
    return strbuf_detach(&sb);
}

static void cache_grow(void)
{
    struct slot *old = cache;
    size_t old_cap = cache_cap;
    cache_cap = cache_cap ? cache_cap * 2 : 1024;
    cache = xcalloc(cache_cap, sizeof *cache);
    cache_used = 0;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key) continue;
        size_t h = (old[i].key * 2654435761u) & (cache_cap - 1);
        while (cache[h].key)
            h = (h + 1) & (cache_cap - 1);
        cache[h] = old[i];
        cache_used++;
    }
    free(old);
}

const char *pinyin_readings(uint32_t cp, int surname)
{
    if (cp == 0) return NULL;
    uint32_t key = cp << 1 | (surname ? 1u : 0u);
    if (cache_used * 2 >= cache_cap) cache_grow();
    size_t h = (key * 2654435761u) & (cache_cap - 1);
    while (cache[h].key && cache[h].key != key)
        h = (h + 1) & (cache_cap - 1);
    if (!cache[h].key) {
        cache[h].key = key;
        cache[h].readings = readings_compute(cp, surname);
        cache_used++;
    }
    return *cache[h].readings ? cache[h].readings : NULL;
}

/* The readings chosen for each character of a text. */
struct syllables {
    const char **readings; /* per position: space-separated alternatives */
    size_t n;
};

static void syllables_add(struct syllables *s, const char *readings)
{
    s->readings = xrealloc(s->readings, (s->n + 1) * sizeof *s->readings);
    s->readings[s->n++] = readings;
}

static void syllables_of(const char *text, unsigned flags, struct syllables *out)
{
    size_t n = strlen(text), i = 0;
    int pos = 0;

    if ((flags & PINYIN_PERSON) && n >= 6) {
        for (size_t k = 0; k < ARRAY_LEN(compound_surnames); k++) {
            /* Every compound surname is two BMP characters: 6 bytes. */
            if (memcmp(text, compound_surnames[k].surname, 6) != 0) continue;
            syllables_add(out, compound_surnames[k].first);
            syllables_add(out, compound_surnames[k].second);
            i = strlen(compound_surnames[k].surname);
            pos = 2;
            break;
        }
    }
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(text + i, n - i, &cp);
        if (len < 0) {
            i++;
            continue;
        }
        i += (size_t)len;
        const char *r = pinyin_readings(cp, (flags & PINYIN_PERSON) && pos == 0);
        pos++;
        if (r) syllables_add(out, r);
    }
}

/* Count the alternatives in a space-separated list. */
static size_t alt_count(const char *r)
{
    size_t n = 1;
    for (; *r; r++)
        if (*r == ' ') n++;
    return n;
}

/* The k-th alternative of a space-separated list, into buf. */
static const char *alt_get(const char *r, size_t k, char *buf, size_t cap)
{
    while (k-- > 0)
        r = strchr(r, ' ') + 1;
    size_t n = strcspn(r, " ");
    if (n >= cap) n = cap - 1;
    memcpy(buf, r, n);
    buf[n] = '\0';
    return buf;
}

#define PINYIN_MAX_COMBINATIONS 32

static void keys_inside(const char *text, unsigned flags, struct strlist *out);

void pinyin_key_list(const char *text, unsigned flags, struct strlist *out)
{
    struct syllables s = {NULL, 0};
    struct strbuf full = STRBUF_INIT, ini = STRBUF_INIT, shengmu = STRBUF_INIT;

    strlist_clear(out);
    syllables_of(text, flags, &s);
    size_t combos = 1;
    for (size_t i = 0; i < s.n && combos <= PINYIN_MAX_COMBINATIONS; i++)
        combos *= alt_count(s.readings[i]);
    if (combos > PINYIN_MAX_COMBINATIONS) combos = PINYIN_MAX_COMBINATIONS;

    for (size_t c = 0; c < combos && s.n > 0; c++) {
        size_t rest = c;
        strbuf_reset(&full);
        strbuf_reset(&ini);
        strbuf_reset(&shengmu);
        for (size_t i = 0; i < s.n; i++) {
            char syl[16];
            size_t alts = alt_count(s.readings[i]);
            alt_get(s.readings[i], rest % alts, syl, sizeof syl);
            rest /= alts;
            strbuf_adds(&full, syl);
            strbuf_addc(&ini, syl[0]);
            int zh = (syl[0] == 'z' || syl[0] == 'c' || syl[0] == 's') && syl[1] == 'h';
            strbuf_add(&shengmu, syl, zh ? 2 : 1);
        }
        const char *keys[] = {strbuf_str(&full), strbuf_str(&ini), strbuf_str(&shengmu)};
        for (size_t k = 0; k < ARRAY_LEN(keys); k++)
            if (*keys[k] && !strlist_has(out, keys[k])) strlist_add(out, keys[k]);
    }
    free(s.readings);
    strbuf_free(&full);
    strbuf_free(&ini);
    strbuf_free(&shengmu);
    if (flags & PINYIN_INSIDE) keys_inside(text, flags, out);
}

/* With PINYIN_INSIDE: add the keys of text from each character after the first on. */
static void keys_inside(const char *text, unsigned flags, struct strlist *out)
{
    struct strlist sub = STRLIST_INIT;
    size_t n = strlen(text), i = 0;
    uint32_t cp;
    int len = utf8_decode(text, n, &cp);
    i = len > 0 ? (size_t)len : 1;
    while (i < n) {
        len = utf8_decode(text + i, n - i, &cp);
        if (len <= 0) len = 1;
        if (cp >= 0x3400) { /* a word starts at a Han character, not inside a Latin one */
            pinyin_key_list(text + i, flags & ~(PINYIN_INSIDE | PINYIN_PERSON), &sub);
            for (size_t k = 0; k < sub.n; k++)
                if (!strlist_has(out, sub.v[k])) strlist_add(out, sub.v[k]);
        }
        i += (size_t)len;
    }
    strlist_free(&sub);
}

void pinyin_inner_key_list(const char *text, struct strlist *out)
{
    strlist_clear(out);
    keys_inside(text, 0, out);
}

char *pinyin_keys(const char *text, unsigned flags)
{
    struct strlist keys = STRLIST_INIT;
    pinyin_key_list(text, flags, &keys);
    char *joined = strlist_join(&keys, " ");
    strlist_free(&keys);
    return joined;
}

int64_t pinyin_rank(const char *full)
{
    int64_t rank = 0;
    int letters = 0;
    for (const char *p = full; *p && letters < 12; p++) {
        if (*p < 'a' || *p > 'z') continue;
        rank = rank * 27 + (*p - 'a' + 1);
        letters++;
    }
    for (; letters < 12; letters++)
        rank *= 27;
    return rank;
}

int pinyin_collate(const char *a, int na, const char *b, int nb)
{
    UErrorCode e = U_ZERO_ERROR;
    char *why = NULL;
    const struct icu_calls *icu = shlib_icu(&why);
    if (!icu) die(_("sorting names in pinyin order needs ICU: %s"), why);
    if (!collator) {
        collator = icu->ucol_open("zh", &e);
        if (U_FAILURE(e)) die("ICU collator zh: %s", icu->u_errorName(e));
        icu->ucol_setAttribute(collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &e);
        e = U_ZERO_ERROR;
    }
    UCollationResult r = icu->ucol_strcollUTF8(collator, a, na, b, nb, &e);
    if (U_FAILURE(e)) {
        /* Bad UTF-8: fall back to byte order so sorting still terminates consistently. */
        size_t la = na < 0 ? strlen(a) : (size_t)na, lb = nb < 0 ? strlen(b) : (size_t)nb;
        int c = memcmp(a, b, la < lb ? la : lb);
        return c ? c : (la > lb) - (la < lb);
    }
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

void pinyin_shutdown(void)
{
    for (size_t i = 0; i < cache_cap; i++)
        free(cache[i].readings);
    free(cache);
    cache = NULL;
    cache_cap = cache_used = 0;
    const struct icu_calls *opened = shlib_icu_opened(); /* never opened only to be cleaned */
    if (collator) opened->ucol_close(collator);
    collator = NULL;
    if (opened) opened->u_cleanup();
}

/* The byte after p when p starts ü or Ü (UTF-8 C3 BC, C3 9C), else NULL. */
static const char *umlaut_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return u[0] == 0xC3 && (u[1] == 0xBC || u[1] == 0x9C) ? p + 2 : NULL;
}

char *pinyin_typed_u(const char *typed)
{
    int other = 0;
    for (const char *p = typed; *p;) {
        const char *after = umlaut_at(p);
        int c = *p | 0x20; /* lower case, for letters */
        if (!after && (c < 'a' || c > 'z')) return NULL;
        other |= after || c == 'v';
        p = after ? after : p + 1;
    }
    if (!other) return NULL;
    char *u = xmalloc(strlen(typed) + 1);
    char *w = u;
    for (const char *p = typed; *p;) {
        const char *after = umlaut_at(p);
        *w++ = after || *p == 'v' || *p == 'V' ? 'u' : *p;
        p = after ? after : p + 1;
    }
    *w = '\0';
    return u;
}

/* Does one of keys start with query (lower case)? */
static int keys_start(const struct strlist *keys, const char *query)
{
    for (size_t i = 0; i < keys->n; i++)
        if (strncmp(keys->v[i], query, strlen(query)) == 0) return 1;
    return 0;
}

int pinyin_matches(const char *text, const char *typed)
{
    if (str_empty(typed) || strstr(text, typed)) return 1;
    char *query = text_normalize(typed, TEXT_NORM_NOSPACE);
    for (char *p = query; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    struct strlist keys = STRLIST_INIT;
    pinyin_key_list(text, 0, &keys);
    /* As typed (a Latin v: VIP); else with ü as the keys file it, u (lv, lü: 吕). */
    int found = keys_start(&keys, query);
    char *as_filed = found ? NULL : pinyin_typed_u(query);
    if (as_filed) found = keys_start(&keys, as_filed);
    free(as_filed);
    strlist_free(&keys);
    free(query);
    return found;
}
