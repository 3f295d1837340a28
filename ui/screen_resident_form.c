/*
** screen_resident_form: register or edit a resident. Each field is checked
** as the clerk leaves it, with the message beside it; what an input method
** types (full-width digits, a lowercase x, spaces) is normalised rather
** than refused. The ID number fills in birth date and sex when they are
** empty and is cross-checked against them; a 15-digit number is upgraded.
** An ID number already registered opens the existing record instead of
** making a second one. ID and mobile numbers stay masked unless revealed.
*/
#include "db/area.h"
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/pinyin.h"
#include "src/idcard.h"
#include "src/phone.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_NAME,
    F_GENDER,
    F_ETHNICITY,
    F_BIRTH,
    F_ID,
    F_PHONE,
    F_LANDLINE,
    F_COMMUNITY,
    F_GRID,
    F_ADDRESS,
    F_HEAD,
    F_RELATION,
    F_TAGS,
    F_NOTE,
};

static const char *const relations[] = {
    N_("Self"),       N_("Spouse"),          N_("Son"),
    N_("Daughter"),   N_("Father"),          N_("Mother"),
    N_("Grandson"),   N_("Granddaughter"),   N_("Sibling"),
    N_("Son-in-law"), N_("Daughter-in-law"), N_("Other"),
};

/* Field checks: NULL or a message (borrowed). */
static const char *check_id(const char *text)
{
    static char buf[256];
    struct idcard id;
    enum idcard_error e = idcard_parse(text, &id);
    if (e == IDCARD_OK || e == IDCARD_EMPTY) return NULL;
    char *msg = idcard_message(e, &id);
    snprintf(buf, sizeof buf, "%s", msg);
    free(msg);
    return buf;
}

static const char *check_mobile(const char *text)
{
    char out[12];
    return str_empty(text) ? NULL : phone_mobile(text, out);
}

static const char *check_landline(const char *text)
{
    char out[40];
    return str_empty(text) ? NULL : phone_landline(text, out, sizeof out);
}

/* Choice sources. */
static int gender_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 'M', resident_gender_text('M'), "");
    choice_list_offer(out, query, 'F', resident_gender_text('F'), "");
    return 0;
}

static int ethnicity_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    int n;
    const char *const *all = resident_ethnicities(&n);
    for (int i = 0; i < n; i++)
        choice_list_offer(out, query, i + 1, all[i], "");
    return 0;
}

/* The grids of the community chosen in the same form (all when none is). */
static int grid_source(void *ctx, const char *query, struct choice_list *out)
{
    struct form_screen *fs = ctx;
    return choices_areas_in(AREA_GRID, form_choice(&fs->form, F_COMMUNITY), query, out);
}

/* The head of the household: the resident themself, or someone found by the resident search. */
static int head_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_add(out, -1, _("(self: the head of the household)"), "");
    if (str_empty(query)) return 0;
    struct resident_hits hits;
    if (resident_search(ui.db, query, 50, &hits) != DB_OK) return -1;
    for (size_t i = 0; i < hits.n; i++) {
        char *detail = xasprintf("%s %s", hits.items[i].id_number, hits.items[i].address);
        choice_list_add(out, hits.items[i].id, hits.items[i].name, detail);
        free(detail);
    }
    resident_hits_free(&hits);
    return 0;
}

static int relation_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (size_t i = 0; i < ARRAY_LEN(relations); i++)
        choice_list_offer(out, query, (int64_t)i + 1, _(relations[i]), "");
    return 0;
}

static int tag_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    (void)query;
    struct tag_list tags;
    if (tag_list(ui.db, 0, &tags) != DB_OK) return -1;
    for (size_t i = 0; i < tags.n; i++)
        choice_list_add(out, tags.v[i].id, tags.v[i].name,
                        tags.v[i].sensitive ? _("sensitive") : "");
    tag_list_free(&tags);
    return 0;
}

/* What the form keeps besides its fields. */
struct resident_form {
    char offered[32]; /* the ID number (or phone:mobile) whose record was last offered: once */
    char applied[32]; /* the ID number birth date and sex were last taken from */
};

