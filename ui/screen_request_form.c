/*
** screen_request_form: taking a request down (诉求登记). The requester is a
** resident found by the resident search (or registered there and then),
** an organisation, or a person who gives a name and phone; the service
** item is chosen by typing Chinese, pinyin initials or its code, and fills
** in the category and the unit. F2 saves: the request gets its number and
** goes to the unit at once; a consultation with an answer written in is
** closed on the spot. Then the receipt can be printed and the request is
** shown.
*/
#include "db/area.h"
#include "db/catalogue_store.h"
#include "db/request_store.h"
#include "db/organisation_store.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/phone.h"
#include "src/request.h"
#include "src/resident.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_REQUESTER_KIND,
    F_RESIDENT,
    F_NAME,
    F_PHONE,
    F_CHANNEL,
    F_KIND,
    F_ITEM,
    F_CATEGORY,
    F_UNIT,
    F_BUILDING,
    F_GRID,
    F_LEVEL,
    F_TALK,
    F_TITLE,
    F_DETAIL,
    F_ANSWER,
};

/* Who the requester is; ids of the chooser. */
enum { WHO_RESIDENT = 1, WHO_ORGANISATION, WHO_OTHER };

/* The resident chooser's entry that registers a new resident. */
#define NEW_RESIDENT (-2)

/* What the form keeps besides its fields. */
struct intake {
    int waiting_for_resident; /* a resident form is open for the requester */
    char *typed;              /* what the resident chooser searched for last */
    int64_t community_id;     /* of the grid chosen */
    const char *why;          /* why the workflow refused the last save (borrowed), or NULL */
    int64_t taken;            /* the requester whose particulars the form took last: leaving
                               * the field on them again leaves what was typed since as it is */
    int64_t building_id;      /* the building the grid was matched to last */
};

/*
** Whether the user may look residents up (a building chief may not): who
** may not takes requests from organisations and people not named only.
*/
static int finds_residents(void)
{
    return command_rights_held(RIGHT_RESIDENTS);
}

static int who_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    if (finds_residents()) choice_list_offer(out, query, WHO_RESIDENT, _("Resident"), "");
    choice_list_offer(out, query, WHO_ORGANISATION, _("Organisation"), "");
    choice_list_offer(out, query, WHO_OTHER, _("Other person (anonymous)"), "");
    return 0;
}

/*
** Residents found by the search, and a way to register one not found; for
** a request from an organisation, the register of organisations (一企一档).
*/
static int resident_source(void *ctx, const char *query, struct choice_list *out)
{
    const struct form_screen *fs = ctx;
    if (form_choice(&fs->form, F_REQUESTER_KIND) == WHO_ORGANISATION)
        return choices_organisations(NULL, query, out);
    if (!finds_residents()) return 0;
    int rc = choices_residents(ctx, query, out);
    choice_list_add(out, NEW_RESIDENT, _("(register a new resident)"), "");
    struct intake *in = fs->ctx;
    free(in->typed);
    in->typed = xstrdup(query ? query : "");
    return rc;
}

static void intake_free(void *ctx)
{
    struct intake *in = ctx;
    free(in->typed);
    free(in);
}

/*
** An organisation was chosen (was: the one taken before, 0 if none): take
** its name and its contact's phone, each into a field still empty or still
** holding was's (a contact person and the number to call back, typed over
** them, stay: leaving the field again would put the register's back), and
** its building, where the request is: over one given before (a chief's
** worklist starts at their first building), said beside it.
*/
static void organisation_take_into(struct form_screen *fs, int64_t id, int64_t was)
{
    struct organisation o, before;
    if (organisation_get(ui.db, id, &o) != DB_OK) return;
    int had = was > 0 && was != id && organisation_get(ui.db, was, &before) == DB_OK;
    struct form *f = &fs->form;
    form_set_choice(f, F_RESIDENT, o.id, o.name);
    char *name = form_text(f, F_NAME), *phone = form_text(f, F_PHONE);
    if (str_empty(name) || (had && str_eq(name, before.name))) form_set_text(f, F_NAME, o.name);
    if (str_empty(phone) || (had && form_masked(f, F_PHONE)))
        form_set_secret_text(f, F_PHONE, o.contact_phone, organisation_masked_phone);
    free(name);
    free(phone);
    if (had) record_free(&organisation_record, &before);
    int64_t building = form_choice(f, F_BUILDING);
    if (o.building_id && o.building_id != building) {
        form_set_choice(f, F_BUILDING, o.building_id, o.building_name);
        if (building) form_set_note(f, F_BUILDING, _("the organisation's"));
    }
    record_free(&organisation_record, &o);
}

