/*
** workbook_libs: see workbook_libs.h.
*/
#include "workbook_libs.h"
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

/* One library: its table once loaded, or why it could not be. */
struct lib {
    pthread_once_t once;
    const char *soname;
    const char *const *names; /* the functions, in the table's order */
    size_t n;
    unsigned char *table; /* a struct of n function pointers */
    char *failed;
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
    if (h && !missing) return;
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

#define NAME_OF(f) #f,

static struct zip_calls zip_table;
static const char *const zip_names[] = {WORKBOOK_ZIP_CALLS(NAME_OF)};
_Static_assert(sizeof zip_table == sizeof zip_names / sizeof *zip_names * sizeof(void *),
               "a table holds one pointer per name");
static struct lib zip_lib = {PTHREAD_ONCE_INIT,
                             BANGBAN_LIBZIP,
                             zip_names,
                             sizeof zip_names / sizeof *zip_names,
                             (unsigned char *)&zip_table,
                             NULL};

static void zip_load(void)
{
    lib_load(&zip_lib);
}

const struct zip_calls *workbook_libs_zip(char **err)
{
    return lib_get(&zip_lib, zip_load, err);
}

static struct xlsxwriter_calls xlsxwriter_table;
static const char *const xlsxwriter_names[] = {WORKBOOK_XLSXWRITER_CALLS(NAME_OF)};
_Static_assert(sizeof xlsxwriter_table ==
                   sizeof xlsxwriter_names / sizeof *xlsxwriter_names * sizeof(void *),
               "a table holds one pointer per name");
static struct lib xlsxwriter_lib = {PTHREAD_ONCE_INIT,
                                    BANGBAN_LIBXLSXWRITER,
                                    xlsxwriter_names,
                                    sizeof xlsxwriter_names / sizeof *xlsxwriter_names,
                                    (unsigned char *)&xlsxwriter_table,
                                    NULL};

static void xlsxwriter_load(void)
{
    lib_load(&xlsxwriter_lib);
}

const struct xlsxwriter_calls *workbook_libs_xlsxwriter(char **err)
{
    return lib_get(&xlsxwriter_lib, xlsxwriter_load, err);
}
