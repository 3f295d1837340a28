/* Unit tests for src/csv and src/ledger: records, quoting, header mapping, row checks, tags. */
#include "unit.h"
#include "src/codec.h"
#include "src/csv.h"
#include "src/ledger.h"
#include "src/text.h"
#include "src/workcal.h"

#include <stdio.h>
#include <unistd.h>

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/bangban-ledger-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
    setenv("TZ", "UTC", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* Write bytes to dir/name; returns the path (static). */
static const char *write_file(const char *name, const char *data, size_t n)
{
    static char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return path;
}

static void records_and_fields(void **state)
{
    (void)state;
    const char *buf = "a,b\r\n\"x\r\ny\",\"say \"\"hi\"\"\",z\nlast";
    size_t next, unclosed;
    int lines;
    size_t len = csv_record(buf, strlen(buf), ',', &next, &lines, &unclosed);
    assert_int_equal(len, 3);
    assert_int_equal(lines, 1);
    const char *rec = buf + next;
    len = csv_record(rec, strlen(rec), ',', &next, &lines, &unclosed);
    assert_int_equal(lines, 2);
    struct strlist f = {0};
    csv_split(rec, len, ',', &f);
    assert_int_equal(f.n, 3);
    assert_str(f.v[0], "x\r\ny");
    assert_str(f.v[1], "say \"hi\"");
    assert_str(f.v[2], "z");
    rec += next;
    len = csv_record(rec, strlen(rec), ',', &next, &lines, &unclosed);
    assert_int_equal(len, 4);
    assert_false(unclosed);
    len = csv_record("\"open,x\ny", 9, ',', &next, &lines, &unclosed);
    assert_int_equal(unclosed, 1); /* 1 + where the quote is */
    /* A quote inside a field is a character, as Excel reads it: the record ends at its line. */
    const char *inch = "赵丙,门口有3\"宽台阶,x\n钱丁,2\"水管\n";
    len = csv_record(inch, strlen(inch), ',', &next, &lines, &unclosed);
    assert_int_equal(unclosed, 0);
    assert_int_equal(len, strlen("赵丙,门口有3\"宽台阶,x"));
    csv_split(inch, len, ',', &f);
    assert_int_equal(f.n, 3);
    assert_str(f.v[1], "门口有3\"宽台阶");
    assert_int_equal(csv_column_at(inch, len - 1, ','), 2);
    /* Tabs and commas both split a header whose delimiter is not known yet. */
    len = csv_record("a\t\"b\nc\"\td\ne", 11, 0, &next, &lines, &unclosed);
    assert_int_equal(lines, 2);
    assert_int_equal(len, 9);
    /* An unclosed quote is placed in its field, after a quoted field holding the delimiter. */
    const char *open = "\"a,b\",c,\"d,e\nf";
    len = csv_record(open, strlen(open), ',', &next, &lines, &unclosed);
    assert_int_equal(unclosed, 9);
    assert_int_equal(csv_column_at(open, unclosed - 1, ','), 2);
    assert_int_equal(csv_column_delim(open, strlen(open), ',', 2), 7);
    csv_split("a,,c,", 5, ',', &f);
    assert_int_equal(f.n, 4);
    assert_str(f.v[3], "");
    strlist_free(&f);
    assert_int_equal(csv_guess_delim("姓名\t性别\t备注", strlen("姓名\t性别\t备注")), '\t');
    assert_int_equal(csv_guess_delim("姓名,性别", strlen("姓名,性别")), ',');
    /* Fields in one buffer: still each its own as the buffer grows, and reused row to row. */
    struct csv_cells c = CSV_CELLS_INIT;
    struct strbuf wide = STRBUF_INIT;
    for (int i = 0; i < 500; i++)
        strbuf_addf(&wide, "%s\"%d,\"\"\"", i ? "," : "", i);
    csv_cells_split(wide.buf, wide.len, ',', &c);
    assert_int_equal(c.n, 500);
    assert_str(c.v[0], "0,\"");
    assert_str(c.v[499], "499,\"");
    csv_cells_add(&c, "末", strlen("末"));
    assert_int_equal(c.n, 501);
    assert_str(c.v[499], "499,\"");
    assert_str(c.v[500], "末");
    csv_cells_split("a,,c", 4, ',', &c);
    assert_int_equal(c.n, 3);
    assert_str(c.v[1], "");
    assert_str(c.v[2], "c");
    csv_cells_free(&c);
    strbuf_free(&wide);
}

static void writing(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    csv_put(&sb, "张三", 1, 0);
    csv_put(&sb, "=1+1", 0, 0);
    csv_put(&sb, "a,\"b\"", 0, 0);
    csv_put(&sb, "110101199003074477", 0, CSV_TEXT);
    csv_put(&sb, "@SUM(A1)", 0, 0);
    csv_end_row(&sb);
    assert_str(strbuf_str(&sb), "张三,'=1+1,\"a,\"\"b\"\"\",\t110101199003074477,'@SUM(A1)\r\n");
    /* Every cell whatever its column, numbers kept as text too: = + - @ tab CR. */
    strbuf_reset(&sb);
    csv_put(&sb, "-1", 1, 0);
    csv_put(&sb, "+86 22 2330 3512", 0, CSV_TEXT);
    csv_put(&sb, "\tcmd", 0, 0);
    csv_put(&sb, "\r=1", 0, 0);
    csv_put(&sb, "022-2330", 0, CSV_TEXT);
    assert_str(strbuf_str(&sb), "'-1,'+86 22 2330 3512,'\tcmd,\"'\r=1\",\t022-2330");
    assert_true(csv_formula_risk("@x") && !csv_formula_risk("x=1") && !csv_formula_risk(""));
    /* A cell that already looks guarded is guarded once more, so reading takes one ' off. */
    strbuf_reset(&sb);
    csv_put(&sb, "'-' 表示无", 1, 0);
    csv_put(&sb, "'x", 0, 0);
    assert_str(strbuf_str(&sb), "''-' 表示无,'x");
    assert_true(csv_guarded("'=1") && csv_guarded("''-'") && !csv_guarded("'x"));
    assert_true(!csv_guarded("=1") && !csv_guarded("'") && !csv_guarded(""));
    strbuf_free(&sb);
}

static void header_names(void **state)
{
    (void)state;
    assert_int_equal(ledger_field_for("公民身份号码"), LF_ID);
    assert_int_equal(ledger_field_for("身份证号"), LF_ID);
    assert_int_equal(ledger_field_for("身份证号码"), LF_ID);
    assert_int_equal(ledger_field_for("居民身份证号"), LF_ID);
    assert_int_equal(ledger_field_for(" 联系电话 "), LF_PHONE);
    assert_int_equal(ledger_field_for("手机号码"), LF_PHONE);
    assert_int_equal(ledger_field_for("现住址"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("户籍地址"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("所属网格"), LF_GRID);
    assert_int_equal(ledger_field_for("人员类别"), LF_TAGS);
    assert_int_equal(ledger_field_for("序号"), LF_IGNORED);
    /* The words offices use for the same columns. */
    assert_int_equal(ledger_field_for("家庭住址"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("现居住地址"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("居住地址"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("现居住地"), LF_ADDRESS);
    assert_int_equal(ledger_field_for("联系方式"), LF_PHONE);
    assert_int_equal(ledger_field_for("手机"), LF_PHONE);
    assert_int_equal(ledger_field_for("身份证"), LF_ID);
    assert_int_equal(ledger_field_for("出生年月"), LF_BIRTH);
    /* The reason column of a rejects file is read past, whatever the kind. */
    assert_int_equal(ledger_field_for("错误原因"), LF_IGNORED);
    assert_int_equal(ledger_schema_field(&ledger_calendar, "错误原因"), LEDGER_IGNORED);
    assert_int_equal(ledger_field_for("婚姻状况"), LF_UNKNOWN);
}

/* The problems of every row of a ledger, as "line|column|reason" lines. */
static char *check_all(struct ledger *l, int *good)
{
    struct strbuf out = STRBUF_INIT;
    struct ledger_row row;
    *good = 0;
    while (ledger_next(l, &row)) {
        struct ledger_problems p = {0};
        struct resident r;
        int upgraded;
        if (ledger_row_check(l, &row, &r, &upgraded, &p) == 0) (*good)++;
        for (size_t i = 0; i < p.n; i++)
            strbuf_addf(&out, "%d|%s|%s\n", p.v[i].line, p.v[i].column, p.v[i].reason);
        ledger_problems_free(&p);
        resident_free(&r);
    }
    return strbuf_detach(&out);
}

static void gb18030_ledger(void **state)
{
    (void)state;
    const char *text =
        "序号,姓名,性别,民族,出生日期,公民身份号码,联系电话,现住址,婚姻状况\r\n"
        "1,张三,男,汉,1990-03-07,110101199003074477,13800138000,\"3号楼,2单元\",已婚\r\n"
        "2,王𠇔,女,汉族,,11010519491231002X,,朝阳里1号楼,\r\n"
        "3,李四,男,汉族,,110105194912310021,,,\r\n"
        "4,赵五,男,汉族,,110105194902310026,,,\r\n"
        "5,钱六,男,汉族,1990-01-01,110101199003074477,,,\r\n"
        "6,孙七,男\r\n"
        "7,周八,男,汉族,,1.20101E+17,,,\r\n"
        "8,吴九,男,汉族,,１１０１０１１９９００３０７４４７７,022-23456789,,\r\n";
    struct strbuf gb = STRBUF_INIT;
    struct codec_error err;
    assert_int_equal(codec_encode(CODEC_GB18030, text, strlen(text), &gb, &err), 0);
    /* Row 9: 郑 cut to its first byte (D6) before a comma. */
    strbuf_adds(&gb, "9,\xD6,\xC4\xD0,\r\n");
    const char *path = write_file("gb.csv", gb.buf, gb.len);
    strbuf_free(&gb);

    struct ledger *l;
    char *why;
    assert_int_equal(ledger_open(path, &ledger_residents, 0, CODEC_UTF8, &l, &why), 0);
    assert_int_equal(ledger_codec(l), CODEC_GB18030);
    assert_true(ledger_detected(l));
    assert_int_equal(ledger_columns(l), 9);
    assert_int_equal(ledger_column_field(l, 0), LF_IGNORED);
    assert_int_equal(ledger_column_field(l, 8), LF_UNKNOWN);
    assert_str(ledger_column_name(l, 8), "婚姻状况");
    int good;
    char *report = check_all(l, &good);
    if (getenv("SHOW_REPORT")) fputs(report, stderr);
    assert_int_equal(good, 3); /* rows 1, 2 (Ext B) and 8 (full-width ID, landline) */
    assert_non_null(strstr(report, "4|公民身份号码|"));
    assert_non_null(strstr(report, "5|公民身份号码|"));
    assert_non_null(strstr(report, "6|出生日期|"));
    assert_non_null(strstr(report, "7|性别|too few columns: 3 of 9") || strstr(report, "7|民族|"));
    assert_non_null(strstr(report, "8|公民身份号码|Excel"));
    assert_non_null(strstr(report, "10|姓名|the GB18030 character starting with byte 0xD6"));
    free(report);
    ledger_close(l);
}

/* A resident ledger of text (n bytes) written to name, opened as UTF-8. */
static struct ledger *residents_ledger(const char *name, const char *text, size_t n)
{
    const char *path = write_file(name, text, n);
    struct ledger *l;
    char *why;
    assert_int_equal(ledger_open(path, &ledger_residents, 0, CODEC_UTF8, &l, &why), 0);
    return l;
}

/* The next row of l, which must pass every check, into *r (caller frees). */
static void row_good(struct ledger *l, struct resident *r)
{
    struct ledger_row row;
    assert_int_equal(ledger_next(l, &row), 1);
    struct ledger_problems p = {0};
    int upgraded;
    assert_int_equal(ledger_row_check(l, &row, r, &upgraded, &p), 0);
}

static void utf8_bom_tabs(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBF姓名\t居民身份证号\t人员标签\n张三\t110101199003074477\t空巢老"
                        "人；党员、党员\n";
    struct ledger *l = residents_ledger("tab.txt", text, sizeof text - 1);
    assert_int_equal(ledger_codec(l), CODEC_UTF8);
    struct resident r;
    row_good(l, &r);
    assert_str(r.name, "张三");
    assert_str(r.tags, "空巢老人、党员");
    assert_str(r.birth_date, "1990-03-07"); /* from the ID */
    assert_int_equal(r.gender, 'M');
    resident_free(&r);
    struct ledger_row row;
    assert_int_equal(ledger_next(l, &row), 0);
    ledger_close(l);
}

/* A tags cell saying none (「-」, 「—」, 「无」) makes no tag; beside a tag, it is left out. */
static void tags_saying_none(void **state)
{
    (void)state;
    const char text[] = "姓名,居民身份证号,人员标签\n张三,110101199003074477,-\n"
                        "李四,110105194912310070,无\n王五,110105195001010012,党员、——\n";
    struct ledger *l = residents_ledger("none.csv", text, sizeof text - 1);
    const char *want[] = {"", "", "党员"};
    for (size_t i = 0; i < 3; i++) {
        struct resident r;
        row_good(l, &r);
        assert_str(r.tags, want[i]);
        resident_free(&r);
    }
    ledger_close(l);
    assert_true(text_says_none("－"));
    assert_true(text_says_none("暂无"));
    assert_false(text_says_none("无业"));
    assert_false(text_says_none("-党员"));
    assert_false(text_says_none(""));
}

/* Cells' line breaks: no space between Chinese characters, one otherwise, 、 in a list. */
static void joined_lines(void **state)
{
    (void)state;
    const char text[] =
        "姓名,居民身份证号,住址,人员标签\n"
        "\"张\r\n 三 \",110101199003074477,\"Room 3\nB座\",\"党员、\n低保户\n退役军人\"\n"
        "李四,110101199003074477,和平路,\n";
    struct ledger *l;
    char *why;
    assert_int_equal(ledger_open_buffer("lines.csv", text, sizeof text - 1, &ledger_residents, 0,
                                        CODEC_UTF8, &l, &why),
                     0);
    struct ledger_row row;
    assert_int_equal(ledger_next(l, &row), 1);
    assert_str(ledger_value_of(l, &row, LF_NAME), "张三");
    assert_str(ledger_value_of(l, &row, LF_ADDRESS), "Room 3 B座");
    assert_str(ledger_value_of(l, &row, LF_TAGS), "党员、低保户、退役军人"); /* no 、、 */
    assert_int_equal(ledger_joined(l), 3);
    assert_int_equal(row.line, 2);
    /* The next row is numbered as a spreadsheet shows it (row 3), not by the file's lines (7). */
    assert_int_equal(ledger_next(l, &row), 1);
    assert_str(ledger_value_of(l, &row, LF_NAME), "李四");
    assert_int_equal(row.line, 3);
    ledger_close(l);
}

static void refusals(void **state)
{
    (void)state;
    struct ledger *l;
    char *why;
    const char *path = write_file("utf16.csv", "\xFF\xFE\x53\x00", 4);
    assert_int_equal(ledger_open(path, &ledger_residents, 0, CODEC_UTF8, &l, &why), -1);
    assert_non_null(strstr(why, "UTF-16"));
    free(why);
    path = write_file("empty.csv", "", 0);
    assert_int_equal(ledger_open(path, &ledger_residents, 0, CODEC_UTF8, &l, &why), -1);
    free(why);
    /* Forcing UTF-8 on a GBK header says so. */
    path = write_file("gbk.csv", "\xD0\xD5\xC3\xFB\r\n", 6); /* 姓名 in GBK */
    assert_int_equal(ledger_open(path, &ledger_residents, 1, CODEC_UTF8, &l, &why), -1);
    assert_non_null(strstr(why, "UTF-8"));
    free(why);
    assert_int_equal(ledger_open(path, &ledger_residents, 1, CODEC_GBK, &l, &why), 0);
    assert_str(ledger_column_name(l, 0), "姓名");
    ledger_close(l);
}

/* The problems a one-row residents ledger gets, joined "column: reason; ..." (caller frees). */
static char *row_problems(const char *data, size_t n)
{
    struct ledger *l;
    char *why = NULL;
    assert_int_equal(
        ledger_open_buffer("t.csv", data, n, &ledger_residents, 0, CODEC_UTF8, &l, &why), 0);
    struct ledger_row row;
    assert_int_equal(ledger_next(l, &row), 1);
    struct ledger_problems p = {0};
    struct resident r;
    int upgraded;
    ledger_row_check(l, &row, &r, &upgraded, &p);
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < p.n; i++)
        strbuf_addf(&sb, "%s%s: %s", i ? "; " : "", p.v[i].column, p.v[i].reason);
    resident_free(&r);
    ledger_problems_free(&p);
    ledger_close(l);
    return strbuf_detach(&sb);
}

#define HEAD "姓名,居民身份证号,人员标签,住址\n"
#define ID   "11010519491231002X"

/* No cell of any column is cut, nor carries a control to a terminal: the row is refused. */
static void hostile_cells(void **state)
{
    (void)state;
    static const char nul_name[] = HEAD "张\0三," ID ",,和平路\n";
    char *p = row_problems(nul_name, sizeof nul_name - 1);
    assert_non_null(strstr(p, "姓名: a NUL byte (character 2 of the line)"));
    free(p);
    static const char nul_tag[] = HEAD "张三," ID ",党\0员,和平路\n";
    p = row_problems(nul_tag, sizeof nul_tag - 1);
    assert_non_null(strstr(p, "人员标签: a NUL byte"));
    free(p);
    static const char osc_tag[] = HEAD "张三," ID ",\x1b]0;x\x07,和平路\n";
    p = row_problems(osc_tag, sizeof osc_tag - 1);
    assert_str(p, "人员标签: character 1 is a control character (U+001B)");
    free(p);
    /* A single-line field's cell is taken as read once checked: the check is the only one. */
    static const char esc_address[] = HEAD "张三," ID ",,和平\x1b[2J路\n";
    p = row_problems(esc_address, sizeof esc_address - 1);
    assert_str(p, "住址: character 3 is a control character (U+001B)");
    free(p);
    static const char bidi[] = HEAD "张三," ID ",,\xe2\x80\xae和平路\n";
    p = row_problems(bidi, sizeof bidi - 1);
    assert_str(p, "住址: character 1 is a text direction control (U+202E)");
    free(p);
    static const char long_tag[] =
        HEAD "张三," ID ",一二三四五六七八九十一二三四五六七八九十一,和平路\n";
    p = row_problems(long_tag, sizeof long_tag - 1);
    assert_non_null(strstr(p, "人员标签: 一二三"));
    free(p);
}

/* A cell longer than its form allows is a row error, as in the form. */
static void long_cells(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, HEAD "张三," ID ",,");
    for (int i = 0; i < 300000; i++)
        strbuf_adds(&sb, "路");
    strbuf_adds(&sb, "\n");
    char *p = row_problems(sb.buf, sb.len);
    assert_str(p, "住址: too long: 300000 characters, at most 60");
    free(p);
    strbuf_free(&sb);
}

/* A huge header or row is refused with its size, never quoted whole. */
static void huge_ledgers(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    struct ledger *l;
    char *why = NULL;
    for (int i = 0; i < 1000000; i++)
        strbuf_adds(&sb, "a,");
    strbuf_adds(&sb, "\n");
    assert_int_equal(
        ledger_open_buffer("wide.csv", sb.buf, sb.len, &ledger_residents, 0, CODEC_UTF8, &l, &why),
        -1);
    assert_non_null(strstr(why, "KB long"));
    assert_true(strlen(why) < 300);
    free(why);
    strbuf_reset(&sb);
    for (int i = 0; i < 600; i++)
        strbuf_addf(&sb, "c%d,", i);
    strbuf_adds(&sb, "\n");
    assert_int_equal(
        ledger_open_buffer("cols.csv", sb.buf, sb.len, &ledger_residents, 0, CODEC_UTF8, &l, &why),
        -1);
    assert_non_null(strstr(why, "601 columns"));
    free(why);
    strbuf_reset(&sb);
    strbuf_adds(&sb, HEAD "张三," ID ",,");
    for (int i = 0; i < 2000000; i++)
        strbuf_adds(&sb, "a");
    strbuf_adds(&sb, "\n");
    char *p = row_problems(sb.buf, sb.len);
    assert_str(p, "姓名: the row is 1953 KB long: at most 1024 KB");
    free(p);
    strbuf_free(&sb);
}

/* A line a clerk types for holidays and 调休 days: a date or a range, 休 or 班, a name. */
static void calendar_ranges(void **state)
{
    (void)state;
    struct date from, to;
    int working = -1;
    char *name;
    assert_null(
        workcal_parse_range("2027-10-01..2027-10-07 休 国庆节", &from, &to, &working, &name));
    assert_int_equal(from.day, 1);
    assert_int_equal(to.day, 7);
    assert_int_equal(working, 0);
    assert_string_equal(name, "国庆节");
    free(name);
    assert_null(workcal_parse_range("２０２７-09-26 班", &from, &to, &working, &name));
    assert_int_equal(from.day, 26);
    assert_int_equal(to.day, 26);
    assert_int_equal(working, 1);
    assert_string_equal(name, "");
    free(name);
    assert_null(
        workcal_parse_range("2027-01-01～2027-01-03 放假 元旦", &from, &to, &working, &name));
    assert_int_equal(to.day, 3);
    free(name);
    assert_null(workcal_parse_range("2027-01-01至2027-01-02 休", &from, &to, &working, &name));
    free(name);
    /* Refused, with nothing to free. */
    assert_non_null(workcal_parse_range("2027-10-07..2027-10-01 休", &from, &to, &working, &name));
    assert_null(name);
    assert_non_null(workcal_parse_range("2027-01-01..2027-03-01 休", &from, &to, &working, &name));
    /* A day that is not there is named, not called a format error. */
    const char *why = workcal_parse_range("2027-02-30 休", &from, &to, &working, &name);
    assert_non_null(why);
    assert_non_null(strstr(why, "2027-02-30"));
    why = workcal_parse_range("2027-02-27..2027-02-30 休", &from, &to, &working, &name);
    assert_non_null(strstr(why, "2027-02-30"));
    why = workcal_parse_range("2027-02-30..十月 休", &from, &to, &working, &name);
    assert_null(strstr(why, "2027-02-30"));
    /* Two ranges run on into one line (a paste joined) are not one range with a long name. */
    assert_non_null(workcal_parse_range("2027-02-05..2027-02-13 休 春节 2027-02-14 班 春节调休",
                                        &from, &to, &working, &name));
    assert_null(name);
    assert_non_null(workcal_parse_range("2027-10-01 歇", &from, &to, &working, &name));
    assert_non_null(workcal_parse_range("2027-10-01", &from, &to, &working, &name));
    assert_null(name);
    assert_int_equal(workcal_weekday(workcal_day_number((struct date){2027, 9, 26})), 0);
    assert_int_equal(workcal_weekday(workcal_day_number((struct date){2027, 1, 1})), 5);
}

/* What a range typed does to the days recorded: the weekends filled are for it to replace. */
static void calendar_range_effects(void **state)
{
    (void)state;
    char d02[] = "2027-10-02", d04[] = "2027-10-04", d05[] = "2027-10-05";
    char weekend[] = "周末", holiday[] = "国庆节";
    struct calendar_day days[] = {
        {.day = d02, .working = 0, .name = weekend},
        {.day = d04, .working = 0, .name = holiday},
        {.day = d05, .working = 0, .name = holiday},
    };
    long first;
    int idle;
    struct date d1 = {2027, 10, 1}, d2 = {2027, 10, 2}, d4 = {2027, 10, 4}, d7 = {2027, 10, 7};
    /* The holiday over the weekend filled and the days typed the same: nothing replaced. */
    assert_int_equal(workcal_range_replaces(days, 3, d1, d7, 0, "国庆节", "周末", &first, &idle),
                     0);
    assert_int_equal(first, -1);
    assert_false(idle);
    /* The same days as days worked, or named otherwise: replaced, the first said. */
    assert_int_equal(workcal_range_replaces(days, 3, d1, d7, 1, "调休", "周末", &first, &idle), 2);
    assert_int_equal(first, 1);
    assert_int_equal(workcal_range_replaces(days, 3, d4, d4, 0, "中秋节", "周末", &first, &idle),
                     1);
    /* A day worked on a weekday none recorded changes nothing; on a weekend it does. */
    struct date wed = {2027, 10, 13}, sat = {2027, 10, 9};
    assert_int_equal(workcal_range_replaces(days, 3, wed, wed, 1, "", "周末", &first, &idle), 0);
    assert_true(idle);
    workcal_range_replaces(days, 3, sat, sat, 1, "国庆节调休", "周末", &first, &idle);
    assert_false(idle);
    workcal_range_replaces(days, 3, d2, d2, 1, "", "周末", &first, &idle);
    assert_false(idle);
    workcal_range_replaces(days, 3, wed, wed, 0, "", "周末", &first, &idle);
    assert_false(idle);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_and_fields),     cmocka_unit_test(writing),
        cmocka_unit_test(header_names),           cmocka_unit_test(gb18030_ledger),
        cmocka_unit_test(utf8_bom_tabs),          cmocka_unit_test(tags_saying_none),
        cmocka_unit_test(joined_lines),           cmocka_unit_test(refusals),
        cmocka_unit_test(hostile_cells),          cmocka_unit_test(long_cells),
        cmocka_unit_test(huge_ledgers),           cmocka_unit_test(calendar_ranges),
        cmocka_unit_test(calendar_range_effects),
    };
    return cmocka_run_group_tests_name("ledger", tests, setup, teardown);
}
