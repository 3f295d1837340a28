/*
** staff: see staff.h.
*/
#include "staff.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#include <stddef.h>

#define SF(member, kind, label, flags) FIELD_OF(struct staff_kind, member, kind, label, flags, NULL)
static const struct field_desc staff_kind_fields[] = {
    SF(id, FIELD_INT64, NULL, FIELD_KEY),
    SF(code, FIELD_TEXT, N_("Code"), 0),
    SF(name, FIELD_TEXT, N_("Name"), 0),
    SF(note, FIELD_TEXT, N_("Note"), 0),
    SF(retired, FIELD_INT, N_("Retired"), FIELD_STORED),
    SF(version, FIELD_INT64, NULL, FIELD_KEY),
    SF(updated_at, FIELD_TEXT, NULL, FIELD_STORED),
    SF(updated_by, FIELD_TEXT, NULL, FIELD_STORED),
};
#undef SF

const struct record_type staff_kind_record = {.name = "staff_kind",
                                              .size = sizeof(struct staff_kind),
                                              .fields = staff_kind_fields,
                                              .nfields = ARRAY_LEN(staff_kind_fields)};

#define PF(member, kind, label, flags, by) FIELD_OF(struct staff, member, kind, label, flags, by)
static const struct field_desc staff_fields[] = {
    PF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    PF(name, FIELD_TEXT, N_("Full name"), 0, NULL),
    PF(phone, FIELD_TEXT, N_("Phone"), FIELD_SECRET, NULL),
    PF(kind_id, FIELD_INT64, N_("Staff kind"), 0, "kind_name"),
    PF(kind_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(employer, FIELD_TEXT, N_("Employer"), 0, NULL),
    PF(login, FIELD_TEXT, N_("User"), 0, NULL),
    PF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    PF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    PF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    PF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef PF

const struct record_type staff_record = {.name = "staff",
                                         .size = sizeof(struct staff),
                                         .fields = staff_fields,
                                         .nfields = ARRAY_LEN(staff_fields)};

char *staff_masked_phone(const char *phone)
{
    char *out = xstrdup(phone);
    text_mask_number(phone, 11, out);
    return out;
}

static const struct ledger_header staff_kind_headers[] = {
    {SKF_CODE, "类别编码"}, {SKF_CODE, "编码"}, {SKF_NAME, "类别名称"}, {SKF_NAME, "名称"},
    {SKF_NAME, "人员类别"}, {SKF_NOTE, "说明"}, {SKF_NOTE, "备注"},     {LEDGER_IGNORED, "序号"},
};

static const int staff_kind_required[] = {SKF_CODE, SKF_NAME};

/* The most characters per column, as the staff kind form takes them. */
static const unsigned short staff_kind_max[SKF_COUNT] = {[SKF_CODE] = VALIDATE_CODE_MAX,
                                                         [SKF_NAME] = STAFF_KIND_NAME_MAX,
                                                         [SKF_NOTE] = STAFF_KIND_NOTE_MAX};

const struct ledger_schema ledger_staff_kinds = {staff_kind_headers,
                                                 ARRAY_LEN(staff_kind_headers),
                                                 SKF_COUNT,
                                                 staff_kind_required,
                                                 ARRAY_LEN(staff_kind_required),
                                                 NULL,
                                                 0,
                                                 staff_kind_max};
