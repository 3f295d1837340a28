/*
** certificate_store: see certificate_store.h.
*/
#include "db/certificate_store.h"
#include "db/hours_store.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int certificate_service(struct db *db, int64_t volunteer_id, const char *from, const char *to,
                        const char *today, int64_t *minutes, char **content)
{
    struct db_stmt *st = db_prepare(
        db, "SELECT coalesce(sum(minutes), 0) FROM service_record"
            " INDEXED BY service_record_counted WHERE volunteer_id = ?1 AND " HOURS_COUNTED(
                "", "?2") " AND day >= ?3 AND day <= ?4");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, today);
    db_bind_text(st, 3, from);
    db_bind_text(st, 4, to);
    int rc = db_step(st);
    *minutes = rc == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    if (rc != DB_ROW) return rc;
    if (!content) return DB_OK;
    st = db_prepare(db, "SELECT coalesce(c.name, ''), a.name FROM service_record s"
                        " JOIN activity a ON a.id = s.activity_id"
                        " LEFT JOIN service_category c ON c.id = a.category_id"
                        " WHERE s.volunteer_id = ?1 AND " HOURS_COUNTED(
                            "s.", "?2") " AND s.day >= ?3 AND s.day <= ?4"
                                        " GROUP BY a.id ORDER BY sum(s.minutes) DESC, a.name");
    db_bind_int(st, 1, volunteer_id);
    db_bind_text(st, 2, today);
    db_bind_text(st, 3, from);
    db_bind_text(st, 4, to);
    struct strlist cats = STRLIST_INIT, names = STRLIST_INIT;
    while ((rc = db_step(st)) == DB_ROW) {
        strlist_add(&cats, db_col_text(st, 0));
        strlist_add(&names, db_col_text(st, 1));
    }
    db_finalize(st);
    if (rc == DB_DONE) {
        *content =
            certificate_content((const char *const *)cats.v, (const char *const *)names.v, cats.n);
        rc = DB_OK;
    }
    strlist_free(&cats);
    strlist_free(&names);
    return rc;
}

/*
** Inside the transaction: the volunteer's number, name, ID type and number
** into c, the ID masked (前3后4) unless c->id_in_full. DB_OK or DB_NOTFOUND.
*/
static int volunteer_named(struct db *db, struct certificate *c)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT number, name, id_type, id_number FROM volunteer WHERE id = ?1");
    db_bind_int(st, 1, c->volunteer_id);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        record_set(&c->volunteer_number, db_col_text(st, 0));
        record_set(&c->volunteer_name, db_col_text(st, 1));
        char *id = xstrdup(db_col_text(st, 3));
        if (!c->id_in_full) text_mask_number(id, 18, id); /* another length: the last 4 alone */
        record_set(&c->id_type, *id ? db_col_text(st, 2) : "");
        record_take(&c->id_number, id);
    }
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* Inside the transaction: the next serial of year. */
static int next_seq(struct db *db, int year, int *seq)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT coalesce(max(seq), 0) + 1 FROM certificate WHERE year = ?1");
    db_bind_int(st, 1, year);
    int rc = db_step(st);
    *seq = rc == DB_ROW ? (int)db_col_int(st, 0) : 0;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc;
}

