/*
** cli: see cli.h. The verb table, the usage text built from it, and the
** helpers the verbs share.
*/
#include "cli/cli.h"
#include "app/ledgers.h"
#include "cli/verbs.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/sheet.h"
#include "src/text.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The verbs: what runs each, whether it reads words after its name, and its help. */
static const struct verb {
    const char *name;
    int (*run)(const char *db_path, int argc, char **argv);
    int takes_arguments;
    /* msgids: the words after the name (%s: the ledger kinds), and what it does */
    const char *synopsis;
    const char *help;
    int kinds; /* the synopsis names the kinds: 1 those imported, 2 those exported */
} verbs[] = {
    {"init", verb_init, 0, "", N_("create an empty database"), 0},
    {"demo", verb_demo, 1,
     N_("[--residents N] [--requests N [--years Y]] [--organisations N] [--volunteers N\n"
        "[--hours-years Y]]"),
     N_("create a database holding the demo district (and N made-up residents,\n"
        "N requests over the last Y years, default 3, N organisations in its\n"
        "buildings, default 3000 in a new district, N volunteers and their teams,\n"
        "with Y years of their activities and service hours)"),
     0},
    {"check", verb_check, 1, N_("[--fix]"),
     N_("check the database for damage; --fix counts the residents again when\n"
        "the count the home screen shows has gone wrong"),
     0},
    {"audit", verb_audit, 1, N_("verify"),
     N_("walk the audit log's hash chain; name the first row changed, removed\n"
        "or slipped in behind bangban's back"),
     0},
    {"backup", verb_backup, 1, N_("FILE [--force]"),
     N_("a consistent, checked copy of the database while desks keep working\n"
        "(never cp a live database: it misses the last saves)"),
     0},
    {"restore", verb_restore, 1, N_("FILE"),
     N_("put a backup in place of the database (every desk closed first);\n"
        "the database replaced is kept beside it"),
     0},
    {"import", verb_import, 1,
     N_("%s FILE [--encoding utf-8|gb18030|gbk]\n[--sheet NAME] [--skip-existing] [--rejects "
        "FILE [--force]] [--dry-run] [--map 'HEADER=COLUMN']"),
     N_("read a ledger (CSV, or an Excel workbook's first sheet or --sheet);\n"
        "bad rows go to FILE.rejects.csv with the reason, or to --rejects,\n"
        "which replaces a file only with --force, and never the ledger;\n"
        "--dry-run says what it would change and writes nothing"),
     1},
    {"export", verb_export, 1,
     N_("%s FILE [--encoding utf-8|gb18030|gbk]\n[--format csv|xlsx] [--unmasked --reason WHY] "
        "[--force]\n[--all] [--tag T] [--community C] [--grid G] [--address A]"),
     N_("write a ledger; ID and phone numbers masked unless unmasked;\n"
        "a file that exists is replaced only with --force; residents: those on\n"
        "the register (--all: moved out and deceased too), or those a filter keeps"),
     2},
    {"find", verb_find, 1,
     N_("residents [QUERY] [--limit N] [--all]\n[--tag T] [--community C] [--grid G] [--address "
        "A]"),
     N_("print the residents a search finds (50 unless --limit), masked;\n"
        "--all: moved out, deceased and merged too; a filter: a list for visits"),
     0},
    {"print", verb_print, 1, N_("receipt NUMBER [--output FILE [--force] | --printer[=NAME]]"),
     N_("print a request's receipt to stdout, a file, or lp through paps"), 0},
    {"certificate", verb_certificate, 1,
     N_("VOLUNTEER-NUMBER --from DATE --to DATE [--out FILE [--force]] [--full-id]\n"
        "| --void NUMBER --reason REASON"),
     N_("issue a volunteer's service certificate (志愿服务记录证明) for the\n"
        "counted hours of the period, numbered ZM-YYYY-NNNNN, the ID number\n"
        "masked unless --full-id (audited), to FILE or stdout; --void voids one\n"
        "with a reason (it stays in the register)"),
     0},
    {"report", verb_report, 1,
     N_("rates [--by unit|community|street] [--from DATE] [--to DATE] [--csv]\n"
        "[--basic-weight W] [--min N] [--chart[=ascii|braille] [--name NAME]]\n"
        "| visits [--month YYYY-MM] | coverage [--on DATE] [--load N]\n"
        "| posts [--from DATE] [--to DATE] [--kind POST]\n"
        "| building CODE [--output FILE [--force] | --printer[=NAME]] [--encoding E]\n"
        "| hours-volunteer NUMBER [--from DATE] [--to DATE] [--output FILE [--force]]\n"
        "| hours-teams|hours-categories [--month YYYY-MM | --year YYYY]\n"
        "  [--output FILE [--force]]\n"
        "| stars-due [--output FILE [--force]]"),
     N_("the response, resolution and satisfaction rates per unit, community\n"
        "or street; --chart draws them month by month for the year up to --to;\n"
        "visits: each building chief's visits in the month (走访完成情况);\n"
        "coverage: buildings without a 楼长, grids without a 网格员, streets\n"
        "without a 街长, 楼长 over the load, posts ending within 30 days;\n"
        "posts: who holds which post where, vacancies, hand-overs in the period;\n"
        "building: the building's 楼宇台账 (its 楼长 and 楼宇指导员, its\n"
        "organisations), printed, or a sheet when FILE ends in .csv or .xlsx;\n"
        "hours-*: volunteer hours that count (confirmed, notice over): one\n"
        "volunteer's records and yearly totals, or each team's or category's\n"
        "activities, times served and hours; stars-due: volunteers whose counted\n"
        "hours reach a star level they do not hold; --output writes CSV or .xlsx;\n"
        "a file --output names that exists is replaced only with --force"),
     0},
    {"kiosk", NULL, 0, "",
     N_("the self-service kiosk in the hall (service guide, progress, leaving a\n"
        "request, volunteers signing in and out), for the kiosk user the system\n"
        "login is bound to; leaving it asks for a supervisor's password"),
     0},
    {"user", verb_user, 1,
     N_("add LOGIN --role ROLE [--name N] [--phone P] [--unit U] [--scope S]\n"
        "[--buildings CODE,CODE] [--os-login O] [--password-stdin]\n"
        "| edit LOGIN [--role ROLE] [the options of add but the password]\n"
        "| list | passwd LOGIN [--password-stdin]\n"
        "| lock LOGIN | unlock LOGIN | retire LOGIN | restore LOGIN\n"
        "| bind LOGIN OS_LOGIN"),
     N_("the users who sign in, their roles (desk, unit, chief, volunteers,\n"
        "supervisor, admin, kiosk), a building chief's buildings, and passwords,\n"
        "read from the terminal without echo or from standard input, never from\n"
        "the command line; bound to a system login, a user signs in without a\n"
        "password. Every command acts as the user the system login is bound to\n"
        "(or whose login it is): managing users needs an admin"),
     0},
};

