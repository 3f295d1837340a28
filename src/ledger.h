/*
** ledger: reading a resident register (台账) as offices keep them: a CSV
** file from Excel or WPS in UTF-8 (with or without BOM), GBK or GB18030,
** with the column headers people use (姓名, 公民身份号码, 联系电话 ...).
**
** The file is mapped, its encoding detected (BOM, then strict UTF-8, then
** GB18030) or forced, and its records found on the raw bytes, so every
** record keeps its physical line number and its bytes exactly as in the
** file (for the rejects file). Each record is decoded on its own: a bad
** byte spoils one row, named with its line and column, never the file.
** Checking a row against the resident rules is ledger_row_check().
*/
#ifndef BANGBAN_LEDGER_H
#define BANGBAN_LEDGER_H

#include <stddef.h>

#include "codec.h"
#include "csv.h"
#include "record.h"
#include "resident.h"
#include "util.h"

/* Column mapping results besides a field number. */
#define LEDGER_IGNORED    100 /* known, carries nothing to keep (序号) */
#define LEDGER_UNKNOWN    101 /* not a header this kind of ledger knows */
#define LEDGER_TWICE      102 /* a field another column of the ledger feeds already */
#define LEDGER_FIELDS_MAX 24
/* Bounds on what a ledger may be: past them a file is refused (header) or a row is (record). */
#define LEDGER_HEADER_MAX  65536u   /* bytes of the header line */
#define LEDGER_COLUMNS_MAX 500u     /* columns of the header */
#define LEDGER_TITLE_LINES 5        /* title lines above a header that are looked past */
#define LEDGER_RECORD_MAX  1048576u /* bytes of one record */
#define LEDGER_CELL_MAX    500u     /* characters of a cell, for fields a schema gives no maximum */
/* The last column of a rejects file: why each row was refused; every kind reads past it. */
#define LEDGER_REASON_HEADER "错误原因"

/* A header people use for a field; a schema lists them, the first for a field is the one written.
 */
struct ledger_header {
    int field; /* 0 .. nfields-1, or LEDGER_IGNORED */
    const char *header;
};

/* What a kind of ledger holds: its fields and the headers that name them. */
struct ledger_schema {
    const struct ledger_header *headers;
    size_t n;
    int nfields;         /* at most LEDGER_FIELDS_MAX */
    const int *required; /* the fields a ledger of the kind must have a column for */
    size_t nrequired;
    const int *secret; /* fields shown masked (ID and mobile numbers) wherever rows are shown */
    size_t nsecret;
    /* Most characters per field (nfields of them; 0 or NULL: LEDGER_CELL_MAX), as the forms allow.
     */
    const unsigned short *max;
};

/* True when field f of schema is shown masked. */
int ledger_schema_secret(const struct ledger_schema *schema, int f);

/* The field a header names in schema (spaces ignored), LEDGER_IGNORED or LEDGER_UNKNOWN. */
int ledger_schema_field(const struct ledger_schema *schema, const char *header);
/* The header bangban writes for field f of schema. */
const char *ledger_schema_header(const struct ledger_schema *schema, int f);

/* The resident fields a ledger column can feed. */
enum ledger_field {
    LF_NAME,
    LF_GENDER,
    LF_ETHNICITY,
    LF_BIRTH,
    LF_ID,
    LF_PHONE,
    LF_LANDLINE,
    LF_COMMUNITY,
    LF_GRID,
    LF_ADDRESS,
    LF_TAGS,
    LF_NOTE,
    LF_COUNT,
    LF_IGNORED = LEDGER_IGNORED,
    LF_UNKNOWN = LEDGER_UNKNOWN,
};

/* The resident register's schema. */
extern const struct ledger_schema ledger_residents;

/* The resident field a header names (姓名 -> LF_NAME), LF_IGNORED or LF_UNKNOWN. */
enum ledger_field ledger_field_for(const char *header);

/* The header bangban writes for a resident field (姓名, 居民身份证号 ...). */
const char *ledger_field_header(enum ledger_field f);

struct ledger;

/* A row's fields: v[0 .. n), borrowed from the ledger. */
struct ledger_cells {
    char **v;
    size_t n;
};

