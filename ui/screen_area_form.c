/*
** screen_area_form: create or edit a street, community, grid or building,
** through the form kit (ui/form_screen.h): F2 saves, a save that lost the
** race merges, Esc asks before dropping unsaved typing.
*/
#include "db/area.h"
#include "src/phone.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

#include <stdlib.h>

/* Field sizes. */
#define NAME_MAX_CHARS    50
#define ADDRESS_MAX_CHARS 100

/* Choices from the store: the parents of a kind. */
static int parent_source(enum area_kind kind, const char *query, int64_t street,
                         struct choice_list *out)
{
    struct area_list l;
    unsigned flags = street ? AREA_IN_STREET : 0;
    if (area_list(ui.db, kind, query, street, flags, &l) != DB_OK) return -1;
    /* The name, as the record shows it; beside it the code, and what it belongs to. */
    for (size_t i = 0; i < l.n; i++) {
        const struct area *a = &l.items[i];
        char *detail =
            kind == AREA_STREET ? xstrdup(a->code) : xasprintf("%s %s", a->code, a->parent_name);
        choice_list_add(out, a->id, a->name, detail);
        free(detail);
    }
    area_list_free(&l);
    return 0;
}

static int street_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return parent_source(AREA_STREET, query, 0, out);
}

static int community_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return parent_source(AREA_COMMUNITY, query, 0, out);
}

/* A building's grid: among the grids of the street chosen in the same form. */
static int grid_source(void *ctx, const char *query, struct choice_list *out)
{
    struct form_screen *fs = ctx;
    int parent = form_bound(&fs->form, "parent_id");
    return parent_source(AREA_GRID, query, parent >= 0 ? form_choice(&fs->form, parent) : 0, out);
}

static int kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1 + BUILDING_COMMERCIAL,
                      area_building_kind_label(BUILDING_COMMERCIAL), "");
    choice_list_offer(out, query, 1 + BUILDING_RESIDENTIAL,
                      area_building_kind_label(BUILDING_RESIDENTIAL), "");
    return 0;
}

/* Lay the form out for the record's kind. */
static void area_build(struct form_screen *fs)
{
    const struct area *r = fs->orig;
    struct form *f = &fs->form;
    form_add_code(f, r->code, VALIDATE_CODE_MAX, 20);
    form_bind(f, form_add_text(f, _("Name"), r->name, NAME_MAX_CHARS, 36, validate_required, 0),
              "name");
    switch (r->kind) {
    case AREA_COMMUNITY:
        form_bind(
            f,
            form_add_choice(f, _("Street"), r->parent_id, r->parent_name, street_source, fs, 0, 24),
            "parent_id");
        break;
    case AREA_GRID:
        form_bind(f,
                  form_add_choice(f, _("Community"), r->parent_id, r->parent_name, community_source,
                                  fs, 0, 24),
                  "parent_id");
        form_bind(f,
                  form_add_text(f, _("Grid workers"), r->workers, AREA_WORKERS_MAX, 36,
                                validate_line, 0),
                  "workers");
        break;
    case AREA_BUILDING:
        form_bind(f,
                  form_add_text(f, _("Address"), r->address, ADDRESS_MAX_CHARS, 40, validate_line,
                                TEXT_NORM_PROSE),
                  "address");
        form_bind(
            f,
            form_add_choice(f, _("Street"), r->parent_id, r->parent_name, street_source, fs, 0, 24),
            "parent_id");
        form_bind(f,
                  form_add_choice(f, _("Grid"), r->grid_id, r->grid_name, grid_source, fs, 1, 30),
                  "grid_id");
        form_bind(f,
                  form_add_choice(f, _("Kind"), 1 + (int64_t)r->building_kind,
                                  area_building_kind_label(r->building_kind), kind_source, fs, 0,
                                  24),
                  "building_kind");
        form_bind(f,
                  form_add_text(f, _("Property company"), r->property, AREA_PROPERTY_MAX, 36,
                                validate_line, 0),
                  "property");
        form_bind(f,
                  form_add_text(f, _("Property phone"), r->property_phone, AREA_PHONE_MAX, 20,
                                phone_check_any, 0),
                  "property_phone");
        break;
    default:
        break;
    }
}

