/*
** hours_report: see hours_report.h.
*/
#include "app/hours_report.h"
#include "db/hours_report_store.h"
#include "db/hours_store.h"
#include "db/star_store.h"
#include "db/volunteer_store.h"
#include "src/date.h"
#include "src/hours.h"
#include "src/hours_sums.h"
#include "src/i18n.h"
#include "src/star.h"
#include "src/text.h"
#include "src/util.h"
#include "src/volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hours_table_free(struct hours_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->title);
    free(t->note);
    memset(t, 0, sizeof *t);
}

/* Append a row of t->ncols cells, each copied (NULL: ""). */
static void row_add(struct hours_table *t, const char *const *cells)
{
    t->cells = xrealloc(t->cells, (t->nrows + 1) * t->ncols * sizeof *t->cells);
    for (size_t i = 0; i < t->ncols; i++)
        t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
    t->nrows++;
}

static char *count_text(int64_t n, char *buf)
{
    snprintf(buf, 24, "%lld", (long long)n);
    return buf;
}

/* --- a volunteer's detail ------------------------------------------------------------------- */

static const char *const detail_head[] = {N_("Day served"), N_("Activity"), N_("Time"),
                                          N_("Min."),       N_("Hours"),    N_("Confirmed by"),
                                          N_("Late")};
static const int detail_width[] = {10, 19, 11, 5, 5, 10, 10};

struct detail {
    struct hours_table *t;
    char year[5];
    int64_t year_minutes, minutes;
};

static void year_total(struct detail *d)
{
    if (!d->year[0]) return;
    char label[48], min[24], hours[24];
    snprintf(label, sizeof label, _("%s total"), d->year);
    const char *cells[] = {
        label, "", "", count_text(d->year_minutes, min), hours_format(d->year_minutes, hours),
        "",    ""};
    row_add(d->t, cells);
}

static void detail_line(void *ctx, const struct hours_report_line *l)
{
    struct detail *d = ctx;
    if (strncmp(d->year, l->day, 4) != 0) {
        year_total(d);
        snprintf(d->year, sizeof d->year, "%.4s", l->day);
        d->year_minutes = 0;
    }
    d->year_minutes += l->minutes;
    d->minutes += l->minutes;
    char when[16], min[24], hours[24];
    snprintf(when, sizeof when, "%s-%s", l->sign_in, l->sign_out);
    const char *cells[] = {l->day,
                           l->activity,
                           when,
                           count_text(l->minutes, min),
                           hours_format(l->minutes, hours),
                           l->confirmed_by,
                           l->late_reason};
    row_add(d->t, cells);
}

int hours_report_volunteer(struct db *db, const char *number, const char *from, const char *to,
                           const char *today, struct hours_table *t, char **err)
{
    memset(t, 0, sizeof *t);
    *err = NULL;
    struct volunteer v;
    char canon[VOLUNTEER_NUMBER_LEN + 1];
    const char *why = volunteer_number_parse(number, canon, NULL, NULL);
    int rc = why ? DB_NOTFOUND : volunteer_get_by_number(db, canon, &v);
    if (rc == DB_NOTFOUND) {
        *err = xasprintf(_("no volunteer has the number %s"), number);
        return rc;
    }
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        return rc;
    }
    *t = (struct hours_table){.ncols = ARRAY_LEN(detail_head),
                              .head = detail_head,
                              .width = detail_width,
                              .right = 1u << 3 | 1u << 4};
    t->title =
        xasprintf(_("Service hours of volunteer %s %s, %s to %s"), v.number, v.name, from, to);
    struct detail d = {t, "", 0, 0};
    int64_t pending = 0, ever = 0;
    rc = hours_report_volunteer_lines(db, v.id, from, to, today, detail_line, &d, &pending);
    if (rc == DB_OK) rc = hours_totals_of(db, v.id, &ever, NULL);
    record_free(&volunteer_record, &v);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        hours_table_free(t);
        return rc;
    }
    year_total(&d);
    char min[24], hours[24], held[24], all[24];
    const char *cells[] = {_("Total of the period"),       "", "", count_text(d.minutes, min),
                           hours_format(d.minutes, hours), "", ""};
    row_add(t, cells);
    /* The period's total is not the volunteer's: the one a certificate gives is said beside it. */
    t->note = xasprintf(_("Counted hours only: confirmed and past their notice period on %s; "
                          "%s hours of the period do not count yet; %s hours counted in all, "
                          "every period."),
                        today, hours_format(pending, held), hours_format(ever, all));
    return DB_OK;
}

