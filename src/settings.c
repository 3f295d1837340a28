/*
** settings: see settings.h.
*/
#include "settings.h"
#include "folder.h"
#include "phone.h"
#include "request.h"
#include "util.h"
#include "validate.h"
#include "workcal.h"

#include <stddef.h>
#include <stdlib.h>

static const struct setting table[SETTING_COUNT] = {
#define SETTING_ROW(id, key, type, dflt, label, help)                                              \
    [SETTING_##id] = {key, type, dflt, label, help},
    SETTINGS_LIST(SETTING_ROW)
#undef SETTING_ROW
};

const char *const setting_columns_values[SETTING_COLUMNS_COUNT] = {"auto", "1", "2"};
const char *const setting_columns_labels[SETTING_COLUMNS_COUNT] = {
    N_("Automatic"), N_("One column"), N_("Two columns")};

const struct setting *setting_info(enum setting_id id)
{
    return &table[id];
}

const char *setting_check(enum setting_id id, const char *text)
{
    char *end;
    switch (table[id].type) {
    case SETTING_PHONE:
        return phone_check_any(text);
    case SETTING_HOURS: {
        struct workcal c;
        workcal_init(&c);
        int set = workcal_set_hours(&c, text);
        workcal_free(&c);
        return set == 0    ? NULL
               : set == -2 ? _("The day ends before it starts: write the hours as 09:00-17:00")
                           : _("Write the hours as 09:00-17:00");
    }
    case SETTING_FRACTION: {
        double w = strtod(text, &end);
        return *text && !*end && w >= 0 && w <= 1 ? NULL : _("A number from 0 to 1, such as 0.8");
    }
    case SETTING_WHOLE: {
        long n = strtol(text, &end, 10);
        return *text && !*end && n >= 0 && n <= 10000
                   ? NULL
                   : _("A whole number from 0 to 10000, such as 5");
    }
    case SETTING_MS: {
        /* 0 would leave no time to press the digit: Esc 1 would never be F1. */
        long n = strtol(text, &end, 10);
        return *text && !*end && n >= 200 && n <= 5000
                   ? NULL
                   : _("Milliseconds from 200 to 5000, such as 1000");
    }
    case SETTING_QUEUE:
        return request_queue_parse(text) >= 0 ? NULL : _("Not one of the queues");
    case SETTING_FOLDER:
        return folder_check(text);
    case SETTING_COLUMNS:
        for (int i = 0; i < SETTING_COLUMNS_COUNT; i++)
            if (str_eq(text, setting_columns_values[i])) return NULL;
        return _("Not auto, 1 or 2");
    default:
        return validate_line(text);
    }
}

double setting_number(enum setting_id id, const char *text)
{
    const char *v = text && !setting_check(id, text) ? text : table[id].dflt;
    return strtod(v, NULL);
}

const char *settings_value(const struct settings *s, enum setting_id id)
{
    const char *v = s->value[id];
    return v && *v ? v : table[id].dflt;
}

static const struct field_desc settings_fields[] = {
    FIELD_OF(struct settings, version, FIELD_INT64, NULL, FIELD_KEY, NULL),
#define SETTING_FIELD(id, key, type, dflt, label, help)                                            \
    {key, FIELD_TEXT, offsetof(struct settings, value[SETTING_##id]), label, 0, NULL},
    SETTINGS_LIST(SETTING_FIELD)
#undef SETTING_FIELD
        FIELD_OF(struct settings, updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    FIELD_OF(struct settings, updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};

const struct record_type settings_record = {.name = "settings",
                                            .size = sizeof(struct settings),
                                            .fields = settings_fields,
                                            .nfields = ARRAY_LEN(settings_fields)};
