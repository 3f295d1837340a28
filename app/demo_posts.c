/*
** demo_posts: the demo district's staff, blocks and posts (see demo.h).
*/
#include "app/demo.h"
#include "db/area.h"
#include "db/post_store.h"
#include "db/staff_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/namegen.h"
#include "src/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many people of each kind the demo has (the seed district's figures, as data). */
#define DEMO_SOCIAL_WORKERS 96
#define DEMO_INSTRUCTORS    108

struct demo_posts {
    struct db *db;
    struct rng rng;
    const char *actor;
    struct demo_report *report;
    char **err;
    int phone_no; /* the next demo phone */
};

static int fail(struct demo_posts *d, int rc, const char *what)
{
    if (rc != DB_OK && !*d->err) *d->err = xasprintf("%s: %s", what, db_rc_message(rc));
    return rc;
}

/* The id of the staff kind with code, or 0. */
static int64_t kind_id(struct db *db, const char *code)
{
    struct staff_kind k;
    if (staff_kind_find(db, code, &k) != DB_OK) return 0;
    int64_t id = k.id;
    record_free(&staff_kind_record, &k);
    return id;
}

/* A new staff member of kind, named name (a made-up one when NULL); its id into *id. */
static int staff_make(struct demo_posts *d, int64_t kind, const char *name, const char *employer,
                      int64_t *id)
{
    struct staff s;
    record_init(&staff_record, &s);
    if (name) {
        record_set(&s.name, name);
    } else {
        struct strbuf sb = STRBUF_INIT;
        namegen_person(&d->rng, &sb);
        record_take(&s.name, strbuf_detach(&sb));
    }
    static const char *const prefixes[] = {"139", "138", "137", "136", "135", "186", "158"};
    d->phone_no++;
    record_take(&s.phone,
                xasprintf("%s%04u%04d", prefixes[rng_below(&d->rng, (uint32_t)ARRAY_LEN(prefixes))],
                          (unsigned)rng_below(&d->rng, 10000), d->phone_no));
    s.kind_id = kind;
    record_set(&s.employer, employer);
    int rc = staff_save(d->db, &s, d->actor);
    d->report->staff += rc == DB_OK;
    *id = s.id;
    record_free(&staff_record, &s);
    return fail(d, rc, name ? name : "staff");
}

static int post_make(struct demo_posts *d, enum post_kind kind, int64_t place, int64_t staff,
                     const char *from, const char *to, const char *by, int64_t *id)
{
    struct post p;
    record_init(&post_record, &p);
    p.kind = kind;
    p.place_id = place;
    p.staff_id = staff;
    record_set(&p.start_on, from);
    record_set(&p.end_on, to);
    record_set(&p.appointed_by, by);
    struct post_why why;
    int rc = post_save(d->db, &p, d->actor, &why);
    d->report->posts += rc == DB_OK;
    if (id) *id = p.id;
    record_free(&post_record, &p);
    return fail(d, rc, "post");
}

/* A day n days from today, YYYY-MM-DD, into day. */
static void day_from_today(int n, char day[11])
{
    time_t t = clock_now() + (time_t)n * 86400;
    struct date dt = date_of(t);
    date_format(&dt, day);
}

/* Each street's 街长 and its two blocks (东片, 西片: the first and second half of its
 * buildings and grids) with their 片长, all street cadres. */
static int streets_and_blocks(struct demo_posts *d, int64_t cadre)
{
    struct area_list streets;
    int rc = area_list(d->db, AREA_STREET, "", 0, 0, &streets);
    if (rc != DB_OK) return fail(d, rc, "streets");
    for (size_t i = 0; rc == DB_OK && i < streets.n; i++) {
        const struct area *st = &streets.items[i];
        char *employer = xasprintf("%s办事处", st->name);
        int64_t chief;
        rc = staff_make(d, cadre, NULL, employer, &chief);
        if (rc == DB_OK)
            rc = post_make(d, POST_STREET_CHIEF, st->id, chief, "2024-01-01", "", "和平区委", NULL);
        struct area_list b, g;
        if (rc == DB_OK && (rc = area_list(d->db, AREA_BUILDING, "", st->id, 0, &b)) == DB_OK) {
            if ((rc = area_list(d->db, AREA_GRID, "", st->id, AREA_IN_STREET, &g)) == DB_OK) {
                static const char *const halves[] = {"东片", "西片"};
                for (int h = 0; rc == DB_OK && h < 2; h++) {
                    struct strlist codes = STRLIST_INIT;
                    for (size_t k = h * b.n / 2; k < (h + 1) * b.n / 2; k++)
                        strlist_add(&codes, b.items[k].code);
                    for (size_t k = h * g.n / 2; k < (h + 1) * g.n / 2; k++)
                        strlist_add(&codes, g.items[k].code);
                    struct block bl;
                    record_init(&block_record, &bl);
                    record_take(&bl.code, xasprintf("%s-P%d", st->code, h + 1));
                    char *street_short = xstrdup(st->name);
                    char *cut = strstr(street_short, "街道");
                    if (cut) *cut = '\0';
                    record_take(&bl.name, xasprintf("%s%s", street_short, halves[h]));
                    free(street_short);
                    bl.street_id = st->id;
                    record_take(&bl.members, strlist_join(&codes, "、"));
                    strlist_free(&codes);
                    rc = fail(d, block_save(d->db, &bl, d->actor, NULL), "block");
                    d->report->blocks += rc == DB_OK;
                    int64_t head;
                    if (rc == DB_OK) rc = staff_make(d, cadre, NULL, employer, &head);
                    if (rc == DB_OK)
                        rc = post_make(d, POST_BLOCK_CHIEF, bl.id, head, "2024-01-01", "", st->name,
                                       NULL);
                    record_free(&block_record, &bl);
                }
                area_list_free(&g);
            }
            area_list_free(&b);
        }
        free(employer);
    }
    area_list_free(&streets);
    return rc;
}

