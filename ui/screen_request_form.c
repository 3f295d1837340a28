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
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"

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

struct request_form {
    struct screen base;
    struct form form;
    int64_t talk_id;          /* a session the form was opened from, 0 when none */
    int waiting_for_resident; /* a resident form is open for the requester */
    int64_t community_id;     /* of the grid chosen */
};

static const enum action form_bar[] = {ACT_SAVE, ACT_NONE};

static int who_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, WHO_RESIDENT, _("Resident"), "");
    choice_list_offer(out, query, WHO_ORGANISATION, _("Organisation"), "");
    choice_list_offer(out, query, WHO_OTHER, _("Other person (anonymous)"), "");
    return 0;
}

/* Residents found by the search, and a way to register one not found. */
static int resident_source(void *ctx, const char *query, struct choice_list *out)
{
    int rc = choices_residents(ctx, query, out);
    choice_list_add(out, NEW_RESIDENT, _("(register a new resident)"), "");
    return rc;
}

static const char *check_phone(const char *text)
{
    char out[40];
    if (str_empty(text)) return NULL;
    if (!phone_mobile(text, out)) return NULL;
    return phone_landline(text, out, sizeof out) ? _("Not a mobile or landline number") : NULL;
}

static const char *check_required_line(const char *text)
{
    if (str_empty(text)) return _("Required");
    return validate_line(text);
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
static void resident_take_into(struct request_form *rf, int64_t id)
{
    struct resident r;
    if (resident_get(ui.db, id, &r) != DB_OK) return;
    struct form *f = &rf->form;
    form_set_choice(f, F_RESIDENT, r.id, r.name);
    form_set_text(f, F_NAME, r.name);
    form_set_secret_text(f, F_PHONE, *r.phone ? r.phone : r.landline, resident_masked_phone);
    if (r.grid_id && !form_choice(f, F_GRID)) {
        form_set_choice(f, F_GRID, r.grid_id, r.grid);
        rf->community_id = r.community_id;
    }
    resident_free(&r);
}

/* The item chosen fills in the category and the unit, which stay editable. */
static void item_take(struct request_form *rf)
{
    struct form *f = &rf->form;
    struct service_item it;
    if (!form_choice(f, F_ITEM) || item_get(ui.db, form_choice(f, F_ITEM), &it) != DB_OK) return;
    const char *label = request_word_label(request_categories, it.category);
    form_set_choice(f, F_CATEGORY, choices_word_id(request_categories, it.category),
                    label ? _(label) : "");
    form_set_choice(f, F_UNIT, it.unit_id, it.unit_name);
    char *note = xasprintf(_("Materials: %s"), *it.materials ? it.materials : _("none"));
    form_set_note(f, F_ITEM, note);
    free(note);
    if (str_eq(it.category, "emergency"))
        form_set_choice(f, F_KIND, choices_word_id(request_kinds, "help"), _("Asking for help"));
    service_item_free(&it);
}

static void on_leave(struct form *f, int i, void *ctx)
{
    struct request_form *rf = ctx;
    if (i == F_RESIDENT && form_choice(f, F_RESIDENT) == NEW_RESIDENT) {
        form_set_choice(f, F_RESIDENT, 0, "");
        rf->waiting_for_resident = 1;
        ui.saved_id = 0;
        ui_push(screen_resident_form_new(0));
    } else if (i == F_RESIDENT && form_choice(f, F_RESIDENT) > 0) {
        resident_take_into(rf, form_choice(f, F_RESIDENT));
    } else if (i == F_ITEM) {
        item_take(rf);
    } else if (i == F_GRID) {
        /* The community is the grid's. */
        struct area g;
        rf->community_id = 0;
        if (form_choice(f, F_GRID) &&
            area_get(ui.db, AREA_GRID, form_choice(f, F_GRID), &g) == DB_OK) {
            rf->community_id = g.parent_id;
            area_free(&g);
        }
    }
}

static void build_form(struct request_form *rf)
{
    struct form *f = &rf->form;
    form_init(f);
    form_add_choice(f, _("Requester is"), WHO_RESIDENT, _("Resident"), who_source, rf, 0, 20);
    form_add_choice(f, _("Resident"), 0, "", resident_source, rf, 1, 24);
    form_add_text(f, _("Name or organisation"), "", 40, 24, validate_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Phone"), "", 20, 16, check_phone, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Channel"), choices_word_id(request_channels, "desk"), _("Desk"),
                    choices_words, (void *)(uintptr_t)request_channels, 0, 12);
    form_add_choice(f, _("Kind"), choices_word_id(request_kinds, "help"), _("Asking for help"),
                    choices_words, (void *)(uintptr_t)request_kinds, 0, 12);
    form_add_choice(f, _("Service item"), 0, "", choices_items, rf, 1, 30);
    /* Most matters serve the public: the item chosen, or the clerk, says otherwise. */
    form_add_choice(f, _("Category"), choices_word_id(request_categories, "service"),
                    _("Service to the public"), choices_words,
                    (void *)(uintptr_t)request_categories, 0, 16);
    form_add_choice(f, _("Unit"), 0, "", choices_units, rf, 1, 24);
    form_add_choice(f, _("Building"), 0, "", choices_buildings, rf, 1, 24);
    form_add_choice(f, _("Grid"), 0, "", choices_grids, rf, 1, 24);
    form_add_choice(f, _("Level"), LEVEL_COMMUNITY + 1, _("Community level"), choices_levels, rf, 0,
                    8);
    form_add_choice(f, _("Evening talk"), 0, "", choices_talks, rf, 1, 30);
    form_add_text(f, _("Title"), "", 60, 40, check_required_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Detail"), "", 500, 40, validate_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Answer"), "", 500, 40, validate_line, TEXT_NORM_PROSE);
    form_on_leave(f, on_leave, rf);
}

