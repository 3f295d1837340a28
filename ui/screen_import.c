/*
** screen_import: importing a ledger of any kind the ledger kinds table
** (app/ledgers.h) imports: 居民台账, 服务清单, 工作日历. The clerk names the file; the screen shows
** its first rows as they decode (so a wrongly guessed encoding is seen and
** changed before anything is written: a short GBK file can pass for
** UTF-8), which columns were understood and which not, then imports with a
** progress bar and lists every rejected row with its line, column and
** reason, and where the rejects file went.
*/
#include "app/ledgers.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/idcard.h"
#include "src/ledger.h"
#include "src/phone.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREVIEW_ROWS 5

enum { F_FILE, F_ENCODING, F_EXISTING };

struct import_screen {
    struct screen base;
    const struct ledger_kind *kind;
    struct form form;
    char *loaded_path; /* what the preview shows */
    int64_t loaded_encoding;
    struct strlist preview; /* lines to show: rows, columns, problems */
    int ready;              /* the file opened: F2 may import */
    struct strlist results; /* after an import: the report, one line each */
    size_t first;           /* the first line shown */
};

static const enum action import_bar[] = {ACT_SAVE, ACT_NONE};

/* Encodings offered: ENCODING_DETECT, else ENCODING_FORCED + enum codec. */
#define ENCODING_DETECT 1
#define ENCODING_FORCED 2

static int encoding_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, ENCODING_DETECT, _("Detect"), _("BOM, then UTF-8, else GB18030"));
    choice_list_offer(out, query, ENCODING_FORCED + CODEC_UTF8, "UTF-8", "");
    choice_list_offer(out, query, ENCODING_FORCED + CODEC_GB18030, "GB18030", _("GBK and more"));
    choice_list_offer(out, query, ENCODING_FORCED + CODEC_GBK, "GBK", "");
    return 0;
}

/* Open the ledger as the form says. */
static int ledger_open_as(struct import_screen *is, const char *path, struct ledger **l, char **err)
{
    int64_t enc = form_choice(&is->form, F_ENCODING);
    int forced = enc >= ENCODING_FORCED;
    return ledger_open(path, is->kind->schema, forced,
                       forced ? (enum codec)(enc - ENCODING_FORCED) : CODEC_UTF8, l, err);
}

static int existing_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1 + IMPORT_UPDATE, _("Update with the ledger's values"), "");
    choice_list_offer(out, query, 1 + IMPORT_SKIP, _("Leave as registered"), "");
    return 0;
}

/* One preview line of a row: its fields, ID and mobile numbers masked as lists show them. */
static char *preview_row(const struct ledger_schema *schema, struct ledger *l,
                         const struct ledger_row *row)
{
    if (row->decode_error) return xasprintf(_("line %d: %s"), row->line, row->decode_error);
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, _("line %d:"), row->line);
    for (size_t i = 0; i < row->fields.n && i < ledger_columns(l); i++) {
        char *shown = xstrdup(row->fields.v[i]);
        if (ledger_schema_secret(schema, ledger_column_field(l, i)))
            text_mask_number(shown, strlen(shown), shown);
        strbuf_addf(&sb, " %s", shown);
        free(shown);
    }
    return strbuf_detach(&sb);
}

/* Read the file again as the form says and rebuild the preview. */
static void preview_load(struct import_screen *is)
{
    char *path = form_text(&is->form, F_FILE);
    int64_t enc = form_choice(&is->form, F_ENCODING);
    if (is->loaded_path && str_eq(path, is->loaded_path) && enc == is->loaded_encoding) {
        free(path);
        return;
    }
    free(is->loaded_path);
    is->loaded_path = path;
    is->loaded_encoding = enc;
    strlist_clear(&is->preview);
    is->ready = 0;
    if (str_empty(path)) return;
    struct ledger *l;
    char *err;
    if (ledger_open_as(is, path, &l, &err) != 0) {
        strlist_add(&is->preview, err);
        free(err);
        return;
    }
    char *line = xasprintf(ledger_detected(l) ? _("Encoding: %s (detected)") : _("Encoding: %s"),
                           codec_name(ledger_codec(l)));
    strlist_add(&is->preview, line);
    free(line);
    struct strbuf known = STRBUF_INIT, unknown = STRBUF_INIT;
    for (size_t i = 0; i < ledger_columns(l); i++) {
        enum ledger_field f = ledger_column_field(l, i);
        struct strbuf *sb = f == LF_UNKNOWN ? &unknown : &known;
        if (f == LF_IGNORED) continue;
        strbuf_addf(sb, "%s%s", sb->len ? "、" : "", ledger_column_name(l, i));
    }
    line = xasprintf(_("Columns used: %s"), strbuf_str(&known));
    strlist_add(&is->preview, line);
    free(line);
    if (unknown.len) {
        line = xasprintf(_("Columns not known (not imported): %s"), strbuf_str(&unknown));
        strlist_add(&is->preview, line);
        free(line);
    }
    strbuf_free(&known);
    strbuf_free(&unknown);
    struct ledger_row row;
    for (int i = 0; i < PREVIEW_ROWS && ledger_next(l, &row); i++) {
        line = preview_row(is->kind->schema, l, &row);
        strlist_add(&is->preview, line);
        free(line);
    }
    const char *missing = ledger_missing(l);
    is->ready = !missing;
    if (missing) {
        line = xasprintf(_("The ledger has no %s column: it cannot be imported."), missing);
        strlist_add(&is->preview, line);
        free(line);
    }
    ledger_close(l);
}