/* Append text with each line after the first indented by indent spaces. */
static void indented(struct strbuf *sb, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        strbuf_addc(sb, *p);
        if (*p == '\n') strbuf_addf(sb, "%*s", indent, "");
    }
}

/*
** "import residents|catalogue|calendar FILE ..." for verb v, its lines
** after the first indented by indent. Caller frees.
*/
static char *synopsis_of(const struct verb *v, int indent)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, v->name);
    if (*v->synopsis) {
        char *kinds = v->kinds ? ledger_kind_names(v->kinds == 2) : xstrdup("");
        const char *fmt = _(v->synopsis);
        const char *at = strstr(fmt, "%s");
        char *words =
            at ? xasprintf("%.*s%s%s", (int)(at - fmt), fmt, kinds, at + 2) : xstrdup(fmt);
        strbuf_addc(&sb, ' ');
        indented(&sb, words, indent);
        free(words);
        free(kinds);
    }
    return strbuf_detach(&sb);
}

void cli_usage(FILE *out)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, _("Usage: bangban [--db PATH] [COMMAND]\n"
                       "\n"
                       "The front desk of a community party-and-masses service centre.\n"
                       "Without a command, opens the full-screen program.\n"
                       "\n"
                       "Commands:\n"));
    for (size_t i = 0; i < ARRAY_LEN(verbs); i++) {
        char *synopsis = synopsis_of(&verbs[i], 12);
        strbuf_adds(&sb, "  ");
        if (text_width(synopsis) <= 8 && !strchr(synopsis, '\n')) {
            strbuf_addf(&sb, "%-10s", synopsis);
        } else {
            strbuf_adds(&sb, synopsis);
            strbuf_addf(&sb, "\n%12s", "");
        }
        indented(&sb, _(verbs[i].help), 12);
        strbuf_addc(&sb, '\n');
        free(synopsis);
    }
    strbuf_adds(&sb, _("\n"
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
    fputs(strbuf_str(&sb), out);
    strbuf_free(&sb);
}

static const struct verb *verb_find_named(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(verbs); i++)
        if (str_eq(verbs[i].name, name)) return &verbs[i];
    return NULL;
}

int verb_usage(const char *name)
{
    const struct verb *v = verb_find_named(name);
    char *synopsis = v ? synopsis_of(v, 15) : xstrdup(name);
    fprintf(stderr, _("Usage: bangban %s\n"), synopsis);
    free(synopsis);
    return EXIT_USAGE;
}

/* The role code of the user the verbs act as; "" when they act as a bare system login. */
static char acting_role[16];

/*
** A verb refused for want of a right (a store said DB_DENIED): say which
** right, and who lacked it.
*/
static void verb_denied(unsigned right)
{
    if (right & RIGHTS_ANY) { /* what a screen shows: none of the rights that open it */
        char *msg = *acting_role ? xasprintf(_("refused: %s (%s) has no screen that shows this"),
                                             actor_name(), user_role_name(acting_role))
                                 : xasprintf(_("refused: the system login %s is no active user of "
                                               "this database, and holds no right"),
                                             actor_name());
        verb_fail(msg);
        free(msg);
        return;
    }
    const char *what = roles_right_name(right);
    if (!what) return;
    char *msg = *acting_role ? xasprintf(_("refused: %s (%s) has not the right to %s"),
                                         actor_name(), user_role_name(acting_role), _(what))
                             : xasprintf(_("refused: the system login %s is no active user of "
                                           "this database, and holds no right (here: to %s)"),
                                         actor_name(), _(what));
    verb_fail(msg);
    free(msg);
}

