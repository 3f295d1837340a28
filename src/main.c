/*
** main: the composition root, the only file that sees every layer. It
** sets up the locale and messages, reads the command line, opens the
** database and either runs a command (init, demo, check) or the
** full-screen program.
*/
#include "db/area.h"
#include "db/db.h"
#include "db/demo.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/util.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/ui.h"

#include <getopt.h>
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
              "  demo      create a database holding the demo district\n"
              "  check     check the database for damage\n"
              "\n"
              "Options:\n"
              "  --db PATH     the database (default: $BANGBAN_DB, else\n"
              "                $XDG_DATA_HOME/bangban/bangban.db)\n"
              "  -h, --help    show this help\n"
              "  -V, --version show the version\n"
              "\n"
              "Exit status: 0 done; 1 failed; 2 bad command line; 3 no usable database\n"
              "(missing, not a bangban database, or from a newer bangban); 4 check found\n"
              "problems; 6 the terminal cannot show the program (not UTF-8, no terminal);\n"
              "128+N the program was ended by signal N.\n"));
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

static int cmd_init(struct options *o)
{
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    printf(_("%s: bangban database, schema version %d\n"), o->db_path, db_schema_version(db));
    db_close(db);
    return EXIT_OK;
}

static int cmd_demo(struct options *o)
{
    int status = EXIT_OK;
    struct db *db = open_or_say(o->db_path, DB_OPEN_CREATE, &status);
    if (!db) return status;
    struct demo_report rep;
    char *err;
    int rc = demo_seed(db, actor_name(), &rep, &err);
    if (rc != DB_OK) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        db_close(db);
        return EXIT_ERROR;
    }
    printf(_("%s: demo district created: %d streets, %d communities, %d grids, %d buildings\n"),
           o->db_path, rep.streets, rep.communities, rep.grids, rep.buildings);
    db_close(db);
    return EXIT_OK;
}

static int cmd_check(struct options *o)
{
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

static const struct {
    const char *name;
    int (*run)(struct options *o);
} commands[] = {
    {"init", cmd_init},
    {"demo", cmd_demo},
    {"check", cmd_check},
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
        int (*run)(struct options *) = NULL;
        for (size_t i = 0; i < ARRAY_LEN(commands); i++)
            if (str_eq(argv[optind], commands[i].name)) run = commands[i].run;
        if (!run) {
            fprintf(stderr, _("bangban: unknown command \"%s\"\n"), argv[optind]);
            usage(stderr);
            status = EXIT_USAGE;
        } else if (optind + 1 < argc) {
            fprintf(stderr, _("bangban: %s takes no arguments\n"), argv[optind]);
            status = EXIT_USAGE;
        } else {
            status = run(&o);
        }
    }
    free(o.db_path);
    pinyin_shutdown();
    return status;
}
