/*
** shlib: see shlib.h.
*/
#include "shlib.h"
#include "i18n.h"
#include "util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

/* The sonames the program was built against (the Makefile reads them from the libraries). */
#ifndef BANGBAN_LIBZIP
#define BANGBAN_LIBZIP "libzip.so"
#endif
#ifndef BANGBAN_LIBXLSXWRITER
#define BANGBAN_LIBXLSXWRITER "libxlsxwriter.so"
#endif
#ifndef BANGBAN_LIBICUI18N
#define BANGBAN_LIBICUI18N "libicui18n.so"
#endif

/* One library: its table once loaded, or why it could not be. */
struct lib {
    pthread_once_t once;
    const char *soname;
    const char *const *names; /* the functions, in the table's order */
    size_t n;
    unsigned char *table; /* a struct of n function pointers */
    char *failed;
    int loaded;
};

/* Debian's package for a soname: libzip.so.4 is in libzip4. Caller frees. */
static char *lib_package(const char *soname)
{
    const char *so = strstr(soname, ".so");
    if (!so) return xstrdup(soname);
    const char *version = so[3] == '.' ? so + 4 : "";
    return xasprintf("%.*s%s", (int)(so - soname), soname, version);
}

/* Open l's library and fill its table; on failure, l->failed says why. */
static void lib_load(struct lib *l)
{
    void *h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
    const char *missing = NULL;
    for (size_t i = 0; h && i < l->n && !missing; i++) {
        void *f = dlsym(h, l->names[i]);
        if (f)
            memcpy(l->table + i * sizeof f, &f, sizeof f);
        else
            missing = l->names[i];
    }
    if (h && !missing) {
        __atomic_store_n(&l->loaded, 1, __ATOMIC_RELEASE);
        return;
    }
    char *package = lib_package(l->soname);
    if (missing)
        l->failed = xasprintf(_("%s has no function %s: install the version bangban was built "
                                "with (Debian package %s)"),
                              l->soname, missing, package);
    else
        l->failed = xasprintf(_("%s cannot be loaded (%s): install it (Debian package %s)"),
                              l->soname, dlerror(), package);
    free(package);
    if (h) dlclose(h);
}

/* l's table after its one load, or NULL with *err (caller frees) when it failed. */
static const void *lib_get(struct lib *l, void (*load)(void), char **err)
{
    pthread_once(&l->once, load);
    if (!l->failed) return l->table;
    if (err) *err = xstrdup(l->failed);
    return NULL;
}

/* A function's name as the library exports it (ICU's headers add its version: ucol_open_72). */
#define NAME_STRING(f) #f
#define NAME_OF(f)     NAME_STRING(f),

/* One library's table, names, struct lib and the function pthread_once runs. */
#define LIB_DEFINE(name, soname, CALLS)                                                            \
    static struct name##_calls name##_table;                                                       \
    static const char *const name##_names[] = {CALLS(NAME_OF)};                                    \
    _Static_assert(sizeof name##_table ==                                                          \
                       sizeof name##_names / sizeof *name##_names * sizeof(void *),                \
                   "a table holds one pointer per name");                                          \
    static struct lib name##_lib = {PTHREAD_ONCE_INIT,                                             \
                                    soname,                                                        \
                                    name##_names,                                                  \
                                    sizeof name##_names / sizeof *name##_names,                    \
                                    (unsigned char *)&name##_table,                                \
                                    NULL,                                                          \
                                    0};                                                            \
    static void name##_load(void)                                                                  \
    {                                                                                              \
        lib_load(&name##_lib);                                                                     \
    }

LIB_DEFINE(zip, BANGBAN_LIBZIP, SHLIB_ZIP_CALLS)
LIB_DEFINE(xlsxwriter, BANGBAN_LIBXLSXWRITER, SHLIB_XLSXWRITER_CALLS)
LIB_DEFINE(icu, BANGBAN_LIBICUI18N, SHLIB_ICU_CALLS)

const struct zip_calls *shlib_zip(char **err)
{
    return lib_get(&zip_lib, zip_load, err);
}

const struct xlsxwriter_calls *shlib_xlsxwriter(char **err)
{
    return lib_get(&xlsxwriter_lib, xlsxwriter_load, err);
}

const struct icu_calls *shlib_icu(char **err)
{
    return lib_get(&icu_lib, icu_load, err);
}

const struct icu_calls *shlib_icu_opened(void)
{
    return __atomic_load_n(&icu_lib.loaded, __ATOMIC_ACQUIRE) ? &icu_table : NULL;
}
