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
#include "src/pinyin.h"
#include "src/idcard.h"
#include "src/phone.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"

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

struct resident_form {
    struct screen base;
    struct form form;
    struct resident rec; /* as read (id, version), or a new record */
    int closing;         /* close after this key: the record was opened elsewhere */
};

static const enum action form_bar[] = {ACT_SAVE, ACT_MENU, ACT_NONE};

static const char *const relations[] = {
    N_("Self"),       N_("Spouse"),          N_("Son"),
    N_("Daughter"),   N_("Father"),          N_("Mother"),
    N_("Grandson"),   N_("Granddaughter"),   N_("Sibling"),
    N_("Son-in-law"), N_("Daughter-in-law"), N_("Other"),
};

/* Field checks: NULL or a message (borrowed). */
static const char *check_birth(const char *text)
{
    struct date d;
    if (str_empty(text)) return NULL;
    int rc = date_parse(text, &d);
    if (rc == DATE_NOT_A_DATE) return _("Not a date: 1990-03-07, 1990/3/7 or 19900307");
    if (rc == DATE_IMPOSSIBLE) return _("There is no such day");
    return NULL;
}

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

static int community_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct area_list l;
    if (area_list(ui.db, AREA_COMMUNITY, query, 0, 0, &l) != DB_OK) return -1;
    for (size_t i = 0; i < l.n; i++)
        choice_list_add(out, l.items[i].id, l.items[i].name, l.items[i].parent_name);
    area_list_free(&l);
    return 0;
}

