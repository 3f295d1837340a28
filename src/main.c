/*
** main: the composition root, the only file that sees every layer. It
** sets up the locale and messages, reads the command line, opens the
** database and either runs a command (init, demo, check) or the
** full-screen program.
*/
#include "db/area.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/db.h"
#include "db/demo.h"
#include "db/export.h"
#include "db/import.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/catalogue.h"
#include "src/rates.h"
#include "src/receipt.h"
#include "src/clock.h"
#include "src/codec.h"
#include "src/date.h"
#include "src/ledger.h"
#include "src/sheet.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/printer.h"
#include "src/util.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/ui.h"

#include <errno.h>
#include <getopt.h>
#include <time.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BANGBAN_VERSION
#define BANGBAN_VERSION "0.0.0"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* Exit statuses (also in bangban.1 and --help). */
enum exit_status {
    EXIT_OK = 0,
    EXIT_ERROR = 1,    /* the command failed */
    EXIT_USAGE = 2,    /* the command line is wrong */
    EXIT_DATABASE = 3, /* no database there, not a bangban database, or a newer one */
    EXIT_CHECK = 4,    /* bangban check found problems */
    EXIT_REJECTED = 5, /* an import rejected rows (the good ones went in) */
    EXIT_TERMINAL = 6, /* the full-screen program cannot run on this terminal */
};

struct options {
    char *db_path; /* owned */
    enum i18n_status locale;
    const char *requested_locale;
};

static void usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: bangban [--db PATH] [COMMAND]\n"
              "\n"
              "The front desk of a community party-and-masses service centre.\n"
              "Without a command, opens the full-screen program.\n"
              "\n"
              "Commands:\n"
              "  init      create an empty database\n"
              "  demo [--residents N] [--requests N [--years Y]]\n"
              "            create a database holding the demo district (and N made-up residents,\n"
              "            N requests over the last Y years, default 3)\n"
              "  check     check the database for damage\n"
              "  import residents|catalogue|calendar FILE [--encoding utf-8|gb18030|gbk]\n"
              "            [--skip-existing] [--rejects FILE]\n"
              "            read a ledger (CSV); bad rows go to FILE.rejects.csv\n"
              "  export residents|catalogue FILE [--encoding utf-8|gb18030|gbk]\n"
              "            [--format csv|xlsx] [--unmasked --reason WHY]\n"
              "            write a ledger; ID and phone numbers masked unless unmasked\n"
              "  find residents QUERY\n"
              "            print the residents a search finds, masked\n"
              "  print receipt NUMBER [--output FILE | --printer[=NAME]]\n"
              "            print a request's receipt to stdout, a file, or lp through paps\n"
              "  report rates [--from DATE] [--to DATE] [--csv] [--basic-weight W] [--min N]\n"
              "            the response, resolution and satisfaction rates per unit\n"
              "\n"
              "Options:\n"
              "  --db PATH     the database (default: $BANGBAN_DB, else\n"
              "                $XDG_DATA_HOME/bangban/bangban.db)\n"
              "  -h, --help    show this help\n"
              "  -V, --version show the version\n"
              "\n"
              "Exit status: 0 done; 1 failed; 2 bad command line; 3 no usable database\n"
              "(missing, not a bangban database, or from a newer bangban); 4 check found\n"
              "problems; 5 an import rejected rows (the others went in); 6 the terminal\n"
              "cannot show the program (not UTF-8, no terminal); 128+N the program was\n"
              "ended by signal N.\n"));
}

/* The default database: $BANGBAN_DB, else $XDG_DATA_HOME/bangban/bangban.db. Caller frees. */
static char *default_db_path(void)
{
    const char *env = getenv("BANGBAN_DB");
    if (!str_empty(env)) return xstrdup(env);
    const char *xdg = getenv("XDG_DATA_HOME");
    if (!str_empty(xdg) && xdg[0] == '/') return xasprintf("%s/bangban/bangban.db", xdg);
    const char *home = getenv("HOME");
    return xasprintf("%s/.local/share/bangban/bangban.db", str_empty(home) ? "." : home);
}