static int insert_row(struct db *db, struct certificate *c, int year, int seq)
{
    struct db_stmt *st = db_prepare(
        db, "INSERT INTO certificate (number, year, seq, volunteer_id, period_from, period_to,"
            " minutes, content, issuer, head, handler, contact, id_in_full, issued_on, issued_by,"
            " volunteer_name, id_type, id_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
            " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    db_bind_text(st, 1, c->number);
    db_bind_int(st, 2, year);
    db_bind_int(st, 3, seq);
    db_bind_int(st, 4, c->volunteer_id);
    db_bind_text(st, 5, c->period_from);
    db_bind_text(st, 6, c->period_to);
    db_bind_int(st, 7, c->minutes);
    db_bind_text(st, 8, c->content);
    db_bind_text(st, 9, c->issuer);
    db_bind_text(st, 10, c->head);
    db_bind_text(st, 11, c->handler);
    db_bind_text(st, 12, c->contact);
    db_bind_int(st, 13, c->id_in_full ? 1 : 0);
    db_bind_text(st, 14, c->issued_on);
    db_bind_text(st, 15, c->issued_by);
    db_bind_text(st, 16, c->volunteer_name);
    db_bind_text(st, 17, c->id_type);
    db_bind_text(st, 18, c->id_number);
    int rc = db_step(st);
    db_finalize(st);
    if (rc != DB_DONE) return rc == DB_ROW ? DB_ERROR : rc;
    c->id = db_last_id(db);
    return DB_OK;
}

/* Inside the transaction: the audit rows of issuing c. */
static int issue_audit(struct db *db, const struct certificate *c, const char *actor)
{
    char subject[40], hours[24];
    snprintf(subject, sizeof subject, "certificate:%lld", (long long)c->id);
    char *detail = xasprintf("%s: %s %s..%s, %s h", c->number, c->volunteer_number, c->period_from,
                             c->period_to, hours_format(c->minutes, hours));
    int rc = audit_append(db, actor, "certificate-issue", subject, detail);
    free(detail);
    if (rc != DB_OK || !c->id_in_full) return rc;
    snprintf(subject, sizeof subject, "volunteer:%lld", (long long)c->volunteer_id);
    detail = xasprintf("%s: the ID number printed in full, as the volunteer asked", c->number);
    rc = audit_append(db, actor, "certificate-full-id", subject, detail);
    free(detail);
    return rc;
}

int certificate_issue(struct db *db, struct certificate *c, const char *today, const char *actor,
                      char **why)
{
    *why = NULL;
    const char *bad = certificate_period_check(c->period_from, c->period_to, today);
    if (bad) {
        *why = xstrdup(bad);
        return DB_INVALID;
    }
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_LOG_HOURS);
    if (rc == DB_OK) rc = volunteer_named(db, c);
    if (rc == DB_OK)
        rc = certificate_service(db, c->volunteer_id, c->period_from, c->period_to, today,
                                 &c->minutes, NULL);
    if (rc == DB_OK && c->minutes <= 0) {
        *why = xasprintf(_("%s (%s) has no counted hours from %s to %s: nothing to certify"),
                         c->volunteer_name, c->volunteer_number, c->period_from, c->period_to);
        rc = DB_INVALID;
    }
    int year = atoi(today), seq = 0;
    if (rc == DB_OK) rc = next_seq(db, year, &seq);
    if (rc == DB_OK) {
        char number[CERTIFICATE_NUMBER_MAX];
        certificate_number_format(year, seq, number);
        record_set(&c->number, number);
        record_set(&c->issued_on, today);
        record_set(&c->issued_by, actor);
        rc = insert_row(db, c, year, seq);
    }
    if (rc == DB_OK) rc = issue_audit(db, c, actor);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc != DB_OK) {
        c->id = 0;
        record_set(&c->number, "");
    }
    return rc;
}

#define CERT_SELECT                                                                                \
    "SELECT c.id, c.number, c.volunteer_id, v.number, c.volunteer_name, c.id_type, c.id_number,"   \
    " c.period_from, c.period_to, c.minutes, c.content, c.issuer, c.head, c.handler, c.contact,"   \
    " c.id_in_full, c.issued_on, c.issued_by, c.voided_at, c.voided_by, c.void_reason"             \
    " FROM certificate c"                                                                          \
    " JOIN volunteer v ON v.id = c.volunteer_id"