/* The grids of the community chosen in the same form (all when none is). */
static int grid_source(void *ctx, const char *query, struct choice_list *out)
{
    struct resident_form *rf = ctx;
    struct area_list l;
    if (area_list(ui.db, AREA_GRID, query, form_choice(&rf->form, F_COMMUNITY), 0, &l) != DB_OK)
        return -1;
    for (size_t i = 0; i < l.n; i++)
        choice_list_add(out, l.items[i].id, l.items[i].name, l.items[i].parent_name);
    area_list_free(&l);
    return 0;
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

/* A record has just been opened elsewhere: offer to show it instead of making a second. */
static void offer_existing(struct resident_form *rf, const struct resident *existing)
{
    const char *place = *existing->grid ? existing->grid : existing->address;
    char *who = *place ? xasprintf(_("%s, %s"), existing->name, place) : xstrdup(existing->name);
    char *q = xasprintf(_("This ID number is registered already: %s. Open that record? "
                          "A second one is never made."),
                        who);
    free(who);
    if (dialog_confirm(_("Registered already"), q, 1)) {
        ui_push(screen_resident_view_new(existing->id));
        rf->closing = 1;
    }
    free(q);
}

/* After the ID number is left: upgrade, fill in birth date and sex, cross-check, find a twin. */
static void id_left(struct resident_form *rf)
{
    struct form *f = &rf->form;
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
    char *birth = form_text(f, F_BIRTH);
    char iso[11];
    if (str_empty(birth)) form_set_text(f, F_BIRTH, date_format(&id.birth, iso));
    char *why = resident_birth_mismatch(birth, &id);
    form_set_error(f, F_BIRTH, why);
    free(why);
    free(birth);
    char g = (char)form_choice(f, F_GENDER);
    if (!g) form_set_choice(f, F_GENDER, id.gender, resident_gender_text(id.gender));
    why = resident_gender_mismatch(g, &id);
    form_set_error(f, F_GENDER, why);
    free(why);
    struct resident existing;
    if (resident_get_by_id_number(ui.db, id.number, &existing) == DB_OK) {
        if (existing.id != rf->rec.id) offer_existing(rf, &existing);
        resident_free(&existing);
    }
}

static void on_leave(struct form *f, int i, void *ctx)
{
    struct resident_form *rf = ctx;
    if (i == F_NAME) {
        char *raw = form_text(f, F_NAME);
        char *name = resident_normalize_name(raw);
        form_set_text(f, F_NAME, name);
        free(raw);
        free(name);
    } else if (i == F_ID) {
        id_left(rf);
    }
}

/* Lay the form out holding the record's values. */
static void build_form(struct resident_form *rf)
{
    const struct resident *r = &rf->rec;
    struct form *f = &rf->form;
    form_init(f);
    form_add_text(f, _("Full name"), r->name, RESIDENT_NAME_MAX, 24, resident_check_name, 0);
    form_add_choice(f, _("Sex"), r->gender, resident_gender_text(r->gender), gender_source, rf, 1,
                    8);
    form_add_choice(f, _("Ethnicity"), 0, r->ethnicity, ethnicity_source, rf, 1, 12);
    form_add_text(f, _("Born"), r->birth_date, 10, 12, check_birth, 0);
    form_add_text(f, _("ID number"), r->id_number, 24, 20, check_id,
                  TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_add_text(f, _("Mobile"), r->phone, 20, 14, check_mobile, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Landline"), r->landline, 24, 16, check_landline, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Community"), r->community_id, r->community, community_source, rf, 1, 18);
    form_add_choice(f, _("Grid"), r->grid_id, r->grid, grid_source, rf, 1, 18);
    form_add_text(f, _("Address"), r->address, 60, 30, validate_line, 0);
    int self = r->id && r->head_id == r->id;
    form_add_choice(f, _("Household"), self ? -1 : r->head_id,
                    self ? _("(self: the head of the household)") : r->head_name, head_source, rf,
                    1, 20);
    form_add_choice(f, _("Relation"), *r->relation ? 1 : 0, r->relation, relation_source, rf, 1,
                    12);
    form_add_multi(f, _("Tags"), r->tags, tag_source, rf, 30);
    form_add_text(f, _("Note"), r->note, 100, 36, validate_line, 0);
    if (r->id && *r->id_number) form_set_secret(f, F_ID, resident_masked_id);
    if (r->id && *r->phone) form_set_secret(f, F_PHONE, resident_masked_phone);
    form_on_leave(f, on_leave, rf);
}

/* The record as the form holds it (id and version from when it was read). */
static void form_to_record(struct resident_form *rf, struct resident *out)
{
    struct form *f = &rf->form;
    resident_copy(out, &rf->rec);
    record_take(&out->name, form_text(f, F_NAME));
    out->gender = (char)form_choice(f, F_GENDER);
    record_set(&out->ethnicity, f->fields[F_ETHNICITY].choice_label);
    char *birth = form_text(f, F_BIRTH);
    struct date d;
    char iso[11];
    record_set(&out->birth_date, date_parse(birth, &d) == DATE_OK ? date_format(&d, iso) : "");
    free(birth);
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
    out->grid_id = form_choice(f, F_GRID);
    record_take(&out->address, form_text(f, F_ADDRESS));
    out->head_id =
        form_choice(f, F_HEAD) == -1 ? (rf->rec.id ? rf->rec.id : -1) : form_choice(f, F_HEAD);
    record_set(&out->relation, f->fields[F_RELATION].choice_label);
    record_set(&out->tags, form_multi(f, F_TAGS));
    record_take(&out->note, form_text(f, F_NOTE));
}

/* What differs between my typing and the stored record, one line each. */
static void describe_differences(const struct resident *mine, const struct resident *theirs,
                                 struct strbuf *out)
{
    const struct conflict_field fields[] = {
        {_("Full name"), mine->name, theirs->name},
        {_("Ethnicity"), mine->ethnicity, theirs->ethnicity},
        {_("Born"), mine->birth_date, theirs->birth_date},
        {_("Landline"), mine->landline, theirs->landline},
        {_("Address"), mine->address, theirs->address},
        {_("Relation"), mine->relation, theirs->relation},
        {_("Tags"), mine->tags, theirs->tags},
        {_("Note"), mine->note, theirs->note},
    };
    conflict_describe(out, fields, ARRAY_LEN(fields));
    if (!str_eq(mine->id_number, theirs->id_number) || !str_eq(mine->phone, theirs->phone))
        strbuf_addf(out, "%s\n", _("The ID or mobile number differs too."));
    if (mine->grid_id != theirs->grid_id || mine->community_id != theirs->community_id)
        strbuf_addf(out, _("Grid: now \"%s\"\n"), theirs->grid);
}

/* F2: check, save, and deal with what the store says. Returns UI flags. */
static int form_save(struct resident_form *rf)
{
    if (form_check_all(&rf->form) >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    if (rf->closing) return UI_CLOSE;
    struct resident mine, other;
    form_to_record(rf, &mine);
    int rc;
    for (;;) {
        rc = resident_save(ui.db, &mine, actor_name(), &other);
        if (rc != DB_CONFLICT) break;
        struct strbuf diff = STRBUF_INIT;
        describe_differences(&mine, &other, &diff);
        enum conflict_choice c =
            dialog_conflict(other.updated_by, other.updated_at, strbuf_str(&diff));
        strbuf_free(&diff);
        if (c == CONFLICT_OVERWRITE) {
            mine.version = other.version;
            rf->rec.version = other.version;
            resident_free(&other);
            continue;
        }
        if (c == CONFLICT_THEIRS) {
            form_free(&rf->form);
            resident_free(&rf->rec);
            rf->rec = other;
            build_form(rf);
            ui_message(UI_MSG_INFO, "%s", _("Showing the record as it is now"));
        } else {
            resident_free(&other);
            ui_message(UI_MSG_ERROR, "%s", _("Not saved yet: your typing is kept; F2 saves again"));
        }
        resident_free(&mine);
        return UI_HANDLED;
    }
    int result = UI_HANDLED;
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, _("Saved: %s"), mine.name);
        ui.generation++;
        ui.saved_id = mine.id;
        form_mark_clean(&rf->form);
        result = UI_CLOSE;
    } else if (rc == DB_DUPLICATE) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: this ID number is registered already"));
        form_set_message(&rf->form, F_ID, _("Registered already"));
        if (other.id) offer_existing(rf, &other);
        resident_free(&other);
        if (rf->closing) result = UI_CLOSE;
    } else {
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), db_rc_message(rc));
    }
    resident_free(&mine);
    return result;
}