/* --- teams and categories ------------------------------------------------------------------- */

static const char *const team_head[] = {N_("Team"), N_("Activities"), N_("Times served"),
                                        N_("Volunteers"), N_("Hours")};
static const char *const category_head[] = {N_("Category"), N_("Activities"), N_("Times served"),
                                            N_("Volunteers"), N_("Hours")};
static const int sum_width[] = {32, 10, 10, 10, 10};

struct sums {
    struct hours_table *t;
    struct hours_sums *groups;
    struct hours_sums *all; /* every record under group 0: each volunteer counted once */
    int64_t activities, times, minutes;
};

static void sum_record(void *ctx, const struct hours_report_record *r)
{
    struct sums *x = ctx;
    hours_sums_add(x->groups, r->group, r->activity, r->volunteer, r->minutes);
    hours_sums_add(x->all, 0, r->activity, r->volunteer, r->minutes);
}

/* A row for group id named name, when it has counted records. */
static void sum_row(void *ctx, int64_t id, const char *name)
{
    struct sums *x = ctx;
    struct hours_sum s;
    if (!hours_sums_get(x->groups, id, &s)) return;
    char a[24], n[24], p[24], h[24];
    const char *cells[] = {*name ? name : _("(no category)"), count_text(s.activities, a),
                           count_text(s.times, n), count_text(s.volunteers, p),
                           hours_format(s.minutes, h)};
    row_add(x->t, cells);
    x->activities += s.activities;
    x->times += s.times;
    x->minutes += s.minutes;
}

static int sums_report(struct db *db, int by_team, const char *from, const char *to,
                       const char *period, const char *today, struct hours_table *t, char **err)
{
    memset(t, 0, sizeof *t);
    *err = NULL;
    *t = (struct hours_table){.ncols = ARRAY_LEN(team_head),
                              .head = by_team ? team_head : category_head,
                              .width = sum_width,
                              .right = 0x1eu};
    t->title = by_team ? xasprintf(_("Service hours by team, %s"), period)
                       : xasprintf(_("Service hours by category, %s"), period);
    enum hours_group by = by_team ? HOURS_BY_TEAM : HOURS_BY_CATEGORY;
    struct sums x = {t, hours_sums_new(), hours_sums_new(), 0, 0, 0};
    int rc = hours_report_records_each(db, by, from, to, today, sum_record, &x);
    if (rc == DB_OK) rc = hours_report_groups_each(db, by, sum_row, &x);
    /* Activities of no category come last (a team's are all named). */
    if (rc == DB_OK && !by_team) sum_row(&x, 0, "");
    struct hours_sum all;
    hours_sums_get(x.all, 0, &all);
    hours_sums_free(x.groups);
    hours_sums_free(x.all);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        hours_table_free(t);
        return rc;
    }
    char a[24], n[24], p[24], h[24];
    const char *cells[] = {_("Total"), count_text(x.activities, a), count_text(x.times, n),
                           count_text(all.volunteers, p), hours_format(x.minutes, h)};
    row_add(t, cells);
    t->note = xasprintf(_("Counted hours only: confirmed and past their notice period on %s. "
                          "Times served: one volunteer at one activity on one day counts once "
                          "per pair. %s"),
                        today,
                        by_team ? _("A volunteer of several teams counts once in the total.")
                                : _("A volunteer of several categories counts once in the total."));
    return DB_OK;
}

int hours_report_teams(struct db *db, const char *from, const char *to, const char *period,
                       const char *today, struct hours_table *t, char **err)
{
    return sums_report(db, 1, from, to, period, today, t, err);
}

int hours_report_categories(struct db *db, const char *from, const char *to, const char *period,
                            const char *today, struct hours_table *t, char **err)
{
    return sums_report(db, 0, from, to, period, today, t, err);
}

/* --- stars due ------------------------------------------------------------------------------ */

static const char *const due_head[] = {N_("Volunteer number"), N_("Full name"), N_("Counted hours"),
                                       N_("Star level"), N_("Hours it takes")};
static const int due_width[] = {12, 14, 12, 12, 12};

