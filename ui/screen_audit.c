/*
** screen_audit: 操作日志, the audit log, for a supervisor: who did what to
** which record and when, newest first, narrowed by typing (a piece of any
** of them) or by F9 (one person, one kind of action, one record, a
** period). Above the list, whether the log's hash chain is whole (walked
** when the screen opens, and again with F9 or F5): a row changed or
** removed behind bangban's back is named here as `bangban audit verify`
** names it. Enter shows a row in full. The log is never edited.
*/
#include "app/checks.h"
#include "db/audit_store.h"
#include "src/actor.h"
#include "src/audit.h"
#include "src/i18n.h"
#include "src/rates.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many rows the log brings at once; typing or F9 narrows it. */
#define AUDIT_PAGE 500

enum { COL_AT, COL_ACTOR, COL_ACTION, COL_SUBJECT, COL_DETAIL, NCOLS };

/* What the screen keeps besides its rows: the filters and the chain's verdict. */
struct audit_screen {
    struct audit_filter f;
    char *actor, *action, *subject; /* owned values of the filter's */
    char *verdict;                  /* the chain walked: its words */
    char *above;                    /* the verdict and the filters, as shown */
    char *detail;                   /* the last detail cell, in words (audit_detail_shown()) */
};

static void audit_screen_free(void *ctx)
{
    struct audit_screen *a = ctx;
    free(a->actor);
    free(a->action);
    free(a->subject);
    free(a->verdict);
    free(a->above);
    free(a->detail);
    free(a);
}

/* Walk the chain again: the verdict in words, without its newline. */
static void chain_walk(struct audit_screen *a)
{
    free(a->verdict);
    check_audit(ui.db, &a->verdict);
    a->verdict[strcspn(a->verdict, "\n")] = 0;
}

static int audit_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct audit_screen *a = ls->ctx;
    a->f.text = query;
    struct audit_entry *items;
    size_t n;
    int64_t total;
    int more;
    int rc = audit_list(ui.db, actor_name(), &a->f, AUDIT_PAGE, &items, &n, &total, &more);
    a->f.text = NULL;
    out->items = items;
    out->n = n;
    out->total = total;
    out->more = more;
    return rc;
}

static const char *audit_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    struct audit_screen *a = ls->ctx;
    const struct audit_entry *e = row;
    switch (col) {
    case COL_AT:
        return e->at;
    case COL_ACTOR:
        return e->actor;
    case COL_ACTION:
        return _(audit_action_label(e->action));
    case COL_SUBJECT:
        if (!*e->named) return e->subject;
        snprintf(buf, LIST_CELL_MAX, "%s %s", e->subject, e->named); /* user:9 wangli */
        return buf;
    default:
        free(a->detail);
        a->detail = audit_detail_shown(e->action, e->detail);
        return a->detail;
    }
}

/* Enter: the row in full, every field and the terminal it came from. */
static void audit_open(struct list_screen *ls, void *row)
{
    (void)ls;
    const struct audit_entry *e = row;
    char *title = xasprintf(_("Audit log row %lld"), (long long)e->seq);
    struct screen *t = screen_text_new(title);
    free(title);
    char *who =
        xasprintf(_("%s at %s, from %s"), e->actor, e->at, *e->terminal ? e->terminal : "-");
    screen_text_add(t, _("Who"), who);
    free(who);
    screen_text_add(t, _("What"), _(audit_action_label(e->action)));
    char *record = *e->named ? xasprintf("%s %s", e->subject, e->named) : xstrdup(e->subject);
    screen_text_add(t, _("Record"), record);
    free(record);
    char *detail = audit_detail_shown(e->action, e->detail);
    screen_text_add(t, _("Detail"), detail);
    free(detail);
    ui_push(t);
}

/* Above the list: the chain's verdict, and the filters chosen. */
static const char *audit_above(struct list_screen *ls)
{
    struct audit_screen *a = ls->ctx;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, a->verdict ? a->verdict : "");
    const char *words[] = {a->actor, a->action ? _(audit_action_label(a->action)) : NULL,
                           a->subject};
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (words[i]) strbuf_addf(&sb, "%s%s", sb.len ? _("; ") : "", words[i]);
    if (a->f.from) {
        char *period = rates_period(a->f.from, a->f.to);
        strbuf_addf(&sb, "%s%s", sb.len ? _("; ") : "", period);
        free(period);
    }
    free(a->above);
    a->above = strbuf_detach(&sb);
    return a->above;
}

