/* Unit tests for the resident rules: ID numbers, phones, dates, names, cross-checks. */
#include "unit.h"
#include "src/date.h"
#include "src/idcard.h"
#include "src/namegen.h"
#include "src/phone.h"
#include "src/resident.h"

#include <stdio.h>

static void id_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        enum idcard_error want;
    } v[] = {
        {"11010519491231002X", IDCARD_OK},
        {"440524188001010014", IDCARD_OK},
        {"34052419800101001X", IDCARD_OK},
        {"513101198201130014", IDCARD_OK},
        {"110101199003074477", IDCARD_OK},
        {"110105194912310021", IDCARD_CHECK},
        {"110105194902310026", IDCARD_DATE},
        {"991010194912310020", IDCARD_REGION},
        {"1101051949123100", IDCARD_LENGTH},
        {"110105299001010016", IDCARD_FUTURE},
        {"11010519491231002x", IDCARD_OK},
        {"1.20101E+17", IDCARD_EXCEL},
        /* 120101199003074475 in a number cell: Excel keeps 15 digits */
        {"120101199003074000", IDCARD_ZEROS},
        {"12010119900307447A", IDCARD_CHARS},
        {"", IDCARD_EMPTY},
        /* Read as typed when it is digits and a capital X of 15 or 18, else normalized first. */
        {" 11010519491231002X", IDCARD_OK},
        {"11010519491231002X0", IDCARD_LENGTH},
        {"991010491231002", IDCARD_REGION},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        struct idcard id;
        enum idcard_error got = idcard_parse(v[i].in, &id);
        if (got != v[i].want) fail_msg("%s: got %d, want %d", v[i].in, got, v[i].want);
    }
    struct idcard id;
    assert_int_equal(idcard_parse("11010519491231002X", &id), IDCARD_OK);
    assert_int_equal(id.birth.year, 1949);
    assert_int_equal(id.birth.month, 12);
    assert_int_equal(id.birth.day, 31);
    assert_int_equal(id.gender, 'F');
    assert_int_equal(idcard_parse("110105194912310021", &id), IDCARD_CHECK);
    assert_int_equal(id.expected, 'X');
    char *msg = idcard_message(IDCARD_CHECK, &id);
    assert_non_null(strstr(msg, "X"));
    free(msg);
}

static void id_normalised(void **state)
{
    (void)state;
    struct idcard id;
    /* Full-width digits, a lowercase x and stray spaces, as an IME types them. */
    assert_int_equal(idcard_parse(" １１０１０５　19491231 002x\t", &id), IDCARD_OK);
    assert_str(id.number, "11010519491231002X");
    /* A first-generation 15-digit number is upgraded. */
    assert_int_equal(idcard_parse("110105491231002", &id), IDCARD_OK);
    assert_str(id.number, "11010519491231002X");
    assert_true(id.upgraded);
    char *msg = idcard_message(IDCARD_OK, &id);
    assert_non_null(msg);
    free(msg);
}

/* For random valid bodies exactly one of the 11 check characters is accepted. */
static void id_property(void **state)
{
    (void)state;
    struct rng r;
    rng_seed(&r, 42);
    const char checks[] = "0123456789X";
    for (int t = 0; t < 2000; t++) {
        char body[19];
        snprintf(body, sizeof body, "%02u%04u%04u%02u%02u%03u", 11 + rng_below(&r, 5),
                 rng_below(&r, 10000), 1900 + rng_below(&r, 120), 1 + rng_below(&r, 12),
                 1 + rng_below(&r, 28), rng_below(&r, 1000));
        int accepted = 0;
        for (int c = 0; c < 11; c++) {
            body[17] = checks[c];
            body[18] = '\0';
            struct idcard id;
            if (idcard_parse(body, &id) == IDCARD_OK) accepted++;
        }
        if (accepted != 1) fail_msg("%.17s: %d check characters accepted", body, accepted);
    }
}

static void id_masked(void **state)
{
    (void)state;
    char *out = resident_masked_id("12010119900307123X");
    assert_str(out, "120***********123X");
    free(out);
    out = resident_masked_id("１２０１０１１９９００３０７１２３ｘ");
    assert_str(out, "120***********123X");
    free(out);
    out = resident_masked_phone("138 0013 8000");
    assert_str(out, "138****8000");
    free(out);
    out = resident_masked_phone("8000");
    assert_str(out, "8000");
    free(out);
}

