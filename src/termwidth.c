/*
** termwidth: see termwidth.h.
*/
#include "termwidth.h"
#include "shlib.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static int ambiguous_wide;

int termwidth_ambiguous(uint32_t cp)
{
    if (cp < 0x80) return 0;
    const struct icu_calls *icu = shlib_icu(NULL); /* without ICU: counted as the C library does */
    return icu && icu->u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS;
}

void termwidth_set_wide(int wide)
{
    ambiguous_wide = wide != 0;
}

int termwidth_wide(void)
{
    return ambiguous_wide;
}

/*
** The C library's wcwidth(), as the terminal counts: curses lays cells out
** by wcwidth(), and the C library counts every ambiguous character as one
** column in every UTF-8 locale. Defined here, the program's own wcwidth is
** the one curses calls (a shared library's call goes to the program's
** definition first), so with ambiguous_wide curses and the terminal agree
** on where each glyph ends. wcswidth() of one character is the C library's
** own count, which never calls back here.
*/
int wcwidth(wchar_t c)
{
    int w = wcswidth(&c, 1);
    if (w == 1 && ambiguous_wide && termwidth_ambiguous((uint32_t)c)) return 2;
    return w;
}

int termwidth_cpr_column(const char *answer, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (answer[i] != '\033' || answer[i + 1] != '[') continue;
        size_t j = i + 2;
        int row = 0, col = 0, digits = 0;
        while (j < n && answer[j] >= '0' && answer[j] <= '9' && row < 100000)
            row = row * 10 + (answer[j++] - '0'), digits++;
        if (!digits || j >= n || answer[j++] != ';') continue;
        digits = 0;
        while (j < n && answer[j] >= '0' && answer[j] <= '9' && col < 100000)
            col = col * 10 + (answer[j++] - '0'), digits++;
        if (digits && j < n && answer[j] == 'R' && col > 0) return col;
    }
    return -1;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Write all of s to fd; 0 or -1. */
static int write_all(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Read the answer until its 'R', the buffer is full or the time is up; the bytes read. */
static size_t read_answer(int fd, char *buf, size_t cap, int timeout_ms)
{
    size_t n = 0;
    long end = now_ms() + timeout_ms;
    while (n < cap && !memchr(buf, 'R', n)) {
        long left = end - now_ms();
        if (left <= 0) break;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = poll(&p, 1, (int)left);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        n += (size_t)got;
    }
    return n;
}

int termwidth_probe(int in_fd, int out_fd, int timeout_ms)
{
    struct termios saved, raw;
    if (!isatty(in_fd) || !isatty(out_fd) || tcgetattr(in_fd, &saved) != 0) return 0;
    raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(in_fd, TCSANOW, &raw) != 0) return 0;
    char buf[64];
    size_t n = 0;
    /* The dot in column 1, then where the cursor is: column 2 or 3. */
    if (write_all(out_fd, "\r\xC2\xB7\033[6n") == 0)
        n = read_answer(in_fd, buf, sizeof buf, timeout_ms);
    write_all(out_fd, "\r\033[K");
    tcsetattr(in_fd, TCSANOW, &saved);
    int col = termwidth_cpr_column(buf, n);
    return col == 3 ? 2 : col == 2 ? 1 : 0;
}