/* The form's values into rec (what the kind has no field for stays as it is). */
static int area_read(struct form_screen *fs, void *rec)
{
    struct area *out = rec;
    struct form *f = &fs->form;
    int i;
    record_take(&out->code, form_text(f, form_bound(f, "code")));
    record_take(&out->name, form_text(f, form_bound(f, "name")));
    if ((i = form_bound(f, "parent_id")) >= 0) {
        out->parent_id = form_choice(f, i);
        record_set(&out->parent_name, f->fields[i].choice_label);
    }
    if ((i = form_bound(f, "address")) >= 0) record_take(&out->address, form_text(f, i));
    if ((i = form_bound(f, "workers")) >= 0) record_take(&out->workers, form_text(f, i));
    if ((i = form_bound(f, "grid_id")) >= 0) {
        out->grid_id = form_choice(f, i);
        record_set(&out->grid_name, f->fields[i].choice_label);
    }
    if ((i = form_bound(f, "property")) >= 0) record_take(&out->property, form_text(f, i));
    if ((i = form_bound(f, "property_phone")) >= 0) {
        char *typed = form_text(f, i);
        record_take(&out->property_phone, phone_normal_any(typed));
        free(typed);
    }
    if ((i = form_bound(f, "building_kind")) >= 0)
        out->building_kind = (enum building_kind)(form_choice(f, i) - 1);
    return 0;
}

static int area_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return area_save(ui.db, rec, actor_name(), NULL);
}

/* A name another active record of its kind has: which one, at the name. */
static int area_refused(struct form_screen *fs, int rc, const void *rec)
{
    char *code = NULL;
    if (rc != DB_DUPLICATE || area_name_holder(ui.db, rec, &code) != DB_OK) return -1;
    form_set_message(&fs->form, form_bound(&fs->form, "name"), _("Another has this name"));
    ui_message(UI_MSG_ERROR, _("Not saved: %s %s has this name already"), code,
               ((const struct area *)rec)->name);
    free(code);
    return UI_HANDLED;
}

static int area_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    const struct area *a = rec;
    return area_get(ui.db, a->kind, a->id, out);
}

static int area_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    const struct area *a = rec;
    ui_message(UI_MSG_INFO, _("Saved: %s %s"), a->code, a->name);
    return UI_CLOSE;
}

/* F2 on a building: the grid chosen must lie in the street chosen (the street may have changed). */
static int building_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    int street = form_bound(f, "parent_id"), grid = form_bound(f, "grid_id");
    if (street < 0 || grid < 0 || !form_choice(f, grid) || !form_choice(f, street)) return -1;
    if (area_grid_in_street(ui.db, form_choice(f, grid), form_choice(f, street))) return -1;
    form_set_message(f, grid, _("This grid is in another street: choose one of this street's"));
    return grid;
}

#define AREA_FORM(new_title, edit_title, view_title, cross_check)                                  \
    {                                                                                              \
        .type = &area_record, .title_new = new_title, .title_edit = edit_title,                    \
        .title_view = view_title, .build = area_build, .check = cross_check, .read = area_read,    \
        .save = area_store_save, .refused = area_refused, .get = area_store_get,                   \
        .saved = area_saved, .parent = "parent_id", .rights = RIGHT_EDIT_AREAS                     \
    }

static const struct form_spec specs[AREA_KIND_COUNT] = {
    [AREA_STREET] = AREA_FORM(N_("New street"), N_("Edit street"), N_("View street"), NULL),
    [AREA_COMMUNITY] =
        AREA_FORM(N_("New community"), N_("Edit community"), N_("View community"), NULL),
    [AREA_GRID] = AREA_FORM(N_("New grid"), N_("Edit grid"), N_("View grid"), NULL),
    [AREA_BUILDING] =
        AREA_FORM(N_("New building"), N_("Edit building"), N_("View building"), building_check),
};

struct screen *screen_area_form_new(enum area_kind kind, const struct area *rec)
{
    struct area fresh;
    area_init(&fresh, kind);
    struct screen *s = form_screen_new(&specs[kind], rec ? rec : &fresh, NULL);
    area_free(&fresh);
    return s;
}
