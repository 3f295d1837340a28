/*
** checks: see checks.h.
*/
#include "app/checks.h"
#include "db/audit_store.h"
#include "db/area.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "db/request_store.h"
#include "db/resident_bulk.h"
#include "db/resident_store.h"
#include "src/idcard.h"
#include "src/resident.h"
#include "src/i18n.h"
#include "src/workcal.h"
#include "src/workflow.h"

#include <stddef.h>
#include <stdlib.h>

struct check {
    struct strbuf *report;
    int problems;
};

/* The end of a check that ran with rc: a line in SQLite's words when it could not run. Returns
 * the lines the check added. */
static int check_done(struct db *db, int rc, struct check *ck)
{
    if (rc != DB_OK) {
        char *why = db_rc_text(db, rc);
        strbuf_addf(ck->report, "%s\n", why);
        free(why);
        ck->problems++;
    }
    return ck->problems;
}

/* Each counter: its msgid and where it sits in struct workflow_counters. */
static const struct {
    const char *label;
    size_t offset;
} counters[] = {
    {N_("returns"), offsetof(struct workflow_counters, returns)},
    {N_("extensions granted"), offsetof(struct workflow_counters, extensions)},
    {N_("times handled again"), offsetof(struct workflow_counters, reopens)},
    {N_("unanswered follow-up calls"), offsetof(struct workflow_counters, attempts)},
};

static int counter_of(const struct workflow_counters *c, size_t i)
{
    return *(const int *)(const void *)((const char *)c + counters[i].offset);
}

static void timeline_check(void *ctx, const struct request_timeline *t)
{
    struct check *ck = ctx;
    struct workflow_counters folded = {0, 0, 0, 0};
    int unknown = t->unknown;
    for (size_t i = 0; i < t->nsteps; i++)
        if (workflow_count(&folded, t->steps[i].action, t->steps[i].from, t->steps[i].to) != 0)
            unknown++;
    if (unknown) {
        strbuf_addf(ck->report, _("request %s: %d steps of its timeline are not in the workflow\n"),
                    t->number, unknown);
        ck->problems++;
    }
    for (size_t i = 0; i < ARRAY_LEN(counters); i++) {
        int stored = counter_of(&t->stored, i), told = counter_of(&folded, i);
        if (stored == told) continue;
        strbuf_addf(ck->report, _("request %s: %s recorded as %lld, its timeline says %lld\n"),
                    t->number, _(counters[i].label), (long long)stored, (long long)told);
        ck->problems++;
    }
}

int check_counters(struct db *db, struct strbuf *report)
{
    struct check ck = {report, 0};
    int rc = request_timelines_each(db, timeline_check, &ck);
    return check_done(db, rc, &ck);
}

/* One resident: a birth date or sex that is not what the ID number says. */
static int resident_check(void *ctx, const struct resident *r)
{
    struct check *ck = ctx;
    struct idcard id;
    if (idcard_parse(r->id_number, &id) != IDCARD_OK) return 1;
    char *birth = resident_birth_mismatch(r->birth_date, &id);
    char *sex = resident_gender_mismatch(r->gender, &id);
    char *shown = resident_masked_id(r->id_number);
    if (birth)
        strbuf_addf(ck->report, _("resident %s (%s): birth date %s %s\n"), r->name, shown,
                    r->birth_date, birth);
    if (sex)
        strbuf_addf(ck->report, _("resident %s (%s): sex %s %s\n"), r->name, shown,
                    resident_gender_text(r->gender), sex);
    ck->problems += (birth != NULL) + (sex != NULL);
    free(birth);
    free(sex);
    free(shown);
    return 1;
}

/* One resident whose merge left the records inconsistent. */
static void merge_astray(void *ctx, int64_t id, const char *name, enum merge_damage what)
{
    struct check *ck = ctx;
    const char *why =
        what == MERGE_NO_TARGET     ? _("merged into no record on file")
        : what == MERGE_INTO_MERGED ? _("merged into a record that was itself merged away")
        : what == MERGE_NOT_MERGED
            ? _("names a record it was merged into, but is not marked merged")
        : what == MERGE_KEEPS_REQUESTS ? _("merged away, but requests still name it")
                                       : _("merged away, but still the head of a household");
    strbuf_addf(ck->report, _("resident %s (record %lld): %s\n"), name, (long long)id, why);
    ck->problems++;
}

/* One status whose kept count is not what the register holds. */
static void tally_astray(void *ctx, enum resident_status s, int64_t kept, int64_t counted)
{
    struct check *ck = ctx;
    strbuf_addf(ck->report,
                _("residents %s: the count the home screen shows is %lld, the register holds "
                  "%lld (bangban check --fix counts again)\n"),
                resident_status_label(s), (long long)kept, (long long)counted);
    ck->problems++;
}

