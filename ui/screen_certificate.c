/*
** screen_certificate: 志愿服务记录证明 at the desk. A certificate is issued
** for a volunteer (from the volunteer register) in a form: the period,
** the content (filled in from the activities served, editable), and
** whether the volunteer asks for the ID number in full; the issuer's
** blocks come from the settings and the signed-in user is the 经办人. On
** saving it is numbered and the clerk prints it or saves it to a file.
** The register lists every certificate issued, reprints one, and voids
** one with a reason (never deleted).
*/
#include "app/certificates.h"
#include "db/certificate_store.h"
#include "db/star_store.h"
#include "src/clock.h"
#include "src/actor.h"
#include "src/folder.h"
#include "src/hours.h"
#include "src/i18n.h"
#include "src/printer.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- printing ----------------------------------------------------------------------------------
 */

void certificate_offer(const struct certificate *c)
{
    const char *options[] = {_("Print the certificate"), _("Save the certificate to a file"),
                             _("Not now")};
    int choice = dialog_options(_("Certificate"), c->number, options, 3);
    if (choice < 0 || choice == 2) return;
    char *text = certificate_text(c);
    char *err = NULL, *path = NULL, *job = NULL;
    if (choice == 0 && printer_print(text, NULL, &job, &err) == 0) {
        if (*job)
            ui_message(UI_MSG_INFO, _("Certificate %s sent to the printer, job %s"), c->number,
                       job);
        else
            ui_message(UI_MSG_INFO, _("Certificate %s sent to the printer"), c->number);
    } else if (choice == 1) {
        char *name = xasprintf(_("certificate-%s.txt"), c->number);
        if (ui_ask_export(_("Certificate"), _("File to write:"), name, 0, &path) &&
            printer_save(text, path, &err) == 0) {
            char *full = path_full(path);
            ui_message(UI_MSG_INFO, _("Certificate %s written to %s"), c->number, full);
            free(full);
        }
        free(name);
    }
    if (err) ui_message(UI_MSG_ERROR, _("Not printed: %s"), err);
    free(job);
    free(err);
    free(path);
    free(text);
}

/* --- issuing -----------------------------------------------------------------------------------
 */

enum { C_WHO, C_COUNTED, C_ISSUER, C_FROM, C_TO, C_CONTENT, C_FULL };

struct issue_ctx {
    char who[160];
    char counted[96];
    char *content; /* the content last filled in from the records: replaced while not edited */
};

static void issue_ctx_free(void *p)
{
    struct issue_ctx *c = p;
    if (c) free(c->content);
    free(c);
}

static int yes_no_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1, _("No"), _("masked: 前3后4"));
    choice_list_offer(out, query, 2, _("Yes"), _("the volunteer asks for it in full"));
    return 0;
}

/* Leaving the period: the content follows the period while the clerk has not edited it. */
static void issue_on_leave(struct form *f, int i, void *p)
{
    struct form_screen *fs = p;
    struct issue_ctx *c = fs->ctx;
    if (i != C_FROM && i != C_TO) return;
    char *from = form_date(f, C_FROM), *to = form_date(f, C_TO), *now = form_text(f, C_CONTENT);
    char today[11];
    const struct certificate *orig = fs->orig;
    int64_t minutes = 0;
    char *content = NULL;
    if (str_eq(now, c->content) && !certificate_period_check(from, to, clock_today(today)) &&
        certificate_service(ui.db, orig->volunteer_id, from, to, today, &minutes, &content) ==
            DB_OK) {
        form_set_text(f, C_CONTENT, content);
        free(c->content);
        c->content = content;
        content = NULL;
    }
    free(content);
    free(from);
    free(to);
    free(now);
}