/* --- F9 -------------------------------------------------------------------------------------- */

/* Ask for a word into *value (NULL when left empty). 1 when answered. */
static int ask_word(const char *title, const char *prompt, char **value)
{
    char *typed = NULL;
    if (!dialog_input(title, prompt, *value, 100, &typed)) return 0;
    char *trimmed = text_trim(typed);
    free(typed);
    free(*value);
    *value = *trimmed ? trimmed : NULL;
    if (!*value) free(trimmed);
    return 1;
}

static void actor_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct audit_screen *a = ls->ctx;
    if (!ask_word(_("Only one person"), _("Whose rows (their login, as the log names them)?"),
                  &a->actor))
        return;
    a->f.actor = a->actor;
    list_screen_reload(ls);
}

static void subject_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct audit_screen *a = ls->ctx;
    if (!ask_word(_("Only one record"),
                  _("Which record (a request's number, resident:12, or resident: for every "
                    "resident)?"),
                  &a->subject))
        return;
    a->f.subject = a->subject;
    list_screen_reload(ls);
}

static void action_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct audit_screen *a = ls->ctx;
    size_t n;
    const char *const *codes = audit_actions(&n);
    const char *labels[32];
    if (n > ARRAY_LEN(labels)) n = ARRAY_LEN(labels);
    for (size_t i = 0; i < n; i++)
        labels[i] = _(audit_action_label(codes[i]));
    int k = dialog_options(_("Only one kind"), _("Which kind of row?"), labels, (int)n);
    if (k < 0) return;
    free(a->action);
    a->action = xstrdup(codes[k]);
    a->f.action = a->action;
    list_screen_reload(ls);
}

static void period_only(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct audit_screen *a = ls->ctx;
    if (dialog_period(_("Rows of a period"), &a->f.from, &a->f.to)) list_screen_reload(ls);
}

static void chain_check(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    chain_walk(ls->ctx);
    list_screen_reload(ls);
}

static void filters_clear(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    struct audit_screen *a = ls->ctx;
    free(a->actor);
    free(a->action);
    free(a->subject);
    a->actor = a->action = a->subject = NULL;
    memset(&a->f, 0, sizeof a->f);
    list_screen_reload(ls);
}

static const struct command audit_menu[] = {
    {"audit-actor", '1', N_("Only one person"), N_("Keep the rows of one login"), 0, actor_only, 0,
     NULL},
    {"audit-action", '2', N_("Only one kind"),
     N_("Keep one kind of row: reveals, unmasked exports, imports ..."), 0, action_only, 0, NULL},
    {"audit-subject", '3', N_("Only one record"),
     N_("Keep the rows about one record (resident:12), or a kind of record"), 0, subject_only, 0,
     NULL},
    {"audit-period", '4', N_("Only a period"), N_("Keep the rows written between two days"), 0,
     period_only, 0, NULL},
    {"audit-verify", '5', N_("Walk the hash chain again"),
     N_("Check that no row was changed, removed or slipped in behind bangban's back"), 0,
     chain_check, 0, NULL},
    {"audit-clear", '0', N_("Drop every filter"), N_("Show every row again"), 0, filters_clear, 0,
     NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_tab audit_tab = {
    .type = &audit_entry_record,
    .cols = {{N_("When"), 19, 0},
             {N_("Who"), 10, 0},
             {N_("What"), 16, 0},
             {N_("Record"), 14, 0},
             {N_("Detail"), 0, 0}},
    .ncols = NCOLS,
    .hint = N_("a piece of who, what, the record or the detail"),
    .empty = N_("No row of the log matches."),
    .load = audit_load,
    .cell = audit_cell,
    .open = audit_open,
};

static char *audit_about(const struct list_screen *ls)
{
    (void)ls;
    return xstrdup(_("The audit log: every reveal of a full number, every export with full "
                     "numbers, every import and every change of a resident's status, newest "
                     "first. It is never edited; each row's hash covers the row before it, and "
                     "the line above the list says whether the chain is whole."));
}

static const struct list_spec audit_spec = {.title = N_("Audit log"),
                                            .tabs = &audit_tab,
                                            .ntabs = 1,
                                            .menu = audit_menu,
                                            .above = audit_above,
                                            .about = audit_about,
                                            .free_ctx = audit_screen_free};

struct screen *screen_audit_new(void)
{
    struct audit_screen *a = xcalloc(1, sizeof *a);
    chain_walk(a);
    return list_screen_new(&audit_spec, 0, a);
}
