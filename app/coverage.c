/*
** coverage: see coverage.h.
*/
#include "app/coverage.h"
#include "db/post_store.h"
#include "db/settings_store.h"
#include "src/i18n.h"
#include "src/util.h"

#include <stdlib.h>

static const char *const headings[COVER_SECTION_COUNT] = {
    N_("Buildings without a 楼长"), N_("Grids without a 网格员"), N_("Streets without a 街长"),
    N_("楼长 over the load"), N_("Posts ending within 30 days")};

int coverage_sections(struct db *db, const char *day, int load,
                      void (*section)(void *ctx, const char *heading, const char *body), void *ctx)
{
    if (load < 0) {
        char *text = settings_get(db, SETTING_CHIEF_LOAD);
        load = atoi(text);
        free(text);
    }
    struct coverage c;
    int rc = coverage_read(db, day, load, &c);
    if (rc != DB_OK) return rc;
    for (int k = 0; k < COVER_SECTION_COUNT; k++) {
        struct strbuf body = STRBUF_INIT;
        for (size_t i = 0; i < c.n[k]; i++)
            strbuf_addf(&body, "%s%s %s %s", i ? "\n" : "", c.rows[k][i].code, c.rows[k][i].name,
                        c.rows[k][i].detail);
        if (!c.n[k]) strbuf_adds(&body, _("none"));
        char *heading = k == COVER_OVERLOADED ? xasprintf(_("%s (more than %d buildings): %zu"),
                                                          _(headings[k]), load, c.n[k])
                                              : xasprintf(_("%s: %zu"), _(headings[k]), c.n[k]);
        section(ctx, heading, strbuf_str(&body));
        free(heading);
        strbuf_free(&body);
    }
    coverage_free(&c);
    return DB_OK;
}