/*
** Where the message catalogues are: $BANGBAN_LOCALEDIR, else next to the
** program when it runs from its build tree, else where it was installed.
** Caller frees.
*/
static char *locale_dir(void)
{
    const char *env = getenv("BANGBAN_LOCALEDIR");
    if (!str_empty(env)) return xstrdup(env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const candidates[] = {"/build/locale", "/../locale"};
        for (size_t i = 0; i < ARRAY_LEN(candidates); i++) {
            char *dir = xasprintf("%s%s", exe, candidates[i]);
            char *mo = xasprintf("%s/zh_CN/LC_MESSAGES/bangban.mo", dir);
            int found = access(mo, R_OK) == 0;
            free(mo);
            if (found) return dir;
            free(dir);
        }
    }
    return xstrdup(LOCALEDIR);
}

static int status_for(int rc)
{
    return rc == DB_MISSING || rc == DB_NOT_OURS || rc == DB_TOO_NEW ? EXIT_DATABASE : EXIT_ERROR;
}

/* Open the database for a command, saying why not on stderr. */
static struct db *open_or_say(const char *path, unsigned flags, int *status)
{
    struct db *db;
    char *err;
    int rc = db_open(path, flags, &db, &err);
    if (rc == DB_OK) return db;
    fprintf(stderr, "bangban: %s\n", err);
    free(err);
    *status = status_for(rc);
    return NULL;
}

static int cmd_init(struct options *o, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    printf(_("%s: bangban database, schema version %d\n"), o->db_path, db_schema_version(db));
    db_close(db);
    return EXIT_OK;
}

/*
** Progress of a long command on stderr, when it is a terminal; with
** BANGBAN_TIMING set, the time each step started instead (for make bench).
*/
static void cli_progress(void *ctx, const char *step, size_t done, size_t total)
{
    static const char *last;
    static struct timespec start;
    (void)ctx;
    if (getenv("BANGBAN_TIMING")) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (!last) start = now;
        if (step != last)
            fprintf(stderr, "%8.3f s  %s\n",
                    (double)(now.tv_sec - start.tv_sec) +
                        (double)(now.tv_nsec - start.tv_nsec) / 1e9,
                    step);
        last = step;
        return;
    }
    if (!isatty(STDERR_FILENO)) return;
    fprintf(stderr, "\r%s %zu/%zu        ", step, done, total);
    if (done >= total) fputc('\n', stderr);
}

/* Parse a count such as 355600; returns -1 when it is not one. */
static long long parse_count(const char *s)
{
    char *end;
    long long n = strtoll(s, &end, 10);
    return *s && !*end && n >= 0 ? n : -1;
}

static int cmd_demo(struct options *o, int argc, char **argv)
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
        if (!into || (*into = parse_count(optarg)) < 0) bad = 1;
    }
    if (bad || years < 1 || years > 20) {
        fprintf(stderr, "%s",
                _("Usage: bangban demo [--residents N] [--requests N [--years Y]]\n"));
        return EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, _("bangban: %s takes no arguments\n"), "demo");
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    char *err = NULL;
    int rc = DB_OK;
    int64_t counts[AREA_KIND_COUNT];
    if (area_counts(db, counts) == DB_OK && counts[AREA_STREET] == 0) {
        struct demo_report rep;
        rc = demo_seed(db, actor_name(), &rep, &err);
        if (rc == DB_OK)
            printf(_("%s: demo district created: %d streets, %d communities, %d grids, %d "
                     "buildings; %d units offering %d services; %d calendar days\n"),
                   o->db_path, rep.streets, rep.communities, rep.grids, rep.buildings, rep.units,
                   rep.items, rep.days);
    } else if (residents == 0 && requests == 0) {
        rc = demo_seed(db, actor_name(), &(struct demo_report){0}, &err);
    }
    if (rc == DB_OK && residents > 0) {
        rc = demo_residents(db, (size_t)residents, actor_name(), cli_progress, NULL, &err);
        if (rc == DB_OK) printf(_("%s: %lld demo residents added\n"), o->db_path, residents);
    }
    if (rc == DB_OK && requests > 0) {
        rc =
            demo_requests(db, (size_t)requests, (int)years, actor_name(), cli_progress, NULL, &err);
        if (rc == DB_OK)
            printf(_("%s: %lld demo requests added over %lld years\n"), o->db_path, requests,
                   years);
    }
    if (rc != DB_OK) fprintf(stderr, "bangban: %s\n", err);
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/* Options shared by import and export. */
struct io_options {
    const char *kind; /* residents, catalogue, calendar */
    enum codec codec;
    int codec_forced;
    int skip_existing;
    const char *rejects;
    enum sheet_format format;
    int unmasked;
    const char *reason;
};

