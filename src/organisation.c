/*
** organisation: see organisation.h.
*/
#include "organisation.h"
#include "clock.h"
#include "credit_code.h"
#include "date.h"
#include "i18n.h"
#include "phone.h"
#include "pinyin.h"
#include "search.h"
#include "text.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OF(member, kind, label, flags, shown_by)                                                   \
    FIELD_OF(struct organisation, member, kind, label, flags, shown_by)
static const struct field_desc organisation_fields[] = {
    OF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    OF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    OF(credit_code, FIELD_TEXT, N_("Credit code"), 0, NULL),
    OF(building_id, FIELD_INT64, N_("Building"), 0, "building_name"),
    OF(building_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    OF(floor, FIELD_TEXT, N_("Floor"), 0, NULL),
    OF(room, FIELD_TEXT, N_("Room"), 0, NULL),
    OF(industry, FIELD_TEXT, N_("Industry"), 0, NULL),
    OF(contact_name, FIELD_TEXT, N_("Contact"), 0, NULL),
    OF(contact_phone, FIELD_TEXT, N_("Contact phone"), FIELD_SECRET, NULL),
    OF(employees, FIELD_INT64, N_("Employees"), 0, NULL),
    OF(party_members, FIELD_INT64, N_("Party members"), 0, NULL),
    OF(party_org, FIELD_TEXT, N_("Party organisation"), 0, NULL),
    OF(stability, FIELD_TEXT, N_("Stability"), 0, NULL),
    OF(moved_in, FIELD_TEXT, N_("Moved in"), 0, NULL),
    OF(moved_out, FIELD_TEXT, N_("Moved out"), 0, NULL),
    OF(retired, FIELD_INT, NULL, FIELD_STORED, NULL),
    OF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    OF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    OF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef OF

const struct record_type organisation_record = {.name = "organisation",
                                                .size = sizeof(struct organisation),
                                                .fields = organisation_fields,
                                                .nfields = ARRAY_LEN(organisation_fields)};

/* The words are the practice's own (not chrome): stored and shown as they are. */
const char *const organisation_party_orgs[ORGANISATION_PARTY_ORGS] = {"独立", "联合", "无"};
const char *const organisation_stabilities[ORGANISATION_STABILITIES] = {"稳定", "较稳定", "一般",
                                                                        "较不稳定", "不稳定"};

static int word_known(const char *const *words, size_t n, const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(words[i], text)) return 1;
    return 0;
}

const char *organisation_check_party_org(const char *text)
{
    if (!*text || word_known(organisation_party_orgs, ORGANISATION_PARTY_ORGS, text)) return NULL;
    return _("One of 独立, 联合, 无");
}

const char *organisation_check_stability(const char *text)
{
    if (!*text || word_known(organisation_stabilities, ORGANISATION_STABILITIES, text)) return NULL;
    return _("One of 稳定, 较稳定, 一般, 较不稳定, 不稳定");
}

int64_t organisation_count(const char *text)
{
    char *s = text_normalize(text, TEXT_NORM_NOSPACE);
    int64_t v = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n && v >= 0; i++)
        v = s[i] >= '0' && s[i] <= '9' && i < ORGANISATION_COUNT_MAX ? v * 10 + (s[i] - '0') : -1;
    free(s);
    return v;
}

const char *organisation_check_count(const char *text)
{
    return organisation_count(text) < 0 ? _("A whole number, such as 35") : NULL;
}

const char *organisation_check_date(const char *text)
{
    struct date d;
    if (!*text || date_parse_cell(text, &d) == DATE_OK) return NULL;
    return _("Not a date: write it as 2024-03-01");
}

const char *organisation_check_members(int64_t employees, int64_t members)
{
    return employees > 0 && members > employees ? _("More party members than employees") : NULL;
}

const char *organisation_check_moves(const char *moved_in, const char *moved_out)
{
    return *moved_in && *moved_out && strcmp(moved_out, moved_in) < 0
               ? _("Moved out before it moved in")
               : NULL;
}

