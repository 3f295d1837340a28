/*
** Unit tests for src/chart (braille and ASCII plots, panels, axis, scales),
** the rates' groupings, periods and month spans (src/rates), and when a
** request was overdue (src/request).
*/
#include "unit.h"
#include "src/chart.h"
#include "src/rates.h"
#include "src/request.h"

/* The rows of a plot joined by '|', then freed. */
static char *joined(char **rows, int height)
{
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < height; i++) {
        if (i) strbuf_addc(&sb, '|');
        strbuf_adds(&sb, rows[i]);
    }
    chart_rows_free(rows, height);
    return strbuf_detach(&sb);
}

static void plot_is(const double *v, size_t n, double lo, double hi, enum chart_mark mark, int w,
                    int h, enum chart_style style, const char *expected)
{
    char *got = joined(chart_plot(v, n, lo, hi, mark, w, h, style), h);
    assert_str(got, expected);
    free(got);
}

static void braille_bars(void **state)
{
    (void)state;
    /* A full cell is U+28FF; half a cell the two bottom rows of dots of both columns, U+28E4. */
    plot_is((double[]){4, 2}, 2, 0, 4, CHART_BARS, 2, 1, CHART_BRAILLE, "⣿⣤");
    /* Two rows: 8 steps; 3 of 8 fill the bottom row's three lower dots (U+28F6). */
    plot_is((double[]){8, 3}, 2, 0, 8, CHART_BARS, 2, 2, CHART_BRAILLE, "⣿ |⣿⣶");
    /* Any value above none shows as one dot row; none and no data show nothing. */
    plot_is((double[]){0.01, 0, -1}, 3, 0, 100, CHART_BARS, 3, 1, CHART_BRAILLE, "⣀  ");
}

static void braille_lines(void **state)
{
    (void)state;
    /* 50 of 100 on four dot rows is the second from the top (level 2 of 0..3), in the middle
     * dot column of each slot, joined: U+2810, then U+2812 twice. */
    plot_is((double[]){50, 50}, 2, 0, 100, CHART_LINE, 4, 1, CHART_BRAILLE, "⠐⠒⠒ ");
    /* No line across a month without data: two lone dots (U+2802). */
    plot_is((double[]){50, -1, 50}, 3, 0, 100, CHART_LINE, 3, 1, CHART_BRAILLE, "⠂ ⠂");
    /* From the bottom left to the top right over two cells and one row: dots (0,3), (1,2),
     * (1,1), (2,0), i.e. U+2870 then U+2801. */
    plot_is((double[]){0, 100}, 2, 0, 100, CHART_LINE, 2, 1, CHART_BRAILLE, "⡰⠁");
    /* A scale from 80: 80 is the bottom dot, 100 the top one, over two rows: dots (0,7),
     * (0,6), (1,5), (1,4), (1,3), (1,2), (2,1), (2,0). */
    plot_is((double[]){80, 100}, 2, 80, 100, CHART_LINE, 2, 2, CHART_BRAILLE, "⢠⠃|⡜ ");
}

static void ascii_plots(void **state)
{
    (void)state;
    plot_is((double[]){0, 100}, 2, 0, 100, CHART_LINE, 6, 3, CHART_ASCII, "    * |  ..  | *    ");
    plot_is((double[]){10, 5, 0.1}, 3, 0, 10, CHART_BARS, 3, 2, CHART_ASCII, "#  |##.");
    /* Bars leave a gap each side in slots of three columns or more. */
    plot_is((double[]){1, 1}, 2, 0, 1, CHART_BARS, 8, 1, CHART_ASCII, " ##  ## ");
}

