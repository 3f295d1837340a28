/*
** printer: see printer.h.
*/
#include "printer.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int printer_available(void)
{
    return system("command -v paps >/dev/null 2>&1 && command -v lp >/dev/null 2>&1") == 0;
}

/* s in single quotes for sh, inner quotes escaped. Caller frees. */
static char *shell_quote(const char *s)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addc(&sb, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            strbuf_adds(&sb, "'\\''");
        else
            strbuf_addc(&sb, *p);
    }
    strbuf_addc(&sb, '\'');
    return strbuf_detach(&sb);
}

const char *printer_font(void)
{
    static const char *const fonts[] = {"Noto Sans Mono CJK SC", "WenQuanYi Zen Hei Mono"};
    static const char *found;
    if (found) return found;
    found = "Monospace";
    for (size_t i = 0; i < ARRAY_LEN(fonts); i++) {
        char *cmd = xasprintf("fc-list -q '%s' >/dev/null 2>&1", fonts[i]);
        int rc = system(cmd);
        free(cmd);
        if (rc == 0) {
            found = fonts[i];
            break;
        }
    }
    return found;
}

char *printer_job_id(const char *said)
{
    static const char key[] = "request id is ";
    const char *p = strstr(said, key);
    if (!p) return xstrdup("");
    p += strlen(key);
    size_t n = strcspn(p, " \t\r\n");
    return xstrndup(p, n);
}

/* What the commands said in file said, its first lines, trailing line ends cut. Caller frees. */
static char *said_text(const char *said)
{
    struct strbuf why = STRBUF_INIT;
    FILE *f = fopen(said, "r");
    char line[256];
    while (f && fgets(line, sizeof line, f) && why.len < 200)
        strbuf_adds(&why, line);
    if (f) fclose(f);
    while (why.len && (why.buf[why.len - 1] == '\n' || why.buf[why.len - 1] == '\r'))
        why.buf[--why.len] = '\0';
    return strbuf_detach(&why);
}

int printer_print(const char *text, const char *printer, char **job, char **err)
{
    *job = NULL;
    if (!printer_available()) {
        *err = xstrdup(_("printing needs paps and lp (Debian packages paps and cups-client); "
                         "save the receipt to a file instead"));
        return -1;
    }
    /* What the commands say goes to a file, never over the full screen. */
    const char *tmp = getenv("TMPDIR");
    char said[512];
    snprintf(said, sizeof said, "%s/bangban-print-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(said);
    if (fd < 0) {
        *err = xasprintf(_("cannot start the printer: %s"), strerror(errno));
        return -1;
    }
    close(fd);
    char *dest = printer && *printer ? shell_quote(printer) : NULL;
    char *font = xasprintf("%s 11", printer_font());
    char *qfont = shell_quote(font);
    char *cmd = xasprintf("{ paps --font=%s | lp%s%s; } >'%s' 2>&1", qfont, dest ? " -d " : "",
                          dest ? dest : "", said);
    free(qfont);
    free(font);
    free(dest);
    /* A printer command that ends early must not end bangban with SIGPIPE. */
    void (*was)(int) = signal(SIGPIPE, SIG_IGN);
    FILE *p = popen(cmd, "w");
    free(cmd);
    int status = -1;
    if (p) {
        fputs(text, p);
        status = pclose(p);
    }
    int e = errno;
    signal(SIGPIPE, was);
    char *why = said_text(said);
    unlink(said);
    if (!p || status != 0) {
        *err =
            !p ? xasprintf(_("cannot start the printer: %s"), strerror(e))
               : xasprintf(_("the printer refused the job: %s"), *why ? why : _("no reason given"));
        free(why);
        return -1;
    }
    *job = printer_job_id(why);
    free(why);
    return 0;
}

int printer_save(const char *text, const char *path, char **err)
{
    struct outfile o;
    int fd = outfile_open(&o, path, 1);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int ok = f != NULL;
    if (f) {
        fputs(text, f);
        ok = fflush(f) == 0 && !ferror(f);
        ok = fclose(f) == 0 && ok;
        if (!ok) outfile_abort(&o);
    } else if (fd >= 0) {
        close(fd);
        outfile_abort(&o);
    }
    if (!ok || outfile_commit(&o) != 0) {
        char *why = util_errno_text(errno);
        *err = xasprintf(_("cannot write %s: %s"), path, why);
        free(why);
        return -1;
    }
    return 0;
}
