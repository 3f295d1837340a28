/*
** bench: what the timing programs share: a clock and percentiles.
*/
#ifndef BANGBAN_BENCH_H
#define BANGBAN_BENCH_H

#include <stdlib.h>
#include <time.h>

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

#endif
