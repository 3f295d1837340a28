/*
** Unit tests of src/record.h: one way to own a record (init, copy, free
** with the shared empty text), comparison, and the three-way merge of two
** desks' edits that every form's "save over" uses.
*/
#include "unit.h"
#include "src/area.h"
#include "src/catalogue.h"
#include "src/record.h"
#include "src/resident.h"
#include "src/util.h"

static void init_copy_free(void **state)
{
    (void)state;
    struct resident a, b;
    resident_init(&a);
    assert_non_null(a.name);
    assert_str(a.name, "");
    record_set(&a.name, "张三");
    record_take(&a.note, xstrdup(""));
    assert_str(a.note, "");
    resident_copy(&b, &a);
    assert_str(b.name, "张三");
    assert_true(b.name != a.name);
    assert_true(record_same(&resident_record, &a, &b));
    record_set(&b.address, "和平路1号");
    assert_false(record_same(&resident_record, &a, &b));
    /* Stored fields do not count as a difference people made. */
    record_set(&b.address, "");
    record_set(&b.updated_by, "desk2");
    assert_true(record_same(&resident_record, &a, &b));
    resident_free(&a);
    resident_free(&b);
    assert_null(a.name);
}

/* A bulk load's row: its text moved into one block, kept as it was, freed with the block. */
static void pack_moves_the_text_into_one_block(void **state)
{
    (void)state;
    struct resident r, was;
    resident_init(&r);
    record_set(&r.name, "张三");
    record_set(&r.address, "和平路1号");
    record_take(&r.note, xstrdup("")); /* a malloc'd "" too */
    resident_copy(&was, &r);
    char *block = record_pack(&resident_record, &r);
    assert_non_null(block);
    assert_true(r.name == block);
    assert_true(r.address == block + strlen("张三") + 1);
    assert_str(r.note, "");
    assert_str(r.phone, "");
    assert_true(record_same(&resident_record, &r, &was));
    free(block); /* in place of resident_free(&r): ASan finds what was left or freed twice */
    resident_free(&was);

    struct resident none;
    resident_init(&none);
    assert_null(record_pack(&resident_record, &none));
}

/* base: a building as loaded; mine and theirs: two desks' edits of it. */
static void buildings(struct area *base, struct area *mine, struct area *theirs)
{
    area_init(base, AREA_BUILDING);
    base->id = 7;
    base->version = 3;
    record_set(&base->code, "B101");
    record_set(&base->name, "滨江国际大厦");
    record_set(&base->address, "滨江道149号");
    base->grid_id = 11;
    record_set(&base->grid_name, "第1网格");
    area_copy(mine, base);
    area_copy(theirs, base);
    theirs->version = 4;
}

static void merge_keeps_what_each_desk_changed(void **state)
{
    (void)state;
    struct area base, mine, theirs, out;
    buildings(&base, &mine, &theirs);
    record_set(&theirs.name, "滨江国际大厦A座");
    record_set(&mine.address, "滨江道149号9层");
    mine.grid_id = 12;
    record_set(&mine.grid_name, "第2网格");
    struct record_merge m;
    record_merge_plan(&area_record, &base, &mine, &theirs, &m);
    assert_int_equal(m.nmine, 2); /* address, grid */
    assert_int_equal(m.ntheirs, 1);
    assert_int_equal(m.nboth, 0);
    record_merge_apply(&area_record, &m, NULL, &base, &mine, &theirs, &out);
    assert_str(out.name, "滨江国际大厦A座");   /* theirs kept */
    assert_str(out.address, "滨江道149号9层"); /* mine written */
    assert_int_equal(out.grid_id, 12);
    assert_str(out.grid_name, "第2网格"); /* the name comes with the id */
    assert_int_equal(out.version, 4);     /* saved over theirs */
    record_merge_free(&m);
    area_free(&out);
    area_free(&base);
    area_free(&mine);
    area_free(&theirs);
}

static void merge_lets_the_clerk_choose_where_both_changed(void **state)
{
    (void)state;
    struct area base, mine, theirs, out;
    buildings(&base, &mine, &theirs);
    record_set(&theirs.address, "滨江道150号");
    record_set(&mine.address, "滨江道151号");
    record_set(&theirs.code, "B102");
    record_set(&mine.code, "B102"); /* the same change on both sides is nobody's conflict */
    struct record_merge m;
    record_merge_plan(&area_record, &base, &mine, &theirs, &m);
    assert_int_equal(m.nmine, 0);
    assert_int_equal(m.ntheirs, 0);
    assert_int_equal(m.nboth, 1);
    assert_str(area_record.fields[m.both[0]].name, "address");
    int keep_mine[] = {1};
    record_merge_apply(&area_record, &m, keep_mine, &base, &mine, &theirs, &out);
    assert_str(out.address, "滨江道151号");
    area_free(&out);
    record_merge_apply(&area_record, &m, NULL, &base, &mine, &theirs, &out);
    assert_str(out.address, "滨江道150号");
    area_free(&out);
    record_merge_free(&m);
    area_free(&base);
    area_free(&mine);
    area_free(&theirs);
}

