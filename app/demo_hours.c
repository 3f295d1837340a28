/*
** demo_hours: see demo_hours.h.
*/
#include "app/demo_hours.h"
#include "app/hours_ledger.h"
#include "db/calendar_store.h"
#include "db/hours_bulk.h"
#include "db/settings_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/namegen.h"
#include "src/util.h"
#include "src/workcal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What teams do: a team's own activities, and its group's (for the elderly mostly). */
static const char *const team_work[] = {
    "社区环境清扫", "文明交通劝导", "夜间平安巡逻", "垃圾分类宣传", "义诊进社区",
    "法律咨询服务", "四点半课堂",   "便民理发",     "防诈骗宣传",   "楼道小广告清理",
};
static const int team_category[] = {3, 4, 5, 3, 7, 8, 9, 1, 5, 3};
static const char *const group_work[] = {
    "敬老院探访", "独居老人探望", "助老送餐", "助残陪护", "老年人智能手机课",
};
static const int group_category[] = {2, 2, 2, 2, 9};
static const char *const places[] = {"社区党群服务中心", "社区广场", "辖区楼院", "敬老院",
                                     "社区卫生服务站"};
/* Mornings, afternoons, whole days: start and end minute of the day. */
static const int slots[][2] = {{510, 690}, {540, 660}, {840, 1020}, {870, 990}, {540, 960}};
static const char *const late_reasons[] = {"纸质签到表补录", "组织者事后提交", "系统故障后补录"};

/* A record to write: whose, at which activity. */
struct plan {
    uint32_t volunteer; /* index into the volunteers */
    uint32_t act;       /* index into the activities */
};

/* An activity as the records need it. */
struct act {
    int32_t day; /* day number */
    int in, out; /* minutes of the day */
};

/* A closed request's life: its id, the days it was taken down and closed. */
struct life {
    int64_t id;
    int32_t from, to;
};

struct gen {
    struct rng rng;
    int32_t first, last, today; /* day numbers: the span served, and today */
    const struct hours_bulk_volunteer *v;
    size_t nv;
    struct act *acts;
    size_t nacts;
    size_t **team_acts; /* per team index: its activities' indices */
    size_t *team_nacts;
    size_t nteams;
    const struct hours_bulk_team *teams;
    struct life *closed; /* closed requests, in the order taken down */
    size_t nclosed;
    char (*counts)[11];  /* per day from first: when a record confirmed that day counts */
    unsigned char *used; /* per day from first: the current volunteer served that day */
    struct plan *plan;   /* every record to write, in the order of the days served */
    size_t nplan, cap, next;
};

static int32_t day_of_text(const char *iso)
{
    struct date d;
    return date_parse(iso, &d) == DATE_OK ? workcal_day_number(d) : 0;
}

static void day_text(int32_t n, char *out)
{
    struct date d = workcal_date_of_number(n);
    date_format(&d, out);
}

static size_t team_index(const struct gen *g, int64_t id)
{
    for (size_t i = 0; i < g->nteams; i++)
        if (g->teams[i].id == id) return i;
    return g->nteams;
}

/* How many teams have activities today and in the days ahead, for the desk's roll and the kiosk. */
#define UPCOMING_TEAMS 3

/*
** Team t's activities of today (running all day, so a roll or the kiosk
** can sign in at any hour) and of the two weeks ahead (planned), appended
** to a (room made by the caller) and names.
*/
static void upcoming_add(struct gen *g, size_t t, struct hours_bulk_activity *a, size_t *n,
                         struct strlist *names)
{
    const char *where = *g->teams[t].community ? g->teams[t].community : "和平区";
    static const int ahead[] = {0, 3, 10};
    for (size_t k = 0; k < ARRAY_LEN(ahead); k++) {
        size_t w = (t + k) % ARRAY_LEN(team_work);
        char *name = xasprintf("%s%s", where, team_work[w]);
        strlist_add(names, name);
        free(name);
        char day[11];
        day_text(g->today + ahead[k], day);
        a[*n] = (struct hours_bulk_activity){
            .team_id = g->teams[t].id,
            .category_id = team_category[w],
            .place = places[(t + k) % ARRAY_LEN(places)],
            .status = ahead[k] ? "planned" : "running",
            .kind = "service",
        };
        snprintf(a[*n].starts_at, sizeof a[*n].starts_at, "%s 08:00", day);
        snprintf(a[*n].ends_at, sizeof a[*n].ends_at, "%s %s", day, ahead[k] ? "11:30" : "18:00");
        (*n)++;
    }
}

