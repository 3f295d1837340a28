/*
** demo: see demo.h.
*/
#include "app/demo.h"
#include "db/area.h"
#include "db/organisation_store.h"
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "app/ledgers.h"
#include "db/request_store.h"
#include "db/resident_bulk.h"
#include "db/resident_store.h"
#include "db/seed.h"
#include "db/settings_store.h"
#include "db/volunteer_bulk.h"
#include "db/volunteer_store.h"
#include "db/visit_store.h"
#include "db/user_store.h"
#include "src/date.h"
#include "src/user.h"
#include "src/visit.h"
#include "src/clock.h"
#include "src/credit_code.h"
#include "src/organisation.h"
#include "src/i18n.h"
#include "src/namegen.h"
#include "src/reqgen.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* The property companies (物业公司) managing the demo's commercial buildings (names made up). */
static const char *const property_companies[] = {
    "天津海河物业服务有限公司", "天津金街物业管理有限公司", "天津劝业物业服务有限公司",
    "天津津城物业管理有限公司", "天津和平物业服务有限公司", "天津中天物业管理有限公司",
    "天津恒基物业服务有限公司", "天津联合物业管理有限公司", "天津滨江物业服务有限公司",
};

/* Street si's building bi gets a property company and its service phone, a Tianjin landline
 * (drawn from the indexes, not the generator, so the rest of the district stays as it was). */
static void demo_property(struct area *b, int si, int bi)
{
    size_t k = (size_t)(si * 5 + bi * 2) % ARRAY_LEN(property_companies);
    record_set(&b->property, property_companies[k]);
    record_take(&b->property_phone, xasprintf("022-%d", 23300000 + si * 104071 + bi * 10937 + 101));
}

static int seed_building(struct seed *sd, const struct area *street, char *code, char *name,
                         char *address, int64_t grid_id, enum building_kind kind, int bi)
{
    struct area b;
    area_init(&b, AREA_BUILDING);
    if (kind == BUILDING_COMMERCIAL) demo_property(&b, sd->street_no - 1, bi);
    record_take(&b.code, code);
    record_take(&b.name, name);
    record_take(&b.address, address);
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
    record_take(&c.code, xasprintf("%s%03d", street->code, ci + 1));
    record_take(&c.name, xasprintf("%s社区", dc->name));
    c.parent_id = street->id;
    int rc = save(sd->db, &c, sd->actor, sd->err);
    sd->report->communities += rc == DB_OK;
    int64_t first_grid = 0;
    for (int gi = 0; rc == DB_OK && gi < dc->grids; gi++) {
        struct area g;
        area_init(&g, AREA_GRID);
        record_take(&g.code, xasprintf("%s-%02d", c.code, gi + 1));
        record_take(&g.name, xasprintf("%s第%d网格", dc->name, gi + 1));
        record_take(&g.workers, workers_for(&sd->rng));
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
                               BUILDING_RESIDENTIAL, n);
    }
    area_free(&c);
    return rc;
}

static int seed_street(struct seed *sd, const struct demo_street *s, int si)
{
    struct area st;
    area_init(&st, AREA_STREET);
    record_take(&st.code, xasprintf("%s%03d", region_code, si + 1));
    record_set(&st.name, s->name);
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
                           address, grid, BUILDING_COMMERCIAL, bi);
    }
    area_free(&st);
    return rc;
}

/* The embedded seed file called name, or NULL. */
static const struct seed_file *seed_find(const char *name)
{
    for (int i = 0; i < seed_files_count; i++)
        if (str_eq(seed_files[i].name, name)) return &seed_files[i];
    return NULL;
}

/* Import an embedded seed ledger of a kind (app/ledgers.h), as a district imports its own files. */
static int seed_import(struct db *db, const char *name, const char *kind_name, const char *actor,
                       size_t *count, char **err)
{
    const struct seed_file *f = seed_find(name);
    const struct ledger_kind *kind = ledger_kind_find(kind_name);
    struct ledger *l;
    if (!f ||
        ledger_open_buffer(name, f->data, f->len, kind->schema, 1, CODEC_UTF8, &l, err) != 0) {
        if (!f) *err = xasprintf(_("no seed file %s"), name);
        return DB_ERROR;
    }
    struct import_options o = {IMPORT_UPDATE, NULL, name, actor, NULL, NULL, 0};
    struct import_report rep;
    int rc = ledger_import(kind, db, l, &o, &rep, err);
    if (rc == DB_OK && rep.rejected) {
        char *text = import_report_text(&rep);
        *err = xasprintf(_("the seed %s has bad rows:\n%s"), name, text);
        free(text);
        rc = DB_INVALID;
    }
    *count = rep.imported;
    import_report_free(&rep);
    ledger_close(l);
    return rc;
}

/* A few evening-talk sessions of the last weeks, so the screen has something to show. */
static int seed_talks(struct db *db, const char *actor, struct demo_report *report)
{
    static const struct {
        int days_ago;
        const char *place, *officials, *community;
    } talks[] = {
        {3, "朝阳里社区党群服务中心", "区委副书记、新兴街道党工委书记", "朝阳里社区"},
        {10, "庆有西里社区活动室", "区政府副区长、南营门街道办事处主任", "庆有西里社区"},
        {17, "滨江道社区议事厅", "劝业场街道党工委书记、区住房建设委主任", "滨江道社区"},
    };
    time_t now = clock_now();
    int rc = DB_OK;
    for (size_t i = 0; rc == DB_OK && i < ARRAY_LEN(talks); i++) {
        struct evening_talk t;
        talk_init(&t);
        time_t held = now - (time_t)talks[i].days_ago * 86400;
        struct date d = date_of(held);
        char iso[11];
        record_set(&t.held_on, date_format(&d, iso));
        record_set(&t.place, talks[i].place);
        record_set(&t.officials, talks[i].officials);
        struct area_list c;
        if (area_list(db, AREA_COMMUNITY, talks[i].community, 0, 0, &c) == DB_OK) {
            if (c.n) t.community_id = c.items[0].id;
            area_list_free(&c);
        }
        rc = talk_save(db, &t, actor);
        report->talks += rc == DB_OK;
        talk_free(&t);
    }
    return rc;
}

/* The catalogue, the calendar, the desk's settings and a few evening talks. */
static int seed_platform(struct db *db, const char *actor, struct demo_report *report, char **err)
{
    size_t n = 0;
    int rc = seed_import(db, "catalogue.csv", "catalogue", actor, &n, err);
    report->items = (int)n;
    report->units = (int)unit_count(db);
    if (rc == DB_OK) rc = seed_import(db, "calendar.csv", "calendar", actor, &n, err);
    report->days = (int)n;
    if (rc == DB_OK) rc = settings_set(db, SETTING_CENTRE, "和平区党群服务中心", actor);
    if (rc == DB_OK) rc = settings_set(db, SETTING_DESK_PHONE, "022-27301234", actor);
    if (rc == DB_OK) rc = seed_talks(db, actor, report);
    if (rc == DB_OK) rc = demo_posts(db, actor, report, err);
    return rc;
}