/*
** A 楼长 (a 党建社工) and a 楼宇指导员 (a 党建指导员) for each commercial
** building; every seventh building's first 楼长 handed over in 2025; the
** last building's 楼长 left without a successor; two posts end soon.
*/
static int buildings(struct demo_posts *d, const int64_t *workers, const int64_t *instructors)
{
    struct area_list b;
    int rc = area_list(d->db, AREA_BUILDING, "", 0, 0, &b);
    if (rc != DB_OK) return fail(d, rc, "buildings");
    size_t n = 0, spare = DEMO_SOCIAL_WORKERS - 1;
    char soon[11], gone[11];
    day_from_today(20, soon);
    day_from_today(-40, gone);
    for (size_t i = 0; rc == DB_OK && i < b.n; i++) {
        const struct area *a = &b.items[i];
        if (a->building_kind != BUILDING_COMMERCIAL) continue;
        int last = i + 1 == b.n || b.items[i + 1].building_kind != BUILDING_COMMERCIAL;
        int64_t chief;
        if (n % 7 == 3 && spare > n) {
            /* A 楼长 since 2023, who handed over in spring 2025. */
            rc = post_make(d, POST_BUILDING_CHIEF, a->id, workers[spare--], "2023-03-01", "",
                           "和平区委社会工作部", &chief);
            struct post old;
            if (rc == DB_OK && (rc = post_get(d->db, chief, &old)) == DB_OK) {
                struct post_why why;
                rc = fail(d,
                          post_handover(d->db, &old, "2025-04-01", workers[n], "和平区委社会工作部",
                                        "移交楼内企业台账和联系人名单", d->actor, NULL, &why),
                          "hand-over");
                d->report->posts += rc == DB_OK;
                d->report->handovers += rc == DB_OK;
                record_free(&post_record, &old);
            }
        } else {
            rc = post_make(d, POST_BUILDING_CHIEF, a->id, workers[n], "2024-07-01",
                           last          ? gone
                           : n % 19 == 5 ? soon
                                         : "",
                           "和平区委社会工作部", NULL);
        }
        if (rc == DB_OK)
            rc = post_make(d, POST_BUILDING_INSTRUCTOR, a->id, instructors[n], "2024-07-01", "",
                           "和平区委组织部", NULL);
        n++;
    }
    area_list_free(&b);
    return rc;
}

/* Each grid's workers, as its record names them, become staff holding a 网格员 post. */
static int grid_workers(struct demo_posts *d, int64_t kind)
{
    struct area_list g;
    int rc = area_list(d->db, AREA_GRID, "", 0, 0, &g);
    if (rc != DB_OK) return fail(d, rc, "grids");
    for (size_t i = 0; rc == DB_OK && i < g.n; i++) {
        struct strlist names = STRLIST_INIT;
        text_split_list(g.items[i].workers, &names);
        for (size_t k = 0; rc == DB_OK && k < names.n; k++) {
            int64_t id;
            rc = staff_make(d, kind, names.v[k], g.items[i].parent_name, &id);
            if (rc == DB_OK)
                rc = post_make(d, POST_GRID_WORKER, g.items[i].id, id, "2024-01-01", "",
                               g.items[i].parent_name, NULL);
        }
        strlist_free(&names);
    }
    area_list_free(&g);
    return rc;
}

int demo_posts(struct db *db, const char *actor, struct demo_report *report, char **err)
{
    struct demo_posts d = {.db = db, .actor = actor, .report = report, .err = err};
    rng_seed(&d.rng, 20240701);
    int64_t sw = kind_id(db, "SW"), pi = kind_id(db, "PI"), so = kind_id(db, "SO"),
            gw = kind_id(db, "GW");
    if (!sw || !pi || !so || !gw) {
        *err = xstrdup(_("the staff kinds of the demo are missing"));
        return DB_INVALID;
    }
    int64_t workers[DEMO_SOCIAL_WORKERS], instructors[DEMO_INSTRUCTORS];
    int rc = DB_OK;
    for (int i = 0; rc == DB_OK && i < DEMO_SOCIAL_WORKERS; i++)
        rc = staff_make(&d, sw, NULL, "和平区委社会工作部", &workers[i]);
    for (int i = 0; rc == DB_OK && i < DEMO_INSTRUCTORS; i++)
        rc = staff_make(&d, pi, NULL, "和平区委组织部", &instructors[i]);
    if (rc == DB_OK) rc = streets_and_blocks(&d, so);
    if (rc == DB_OK) rc = buildings(&d, workers, instructors);
    if (rc == DB_OK) rc = grid_workers(&d, gw);
    return rc;
}
