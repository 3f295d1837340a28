/*
** star: see star.h.
*/
#include "star.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>

#define LF(member, kind, label, flags) FIELD_OF(struct star_level, member, kind, label, flags, NULL)

static const struct field_desc star_level_fields[] = {
    LF(id, FIELD_INT64, NULL, FIELD_KEY),
    LF(name, FIELD_TEXT, N_("Name"), 0),
    LF(hours, FIELD_INT64, N_("Hours"), 0),
    LF(version, FIELD_INT64, NULL, FIELD_KEY),
};

const struct record_type star_level_record = {.name = "star_level",
                                              .size = sizeof(struct star_level),
                                              .fields = star_level_fields,
                                              .nfields = ARRAY_LEN(star_level_fields)};

#define DF(member, kind, label, flags) FIELD_OF(struct star_due, member, kind, label, flags, NULL)

static const struct field_desc star_due_fields[] = {
    DF(volunteer_id, FIELD_INT64, NULL, FIELD_KEY),
    DF(number, FIELD_TEXT, N_("Volunteer number"), FIELD_STORED),
    DF(name, FIELD_TEXT, N_("Full name"), FIELD_STORED),
    DF(minutes, FIELD_INT64, N_("Minutes"), FIELD_STORED),
    DF(level_id, FIELD_INT64, NULL, FIELD_STORED),
    DF(level_name, FIELD_TEXT, N_("Star level"), FIELD_STORED),
    DF(level_hours, FIELD_INT64, N_("Hours"), FIELD_STORED),
};

const struct record_type star_due_record = {.name = "star_due",
                                            .size = sizeof(struct star_due),
                                            .fields = star_due_fields,
                                            .nfields = ARRAY_LEN(star_due_fields)};

int star_level_reached(const struct star_level *levels, size_t n, int64_t minutes)
{
    int best = -1;
    for (size_t i = 0; i < n; i++)
        if (levels[i].hours * 60 <= minutes && (best < 0 || levels[i].hours > levels[best].hours))
            best = (int)i;
    return best;
}

const char *star_level_check(const struct star_level *l)
{
    if (!l->name || !*l->name) return _("A star level needs a name");
    if (l->hours < 1 || l->hours > STAR_HOURS_MAX)
        return _("The hours of a star level are a whole number from 1 to 100000");
    return NULL;
}
