/*
** sheet: see sheet.h.
*/
#include "sheet.h"
#include "csv.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

struct sheet {
    enum sheet_format format;
    char *path, *tmp;
    /* CSV */
    FILE *f;
    struct codec_encoder *enc;
    struct strbuf cell, out;
    /* XLSX */
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *text;
    lxw_row_t next_row;
};

enum sheet_format sheet_format_for(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0 ? SHEET_XLSX : SHEET_CSV;
}

int sheet_open(const char *path, enum sheet_format format, enum codec codec, const char *name,
               struct sheet **out, char **err)
{
    struct sheet *s = xcalloc(1, sizeof *s);
    s->format = format;
    s->path = xstrdup(path);
    s->tmp = xasprintf("%s.part", path);
    *out = NULL;
    if (format == SHEET_XLSX) {
        lxw_workbook_options opt = {0};
        opt.constant_memory = 1;
        s->wb = workbook_new_opt(s->tmp, &opt);
        if (s->wb) s->ws = workbook_add_worksheet(s->wb, name);
        if (!s->wb || !s->ws) {
            *err = xasprintf(_("cannot write %s"), path);
            sheet_abort(s);
            return -1;
        }
        s->text = workbook_add_format(s->wb);
        format_set_num_format(s->text, "@");
    } else {
        s->f = fopen(s->tmp, "wb");
        if (!s->f) {
            *err = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
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
        *err = xasprintf(_("cannot write %s: %s"), s->path, strerror(errno));
        return -1;
    }
    return 0;
}

int sheet_row(struct sheet *s, const char *const *cells, const unsigned *flags, size_t n,
              size_t *bad_cell, char **err)
{
    if (s->format == SHEET_CSV) return csv_row(s, cells, flags, n, bad_cell, err);
    for (size_t i = 0; i < n; i++) {
        lxw_error e = worksheet_write_string(s->ws, s->next_row, (lxw_col_t)i, cells[i],
                                             flags[i] & SHEET_TEXT ? s->text : NULL);
        if (e != LXW_NO_ERROR) {
            *bad_cell = i;
            *err = xasprintf(_("cannot write the cell: %s"), lxw_strerror(e));
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
    free(s->tmp);
    free(s);
}

int sheet_close(struct sheet *s, char **err)
{
    int ok;
    if (s->format == SHEET_XLSX) {
        ok = workbook_close(s->wb) == LXW_NO_ERROR;
        s->wb = NULL;
    } else {
        ok = fflush(s->f) == 0 && fsync(fileno(s->f)) == 0;
        ok = fclose(s->f) == 0 && ok;
        s->f = NULL;
    }
    if (ok && rename(s->tmp, s->path) != 0) ok = 0;
    if (!ok) {
        *err = xasprintf(_("cannot write %s: %s"), s->path, strerror(errno));
        unlink(s->tmp);
    }
    sheet_free(s);
    return ok ? 0 : -1;
}

void sheet_abort(struct sheet *s)
{
    if (s->f) fclose(s->f);
    if (s->wb) {
        workbook_close(s->wb);
    }
    unlink(s->tmp);
    sheet_free(s);
}
