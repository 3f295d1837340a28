/*
** Unit tests for src/xlsx, the workbook reader: workbooks written by
** libxlsxwriter (shared strings, inline strings, numbers, booleans, dates
** by their number format, several sheets) and one put together part by
** part with libzip (prefixed elements, phonetic readings, _xHHHH_
** escapes, cells without references, the 1904 date system); a missing
** sheet, an OpenDocument file, an old .xls and the ledger over a workbook.
*/
#include "unit.h"
#include "src/ledger.h"
#include "src/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

static char dir[64];

static const char *path_of(const char *name)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/bangban-xlsx.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A workbook of every kind of cell, strings shared or (inline) written in the sheet. */
static void write_cells(const char *path, int inline_strings)
{
    lxw_workbook_options opt = {.constant_memory = (uint8_t)inline_strings};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    assert_non_null(wb);
    lxw_format *ymd = workbook_add_format(wb);
    format_set_num_format(ymd, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format *stamp = workbook_add_format(wb);
    format_set_num_format_index(stamp, 22);
    lxw_format *f14 = workbook_add_format(wb);
    format_set_num_format_index(f14, 14);
    lxw_format *money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_worksheet *ws = workbook_add_worksheet(wb, "名单");
    worksheet_write_string(ws, 0, 0, "姓名", NULL);
    worksheet_write_string(ws, 0, 1, "数", NULL);
    worksheet_write_string(ws, 0, 3, "住址", NULL);
    worksheet_write_string(ws, 1, 0, "张𠇔", NULL);
    worksheet_write_number(ws, 1, 1, 13912340001.0, NULL);
    worksheet_write_boolean(ws, 1, 2, 1, NULL);
    worksheet_write_string(ws, 1, 3, "和平路\n3号", NULL);
    lxw_datetime d = {1990, 3, 7, 0, 0, 0};
    worksheet_write_datetime(ws, 2, 0, &d, ymd);
    lxw_datetime t = {2026, 12, 4, 9, 30, 0};
    worksheet_write_datetime(ws, 2, 1, &t, stamp);
    worksheet_write_number(ws, 2, 2, 45000, f14);
    worksheet_write_number(ws, 2, 3, 1234.5, money);
    worksheet_write_number(ws, 4, 0, 120101199001011000.0, NULL); /* row 4 is empty */
    worksheet_write_number(ws, 4, 1, 0.1 + 0.2, NULL);
    worksheet_write_boolean(ws, 4, 2, 0, NULL);
    lxw_worksheet *other = workbook_add_worksheet(wb, "第二页");
    worksheet_write_string(other, 0, 0, "另一页", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

/* The next row of x, its number and its cells joined by |. */
static void next_is(struct xlsx *x, int want_row, const char *want)
{
    struct strlist cells = STRLIST_INIT;
    char *err = NULL;
    int row = 0;
    assert_int_equal(xlsx_next(x, &cells, &row, &err), 1);
    char *got = strlist_join(&cells, "|");
    assert_str(got, want);
    assert_int_equal(row, want_row);
    free(got);
    strlist_free(&cells);
}

static void end_is(struct xlsx *x)
{
    struct strlist cells = STRLIST_INIT;
    char *err = NULL;
    int row = 0;
    assert_int_equal(xlsx_next(x, &cells, &row, &err), 0);
    strlist_free(&cells);
}

static void check_cells(const char *path)
{
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path, NULL, 0, NULL, &x, &err), 0);
    assert_str(xlsx_sheet_name(x), "名单");
    next_is(x, 1, "姓名|数||住址");
    next_is(x, 2, "张𠇔|13912340001|TRUE|和平路\n3号");
    next_is(x, 3, "1990-03-07|2026-12-04 09:30|2023-03-15|1234.5");
    next_is(x, 5, "1.20101199001011E+17|0.3|FALSE");
    end_is(x);
    assert_true(xlsx_offset(x) > 0 && xlsx_offset(x) == xlsx_size(x));
    xlsx_close(x);
}

static void shared_strings(void **state)
{
    (void)state;
    write_cells(path_of("shared.xlsx"), 0);
    check_cells(path_of("shared.xlsx"));
}

static void inline_strings(void **state)
{
    (void)state;
    write_cells(path_of("inline.xlsx"), 1);
    check_cells(path_of("inline.xlsx"));
}

static void sheet_by_name(void **state)
{
    (void)state;
    write_cells(path_of("sheets.xlsx"), 0);
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path_of("sheets.xlsx"), NULL, 0, "第二页", &x, &err), 0);
    assert_str(xlsx_sheet_name(x), "第二页");
    next_is(x, 1, "另一页");
    end_is(x);
    xlsx_close(x);
}

