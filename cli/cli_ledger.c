/*
** cli_ledger: the verbs that move ledgers (台账) in and out — import and
** export of every kind in the ledger kinds table (app/ledgers.h) — and
** find, which prints what a search at the desk would list.
*/
#include "app/ledgers.h"
#include "cli/verbs.h"
#include "db/area.h"
#include "db/resident_store.h"
#include "src/roles.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/codec.h"
#include "src/i18n.h"
#include "src/sheet.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* What import and export read from the command line. */
struct io_options {
    const struct ledger_kind *kind;
    const char *path;
    enum codec codec;
    int codec_forced;
    int skip_existing;
    const char *rejects;
    const char *sheet;  /* import: --sheet, the sheet of a workbook; NULL: its first */
    const char *format; /* --format, or NULL: from the file's name */
    int unmasked;
    const char *reason;
    int force;           /* replace a file that exists (export's file, import's --rejects) */
    int dry_run;         /* import: say what it would change, write nothing */
    struct strlist maps; /* import: --map HEADER=COLUMN, each */
    struct filter_words *filter;
};

/* The words that choose residents (find, export residents): --all --tag --community --grid
 * --address. */
struct filter_words {
    int all, given;
    int tags; /* how many --tag were given: one is taken */
    const char *tag, *community, *grid, *address;
};

/* Take option c (of filter_longopts) into w; 0 when c is none of them. */
static int filter_word(int c, struct filter_words *w)
{
    switch (c) {
    case 'A':
        w->all = 1;
        break;
    case 'T':
        w->tag = optarg;
        w->tags++;
        break;
    case 'C':
        w->community = optarg;
        break;
    case 'G':
        w->grid = optarg;
        break;
    case 'D':
        w->address = optarg;
        break;
    default:
        return 0;
    }
    w->given = 1;
    return 1;
}

#define FILTER_LONGOPTS                                                                            \
    {"all", no_argument, NULL, 'A'}, {"tag", required_argument, NULL, 'T'},                        \
        {"community", required_argument, NULL, 'C'}, {"grid", required_argument, NULL, 'G'},       \
    {                                                                                              \
        "address", required_argument, NULL, 'D'                                                    \
    }

/* The community or grid named (its name or code, exactly) into *id; else a message on stderr. */
static int area_named(struct db *db, enum area_kind kind, const char *named, int64_t *id)
{
    struct area_list l;
    *id = 0;
    int rc = area_list(db, kind, named, 0, 0, &l);
    for (size_t i = 0; rc == DB_OK && i < l.n && !*id; i++)
        if (str_eq(l.items[i].name, named) || str_eq(l.items[i].code, named)) *id = l.items[i].id;
    if (rc == DB_OK) area_list_free(&l);
    if (*id) return 0;
    char *why = xasprintf(
        kind == AREA_GRID ? _("no grid is called %s") : _("no community is called %s"), named);
    verb_fail(why);
    free(why);
    return -1;
}

/* Whether a tag of that name is on file (retired ones too: residents may still carry them). */
static int tag_known(struct db *db, const char *name)
{
    struct tag_list tags;
    if (tag_list(db, 1, &tags) != DB_OK) return 1; /* not known to be unknown: the search says */
    int known = 0;
    for (size_t i = 0; i < tags.n && !known; i++)
        known = str_eq(tags.v[i].name, name);
    tag_list_free(&tags);
    return known;
}

/* The filter the words say, areas looked up by name. 0, or -1 after saying what is unknown. */
static int filter_of(struct db *db, const struct filter_words *w, struct resident_filter *f)
{
    memset(f, 0, sizeof *f);
    f->all = w->all;
    /* One tag chooses: two would be read as the last alone, a name no tag has as nobody. */
    if (w->tags > 1) {
        fprintf(stderr, "%s", _("bangban: --tag takes one tag: residents carrying it\n"));
        return -1;
    }
    if (!str_empty(w->tag) && !tag_known(db, w->tag)) {
        fprintf(stderr, _("bangban: no tag is named %s (the tags: 标签 on the residents' F9)\n"),
                w->tag);
        return -1;
    }
    f->tag = w->tag;
    f->address = w->address;
    if (w->community && area_named(db, AREA_COMMUNITY, w->community, &f->community_id) != 0)
        return -1;
    if (w->grid && area_named(db, AREA_GRID, w->grid, &f->grid_id) != 0) return -1;
    return 0;
}