int demo_seed(struct db *db, const char *actor, struct demo_report *report, char **err)
{
    struct seed sd;
    int rc;

    *err = NULL;
    memset(report, 0, sizeof *report);
    int64_t counts[AREA_KIND_COUNT];
    rc = area_counts(db, counts);
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    if (counts[AREA_STREET] > 0) {
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
    if (rc == DB_OK) rc = seed_platform(db, actor, report, err);
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
    /* The household being made: its head (as generated), the head's age and id, who is next. */
    struct resident head;
    int head_age, size, next;
    int64_t head_id;
};

/*
** The next resident: people come in households, the head first (the head
** of their own household), then its other members at the same address and
** grid, each pointing at the head. The register is empty when a demo
** starts, and the bulk loader numbers rows from 1 in the order given, so
** the head's id is its place in the order.
*/
static int demo_next(void *ctx, struct resident *r, size_t *done, size_t *total)
{
    struct demo_source *d = ctx;
    if (d->made == d->n) return 0;
    resident_init(r);
    if (d->next >= d->size) {
        /* A head of household is grown up; children come with their families. */
        do {
            resident_free(r);
            resident_init(r);
            namegen_resident(&d->rng, d->now, r);
        } while (resident_age(r, d->now) < 18 || idcard_seen_check(&d->ids, r->id_number, 1));
        const struct area *g = &d->grids->items[rng_below(&d->rng, (uint32_t)d->grids->n)];
        r->grid_id = g->id;
        r->community_id = g->parent_id;
        d->head_age = resident_age(r, d->now);
        d->size = namegen_household_size(&d->rng, d->head_age);
        d->next = 1;
        d->head_id = (int64_t)d->made + 1;
        r->head_id = d->head_id;
        record_set(&r->relation, "本人");
        resident_free(&d->head);
        resident_copy(&d->head, r);
    } else {
        do {
            resident_free(r);
            resident_init(r);
            namegen_relative(&d->rng, d->now, &d->head, d->head_age, d->next, r);
        } while (idcard_seen_check(&d->ids, r->id_number, 1));
        r->grid_id = d->head.grid_id;
        r->community_id = d->head.community_id;
        r->head_id = d->head_id;
        d->next++;
    }
    *done = ++d->made;
    *total = d->n;
    return 1;
}

/* Noted in the bulk load's own transaction: the demo's residents are all there. */
#define RESIDENTS_KEY "demo_residents"

int demo_residents(struct db *db, size_t n, const char *actor,
                   void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                   void *ctx, struct demo_run *run, char **err)
{
    struct area_list grids;
    *err = NULL;
    memset(run, 0, sizeof *run);
    char *made = db_meta_get(db, RESIDENTS_KEY);
    run->total = made && *made ? (size_t)strtoull(made, NULL, 10) : n;
    run->before = made && *made ? run->total : 0;
    free(made);
    if (run->before) return DB_OK;
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
    resident_init(&d.head);
    rc = resident_bulk_pump(bulk, demo_next, &d, _("Generating residents"), progress, ctx);
    resident_free(&d.head);
    idcard_seen_free(&d.ids);
    area_list_free(&grids);
    if (rc == DB_OK) {
        char *count = xasprintf("%zu", n);
        rc = db_meta_set(db, RESIDENTS_KEY, count);
        free(count);
    }
    if (rc == DB_OK)
        rc = resident_bulk_finish(bulk, progress, ctx);
    else
        resident_bulk_abort(bulk);
    if (rc != DB_OK) *err = xstrdup(db_rc_message(rc));
    return rc;
}

/* --- organisations in the buildings --------------------------------------------------------- */

/* The pieces of made-up organisation names (demo data, not chrome). */
static const char *const org_brands[] = {
    "金诚", "恒信", "华泰", "瑞丰", "博远", "鼎盛", "宏达", "中和", "海河", "津门", "锦程", "卓越",
    "同创", "汇通", "安泰", "泰和", "长乐", "正源", "新元", "启明", "嘉禾", "和平", "睿智", "智联",
    "众诚", "祥云", "天成", "德润", "星海", "明辉", "诺亚", "蓝海", "创新", "万通", "永安", "佳信"};
static const struct {
    const char *word, *industry;
} org_trades[] = {{"科技", "软件和信息技术服务业"},
                  {"商贸", "批发和零售业"},
                  {"文化传媒", "文化、体育和娱乐业"},
                  {"企业管理咨询", "商务服务业"},
                  {"投资管理", "资本市场服务"},
                  {"建筑设计", "专业技术服务业"},
                  {"物业管理", "房地产业"},
                  {"教育科技", "教育"},
                  {"医药", "批发和零售业"},
                  {"供应链管理", "商务服务业"},
                  {"广告", "商务服务业"},
                  {"人力资源服务", "商务服务业"},
                  {"网络科技", "互联网和相关服务"},
                  {"餐饮管理", "餐饮业"},
                  {"保险代理", "保险业"}};
static const char *const org_forms[] = {"有限公司", "有限公司", "有限公司", "有限责任公司",
                                        "股份有限公司"};

/* The alphabet of credit codes, for the organisation codes' characters. */
static const char code_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/*
** The names of the organisations in each building the demo has made, as
** hashes of the building and the name (0: an empty slot): a name is
** registered once, and one building does not hold two of one name.
*/
struct org_names {
    uint64_t *slots;
    size_t cap, used;
};

/* Note name in building: 1 when it was free, 0 when the building holds it already. */
static int org_names_add(struct org_names *t, int64_t building, const char *name)
{
    if ((t->used + 1) * 2 > t->cap) {
        struct org_names grown = {xcalloc(t->cap ? t->cap * 2 : 1024, sizeof(uint64_t)),
                                  t->cap ? t->cap * 2 : 1024, 0};
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i]) {
                size_t j = t->slots[i] & (grown.cap - 1);
                while (grown.slots[j])
                    j = (j + 1) & (grown.cap - 1);
                grown.slots[j] = t->slots[i];
                grown.used++;
            }
        free(t->slots);
        *t = grown;
    }
    char *key = xasprintf("%lld\t%s", (long long)building, name);
    uint64_t h = str_hash(key, strlen(key));
    free(key);
    if (!h) h = 1;
    size_t j = h & (t->cap - 1);
    for (; t->slots[j]; j = (j + 1) & (t->cap - 1))
        if (t->slots[j] == h) return 0;
    t->slots[j] = h;
    t->used++;
    return 1;
}

