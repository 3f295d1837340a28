/*
** screen_import: importing a ledger of any kind the ledger kinds table
** (app/ledgers.h) imports: 居民台账, 服务清单, 工作日历. The clerk names the file; the screen shows
** its first rows as they decode (so a wrongly guessed encoding is seen and
** changed before anything is written: a short GBK file can pass for
** UTF-8), which columns were understood and which not (F9 maps a column
** to a field, or has it ignored). F2 then compares the whole file with
** what is stored, writing nothing (ledger_preview()): how many records are
** new, changed, unchanged or refused, and the first changed ones field by
** field, old -> new. F2 again asks, then imports with a progress bar and
** lists every rejected row with its line, column and reason, and where
** the rejects file went.
*/
#include "app/ledgers.h"
#include "src/actor.h"
#include "src/folder.h"
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
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PREVIEW_ROWS 5

enum { F_FILE, F_ENCODING, F_SHEET, F_EXISTING };

struct import_screen {
    struct screen base;
    const struct ledger_kind *kind;
    struct form form;
    char *loaded_path; /* what the preview shows */
    int64_t loaded_encoding;
    int64_t loaded_sheet;
    int stale;              /* to be read again though the form says the same */
    struct strlist sheets;  /* the sheets of the workbook at loaded_path (none: a CSV file) */
    struct strlist preview; /* lines to show: rows, columns, problems */
    size_t preview_said; /* its first lines say what the ledger is (wrapped); rows follow (cut) */
    int ready;           /* the file opened: F2 may import */
    struct strlist results; /* after a dry run or an import: the report, one line each */
    int checked;            /* results are the dry run of what the form says: F2 imports */
    struct stat checked_as; /* the file as it was when compared (size and time written) */
    size_t first;           /* the first line shown */
    struct strlist maps;    /* columns mapped by hand: "HEADER=COLUMN" (COLUMN "": ignored) */
    struct strlist columns; /* the ledger's headers, and what each feeds (for F9) */
    int *feeds;
};

static const enum action import_bar[] = {ACT_SAVE, ACT_MENU, ACT_NONE};

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

/* Sheets offered: each of the workbook's read last (1 + its index), else its first. */
static int sheet_source(void *ctx, const char *query, struct choice_list *out)
{
    struct import_screen *is = ctx;
    if (!is->sheets.n) choice_list_offer(out, query, 1, _("The first"), _("of a workbook"));
    for (size_t i = 0; i < is->sheets.n; i++)
        choice_list_offer(out, query, (int64_t)i + 1, is->sheets.v[i], "");
    return 0;
}

/* Open the ledger as the form says, when the user may import it (nothing read else). */
static int ledger_open_as(struct import_screen *is, const char *path, struct ledger **l, char **err)
{
    int64_t enc = form_choice(&is->form, F_ENCODING), sh = form_choice(&is->form, F_SHEET);
    int forced = enc >= ENCODING_FORCED;
    const char *sheet = sh >= 1 && (size_t)sh <= is->sheets.n ? is->sheets.v[sh - 1] : NULL;
    if (ledger_import_allowed(is->kind, ui.db, actor_name(), err) != DB_OK) return -1;
    if (ledger_open_sheet(path, sheet, is->kind->schema, forced,
                          forced ? (enum codec)(enc - ENCODING_FORCED) : CODEC_UTF8, l, err) != 0)
        return -1;
    for (size_t i = 0; i < is->maps.n; i++) {
        char *why;
        if (ledger_map_text(*l, is->maps.v[i], &why) != 0) free(why); /* a header no longer there */
    }
    return 0;
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
    const char *sheet = ledger_sheet(l); /* a workbook's rows are numbered as Excel shows them */
    if (row->decode_error)
        return sheet ? xasprintf(_("row %d: %s"), row->line, row->decode_error)
                     : xasprintf(_("line %d: %s"), row->line, row->decode_error);
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, sheet ? _("row %d:") : _("line %d:"), row->line);
    for (size_t i = 0; i < row->fields.n && i < ledger_columns(l); i++) {
        int f = ledger_column_field(l, i);
        if (f == LEDGER_TWICE) f = ledger_schema_field(schema, ledger_column_name(l, i));
        int secret = ledger_schema_secret(schema, f);
        /* A number typed full-width (１２０…) is masked as the plain digits it is read as. */
        char *shown = secret ? text_normalize(row->fields.v[i], TEXT_NORM_UPPER | TEXT_NORM_NOSPACE)
                             : xstrdup(row->fields.v[i]);
        if (secret) text_mask_number(shown, strlen(shown), shown);
        strbuf_addf(&sb, " %s", shown);
        free(shown);
    }
    return strbuf_detach(&sb);
}