static void panel_and_axis(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    struct chart_panel p = {"响应率", "0.0%", (double[]){100, 0}, 2, 0, 100,
                            "100%",   "0%",   CHART_LINE,         2};
    chart_panel_put(&sb, &p, 18, CHART_ASCII);
    assert_str(strbuf_str(&sb), "响应率   100%|*   \n"
                                "0.0%       0%| .* \n");
    strbuf_reset(&sb);
    chart_axis_put(&sb, (const char *const[]){"12", "01"}, 2, 20);
    assert_str(strbuf_str(&sb), "              12 01 \n");
    strbuf_reset(&sb);
    /* A label too long is cut to its column, never pushing the plot. */
    p.label = "很长很长的名字";
    p.note = NULL;
    p.height = 1;
    chart_panel_put(&sb, &p, 18, CHART_ASCII);
    assert_str(strbuf_str(&sb), "很长很   100%|*.* \n");
    strbuf_free(&sb);
}

static void scales(void **state)
{
    (void)state;
    assert_int_equal((long)chart_nice_top(0), 1);
    assert_int_equal((long)chart_nice_top(7), 10);
    assert_int_equal((long)chart_nice_top(150), 200);
    assert_int_equal((long)chart_nice_top(243), 500);
    assert_int_equal((long)chart_nice_top(1000), 1000);
    assert_int_equal((long)chart_nice_top(1001), 2000);
    assert_int_equal((long)chart_percent_bottom((double[]){85, 92, -1}, 3), 70);
    assert_int_equal((long)chart_percent_bottom((double[]){-1, -1}, 2), 0);
    assert_int_equal((long)chart_percent_bottom((double[]){5}, 1), 0);
    assert_int_equal((long)chart_percent_bottom((double[]){100}, 1), 90);
    char **rows = chart_spark((double[]){0, 2, 4}, 3, 3, 1, CHART_BRAILLE);
    char *got = joined(rows, 1);
    assert_str(got, " ⣤⣿"); /* scaled to its largest */
    free(got);
}

static void groups_and_periods(void **state)
{
    (void)state;
    assert_int_equal(rates_group_parse("unit"), RATE_BY_UNIT);
    assert_int_equal(rates_group_parse("community"), RATE_BY_COMMUNITY);
    assert_int_equal(rates_group_parse("street"), RATE_BY_STREET);
    assert_int_equal(rates_group_parse("grid"), -1);
    assert_str(rates_group_word(RATE_BY_STREET), "street");

    time_t from, to;
    int which = -1;
    assert_null(rates_period_parse("2026-01-01", "2026/1/31", &from, &to, &which));
    assert_true(from == at("2026-01-01 00:00"));
    assert_true(to == at("2026-02-01 00:00"));
    assert_non_null(rates_period_parse("2026-13-01", "2026-01-31", &from, &to, &which));
    assert_int_equal(which, 0);
    assert_non_null(rates_period_parse("2026-01-01", "明天", &from, &to, &which));
    assert_int_equal(which, 1);
    assert_non_null(rates_period_parse("2026-03-01", "2026-02-28", &from, &to, &which));
    assert_int_equal(which, 2);
    /* One day is a period. */
    assert_null(rates_period_parse("2026-03-01", "20260301", &from, &to, &which));
    assert_true(to - from == 86400);

    time_t starts[13];
    rates_months(at("2026-11-30 09:00"), 12, starts);
    assert_true(starts[0] == at("2025-12-01 00:00"));
    assert_true(starts[1] == at("2026-01-01 00:00"));
    assert_true(starts[11] == at("2026-11-01 00:00"));
    assert_true(starts[12] == at("2026-12-01 00:00"));
    char *span = rates_month_span(starts, 12);
    assert_str(span, "2025-12 to 2026-11");
    free(span);
    /* A period ending at a midnight ends with the month before it. */
    rates_months(at("2026-01-01 00:00"), 2, starts);
    assert_true(starts[0] == at("2025-11-01 00:00"));
}

