/*
** Unit tests of staff, blocks and posts: the rules a post keeps
** (src/post.h: dates in order, periods that share a day, a hand-over's
** day), and the stores (db/staff_store.h, db/post_store.h): staff found
** by name, pinyin and the last digits of a phone; a second 楼长 over a
** building in the same days refused; a hand-over all or nothing; who was
** 楼长 on a day, before and after a hand-over; blocks and their members;
** the coverage a street checks.
*/
#include "unit_db.h"
#include "db/area.h"
#include "db/post_store.h"
#include "db/staff_store.h"
#include "src/pinyin.h"
#include "src/post.h"
#include "src/record.h"

static char path[256];
static struct db *db;
static struct area street, community, grid, building, building2;
static int64_t kind_sw; /* 党建社工 */

static void make_area(enum area_kind kind, const char *code, const char *name, int64_t parent,
                      struct area *a)
{
    area_init(a, kind);
    record_set(&a->code, code);
    record_set(&a->name, name);
    a->parent_id = parent;
    assert_int_equal(area_save(db, a, "tester", NULL), DB_OK);
}

static int setup(void **state)
{
    (void)state;
    unit_locale();
    setenv("BANGBAN_NOW", "2026-03-02 09:30", 1);
    db = unit_db_open("posts", path, sizeof path);
    make_area(AREA_STREET, "S1", "小白楼街道", 0, &street);
    make_area(AREA_COMMUNITY, "C1", "小白楼社区", street.id, &community);
    make_area(AREA_GRID, "G1", "小白楼第1网格", community.id, &grid);
    make_area(AREA_BUILDING, "B1", "金融街中心", street.id, &building);
    make_area(AREA_BUILDING, "B2", "和平大厦", street.id, &building2);
    struct staff_kind k;
    assert_int_equal(staff_kind_find(db, "SW", &k), DB_OK);
    kind_sw = k.id;
    record_free(&staff_kind_record, &k);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    area_free(&street);
    area_free(&community);
    area_free(&grid);
    area_free(&building);
    area_free(&building2);
    unit_db_remove(db, path);
    unsetenv("BANGBAN_NOW");
    pinyin_shutdown();
    return 0;
}

/* A staff member saved; returns the id. */
static int64_t make_staff(const char *name, const char *phone)
{
    struct staff s;
    record_init(&staff_record, &s);
    record_set(&s.name, name);
    record_set(&s.phone, phone);
    s.kind_id = kind_sw;
    record_set(&s.employer, "小白楼街道党工委");
    assert_int_equal(staff_save(db, &s, "tester"), DB_OK);
    int64_t id = s.id;
    record_free(&staff_record, &s);
    return id;
}

/* A post of kind over place for staff from start_on to end_on: the store's answer; p holds it. */
static int post_make(struct post *p, enum post_kind kind, int64_t place, int64_t staff,
                     const char *from, const char *to, struct post_why *why)
{
    record_init(&post_record, p);
    p->kind = kind;
    p->place_id = place;
    p->staff_id = staff;
    record_set(&p->start_on, from);
    record_set(&p->end_on, to);
    record_set(&p->appointed_by, "小白楼街道党工委");
    return post_save(db, p, "tester", why);
}

static void rules_of_dates_and_periods(void **state)
{
    (void)state;
    assert_null(post_check_dates("2025-01-01", ""));
    assert_null(post_check_dates("2025-01-01", "2025-01-01"));
    assert_non_null(post_check_dates("", ""));
    assert_non_null(post_check_dates("2025-02-30", ""));
    assert_non_null(post_check_dates("2025/01/01", ""));
    assert_non_null(post_check_dates("2025-03-01", "2025-02-28"));
    /* [from, to): a hand-over's day belongs to the one taking over. */
    assert_false(post_periods_overlap("2025-01-01", "2025-03-01", "2025-03-01", ""));
    assert_true(post_periods_overlap("2025-01-01", "2025-03-02", "2025-03-01", ""));
    assert_true(post_periods_overlap("2025-01-01", "", "2026-01-01", "2026-02-01"));
    assert_true(post_periods_overlap("2025-05-01", "2025-06-01", "2025-01-01", ""));
    assert_false(post_periods_overlap("2025-01-01", "2025-02-01", "2025-02-01", "2025-03-01"));
    /* A post of no days holds nothing. */
    assert_false(post_periods_overlap("2025-02-01", "2025-02-01", "2025-01-01", ""));
    assert_true(post_held_on("2025-01-01", "2025-03-01", "2025-02-28"));
    assert_false(post_held_on("2025-01-01", "2025-03-01", "2025-03-01"));
    assert_false(post_held_on("2025-01-01", "", "2024-12-31"));
    assert_true(post_held_on("2025-01-01", "", "2030-01-01"));
    assert_null(post_check_handover("2025-01-01", "", "2025-01-01"));
    assert_non_null(post_check_handover("2025-01-01", "", "2024-12-31"));
    assert_non_null(post_check_handover("2025-01-01", "2025-06-01", "2025-03-01"));
    assert_non_null(post_check_handover("2025-01-01", "", "明天"));
    assert_int_equal(post_kind_parse("building_chief"), POST_BUILDING_CHIEF);
    assert_int_equal(post_kind_parse("nothing"), -1);
}