static void issue_build(struct form_screen *fs)
{
    const struct certificate *c = fs->orig;
    struct issue_ctx *ctx = fs->ctx;
    struct form *f = &fs->form;
    int i = form_add_text(f, _("Volunteer"), ctx->who, sizeof ctx->who, 40, NULL, 0);
    form_lock(f, i, _("A certificate is issued from the volunteer's row in the register"));
    i = form_add_text(f, _("Counted in all"), ctx->counted, sizeof ctx->counted, 40, NULL, 0);
    form_lock(f, i, _("Confirmed hours past their notice period, as of today"));
    char *issuer = xasprintf("%s / %s / %s", c->issuer, *c->head ? c->head : "-", c->handler);
    i = form_add_text(f, _("Issuer / head / 经办人"), issuer, 200, 40, NULL, 0);
    form_lock(f, i, _("From the centre's settings and the user signed in"));
    free(issuer);
    form_add_text(f, _("From"), c->period_from, 10, 12, validate_date, 0);
    form_add_text(f, _("To"), c->period_to, 10, 12, validate_date, 0);
    form_add_text(f, _("Content"), c->content, CERTIFICATE_CONTENT_MAX, 40, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, C_CONTENT, 3);
    form_add_choice(f, _("ID number in full"), c->id_in_full ? 2 : 1,
                    c->id_in_full ? _("Yes") : _("No"), yes_no_source, fs, 0, 6);
    form_bind(f, C_FROM, "period_from");
    form_bind(f, C_TO, "period_to");
    form_bind(f, C_CONTENT, "content");
    form_bind(f, C_FULL, "id_in_full");
    form_on_leave(f, issue_on_leave, fs);
    f->focus = C_FROM; /* the three above are shown, not typed into */
}

static int issue_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    char *from = form_date(f, C_FROM), *to = form_date(f, C_TO), today[11];
    const char *why = certificate_period_check(from, to, clock_today(today));
    free(from);
    free(to);
    if (!why) return -1;
    form_set_message(f, C_TO, why);
    return C_TO;
}

static int issue_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct certificate *c = rec;
    record_take(&c->period_from, form_date(f, C_FROM));
    record_take(&c->period_to, form_date(f, C_TO));
    record_take(&c->content, form_text(f, C_CONTENT));
    c->id_in_full = form_choice(f, C_FULL) == 2;
    return 0;
}

static int issue_save(struct form_screen *fs, void *rec)
{
    char today[11], *why = NULL;
    int rc = certificate_issue(ui.db, rec, clock_today(today), actor_name(), &why);
    if (rc == DB_INVALID && why) {
        form_set_message(&fs->form, C_FROM, why);
        ui_message(UI_MSG_ERROR, _("Not issued: %s"), why);
    }
    free(why);
    return rc;
}

static int issue_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)fs;
    (void)rec;
    return rc == DB_INVALID ? UI_HANDLED : -1;
}

static int issue_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    const struct certificate *c = rec;
    char hours[24];
    ui_message(UI_MSG_INFO, _("Certificate %s issued: %s hours"), c->number,
               hours_format(c->minutes, hours));
    certificate_offer(c);
    return UI_CLOSE;
}

static char *issue_name(const void *rec)
{
    return xstrdup(((const struct certificate *)rec)->number);
}

static const struct form_spec issue_form = {
    .type = &certificate_record,
    .rights = RIGHT_LOG_HOURS,
    .title_new = N_("Service certificate"),
    .title_edit = N_("Service certificate"),
    .intro_new = N_("The hours that count in the period are certified; F2 issues and numbers it."),
    .build = issue_build,
    .check = issue_check,
    .read = issue_read,
    .save = issue_save,
    .refused = issue_refused,
    .saved = issue_saved,
    .name = issue_name,
    .free_ctx = issue_ctx_free,
};

struct screen *screen_certificate_issue_new(int64_t volunteer_id, const char *name,
                                            const char *number)
{
    char today[11], from[11];
    clock_today(today);
    snprintf(from, sizeof from, "%.4s-01-01", today);
    struct certificate c;
    if (certificate_prepare(ui.db, volunteer_id, from, today, actor_name(), &c) != DB_OK) {
        record_free(&certificate_record, &c);
        ui_message(UI_MSG_ERROR, "%s", _("The volunteer's hours could not be read"));
        return NULL;
    }
    struct issue_ctx *ctx = xcalloc(1, sizeof *ctx);
    snprintf(ctx->who, sizeof ctx->who, "%s  %s", name, number);
    struct star_standing s;
    char hours[24];
    if (star_standing_of(ui.db, volunteer_id, today, &s) == DB_OK) {
        /* The level the hours reach, said as not held until it is awarded (待授星级). */
        int held = 0;
        if (s.level_id) star_held(ui.db, volunteer_id, s.level_id, &held);
        char *star = !s.level_id ? xstrdup(_("no star yet"))
                     : held      ? xstrdup(s.level_name)
                                 : xasprintf(_("reaches %s, not yet awarded"), s.level_name);
        snprintf(ctx->counted, sizeof ctx->counted, _("%s hours  %s"),
                 hours_format(s.minutes, hours), star);
        free(star);
    }
    ctx->content = xstrdup(c.content);
    struct screen *fs = form_screen_new(&issue_form, &c, ctx);
    record_free(&certificate_record, &c);
    return fs;
}