/* A few activities a month for each team (the association more), on days of their own. */
static struct hours_bulk_activity *activities_make(struct gen *g, struct strlist *names, size_t *n)
{
    size_t cap = 1024;
    struct hours_bulk_activity *a = xcalloc(cap, sizeof *a);
    g->acts = xcalloc(cap, sizeof *g->acts);
    g->team_acts = xcalloc(g->nteams ? g->nteams : 1, sizeof *g->team_acts);
    g->team_nacts = xcalloc(g->nteams ? g->nteams : 1, sizeof *g->team_nacts);
    *n = 0;
    for (size_t t = 0; t < g->nteams; t++) {
        int group = t > 0 && t % 2 == 0;
        const char *where = *g->teams[t].community ? g->teams[t].community : "和平区";
        for (int32_t month = g->first; month <= g->last; month += 30) {
            int k = t == 0 ? 6 : 2 + (int)rng_below(&g->rng, 4);
            unsigned char taken[30] = {0};
            for (int j = 0; j < k; j++) {
                int off = (int)rng_below(&g->rng, 30);
                if (taken[off] || month + off > g->last) continue;
                taken[off] = 1;
                if (*n == cap) {
                    cap *= 2;
                    a = xrealloc(a, cap * sizeof *a);
                    g->acts = xrealloc(g->acts, cap * sizeof *g->acts);
                }
                size_t w = group ? rng_below(&g->rng, ARRAY_LEN(group_work))
                                 : rng_below(&g->rng, ARRAY_LEN(team_work));
                char *name = xasprintf("%s%s", where, group ? group_work[w] : team_work[w]);
                strlist_add(names, name);
                free(name);
                const int *slot = slots[rng_below(&g->rng, ARRAY_LEN(slots))];
                struct act *x = &g->acts[*n];
                *x = (struct act){month + off, slot[0], slot[1]};
                char day[11], in[6], out[6];
                day_text(x->day, day);
                a[*n] = (struct hours_bulk_activity){
                    .team_id = g->teams[t].id,
                    .name = NULL, /* set below, once names stops moving */
                    .category_id = group ? group_category[w] : team_category[w],
                    .place = places[rng_below(&g->rng, ARRAY_LEN(places))],
                    .status = "ended",
                    .kind = rng_below(&g->rng, 10) == 0 ? "training" : "service",
                };
                snprintf(a[*n].starts_at, sizeof a[*n].starts_at, "%s %s", day,
                         hours_minute_format(x->in, in));
                snprintf(a[*n].ends_at, sizeof a[*n].ends_at, "%s %s", day,
                         hours_minute_format(x->out, out));
                g->team_acts[t] =
                    xrealloc(g->team_acts[t], (g->team_nacts[t] + 1) * sizeof(size_t));
                g->team_acts[t][g->team_nacts[t]++] = *n;
                (*n)++;
            }
        }
    }
    g->nacts = *n; /* the history's; what follows has no records yet */
    a = xrealloc(a, (*n + 3 * UPCOMING_TEAMS) * sizeof *a);
    for (size_t t = 0; t < g->nteams && t < UPCOMING_TEAMS; t++)
        upcoming_add(g, t, a, n, names);
    for (size_t i = 0; i < *n; i++)
        a[i].name = names->v[i];
    return a;
}

/* How many times a year a volunteer serves: most a few, some monthly, a few weekly, a handful
 * daily. */
static int yearly(struct rng *r)
{
    uint32_t p = rng_below(r, 1000);
    if (p < 750) return 1 + (int)rng_below(r, 6);
    if (p < 950) return 8 + (int)rng_below(r, 23);
    if (p < 995) return 40 + (int)rng_below(r, 61);
    return 180 + (int)rng_below(r, 81);
}