static void staff_found_by_name_pinyin_and_phone_suffix(void **state)
{
    (void)state;
    int64_t zhang = make_staff("张晓红", "13812345678");
    make_staff("单立群", "13900001111");
    struct staff *rows;
    size_t n;
    const char *queries[] = {"晓红", "zxh", "zhangx", "5678", "345678"};
    for (size_t i = 0; i < ARRAY_LEN(queries); i++) {
        assert_int_equal(staff_list(db, queries[i], 0, 0, &rows, &n), DB_OK);
        assert_int_equal(n, 1);
        assert_int_equal(rows[0].id, zhang);
        assert_str(rows[0].kind_name, "党建社工");
        record_array_free(&staff_record, rows, n);
    }
    /* 单 as a surname reads shan. */
    assert_int_equal(staff_list(db, "shanli", 0, 0, &rows, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_str(rows[0].name, "单立群");
    record_array_free(&staff_record, rows, n);
    /* The middle digits of a phone are no suffix. */
    assert_int_equal(staff_list(db, "1234", 0, 0, &rows, &n), DB_OK);
    assert_int_equal(n, 0);
    record_array_free(&staff_record, rows, n);
    /* A user that does not exist is refused. */
    struct staff s;
    assert_int_equal(staff_get(db, zhang, &s), DB_OK);
    record_set(&s.login, "nobody");
    assert_int_equal(staff_save(db, &s, "tester"), DB_INVALID);
    record_free(&staff_record, &s);
    char masked[16];
    char *m = staff_masked_phone("13812345678");
    snprintf(masked, sizeof masked, "%s", m);
    free(m);
    assert_str(masked, "138****5678");
}

static void one_chief_per_building_at_a_time(void **state)
{
    (void)state;
    int64_t a = make_staff("李明", "13700000001"), b = make_staff("王芳", "13700000002");
    struct post p, q, r;
    struct post_why why;
    assert_int_equal(post_make(&p, POST_BUILDING_CHIEF, building.id, a, "2025-01-01", "", &why),
                     DB_OK);
    /* A second 楼长 while the first runs: refused, the clash named. */
    assert_int_equal(post_make(&q, POST_BUILDING_CHIEF, building.id, b, "2025-06-01", "", &why),
                     DB_INVALID);
    assert_int_equal(why.reason, POST_REFUSED_OVERLAP);
    assert_int_equal(why.clash, p.id);
    /* A 楼宇指导员 beside the 楼长, and the same person 楼长 of another building too. */
    record_free(&post_record, &q);
    assert_int_equal(
        post_make(&q, POST_BUILDING_INSTRUCTOR, building.id, b, "2025-06-01", "", &why), DB_OK);
    assert_int_equal(post_make(&r, POST_BUILDING_CHIEF, building2.id, a, "2025-02-01", "", &why),
                     DB_OK);
    record_free(&post_record, &r);
    /* Dates out of order: refused. */
    assert_int_equal(
        post_make(&r, POST_STREET_CHIEF, street.id, a, "2025-02-01", "2025-01-01", &why),
        DB_INVALID);
    assert_int_equal(why.reason, POST_REFUSED_DATES);
    record_free(&post_record, &r);
    /* Several 网格员 over one grid, but not the same person twice at once. */
    assert_int_equal(post_make(&r, POST_GRID_WORKER, grid.id, a, "2025-01-01", "", &why), DB_OK);
    record_free(&post_record, &r);
    assert_int_equal(post_make(&r, POST_GRID_WORKER, grid.id, b, "2025-01-01", "", &why), DB_OK);
    record_free(&post_record, &r);
    assert_int_equal(post_make(&r, POST_GRID_WORKER, grid.id, b, "2025-03-01", "", &why),
                     DB_INVALID);
    record_free(&post_record, &r);
    record_free(&post_record, &q);
    record_free(&post_record, &p);
}

static void handover_all_or_nothing_and_history_kept(void **state)
{
    (void)state;
    struct post chief;
    assert_int_equal(post_holder_on(db, POST_BUILDING_CHIEF, building.id, "2026-01-01", &chief),
                     DB_OK);
    assert_str(chief.staff_name, "李明");
    int64_t c = make_staff("赵磊", "13700000003");
    /* Handing over to a retired person fails after the old post was closed: nothing stays. */
    int64_t gone = make_staff("钱退", "13700000004");
    struct staff g;
    assert_int_equal(staff_get(db, gone, &g), DB_OK);
    assert_int_equal(staff_set_retired(db, &g, 1, "tester", NULL), DB_OK);
    record_free(&staff_record, &g);
    struct post_why why;
    int64_t next = 0;
    assert_int_equal(post_handover(db, &chief, "2025-03-01", gone, "街道党工委", "交接台账",
                                   "tester", &next, &why),
                     DB_INVALID);
    assert_int_equal(why.reason, POST_REFUSED_STAFF);
    struct post still;
    assert_int_equal(post_get(db, chief.id, &still), DB_OK);
    assert_str(still.end_on, "");
    assert_int_equal(still.version, chief.version);
    record_free(&post_record, &still);
    /* A day before the post started: refused. */
    assert_int_equal(post_handover(db, &chief, "2024-12-01", c, "", "", "tester", &next, &why),
                     DB_INVALID);
    assert_int_equal(why.reason, POST_REFUSED_DATES);
    /* The hand-over itself: the old ends on the day, the new starts on it with the note. */
    assert_int_equal(post_handover(db, &chief, "2025-03-01", c, "街道党工委", "交接企业台账12份",
                                   "tester", &next, &why),
                     DB_OK);
    struct post after, fresh;
    assert_int_equal(post_get(db, chief.id, &after), DB_OK);
    assert_str(after.end_on, "2025-03-01");
    assert_int_equal(post_get(db, next, &fresh), DB_OK);
    assert_str(fresh.start_on, "2025-03-01");
    assert_str(fresh.note, "交接企业台账12份");
    assert_str(fresh.staff_name, "赵磊");
    assert_int_equal(fresh.handed_from, chief.id);
    /* A stale copy cannot hand the same post over again. */
    assert_int_equal(post_handover(db, &chief, "2025-04-01", c, "", "", "tester", NULL, &why),
                     DB_CONFLICT);
    /* Who was 楼长 of 金融街中心 on a day, on either side of the hand-over. */
    const struct {
        const char *day, *who;
    } asked[] = {{"2025-01-01", "李明"},
                 {"2025-02-28", "李明"},
                 {"2025-03-01", "赵磊"},
                 {"2026-03-02", "赵磊"}};
    for (size_t i = 0; i < ARRAY_LEN(asked); i++) {
        struct post h;
        assert_int_equal(post_holder_on(db, POST_BUILDING_CHIEF, building.id, asked[i].day, &h),
                         DB_OK);
        assert_str(h.staff_name, asked[i].who);
        record_free(&post_record, &h);
    }
    struct post none;
    assert_int_equal(post_holder_on(db, POST_BUILDING_CHIEF, building.id, "2024-12-31", &none),
                     DB_NOTFOUND);
    /* Lengthening the old post into the new one's days is refused: history stays. */
    record_set(&after.end_on, "2025-04-01");
    assert_int_equal(post_save(db, &after, "tester", &why), DB_INVALID);
    assert_int_equal(why.reason, POST_REFUSED_OVERLAP);
    /* The current posts of the building, and its history. */
    struct post *rows;
    size_t n;
    struct post_filter f = {.kind = POST_BUILDING_CHIEF,
                            .place = PLACE_BUILDING,
                            .place_id = building.id,
                            .current_only = 1};
    assert_int_equal(post_list(db, &f, &rows, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_str(rows[0].staff_name, "赵磊");
    record_array_free(&post_record, rows, n);
    f.current_only = 0;
    assert_int_equal(post_list(db, &f, &rows, &n), DB_OK);
    assert_int_equal(n, 2);
    record_array_free(&post_record, rows, n);
    record_free(&post_record, &after);
    record_free(&post_record, &fresh);
    record_free(&post_record, &chief);
}

static void blocks_hold_buildings_and_grids_of_their_street(void **state)
{
    (void)state;
    struct block b;
    record_init(&block_record, &b);
    record_set(&b.code, "P1");
    record_set(&b.name, "小白楼东片");
    b.street_id = street.id;
    record_set(&b.members, "G1、B1 B2");
    char *bad = NULL;
    assert_int_equal(block_save(db, &b, "tester", &bad), DB_OK);
    assert_str(b.members, "B1、B2、G1");
    record_set(&b.members, "B1、B9");
    assert_int_equal(block_save(db, &b, "tester", &bad), DB_INVALID);
    assert_str(bad, "B9");
    free(bad);
    struct block now;
    assert_int_equal(block_get(db, b.id, &now), DB_OK);
    assert_str(now.members, "B1、B2、G1");
    record_free(&block_record, &now);
    struct post p;
    struct post_why why;
    int64_t s = make_staff("孙片长", "13700000009");
    assert_int_equal(post_make(&p, POST_BLOCK_CHIEF, b.id, s, "2025-01-01", "", &why), DB_OK);
    struct post read;
    assert_int_equal(post_get(db, p.id, &read), DB_OK);
    assert_str(read.place_name, "小白楼东片");
    record_free(&post_record, &read);
    record_free(&post_record, &p);
    record_free(&block_record, &b);
}

static void coverage_lists_what_lacks(void **state)
{
    (void)state;
    struct coverage c;
    assert_int_equal(coverage_read(db, "2026-03-02", 1, &c), DB_OK);
    /* 和平大厦 has 李明; 金融街中心 has 赵磊: every building is covered. */
    assert_int_equal(c.n[COVER_BUILDING_NO_CHIEF], 0);
    assert_int_equal(c.n[COVER_GRID_NO_WORKER], 0);
    assert_int_equal(c.n[COVER_STREET_NO_CHIEF], 1);
    assert_str(c.rows[COVER_STREET_NO_CHIEF][0].name, "小白楼街道");
    assert_int_equal(c.n[COVER_OVERLOADED], 0);
    coverage_free(&c);
    /* A day before anyone was posted: both buildings and the grid lack. */
    assert_int_equal(coverage_read(db, "2024-06-01", 5, &c), DB_OK);
    assert_int_equal(c.n[COVER_BUILDING_NO_CHIEF], 2);
    assert_int_equal(c.n[COVER_GRID_NO_WORKER], 1);
    coverage_free(&c);
    /* A 楼长 of two buildings over a load of one; a post ending within 30 days. */
    int64_t z = make_staff("周多", "13700000010");
    struct post p, q;
    struct post_why why;
    struct area b3;
    make_area(AREA_BUILDING, "B3", "远东大厦", street.id, &b3);
    assert_int_equal(post_make(&p, POST_BUILDING_CHIEF, b3.id, z, "2026-01-01", "2026-03-20", &why),
                     DB_OK);
    assert_int_equal(post_make(&q, POST_STREET_CHIEF, street.id, z, "2026-01-01", "", &why), DB_OK);
    assert_int_equal(coverage_read(db, "2026-03-02", 0, &c), DB_OK);
    assert_int_equal(c.n[COVER_STREET_NO_CHIEF], 0);
    assert_int_equal(c.n[COVER_ENDING], 1);
    assert_str(c.rows[COVER_ENDING][0].code, "B3");
    assert_int_equal(c.n[COVER_OVERLOADED], 3); /* load 0: every 楼长 */
    coverage_free(&c);
    area_free(&b3);
    record_free(&post_record, &p);
    record_free(&post_record, &q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rules_of_dates_and_periods),
        cmocka_unit_test(staff_found_by_name_pinyin_and_phone_suffix),
        cmocka_unit_test(one_chief_per_building_at_a_time),
        cmocka_unit_test(handover_all_or_nothing_and_history_kept),
        cmocka_unit_test(blocks_hold_buildings_and_grids_of_their_street),
        cmocka_unit_test(coverage_lists_what_lacks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
