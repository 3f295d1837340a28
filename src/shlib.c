/*
** shlib: see shlib.h.
*/
#include "shlib.h"
#include "i18n.h"
#include "util.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

/*
** The sonames the program was built against and the Debian packages that
** hold them ("" when not known), as the Makefile reads them. Built another
** way (the fuzz harnesses), the development packages' names.
*/
#ifndef BANGBAN_LIBZIP
#define BANGBAN_LIBZIP         "libzip.so"
#define BANGBAN_LIBZIP_PACKAGE "libzip-dev"
#endif
#ifndef BANGBAN_LIBXLSXWRITER
#define BANGBAN_LIBXLSXWRITER         "libxlsxwriter.so"
#define BANGBAN_LIBXLSXWRITER_PACKAGE "libxlsxwriter-dev"
#endif
#ifndef BANGBAN_LIBICUI18N
#define BANGBAN_LIBICUI18N         "libicui18n.so"
#define BANGBAN_LIBICUI18N_PACKAGE "libicu-dev"
#endif

/* One library: its table once loaded, or why it could not be. */
struct lib {
    pthread_once_t once;
    const char *soname;
    const char *package;      /* Debian's, or "" */
    const char *const *names; /* the functions, in the table's order */
    size_t n;
    unsigned char *table; /* a struct of n function pointers */
    char *failed;
    int loaded;
};

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
    char *why = missing ? xasprintf(_("%s has no function %s"), l->soname, missing)
                        : xasprintf(_("%s cannot be loaded (%s)"), l->soname, dlerror());
    const char *what = missing ? _("install the version bangban was built with") : _("install it");
    l->failed = *l->package ? xasprintf(_("%s: %s (Debian package %s)"), why, what, l->package)
                            : xasprintf("%s: %s", why, what);
    free(why);
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
#define LIB_DEFINE(name, soname, package, CALLS)                                                   \
    static struct name##_calls name##_table;                                                       \
    static const char *const name##_names[] = {CALLS(NAME_OF)};                                    \
    _Static_assert(sizeof name##_table ==                                                          \
                       sizeof name##_names / sizeof *name##_names * sizeof(void *),                \
                   "a table holds one pointer per name");                                          \
    static struct lib name##_lib = {PTHREAD_ONCE_INIT,                                             \
                                    soname,                                                        \
                                    package,                                                       \
                                    name##_names,                                                  \
                                    sizeof name##_names / sizeof *name##_names,                    \
                                    (unsigned char *)&name##_table,                                \
                                    NULL,                                                          \
                                    0};                                                            \
    static void name##_load(void)                                                                  \
    {                                                                                              \
        lib_load(&name##_lib);                                                                     \
    }

LIB_DEFINE(zip, BANGBAN_LIBZIP, BANGBAN_LIBZIP_PACKAGE, SHLIB_ZIP_CALLS)
LIB_DEFINE(xlsxwriter, BANGBAN_LIBXLSXWRITER, BANGBAN_LIBXLSXWRITER_PACKAGE, SHLIB_XLSXWRITER_CALLS)
LIB_DEFINE(icu, BANGBAN_LIBICUI18N, BANGBAN_LIBICUI18N_PACKAGE, SHLIB_ICU_CALLS)

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
