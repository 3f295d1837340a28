/*
** sheet: writing a ledger out: a CSV file as Chinese Excel opens it (UTF-8
** with BOM, or GB18030 / GBK when asked; CRLF; quoting; formula guard; ID
** and phone numbers kept as text), or an .xlsx workbook (libxlsxwriter)
** whose numbers (a count, hours) are numbers Excel sums, whose dates and
** times are dates it sorts and filters, and whose ID and phone numbers,
** codes with a leading 0 and all else are text: no 18-digit ID number
** becomes 1.2E+17.
**
** The file is written in a private directory (mode 0700) made beside it,
** as mode 0600, and renamed into place when complete: a failed export (a
** character with no GBK code, a full disk) leaves nothing behind, and a
** symlink planted at a name guessed in advance is never followed.
*/
#ifndef BANGBAN_SHEET_H
#define BANGBAN_SHEET_H

#include <stddef.h>

#include "codec.h"
#include "csv.h"

enum sheet_format {
    SHEET_CSV,
    SHEET_XLSX,
};

/*
** Per-cell flags for sheet_row(): digits to keep as text (ID and phone
** numbers, codes), a string in a workbook too where digits alone would
** make a number (a date stays a date); and every cell of either format that could start a formula is guarded
** (csv_formula_risk()): a leading ' in CSV, the text number format "@"
** in a workbook (so editing the cell does not make it a formula).
*/
#define SHEET_TEXT CSV_TEXT
/* The format a file's name asks for: .xlsx (any case) is a workbook, anything else CSV. */
enum sheet_format sheet_format_for(const char *path);
/*
** The extension of path (".xls") when it names a spreadsheet format
** bangban does not write (.xls, .xlsm, .xlsb, .ods, .et), or, for a writer
** of text or CSV whatever the name (workbooks 0: a receipt, a rejects
** file), a workbook (.xlsx); and any other starting .x (.xlx, .xslx: .xlsx
** mistyped): a file written under it would be text that Excel or WPS
** refuses or warns about. NULL when the name is fine. Points into path.
*/
const char *sheet_name_refused(const char *path, int workbooks);

struct sheet;

/*
** Start writing path in format (codec: for CSV only). name is the
** worksheet's name. Returns 0 with *out, or -1 with *err (caller frees).
*/
int sheet_open(const char *path, enum sheet_format format, enum codec codec, const char *name,
               struct sheet **out, char **err);

/*
** Write a row of n cells. Returns 0, or -1 when a cell cannot be written
** in the encoding: *bad_cell gets its index and *err the reason (the
** character and its code point; caller frees).
*/
int sheet_row(struct sheet *s, const char *const *cells, const unsigned *flags, size_t n,
              size_t *bad_cell, char **err);

/* Finish and put the file in place. Returns 0, or -1 with *err. Frees s. */
int sheet_close(struct sheet *s, char **err);

/* Give up: remove the temporary file. Frees s. */
void sheet_abort(struct sheet *s);

#endif
