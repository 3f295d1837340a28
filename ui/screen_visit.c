/*
** screen_visit: building chiefs' visits (走访). The list shows the visits
** to the buildings the user looks after (all of them, for a role that is
** no chief), newest first, with how many problems each took down; F7 logs
** a new one: where, when, how, who was met, what was talked of and found,
** and up to three problems, each its service item and words, which become
** requests in the same save and go to their units at once.
*/
#include "db/visit_store.h"
#include "app/visit_report.h"
#include "src/date.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/request.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the visit form ------------------------------------------------------------------------ */

/* What the form keeps: the building its organisation chooser looks in. */
struct visit_form {
    int64_t building_id;
    int org_dropped; /* the organisation went with a change of building and was not chosen since */
    const char *why; /* the store's reason for refusing, translated */
};

static const char *const item_fields[VISIT_PROBLEMS] = {"item1", "item2", "item3"};
static const char *const problem_fields[VISIT_PROBLEMS] = {"problem1", "problem2", "problem3"};
static const char *const problem_labels[VISIT_PROBLEMS] = {N_("Problem 1"), N_("Problem 2"),
                                                           N_("Problem 3")};
/* (A form keeps its labels: they are the static msgids' translations.) */
static const char *const item_labels[VISIT_PROBLEMS] = {
    N_("Problem 1: item"), N_("Problem 2: item"), N_("Problem 3: item")};

/*
** A building chosen: the organisation chooser looks in it, and the
** organisation chosen before, of the other building, goes, said at once
** (not found gone after the save).
*/
static void visit_chosen(struct form *f, int i, void *ctx)
{
    struct visit_form *vf = ((struct form_screen *)ctx)->ctx;
    int o = form_bound(f, "organisation_id");
    if (i == o) vf->org_dropped = 0;
    if (i != form_bound(f, "building_id")) return;
    int64_t b = form_choice(f, i);
    if (b != vf->building_id && form_choice(f, o)) {
        vf->org_dropped = 1;
        char *was = xstrdup(f->fields[o].choice_label);
        form_set_choice(f, o, 0, "");
        form_set_note(f, o, _("was of the other building: choose again"));
        ui_message(UI_MSG_INFO, _("The organisation is left empty: %s is not in %s"), was,
                   f->fields[i].choice_label);
        free(was);
    }
    vf->building_id = b;
}

static void visit_build(struct form_screen *fs)
{
    const struct visit *v = fs->orig;
    struct visit_form *vf = fs->ctx;
    struct form *f = &fs->form;
    if (v->building_id) vf->building_id = v->building_id;
    form_bind(f,
              form_add_choice(f, _("Building"), v->building_id, v->building, choices_buildings_mine,
                              NULL, 0, 24),
              "building_id");
    form_bind(f,
              form_add_choice(f, _("Organisation"), v->organisation_id, v->organisation,
                              choices_organisations, &vf->building_id, 1, 30),
              "organisation_id");
    form_bind(f,
              form_add_text(f, _("Visited on"), v->day, 12, 12, validate_date, TEXT_NORM_NOSPACE),
              "day");
    const char *way = v->way;
    int64_t way_id = 0;
    for (size_t k = 0; visit_ways[k].code; k++)
        if (str_eq(visit_ways[k].code, way)) way_id = (int64_t)k + 1;
    form_bind(f,
              form_add_choice(f, _("Way"), way_id, way_id ? _(visit_ways[way_id - 1].label) : "",
                              choices_words, (void *)(uintptr_t)visit_ways, 0, 10),
              "way");
    form_bind(f, form_add_text(f, _("Met"), v->met, 40, 24, validate_line, TEXT_NORM_PROSE), "met");
    int i = form_add_text(f, _("Talked of"), v->topics, 300, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 2);
    form_bind(f, i, "topics");
    i = form_add_text(f, _("Found"), v->findings, 300, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 2);
    form_bind(f, i, "findings");
    /* Problems are taken down with a new visit only: on file, they are requests of their own. */
    for (int k = 0; !v->id && k < VISIT_PROBLEMS; k++) {
        form_bind(f, form_add_choice(f, _(item_labels[k]), 0, "", choices_items, fs, 1, 30),
                  item_fields[k]);
        form_bind(f,
                  form_add_text(f, _(problem_labels[k]), "", REQUEST_TITLE_MAX, 40, NULL,
                                TEXT_NORM_PROSE),
                  problem_fields[k]);
    }
    /* Requests taken down on it name its day, building and organisation: said as they are tried. */
    static const char *const placed[] = {"building_id", "organisation_id", "day"};
    for (size_t k = 0; v->requests > 0 && k < ARRAY_LEN(placed); k++)
        form_lock(f, form_bound(f, placed[k]),
                  _("requests taken down on this visit name it: it stays"));
    form_on_choose(f, visit_chosen, fs);
}

