/* Unit tests for src/termwidth: ambiguous characters counted as the terminal draws them. */
#include "unit.h"
#include "src/termwidth.h"
#include "src/text.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static int narrow_again(void **state)
{
    (void)state;
    termwidth_set_wide(0);
    return 0;
}

static void which_are_ambiguous(void **state)
{
    (void)state;
    assert_true(termwidth_ambiguous(0x00B7)); /* · the dot in 买买提·艾力 */
    assert_true(termwidth_ambiguous(0x2026)); /* … */
    assert_true(termwidth_ambiguous(0x201C)); /* “ */
    assert_true(termwidth_ambiguous(0x2192)); /* → */
    assert_true(termwidth_ambiguous(0x03B1)); /* α */
    assert_true(termwidth_ambiguous(0x2460)); /* ① */
    assert_false(termwidth_ambiguous('a'));
    assert_false(termwidth_ambiguous(0x5F20)); /* 张: wide, not ambiguous */
    assert_false(termwidth_ambiguous(0x30FB)); /* ・ katakana middle dot: wide */
    assert_false(termwidth_ambiguous(0xFF0C)); /* ，: full-width */
    assert_false(termwidth_ambiguous(0x2800)); /* a braille pattern: the charts' cells */
    assert_false(termwidth_ambiguous(0x3001)); /* 、 */
}

static void widths_in_both_modes(void **state)
{
    (void)state;
    termwidth_set_wide(0);
    assert_false(termwidth_wide());
    assert_int_equal(text_cp_width(0x00B7), 1);
    assert_int_equal(text_cp_width(0x2460), 1);
    assert_int_equal(text_width("买买提·艾力"), 11);
    assert_int_equal(wcwidth(0x00B7), 1);
    termwidth_set_wide(1);
    assert_true(termwidth_wide());
    assert_int_equal(text_cp_width(0x00B7), 2);
    assert_int_equal(text_cp_width(0x2460), 2);
    assert_int_equal(text_width("买买提·艾力"), 12);
    /* What curses asks: the program's own wcwidth() counts as the terminal draws. */
    assert_int_equal(wcwidth(0x00B7), 2);
    /* Others keep their width: ASCII, Chinese, braille, combining marks, controls. */
    assert_int_equal(text_cp_width('a'), 1);
    assert_int_equal(text_cp_width(0x5F20), 2);
    assert_int_equal(text_cp_width(0x2800), 1);
    assert_int_equal(text_cp_width(0x0301), 0);
    assert_int_equal(text_cp_width(0x1B), -1);
    assert_int_equal(wcwidth(0x0301), 0);
    assert_int_equal(text_width("张三丰"), 6);
}

/* A name with a dot lines up with the names without: its columns are counted as drawn. */
static void names_line_up(void **state)
{
    (void)state;
    char buf[64];
    termwidth_set_wide(1);
    assert_int_equal(text_fit(buf, sizeof buf, "买买提·艾力", 14, 0), 14);
    assert_str(buf, "买买提·艾力  ");
    /* Cut: the dot is two columns, so it does not fit where one column is left. */
    assert_int_equal(text_fit(buf, sizeof buf, "买买提·艾力", 7, 0), 7);
    assert_str(buf, "买买提 ");
    termwidth_set_wide(0);
    assert_int_equal(text_fit(buf, sizeof buf, "买买提·艾力", 14, 0), 14);
    assert_str(buf, "买买提·艾力   ");
    assert_int_equal(text_fit(buf, sizeof buf, "买买提·艾力", 7, 0), 7);
    assert_str(buf, "买买提·");
}

static void cursor_reports(void **state)
{
    (void)state;
    assert_int_equal(termwidth_cpr_column("\033[12;3R", 7), 3);
    assert_int_equal(termwidth_cpr_column("\033[1;2R", 6), 2);
    /* Keys typed before the answer are skipped. */
    assert_int_equal(termwidth_cpr_column("ab\033[OP\033[24;80R", 15), 80);
    assert_int_equal(termwidth_cpr_column("", 0), -1);
    assert_int_equal(termwidth_cpr_column("\033[12;3", 6), -1); /* cut short */
    assert_int_equal(termwidth_cpr_column("\033[;3R", 5), -1);
    assert_int_equal(termwidth_cpr_column("\033[3R", 4), -1);
    assert_int_equal(termwidth_cpr_column("\033[1;0R", 6), -1);
    assert_int_equal(termwidth_cpr_column("\033[1;xR", 6), -1);
}

/* A terminal on the master side of a pty: answers the position request with its column. */
struct fake_terminal {
    int master;
    const char *answer; /* NULL: never answers */
    char seen[64];
    size_t nseen;
};

static void *fake_terminal_run(void *arg)
{
    struct fake_terminal *ft = arg;
    while (ft->nseen + 1 < sizeof ft->seen) {
        ssize_t n = read(ft->master, ft->seen + ft->nseen, sizeof ft->seen - 1 - ft->nseen);
        if (n <= 0) break;
        ft->nseen += (size_t)n;
        ft->seen[ft->nseen] = '\0';
        if (strstr(ft->seen, "\033[6n")) {
            if (ft->answer && write(ft->master, ft->answer, strlen(ft->answer)) < 0) break;
            if (!ft->answer) break;
        }
    }
    return NULL;
}

/* Probe a fake terminal answering answer (NULL: silent): the result, the time it took in *ms. */
static int probe_fake(const char *answer, int timeout_ms, long *ms)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    assert_true(slave >= 0);
    /* The line discipline would turn \r into \n and echo the answer: raw, as a terminal is. */
    struct termios t;
    tcgetattr(slave, &t);
    t.c_oflag &= ~(tcflag_t)OPOST;
    tcsetattr(slave, TCSANOW, &t);
    struct fake_terminal ft = {.master = master, .answer = answer};
    pthread_t th;
    pthread_create(&th, NULL, fake_terminal_run, &ft);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int got = termwidth_probe(slave, slave, timeout_ms);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    close(slave);
    pthread_join(th, NULL);
    close(master);
    /* It asked with the dot at the start of the line. */
    assert_non_null(strstr(ft.seen, "\r\xC2\xB7\033[6n"));
    return got;
}

static void probes_a_terminal(void **state)
{
    (void)state;
    long ms;
    assert_int_equal(probe_fake("\033[5;3R", 2000, &ms), 2); /* PuTTY set to draw them wide */
    assert_true(ms < 1000);
    assert_int_equal(probe_fake("\033[5;2R", 2000, &ms), 1); /* most terminals */
    assert_true(ms < 1000);
    /* No answer: one column, after the timeout and no longer. */
    assert_int_equal(probe_fake(NULL, 100, &ms), 0);
    assert_true(ms >= 90 && ms < 1000);
    /* Not a terminal: no question asked. */
    assert_int_equal(termwidth_probe(-1, -1, 100), 0);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(which_are_ambiguous),
        cmocka_unit_test_teardown(widths_in_both_modes, narrow_again),
        cmocka_unit_test_teardown(names_line_up, narrow_again),
        cmocka_unit_test(cursor_reports),
        cmocka_unit_test(probes_a_terminal),
    };
    return cmocka_run_group_tests_name("termwidth", tests, NULL, NULL);
}
