/*
** screen_catalogue: 服务清单, the reference data of the call platform in
** three tabs: the service items (found by Chinese, pinyin initials or
** code), the units that handle them, and the working-day calendar the
** deadlines run on (holidays and 调休 working days). F7 adds, Enter or F4
** edits, F8 retires or restores an item or a unit (a retired item keeps
** its requests' history) and removes a calendar day, F6 shows retired
** rows, F9 opens the settings (working hours among them).
*/
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/settings_store.h"
#include "src/roles.h"
#include "src/actor.h"
#include "src/catalogue.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/request.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum cat_tab { TAB_ITEMS, TAB_UNITS, TAB_CALENDAR, TAB_COUNT };

static unsigned retired_flags(const struct list_screen *ls)
{
    return ls->with_retired ? CATALOGUE_WITH_RETIRED : 0;
}

/* --- service items ------------------------------------------------------------------------- */

static int item_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct item_list l;
    int rc = item_list(ui.db, query, 0, retired_flags(ls), &l);
    out->items = l.items;
    out->n = l.n;
    return rc;
}

static const char *category_label(const char *code)
{
    const char *l = request_word_label(request_categories, code);
    return l ? _(l) : code;
}

static const char *item_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct service_item *it = row;
    switch (col) {
    case 0:
        return it->code;
    case 1:
        return it->name;
    case 2:
        return category_label(it->category);
    case 3:
        return it->unit_name;
    case 4: {
        char *a = catalogue_accept_text(it->accept_minutes);
        char *r = catalogue_resolve_text(it->resolve_amount, it->resolve_unit);
        snprintf(buf, LIST_CELL_MAX, "%s/%s", a, r);
        free(a);
        free(r);
        return buf;
    }
    default:
        return it->retired ? _("Retired") : "";
    }
}

static int item_retire_set(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return item_set_retired(ui.db, row, retire, actor_name(), current);
}

static const struct list_retire item_retiring = {
    .set = item_retire_set,
    .ask_note = N_("Its requests keep it; it can be restored."),
    .orphan = N_("Not restored: its unit is retired"),
};

/* --- units --------------------------------------------------------------------------------- */

static int unit_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct unit_list l;
    int rc = unit_list(ui.db, query, retired_flags(ls), &l);
    out->items = l.items;
    out->n = l.n;
    return rc;
}

static const char *unit_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct unit *u = row;
    switch (col) {
    case 0:
        return u->code;
    case 1:
        return u->name;
    case 2:
        return u->kind;
    case 3:
        return u->phone;
    case 4:
        snprintf(buf, LIST_CELL_MAX, "%lld", (long long)u->items);
        return buf;
    default:
        return u->retired ? _("Retired") : "";
    }
}

static int unit_retire_set(void *row, int retire, int64_t *blocking, void *current)
{
    return unit_set_retired(ui.db, row, retire, actor_name(), blocking, current);
}

static const struct list_retire unit_retiring = {
    .set = unit_retire_set,
    .blocked_by = N_("active service items"),
};

/* --- the calendar -------------------------------------------------------------------------- */

static int day_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct calendar_days d;
    char *prefix = text_normalize(query, TEXT_NORM_NOSPACE);
    int rc = calendar_list(ui.db, prefix, &d);
    free(prefix);
    out->items = d.v;
    out->n = d.n;
    return rc;
}

static const char *weekday_label(const char *day)
{
    static const char *const names[] = {N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"),
                                        N_("Thu"), N_("Fri"), N_("Sat")};
    struct date d;
    if (date_parse(day, &d) != DATE_OK) return "";
    int32_t n = workcal_day_number(d);
    return _(names[((n % 7) + 7 + 4) % 7]);
}

static const char *day_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct calendar_day *d = row;
    switch (col) {
    case 0:
        return d->day;
    case 1:
        return weekday_label(d->day);
    case 2:
        return d->working ? _("Workday") : _("Holiday");
    default:
        return d->name;
    }
}