static void mobiles(void **state)
{
    (void)state;
    const char *good[] = {"13800138000",      "+86 138-0013-8000", "１３８００１３８０００",
                          "0086 13800138000", "8613800138000",     "138 0013 8000",
                          "13800138000.0"}; /* a number cell kept its decimal point */
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char out[12];
        const char *why = phone_mobile(good[i], out);
        if (why) fail_msg("%s: %s", good[i], why);
        assert_str(out, "13800138000");
    }
    const char *bad[] = {"12345678901",   "1380013800", "138001380001",
                         "1064899990000", "",           "13800abc000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char out[12];
        if (!phone_mobile(bad[i], out)) fail_msg("%s accepted", bad[i]);
    }
    /* Excel's damage is named as such, as an ID number's is. */
    char out[12];
    const char *why = phone_mobile("1.38001E+10", out);
    assert_non_null(why);
    assert_non_null(strstr(why, "Excel"));
}

static void landlines(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } v[] = {{"022-23456789", "022-23456789"}, {"02223456789", "022-23456789"},
             {"23456789", "23456789"},         {"(022)23456789", "022-23456789"},
             {"0311-8765432", "0311-8765432"}, {"022-23456789-801", "022-23456789-801"}};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char out[40];
        const char *why = phone_landline(v[i].in, out, sizeof out);
        if (why) fail_msg("%s: %s", v[i].in, why);
        assert_str(out, v[i].want);
    }
    char out[40];
    assert_non_null(phone_landline("022-123", out, sizeof out));
    assert_non_null(phone_landline("电话", out, sizeof out));
}

static void dates(void **state)
{
    (void)state;
    /* ASCII digits and separators are read as they are; anything else normalized first. */
    const char *forms[] = {"1990-03-07",   "1990/3/7",     "1990.3.7",
                           "19900307",     "1990年3月7日", "１９９０－０３－０７",
                           " 1990-03-07 ", "1990 03 07"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        struct date d;
        if (date_parse(forms[i], &d) != DATE_OK) fail_msg("%s not parsed", forms[i]);
        char iso[11];
        assert_str(date_format(&d, iso), "1990-03-07");
    }
    struct date d;
    assert_int_equal(date_parse("2023-02-29", &d), DATE_IMPOSSIBLE);
    assert_int_equal(date_parse("2024-02-29", &d), DATE_OK);
    assert_int_equal(date_parse("1990-13-01", &d), DATE_IMPOSSIBLE);
    assert_int_equal(date_parse("三月七日", &d), DATE_NOT_A_DATE);
    assert_int_equal(date_parse("1990-3", &d), DATE_NOT_A_DATE);
    assert_int_equal(date_parse("1990-03-07-", &d), DATE_NOT_A_DATE);
    assert_int_equal(date_parse("1990-03-07.1", &d), DATE_NOT_A_DATE);
    assert_int_equal(date_parse("", &d), DATE_NOT_A_DATE);
    /* A ledger's cell may hold a date and a time, as Excel writes a date-and-time cell. */
    static const char *const timed[] = {"1990/3/7 14:36", "1990-03-07T00:00:00",
                                        "1990年3月7日 23:59:59", "1990-03-07  9：05"};
    for (size_t i = 0; i < sizeof timed / sizeof timed[0]; i++) {
        if (date_parse_cell(timed[i], &d) != DATE_OK) fail_msg("%s not parsed", timed[i]);
        char iso[11];
        assert_str(date_format(&d, iso), "1990-03-07");
        assert_int_equal(date_parse(timed[i], &d), DATE_NOT_A_DATE); /* a form's date has none */
    }
    assert_int_equal(date_parse_cell("1990-03-07", &d), DATE_OK);
    assert_int_equal(date_parse_cell("1990-03-07 25:00", &d), DATE_NOT_A_DATE);
    assert_int_equal(date_parse_cell("1990-02-30 10:00", &d), DATE_IMPOSSIBLE);
    assert_int_equal(date_parse_cell(" 14:36", &d), DATE_NOT_A_DATE);
    int minute = -1;
    assert_int_equal(date_time_at("2025/12/6 14:36:59", &minute), 9);
    assert_int_equal(minute, 14 * 60 + 36);
    assert_int_equal(date_time_at("1990 03 07", &minute), -1);
    assert_int_equal(date_time_at("14:36", &minute), -1);
    struct date birth = {2000, 6, 15};
    time_t now = 0;
    struct tm tm = {0};
    tm.tm_year = 2026 - 1900;
    tm.tm_mon = 5;
    tm.tm_mday = 14;
    tm.tm_hour = 12;
    now = mktime(&tm);
    assert_int_equal(date_age(&birth, now), 25);
}

