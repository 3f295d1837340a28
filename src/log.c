/*
** log: see log.h.
*/
#include "log.h"
#include "clock.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *where;

void log_open(const char *path)
{
    free(where);
    where = path ? xstrdup(path) : NULL;
    if (where) path_make_parents(where, 0700);
}

void log_write(const char *fmt, ...)
{
    if (!where) return;
    struct strbuf line = STRBUF_INIT;
    char when[20];
    strbuf_addf(&line, "%s [%ld] ", clock_format(time(NULL), when), (long)getpid());
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(&line, fmt, ap);
    va_end(ap);
    strbuf_addc(&line, '\n');
    /* One write of the whole line with O_APPEND: lines of several desks never interleave. */
    int fd = open(where, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ssize_t w = write(fd, line.buf, line.len);
        (void)w;
        close(fd);
    }
    strbuf_free(&line);
}