/*
** Organisation i's made-up record, in building b (caller frees o with
** record_free()). A name its building holds already among those in it
** (taken) gets a second brand (天津宏达恒信科技有限公司), the draws kept.
*/
static void org_make(struct rng *r, size_t i, const struct area *b, time_t now,
                     struct org_names *taken, struct organisation *o)
{
    record_init(&organisation_record, o);
    size_t t = rng_below(r, ARRAY_LEN(org_trades));
    const char *form = org_forms[rng_below(r, ARRAY_LEN(org_forms))]; /* drawn in this order */
    size_t brand = rng_below(r, ARRAY_LEN(org_brands));
    record_take(&o->name, xasprintf("天津%s%s%s", org_brands[brand], org_trades[t].word, form));
    record_set(&o->industry, org_trades[t].industry);
    /* A new-style organisation code (MA + 6 characters), unique by i, then both checks. */
    char org8[9] = "MA";
    uint64_t v = (uint64_t)i * 7919u + 104729u;
    for (int k = 7; k >= 2; k--) {
        org8[k] = code_alphabet[v % 31];
        v /= 31;
    }
    org8[8] = '\0';
    char code[19];
    record_set(&o->credit_code, credit_code_make('9', '1', "120101", org8, code));
    o->building_id = b->id;
    record_set(&o->building_name, b->name);
    int floor = 1 + (int)rng_below(r, 30);
    record_take(&o->floor, xasprintf("%d", floor));
    record_take(&o->room, xasprintf("%d%02d", floor, 1 + (int)rng_below(r, 20)));
    struct strbuf name = STRBUF_INIT;
    namegen_person(r, &name);
    record_set(&o->contact_name, strbuf_str(&name));
    strbuf_free(&name);
    record_take(&o->contact_phone, xasprintf("13%09u", (unsigned)rng_below(r, 1000000000u)));
    o->employees = 3 + (int64_t)rng_below(r, 300);
    o->party_members = (int64_t)rng_below(r, (uint32_t)(o->employees / 8 + 1));
    record_set(&o->party_org,
               o->party_members >= 3 ? organisation_party_orgs[rng_below(r, 2)] : "无");
    record_set(&o->stability,
               organisation_stabilities[rng_below(r, 100) < 60   ? 0
                                        : rng_below(r, 100) < 70 ? 1
                                                                 : 2 + rng_below(r, 3)]);
    struct date in = date_of(now - (time_t)rng_below(r, 3650) * 86400);
    char day[11];
    record_set(&o->moved_in, date_format(&in, day));
    if (rng_below(r, 20) == 0) {
        struct date out = date_of(now - (time_t)rng_below(r, 300) * 86400);
        if (date_cmp(&out, &in) >= 0) record_set(&o->moved_out, date_format(&out, day));
    }
    if (*o->moved_out) return; /* only those in a building must differ */
    size_t others = ARRAY_LEN(org_brands) - 1;
    for (size_t k = 0; !org_names_add(taken, b->id, o->name); k++) {
        const char *second = org_brands[(brand + 1 + k % others) % ARRAY_LEN(org_brands)];
        const char *trade = org_trades[(t + k / others) % ARRAY_LEN(org_trades)].word;
        record_take(&o->name, xasprintf("天津%s%s%s%s", org_brands[brand], second, trade, form));
    }
}

int demo_organisations(struct db *db, size_t n, const char *actor,
                       void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                       void *ctx, struct demo_run *run, char **err)
{
    *err = NULL;
    memset(run, 0, sizeof *run);
    run->total = n;
    int64_t active, out;
    int rc = organisation_counts(db, &active, &out);
    if (rc == DB_OK && active + out > 0) {
        run->before = (size_t)(active + out);
        return DB_OK;
    }
    struct area_list all;
    if (rc == DB_OK) rc = area_list(db, AREA_BUILDING, "", 0, 0, &all);
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    const struct area **commercial = xcalloc(all.n + 1, sizeof *commercial);
    size_t nc = 0;
    for (size_t i = 0; i < all.n; i++)
        if (all.items[i].building_kind == BUILDING_COMMERCIAL) commercial[nc++] = &all.items[i];
    if (!nc) {
        free(commercial);
        area_list_free(&all);
        *err = xasprintf(_("%s has no commercial buildings: create the demo district first"),
                         db_path(db));
        return DB_INVALID;
    }
    struct rng r;
    rng_seed(&r, 2015);
    time_t now = clock_now();
    /* A large load writes its pages once, not to the WAL and again (when no desk is connected). */
    int exclusive = n >= 20000 && db_journal_exclusive(db);
    /* Each organisation's keys land all over their index: even 3,000 outgrow a desk's cache. */
    db_cache_load(db, 256);
    rc = db_write_begin(db);
    int began = rc == DB_OK;
    enum { BATCH = 500 };
    struct organisation *batch = xcalloc(BATCH, sizeof *batch);
    struct org_names taken = {NULL, 0, 0};
    for (size_t i = 0; i < n && rc == DB_OK; i += BATCH) {
        size_t k = n - i < BATCH ? n - i : BATCH;
        for (size_t j = 0; j < k; j++)
            org_make(&r, i + j, commercial[rng_below(&r, (uint32_t)nc)], now, &taken, &batch[j]);
        rc = organisation_bulk_add(db, batch, k, actor);
        for (size_t j = 0; j < k; j++)
            record_free(&organisation_record, &batch[j]);
        if (progress) progress(ctx, _("Generating organisations"), i + k, n);
    }
    free(batch);
    free(taken.slots);
    free(commercial);
    area_list_free(&all);
    if (rc == DB_OK)
        rc = db_commit(db);
    else if (began)
        db_rollback(db);
    if (exclusive) db_journal_wal(db);
    db_cache_load(db, 0);
    if (rc != DB_OK) *err = db_rc_text(db, rc);
    return rc;
}

/* --- request history ------------------------------------------------------------------------ */

/* What generating requests reads from the database first. */
struct history_inputs {
    struct item_list items;
    struct unit_list units;
    int64_t *unit_ids;
    struct reqgen_person *people;
    char **strings; /* names and phones the people point at */
    size_t npeople, nstrings;
    struct reqgen_place *places;
    size_t nplaces;
    struct reqgen_talk *talks;
    size_t ntalks;
};

static void inputs_free(struct history_inputs *h)
{
    item_list_free(&h->items);
    unit_list_free(&h->units);
    free(h->unit_ids);
    free(h->people);
    for (size_t i = 0; i < h->nstrings; i++)
        free(h->strings[i]);
    free(h->strings);
    free(h->places);
    free(h->talks);
}