static void names_and_fields(void **state)
{
    (void)state;
    char *n = resident_normalize_name(" 买买提•艾力 ");
    assert_str(n, "买买提·艾力");
    assert_null(resident_check_name(n));
    free(n);
    n = resident_normalize_name(" 王 五 "); /* a Chinese name is written with no space */
    assert_str(n, "王五");
    free(n);
    assert_null(resident_check_name("王𠇔"));
    assert_null(resident_check_name("刘䶮"));
    assert_non_null(resident_check_name(""));
    assert_non_null(resident_check_name("张3"));
    assert_str(resident_check_name("王😀五"), "A name has no emoji or symbols");
    assert_non_null(resident_check_name("王★五"));
    assert_non_null(resident_check_name("居民反映楼道照明损坏多日,夜间出行不便"));
    assert_non_null(resident_check_name("张三（小名）"));
    assert_null(resident_check_name("Anna-Maria O'Neil"));
    assert_non_null(resident_check_name("王❤️五"));
    assert_null(resident_check_name("买买提∙艾力")); /* a dot an input method brings */
    assert_null(resident_check_name("Mary Smith"));
    assert_non_null(
        resident_check_name("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"));
    /* A search that reads as a name gives the new resident's form its name; pinyin and digits
     * do not. */
    n = resident_name_from_search(" 买买提•艾力 ");
    assert_str(n, "买买提·艾力");
    free(n);
    assert_null(resident_name_from_search("zs"));
    assert_null(resident_name_from_search("zhangsan"));
    assert_null(resident_name_from_search("6629"));
    assert_null(resident_name_from_search("张3"));
    assert_null(resident_name_from_search(""));
    assert_null(resident_name_from_search(NULL));
    assert_str(resident_ethnicity_find("汉"), "汉族");
    assert_str(resident_ethnicity_find("维吾尔族"), "维吾尔族");
    assert_null(resident_ethnicity_find("火星族"));
    int count;
    resident_ethnicities(&count);
    assert_int_equal(count, 56);
    assert_int_equal(resident_parse_gender("男"), 'M');
    assert_int_equal(resident_parse_gender("女"), 'F');
    assert_int_equal(resident_parse_gender(""), 0);
    assert_int_equal(resident_parse_gender("未知"), -1);
}

static void cross_checks(void **state)
{
    (void)state;
    struct idcard id;
    assert_int_equal(idcard_parse("110101199003074477", &id), IDCARD_OK); /* a man, 1990-03-07 */
    assert_null(resident_birth_mismatch("1990-03-07", &id));
    assert_null(resident_birth_mismatch("", &id));
    char *m = resident_birth_mismatch("1990-03-08", &id);
    assert_non_null(m);
    assert_non_null(strstr(m, "1990-03-07"));
    free(m);
    assert_null(resident_gender_mismatch('M', &id));
    m = resident_gender_mismatch('F', &id);
    assert_non_null(m);
    free(m);
}

static void records(void **state)
{
    (void)state;
    struct resident a, b;
    resident_init(&a);
    record_set(&a.name, "张三");
    record_set(&a.tags, "党员");
    resident_copy(&b, &a);
    record_set(&a.name, "李四");
    assert_str(b.name, "张三");
    assert_str(b.tags, "党员");
    record_set(&b.birth_date, "2015-01-01");
    assert_true(resident_is_minor(&b, time(NULL)));
    record_set(&b.birth_date, "1950-01-01");
    assert_false(resident_is_minor(&b, time(NULL)));
    resident_free(&a);
    resident_free(&b);
}

