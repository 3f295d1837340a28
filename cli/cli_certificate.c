/*
** cli_certificate: bangban certificate: issue a volunteer's 志愿服务记录证明
** for a period and print it (to a file or stdout), or void one with a
** reason. Acts as the user the system login is bound to (src/actor.h).
*/
#include "app/certificates.h"
#include "cli/verbs.h"
#include "db/certificate_store.h"
#include "db/star_store.h"
#include "db/volunteer_store.h"
#include "src/clock.h"
#include "src/actor.h"
#include "src/date.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/printer.h"
#include "src/util.h"
#include "src/volunteer.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

/* A date option as YYYY-MM-DD into out[11]; 0 when it is not a date (said on stderr). */
static int date_option(const char *name, const char *typed, char *out)
{
    struct date d;
    if (typed && date_parse(typed, &d) == DATE_OK) {
        date_format(&d, out);
        return 1;
    }
    fprintf(stderr, _("bangban: --%s: %s is not a date\n"), name, typed ? typed : "");
    return 0;
}

/* Say what the store's refusal rc means (why, when it said). */
static int refused(struct db *db, int rc, const char *why)
{
    if (why)
        verb_fail(why);
    else {
        char *text = db_rc_text(db, rc);
        verb_fail(text);
        free(text);
    }
    return EXIT_ERROR;
}

static int certificate_void_verb(struct db *db, const char *typed, const char *reason)
{
    char number[CERTIFICATE_NUMBER_MAX];
    if (certificate_number_parse(typed, number, NULL, NULL) != 0) {
        fprintf(stderr, _("bangban: %s is not a certificate number (ZM-YYYY-NNNNN)\n"), typed);
        return EXIT_ERROR;
    }
    char *why = NULL;
    int rc = certificate_void(db, number, reason, actor_name(), &why);
    int status = EXIT_OK;
    if (rc == DB_OK)
        printf(_("certificate %s voided\n"), number);
    else if (rc == DB_NOTFOUND) {
        fprintf(stderr, _("bangban: no certificate numbered %s\n"), number);
        status = EXIT_ERROR;
    } else
        status = refused(db, rc, why);
    free(why);
    return status;
}

static int certificate_issue_verb(struct db *db, const char *typed, const char *from,
                                  const char *to, const char *out, int full)
{
    char number[VOLUNTEER_NUMBER_LEN + 1], today[11];
    struct volunteer v;
    if (volunteer_number_parse(typed, number, NULL, NULL) ||
        volunteer_get_by_number(db, number, &v) != DB_OK) {
        fprintf(stderr, _("bangban: no volunteer numbered %s\n"), typed);
        return EXIT_ERROR;
    }
    /* Where it goes can be written: a number is never given to a certificate left unwritten. */
    struct outfile probe;
    struct stat st;
    char *unwritable = NULL;
    if (out && stat(out, &st) == 0 && S_ISDIR(st.st_mode))
        unwritable = xstrdup(_("it is a folder: name a file in it"));
    else if (out && outfile_open(&probe, out, 0) < 0)
        unwritable = util_errno_text(errno);
    else if (out)
        outfile_abort(&probe);
    if (unwritable) {
        fprintf(stderr, _("bangban: cannot write %s: %s; no certificate issued\n"), out,
                unwritable);
        free(unwritable);
        record_free(&volunteer_record, &v);
        return EXIT_ERROR;
    }
    struct certificate c;
    int rc = certificate_prepare(db, v.id, from, to, actor_name(), &c);
    c.id_in_full = full;
    char *why = NULL;
    if (rc == DB_OK) rc = certificate_issue(db, &c, clock_today(today), actor_name(), &why);
    int status = EXIT_OK;
    if (rc != DB_OK) {
        status = refused(db, rc, why);
    } else {
        char *text = certificate_text(&c), *err = NULL, hours[24];
        if (!out)
            verb_put(stdout, text);
        else if (printer_save(text, out, &err) == 0)
            printf(_("%s: certificate %s written, %s hours for %s (%s)\n"), out, c.number,
                   hours_format(c.minutes, hours), c.volunteer_name, c.volunteer_number);
        else {
            fprintf(stderr, _("bangban: certificate %s issued but not written: %s\n"), c.number,
                    err);
            status = EXIT_ERROR;
        }
        free(err);
        free(text);
    }
    free(why);
    record_free(&certificate_record, &c);
    record_free(&volunteer_record, &v);
    return status;
}

int verb_certificate(const char *db_path, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"from", required_argument, NULL, 'f'},
        {"to", required_argument, NULL, 't'},
        {"out", required_argument, NULL, 'o'},
        {"full-id", no_argument, NULL, 'F'},
        {"void", required_argument, NULL, 'v'},
        {"reason", required_argument, NULL, 'r'},
        {"force", no_argument, NULL, 'W'}, /* replace the file --out names */
        {NULL, 0, NULL, 0},
    };
    const char *from = NULL, *to = NULL, *out = NULL, *voiding = NULL, *reason = NULL;
    int full = 0, force = 0, c, bad = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (c == 'f')
            from = optarg;
        else if (c == 't')
            to = optarg;
        else if (c == 'o')
            out = optarg;
        else if (c == 'F')
            full = 1;
        else if (c == 'v')
            voiding = optarg;
        else if (c == 'r')
            reason = optarg;
        else if (c == 'W')
            force = 1;
        else
            bad = 1;
    }
    if (voiding)
        bad |= optind != argc || !reason || from || to || out || full || force;
    else
        bad |= optind != argc - 1 || !from || !to || reason || (force && !out);
    if (bad) return verb_usage("certificate");
    /* Asked before the certificate is issued: a file in the way never leaves one unwritten. */
    if (out && !verb_output_free(out, force, 0)) return EXIT_ERROR; /* a certificate is text */
    char f[11], t[11];
    if (!voiding && (!date_option("from", from, f) || !date_option("to", to, t))) return EXIT_USAGE;
    int status = EXIT_OK;
    struct db *db = verb_open(db_path, 0, &status);
    if (!db) return status;
    status = voiding ? certificate_void_verb(db, voiding, reason)
                     : certificate_issue_verb(db, argv[optind], f, t, out, full);
    db_close(db);
    return status;
}