/* One resident of the sample, kept as a requester. */
static void person_take(void *ctx, int64_t id, const char *name, const char *phone)
{
    struct history_inputs *h = ctx;
    struct reqgen_person *p = &h->people[h->npeople++];
    p->resident_id = id;
    p->name = h->strings[h->nstrings++] = xstrdup(name);
    p->phone = h->strings[h->nstrings++] = xstrdup(phone);
}

/* Up to max residents spread over the register, as requesters. */
static int inputs_people(struct db *db, struct history_inputs *h, size_t max)
{
    h->people = xcalloc(max + 1, sizeof *h->people);
    h->strings = xcalloc(2 * max + 1, sizeof *h->strings);
    return resident_sample(db, max, person_take, h);
}

/* Every grid (with its community), and each building in its grid. */
static int inputs_places(struct db *db, struct history_inputs *h)
{
    struct area_list grids, buildings;
    int rc = area_list(db, AREA_GRID, "", 0, 0, &grids);
    if (rc != DB_OK) return rc;
    rc = area_list(db, AREA_BUILDING, "", 0, 0, &buildings);
    if (rc != DB_OK) {
        area_list_free(&grids);
        return rc;
    }
    h->places = xcalloc(grids.n + buildings.n + 1, sizeof *h->places);
    for (size_t i = 0; i < grids.n; i++)
        h->places[h->nplaces++] =
            (struct reqgen_place){0, grids.items[i].id, grids.items[i].parent_id};
    for (size_t i = 0; i < buildings.n; i++) {
        const struct area *b = &buildings.items[i];
        int64_t community = 0;
        for (size_t g = 0; g < grids.n; g++)
            if (grids.items[g].id == b->grid_id) community = grids.items[g].parent_id;
        h->places[h->nplaces++] = (struct reqgen_place){b->id, b->grid_id, community};
    }
    area_list_free(&grids);
    area_list_free(&buildings);
    return DB_OK;
}

/* Evening talks twice a month over the span, in communities taken in turn. */
static int inputs_talks(struct db *db, struct history_inputs *h, time_t start, time_t end,
                        const char *actor)
{
    struct area_list communities;
    int rc = area_list(db, AREA_COMMUNITY, "", 0, 0, &communities);
    if (rc != DB_OK || communities.n == 0) {
        if (rc == DB_OK) area_list_free(&communities);
        return rc;
    }
    size_t cap = (size_t)((end - start) / (14 * 86400)) + 2;
    h->talks = xcalloc(cap, sizeof *h->talks);
    for (time_t t = start + 7 * 86400; rc == DB_OK && t < end && h->ntalks < cap; t += 14 * 86400) {
        const struct area *c = &communities.items[h->ntalks % communities.n];
        struct evening_talk talk;
        talk_init(&talk);
        struct date d = date_of(t);
        char iso[11];
        record_set(&talk.held_on, date_format(&d, iso));
        record_take(&talk.place, xasprintf("%s党群服务中心", c->name));
        record_set(&talk.officials, "区级领导、街道党工委书记");
        talk.community_id = c->id;
        rc = talk_save(db, &talk, actor);
        struct tm tm;
        localtime_r(&t, &tm);
        tm.tm_hour = 19;
        tm.tm_min = tm.tm_sec = 0;
        tm.tm_isdst = -1;
        h->talks[h->ntalks++] = (struct reqgen_talk){talk.id, mktime(&tm)};
        talk_free(&talk);
    }
    area_list_free(&communities);
    return rc;
}

static int inputs_load(struct db *db, struct history_inputs *h)
{
    memset(h, 0, sizeof *h);
    int rc = item_list(db, "", 0, 0, &h->items);
    if (rc == DB_OK) rc = unit_list(db, "", 0, &h->units);
    if (rc != DB_OK) return rc;
    h->unit_ids = xcalloc(h->units.n + 1, sizeof *h->unit_ids);
    for (size_t i = 0; i < h->units.n; i++)
        h->unit_ids[i] = h->units.items[i].id;
    rc = inputs_people(db, h, 20000);
    if (rc == DB_OK) rc = inputs_places(db, h);
    return rc;
}

/*
** A generation of requests, written to meta as it starts and after every
** batch it commits (in the batch's transaction), and cleared by its last
** commit: a generation killed halfway is found there and finished, the
** same requests made again from the same seed and span, those already
** stored skipped.
*/
struct plan {
    long long n, years;
    long long start, now;            /* the span, as it was when the generation began */
    long long first_talk, last_talk; /* the evening talks it made */
    long long made;                  /* requests committed so far */
};

#define PLAN_KEY "demo_requests_plan"

/* The plan of an unfinished generation into *p: 1, or 0 when none is pending. */
static int plan_read(struct db *db, struct plan *p)
{
    char *v = db_meta_get(db, PLAN_KEY);
    int found = v && sscanf(v, "%lld %lld %lld %lld %lld %lld %lld", &p->n, &p->years, &p->start,
                            &p->now, &p->first_talk, &p->last_talk, &p->made) == 7;
    free(v);
    return found;
}

/* Write p (inside the caller's transaction); p NULL clears it. */
static int plan_write(struct db *db, const struct plan *p)
{
    if (!p) return db_meta_set(db, PLAN_KEY, "");
    char *v = xasprintf("%lld %lld %lld %lld %lld %lld %lld", p->n, p->years, p->start, p->now,
                        p->first_talk, p->last_talk, p->made);
    int rc = db_meta_set(db, PLAN_KEY, v);
    free(v);
    return rc;
}

/* The evening talks an interrupted generation made (ids first..last), oldest first. */
static int talks_reload(struct db *db, struct history_inputs *h, const struct plan *p)
{
    struct talk_list all;
    int rc = talk_list(db, "", &all);
    if (rc != DB_OK) return rc;
    h->talks = xcalloc(all.n + 1, sizeof *h->talks);
    for (size_t i = all.n; i-- > 0;) { /* the list is newest first */
        const struct evening_talk *t = &all.v[i];
        if (t->id < p->first_talk || t->id > p->last_talk) continue;
        struct date d;
        date_parse(t->held_on, &d);
        struct tm tm = {0};
        tm.tm_year = d.year - 1900;
        tm.tm_mon = d.month - 1;
        tm.tm_mday = d.day;
        tm.tm_hour = 19;
        tm.tm_isdst = -1;
        h->talks[h->ntalks++] = (struct reqgen_talk){t->id, mktime(&tm)};
    }
    talk_list_free(&all);
    return DB_OK;
}