/* A first sheet hidden in Excel is not the one read unasked: the clerk sees the second first. */
static void hidden_first_sheet(void **state)
{
    (void)state;
    const char *path = path_of("hidden.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *hidden = workbook_add_worksheet(wb, "底稿");
    worksheet_write_string(hidden, 0, 0, "旧", NULL);
    lxw_worksheet *shown = workbook_add_worksheet(wb, "名单");
    worksheet_write_string(shown, 0, 0, "新", NULL);
    worksheet_activate(shown);
    worksheet_hide(hidden);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path, NULL, 0, NULL, &x, &err), 0);
    assert_str(xlsx_sheet_name(x), "名单");
    next_is(x, 1, "新");
    xlsx_close(x);
    /* Named, it is read all the same. */
    assert_int_equal(xlsx_open(path, NULL, 0, "底稿", &x, &err), 0);
    next_is(x, 1, "旧");
    xlsx_close(x);
}

static void missing_sheet(void **state)
{
    (void)state;
    write_cells(path_of("missing.xlsx"), 0);
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path_of("missing.xlsx"), NULL, 0, "汇总", &x, &err), -1);
    assert_null(x);
    assert_non_null(strstr(err, "no sheet called 汇总"));
    assert_non_null(strstr(err, "「名单」、「第二页」"));
    free(err);
}

/* A zip of the given parts (name, text, ...), NULL ending the list. */
static void zip_parts(const char *path, const char *const *parts)
{
    int code;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    assert_non_null(z);
    for (size_t i = 0; parts[i]; i += 2) {
        zip_source_t *s = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
        assert_true(zip_file_add(z, parts[i], s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
}

static void by_hand(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "xl/workbook.xml",
        "<x:workbook xmlns:x='m' xmlns:r='r'><x:workbookPr date1904='1'/><x:sheets>"
        "<x:sheet name='表' sheetId='1' r:id='rId7'/></x:sheets></x:workbook>",
        "xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id='rId7' Type='a/worksheet' Target='/xl/ws/a.xml'/>"
        "<Relationship Id='rId8' Type='a/sharedStrings' Target='strings.xml'/></Relationships>",
        "xl/strings.xml",
        "<x:sst xmlns:x='m'><x:si><x:r><x:t>张</x:t></x:r><x:r><x:t xml:space='preserve'>三 "
        "</x:t></x:r><x:rPh><x:t>ちょう</x:t></x:rPh></x:si><x:si><x:t>a_x000D_b_x005F_x0041_"
        "</x:t></x:si></x:sst>",
        "xl/ws/a.xml",
        "<x:worksheet xmlns:x='m'><x:sheetData><x:row><x:c t='s'><x:v>0</x:v></x:c>"
        "<x:c t='s'><x:v>1</x:v></x:c><x:c t='inlineStr'><x:is><x:t>&lt;内&gt;</x:t></x:is>"
        "</x:c></x:row><x:row><x:c t='str'><x:f>A1</x:f><x:v>公式</x:v></x:c>"
        "<x:c t='e'><x:v>#N/A</x:v></x:c><x:c r='E2'><x:v>-0</x:v></x:c></x:row>"
        "</x:sheetData></x:worksheet>",
        NULL,
    };
    zip_parts(path_of("hand.xlsx"), parts);
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path_of("hand.xlsx"), NULL, 0, NULL, &x, &err), 0);
    next_is(x, 1, "张三 |a\rb_x0041_|<内>");
    next_is(x, 2, "公式|#N/A|||0");
    end_is(x);
    xlsx_close(x);
}

