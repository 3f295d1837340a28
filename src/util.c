/*
** util: see util.h.
*/
#include "util.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*util_die_hook)(void);

_Noreturn void die(const char *fmt, ...)
{
    va_list ap;

    if (util_die_hook) {
        void (*hook)(void) = util_die_hook;
        util_die_hook = NULL;
        hook();
    }
    fputs("bangban: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory (%zu bytes)", n);
    return p;
}

void *xcalloc(size_t count, size_t n)
{
    void *p = calloc(count ? count : 1, n ? n : 1);
    if (!p) die("out of memory (%zu x %zu bytes)", count, n);
    return p;
}

void *xcalloc_written(size_t count, size_t n)
{
    if (n && count > SIZE_MAX / n) die("out of memory (%zu x %zu bytes)", count, n);
    void *p = xmalloc(count * n);
    return memset(p, 0, count * n);
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) die("out of memory (%zu bytes)", n);
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    if (n) memcpy(p, s, n); /* s may be NULL when n is 0 (an empty buffer) */
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    return strbuf_detach(&sb);
}

void strbuf_init(struct strbuf *sb)
{
    sb->buf = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void strbuf_grow(struct strbuf *sb, size_t n)
{
    size_t need = sb->len + n + 1;
    if (need <= sb->cap) return;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need)
        cap *= 2;
    sb->buf = xrealloc(sb->buf, cap);
    sb->cap = cap;
}

void strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
    strbuf_grow(sb, n);
    if (n) memcpy(sb->buf + sb->len, data, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
    strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list cp;
    char probe[1];
    va_copy(cp, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, cp);
    va_end(cp);
    if (n < 0) die("bad format string: %s", fmt);
    strbuf_grow(sb, (size_t)n);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

void strbuf_reset(struct strbuf *sb)
{
    sb->len = 0;
    if (sb->buf) sb->buf[0] = '\0';
}

const char *strbuf_str(const struct strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

char *strbuf_detach(struct strbuf *sb)
{
    char *p = sb->buf ? sb->buf : xstrdup("");
    strbuf_init(sb);
    return p;
}

void strbuf_free(struct strbuf *sb)
{
    free(sb->buf);
    strbuf_init(sb);
}

void strlist_add(struct strlist *l, const char *s)
{
    strlist_add_take(l, xstrdup(s));
}

void strlist_add_take(struct strlist *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = s;
}

int strlist_has(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0) return 1;
    return 0;
}

void strlist_clear(struct strlist *l)
{
    strlist_truncate(l, 0);
}

void strlist_truncate(struct strlist *l, size_t n)
{
    while (l->n > n)
        free(l->v[--l->n]);
}

void strlist_free(struct strlist *l)
{
    strlist_clear(l);
    free(l->v);
    l->v = NULL;
    l->cap = 0;
}

char *strlist_join(const struct strlist *l, const char *sep)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < l->n; i++) {
        if (i) strbuf_adds(&sb, sep);
        strbuf_adds(&sb, l->v[i]);
    }
    return strbuf_detach(&sb);
}

int str_eq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

int str_empty(const char *s)
{
    return !s || !*s;
}

int str_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

uint64_t str_hash(const void *s, size_t n)
{
    const unsigned char *p = s;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h ? h : 1;
}

char *path_xdg(const char *var, const char *fallback, const char *rest)
{
    const char *base = getenv(var);
    if (!str_empty(base) && base[0] == '/') return xasprintf("%s/%s", base, rest);
    const char *home = getenv("HOME");
    return xasprintf("%s/%s/%s", str_empty(home) ? "." : home, fallback, rest);
}

int path_make_parents(const char *path, unsigned mode)
{
    char *dir = xstrdup(path);
    int rc = 0;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(dir, (mode_t)mode) != 0 && errno != EEXIST) rc = -1;
        *p = '/';
    }
    free(dir);
    return rc;
}

char *util_errno_text(int e)
{
    switch (e) {
    case ENOSPC:
        return xstrdup(_("the disk is full"));
    case EDQUOT:
        return xstrdup(_("the disk quota of this account is used up"));
    case EACCES:
    case EPERM:
        return xstrdup(_("permission denied"));
    case EROFS:
        return xstrdup(_("the disk is read-only"));
    case EEXIST:
        return xstrdup(_("it exists already"));
    default:
        return xstrdup(strerror(e));
    }
}

static void outfile_clear(struct outfile *o)
{
    free(o->path);
    free(o->dir);
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

int outfile_open(struct outfile *o, const char *path, int create)
{
    memset(o, 0, sizeof *o);
    const char *slash = strrchr(path, '/');
    char *parent = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup("");
    o->dir = xasprintf("%s.bangban-XXXXXX", parent);
    free(parent);
    if (!mkdtemp(o->dir)) {
        int e = errno;
        outfile_clear(o);
        errno = e;
        return -1;
    }
    o->path = xstrdup(path);
    o->tmp = xasprintf("%s/part", o->dir);
    if (!create) return 0;
    int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) outfile_abort(o);
    return fd;
}

int outfile_commit(struct outfile *o)
{
    int rc = rename(o->tmp, o->path);
    outfile_abort(o);
    return rc;
}

void outfile_abort(struct outfile *o)
{
    int e = errno; /* what went wrong before, for the caller to say */
    if (o->tmp) unlink(o->tmp);
    if (o->dir) rmdir(o->dir);
    outfile_clear(o);
    errno = e;
}

char *path_full(const char *path)
{
    char *full = realpath(path, NULL);
    if (!full) return xstrdup(path);
    char *copy = xstrdup(full); /* realpath's buffer comes from malloc, ours from xmalloc */
    free(full);
    return copy;
}