/*
** Requests made ahead by a second thread while this one writes them: the
** generator and SQLite each have a core. Batches of AHEAD_BATCH go round
** AHEAD_SLOTS slots in order; a batch shorter than AHEAD_BATCH is the last.
** The thread numbers them too, each year from 1 (requests come oldest first),
** and keeps each year's last number for request_seq: the writer's core is the
** one that is busy all along.
*/
#define AHEAD_BATCH 256
#define AHEAD_SLOTS 4

struct made {
    struct request r;
    struct reqgen_event *ev;
    size_t nev;
};

struct ahead {
    struct reqgen *g;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    struct made slot[AHEAD_SLOTS][AHEAD_BATCH];
    size_t count[AHEAD_SLOTS];
    int full[AHEAD_SLOTS];
    int stop; /* the writer gave up: make no more */
    /* The thread's alone until it has ended: the year numbered, its last number. */
    int year;
    int64_t seq;
    int *years_made;
    int64_t *years_last;
    size_t nyears;
};

/* Number request r, the next one made: 2026-000123. */
static void ahead_number(struct ahead *a, struct request *r)
{
    struct tm tm;
    localtime_r(&r->created_at, &tm);
    if (tm.tm_year + 1900 != a->year) {
        a->year = tm.tm_year + 1900;
        a->seq = 0;
        a->years_made = xrealloc(a->years_made, (a->nyears + 1) * sizeof *a->years_made);
        a->years_last = xrealloc(a->years_last, (a->nyears + 1) * sizeof *a->years_last);
        a->years_made[a->nyears++] = a->year;
    }
    char number[16];
    record_set(&r->number, request_number_format(a->year, ++a->seq, number));
    a->years_last[a->nyears - 1] = a->seq;
}

/* Free what slot s holds (the writer has stored it, or gave up). */
static void ahead_empty(struct ahead *a, size_t s)
{
    for (size_t i = 0; i < a->count[s]; i++) {
        request_free(&a->slot[s][i].r);
        reqgen_events_free(a->slot[s][i].ev, a->slot[s][i].nev);
    }
    a->count[s] = 0;
}

/*
** The second thread: fill each slot in turn once the writer has handed it
** back, freeing what it held first (here rather than on the writer's core).
*/
static void *ahead_run(void *arg)
{
    struct ahead *a = arg;
    int more = 1;
    for (size_t s = 0; more; s = (s + 1) % AHEAD_SLOTS) {
        pthread_mutex_lock(&a->lock);
        while (a->full[s] && !a->stop)
            pthread_cond_wait(&a->cond, &a->lock);
        int stop = a->stop;
        pthread_mutex_unlock(&a->lock);
        if (stop) break;
        ahead_empty(a, s);
        size_t k = 0;
        while (k < AHEAD_BATCH) {
            struct made *m = &a->slot[s][k];
            if (!(more = reqgen_next(a->g, &m->r, &m->ev, &m->nev))) break;
            ahead_number(a, &m->r);
            k++;
        }
        pthread_mutex_lock(&a->lock);
        a->count[s] = k;
        a->full[s] = 1;
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
    }
    return NULL;
}

/* The next full slot s, waiting for it; returns its count. */
static size_t ahead_take(struct ahead *a, size_t s)
{
    pthread_mutex_lock(&a->lock);
    while (!a->full[s])
        pthread_cond_wait(&a->cond, &a->lock);
    size_t k = a->count[s];
    pthread_mutex_unlock(&a->lock);
    return k;
}

/* Hand slot s back to the thread, which frees it; stop (the writer gives up) tells it to end. */
static void ahead_give(struct ahead *a, size_t s, int stop)
{
    pthread_mutex_lock(&a->lock);
    a->full[s] = 0;
    if (stop) a->stop = 1;
    pthread_cond_broadcast(&a->cond);
    pthread_mutex_unlock(&a->lock);
}

/* After the thread has ended: free what the slots still hold. */
static void ahead_free(struct ahead *a)
{
    for (size_t s = 0; s < AHEAD_SLOTS; s++)
        ahead_empty(a, s);
    free(a->years_made);
    free(a->years_last);
    pthread_cond_destroy(&a->cond);
    pthread_mutex_destroy(&a->lock);
}

/*
** The generation commits as soon as a desk waits for the lock
** (db_desk_waited()), else when its batch holds COMMIT_ROWS requests and has
** run COMMIT_FIRST_MS, each time twice as long up to COMMIT_MS: the first
** requests show soon, and each commit's syncs come a few times in a
** generation rather than once every COMMIT_ROWS requests. Looked at every
** COMMIT_LOOK requests. 500,000 requests: 13.0 s with COMMIT_MS 8 s against
** 14.8 s with 2 s (medians of 4 alternating rounds; each commit waits about
** 60 ms for its sync, and the writer stops meanwhile); 30 s gained nothing more.
*/
#define COMMIT_ROWS     20000
#define COMMIT_FIRST_MS 250
#define COMMIT_MS       8000
#define COMMIT_LOOK     256

/*
** Whether the batch begun at *began, holding rows requests, is to be
** committed now; *batch_ms grows after a full one.
*/
static int commit_due(struct db *db, const struct timespec *began, long *batch_ms, long long rows)
{
    int desk = db_desk_waited(db);
    if (!desk && (rows < COMMIT_ROWS || clock_ms_since(began) < *batch_ms)) return 0;
    if (!desk) *batch_ms = *batch_ms * 2 < COMMIT_MS ? *batch_ms * 2 : COMMIT_MS;
    return 1;
}

