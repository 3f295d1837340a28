/*
** screen_stars: star levels (星级) and the stars due. The levels are a
** short table the coordinator edits (a name and the hours that earn it);
** the stars due list the volunteers whose counted hours reach a level
** they do not hold, and awards it, to one (Enter) or to all shown (F9),
** each award recorded and audited in one write transaction.
*/
#include "db/star_store.h"
#include "src/clock.h"
#include "src/actor.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/star.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>

/* --- the levels --------------------------------------------------------------------------------
 */

enum { L_NAME, L_HOURS };

static const char *check_hours(const char *text)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (!*text || *end || v < 1 || v > STAR_HOURS_MAX)
        return _("The hours of a star level are a whole number from 1 to 100000");
    return NULL;
}

static void level_build(struct form_screen *fs)
{
    const struct star_level *l = fs->orig;
    struct form *f = &fs->form;
    char hours[24] = "";
    if (l->hours) snprintf(hours, sizeof hours, "%lld", (long long)l->hours);
    form_add_text(f, _("Name"), l->name, STAR_NAME_MAX, 16, validate_required, TEXT_NORM_PROSE);
    form_add_text(f, _("Hours"), hours, 6, 8, check_hours, TEXT_NORM_NOSPACE);
    form_bind(f, L_NAME, "name");
    form_bind(f, L_HOURS, "hours");
}

static int level_form_read(struct form_screen *fs, void *rec)
{
    struct star_level *l = rec;
    record_take(&l->name, form_text(&fs->form, L_NAME));
    char *hours = form_text(&fs->form, L_HOURS);
    l->hours = strtol(hours, NULL, 10);
    free(hours);
    return 0;
}

static int level_form_save(struct form_screen *fs, void *rec)
{
    const char *why = NULL;
    int rc = star_level_save(ui.db, rec, actor_name(), &why);
    if (rc == DB_INVALID && why) form_set_message(&fs->form, L_NAME, why);
    return rc;
}

static int level_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return star_level_get(ui.db, ((const struct star_level *)rec)->id, out);
}

static const struct form_spec level_form = {
    .type = &star_level_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("New star level"),
    .title_edit = N_("Edit star level"),
    .build = level_build,
    .read = level_form_read,
    .save = level_form_save,
    .get = level_form_get,
};

static int level_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct star_level *levels;
    int rc = star_levels(ui.db, &levels, &out->n);
    out->items = levels;
    list_rows_keep(&star_level_record, out, query, "name", NULL);
    return rc;
}

static const char *level_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct star_level *l = row;
    if (col == 0) return l->name;
    snprintf(buf, LIST_CELL_MAX, "%lld", (long long)l->hours);
    return buf;
}

static const struct list_tab level_tab = {.type = &star_level_record,
                                          .cols = {{N_("Star level"), 12, 0}, {N_("Hours"), 0, 0}},
                                          .ncols = 2,
                                          .hint = N_("type Chinese or pinyin initials"),
                                          .empty_all = N_("No star levels. F7 adds one."),
                                          .load = level_load,
                                          .cell = level_cell,
                                          .form = &level_form,
                                          .rights = RIGHT_LOG_HOURS};

static const char *level_above(struct list_screen *ls)
{
    (void)ls;
    return _("A volunteer reaches the highest level whose hours the counted hours reach.");
}

static const struct list_spec levels_list = {
    .title = N_("Star levels"), .tabs = &level_tab, .ntabs = 1, .above = level_above};

struct screen *screen_star_levels_new(void)
{
    return list_screen_new(&levels_list, 0, NULL);
}

/* --- the stars due ------------------------------------------------------------------------------
 */

static int due_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    char today[11];
    struct star_due *due;
    int rc = stars_due(ui.db, clock_today(today), &due, &out->n);
    out->items = due;
    list_rows_keep(&star_due_record, out, query, "name", "number");
    return rc;
}

static const char *due_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct star_due *d = row;
    switch (col) {
    case 0:
        return d->number;
    case 1:
        return d->name;
    case 2:
        return hours_format(d->minutes, buf);
    default:
        return d->level_name;
    }
}

/* Award the n volunteers of ids; say what was done. */
static void award(const int64_t *ids, size_t n)
{
    char today[11];
    size_t done = 0;
    int rc = stars_award(ui.db, ids, n, clock_today(today), actor_name(), &done);
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("Stars awarded: %zu"), done);
    else
        ui_db_failed(_("No star awarded"), rc);
}

/* Enter: award the volunteer under the cursor their star, once asked. */
static void due_award_one(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct star_due *d = row;
    char hours[24];
    char *q = xasprintf(_("Award %s (%s) %s? Counted: %s hours."), d->name, d->number,
                        d->level_name, hours_format(d->minutes, hours));
    if (dialog_confirm(_("Award a star"), q, 1)) award(&d->volunteer_id, 1);
    free(q);
}

/* F9: award every volunteer the list shows their star. */
static void due_award_all(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    if (!ls->rows.n) {
        ui_message(UI_MSG_INFO, "%s", _("No stars are due"));
        return;
    }
    char *q = xasprintf(_("Award the %zu volunteers shown their stars?"), ls->rows.n);
    if (dialog_confirm(_("Award stars"), q, 0)) {
        int64_t *ids = xcalloc(ls->rows.n, sizeof *ids);
        for (size_t i = 0; i < ls->rows.n; i++)
            ids[i] = ((const struct star_due *)list_screen_row(ls, i))->volunteer_id;
        award(ids, ls->rows.n);
        free(ids);
    }
    free(q);
}

static const struct command due_menu[] = {
    {"stars-award-all", '1', N_("Award all shown"),
     N_("Every volunteer listed gets the star reached, in one step"), RIGHT_LOG_HOURS,
     due_award_all, 0, NULL},
    {"star-levels", '2', N_("Star levels"), N_("The hours each level takes"), 0, NULL, 0,
     screen_star_levels_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab due_tab = {.type = &star_due_record,
                                        .cols = {{N_("Volunteer number"), 11, 0},
                                                 {N_("Full name"), 10, 0},
                                                 {N_("Counted hours"), 10, 0},
                                                 {N_("Star level"), 0, 0}},
                                        .ncols = 4,
                                        .hint = N_("name, pinyin or volunteer number"),
                                        .empty = N_("Nobody found"),
                                        .empty_all = N_("No stars are due"),
                                        .load = due_load,
                                        .cell = due_cell,
                                        .open = due_award_one,
                                        .edit = due_award_one,
                                        .rights = RIGHT_LOG_HOURS};

static const char *due_footer(struct list_screen *ls)
{
    (void)ls;
    return _("Enter: award this star   F9: award all shown, star levels");
}

static const struct list_spec due_list = {
    .title = N_("Stars due"), .tabs = &due_tab, .ntabs = 1, .menu = due_menu, .footer = due_footer};

struct screen *screen_stars_due_new(void)
{
    return list_screen_new(&due_list, 0, NULL);
}