static const char *check_phone(const char *text)
{
    return phone_check_any(text ? text : "");
}

/* The phone as it will be stored: a mobile or landline normalised, else as typed. Caller frees. */
static char *phone_normal(const char *text)
{
    char out[40];
    if (!phone_mobile(text, out)) return xstrdup(out);
    if (!phone_landline(text, out, sizeof out)) return xstrdup(out);
    return xstrdup(text);
}

/* A resident was chosen: take their name and phone. */
static void resident_take_into(struct form_screen *fs, int64_t id)
{
    struct resident r;
    if (resident_get(ui.db, id, &r) != DB_OK) return;
    struct form *f = &fs->form;
    form_set_choice(f, F_RESIDENT, r.id, r.name);
    form_set_text(f, F_NAME, r.name);
    form_set_secret_text(f, F_PHONE, *r.phone ? r.phone : r.landline, resident_masked_phone);
    if (r.grid_id && !form_choice(f, F_GRID)) {
        form_set_choice(f, F_GRID, r.grid_id, r.grid);
        ((struct intake *)fs->ctx)->community_id = r.community_id;
    }
    resident_free(&r);
}

/*
** The item's materials beside it; when fill, the item just chosen also
** fills in the category and the unit, which stay editable.
*/
static void item_take(struct form_screen *fs, int fill)
{
    struct form *f = &fs->form;
    struct service_item it;
    if (!form_choice(f, F_ITEM) || item_get(ui.db, form_choice(f, F_ITEM), &it) != DB_OK) return;
    if (fill) {
        const char *label = request_word_label(request_categories, it.category);
        form_set_choice(f, F_CATEGORY, choices_word_id(request_categories, it.category),
                        label ? _(label) : "");
        if (!f->fields[F_UNIT].locked) form_set_choice(f, F_UNIT, it.unit_id, it.unit_name);
        if (str_eq(it.category, "emergency"))
            form_set_choice(f, F_KIND, choices_word_id(request_kinds, "help"),
                            _("Asking for help"));
    }
    char *note = xasprintf(_("Materials: %s"), *it.materials ? it.materials : _("none"));
    form_set_note(f, F_ITEM, note);
    free(note);
    service_item_free(&it);
}

/*
** The grid is the building's, and its community with it: when none is
** chosen yet, and over the one there when the building changed since it
** was matched (chosen again, or the organisation's taken).
*/
static void building_grid_take(struct form_screen *fs)
{
    struct form *f = &fs->form;
    struct intake *in = fs->ctx;
    int64_t id = form_choice(f, F_BUILDING);
    int moved = id != in->building_id;
    in->building_id = id;
    struct area b;
    if (!id || (form_choice(f, F_GRID) && !moved) ||
        area_get(ui.db, AREA_BUILDING, id, &b) != DB_OK)
        return;
    if (b.grid_id && b.grid_id != form_choice(f, F_GRID)) {
        form_set_choice(f, F_GRID, b.grid_id, b.grid_name);
        form_set_note(f, F_GRID, _("the building's"));
        struct area g;
        if (area_get(ui.db, AREA_GRID, b.grid_id, &g) == DB_OK) {
            ((struct intake *)fs->ctx)->community_id = g.parent_id;
            area_free(&g);
        }
    }
    area_free(&b);
}

