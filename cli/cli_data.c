/*
** cli_data: the verbs that make and look after a database: init, demo, check.
*/
#include "app/checks.h"
#include "app/demo.h"
#include "cli/verbs.h"
#include "db/area.h"
#include "db/request_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int verb_init(const char *db_path, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    printf(_("%s: bangban database, schema version %d\n"), db_path, db_schema_version(db));
    db_close(db);
    return EXIT_OK;
}

/* What demo makes: the district when the database has none, and N residents and requests. */
static int demo_fill(struct db *db, const char *db_path, long long residents, long long requests,
                     long long years, char **err)
{
    int rc = DB_OK;
    int64_t counts[AREA_KIND_COUNT];
    if (area_counts(db, counts) == DB_OK && counts[AREA_STREET] == 0) {
        struct demo_report rep;
        rc = demo_seed(db, actor_name(), &rep, err);
        if (rc == DB_OK)
            printf(_("%s: demo district created: %d streets, %d communities, %d grids, %d "
                     "buildings; %d units offering %d services; %d calendar days\n"),
                   db_path, rep.streets, rep.communities, rep.grids, rep.buildings, rep.units,
                   rep.items, rep.days);
    } else if (residents == 0 && requests == 0) {
        rc = demo_seed(db, actor_name(), &(struct demo_report){0}, err);
    }
    if (rc == DB_OK && residents > 0) {
        rc = demo_residents(db, (size_t)residents, actor_name(), verb_progress, NULL, err);
        if (rc == DB_OK) printf(_("%s: %lld demo residents added\n"), db_path, residents);
    }
    if (rc == DB_OK && requests > 0) {
        rc =
            demo_requests(db, (size_t)requests, (int)years, actor_name(), verb_progress, NULL, err);
        if (rc == DB_OK)
            printf(_("%s: %lld demo requests added over %lld years\n"), db_path, requests, years);
    }
    return rc;
}

int verb_demo(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"residents", required_argument, NULL, 'r'},
        {"requests", required_argument, NULL, 'q'},
        {"years", required_argument, NULL, 'y'},
        {NULL, 0, NULL, 0},
    };
    long long residents = 0, requests = 0, years = 3;
    int c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
        long long *into = c == 'r' ? &residents : c == 'q' ? &requests : c == 'y' ? &years : NULL;
        if (!into || (*into = verb_count(optarg)) < 0) bad = 1;
    }
    if (bad || years < 1 || years > 20) return verb_usage("demo");
    if (optind < argc) {
        fprintf(stderr, _("bangban: %s takes no arguments\n"), "demo");
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    char *err = NULL;
    int rc = demo_fill(db, db_path, residents, requests, years, &err);
    if (rc != DB_OK) verb_fail(err);
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

int verb_check(const char *db_path, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    struct strbuf report = STRBUF_INIT;
    int problems = db_check(db, &report);
    if (problems == 0) problems = check_counters(db, &report);
    if (problems == 0) {
        printf(_("%s: ok\n"), db_path);
    } else {
        verb_put(stdout, strbuf_str(&report));
        printf(_("%s: %d problems found\n"), db_path, problems);
    }
    strbuf_free(&report);
    db_close(db);
    return problems ? EXIT_CHECK : EXIT_OK;
}
