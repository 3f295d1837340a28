/*
** hours_ledger: see hours_ledger.h.
*/
#include "hours_ledger.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>

#define HE(member, kind, label, flags)                                                             \
    FIELD_OF(struct hours_entry, member, kind, label, flags, NULL)
static const struct field_desc hours_entry_fields[] = {
    HE(id, FIELD_INT64, NULL, FIELD_KEY),
    HE(key, FIELD_TEXT, NULL, FIELD_STORED),
    HE(number, FIELD_TEXT, N_("Volunteer number"), 0),
    HE(name, FIELD_TEXT, NULL, FIELD_STORED),
    HE(activity, FIELD_TEXT, N_("Activity"), 0),
    HE(day, FIELD_TEXT, N_("Day served"), 0),
    HE(sign_in, FIELD_TEXT, N_("Signed in"), 0),
    HE(sign_out, FIELD_TEXT, N_("Signed out"), 0),
    HE(minutes, FIELD_INT, NULL, FIELD_STORED),
    HE(confirmed, FIELD_TEXT, N_("Confirmed on"), 0),
    HE(confirmer, FIELD_TEXT, N_("Confirmed by"), 0),
    HE(late_reason, FIELD_TEXT, N_("Late record reason"), 0),
    HE(request, FIELD_TEXT, N_("Request"), 0),
    HE(volunteer_id, FIELD_INT64, NULL, FIELD_STORED),
    HE(activity_id, FIELD_INT64, NULL, FIELD_STORED),
    HE(request_id, FIELD_INT64, NULL, FIELD_STORED),
    HE(counts_from, FIELD_TEXT, NULL, FIELD_STORED),
    HE(version, FIELD_INT64, NULL, FIELD_KEY),
};
#undef HE

const struct record_type hours_entry_record = {.name = "service_record",
                                               .size = sizeof(struct hours_entry),
                                               .fields = hours_entry_fields,
                                               .nfields = ARRAY_LEN(hours_entry_fields)};

void hours_entry_key(struct hours_entry *e)
{
    /* A row with a part not read (a number, day or time refused) names no record, so it repeats
     * no other row: two different malformed numbers are not one volunteer. */
    if (!*e->number || !*e->activity || !*e->day || !*e->sign_in)
        record_set(&e->key, "");
    else
        record_take(&e->key, xasprintf("%s %s %s %s", e->number, e->activity, e->day, e->sign_in));
}

static const struct ledger_header hours_headers[] = {
    {HF_NUMBER, "志愿者编号"},
    {HF_NUMBER, "编号"},
    {HF_NUMBER, "志愿者证号"},
    {HF_NAME, "姓名"},
    {HF_NAME, "志愿者姓名"},
    {HF_ACTIVITY, "活动名称"},
    {HF_ACTIVITY, "活动"},
    {HF_ACTIVITY, "服务项目"},
    {HF_DAY, "日期"},
    {HF_DAY, "服务日期"},
    {HF_DAY, "活动日期"},
    {HF_IN, "签到时间"},
    {HF_IN, "签到"},
    {HF_IN, "开始时间"},
    {HF_OUT, "签退时间"},
    {HF_OUT, "签退"},
    {HF_OUT, "结束时间"},
    {HF_MINUTES, "时长（分钟）"},
    {HF_MINUTES, "时长(分钟)"},
    {HF_MINUTES, "分钟"},
    {HF_CONFIRMED, "确认日期"},
    {HF_CONFIRMED, "确认时间"},
    {HF_CONFIRMED, "审核日期"},
    {HF_CONFIRMER, "确认人"},
    {HF_CONFIRMER, "审核人"},
    {HF_LATE, "补录原因"},
    {HF_LATE, "补录说明"},
    {HF_REQUEST, "关联诉求编号"},
    {HF_REQUEST, "诉求编号"},
    {HF_REQUEST, "工单编号"},
    {LEDGER_IGNORED, "序号"},
    {LEDGER_IGNORED, "时长（小时）"},
    {LEDGER_IGNORED, "时长(小时)"},
};

static const int hours_required[] = {HF_NUMBER, HF_ACTIVITY, HF_DAY, HF_IN, HF_OUT};
static const unsigned short hours_max[HF_COUNT] = {
    [HF_NUMBER] = 20,        [HF_NAME] = 40,           [HF_ACTIVITY] = 40, [HF_DAY] = DATE_TEXT_MAX,
    [HF_IN] = DATE_TEXT_MAX, [HF_OUT] = DATE_TEXT_MAX, [HF_MINUTES] = 8,   [HF_CONFIRMED] = 20,
    [HF_CONFIRMER] = 40,     [HF_LATE] = 200,          [HF_REQUEST] = 20,
};

const struct ledger_schema ledger_hours = {hours_headers,
                                           ARRAY_LEN(hours_headers),
                                           HF_COUNT,
                                           hours_required,
                                           ARRAY_LEN(hours_required),
                                           NULL,
                                           0,
                                           hours_max};
