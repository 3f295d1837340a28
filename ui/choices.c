/*
** choices: see choices.h.
*/
#include "ui/choices.h"
#include "db/area.h"
#include "db/organisation_store.h"
#include "db/catalogue_store.h"
#include "db/request_store.h"
#include "db/resident_store.h"
#include "db/user_store.h"
#include "src/catalogue.h"
#include "src/i18n.h"
#include "src/request.h"
#include "src/clock.h"
#include "src/util.h"
#include "ui/ui.h"

#include <stdlib.h>

int choices_units(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct unit_list l;
    if (unit_list(ui.db, query, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++)
        choice_list_add(out, l.items[i].id, l.items[i].name, l.items[i].phone);
    unit_list_free(&l);
    return 0;
}

int choices_items(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct item_list l;
    if (item_list(ui.db, query, 0, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++) {
        char *label = xasprintf("%s %s", l.items[i].code, l.items[i].name);
        choice_list_add(out, l.items[i].id, label, l.items[i].unit_name);
        free(label);
    }
    item_list_free(&l);
    return 0;
}

int choices_areas_in(enum area_kind kind, int64_t parent_id, const char *query,
                     struct choice_list *out)
{
    struct area_list l;
    if (area_list(ui.db, kind, query, parent_id, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++)
        choice_list_add(out, l.items[i].id, l.items[i].name,
                        kind == AREA_BUILDING ? l.items[i].address : l.items[i].parent_name);
    area_list_free(&l);
    return 0;
}

int choices_buildings(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return choices_areas_in(AREA_BUILDING, 0, query, out);
}

int choices_buildings_mine(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct area_list l;
    if (area_list(ui.db, AREA_BUILDING, query, 0, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++)
        if (!ui.user || user_building_allowed(ui.db, ui.user, l.items[i].id) == DB_OK)
            choice_list_add(out, l.items[i].id, l.items[i].name, l.items[i].address);
    area_list_free(&l);
    return 0;
}

int choices_grids(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return choices_areas_in(AREA_GRID, 0, query, out);
}

int choices_organisations(void *ctx, const char *query, struct choice_list *out)
{
    int64_t building_id = ctx ? *(const int64_t *)ctx : 0;
    struct organisation_hits hits;
    if (organisation_search(ui.db, query, ui.user, building_id, 0, 200, &hits) != DB_OK) return -1;
    for (size_t i = 0; i < hits.n; i++) {
        const struct organisation *o = &hits.items[i];
        char *detail = xasprintf("%s %s", o->building_name, o->credit_code);
        choice_list_add(out, o->id, o->name, detail);
        free(detail);
    }
    record_array_free(&organisation_record, hits.items, hits.n);
    return 0;
}

int choices_streets(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return choices_areas_in(AREA_STREET, 0, query, out);
}

int choices_communities(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return choices_areas_in(AREA_COMMUNITY, 0, query, out);
}

int choices_talks(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct talk_list l;
    if (talk_list(ui.db, query, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n && i < 200; i++) {
        char *label = xasprintf("%s %s", l.v[i].held_on, l.v[i].place);
        choice_list_add(out, l.v[i].id, label, l.v[i].officials);
        free(label);
    }
    talk_list_free(&l);
    return 0;
}

int choices_residents(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    if (str_empty(query)) return 0;
    /* Those off the register too, said so: a request of someone deceased is refused on saving. */
    struct resident_hits hits;
    struct resident_filter all = {.all = 1};
    if (resident_search_filtered(ui.db, query, 50, &all, &hits) != DB_OK) return -1;
    time_t now = clock_now();
    for (size_t i = 0; i < hits.n; i++) {
        const struct resident *r = &hits.items[i];
        char *life = resident_status_line(r);
        const char *id = resident_id_listed(r, now), *phone = resident_phone_listed(r, now);
        char *detail = *life ? xasprintf("%s %s", life, id)
                             : xasprintf("%s %s %s", id, phone, *r->grid ? r->grid : r->address);
        free(life);
        choice_list_add(out, r->id, r->name, detail);
        free(detail);
    }
    if (hits.total > hits.n) out->unlisted = hits.total - hits.n;
    out->unlisted_more = hits.more;
    resident_hits_free(&hits);
    return 0;
}

int choices_words(void *ctx, const char *query, struct choice_list *out)
{
    const struct request_word *words = ctx;
    for (size_t i = 0; words[i].code; i++)
        choice_list_offer(out, query, (int64_t)i + 1, _(words[i].label), "");
    return 0;
}

int64_t choices_word_id(const struct request_word *words, const char *code)
{
    for (size_t i = 0; words[i].code; i++)
        if (str_eq(words[i].code, code)) return (int64_t)i + 1;
    return 0;
}

const char *choices_word_code(const struct request_word *words, int64_t id)
{
    for (size_t i = 0; words[i].code; i++)
        if ((int64_t)i + 1 == id) return words[i].code;
    return NULL;
}

int choices_levels(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (int l = 0; l < LEVEL_COUNT; l++)
        choice_list_offer(out, query, l + 1, _(request_level_label((enum request_level)l)), "");
    return 0;
}
