/*
** volunteer: see volunteer.h.
*/
#include "volunteer.h"
#include "date.h"
#include "i18n.h"
#include "idcard.h"
#include "text.h"
#include "util.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct volunteer, member, kind, label, flags, by)
static const struct field_desc volunteer_fields[] = {
    VF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    VF(number, FIELD_TEXT, N_("Volunteer number"), FIELD_STORED, NULL),
    VF(national_code, FIELD_TEXT, N_("National code"), 0, NULL),
    VF(name, FIELD_TEXT, N_("Full name"), 0, NULL),
    VF(gender, FIELD_CHAR, N_("Sex"), 0, NULL),
    VF(birth_date, FIELD_TEXT, N_("Born"), 0, NULL),
    VF(id_type, FIELD_TEXT, N_("ID type"), 0, NULL),
    VF(id_number, FIELD_TEXT, N_("ID number"), FIELD_SECRET, NULL),
    VF(phone, FIELD_TEXT, N_("Mobile"), FIELD_SECRET, NULL),
    VF(community_id, FIELD_INT64, N_("Community"), 0, "community"),
    VF(community, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(skills, FIELD_TEXT, N_("Skills"), FIELD_SET, NULL),
    VF(party_member, FIELD_INT, N_("Party member"), 0, NULL),
    VF(registered_on, FIELD_TEXT, N_("Registered on"), 0, NULL),
    VF(status, FIELD_TEXT, N_("Status"), 0, NULL),
    VF(resident_id, FIELD_INT64, N_("Resident record"), 0, "resident_name"),
    VF(resident_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    VF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    VF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef VF

/* Party member, status and sex in words, as the form says them (a preview, a conflict). */
static char *volunteer_shown(size_t i, const void *rec)
{
    const struct volunteer *v = rec;
    const char *name = volunteer_fields[i].name;
    if (str_eq(name, "party_member")) return xstrdup(v->party_member ? _("Yes") : _("No"));
    if (str_eq(name, "status") && v->status) return xstrdup(volunteer_status_label(v->status));
    if (str_eq(name, "gender") && v->gender)
        return xstrdup(v->gender == 'M' ? _("Male") : _("Female"));
    return NULL;
}

const struct record_type volunteer_record = {.name = "volunteer",
                                             .size = sizeof(struct volunteer),
                                             .fields = volunteer_fields,
                                             .nfields = ARRAY_LEN(volunteer_fields),
                                             .shown = volunteer_shown};

void volunteer_number_format(int year, int serial, char *out)
{
    unsigned y = (unsigned)year % 10000u, n = (unsigned)serial % 1000000u;
    snprintf(out, VOLUNTEER_NUMBER_LEN + 1, "%04u%06u", y, n);
}

const char *volunteer_number_parse(const char *typed, char *out, int *year, int *serial)
{
    char *n = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    size_t len = strlen(n);
    int digits = len == VOLUNTEER_NUMBER_LEN;
    for (size_t i = 0; i < len && digits; i++)
        digits = n[i] >= '0' && n[i] <= '9';
    const char *why = NULL;
    if (!len)
        why = _("No volunteer number");
    else if (!digits)
        why = _("A volunteer number is 10 digits: the year registered and a serial");
    int y = 0, s = 0;
    if (!why) {
        y = atoi((char[5]){n[0], n[1], n[2], n[3], 0});
        s = atoi(n + 4);
        if (y < 1989 || s < 1) why = _("No volunteer has this number: year or serial out of range");
    }
    if (!why) {
        memcpy(out, n, VOLUNTEER_NUMBER_LEN + 1);
        if (year) *year = y;
        if (serial) *serial = s;
    }
    free(n);
    return why;
}

static const struct {
    const char *code, *label;
} statuses[] = {
    {VOLUNTEER_ACTIVE, N_("Active")},
    {VOLUNTEER_PAUSED, N_("Paused")},
    {VOLUNTEER_LEFT, N_("Left")},
};

const char *volunteer_status_label(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(statuses); i++)
        if (str_eq(code, statuses[i].code)) return _(statuses[i].label);
    return "";
}

const char *volunteer_status_parse(const char *typed)
{
    static const struct {
        const char *word, *code;
    } words[] = {{"在册", VOLUNTEER_ACTIVE}, {"正常", VOLUNTEER_ACTIVE}, {"暂停", VOLUNTEER_PAUSED},
                 {"离队", VOLUNTEER_LEFT},   {"注销", VOLUNTEER_LEFT},   {"", VOLUNTEER_ACTIVE}};
    /* A code, or the label bangban shows and exports, in English or as the desk's language has
     * it: its own ledger reads back, whichever desk exported it. */
    for (size_t i = 0; i < ARRAY_LEN(statuses); i++)
        if (str_eq(typed, statuses[i].code) || str_eq(typed, statuses[i].label) ||
            str_eq(typed, _(statuses[i].label)))
            return statuses[i].code;
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (str_eq(typed, words[i].word)) return words[i].code;
    return NULL;
}

static const char *const id_types[] = {
    "居民身份证", "港澳居民来往内地通行证", "台湾居民来往大陆通行证",
    "护照",       "外国人永久居留身份证",
};

const char *const *volunteer_id_types(int *n)
{
    *n = (int)ARRAY_LEN(id_types);
    return id_types;
}

const char *volunteer_id_type_find(const char *typed)
{
    if (str_empty(typed) || str_eq(typed, "身份证")) return id_types[0];
    for (size_t i = 0; i < ARRAY_LEN(id_types); i++)
        if (str_eq(typed, id_types[i])) return id_types[i];
    return NULL;
}

int volunteer_id_type_is_card(const char *type)
{
    return str_empty(type) || str_eq(type, id_types[0]);
}

char *volunteer_id_check(const char *type, const char *number, char *canon)
{
    if (str_empty(number)) return NULL;
    if (volunteer_id_type_is_card(type)) {
        struct idcard id;
        enum idcard_error e = idcard_parse(number, &id);
        if (e == IDCARD_OK) {
            memcpy(canon, id.number, sizeof id.number);
            return NULL;
        }
        return idcard_message(e, &id);
    }
    size_t len = strlen(number);
    int ok = len >= 5 && len < VOLUNTEER_ID_MAX;
    for (size_t i = 0; i < len && ok; i++) {
        char c = number[i];
        ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    if (ok) {
        memcpy(canon, number, len + 1);
        return NULL;
    }
    return xstrdup(_("A document number is 5 to 23 letters and digits"));
}

static const char *const skills[] = {
    "医疗护理", "法律咨询", "心理疏导", "文艺表演", "教育辅导", "家电维修",
    "理发",     "摄影摄像", "计算机",   "外语",     "驾驶",     "应急救援",
};

const char *const *volunteer_skills(int *n)
{
    *n = (int)ARRAY_LEN(skills);
    return skills;
}

#define TF(member, kind, label, flags, by) FIELD_OF(struct team, member, kind, label, flags, by)
static const struct field_desc team_fields[] = {
    TF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    TF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    TF(parent_id, FIELD_INT64, N_("Parent team"), 0, "parent_name"),
    TF(parent_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(leader_id, FIELD_INT64, N_("Leader"), 0, "leader_name"),
    TF(leader_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(staff, FIELD_TEXT, N_("Managed by"), 0, NULL),
    TF(community_id, FIELD_INT64, N_("Community"), 0, "community"),
    TF(community, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(founded, FIELD_TEXT, N_("Founded"), 0, NULL),
    TF(members, FIELD_INT, NULL, FIELD_STORED, NULL),
    TF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    TF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    TF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef TF

const struct record_type team_record = {.name = "team",
                                        .size = sizeof(struct team),
                                        .fields = team_fields,
                                        .nfields = ARRAY_LEN(team_fields)};

const char *team_parent_check(int64_t team, int64_t parent_id,
                              int64_t (*parent_of)(void *ctx, int64_t id), void *ctx)
{
    if (!parent_id) return NULL;
    if (team && parent_id == team) return _("A team cannot be its own parent team");
    /* Walk up from the parent: meeting the team means the parent is one of its groups. */
    int64_t at = parent_id;
    for (int steps = 0; at > 0 && steps < 1000; steps++) {
        at = parent_of(ctx, at);
        if (team && at == team) return _("That team is one of this team's own groups");
    }
    if (at < 0) return _("No such parent team");
    return NULL;
}

#define MF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct team_member, member, kind, label, flags, by)
static const struct field_desc team_member_fields[] = {
    MF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    MF(team_id, FIELD_INT64, NULL, FIELD_STORED, NULL),
    MF(volunteer_id, FIELD_INT64, N_("Volunteer"), 0, "volunteer_name"),
    MF(volunteer_number, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    MF(volunteer_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    MF(joined, FIELD_TEXT, N_("Joined"), 0, NULL),
    MF(left_on, FIELD_TEXT, N_("Left"), 0, NULL),
    MF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    MF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    MF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef MF

const struct record_type team_member_record = {.name = "team_member",
                                               .size = sizeof(struct team_member),
                                               .fields = team_member_fields,
                                               .nfields = ARRAY_LEN(team_member_fields)};

const char *team_member_dates_check(const char *joined, const char *left_on, const char *today)
{
    struct date j, l;
    if (str_empty(joined)) return _("When did the volunteer join?");
    if (date_parse(joined, &j) != 0) return _("Joined: not a date (YYYY-MM-DD)");
    if (strcmp(joined, today) > 0) return _("Joined after today");
    if (str_empty(left_on)) return NULL;
    if (date_parse(left_on, &l) != 0) return _("Left: not a date (YYYY-MM-DD)");
    if (date_cmp(&l, &j) < 0) return _("Left before joining");
    if (strcmp(left_on, today) > 0) return _("Left after today");
    return NULL;
}

const char *volunteer_registered_check(const char *registered_on, const char *birth_date,
                                       const char *today)
{
    if (str_empty(registered_on)) return NULL;
    if (strcmp(registered_on, today) > 0) return _("Registered after today");
    if (!str_empty(birth_date) && strcmp(registered_on, birth_date) < 0)
        return _("Registered before being born");
    return NULL;
}

static const struct ledger_header volunteer_headers[] = {
    {VF_NUMBER, "志愿者编号"},
    {VF_NUMBER, "编号"},
    {VF_NATIONAL, "全国系统编码"},
    {VF_NATIONAL, "全国志愿者编码"},
    {VF_NAME, "姓名"},
    {VF_GENDER, "性别"},
    {VF_BIRTH, "出生日期"},
    {VF_BIRTH, "出生年月"},
    {VF_ID_TYPE, "证件类型"},
    {VF_ID, "证件号码"},
    {VF_ID, "身份证号"},
    {VF_ID, "公民身份号码"},
    {VF_ID, "身份证号码"},
    {VF_PHONE, "手机号"},
    {VF_PHONE, "手机"},
    {VF_PHONE, "联系电话"},
    {VF_COMMUNITY, "所属社区"},
    {VF_COMMUNITY, "社区"},
    {VF_SKILLS, "技能特长"},
    {VF_SKILLS, "技能"},
    {VF_SKILLS, "特长"},
    {VF_PARTY, "是否党员"},
    {VF_PARTY, "党员"},
    {VF_REGISTERED, "注册日期"},
    {VF_REGISTERED, "登记日期"},
    {VF_STATUS, "状态"},
    {LEDGER_IGNORED, "序号"},
};

static const int volunteer_required[] = {VF_NAME, VF_ID};
static const int volunteer_secret[] = {VF_ID, VF_PHONE};
static const unsigned short volunteer_max[VF_COUNT] = {
    [VF_NUMBER] = 20,
    [VF_NATIONAL] = VOLUNTEER_CODE_MAX,
    [VF_NAME] = VOLUNTEER_NAME_MAX,
    [VF_GENDER] = 4,
    [VF_BIRTH] = DATE_TEXT_MAX,
    [VF_ID_TYPE] = 20,
    [VF_ID] = 24,
    [VF_PHONE] = 20,
    [VF_COMMUNITY] = 40,
    [VF_SKILLS] = VOLUNTEER_SKILLS_MAX,
    [VF_PARTY] = 4,
    [VF_REGISTERED] = DATE_TEXT_MAX,
    [VF_STATUS] = 8,
};

const struct ledger_schema ledger_volunteers = {volunteer_headers,
                                                ARRAY_LEN(volunteer_headers),
                                                VF_COUNT,
                                                volunteer_required,
                                                ARRAY_LEN(volunteer_required),
                                                volunteer_secret,
                                                ARRAY_LEN(volunteer_secret),
                                                volunteer_max};