/* A time limit is an amount and its unit: merged as one value, never half of each. */
static void parts_of_a_value_merge_together(void **state)
{
    (void)state;
    struct service_item base, mine, theirs, out;
    service_item_init(&base);
    base.resolve_amount = 2;
    base.resolve_unit = 'h';
    service_item_copy(&mine, &base);
    service_item_copy(&theirs, &base);
    theirs.resolve_amount = 3;
    theirs.resolve_unit = 'd';
    mine.resolve_amount = 5; /* 5 hours: only the amount differs from what was loaded */
    struct record_merge m;
    record_merge_plan(&service_item_record, &base, &mine, &theirs, &m);
    assert_int_equal(m.nboth, 1);
    assert_int_equal(m.nmine + m.ntheirs, 0);
    int keep_mine[] = {1};
    record_merge_apply(&service_item_record, &m, keep_mine, &base, &mine, &theirs, &out);
    assert_int_equal(out.resolve_amount, 5);
    assert_int_equal(out.resolve_unit, 'h');
    service_item_free(&out);
    record_merge_apply(&service_item_record, &m, NULL, &base, &mine, &theirs, &out);
    assert_int_equal(out.resolve_amount, 3);
    assert_int_equal(out.resolve_unit, 'd');
    service_item_free(&out);
    record_merge_free(&m);
    /* A change of the unit alone is a change of the limit. */
    struct service_item days;
    service_item_copy(&days, &base);
    days.resolve_unit = 'd';
    assert_false(record_same(&service_item_record, &base, &days));
    service_item_free(&days);
    service_item_free(&base);
    service_item_free(&mine);
    service_item_free(&theirs);
}

/* Tags both desks changed: each desk's additions and removals are kept. */
static void tag_lists_merge_word_by_word(void **state)
{
    (void)state;
    struct resident base, mine, theirs, out;
    resident_init(&base);
    record_set(&base.tags, "低保户、独居老人");
    resident_copy(&mine, &base);
    resident_copy(&theirs, &base);
    record_set(&mine.tags, "低保户、独居老人、残疾人"); /* this desk added one */
    record_set(&theirs.tags, "低保户");                 /* the other removed one */
    struct record_merge m;
    record_merge_plan(&resident_record, &base, &mine, &theirs, &m);
    assert_int_equal(m.nboth, 1);
    record_merge_apply(&resident_record, &m, NULL, &base, &mine, &theirs, &out);
    assert_str(out.tags, "低保户、残疾人");
    resident_free(&out);
    record_merge_free(&m);
    resident_free(&base);
    resident_free(&mine);
    resident_free(&theirs);
}

/* A resident's community and grid move together: never one desk's grid in the other's community. */
static void community_and_grid_merge_together(void **state)
{
    (void)state;
    struct resident base, mine, theirs, out;
    resident_init(&base);
    base.community_id = 1;
    base.grid_id = 10;
    resident_copy(&mine, &base);
    resident_copy(&theirs, &base);
    mine.community_id = 2;
    mine.grid_id = 20;
    record_set(&mine.grid, "二号网格");
    theirs.grid_id = 11; /* another grid of the same community */
    struct record_merge m;
    record_merge_plan(&resident_record, &base, &mine, &theirs, &m);
    assert_int_equal(m.nboth, 1);
    int keep_mine[] = {1};
    record_merge_apply(&resident_record, &m, keep_mine, &base, &mine, &theirs, &out);
    assert_int_equal(out.community_id, 2);
    assert_int_equal(out.grid_id, 20);
    assert_str(out.grid, "二号网格");
    resident_free(&out);
    record_merge_apply(&resident_record, &m, NULL, &base, &mine, &theirs, &out);
    assert_int_equal(out.community_id, 1);
    assert_int_equal(out.grid_id, 11);
    resident_free(&out);
    record_merge_free(&m);
    resident_free(&base);
    resident_free(&mine);
    resident_free(&theirs);
}

static void shown_as_people_read_it(void **state)
{
    (void)state;
    struct resident r;
    resident_init(&r);
    record_set(&r.id_number, "110101199003074477");
    r.gender = 'M';
    r.grid_id = 3;
    record_set(&r.grid, "东兴市场第1网格");
    char *id = record_field_shown(&resident_record,
                                  (size_t)record_field_index(&resident_record, "id_number"), &r);
    assert_str(id, "110***********4477"); /* a secret field is masked */
    char *grid = record_field_shown(&resident_record,
                                    (size_t)record_field_index(&resident_record, "grid_id"), &r);
    assert_str(grid, "东兴市场第1网格"); /* an id is shown by the name it points at */
    char *sex = record_field_shown(&resident_record,
                                   (size_t)record_field_index(&resident_record, "gender"), &r);
    assert_str(sex, resident_gender_text('M'));
    free(id);
    free(grid);
    free(sex);
    resident_free(&r);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_copy_free),
        cmocka_unit_test(pack_moves_the_text_into_one_block),
        cmocka_unit_test(merge_keeps_what_each_desk_changed),
        cmocka_unit_test(merge_lets_the_clerk_choose_where_both_changed),
        cmocka_unit_test(parts_of_a_value_merge_together),
        cmocka_unit_test(tag_lists_merge_word_by_word),
        cmocka_unit_test(community_and_grid_merge_together),
        cmocka_unit_test(shown_as_people_read_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