/* The rules of a status change: reason, date (not in the future), where to; merged is final. */
static void status_rules(void **state)
{
    (void)state;
    time_t now = 1772443800; /* 2026-03-02 09:30 UTC */
    assert_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_MOVED, "2026-02-28", "", "河北区",
                                      "来电", now));
    assert_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_DECEASED, "2026-03-02", "", "",
                                      "告知", now));
    assert_null(
        resident_status_check(RESIDENT_MOVED, RESIDENT_PRESENT, "", "", "", "登记有误", now));
    assert_non_null(
        resident_status_check(RESIDENT_PRESENT, RESIDENT_MOVED, "2026-02-28", "", "", "来电", now));
    assert_non_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_MOVED, "2026-02-28", "",
                                          "河北区", "", now));
    assert_non_null(
        resident_status_check(RESIDENT_PRESENT, RESIDENT_DECEASED, "", "", "", "告知", now));
    assert_non_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_DECEASED, "2026-03-03", "", "",
                                          "告知", now));
    assert_non_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_DECEASED, "2026-02-30", "", "",
                                          "告知", now));
    assert_non_null(resident_status_check(RESIDENT_DECEASED, RESIDENT_DECEASED, "2026-03-01", "",
                                          "", "告知", now));
    assert_non_null(resident_status_check(RESIDENT_MERGED, RESIDENT_PRESENT, "", "", "", "x", now));
    assert_non_null(
        resident_status_check(RESIDENT_PRESENT, RESIDENT_MERGED, "2026-03-01", "", "", "x", now));
    /* Not before the birth; a date typed with slashes will do. */
    assert_non_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_MOVED, "1980-01-01",
                                          "1985-03-15", "河北区", "来电", now));
    assert_null(resident_status_check(RESIDENT_PRESENT, RESIDENT_DECEASED, "2026/2/28",
                                      "1985-03-15", "", "告知", now));
    /* The date alone, as its own prompt asks it. */
    assert_null(resident_status_date_check("2026-02-28", "1985-03-15", now));
    assert_non_null(resident_status_date_check("2026-02-30", "", now));
    assert_non_null(resident_status_date_check("1980-01-01", "1985-03-15", now));
    assert_int_equal(resident_status_parse(""), RESIDENT_PRESENT);
    assert_int_equal(resident_status_parse("deceased"), RESIDENT_DECEASED);
    assert_int_equal(resident_status_parse("gone"), -1);
    assert_str(resident_status_code(RESIDENT_MOVED), "moved");
    struct resident r;
    resident_init(&r);
    record_set(&r.status, "moved");
    record_set(&r.status_date, "2026-02-28");
    record_set(&r.status_place, "河北区");
    char *line = resident_status_line(&r);
    assert_non_null(strstr(line, "2026-02-28"));
    assert_non_null(strstr(line, "河北区"));
    free(line);
    resident_free(&r);
}

/* Merging: the fields that differ (tags aside), each taken with what goes with it. */
static void merge_fields(void **state)
{
    (void)state;
    struct resident a, b;
    resident_init(&a);
    resident_init(&b);
    record_set(&a.name, "王秀蓝");
    record_set(&a.id_number, "110101199003074477");
    record_set(&a.tags, "空巢老人");
    record_set(&b.name, "王秀兰");
    record_set(&b.phone, "13812345678");
    record_set(&b.tags, "党员");
    b.community_id = 7;
    record_set(&b.community, "滨江道社区");
    b.grid_id = 9;
    record_set(&b.grid, "滨江道第1网格");
    size_t f[24];
    size_t n = resident_merge_differences(&a, &b, f, 24);
    /* name, ID number, mobile, community (with its grid): not the tags. */
    assert_int_equal(n, 4);
    for (size_t i = 0; i < n; i++)
        assert_string_not_equal(resident_record.fields[f[i]].name, "tags");
    resident_merge_take(&a, &b, (size_t)record_field_index(&resident_record, "community_id"));
    assert_int_equal(a.community_id, 7);
    assert_int_equal(a.grid_id, 9);
    assert_str(a.community, "滨江道社区");
    assert_str(a.grid, "滨江道第1网格");
    resident_merge_take(&a, &b, (size_t)record_field_index(&resident_record, "name"));
    assert_str(a.name, "王秀兰");
    assert_str(a.id_number, "110101199003074477");
    assert_false(resident_ids_differ(&a, &b)); /* b has none */
    record_set(&b.id_number, "120101195601010127");
    assert_true(resident_ids_differ(&a, &b));
    record_set(&b.id_number, "110101199003074477");
    assert_false(resident_ids_differ(&a, &b));
    resident_free(&a);
    resident_free(&b);
}

int main(void)
{
    unit_locale();
    setenv("TZ", "UTC", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(id_vectors),   cmocka_unit_test(id_normalised),
        cmocka_unit_test(id_property),  cmocka_unit_test(id_masked),
        cmocka_unit_test(mobiles),      cmocka_unit_test(landlines),
        cmocka_unit_test(dates),        cmocka_unit_test(names_and_fields),
        cmocka_unit_test(cross_checks), cmocka_unit_test(records),
        cmocka_unit_test(status_rules), cmocka_unit_test(merge_fields),
    };
    return cmocka_run_group_tests_name("resident", tests, NULL, NULL);
}