/* Damage: a cell standing for text the workbook lacks, a sheet cut short, a zip cut short. */
static void damaged(void **state)
{
    (void)state;
    static const char *const parts[] = {
        "xl/workbook.xml",
        "<workbook><sheets><sheet name='名单' r:id='rId1'/><sheet name='二' r:id='rId2'/>"
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id='rId1' Target='worksheets/s1.xml'/>"
        "<Relationship Id='rId2' Target='worksheets/s2.xml'/></Relationships>",
        "xl/worksheets/s1.xml",
        "<worksheet><sheetData><row r='1'><c t='inlineStr'><is><t>姓名</t></is></c>"
        "<c t='s'/></row><row r='2'><c t='s'><v>0</v></c></row></sheetData></worksheet>",
        "xl/worksheets/s2.xml",
        "<worksheet><sheetData><row r='1'><c t='inlineStr'><is><t>姓名</t></is></c></row>"
        "<row r='2'><c t='inlineStr'><is><t>张",
        NULL,
    };
    zip_parts(path_of("damaged.xlsx"), parts);
    struct xlsx *x;
    struct strlist cells = STRLIST_INIT;
    char *err = NULL;
    int row = 0;
    assert_int_equal(xlsx_open(path_of("damaged.xlsx"), NULL, 0, NULL, &x, &err), 0);
    assert_int_equal(xlsx_sheets(x)->n, 2);
    assert_str(xlsx_sheets(x)->v[1], "二");
    /* A shared-string cell with no value is empty; one naming text not held is damage. */
    next_is(x, 1, "姓名|");
    assert_int_equal(xlsx_next(x, &cells, &row, &err), -1); /* never an empty cell */
    assert_non_null(strstr(err, "a cell stands for text the workbook does not hold"));
    free(err);
    xlsx_close(x);
    assert_int_equal(xlsx_open(path_of("damaged.xlsx"), NULL, 0, "二", &x, &err), 0);
    next_is(x, 1, "姓名");
    assert_int_equal(xlsx_next(x, &cells, &row, &err), -1);
    assert_non_null(strstr(err, "its XML breaks off at line 1"));
    free(err);
    xlsx_close(x);
    strlist_free(&cells);
    /* Cut short where a copy stopped: said in words a clerk can act on, not libzip's. */
    FILE *f = fopen(path_of("damaged.xlsx"), "r+b");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), 100), 0);
    fclose(f);
    assert_int_equal(xlsx_open(path_of("damaged.xlsx"), NULL, 0, NULL, &x, &err), -1);
    assert_non_null(strstr(err, "damaged or cut short"));
    free(err);
}

