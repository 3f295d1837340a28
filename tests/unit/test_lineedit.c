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

static void digits_only_refuses_the_rest(void **state)
{
    (void)state;
    struct lineedit le;
    lineedit_init(&le, 6);
    lineedit_digits_only(&le);
    assert_false(lineedit_insert(&le, 'a'));
    assert_int_equal(le.nondigit, 1);
    assert_true(lineedit_insert(&le, 0xFF15)); /* ５, full-width: taken as typed */
    /* A paste: letters, spaces and dashes refused and counted; past the limit, over. */
    assert_int_equal(lineedit_insert_text(&le, "1-2 3abc456"), 6);
    assert_str(text_of(&le), "５12345");
    assert_int_equal(le.nondigit, 6);
    assert_int_equal(le.over, 1);
    assert_false(lineedit_insert(&le, '\t')); /* a control stays unfit, not a digit refused */
    assert_int_equal(le.unfit, 1);
    lineedit_set(&le, "12ab");
    assert_str(text_of(&le), "12");
    assert_int_equal(le.nondigit, 0);
    lineedit_free(&le);
    assert_true(le.digits); /* freed, it still takes digits alone */
    assert_false(lineedit_insert(&le, 'x'));
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

/* The text of row r of rows. */
static char *row_text(struct lineedit *le, struct lineedit_rows *rows, size_t r)
{
    static char *last;
    size_t first, count;
    free(last);
    lineedit_rows_span(le, rows, r, &first, &count);
    last = lineedit_text_range(le, first, count);
    return last;
}

static void rows_wrap_by_width_and_lines(void **state)
{
    (void)state;
    struct lineedit le;
    struct lineedit_rows rows = {0};
    lineedit_init(&le, 0);
    lineedit_insert(&le, '\n');
    assert_int_equal(le.len, 0); /* a line feed only where lines are allowed */
    lineedit_allow_lines(&le);
    /* 8 columns: four wide characters a row; a line feed ends a row early. */
    lineedit_set(&le, "楼道灯坏了三天没人修\n请尽快");
    lineedit_rows_layout(&le, 8, &rows);
    assert_int_equal(rows.n, 4);
    assert_str(row_text(&le, &rows, 0), "楼道灯坏");
    assert_str(row_text(&le, &rows, 1), "了三天没");
    assert_str(row_text(&le, &rows, 2), "人修");
    assert_str(row_text(&le, &rows, 3), "请尽快");
    /* Closing punctuation never starts a row: the character before goes along. */
    lineedit_set(&le, "一二三四。五");
    lineedit_rows_layout(&le, 8, &rows);
    assert_str(row_text(&le, &rows, 0), "一二三");
    assert_str(row_text(&le, &rows, 1), "四。五");
    /* A date is not cut in two. */
    lineedit_set(&le, "约在2026-03-05");
    lineedit_rows_layout(&le, 10, &rows);
    assert_str(row_text(&le, &rows, 0), "约在");
    assert_str(row_text(&le, &rows, 1), "2026-03-05");
    /* A full last row, or a last line feed, leaves an empty row for the cursor. */
    assert_int_equal(rows.n, 3);
    assert_int_equal(lineedit_rows_find(&rows, le.len), 2);
    lineedit_set(&le, "ab\n");
    lineedit_rows_layout(&le, 8, &rows);
    assert_int_equal(rows.n, 2);
    assert_int_equal(lineedit_rows_find(&rows, le.cursor), 1);
    lineedit_set(&le, "");
    lineedit_rows_layout(&le, 8, &rows);
    assert_int_equal(rows.n, 1);
    lineedit_rows_free(&rows);
    lineedit_free(&le);
}

static void rows_move_keeps_the_column(void **state)
{
    (void)state;
    struct lineedit le;
    struct lineedit_rows rows = {0};
    lineedit_init(&le, 0);
    lineedit_allow_lines(&le);
    lineedit_set(&le, "abcdefgh一二\nxy");
    lineedit_rows_layout(&le, 8, &rows); /* "abcdefgh" "一二" "xy" */
    assert_int_equal(rows.n, 3);
    le.cursor = 6; /* g */
    assert_int_equal(lineedit_rows_col(&le, &rows, le.cursor), 6);
    assert_true(lineedit_rows_move(&le, &rows, 1));
    assert_int_equal(le.cursor, 10); /* end of 一二: before its line feed */
    assert_true(lineedit_rows_move(&le, &rows, 1));
    assert_int_equal(le.cursor, 13);                 /* end of xy */
    assert_false(lineedit_rows_move(&le, &rows, 1)); /* no row below */
    le.cursor = 9;                                   /* 二 at column 2 */
    assert_true(lineedit_rows_move(&le, &rows, -1));
    assert_int_equal(le.cursor, 2);
    assert_false(lineedit_rows_move(&le, &rows, -1));
    /* A soft-wrapped row ends before the next row's first character. */
    le.cursor = 3;
    assert_true(lineedit_rows_edge(&le, &rows, 1));
    assert_int_equal(le.cursor, 7);
    assert_true(lineedit_rows_edge(&le, &rows, 0));
    assert_int_equal(le.cursor, 0);
    /* The view follows the cursor and leaves no empty rows below when the text fills them. */
    le.cursor = le.len;
    assert_int_equal(lineedit_rows_view(&le, &rows, 2), 2);
    assert_int_equal(le.top_row, 1);
    le.cursor = 0;
    lineedit_rows_view(&le, &rows, 2);
    assert_int_equal(le.top_row, 0);
    lineedit_rows_free(&rows);
    lineedit_free(&le);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(insert_and_delete_whole_characters),
        cmocka_unit_test(max_length_caps_a_paste),
        cmocka_unit_test(refuses_controls_and_bad_bytes),
        cmocka_unit_test(digits_only_refuses_the_rest),
        cmocka_unit_test(view_never_splits_wide_characters),
        cmocka_unit_test(rows_wrap_by_width_and_lines),
        cmocka_unit_test(rows_move_keeps_the_column),
    };
    int rc = cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
    return rc;
}
