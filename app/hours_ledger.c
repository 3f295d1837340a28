/*
** hours_ledger: see hours_ledger.h.
*/
#include "app/hours_ledger.h"
#include "db/calendar_store.h"
#include "db/hours_ledger_store.h"
#include "db/hours_store.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "db/volunteer_store.h"
#include "src/date.h"
#include "src/clock.h"
#include "src/hours.h"
#include "src/hours_ledger.h"
#include "src/i18n.h"
#include "src/request.h"
#include "src/text.h"
#include "src/util.h"
#include "src/volunteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- a row, on its own ---------------------------------------------------------------------- */

static void problem(struct ledger_problems *p, const struct ledger *l, const struct ledger_row *row,
                    int f, char *why)
{
    ledger_problem_add(p, row->line, ledger_column_header(l, f), why);
}

/* Field f as one line, spaces dropped and full-width forms made plain; NULL (a problem added) when
 * not. */
static char *cell(const struct ledger *l, const struct ledger_row *row, int f,
                  struct ledger_problems *p)
{
    char *raw = ledger_row_line(l, row, f, p);
    if (!raw) return NULL;
    char *text = text_normalize(raw, TEXT_NORM_NOSPACE);
    free(raw);
    return text;
}

/* A day as people write it (2026-03-05, 2026/3/5, 20260305) into *into as YYYY-MM-DD. */
static void take_day(const struct ledger *l, const struct ledger_row *row, int f, char **into,
                     struct ledger_problems *p)
{
    char *typed = cell(l, row, f, p);
    if (!typed || !*typed) {
        free(typed);
        return;
    }
    struct date d;
    int rc = date_parse_cell(ledger_value_of(l, row, f), &d); /* its own spaces: 2025/12/6 14:36 */
    if (rc != DATE_OK)
        problem(p, l, row, f, date_problem(typed, rc));
    else {
        char iso[11];
        record_set(into, date_format(&d, iso));
    }
    free(typed);
}

/*
** A time of day (9:05, 09:05, 09：05, 09:05:30, or the time of a date and
** time as Excel writes one: 2025/12/6 09:05) into *into as HH:MM, its
** seconds passed over; its minute, or -1 (a problem added).
*/
static int take_time(const struct ledger *l, const struct ledger_row *row, int f, char **into,
                     struct ledger_problems *p)
{
    char *typed = cell(l, row, f, p);
    if (!typed) return -1;
    char *colon = strstr(typed, "：");
    if (colon) memmove(colon + 1, colon + 3, strlen(colon + 3) + 1), *colon = ':';
    char hhmm[8] = "";
    size_t n = strlen(typed);
    int minute;
    if (date_time_at(ledger_value_of(l, row, f), &minute) > 0) /* a date and time: its time */
        snprintf(hhmm, sizeof hhmm, "%02d:%02d", (minute / 60) % 24, minute % 60);
    else if ((n == 4 || n == 7) && typed[1] == ':' && (n == 4 || typed[4] == ':'))
        snprintf(hhmm, sizeof hhmm, "0%.4s", typed); /* 9:05, 9:05:00: the seconds passed over */
    else if ((n == 5 || n == 8) && (n == 5 || typed[5] == ':'))
        memcpy(hhmm, typed, 5);
    int m = hours_minute_parse(hhmm);
    if (m < 0)
        problem(p, l, row, f, xasprintf(_("\"%s\" is not a time of day (write 09:30)"), typed));
    else
        record_set(into, hhmm);
    free(typed);
    return m;
}

static void take_number(const struct ledger *l, const struct ledger_row *row, struct hours_entry *e,
                        struct ledger_problems *p)
{
    char *typed = cell(l, row, HF_NUMBER, p);
    if (!typed) return;
    char number[VOLUNTEER_NUMBER_LEN + 1];
    const char *why = *typed ? volunteer_number_parse(typed, number, NULL, NULL) : _("is empty");
    if (why)
        problem(p, l, row, HF_NUMBER, *typed ? xasprintf("%s：「%s」", why, typed) : xstrdup(why));
    else
        record_set(&e->number, number);
    free(typed);
}

