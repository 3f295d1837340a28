/*
** demo: see demo.h.
*/
#include "db/demo.h"
#include "db/area.h"
#include "db/resident_bulk.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/namegen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The statistical region code of the district; street and community codes extend it. */
static const char region_code[] = "120101";
static const char district_name[] = "和平区";

struct demo_community {
    const char *name; /* without the 社区 suffix */
    int grids;
};

struct demo_street {
    const char *name;
    struct demo_community communities[10];
    const char *buildings[12]; /* commercial buildings: name, then road for the address */
    const char *roads[12];
};

static const struct demo_street streets[] = {
    {"劝业场街道",
     {{"滨江道", 8},
      {"花园路", 7},
      {"新华", 8},
      {"福安", 7},
      {"锦州道", 9},
      {"兆丰路", 8},
      {"和平路", 9},
      {"赤峰道", 8},
      {"山西路", 8}},
     {"滨江国际大厦", "和平路商务中心", "劝业场金融大厦", "锦州道商厦", "福安大街写字楼",
      "赤峰道国际中心", "新华路商务楼", "兆丰路科技大厦", "花园路金融广场", "山西路商务大厦"},
     {"滨江道", "和平路", "和平路", "锦州道", "福安大街", "赤峰道", "新华路", "兆丰路", "花园路",
      "山西路"}},
    {"小白楼街道",
     {{"小白楼", 8},
      {"开封道", 5},
      {"浙江路", 9},
      {"南京路", 6},
      {"大沽路", 7},
      {"建设路", 6},
      {"营口道", 8},
      {"曲阜道", 5}},
     {"小白楼国际金融中心", "南京路商务大厦", "开封道国际广场", "浙江路写字楼", "大沽北路金融大厦",
      "营口道商务中心", "建设路科技园", "小白楼时代广场", "解放北路金融大厦", "曲阜道商务楼"},
     {"南京路", "南京路", "开封道", "浙江路", "大沽北路", "营口道", "建设路", "大沽北路",
      "解放北路", "曲阜道"}},
    {"五大道街道",
     {{"睦南道", 6},
      {"马场道", 5},
      {"重庆道", 7},
      {"常德道", 6},
      {"大理道", 9},
      {"成都道", 6},
      {"云南路", 7},
      {"昆明路", 8}},
     {"马场道商务会馆", "重庆道创意大厦", "常德道文化中心", "睦南道商务楼", "成都道国际中心",
      "大理道文创园", "云南路商务楼", "昆明路写字楼", "西康路商务大厦"},
     {"马场道", "重庆道", "常德道", "睦南道", "成都道", "大理道", "云南路", "昆明路", "西康路"}},
    {"新兴街道",
     {{"朝阳里", 5},
      {"新兴里", 8},
      {"延安路", 6},
      {"宜昌北路", 5},
      {"西宁道", 8},
      {"青海路", 6},
      {"贵州路", 7},
      {"新疆路", 7},
      {"甘肃路", 6}},
     {"新兴国际大厦", "西宁道商务中心", "宜昌道金融大厦", "贵州路写字楼", "南京路国际商厦",
      "甘肃路商务楼", "新疆路科技大厦", "青海路商务中心", "延安路国际广场", "朝阳里综合楼"},
     {"南京路", "西宁道", "宜昌道", "贵州路", "南京路", "甘肃路", "新疆路", "青海路", "延安路",
      "朝阳里"}},
    {"南营门街道",
     {{"南营门", 9},
      {"庆有西里", 9},
      {"长沙路", 7},
      {"西康路", 6},
      {"桂林路", 9},
      {"岳阳道", 9},
      {"贵阳路", 5},
      {"兰州道", 6}},
     {"南营门商务中心", "长沙路金融大厦", "西康路国际大厦", "桂林路写字楼", "岳阳道商务楼",
      "庆有里商务中心", "兰州道科技大厦", "贵阳路国际中心", "南营门时代广场"},
     {"南京路", "长沙路", "西康路", "桂林路", "岳阳道", "西康路", "兰州道", "贵阳路", "南京路"}},
    {"南市街道",
     {{"南市", 8},
      {"荣业大街", 8},
      {"清和街", 7},
      {"永安道", 6},
      {"慎益大街", 6},
      {"南门外大街", 5},
      {"建物大街", 9},
      {"东兴市场", 5}},
     {"南市食品街商务楼", "荣业大街商厦", "清和街金融中心", "永安道国际大厦", "慎益大街写字楼",
      "南门外大街商务中心", "建物大街科技楼", "南市旅馆街商务楼", "和平广场写字楼"},
     {"荣业大街", "荣业大街", "清和街", "永安道", "慎益大街", "南门外大街", "建物大街", "旅馆街",
      "南门外大街"}},
};