/*
** An item chosen fills in its category and unit at once, where the clerk
** sees them; only then: a unit or category the clerk picks after it stays
** (leaving the item's field, or saving, never puts the item's back).
*/
/*
** A building chosen: an organisation of another building, the requester,
** goes at once, said (with its name and phone taken from the register),
** and the grid becomes the building's.
*/
static void building_chosen(struct form_screen *fs)
{
    struct form *f = &fs->form;
    struct organisation o;
    if (form_choice(f, F_REQUESTER_KIND) == WHO_ORGANISATION && form_choice(f, F_RESIDENT) > 0 &&
        organisation_get(ui.db, form_choice(f, F_RESIDENT), &o) == DB_OK) {
        if (o.building_id && o.building_id != form_choice(f, F_BUILDING)) {
            char *name = form_text(f, F_NAME);
            if (str_eq(name, o.name)) form_set_text(f, F_NAME, "");
            free(name);
            if (form_masked(f, F_PHONE))
                form_set_secret_text(f, F_PHONE, "", organisation_masked_phone);
            form_set_choice(f, F_RESIDENT, 0, "");
            ((struct intake *)fs->ctx)->taken = 0;
            form_set_note(f, F_RESIDENT, _("was of the other building: choose again"));
            ui_message(UI_MSG_INFO, _("The organisation is left empty: %s is not in %s"), o.name,
                       f->fields[F_BUILDING].choice_label);
        }
        record_free(&organisation_record, &o);
    }
    building_grid_take(fs);
}

static void on_choose(struct form *f, int i, void *ctx)
{
    (void)f;
    if (i == F_ITEM) item_take(ctx, 1);
    if (i == F_BUILDING) building_chosen(ctx);
}

static void on_leave(struct form *f, int i, void *ctx)
{
    struct form_screen *fs = ctx;
    if (i == F_RESIDENT && form_choice(f, F_RESIDENT) == NEW_RESIDENT) {
        form_set_choice(f, F_RESIDENT, 0, "");
        ((struct intake *)fs->ctx)->waiting_for_resident = 1;
        ui.saved_id = 0;
        ui_push(screen_resident_form_register(((struct intake *)fs->ctx)->typed));
    } else if (i == F_REQUESTER_KIND) {
        /* The chooser under it finds residents, or organisations on the register. */
        int org = form_choice(f, F_REQUESTER_KIND) == WHO_ORGANISATION;
        const char *label = org ? _("Organisation") : _("Resident");
        if (f->fields[F_RESIDENT].label != label) {
            form_set_choice(f, F_RESIDENT, 0, "");
            ((struct intake *)fs->ctx)->taken = 0;
        }
        f->fields[F_RESIDENT].label = label;
    } else if (i == F_RESIDENT && form_choice(f, F_RESIDENT) > 0 &&
               form_choice(f, F_RESIDENT) != ((struct intake *)fs->ctx)->taken) {
        int64_t was = ((struct intake *)fs->ctx)->taken;
        ((struct intake *)fs->ctx)->taken = form_choice(f, F_RESIDENT);
        if (form_choice(f, F_REQUESTER_KIND) == WHO_ORGANISATION)
            organisation_take_into(fs, form_choice(f, F_RESIDENT), was);
        else
            resident_take_into(fs, form_choice(f, F_RESIDENT));
        building_grid_take(fs);
    } else if (i == F_ITEM) {
        item_take(fs, 0);
    } else if (i == F_GRID) {
        /* The community is the grid's. */
        struct area g;
        ((struct intake *)fs->ctx)->community_id = 0;
        if (form_choice(f, F_GRID) &&
            area_get(ui.db, AREA_GRID, form_choice(f, F_GRID), &g) == DB_OK) {
            ((struct intake *)fs->ctx)->community_id = g.parent_id;
            area_free(&g);
        }
    }
}