struct ledger_row {
    int line;  /* the row it is on as a spreadsheet shows the file (1-based): a CSV's line, less
                * the line breaks inside cells above it */
    int lines; /* the lines of text it takes in a CSV file: more than 1 when a cell holds
                * line breaks (or a quote is not closed where it should be); 1 in a sheet */
    const char *raw; /* its bytes in the file, without the line ending; borrowed */
    size_t raw_len;
    char *decode_error; /* NULL, or why the bytes could not be decoded (then no fields) */
    int decode_column;  /* with decode_error: the 0-based column of the bad byte */
    /* the decoded fields; owned by the ledger, valid until the next row */
    struct ledger_cells fields;
};

/*
** Open a ledger whose columns are read by schema (ledger_residents ...).
** forced: 0 to detect the encoding, else use codec. Returns
** 0 with *out, or -1 with *err (caller frees) when the file cannot be read,
** is empty, is UTF-16, or its header cannot be decoded.
*/
int ledger_open(const char *path, const struct ledger_schema *schema, int forced, enum codec codec,
                struct ledger **out, char **err);
/*
** ledger_open(), and when path is an Excel workbook (a zip, whatever its
** name) the sheet called sheet in it (NULL: its first sheet): its rows are
** read as a CSV file's records would be, numbered as Excel numbers them,
** and the rejects file is written as CSV (UTF-8 with BOM). A sheet given
** for a CSV file, an Excel 97-2003 file (.xls) and an OpenDocument sheet
** (.ods) are refused saying what to do.
*/
int ledger_open_sheet(const char *path, const char *sheet, const struct ledger_schema *schema,
                      int forced, enum codec codec, struct ledger **out, char **err);
/* The same over size bytes at data (which must outlive the ledger); name stands for the file. */
int ledger_open_buffer(const char *name, const char *data, size_t size,
                       const struct ledger_schema *schema, int forced, enum codec codec,
                       struct ledger **out, char **err);
void ledger_close(struct ledger *l);

/* The schema l was opened with. */
const struct ledger_schema *ledger_schema_of(const struct ledger *l);

/* The header of the first field its schema requires that l has no column for, or NULL. */
const char *ledger_missing(const struct ledger *l);

/* The sheet read when l is a workbook (borrowed), or NULL for a CSV file. */
const char *ledger_sheet(const struct ledger *l);
/*
** The line (a workbook's row) the header is on: the first, or when that
** lacks a column the kind needs and one of the next LEDGER_TITLE_LINES has
** them all, that one; and how many lines (rows) above it were looked past
** as a title (和平区居民信息登记表): 0 when the header is the first.
*/
int ledger_header_line(const struct ledger *l);
int ledger_title_lines(const struct ledger *l);
/* Every sheet of the workbook l reads, in its order (borrowed), or NULL for a CSV file. */
const struct strlist *ledger_sheets(const struct ledger *l);
/*
** The sheets of the workbook at path into out (cleared first), even when
** one of them cannot be read as a ledger (its first sheet empty, say).
** Returns how many: 0 when path is not a workbook that opens.
*/
size_t ledger_workbook_sheets(const char *path, struct strlist *out);

/*
** How many cells read so far had line breaks in a field of one line (an
** address typed with Alt+Enter in Excel, a quoted line break in CSV): each
** break, with the spaces around it, was made one space.
*/
size_t ledger_joined(const struct ledger *l);

/* The encoding in use, and whether it was detected (1) or forced (0). */
enum codec ledger_codec(const struct ledger *l);
int ledger_detected(const struct ledger *l);

/* The header's columns, and the field each feeds (a field of the schema, LEDGER_IGNORED,
 * LEDGER_UNKNOWN or LEDGER_TWICE). */
size_t ledger_columns(const struct ledger *l);
const char *ledger_column_name(const struct ledger *l, size_t i);
int ledger_column_field(const struct ledger *l, size_t i);
/*
** Let column i feed field f instead (a field of the schema, or
** LEDGER_IGNORED): a header the schema does not know, mapped by the clerk.
** A column that fed f before is then ignored. Returns 0, or -1 when i or f
** is out of range.
*/
int ledger_map_column(struct ledger *l, size_t i, int f);

