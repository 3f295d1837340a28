/*
** screen_home: 工作台, the first screen. It lists the sections that exist
** (and nothing that does not), with a digit or Up/Down + Enter to open one,
** what the database holds, and, where there is room, the last four weeks
** day by day as two small charts: requests taken down, and requests open
** past a deadline at each day's end.
*/
#include "app/checks.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "db/user_store.h"
#include "src/user.h"
#include "src/chart.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <stdlib.h>
#include <string.h>

#define HOME_DAYS 28

struct home {
    struct screen base;
    int sel;
    unsigned generation; /* of the counts shown */
    int loaded;
    int64_t counts[AREA_KIND_COUNT];
    int64_t residents;
    int64_t requests, open, overdue;
    int scoped; /* those counts are of the requests the user's role sees (a unit's), not all */
    int counts_ok, residents_ok, requests_ok; /* a count that failed is not shown */
    char *head;                               /* the heading: the centre, and whose home it is */
    char *calendar; /* the working-day calendar falls short of the deadlines ahead: why */
    time_t days[HOME_DAYS + 1]; /* the last four weeks' midnights, today's last, then tomorrow's */
    int64_t intake[HOME_DAYS], late[HOME_DAYS];
    int daily_ok;
    int opened; /* the screen a role starts on was pushed over it (a chief's worklist) */
};

/* 区域与楼宇 opens on its buildings, what a desk looks up most. */
static struct screen *open_areas(void)
{
    return screen_area_new(AREA_BUILDING);
}

/* The most sections the home screen holds. */
#define HOME_SECTIONS_MAX 16