/* The request as the form holds it. */
static void form_to_request(struct request_form *rf, struct request *r)
{
    struct form *f = &rf->form;
    request_init(r);
    int64_t who = form_choice(f, F_REQUESTER_KIND);
    r->requester_kind = who == WHO_RESIDENT       ? REQUESTER_RESIDENT
                        : who == WHO_ORGANISATION ? REQUESTER_ORGANISATION
                                                  : REQUESTER_ANONYMOUS;
    r->resident_id = who == WHO_RESIDENT ? form_choice(f, F_RESIDENT) : 0;
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
    r->community_id = rf->community_id;
    r->level = (enum request_level)(form_choice(f, F_LEVEL) - 1);
    r->talk_id = form_choice(f, F_TALK);
    record_take(&r->title, form_text(f, F_TITLE));
    record_take(&r->detail, form_text(f, F_DETAIL));
    struct service_item it;
    if (r->item_id && item_get(ui.db, r->item_id, &it) == DB_OK) {
        r->accept_minutes = it.accept_minutes;
        r->resolve_amount = it.resolve_amount;
        r->resolve_unit = it.resolve_unit;
        service_item_free(&it);
    } else {
        /* No item: the general limits (24 working hours to sign for, 5 working days). */
        r->accept_minutes = 24 * 60;
        r->resolve_amount = 5;
        r->resolve_unit = 'd';
    }
}

/* The cross-checks saving needs beyond each field's own. Returns the bad field or -1. */
static int form_cross_check(struct request_form *rf)
{
    struct form *f = &rf->form;
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
    char *answer = form_text(f, F_ANSWER);
    int answered = !str_empty(answer);
    free(answer);
    if (answered && !str_eq(choices_word_code(request_kinds, form_choice(f, F_KIND)), "consult")) {
        form_set_message(f, F_ANSWER, _("Only a consultation is answered on the spot"));
        return F_ANSWER;
    }
    if (str_eq(choices_word_code(request_channels, form_choice(f, F_CHANNEL)), "evening_talk") &&
        !form_choice(f, F_TALK)) {
        form_set_message(f, F_TALK, _("Choose the evening talk it was raised in"));
        return F_TALK;
    }
    return -1;
}

