/*
** workbook_libs: the workbook libraries, opened when a workbook is first
** read (libzip) or written (libxlsxwriter) rather than at every start.
** Both bring libcrypto with them: linked, they were a third of the time
** bangban takes to start, for a screen or a command that never touches a
** workbook. Each table holds the library's functions under their own
** names (z->zip_fopen(...)); it is loaded once per process, whatever the
** thread, and kept until the process ends.
*/
#ifndef BANGBAN_WORKBOOK_LIBS_H
#define BANGBAN_WORKBOOK_LIBS_H

#include <xlsxwriter.h>
#include <zip.h>

// clang-format off
/* The functions of libzip the workbook reader (src/xlsx.c) calls. */
#define WORKBOOK_ZIP_CALLS(X) \
    X(zip_open) X(zip_open_from_source) X(zip_source_buffer_create) X(zip_source_free) \
    X(zip_fopen) X(zip_fread) X(zip_fclose) X(zip_stat) X(zip_discard) X(zip_strerror) \
    X(zip_file_strerror) X(zip_error_init) X(zip_error_init_with_code) X(zip_error_fini) \
    X(zip_error_strerror)

/* The functions of libxlsxwriter the sheet writer (src/sheet.c) calls. */
#define WORKBOOK_XLSXWRITER_CALLS(X) \
    X(workbook_new_opt) X(workbook_add_worksheet) X(workbook_add_format) \
    X(format_set_num_format) X(worksheet_write_string) X(workbook_close)
// clang-format on

#define WORKBOOK_LIBS_FIELD(f) __typeof__(f) *f;

struct zip_calls {
    WORKBOOK_ZIP_CALLS(WORKBOOK_LIBS_FIELD)
};

struct xlsxwriter_calls {
    WORKBOOK_XLSXWRITER_CALLS(WORKBOOK_LIBS_FIELD)
};

/*
** libzip's functions, the library opened on the first call. Returns the
** table (never freed), or NULL with *err (caller frees) saying the library
** is missing and which Debian package brings it.
*/
const struct zip_calls *workbook_libs_zip(char **err);

/* libxlsxwriter's functions, as workbook_libs_zip() gives libzip's. */
const struct xlsxwriter_calls *workbook_libs_xlsxwriter(char **err);

#endif
