/*
** cli_user: bangban user add|edit|list|passwd|lock|unlock|retire|bind. Passwords
** are read from the terminal without echo, or from standard input with
** --password-stdin, never from the command line.
*/
#include "app/users.h"
#include "cli/verbs.h"
#include "db/catalogue_store.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/phone.h"
#include "src/resident.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* One line of standard input, its line feed dropped; NULL at its end. Caller frees. */
static char *line_read(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return line;
}

/* Ask prompt on the terminal and read a line without echo. Caller frees; NULL at end of input. */
static char *secret_ask(const char *prompt)
{
    fputs(prompt, stderr);
    fflush(stderr);
    struct termios was, quiet;
    int tty = tcgetattr(STDIN_FILENO, &was) == 0;
    if (tty) {
        quiet = was;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        quiet.c_lflag |= ECHONL;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    char *line = line_read();
    if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &was);
    return line;
}

/* Wipe and free a password. */
static void secret_free(char *s)
{
    if (s) explicit_bzero(s, strlen(s));
    free(s);
}

/*
** The new password: one line of stdin with from_stdin, else typed twice
** on the terminal. *out NULL when none was given and optional; returns 0,
** or 1 after saying why not.
*/
static int password_get(int from_stdin, int optional, char **out)
{
    *out = NULL;
    if (from_stdin) {
        *out = line_read();
        if (!*out) {
            verb_fail(_("no password on standard input"));
            return 1;
        }
        return 0;
    }
    if (!isatty(STDIN_FILENO)) {
        if (optional) return 0;
        verb_fail(_("a password is typed on a terminal, or given with --password-stdin"));
        return 1;
    }
    char *one = secret_ask(optional ? _("Password (Enter alone: none, peer sign-in only): ")
                                    : _("New password: "));
    if (one && !*one && optional) {
        free(one);
        return 0;
    }
    char *two = one ? secret_ask(_("Again: ")) : NULL;
    int same = one && two && str_eq(one, two);
    secret_free(two);
    if (!same) {
        secret_free(one);
        verb_fail(_("the two passwords differ: nothing changed"));
        return 1;
    }
    *out = one;
    return 0;
}

/* Say why rc refused a change of user login (DB_DENIED: cli_run() names the right). */
static int user_failed(struct db *db, int rc, const char *login, const char *why)
{
    if (rc == DB_DENIED && !why) return EXIT_ERROR;
    char *msg;
    if (why) {
        msg = xasprintf(_("%s: %s"), login, why);
    } else if (rc == DB_DUPLICATE) {
        char *field = db_duplicate_field(db);
        msg = str_eq(field, "os_login")
                  ? xasprintf(_("%s: that system login is bound to another user"), login)
                  : xasprintf(_("%s: a user of that login exists"), login);
        free(field);
    } else if (rc == DB_NOTFOUND) {
        msg = xasprintf(_("%s: no such user"), login);
    } else {
        char *text = db_rc_text(db, rc);
        msg = xasprintf(_("%s: %s"), login, text);
        free(text);
    }
    verb_fail(msg);
    free(msg);
    return EXIT_ERROR;
}

/* The user login, active, into *u; else says why and returns 0. */
static int user_active(struct db *db, const char *login, struct user *u, int *status)
{
    int rc = user_find(db, login, u);
    if (rc == DB_OK && !u->retired) return 1;
    if (rc == DB_OK) {
        char *msg = xasprintf(_("%s: the user is retired"), login);
        verb_fail(msg);
        free(msg);
        record_free(&user_record, u);
        *status = EXIT_ERROR;
        return 0;
    }
    *status = user_failed(db, rc, login, NULL);
    return 0;
}

/* What user add and user edit were told; NULL: not given. */
struct user_opts {
    const char *role, *name, *unit, *scope, *os, *phone, *buildings;
    int from_stdin;
};