static void cert_read(struct db_stmt *st, void *slot)
{
    struct certificate *c = slot;
    int i = 0;
    record_init(&certificate_record, c);
    c->id = db_col_int(st, i++);
    record_set(&c->number, db_col_text(st, i++));
    c->volunteer_id = db_col_int(st, i++);
    record_set(&c->volunteer_number, db_col_text(st, i++));
    record_set(&c->volunteer_name, db_col_text(st, i++));
    record_set(&c->id_type, db_col_text(st, i++));
    record_set(&c->id_number, db_col_text(st, i++));
    record_set(&c->period_from, db_col_text(st, i++));
    record_set(&c->period_to, db_col_text(st, i++));
    c->minutes = db_col_int(st, i++);
    record_set(&c->content, db_col_text(st, i++));
    record_set(&c->issuer, db_col_text(st, i++));
    record_set(&c->head, db_col_text(st, i++));
    record_set(&c->handler, db_col_text(st, i++));
    record_set(&c->contact, db_col_text(st, i++));
    c->id_in_full = (int)db_col_int(st, i++);
    record_set(&c->issued_on, db_col_text(st, i++));
    record_set(&c->issued_by, db_col_text(st, i++));
    record_set(&c->voided_at, db_col_text(st, i++));
    record_set(&c->voided_by, db_col_text(st, i++));
    record_set(&c->void_reason, db_col_text(st, i++));
}

int certificate_get(struct db *db, int64_t id, struct certificate *out)
{
    struct db_stmt *st = db_prepare(db, CERT_SELECT " WHERE c.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, cert_read, out);
}

int certificate_get_by_number(struct db *db, const char *number, struct certificate *out)
{
    struct db_stmt *st = db_prepare(db, CERT_SELECT " WHERE c.number = ?1");
    db_bind_text(st, 1, number);
    return db_read_one(st, cert_read, out);
}

int certificate_list(struct db *db, const char *query, size_t limit, struct certificate **out,
                     size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, CERT_SELECT " WHERE ?1 = '' OR instr(c.number, ?1) > 0"
                                   " OR instr(v.number, ?1) > 0 OR instr(c.volunteer_name, ?1) > 0"
                                   " ORDER BY c.id DESC LIMIT ?2");
    db_bind_text(st, 1, query ? query : "");
    db_bind_int(st, 2, (int64_t)limit);
    int rc;
    *out = db_collect(st, sizeof **out, cert_read, n, &rc);
    return rc;
}

int certificate_void(struct db *db, const char *number, const char *reason, const char *actor,
                     char **why)
{
    *why = NULL;
    char *r = text_trim(reason ? reason : "");
    if (!*r) {
        free(r);
        *why = xstrdup(_("A certificate is voided with a reason"));
        return DB_INVALID;
    }
    const char *bad = validate_line(r);
    if (bad) {
        free(r);
        *why = xasprintf(_("The reason: %s"), bad);
        return DB_INVALID;
    }
    int rc = db_write_begin(db);
    if (rc != DB_OK) {
        free(r);
        return rc;
    }
    struct certificate c;
    record_init(&certificate_record, &c);
    rc = user_allowed(db, actor, RIGHT_LOG_HOURS);
    if (rc == DB_OK) rc = certificate_get_by_number(db, number, &c);
    if (rc == DB_OK && *c.voided_at) {
        *why = xasprintf(_("Certificate %s was voided already on %.10s"), c.number, c.voided_at);
        rc = DB_INVALID;
    }
    char when[20];
    clock_format(clock_now(), when);
    if (rc == DB_OK) {
        struct db_stmt *st = db_prepare(db, "UPDATE certificate SET voided_at = ?1, voided_by = ?2,"
                                            " void_reason = ?3 WHERE id = ?4 AND voided_at = ''");
        db_bind_text(st, 1, when);
        db_bind_text(st, 2, actor);
        db_bind_text(st, 3, r);
        db_bind_int(st, 4, c.id);
        rc = db_step(st);
        db_finalize(st);
        rc = rc == DB_DONE ? DB_OK : rc == DB_ROW ? DB_ERROR : rc;
    }
    if (rc == DB_OK) {
        char subject[40];
        snprintf(subject, sizeof subject, "certificate:%lld", (long long)c.id);
        char *detail = xasprintf("%s: %s", c.number, r);
        rc = audit_append(db, actor, "certificate-void", subject, detail);
        free(detail);
    }
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    record_free(&certificate_record, &c);
    free(r);
    return rc;
}
