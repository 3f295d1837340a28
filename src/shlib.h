/*
** shlib: the libraries a start does not need, opened when first called
** rather than linked: libzip when a workbook is first read, libxlsxwriter
** when one is first written (both bring libcrypto), ICU when names are
** first sorted in pinyin order or an ambiguous-width character is first
** measured. Linked, they were 13 ms of the 33 ms the first screen took.
** Each table holds a library's functions under their own names
** (z->zip_fopen(...); ICU's carry its version suffix, as its headers
** name them); it is loaded once per process, whatever the thread, and
** kept until the process ends.
*/
#ifndef BANGBAN_SHLIB_H
#define BANGBAN_SHLIB_H

#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/ucol.h>
#include <xlsxwriter.h>
#include <zip.h>

// clang-format off
/* The functions of libzip the workbook reader (src/xlsx.c) calls. */
#define SHLIB_ZIP_CALLS(X) \
    X(zip_open) X(zip_open_from_source) X(zip_source_buffer_create) X(zip_source_free) \
    X(zip_fopen) X(zip_fread) X(zip_fclose) X(zip_stat) X(zip_discard) X(zip_error_init) \
    X(zip_error_init_with_code) X(zip_error_fini)

/* The functions of libxlsxwriter the sheet writer (src/sheet.c) calls. */
#define SHLIB_XLSXWRITER_CALLS(X) \
    X(workbook_new_opt) X(workbook_add_worksheet) X(workbook_add_format) \
    X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number) \
    X(worksheet_write_datetime) X(workbook_close)

/* The functions of ICU (libicui18n and the libicuuc it brings) pinyin.c and termwidth.c call. */
#define SHLIB_ICU_CALLS(X) \
    X(ucol_open) X(ucol_setAttribute) X(ucol_strcollUTF8) X(ucol_close) X(u_errorName) \
    X(u_cleanup) X(u_getIntPropertyValue)
// clang-format on

#define SHLIB_FIELD(f) __typeof__(f) *f;

struct zip_calls {
    SHLIB_ZIP_CALLS(SHLIB_FIELD)
};

struct xlsxwriter_calls {
    SHLIB_XLSXWRITER_CALLS(SHLIB_FIELD)
};

struct icu_calls {
    SHLIB_ICU_CALLS(SHLIB_FIELD)
};

/*
** libzip's functions, the library opened on the first call. Returns the
** table (never freed), or NULL with *err (caller frees; err may be NULL)
** saying the library is missing and which Debian package brings it.
*/
const struct zip_calls *shlib_zip(char **err);

/* libxlsxwriter's functions, as shlib_zip() gives libzip's. */
const struct xlsxwriter_calls *shlib_xlsxwriter(char **err);

/* ICU's functions, as shlib_zip() gives libzip's. */
const struct icu_calls *shlib_icu(char **err);

/* ICU's functions if a call of shlib_icu() opened it, else NULL: nothing of it to clean up. */
const struct icu_calls *shlib_icu_opened(void);

#endif