static void resident_form_draw(struct screen *s, int top, int rows)
{
    struct resident_form *rf = (struct resident_form *)s;
    const struct resident *r = &rf->rec;
    if (r->id)
        draw_textf(top, 1, COLS - 2, term_attr(UI_DIM), _("Version %lld, last changed %s by %s%s"),
                   (long long)r->version, r->updated_at, r->updated_by, "");
    else
        draw_text(top, 1, COLS - 2,
                  _("A new resident: the ID number fills in birth date and sex. F2 saves."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    form_draw(&rf->form, top + 1, rows - 2, COLS, s);
    draw_text(top + rows - 1, 1, COLS - 2,
              _("Tab/Enter: next field · F2: save · F9: show numbers · Esc: back"),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

static int resident_form_dirty(struct screen *s)
{
    return form_dirty(&((struct resident_form *)s)->form);
}

static int resident_form_key(struct screen *s, enum action a, const struct key *k)
{
    struct resident_form *rf = (struct resident_form *)s;
    if (a == ACT_MENU) {
        const char *options[] = {_("Show the full ID number"), _("Show the full mobile number")};
        int c = dialog_options(_("Show in full"), _("Which number?"), options, 2);
        int field = c == 0 ? F_ID : F_PHONE;
        if (c >= 0 && !form_masked(&rf->form, field))
            ui_message(UI_MSG_INFO, "%s", _("It is shown in full already"));
        else if (c >= 0 &&
                 resident_reveal_ask(rf->rec.id, rf->rec.name, c == 0 ? "id_number" : "phone",
                                     c == 0 ? _("ID number") : _("mobile number")))
            form_reveal(&rf->form, field);
        return UI_HANDLED;
    }
    int r = form_key(&rf->form, a, k);
    if (r == FORM_SAVE) r = form_save(rf);
    if (rf->closing) return UI_CLOSE;
    return r;
}

static void resident_form_free(struct screen *s)
{
    struct resident_form *rf = (struct resident_form *)s;
    form_free(&rf->form);
    resident_free(&rf->rec);
    free(rf);
}

static const struct screen_ops resident_form_ops = {resident_form_draw, resident_form_key,
                                                    resident_form_dirty, resident_form_free};

struct screen *screen_resident_form_new(int64_t id)
{
    struct resident_form *rf = xcalloc(1, sizeof *rf);
    rf->base.ops = &resident_form_ops;
    rf->base.bar = form_bar;
    if (id && resident_get(ui.db, id, &rf->rec) == DB_OK) {
        rf->base.title = _("Edit resident");
    } else {
        resident_init(&rf->rec);
        record_set(&rf->rec.ethnicity, resident_ethnicities(&(int){0})[0]);
        rf->base.title = _("New resident");
    }
    build_form(rf);
    return &rf->base;
}