static void not_workbooks(void **state)
{
    (void)state;
    static const char *const ods[] = {
        "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<a/>", NULL,
    };
    zip_parts(path_of("sheet.ods"), ods);
    struct xlsx *x;
    char *err = NULL;
    assert_int_equal(xlsx_open(path_of("sheet.ods"), NULL, 0, NULL, &x, &err), -1);
    assert_non_null(strstr(err, "OpenDocument"));
    free(err);
    static const char *const other[] = {"readme.txt", "hello", NULL};
    zip_parts(path_of("other.zip"), other);
    assert_int_equal(xlsx_open(path_of("other.zip"), NULL, 0, NULL, &x, &err), -1);
    assert_non_null(strstr(err, "not an Excel workbook"));
    free(err);
    assert_int_equal(xlsx_sniff("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", 12), XLSX_XLS);
    static const char locked[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 E\0n\0c\0r\0y\0p\0t\0e\0d\0"
                                 "P\0a\0c\0k\0a\0g\0e\0 ";
    assert_int_equal(xlsx_sniff(locked, sizeof locked - 1), XLSX_LOCKED);
    assert_int_equal(xlsx_sniff(locked, sizeof locked - 4), XLSX_XLS); /* the name cut short */
    assert_int_equal(xlsx_sniff("PK\3\4", 4), XLSX_ZIP);
    assert_int_equal(xlsx_sniff("姓名,", 7), XLSX_NONE);
    char col[8];
    xlsx_column_name(0, col);
    assert_str(col, "A");
    xlsx_column_name(27, col);
    assert_str(col, "AB");
    xlsx_column_name(16383, col);
    assert_str(col, "XFD");
}

/* The ledger reads a workbook as it reads a CSV file: header mapped, rows numbered as Excel. */
static void ledger_over_workbook(void **state)
{
    (void)state;
    lxw_workbook *wb = workbook_new(path_of("ledger.xlsx"));
    lxw_worksheet *ws = workbook_add_worksheet(wb, "居民");
    const char *head[] = {"姓名", "身份证号", "家庭住址", "备注"};
    for (lxw_col_t c = 0; c < 4; c++)
        worksheet_write_string(ws, 2, c, head[c], NULL); /* two empty rows above the header */
    worksheet_write_string(ws, 3, 0, "李四", NULL);
    worksheet_write_string(ws, 3, 1, "110101199003078515", NULL);
    worksheet_write_string(ws, 3, 2, "和平路 \r\n 3号", NULL);
    worksheet_write_string(ws, 3, 3, "一\r\n二", NULL);
    worksheet_write_string(ws, 5, 0, "王五", NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    struct ledger *l;
    char *err = NULL;
    assert_int_equal(
        ledger_open(path_of("ledger.xlsx"), &ledger_residents, 0, CODEC_UTF8, &l, &err), 0);
    assert_str(ledger_sheet(l), "居民");
    assert_int_equal(ledger_columns(l), 4);
    assert_int_equal(ledger_column_of(l, LF_ADDRESS), 2);
    struct ledger_row row;
    assert_int_equal(ledger_next(l, &row), 1);
    assert_int_equal(row.line, 4);
    assert_str(ledger_value_of(l, &row, LF_ADDRESS), "和平路 3号");
    assert_str(ledger_value_of(l, &row, LF_NOTE), "一\n二");
    assert_int_equal(ledger_joined(l), 1);
    assert_int_equal(ledger_next(l, &row), 1);
    assert_int_equal(row.line, 6);
    assert_int_equal(row.fields.n, 4); /* the cells Excel left out, empty */
    assert_str(ledger_value_of(l, &row, LF_ID), "");
    assert_int_equal(ledger_next(l, &row), 0);
    ledger_close(l);
    /* --sheet names a sheet of a workbook only. */
    FILE *f = fopen(path_of("plain.csv"), "w");
    fputs("姓名,身份证号\n", f);
    fclose(f);
    assert_int_equal(
        ledger_open_sheet(path_of("plain.csv"), "居民", &ledger_residents, 0, CODEC_UTF8, &l, &err),
        -1);
    assert_non_null(strstr(err, "--sheet"));
    free(err);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shared_strings),
        cmocka_unit_test(inline_strings),
        cmocka_unit_test(sheet_by_name),
        cmocka_unit_test(missing_sheet),
        cmocka_unit_test(hidden_first_sheet),
        cmocka_unit_test(by_hand),
        cmocka_unit_test(damaged),
        cmocka_unit_test(not_workbooks),
        cmocka_unit_test(ledger_over_workbook),
    };
    return cmocka_run_group_tests_name("xlsx", tests, setup, teardown);
}