int cli_run(const char *db_path, int argc, char **argv)
{
    const struct verb *v = verb_find_named(argv[0]);
    if (!v) {
        fprintf(stderr, _("bangban: unknown command \"%s\"\n"), argv[0]);
        cli_usage(stderr);
        return EXIT_USAGE;
    }
    if (!v->takes_arguments && argc > 1) {
        fprintf(stderr, _("bangban: %s takes no arguments\n"), argv[0]);
        return EXIT_USAGE;
    }
    if (!v->run) { /* the full-screen kiosk: src/main.c opens it */
        fprintf(stderr, _("bangban: %s runs on a terminal\n"), argv[0]);
        return EXIT_USAGE;
    }
    user_denied_take();
    int status = v->run(db_path, argc, argv);
    unsigned right = user_denied_take();
    if (status != EXIT_OK && right) verb_denied(right);
    return status;
}

/* A verb waits its turn behind desks and other imports, saying once that it waits. */
static int verb_wait(void *ctx, long waited_ms)
{
    int *told = ctx;
    if (!*told && waited_ms >= 1000) {
        fputs(_("bangban: waiting for the database: a desk or another import is writing\n"),
              stderr);
        *told = 1;
    }
    return 1;
}

/*
** Who a verb acts as, on a database with users: the active user the
** system login is bound to; else the active user whose login is the
** system login's name; else the bare system login, whom every store
** check refuses what needs a right. A retired user's binding does not
** count. Set once, as the database is opened.
*/
static void verb_act_as(struct db *db)
{
    const char *os = actor_os_login();
    actor_set(NULL);
    acting_role[0] = '\0';
    struct user u;
    int found = user_find_os(db, os, &u) == DB_OK;
    if (found && u.retired) {
        record_free(&user_record, &u);
        found = 0;
    }
    if (!found && user_find(db, os, &u) == DB_OK) {
        found = !u.retired;
        if (!found) record_free(&user_record, &u);
    }
    if (!found) return;
    actor_set(u.login);
    snprintf(acting_role, sizeof acting_role, "%s", u.role);
    record_free(&user_record, &u);
}

struct db *verb_open(const char *path, unsigned flags, int *status)
{
    static int told;
    struct db *db;
    char *err;
    int rc = db_open(path, flags | DB_OPEN_QUEUE, &db, &err);
    if (rc == DB_OK) {
        db_set_wait(db, verb_wait, &told, 0);
        verb_act_as(db);
        return db;
    }
    verb_fail(err);
    free(err);
    *status =
        rc == DB_MISSING || rc == DB_NOT_OURS || rc == DB_TOO_NEW ? EXIT_DATABASE : EXIT_ERROR;
    return NULL;
}

int verb_allowed(struct db *db, unsigned rights)
{
    int rc = user_allowed(db, actor_name(), rights);
    if (rc == DB_OK) return 1;
    if (rc != DB_DENIED) {
        char *why = db_rc_text(db, rc);
        verb_fail(why);
        free(why);
    }
    db_close(db);
    return 0;
}

void verb_put(FILE *f, const char *text)
{
    char *shown = text_printable(text, TEXT_LINES | TEXT_TABS);
    fputs(shown, f);
    free(shown);
}

void verb_fail(const char *why)
{
    char *line = xasprintf("bangban: %s\n", why);
    verb_put(stderr, line);
    free(line);
}

int verb_output_free(const char *path, int force, int workbooks)
{
    struct stat st;
    const char *ext = sheet_name_refused(path, workbooks);
    if (!ext && (force || lstat(path, &st) != 0)) return 1;
    char *why = !ext ? xasprintf(_("%s exists already: --force replaces it"), path)
                : workbooks
                    ? xasprintf(_("%s: bangban does not write %s files: name it .xlsx (Excel) or "
                                  ".csv"),
                                path, ext)
                    : xasprintf(_("%s: this is written as text, not as a workbook: name it .txt or "
                                  ".csv"),
                                path);
    verb_fail(why);
    free(why);
    return 0;
}

int verb_encoding(const char *arg, enum codec *c)
{
    if (codec_parse(arg, c) == 0) return 0;
    char *why = xasprintf(_("--encoding %s: bangban knows utf-8, gb18030 and gbk"), arg);
    verb_fail(why);
    free(why);
    return -1;
}

int verb_option_bad(const char *option, const char *value, const char *takes)
{
    char *why = xasprintf("%s %s: %s", option, value, takes);
    verb_fail(why);
    free(why);
    return 1;
}

long long verb_count(const char *s)
{
    char *end;
    long long n = strtoll(s, &end, 10);
    return *s && !*end && n >= 0 ? n : -1;
}

void verb_progress(void *ctx, const char *step, size_t done, size_t total)
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