/* By place, a request counts where it came from, its return too. */
static void tally_by_place(void **state)
{
    (void)state;
    struct rate_tally t;
    rate_tally_init(&t, RATE_BY_STREET, 0);
    struct rate_row r;
    memset(&r, 0, sizeof r);
    r.unit_id = 7, r.unit_code = "U7", r.unit_name = "区民政局";
    r.first_unit_id = 7, r.first_unit_code = "U7", r.first_unit_name = "区民政局";
    r.first_dispatched_at = at("2026-03-02 09:00");
    r.returned_unit_id = 7;
    r.resolved = 1, r.satisfied = 1;
    r.place_id = 2, r.place_code = "S2", r.place_name = "新兴街道";
    rate_tally_add(&t, &r);
    r.returned_unit_id = 0, r.resolved = -1, r.satisfied = 0;
    r.place_id = 1, r.place_code = "S1", r.place_name = "劝业场街道";
    rate_tally_add(&t, &r);
    r.place_id = 0, r.place_code = NULL, r.place_name = NULL;
    rate_tally_add(&t, &r);
    struct rate_counts *rows, all;
    size_t n;
    rate_tally_finish(&t, &rows, &n, &all);
    assert_int_equal(n, 3);
    assert_str(rows[0].unit_name, ""); /* none first */
    assert_str(rows[1].unit_name, "劝业场街道");
    assert_str(rows[2].unit_name, "新兴街道");
    assert_int_equal(rows[2].total, 1);
    assert_int_equal(rows[2].routed, 1);
    assert_int_equal(rows[2].returned, 1);
    assert_int_equal(rows[2].solved, 1);
    assert_int_equal(rows[1].returned, 0);
    assert_int_equal(all.total, 3);
    assert_int_equal(all.routed, 3);
    assert_int_equal(all.returned, 1);
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&rows[i]);
    free(rows);
    rate_counts_free(&all);
}

static void overdue_at(void **state)
{
    (void)state;
    struct request_clocks c;
    memset(&c, 0, sizeof c);
    c.created_at = at("2026-03-02 09:00");
    c.first_dispatched_at = at("2026-03-02 09:00");
    c.accept_due = at("2026-03-02 11:00");
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 08:00")), 0); /* not dispatched yet */
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 10:00")), 0);
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 12:00")), 1); /* not signed for */
    c.accepted_at = at("2026-03-02 12:30");
    c.contact_due = at("2026-03-02 15:00");
    c.resolve_due = at("2026-03-09 17:00");
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 12:00")), 1);
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 13:00")), 0); /* signed for */
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 16:00")), 1); /* no first contact */
    c.contacted_at = at("2026-03-02 14:00");
    assert_int_equal(request_overdue_at(&c, at("2026-03-02 16:00")), 0);
    assert_int_equal(request_overdue_at(&c, at("2026-03-10 09:00")), 1); /* no reply */
    c.replied_at = at("2026-03-09 10:00");
    c.followup_due = at("2026-03-10 17:00");
    assert_int_equal(request_overdue_at(&c, at("2026-03-10 09:00")), 0);
    assert_int_equal(request_overdue_at(&c, at("2026-03-11 09:00")), 1); /* no follow-up */
    /* Followed up unsatisfied and handled again (重办): its 办结 clock restarted, it runs on that. */
    struct request_clocks again = c;
    again.reopens = 1;
    again.resolve_due = at("2026-03-17 17:00");
    assert_int_equal(request_overdue_at(&again, at("2026-03-11 09:00")), 0);
    assert_int_equal(request_overdue_at(&again, at("2026-03-18 09:00")), 1);
    c.closed_at = at("2026-03-11 08:00");
    assert_int_equal(request_overdue_at(&c, at("2026-03-11 09:00")), 0); /* closed */
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(braille_bars),   cmocka_unit_test(braille_lines),
        cmocka_unit_test(ascii_plots),    cmocka_unit_test(panel_and_axis),
        cmocka_unit_test(scales),         cmocka_unit_test(groups_and_periods),
        cmocka_unit_test(tally_by_place), cmocka_unit_test(overdue_at),
    };
    return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
