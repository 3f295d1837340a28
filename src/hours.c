/*
** hours: see hours.h.
*/
#include "hours.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "workcal.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AF(member, kind, label, flags, by) FIELD_OF(struct activity, member, kind, label, flags, by)
static const struct field_desc activity_fields[] = {
    AF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(team_id, FIELD_INT64, N_("Team"), 0, "team_name"),
    AF(team_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    AF(category_id, FIELD_INT64, N_("Service category"), 0, "category"),
    AF(category, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(place, FIELD_TEXT, N_("Place"), 0, NULL),
    AF(starts_at, FIELD_TEXT, N_("Starts"), 0, NULL),
    AF(ends_at, FIELD_TEXT, N_("Ends"), 0, NULL),
    AF(content, FIELD_TEXT, N_("Content"), 0, NULL),
    AF(leader_id, FIELD_INT64, N_("Leader"), 0, "leader_name"),
    AF(leader_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(quota, FIELD_INT, N_("Volunteers wanted"), 0, NULL),
    AF(status, FIELD_TEXT, N_("Status"), 0, NULL),
    AF(kind, FIELD_TEXT, N_("Kind"), 0, NULL),
    AF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    AF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef AF

static void activity_defaults(void *rec)
{
    struct activity *a = rec;
    record_set(&a->status, ACTIVITY_PLANNED);
    record_set(&a->kind, ACTIVITY_SERVICE);
}

/* Status and kind in words for the audit log and conflicts. */
static char *activity_shown(size_t i, const void *rec)
{
    const struct activity *a = rec;
    const char *name = activity_fields[i].name;
    if (str_eq(name, "status")) return xstrdup(activity_status_label(a->status));
    if (str_eq(name, "kind")) return xstrdup(activity_kind_label(a->kind));
    return NULL;
}

const struct record_type activity_record = {.name = "activity",
                                            .size = sizeof(struct activity),
                                            .fields = activity_fields,
                                            .nfields = ARRAY_LEN(activity_fields),
                                            .defaults = activity_defaults,
                                            .shown = activity_shown};

static const char *const statuses[] = {ACTIVITY_PLANNED, ACTIVITY_RUNNING, ACTIVITY_ENDED,
                                       ACTIVITY_CANCELLED};
static const char *const status_words[] = {N_("Planned"), N_("Running"), N_("Ended"),
                                           N_("Cancelled")};
static const char *const kinds[] = {ACTIVITY_SERVICE, ACTIVITY_TRAINING};
static const char *const kind_words[] = {N_("Service"), N_("Training")};

const char *const *activity_statuses(int *n)
{
    *n = (int)ARRAY_LEN(statuses);
    return statuses;
}

const char *activity_status_label(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(statuses); i++)
        if (str_eq(code, statuses[i])) return _(status_words[i]);
    return code;
}

const char *const *activity_kinds(int *n)
{
    *n = (int)ARRAY_LEN(kinds);
    return kinds;
}

const char *activity_kind_label(const char *code)
{
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (str_eq(code, kinds[i])) return _(kind_words[i]);
    return code;
}

int activity_time_parse(const char *typed, char *out)
{
    if (!typed) return -1;
    char *t = text_normalize(typed, 0);
    const char *s = t;
    while (*s == ' ')
        s++;
    /* The date is what comes before the first space or 'T'. */
    char day[16];
    size_t k = 0;
    while (*s && *s != ' ' && *s != 'T' && k + 1 < sizeof day)
        day[k++] = *s++;
    day[k] = '\0';
    while (*s == ' ' || *s == 'T')
        s++;
    int h = -1, m = -1, used = 0;
    struct date d;
    int ok = date_parse(day, &d) == DATE_OK && sscanf(s, "%2d:%2d%n", &h, &m, &used) == 2 &&
             s[used] == '\0' && h >= 0 && h < 24 && m >= 0 && m < 60;
    free(t);
    if (!ok) return -1;
    char iso[11];
    snprintf(out, 17, "%s %02d:%02d", date_format(&d, iso), h, m);
    return 0;
}

const char *activity_check(const struct activity *a)
{
    char s[17], e[17];
    if (!a->team_id) return _("Which team runs the activity?");
    if (str_empty(a->name)) return _("The activity needs a name");
    if (activity_time_parse(a->starts_at, s) != 0)
        return _("Starts: not a date and time (YYYY-MM-DD HH:MM)");
    if (activity_time_parse(a->ends_at, e) != 0)
        return _("Ends: not a date and time (YYYY-MM-DD HH:MM)");
    if (strcmp(e, s) <= 0) return _("The activity ends before it starts");
    if (a->quota < 0 || a->quota > ACTIVITY_QUOTA_MAX) return _("Quota: 0 to 10000 volunteers");
    return NULL;
}

int activity_closed(const struct activity *a)
{
    return str_eq(a->status, ACTIVITY_ENDED) || str_eq(a->status, ACTIVITY_CANCELLED);
}

const char *activity_open_on(const struct activity *a, const char *day)
{
    if (str_eq(a->status, ACTIVITY_CANCELLED)) return _("The activity was cancelled");
    if (str_eq(a->status, ACTIVITY_ENDED)) return _("The activity has ended");
    if (strncmp(day, a->starts_at, 10) < 0) return _("The activity has not started on this day");
    if (strncmp(day, a->ends_at, 10) > 0) return _("The activity has ended");
    return NULL;
}

#define SF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct service_record, member, kind, label, flags, by)
static const struct field_desc service_record_fields[] = {
    SF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    SF(volunteer_id, FIELD_INT64, N_("Volunteer"), 0, "volunteer_name"),
    SF(volunteer_number, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    SF(volunteer_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    SF(activity_id, FIELD_INT64, N_("Activity"), 0, "activity_name"),
    SF(activity_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    SF(day, FIELD_TEXT, N_("Date"), 0, NULL),
    SF(sign_in, FIELD_TEXT, N_("Signed in"), 0, NULL),
    SF(sign_out, FIELD_TEXT, N_("Signed out"), 0, NULL),
    SF(minutes, FIELD_INT, N_("Minutes"), 0, NULL),
    SF(confirmed_at, FIELD_TEXT, N_("Confirmed at"), 0, NULL),
    SF(confirmed_by, FIELD_TEXT, N_("Confirmed by"), 0, NULL),
    SF(confirmed_as, FIELD_TEXT, N_("Confirmed as"), 0, NULL),
    SF(counts_from, FIELD_TEXT, N_("Counts from"), 0, NULL),
    SF(late, FIELD_INT, N_("Late record"), 0, NULL),
    SF(late_reason, FIELD_TEXT, N_("Why late"), 0, NULL),
    SF(request_id, FIELD_INT64, N_("Request"), 0, "request_number"),
    SF(request_number, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    SF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    SF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    SF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef SF

const struct record_type service_record_record = {.name = "service_record",
                                                  .size = sizeof(struct service_record),
                                                  .fields = service_record_fields,
                                                  .nfields = ARRAY_LEN(service_record_fields)};

int hours_minute_parse(const char *hhmm)
{
    if (!hhmm || strlen(hhmm) != 5 || hhmm[2] != ':') return -1;
    for (int i = 0; i < 5; i++)
        if (i != 2 && (hhmm[i] < '0' || hhmm[i] > '9')) return -1;
    int h = (hhmm[0] - '0') * 10 + hhmm[1] - '0';
    int m = (hhmm[3] - '0') * 10 + hhmm[4] - '0';
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

char *hours_minute_format(int m, char *out)
{
    if (m < 0 || m >= 24 * 60) m = 0;
    snprintf(out, 6, "%02d:%02d", m / 60, m % 60);
    return out;
}

/* The end of a pair for the overlap test: an open one runs to the end of the day. */
static int pair_end(const struct hours_pair *p)
{
    return p->out < 0 ? 24 * 60 : p->out;
}

enum hours_verdict hours_pair_check(const struct hours_pair *pairs, size_t n, int skip,
                                    const struct hours_pair *p, int *which)
{
    *which = -1;
    if (p->out >= 0 && p->out <= p->in) return HOURS_OUT_NOT_AFTER_IN;
    int here = 0;
    for (size_t i = 0; i < n; i++) {
        if ((int)i == skip) continue;
        const struct hours_pair *q = &pairs[i];
        if (q->in < pair_end(p) && p->in < pair_end(q)) {
            *which = (int)i;
            return q->out < 0 && q->activity_id != p->activity_id ? HOURS_OPEN_ELSEWHERE
                                                                  : HOURS_OVERLAP;
        }
        if (q->activity_id == p->activity_id) here++;
    }
    if (skip < 0 && here >= HOURS_PAIRS_MAX) return HOURS_FOURTH_PAIR;
    return HOURS_OK;
}

enum hours_verdict hours_desk_move(const struct hours_pair *pairs, size_t n, int64_t activity,
                                   int now, enum hours_move *move, int *which)
{
    for (size_t i = 0; i < n; i++) {
        if (pairs[i].out >= 0) continue;
        if (pairs[i].activity_id != activity) {
            *move = HOURS_SIGN_IN;
            *which = (int)i;
            return HOURS_OPEN_ELSEWHERE;
        }
        *move = HOURS_SIGN_OUT;
        if (now - pairs[i].in < HOURS_OUT_AFTER) {
            *which = (int)i;
            return HOURS_JUST_IN;
        }
        struct hours_pair p = {activity, pairs[i].in, now};
        int in_way;
        enum hours_verdict v = hours_pair_check(pairs, n, (int)i, &p, &in_way);
        *which = v == HOURS_OVERLAP ? in_way : (int)i;
        return v;
    }
    *move = HOURS_SIGN_IN;
    struct hours_pair p = {activity, now, -1};
    return hours_pair_check(pairs, n, -1, &p, which);
}

const char *hours_verdict_text(enum hours_verdict v)
{
    switch (v) {
    case HOURS_OK:
        return "";
    case HOURS_OUT_NOT_AFTER_IN:
        return _("The sign-out must be after the sign-in");
    case HOURS_JUST_IN:
        return _("Signed in just now: too soon to sign out");
    case HOURS_FOURTH_PAIR:
        return _("Three sign-ins at this activity today already: no fourth");
    case HOURS_OVERLAP:
        return _("It overlaps time already recorded for this volunteer");
    case HOURS_OPEN_ELSEWHERE:
        return _("Signed in at another activity and not out");
    }
    return "";
}

char *hours_format(int64_t minutes, char *out)
{
    if (minutes < 0) minutes = 0;
    int64_t tenths = minutes * 10 / 60;
    snprintf(out, 24, "%lld.%lld", (long long)(tenths / 10), (long long)(tenths % 10));
    return out;
}

enum hours_state hours_record_state(const struct service_record *r, const char *today)
{
    if (str_empty(r->confirmed_at) || str_empty(r->counts_from)) return HOURS_UNCONFIRMED;
    return strcmp(r->counts_from, today) <= 0 ? HOURS_COUNTED : HOURS_ON_NOTICE;
}

char *hours_state_text(const struct service_record *r, const char *today, char *out)
{
    enum hours_state st = hours_record_state(r, today);
    if (st == HOURS_UNCONFIRMED) {
        snprintf(out, 64, "%s", _("Unconfirmed"));
        return out;
    }
    if (st == HOURS_COUNTED) {
        snprintf(out, 64, "%s", _("Counted"));
        return out;
    }
    struct date d;
    char last[11] = "";
    if (date_parse(r->counts_from, &d) == 0) {
        d = workcal_date_of_number(workcal_day_number(d) - 1);
        date_format(&d, last);
    }
    snprintf(out, 64, _("On notice (to %s)"), *last ? last + 5 : "?");
    return out;
}

struct date hours_counts_from(const struct workcal *c, struct date confirmed, int notice_days)
{
    if (notice_days <= 0) return confirmed; /* no notice: it counts as soon as confirmed */
    int32_t n = workcal_day_number(confirmed);
    for (int left = notice_days; left > 0;) {
        n++;
        if (workcal_is_working(c, workcal_date_of_number(n))) left--;
    }
    return workcal_date_of_number(n + 1);
}

char *hours_counts_from_text(const struct workcal *c, const char *confirmed, int notice_days,
                             char *out)
{
    struct date d;
    if (date_parse(confirmed, &d) != DATE_OK) return NULL;
    struct date first = hours_counts_from(c, d, notice_days);
    return date_format(&first, out);
}

#define CF(member, kind, label, flags, by)                                                         \
    FIELD_OF(struct hours_correction, member, kind, label, flags, by)
static const struct field_desc correction_fields[] = {
    CF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    CF(record_id, FIELD_INT64, N_("Service record"), 0, NULL),
    CF(volunteer_number, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(volunteer_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(activity_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(day, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(was_in, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(was_out, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(sign_in, FIELD_TEXT, N_("Signed in"), 0, NULL),
    CF(sign_out, FIELD_TEXT, N_("Signed out"), 0, NULL),
    CF(reason, FIELD_TEXT, N_("Reason"), 0, NULL),
    CF(asked_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(asked_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(state, FIELD_TEXT, N_("Status"), 0, NULL),
    CF(decided_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(decided_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    CF(decision_reason, FIELD_TEXT, N_("Decision"), 0, NULL),
};
#undef CF

const struct record_type hours_correction_record = {.name = "hours_correction",
                                                    .size = sizeof(struct hours_correction),
                                                    .fields = correction_fields,
                                                    .nfields = ARRAY_LEN(correction_fields)};

const char *hours_correction_state_label(const char *code)
{
    if (str_eq(code, CORRECTION_ASKED)) return _("Asked");
    if (str_eq(code, CORRECTION_GRANTED)) return _("Granted");
    if (str_eq(code, CORRECTION_REFUSED)) return _("Turned down");
    return code;
}
