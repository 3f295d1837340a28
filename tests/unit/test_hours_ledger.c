/*
** Unit tests of the hours ledger and reports' own rules: the first day a
** confirmed record counts (the notice period in working days, over
** weekends, holidays and 调休 working days), a month or a year as typed
** for a report, the headers a clerk's hours sheet uses, and the key that
** names a row's record.
*/
#include "unit.h"
#include "app/hours_ledger.h"
#include "app/hours_report.h"
#include "src/date.h"
#include "src/hours.h"
#include "src/hours_ledger.h"
#include "src/workcal.h"

static void mark(struct workcal *c, const char *day, int working)
{
    struct date d;
    assert_int_equal(date_parse(day, &d), DATE_OK);
    workcal_mark(c, d, working);
}

static void counts_after_the_notice(void **state)
{
    (void)state;
    struct workcal c;
    workcal_init(&c);
    char out[11];
    /* Confirmed on a Monday: Tue, Wed, Thu on notice; it counts from Friday. */
    assert_string_equal(hours_counts_from_text(&c, "2026-03-09", 3, out), "2026-03-13");
    /* Confirmed on a Sunday: Mon to Wed on notice, counts from Thursday. */
    assert_string_equal(hours_counts_from_text(&c, "2026-03-08", 3, out), "2026-03-12");
    /* Over a weekend: confirmed Thursday, Fri, Mon, Tue on notice, counts Wednesday. */
    assert_string_equal(hours_counts_from_text(&c, "2026-03-12", 3, out), "2026-03-18");
    /* No notice: the day of the confirmation. */
    assert_string_equal(hours_counts_from_text(&c, "2026-03-08", 0, out), "2026-03-08");
    /* 国庆 2026: 10-01..10-07 off, Saturday 10-10 worked (调休). */
    static const char *const golden_week[] = {"2026-10-01", "2026-10-02", "2026-10-03",
                                              "2026-10-04", "2026-10-05", "2026-10-06",
                                              "2026-10-07"};
    for (size_t i = 0; i < 7; i++)
        mark(&c, golden_week[i], 0);
    mark(&c, "2026-10-10", 1);
    /* Confirmed 09-30: 10-08, 10-09, 10-10 (worked) on notice; counts from Sunday 10-11. */
    assert_string_equal(hours_counts_from_text(&c, "2026-09-30", 3, out), "2026-10-11");
    assert_null(hours_counts_from_text(&c, "2026-02-30", 3, out));
    workcal_free(&c);
}

static void periods_as_typed(void **state)
{
    (void)state;
    struct hours_period p;
    assert_int_equal(hours_period_parse("2026-02", &p), 0);
    assert_string_equal(p.from, "2026-02-01");
    assert_string_equal(p.to, "2026-02-28");
    assert_string_equal(p.name, "2026-02");
    assert_false(p.year);
    assert_int_equal(hours_period_parse("2028-2", &p), 0);
    assert_string_equal(p.to, "2028-02-29");
    assert_int_equal(hours_period_parse("２０２５", &p), 0); /* full-width, as an IME types */
    assert_true(p.year);
    assert_string_equal(p.from, "2025-01-01");
    assert_string_equal(p.to, "2025-12-31");
    assert_int_equal(hours_period_parse("2026-13", &p), -1);
    assert_int_equal(hours_period_parse("2026-03-01", &p), -1);
    assert_int_equal(hours_period_parse("26", &p), -1);
    assert_int_equal(hours_period_parse("", &p), -1);
}

static void headers_of_a_sheet(void **state)
{
    (void)state;
    assert_int_equal(ledger_schema_field(&ledger_hours, "志愿者编号"), HF_NUMBER);
    assert_int_equal(ledger_schema_field(&ledger_hours, "活动名称"), HF_ACTIVITY);
    assert_int_equal(ledger_schema_field(&ledger_hours, "服务日期"), HF_DAY);
    assert_int_equal(ledger_schema_field(&ledger_hours, "签 到"), HF_IN);
    assert_int_equal(ledger_schema_field(&ledger_hours, "时长(分钟)"), HF_MINUTES);
    assert_int_equal(ledger_schema_field(&ledger_hours, "审核人"), HF_CONFIRMER);
    assert_int_equal(ledger_schema_field(&ledger_hours, "序号"), LEDGER_IGNORED);
    assert_int_equal(ledger_schema_field(&ledger_hours, "家庭住址"), LEDGER_UNKNOWN);
    assert_string_equal(ledger_schema_header(&ledger_hours, HF_REQUEST), "关联诉求编号");
}

/* The key names a row's record; a row with a part not read names none, so repeats no row. */
static void key_of_a_row(void **state)
{
    (void)state;
    struct hours_entry e;
    record_init(&hours_entry_record, &e);
    record_set(&e.number, "2024000001");
    record_set(&e.activity, "敬老院探访");
    record_set(&e.day, "2026-03-07");
    record_set(&e.sign_in, "14:30");
    hours_entry_key(&e);
    assert_string_equal(e.key, "2024000001 敬老院探访 2026-03-07 14:30");
    record_set(&e.number, ""); /* 1.20101E+17, 201800003: refused, neither is a volunteer */
    hours_entry_key(&e);
    assert_string_equal(e.key, "");
    record_set(&e.number, "2024000001");
    record_set(&e.day, "");
    hours_entry_key(&e);
    assert_string_equal(e.key, "");
    record_set(&e.day, "2026-03-07");
    record_set(&e.sign_in, "");
    hours_entry_key(&e);
    assert_string_equal(e.key, "");
    record_free(&hours_entry_record, &e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_after_the_notice),
        cmocka_unit_test(periods_as_typed),
        cmocka_unit_test(headers_of_a_sheet),
        cmocka_unit_test(key_of_a_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