/*
** The n words left after the options of import (export 0) or export (1),
** when they are not KIND FILE: says what is wrong (a file before its kind,
** a kind not known or not read that way, a word too many or too few) and
** returns 1; else 0.
*/
static int io_words_wrong(char **words, int n, int export)
{
    const char *verb = export ? "export" : "import";
    char *why = NULL;
    const struct ledger_kind *k = n > 0 ? ledger_kind_find(words[0]) : NULL;
    if (n == 2 && !k && ledger_kind_find(words[1]))
        why = xasprintf(_("the kind of ledger first, then the file: bangban %s %s %s"), verb,
                        words[1], words[0]);
    else if (n > 0 && !k)
        why = xasprintf(_("%s is no kind of ledger"), words[0]);
    else if (n > 0 && !(export ? ledger_kind_exports(k) : ledger_kind_imports(k)))
        why = xasprintf(export ? _("%s are not exported")
                               : _("%s are not imported: export "
                                   "writes them out"),
                        words[0]);
    else if (n == 1)
        why = xasprintf(_("which file? bangban %s %s FILE"), verb, words[0]);
    else if (n > 2)
        why = xasprintf(_("one file at a time: %s is a word too many"), words[2]);
    if (why) verb_fail(why);
    free(why);
    return n != 2 || why;
}

/*
** Read "KIND FILE" and the options of import (export 0) or export (1), in
** any order. Returns 0, or -1 when the words are wrong.
*/
static int io_options_parse(int argc, char **argv, int export, struct io_options *io)
{
    static const struct option longopts[] = {
        {"encoding", required_argument, NULL, 'e'},
        {"skip-existing", no_argument, NULL, 's'},
        {"rejects", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},
        {"unmasked", no_argument, NULL, 'u'},
        {"reason", required_argument, NULL, 'w'},
        {"force", no_argument, NULL, 'F'},
        {"dry-run", no_argument, NULL, 'n'},
        {"map", required_argument, NULL, 'm'},
        {"sheet", required_argument, NULL, 'S'},
        FILTER_LONGOPTS,
        {NULL, 0, NULL, 0},
    };
    struct filter_words *words = io->filter;
    memset(io, 0, sizeof *io);
    io->filter = words;
    io->codec = CODEC_UTF8;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        int ok = 1;
        if (c == 'e') {
            ok = verb_encoding(optarg, &io->codec) == 0;
            io->codec_forced = 1;
        } else if (c == 's' && !export) {
            io->skip_existing = 1;
        } else if (c == 'r' && !export) {
            io->rejects = optarg;
        } else if (c == 'f' && export) {
            io->format = optarg;
            ok = str_eq(optarg, "xlsx") || str_eq(optarg, "csv");
            if (!ok) {
                char *why = xasprintf(_("--format %s: bangban writes csv or xlsx"), optarg);
                verb_fail(why);
                free(why);
            }
        } else if (c == 'u' && export) {
            io->unmasked = 1;
        } else if (c == 'w' && export) {
            io->reason = optarg;
        } else if (c == 'F') {
            io->force = 1;
        } else if (c == 'n' && !export) {
            io->dry_run = 1;
        } else if (c == 'S' && !export) {
            io->sheet = optarg;
        } else if (c == 'm' && !export) {
            strlist_add(&io->maps, optarg);
        } else if (export && filter_word(c, io->filter)) {
        } else {
            ok = 0;
        }
        if (!ok) return -1;
    }
    /* argv[0] is the verb; what getopt left after it are KIND and FILE. */
    if (io_words_wrong(argv + optind, argc - optind, export)) return -1;
    if (!export && io->force && !io->rejects) {
        verb_fail(_("--force replaces the --rejects file: an import never replaces its ledger"));
        return -1;
    }
    io->kind = ledger_kind_find(argv[optind]);
    io->path = argv[optind + 1];
    /* Only the register is chosen from. */
    if (export && io->filter->given && !str_eq(io->kind->name, "residents")) {
        verb_fail(_("--all, --tag, --community, --grid and --address choose residents: "
                    "they go with export residents"));
        return -1;
    }
    return 0;
}

