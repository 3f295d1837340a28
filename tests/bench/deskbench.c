/*
** deskbench: what each desk costs the box when many run at once on one
** district database, measured from outside as the kernel counts it.
**
**   deskbench BANGBAN DB [DESKS]
**
** Starts DESKS (default 10) desk processes, each on its own 80x24 pty,
** opens 居民 on each (the empty search: the residents registered last and
** how many there are), then types searches into each in turn (pinyin
** letter by letter, Chinese characters as an IME sends them, ID digits,
** Backspace; each desk from its own place in the typing), and with every
** desk still open reads each one's /proc/PID/smaps_rollup:
**
**   Pss            its share of every page it maps: a page n desks map
**                  counts 1/n to each (the database pages, the program,
**                  the libraries), its heap whole;
**   Private_Dirty  pages written by it alone: heap, stacks, page cache;
**
** and prints p50 and max per desk beside the targets (Pss <= 16 MiB,
** private dirty <= 4 MiB), with the anonymous and file-backed parts of Pss.
*/
#include "tests/bench/bench.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DESKS_MAX 64

#define TARGET_PSS_MIB   16.0
#define TARGET_DIRTY_MIB 4.0

static void send_key(int fd, const char *k)
{
    if (write(fd, k, strlen(k)) != (ssize_t)strlen(k)) perror("write");
    bench_drain(fd);
}

/* What smaps_rollup says of a process, in MiB (-1: not read). */
struct desk_memory {
    double pss, pss_anon, pss_file, dirty;
};

static struct desk_memory memory_of(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    struct desk_memory m = {-1, -1, -1, -1};
    FILE *f = fopen(path, "r");
    if (!f) return m;
    long kb;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Pss: %ld kB", &kb) == 1) m.pss = kb / 1024.0;
        if (sscanf(line, "Pss_Anon: %ld kB", &kb) == 1) m.pss_anon = kb / 1024.0;
        if (sscanf(line, "Pss_File: %ld kB", &kb) == 1) m.pss_file = kb / 1024.0;
        if (sscanf(line, "Private_Dirty: %ld kB", &kb) == 1) m.dirty = kb / 1024.0;
    }
    fclose(f);
    return m;
}

/* p50 and max of v[0..n) (sorted in place). */
static void spread(double *v, int n, double *p50, double *max)
{
    double p99;
    bench_percentiles(v, n, p50, &p99);
    *max = v[n - 1];
}

static void report(const char *what, double *v, int n, double target)
{
    double p50, max;
    spread(v, n, &p50, &max);
    if (target > 0)
        printf("  %-30s p50 %6.1f MiB   max %6.1f MiB   (target <= %.0f MiB: %s)\n", what, p50, max,
               target, max <= target ? "met" : "NOT MET");
    else
        printf("  %-30s p50 %6.1f MiB   max %6.1f MiB\n", what, p50, max);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: deskbench BANGBAN DB [DESKS]\n");
        return 2;
    }
    int n = argc > 3 ? atoi(argv[3]) : 10;
    if (n < 1 || n > DESKS_MAX) {
        fprintf(stderr, "deskbench: DESKS is 1 to %d\n", DESKS_MAX);
        return 2;
    }
    char db_opt[] = "--db";
    char *bangban[] = {argv[1], db_opt, argv[2], NULL};
    /* What a clerk types for 张伟, 王, and an ID's last digits. */
    static const char *const typing[] = {"z",    "h",    "a",    "n",    "g",    "w",  "\177",
                                         "\177", "\177", "\177", "\177", "\177", "张", "伟",
                                         "\177", "\177", "王",   "\177", "1",    "2",  "3",
                                         "4",    "\177", "\177", "\177", "\177", NULL};
    pid_t pid[DESKS_MAX];
    int fd[DESKS_MAX];
    double t0 = bench_now_ms();
    /* All desks open first: each one's start is a write (its sign-in, audited), after which
     * SQLite drops the other desks' maps of the database and they map again what they read. */
    for (int i = 0; i < n; i++) {
        fd[i] = bench_spawn(bangban, NULL, &pid[i]);
        bench_drain(fd[i]);
        send_key(fd[i], "1"); /* 居民: the empty search */
    }
    /* Then each searches, the desks taking turns key by key, each from its own place in the
     * typing. */
    size_t nk = 0;
    while (typing[nk])
        nk++;
    for (size_t k = 0; k < nk; k++)
        for (int i = 0; i < n; i++)
            send_key(fd[i], typing[(k + (size_t)i) % nk]);
    double took = bench_now_ms() - t0;
    double pss[DESKS_MAX], anon[DESKS_MAX], file[DESKS_MAX], dirty[DESKS_MAX];
    int read_ok = 1;
    for (int i = 0; i < n; i++) {
        struct desk_memory m = memory_of(pid[i]);
        if (m.pss < 0) read_ok = 0;
        pss[i] = m.pss;
        anon[i] = m.pss_anon;
        file[i] = m.pss_file;
        dirty[i] = m.dirty;
    }
    for (int i = 0; i < n; i++) {
        kill(pid[i], SIGTERM);
        bench_drain(fd[i]);
        waitpid(pid[i], NULL, 0);
        close(fd[i]);
    }
    if (!read_ok) {
        fprintf(stderr, "deskbench: a desk's /proc/PID/smaps_rollup could not be read\n");
        return 1;
    }
    printf("%d desks open at once, each after the empty search and 26 keys (%.0f ms in all):\n", n,
           took);
    printf("  Pss of each desk in the order started (MiB):");
    for (int i = 0; i < n; i++)
        printf(" %.1f", pss[i]);
    printf("\n");
    report("Pss per desk", pss, n, TARGET_PSS_MIB);
    report("  of which anonymous (heap)", anon, n, 0);
    report("  of which file-backed", file, n, 0);
    report("Private_Dirty per desk", dirty, n, TARGET_DIRTY_MIB);
    return 0;
}
