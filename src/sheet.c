/*
** sheet: see sheet.h.
*/
#include "sheet.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "util.h"
#include "shlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct sheet {
    enum sheet_format format;
    char *path;
    struct outfile out_file; /* written in private, renamed over path when complete */
    /* CSV */
    FILE *f;
    struct codec_encoder *enc;
    struct strbuf cell, out;
    /* XLSX */
    const struct xlsxwriter_calls *w; /* libxlsxwriter */
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *text;     /* the "@" number format: what is typed over it stays text, even a '=' */
    lxw_format *dates[3]; /* yyyy-mm-dd, yyyy-mm-dd hh:mm, yyyy-mm-dd hh:mm:ss */
    lxw_row_t next_row;
};

static void sheet_free(struct sheet *s);

enum sheet_format sheet_format_for(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0 ? SHEET_XLSX : SHEET_CSV;
}

const char *sheet_name_refused(const char *path, int workbooks)
{
    static const char *const foreign[] = {".xlsx", ".xls", ".xlsm", ".xlsb", ".ods", ".et"};
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/')) return NULL;
    for (size_t i = workbooks ? 1 : 0; i < ARRAY_LEN(foreign); i++)
        if (strcasecmp(dot, foreign[i]) == 0) return dot;
    /* .xlx, .xslx: .xlsx mistyped, which would be written as CSV under that name. */
    if ((dot[1] == 'x' || dot[1] == 'X') && (!workbooks || strcasecmp(dot, ".xlsx") != 0))
        return dot;
    return NULL;
}

/*
** libxlsxwriter writes "[ERROR] ..." lines of its own to stderr, in
** English, over a full-screen form. While it works, stderr goes nowhere;
** what went wrong is told by the error it returns. Returns the saved fd.
*/
static int quiet_begin(void)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        dup2(null, STDERR_FILENO);
        close(null);
    }
    return saved;
}

static void quiet_end(int saved)
{
    if (saved < 0) return;
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
}

/* Why writing path failed, in words people read ("the disk is full"). Caller frees. */
static char *write_error(const char *path, int e)
{
    char *why = util_errno_text(e);
    char *msg = xasprintf(_("cannot write %s: %s"), path, why);
    free(why);
    return msg;
}

/* Start the workbook. 0, or -1 with *err (caller frees). */
static int xlsx_open(struct sheet *s, const char *name, char **err)
{
    char *why = NULL;
    s->w = shlib_xlsxwriter(&why);
    if (!s->w) {
        *err = xasprintf(_("writing a workbook needs libxlsxwriter: %s"), why);
        free(why);
        return -1;
    }
    lxw_workbook_options opt = {0};
    opt.constant_memory = 1;
    opt.tmpdir = s->out_file.dir; /* its scratch files: private as well */
    int q = quiet_begin();
    s->wb = s->w->workbook_new_opt(s->out_file.tmp, &opt);
    if (s->wb) s->ws = s->w->workbook_add_worksheet(s->wb, name);
    quiet_end(q);
    if (!s->wb || !s->ws) {
        *err = write_error(s->path, errno);
        return -1;
    }
    s->text = s->w->workbook_add_format(s->wb);
    s->w->format_set_num_format(s->text, "@");
    static const char *const shown[] = {"yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm:ss"};
    for (size_t i = 0; i < ARRAY_LEN(shown); i++) {
        s->dates[i] = s->w->workbook_add_format(s->wb);
        s->w->format_set_num_format(s->dates[i], shown[i]);
    }
    return 0;
}

int sheet_open(const char *path, enum sheet_format format, enum codec codec, const char *name,
               struct sheet **out, char **err)
{
    struct sheet *s = xcalloc(1, sizeof *s);
    s->format = format;
    s->path = xstrdup(path);
    *out = NULL;
    int fd = outfile_open(&s->out_file, path, format == SHEET_CSV);
    if (fd < 0) {
        *err = write_error(path, errno);
        sheet_free(s);
        return -1;
    }
    if (format == SHEET_XLSX) {
        if (xlsx_open(s, name, err) != 0) {
            sheet_abort(s);
            return -1;
        }
    } else {
        s->f = fdopen(fd, "wb");
        if (!s->f) {
            *err = write_error(path, errno);
            close(fd);
            sheet_abort(s);
            return -1;
        }
        s->enc = codec_encoder_new(codec);
        if (codec == CODEC_UTF8) fputs("\xEF\xBB\xBF", s->f);
    }
    *out = s;
    return 0;
}

static int csv_row(struct sheet *s, const char *const *cells, const unsigned *flags, size_t n,
                   size_t *bad_cell, char **err)
{
    strbuf_reset(&s->out);
    for (size_t i = 0; i < n; i++) {
        strbuf_reset(&s->cell);
        csv_put(&s->cell, cells[i], i == 0, flags[i]);
        struct codec_error e;
        if (codec_encoder_put(s->enc, s->cell.buf, s->cell.len, &s->out, &e) != 0) {
            *bad_cell = i;
            *err = codec_error_reason(&e);
            return -1;
        }
    }
    csv_end_row(&s->out);
    if (fwrite(s->out.buf, 1, s->out.len, s->f) != s->out.len) {
        *bad_cell = n;
        *err = write_error(s->path, errno);
        return -1;
    }
    return 0;
}