/* The minutes a row states, when it states them, must be what its times give. */
static void minutes_agree(const struct ledger *l, const struct ledger_row *row,
                          const struct hours_entry *e, struct ledger_problems *p)
{
    char *typed = cell(l, row, HF_MINUTES, p);
    if (typed && *typed) {
        char *end;
        long m = strtol(typed, &end, 10);
        if (*end || m != e->minutes)
            problem(p, l, row, HF_MINUTES,
                    xasprintf(_("\"%s\" but the times give %d minutes"), typed, e->minutes));
    }
    free(typed);
}

static void row_times(const struct ledger *l, const struct ledger_row *row, struct hours_entry *e,
                      struct ledger_problems *p)
{
    int in = take_time(l, row, HF_IN, &e->sign_in, p);
    int out = take_time(l, row, HF_OUT, &e->sign_out, p);
    if (in < 0 || out < 0) return;
    if (out <= in) {
        problem(p, l, row, HF_OUT, xstrdup(hours_verdict_text(HOURS_OUT_NOT_AFTER_IN)));
        return;
    }
    e->minutes = out - in;
    minutes_agree(l, row, e, p);
}

static void row_check(const struct ledger *l, const struct ledger_row *row, void *rec, void *aside,
                      struct ledger_problems *p)
{
    (void)aside;
    struct hours_entry *e = rec;
    record_init(&hours_entry_record, e);
    if (ledger_row_shape(l, row, p)) return;
    take_number(l, row, e, p);
    ledger_row_take(l, row, HF_NAME, 0, &e->name, p);
    ledger_row_take(l, row, HF_ACTIVITY, 1, &e->activity, p);
    take_day(l, row, HF_DAY, &e->day, p);
    if (str_empty(ledger_value_of(l, row, HF_DAY)))
        problem(p, l, row, HF_DAY, xstrdup(_("is empty")));
    row_times(l, row, e, p);
    take_day(l, row, HF_CONFIRMED, &e->confirmed, p);
    ledger_row_take(l, row, HF_CONFIRMER, 0, &e->confirmer, p);
    if (*e->confirmed && *e->day && strcmp(e->confirmed, e->day) < 0)
        problem(p, l, row, HF_CONFIRMED, xstrdup(_("is before the day served")));
    if (!*e->confirmed && *e->confirmer)
        problem(p, l, row, HF_CONFIRMED, xstrdup(_("is empty, but the row names who confirmed")));
    char now[17], today[11]; /* "YYYY-MM-DD HH:MM", and its day */
    clock_format_minute(clock_now(), now);
    snprintf(today, sizeof today, "%.10s", now);
    if (*e->day && strcmp(e->day, today) > 0)
        problem(p, l, row, HF_DAY, xstrdup(_("is after today: service is recorded once served")));
    /* Today's, signed out later than now: not served yet (and it would refuse the real sign-in
     * as an overlap). */
    if (str_eq(e->day, today) && *e->sign_out && strcmp(e->sign_out, now + 11) > 0)
        problem(p, l, row, HF_OUT,
                xstrdup(_("is later than now: service is recorded once served")));
    if (*e->confirmed && strcmp(e->confirmed, today) > 0)
        problem(p, l, row, HF_CONFIRMED, xstrdup(_("is after today")));
    ledger_row_take(l, row, HF_LATE, 0, &e->late_reason, p);
    char *request = cell(l, row, HF_REQUEST, p);
    record_take(&e->request, request ? request : xstrdup(""));
    hours_entry_key(e);
}

/* --- a row against the database ------------------------------------------------------------- */

/* When the row's record counts: its confirmation and the notice period over the calendar. */
static int row_counts_from(struct db *db, struct hours_entry *e)
{
    if (!*e->confirmed) return DB_OK;
    char from[11];
    int rc = hours_counts_from_day(db, e->confirmed, from);
    if (rc == DB_OK) record_set(&e->counts_from, from);
    return rc;
}

/* The volunteer the number names, who must be the one the name column says. */
static int resolve_volunteer(struct db *db, struct hours_entry *e, char **why, int *column)
{
    struct volunteer v;
    int rc = volunteer_get_by_number(db, e->number, &v);
    if (rc == DB_NOTFOUND) {
        *why = xasprintf(_("no volunteer has the number %s"), e->number);
        *column = HF_NUMBER;
        return DB_INVALID;
    }
    if (rc != DB_OK) return rc;
    e->volunteer_id = v.id;
    if (*e->name && !str_eq(e->name, v.name)) {
        *why = xasprintf(_("volunteer %s is %s, not %s"), e->number, v.name, e->name);
        *column = HF_NAME;
        rc = DB_INVALID;
    }
    record_set(&e->name, v.name);
    record_free(&volunteer_record, &v);
    return rc;
}