int demo_requests(struct db *db, size_t n, int years, const char *actor,
                  void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                  void *ctx, struct demo_run *run, char **err)
{
    *err = NULL;
    memset(run, 0, sizeof *run);
    struct plan p;
    int resuming = plan_read(db, &p);
    int64_t all = 0, open, overdue;
    int rc = request_counts(db, &all, &open, &overdue, clock_now());
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    if (all > 0 && !resuming) {
        *err = xasprintf(_("%s already holds requests"), db_path(db));
        return DB_INVALID;
    }
    if (!resuming) {
        time_t now = clock_now();
        p = (struct plan){(long long)n,
                          years,
                          (long long)(now - (time_t)years * 365 * 86400),
                          (long long)now,
                          0,
                          0,
                          0};
    }
    run->total = (size_t)p.n;
    run->years = (int)p.years;
    run->before = resuming ? (size_t)p.made : 0;
    n = (size_t)p.n;
    if (item_count(db) == 0) {
        *err = xasprintf(_("%s has no service catalogue: create the demo district first"),
                         db_path(db));
        return DB_INVALID;
    }
    struct workcal cal;
    struct history_inputs h;
    memset(&h, 0, sizeof h);
    rc = calendar_load(db, &cal);
    if (rc == DB_OK) rc = inputs_load(db, &h);
    time_t now = (time_t)p.now, start = (time_t)p.start;
    int switched = rc == DB_OK && db_journal_exclusive(db);
    struct request_history *writer = NULL;
    if (rc == DB_OK) db_desk_sign_put(db); /* a desk waiting meanwhile says so: see commit_due() */
    if (rc == DB_OK) rc = request_history_begin(db, &writer);
    if (rc == DB_OK) rc = db_write_begin(db);
    if (rc == DB_OK && resuming) {
        rc = talks_reload(db, &h, &p);
    } else if (rc == DB_OK) {
        rc = inputs_talks(db, &h, start, now, actor);
        p.first_talk = h.ntalks ? h.talks[0].id : 0;
        p.last_talk = h.ntalks ? h.talks[h.ntalks - 1].id : 0;
        if (rc == DB_OK) rc = plan_write(db, &p);
    }
    struct reqgen g;
    memset(&g, 0, sizeof g);
    g.cal = &cal;
    g.items = h.items.items;
    g.nitems = h.items.n;
    g.people = h.people;
    g.npeople = h.npeople;
    g.places = h.places;
    g.nplaces = h.nplaces;
    g.talks = h.talks;
    g.ntalks = h.ntalks;
    g.units = h.unit_ids;
    g.nunits = h.units.n;
    g.start = start;
    g.now = now;
    reqgen_start(&g, n, 20200701);
    size_t made = 0;
    struct timespec began; /* when the batch being written began */
    clock_gettime(CLOCK_MONOTONIC, &began);
    long batch_ms = COMMIT_FIRST_MS;
    struct ahead *a = xcalloc(1, sizeof *a);
    a->g = &g;
    pthread_mutex_init(&a->lock, NULL);
    pthread_cond_init(&a->cond, NULL);
    pthread_t maker;
    int started = rc == DB_OK && pthread_create(&maker, NULL, ahead_run, a) == 0;
    if (rc == DB_OK && !started) rc = DB_ERROR;
    for (size_t s = 0, k = AHEAD_BATCH; started && k == AHEAD_BATCH; s = (s + 1) % AHEAD_SLOTS) {
        k = ahead_take(a, s);
        for (size_t i = 0; rc == DB_OK && i < k; i++) {
            struct request *r = &a->slot[s][i].r;
            made++;
            /* Made again from the seed when finishing a killed run: stored already. */
            if ((long long)made > p.made)
                rc = request_history_write(writer, r, a->slot[s][i].ev, a->slot[s][i].nev);
            if (rc == DB_OK && made % COMMIT_LOOK == 0 && (long long)made > p.made &&
                commit_due(db, &began, &batch_ms, (long long)made - p.made)) {
                /* Commit as it goes: a bounded journal, and the other desks are not held up long.
                 */
                p.made = (long long)made;
                rc = request_history_flush(writer);
                if (rc == DB_OK) rc = plan_write(db, &p);
                if (rc == DB_OK) rc = db_commit(db);
                if (rc == DB_OK) rc = db_write_begin(db);
                clock_gettime(CLOCK_MONOTONIC, &began);
            }
            if (progress && made % 1000 == 0) progress(ctx, _("Generating requests"), made, n);
        }
        /* The slot's requests are freed once handed back: what the writer holds is stored first. */
        if (rc == DB_OK) rc = request_history_flush(writer);
        ahead_give(a, s, rc != DB_OK);
        if (rc != DB_OK) break;
    }
    if (started) pthread_join(maker, NULL);
    if (rc == DB_OK) rc = request_history_finish(writer);
    for (size_t y = 0; y < a->nyears && rc == DB_OK; y++)
        rc = request_seq_raise(db, a->years_made[y], a->years_last[y]);
    ahead_free(a);
    free(a);
    if (rc == DB_OK) rc = plan_write(db, NULL);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    request_history_end(writer);
    db_desk_sign_take(db);
    if (progress) progress(ctx, _("Generating requests"), n, n);
    reqgen_finish(&g);
    inputs_free(&h);
    workcal_free(&cal);
    if (switched) db_journal_wal(db);
    if (rc == DB_OK) rc = request_history_analyze(db);
    if (rc != DB_OK && !*err) *err = xstrdup(db_rc_message(rc));
    return rc;
}

/* --- volunteers ------------------------------------------------------------------------------ */

/* What choosing the volunteers among the residents keeps. */
struct volunteer_pick {
    struct rng *rng;
    time_t now;
    struct volunteer *v;
    size_t n, want;         /* picked so far, and how many to pick */
    uint32_t per_million;   /* the chance of each grown-up resident */
    struct idcard_seen ids; /* every resident's ID number: the made-up ones must differ */
};

/* A resident's fields into a volunteer linked to them. */
static void volunteer_of_resident(const struct resident *r, struct volunteer *v)
{
    record_init(&volunteer_record, v);
    record_set(&v->name, r->name);
    v->gender = r->gender;
    record_set(&v->birth_date, r->birth_date);
    record_set(&v->id_number, r->id_number);
    record_set(&v->phone, r->phone);
    v->community_id = r->community_id;
    v->resident_id = r->id;
}

static int pick_visit(void *ctx, const struct resident *r)
{
    struct volunteer_pick *p = ctx;
    if (*r->id_number) idcard_seen_check(&p->ids, r->id_number, 1);
    int age = resident_age(r, p->now);
    if (p->n < p->want && *r->id_number && age >= 18 && age < 76 && !*r->status &&
        rng_below(p->rng, 1000000) < p->per_million)
        volunteer_of_resident(r, &p->v[p->n++]);
    return 1;
}

/* The made-up volunteers: grown-ups with ID numbers no resident or other volunteer holds. */
static void volunteers_made_up(struct volunteer_pick *p, const struct area_list *communities,
                               size_t n)
{
    while (p->n < n) {
        struct resident r;
        do {
            resident_init(&r);
            namegen_resident(p->rng, p->now, &r);
            if (resident_age(&r, p->now) >= 18 && resident_age(&r, p->now) < 76 &&
                !idcard_seen_check(&p->ids, r.id_number, 1))
                break;
            resident_free(&r);
        } while (1);
        r.id = 0;
        r.community_id = communities->items[rng_below(p->rng, (uint32_t)communities->n)].id;
        volunteer_of_resident(&r, &p->v[p->n++]);
        resident_free(&r);
    }
}

