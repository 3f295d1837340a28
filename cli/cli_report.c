/*
** cli_report: the verbs that print: a request's receipt (print receipt)
** and the rates of a period (report rates).
*/
#include "app/building_report.h"
#include "app/coverage.h"
#include "app/hours_report.h"
#include "app/rate_counts.h"
#include "app/visit_report.h"
#include "app/receipts.h"
#include "cli/verbs.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/codec.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/post.h"
#include "src/printer.h"
#include "src/roles.h"
#include "src/util.h"
#include "src/validate.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bangban print receipt NUMBER [--output FILE | --printer[=NAME]] */
int verb_print(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"printer", optional_argument, NULL, 'p'},
        {"force", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *printer = NULL;
    int to_printer = 0, force = 0, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'p')
            to_printer = 1, printer = optarg;
        else if (c == 'F')
            force = 1;
        else
            bad = 1;
    }
    if (bad || optind != argc - 2 || !str_eq(argv[optind], "receipt") || (output && to_printer) ||
        (force && !output))
        return verb_usage("print");
    if (output && !verb_output_free(output, force, 0)) return EXIT_ERROR; /* a receipt is text */
    const char *number = argv[optind + 1];
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_REQUESTS)) return EXIT_ERROR;
    struct request r;
    char full[16], today[11];
    /* As the lists take it: 2026-000123, 2026000123, 2025-218, or this year's 123. */
    if (request_number_read(number, atoi(clock_today(today)), full) != 0 ||
        request_get_by_number(db, full, &r) != DB_OK) {
        fprintf(stderr, _("bangban: no request numbered %s\n"), number);
        db_close(db);
        return EXIT_ERROR;
    }
    if (request_in_scope(db, r.id, actor_name()) != DB_OK) {
        fprintf(stderr, _("bangban: request %s is not your unit's or your buildings'\n"), number);
        request_free(&r);
        db_close(db);
        return EXIT_ERROR;
    }
    char *text = receipt_for(db, &r), *err = NULL, *job = NULL;
    int failed = 0;
    if (output)
        failed = printer_save(text, output, &err);
    else if (to_printer)
        failed = printer_print(text, printer, &job, &err);
    else
        verb_put(stdout, text);
    if (failed)
        verb_fail(err);
    else if (output)
        printf(_("%s: receipt %s written\n"), output, r.number);
    else if (to_printer && *job)
        printf(_("receipt %s sent to the printer, job %s\n"), r.number, job);
    else if (to_printer)
        printf(_("receipt %s sent to the printer\n"), r.number);
    free(job);
    free(err);
    free(text);
    request_free(&r);
    db_close(db);
    return failed ? EXIT_ERROR : EXIT_OK;
}

/* A date option as the local midnight it starts; -1 when it is not a date. */
static time_t date_option(const char *text)
{
    time_t t;
    return clock_day_parse(text, &t) == 0 ? t : -1;
}

/* What report rates was asked for. */
struct rates_ask {
    enum rate_group group;
    time_t from, to;
    double weight;
    long long min;
    int csv;
    int chart;        /* 0: the table; else 1 + enum chart_style */
    const char *name; /* --name: only this row's chart */
};

/* The rates of units, communities or streets over [from, to) as the report prints them. Returns an
 * exit status. */
static int rates_print(struct db *db, const struct rates_ask *ask)
{
    double weight = ask->weight >= 0 ? ask->weight : settings_get_number(db, SETTING_BASIC_WEIGHT);
    long long min = ask->min >= 0 ? ask->min : (long long)settings_get_number(db, SETTING_RANK_MIN);
    struct rate_counts *units, all;
    size_t n;
    int rc = rate_counts_gather(db, ask->group, ask->from, ask->to, &units, &n, &all);
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
        return EXIT_ERROR;
    }
    char *period = rates_period(ask->from, ask->to);
    char *text = rates_report(units, n, &all, ask->group, weight, (int)min, period, ask->csv);
    verb_put(stdout, text);
    free(text);
    free(period);
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&units[i]);
    free(units);
    rate_counts_free(&all);
    return EXIT_OK;
}

#define CHART_MONTHS        12
#define CHART_WIDTH         80
#define CHART_HEIGHT(style) ((style) == CHART_ASCII ? 6 : 4) /* ASCII has a step a row */

