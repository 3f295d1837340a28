/*
** bench: what the timing programs share: a clock, percentiles, and a
** child on a pseudo-terminal read as a terminal would be.
*/
#ifndef BANGBAN_BENCH_H
#define BANGBAN_BENCH_H

#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Milliseconds on the monotonic clock. */
static inline double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sort v[0..n) and give its median and 99th percentile. */
static inline void bench_percentiles(double *v, int n, double *p50, double *p99)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    *p50 = v[n / 2];
    *p99 = v[(int)(0.99 * (n - 1) + 0.5)];
}

/* A pty is taken as quiet once nothing has come from it for this long. */
#define BENCH_QUIET_MS 150

/* Whether buf[0, n) holds a cursor position request, ESC [ 6 n. */
static inline int bench_asks_cursor(const char *buf, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(buf + i, "\033[6n", 4) == 0) return 1;
    return 0;
}

/*
** Read the pty fd until it is quiet; returns the time of the last byte
** read (0 if none). A cursor position request (ESC [ 6 n, which bangban
** sends at start to learn how wide the terminal draws a middle dot) is
** answered as a terminal drawing it in one column answers, so a start is
** not timed as the 100 ms bangban waits for a terminal that never answers.
*/
static inline double bench_drain(int fd)
{
    char buf[65536];
    double last = 0;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, BENCH_QUIET_MS) <= 0) return last;
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return last;
        last = bench_now_ms();
        if (bench_asks_cursor(buf, (size_t)n) && write(fd, "\033[1;2R", 6) != 6) return last;
    }
}

/*
** Start a child on a new 80x24 pty (TERM xterm, LANG C.UTF-8): run fn when
** given, else exec argv. Returns the master fd; *pid is the child.
*/
static inline int bench_spawn(char *const argv[], void (*fn)(void), pid_t *pid)
{
    struct winsize ws = {24, 80, 0, 0};
    int fd;
    *pid = forkpty(&fd, NULL, NULL, &ws);
    if (*pid < 0) {
        perror("forkpty");
        exit(1);
    }
    if (*pid == 0) {
        setenv("TERM", "xterm", 1);
        setenv("LANG", "C.UTF-8", 1);
        unsetenv("LC_ALL");
        unsetenv("LANGUAGE");
        if (fn) fn();
        execv(argv[0], argv);
        _exit(127);
    }
    return fd;
}

#endif