/* Read the file again as the form says and rebuild the preview. */
/*
** The file the field names, as the clerk means it (folder_find()): a bare
** name not in the working directory is looked for in the export folder,
** where bangban's exports and rejects files go. Caller frees.
*/
static char *import_path(const char *typed)
{
    char *folder = ui_export_folder();
    char *path = folder_find(folder, typed);
    free(folder);
    return path;
}

static void preview_load(struct import_screen *is)
{
    char *typed = form_text(&is->form, F_FILE);
    char *path = import_path(typed);
    /* Found elsewhere than typed (the export folder, ~): the field says where. */
    if (!str_eq(path, typed)) form_set_text(&is->form, F_FILE, path);
    free(typed);
    int64_t enc = form_choice(&is->form, F_ENCODING), sh = form_choice(&is->form, F_SHEET);
    int same = is->loaded_path && str_eq(path, is->loaded_path);
    if (same && !is->stale && enc == is->loaded_encoding && sh == is->loaded_sheet) {
        free(path);
        return;
    }
    is->stale = 0;
    if (!same) { /* another file: its own first sheet */
        strlist_clear(&is->sheets);
        form_set_choice(&is->form, F_SHEET, 1, _("The first"));
    }
    free(is->loaded_path);
    is->loaded_path = path;
    is->loaded_encoding = enc;
    is->loaded_sheet = form_choice(&is->form, F_SHEET);
    strlist_clear(&is->preview);
    strlist_clear(&is->columns);
    is->ready = 0;
    if (str_empty(path)) return;
    struct ledger *l;
    char *err;
    if (ledger_open_as(is, path, &l, &err) != 0) {
        strlist_add(&is->preview, err);
        free(err);
        struct stat st;
        if (folder_bare(path) && stat(path, &st) != 0) {
            char *folder = ui_export_folder(), *cwd = getcwd(NULL, 0);
            strlist_add_take(&is->preview,
                             xasprintf(_("Looked for in %s and in the export folder %s"),
                                       cwd ? cwd : ".", folder));
            free(cwd);
            free(folder);
        }
        /* A workbook whose first sheet is no ledger: its other sheets are offered all the same. */
        if (!is->sheets.n && ledger_workbook_sheets(path, &is->sheets) > 1)
            strlist_add_take(
                &is->preview,
                xasprintf(_("The workbook has %zu sheets: Sheet chooses another"), is->sheets.n));
        return;
    }
    const struct strlist *sheets = ledger_sheets(l);
    if (sheets && !is->sheets.n) {
        for (size_t i = 0; i < sheets->n; i++)
            strlist_add(&is->sheets, sheets->v[i]);
        form_set_choice(&is->form, F_SHEET, is->loaded_sheet, ledger_sheet(l));
    }
    char *line =
        !sheets ? xasprintf(ledger_detected(l) ? _("Encoding: %s (detected)") : _("Encoding: %s"),
                            codec_name(ledger_codec(l)))
        : sheets->n > 1
            ? xasprintf(_("Excel workbook, sheet %s (one of %zu: Sheet chooses another)"),
                        ledger_sheet(l), sheets->n)
            : xasprintf(_("Excel workbook, sheet %s"), ledger_sheet(l));
    strlist_add(&is->preview, line);
    free(line);
    struct strbuf known = STRBUF_INIT, unknown = STRBUF_INIT, twice = STRBUF_INIT;
    free(is->feeds);
    is->feeds = xcalloc(ledger_columns(l) + 1, sizeof *is->feeds);
    for (size_t i = 0; i < ledger_columns(l); i++) {
        strlist_add(&is->columns, ledger_column_name(l, i));
        is->feeds[i] = ledger_column_field(l, i);
    }
    for (size_t i = 0; i < ledger_columns(l); i++) {
        int f = ledger_column_field(l, i);
        struct strbuf *sb = f == LEDGER_UNKNOWN ? &unknown : f == LEDGER_TWICE ? &twice : &known;
        if (f == LEDGER_IGNORED) continue;
        strbuf_addf(sb, "%s%s", sb->len ? "、" : "", ledger_column_name(l, i));
    }
    if (ledger_title_lines(l)) {
        line =
            xasprintf(sheets ? _("The header is row %d: what is above it is a title, not read")
                             : _("The header is on line %d: what is above it is a title, not read"),
                      ledger_header_line(l));
        strlist_add(&is->preview, line);
        free(line);
    }
    line = xasprintf(_("Columns used: %s"), strbuf_str(&known));
    strlist_add(&is->preview, line);
    free(line);
    if (unknown.len) {
        line = xasprintf(_("Columns not known (not imported; F9 maps one to a field): %s"),
                         strbuf_str(&unknown));
        strlist_add(&is->preview, line);
        free(line);
    }
    if (twice.len) {
        line = xasprintf(_("Columns read only where the other for the same field is empty (F9 "
                           "maps them): %s"),
                         strbuf_str(&twice));
        strlist_add(&is->preview, line);
        free(line);
    }
    strbuf_free(&known);
    strbuf_free(&unknown);
    strbuf_free(&twice);
    is->preview_said = is->preview.n;
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

/* The report's lines into the results: the summary first, then each problem, then the changes. */
static void results_fill(struct import_screen *is, const struct import_report *rep)
{
    strlist_clear(&is->results);
    strlist_add_take(&is->results, import_summary(rep));
    char *text = import_report_text(rep);
    if (rep->nchanges) {
        char *changes = import_changes_text(rep);
        char *head = xasprintf(_("Records it would change (the first %zu of %zu):\n"),
                               rep->nchanges, rep->updated);
        char *all = xasprintf("%s%s%s", text, head, changes);
        free(text);
        free(head);
        free(changes);
        text = all;
    }
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
        strlist_add(&is->results, line);
    free(text);
    is->first = 0;
}

/* Open the ledger as the form says and run kind's import (dry: its preview) over it. */
static int import_pass(struct import_screen *is, int dry, struct import_report *rep, char **err)
{
    struct ledger *l;
    memset(rep, 0, sizeof *rep);
    if (ledger_open_as(is, is->loaded_path, &l, err) != 0) return DB_INVALID;
    struct import_options o = {(enum import_existing)(form_choice(&is->form, F_EXISTING) - 1),
                               NULL,
                               is->loaded_path,
                               actor_name(),
                               progress,
                               is,
                               dry};
    int rc = dry ? ledger_preview(is->kind, ui.db, l, &o, rep, err)
                 : ledger_import(is->kind, ui.db, l, &o, rep, err);
    ledger_close(l);
    return rc;
}

/* F2 the first time: what the import would do, nothing written. */
static void import_check(struct import_screen *is)
{
    struct import_report rep;
    char *err = NULL;
    int rc = import_pass(is, 1, &rep, &err);
    if (rc == DB_OK) {
        results_fill(is, &rep);
        is->checked = stat(is->loaded_path, &is->checked_as) == 0;
        ui_message(UI_MSG_INFO, "%s", _("Nothing is written yet: F2 imports, Esc goes back"));
    } else {
        ui_message(UI_MSG_ERROR, "%s", err ? err : "");
    }
    free(err);
    import_report_free(&rep);
}

/* Whether the file is no longer what was compared (saved again in Excel or WPS meanwhile). */
static int file_changed(const struct import_screen *is)
{
    struct stat now;
    const struct stat *was = &is->checked_as;
    return stat(is->loaded_path, &now) != 0 || now.st_size != was->st_size ||
           now.st_mtim.tv_sec != was->st_mtim.tv_sec ||
           now.st_mtim.tv_nsec != was->st_mtim.tv_nsec || now.st_ino != was->st_ino;
}

/* F2 after the dry run: asked, then imported; compared again first when the file changed. */
static void import_run(struct import_screen *is)
{
    if (file_changed(is)) {
        import_check(is);
        if (is->checked)
            ui_message(UI_MSG_ERROR, "%s",
                       _("The file changed after it was compared: compared again; read what it "
                         "would do, then F2 imports"));
        return;
    }
    char *q = xasprintf(_("Import %s now?"), is->loaded_path);
    int yes = dialog_confirm(_(is->kind->import_title), q, 0);
    free(q);
    if (!yes) {
        ui_message(UI_MSG_INFO, "%s", _("Not imported"));
        return;
    }
    struct import_report rep;
    char *err = NULL;
    int rc = import_pass(is, 0, &rep, &err);
    is->checked = 0;
    if (rc == DB_OK) {
        char *summary = import_summary(&rep);
        ui_message(rep.rejected ? UI_MSG_ERROR : UI_MSG_INFO, "%s", summary);
        free(summary);
        results_fill(is, &rep);
    } else {
        strlist_clear(&is->results);
        ui_message(UI_MSG_ERROR, _("Nothing was imported: %s"), err ? err : "");
    }
    free(err);
    import_report_free(&rep);
}

/* F9's first list: the ledger's columns, each with what it feeds. */
static int column_source(void *ctx, const char *query, struct choice_list *out)
{
    struct import_screen *is = ctx;
    const struct ledger_schema *schema = is->kind->schema;
    for (size_t i = 0; i < is->columns.n; i++) {
        int f = is->feeds[i];
        const char *feeds = f == LEDGER_UNKNOWN ? _("not known: not imported")
                            : f == LEDGER_TWICE
                                ? _("another column feeds its field: read where that is empty")
                            : f == LEDGER_IGNORED ? _("ignored")
                                                  : ledger_schema_header(schema, f);
        choice_list_offer(out, query, (int64_t)i, is->columns.v[i], feeds);
    }
    return 0;
}

#define FIELD_IGNORE 1000

/* F9's second list: the kind's fields, each by the header bangban writes, and "ignore". */
static int field_source(void *ctx, const char *query, struct choice_list *out)
{
    struct import_screen *is = ctx;
    const struct ledger_schema *schema = is->kind->schema;
    for (int f = 0; f < schema->nfields; f++)
        choice_list_offer(out, query, f, ledger_schema_header(schema, f), "");
    choice_list_offer(out, query, FIELD_IGNORE, _("Ignore this column"), "");
    return 0;
}

/* F9: a column of the ledger mapped to a field (or ignored); the preview follows. */
static void import_map(struct import_screen *is)
{
    if (!is->columns.n) {
        ui_message(UI_MSG_ERROR, "%s", _("Choose a ledger that opens first"));
        return;
    }
    struct choice col, field;
    if (!dialog_choose(_("Which column?"), column_source, is, NULL, &col)) return;
    char *title = xasprintf(_("Column %s holds"), col.label);
    int chosen = dialog_choose(title, field_source, is, NULL, &field);
    free(title);
    if (chosen) {
        const char *to =
            field.id == FIELD_IGNORE ? "" : ledger_schema_header(is->kind->schema, (int)field.id);
        strlist_add_take(&is->maps, xasprintf("%s=%s", col.label, to));
        free(field.label);
        free(field.detail);
        is->stale = 1; /* read again with the mapping */
        preview_load(is);
        strlist_clear(&is->results);
        is->checked = 0;
    }
    free(col.label);
    free(col.detail);
}

static void import_draw(struct screen *s, int top, int rows)
{
    struct import_screen *is = (struct import_screen *)s;
    int form_rows = 5;
    form_draw(&is->form, top, form_rows, COLS, s);
    int y = top + form_rows;
    if (is->results.n) {
        /* Every line whole, wrapped: a reason cut short is no use to the clerk. */
        draw_text(y++, 1, COLS - 2,
                  is->checked ? _("What the import would do (F2 imports; PgUp/PgDn scroll):")
                              : _("Result of the import (PgUp/PgDn scroll):"),
                  A_BOLD, TEXT_FIT_ELLIPSIS);
        for (size_t i = is->first; i < is->results.n && y < top + rows; i++)
            y += draw_wrapped(y, 1, COLS - 2, top + rows - y, is->results.v[i],
                              term_attr(i ? UI_NORMAL : UI_TITLE));
        return;
    }
    draw_text(y++, 1, COLS - 2,
              _("Preview (F2 compares with what is stored; fix a garbled text by the encoding):"),
              A_BOLD, TEXT_FIT_ELLIPSIS);
    /* Rows are cut to a line each; what the ledger is (its columns), or why it cannot be read,
     * is said in full. */
    for (size_t i = 0; i < is->preview.n && y < top + rows; i++)
        if (is->ready && i >= is->preview_said)
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
    if (a == ACT_MENU) {
        import_map(is);
        return UI_HANDLED;
    }
    int r = form_key(&is->form, a, k);
    preview_load(is);
    if (r == FORM_SAVE) {
        if (!is->ready)
            ui_message(UI_MSG_ERROR, "%s", _("Choose a ledger that opens first"));
        else if (is->checked)
            import_run(is);
        else
            import_check(is);
        return UI_HANDLED;
    }
    if (r != UI_IGNORED) {
        strlist_clear(&is->results);
        is->checked = 0;
    }
    return r;
}

static void import_free(struct screen *s)
{
    struct import_screen *is = (struct import_screen *)s;
    form_free(&is->form);
    free(is->loaded_path);
    strlist_free(&is->sheets);
    strlist_free(&is->preview);
    strlist_free(&is->results);
    strlist_free(&is->maps);
    strlist_free(&is->columns);
    free(is->feeds);
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
    form_set_file(&is->form, F_FILE, NULL); /* a relative name: from the working directory */
    form_add_choice(&is->form, _("Encoding"), ENCODING_DETECT, _("Detect"), encoding_source, is, 0,
                    20);
    form_add_choice(&is->form, _("Sheet"), 1, _("The first"), sheet_source, is, 0, 30);
    form_add_choice(&is->form, _("Records on file"), 1 + IMPORT_UPDATE,
                    _("Update with the ledger's values"), existing_source, is, 0, 30);
    return &is->base;
}

void export_command(struct screen *s, const struct command *c)
{
    (void)s;
    /* "export-KIND", or with full numbers (arg 1) "export-full-KIND". */
    const char *name = c->code + strlen(c->arg ? "export-full-" : "export-");
    const struct ledger_kind *kind = ledger_kind_find(name);
    if (!kind || !ledger_kind_exports(kind)) die("no ledger kind for the command %s", c->code);
    char *reason = NULL, *path = NULL;
    if (c->arg && !ui_ask_export_reason(_("Full numbers leave the program: the export is "
                                          "recorded. Why is it needed?"),
                                        &reason))
        return;
    /* Offered as the kind's words: 服务事项.xlsx, in the export folder. */
    char *initial = xasprintf("%s.xlsx", _(kind->what));
    int asked = ui_ask_export(_(c->label),
                              _("File to write (.xlsx: Excel workbook, IDs kept as text; .csv: "
                                "UTF-8):"),
                              initial, 1, &path);
    free(initial);
    if (!asked) {
        free(reason);
        return;
    }
    struct export_options o = {.format = sheet_format_for(path),
                               .codec = CODEC_UTF8,
                               .unmasked = (int)c->arg,
                               .reason = reason,
                               .actor = actor_name()};
    size_t rows = 0;
    char *err = NULL;
    int rc = ledger_export(kind, ui.db, path, &o, &rows, &err);
    char *full = path_full(path);
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("%zu %s written to %s"), rows, _(kind->what), full);
    else
        ui_message(UI_MSG_ERROR, _("Not exported: %s"), err ? err : db_rc_message(rc));
    free(full);
    free(err);
    free(path);
    free(reason);
}

void import_command(struct screen *s, const struct command *c)
{
    (void)s;
    const struct ledger_kind *kind = ledger_kind_find(c->code + strlen("import-"));
    if (!kind || !ledger_kind_imports(kind)) die("no ledger kind for the command %s", c->code);
    ui_push(screen_import_new(kind));
}