/* One chart of the series: its heading (name and span), its rows, a blank line. */
static void chart_put(const struct rate_series *s, const char *name, int64_t id, int district,
                      double weight, enum chart_style style)
{
    struct rate_counts months[CHART_MONTHS];
    rate_series_of(s, id, district, months);
    char *span = rates_month_span(s->starts, s->n);
    char *head =
        xasprintf(_("%s: requests taken down %s, month by month; under each name, the last "
                    "month's figure"),
                  name, span);
    char *rows =
        rates_chart(months, s->starts, s->n, weight, CHART_WIDTH, CHART_HEIGHT(style), style);
    printf("%s\n", head);
    verb_put(stdout, rows);
    printf("\n");
    free(rows);
    free(head);
    free(span);
}

/* The district's chart and each row's (or the one named) over the twelve months up to ask->to. */
static int rates_chart_print(struct db *db, const struct rates_ask *ask)
{
    double weight = ask->weight >= 0 ? ask->weight : settings_get_number(db, SETTING_BASIC_WEIGHT);
    struct rate_series s;
    int rc = rate_series_gather(db, ask->group, ask->to, CHART_MONTHS, &s);
    struct rate_counts *rows = NULL, all;
    size_t n = 0;
    if (rc == DB_OK) {
        rc = rate_counts_gather(db, ask->group, s.starts[0], s.starts[s.n], &rows, &n, &all);
        if (rc != DB_OK) rate_series_free(&s);
    }
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
        return EXIT_ERROR;
    }
    enum chart_style style = (enum chart_style)(ask->chart - 1);
    int found = 0;
    if (!ask->name) chart_put(&s, _("District"), 0, 1, weight, style);
    for (size_t i = 0; i < n; i++) {
        const char *name = *rows[i].unit_name ? rows[i].unit_name : _(rates_group_none(ask->group));
        if (ask->name && !str_eq(ask->name, name)) continue;
        if (rows[i].total == 0 && rows[i].routed == 0) continue;
        chart_put(&s, name, rows[i].unit_id, 0, weight, style);
        found = 1;
    }
    int status = EXIT_OK;
    if (ask->name && !found) {
        char *msg = xasprintf(_("--name %s: no %s of that name took requests in those months"),
                              ask->name, _(rates_group_label(ask->group)));
        verb_fail(msg);
        free(msg);
        status = EXIT_ERROR;
    }
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&rows[i]);
    free(rows);
    rate_counts_free(&all);
    rate_series_free(&s);
    return status;
}

static void coverage_put(void *ctx, const char *heading, const char *body)
{
    (void)ctx;
    char *text = xasprintf("%s\n", heading);
    verb_put(stdout, text);
    free(text);
    const char *line = body;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        text = xasprintf("  %.*s\n", (int)n, line);
        verb_put(stdout, text);
        free(text);
        line += n + (end ? 1 : 0);
    }
}

/* bangban report coverage [--on DATE] [--load N] */
static int coverage_report(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"on", required_argument, NULL, 'o'},
        {"load", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    const char *on = NULL;
    long long load = -1;
    int c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'o')
            on = optarg;
        else if (c == 'l')
            bad |= (load = verb_count(optarg)) < 0;
        else
            bad = 1;
    }
    if (bad || optind != argc - 1) return verb_usage("report");
    char day[11];
    struct date d = date_of(clock_now());
    if (on) {
        const char *why = validate_date(on);
        if (why) {
            char *msg = xasprintf("--on %s: %s", on, why);
            verb_fail(msg);
            free(msg);
            return EXIT_USAGE;
        }
        date_parse(on, &d);
    }
    date_format(&d, day);
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_STAFF)) return EXIT_ERROR; /* it names who holds each post */
    char *title = xasprintf(_("Coverage on %s"), day);
    printf("%s\n", title);
    free(title);
    int rc = coverage_sections(db, day, (int)(load > 10000 ? 10000 : load), coverage_put, NULL);
    if (rc != DB_OK) {
        verb_fail(db_rc_message(rc));
        status = EXIT_FAILURE;
    }
    db_close(db);
    return status;
}

