/*
** screen_settings: what a centre sets once: its name and the phone its
** receipts give, the working hours deadlines count in, and how the rates
** are reckoned (the weight of 基本满意, the follow-ups a unit needs to be
** ranked). Saved together, in one transaction, in the database's facts.
*/
#include "db/calendar_store.h"
#include "db/db.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "src/workcal.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <stdio.h>
#include <stdlib.h>

enum { S_CENTRE, S_PHONE, S_HOURS, S_WEIGHT, S_MIN, S_COUNT };

/* The facts each field sets, and their values when none is set. */
static const struct {
    const char *key;
    const char *dflt;
} keys[S_COUNT] = {
    [S_CENTRE] = {"centre", ""},
    [S_PHONE] = {"desk_phone", ""},
    [S_HOURS] = {"work_hours", "09:00-17:00"},
    [S_WEIGHT] = {"basic_weight", "1"},
    [S_MIN] = {"rank_min", "5"},
};

struct settings_screen {
    struct screen base;
    struct form form;
};

static const enum action settings_bar[] = {ACT_SAVE, ACT_NONE};

static const char *check_hours(const char *text)
{
    struct workcal c;
    workcal_init(&c);
    int ok = workcal_set_hours(&c, text) == 0;
    workcal_free(&c);
    return ok ? NULL : _("Write the hours as 09:00-17:00");
}

static const char *check_weight(const char *text)
{
    char *end;
    double w = strtod(text, &end);
    return *text && !*end && w >= 0 && w <= 1 ? NULL : _("A number from 0 to 1, such as 0.8");
}

static const char *check_min(const char *text)
{
    char *end;
    long n = strtol(text, &end, 10);
    return *text && !*end && n >= 0 && n <= 10000 ? NULL : _("A whole number, such as 5");
}

static void settings_draw(struct screen *s, int top, int rows)
{
    struct settings_screen *ss = (struct settings_screen *)s;
    draw_text(top, 1, COLS - 2,
              _("The centre's settings: receipts, working hours, how the rates are reckoned."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    form_draw(&ss->form, top + 2, rows - 2, COLS, s);
}

static int settings_save(struct settings_screen *ss)
{
    if (form_check_all(&ss->form) >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    int rc = db_write_begin(ui.db);
    for (int i = 0; rc == DB_OK && i < S_COUNT; i++) {
        char *v = form_text(&ss->form, i);
        rc = db_meta_set(ui.db, keys[i].key, v);
        free(v);
    }
    if (rc == DB_OK)
        rc = db_commit(ui.db);
    else
        db_rollback(ui.db);
    if (rc != DB_OK) {
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), db_rc_message(rc));
        return UI_HANDLED;
    }
    ui_message(UI_MSG_INFO, "%s", _("Settings saved"));
    form_mark_clean(&ss->form);
    ui.generation++;
    return UI_CLOSE;
}

static int settings_key(struct screen *s, enum action a, const struct key *k)
{
    struct settings_screen *ss = (struct settings_screen *)s;
    int r = form_key(&ss->form, a, k);
    return r == FORM_SAVE ? settings_save(ss) : r;
}

static int settings_dirty(struct screen *s)
{
    return form_dirty(&((struct settings_screen *)s)->form);
}

static void settings_free(struct screen *s)
{
    struct settings_screen *ss = (struct settings_screen *)s;
    form_free(&ss->form);
    free(ss);
}

static const struct screen_ops settings_ops = {settings_draw, settings_key, settings_dirty,
                                               settings_free};

struct screen *screen_settings_new(void)
{
    static const char *const labels[S_COUNT] = {
        N_("Centre"),
        N_("Desk phone"),
        N_("Working hours"),
        N_("Weight of 基本满意"),
        N_("Follow-ups to rank"),
    };
    static const form_check checks[S_COUNT] = {validate_line, validate_line, check_hours,
                                               check_weight, check_min};
    struct settings_screen *ss = xcalloc(1, sizeof *ss);
    ss->base.ops = &settings_ops;
    ss->base.title = _("Settings");
    ss->base.bar = settings_bar;
    form_init(&ss->form);
    for (int i = 0; i < S_COUNT; i++) {
        char *v = db_meta_get(ui.db, keys[i].key);
        form_add_text(&ss->form, _(labels[i]), v ? v : keys[i].dflt, 60, i == S_CENTRE ? 30 : 14,
                      checks[i], i == S_CENTRE ? TEXT_NORM_PROSE : TEXT_NORM_NOSPACE);
        free(v);
    }
    return &ss->base;
}