static int visit_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct visit *v = rec;
    int b = form_bound(f, "building_id"), o = form_bound(f, "organisation_id");
    if (((struct visit_form *)fs->ctx)->org_dropped) {
        /* Not saved as visiting no organisation because the building changed. */
        form_set_message(f, o, _("was of the other building: choose again, or (none)"));
        return -1;
    }
    v->building_id = form_choice(f, b);
    record_set(&v->building, f->fields[b].choice_label);
    v->organisation_id = form_choice(f, o);
    record_set(&v->organisation, v->organisation_id ? f->fields[o].choice_label : "");
    record_take(&v->day, form_date(f, form_bound(f, "day")));
    int64_t way = form_choice(f, form_bound(f, "way"));
    record_set(&v->way, way > 0 ? visit_ways[way - 1].code : "");
    record_take(&v->met, form_text(f, form_bound(f, "met")));
    record_take(&v->topics, form_text(f, form_bound(f, "topics")));
    record_take(&v->findings, form_text(f, form_bound(f, "findings")));
    for (int k = 0; !v->id && k < VISIT_PROBLEMS; k++) {
        v->problem_item[k] = form_choice(f, form_bound(f, item_fields[k]));
        record_take(&v->problem[k], form_text(f, form_bound(f, problem_fields[k])));
    }
    const char *field;
    const char *why = visit_check(v, clock_now(), &field);
    if (why) {
        int at = str_eq(field, "building_id") ? b : form_bound(f, field);
        form_set_message(f, at >= 0 ? at : b, why);
        return -1;
    }
    return 0;
}

static int visit_store_save(struct form_screen *fs, void *rec)
{
    struct visit_form *vf = fs->ctx;
    return visit_save(ui.db, rec, actor_name(), clock_now(), &vf->why);
}

static int visit_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return visit_get(ui.db, ((const struct visit *)rec)->id, out);
}

/* Saved: said, with the requests its problems became. */
static int visit_saved(struct form_screen *fs, const void *rec)
{
    const struct visit *v = rec;
    char *numbers = visit_request_numbers(ui.db, v->id);
    if (*numbers && ((const struct visit *)fs->orig)->id)
        ui_message(UI_MSG_INFO, _("Visit to %s saved; the requests of it: %s"), v->building,
                   numbers);
    else if (*numbers)
        ui_message(UI_MSG_INFO, _("Visit to %s saved; requests taken down: %s"), v->building,
                   numbers);
    else
        ui_message(UI_MSG_INFO, _("Visit to %s saved"), v->building);
    free(numbers);
    return UI_CLOSE;
}

/* The store's own reason (another's building, a problem refused) in its words. */
static int visit_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    const char *why = ((struct visit_form *)fs->ctx)->why;
    if ((rc != DB_INVALID && rc != DB_DENIED) || !why) return -1;
    ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), why);
    return UI_HANDLED;
}

static char *visit_name(const void *rec)
{
    const struct visit *v = rec;
    return xasprintf("%s %s", v->day, v->building);
}

/* Logging visits is a chief's (and an admin's). */
#define VISIT_RIGHTS RIGHT_LOG_VISITS