/* bangban report posts [--from DATE] [--to DATE] [--kind POST] */
static int posts_report(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"kind", required_argument, NULL, 'k'},
        {NULL, 0, NULL, 0},
    };
    const char *dates[2] = {NULL, NULL};
    int kind = -1, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'f')
            dates[0] = optarg;
        else if (c == 't')
            dates[1] = optarg;
        else if (c == 'k' && (kind = post_kind_parse(optarg)) < 0)
            bad |= verb_option_bad("--kind", optarg,
                                   _("a post: 街长, 片长, 楼长, 楼宇指导员, 网格长 or 网格员"));
        else if (c != 'k')
            bad = 1;
    }
    if (bad || optind != argc - 1) return verb_usage("report");
    struct date today = date_of(clock_now()), d;
    char day[2][11];
    snprintf(day[0], sizeof day[0], "%04d-01-01", today.year);
    date_format(&today, day[1]);
    static const char *const names[2] = {"--from", "--to"};
    for (int i = 0; i < 2; i++) {
        if (!dates[i]) continue;
        const char *why = validate_date(dates[i]);
        if (why) {
            char *msg = xasprintf("%s %s: %s", names[i], dates[i], why);
            verb_fail(msg);
            free(msg);
            return EXIT_USAGE;
        }
        date_parse(dates[i], &d);
        date_format(&d, day[i]);
    }
    if (strcmp(day[1], day[0]) < 0) {
        verb_fail(_("--to is before --from: the period would be empty"));
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_STAFF)) return EXIT_ERROR; /* it names who held each post */
    char *title = xasprintf(_("Posts and hand-overs, %s to %s"), day[0], day[1]);
    printf("%s\n", title);
    free(title);
    int rc = posts_record_sections(db, day[0], day[1], kind, coverage_put, NULL);
    if (rc != DB_OK) {
        verb_fail(db_rc_message(rc));
        status = EXIT_FAILURE;
    }
    db_close(db);
    return status;
}

/* bangban report visits [--month YYYY-MM]: 走访完成情况 of the month (this one by default). */
static int report_visits(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"month", required_argument, NULL, 'm'},
        {NULL, 0, NULL, 0},
    };
    char month[16];
    struct date today = date_of(clock_now());
    snprintf(month, sizeof month, "%04d-%02d", today.year, today.month);
    int c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        struct date d;
        char *day = c == 'm' ? xasprintf("%s-01", optarg) : NULL;
        if (c == 'm' && date_parse(day, &d) == DATE_OK && strlen(optarg) == 7)
            snprintf(month, sizeof month, "%s", optarg);
        else if (c == 'm')
            bad |= verb_option_bad("--month", optarg, _("write a month as 2026-03"));
        else
            bad = 1;
        free(day);
    }
    if (bad || optind != argc - 1) return verb_usage("report");
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_STAFF)) return EXIT_ERROR; /* each chief's visits */
    char *text;
    int rc = visit_report(db, month, actor_name(), &text);
    if (rc == DB_OK)
        verb_put(stdout, text);
    else
        verb_fail(db_rc_message(rc));
    free(text);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/* Write l where asked: a sheet, the printed page to a file or the printer, or stdout. */
static int building_write(struct db *db, const struct building_ledger *l, const char *output,
                          int to_printer, const char *printer, enum codec codec)
{
    char *err = NULL, *job = NULL;
    int failed = 0;
    if (output && building_report_is_sheet(output)) {
        size_t rows;
        failed = building_report_export(l, output, codec, &rows, &err);
        if (!failed)
            printf(_("%s: 楼宇台账 of %s written, %zu organisations\n"), output, l->building.code,
                   rows);
    } else {
        char *text = receipt_building_for(db, l);
        if (output)
            failed = printer_save(text, output, &err);
        else if (to_printer)
            failed = printer_print(text, printer, &job, &err);
        else
            verb_put(stdout, text);
        free(text);
        if (!failed && output)
            printf(_("%s: 楼宇台账 of %s written\n"), output, l->building.code);
        else if (!failed && to_printer && *job)
            printf(_("楼宇台账 of %s sent to the printer, job %s\n"), l->building.code, job);
        else if (!failed && to_printer)
            printf(_("楼宇台账 of %s sent to the printer\n"), l->building.code);
    }
    if (failed) verb_fail(err);
    free(job);
    free(err);
    return failed ? EXIT_ERROR : EXIT_OK;
}