static void intake_build(struct form_screen *fs)
{
    struct form *f = &fs->form;
    form_init(f);
    int residents = finds_residents();
    form_add_choice(f, _("Requester is"), residents ? WHO_RESIDENT : WHO_ORGANISATION,
                    residents ? _("Resident") : _("Organisation"), who_source, fs, 0, 20);
    form_add_choice(f, residents ? _("Resident") : _("Organisation"), 0, "", resident_source, fs, 1,
                    24);
    form_add_text(f, _("Name or organisation"), "", 40, 24, validate_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Phone"), "", 20, 16, check_phone, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Channel"), choices_word_id(request_channels, "desk"), _("Desk"),
                    choices_words, (void *)(uintptr_t)request_channels, 0, 12);
    form_add_choice(f, _("Kind"), choices_word_id(request_kinds, "help"), _("Asking for help"),
                    choices_words, (void *)(uintptr_t)request_kinds, 0, 12);
    form_add_choice(f, _("Service item"), 0, "", choices_items, fs, 1, 30);
    /* Most matters serve the public: the item chosen, or the clerk, says otherwise. */
    form_add_choice(f, _("Category"), choices_word_id(request_categories, "service"),
                    _("Service to the public"), choices_words,
                    (void *)(uintptr_t)request_categories, 0, 16);
    form_add_choice(f, _("Unit"), 0, "", choices_units, fs, 1, 24);
    form_add_choice(f, _("Building"), 0, "", choices_buildings_mine, fs, 1, 24);
    form_add_choice(f, _("Grid"), 0, "", choices_grids, fs, 1, 24);
    form_add_choice(f, _("Level"), LEVEL_COMMUNITY + 1, _("Community level"), choices_levels, fs, 0,
                    8);
    form_add_choice(f, _("Evening talk"), 0, "", choices_talks, fs, 1, 30);
    form_add_text(f, _("Title"), "", REQUEST_TITLE_MAX, 40, validate_required, TEXT_NORM_PROSE);
    form_set_lines(f, form_add_text(f, _("Detail"), "", 500, 56, NULL, TEXT_NORM_PROSE), 4);
    form_set_lines(f, form_add_text(f, _("Answer"), "", 500, 56, NULL, TEXT_NORM_PROSE), 3);
    form_on_leave(f, on_leave, fs);
    form_on_choose(f, on_choose, fs);
}

/* The request as the form holds it. */
static void form_to_request(struct form_screen *fs, struct request *r)
{
    struct form *f = &fs->form;
    int64_t who = form_choice(f, F_REQUESTER_KIND);
    r->requester_kind = who == WHO_RESIDENT       ? REQUESTER_RESIDENT
                        : who == WHO_ORGANISATION ? REQUESTER_ORGANISATION
                                                  : REQUESTER_ANONYMOUS;
    r->resident_id = who == WHO_RESIDENT ? form_choice(f, F_RESIDENT) : 0;
    r->organisation_id = who == WHO_ORGANISATION ? form_choice(f, F_RESIDENT) : 0;
    record_take(&r->requester, form_text(f, F_NAME));
    char *phone = form_text(f, F_PHONE);
    record_take(&r->requester_phone, phone_normal(phone));
    free(phone);
    record_set(&r->channel, choices_word_code(request_channels, form_choice(f, F_CHANNEL)));
    record_set(&r->kind, choices_word_code(request_kinds, form_choice(f, F_KIND)));
    record_set(&r->category, choices_word_code(request_categories, form_choice(f, F_CATEGORY)));
    r->item_id = form_choice(f, F_ITEM);
    r->unit_id = form_choice(f, F_UNIT);
    record_set(&r->unit_name, f->fields[F_UNIT].choice_label);
    r->building_id = form_choice(f, F_BUILDING);
    r->grid_id = form_choice(f, F_GRID);
    r->community_id = ((struct intake *)fs->ctx)->community_id;
    r->level = (enum request_level)(form_choice(f, F_LEVEL) - 1);
    r->talk_id = form_choice(f, F_TALK);
    record_take(&r->title, form_text(f, F_TITLE));
    record_take(&r->detail, form_text(f, F_DETAIL));
    /* The item's limits; with no item, those a new item starts with (the general ones). */
    struct service_item it;
    if (!r->item_id || item_get(ui.db, r->item_id, &it) != DB_OK)
        record_init(&service_item_record, &it);
    r->accept_minutes = it.accept_minutes;
    r->resolve_amount = it.resolve_amount;
    r->resolve_unit = it.resolve_unit;
    service_item_free(&it);
}

