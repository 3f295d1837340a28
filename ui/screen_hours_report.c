/*
** screen_hours_report: see screen_hours_report.h.
*/
#include "ui/screen_hours_report.h"
#include "app/hours_report.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/util.h"
#include "src/volunteer.h"
#include "ui/dialog.h"
#include "ui/list_screen.h"
#include "ui/screens.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Show the table on a text screen, or write it to a file the clerk names. */
static void table_out(const struct hours_table *t, const char *file)
{
    const char *const ways[] = {_("Show it"), _("Save as Excel (.xlsx) or CSV")};
    int way = dialog_options(t->title, _("The report is ready."), ways, 2);
    if (way == 0) {
        char *text = hours_table_text(t);
        struct screen *s = screen_text_new(t->title);
        screen_text_add(s, NULL, text);
        free(text);
        ui_push(s);
    } else if (way == 1) {
        char *path = NULL, *err = NULL;
        if (!ui_ask_export(_("Save the report"), _("File (.xlsx, or .csv)"), file, 1, &path))
            return;
        if (hours_table_write(t, path, sheet_format_for(path), CODEC_UTF8, &err) == 0)
            ui_message(UI_MSG_INFO, _("Saved: %s"), path);
        else
            ui_message(UI_MSG_ERROR, "%s", err);
        free(err);
        free(path);
    }
}

/* The days a volunteer's report asks for must be days, the second not before the first. */
static char *volunteer_check(void *ctx, char *const *values, int *field)
{
    (void)ctx;
    struct date d;
    for (int i = 1; i < 3; i++)
        if (date_parse(values[i], &d) != DATE_OK) {
            *field = i;
            return xasprintf(_("\"%s\" is not a date"), values[i]);
        }
    char *number = values[0];
    char canon[VOLUNTEER_NUMBER_LEN + 1];
    const char *why = volunteer_number_parse(number, canon, NULL, NULL);
    if (why) {
        *field = 0;
        return xstrdup(why);
    }
    return NULL;
}

/* F9 1: a volunteer's service hours over a period, the selected volunteer offered. */
void hours_report_volunteer_run(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    char today[11], first[11];
    clock_today(today);
    snprintf(first, sizeof first, "%.4s-01-01", today);
    const struct volunteer *v = ls->tab == 0 && ls->rows.n ? list_screen_selected(ls) : NULL;
    char *values[3] = {xstrdup(v ? v->number : ""), xstrdup(first), xstrdup(today)};
    const char *const prompts[] = {_("Volunteer number"), _("From (date)"), _("To (date)")};
    if (dialog_inputs(_("A volunteer's service hours"), prompts, values, 3, 20, volunteer_check,
                      NULL)) {
        struct date a, b;
        char from[11], to[11];
        date_parse(values[1], &a);
        date_parse(values[2], &b);
        date_format(&a, from);
        date_format(&b, to);
        struct hours_table t;
        char *err = NULL;
        if (strcmp(to, from) < 0) {
            ui_message(UI_MSG_ERROR, "%s",
                       _("The second date is before the first: the period would be empty"));
        } else if (hours_report_volunteer(ui.db, values[0], from, to, today, &t, &err) == DB_OK) {
            char *file = xasprintf("时长明细-%s.xlsx", values[0]);
            table_out(&t, file);
            free(file);
            hours_table_free(&t);
        } else {
            ui_message(UI_MSG_ERROR, "%s", err);
        }
        free(err);
    }
    for (int i = 0; i < 3; i++)
        free(values[i]);
}

/* F9 2 and 3: the teams' or the categories' hours of a month or a year. */
void hours_report_sums_run(struct screen *s, const struct command *c)
{
    (void)s;
    char today[11], *typed = NULL;
    clock_today(today);
    char month[8];
    snprintf(month, sizeof month, "%.7s", today);
    const char *title = c->arg ? _("Service hours by category") : _("Service hours by team");
    if (!dialog_input(title, _("Month (2026-03) or year (2026)"), month, 10, &typed)) return;
    struct hours_period p;
    if (hours_period_parse(typed, &p) != 0) {
        ui_message(UI_MSG_ERROR, _("\"%s\" is neither a month (2026-03) nor a year (2026)"), typed);
        free(typed);
        return;
    }
    free(typed);
    struct hours_table t;
    char *err = NULL;
    int rc = c->arg ? hours_report_categories(ui.db, p.from, p.to, p.name, today, &t, &err)
                    : hours_report_teams(ui.db, p.from, p.to, p.name, today, &t, &err);
    if (rc == DB_OK) {
        char *file = xasprintf("%s-%s.xlsx", c->arg ? "服务类别时长" : "服务队时长", p.name);
        table_out(&t, file);
        free(file);
        hours_table_free(&t);
    } else {
        ui_message(UI_MSG_ERROR, "%s", err);
    }
    free(err);
}