/* A few residential blocks, so the 居民楼 kind is seen too: community, blocks. */
static const struct {
    const char *community;
    int blocks;
} residential[] = {{"朝阳里", 6}, {"庆有西里", 4}};

/* Replace a string field of a record with value (which the record now owns). */
static void set(char **field, char *value)
{
    free(*field);
    *field = value;
}

/* Save one record, reporting a failure in *err. */
static int save(struct db *db, struct area *a, const char *actor, char **err)
{
    int rc = area_save(db, a, actor, NULL);
    if (rc != DB_OK && !*err)
        *err = xasprintf(_("cannot save %s %s: %s"), a->code, a->name, db_rc_message(rc));
    return rc;
}

/* What seeding one street needs to carry along. */
struct seed {
    struct db *db;
    struct rng rng;
    const char *actor;
    struct demo_report *report;
    char **err;
    int street_no;         /* 1.. : the current street */
    int64_t grid_ids[128]; /* the grids of the current street, for its buildings */
    int ngrid;
};

/* Grid workers for one grid: one or two names joined by 、. Caller frees. */
static char *workers_for(struct rng *r)
{
    struct strbuf out = STRBUF_INIT;
    int n = 1 + (int)rng_below(r, 2);
    for (int i = 0; i < n; i++) {
        if (i) strbuf_adds(&out, "、");
        namegen_person(r, &out);
    }
    return strbuf_detach(&out);
}

static int seed_building(struct seed *sd, const struct area *street, char *code, char *name,
                         char *address, int64_t grid_id, enum building_kind kind)
{
    struct area b;
    area_init(&b, AREA_BUILDING);
    set(&b.code, code);
    set(&b.name, name);
    set(&b.address, address);
    b.parent_id = street->id;
    b.grid_id = grid_id;
    b.building_kind = kind;
    int rc = save(sd->db, &b, sd->actor, sd->err);
    sd->report->buildings += rc == DB_OK;
    area_free(&b);
    return rc;
}

/* A community, its grids, and its residential blocks if it has any. */
static int seed_community(struct seed *sd, const struct area *street,
                          const struct demo_community *dc, int ci)
{
    struct area c;
    area_init(&c, AREA_COMMUNITY);
    set(&c.code, xasprintf("%s%03d", street->code, ci + 1));
    set(&c.name, xasprintf("%s社区", dc->name));
    c.parent_id = street->id;
    int rc = save(sd->db, &c, sd->actor, sd->err);
    sd->report->communities += rc == DB_OK;
    int64_t first_grid = 0;
    for (int gi = 0; rc == DB_OK && gi < dc->grids; gi++) {
        struct area g;
        area_init(&g, AREA_GRID);
        set(&g.code, xasprintf("%s-%02d", c.code, gi + 1));
        set(&g.name, xasprintf("%s第%d网格", dc->name, gi + 1));
        set(&g.workers, workers_for(&sd->rng));
        g.parent_id = c.id;
        rc = save(sd->db, &g, sd->actor, sd->err);
        sd->report->grids += rc == DB_OK;
        if (rc == DB_OK && sd->ngrid < (int)ARRAY_LEN(sd->grid_ids))
            sd->grid_ids[sd->ngrid++] = g.id;
        if (gi == 0) first_grid = g.id;
        area_free(&g);
    }
    for (size_t k = 0; rc == DB_OK && k < ARRAY_LEN(residential); k++) {
        if (!str_eq(residential[k].community, dc->name)) continue;
        for (int n = 1; rc == DB_OK && n <= residential[k].blocks; n++)
            rc = seed_building(sd, street, xasprintf("R%d%02d-%02d", sd->street_no, ci + 1, n),
                               xasprintf("%s%d号楼", dc->name, n),
                               xasprintf("%s%s%d号楼", district_name, dc->name, n), first_grid,
                               BUILDING_RESIDENTIAL);
    }
    area_free(&c);
    return rc;
}