/* Apply the --map options to l. Returns 0, or -1 having said why. */
static int maps_apply(struct ledger *l, const struct io_options *io)
{
    for (size_t i = 0; i < io->maps.n; i++) {
        char *err;
        if (ledger_map_text(l, io->maps.v[i], &err) != 0) {
            verb_fail(err);
            free(err);
            return -1;
        }
    }
    return 0;
}

/* The last line of an import: the file, the summary, and its encoding or the sheet read. */
static void summary_print(const struct io_options *io, const struct ledger *l, const char *summary)
{
    if (ledger_sheet(l))
        printf(_("%s: %s; sheet %s\n"), io->path, summary, ledger_sheet(l));
    else
        printf(_("%s: %s; encoding %s%s\n"), io->path, summary, codec_name(ledger_codec(l)),
               ledger_detected(l) ? _(", detected") : "");
}

/* What a dry run found: the rows it would refuse, the changes it would make, the counts. */
static void dry_run_print(const struct io_options *io, const struct ledger *l,
                          const struct import_report *rep)
{
    char *text = import_report_text(rep);
    verb_put(stdout, text);
    free(text);
    if (rep->nchanges) {
        printf(_("Records it would change (the first %zu of %zu):\n"), rep->nchanges, rep->updated);
        text = import_changes_text(rep);
        verb_put(stdout, text);
        free(text);
    }
    char *summary = import_summary(rep);
    summary_print(io, l, summary);
    free(summary);
}