/* The cross-checks saving needs beyond each field's own. Returns the bad field or -1. */
static int form_cross_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    int64_t who = form_choice(f, F_REQUESTER_KIND);
    if (who == WHO_RESIDENT && form_choice(f, F_RESIDENT) <= 0) {
        form_set_message(f, F_RESIDENT,
                         _("Find the resident (or choose another kind of requester)"));
        return F_RESIDENT;
    }
    char *name = form_text(f, F_NAME);
    int empty = str_empty(name);
    free(name);
    if (who == WHO_ORGANISATION && empty) {
        form_set_message(f, F_NAME, _("The organisation's name is needed"));
        return F_NAME;
    }
    if (str_eq(choices_word_code(request_channels, form_choice(f, F_CHANNEL)), "evening_talk") &&
        !form_choice(f, F_TALK)) {
        form_set_message(f, F_TALK, _("Choose the evening talk it was raised in"));
        return F_TALK;
    }
    return -1;
}

/* The request as the form holds it, once the fields go together. */
static int intake_read(struct form_screen *fs, void *rec)
{
    struct request *r = rec;
    form_to_request(fs, r);
    record_take(&r->answer, form_text(&fs->form, F_ANSWER));
    return 0;
}

/* Take it down: numbered, and at once answered, dispatched, or left to dispatch. */
static int intake_save(struct form_screen *fs, void *rec)
{
    struct request *r = rec;
    struct intake *in_form = fs->ctx;
    struct workflow_input in = {0};
    char *answer = xstrdup(r->answer);
    in.text = answer;
    enum request_action then = *answer ? RA_ANSWER : r->unit_id ? RA_DISPATCH : RA_REGISTER;
    int rc = request_create(ui.db, r, then, &in, actor_name(), clock_now(), &in_form->why);
    free(answer);
    return rc;
}

/* Said what became of it, the receipt offered, the request shown in place of the form. */
static int intake_saved(struct form_screen *fs, const void *rec)
{
    (void)fs;
    const struct request *r = rec;
    if (r->state == RS_DISPATCHED)
        ui_message(UI_MSG_INFO, _("Registered %s and dispatched to %s"), r->number, r->unit_name);
    else if (r->state == RS_ANSWERED)
        ui_message(UI_MSG_INFO, _("Registered %s and answered on the spot"), r->number);
    else
        ui_message(UI_MSG_INFO, _("Registered %s; it waits to be dispatched"), r->number);
    receipt_offer(r);
    ui_push(screen_request_view_new(r->id));
    return UI_CLOSE;
}

/* The workflow's own reason when it refused; an answer it would not take is marked at its field. */
static int intake_refused(struct form_screen *fs, int rc, const void *rec)
{
    const struct request *r = rec;
    const char *why = ((struct intake *)fs->ctx)->why;
    /* An answer typed by a role that answers nothing (a chief): which field, and what to do. */
    if (rc == DB_DENIED && *r->answer) {
        why = _("an answer on the spot is the desk's: leave 直接答复 empty and the request goes "
                "to its unit");
        form_set_message(&fs->form, F_ANSWER, why);
    }
    if ((rc != DB_INVALID && rc != DB_DENIED) || !why) return -1;
    if (rc == DB_INVALID && *r->answer) form_set_message(&fs->form, F_ANSWER, why);
    ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), why);
    return UI_HANDLED;
}

/* Back from registering the requester: take the resident just saved. */
static void intake_sync(struct form_screen *fs)
{
    struct intake *in = fs->ctx;
    if (!in->waiting_for_resident) return;
    in->waiting_for_resident = 0;
    if (ui.saved_id && ui.saved_type == &resident_record) {
        resident_take_into(fs, ui.saved_id);
        in->taken = ui.saved_id;
    }
}