/* F8 on the calendar: the day is removed (a day the calendar does not name follows the rule). */
static void day_remove(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct calendar_day *d = row;
    char *q = xasprintf(_("Remove %s (%s) from the calendar?"), d->day, d->name);
    int yes = dialog_confirm(_("Calendar"), q, 0);
    free(q);
    if (!yes) return;
    int rc = calendar_remove(ui.db, d, actor_name());
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, _("Removed from the calendar: %s"), d->day);
    } else if (rc == DB_CONFLICT) {
        ui_lost_race();
    } else {
        ui_db_failed(_("Not changed"), rc);
    }
}

/* After each reload: the working hours, kept in ctx for the tab row (read once, not per draw). */
static void catalogue_loaded(struct list_screen *ls)
{
    free(ls->ctx);
    ls->ctx = settings_get(ui.db, SETTING_WORK_HOURS);
}

/* The calendar's tab row also says the working hours the deadlines count in. */
static char *catalogue_tab_note(struct list_screen *ls)
{
    if (ls->tab != TAB_CALENDAR || !ls->ctx) return xstrdup(_("Tab: next list"));
    return xasprintf(_("Working hours %s; Tab: next list"), (const char *)ls->ctx);
}

/* The year after the last one the calendar holds days of (next year when it holds none). */
static int calendar_next_year(void)
{
    struct calendar_days d;
    int year = 0;
    if (calendar_list(ui.db, "", &d) == DB_OK && d.n) year = atoi(d.v[d.n - 1].day) + 1;
    calendar_days_free(&d);
    if (!year) {
        char today[20];
        clock_format(clock_now(), today);
        year = atoi(today) + 1;
    }
    return year;
}

/* Ask which year; 0 when cancelled or not a year (said). */
static int calendar_ask_year(void)
{
    char *initial = xasprintf("%d", calendar_next_year());
    char *text = NULL;
    int ok = dialog_input(_("A year's calendar"), _("Which year (its weekends become rest days)?"),
                          initial, 4, &text);
    free(initial);
    int year = ok ? atoi(text) : 0;
    if (ok && (year < 2000 || year > 2100)) {
        ui_message(UI_MSG_ERROR, _("%s is not a year such as 2027"), text);
        year = 0;
    }
    free(text);
    return year;
}

/* What the year's weekends filled as rest days are named. */
#define WEEKEND_NAME "周末"

/* A year's holidays and days worked pasted at once from the notice: room for all of them. */
#define CALENDAR_PASTE_MAX 2000

/*
** Whether recording from..to as working (name) does anything to the days
** recorded: NULL, with *replaced (caller frees) saying the days it changes
** that were recorded otherwise (a holiday typed again as a day worked), or
** why it is not recorded (a day worked asked of Monday-to-Friday days).
*/
static const char *range_effect(struct date from, struct date to, int working, const char *name,
                                char **replaced)
{
    struct calendar_days d;
    *replaced = NULL;
    if (calendar_list(ui.db, "", &d) != DB_OK) return NULL; /* the save says what fails */
    long first;
    int idle;
    size_t n =
        workcal_range_replaces(d.v, d.n, from, to, working, name, WEEKEND_NAME, &first, &idle);
    if (n) {
        const struct calendar_day *was = &d.v[first];
        const char *kind = was->working ? _("Workday") : _("Holiday");
        char *what = *was->name ? xasprintf("%s %s", kind, was->name) : xstrdup(kind);
        *replaced = xasprintf(ngettext("It changes %zu day recorded otherwise (%s was %s).",
                                       "It changes %zu days recorded otherwise (the first, %s, "
                                       "was %s).",
                                       n),
                              n, was->day, what);
        free(what);
    }
    calendar_days_free(&d);
    return idle ? _("those are Monday to Friday, working days already: 班 is for a weekend "
                    "day worked")
                : NULL;
}