/*
** Whether the rejects file may be written: the folder it goes in (the
** ledger's, or --rejects') takes a file, found out before a row is
** written; and --rejects never over the ledger itself, nor over a file
** that exists without --force, nor under a name such as .xls
** (verb_output_free()). A dry run writes none. 0, or -1 having said why.
*/
static int rejects_allowed(const struct io_options *io)
{
    struct stat r, l;
    if (io->dry_run) return 0;
    char *dir = io->rejects ? xstrdup(io->rejects) : xasprintf("%s.rejects.csv", io->path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        strcpy(dir, "."); /* "x.csv" is longer than "." */
    else
        slash[slash == dir ? 1 : 0] = '\0'; /* "/x.csv": the root */
    if (access(dir, W_OK | X_OK) != 0) {
        int e = errno;
        char *why = xasprintf(_("cannot write the rejects file in %s: %s; nothing was imported "
                                "(give --rejects another file)"),
                              dir, strerror(e));
        verb_fail(why);
        free(why);
        free(dir);
        return -1;
    }
    free(dir);
    if (!io->rejects) return 0;
    if (stat(io->path, &l) == 0 && stat(io->rejects, &r) == 0 && r.st_dev == l.st_dev &&
        r.st_ino == l.st_ino) {
        char *why =
            xasprintf(_("%s is the ledger being imported: the rejected rows go to another file"),
                      io->rejects);
        verb_fail(why);
        free(why);
        return -1;
    }
    return verb_output_free(io->rejects, io->force, 0) ? 0 : -1; /* rejects are CSV */
}

int verb_import(const char *db_path, int argc, char **argv)
{
    struct filter_words words = {0};
    struct io_options io = {.filter = &words};
    if (io_options_parse(argc, argv, 0, &io) != 0) {
        strlist_free(&io.maps);
        return verb_usage("import");
    }
    if (rejects_allowed(&io) != 0) {
        strlist_free(&io.maps);
        return EXIT_ERROR;
    }
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) {
        strlist_free(&io.maps);
        return status;
    }
    struct ledger *l;
    char *err = NULL;
    if (ledger_import_allowed(io.kind, db, actor_name(), &err) != DB_OK ||
        ledger_open_sheet(io.path, io.sheet, io.kind->schema, io.codec_forced, io.codec, &l,
                          &err) != 0) {
        verb_fail(err);
        free(err);
        db_close(db);
        strlist_free(&io.maps);
        return EXIT_ERROR;
    }
    if (io.codec_forced && ledger_sheet(l)) {
        /* Said, not passed over: the clerk may have meant another file. */
        char *why = xasprintf(_("%s is a workbook: its cells are Unicode text already; "
                                "--encoding is for CSV files"),
                              io.path);
        verb_fail(why);
        free(why);
        ledger_close(l);
        db_close(db);
        strlist_free(&io.maps);
        return EXIT_ERROR;
    }
    if (maps_apply(l, &io) != 0) {
        ledger_close(l);
        db_close(db);
        strlist_free(&io.maps);
        return EXIT_USAGE;
    }
    struct import_options opt = {io.skip_existing ? IMPORT_SKIP : IMPORT_UPDATE,
                                 io.rejects,
                                 io.path,
                                 actor_name(),
                                 verb_progress,
                                 NULL,
                                 io.dry_run};
    struct import_report rep;
    int rc;
    if (io.dry_run) {
        rc = ledger_preview(io.kind, db, l, &opt, &rep, &err);
        if (rc == DB_OK)
            dry_run_print(&io, l, &rep);
        else
            verb_fail(err);
    } else {
        rc = ledger_import(io.kind, db, l, &opt, &rep, &err);
        char *text = import_report_text(&rep);
        char *summary = import_summary(&rep);
        verb_put(stdout, text);
        if (rc == DB_OK)
            summary_print(&io, l, summary);
        else
            verb_fail(err);
        free(text);
        free(summary);
    }
    status = rc != DB_OK ? EXIT_ERROR : rep.rejected ? EXIT_REJECTED : EXIT_OK;
    free(err);
    import_report_free(&rep);
    ledger_close(l);
    db_close(db);
    strlist_free(&io.maps);
    return status;
}

int verb_export(const char *db_path, int argc, char **argv)
{
    struct filter_words words = {0};
    struct io_options io = {.filter = &words};
    if (io_options_parse(argc, argv, 1, &io) != 0) return verb_usage("export");
    if (io.unmasked && text_blank(io.reason)) {
        fprintf(stderr, "%s",
                _("bangban: an export with full ID and phone numbers needs a reason: "
                  "--reason WHY\n"));
        return EXIT_USAGE;
    }
    const char *bad = io.reason ? validate_line(io.reason) : NULL;
    if (bad) {
        char *why = xasprintf(_("--reason: %s"), bad);
        verb_fail(why);
        free(why);
        return EXIT_USAGE;
    }
    /* A reason without --unmasked would be passed over, and the numbers written masked. */
    if (io.reason && !io.unmasked) {
        fprintf(stderr, "%s",
                _("bangban: --reason goes with --unmasked (full ID and phone numbers); without "
                  "it the numbers are masked and no reason is needed\n"));
        return EXIT_USAGE;
    }
    /* The format: as --format says, else from the file's name, whatever the order of the words. */
    enum sheet_format named = sheet_format_for(io.path);
    enum sheet_format format =
        io.format ? (str_eq(io.format, "xlsx") ? SHEET_XLSX : SHEET_CSV) : named;
    /* A workbook named .csv, or CSV text named .xlsx, would open as neither; a name of no such
     * extension takes --format's. */
    const char *dot = strrchr(io.path, '.');
    int says_csv = dot && !strchr(dot, '/') && strcasecmp(dot, ".csv") == 0;
    if (format != named && (named == SHEET_XLSX || says_csv)) {
        fprintf(stderr,
                _("bangban: --format %s and the file's name %s disagree: name it .%s, or leave "
                  "--format out\n"),
                io.format, io.path, io.format);
        return EXIT_USAGE;
    }
    if (format == SHEET_XLSX && io.codec_forced) {
        fprintf(stderr,
                _("bangban: --encoding is for CSV files; a workbook (%s) is always "
                  "Unicode\n"),
                io.path);
        return EXIT_USAGE;
    }
    if (!verb_output_free(io.path, io.force, 1)) return EXIT_ERROR;
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    struct resident_filter filter;
    if (filter_of(db, &words, &filter) != 0) {
        db_close(db);
        return EXIT_ERROR;
    }
    struct export_options opt = {.format = format,
                                 .codec = io.codec,
                                 .unmasked = io.unmasked,
                                 .reason = io.reason,
                                 .actor = actor_name(),
                                 .filter = &filter};
    size_t rows;
    char *err;
    int rc = ledger_export(io.kind, db, io.path, &opt, &rows, &err);
    if (rc == DB_OK) {
        const char *how = format == SHEET_XLSX ? "xlsx" : codec_name(io.codec);
        const char *masked = !io.kind->schema->nsecret ? ""
                             : io.unmasked             ? _(", unmasked")
                                                       : _(", masked");
        printf(_("%s: %s written: %zu (%s%s)\n"), io.path, _(io.kind->what), rows, how, masked);
    } else {
        verb_fail(err);
    }
    free(err);
    db_close(db);
    return rc == DB_OK ? EXIT_OK : EXIT_ERROR;
}

