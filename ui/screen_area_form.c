/*
** screen_area_form: create or edit a street, community, grid or building.
** F2 saves; a save that lost the race with another desk says who changed
** the record and when, shows what differs, and keeps what was typed.
** Esc asks before dropping unsaved typing.
*/
#include "src/actor.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <stdlib.h>
#include <string.h>

/* Field sizes. */
#define NAME_MAX_CHARS    50
#define ADDRESS_MAX_CHARS 100
#define WORKERS_MAX_CHARS 100

struct area_form {
    struct screen base;
    struct form form;
    struct area rec; /* as read: id and version for the save */
    /* Index of each field in the form, -1 when the kind has none. */
    int f_code, f_name, f_parent, f_address, f_grid, f_kind, f_workers;
};

static const enum action form_bar[] = {ACT_SAVE, ACT_NONE};

static const char *const new_titles[AREA_KIND_COUNT] = {N_("New street"), N_("New community"),
                                                        N_("New grid"), N_("New building")};
static const char *const edit_titles[AREA_KIND_COUNT] = {N_("Edit street"), N_("Edit community"),
                                                         N_("Edit grid"), N_("Edit building")};

/* Choices from the store: the parents of a kind. */
static int parent_source(enum area_kind kind, const char *query, int64_t street,
                         struct choice_list *out)
{
    struct area_list l;
    unsigned flags = street ? AREA_IN_STREET : 0;
    if (area_list(ui.db, kind, query, street, flags, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++) {
        const struct area *a = &l.items[i];
        char *label = kind == AREA_GRID ? xasprintf("%s %s", a->code, a->name) : xstrdup(a->name);
        choice_list_add(out, a->id, label, kind == AREA_STREET ? a->code : a->parent_name);
        free(label);
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
    struct area_form *af = ctx;
    int64_t street = af->f_parent >= 0 ? af->form.fields[af->f_parent].choice_id : 0;
    return parent_source(AREA_GRID, query, street, out);
}

static const char *building_kind_text(enum building_kind k)
{
    return k == BUILDING_RESIDENTIAL ? _("Residential block") : _("Commercial building");
}

static int kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1 + BUILDING_COMMERCIAL, building_kind_text(BUILDING_COMMERCIAL),
                      "");
    choice_list_offer(out, query, 1 + BUILDING_RESIDENTIAL,
                      building_kind_text(BUILDING_RESIDENTIAL), "");
    return 0;
}