/* Read the options of user add (with_password) or user edit into o. 0, or -1 for bad usage. */
static int user_opts_read(int argc, char **argv, int with_password, struct user_opts *o)
{
    static const struct option longopts[] = {
        {"role", required_argument, NULL, 'r'},
        {"name", required_argument, NULL, 'n'},
        {"unit", required_argument, NULL, 'u'},
        {"scope", required_argument, NULL, 's'},
        {"os-login", required_argument, NULL, 'o'},
        {"phone", required_argument, NULL, 'p'},
        {"buildings", required_argument, NULL, 'b'},
        {"password-stdin", no_argument, NULL, 'P'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            o->role = optarg;
            break;
        case 'n':
            o->name = optarg;
            break;
        case 'u':
            o->unit = optarg;
            break;
        case 's':
            o->scope = optarg;
            break;
        case 'o':
            o->os = optarg;
            break;
        case 'p':
            o->phone = optarg;
            break;
        case 'b':
            o->buildings = optarg;
            break;
        case 'P':
            if (!with_password) return -1;
            o->from_stdin = 1;
            break;
        default:
            return -1;
        }
    }
    return optind == argc - 1 ? 0 : -1;
}

/*
** Put what o gives into u (a user being added or edited), the unit and
** buildings looked up and checked. EXIT_OK, or EXIT_ERROR after saying
** why, naming login.
*/
static int user_opts_apply(struct db *db, const struct user_opts *o, const char *login,
                           struct user *u)
{
    if (o->role) {
        const struct role *r = roles_find(o->role);
        if (!r) {
            char *codes = roles_codes();
            char *msg = xasprintf(_("%s: no such role \"%s\" (one of %s)"), login, o->role, codes);
            verb_fail(msg);
            free(msg);
            free(codes);
            return EXIT_ERROR;
        }
        record_set(&u->role, r->code);
        /* A role that has no unit, or no buildings, drops those it had. */
        if (!str_eq(r->code, "unit") && !o->unit) u->unit_id = 0;
        if (!str_eq(r->code, "chief") && !o->buildings) record_set(&u->buildings, "");
    }
    if (o->name) record_set(&u->name, o->name);
    if (o->scope) record_set(&u->scope, o->scope);
    if (o->os) record_set(&u->os_login, o->os);
    if (o->buildings) record_set(&u->buildings, o->buildings);
    if (o->phone) {
        char mobile[12] = "";
        const char *why = *o->phone ? phone_mobile(o->phone, mobile) : NULL;
        if (why) return user_failed(db, DB_INVALID, login, why);
        record_set(&u->phone, mobile);
    }
    if (o->unit) {
        struct unit found;
        int rc = *o->unit ? unit_find(db, o->unit, &found) : DB_OK;
        if (rc == DB_OK && *o->unit) {
            u->unit_id = found.id;
            record_free(&unit_record, &found);
        } else if (rc == DB_OK) {
            u->unit_id = 0;
        } else {
            char *msg = xasprintf(_("no such unit \"%s\""), o->unit);
            int status = user_failed(db, rc, login, rc == DB_NOTFOUND ? msg : NULL);
            free(msg);
            return status;
        }
    }
    const char *why = users_check(u);
    if (why) return user_failed(db, DB_INVALID, login, why);
    int rc;
    char *bad = users_buildings_why(db, u, &rc);
    if (rc == DB_OK) bad = users_scope_why(db, u, &rc);
    int status = rc == DB_OK ? EXIT_OK : user_failed(db, rc, login, bad);
    free(bad);
    return status;
}

/* bangban user add LOGIN --role R [...] */
static int user_add_run(struct db *db, int argc, char **argv)
{
    struct user_opts o;
    if (user_opts_read(argc, argv, 1, &o) || !o.role) return verb_usage("user");
    const char *login = argv[optind];
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    int status = user_opts_apply(db, &o, login, &u);
    char *password = NULL;
    if (status == EXIT_OK && password_get(o.from_stdin, 1, &password)) status = EXIT_ERROR;
    if (status == EXIT_OK) {
        const char *why;
        int rc = users_add(db, &u, password, actor_name(), &why);
        if (rc == DB_OK)
            printf(_("%s: user added (%s)%s\n"), u.login, user_role_name(u.role),
                   password ? "" : _(", no password: peer sign-in only"));
        else
            status = user_failed(db, rc, login, why);
    }
    secret_free(password);
    record_free(&user_record, &u);
    return status;
}