/* Choose the activities of volunteer vi: on days of their own, after they registered. */
static void volunteer_plan(struct gen *g, size_t vi)
{
    const struct hours_bulk_volunteer *v = &g->v[vi];
    int32_t from = day_of_text(v->registered_on);
    if (from < g->first) from = g->first;
    if (from > g->last || !g->nacts) return;
    int want = (int)((int64_t)yearly(&g->rng) * (g->last - from + 1) / 365);
    size_t t = team_index(g, v->team_id);
    memset(g->used, 0, (size_t)(g->last - g->first + 1));
    for (int k = 0; k < want; k++) {
        for (int tries = 0; tries < 8; tries++) {
            size_t a;
            if (t < g->nteams && g->team_nacts[t] && rng_below(&g->rng, 100) < 65)
                a = g->team_acts[t][rng_below(&g->rng, (uint32_t)g->team_nacts[t])];
            else
                a = rng_below(&g->rng, (uint32_t)g->nacts);
            int32_t d = g->acts[a].day;
            if (d < from || g->used[d - g->first]) continue;
            g->used[d - g->first] = 1;
            if (g->nplan == g->cap) {
                g->cap = g->cap ? g->cap * 2 : 4096;
                g->plan = xrealloc(g->plan, g->cap * sizeof *g->plan);
            }
            g->plan[g->nplan++] = (struct plan){(uint32_t)vi, (uint32_t)a};
            break;
        }
    }
}

/*
** A request in its life on day (taken down by then, not yet closed) that a
** day's service helped: of the LIFE_LOOK taken down last by that day, the
** first so from the pick'th on (pick: a random number); 0 when none is.
*/
#define LIFE_LOOK 64

static int64_t helped_request(const struct gen *g, int32_t day, uint32_t pick)
{
    size_t lo = 0, hi = g->nclosed; /* the requests taken down by day: [0, hi) */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g->closed[mid].from <= day)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t look = hi < LIFE_LOOK ? hi : LIFE_LOOK;
    for (size_t k = 0; k < look; k++) {
        const struct life *l = &g->closed[hi - 1 - (pick + k) % look];
        if (l->to >= day) return l->id;
    }
    return 0;
}

/* The record of the volunteer's activity a: times, confirmation, lateness, request. */
static void record_fill(struct gen *g, const struct hours_bulk_volunteer *v, size_t a,
                        struct hours_bulk_record *r)
{
    const struct act *x = &g->acts[a];
    memset(r, 0, sizeof *r);
    r->volunteer_id = v->id;
    r->activity_id = (int64_t)a + 1;
    day_text(x->day, r->day);
    int in = x->in + (int)rng_below(&g->rng, 16), out = x->out - (int)rng_below(&g->rng, 16);
    hours_minute_format(in, r->sign_in);
    hours_minute_format(out, r->sign_out);
    r->minutes = out - in;
    uint32_t p = rng_below(&g->rng, 1000);
    r->late_reason = p < 30 ? late_reasons[p % ARRAY_LEN(late_reasons)] : "";
    int32_t confirmed = x->day + 1 + (int)rng_below(&g->rng, 4) + (p < 30 ? 10 : 0);
    int recent = x->day >= g->today - 10;
    int unconfirmed = confirmed >= g->today || (recent ? p % 2 : p >= 985);
    if (!unconfirmed) {
        char day[11];
        day_text(confirmed, day);
        snprintf(r->confirmed_at, sizeof r->confirmed_at, "%s 18:00:00", day);
        r->confirmed_by = "活动组织者";
        memcpy(r->counts_from, g->counts[confirmed - g->first], 11);
    }
    if (g->nclosed && rng_below(&g->rng, 1000) < 15)
        r->request_id = helped_request(g, x->day, rng_below(&g->rng, (uint32_t)g->nclosed));
}

static int record_next(void *ctx, struct hours_bulk_record *r, size_t *done, size_t *total)
{
    struct gen *g = ctx;
    if (g->next == g->nplan) return 0;
    const struct plan *p = &g->plan[g->next++];
    record_fill(g, &g->v[p->volunteer], p->act, r);
    *done = g->next;
    *total = g->nplan;
    return 1;
}

/* Every volunteer's records, planned and put in the order of the days served. */
static void records_plan(struct gen *g)
{
    for (size_t vi = 0; vi < g->nv; vi++)
        volunteer_plan(g, vi);
    /* A counting sort by day, stable: within a day, by volunteer. */
    size_t days = (size_t)(g->last - g->first + 1);
    size_t *at = xcalloc(days + 1, sizeof *at);
    for (size_t i = 0; i < g->nplan; i++)
        at[g->acts[g->plan[i].act].day - g->first + 1]++;
    for (size_t d = 0; d < days; d++)
        at[d + 1] += at[d];
    struct plan *sorted = xmalloc((g->nplan ? g->nplan : 1) * sizeof *sorted);
    for (size_t i = 0; i < g->nplan; i++)
        sorted[at[g->acts[g->plan[i].act].day - g->first]++] = g->plan[i];
    free(at);
    free(g->plan);
    g->plan = sorted;
}

