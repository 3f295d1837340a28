/*
** uibench: how fast bangban draws, measured from outside through a pty as a
** terminal sees it, beside the machine's own floor measured the same way.
**
**   uibench BANGBAN DB [ROUNDS [DISTRICT_DB]]
**
** first screen  fork+exec of bangban until the last byte of its first
**               screen (the output goes quiet), vs /bin/true's fork+exec+exit
**               and a bare ncurses program drawing a full Chinese screen;
** list redraw   a key typed into the buildings search until the last byte of
**               the redrawn list, vs the bare ncurses program redrawing its
**               whole screen for a key;
** residents     with DISTRICT_DB: keys typed into the 居民 search (pinyin
**               letter by letter, a Chinese character as an IME sends it,
**               ID digits, Backspace) until the redrawn list; then the desk
**               process's resident and private memory (/proc/PID/smaps_rollup);
** requests      with DISTRICT_DB: Tab from queue to queue of 诉求 until the
**               redrawn list, on the district's generated requests.
*/
#include "tests/bench/bench.h"

#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void report(const char *what, double *v, int n)
{
    double p50, p99;
    bench_percentiles(v, n, &p50, &p99);
    printf("  %-44s p50 %7.2f ms   p99 %7.2f ms   (n=%d)\n", what, p50, p99, n);
}

/* The floor: a bare ncurses program that draws a full Chinese screen, then redraws it per key. */
static void bare_curses(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    initscr();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    for (int round = 0;; round++) {
        erase();
        for (int y = 0; y < LINES; y++)
            mvprintw(y, 0, "%02d 和平区劝业场街道滨江道社区第%d网格 南京路国际金融中心 %d", y,
                     round, y);
        refresh();
        if (getch() == 'q') break;
    }
    endwin();
    _exit(0);
}

static void finish(int fd, pid_t pid)
{
    kill(pid, SIGTERM);
    bench_drain(fd);
    waitpid(pid, NULL, 0);
    close(fd);
}

/* A process's memory from /proc/PID/smaps_rollup, in MiB. */
struct memory {
    double rss;       /* resident */
    double private_;  /* mapped by this process alone: its heap, and file pages no one else maps */
    double anonymous; /* heap and stacks: never shared, whatever else runs */
};

static struct memory memory_of(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
    struct memory m = {-1, -1, -1};
    FILE *f = fopen(path, "r");
    if (!f) return m;
    long kb, priv = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "Rss: %ld kB", &kb) == 1) m.rss = kb / 1024.0;
        if (sscanf(line, "Private_Clean: %ld kB", &kb) == 1) priv += kb;
        if (sscanf(line, "Private_Dirty: %ld kB", &kb) == 1) priv += kb;
        if (sscanf(line, "Anonymous: %ld kB", &kb) == 1) m.anonymous = kb / 1024.0;
    }
    fclose(f);
    m.private_ = priv / 1024.0;
    return m;
}

static void memory_print(const char *what, struct memory m)
{
    printf("  %-44s RSS %6.1f MiB   private %6.1f MiB   of which heap %5.1f MiB\n", what, m.rss,
           m.private_, m.anonymous);
}

/*
** Time of first screen for a child, and per-key redraws typing keys[] (a
** NULL-terminated list; each written at once, as a terminal sends a key or
** an IME a character) in turn. With rss, the child's memory at the end.
*/
static void measure(char *const argv[], void (*fn)(void), const char *setup,
                    const char *const *keys, int rounds, double *first, double *redraw,
                    struct memory *mem)
{
    pid_t pid;
    double t0 = bench_now_ms();
    int fd = bench_spawn(argv, fn, &pid);
    *first = bench_drain(fd) - t0;
    if (setup) {
        if (write(fd, setup, strlen(setup)) < 0) perror("write");
        bench_drain(fd);
    }
    size_t nk = 0;
    while (keys[nk])
        nk++;
    for (int i = 0; i < rounds; i++) {
        const char *k = keys[(size_t)i % nk];
        double t = bench_now_ms();
        if (write(fd, k, strlen(k)) != (ssize_t)strlen(k)) perror("write");
        double last = bench_drain(fd);
        redraw[i] = last > 0 ? last - t : 0;
    }
    if (mem) {
        /* Alone, then beside a second desk that typed the same: the database pages it shares. */
        mem[0] = memory_of(pid);
        pid_t other;
        int ofd = bench_spawn(argv, NULL, &other);
        bench_drain(ofd);
        if (setup && write(ofd, setup, strlen(setup)) < 0) perror("write");
        bench_drain(ofd);
        for (size_t i = 0; i < nk; i++) {
            if (write(ofd, keys[i], strlen(keys[i])) < 0) perror("write");
            bench_drain(ofd);
        }
        mem[1] = memory_of(pid);
        finish(ofd, other);
    }
    finish(fd, pid);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: uibench BANGBAN DB [ROUNDS [DISTRICT_DB]]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 30;
    double *first_b = calloc((size_t)rounds, sizeof(double));
    double *first_c = calloc((size_t)rounds, sizeof(double));
    double *spawn_t = calloc((size_t)rounds, sizeof(double));
    double *redraw_b = calloc((size_t)rounds * 20, sizeof(double));
    double *redraw_c = calloc((size_t)rounds * 20, sizeof(double));
    char db_opt[] = "--db", true_path[] = "/bin/true";
    char *bangban[] = {argv[1], db_opt, argv[2], NULL};
    char *truecmd[] = {true_path, NULL};
    double dummy[1];
    static const char *const key_x[] = {"x", NULL}, *const key_h[] = {"h", "\177", NULL},
                             *const key_xy[] = {"x", "y", NULL};