/* Parse the options of import / export after "KIND FILE". Returns 0 or EXIT_USAGE. */
static int io_options_parse(int argc, char **argv, int export, struct io_options *io)
{
    static const struct option longopts[] = {
        {"encoding", required_argument, NULL, 'e'},
        {"skip-existing", no_argument, NULL, 's'},
        {"rejects", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},
        {"unmasked", no_argument, NULL, 'u'},
        {"reason", required_argument, NULL, 'w'},
        {NULL, 0, NULL, 0},
    };
    memset(io, 0, sizeof *io);
    io->codec = CODEC_UTF8;
    io->format = sheet_format_for(argv[argc - 1]); /* unless --format says */
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        int ok = 1;
        if (c == 'e') {
            ok = codec_parse(optarg, &io->codec) == 0;
            io->codec_forced = 1;
        } else if (c == 's' && !export) {
            io->skip_existing = 1;
        } else if (c == 'r' && !export) {
            io->rejects = optarg;
        } else if (c == 'f' && export) {
            io->format = str_eq(optarg, "xlsx") ? SHEET_XLSX : SHEET_CSV;
            ok = str_eq(optarg, "xlsx") || str_eq(optarg, "csv");
        } else if (c == 'u' && export) {
            io->unmasked = 1;
        } else if (c == 'w' && export) {
            io->reason = optarg;
        } else {
            ok = 0;
        }
        if (!ok) return EXIT_USAGE;
    }
    if (optind != argc - 2) return EXIT_USAGE;
    static const char *const kinds[] = {"residents", "catalogue", "calendar"};
    for (size_t i = 0; i < (export ? 2 : ARRAY_LEN(kinds)); i++)
        if (str_eq(argv[optind], kinds[i])) {
            io->kind = kinds[i];
            return 0;
        }
    return EXIT_USAGE;
}

/* bangban import residents|catalogue|calendar FILE [--encoding E] [--skip-existing] [--rejects F]
 */
static int cmd_import(struct options *o, int argc, char **argv)
{
    struct io_options io;
    if (io_options_parse(argc, argv, 0, &io) != 0) {
        fprintf(stderr, "%s",
                _("Usage: bangban import residents|catalogue|calendar FILE\n"
                  "       [--encoding utf-8|gb18030|gbk] [--skip-existing] [--rejects FILE]\n"));
        return EXIT_USAGE;
    }
    const char *path = argv[argc - 1];
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    const struct ledger_schema *schema = str_eq(io.kind, "catalogue")  ? &ledger_catalogue
                                         : str_eq(io.kind, "calendar") ? &ledger_calendar
                                                                       : &ledger_residents;
    int (*importer)(struct db *, struct ledger *, const struct import_options *,
                    struct import_report *, char **) =
        str_eq(io.kind, "catalogue")  ? import_catalogue
        : str_eq(io.kind, "calendar") ? import_calendar
                                      : import_residents;
    struct ledger *l;
    char *err;
    if (ledger_open(path, schema, io.codec_forced, io.codec, &l, &err) != 0) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        db_close(db);
        return EXIT_ERROR;
    }
    struct import_options opt = {io.skip_existing ? IMPORT_SKIP : IMPORT_UPDATE,
                                 io.rejects,
                                 path,
                                 actor_name(),
                                 cli_progress,
                                 NULL};
    struct import_report rep;
    int rc = importer(db, l, &opt, &rep, &err);
    char *text = import_report_text(&rep);
    char *summary = import_summary(&rep);
    fputs(text, stdout);
    if (rc == DB_OK)
        printf(_("%s: %s; encoding %s%s\n"), path, summary, codec_name(ledger_codec(l)),
               ledger_detected(l) ? _(", detected") : "");
    else
        fprintf(stderr, "bangban: %s\n", err);
    int status_out = rc != DB_OK ? EXIT_ERROR : rep.rejected ? EXIT_REJECTED : EXIT_OK;
    free(text);
    free(summary);
    free(err);
    import_report_free(&rep);
    ledger_close(l);
    db_close(db);
    return status_out;
}