/* The rest of a volunteer: registered when, numbered so, status, skills, party member. */
static void volunteer_fill(struct rng *rng, time_t now, struct volunteer *v, int *serials,
                           int first_year)
{
    struct date today = date_of(now);
    int year = first_year + (int)rng_below(rng, (uint32_t)(today.year - first_year + 1));
    int month = 1 + (int)rng_below(rng, year == today.year ? (uint32_t)today.month : 12);
    int day = 1 + (int)rng_below(rng, 28);
    if (year == today.year && month == today.month && day > today.day) day = today.day;
    record_take(&v->registered_on, xasprintf("%04d-%02d-%02d", year, month, day));
    char number[VOLUNTEER_NUMBER_LEN + 1];
    volunteer_number_format(year, ++serials[year - first_year], number);
    record_set(&v->number, number);
    record_set(&v->id_type, volunteer_id_types(&(int){0})[0]);
    uint32_t s = rng_below(rng, 100);
    record_set(&v->status, s < 90 ? VOLUNTEER_ACTIVE : s < 97 ? VOLUNTEER_PAUSED : VOLUNTEER_LEFT);
    int nskills;
    const char *const *skills = volunteer_skills(&nskills);
    uint32_t k = rng_below(rng, 3);
    const char *a = skills[rng_below(rng, (uint32_t)nskills)];
    const char *b = skills[rng_below(rng, (uint32_t)nskills)];
    record_take(&v->skills, k == 0                        ? xstrdup("")
                            : k == 1 || strcmp(a, b) == 0 ? xstrdup(a)
                                                          : xasprintf("%s、%s", a, b));
    v->party_member = rng_below(rng, 100) < 15;
}

/* The teams: the association, then for each community its team and, under it, a group. */
static struct volunteer_bulk_team *demo_teams(const struct area_list *communities, size_t *n,
                                              struct strlist *names)
{
    *n = 1 + 2 * communities->n;
    struct volunteer_bulk_team *t = xcalloc(*n, sizeof *t);
    strlist_add(names, "和平区社区志愿者协会");
    for (size_t i = 0; i < communities->n; i++) {
        const char *c = communities->items[i].name;
        char *team = xasprintf("%s志愿服务队", c), *group = xasprintf("%s为老服务小组", c);
        strlist_add(names, team);
        strlist_add(names, group);
        free(team);
        free(group);
    }
    t[0] = (struct volunteer_bulk_team){names->v[0], -1, 0, "1989-03-18", ""};
    for (size_t i = 0; i < communities->n; i++) {
        int64_t c = communities->items[i].id;
        t[1 + 2 * i] = (struct volunteer_bulk_team){names->v[1 + 2 * i], 0, c, "2012-03-05", ""};
        t[2 + 2 * i] = (struct volunteer_bulk_team){names->v[2 + 2 * i], (int)(1 + 2 * i), c,
                                                    "2016-03-05", ""};
    }
    return t;
}

/* Which team each volunteer joined: most their community's team, some its group; -1 none. */
static int *demo_memberships(struct rng *rng, const struct area_list *communities,
                             const struct volunteer *v, size_t n)
{
    int *team_of = xcalloc(n ? n : 1, sizeof *team_of);
    for (size_t i = 0; i < n; i++) {
        team_of[i] = -1;
        uint32_t r = rng_below(rng, 100);
        for (size_t c = 0; c < communities->n && r < 85; c++)
            if (communities->items[c].id == v[i].community_id)
                team_of[i] = (int)(r < 60 ? 1 + 2 * c : 2 + 2 * c);
    }
    return team_of;
}

int demo_volunteers(struct db *db, size_t n, const char *actor,
                    void (*progress)(void *ctx, const char *step, size_t done, size_t total),
                    void *ctx, char **err)
{
    *err = NULL;
    struct area_list communities;
    int rc = area_list(db, AREA_COMMUNITY, "", 0, 0, &communities);
    if (rc == DB_OK && communities.n == 0) {
        area_list_free(&communities);
        *err = xasprintf(_("%s has no communities: create the demo district first"), db_path(db));
        return DB_INVALID;
    }
    if (rc != DB_OK) {
        *err = xstrdup(db_rc_message(rc));
        return rc;
    }
    struct rng rng;
    rng_seed(&rng, 1989);
    struct volunteer_pick p = {&rng, clock_now(),     xcalloc(n ? n : 1, sizeof *p.v), 0, n * 3 / 5,
                               0,    IDCARD_SEEN_INIT};
    int64_t residents = 0;
    rc = resident_count(db, &residents);
    /* Grown-ups are about four in five residents: each is picked with the chance that gives want.
     */
    if (rc == DB_OK && residents > 0) {
        double chance = (double)p.want / ((double)residents * 0.7);
        p.per_million = chance >= 1 ? 1000000u : (uint32_t)(chance * 1000000);
        if (progress) progress(ctx, _("Choosing volunteers among the residents"), 0, n);
        rc = resident_each(db, 0, NULL, pick_visit, &p);
    }
    volunteers_made_up(&p, &communities, n);
    idcard_seen_free(&p.ids);
    /* Numbers by year: the demo's volunteers registered from 2012 on. */
    int serials[64] = {0};
    for (size_t i = 0; i < n; i++)
        volunteer_fill(&rng, p.now, &p.v[i], serials, 2012);
    size_t nteams;
    struct strlist names = STRLIST_INIT;
    struct volunteer_bulk_team *teams = demo_teams(&communities, &nteams, &names);
    int *team_of = demo_memberships(&rng, &communities, p.v, n);
    if (rc == DB_OK)
        rc = volunteer_bulk_load(db, actor, teams, nteams, p.v, team_of, n, progress, ctx);
    if (rc == DB_INVALID)
        *err = xasprintf(_("%s already holds volunteers or teams"), db_path(db));
    else if (rc != DB_OK)
        *err = xstrdup(db_rc_message(rc));
    free(team_of);
    free(teams);
    strlist_free(&names);
    record_array_free(&volunteer_record, p.v, n);
    area_list_free(&communities);
    return rc;
}

/* The organisations present in one building. */
struct building_org_ids {
    int64_t building;
    int64_t *ids;
    char (*moved_in)[11]; /* each one's day, "" when not known */
    size_t n;
};

/* Those of each building a visit was made up for, each building's read once. */
struct building_orgs {
    struct building_org_ids *b;
    size_t n;
};