/* --- the register ------------------------------------------------------------------------------
 */

static int register_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct certificate *list;
    int rc = certificate_list(ui.db, query, 500, &list, &out->n);
    out->items = list;
    return rc;
}

static const char *register_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct certificate *c = row;
    switch (col) {
    case 0:
        return c->number;
    case 1:
        return c->volunteer_name;
    case 2:
        snprintf(buf, LIST_CELL_MAX, "%s..%s", c->period_from, c->period_to);
        return buf;
    case 3:
        return hours_format(c->minutes, buf);
    case 4:
        return c->issued_on;
    default:
        return *c->voided_at ? _("Voided") : "";
    }
}

static int register_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    return *((const struct certificate *)row)->voided_at != 0;
}

static void register_open(struct list_screen *ls, void *row)
{
    (void)ls;
    certificate_offer(row);
}

/* A void tried from its dialog: what the store said, and why when it refused. */
struct void_try {
    char number[CERTIFICATE_NUMBER_MAX];
    int rc;
    char *why;
};

/* The dialog's check: void it now; a refusal (no reason) stays in the box with what was typed. */
static char *void_try(void *ctx, char *const *values, int *field)
{
    struct void_try *t = ctx;
    free(t->why);
    t->why = NULL;
    t->rc = certificate_void(ui.db, t->number, values[0], actor_name(), &t->why);
    if (t->rc != DB_INVALID || !t->why) return NULL;
    *field = 0;
    return xstrdup(t->why);
}

static void register_void(struct screen *s, const struct command *cmd)
{
    (void)cmd;
    const struct certificate *c = list_screen_selected((struct list_screen *)s);
    if (!c) return;
    if (*c->voided_at) {
        ui_message(UI_MSG_INFO, _("Certificate %s is voided already: %s"), c->number,
                   c->void_reason);
        return;
    }
    char *prompt = xasprintf(_("Why is %s voided? (it stays in the register)"), c->number);
    const char *prompts[] = {prompt};
    char *values[1] = {NULL};
    struct void_try t = {.rc = DB_OK};
    snprintf(t.number, sizeof t.number, "%s", c->number);
    if (dialog_inputs(_("Void a certificate"), prompts, values, 1, CERTIFICATE_REASON_MAX, void_try,
                      &t)) {
        if (t.rc == DB_OK)
            ui_message(UI_MSG_INFO, _("Certificate %s voided"), t.number);
        else
            ui_db_failed(_("Not voided"), t.rc);
    }
    free(t.why);
    free(values[0]);
    free(prompt);
}

static void register_print(struct screen *s, const struct command *cmd)
{
    (void)cmd;
    const struct certificate *c = list_screen_selected((struct list_screen *)s);
    if (c) certificate_offer(c);
}

static const struct command register_menu[] = {
    {"certificate-print", '1', N_("Print again"), N_("Print or save the certificate as issued"), 0,
     register_print, 0, NULL},
    {"certificate-void", '2', N_("Void"), N_("With a reason; it stays in the register"),
     RIGHT_LOG_HOURS, register_void, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab register_tab = {
    .type = &certificate_record,
    .cols = {{N_("Certificate number"), 13, 0},
             {N_("Full name"), 8, 0},
             {N_("Period"), 22, 0},
             {N_("Hours"), 6, 0},
             {N_("Issued on"), 10, 0},
             {N_("Status"), 0, 0}},
    .ncols = 6,
    .hint = N_("certificate number, volunteer number or name"),
    .empty = N_("Nothing found"),
    .empty_all = N_("No certificates issued yet"),
    .load = register_load,
    .cell = register_cell,
    .dim = register_dim,
    .open = register_open,
};

static const char *register_footer(struct list_screen *ls)
{
    (void)ls;
    return _("Enter: print again   F9: void with a reason");
}

static const struct list_spec register_list = {.title = N_("Service certificates"),
                                               .tabs = &register_tab,
                                               .ntabs = 1,
                                               .menu = register_menu,
                                               .footer = register_footer};

struct screen *screen_certificates_new(void)
{
    return list_screen_new(&register_list, 0, NULL);
}