static const struct form_spec intake_spec = {
    .type = &request_record,
    .title_new = N_("New request"),
    .title_edit = N_("New request"),
    .intro = N_("A new request: the service item fills in category and unit. F2 saves and "
                "dispatches."),
    .footer = N_("Tab/Enter: next field, F2: save, Answer: only to close a consultation at once"),
    .build = intake_build,
    .check = form_cross_check,
    .read = intake_read,
    .save = intake_save,
    .saved = intake_saved,
    .refused = intake_refused,
    .sync = intake_sync,
    .free_ctx = intake_free,
};

/* --- correcting a request taken down -------------------------------------------------------- */

/* The intake's fields holding the request as it is; the unit, level and answer kept as they are. */
static void correct_build(struct form_screen *fs)
{
    const struct request *r = fs->orig;
    struct form *f = &fs->form;
    intake_build(fs);
    int who = r->requester_kind == REQUESTER_RESIDENT       ? WHO_RESIDENT
              : r->requester_kind == REQUESTER_ORGANISATION ? WHO_ORGANISATION
                                                            : WHO_OTHER;
    static const char *const who_labels[] = {"", N_("Resident"), N_("Organisation"),
                                             N_("Other person (anonymous)")};
    form_set_choice(f, F_REQUESTER_KIND, who, _(who_labels[who]));
    if (who == WHO_ORGANISATION) {
        f->fields[F_RESIDENT].label = _("Organisation");
        form_set_choice(f, F_RESIDENT, r->organisation_id, r->organisation_id ? r->requester : "");
    } else {
        form_set_choice(f, F_RESIDENT, r->resident_id, r->resident_id ? r->requester : "");
    }
    form_set_text(f, F_NAME, r->requester);
    form_set_secret_text(f, F_PHONE, r->requester_phone, resident_masked_phone);
    const char *words[] = {r->channel, r->kind, r->category};
    const struct request_word *tables[] = {request_channels, request_kinds, request_categories};
    const int fields[] = {F_CHANNEL, F_KIND, F_CATEGORY};
    for (int i = 0; i < 3; i++) {
        const char *label = request_word_label(tables[i], words[i]);
        form_set_choice(f, fields[i], choices_word_id(tables[i], words[i]), label ? _(label) : "");
    }
    char *item = *r->item_code ? xasprintf("%s %s", r->item_code, r->item_name) : xstrdup("");
    form_set_choice(f, F_ITEM, r->item_id, item);
    free(item);
    form_set_choice(f, F_UNIT, r->unit_id, r->unit_name);
    form_set_choice(f, F_BUILDING, r->building_id, r->building);
    form_set_choice(f, F_GRID, r->grid_id, r->grid);
    form_set_choice(f, F_LEVEL, r->level + 1, _(request_level_label(r->level)));
    form_set_choice(f, F_TALK, r->talk_id, r->talk);
    form_set_text(f, F_TITLE, r->title);
    form_set_text(f, F_DETAIL, r->detail);
    form_set_text(f, F_ANSWER, r->answer);
    form_lock(f, F_UNIT, _("The unit changes by 改派 (reroute) on the request"));
    form_lock(f, F_LEVEL, _("The level changes by 升级 (escalate) on the request"));
    form_lock(f, F_ANSWER, _("An answer is given by the request's actions"));
    /* Dispatched, what stands there is the unit's result, not an answer given on the spot. */
    if (r->state != RS_ANSWERED && *r->answer) f->fields[F_ANSWER].label = _("Result given");
    ((struct intake *)fs->ctx)->community_id = r->community_id;
    ((struct intake *)fs->ctx)->building_id = r->building_id;
    /* The requester's name and phone as taken down: corrected, they stay as typed. */
    ((struct intake *)fs->ctx)->taken = r->resident_id ? r->resident_id : r->organisation_id;
    form_mark_clean(f);
}

/* The request as corrected: the intake's reading, the unit, level and answer as they were. */
static int correct_read(struct form_screen *fs, void *rec)
{
    struct request *r = rec;
    const struct request *was = fs->orig;
    form_to_request(fs, r);
    r->unit_id = was->unit_id;
    record_set(&r->unit_name, was->unit_name);
    r->level = was->level;
    return 0;
}

static int correct_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return request_correct(ui.db, rec, actor_name(), clock_now());
}

