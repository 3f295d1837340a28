/*
** cli_report: the verbs that print: a request's receipt (print receipt)
** and the rates of a period (report rates).
*/
#include "app/rate_counts.h"
#include "app/receipts.h"
#include "cli/verbs.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/printer.h"
#include "src/util.h"
#include "src/validate.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

/* bangban print receipt NUMBER [--output FILE | --printer[=NAME]] */
int verb_print(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"printer", optional_argument, NULL, 'p'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL, *printer = NULL;
    int to_printer = 0, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'p')
            to_printer = 1, printer = optarg;
        else
            bad = 1;
    }
    if (bad || optind != argc - 2 || !str_eq(argv[optind], "receipt") || (output && to_printer))
        return verb_usage("print");
    const char *number = argv[optind + 1];
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    struct request r;
    if (request_get_by_number(db, number, &r) != DB_OK) {
        fprintf(stderr, _("bangban: no request numbered %s\n"), number);
        db_close(db);
        return EXIT_ERROR;
    }
    char *text = receipt_for(db, &r), *err = NULL;
    int failed = 0;
    if (output)
        failed = printer_save(text, output, &err);
    else if (to_printer)
        failed = printer_print(text, printer, &err);
    else
        verb_put(stdout, text);
    if (failed)
        verb_fail(err);
    else if (output)
        printf(_("%s: receipt %s written\n"), output, r.number);
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

/* The rates of units over [from, to) as the report prints them. Returns an exit status. */
static int rates_print(struct db *db, time_t from, time_t to, double weight, long long min, int csv)
{
    if (weight < 0) weight = settings_get_number(db, SETTING_BASIC_WEIGHT);
    if (min < 0) min = (long long)settings_get_number(db, SETTING_RANK_MIN);
    struct rate_counts *units, all;
    size_t n;
    int rc = rate_counts_gather(db, from, to, &units, &n, &all);
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
        return EXIT_ERROR;
    }
    char *period = rates_period(from, to);
    char *text = rates_report(units, n, &all, weight, (int)min, period, csv);
    verb_put(stdout, text);
    free(text);
    free(period);
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&units[i]);
    free(units);
    rate_counts_free(&all);
    return EXIT_OK;
}

/* bangban report rates [--from DATE] [--to DATE] [--csv] [--basic-weight W] [--min N] */
int verb_report(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'f'}, {"to", required_argument, NULL, 't'},
        {"csv", no_argument, NULL, 'c'},        {"basic-weight", required_argument, NULL, 'w'},
        {"min", required_argument, NULL, 'm'},  {NULL, 0, NULL, 0},
    };
    const char *from_text = NULL, *to_text = NULL, *weight_text = NULL;
    long long min = -1;
    int csv = 0, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'f')
            from_text = optarg;
        else if (c == 't')
            to_text = optarg;
        else if (c == 'c')
            csv = 1;
        else if (c == 'w')
            weight_text = optarg;
        else if (c == 'm')
            bad |= (min = verb_count(optarg)) < 0;
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
    time_t now = clock_now();
    struct date today = date_of(now);
    char first[11];
    snprintf(first, sizeof first, "%04d-01-01", today.year);
    time_t from = date_option(from_text ? from_text : first);
    time_t to = to_text ? date_option(to_text) : now;
    if (from_text && to_text && from >= 0 && to >= 0 && to < from) {
        verb_fail(_("--to is before --from: the period would be empty"));
        return EXIT_USAGE;
    }
    char *end = NULL;
    double weight = weight_text ? strtod(weight_text, &end) : -1;
    if (weight_text && (*end || weight < 0 || weight > 1)) bad = 1;
    if (bad || optind != argc - 1 || !str_eq(argv[optind], "rates") || from < 0 || to < 0)
        return verb_usage("report");
    if (to_text) to += 86400; /* through the end of that day */
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    status = rates_print(db, from, to, weight, min, csv);
    db_close(db);
    return status;
}