static int seed_street(struct seed *sd, const struct demo_street *s, int si)
{
    struct area st;
    area_init(&st, AREA_STREET);
    set(&st.code, xasprintf("%s%03d", region_code, si + 1));
    set(&st.name, xstrdup(s->name));
    int rc = save(sd->db, &st, sd->actor, sd->err);
    sd->report->streets += rc == DB_OK;
    sd->ngrid = 0;
    sd->street_no = si + 1;
    for (int ci = 0; rc == DB_OK && ci < (int)ARRAY_LEN(s->communities) && s->communities[ci].name;
         ci++)
        rc = seed_community(sd, &st, &s->communities[ci], ci);
    for (int bi = 0; rc == DB_OK && bi < (int)ARRAY_LEN(s->buildings) && s->buildings[bi]; bi++) {
        int64_t grid = sd->ngrid ? sd->grid_ids[rng_below(&sd->rng, (uint32_t)sd->ngrid)] : 0;
        char *address =
            xasprintf("%s%s%d号", district_name, s->roads[bi], 10 + (int)rng_below(&sd->rng, 290));
        rc = seed_building(sd, &st, xasprintf("B%d%02d", si + 1, bi + 1), xstrdup(s->buildings[bi]),
                           address, grid, BUILDING_COMMERCIAL);
    }
    area_free(&st);
    return rc;
}

int demo_seed(struct db *db, const char *actor, struct demo_report *report, char **err)
{
    struct seed sd;
    int rc;

    *err = NULL;
    memset(report, 0, sizeof *report);
    if (db_int(db, 0, "SELECT count(*) FROM street") > 0) {
        *err = xasprintf(_("%s already holds a district; demo data goes into a new database"),
                         db_path(db));
        return DB_INVALID;
    }
    memset(&sd, 0, sizeof sd);
    sd.db = db;
    sd.actor = actor;
    sd.report = report;
    sd.err = err;
    rng_seed(&sd.rng, 20190701);
    rc = db_write_begin(db);
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    rc = db_meta_set(db, "district", district_name);
    if (rc == DB_OK) rc = db_meta_set(db, "region_code", region_code);
    if (rc == DB_OK) rc = db_meta_set(db, "demo", "1");
    for (size_t i = 0; rc == DB_OK && i < ARRAY_LEN(streets); i++)
        rc = seed_street(&sd, &streets[i], (int)i);
    if (rc != DB_OK) {
        db_rollback(db);
        if (!*err) *err = xstrdup(db_rc_message(rc));
        memset(report, 0, sizeof *report);
        return rc;
    }
    rc = db_commit(db);
    if (rc != DB_OK) *err = xstrdup(db_rc_message(rc));
    return rc;
}

/* Generating residents for the bulk loader (see bulk_source). */
struct demo_source {
    struct rng rng;
    time_t now;
    struct idcard_seen ids; /* to keep generated numbers unique */
    const struct area_list *grids;
    size_t made, n;
};

static int demo_next(void *ctx, struct resident *r, size_t *done, size_t *total)
{
    struct demo_source *d = ctx;
    if (d->made == d->n) return 0;
    resident_init(r);
    do
        namegen_resident(&d->rng, d->now, r);
    while (idcard_seen_check(&d->ids, r->id_number, 1));
    const struct area *g = &d->grids->items[rng_below(&d->rng, (uint32_t)d->grids->n)];
    r->grid_id = g->id;
    r->community_id = g->parent_id;
    *done = ++d->made;
    *total = d->n;
    return 1;
}

int demo_residents(struct db *db, size_t n, const char *actor,
                   void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                   void *ctx, char **err)
{
    struct area_list grids;
    *err = NULL;
    int rc = area_list(db, AREA_GRID, "", 0, 0, &grids);
    if (rc == DB_OK && grids.n == 0) {
        area_list_free(&grids);
        *err = xasprintf(_("%s has no grids: create the demo district first"), db_path(db));
        return DB_INVALID;
    }
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    struct resident_bulk *bulk;
    rc = resident_bulk_begin(db, actor, &bulk);
    if (rc != DB_OK) {
        area_list_free(&grids);
        *err = rc == DB_INVALID ? xasprintf(_("%s already holds residents"), db_path(db))
                                : xstrdup(db_rc_message(rc));
        return rc;
    }
    struct demo_source d;
    memset(&d, 0, sizeof d);
    rng_seed(&d.rng, 3556);
    d.now = clock_now();
    d.grids = &grids;
    d.n = n;
    rc = resident_bulk_pump(bulk, demo_next, &d, _("Generating residents"), progress, ctx);
    idcard_seen_free(&d.ids);
    area_list_free(&grids);
    if (rc == DB_OK)
        rc = resident_bulk_finish(bulk, progress, ctx);
    else
        resident_bulk_abort(bulk);
    if (rc != DB_OK) *err = xstrdup(db_rc_message(rc));
    return rc;
}