const char *organisation_check_moved_in(const char *moved_in)
{
    char today[11];
    return *moved_in && strcmp(moved_in, clock_today(today)) > 0
               ? _("Moved in after today: register it once it is there")
               : NULL;
}

char *organisation_normal_date(const char *text)
{
    struct date d;
    char iso[11];
    if (*text && date_parse_cell(text, &d) == DATE_OK) return xstrdup(date_format(&d, iso));
    return xstrdup(text);
}

char *organisation_normal_code(const char *text)
{
    struct credit_code c;
    if (credit_code_parse(text, &c) == CREDIT_CODE_OK) return xstrdup(c.code);
    return text_normalize(text, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
}

char *organisation_masked_phone(const char *phone)
{
    size_t n = strlen(phone);
    if (n < 8) return xstrdup(phone);
    return xasprintf("%.3s****%s", phone, phone + n - 4);
}

/* --- search keys ------------------------------------------------------------------------------ */

static int code_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

void organisation_query_of(const char *typed, struct organisation_query *q)
{
    char *s = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    size_t n = strlen(s);
    int letters = 0, digits = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters++;
        else
            other++;
    }
    if (digits && !letters && other) {
        /* A phone written with dashes (139-3685-0707): its digits (no name is digits and dashes).
         */
        size_t k = 0, dashes = 0;
        for (size_t i = 0; i < n; i++)
            dashes += s[i] == '-';
        if (dashes == (size_t)other) {
            for (size_t i = 0; i < n; i++)
                if (s[i] != '-') s[k++] = s[i];
            s[k] = '\0';
            n = k;
            other = 0;
        }
    }
    q->text = s;
    if (!n) {
        q->kind = ORG_QUERY_ALL;
    } else if (other) {
        q->kind = ORG_QUERY_NAME;
    } else if (!digits) {
        q->kind = ORG_QUERY_PINYIN;
        for (size_t i = 0; i < n; i++)
            if (s[i] >= 'A' && s[i] <= 'Z') s[i] = (char)(s[i] - 'A' + 'a');
    } else {
        q->kind = ORG_QUERY_CODE;
        for (size_t i = 0; i < n; i++)
            if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char)(s[i] - 'a' + 'A');
    }
}

/* The byte length of the UTF-8 character at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* Add term to out unless it is there already (out keeps it). */
static void term_add(struct strlist *out, char *term)
{
    if (!strlist_has(out, term))
        strlist_add_take(out, term);
    else
        free(term);
}

/* The term of a phone's digits: t and them reversed, so its last digits start it. Caller frees. */
static char *phone_term(const char *digits)
{
    char *rev = search_reverse(digits);
    char *term = xasprintf("t%s", rev);
    free(rev);
    return term;
}

/* The pieces of a name and its pinyin keys, into out (n and p terms). */
static void name_terms(const char *name, struct strlist *out)
{
    /* Every piece of 1 to ORGANISATION_GRAM_MAX characters, of the name without middle dots. */
    char *plain = text_drop_dots(name);
    for (const char *p = plain; *p; p += char_len(p)) {
        const char *end = p;
        for (int k = 0; k < ORGANISATION_GRAM_MAX && *end; k++) {
            end += char_len(end);
            term_add(out, xasprintf("n%.*s", (int)(end - p), p));
        }
    }
    free(plain);
    struct strlist keys = STRLIST_INIT;
    pinyin_key_list(name, PINYIN_INSIDE, &keys);
    for (size_t i = 0; i < keys.n; i++)
        term_add(out, xasprintf("p%.*s", ORGANISATION_PINYIN_MAX, keys.v[i]));
    strlist_free(&keys);
}