/* bangban export residents FILE [--encoding E] [--format csv|xlsx] [--unmasked --reason WHY] */
static int cmd_export(struct options *o, int argc, char **argv)
{
    struct io_options io;
    if (io_options_parse(argc, argv, 1, &io) != 0) {
        fprintf(stderr, "%s",
                _("Usage: bangban export residents|catalogue FILE [--encoding utf-8|gb18030|gbk]\n"
                  "       [--format csv|xlsx] [--unmasked --reason WHY]\n"));
        return EXIT_USAGE;
    }
    if (io.unmasked && str_empty(io.reason)) {
        fprintf(stderr, "%s",
                _("bangban: an export with full ID and phone numbers needs a reason: "
                  "--reason WHY\n"));
        return EXIT_USAGE;
    }
    const char *path = argv[argc - 1];
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    struct export_options opt = {io.format, io.codec, io.unmasked, io.reason, actor_name()};
    size_t rows;
    char *err;
    int catalogue = str_eq(io.kind, "catalogue");
    int rc = catalogue ? export_catalogue(db, path, io.format, io.codec, &rows, &err)
                       : export_residents(db, path, &opt, &rows, &err);
    if (rc == DB_OK && catalogue)
        printf(_("%s: %zu service items written (%s)\n"), path, rows,
               io.format == SHEET_XLSX ? "xlsx" : codec_name(io.codec));
    else if (rc == DB_OK)
        printf(_("%s: %zu residents written (%s%s)\n"), path, rows,
               io.format == SHEET_XLSX ? "xlsx" : codec_name(io.codec),
               io.unmasked ? _(", unmasked") : _(", masked"));
    else
        fprintf(stderr, "bangban: %s\n", err);
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/* bangban find residents QUERY: the matches as the desk's list shows them, masked. */
static int cmd_find(struct options *o, int argc, char **argv)
{
    if (argc != 3 || !str_eq(argv[1], "residents")) {
        fprintf(stderr, "%s", _("Usage: bangban find residents QUERY\n"));
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    struct resident_hits hits;
    int rc = resident_search(db, argv[2], 50, &hits);
    if (rc != DB_OK) {
        fprintf(stderr, "bangban: %s\n", db_rc_message(rc));
        db_close(db);
        return EXIT_ERROR;
    }
    time_t now = clock_now();
    for (size_t i = 0; i < hits.n; i++) {
        const struct resident *r = &hits.items[i];
        int minor = resident_is_minor(r, now);
        printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r->name, resident_gender_text(r->gender),
               minor ? _("(minor)") : r->id_number, minor ? "" : r->phone, r->community, r->grid,
               r->tags);
    }
    printf(hits.more ? _("%zu shown of more than %zu\n") : _("%zu shown of %zu\n"), hits.n,
           hits.total);
    resident_hits_free(&hits);
    db_close(db);
    return EXIT_OK;
}

/* The centre and desk phone the receipt names, from the database. Free both fields. */
static void desk_of(struct db *db, struct receipt_desk *desk, char **centre, char **phone)
{
    *centre = db_meta_get(db, "centre");
    *phone = db_meta_get(db, "desk_phone");
    desk->centre = *centre ? *centre : "";
    desk->desk_phone = *phone ? *phone : "";
}

/* bangban print receipt NUMBER [--output FILE | --printer[=NAME]] */
static int cmd_print(struct options *o, int argc, char **argv)
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
    if (bad || optind != argc - 2 || !str_eq(argv[optind], "receipt") || (output && to_printer)) {
        fprintf(stderr, "%s",
                _("Usage: bangban print receipt NUMBER [--output FILE | --printer[=NAME]]\n"));
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    struct request r;
    int rc = request_get_by_number(db, argv[argc - 1], &r);
    if (rc != DB_OK) {
        fprintf(stderr, _("bangban: no request numbered %s\n"), argv[argc - 1]);
        db_close(db);
        return EXIT_ERROR;
    }
    struct receipt_desk desk;
    char *centre, *phone, *err = NULL;
    desk_of(db, &desk, &centre, &phone);
    char *text = receipt_text(&r, &desk);
    int ok = 0;
    if (output)
        ok = printer_save(text, output, &err);
    else if (to_printer)
        ok = printer_print(text, printer, &err);
    else
        fputs(text, stdout);
    if (ok != 0)
        fprintf(stderr, "bangban: %s\n", err);
    else if (output)
        printf(_("%s: receipt %s written\n"), output, r.number);
    free(err);
    free(text);
    free(centre);
    free(phone);
    request_free(&r);
    db_close(db);
    return ok == 0 ? EXIT_OK : EXIT_ERROR;
}

/* A date option as the local midnight it starts; -1 when it is not a date. */
static time_t date_option(const char *text)
{
    struct date d;
    if (date_parse(text, &d) != DATE_OK) return -1;
    char iso[11];
    time_t t;
    return clock_parse(date_format(&d, iso), &t) == 0 ? t : -1;
}

/* A setting from the database as a number, or dflt. */
static double meta_number(struct db *db, const char *key, double dflt)
{
    char *v = db_meta_get(db, key);
    char *end;
    double d = v ? strtod(v, &end) : dflt;
    if (v && (end == v || *end)) d = dflt;
    free(v);
    return d;
}

/* bangban report rates [--from DATE] [--to DATE] [--csv] [--basic-weight W] [--min N] */
static int cmd_report(struct options *o, int argc, char **argv)
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
            bad |= (min = parse_count(optarg)) < 0;
        else
            bad = 1;
    }
    time_t now = clock_now();
    struct date today = date_of(now);
    char first[11];
    snprintf(first, sizeof first, "%04d-01-01", today.year);
    time_t from = date_option(from_text ? from_text : first);
    time_t to = to_text ? date_option(to_text) : now;
    char *end = NULL;
    double weight = weight_text ? strtod(weight_text, &end) : -1;
    if (weight_text && (*end || weight < 0 || weight > 1)) bad = 1;
    if (bad || optind != argc - 1 || !str_eq(argv[optind], "rates") || from < 0 || to < 0) {
        fprintf(stderr, "%s",
                _("Usage: bangban report rates [--from DATE] [--to DATE] [--csv]\n"
                  "       [--basic-weight 0..1] [--min N]\n"));
        return EXIT_USAGE;
    }
    if (to_text) to += 86400; /* through the end of that day */
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    if (weight < 0) weight = meta_number(db, "basic_weight", 1);
    if (min < 0) min = (long long)meta_number(db, "rank_min", 5);
    struct rate_counts *units, all;
    size_t n;
    int rc = request_rate_counts(db, from, to, &units, &n, &all);
    if (rc != DB_OK) {
        fprintf(stderr, "bangban: %s\n", db_rc_message(rc));
        db_close(db);
        return EXIT_ERROR;
    }
    char a[11], b[11];
    struct date df = date_of(from), dt = date_of(to - 1);
    char *period = xasprintf(_("%s to %s"), date_format(&df, a), date_format(&dt, b));
    char *text = rates_report(units, n, &all, weight, (int)min, period, csv);
    fputs(text, stdout);
    free(text);
    free(period);
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&units[i]);
    free(units);
    rate_counts_free(&all);
    db_close(db);
    return EXIT_OK;
}