/*
** Apply mappings written "HEADER=TARGET" (TARGET a header the schema knows
** for a field, such as 手机号, or empty to ignore the column). Returns 0,
** or -1 with *err (caller frees) naming the mapping that does not fit.
*/
int ledger_map_text(struct ledger *l, const char *mapping, char **err);

/* The column feeding field f, or -1. */
int ledger_column_of(const struct ledger *l, int f);
/* The value of field f in a row ("" when the ledger has no such column). Borrowed. */
const char *ledger_value_of(const struct ledger *l, const struct ledger_row *row, int f);
/* The header of the column feeding field f, or the schema's own header for it. Borrowed. */
const char *ledger_column_header(const struct ledger *l, int f);

/*
** Write a rejects file: the ledger's BOM and header as they are in the
** file (a UTF-8 ledger's with a BOM, which Excel needs, whether it had one
** or not), then rows[0..n) (raw bytes of lens[i] each), each with the
** ledger's own line ending; after each row, in a last column headed
** LEDGER_REASON_HEADER, reasons[i] (UTF-8, written in the ledger's own
** encoding, a character it has no code for as ?). A ledger that has that
** column last already (a rejects file imported again) keeps it, each
** row's old reason replaced. Returns 0, or -1 with *err (caller frees).
*/
int ledger_write_rejects(const struct ledger *l, const char *path, char *const *rows,
                         const size_t *lens, char *const *reasons, size_t n, char **err);

/*
** A registered record (into) with a ledger row's values (from) for the
** columns the ledger has; tags are only added (a list of 空巢老人 says
** nothing about 党员), a blank cell keeps what is on file (a phone, an
** address, a note, a community and grid left blank), and a community
** column without a grid column keeps the grid on file while the community
** is the same.
*/
void ledger_merge(const struct ledger *l, const struct resident *from, struct resident *into);

/* The text a ledger holds for field f of r (男/女 for the gender); borrowed from r. */
const char *ledger_value(const struct resident *r, enum ledger_field f);

/* Bytes of the file, and how far reading has come (for a progress bar). */
size_t ledger_size(const struct ledger *l);
size_t ledger_offset(const struct ledger *l);

/* Read the next record into *row. Returns 1, or 0 at the end. */
int ledger_next(struct ledger *l, struct ledger_row *row);

/* A problem found in a row. */
struct ledger_problem {
    int line;     /* physical line */
    char *column; /* the header of the column at fault, or "" for the whole row */
    char *reason; /* in the clerk's language */
};

struct ledger_problems {
    struct ledger_problem *v;
    size_t n, cap;
};

void ledger_problem_add(struct ledger_problems *p, int line, const char *column, char *reason);
void ledger_problems_free(struct ledger_problems *p);

/*
** The shape of a row: it decoded, it has as many columns as the header
** (empty extra cells aside), and every cell the schema keeps meets the one
** rule for stored text (text_find_forbidden()) and its field's most
** characters. Returns the number of problems added (0: the row may be
** checked further).
*/
int ledger_row_shape(const struct ledger *l, const struct ledger_row *row,
                     struct ledger_problems *problems);

/*
** Field f of a row as one line of text, trimmed (caller frees), or NULL
** with a problem added when it holds a line break or a control character.
*/
char *ledger_row_line(const struct ledger *l, const struct ledger_row *row, int f,
                      struct ledger_problems *problems);

/*
** Field f of row as one line into a record's text field *into (record_set());
** a value that is not one line, or an empty one when required, is a problem.
*/
void ledger_row_take(const struct ledger *l, const struct ledger_row *row, int f, int required,
                     char **into, struct ledger_problems *p);

/*
** Check a row and turn it into a resident (out is initialised here; free it
** with resident_free()). Birth date and gender missing from the row are
** taken from the ID number; a 15-digit ID is upgraded (*upgraded set).
** Returns how many problems were added to *problems (0: the row is good).
*/
int ledger_row_check(const struct ledger *l, const struct ledger_row *row, struct resident *out,
                     int *upgraded, struct ledger_problems *problems);

#endif