/*
** The ID number typed belongs to a record on file (by_phone: its name and
** mobile do): offer to show it (a second is never made). The offer comes
** while the clerk types, so only Enter and Esc answer it, No is where it
** starts, it comes once for a key (the number), and showing the record
** puts it over this form, whose typing stays until the clerk drops it.
*/
static void offer_record(struct form_screen *fs, const struct resident *existing, const char *key,
                         int by_phone)
{
    struct resident_form *rf = fs->ctx;
    if (str_eq(rf->offered, key)) return;
    snprintf(rf->offered, sizeof rf->offered, "%s", key);
    const char *place = *existing->grid ? existing->grid : existing->address;
    char *who = *place ? xasprintf(_("%s, %s"), existing->name, place) : xstrdup(existing->name);
    /* Moved out, deceased or merged: said, the record shown being no one on the register. */
    enum resident_status status = resident_status_of(existing);
    if (status != RESIDENT_PRESENT) {
        char *with = xasprintf(_("%s (%s on %s)"), who, resident_status_label(status),
                               existing->status_date);
        free(who);
        who = with;
    }
    char *q = by_phone ? xasprintf(_("%s has this name and mobile already: the same person? Show "
                                     "that record over this form?"),
                                   who)
                       : xasprintf(_("This ID number is registered already: %s. Show that record "
                                     "over this form? A second one is never made."),
                                   who);
    free(who);
    if (dialog_confirm_unbidden(_("Registered already"), q))
        ui_push(screen_resident_view_new(existing->id));
    free(q);
}

static void offer_existing(struct form_screen *fs, const struct resident *existing)
{
    offer_record(fs, existing, existing->id_number, 0);
}

/*
** A new resident with no ID number typed, whose name and mobile a record on
** file has already: most likely the same person come again. Offered as
** the ID number's twin is (offer_record()), once a number.
*/
static void phone_left(struct form_screen *fs)
{
    struct form *f = &fs->form;
    if (((const struct resident *)fs->orig)->id || form_masked(f, F_PHONE)) return;
    char *id = form_text(f, F_ID), *phone = form_text(f, F_PHONE), *raw = form_text(f, F_NAME);
    char *name = resident_normalize_name(raw);
    char mobile[12] = "";
    struct resident_hits hits = {0};
    if (text_blank(id) && *name && !phone_mobile(phone, mobile) &&
        resident_search(ui.db, mobile, 20, &hits) == DB_OK) {
        for (size_t i = 0; i < hits.n; i++)
            if (str_eq(hits.items[i].name, name)) {
                char *key = xasprintf("phone:%s", mobile);
                offer_record(fs, &hits.items[i], key, 1);
                free(key);
                break;
            }
    }
    resident_hits_free(&hits);
    free(id);
    free(phone);
    free(raw);
    free(name);
}

/* The record on file with the number id, if another, offered (offer_existing()). */
static void twin_offer(struct form_screen *fs, const struct idcard *id)
{
    struct resident existing;
    if (resident_get_by_id_number(ui.db, id->number, &existing) == DB_OK) {
        if (existing.id != ((const struct resident *)fs->orig)->id) offer_existing(fs, &existing);
        resident_free(&existing);
    }
}

/* After the ID number is left: upgrade, fill in birth date and sex, cross-check, find a twin. */
static void id_left(struct form_screen *fs)
{
    struct form *f = &fs->form;
    if (form_masked(f, F_ID)) return;
    char *typed = form_text(f, F_ID);
    struct idcard id;
    if (idcard_parse(typed, &id) != IDCARD_OK) {
        free(typed);
        return;
    }
    free(typed);
    if (id.upgraded) {
        form_set_text(f, F_ID, id.number);
        form_set_note(f, F_ID, _("15-digit number upgraded to 18 digits"));
    }
    /*
    ** The number says when the person was born and their sex: taken from it
    ** whenever it is typed or changed (a changed number that kept the old
    ** birth date would save a record the importer itself refuses); not each
    ** time the field is left (F2 leaves it too): a date or sex changed
    ** after it is judged at F2 (resident_cross_check()), not silently put back.
    */
    struct resident_form *rf = fs->ctx;
    if (str_eq(rf->applied, id.number)) {
        twin_offer(fs, &id);
        return;
    }
    snprintf(rf->applied, sizeof rf->applied, "%s", id.number);
    char *birth = form_text(f, F_BIRTH);
    char iso[11];
    char g = (char)form_choice(f, F_GENDER);
    char *was_birth = resident_birth_mismatch(birth, &id);
    char *was_sex = resident_gender_mismatch(g, &id);
    form_set_text(f, F_BIRTH, date_format(&id.birth, iso));
    form_set_choice(f, F_GENDER, id.gender, resident_gender_text(id.gender));
    form_set_error(f, F_BIRTH, NULL);
    form_set_error(f, F_GENDER, NULL);
    if ((was_birth && !str_empty(birth)) || (was_sex && g))
        form_set_note(f, F_ID, _("Birth date and sex taken from the new number"));
    free(was_birth);
    free(was_sex);
    free(birth);
    twin_offer(fs, &id);
}

