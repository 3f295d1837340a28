/*
** screen_settings: what a centre sets once (src/settings.h): its name and
** the phone its receipts give, the working hours deadlines count in, and
** how the rates are reckoned. One field per declared setting, through the
** form kit: saved together, only what this desk changed.
*/
#include "db/settings_store.h"
#include "src/actor.h"
#include "src/folder.h"
#include "src/i18n.h"
#include "src/request.h"
#include "src/settings.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

#include <stdlib.h>

/* Each field's check: the setting's own (the form's checks take the text alone). */
#define SETTING_CHECK(id, key, type, dflt, label, help)                                            \
    static const char *check_##id(const char *text)                                                \
    {                                                                                              \
        return setting_check(SETTING_##id, text);                                                  \
    }
SETTINGS_LIST(SETTING_CHECK)
#undef SETTING_CHECK

static const form_check checks[SETTING_COUNT] = {
#define SETTING_CHECK_ROW(id, key, type, dflt, label, help) [SETTING_##id] = check_##id,
    SETTINGS_LIST(SETTING_CHECK_ROW)
#undef SETTING_CHECK_ROW
};

/* The queues a queue setting chooses among; a choice's id is the queue + 1. */
static int queue_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (int q = 0; q < QUEUE_COUNT; q++)
        choice_list_offer(out, query, q + 1, _(request_queue_label((enum request_queue)q)), "");
    return 0;
}

/* The values a columns setting chooses among; a choice's id is the value's index + 1. */
static int columns_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (int i = 0; i < SETTING_COLUMNS_COUNT; i++)
        choice_list_offer(out, query, i + 1, _(setting_columns_labels[i]), "");
    return 0;
}

/* The index of a columns setting's value (0, auto, when it is none of them). */
static int columns_index(const char *value)
{
    for (int i = 0; i < SETTING_COLUMNS_COUNT; i++)
        if (str_eq(value, setting_columns_values[i])) return i;
    return 0;
}

static void settings_build(struct form_screen *fs)
{
    const struct settings *s = fs->orig;
    for (int i = 0; i < SETTING_COUNT; i++) {
        const struct setting *info = setting_info((enum setting_id)i);
        const char *value = settings_value(s, (enum setting_id)i);
        int text = info->type == SETTING_TEXT, at;
        if (info->type == SETTING_QUEUE) {
            int q = request_queue_parse(value);
            at = form_add_choice(&fs->form, _(info->label), q + 1,
                                 q >= 0 ? _(request_queue_label((enum request_queue)q)) : "",
                                 queue_source, NULL, 0, 14);
        } else if (info->type == SETTING_COLUMNS) {
            int c = columns_index(value);
            at = form_add_choice(&fs->form, _(info->label), c + 1, _(setting_columns_labels[c]),
                                 columns_source, NULL, 0, 14);
        } else if (info->type == SETTING_FOLDER) {
            /* The folder itself, the default's too, so the clerk sees where files go. */
            char *folder = str_empty(value) ? folder_exports("") : xstrdup(value);
            at = form_add_text(&fs->form, _(info->label), folder, 255, 40, checks[i],
                               TEXT_NORM_PROSE);
            free(folder);
        } else {
            at = form_add_text(&fs->form, _(info->label), value, 60, text ? 30 : 14, checks[i],
                               text ? TEXT_NORM_PROSE : TEXT_NORM_NOSPACE);
        }
        form_bind(&fs->form, at, info->key);
        form_set_help(&fs->form, at, _(info->help));
    }
}

static int settings_read(struct form_screen *fs, void *rec)
{
    struct settings *s = rec;
    const struct settings *orig = fs->orig;
    for (int i = 0; i < SETTING_COUNT; i++) {
        enum setting_type type = setting_info((enum setting_id)i)->type;
        if (type == SETTING_FOLDER) {
            /* The default folder shown and left as it was: nothing is stored. */
            char *text = form_text(&fs->form, i), *dflt = folder_exports("");
            if (str_empty(orig->value[i]) && str_eq(text, dflt))
                record_set(&s->value[i], "");
            else
                record_take(&s->value[i], text), text = NULL;
            free(text);
            free(dflt);
            continue;
        }
        if (type == SETTING_COLUMNS) {
            int c = form_choice(&fs->form, i) - 1;
            const char *value = setting_columns_values[c >= 0 ? c : 0];
            if (!str_eq(value, settings_value(orig, (enum setting_id)i)))
                record_set(&s->value[i], value);
            continue;
        }
        if (type != SETTING_QUEUE) {
            record_take(&s->value[i], form_text(&fs->form, i));
            continue;
        }
        const char *code = request_queue_code((enum request_queue)(form_choice(&fs->form, i) - 1));
        /* The value shown was the default: left as it was, nothing is stored. */
        if (!str_eq(code, settings_value(orig, (enum setting_id)i))) record_set(&s->value[i], code);
    }
    return 0;
}

static int settings_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return settings_save(ui.db, rec, actor_name());
}

static int settings_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    (void)rec;
    return settings_load(ui.db, out);
}

static int settings_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    (void)rec;
    ui_message(UI_MSG_INFO, "%s", _("Settings saved"));
    ui_keys_apply();
    return UI_CLOSE;
}

static const struct form_spec settings_spec = {
    .type = &settings_record,
    .title_new = N_("Settings"),
    .title_edit = N_("Settings"),
    .intro = N_("The centre's settings: receipts, working hours, how the rates are reckoned."),
    .build = settings_build,
    .read = settings_read,
    .save = settings_store_save,
    .get = settings_store_get,
    .saved = settings_saved,
};

struct screen *screen_settings_new(void)
{
    struct settings s;
    settings_load(ui.db, &s);
    struct screen *screen = form_screen_new(&settings_spec, &s, NULL);
    record_free(&settings_record, &s);
    return screen;
}