/* The closed requests' lives, as days. DB_OK or an error. */
static int lives_read(struct db *db, struct gen *g)
{
    struct hours_bulk_request *r;
    int rc = hours_bulk_closed_requests(db, &r, &g->nclosed);
    if (rc != DB_OK) return rc;
    g->closed = g->nclosed ? xcalloc(g->nclosed, sizeof *g->closed) : NULL;
    for (size_t i = 0; i < g->nclosed; i++)
        g->closed[i] = (struct life){r[i].id, workcal_day_number(date_of(r[i].taken)),
                                     workcal_day_number(date_of(r[i].closed))};
    free(r);
    return DB_OK;
}

/* When a record confirmed on each day of the span (and a month past it) counts. */
static int counts_make(struct db *db, struct gen *g)
{
    struct workcal cal;
    int rc = calendar_load(db, &cal);
    if (rc != DB_OK) return rc;
    int notice = (int)settings_get_number(db, SETTING_HOURS_NOTICE);
    size_t days = (size_t)(g->last - g->first + 1) + 40;
    g->counts = xcalloc(days, sizeof *g->counts);
    for (size_t i = 0; i < days; i++) {
        char day[11];
        day_text(g->first + (int32_t)i, day);
        hours_counts_from_text(&cal, day, notice, g->counts[i]);
    }
    workcal_free(&cal);
    return DB_OK;
}

static void gen_free(struct gen *g)
{
    for (size_t t = 0; t < g->nteams; t++)
        free(g->team_acts ? g->team_acts[t] : NULL);
    free(g->team_acts);
    free(g->team_nacts);
    free(g->acts);
    free(g->counts);
    free(g->used);
    free(g->plan);
}

static int generate(struct db *db, struct gen *g, const char *actor, bulk_progress progress,
                    void *ctx, struct demo_hours_report *rep)
{
    int rc = counts_make(db, g);
    if (rc != DB_OK) return rc;
    g->used = xcalloc((size_t)(g->last - g->first + 1), 1);
    struct strlist names = STRLIST_INIT;
    struct hours_bulk_activity *acts = activities_make(g, &names, &rep->activities);
    if (progress) progress(ctx, _("Generating service records"), 0, g->nv);
    records_plan(g);
    rc = hours_bulk_load(db, actor, acts, rep->activities, record_next, g, &rep->records, progress,
                         ctx);
    free(acts);
    strlist_free(&names);
    return rc;
}

int demo_hours(struct db *db, int years, const char *actor, bulk_progress progress, void *ctx,
               struct demo_hours_report *rep, char **err)
{
    memset(rep, 0, sizeof *rep);
    *err = NULL;
    struct gen g = {0};
    rng_seed(&g.rng, 20150312);
    g.today = workcal_day_number(date_of(clock_now()));
    g.last = g.today - 1;
    g.first = g.today - 365 * years;
    struct hours_bulk_volunteer *v = NULL;
    struct hours_bulk_team *teams = NULL;
    int rc = hours_bulk_volunteers(db, &v, &g.nv);
    if (rc == DB_OK) rc = hours_bulk_teams(db, &teams, &g.nteams);
    if (rc == DB_OK) rc = lives_read(db, &g);
    g.v = v;
    g.teams = teams;
    if (rc == DB_OK && (g.nv == 0 || g.nteams == 0)) {
        *err = xasprintf(_("%s has no volunteers or teams: add them with --volunteers N"),
                         db_path(db));
        rc = DB_INVALID;
    } else if (rc == DB_OK) {
        rc = generate(db, &g, actor, progress, ctx, rep);
        if (rc == DB_INVALID)
            *err = xasprintf(_("%s already holds activities or service records"), db_path(db));
    }
    if (rc != DB_OK && !*err) *err = db_rc_text(db, rc);
    gen_free(&g);
    free(g.closed);
    free(v);
    hours_bulk_teams_free(teams, g.nteams);
    return rc;
}