/*
** bangban find residents [QUERY] [--limit N] [--all] [--tag T] [--community C] [--grid G]
** [--address A]: the matches as the desk's list shows them, masked.
*/
int verb_find(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"limit", required_argument, NULL, 'l'},
        FILTER_LONGOPTS,
        {NULL, 0, NULL, 0},
    };
    long long limit = 50;
    struct filter_words words = {0};
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (filter_word(c, &words)) continue;
        if (c != 'l' || (limit = verb_count(optarg)) < 1 || limit > 100000)
            return verb_usage("find");
    }
    int words_left = argc - optind;
    if ((words_left != 1 && words_left != 2) || !str_eq(argv[optind], "residents"))
        return verb_usage("find"); /* no query: the first residents, as the desk's list opens */
    const char *query = words_left == 2 ? argv[optind + 1] : "";
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (!verb_allowed(db, RIGHT_RESIDENTS)) return EXIT_ERROR;
    struct resident_filter filter;
    if (filter_of(db, &words, &filter) != 0) {
        db_close(db);
        return EXIT_ERROR;
    }
    struct resident_hits hits;
    int rc = resident_search_filtered(db, query, (size_t)limit, &filter, &hits);
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
        db_close(db);
        return EXIT_ERROR;
    }
    time_t now = clock_now();
    for (size_t i = 0; i < hits.n; i++) {
        const struct resident *r = &hits.items[i];
        char *life = resident_status_line(r);
        const char *cells[] = {r->name,
                               resident_gender_text(r->gender),
                               resident_id_listed(r, now),
                               resident_phone_listed(r, now),
                               r->community,
                               r->grid,
                               r->tags,
                               resident_status_of(r) == RESIDENT_PRESENT ? NULL : life};
        /* A resident off the register: a last column says so. */
        size_t ncells = cells[ARRAY_LEN(cells) - 1] ? ARRAY_LEN(cells) : ARRAY_LEN(cells) - 1;
        for (size_t j = 0; j < ncells; j++) {
            char *shown = text_printable(cells[j], 0); /* a stored tab would shift the columns */
            printf("%s%s", shown, j + 1 < ncells ? "\t" : "\n");
            free(shown);
        }
        free(life);
    }
    printf(hits.more ? _("%zu shown of more than %zu\n") : _("%zu shown of %zu\n"), hits.n,
           hits.total);
    resident_hits_free(&hits);
    db_close(db);
    return EXIT_OK;
}
