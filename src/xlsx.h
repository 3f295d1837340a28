/*
** xlsx: reading an Excel workbook (.xlsx) a row at a time, as the ledger
** reader (src/ledger.h) reads a CSV file: the zip is opened with libzip,
** its XML parts read by expat. The sheet is found by its name in
** xl/workbook.xml and its relationship (xl/_rels/workbook.xml.rels); the
** shared strings table is held in memory (Excel requires it whole), the
** sheet itself is streamed through a small buffer, so a sheet of hundreds
** of thousands of rows never sits in memory whole.
**
** Each cell is text as Excel shows it in the General format: shared and
** inline strings as written (_xHHHH_ escapes undone), numbers with at most
** 15 significant digits (an 18-digit ID number stored as a number reads
** 1.20101199001011E+17, the damage the ID check names), TRUE / FALSE,
** errors as written (#N/A), and a number whose cell style is a date
** (built-in formats 14-22 and the East Asian ones, or a custom format with
** y, m or d) as YYYY-MM-DD, with HH:MM[:SS] when the format shows a time.
*/
#ifndef BANGBAN_XLSX_H
#define BANGBAN_XLSX_H

#include <stddef.h>

#include "util.h"

/* What the first bytes of a file say it is. */
enum xlsx_kind {
    XLSX_NONE,   /* not a zip nor an old Excel file: text */
    XLSX_ZIP,    /* a zip: a workbook, or an OpenDocument sheet (xlsx_open() tells) */
    XLSX_XLS,    /* an Excel 97-2003 workbook (OLE2 compound file) */
    XLSX_LOCKED, /* a workbook protected by a password (an OLE2 file holding EncryptedPackage) */
};

/* The kind of the file whose bytes (or first n of them) are head. */
enum xlsx_kind xlsx_sniff(const char *head, size_t n);

struct xlsx;

/*
** Open the workbook at path (or, with data, the size bytes at data, which
** must outlive the reader; path then only names it) and stand before the
** first row of the sheet called sheet (NULL: the first sheet). Returns 0
** with *out, or -1 with *err (caller frees) naming what is wrong: not a
** workbook, an OpenDocument sheet, no sheet of that name (the names it
** has listed), a damaged part.
*/
int xlsx_open(const char *path, const char *data, size_t size, const char *sheet, struct xlsx **out,
              char **err);

/* Close the reader (NULL is fine). */
void xlsx_close(struct xlsx *x);

/* The name of the sheet being read. Borrowed. */
const char *xlsx_sheet_name(const struct xlsx *x);
/* Every sheet's name, in the workbook's order. Borrowed. */
const struct strlist *xlsx_sheets(const struct xlsx *x);

/*
** Read the next row that has a cell into cells (cleared first: one entry
** per column from A up to the last cell, "" where there is none) and its
** row number (1-based, as Excel shows it) into *row. Returns 1, 0 at the
** end of the sheet, or -1 with *err (caller frees) when the sheet is
** damaged from there on.
*/
int xlsx_next(struct xlsx *x, struct strlist *cells, int *row, char **err);

/* The bytes of the sheet's XML, and how many were read (for a progress bar). */
size_t xlsx_size(const struct xlsx *x);
size_t xlsx_offset(const struct xlsx *x);

/* The letters of 0-based column col (0 -> A, 26 -> AA) into out. */
void xlsx_column_name(size_t col, char out[8]);

#endif
