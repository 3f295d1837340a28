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
#include <sys/wait.h>

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

int printer_print(const char *text, const char *printer, char **err)
{
    if (!printer_available()) {
        *err = xstrdup(_("printing needs paps and lp (Debian packages paps and cups-client); "
                         "save the receipt to a file instead"));
        return -1;
    }
    char *dest = printer && *printer ? shell_quote(printer) : NULL;
    char *cmd = dest ? xasprintf("paps --font='Monospace 11' | lp -s -d %s", dest)
                     : xstrdup("paps --font='Monospace 11' | lp -s");
    free(dest);
    FILE *p = popen(cmd, "w");
    free(cmd);
    if (!p) {
        *err = xasprintf(_("cannot start the printer: %s"), strerror(errno));
        return -1;
    }
    fputs(text, p);
    int status = pclose(p);
    if (status != 0) {
        *err = xasprintf(_("the printer refused the job (lp exit status %d)"),
                         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return -1;
    }
    return 0;
}

int printer_save(const char *text, const char *path, char **err)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        *err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
        return -1;
    }
    fputs(text, f);
    if (fclose(f) != 0) {
        *err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
        return -1;
    }
    return 0;
}
