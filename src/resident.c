/*
** resident: see resident.h.
*/
#include "resident.h"
#include "clock.h"
#include "date.h"
#include "i18n.h"
#include "idcard.h"
#include "phone.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const char *const ethnicities[] = {
    "汉族",     "蒙古族",   "回族",       "藏族",     "维吾尔族",   "苗族",   "彝族",     "壮族",
    "布依族",   "朝鲜族",   "满族",       "侗族",     "瑶族",       "白族",   "土家族",   "哈尼族",
    "哈萨克族", "傣族",     "黎族",       "傈僳族",   "佤族",       "畲族",   "高山族",   "拉祜族",
    "水族",     "东乡族",   "纳西族",     "景颇族",   "柯尔克孜族", "土族",   "达斡尔族", "仫佬族",
    "羌族",     "布朗族",   "撒拉族",     "毛南族",   "仡佬族",     "锡伯族", "阿昌族",   "普米族",
    "塔吉克族", "怒族",     "乌孜别克族", "俄罗斯族", "鄂温克族",   "德昂族", "保安族",   "裕固族",
    "京族",     "塔塔尔族", "独龙族",     "鄂伦春族", "赫哲族",     "门巴族", "珞巴族",   "基诺族",
};

/* The fields of a resident, for record.h: init, free, copy and the merge of two desks' edits. */
#define RF(member, kind, label, flags, by) FIELD_OF(struct resident, member, kind, label, flags, by)
static const struct field_desc resident_fields[] = {
    RF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    RF(name, FIELD_TEXT, N_("Full name"), 0, NULL),
    RF(gender, FIELD_CHAR, N_("Sex"), 0, NULL),
    RF(ethnicity, FIELD_TEXT, N_("Ethnicity"), 0, NULL),
    RF(birth_date, FIELD_TEXT, N_("Born"), 0, NULL),
    RF(id_number, FIELD_TEXT, N_("ID number"), FIELD_SECRET, NULL),
    RF(phone, FIELD_TEXT, N_("Mobile"), FIELD_SECRET, NULL),
    RF(landline, FIELD_TEXT, N_("Landline"), 0, NULL),
    RF(community_id, FIELD_INT64, N_("Community and grid"), 0, "community"),
    RF(grid_id, FIELD_INT64, N_("Grid"), FIELD_WITH_PREV, "grid"),
    RF(community, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(grid, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(address, FIELD_TEXT, N_("Address"), 0, NULL),
    RF(head_id, FIELD_INT64, N_("Household"), 0, "head_name"),
    RF(head_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(relation, FIELD_TEXT, N_("Relation"), 0, NULL),
    RF(tags, FIELD_TEXT, N_("Tags"), FIELD_SET, NULL),
    RF(note, FIELD_TEXT, N_("Note"), 0, NULL),
    RF(status, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(status_date, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(status_place, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(merged_into, FIELD_INT64, NULL, FIELD_STORED, NULL),
    RF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    RF(created_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(created_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    RF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef RF

static char *resident_shown(size_t i, const void *rec)
{
    const struct resident *r = rec;
    if (str_eq(resident_fields[i].name, "gender")) return xstrdup(resident_gender_text(r->gender));
    if (str_eq(resident_fields[i].name, "community_id"))
        return *r->grid ? xasprintf("%s / %s", r->community, r->grid) : xstrdup(r->community);
    return NULL;
}

const struct record_type resident_record = {.name = "resident",
                                            .size = sizeof(struct resident),
                                            .fields = resident_fields,
                                            .nfields = ARRAY_LEN(resident_fields),
                                            .shown = resident_shown};

#define GF(member, kind, label, flags) FIELD_OF(struct tag, member, kind, label, flags, NULL)
static const struct field_desc tag_fields[] = {
    GF(id, FIELD_INT64, NULL, FIELD_KEY),
    GF(name, FIELD_TEXT, N_("Tag"), 0),
    GF(sensitive, FIELD_INT, N_("Sensitive"), 0),
    GF(retired, FIELD_INT, N_("Retired"), FIELD_STORED),
    GF(version, FIELD_INT64, NULL, FIELD_KEY),
};
#undef GF

const struct record_type tag_record = {.name = "tag",
                                       .size = sizeof(struct tag),
                                       .fields = tag_fields,
                                       .nfields = ARRAY_LEN(tag_fields)};

char *resident_normalize_address(const char *typed)
{
    return text_normalize(typed ? typed : "", TEXT_NORM_PROSE | TEXT_NORM_DASH);
}

char *resident_normalize_name(const char *typed)
{
    char *trimmed = text_trim(typed ? typed : "");
    char *s = text_fold_dots(trimmed);
    free(trimmed);
    if (!strpbrk(s, " \t\xE3")) return s; /* no space, nor U+3000 (E3 80 80) to look at */
    char *joined = text_drop_han_spaces(s);
    free(s);
    return joined;
}

char *resident_name_from_search(const char *typed)
{
    int beyond_ascii = 0;
    for (const char *p = typed ? typed : ""; *p; p++)
        beyond_ascii |= (unsigned char)*p >= 0x80;
    if (!beyond_ascii) return NULL;
    char *name = resident_normalize_name(typed);
    if (!resident_check_name(name)) return name;
    free(name);
    return NULL;
}

char *resident_tags_union(const char *a, const char *b)
{
    struct strlist l = STRLIST_INIT;
    text_split_list(a, &l);
    text_split_list(b, &l);
    char *joined = strlist_join(&l, "、");
    strlist_free(&l);
    return joined;
}

int resident_same(const struct resident *a, const struct resident *b)
{
    return str_eq(a->name, b->name) && a->gender == b->gender &&
           str_eq(a->ethnicity, b->ethnicity) && str_eq(a->birth_date, b->birth_date) &&
           str_eq(a->id_number, b->id_number) && str_eq(a->phone, b->phone) &&
           str_eq(a->landline, b->landline) && str_eq(a->address, b->address) &&
           str_eq(a->relation, b->relation) && str_eq(a->note, b->note) &&
           a->head_id == b->head_id && a->community_id == b->community_id &&
           a->grid_id == b->grid_id && str_eq(a->tags, b->tags) &&
           (a->community_id || str_eq(a->community, b->community)) &&
           (a->grid_id || str_eq(a->grid, b->grid));
}

const char *resident_check_tag(const char *name)
{
    const char *why = validate_required(name);
    if (why) return why;
    if (text_chars(name) > RESIDENT_TAG_MAX) return _("Too long: at most 20 characters");
    struct strlist parts = STRLIST_INIT;
    text_split_list(name, &parts);
    int whole = parts.n == 1 && strcmp(parts.v[0], name) == 0;
    strlist_free(&parts);
    return whole ? NULL : _("A tag has no 、，; / | or spaces: they separate tags");
}

/*
** Punctuation no name holds: a sentence pasted into the name (，。、!?), brackets,
** quotes. A name's dots (买买提·艾力, 买买提.艾力, Mary J. Smith), hyphen,
** apostrophe and the space between Latin words are not.
*/
static int name_punctuation(uint32_t cp)
{
    return (cp < 0x80 && strchr(",!?;:\"()[]{}<>/\\|@#$%^&*=+~`_", (int)cp)) ||
           (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
           (cp >= 0x3014 && cp <= 0x301F) || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2026 ||
           (cp >= 0xFF01 && cp <= 0xFF0F && cp != 0xFF0D && cp != 0xFF0E) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF5E);
}

const char *resident_check_name(const char *name)
{
    const char *why = validate_required(name);
    if (why) return why;
    if (text_chars(name) > RESIDENT_NAME_MAX) return _("Too long: at most 30 characters");
    for (const char *p = name; *p; p++)
        if (*p >= '0' && *p <= '9') return _("A name has no digits");
    /* Pictographs and symbols (王😀五, ★): no name on an ID card holds one. */
    size_t n = strlen(name);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(name + i, n - i, &cp);
        if (len <= 0) break; /* not UTF-8: validate_required() and the store refuse it */
        /* Arrows, ⌚, ■●▲, ☆♥, ✂, ⬛ and the emoji planes (not ∙, a dot some input methods
         * put in 买买提∙艾力). */
        if ((cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF) ||
            (cp >= 0x25A0 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
            (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F)
            return _("A name has no emoji or symbols");
        if (name_punctuation(cp)) return _("A name has no punctuation (，。、《》 ...)");
        i += (size_t)len;
    }
    return NULL;
}

const char *const *resident_ethnicities(int *n)
{
    *n = (int)ARRAY_LEN(ethnicities);
    return ethnicities;
}

const char *resident_ethnicity_find(const char *typed)
{
    if (str_eq(typed, ethnicities[0])) return ethnicities[0]; /* nine in ten: 汉族 */
    char *t = text_trim(typed ? typed : "");
    const char *found = NULL;
    size_t n = strlen(t);
    for (size_t i = 0; i < ARRAY_LEN(ethnicities) && n; i++) {
        const char *e = ethnicities[i];
        /* 汉族 or 汉: the name, or the name without its final 族. */
        if (str_eq(t, e) || (strlen(e) == n + strlen("族") && strncmp(e, t, n) == 0)) found = e;
    }
    free(t);
    return found;
}

const char *resident_check_ethnicity(const char *ethnicity)
{
    if (str_empty(ethnicity) || resident_ethnicity_find(ethnicity)) return NULL;
    return _("Not one of the 56 ethnic groups");
}

int resident_parse_gender(const char *typed)
{
    static const struct {
        const char *text;
        int gender;
    } forms[] = {{"男", 'M'}, {"男性", 'M'}, {"M", 'M'}, {"m", 'M'}, {"1", 'M'},
                 {"女", 'F'}, {"女性", 'F'}, {"F", 'F'}, {"f", 'F'}, {"2", 'F'}};
    if (!typed || !*typed) return 0;
    if (str_eq(typed, "男")) return 'M'; /* a ledger's every row: nothing to fold */
    if (str_eq(typed, "女")) return 'F';
    char *t = text_normalize(typed, TEXT_NORM_NOSPACE);
    int g = *t ? -1 : 0;
    for (size_t i = 0; i < ARRAY_LEN(forms); i++)
        if (str_eq(t, forms[i].text)) g = forms[i].gender;
    free(t);
    return g;
}

const char *resident_gender_text(char gender)
{
    return gender == 'M' ? _("Male") : gender == 'F' ? _("Female") : "";
}

int resident_age(const struct resident *r, time_t now)
{
    struct date birth;
    if (date_parse(r->birth_date, &birth) != DATE_OK) return -1;
    return date_age(&birth, now);
}

int resident_is_minor(const struct resident *r, time_t now)
{
    int age = resident_age(r, now);
    return age >= 0 && age < RESIDENT_MINOR_AGE;
}

const char *resident_id_listed(const struct resident *r, time_t now)
{
    return resident_is_minor(r, now) ? _("(minor)") : r->id_number;
}

const char *resident_phone_listed(const struct resident *r, time_t now)
{
    return resident_is_minor(r, now) ? "" : r->phone;
}

char *resident_birth_mismatch(const char *birth_date, const struct idcard *id)
{
    struct date birth;
    char want[11];
    if (str_empty(birth_date) || date_parse(birth_date, &birth) != DATE_OK ||
        date_cmp(&birth, &id->birth) == 0)
        return NULL;
    return xasprintf(_("differs from the ID number, which says %s"), date_format(&id->birth, want));
}

char *resident_gender_mismatch(char gender, const struct idcard *id)
{
    if (!gender || gender == id->gender) return NULL;
    return xstrdup(id->gender == 'M' ? _("differs from the ID number, which is a man's")
                                     : _("differs from the ID number, which is a woman's"));
}

/* A number as lists show it, typed full-width or with spaces as it may be (１２０ …). */
static char *masked(const char *number, size_t full_length)
{
    char *out = text_normalize(number, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    text_mask_number(out, full_length, out);
    return out;
}

char *resident_masked_id(const char *id_number)
{
    return masked(id_number, 18);
}

char *resident_masked_phone(const char *phone)
{
    return masked(phone, 11);
}

static const char *const status_codes[] = {"", "moved", "deceased", "merged"};

int resident_status_parse(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(status_codes); i++)
        if (str_eq(code ? code : "", status_codes[i])) return (int)i;
    return -1;
}

const char *resident_status_code(enum resident_status s)
{
    return (size_t)s < ARRAY_LEN(status_codes) ? status_codes[s] : "";
}

const char *resident_status_label(enum resident_status s)
{
    switch (s) {
    case RESIDENT_MOVED:
        return _("Moved out");
    case RESIDENT_DECEASED:
        return _("Deceased");
    case RESIDENT_MERGED:
        return _("Merged");
    default:
        return _("On the register");
    }
}

enum resident_status resident_status_of(const struct resident *r)
{
    int s = resident_status_parse(r->status);
    return s < 0 ? RESIDENT_PRESENT : (enum resident_status)s;
}

char *resident_status_line(const struct resident *r)
{
    enum resident_status s = resident_status_of(r);
    switch (s) {
    case RESIDENT_MOVED:
        return *r->status_place
                   ? xasprintf(_("Moved out %s, to %s"), r->status_date, r->status_place)
                   : xasprintf(_("Moved out %s"), r->status_date);
    case RESIDENT_DECEASED:
        return xasprintf(_("Deceased %s"), r->status_date);
    case RESIDENT_MERGED:
        return xasprintf(_("Merged into record %lld"), (long long)r->merged_into);
    default:
        return xstrdup("");
    }
}

const char *resident_status_check(enum resident_status from, enum resident_status to,
                                  const char *date, const char *born, const char *place,
                                  const char *reason, time_t now)
{
    if (from == RESIDENT_MERGED)
        return _("A merged record is kept as it is: change the one it went into");
    if (to == RESIDENT_MERGED) return _("A record is merged from the list, not by its status");
    if (from == to) return _("The status is that already");
    if (text_blank(reason)) return _("A reason is needed: it is kept in the audit log");
    if (to == RESIDENT_PRESENT) return NULL;
    const char *why = resident_status_date_check(date, born, now);
    if (why) return why;
    if (to == RESIDENT_MOVED && str_empty(place)) return _("Where to is needed");
    return NULL;
}

const char *resident_status_date_check(const char *date, const char *born, time_t now)
{
    struct date d;
    if (str_empty(date)) return _("The date is needed");
    if (date_parse(date, &d) != DATE_OK) return _("Not a date: YYYY-MM-DD");
    struct date today = date_of(now);
    if (date_cmp(&d, &today) > 0) return _("The date is in the future");
    struct date birth;
    if (born && date_parse(born, &birth) == DATE_OK && date_cmp(&d, &birth) < 0)
        return _("The date is before the resident was born");
    return NULL;
}

size_t resident_merge_differences(const struct resident *keep, const struct resident *other,
                                  size_t *fields, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < resident_record.nfields && n < max; i++) {
        const struct field_desc *f = &resident_fields[i];
        if (f->flags & (FIELD_STORED | FIELD_KEY | FIELD_WITH_PREV | FIELD_SET)) continue;
        if (!record_field_same(&resident_record, i, keep, other)) fields[n++] = i;
    }
    return n;
}

void resident_merge_take(struct resident *keep, const struct resident *other, size_t i)
{
    for (size_t j = i; j < resident_record.nfields; j++) {
        if (j > i && !(resident_fields[j].flags & FIELD_WITH_PREV)) break;
        record_field_assign(&resident_record, j, keep, other);
        const char *by = resident_fields[j].shown_by;
        int k = by ? record_field_index(&resident_record, by) : -1;
        if (k >= 0) record_field_assign(&resident_record, (size_t)k, keep, other);
    }
}

int resident_ids_differ(const struct resident *a, const struct resident *b)
{
    struct idcard x, y;
    return idcard_parse(a->id_number, &x) == IDCARD_OK &&
           idcard_parse(b->id_number, &y) == IDCARD_OK && !str_eq(x.number, y.number);
}
