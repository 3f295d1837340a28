/*
** cli_data: the verbs that make and look after a database: init, demo, check,
** backup, restore.
*/
#include "app/checks.h"
#include "app/demo.h"
#include "app/demo_hours.h"
#include "app/users.h"
#include "cli/verbs.h"
#include "db/backup.h"
#include "db/area.h"
#include "db/audit_store.h"
#include "db/request_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int verb_init(const char *db_path, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    printf(_("%s: bangban database, schema version %d\n"), db_path, db_schema_version(db));
    int made;
    int rc = users_first_admin(db, actor_os_login(), actor_name(), &made);
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
        status = EXIT_ERROR;
    } else if (made) {
        char *line = xasprintf(_("%s: first user %s, an admin, signs in as the system login %s "
                                 "without a password\n"),
                               db_path, actor_os_login(), actor_os_login());
        verb_put(stdout, line);
        free(line);
    }
    db_close(db);
    return status;
}

/*
** The demo's users, one per role, said with their passwords; the desk
** clerk is whoever ran it. From then on the demo acts as its admin.
*/
static int demo_users_make(struct db *db, const char *db_path, char **err)
{
    struct demo_user *users;
    size_t n;
    int rc = users_demo(db, actor_os_login(), "U01", "B101,B102", actor_name(), &users, &n);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        return rc;
    }
    if (n) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_addf(&sb,
                    _("%s: demo users (login, role, password); %s signs in as the system "
                      "login %s without one:\n"),
                    db_path, users[0].login, actor_os_login());
        for (size_t i = 0; i < n; i++)
            strbuf_addf(&sb, "  %-12s %-10s %s\n", users[i].login, users[i].role,
                        users[i].password);
        verb_put(stdout, strbuf_str(&sb));
        strbuf_free(&sb);
        /* The demo's residents and requests are then written by its admin, who plays every part. */
        actor_set(users[ROLE_ID_ADMIN].login);
    }
    users_demo_free(users, n);
    return DB_OK;
}