/* bangban user edit LOGIN [--role R] [...]: what is given changes, the rest stays. */
static int user_edit_run(struct db *db, int argc, char **argv)
{
    struct user_opts o;
    if (user_opts_read(argc, argv, 0, &o)) return verb_usage("user");
    struct user u;
    int status = EXIT_OK;
    if (!user_active(db, argv[optind], &u, &status)) return status;
    char *buildings = xstrdup(u.buildings), *unit = xstrdup(u.unit_name);
    status = user_opts_apply(db, &o, u.login, &u);
    if (status == EXIT_OK) {
        int rc = user_save(db, &u, actor_name());
        if (rc == DB_OK) {
            printf(_("%s: user changed (%s)\n"), u.login, user_role_name(u.role));
            /* A new role drops the buildings or unit of the old: said, not lost in silence. */
            if (*buildings && str_empty(u.buildings))
                printf(_("%s: no longer chief of the buildings %s\n"), u.login, buildings);
            if (*unit && !u.unit_id) printf(_("%s: no longer of the unit %s\n"), u.login, unit);
        } else { /* its role and unit were checked above: refused, it was the last administrator */
            status = user_failed(db, rc, u.login, rc == DB_INVALID ? user_last_admin_text() : NULL);
        }
    }
    free(buildings);
    free(unit);
    record_free(&user_record, &u);
    return status;
}

/* A user's state in words at now. */
static const char *user_state(const struct user *u)
{
    return u->retired                     ? _("retired")
           : users_locked(u, clock_now()) ? _("locked")
           : users_no_way_in(u)           ? _("no way in")
                                          : _("active");
}

/* What a user acts for: a unit handler's unit, a chief's buildings, a desk's scope. Borrowed. */
static const char *user_scope(const struct user *u)
{
    if (str_eq(u->role, "chief"))
        return str_empty(u->buildings) ? _("(no buildings yet)") : u->buildings;
    return str_empty(u->unit_name) ? u->scope : u->unit_name;
}

/* bangban user list: every user, retired ones too; the users screen's, an admin's. */
static int user_list_run(struct db *db)
{
    struct user *users;
    size_t n;
    int rc = user_allowed(db, actor_name(), RIGHT_MANAGE_USERS);
    if (rc == DB_OK) rc = user_list(db, 1, &users, &n);
    if (rc != DB_OK) return user_failed(db, rc, "user list", NULL);
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const struct user *u = &users[i];
        char *phone = resident_masked_phone(u->phone);
        strbuf_addf(&sb, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", u->login, u->name, user_role_name(u->role),
                    user_scope(u), u->os_login, phone, user_state(u));
        free(phone);
    }
    if (n == 0) strbuf_adds(&sb, _("no users yet: everyone acts as their system login\n"));
    verb_put(stdout, strbuf_str(&sb));
    strbuf_free(&sb);
    record_array_free(&user_record, users, n);
    return EXIT_OK;
}

/* bangban user passwd LOGIN [--password-stdin] */
static int user_passwd_run(struct db *db, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"password-stdin", no_argument, NULL, 'P'},
        {NULL, 0, NULL, 0},
    };
    int from_stdin = 0, c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c != 'P') return verb_usage("user");
        from_stdin = 1;
    }
    if (optind != argc - 1) return verb_usage("user");
    struct user u;
    int status = EXIT_OK;
    if (!user_active(db, argv[optind], &u, &status)) return status;
    char *password = NULL;
    if (password_get(from_stdin, 0, &password)) {
        status = EXIT_ERROR;
    } else {
        const char *why;
        int rc = users_passwd(db, u.id, password, actor_name(), &why);
        if (rc == DB_OK)
            printf(_("%s: password set\n"), u.login);
        else
            status = user_failed(db, rc, u.login, why);
    }
    secret_free(password);
    record_free(&user_record, &u);
    return status;
}