/* After saving: offer the receipt, then show the request in place of the form. */
static void after_save(struct request_form *rf, const struct request *r)
{
    (void)rf;
    receipt_offer(r);
    ui_push(screen_request_view_new(r->id));
}

static int form_save(struct request_form *rf)
{
    int bad = form_check_all(&rf->form);
    if (form_cross_check(rf) >= 0 || bad >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    struct request r;
    form_to_request(rf, &r);
    char *answer = form_text(&rf->form, F_ANSWER);
    struct workflow_input in = {0};
    in.text = answer;
    enum request_action then = !str_empty(answer) ? RA_ANSWER
                               : r.unit_id        ? RA_DISPATCH
                                                  : RA_REGISTER;
    const char *why;
    int rc = request_create(ui.db, &r, then, &in, actor_name(), clock_now(), &why);
    free(answer);
    if (rc != DB_OK) {
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."),
                   rc == DB_INVALID && why ? why : db_rc_message(rc));
        request_free(&r);
        return UI_HANDLED;
    }
    if (r.state == RS_DISPATCHED)
        ui_message(UI_MSG_INFO, _("Registered %s and dispatched to %s"), r.number, r.unit_name);
    else if (r.state == RS_ANSWERED)
        ui_message(UI_MSG_INFO, _("Registered %s and answered on the spot"), r.number);
    else
        ui_message(UI_MSG_INFO, _("Registered %s; it waits to be dispatched"), r.number);
    ui.generation++;
    ui.saved_id = r.id;
    form_mark_clean(&rf->form);
    after_save(rf, &r);
    request_free(&r);
    return UI_CLOSE;
}

static void request_form_draw(struct screen *s, int top, int rows)
{
    struct request_form *rf = (struct request_form *)s;
    if (rf->waiting_for_resident) {
        /* Back from registering the requester: take the resident just saved. */
        rf->waiting_for_resident = 0;
        if (ui.saved_id) resident_take_into(rf, ui.saved_id);
    }
    draw_text(top, 1, COLS - 2,
              _("A new request: the service item fills in category and unit. F2 saves and "
                "dispatches."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    form_draw(&rf->form, top + 1, rows - 2, COLS, s);
    draw_text(top + rows - 1, 1, COLS - 2,
              _("Tab/Enter: next field · F2: save · Answer: only to close a consultation at once"),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int request_form_dirty(struct screen *s)
{
    return form_dirty(&((struct request_form *)s)->form);
}

static int request_form_key(struct screen *s, enum action a, const struct key *k)
{
    struct request_form *rf = (struct request_form *)s;
    int r = form_key(&rf->form, a, k);
    if (r == FORM_SAVE) r = form_save(rf);
    return r;
}

static void request_form_free(struct screen *s)
{
    struct request_form *rf = (struct request_form *)s;
    form_free(&rf->form);
    free(rf);
}

static const struct screen_ops request_form_ops = {request_form_draw, request_form_key,
                                                   request_form_dirty, request_form_free};

struct screen *screen_request_form_new(int64_t talk_id)
{
    struct request_form *rf = xcalloc(1, sizeof *rf);
    rf->base.ops = &request_form_ops;
    rf->base.bar = form_bar;
    rf->base.title = _("New request");
    rf->talk_id = talk_id;
    build_form(rf);
    if (talk_id) {
        struct evening_talk t;
        if (talk_get(ui.db, talk_id, &t) == DB_OK) {
            char *label = xasprintf("%s %s", t.held_on, t.place);
            form_set_choice(&rf->form, F_TALK, t.id, label);
            form_set_choice(&rf->form, F_CHANNEL, choices_word_id(request_channels, "evening_talk"),
                            _("Evening talk"));
            free(label);
            talk_free(&t);
        }
        form_mark_clean(&rf->form);
    }
    return &rf->base;
}