/*
** The organisations present in building id, as held in *seen (read into it
** the first time: a search of the building's organisations takes 5 ms, and
** a chief's requests come from a few buildings). Returns seen's entry for
** it (seen keeps it), or NULL on an error.
*/
static const struct building_org_ids *demo_building_orgs(struct db *db, struct building_orgs *seen,
                                                         int64_t building)
{
    for (size_t i = 0; i < seen->n; i++)
        if (seen->b[i].building == building) return &seen->b[i];
    struct organisation_hits h;
    if (organisation_search(db, "", NULL, building, 0, 200, &h) != DB_OK) return NULL;
    seen->b = xrealloc(seen->b, (seen->n + 1) * sizeof *seen->b);
    struct building_org_ids *b = &seen->b[seen->n++];
    b->building = building;
    b->ids = xcalloc(h.n + 1, sizeof *b->ids);
    b->moved_in = xcalloc(h.n + 1, sizeof *b->moved_in);
    for (size_t i = 0; i < h.n; i++) {
        b->ids[i] = h.items[i].id;
        snprintf(b->moved_in[i], sizeof b->moved_in[i], "%s", h.items[i].moved_in);
    }
    b->n = h.n;
    record_array_free(&organisation_record, h.items, h.n);
    return b;
}

/* An organisation of building id there on day, picked at random; 0 when none is. */
static int64_t demo_org_pick(struct db *db, struct building_orgs *seen, int64_t building,
                             struct rng *rng, const char *day)
{
    const struct building_org_ids *b = demo_building_orgs(db, seen, building);
    if (!b || !b->n) return 0;
    size_t first = rng_below(rng, (uint32_t)b->n);
    for (size_t k = 0; k < b->n; k++) {
        size_t i = (first + k) % b->n;
        if (strcmp(b->moved_in[i], day) <= 0) return b->ids[i];
    }
    return 0;
}

static void building_orgs_free(struct building_orgs *seen)
{
    for (size_t i = 0; i < seen->n; i++) {
        free(seen->b[i].ids);
        free(seen->b[i].moved_in);
    }
    free(seen->b);
}

/* The visit on which the chief took request c down, to an organisation of its building. */
static int visit_request_make(struct db *db, const struct user *chief, struct rng *rng,
                              struct building_orgs *seen, const struct visit_candidate *c,
                              const char **why)
{
    struct visit v;
    record_init(&visit_record, &v);
    v.building_id = c->building_id;
    struct date d = date_of(c->created_at);
    char text[16];
    record_set(&v.day, date_format(&d, text));
    v.organisation_id = demo_org_pick(db, seen, c->building_id, rng, v.day);
    record_set(&v.way, "door");
    record_set(&v.met, "行政主管");
    record_set(&v.topics, "了解企业经营、用工和党建情况");
    record_take(&v.findings, xasprintf("企业反映问题，当场登记为诉求：%s", c->title));
    int rc = visit_save(db, &v, chief->login, c->created_at, why);
    if (rc == DB_OK) rc = visit_link_request(db, v.id, c->request_id, v.organisation_id);
    record_free(&visit_record, &v);
    return rc;
}

int demo_visit_requests(struct db *db, time_t now, size_t *made, char **err)
{
    *err = NULL;
    *made = 0;
    struct user chief;
    if (user_find(db, "chief", &chief) != DB_OK) return DB_OK;
    struct visit_candidate *c = NULL;
    size_t n = 0;
    /* About one a month in each of the chief's buildings. */
    int rc = db_write_begin(db);
    if (rc == DB_OK) rc = visit_adopt_chief_requests(db, chief.id, now - 365 * 86400, 12);
    if (rc == DB_OK) rc = visit_unlinked_chief_requests(db, chief.id, now - 365 * 86400, &c, &n);
    if (rc != DB_OK || !n) {
        if (rc == DB_OK)
            rc = db_commit(db);
        else
            db_rollback(db);
        visit_candidates_free(c, n);
        record_free(&user_record, &chief);
        return rc;
    }
    struct rng rng;
    rng_seed(&rng, 20250401);
    const char *why = NULL;
    struct building_orgs seen = {0};
    for (size_t i = 0; rc == DB_OK && i < n; i++) {
        rc = visit_request_make(db, &chief, &rng, &seen, &c[i], &why);
        *made += rc == DB_OK;
    }
    building_orgs_free(&seen);
    if (rc == DB_OK) {
        rc = db_commit(db);
    } else {
        db_rollback(db);
        *made = 0;
        *err = xasprintf(_("demo visits: %s"), why ? why : db_rc_message(rc));
    }
    visit_candidates_free(c, n);
    record_free(&user_record, &chief);
    return rc;
}

int demo_visits(struct db *db, time_t now, size_t *made, char **err)
{
    *err = NULL;
    *made = 0;
    struct visit *some = NULL;
    size_t visits = 0;
    int rc = visit_list(db, "", 0, 0, NULL, 1, &some, &visits);
    record_array_free(&visit_record, some, visits);
    struct user chief;
    if (rc != DB_OK || visits || user_find(db, "chief", &chief) != DB_OK) return rc;
    int64_t *buildings = NULL;
    size_t nb = 0;
    rc = user_buildings(db, chief.id, &buildings, &nb);
    if (rc == DB_OK) rc = db_write_begin(db); /* one transaction: each visit a level inside it */
    if (rc != DB_OK) {
        free(buildings);
        record_free(&user_record, &chief);
        return rc;
    }
    struct rng rng;
    rng_seed(&rng, 20250301);
    static const char *const ways[] = {"door", "door", "phone", "meeting"};
    static const char *const met[] = {"物业经理", "行政主管", "党支部书记", "人事经理"};
    /* From this morning at ten, so two runs on one day make the same visits and requests. */
    struct tm tm;
    localtime_r(&now, &tm);
    tm.tm_hour = 10;
    tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    time_t morning = mktime(&tm);
    struct building_orgs seen = {0};
    for (int day = 360; rc == DB_OK && nb && day >= 1; day -= 12 + (int)rng_below(&rng, 6)) {
        time_t at = morning - (time_t)day * 86400;
        struct visit v;
        record_init(&visit_record, &v);
        v.building_id = buildings[rng_below(&rng, (uint32_t)nb)];
        struct date d = date_of(at);
        char text[16];
        record_set(&v.day, date_format(&d, text));
        v.organisation_id = demo_org_pick(db, &seen, v.building_id, &rng, v.day);
        record_set(&v.way, ways[rng_below(&rng, ARRAY_LEN(ways))]);
        record_set(&v.met, met[rng_below(&rng, ARRAY_LEN(met))]);
        record_set(&v.topics, "了解企业经营、用工和党建情况");
        record_set(&v.findings, rng_below(&rng, 4) ? "运转正常，未发现问题" : "已提醒企业按时年报");
        const char *why = NULL;
        rc = visit_save(db, &v, chief.login, at, &why);
        *made += rc == DB_OK;
        if (rc != DB_OK) *err = xasprintf(_("demo visits: %s"), why ? why : db_rc_message(rc));
        record_free(&visit_record, &v);
    }
    building_orgs_free(&seen);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    free(buildings);
    record_free(&user_record, &chief);
    return rc;
}
