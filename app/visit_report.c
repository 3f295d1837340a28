/*
** visit_report: see visit_report.h.
*/
#include "app/visit_report.h"
#include "db/settings_store.h"
#include "db/visit_store.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>

struct report {
    struct strbuf sb;
    int64_t quota;
    int chiefs, short_of_quota;
};

/* A cell of width cols, padded (text_fit: CJK counted as two), and the gap after it. */
static void cell(struct strbuf *sb, const char *text, int cols)
{
    char *fitted = text_fit_dup(text, cols, TEXT_FIT_ELLIPSIS);
    strbuf_adds(sb, fitted);
    strbuf_adds(sb, "  ");
    free(fitted);
}

/*
** The chief's column and one space between the figures: a row is 74
** columns, read whole on an 80-column screen beside its margin.
*/
#define CHIEF_COLS 18
#define GAP        " "

/* The columns after the chief's, with their widths. */
static const struct {
    const char *label; /* msgid */
    int cols;
} columns[] = {
    {N_("Bldgs"), 5}, {N_("seen"), 5},        {N_("Orgs"), 6},     {N_("seen"), 5},
    {N_("never"), 6}, {N_("Visits made"), 6}, {N_("Requests"), 8}, {N_("Quota"), 6},
};

static void number(struct strbuf *sb, int64_t n, int cols)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%*lld", cols, (long long)n);
    strbuf_adds(sb, buf);
    strbuf_adds(sb, GAP);
}

static void report_row(void *ctx, const struct visit_month *m)
{
    struct report *r = ctx;
    r->chiefs++;
    char *who = xasprintf("%s %s", m->login, m->name);
    cell(&r->sb, who, CHIEF_COLS);
    free(who);
    const int64_t values[] = {m->buildings,     m->buildings_visited,
                              m->organisations, m->organisations_visited,
                              m->never_visited, m->visits,
                              m->requests};
    for (size_t i = 0; i < ARRAY_LEN(values); i++)
        number(&r->sb, values[i], columns[i].cols);
    int short_of = r->quota > 0 && m->visits < r->quota;
    r->short_of_quota += short_of;
    char *q = text_fit_dup(r->quota <= 0 ? "-"
                           : short_of    ? _("short")
                                         : _("met"),
                           columns[ARRAY_LEN(columns) - 1].cols, TEXT_FIT_RIGHT);
    strbuf_adds(&r->sb, q);
    free(q);
    strbuf_addc(&r->sb, '\n');
}

int visit_report(struct db *db, const char *month, const char *actor, char **out)
{
    *out = NULL;
    struct report r = {STRBUF_INIT, (int64_t)settings_get_number(db, SETTING_VISIT_QUOTA), 0, 0};
    strbuf_addf(&r.sb, _("Visits by building chiefs, %s"), month);
    if (r.quota > 0) strbuf_addf(&r.sb, _(" (quota: %lld visits a month)"), (long long)r.quota);
    strbuf_addc(&r.sb, '\n');
    cell(&r.sb, _("Chief"), CHIEF_COLS);
    for (size_t i = 0; i < ARRAY_LEN(columns); i++) {
        char *h = text_fit_dup(_(columns[i].label), columns[i].cols, TEXT_FIT_RIGHT);
        strbuf_addf(&r.sb, "%s%s", h, i + 1 < ARRAY_LEN(columns) ? GAP : "\n");
        free(h);
    }
    int rc = visit_month_each(db, month, actor, report_row, &r);
    if (rc != DB_OK) {
        strbuf_free(&r.sb);
        return rc;
    }
    if (!r.chiefs)
        strbuf_adds(&r.sb, _("No building chiefs on file.\n"));
    else if (r.quota > 0)
        strbuf_addf(&r.sb, _("%d of %d chiefs short of the quota.\n"), r.short_of_quota, r.chiefs);
    *out = strbuf_detach(&r.sb);
    return DB_OK;
}