/*
** A value chosen. A household head: the member lives at the head's
** address, so it is copied, with the community and grid, into the fields
** below, where the clerk sees it and can still change it. A grid: the
** community is the grid's.
*/
static void choice_made(struct form *f, int i, void *ctx)
{
    (void)ctx;
    struct area g;
    /* A grid chosen with no community, or another's: the community is the grid's. */
    if (i == F_GRID && form_choice(f, F_GRID) &&
        area_get(ui.db, AREA_GRID, form_choice(f, F_GRID), &g) == DB_OK) {
        if (form_choice(f, F_COMMUNITY) != g.parent_id)
            form_set_choice(f, F_COMMUNITY, g.parent_id, g.parent_name);
        area_free(&g);
        return;
    }
    int64_t head = form_choice(f, i);
    if (i == F_HEAD && head == -1) /* the head itself: its relation to the head is 本人 */
        form_set_choice(f, F_RELATION, 1, _(relations[0]));
    if (i != F_HEAD || head <= 0) return;
    struct resident h;
    if (resident_get(ui.db, head, &h) != DB_OK) return;
    if (*h.address) form_set_text(f, F_ADDRESS, h.address);
    if (h.community_id) form_set_choice(f, F_COMMUNITY, h.community_id, h.community);
    if (h.grid_id) form_set_choice(f, F_GRID, h.grid_id, h.grid);
    form_set_note(f, F_HEAD, _("Address, community and grid taken from the head"));
    resident_free(&h);
}

static void on_leave(struct form *f, int i, void *ctx)
{
    struct form_screen *fs = ctx;
    if (i == F_NAME) {
        char *raw = form_text(f, F_NAME);
        char *name = resident_normalize_name(raw);
        form_set_text(f, F_NAME, name);
        free(raw);
        free(name);
    } else if (i == F_ID) {
        id_left(fs);
    } else if (i == F_PHONE) {
        phone_left(fs);
    }
}

/* Lay the form out holding the record's values. */
static void resident_build(struct form_screen *fs)
{
    const struct resident *r = fs->orig;
    struct form *f = &fs->form;
    /* On file, its birth date and sex are its own: taken from the number again if it changes. */
    struct resident_form *rf = fs->ctx;
    snprintf(rf->applied, sizeof rf->applied, "%s", r->id_number);
    form_add_text(f, _("Full name"), r->name, RESIDENT_NAME_MAX, 24, resident_check_name, 0);
    form_add_choice(f, _("Sex"), r->gender, resident_gender_text(r->gender), gender_source, fs, 1,
                    8);
    form_add_choice(f, _("Ethnicity"), 0, r->ethnicity, ethnicity_source, fs, 1, 12);
    form_add_text(f, _("Born"), r->birth_date, 10, 12, validate_date_gone_optional, 0);
    form_add_text(f, _("ID number"), r->id_number, 24, 20, check_id,
                  TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_add_text(f, _("Mobile"), r->phone, 20, 14, check_mobile, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Landline"), r->landline, 24, 16, check_landline, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Community"), r->community_id, r->community, choices_communities, fs, 1,
                    18);
    form_add_choice(f, _("Grid"), r->grid_id, r->grid, grid_source, fs, 1, 18);
    form_add_text(f, _("Address"), r->address, RESIDENT_ADDRESS_MAX, 30, validate_line,
                  TEXT_NORM_PROSE);
    int self = r->id && r->head_id == r->id;
    form_add_choice(f, _("Household"), self ? -1 : r->head_id,
                    self ? _("(self: the head of the household)") : r->head_name, head_source, fs,
                    1, 20);
    form_add_choice(f, _("Relation"), *r->relation ? 1 : 0, r->relation, relation_source, fs, 1,
                    12);
    form_add_multi(f, _("Tags"), r->tags, tag_source, fs, 30);
    form_set_lines(
        f, form_add_text(f, _("Note"), r->note, RESIDENT_NOTE_MAX, 50, NULL, TEXT_NORM_PROSE), 2);
    static const char *const binds[] = {
        "name",         "gender",  "ethnicity", "birth_date", "id_number", "phone", "landline",
        "community_id", "grid_id", "address",   "head_id",    "relation",  "tags",  "note"};
    for (int i = 0; i < f->n; i++)
        form_bind(f, i, binds[i]);
    if (r->id && *r->id_number) form_set_secret(f, F_ID, resident_masked_id);
    if (r->id && *r->phone) form_set_secret(f, F_PHONE, resident_masked_phone);
    form_on_leave(f, on_leave, fs);
    form_on_choose(f, choice_made, fs);
}