/* bangban user restore LOGIN: a retired user active again (as F8 on the users screen). */
static int user_restore_run(struct db *db, int argc, char **argv)
{
    if (argc != 2) return verb_usage("user");
    struct user u;
    int rc = user_find(db, argv[1], &u);
    if (rc != DB_OK) return user_failed(db, rc, argv[1], NULL);
    int status = EXIT_OK;
    if (!u.retired) {
        char *msg = xasprintf(_("%s: the user is not retired"), u.login);
        verb_fail(msg);
        free(msg);
        status = EXIT_ERROR;
    } else if ((rc = user_set_retired(db, &u, 0, actor_name(), NULL)) == DB_OK) {
        printf(_("%s: %s\n"), u.login, _("restored"));
    } else {
        status = user_failed(db, rc, u.login, NULL);
    }
    record_free(&user_record, &u);
    return status;
}

/* bangban user lock|unlock|retire LOGIN, bind LOGIN OS_LOGIN */
static int user_change_run(struct db *db, const char *what, int argc, char **argv)
{
    int bind = str_eq(what, "bind");
    if (argc != (bind ? 3 : 2)) return verb_usage("user");
    struct user u;
    int status = EXIT_OK;
    if (!user_active(db, argv[1], &u, &status)) return status;
    int rc;
    const char *done;
    char *bound = NULL; /* bind's words, naming the system login */
    if (str_eq(what, "lock")) {
        rc = user_set_lock(db, u.id, users_locked_for_good(), actor_name());
        done = _("locked until unlocked");
    } else if (str_eq(what, "unlock")) {
        rc = user_set_lock(db, u.id, NULL, actor_name());
        done = _("unlocked");
    } else if (bind) {
        const char *why = user_login_check(argv[2]);
        if (why) {
            record_free(&user_record, &u);
            return user_failed(db, DB_INVALID, argv[2], why);
        }
        rc = user_bind(db, u.id, argv[2], actor_name());
        done = bound = xasprintf(_("bound to the system login %s"), argv[2]);
    } else {
        rc = user_set_retired(db, &u, 1, actor_name(), NULL);
        done = _("retired");
    }
    if (rc == DB_OK)
        printf(_("%s: %s\n"), u.login, done);
    else
        status = user_failed(db, rc, u.login, rc == DB_INVALID ? user_last_admin_text() : NULL);
    free(bound);
    record_free(&user_record, &u);
    return status;
}

int verb_user(const char *db_path, int argc, char **argv)
{
    static const char *const subs[] = {"add",    "edit",   "list",    "passwd", "lock",
                                       "unlock", "retire", "restore", "bind"};
    const char *sub = argc > 1 ? argv[1] : "";
    size_t i = 0;
    while (i < ARRAY_LEN(subs) && !str_eq(subs[i], sub))
        i++;
    if (i == ARRAY_LEN(subs) || (str_eq(sub, "list") && argc != 2)) return verb_usage("user");
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    if (str_eq(sub, "add"))
        status = user_add_run(db, argc - 1, argv + 1);
    else if (str_eq(sub, "edit"))
        status = user_edit_run(db, argc - 1, argv + 1);
    else if (str_eq(sub, "list"))
        status = user_list_run(db);
    else if (str_eq(sub, "passwd"))
        status = user_passwd_run(db, argc - 1, argv + 1);
    else if (str_eq(sub, "restore"))
        status = user_restore_run(db, argc - 1, argv + 1);
    else
        status = user_change_run(db, sub, argc - 1, argv + 1);
    db_close(db);
    return status;
}