/* Lay the form out for the record's kind, holding the record's values. */
static void build_form(struct area_form *af)
{
    const struct area *r = &af->rec;
    struct form *f = &af->form;
    form_init(f);
    af->f_parent = af->f_address = af->f_grid = af->f_kind = af->f_workers = -1;
    af->f_code = form_add_text(f, _("Code"), r->code, VALIDATE_CODE_MAX, 20, validate_code,
                               TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    af->f_name = form_add_text(f, _("Name"), r->name, NAME_MAX_CHARS, 36, validate_required, 0);
    switch (r->kind) {
    case AREA_COMMUNITY:
        af->f_parent =
            form_add_choice(f, _("Street"), r->parent_id, r->parent_name, street_source, af, 0, 24);
        break;
    case AREA_GRID:
        af->f_parent = form_add_choice(f, _("Community"), r->parent_id, r->parent_name,
                                       community_source, af, 0, 24);
        af->f_workers = form_add_text(f, _("Grid workers"), r->workers, WORKERS_MAX_CHARS, 36,
                                      validate_line, 0);
        break;
    case AREA_BUILDING: {
        af->f_address =
            form_add_text(f, _("Address"), r->address, ADDRESS_MAX_CHARS, 40, validate_line, 0);
        af->f_parent =
            form_add_choice(f, _("Street"), r->parent_id, r->parent_name, street_source, af, 0, 24);
        af->f_grid =
            form_add_choice(f, _("Grid"), r->grid_id, r->grid_name, grid_source, af, 1, 30);
        af->f_kind = form_add_choice(f, _("Kind"), 1 + (int64_t)r->building_kind,
                                     building_kind_text(r->building_kind), kind_source, af, 0, 24);
        break;
    }
    default:
        break;
    }
}

/* Copy the form's values into a record (the record's other fields are kept). */
static void form_to_record(struct area_form *af, struct area *out)
{
    struct form *f = &af->form;
    record_take(&out->code, form_text(f, af->f_code));
    record_take(&out->name, form_text(f, af->f_name));
    if (af->f_parent >= 0) out->parent_id = f->fields[af->f_parent].choice_id;
    if (af->f_address >= 0) {
        record_take(&out->address, form_text(f, af->f_address));
    }
    if (af->f_workers >= 0) {
        record_take(&out->workers, form_text(f, af->f_workers));
    }
    if (af->f_grid >= 0) out->grid_id = f->fields[af->f_grid].choice_id;
    if (af->f_kind >= 0)
        out->building_kind = (enum building_kind)(f->fields[af->f_kind].choice_id - 1);
}

/* "名称：您的「X」，现在「Y」" for each field where mine and theirs differ. */
static void describe_differences(const struct area *mine, const struct area *theirs,
                                 struct strbuf *out)
{
    const struct conflict_field fields[] = {
        {_("Code"), mine->code, theirs->code},
        {_("Name"), mine->name, theirs->name},
        {_("Address"), mine->address, theirs->address},
        {_("Grid workers"), mine->workers, theirs->workers},
    };
    conflict_describe(out, fields, ARRAY_LEN(fields));
    if (mine->parent_id != theirs->parent_id)
        strbuf_addf(out, _("Belongs to: now \"%s\"\n"), theirs->parent_name);
    if (mine->grid_id != theirs->grid_id)
        strbuf_addf(out, _("Grid: now \"%s\"\n"), theirs->grid_name);
    if (mine->building_kind != theirs->building_kind)
        strbuf_addf(out, _("Kind: now \"%s\"\n"), building_kind_text(theirs->building_kind));
    if (mine->retired != theirs->retired && theirs->retired)
        strbuf_addf(out, "%s\n", _("It has been retired."));
}

/*
** Someone saved first. Say who and when and what differs; let the clerk
** overwrite with their typing, take the newer record, or go on editing.
** Returns 1 to try the save again.
*/
static int resolve_conflict(struct area_form *af, struct area *mine, struct area *theirs)
{
    struct strbuf diff = STRBUF_INIT;
    describe_differences(mine, theirs, &diff);
    enum conflict_choice choice =
        dialog_conflict(theirs->updated_by, theirs->updated_at, strbuf_str(&diff));
    strbuf_free(&diff);
    if (choice == CONFLICT_OVERWRITE) {
        mine->version = theirs->version;
        af->rec.version = theirs->version;
        return 1;
    }
    if (choice == CONFLICT_THEIRS) {
        form_free(&af->form);
        area_free(&af->rec);
        area_copy(&af->rec, theirs);
        build_form(af);
        ui_message(UI_MSG_INFO, "%s", _("Showing the record as it is now"));
        return 0;
    }
    ui_message(UI_MSG_ERROR, "%s", _("Not saved yet: your typing is kept; F2 saves again"));
    return 0;
}

/* F2: check every field, save, and deal with what the store says. Returns UI flags. */
static int form_save(struct area_form *af)
{
    if (form_check_all(&af->form) >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    struct area mine;
    area_copy(&mine, &af->rec);
    form_to_record(af, &mine);
    int rc;
    for (;;) {
        struct area theirs;
        rc = area_save(ui.db, &mine, actor_name(), &theirs);
        if (rc != DB_CONFLICT) break;
        int again = resolve_conflict(af, &mine, &theirs);
        area_free(&theirs);
        if (!again) {
            area_free(&mine);
            return UI_HANDLED;
        }
    }
    int result = UI_HANDLED;
    switch (rc) {
    case DB_OK:
        ui_message(UI_MSG_INFO, _("Saved: %s %s"), mine.code, mine.name);
        ui.generation++;
        ui.saved_id = mine.id;
        form_mark_clean(&af->form);
        result = UI_CLOSE;
        break;
    case DB_DUPLICATE:
        form_set_message(&af->form, af->f_code, _("This code is already taken"));
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: the code is already taken"));
        break;
    case DB_INVALID:
        if (af->f_parent >= 0)
            form_set_message(&af->form, af->f_parent, _("Retired or gone: choose another"));
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: what it belongs to is retired or gone"));
        break;
    case DB_NOTFOUND:
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: the record was removed meanwhile"));
        break;
    default:
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), db_rc_message(rc));
        break;
    }
    area_free(&mine);
    return result;
}

static void area_form_draw(struct screen *s, int top, int rows)
{
    struct area_form *af = (struct area_form *)s;
    const struct area *r = &af->rec;
    if (r->id)
        draw_textf(top, 1, COLS - 2, term_attr(UI_DIM), _("Version %lld, last changed %s by %s%s"),
                   (long long)r->version, r->updated_at, r->updated_by,
                   r->retired ? _(" · retired") : "");
    else
        draw_text(top, 1, COLS - 2, _("A new record: fill in the fields, then F2 saves."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    form_draw(&af->form, top + 2, rows - 3, COLS, s);
    draw_text(top + rows - 1, 1, COLS - 2, _("Tab/Enter: next field · F2: save · Esc: back"),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int area_form_dirty(struct screen *s)
{
    return form_dirty(&((struct area_form *)s)->form);
}

static int area_form_key(struct screen *s, enum action a, const struct key *k)
{
    struct area_form *af = (struct area_form *)s;
    int r = form_key(&af->form, a, k);
    if (r == FORM_SAVE) return form_save(af);
    return r;
}

static void area_form_free(struct screen *s)
{
    struct area_form *af = (struct area_form *)s;
    form_free(&af->form);
    area_free(&af->rec);
    free(af);
}

static const struct screen_ops area_form_ops = {area_form_draw, area_form_key, area_form_dirty,
                                                area_form_free};

struct screen *screen_area_form_new(enum area_kind kind, const struct area *rec)
{
    struct area_form *af = xcalloc(1, sizeof *af);
    af->base.ops = &area_form_ops;
    af->base.bar = form_bar;
    if (rec) {
        /* Read it again: the list may be older than the record. */
        if (area_get(ui.db, kind, rec->id, &af->rec) != DB_OK) area_copy(&af->rec, rec);
        af->base.title = _(edit_titles[kind]);
    } else {
        area_init(&af->rec, kind);
        af->base.title = _(new_titles[kind]);
    }
    build_form(af);
    return &af->base;
}
