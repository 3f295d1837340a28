/*
** coverage: see coverage.h.
*/
#include "app/coverage.h"
#include "db/post_store.h"
#include "db/settings_store.h"
#include "src/i18n.h"
#include "src/post.h"
#include "src/text.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

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

/* "楼长 B101 滨江国际大厦 张三 138****5678" for a post. Caller frees. */
static char *post_line(const struct post *p)
{
    char *phone = xstrdup(p->staff_phone);
    text_mask_number(phone, 11, phone);
    char *line = xasprintf("%s %s %s %s %s",
                           p->kind >= 0 ? _(post_kind_info((enum post_kind)p->kind)->label) : "",
                           p->place_code, p->place_name, p->staff_name, phone);
    free(phone);
    return line;
}

/* The vacancies: the coverage's sections of what lacks a holder. */
struct vacancies {
    struct strbuf body;
    int seen; /* sections handed over so far */
};

static void vacancy_section(void *ctx, const char *heading, const char *body)
{
    struct vacancies *v = ctx;
    if (v->seen++ >= COVER_STREET_NO_CHIEF + 1) return;
    strbuf_addf(&v->body, "%s%s", v->body.len ? "\n" : "", heading);
    const char *line = body;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        strbuf_addf(&v->body, "\n  %.*s", (int)len, line);
        line += len + (end ? 1 : 0);
    }
}

int posts_record_sections(struct db *db, const char *from, const char *to, int kind,
                          void (*section)(void *ctx, const char *heading, const char *body),
                          void *ctx)
{
    struct post *held, *handed, *ended;
    size_t nheld, nhanded, nended;
    struct post_filter f = {.kind = kind, .place = -1};
    int rc = post_list(db, &f, &held, &nheld);
    if (rc != DB_OK) return rc;
    if ((rc = post_handovers(db, from, to, &handed, &nhanded, &ended, &nended)) != DB_OK) {
        record_array_free(&post_record, held, nheld);
        return rc;
    }
    struct vacancies v = {STRBUF_INIT, 0};
    rc = coverage_sections(db, to, -1, vacancy_section, &v);
    if (rc == DB_OK) {
        struct strbuf body = STRBUF_INIT;
        size_t n = 0;
        for (size_t i = 0; i < nheld; i++) {
            if (!post_held_on(held[i].start_on, held[i].end_on, to)) continue;
            char *line = post_line(&held[i]);
            strbuf_addf(&body, "%s%s %s", n++ ? "\n" : "", line, held[i].start_on);
            free(line);
        }
        char *heading = xasprintf(_("Posts held on %s: %zu"), to, n);
        section(ctx, heading, n ? strbuf_str(&body) : _("none"));
        free(heading);
        section(ctx, _("Vacancies"), strbuf_str(&v.body));
        strbuf_reset(&body);
        n = 0;
        for (size_t i = 0; i < nhanded; i++) {
            const struct post *p = &handed[i];
            if (kind >= 0 && p->kind != kind) continue;
            struct post old;
            int got = post_get(db, p->handed_from, &old) == DB_OK;
            char *line = post_line(p);
            char *entry = xasprintf(_("%s %s, taking over from %s"), p->start_on, line,
                                    got ? old.staff_name : "?");
            strbuf_addf(&body, "%s%s%s%s", n++ ? "\n" : "", entry, *p->note ? "  " : "", p->note);
            free(entry);
            free(line);
            if (got) record_free(&post_record, &old);
        }
        heading = xasprintf(_("Hand-overs from %s to %s: %zu"), from, to, n);
        section(ctx, heading, n ? strbuf_str(&body) : _("none"));
        free(heading);
        strbuf_reset(&body);
        n = 0;
        for (size_t i = 0; i < nended; i++) {
            if (kind >= 0 && ended[i].kind != kind) continue;
            char *line = post_line(&ended[i]);
            strbuf_addf(&body, "%s%s %s", n++ ? "\n" : "", ended[i].end_on, line);
            free(line);
        }
        heading = xasprintf(_("Ended with nobody taking over: %zu"), n);
        section(ctx, heading, n ? strbuf_str(&body) : _("none"));
        free(heading);
        strbuf_free(&body);
    }
    strbuf_free(&v.body);
    record_array_free(&post_record, held, nheld);
    record_array_free(&post_record, handed, nhanded);
    record_array_free(&post_record, ended, nended);
    return rc;
}
