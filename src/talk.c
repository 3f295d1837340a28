/*
** talk: see talk.h.
*/
#include "talk.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>

#define TF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct evening_talk, member, kind, label, flags, by)
static const struct field_desc talk_fields[] = {
    TF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    TF(held_on, FIELD_TEXT, N_("Held on"), 0, NULL),
    TF(place, FIELD_TEXT, N_("Place"), 0, NULL),
    TF(officials, FIELD_TEXT, N_("Officials"), 0, NULL),
    TF(note, FIELD_TEXT, N_("Note"), 0, NULL),
    TF(community_id, FIELD_INT64, N_("Community"), 0, "community"),
    TF(community, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    TF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    TF(requests, FIELD_INT64, NULL, FIELD_STORED, NULL),
    TF(open, FIELD_INT64, NULL, FIELD_STORED, NULL),
};
#undef TF

const struct record_type talk_record = {
    .name = "evening_talk",
    .size = sizeof(struct evening_talk),
    .fields = talk_fields,
    .nfields = ARRAY_LEN(talk_fields),
};