int hours_report_stars_due(struct db *db, const char *today, struct hours_table *t, char **err)
{
    memset(t, 0, sizeof *t);
    *err = NULL;
    struct star_due *due;
    size_t n;
    int rc = stars_due(db, today, &due, &n);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        return rc;
    }
    *t = (struct hours_table){.ncols = ARRAY_LEN(due_head),
                              .head = due_head,
                              .width = due_width,
                              .right = 1u << 2 | 1u << 4};
    t->title = xasprintf(_("Stars due on %s"), today);
    for (size_t i = 0; i < n; i++) {
        char h[24], need[24];
        const char *cells[] = {due[i].number, due[i].name, hours_format(due[i].minutes, h),
                               due[i].level_name, count_text(due[i].level_hours, need)};
        row_add(t, cells);
    }
    record_array_free(&star_due_record, due, n);
    t->note = xasprintf(_("%zu volunteers whose counted hours (confirmed, notice over on %s) "
                          "reach a star level they do not hold yet."),
                        n, today);
    return DB_OK;
}

int hours_period_parse(const char *text, struct hours_period *p)
{
    memset(p, 0, sizeof *p);
    char *t = text_normalize(text ? text : "", TEXT_NORM_NOSPACE);
    int y = 0, m = 0, used = 0;
    int ok = sscanf(t, "%4d-%2d%n", &y, &m, &used) == 2 && !t[used] && m >= 1;
    if (!ok) {
        m = 0;
        ok = sscanf(t, "%4d%n", &y, &used) == 1 && !t[used] && strlen(t) == 4;
    }
    free(t);
    if (!ok || y < 1900 || y > 2999 || m < 0 || m > 12) return -1;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    p->year = m == 0;
    if (p->year) {
        snprintf(p->name, sizeof p->name, "%04d", y);
        snprintf(p->from, sizeof p->from, "%04d-01-01", y);
        snprintf(p->to, sizeof p->to, "%04d-12-31", y);
    } else {
        snprintf(p->name, sizeof p->name, "%04d-%02d", y, m);
        snprintf(p->from, sizeof p->from, "%04d-%02d-01", y, m);
        snprintf(p->to, sizeof p->to, "%04d-%02d-%02d", y, m,
                 mdays[m - 1] + (m == 2 && date_valid(y, 2, 29)));
    }
    return 0;
}

/* --- out ------------------------------------------------------------------------------------ */

static void text_row(struct strbuf *sb, const struct hours_table *t, const char *const *cells)
{
    for (size_t i = 0; i < t->ncols; i++) {
        char *fitted = text_fit_dup(cells[i], t->width[i],
                                    TEXT_FIT_ELLIPSIS | (t->right >> i & 1u ? TEXT_FIT_RIGHT : 0));
        strbuf_addf(sb, "%s%s", fitted, i + 1 < t->ncols ? " " : "\n");
        free(fitted);
    }
}

char *hours_table_text(const struct hours_table *t)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s\n%s\n", t->title, t->note);
    const char *head[16];
    for (size_t i = 0; i < t->ncols && i < ARRAY_LEN(head); i++)
        head[i] = _(t->head[i]);
    text_row(&sb, t, head);
    for (size_t r = 0; r < t->nrows; r++)
        text_row(&sb, t, (const char *const *)&t->cells[r * t->ncols]);
    return strbuf_detach(&sb);
}

int hours_table_write(const struct hours_table *t, const char *path, enum sheet_format format,
                      enum codec codec, char **err)
{
    struct sheet *sh;
    if (sheet_open(path, format, codec, _("Service hours"), &sh, err) != 0) return -1;
    const char *head[16] = {0};
    for (size_t i = 0; i < t->ncols && i < ARRAY_LEN(head); i++)
        head[i] = _(t->head[i]);
    const char *title[16], *note[16];
    unsigned flags[16] = {0};
    for (size_t i = 0; i < ARRAY_LEN(title); i++)
        title[i] = note[i] = "";
    title[0] = t->title;
    note[0] = t->note;
    size_t bad;
    int failed = sheet_row(sh, title, flags, t->ncols, &bad, err) ||
                 sheet_row(sh, note, flags, t->ncols, &bad, err) ||
                 sheet_row(sh, head, flags, t->ncols, &bad, err);
    for (size_t r = 0; r < t->nrows && !failed; r++)
        failed = sheet_row(sh, (const char *const *)&t->cells[r * t->ncols], flags, t->ncols, &bad,
                           err) != 0;
    if (failed) {
        sheet_abort(sh);
        return -1;
    }
    return sheet_close(sh, err);
}