/*
** Record one line typed or pasted into year's calendar. Returns 1 with
** *said what was recorded, or 0 with *said why not (nothing written).
** Caller frees *said.
*/
static int calendar_line_record(int year, const char *line, char **said)
{
    struct date from, to;
    int working;
    char *name;
    const char *why = workcal_parse_range(line, &from, &to, &working, &name);
    if (!why && from.year != year && to.year != year) { /* one crossing New Year will do */
        free(name);
        why = _("the days are of another year: this enters one year's calendar at a time");
    }
    char *replaced = NULL;
    if (!why && (why = range_effect(from, to, working, name, &replaced)) != NULL) free(name);
    if (why) {
        *said = xasprintf(_("Not recorded: %s"), why);
        return 0;
    }
    int rc = calendar_set_range(ui.db, from, to, working, name, actor_name());
    int days = workcal_day_number(to) - workcal_day_number(from) + 1;
    char a[11], b[11];
    const char *kind = working ? _("Workday") : _("Holiday");
    char *what = *name ? xasprintf("%s %s", kind, name) : xstrdup(kind); /* 放假 国庆节 */
    *said = rc == DB_OK ? xasprintf(ngettext("Recorded %s..%s %s (%d day).",
                                             "Recorded %s..%s %s (%d days).", days),
                                    date_format(&from, a), date_format(&to, b), what, days)
                        : db_rc_text(ui.db, rc);
    if (rc == DB_OK && replaced) {
        char *both = xasprintf("%s\n%s", *said, replaced);
        free(*said);
        *said = both;
    }
    free(replaced);
    free(what);
    free(name);
    return rc == DB_OK;
}

/*
** Record each line of text (one typed, or a notice's lines pasted) into
** year's calendar. Returns what to say (caller frees); *kept gets the
** lines not recorded, to be mended (caller frees; NULL when none).
*/
static char *calendar_lines_record(int year, const char *text, char **kept)
{
    struct strbuf left = STRBUF_INIT;
    char *said = NULL, *first_refused = NULL;
    size_t recorded = 0, refused = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        char *piece = xstrndup(p, len);
        char *line = text_trim(piece);
        free(piece);
        p += len + (p[len] == '\n');
        if (!*line) {
            free(line);
            continue;
        }
        char *one;
        if (calendar_line_record(year, line, &one)) {
            recorded++;
        } else {
            refused++;
            strbuf_addf(&left, "%s%s", left.len ? "\n" : "", line);
            if (!first_refused) first_refused = xstrdup(one);
        }
        free(said);
        said = one;
        free(line);
    }
    *kept = left.len ? strbuf_detach(&left) : NULL;
    strbuf_free(&left);
    if (recorded + refused > 1) { /* lines pasted: how many went in, and the first refused */
        free(said);
        said = refused ? xasprintf(_("%zu lines recorded, %zu not (kept below to mend): %s"),
                                   recorded, refused, first_refused)
                       : xasprintf(_("%zu lines recorded."), recorded);
    }
    free(first_refused);
    return said ? said : xstrdup("");
}

/*
** F9 on the catalogue, "a year's calendar": the year's weekends recorded as
** rest days, then the State Council's holidays and 调休 working days typed
** a range a line (2027-10-01..2027-10-07 休 国庆节) until an empty line, or
** the notice's lines pasted at once. Each line is one transaction; a line
** that is not one is said and kept.
*/
static void calendar_year_command(struct screen *s, const struct command *c)
{
    (void)c;
    int year = calendar_ask_year();
    if (!year) return;
    size_t added;
    int rc = calendar_fill_weekends(ui.db, year, WEEKEND_NAME, actor_name(), &added);
    if (rc != DB_OK) {
        ui_db_failed(_("Not changed"), rc);
        return;
    }
    char *said = xasprintf(_("%d: %zu weekend days recorded as rest days."), year, added);
    char *typed = NULL;
    for (;;) {
        char *prompt = xasprintf(_("%s\nNext: a holiday or a day worked, such as\n"
                                   "%d-10-01..%d-10-07 休 国庆节   or   %d-10-09 班 国庆节调休\n"
                                   "(a notice's lines may be pasted at once; Enter on none ends)"),
                                 said, year, year, year);
        char *text = NULL;
        int ok =
            dialog_input_lines(_("A year's calendar"), prompt, typed, CALENDAR_PASTE_MAX, 3, &text);
        free(prompt);
        free(typed);
        typed = NULL;
        if (!ok || text_blank(text)) {
            free(text);
            break;
        }
        free(said);
        said = calendar_lines_record(year, text, &typed);
        free(text);
    }
    free(said);
    free(typed);
    struct list_screen *ls = (struct list_screen *)s;
    list_screen_set_tab(ls, TAB_CALENDAR);
    char shown[8];
    snprintf(shown, sizeof shown, "%d", year);
    lineedit_set(&ls->search, shown);
    list_screen_reload(ls);
}