/* bangban report building CODE [--output FILE | --printer[=NAME]] [--encoding E]: 楼宇台账. */
static int report_building(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"printer", optional_argument, NULL, 'p'},
        {"encoding", required_argument, NULL, 'e'},
        {"force", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *printer = NULL;
    enum codec codec = CODEC_UTF8;
    int to_printer = 0, force = 0, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'p')
            to_printer = 1, printer = optarg;
        else if (c == 'e')
            bad |= verb_encoding(optarg, &codec) != 0;
        else if (c == 'F')
            force = 1;
        else
            bad = 1;
    }
    if (bad || optind != argc - 2 || !str_eq(argv[optind], "building") || (output && to_printer) ||
        (force && !output))
        return verb_usage("report");
    if (output && !verb_output_free(output, force, 1)) return EXIT_ERROR;
    const char *code = argv[optind + 1];
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_STAFF)) return EXIT_ERROR; /* the chiefs' full numbers */
    struct building_ledger l;
    int rc = building_report_read(db, code, actor_name(), &l);
    if (rc == DB_DENIED) {
        fprintf(stderr,
                _("bangban: %s is not one of your buildings: a building chief prints the "
                  "楼宇台账 of their own\n"),
                code);
        status = EXIT_ERROR;
    } else if (rc == DB_NOTFOUND || rc == DB_INVALID) {
        fprintf(stderr,
                rc == DB_NOTFOUND
                    ? _("bangban: no building %s\n")
                    : _("bangban: %s is the name of several buildings: give its code\n"),
                code);
        status = EXIT_ERROR;
    } else if (rc != DB_OK) {
        verb_fail(db_rc_message(rc));
        status = EXIT_ERROR;
    } else {
        status = building_write(db, &l, output, to_printer, printer, codec);
        building_ledger_free(&l);
    }
    db_close(db);
    return status;
}

/* What a hours report was asked: its period, and the file it goes to. */
struct hours_ask {
    char from[24], to[24], period[16];
    const char *output;
    enum codec codec;
};

/* A date option into out (YYYY-MM-DD); 0, or -1 having said why. */
static int hours_date(const char *name, const char *text, char *out)
{
    const char *why = validate_date(text);
    struct date d;
    if (why || date_parse(text, &d) != DATE_OK) {
        char *msg = xasprintf("%s %s: %s", name, text, why ? why : _("not a date"));
        verb_fail(msg);
        free(msg);
        return -1;
    }
    date_format(&d, out);
    return 0;
}

/* --month YYYY-MM or --year YYYY (this month when neither) into the period; 0 or -1. */
static int hours_period(const char *month, const char *year, struct hours_ask *a)
{
    struct hours_period p;
    char now[16];
    struct date d = date_of(clock_now());
    snprintf(now, sizeof now, "%04d-%02d", d.year, d.month);
    if ((month && year) ||
        hours_period_parse(year    ? year
                           : month ? month
                                   : now,
                           &p) != 0 ||
        p.year != !!year)
        return -1;
    snprintf(a->from, sizeof a->from, "%s", p.from);
    snprintf(a->to, sizeof a->to, "%s", p.to);
    snprintf(a->period, sizeof a->period, "%s", p.name);
    return 0;
}

/* Show the table on stdout, or write it to the file asked. */
static int hours_put(const struct hours_table *t, const struct hours_ask *a)
{
    if (!a->output) {
        char *text = hours_table_text(t);
        verb_put(stdout, text);
        free(text);
        return EXIT_OK;
    }
    char *err = NULL;
    if (hours_table_write(t, a->output, sheet_format_for(a->output), a->codec, &err) != 0) {
        verb_fail(err);
        free(err);
        return EXIT_ERROR;
    }
    printf(_("%s: %zu rows written\n"), a->output, t->nrows);
    return EXIT_OK;
}

