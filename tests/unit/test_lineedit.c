/* Unit tests for src/lineedit: whole-character editing and the view. */
#include "unit.h"
#include "src/lineedit.h"

static char *text_of(struct lineedit *le)
{
    static char *last;
    free(last);
    last = lineedit_text(le);
    return last;
}

static void insert_and_delete_whole_characters(void **state)
{
    (void)state;
    struct lineedit le;
    lineedit_init(&le, 0);
    lineedit_insert_text(&le, "张三丰abc");
    assert_str(text_of(&le), "张三丰abc");
    assert_int_equal(le.cursor, 6);
    for (int i = 0; i < 4; i++)
        lineedit_left(&le);
    assert_int_equal(le.cursor, 2);
    assert_true(lineedit_backspace(&le)); /* removes 三, not a byte of it */
    assert_str(text_of(&le), "张丰abc");
    lineedit_insert_text(&le, "𠇔");
    assert_str(text_of(&le), "张𠇔丰abc");
    lineedit_end(&le);
    lineedit_insert(&le, 'Z');
    assert_str(text_of(&le), "张𠇔丰abcZ");
    lineedit_home(&le);
    assert_true(lineedit_delete(&le));
    assert_str(text_of(&le), "𠇔丰abcZ");
    assert_false(lineedit_backspace(&le)); /* nothing before the cursor */
    lineedit_right(&le);
    lineedit_kill_end(&le);
    assert_str(text_of(&le), "𠇔");
    lineedit_free(&le);
}

static void max_length_caps_a_paste(void **state)
{
    (void)state;
    struct lineedit le;
    lineedit_init(&le, 30);
    char *paste = malloc(10000 * 3 + 1);
    for (int i = 0; i < 10000; i++)
        memcpy(paste + i * 3, "汉", 3);
    paste[30000] = '\0';
    assert_int_equal(lineedit_insert_text(&le, paste), 10000 - 30);
    assert_int_equal(le.len, 30);
    assert_false(lineedit_insert(&le, 'x'));
    free(paste);
    lineedit_free(&le);
}

static void refuses_controls_and_bad_bytes(void **state)
{
    (void)state;
    struct lineedit le;
    lineedit_init(&le, 0);
    assert_int_equal(lineedit_insert_text(&le, "a\tb\nc\xFF"), 3);
    assert_str(text_of(&le), "abc");
    lineedit_set(&le, "和平");
    assert_str(text_of(&le), "和平");
    assert_int_equal(le.cursor, 2);
    assert_true(lineedit_clear(&le));
    assert_true(lineedit_empty(&le));
    lineedit_free(&le);
}

static void view_never_splits_wide_characters(void **state)
{
    (void)state;
    struct lineedit le;
    size_t first, count;
    int col;
    lineedit_init(&le, 0);
    lineedit_set(&le, "一二三四五六七"); /* 14 columns */
    lineedit_view(&le, 8, &first, &count, &col);
    /* Cursor at the end needs one column: 7 fit, so three characters (6 cols) + cursor. */
    assert_int_equal(col, 6);
    assert_int_equal(first, 4);
    assert_int_equal(count, 3);
    lineedit_home(&le);
    lineedit_view(&le, 8, &first, &count, &col);
    assert_int_equal(first, 0);
    assert_int_equal(col, 0);
    assert_int_equal(count, 4); /* 8 columns hold four wide characters */
    lineedit_set(&le, "ab一二三");
    lineedit_home(&le);
    lineedit_view(&le, 5, &first, &count, &col);
    assert_int_equal(count, 3); /* a b 一 = 4 columns; 二 would need 6 */
    lineedit_free(&le);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(insert_and_delete_whole_characters),
        cmocka_unit_test(max_length_caps_a_paste),
        cmocka_unit_test(refuses_controls_and_bad_bytes),
        cmocka_unit_test(view_never_splits_wide_characters),
    };
    int rc = cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
    return rc;
}