static const struct command catalogue_menu[] = {
    {"import-catalogue", '1', N_("Import a service catalogue"),
     N_("Read a catalogue ledger: items with their units and time limits"), RIGHT_EDIT_CATALOGUE,
     import_command, 0, NULL},
    {"import-calendar", '2', N_("Import a working-day calendar"),
     N_("Read the holidays and 调休 working days of a year from a ledger"), RIGHT_EDIT_CATALOGUE,
     import_command, 0, NULL},
    {"settings", '3', N_("Settings"),
     N_("The centre's name and desk phone, working hours, how the rates are reckoned"),
     RIGHT_CONFIGURE, NULL, 0, screen_settings_new},
    {"calendar-year", '4', N_("Enter a year's calendar"),
     N_("A year's weekends as rest days, then its holidays and 调休 days typed a range a line"),
     RIGHT_EDIT_CATALOGUE, calendar_year_command, 0, NULL},
    {"synonyms", '5', N_("Synonyms"),
     N_("Words residents say for a service (供暖) and the catalogue's word (供热): searched alike"),
     0, NULL, 0, screen_synonyms_new},
    {"users", '6', N_("Users"),
     N_("Who signs in: logins, roles, units, system logins bound, passwords, locks"),
     RIGHT_MANAGE_USERS, NULL, 0, screen_users_new},
    {"password", '7', N_("Change my password"), N_("A new password for the user signed in"), 0,
     ui_password_own, 0, NULL},
    {"export-catalogue", '8', N_("Export the service catalogue"),
     N_("Write the service items to a file (.xlsx or CSV), in the columns the import reads"), 0,
     export_command, 0, NULL},
    {"export-calendar", '9', N_("Export the working-day calendar"),
     N_("Write the holidays and 调休 working days on record to a file, as the import reads them"),
     0, export_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab tabs[TAB_COUNT] = {
    [TAB_ITEMS] = {.label = N_("Service items"),
                   .type = &service_item_record,
                   /* Limits whole: 24小时/20个工作日; a category is four characters */
                   .cols = {{N_("Code"), 6, 0},
                            {N_("Name"), 0, 0},
                            {N_("Category"), 8, 0},
                            {N_("Unit"), 14, 0},
                            {N_("Limits"), 17, 0},
                            {N_("Status"), 6, LIST_COL_RETIRED}},
                   .ncols = 6,
                   .hint = N_("type Chinese, pinyin initials or a code"),
                   .flags = LIST_RETIRED,
                   .load = item_load,
                   .cell = item_cell,
                   .form = &item_form,

                   .retiring = &item_retiring},
    [TAB_UNITS] = {.label = N_("Units"),
                   .type = &unit_record,
                   .cols = {{N_("Code"), 6, 0},
                            {N_("Name"), 0, 0},
                            {N_("Kind"), 10, 0},
                            {N_("Phone"), 14, 0},
                            {N_("Items"), 6, TEXT_FIT_RIGHT},
                            {N_("Status"), 6, LIST_COL_RETIRED}},
                   .ncols = 6,
                   .hint = N_("type Chinese, pinyin initials or a code"),
                   .flags = LIST_RETIRED,
                   .load = unit_load,
                   .cell = unit_cell,
                   .form = &unit_form,

                   .retiring = &unit_retiring},
    [TAB_CALENDAR] = {.label = N_("Calendar"),
                      .type = &calendar_day_record,
                      .cols = {{N_("Date"), 10, 0},
                               {N_("Weekday"), 6, 0},
                               {N_("Day"), 8, 0},
                               {N_("Name"), 0, 0}},
                      .ncols = 4,
                      .hint = N_("a year or month, such as 2026 or 2026-10"),
                      .load = day_load,
                      .cell = day_cell,
                      .form = &day_form,

                      .retire = day_remove},
};

static const struct list_spec spec = {.title = N_("Service catalogue"),
                                      .tabs = tabs,
                                      .ntabs = TAB_COUNT,
                                      .menu = catalogue_menu,
                                      .tab_note = catalogue_tab_note,
                                      .loaded = catalogue_loaded,
                                      .free_ctx = free};

struct screen *screen_catalogue_new(void)
{
    return list_screen_new(&spec, TAB_ITEMS, NULL);
}