/* A progress bar over the screen while the import runs. */
static void progress(void *ctx, const char *step, size_t done, size_t total)
{
    (void)ctx;
    dialog_progress(step, done, total);
}

static void import_run(struct import_screen *is)
{
    struct ledger *l;
    char *err;
    if (ledger_open_as(is, is->loaded_path, &l, &err) != 0) {
        ui_message(UI_MSG_ERROR, "%s", err);
        free(err);
        return;
    }
    struct import_options o = {(enum import_existing)(form_choice(&is->form, F_EXISTING) - 1),
                               NULL,
                               is->loaded_path,
                               actor_name(),
                               progress,
                               is,
                               0};
    struct import_report rep;
    int rc = ledger_import(is->kind, ui.db, l, &o, &rep, &err);
    strlist_clear(&is->results);
    if (rc == DB_OK) {
        char *summary = import_summary(&rep);
        ui_message(rep.rejected ? UI_MSG_ERROR : UI_MSG_INFO, "%s", summary);
        strlist_add(&is->results, summary);
        free(summary);
        char *text = import_report_text(&rep);
        for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
            strlist_add(&is->results, line);
        free(text);
    } else {
        ui_message(UI_MSG_ERROR, _("Nothing was imported: %s"), err);
        free(err);
    }
    is->first = 0;
    import_report_free(&rep);
    ledger_close(l);
}

static void import_draw(struct screen *s, int top, int rows)
{
    struct import_screen *is = (struct import_screen *)s;
    int form_rows = 4;
    form_draw(&is->form, top, form_rows, COLS, s);
    int y = top + form_rows;
    if (is->results.n) {
        /* Every line whole, wrapped: a reason cut short is no use to the clerk. */
        draw_text(y++, 1, COLS - 2, _("Result of the import (PgUp/PgDn scroll):"), A_BOLD,
                  TEXT_FIT_ELLIPSIS);
        for (size_t i = is->first; i < is->results.n && y < top + rows; i++)
            y += draw_wrapped(y, 1, COLS - 2, top + rows - y, is->results.v[i],
                              term_attr(i ? UI_NORMAL : UI_TITLE));
        return;
    }
    draw_text(y++, 1, COLS - 2,
              _("Preview (F2 imports; change the encoding if the text is garbled):"), A_BOLD,
              TEXT_FIT_ELLIPSIS);
    /* Rows are cut to a line each; a ledger that cannot be read says why in full. */
    for (size_t i = 0; i < is->preview.n && y < top + rows; i++)
        if (is->ready)
            draw_text(y++, 2, COLS - 3, is->preview.v[i], term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
        else
            y += draw_wrapped(y, 2, COLS - 3, top + rows - y, is->preview.v[i],
                              term_attr(UI_NORMAL));
}

static int import_key(struct screen *s, enum action a, const struct key *k)
{
    struct import_screen *is = (struct import_screen *)s;
    if ((a == ACT_PAGE_UP || a == ACT_PAGE_DOWN) && is->results.n) {
        size_t page = (size_t)(ui_rows() > 12 ? ui_rows() - 8 : 4);
        /* Lines wrap, so any line but the last may start the page. */
        if (a == ACT_PAGE_DOWN)
            is->first = is->first + page < is->results.n ? is->first + page : is->results.n - 1;
        else
            is->first = is->first > page ? is->first - page : 0;
        return UI_HANDLED;
    }
    int r = form_key(&is->form, a, k);
    preview_load(is);
    if (r == FORM_SAVE) {
        if (!is->ready) {
            ui_message(UI_MSG_ERROR, "%s", _("Choose a ledger that opens first"));
        } else {
            import_run(is);
        }
        return UI_HANDLED;
    }
    if (r != UI_IGNORED) strlist_clear(&is->results);
    return r;
}

static void import_free(struct screen *s)
{
    struct import_screen *is = (struct import_screen *)s;
    form_free(&is->form);
    free(is->loaded_path);
    strlist_free(&is->preview);
    strlist_free(&is->results);
    free(is);
}

static const struct screen_ops import_ops = {
    .draw = import_draw, .key = import_key, .dirty = NULL, .free = import_free};

struct screen *screen_import_new(const struct ledger_kind *kind)
{
    struct import_screen *is = xcalloc(1, sizeof *is);
    is->kind = kind;
    is->base.ops = &import_ops;
    is->base.title = _(kind->import_title);
    is->base.bar = import_bar;
    is->base.save_label = _("Import");
    form_init(&is->form);
    form_add_text(&is->form, _("File"), "", 255, 50, NULL, 0);
    form_add_choice(&is->form, _("Encoding"), ENCODING_DETECT, _("Detect"), encoding_source, is, 0,
                    20);
    form_add_choice(&is->form, _("Registered"), 1 + IMPORT_UPDATE,
                    _("Update with the ledger's values"), existing_source, is, 0, 30);
    return &is->base;
}

void import_command(struct screen *s, const struct command *c)
{
    (void)s;
    const struct ledger_kind *kind = ledger_kind_find(c->code + strlen("import-"));
    if (!kind || !ledger_kind_imports(kind)) die("no ledger kind for the command %s", c->code);
    ui_push(screen_import_new(kind));
}