    for (int i = 0; i < rounds; i++) {
        pid_t pid;
        double t0 = bench_now_ms();
        int fd = bench_spawn(truecmd, NULL, &pid);
        waitpid(pid, NULL, 0);
        spawn_t[i] = bench_now_ms() - t0;
        close(fd);
        measure(NULL, bare_curses, NULL, key_x, 1, &first_c[i], dummy, NULL);
        measure(bangban, NULL, NULL, key_x, 0, &first_b[i], dummy, NULL);
    }
    /* Redraws: bangban's buildings list (区域与楼宇 opens on it) filtered by 'h' then widened by
     * Backspace. */
    double first;
    measure(bangban, NULL, "6", key_h, rounds * 20, &first, redraw_b, NULL);
    measure(NULL, bare_curses, NULL, key_xy, rounds * 20, &first, redraw_c, NULL);

    printf("first screen (start to last byte of the first screen, 80x24 pty):\n");
    report("bangban, demo database", first_b, rounds);
    report("machine: fork+exec+exit of /bin/true", spawn_t, rounds);
    report("machine: bare ncurses full Chinese screen", first_c, rounds);
    printf("list redraw (key typed to last byte of the redrawn screen):\n");
    report("bangban, buildings search 'h' / Backspace", redraw_b, rounds * 20);
    report("machine: bare ncurses full-screen redraw", redraw_c, rounds * 20);
    if (argc > 4) {
        /* 居民 on the district: what a clerk types for 张伟, 王, and an ID's last digits. */
        static const char *const typing[] = {"z",    "h",    "a",    "n",    "g",    "w",  "\177",
                                             "\177", "\177", "\177", "\177", "\177", "张", "伟",
                                             "\177", "\177", "王",   "\177", "1",    "2",  "3",
                                             "4",    "\177", "\177", "\177", "\177", NULL};
        char *district[] = {argv[1], db_opt, argv[4], NULL};
        double *redraw_r = calloc((size_t)rounds * 26, sizeof(double));
        struct memory mem[2];
        measure(district, NULL, "1", typing, rounds * 26, &first, redraw_r, mem);
        printf("residents search on the district (key typed to last byte of the redrawn list):\n");
        /* The first round is a fresh desk's: its first statements read the schema and its
         * statistics, and the pages the others find in its cache. Said apart. */
        double fresh = 0;
        for (int i = 0; i < 26; i++)
            fresh = redraw_r[i] > fresh ? redraw_r[i] : fresh;
        int from = rounds > 1 ? 26 : 0; /* one round: that one */
        report("bangban, 居民: zhangw, 张伟, 王, 1234, Backspace", redraw_r + from,
               rounds * 26 - from);
        printf("  the same keys in a fresh desk's first round   max %7.2f ms   (n=26)\n", fresh);
        printf("desk process memory after that typing (/proc/PID/smaps_rollup):\n");
        memory_print("one desk alone", mem[0]);
        memory_print("the same, with a second desk open", mem[1]);
        /* Alone, every database page it touched counts as private; a second desk shares them. */
        printf("  target: private <= 48 MiB per desk once desks share the database pages: %s\n",
               mem[1].private_ >= 0 && mem[1].private_ <= 48 ? "met" : "NOT MET");
        free(redraw_r);
        /* 诉求 on the district's requests: Tab opens the next queue, round and round. */
        static const char *const tab[] = {"\t", NULL};
        double *queues = calloc((size_t)rounds * 9, sizeof(double));
        measure(district, NULL, "2", tab, rounds * 9, &first, queues, NULL);
        printf("requests on the district (Tab to the next queue, to the last byte of its list):\n");
        double p50, p99;
        double *copy = calloc((size_t)rounds * 9, sizeof(double));
        memcpy(copy, queues, (size_t)rounds * 9 * sizeof(double));
        bench_percentiles(copy, rounds * 9, &p50, &p99);
        report("bangban, 诉求: every queue in turn", queues, rounds * 9);
        printf("  target: each queue opens in <= 50 ms p99: %s\n", p99 <= 50 ? "met" : "NOT MET");
        free(copy);
        free(queues);
    }
    free(first_b);
    free(first_c);
    free(spawn_t);
    free(redraw_b);
    free(redraw_c);
    return 0;
}