/* The sections, in the order shown, each with its own key and the rights it asks (0: none). */
static const struct command sections[] = {
    {"residents", '1', N_("Residents"),
     N_("Find, register and edit residents; import and export ledgers"), RIGHT_RESIDENTS, NULL, 0,
     screen_resident_new},
    {"requests", '2', N_("Requests"),
     N_("Take requests down, dispatch, chase, follow up; the queues"), RIGHTS_REQUESTS, NULL, 0,
     screen_request_new},
    {"catalogue", '3', N_("Service catalogue"), N_("Service items, units, working-day calendar"), 0,
     NULL, 0, screen_catalogue_new},
    {"talks", '4', N_("Evening talks"),
     N_("Sessions and whether each matter raised has its answer"), RIGHT_RESIDENTS, NULL, 0,
     screen_talk_new},
    {"rates", '5', N_("Rates"), N_("Response, resolution and satisfaction rates per unit"), 0, NULL,
     0, screen_rates_new},
    {"areas", '6', N_("Areas and buildings"), N_("Streets, communities, grids and buildings"), 0,
     NULL, 0, open_areas},
    {"audit", '7', N_("Audit log"),
     N_("Who showed or exported numbers in full, imported, changed records; whether the log is "
        "untouched"),
     RIGHT_SEE_AUDIT, NULL, 0, screen_audit_new},
    {"volunteers", '8', N_("Volunteer service"),
     N_("The volunteer register and its teams: register, find, members"), RIGHT_LOG_HOURS, NULL, 0,
     screen_volunteer_new},
    {"worklist", '9', N_("Building chief's desk"),
     N_("A chief's buildings: their open requests, the overdue, those to tell back"),
     RIGHT_LOG_VISITS, NULL, 0, screen_worklist_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* A section's line as a role that plays another part in it reads it (the table's otherwise). */
static const struct {
    enum role_id role;
    const char *code, *help;
} section_help_for[] = {
    {ROLE_ID_UNIT_HANDLER, "requests",
     N_("Your unit's requests: sign for, call the requester, reply")},
    {ROLE_ID_BUILDING_CHIEF, "requests",
     N_("Your buildings' requests: take them down and follow them; the queues")},
};

/* The help line of section c for the role signed in (msgid). */
static const char *section_help(const struct command *c)
{
    for (size_t i = 0; i < ARRAY_LEN(section_help_for); i++)
        if (ui.role == roles_get(section_help_for[i].role) &&
            str_eq(c->code, section_help_for[i].code))
            return section_help_for[i].help;
    return c->help;
}

/* F5 counts again. */
static const enum action home_bar[] = {ACT_REFRESH, ACT_NONE};
/* Someone signed in has F9: the things of the person at the keyboard. */
static const enum action home_bar_user[] = {ACT_REFRESH, ACT_MENU, ACT_NONE};

/* 锁屏: cover the screen now. */
static void home_lock(struct screen *s, const struct command *c)
{
    (void)s;
    (void)c;
    ui_lock();
}

/* F9 on the home screen, for the user signed in. */
static const struct command home_menu[] = {
    {"lock", '1', N_("Lock the screen"),
     N_("Cover the screen at once (Ctrl+K anywhere does the same)"), 0, home_lock, 0, NULL},
    {"my-password", '2', N_("Change my password"), N_("A new password for the user signed in"), 0,
     ui_password_own, 0, NULL},
    /* An admin's, found here too (they are the service catalogue's F9 menu's as well). */
    {"users", '3', N_("Users"),
     N_("Who signs in: logins, roles, units, system logins bound, passwords, locks"),
     RIGHT_MANAGE_USERS, NULL, 0, screen_users_new},
    {"settings", '4', N_("Settings"),
     N_("The centre's name and desk phone, working hours, how the rates are reckoned"),
     RIGHT_CONFIGURE, NULL, 0, screen_settings_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* The midnights of the last HOME_DAYS days up to today, and tomorrow's, into days. */
static void days_set(time_t now, time_t *days)
{
    struct tm tm;
    localtime_r(&now, &tm);
    for (int i = 0; i <= HOME_DAYS; i++) {
        struct tm d;
        memset(&d, 0, sizeof d);
        d.tm_year = tm.tm_year;
        d.tm_mon = tm.tm_mon;
        d.tm_mday = tm.tm_mday - (HOME_DAYS - 1) + i; /* mktime carries it over the months */
        d.tm_isdst = -1;
        days[i] = mktime(&d);
    }
}

/*
** The residents on the register (在册: not moved out, deceased or merged
** into another record, as the residents list shows them), from the kept
** tally (a count of millions would cost each visit).
*/
static int home_residents(int64_t *n)
{
    struct resident_tally t;
    int rc = resident_tally_read(ui.db, &t);
    *n = t.n[RESIDENT_PRESENT];
    return rc;
}

/*
** The heading: the centre's front desk, or, signed in in another role,
** whose home it is (主管; a unit handler with their unit). Caller frees.
*/
static char *home_heading(void)
{
    const char *district = str_empty(ui.district) ? "" : ui.district;
    if (!ui.role || ui.role == roles_get(ROLE_ID_DESK))
        return xasprintf(_("%s Party and Masses Service Centre, front desk"), district);
    char *who = xstrdup(_(ui.role->name));
    struct user u;
    if (ui.role == roles_get(ROLE_ID_UNIT_HANDLER) && user_find(ui.db, ui.user, &u) == DB_OK) {
        if (!str_empty(u.unit_name)) {
            char *with = xasprintf(_("%s (%s)"), who, u.unit_name);
            free(who);
            who = with;
        }
        record_free(&user_record, &u);
    }
    char *head = xasprintf(_("%s Party and Masses Service Centre: %s"), district, who);
    free(who);
    return head;
}

static void home_load(struct home *h)
{
    free(h->head);
    h->head = home_heading();
    /* The register and the requests counted for those whose role sees them. */
    int residents = command_rights_held(RIGHT_RESIDENTS);
    int requests = command_rights_held(RIGHTS_REQUESTS);
    int rc[3] = {area_counts(ui.db, h->counts), residents ? home_residents(&h->residents) : DB_OK,
                 requests ? request_counts_of(ui.db, ui.user, &h->scoped, &h->requests, &h->open,
                                              &h->overdue, clock_now())
                          : DB_OK};
    h->counts_ok = rc[0] == DB_OK;
    h->residents_ok = residents && rc[1] == DB_OK;
    h->requests_ok = requests && rc[2] == DB_OK;
    for (size_t i = 0; i < ARRAY_LEN(rc); i++)
        if (rc[i] != DB_OK) ui_db_failed(_("The counts could not be read"), rc[i]);
    free(h->calendar);
    /* Said to those who set deadlines or keep the calendar, not to a unit or a chief. */
    h->calendar =
        command_rights_held(RIGHTS_ANY | RIGHT_DISPATCH | RIGHT_EDIT_CATALOGUE)
            ? calendar_shortfall(ui.db, clock_now(), command_rights_held(RIGHT_EDIT_CATALOGUE))
            : NULL;
    days_set(clock_now(), h->days);
    int rc_days = requests ? request_daily_counts(ui.db, ui.user, h->days, HOME_DAYS, clock_now(),
                                                  h->intake, h->late)
                           : DB_OK;
    h->daily_ok = requests && rc_days == DB_OK;
    if (rc_days != DB_OK) ui_db_failed(_("The counts could not be read"), rc_days);
    h->generation = db_generation(ui.db);
    h->loaded = 1;
}

static void home_sync(struct screen *s)
{
    struct home *h = (struct home *)s;
    if (!h->loaded || h->generation != db_generation(ui.db)) home_load(h);
    if (!h->opened) {
        /* A building chief starts on their worklist; Esc comes back here. */
        h->opened = 1;
        if (ui.role == roles_get(ROLE_ID_BUILDING_CHIEF)) ui_push(screen_worklist_new());
    }
}

/* One small chart at (y, x): its title, then a bar a day over two rows, then the first and last
 * days under it. Four rows. */
static void spark_draw(int y, int x, const char *title, const int64_t *counts, const time_t *days)
{
    double v[HOME_DAYS];
    int64_t max = 0;
    for (int i = 0; i < HOME_DAYS; i++) {
        v[i] = (double)counts[i];
        if (counts[i] > max) max = counts[i];
    }
    char *head = xasprintf(_("%s (a day at most %lld)"), title, (long long)max);
    draw_text(y, x, 34, head, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    free(head);
    char **rows = chart_spark(v, HOME_DAYS, HOME_DAYS, 2, CHART_BRAILLE);
    for (int r = 0; r < 2; r++)
        draw_text(y + 1 + r, x, HOME_DAYS, rows[r], term_attr(UI_INFO), 0);
    chart_rows_free(rows, 2);
    char first[8], last[8];
    struct tm a, b;
    localtime_r(&days[0], &a);
    localtime_r(&days[HOME_DAYS - 1], &b);
    snprintf(first, sizeof first, "%02d-%02d", (a.tm_mon + 1) % 100, a.tm_mday % 100);
    snprintf(last, sizeof last, "%02d-%02d", (b.tm_mon + 1) % 100, b.tm_mday % 100);
    draw_text(y + 3, x, 5, first, term_attr(UI_DIM), 0);
    draw_text(y + 3, x + HOME_DAYS - 5, 5, last, term_attr(UI_DIM), 0);
}

/* The same in one row, where there is no room for four: title, a bar a day, the most. */
static void spark_line(int y, const char *title, const int64_t *counts)
{
    double v[HOME_DAYS];
    int64_t max = 0;
    for (int i = 0; i < HOME_DAYS; i++) {
        v[i] = (double)counts[i];
        if (counts[i] > max) max = counts[i];
    }
    draw_text(y, 4, 26, title, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    char **rows = chart_spark(v, HOME_DAYS, HOME_DAYS, 1, CHART_BRAILLE);
    draw_text(y, 31, HOME_DAYS, rows[0], term_attr(UI_INFO), 0);
    chart_rows_free(rows, 1);
    draw_textf(y, 31 + HOME_DAYS + 2, COLS - 37 - HOME_DAYS, term_attr(UI_DIM),
               _("a day at most %lld"), (long long)max);
}

static void home_draw(struct screen *s, int top, int rows)
{
    struct home *h = (struct home *)s;
    int y = top + 1;
    draw_text(y, 2, COLS - 4, h->head ? h->head : "", A_BOLD, TEXT_FIT_ELLIPSIS);
    y += 2;
    /* The sections the user's role may open, each with its own key. */
    const struct command *offered[HOME_SECTIONS_MAX];
    int n = command_offered(sections, offered, HOME_SECTIONS_MAX);
    int step = n * 2 + 10 <= rows ? 2 : 1;
    for (int i = 0; i < n; i++, y += step) {
        attr_t a = i == h->sel ? term_attr(UI_SELECTED) : term_attr(UI_NORMAL);
        draw_fill(y, 2, COLS - 4, a);
        draw_textf(y, 2, 28, a, " %c  %s", offered[i]->key, _(offered[i]->label));
        draw_text(y, 32, COLS - 34, _(section_help(offered[i])), a, TEXT_FIT_ELLIPSIS);
    }
    y++;
    /* Residents and requests on one row, the requests red while any is overdue. */
    int x = 4;
    if (h->residents_ok) {
        char *people = xasprintf(_("Residents %lld"), (long long)h->residents);
        draw_text(y, x, COLS - 6, people, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
        x += text_width(people) + 4;
        free(people);
    }
    if (h->requests_ok && x < COLS - 6)
        draw_textf(y, x, COLS - 2 - x, h->overdue ? term_attr(UI_ERROR) : term_attr(UI_NORMAL),
                   h->scoped ? _("In your scope: requests %lld, open %lld, overdue %lld")
                             : _("Requests %lld, open %lld, overdue %lld"),
                   (long long)h->requests, (long long)h->open, (long long)h->overdue);
    y++;
    if (h->counts_ok)
        draw_textf(y++, 4, COLS - 6, term_attr(UI_NORMAL),
                   _("Streets %lld, communities %lld, grids %lld, buildings %lld"),
                   (long long)h->counts[AREA_STREET], (long long)h->counts[AREA_COMMUNITY],
                   (long long)h->counts[AREA_GRID], (long long)h->counts[AREA_BUILDING]);
    y++;
    /* What needs doing first: a longer menu (an admin's) leaves the rest out, never this. */
    if (h->calendar && y + 2 < top + rows - 2)
        y += draw_wrapped(y, 4, COLS - 6, 2, h->calendar, term_attr(UI_WARNING));
    if (ui.demo && y < top + rows - 2)
        draw_text(y++, 4, COLS - 6, _("This is a demo database: every name in it is made up."),
                  term_attr(UI_INFO), TEXT_FIT_ELLIPSIS);
    if (h->daily_ok && y + 4 <= top + rows - 2) {
        spark_draw(y, 4, _("Taken down, four weeks"), h->intake, h->days);
        spark_draw(y, 42, _("Overdue at each day's end"), h->late, h->days);
    } else if (h->daily_ok && y + 2 <= top + rows - 2) {
        spark_line(y, _("Taken down, four weeks"), h->intake);
        spark_line(y + 1, _("Overdue at each day's end"), h->late);
    }
    draw_textf(top + rows - 2, 4, COLS - 6, term_attr(UI_DIM), _("Database: %s"), db_path(ui.db));
    draw_text(top + rows - 1, 4, COLS - 6,
              _("Press the digit of a section, or Enter. F1 lists the keys, F10 quits."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int home_key(struct screen *s, enum action a, const struct key *k)
{
    struct home *h = (struct home *)s;
    const struct command *offered[HOME_SECTIONS_MAX];
    int n = command_offered(sections, offered, HOME_SECTIONS_MAX);
    if (h->sel >= n) h->sel = n ? n - 1 : 0;
    const struct command *c =
        a == ACT_NONE && !k->code && k->ch < 0x80 ? command_by_key(sections, (char)k->ch) : NULL;
    for (int i = 0; c && i < n; i++)
        if (offered[i] == c) h->sel = i;
    if (c) {
        command_do(s, c);
        return UI_HANDLED;
    }
    switch (a) {
    case ACT_ENTER:
        if (n) command_do(s, offered[h->sel]);
        return UI_HANDLED;
    case ACT_UP:
        if (h->sel > 0) h->sel--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (h->sel + 1 < n) h->sel++;
        return UI_HANDLED;
    case ACT_REFRESH:
        home_load(h);
        return UI_HANDLED;
    case ACT_MENU:
        if (ui.user) command_menu(s, s->title, home_menu);
        return UI_HANDLED;
    default:
        return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
    }
}

static void home_free(struct screen *s)
{
    free(((struct home *)s)->calendar);
    free(((struct home *)s)->head);
    free(s);
}

static const struct screen_ops home_ops = {
    .sync = home_sync, .draw = home_draw, .key = home_key, .free = home_free};

struct screen *screen_home_new(void)
{
    struct home *h = xcalloc(1, sizeof *h);
    h->base.ops = &home_ops;
    h->base.title = _("Home");
    h->base.bar = ui.user ? home_bar_user : home_bar;
    h->base.commands = sections;
    h->base.commands_direct = 1;
    return &h->base;
}