/*
** bangban report hours-volunteer NUMBER [--from DATE] [--to DATE] [--output FILE]
** bangban report hours-teams|hours-categories [--month YYYY-MM | --year YYYY] [--output FILE]
** bangban report stars-due [--output FILE]
*/
static int hours_report(const char *db_path, const char *what, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"month", required_argument, NULL, 'm'},
        {"year", required_argument, NULL, 'y'},
        {"output", required_argument, NULL, 'o'},
        {"encoding", required_argument, NULL, 'e'},
        {"force", no_argument, NULL, 'F'}, /* replace the file --output names */
        {NULL, 0, NULL, 0},
    };
    struct hours_ask a = {.codec = CODEC_UTF8};
    const char *from = NULL, *to = NULL, *month = NULL, *year = NULL;
    int c, bad = 0, force = 0, volunteer = str_eq(what, "hours-volunteer"),
           due = str_eq(what, "stars-due");
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'f' || c == 't')
            *(c == 'f' ? &from : &to) = optarg;
        else if (c == 'm' || c == 'y')
            *(c == 'm' ? &month : &year) = optarg;
        else if (c == 'o')
            a.output = optarg;
        else if (c == 'e')
            bad |= verb_encoding(optarg, &a.codec) != 0;
        else if (c == 'F')
            force = 1;
        else
            bad = 1;
    }
    int args = argc - optind;
    if (bad || args != 1 + volunteer || (volunteer && (month || year)) ||
        (!volunteer && (from || to)) || (due && (month || year)) || (force && !a.output))
        return verb_usage("report");
    if (a.output && !verb_output_free(a.output, force, 1)) return EXIT_ERROR;
    struct date today = date_of(clock_now());
    char now[11];
    date_format(&today, now);
    if (volunteer) {
        snprintf(a.from, sizeof a.from, "%04d-01-01", today.year);
        snprintf(a.to, sizeof a.to, "%s", now);
        if ((from && hours_date("--from", from, a.from)) || (to && hours_date("--to", to, a.to)))
            return EXIT_USAGE;
        if (strcmp(a.to, a.from) < 0) {
            verb_fail(_("--to is before --from: the period would be empty"));
            return EXIT_USAGE;
        }
    } else if (!due && hours_period(month, year, &a) != 0) {
        if (month && year)
            verb_fail(_("--month or --year: one period at a time"));
        else if (month)
            verb_option_bad("--month", month, _("write a month as 2026-03"));
        else
            verb_option_bad("--year", year, _("write a year as 2026"));
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    /* One volunteer's hours, or who is due a star: as volunteers are seen (the totals: staff's). */
    if (!verb_allowed(db, volunteer || due ? RIGHTS_VOLUNTEERS : RIGHTS_STAFF)) return EXIT_ERROR;
    struct hours_table t;
    char *err = NULL;
    int rc = volunteer ? hours_report_volunteer(db, argv[optind + 1], a.from, a.to, now, &t, &err)
             : due     ? hours_report_stars_due(db, now, &t, &err)
             : str_eq(what, "hours-teams")
                 ? hours_report_teams(db, a.from, a.to, a.period, now, &t, &err)
                 : hours_report_categories(db, a.from, a.to, a.period, now, &t, &err);
    if (rc == DB_OK) {
        status = hours_put(&t, &a);
        hours_table_free(&t);
    } else {
        verb_fail(err);
        status = EXIT_ERROR;
    }
    free(err);
    db_close(db);
    return status;
}