void organisation_terms(const char *name, const char *credit_code, const char *contact,
                        const char *phone, struct strlist *out)
{
    strlist_clear(out);
    name_terms(name, out);
    name_terms(contact, out);
    size_t n = strlen(credit_code);
    for (size_t i = 0; i < n; i++)
        if (code_char(credit_code[i])) term_add(out, xasprintf("c%s", credit_code + i));
    /*
     * The phone's digits reversed, once: found by its last digits, or whole,
     * never by the digits a list masks (022-27306655 by 6655 or 02227306655).
     */
    struct strbuf digits = STRBUF_INIT;
    for (const char *p = phone; *p; p++)
        if (*p >= '0' && *p <= '9') strbuf_addf(&digits, "%c", *p);
    if (digits.len) term_add(out, phone_term(strbuf_str(&digits)));
    strbuf_free(&digits);
}

char *organisation_query_phone_term(const struct organisation_query *q)
{
    if (q->kind != ORG_QUERY_CODE) return NULL;
    for (const char *p = q->text; *p; p++)
        if (*p < '0' || *p > '9') return NULL;
    return phone_term(q->text);
}

void organisation_query_terms(const struct organisation_query *q, struct strlist *out, int *prefix)
{
    strlist_clear(out);
    *prefix = q->kind != ORG_QUERY_NAME;
    if (q->kind == ORG_QUERY_ALL) return;
    if (q->kind == ORG_QUERY_PINYIN) {
        strlist_add_take(out, xasprintf("p%.*s", ORGANISATION_PINYIN_MAX, q->text));
        return;
    }
    if (q->kind == ORG_QUERY_CODE) {
        strlist_add_take(out, xasprintf("c%s", q->text));
        return;
    }
    char *name = text_drop_dots(q->text);
    if (text_chars(name) <= ORGANISATION_GRAM_MAX) {
        strlist_add_take(out, xasprintf("n%s", name));
    } else {
        for (const char *p = name; *p; p += char_len(p)) {
            const char *end = p;
            for (int k = 0; k < ORGANISATION_GRAM_MAX && *end; k++)
                end += char_len(end);
            if (text_chars(p) < ORGANISATION_GRAM_MAX) break;
            term_add(out, xasprintf("n%.*s", (int)(end - p), p));
        }
    }
    free(name);
}

int64_t organisation_rank(const char *name)
{
    struct strlist keys = STRLIST_INIT;
    pinyin_key_list(name, 0, &keys);
    int64_t rank = keys.n ? pinyin_rank(keys.v[0]) : 0;
    strlist_free(&keys);
    return rank;
}

/* --- the ledger ------------------------------------------------------------------------------ */

static const struct ledger_header organisation_headers[] = {
    {OF_NAME, "单位名称"},
    {OF_NAME, "企业名称"},
    {OF_NAME, "名称"},
    {OF_NAME, "企业（单位）名称"},
    {OF_CODE, "统一社会信用代码"},
    {OF_CODE, "信用代码"},
    {OF_CODE, "社会信用代码"},
    {OF_BUILDING, "所在楼宇"},
    {OF_BUILDING, "楼宇"},
    {OF_BUILDING, "楼宇名称"},
    {OF_FLOOR, "楼层"},
    {OF_ROOM, "房间号"},
    {OF_ROOM, "房号"},
    {OF_ROOM, "房间"},
    {OF_INDUSTRY, "所属行业"},
    {OF_INDUSTRY, "行业"},
    {OF_CONTACT, "联系人"},
    {OF_PHONE, "联系电话"},
    {OF_PHONE, "电话"},
    {OF_PHONE, "联系方式"},
    {OF_EMPLOYEES, "从业人数"},
    {OF_EMPLOYEES, "员工人数"},
    {OF_EMPLOYEES, "职工人数"},
    {OF_PARTY_MEMBERS, "党员人数"},
    {OF_PARTY_MEMBERS, "党员数"},
    {OF_PARTY_ORG, "党组织"},
    {OF_PARTY_ORG, "党组织情况"},
    {OF_PARTY_ORG, "党组织形式"},
    {OF_STABILITY, "稳定性"},
    {OF_STABILITY, "稳定等级"},
    {OF_STABILITY, "稳定性评级"},
    {OF_MOVED_IN, "入驻日期"},
    {OF_MOVED_IN, "入驻时间"},
    {OF_MOVED_OUT, "迁出日期"},
    {OF_MOVED_OUT, "迁出时间"},
    {LEDGER_IGNORED, "序号"},
};