static int resolve_activity(struct db *db, struct hours_entry *e, char **why, int *column)
{
    int rc = hours_ledger_activity(db, e->activity, e->day, &e->activity_id);
    *column = HF_ACTIVITY;
    if (rc == DB_NOTFOUND)
        *why = xasprintf(_("no activity \"%s\" runs on %s"), e->activity, e->day);
    else if (rc == DB_DUPLICATE)
        *why = xasprintf(_("several activities \"%s\" run on %s: rename one"), e->activity, e->day);
    else
        return rc;
    return DB_INVALID;
}

static int resolve_request(struct db *db, struct hours_entry *e, char **why, int *column)
{
    if (!*e->request) return DB_OK;
    struct request r;
    int rc = request_get_by_number(db, e->request, &r);
    if (rc == DB_NOTFOUND) {
        *why = xasprintf(_("no request has the number %s"), e->request);
        *column = HF_REQUEST;
        return DB_INVALID;
    }
    if (rc != DB_OK) return rc;
    e->request_id = r.id;
    record_free(&request_record, &r);
    return DB_OK;
}

/* The pair rules over the volunteer's other pairs that day (the record on file aside). */
static int resolve_pairs(struct db *db, struct hours_entry *e, int64_t self, char **why,
                         int *column)
{
    struct hours_pair *pairs;
    size_t n;
    int rc = hours_ledger_pairs(db, e->volunteer_id, e->day, self, &pairs, &n);
    if (rc != DB_OK) return rc;
    struct hours_pair p = {e->activity_id, hours_minute_parse(e->sign_in),
                           hours_minute_parse(e->sign_out)};
    int which;
    enum hours_verdict v = hours_pair_check(pairs, n, -1, &p, &which);
    if (v != HOURS_OK) {
        /* Where and when the pair in the way is: its activity, its times, or that it is still
         * signed in (in the file's rows above, or on file). */
        char in[6], out[6] = "";
        struct activity a;
        int named = which >= 0 && activity_get(db, pairs[which].activity_id, &a) == DB_OK;
        if (which >= 0) {
            hours_minute_format(pairs[which].in, in);
            if (pairs[which].out >= 0) hours_minute_format(pairs[which].out, out);
        }
        char *times = which < 0 ? NULL
                      : *out    ? xasprintf("%s-%s", in, out)
                                : xasprintf(_("signed in at %s, not out"), in);
        *why = !times ? xstrdup(hours_verdict_text(v))
                      : xasprintf("%s（%s %s %s）", hours_verdict_text(v), e->day,
                                  named ? a.name : "", times);
        free(times);
        if (named) record_free(&activity_record, &a);
        *column = HF_IN;
        rc = DB_INVALID;
    }
    free(pairs);
    return rc;
}

/*
** What the row points at, settled in the import's transaction: the
** volunteer, the activity, the request; the record on file keeps its
** confirmation when the row has none; the pair rules hold.
*/
static int row_resolve(struct db *db, void *rec, const void *aside, const struct import_options *o,
                       struct import_report *rep, char **why, int *column)
{
    (void)aside, (void)o, (void)rep;
    struct hours_entry *e = rec;
    int rc = resolve_volunteer(db, e, why, column);
    if (rc == DB_OK) rc = resolve_activity(db, e, why, column);
    if (rc == DB_OK) rc = resolve_request(db, e, why, column);
    if (rc != DB_OK) return rc;
    struct hours_entry old;
    rc = hours_ledger_find(db, e->volunteer_id, e->activity_id, e->day, e->sign_in, &old);
    if (rc != DB_OK && rc != DB_NOTFOUND) return rc;
    int64_t self = rc == DB_OK ? old.id : 0;
    if (rc == DB_OK && !*e->confirmed && *old.confirmed) {
        record_set(&e->confirmed, old.confirmed);
        record_set(&e->confirmer, old.confirmer);
    }
    if (self) record_free(&hours_entry_record, &old);
    rc = row_counts_from(db, e);
    if (rc == DB_OK) rc = resolve_pairs(db, e, self, why, column);
    return rc;
}