/* What demo makes: the district when the database has none, and N residents and requests. */
static int demo_fill(struct db *db, const char *db_path, long long residents, long long requests,
                     long long years, long long organisations, long long volunteers,
                     long long hours_years, char **err)
{
    int rc = DB_OK;
    int64_t counts[AREA_KIND_COUNT];
    int fresh = area_counts(db, counts) == DB_OK && counts[AREA_STREET] == 0;
    if (fresh) {
        struct demo_report rep;
        rc = demo_seed(db, actor_name(), &rep, err);
        if (rc == DB_OK)
            printf(_("%s: demo district created: %d streets, %d communities, %d grids, %d "
                     "buildings; %d units offering %d services; %d calendar days\n"),
                   db_path, rep.streets, rep.communities, rep.grids, rep.buildings, rep.units,
                   rep.items, rep.days);
        if (rc == DB_OK)
            printf(_("%s: %d staff, %d blocks, %d posts (%d handed over)\n"), db_path, rep.staff,
                   rep.blocks, rep.posts, rep.handovers);
        if (rc == DB_OK) rc = demo_users_make(db, db_path, err);
    } else if (residents == 0 && requests == 0 && organisations < 0 && volunteers == 0 &&
               hours_years == 0) {
        rc = demo_seed(db, actor_name(), &(struct demo_report){0}, err);
    }
    struct demo_run run;
    /* A new district gets its organisations; --organisations N says how many (0: none). */
    if (organisations < 0) organisations = fresh ? DEMO_ORGANISATIONS : 0;
    if (rc == DB_OK && organisations > 0) {
        rc = demo_organisations(db, (size_t)organisations, actor_name(), verb_progress, NULL, &run,
                                err);
        if (rc == DB_OK && run.before)
            printf(_("%s: %zu organisations are on file already: none added\n"), db_path,
                   run.before);
        else if (rc == DB_OK)
            printf(_("%s: %lld demo organisations added\n"), db_path, organisations);
    }
    if (rc == DB_OK && residents > 0) {
        rc = demo_residents(db, (size_t)residents, actor_name(), verb_progress, NULL, &run, err);
        if (rc == DB_OK && run.before)
            printf(_("%s: the %zu demo residents of an earlier run are there already\n"), db_path,
                   run.before);
        else if (rc == DB_OK)
            printf(_("%s: %lld demo residents added\n"), db_path, residents);
    }
    if (rc == DB_OK && requests > 0) {
        rc = demo_requests(db, (size_t)requests, (int)years, actor_name(), verb_progress, NULL,
                           &run, err);
        if (rc == DB_OK && run.before)
            printf(_("%s: an interrupted run finished: %zu of its %zu demo requests were there, "
                     "the rest added\n"),
                   db_path, run.before, run.total);
        else if (rc == DB_OK)
            printf(_("%s: %zu demo requests added over %d years\n"), db_path, run.total, run.years);
    }
    /* A new district gets a year of its chief's visits to the buildings and organisations. */
    if (rc == DB_OK && fresh) {
        size_t made;
        rc = demo_visits(db, clock_now(), &made, err);
        if (rc == DB_OK && made)
            printf(_("%s: a year of the demo chief's visits added\n"), db_path);
    }
    /* With a request history, the 楼长 channel's requests in the chief's buildings get their
     * visits.
     */
    if (rc == DB_OK && requests > 0) {
        size_t made;
        rc = demo_visit_requests(db, clock_now(), &made, err);
        if (rc == DB_OK && made)
            printf(_("%s: %zu requests of the chief's visits linked to their visits\n"), db_path,
                   made);
    }
    if (rc == DB_OK && volunteers > 0) {
        rc = demo_volunteers(db, (size_t)volunteers, actor_name(), verb_progress, NULL, err);
        if (rc == DB_OK) printf(_("%s: %lld demo volunteers added\n"), db_path, volunteers);
    }
    if (rc == DB_OK && hours_years > 0) {
        struct demo_hours_report hrep;
        struct timespec began;
        clock_gettime(CLOCK_MONOTONIC, &began);
        rc = demo_hours(db, (int)hours_years, actor_name(), verb_progress, NULL, &hrep, err);
        if (rc == DB_OK)
            printf(_("%s: %zu demo activities and %zu service records over %lld years added "
                     "(%.1f s)\n"),
                   db_path, hrep.activities, hrep.records, hours_years,
                   (double)clock_ms_since(&began) / 1000.0);
    }
    return rc;
}

int verb_demo(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"residents", required_argument, NULL, 'r'},
        {"requests", required_argument, NULL, 'q'},
        {"years", required_argument, NULL, 'y'},
        {"organisations", required_argument, NULL, 'o'},
        {"volunteers", required_argument, NULL, 'v'},
        {"hours-years", required_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    long long residents = 0, requests = 0, years = 3, organisations = -1, volunteers = 0,
              hours_years = 0;
    int c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
        long long *into = c == 'r'   ? &residents
                          : c == 'q' ? &requests
                          : c == 'y' ? &years
                          : c == 'o' ? &organisations
                          : c == 'v' ? &volunteers
                          : c == 'h' ? &hours_years
                                     : NULL;
        if (!into || (*into = verb_count(optarg)) < 0) bad = 1;
    }
    if (bad || years < 1 || years > 20 || hours_years > 20) return verb_usage("demo");
    if (optind < argc) {
        fprintf(stderr, _("bangban: %s takes no arguments\n"), "demo");
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    char *err = NULL;
    int rc = demo_fill(db, db_path, residents, requests, years, organisations, volunteers,
                       hours_years, &err);
    if (rc != DB_OK) verb_fail(err);
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/*
** check --fix: the residents of a stopped import filed for search, and
** counted again when what the home screen shows disagrees with the
** register. Says what it did; returns DB_OK or the error.
*/
static int check_fix(struct db *db)
{
    int fixed = 0;
    int rc = check_fix_residents(db, actor_name(), &fixed);
    if (rc == DB_OK && (fixed & CHECK_FIXED_KEYS))
        printf("%s\n", _("The residents of a stopped import were filed for search."));
    if (rc == DB_OK && (fixed & CHECK_FIXED_TALLY))
        printf("%s\n", _("The residents were counted again."));
    if (rc == DB_OK && (fixed & CHECK_FIXED_PHONES))
        printf("%s\n", _("The residents were filed under their phones again."));
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
    }
    return rc;
}