static const int organisation_required[] = {OF_NAME};

static const unsigned short organisation_max[OF_COUNT] = {[OF_NAME] = ORGANISATION_NAME_MAX,
                                                          [OF_CODE] = 18 * 2,
                                                          [OF_BUILDING] = 50,
                                                          [OF_FLOOR] = ORGANISATION_PLACE_MAX,
                                                          [OF_ROOM] = ORGANISATION_PLACE_MAX,
                                                          [OF_INDUSTRY] = ORGANISATION_INDUSTRY_MAX,
                                                          [OF_CONTACT] = ORGANISATION_CONTACT_MAX,
                                                          [OF_PHONE] = 30,
                                                          [OF_EMPLOYEES] = 12,
                                                          [OF_PARTY_MEMBERS] = 12,
                                                          [OF_PARTY_ORG] = 4,
                                                          [OF_STABILITY] = 6,
                                                          [OF_MOVED_IN] = DATE_TEXT_MAX,
                                                          [OF_MOVED_OUT] = DATE_TEXT_MAX};

/* The contact phone is shown masked, as the list and a masked export show it. */
static const int organisation_secret[] = {OF_PHONE};

const struct ledger_schema ledger_organisations = {organisation_headers,
                                                   ARRAY_LEN(organisation_headers),
                                                   OF_COUNT,
                                                   organisation_required,
                                                   ARRAY_LEN(organisation_required),
                                                   organisation_secret,
                                                   ARRAY_LEN(organisation_secret),
                                                   organisation_max};

/* The province-level places a company's name may begin with, without 省 or 市. */
static const char *const name_places[] = {
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏",
    "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",   "湖南", "广东", "广西",   "海南",
    "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",   "宁夏", "新疆", "香港",   "澳门"};

/* A company's forms, the longest first. */
static const char *const name_forms[] = {"股份有限公司", "有限责任公司", "有限公司", "公司"};

/* Bytes of s's first n characters (fewer when s is shorter). */
static size_t chars_bytes(const char *s, size_t n)
{
    size_t i = 0;
    for (; s[i] && n; n--)
        do
            i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

char *organisation_short_name(const char *name)
{
    size_t from = 0, to = strlen(name);
    if (to >= strlen("分公司") && strcmp(name + to - strlen("分公司"), "分公司") == 0)
        return xstrdup(name);
    for (size_t i = 0; i < ARRAY_LEN(name_forms); i++) {
        size_t n = strlen(name_forms[i]);
        if (to >= n && strcmp(name + to - n, name_forms[i]) == 0) {
            to -= n;
            break;
        }
    }
    for (size_t i = 0; i < ARRAY_LEN(name_places) && !from; i++)
        if (str_starts(name, name_places[i])) from = strlen(name_places[i]);
    if (from && (str_starts(name + from, "省") || str_starts(name + from, "市")))
        from += strlen("市");
    if (!from) /* a city's own name: two or three characters and 市 */
        for (size_t n = 2; n <= 3 && !from; n++) {
            size_t b = chars_bytes(name, n);
            if (str_starts(name + b, "市")) from = b + strlen("市");
        }
    char *mid = xstrndup(name + from, from < to ? to - from : 0);
    if (text_chars(mid) >= 2) return mid;
    free(mid);
    return xstrdup(name);
}

char *organisation_place(const char *floor, const char *room)
{
    return *floor && *room ? xasprintf(_("F%s %s"), floor, room)
           : *floor        ? xasprintf(_("F%s"), floor)
                           : xstrdup(room);
}
