/*
** csv: comma-separated ledgers as Excel and WPS read and write them
** (RFC 4180: fields with commas, quotes or line breaks are quoted, a quote
** inside is doubled; rows end in CRLF). Records are found on the raw bytes
** of a file, whatever its encoding: in UTF-8, GBK and GB18030 a quote or a
** line feed byte is never part of a multi-byte character.
*/
#ifndef BANGBAN_CSV_H
#define BANGBAN_CSV_H

#include <stddef.h>

#include "util.h"

/*
** Find the record starting at buf[0..n), its fields split at delim (0: at
** a comma or a tab, for a header whose delimiter is not known yet): up to
** a line feed outside quotes, a quote opening a quoted field only as a
** field's first character. Returns its length without the line ending (LF
** or CRLF); *next gets the offset where the next record starts, *lines the
** physical lines it spans, *unclosed 0, or when the buffer ended inside a
** quoted field 1 + the offset of the quote that opened it.
*/
size_t csv_record(const char *buf, size_t n, char delim, size_t *next, int *lines,
                  size_t *unclosed);

/* The field (from 0) of record rec, split at delim, that byte offset is in. */
int csv_column_at(const char *rec, size_t offset, char delim);

/* The offset in rec[0..n) of the delimiter that ends field col - 1 (col from 1), or n. */
size_t csv_column_delim(const char *rec, size_t n, char delim, int col);

/*
** Split a (decoded, UTF-8) record into fields at delim, undoing quotes.
** Text after a closing quote is kept as it is. Replaces what *out held.
*/
void csv_split(const char *rec, size_t n, char delim, struct strlist *out);

/*
** A record's fields with their text in one buffer, for a reader of many
** rows: no allocation per field once the buffers have grown. v[i] is field
** i (NUL-ended), valid until the cells are cleared, added to or freed.
** Initialise with CSV_CELLS_INIT; free with csv_cells_free().
*/
struct csv_cells {
    char **v;
    size_t n;
    size_t cap;         /* of v and at */
    size_t *at;         /* where each field starts in text */
    struct strbuf text; /* the fields, each followed by its NUL */
};
#define CSV_CELLS_INIT                                                                             \
    {                                                                                              \
        NULL, 0, 0, NULL, STRBUF_INIT                                                              \
    }

/* Split a record as csv_split() does, into out (what it held goes). */
void csv_cells_split(const char *rec, size_t n, char delim, struct csv_cells *out);
/* No fields (the buffers are kept). */
void csv_cells_clear(struct csv_cells *c);
/* Append a field: the n bytes at s. */
void csv_cells_add(struct csv_cells *c, const char *s, size_t n);
void csv_cells_free(struct csv_cells *c);

/* The delimiter a header line uses: tab when it has more tabs than commas, else comma. */
char csv_guess_delim(const char *header, size_t n);

/*
** True when a spreadsheet would take field as the start of a formula: it
** begins with = + - @, a tab or a carriage return. Every text cell of every
** export is guarded by this one test (csv_put(), and the xlsx writer's
** quote prefix), whatever column it is in.
*/
int csv_formula_risk(const char *field);
/*
** True when a CSV cell reading field carries csv_put()'s guard: a ' before
** what csv_formula_risk() finds or before a field so guarded itself ('=1,
** ''=1). Reading it takes one ' off.
*/
int csv_guarded(const char *field);
/* csv_put() flags. */
#define CSV_TEXT                                                                                   \
    1u /* a number to keep as text (IDs, phones): a leading tab stops Excel's rounding */
/*
** Append one field (and the delimiter before it unless first) to out; a
** field csv_formula_risk() finds gets a leading ' so it stays text, and so
** does one csv_guarded() would take a ' off ('-' 表示无), so that reading
** gives back what was written.
*/
void csv_put(struct strbuf *out, const char *field, int first, unsigned flags);

/* End a row: CRLF. */
void csv_end_row(struct strbuf *out);

#endif