/*
** c as a number Excel sums: an optional '-', digits with no leading zero
** (0101 is a code), at most one point, 15 significant digits at most (what
** a double keeps, and what the workbook reader gives back). 1 with *out.
*/
static int cell_number(const char *c, double *out)
{
    const char *p = c + (*c == '-');
    size_t digits = 0, points = 0;
    if (p[0] == '0' && p[1] >= '0' && p[1] <= '9') return 0;
    for (const char *q = p; *q; q++) {
        if (*q == '.')
            points++;
        else if (*q >= '0' && *q <= '9')
            digits++;
        else
            return 0;
    }
    if (digits == 0 || digits > 15 || points > 1 || p[0] == '.' || c[strlen(c) - 1] == '.')
        return 0;
    *out = strtod(c, NULL);
    return 1;
}

/* Two digits at p as a number, or -1. */
static int two_digits(const char *p)
{
    return p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' ? (p[0] - '0') * 10 + p[1] - '0'
                                                                    : -1;
}

/*
** c as a date or a time of day Excel sorts and filters: YYYY-MM-DD, with
** HH:MM or HH:MM:SS after a space. Returns 1, 2 or 3 (how much of it is
** there: s->dates' index + 1) with *out, or 0.
*/
static int cell_date(const char *c, lxw_datetime *out)
{
    size_t n = strlen(c);
    if (n != 10 && n != 16 && n != 19) return 0;
    int century = two_digits(c), years = two_digits(c + 2);
    int y = century * 100 + years, m = two_digits(c + 5), d = two_digits(c + 8);
    if (century < 0 || years < 0 || y < 1900 || c[4] != '-' || c[7] != '-' || !date_valid(y, m, d))
        return 0;
    *out = (lxw_datetime){.year = y, .month = m, .day = d};
    if (n == 10) return 1;
    out->hour = two_digits(c + 11);
    out->min = two_digits(c + 14);
    if (c[10] != ' ' || c[13] != ':' || out->hour < 0 || out->hour > 23 || out->min < 0 ||
        out->min > 59)
        return 0;
    if (n == 16) return 2;
    int sec = two_digits(c + 17);
    if (c[16] != ':' || sec < 0 || sec > 59) return 0;
    out->sec = sec;
    return 3;
}

/* One cell of a workbook: a number or a date as one, anything else (and flags' text) as text. */
static lxw_error xlsx_cell(struct sheet *s, lxw_col_t col, const char *c, unsigned flags)
{
    double number;
    lxw_datetime when;
    int kind;
    if (csv_formula_risk(c))
        return s->w->worksheet_write_string(s->ws, s->next_row, col, c, s->text);
    if (!(flags & SHEET_TEXT) && cell_number(c, &number))
        return s->w->worksheet_write_number(s->ws, s->next_row, col, number, NULL);
    if ((kind = cell_date(c, &when)) != 0)
        return s->w->worksheet_write_datetime(s->ws, s->next_row, col, &when, s->dates[kind - 1]);
    return s->w->worksheet_write_string(s->ws, s->next_row, col, c,
                                        (flags & SHEET_TEXT) ? s->text : NULL);
}

int sheet_row(struct sheet *s, const char *const *cells, const unsigned *flags, size_t n,
              size_t *bad_cell, char **err)
{
    if (s->format == SHEET_CSV) return csv_row(s, cells, flags, n, bad_cell, err);
    for (size_t i = 0; i < n; i++) {
        lxw_error e = xlsx_cell(s, (lxw_col_t)i, cells[i], flags[i]);
        if (e != LXW_NO_ERROR) {
            *bad_cell = i;
            *err = e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                       ? xstrdup(_("longer than a workbook cell may be (32,767 characters)"))
                       : write_error(s->path, errno);
            return -1;
        }
    }
    s->next_row++;
    return 0;
}

static void sheet_free(struct sheet *s)
{
    codec_encoder_free(s->enc);
    strbuf_free(&s->cell);
    strbuf_free(&s->out);
    free(s->path);
    free(s);
}

int sheet_close(struct sheet *s, char **err)
{
    int ok;
    errno = 0;
    if (s->format == SHEET_XLSX) {
        int q = quiet_begin();
        ok = s->w->workbook_close(s->wb) == LXW_NO_ERROR;
        quiet_end(q);
        s->wb = NULL;
        /* Written by the library with the umask's mode: the register is for its owner alone. */
        ok = ok && chmod(s->out_file.tmp, 0600) == 0;
    } else {
        ok = fflush(s->f) == 0 && fsync(fileno(s->f)) == 0;
        ok = fclose(s->f) == 0 && ok;
        s->f = NULL;
    }
    if (ok && outfile_commit(&s->out_file) != 0) ok = 0;
    if (!ok) *err = write_error(s->path, errno ? errno : EIO);
    outfile_abort(&s->out_file);
    sheet_free(s);
    return ok ? 0 : -1;
}

void sheet_abort(struct sheet *s)
{
    if (s->f) fclose(s->f);
    if (s->wb) {
        int q = quiet_begin();
        s->w->workbook_close(s->wb);
        quiet_end(q);
    }
    outfile_abort(&s->out_file);
    sheet_free(s);
}