int verb_check(const char *db_path, int argc, char **argv)
{
    int fix = 0;
    for (int i = 1; i < argc; i++) {
        if (!str_eq(argv[i], "--fix")) return verb_usage("check");
        fix = 1;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (fix && check_fix(db) != DB_OK) {
        db_close(db);
        return EXIT_ERROR;
    }
    struct strbuf report = STRBUF_INIT;
    int problems = db_check(db, &report);
    if (problems == 0) {
        char *audit;
        int broken = check_audit(db, &audit);
        if (broken) strbuf_adds(&report, audit);
        free(audit);
        problems = check_counters(db, &report) + check_residents(db, &report) +
                   check_areas(db, &report) + broken;
    }
    /* Not damage, but what a centre must do soon: said, without failing the check. */
    char *shortfall = calendar_shortfall(db, clock_now(), 1);
    if (shortfall) {
        char *line = xasprintf(_("warning: %s\n"), shortfall);
        verb_put(stdout, line);
        free(line);
        free(shortfall);
    }
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

/* bangban audit verify: walk the audit log's chain and say where it breaks. */
int verb_audit(const char *db_path, int argc, char **argv)
{
    if (argc != 2 || !str_eq(argv[1], "verify")) return verb_usage("audit");
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    char *said;
    int broken = check_audit(db, &said);
    verb_put(broken ? stderr : stdout, said);
    free(said);
    db_close(db);
    return broken ? EXIT_CHECK : EXIT_OK;
}

/* bangban backup FILE [--force]: a checked copy of the live database. */
int verb_backup(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"force", no_argument, NULL, 'F'},
        {NULL, 0, NULL, 0},
    };
    int force = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c != 'F') return verb_usage("backup");
        force = 1;
    }
    if (optind != argc - 1) return verb_usage("backup");
    const char *path = argv[optind];
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    struct backup_info info;
    char *err;
    int rc = db_backup(db, path, force, &info, &err);
    if (rc == DB_OK)
        printf(_("%s: a checked copy of %s, %.1f MB (schema version %d)\n"), path, db_path,
               (double)info.bytes / 1e6, info.schema);
    else
        verb_fail(err);
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/*
** The database just restored says so in its audit log, as its last row:
** who put which backup in place, and where the one replaced is kept (the
** rows written after the backup are there, not here). A database the
** restore left too old or damaged to open is said so, and not written.
*/
static void restore_audit(const char *db_path, const char *from, const char *replaced)
{
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return;
    char *detail = replaced ? xasprintf("from %s; the database replaced kept as %s", from, replaced)
                            : xasprintf("from %s", from);
    int rc = db_write_begin(db);
    if (rc == DB_OK) rc = audit_append(db, actor_name(), "database-restore", "database", detail);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc != DB_OK)
        fprintf(stderr, _("%s: the restore is not in its audit log: %s\n"), db_path,
                db_rc_message(rc));
    free(detail);
    db_close(db);
}

/* bangban restore FILE: put a backup in place of the database, keeping the one replaced. */
int verb_restore(const char *db_path, int argc, char **argv)
{
    if (argc != 2) return verb_usage("restore");
    struct backup_info info;
    char *err;
    int rc = db_restore(db_path, argv[1], &info, &err);
    if (rc == DB_OK) {
        printf(_("%s: restored from %s (schema version %d)\n"), db_path, argv[1], info.schema);
        if (info.replaced) printf(_("the database it replaced is kept as %s\n"), info.replaced);
        restore_audit(db_path, argv[1], info.replaced);
    } else {
        verb_fail(err);
    }
    free(err);
    free(info.replaced);
    return rc == DB_OK                                                 ? EXIT_OK
           : rc == DB_NOT_OURS || rc == DB_TOO_NEW || rc == DB_MISSING ? EXIT_DATABASE
                                                                       : EXIT_ERROR;
}