static int row_find(struct db *db, const void *rec, void *out)
{
    const struct hours_entry *e = rec;
    if (!e->volunteer_id || !e->activity_id) return DB_NOTFOUND; /* a dry run's unresolved row */
    return hours_ledger_find(db, e->volunteer_id, e->activity_id, e->day, e->sign_in, out);
}

static int row_save(struct db *db, void *rec, const char *actor)
{
    return hours_ledger_write(db, rec, actor);
}

/* What each column feeds: over a record on file, a column the ledger lacks changes nothing. */
static const struct record_column hours_fields[] = {
    {HF_NUMBER, "number", 0, NULL, 0},
    {HF_NUMBER, "volunteer_id", 0, NULL, 0},
    {HF_ACTIVITY, "activity", 0, NULL, 0},
    {HF_ACTIVITY, "activity_id", 0, NULL, 0},
    {HF_DAY, "day", 0, NULL, 0},
    {HF_IN, "sign_in", 0, NULL, 0},
    {HF_OUT, "sign_out", 0, NULL, 0},
    {HF_OUT, "minutes", 0, NULL, 0},
    {HF_CONFIRMED, "confirmed", 0, NULL, 0},
    {HF_CONFIRMED, "counts_from", 0, NULL, 0},
    {HF_CONFIRMER, "confirmer", 0, NULL, 0},
    {HF_LATE, "late_reason", 0, NULL, 0},
    {HF_REQUEST, "request", 0, NULL, 0},
    {HF_REQUEST, "request_id", 0, NULL, 0},
    {0, NULL, 0, NULL, 0},
};

const struct record_import hours_rows = {
    .type = &hours_entry_record,
    .key_field = "key",
    .key_column = HF_IN,
    .subject = "service_record",
    .check = row_check,
    .resolve = row_resolve,
    .resolve_column = HF_ACTIVITY,
    .find = row_find,
    .save = row_save,
    .fields = hours_fields,
    .preview_stores = 1,
};

/* --- out ------------------------------------------------------------------------------------ */

struct hours_export {
    struct sheet *sheet;
    size_t rows;
    char *err;
};

static int hours_row_out(void *ctx, const struct hours_entry *e)
{
    struct hours_export *x = ctx;
    char minutes[16];
    snprintf(minutes, sizeof minutes, "%d", e->minutes);
    const char *cells[HF_COUNT] = {
        [HF_NUMBER] = e->number,    [HF_NAME] = e->name,           [HF_ACTIVITY] = e->activity,
        [HF_DAY] = e->day,          [HF_IN] = e->sign_in,          [HF_OUT] = e->sign_out,
        [HF_MINUTES] = minutes,     [HF_CONFIRMED] = e->confirmed, [HF_CONFIRMER] = e->confirmer,
        [HF_LATE] = e->late_reason, [HF_REQUEST] = e->request,
    };
    unsigned flags[HF_COUNT] = {[HF_NUMBER] = SHEET_TEXT, [HF_REQUEST] = SHEET_TEXT};
    size_t bad;
    char *why;
    if (sheet_row(x->sheet, cells, flags, HF_COUNT, &bad, &why) != 0) {
        if (bad >= HF_COUNT) {
            x->err = why;
            return 0;
        }
        x->err = xasprintf(_("line %zu (%s), column %s: %s; nothing was written"), x->rows + 2,
                           e->number, ledger_schema_header(&ledger_hours, (int)bad), why);
        free(why);
        return 0;
    }
    x->rows++;
    return 1;
}

int export_hours(struct db *db, const char *path, const struct export_options *o, size_t *rows,
                 char **err)
{
    *rows = 0;
    *err = NULL;
    struct hours_export x = {NULL, 0, NULL};
    if (export_sheet_start(path, o, _("Service hours"), &ledger_hours, &x.sheet, err) != 0)
        return DB_ERROR;
    int rc = hours_ledger_each(db, hours_row_out, &x);
    if (rc == DB_OK && x.err) rc = DB_INVALID;
    if (rc != DB_OK) {
        sheet_abort(x.sheet);
        *err = x.err ? x.err : db_rc_text(db, rc);
        return rc;
    }
    if (sheet_close(x.sheet, err) != 0) return DB_ERROR;
    *rows = x.rows;
    return DB_OK;
}