static int cmd_check(struct options *o, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    struct strbuf report = STRBUF_INIT;
    int problems = db_check(db, &report);
    if (problems == 0) {
        printf(_("%s: ok\n"), o->db_path);
    } else {
        fputs(strbuf_str(&report), stdout);
        printf(_("%s: %d problems found\n"), o->db_path, problems);
    }
    strbuf_free(&report);
    db_close(db);
    return problems ? EXIT_CHECK : EXIT_OK;
}

/* The full-screen program. */
static int cmd_ui(struct options *o)
{
    if (o->locale == I18N_NOT_UTF8) {
        fprintf(stderr,
                "bangban: the terminal's character set is not UTF-8 (locale \"%s\").\n"
                "bangban: 终端字符集不是 UTF-8（locale \"%s\"）。\n"
                "Set LANG=C.UTF-8 or zh_CN.UTF-8 and the terminal to UTF-8, then start again.\n",
                o->requested_locale, o->requested_locale);
        return EXIT_TERMINAL;
    }
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, 0, &status);
    if (!db) return status;
    char *err;
    if (term_start(&err) != 0) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        db_close(db);
        return EXIT_TERMINAL;
    }
    ui.db = db;
    ui.district = db_meta_get(db, "district");
    if (!ui.district) ui.district = xstrdup("");
    char *demo = db_meta_get(db, "demo");
    ui.demo = str_eq(demo, "1");
    free(demo);
    if (o->locale == I18N_FALLBACK)
        ui_message(UI_MSG_INFO, _("The locale %s is not installed here: using C.UTF-8"),
                   o->requested_locale);
    status = ui_run(screen_home_new());
    term_stop();
    free(ui.district);
    db_close(db);
    return status;
}