/* The record as the form holds it, in rec (a copy of the record as read). */
static int resident_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct resident *out = rec;
    const struct resident *orig = fs->orig;
    record_take(&out->name, form_text(f, F_NAME));
    out->gender = (char)form_choice(f, F_GENDER);
    record_set(&out->ethnicity, f->fields[F_ETHNICITY].choice_label);
    record_take(&out->birth_date, form_date(f, F_BIRTH));
    if (!form_masked(f, F_ID)) {
        char *typed = form_text(f, F_ID);
        struct idcard id;
        record_set(&out->id_number, idcard_parse(typed, &id) == IDCARD_OK ? id.number : "");
        free(typed);
    }
    if (!form_masked(f, F_PHONE)) {
        char *typed = form_text(f, F_PHONE);
        char mobile[12];
        record_set(&out->phone, str_empty(typed) || phone_mobile(typed, mobile) ? "" : mobile);
        free(typed);
    }
    char *land = form_text(f, F_LANDLINE);
    char normal[40];
    record_set(&out->landline,
               str_empty(land) || phone_landline(land, normal, sizeof normal) ? "" : normal);
    free(land);
    out->community_id = form_choice(f, F_COMMUNITY);
    record_set(&out->community, f->fields[F_COMMUNITY].choice_label);
    out->grid_id = form_choice(f, F_GRID);
    record_set(&out->grid, f->fields[F_GRID].choice_label);
    /* Typed: its dashes made '-'; left as it was on file, written as it was. */
    char *address = form_text(f, F_ADDRESS);
    record_take(&out->address, str_eq(address, orig->address)
                                   ? xstrdup(address)
                                   : resident_normalize_address(address));
    free(address);
    int64_t head = form_choice(f, F_HEAD);
    out->head_id = head == -1 ? (orig->id ? orig->id : -1) : head;
    record_set(&out->head_name, f->fields[F_HEAD].choice_label);
    record_set(&out->relation, f->fields[F_RELATION].choice_label);
    record_set(&out->tags, form_multi(f, F_TAGS));
    record_take(&out->note, form_text(f, F_NOTE));
    return 0;
}

static int resident_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return resident_save(ui.db, rec, actor_name(), NULL);
}

static int resident_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return resident_get(ui.db, ((const struct resident *)rec)->id, out);
}

/* An ID number registered already opens that record, never a second one. */
static int resident_refused(struct form_screen *fs, int rc, const void *rec)
{
    if (rc != DB_DUPLICATE) return -1;
    ui_message(UI_MSG_ERROR, "%s", _("Not saved: this ID number is registered already"));
    form_set_message(&fs->form, F_ID, _("Registered already"));
    struct resident existing;
    if (resident_get_by_id_number(ui.db, ((const struct resident *)rec)->id_number, &existing) ==
        DB_OK) {
        offer_existing(fs, &existing);
        resident_free(&existing);
    }
    return fs->closing ? UI_CLOSE : UI_HANDLED;
}

/* F9: show a masked number in full, once the reveal is recorded. */
static void reveal(struct screen *s, const struct command *c)
{
    struct form_screen *fs = (struct form_screen *)s;
    const struct resident *r = fs->orig;
    int field = c->arg == F_ID ? F_ID : F_PHONE;
    const char *refused = form_reveal_refusal(&fs->form, field);
    if (refused)
        ui_message(UI_MSG_INFO, "%s", refused);
    else if (reveal_ask(resident_reveal, r->id, field == F_ID ? "id_number" : "phone",
                        field == F_ID ? _("ID number") : _("mobile number"), r->name))
        form_reveal(&fs->form, field);
}