int check_residents(struct db *db, struct strbuf *report)
{
    struct check ck = {report, 0};
    if (resident_keys_unfiled(db)) {
        strbuf_adds(report, _("residents: an import stopped before it filed their search keys: "
                              "the residents it wrote are not found by name yet (bangban check "
                              "--fix files them)\n"));
        ck.problems++;
    }
    int rc = resident_each(db, 1, NULL, resident_check, &ck);
    if (rc == DB_OK) rc = resident_merges_astray(db, merge_astray, &ck);
    if (rc == DB_OK) rc = resident_tally_astray(db, tally_astray, &ck);
    int64_t missing, stray;
    if (rc == DB_OK) rc = resident_phones_astray(db, &missing, &stray);
    if (rc == DB_OK && (missing || stray)) {
        strbuf_addf(report,
                    _("residents: %lld not found by their phone, %lld found by a phone they no "
                      "longer have (bangban check --fix files them again)\n"),
                    (long long)missing, (long long)stray);
        ck.problems++;
    }
    return check_done(db, rc, &ck);
}

static void tally_wrong(void *ctx, enum resident_status s, int64_t kept, int64_t counted)
{
    (void)s;
    (void)kept;
    (void)counted;
    *(int *)ctx = 1;
}

int check_fix_residents(struct db *db, const char *actor, int *fixed)
{
    *fixed = 0;
    int rc = DB_OK;
    if (resident_keys_unfiled(db)) {
        rc = resident_keys_repair(db, actor);
        if (rc == DB_OK) *fixed |= CHECK_FIXED_KEYS;
    }
    int wrong = 0;
    if (rc == DB_OK) rc = resident_tally_astray(db, tally_wrong, &wrong);
    if (rc == DB_OK && wrong) rc = resident_tally_recount(db, actor);
    if (rc == DB_OK && wrong) *fixed |= CHECK_FIXED_TALLY;
    int64_t missing = 0, stray = 0;
    if (rc == DB_OK) rc = resident_phones_astray(db, &missing, &stray);
    if (rc == DB_OK && (missing || stray)) rc = resident_phones_refile(db, actor);
    if (rc == DB_OK && (missing || stray)) *fixed |= CHECK_FIXED_PHONES;
    return rc;
}

static void building_astray(void *ctx, const char *code, const char *name, const char *grid)
{
    struct check *ck = ctx;
    strbuf_addf(ck->report, _("building %s %s: its grid %s is in another street\n"), code, name,
                grid);
    ck->problems++;
}

int check_areas(struct db *db, struct strbuf *report)
{
    struct check ck = {report, 0};
    int rc = area_buildings_astray(db, building_astray, &ck);
    return check_done(db, rc, &ck);
}

char *calendar_shortfall(struct db *db, time_t now, int keeps)
{
    struct workcal cal;
    calendar_load(db, &cal);
    int64_t last = workcal_last_year(&cal);
    workcal_free(&cal);
    /* A working day is at most seven fifths of a day, and a long holiday adds two weeks. */
    time_t ahead = now + (time_t)(item_longest_days(db) * 7 / 5 + 14) * 86400;
    time_t due = (time_t)request_latest_due(db);
    if (due > ahead) ahead = due;
    struct tm tm;
    localtime_r(&ahead, &tm);
    int need = tm.tm_year + 1900;
    if (last >= need) return NULL;
    if (!keeps && last == 0)
        return xasprintf(_("The working-day calendar holds no holidays: deadlines count every "
                           "weekday. Ask a supervisor to add %d's"),
                         need);
    if (!keeps)
        return xasprintf(_("The working-day calendar ends with %lld: deadlines in %d ignore its "
                           "holidays. Ask a supervisor to add them"),
                         (long long)last, need);
    if (last == 0)
        return xasprintf(_("The working-day calendar holds no holidays: deadlines count every "
                           "weekday. Add %d's (服务清单, 工作日历, F9 imports a ledger)"),
                         need);
    return xasprintf(_("The working-day calendar ends with %lld: deadlines in %d ignore its "
                       "holidays. Add them (服务清单, 工作日历, F9 imports a ledger)"),
                     (long long)last, need);
}

int check_audit(struct db *db, char **said)
{
    struct audit_verdict v;
    int rc = audit_verify(db, &v);
    if (rc != DB_OK) {
        *said = xasprintf(_("the audit log could not be read: %s\n"), db_rc_message(rc));
        return 1;
    }
    switch (v.damage) {
    case AUDIT_SOUND:
        *said = xasprintf(_("audit log: %lld rows, the chain whole, ending %.16s\n"),
                          (long long)v.rows, v.rows ? v.head : "-");
        return 0;
    case AUDIT_CHANGED:
        *said = xasprintf(_("audit log: row %lld does not match its hash: it, or the row before "
                            "it, was changed behind bangban's back\n"),
                          (long long)v.seq);
        break;
    case AUDIT_REMOVED:
        *said = xasprintf(_("audit log: rows before row %lld are missing: removed behind "
                            "bangban's back\n"),
                          (long long)v.seq);
        break;
    case AUDIT_UNSEALED:
        *said = xasprintf(_("audit log: row %lld has no hash: written behind bangban's back\n"),
                          (long long)v.seq);
        break;
    case AUDIT_CUT:
        *said = xasprintf(_("audit log: it ends at row %lld, before the last row bangban wrote: "
                            "rows after it were removed\n"),
                          (long long)v.seq);
        break;
    }
    return 1;
}