/*
** bangban report rates [--by unit|community|street] [--from DATE] [--to DATE] [--csv]
**                      [--basic-weight W] [--min N] [--chart[=ascii|braille] [--name NAME]],
** or the report another word names (visits, coverage, posts, building, hours-*, stars-due).
*/
int verb_report(const char *db_path, int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (str_eq(argv[i], "hours-volunteer") || str_eq(argv[i], "hours-teams") ||
            str_eq(argv[i], "hours-categories") || str_eq(argv[i], "stars-due"))
            return hours_report(db_path, argv[i], argc, argv);
    for (int i = 1; i < argc; i++)
        if (str_eq(argv[i], "visits"))
            return report_visits(db_path, argc, argv);
        else if (str_eq(argv[i], "coverage"))
            return coverage_report(db_path, argc, argv);
        else if (str_eq(argv[i], "posts"))
            return posts_report(db_path, argc, argv);
        else if (str_eq(argv[i], "building"))
            return report_building(db_path, argc, argv);
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"csv", no_argument, NULL, 'c'},
        {"basic-weight", required_argument, NULL, 'w'},
        {"min", required_argument, NULL, 'm'},
        {"by", required_argument, NULL, 'b'},
        {"chart", optional_argument, NULL, 'g'},
        {"name", required_argument, NULL, 'n'},
        {NULL, 0, NULL, 0},
    };
    const char *from_text = NULL, *to_text = NULL, *weight_text = NULL;
    struct rates_ask ask = {RATE_BY_UNIT, 0, 0, -1, -1, 0, 0, NULL};
    int c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'f')
            from_text = optarg;
        else if (c == 't')
            to_text = optarg;
        else if (c == 'c')
            ask.csv = 1;
        else if (c == 'w')
            weight_text = optarg;
        else if (c == 'm') {
            if ((ask.min = verb_count(optarg)) < 0)
                bad |= verb_option_bad("--min", optarg, _("a count of follow-ups, such as 10"));
        } else if (c == 'b') {
            int g = rates_group_parse(optarg);
            if (g < 0)
                bad |= verb_option_bad("--by", optarg, _("unit, community or street"));
            else
                ask.group = (enum rate_group)g;
        } else if (c == 'g') {
            ask.chart = !optarg || str_eq(optarg, "ascii") ? 1 + CHART_ASCII
                        : str_eq(optarg, "braille")        ? 1 + CHART_BRAILLE
                                                           : 0;
            if (!ask.chart) bad |= verb_option_bad("--chart", optarg, _("ascii or braille"));
        } else if (c == 'n')
            ask.name = optarg;
        else
            bad = 1;
    }
    /* A date the clerk typed that is none says which and why, not only the usage. */
    const char *dates[2][2] = {{"--from", from_text}, {"--to", to_text}};
    for (int i = 0; i < 2; i++) {
        const char *why = dates[i][1] ? validate_date(dates[i][1]) : NULL;
        if (!why) continue;
        char *msg = xasprintf("%s %s: %s", dates[i][0], dates[i][1], why);
        verb_fail(msg);
        free(msg);
        return EXIT_USAGE;
    }
    if (ask.chart && (from_text || ask.csv)) {
        verb_fail(_("--chart draws the twelve months up to --to: --from and --csv do not go "
                    "with it"));
        return EXIT_USAGE;
    }
    time_t now = clock_now();
    struct date today = date_of(now);
    char first[11];
    snprintf(first, sizeof first, "%04d-01-01", today.year);
    ask.from = date_option(from_text ? from_text : first);
    ask.to = to_text ? date_option(to_text) : now;
    if (from_text && to_text && ask.from >= 0 && ask.to >= 0 && ask.to < ask.from) {
        verb_fail(_("--to is before --from: the period would be empty"));
        return EXIT_USAGE;
    }
    char *end = NULL;
    ask.weight = weight_text ? strtod(weight_text, &end) : -1;
    if (weight_text && (*end || ask.weight < 0 || ask.weight > 1)) {
        char *msg = xasprintf(_("--basic-weight %s: a number from 0 to 1, such as 0.8 (how much a "
                                "basically satisfied counts)"),
                              weight_text);
        verb_fail(msg);
        free(msg);
        return EXIT_USAGE;
    }
    /* From a day to come, with no --to, the period would run backwards to today. */
    if (from_text && !to_text && ask.from > now) {
        verb_fail(_("--from is after today: give --to too, or an earlier --from"));
        return EXIT_USAGE;
    }
    if (ask.name && !ask.chart) {
        verb_fail(_("--name chooses the chart drawn: it goes with --chart"));
        return EXIT_USAGE;
    }
    if (bad || optind != argc - 1 || !str_eq(argv[optind], "rates") || ask.from < 0 || ask.to < 0)
        return verb_usage("report");
    if (to_text) ask.to += 86400; /* through the end of that day */
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHTS_STAFF)) return EXIT_ERROR; /* as the rates screen: staff's */
    status = ask.chart ? rates_chart_print(db, &ask) : rates_print(db, &ask);
    db_close(db);
    return status;
}