static int correct_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return request_get(ui.db, ((const struct request *)rec)->id, out);
}

static int correct_saved(struct form_screen *fs, const void *rec)
{
    const struct request *r = rec;
    /* request_correct() writes nothing when nothing differs: the version stays. */
    if (r->version == ((const struct request *)fs->orig)->version)
        ui_message(UI_MSG_INFO, _("Nothing changed: %s is as it was"), r->number);
    else
        ui_message(UI_MSG_INFO, _("Corrected %s; the old values are on its timeline"), r->number);
    /* An item of another unit: the request stays with its unit, its deadlines as they were. */
    struct service_item it;
    if (r->item_id && r->unit_id && item_get(ui.db, r->item_id, &it) == DB_OK) {
        /* How it would move: a return, then a reroute, while the unit has not signed for it
         * and the centre did not keep it (审定). */
        if (it.unit_id && it.unit_id != r->unit_id && r->state == RS_DISPATCHED && !r->kept)
            ui_message(UI_MSG_INFO,
                       _("Corrected %s. Its item is %s's, but the request stays with %s, its "
                         "deadlines as they were: for %s to handle it, %s returns it and the desk "
                         "reroutes it"),
                       r->number, it.unit_name, r->unit_name, it.unit_name, r->unit_name);
        else if (it.unit_id && it.unit_id != r->unit_id)
            ui_message(UI_MSG_INFO,
                       _("Corrected %s. Its item is %s's, but the request stays with %s, its "
                         "deadlines as they were"),
                       r->number, it.unit_name, r->unit_name);
        service_item_free(&it);
    }
    return UI_CLOSE;
}

static char *correct_name(const void *rec)
{
    return xstrdup(((const struct request *)rec)->number);
}

static const struct form_spec correct_spec = {
    .type = &request_record,
    .title_new = N_("Correct the request"),
    .title_edit = N_("Correct the request"),
    .intro = N_("Correct what was taken down wrongly; the old values stay on the timeline."),
    .build = correct_build,
    .check = form_cross_check,
    .read = correct_read,
    .save = correct_save,
    .get = correct_get,
    .saved = correct_saved,
    .name = correct_name,
    .sync = intake_sync,
    .free_ctx = intake_free,
};

struct screen *screen_request_correct_new(const struct request *r)
{
    return form_screen_new(&correct_spec, r, xcalloc(1, sizeof(struct intake)));
}

struct screen *screen_request_form_for(int64_t resident_id)
{
    struct screen *s = form_screen_new(&intake_spec, NULL, xcalloc(1, sizeof(struct intake)));
    struct form_screen *fs = (struct form_screen *)s;
    resident_take_into(fs, resident_id);
    fs->form.focus = F_ITEM;
    form_mark_clean(&fs->form);
    return s;
}

struct screen *screen_request_form_at(int64_t building_id, const char *name)
{
    struct screen *s = form_screen_new(&intake_spec, NULL, xcalloc(1, sizeof(struct intake)));
    struct form_screen *fs = (struct form_screen *)s;
    form_set_choice(&fs->form, F_CHANNEL, choices_word_id(request_channels, "chief"),
                    _("Building chief"));
    form_set_choice(&fs->form, F_BUILDING, building_id, name);
    form_mark_clean(&fs->form);
    return s;
}

struct screen *screen_request_form_new(int64_t talk_id)
{
    struct screen *s = form_screen_new(&intake_spec, NULL, xcalloc(1, sizeof(struct intake)));
    struct form_screen *fs = (struct form_screen *)s;
    if (talk_id) {
        struct evening_talk t;
        if (talk_get(ui.db, talk_id, &t) == DB_OK) {
            char *label = xasprintf("%s %s", t.held_on, t.place);
            form_set_choice(&fs->form, F_TALK, t.id, label);
            form_set_choice(&fs->form, F_CHANNEL, choices_word_id(request_channels, "evening_talk"),
                            _("Evening talk"));
            free(label);
            talk_free(&t);
        }
        form_mark_clean(&fs->form);
    }
    return s;
}