static const struct command resident_form_menu[] = {
    {"reveal-id", '1', N_("Show the full ID number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal, F_ID, NULL},
    {"reveal-phone", '2', N_("Show the full mobile number"),
     N_("Asks why; the audit log keeps who saw it and why"), RIGHT_REVEAL, reveal, F_PHONE, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* The household head is 本人 to itself, and no one else is: the field to mark, or -1. */
static int relation_check(struct form *f)
{
    int64_t head = form_choice(f, F_HEAD);
    const char *relation = f->fields[F_RELATION].choice_label;
    int self = str_eq(relation, _(relations[0]));
    const char *why = head == -1 && *relation && !self ? _("The head of the household is 本人")
                      : head > 0 && self ? _("本人 is the head of the household: choose how this "
                                             "one is related to the head")
                                         : NULL;
    if (!why) return -1;
    form_set_message(f, F_RELATION, why);
    return F_RELATION;
}

/*
** F2: birth date and sex must be what the ID number says (they may have
** been edited after it); one left empty is the number's, as an import
** fills it (a register without a birth date has no age).
*/
static int resident_cross_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    int bad = relation_check(f);
    if (bad >= 0) return bad;
    /* A number still masked is the one on file. */
    char *typed = form_masked(f, F_ID) ? xstrdup(((const struct resident *)fs->orig)->id_number)
                                       : form_text(f, F_ID);
    struct idcard id;
    int ok = idcard_parse(typed, &id) == IDCARD_OK;
    free(typed);
    if (!ok) return -1;
    char *birth = form_text(f, F_BIRTH);
    char iso[11];
    if (str_empty(birth)) form_set_text(f, F_BIRTH, date_format(&id.birth, iso));
    if (!form_choice(f, F_GENDER))
        form_set_choice(f, F_GENDER, id.gender, resident_gender_text(id.gender));
    char *why = resident_birth_mismatch(birth, &id);
    free(birth);
    if (why) {
        form_set_message(f, F_BIRTH, why);
        free(why);
        return F_BIRTH;
    }
    why = resident_gender_mismatch((char)form_choice(f, F_GENDER), &id);
    if (why) {
        form_set_message(f, F_GENDER, why);
        free(why);
        return F_GENDER;
    }
    return -1;
}

/* A status another desk set meanwhile (moved out, deceased, back), which no field shows. */
static char *resident_meanwhile(const void *orig, const void *theirs)
{
    const struct resident *was = orig, *now = theirs;
    if (str_eq(was->status, now->status) && str_eq(was->status_date, now->status_date) &&
        str_eq(was->status_place, now->status_place))
        return NULL;
    char *line = resident_status_line(now);
    char *said = xasprintf(_("Status now: %s"),
                           *line ? line : resident_status_label(resident_status_of(now)));
    free(line);
    return said;
}

static const struct form_spec resident_spec = {
    .type = &resident_record,
    .rights = RIGHT_RESIDENTS,
    .title_new = N_("New resident"),
    .title_edit = N_("Edit resident"),
    .intro_new = N_("A new resident: the ID number fills in birth date and sex. F2 saves."),
    .footer = N_("Tab/Enter: next field, F2: save, F9: show numbers, Esc: back"),
    .footer_no_menu = N_("Tab/Enter: next field, F2: save, Esc: back"),
    .build = resident_build,
    .check = resident_cross_check,
    .read = resident_read,
    .save = resident_store_save,
    .get = resident_store_get,
    .refused = resident_refused,
    .menu = resident_form_menu,
    .meanwhile = resident_meanwhile,
    .free_ctx = free,
};

/* The form for r (freed here): a new resident's when r->id is 0. */
static struct screen *resident_form_of(struct resident *r)
{
    struct screen *s = form_screen_new(&resident_spec, r, xcalloc(1, sizeof(struct resident_form)));
    resident_free(r);
    return s;
}

/* A new resident as the form starts one: 汉族, the rest empty. */
static void resident_fresh(struct resident *r)
{
    resident_init(r);
    record_set(&r->ethnicity, resident_ethnicities(&(int){0})[0]);
}

struct screen *screen_resident_form_new(int64_t id)
{
    struct resident r;
    if (!id || resident_get(ui.db, id, &r) != DB_OK) resident_fresh(&r);
    return resident_form_of(&r);
}

struct screen *screen_resident_form_register(const char *typed)
{
    struct resident r;
    resident_fresh(&r);
    char *name = resident_name_from_search(typed);
    if (name) record_take(&r.name, name);
    return resident_form_of(&r);
}
