/*
** main: the composition root, the only file that sees every layer. It
** sets up the locale, messages and log, reads the options before the verb,
** and either hands the verb to the CLI (cli/) or opens the database and
** runs the full-screen program (ui/).
*/
#include "cli/cli.h"
#include "db/db.h"
#include "src/i18n.h"
#include "src/log.h"
#include "src/pinyin.h"
#include "src/util.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/ui.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#ifndef BANGBAN_VERSION
#define BANGBAN_VERSION "0.0.0"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

struct options {
    char *db_path; /* owned */
    enum i18n_status locale;
    const char *requested_locale;
};

/* The default database: $BANGBAN_DB, else $XDG_DATA_HOME/bangban/bangban.db. Caller frees. */
static char *default_db_path(void)
{
    const char *env = getenv("BANGBAN_DB");
    if (!str_empty(env)) return xstrdup(env);
    return path_xdg("XDG_DATA_HOME", ".local/share", "bangban/bangban.db");
}

/*
** Where the message catalogues are: $BANGBAN_LOCALEDIR, else next to the
** program when it runs from its build tree, else PREFIX/share/locale beside
** the PREFIX/bin it was installed to (whatever PREFIX it was built for:
** "make" and then "make install PREFIX=/usr"), else LOCALEDIR. Caller frees.
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
        static const char *const candidates[] = {"/build/locale", "/../locale", "/../share/locale"};
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

/* The log: $XDG_STATE_HOME/bangban/bangban.log, else ~/.local/state/bangban/bangban.log. */
static void log_setup(void)
{
    char *path = path_xdg("XDG_STATE_HOME", ".local/state", "bangban/bangban.log");
    log_open(path);
    free(path);
}

/* The full-screen program; kiosk: the self-service kiosk (bangban kiosk). */
static int cmd_ui(struct options *o, int kiosk)
{
    if (o->locale == I18N_NOT_UTF8) {
        fprintf(stderr,
                "bangban: the terminal's character set is not UTF-8 (locale \"%s\").\n"
                "bangban: 终端字符集不是 UTF-8（locale \"%s\"）。\n"
                "Set LANG=C.UTF-8 or zh_CN.UTF-8 and the terminal to UTF-8, then start again.\n",
                o->requested_locale, o->requested_locale);
        return EXIT_TERMINAL;
    }
    struct db *db;
    char *err;
    int rc = db_open(o->db_path, 0, &db, &err);
    if (rc != DB_OK) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        return rc == DB_MISSING || rc == DB_NOT_OURS || rc == DB_TOO_NEW ? EXIT_DATABASE
                                                                         : EXIT_ERROR;
    }
    ui.db = db;
    ui.rights = ~0u; /* a database with no users: the system login may do everything */
    struct screen *first = NULL;
    if (kiosk && !(first = screen_kiosk_start(&err))) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        db_close(db);
        return EXIT_ERROR;
    }
    if (term_start(&err) != 0) {
        fprintf(stderr, "bangban: %s\n", err);
        free(err);
        if (first) first->ops->free(first);
        db_close(db);
        return EXIT_TERMINAL;
    }
    ui.district = db_meta_get(db, "district");
    if (!ui.district) ui.district = xstrdup("");
    char *demo = db_meta_get(db, "demo");
    ui.demo = str_eq(demo, "1");
    free(demo);
    if (o->locale == I18N_FALLBACK)
        ui_message(UI_MSG_INFO, _("The locale %s is not installed here: using C.UTF-8"),
                   o->requested_locale);
    int status = ui_run(first ? first : screen_start_new());
    term_stop();
    free(ui.district);
    db_close(db);
    return status;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    /*
    ** The register holds a district's ID and mobile numbers: every file
    ** bangban makes (the database and its -wal and -shm, exports, rejects,
    ** backups) is its owner's alone, whatever umask the login has.
    */
    umask(S_IRWXG | S_IRWXO);
    /*
    ** The local zone, read once: with TZ unset glibc looks at /etc/localtime
    ** again on every mktime(), and deadlines and generated history call it
    ** millions of times. The same zone, named as the system's.
    */
    if (!getenv("TZ")) setenv("TZ", ":/etc/localtime", 1);
    tzset();
    struct options o = {NULL, I18N_OK, "C"};
    char *localedir = locale_dir();
    o.locale = i18n_setup(localedir, &o.requested_locale);
    free(localedir);
    if (o.locale == I18N_NOT_UTF8) {
        /*
         * Commands still work, and what they write in the database (a demo's timelines) is in
         * the words the desks read: under LANG=C, Chinese (i18n_setup() named it), not English.
         */
        setlocale(LC_CTYPE, "C.UTF-8");
        setlocale(LC_MESSAGES, "C.UTF-8");
    }

    int c;
    while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            free(o.db_path);
            o.db_path = xstrdup(optarg);
            break;
        case 'h':
            cli_usage(stdout);
            free(o.db_path);
            return EXIT_OK;
        case 'V':
            printf("bangban %s\n", BANGBAN_VERSION);
            free(o.db_path);
            return EXIT_OK;
        default:
            cli_usage(stderr);
            free(o.db_path);
            return EXIT_USAGE;
        }
    }
    if (!o.db_path) o.db_path = default_db_path();
    log_setup();
    int kiosk = optind < argc && str_eq(argv[optind], "kiosk");
    int status;
    if (kiosk && optind + 1 < argc) {
        fprintf(stderr, _("bangban: %s takes no arguments\n"), "kiosk");
        status = EXIT_USAGE;
    } else if (optind >= argc || kiosk) {
        status = cmd_ui(&o, kiosk);
    } else {
        status = cli_run(o.db_path, argc - optind, argv + optind);
    }
    free(o.db_path);
    pinyin_shutdown();
    log_open(NULL);
    return status;
}
