/*
** building_report: see building_report.h.
*/
#include "app/building_report.h"
#include "db/area.h"
#include "db/organisation_store.h"
#include "db/post_store.h"
#include "db/user_store.h"
#include "db/visit_store.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/sheet.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* More organisations than any one building holds: the search's limit for "all of them". */
#define BUILDING_ORGS_MAX 100000

/* Each organisation's last visit, from the visits' days (sorted by organisation id). */
static void last_visits_fill(struct building_ledger *l, const struct visit_last *v, size_t nv)
{
    l->last_visit = xcalloc(l->norgs + 1, sizeof *l->last_visit);
    for (size_t i = 0; i < l->norgs; i++) {
        const char *day = "";
        size_t lo = 0, hi = nv;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (v[mid].organisation_id < l->orgs[i].id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nv && v[lo].organisation_id == l->orgs[i].id) day = v[lo].day;
        l->last_visit[i] = xstrdup(day);
    }
}

int building_report_read(struct db *db, const char *code, const char *actor,
                         struct building_ledger *out)
{
    memset(out, 0, sizeof *out);
    struct date today = date_of(clock_now());
    date_format(&today, out->day);
    int rc = area_find(db, AREA_BUILDING, code, 0, &out->building);
    if (rc != DB_OK) {
        memset(out, 0, sizeof *out);
        return rc;
    }
    rc = user_building_allowed(db, actor, out->building.id);
    if (rc != DB_OK) {
        area_free(&out->building);
        memset(out, 0, sizeof *out);
        return rc;
    }
    struct post_filter f = {
        .kind = -1, .place = PLACE_BUILDING, .place_id = out->building.id, .current_only = 1};
    rc = post_list(db, &f, &out->posts, &out->nposts);
    struct organisation_hits h = {0};
    if (rc == DB_OK)
        rc = organisation_search(db, "", NULL, out->building.id, 0, BUILDING_ORGS_MAX, &h);
    if (rc == DB_OK) {
        out->orgs = h.items;
        out->norgs = h.n;
    }
    struct visit_last *v = NULL;
    size_t nv = 0;
    if (rc == DB_OK) rc = visit_last_days(db, out->building.id, &v, &nv);
    if (rc == DB_OK) last_visits_fill(out, v, nv);
    free(v);
    if (rc != DB_OK) building_ledger_free(out);
    return rc;
}

/*
** One row of n cells (names: the columns' names; NULL: the row's first
** cell names it); on a cell the encoding lacks, *err names its line and column.
*/
static int put(struct sheet *s, const char *const *cells, const char *const *names, size_t n,
               size_t line, char **err)
{
    unsigned flags[BUILDING_LEDGER_COLUMNS + 1] = {0};
    for (size_t i = 0; i < n; i++)
        flags[i] = SHEET_TEXT;
    size_t bad = 0;
    char *why = NULL;
    if (sheet_row(s, cells, flags, n, &bad, &why) == 0) return 0;
    if (bad >= n) /* the file itself could not be written */
        *err = why;
    else {
        *err = xasprintf(_("line %zu, column %s: %s; nothing was written"), line,
                         names ? names[bad] : cells[0], why);
        free(why);
    }
    return -1;
}

int building_report_export(const struct building_ledger *l, const char *path, enum codec codec,
                           size_t *rows, char **err)
{
    *rows = 0;
    *err = NULL;
    struct sheet *s;
    if (sheet_open(path, sheet_format_for(path), codec, "楼宇台账", &s, err) != 0) return -1;
    const struct area *b = &l->building;
    char *chiefs = building_ledger_holders(l, POST_BUILDING_CHIEF);
    char *instructors = building_ledger_holders(l, POST_BUILDING_INSTRUCTOR);
    const char *head[][3] = {{"楼宇台账", b->code, b->name},
                             {"地址", b->address, ""},
                             {"楼长", chiefs, ""},
                             {"楼宇指导员", instructors, ""},
                             {"物业公司", b->property, b->property_phone},
                             {"统计日期", l->day, ""},
                             {"", "", ""}};
    size_t line = 0;
    int failed = 0;
    for (size_t i = 0; !failed && i < ARRAY_LEN(head); i++)
        failed = put(s, head[i], NULL, 3, ++line, err);
    if (!failed)
        failed = put(s, building_ledger_columns, NULL, BUILDING_LEDGER_COLUMNS, ++line, err);
    for (size_t i = 0; !failed && i < l->norgs; i++) {
        char *c[BUILDING_LEDGER_COLUMNS];
        building_ledger_cells(l, i, c);
        failed = put(s, (const char *const *)c, building_ledger_columns, BUILDING_LEDGER_COLUMNS,
                     ++line, err);
        for (int k = 0; k < BUILDING_LEDGER_COLUMNS; k++)
            free(c[k]);
        *rows += !failed;
    }
    free(chiefs);
    free(instructors);
    if (failed) {
        sheet_abort(s);
        *rows = 0;
        return -1;
    }
    return sheet_close(s, err);
}

int building_report_is_sheet(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && strcasecmp(path + n - 4, ".csv") == 0) ||
           (n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0);
}
