/*
** uibench: how fast bangban draws, measured from outside through a pty as a
** terminal sees it, beside the machine's own floor measured the same way.
**
**   uibench BANGBAN DB [ROUNDS]
**
** first screen  fork+exec of bangban until the last byte of its first
**               screen (the output goes quiet), vs /bin/true's fork+exec+exit
**               and a bare ncurses program drawing a full Chinese screen;
** list redraw   a key typed into the buildings search until the last byte of
**               the redrawn list, vs the bare ncurses program redrawing its
**               whole screen for a key.
*/
#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Output is done when nothing more arrives for this long. */
#define QUIET_MS 150

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Read until the pty is quiet; returns the time of the last byte read (0 if none). */
static double drain(int fd)
{
    char buf[65536];
    double last = 0;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, QUIET_MS);
        if (r <= 0) return last;
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return last;
        last = now_ms();
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int i99 = (int)(0.99 * (n - 1) + 0.5);
    printf("  %-44s p50 %7.2f ms   p99 %7.2f ms   (n=%d)\n", what, v[n / 2], v[i99], n);
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

/* Start a child on a new 80x24 pty: exec argv, or run fn. Returns the master fd. */
static int spawn(char *const argv[], void (*fn)(void), pid_t *pid)
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

static void finish(int fd, pid_t pid)
{
    kill(pid, SIGTERM);
    drain(fd);
    waitpid(pid, NULL, 0);
    close(fd);
}

/* Time of first screen for a child, and per-key redraws typing keys[] in turn. */
static void measure(char *const argv[], void (*fn)(void), const char *setup, const char *keys,
                    int rounds, double *first, double *redraw)
{
    pid_t pid;
    double t0 = now_ms();
    int fd = spawn(argv, fn, &pid);
    *first = drain(fd) - t0;
    if (setup) {
        if (write(fd, setup, strlen(setup)) < 0) perror("write");
        drain(fd);
    }
    size_t nk = strlen(keys);
    for (int i = 0; i < rounds; i++) {
        char k = keys[(size_t)i % nk];
        double t = now_ms();
        if (write(fd, &k, 1) != 1) perror("write");
        double last = drain(fd);
        redraw[i] = last > 0 ? last - t : 0;
    }
    finish(fd, pid);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: uibench BANGBAN DB [ROUNDS]\n");
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

    for (int i = 0; i < rounds; i++) {
        pid_t pid;
        double t0 = now_ms();
        int fd = spawn(truecmd, NULL, &pid);
        waitpid(pid, NULL, 0);
        spawn_t[i] = now_ms() - t0;
        close(fd);
        measure(NULL, bare_curses, NULL, "x", 1, &first_c[i], dummy);
        measure(bangban, NULL, NULL, "x", 0, &first_b[i], dummy);
    }
    /* Redraws: bangban's buildings list filtered by 'h' then widened by Backspace. */
    double first;
    measure(bangban, NULL, "1", "h\177", rounds * 20, &first, redraw_b);
    measure(NULL, bare_curses, NULL, "xy", rounds * 20, &first, redraw_c);

    printf("first screen (start to last byte of the first screen, 80x24 pty):\n");
    report("bangban, demo database", first_b, rounds);
    report("machine: fork+exec+exit of /bin/true", spawn_t, rounds);
    report("machine: bare ncurses full Chinese screen", first_c, rounds);
    printf("list redraw (key typed to last byte of the redrawn screen):\n");
    report("bangban, buildings search 'h' / Backspace", redraw_b, rounds * 20);
    report("machine: bare ncurses full-screen redraw", redraw_c, rounds * 20);
    free(first_b);
    free(first_c);
    free(spawn_t);
    free(redraw_b);
    free(redraw_c);
    return 0;
}
