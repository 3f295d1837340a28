/*
** folder: see folder.h.
*/
#include "folder.h"
#include "i18n.h"
#include "validate.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* $HOME, or "." when it is not set. Borrowed. */
static const char *home_dir(void)
{
    const char *home = getenv("HOME");
    return str_empty(home) ? "." : home;
}

/*
** The value of XDG_DOCUMENTS_DIR in a user-dirs.dirs line such as
** XDG_DOCUMENTS_DIR="$HOME/文档", as a path; NULL when the line sets
** something else or holds no allowed path. Caller frees.
*/
static char *documents_line(const char *line)
{
    static const char key[] = "XDG_DOCUMENTS_DIR=\"";
    while (*line == ' ' || *line == '\t')
        line++;
    if (!str_starts(line, key)) return NULL;
    const char *v = line + strlen(key);
    const char *end = strchr(v, '"');
    if (!end) return NULL;
    char *value = xstrndup(v, (size_t)(end - v));
    char *path = NULL;
    if (str_starts(value, "$HOME"))
        path = xasprintf("%s%s", home_dir(), value + 5);
    else if (value[0] == '/')
        path = xstrdup(value);
    free(value);
    return path;
}

char *folder_documents(void)
{
    const char *config = getenv("XDG_CONFIG_HOME");
    char *file = !str_empty(config) && config[0] == '/'
                     ? xasprintf("%s/user-dirs.dirs", config)
                     : xasprintf("%s/.config/user-dirs.dirs", home_dir());
    FILE *f = fopen(file, "r");
    free(file);
    char *found = NULL, line[4096];
    while (f && fgets(line, sizeof line, f)) {
        char *path = documents_line(line);
        if (path) {
            free(found);
            found = path; /* the last one counts, as when the shell reads the file */
        }
    }
    if (f) fclose(f);
    if (found) {
        size_t n = strlen(found);
        while (n > 1 && found[n - 1] == '/')
            found[--n] = '\0';
        return found;
    }
    const char *env = getenv("XDG_DOCUMENTS_DIR");
    if (!str_empty(env) && env[0] == '/') return xstrdup(env);
    return xasprintf("%s/Documents", home_dir());
}

char *folder_exports(const char *setting)
{
    if (str_empty(setting)) {
        char *docs = folder_documents();
        char *dir = xasprintf("%s/bangban", docs);
        free(docs);
        return dir;
    }
    if (str_eq(setting, "~")) return xstrdup(home_dir());
    if (str_starts(setting, "~/")) return xasprintf("%s%s", home_dir(), setting + 1);
    return xstrdup(setting);
}

const char *folder_check(const char *value)
{
    if (str_empty(value)) return NULL;
    const char *why = validate_line(value);
    if (why) return why;
    if (value[0] != '/' && !str_eq(value, "~") && !str_starts(value, "~/"))
        return _("A folder from the root, such as /home/desk/导出 or ~/导出");
    return NULL;
}

int folder_bare(const char *typed)
{
    return !strchr(typed, '/') && typed[0] != '~';
}

char *folder_place(const char *folder, const char *typed)
{
    if (str_starts(typed, "~/")) return xasprintf("%s%s", home_dir(), typed + 1);
    if (!folder_bare(typed) || str_empty(folder)) return xstrdup(typed);
    size_t n = strlen(folder);
    return xasprintf("%s%s%s", folder, folder[n - 1] == '/' ? "" : "/", typed);
}

char *folder_find(const char *folder, const char *typed)
{
    struct stat st;
    if (!folder_bare(typed)) return folder_place(folder, typed); /* ~/x, or a directory named */
    if (str_empty(typed) || str_empty(folder) || stat(typed, &st) == 0) return xstrdup(typed);
    char *there = folder_place(folder, typed);
    if (stat(there, &st) == 0 && !S_ISDIR(st.st_mode)) return there;
    free(there);
    return xstrdup(typed);
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int folder_complete(const char *base, const char *typed, struct strlist *out)
{
    const char *slash = strrchr(typed, '/');
    char *part = slash ? xstrndup(typed, (size_t)(slash - typed) + 1) : xstrdup("");
    const char *rest = slash ? slash + 1 : typed;
    char *dir;
    if (part[0] == '/')
        dir = xstrdup(part);
    else if (str_starts(part, "~/"))
        dir = xasprintf("%s%s", home_dir(), part + 1);
    else
        dir = xasprintf("%s/%s", str_empty(base) ? "." : base, part);
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno;
        free(part);
        free(dir);
        errno = e;
        return -1;
    }
    size_t first = out->n, restlen = strlen(rest);
    struct dirent *de;
    while ((de = readdir(d))) {
        const char *name = de->d_name;
        if (str_eq(name, ".") || str_eq(name, "..")) continue;
        if (name[0] == '.' && rest[0] != '.') continue;
        if (strncmp(name, rest, restlen) != 0) continue;
        char *full = xasprintf("%s%s", dir, name);
        struct stat st;
        int is_dir = stat(full, &st) == 0 && S_ISDIR(st.st_mode);
        free(full);
        strlist_add_take(out, xasprintf("%s%s%s", part, name, is_dir ? "/" : ""));
    }
    closedir(d);
    if (out->n > first) /* none found: out->v may still be NULL, which qsort may not take */
        qsort(out->v + first, out->n - first, sizeof *out->v, by_bytes);
    free(part);
    free(dir);
    return 0;
}

char *folder_common_prefix(const char *const *v, size_t n)
{
    if (n == 0) return xstrdup("");
    size_t len = strlen(v[0]);
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < len && v[i][k] == v[0][k])
            k++;
        len = k;
    }
    /* Not inside a character: back to the start of one (a lead byte, not 10xxxxxx). */
    while (len > 0 && ((unsigned char)v[0][len] & 0xC0) == 0x80)
        len--;
    return xstrndup(v[0], len);
}

char *folder_tab(const char *base, const char *typed, struct strlist *out)
{
    strlist_clear(out);
    if (folder_complete(base, typed, out) != 0 || out->n == 0) return xstrdup(typed);
    char *common = folder_common_prefix((const char *const *)out->v, out->n);
    if (strlen(common) <= strlen(typed)) {
        free(common);
        return xstrdup(typed);
    }
    return common;
}

char *folder_names(const struct strlist *l)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < l->n; i++) {
        const char *name = l->v[i], *start = name;
        size_t len = strlen(name);
        for (size_t j = 0; j + 1 < len; j++) /* a directory's own trailing '/' stays */
            if (name[j] == '/') start = name + j + 1;
        if (i) strbuf_adds(&sb, "  ");
        strbuf_adds(&sb, start);
    }
    return strbuf_detach(&sb);
}