static const struct form_spec visit_form_spec = {
    .type = &visit_record,
    .rights = VISIT_RIGHTS,
    .title_new = N_("Log a visit"),
    .title_edit = N_("Visit"),
    .intro_new = N_("Where, when and how; each problem with its service item becomes a request, "
                    "sent to its unit when saved (F2)."),
    .build = visit_build,
    .read = visit_read,
    .save = visit_store_save,
    .get = visit_store_get,
    .saved = visit_saved,
    .refused = visit_refused,
    .name = visit_name,
    .free_ctx = free,
};

struct screen *screen_visit_form_new(int64_t building_id, const char *building)
{
    return screen_visit_form_for(building_id, building, 0, "");
}

struct screen *screen_visit_form_for(int64_t building_id, const char *building,
                                     int64_t organisation_id, const char *organisation)
{
    struct visit v;
    record_init(&visit_record, &v);
    v.building_id = building_id;
    record_set(&v.building, building);
    v.organisation_id = organisation_id;
    record_set(&v.organisation, organisation);
    struct screen *s = form_screen_new(&visit_form_spec, &v, xcalloc(1, sizeof(struct visit_form)));
    record_free(&visit_record, &v);
    return s;
}

/* --- the list ------------------------------------------------------------------------------ */

#define VISITS_SHOWN 500

static int visits_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct visit *items;
    size_t n;
    int rc = visit_list(ui.db, query, 0, 0, actor_name(), VISITS_SHOWN, &items, &n);
    out->items = items;
    out->n = n;
    return rc;
}

enum { COL_DAY, COL_BUILDING, COL_ORGANISATION, COL_WAY, COL_MET, COL_REQUESTS };

static const char *visits_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct visit *v = row;
    switch (col) {
    case COL_DAY:
        return v->day;
    case COL_BUILDING:
        return v->building;
    case COL_ORGANISATION:
        return v->organisation;
    case COL_WAY:
        for (size_t k = 0; visit_ways[k].code; k++)
            if (str_eq(visit_ways[k].code, v->way)) return _(visit_ways[k].label);
        return v->way;
    case COL_MET:
        return v->met;
    default:
        snprintf(buf, LIST_CELL_MAX, "%lld", (long long)v->requests);
        return buf;
    }
}

static void visits_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(form_screen_new(&visit_form_spec, row, xcalloc(1, sizeof(struct visit_form))));
}

static void visits_create(struct list_screen *ls)
{
    (void)ls;
    ui_push(screen_visit_form_new(0, ""));
}

static const struct list_tab visits_tab = {
    .type = &visit_record,
    .cols = {{N_("Visited on"), 10, 0},
             {N_("Building"), 16, 0},
             {N_("Organisation"), 0, 0},
             {N_("Way"), 4, 0},
             {N_("Met"), 12, 0},
             {N_("Requests"), 4, TEXT_FIT_RIGHT}},
    .ncols = 6,
    .hint = N_("a building, an organisation, a day, who was met"),
    .empty_all = N_("No visits yet. F7 logs one."),
    .load = visits_load,
    .cell = visits_cell,
    .edit = visits_edit,
    .create = visits_create,
    .form = &visit_form_spec,
    .rights = VISIT_RIGHTS};

/* F9: 走访完成情况 of this month, each chief against the quota. */
static void visits_report(struct screen *s, const struct command *c)
{
    (void)s;
    (void)c;
    struct date today = date_of(clock_now());
    char month[16];
    snprintf(month, sizeof month, "%04d-%02d", today.year, today.month);
    char *text;
    int rc = visit_report(ui.db, month, actor_name(), &text);
    if (rc != DB_OK) {
        ui_db_failed(_("The report was not made"), rc);
        return;
    }
    struct screen *t = screen_text_new(_("Visits by building chiefs"));
    screen_text_add(t, NULL, text);
    free(text);
    ui_push(t);
}

static const struct command visits_menu[] = {
    {"visits-report", '1', N_("Visits by building chiefs"),
     N_("This month's visits of each building chief, against the monthly quota (走访完成情况)"), 0,
     visits_report, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec visits_spec = {
    .title = N_("Visits"), .tabs = &visits_tab, .ntabs = 1, .menu = visits_menu};

struct screen *screen_visits_new(void)
{
    return list_screen_new(&visits_spec, 0, NULL);
}