/* The verbs: what runs each, and whether it reads words after its name. */
static const struct command {
    const char *name;
    int (*run)(struct options *o, int argc, char **argv);
    int takes_arguments;
} commands[] = {
    {"init", cmd_init, 0},   {"demo", cmd_demo, 1},     {"check", cmd_check, 0},
    {"find", cmd_find, 1},   {"import", cmd_import, 1}, {"export", cmd_export, 1},
    {"print", cmd_print, 1}, {"report", cmd_report, 1},
};

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    struct options o = {NULL, I18N_OK, "C"};
    char *localedir = locale_dir();
    o.locale = i18n_setup(localedir, &o.requested_locale);
    free(localedir);
    if (o.locale == I18N_NOT_UTF8) setlocale(LC_CTYPE, "C.UTF-8"); /* commands still work */

    int c;
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            free(o.db_path);
            o.db_path = xstrdup(optarg);
            break;
        case 'h':
            usage(stdout);
            free(o.db_path);
            return EXIT_OK;
        case 'V':
            printf("bangban %s\n", BANGBAN_VERSION);
            free(o.db_path);
            return EXIT_OK;
        default:
            usage(stderr);
            free(o.db_path);
            return EXIT_USAGE;
        }
    }
    if (!o.db_path) o.db_path = default_db_path();
    int status;
    if (optind >= argc) {
        status = cmd_ui(&o);
    } else {
        const struct command *cmd = NULL;
        for (size_t i = 0; i < ARRAY_LEN(commands); i++)
            if (str_eq(argv[optind], commands[i].name)) cmd = &commands[i];
        if (!cmd) {
            fprintf(stderr, _("bangban: unknown command \"%s\"\n"), argv[optind]);
            usage(stderr);
            status = EXIT_USAGE;
        } else if (!cmd->takes_arguments && optind + 1 < argc) {
            fprintf(stderr, _("bangban: %s takes no arguments\n"), argv[optind]);
            status = EXIT_USAGE;
        } else {
            status = cmd->run(&o, argc - optind, argv + optind);
        }
    }
    free(o.db_path);
    pinyin_shutdown();
    return status;
}
