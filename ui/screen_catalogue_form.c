/*
** screen_catalogue_form: the forms of the catalogue screen: a service
** item (code, name, unit, category, limits as people write them: 2小时,
** 5个工作日), a unit, and a calendar day (a holiday or a 调休 working day).
** Each field is checked as it is left; a save that lost the race to
** another desk says who saved first and keeps the typing.
*/
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "src/actor.h"
#include "src/catalogue.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/request.h"
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

static const enum action form_bar[] = {ACT_SAVE, ACT_NONE};
static const struct screen_ops cat_form_ops;

/* What a catalogue form is: its fields, and how to save them. */
struct cat_form {
    struct screen base;
    struct form form;
    struct service_item item; /* item forms */
    struct unit unit;         /* unit forms */
    char day[11];             /* day forms: the day being edited, "" for a new one */
    int (*save)(struct cat_form *cf);
};

static const char *check_required(const char *text)
{
    return str_empty(text) ? _("Required") : validate_line(text);
}

static const char *check_code(const char *text)
{
    if (str_empty(text)) return _("Required");
    for (const char *p = text; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            return _("Letters, digits and - only");
    return NULL;
}

static const char *check_accept(const char *text)
{
    return catalogue_parse_accept(text) > 0 ? NULL : _("Write it as 2小时 or 30分钟");
}

static const char *check_resolve(const char *text)
{
    int amount;
    char unit;
    return catalogue_parse_resolve(text, &amount, &unit) == 0 ? NULL
                                                              : _("Write it as 5个工作日 or 4小时");
}

static void cat_form_draw(struct screen *s, int top, int rows)
{
    struct cat_form *cf = (struct cat_form *)s;
    form_draw(&cf->form, top + 1, rows - 1, COLS, s);
}

/* A save's outcome for the clerk. Returns the screen's result. */
static int saved_or_not(struct cat_form *cf, int rc, const char *what, const char *who,
                        const char *when)
{
    if (rc == DB_OK) {
        ui_message(UI_MSG_INFO, _("Saved: %s"), what);
        form_mark_clean(&cf->form);
        ui.generation++;
        return UI_CLOSE;
    }
    if (rc == DB_CONFLICT)
        ui_message(UI_MSG_ERROR,
                   _("Not saved: %s saved it at %s; your typing is kept, F2 again saves it over "
                     "theirs"),
                   who, when);
    else if (rc == DB_DUPLICATE)
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: that code or name is taken"));
    else if (rc == DB_INVALID)
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: the unit is retired or missing"));
    else
        ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), db_rc_message(rc));
    return UI_HANDLED;
}

/* --- service items ------------------------------------------------------------------------- */

enum { I_CODE, I_NAME, I_UNIT, I_CATEGORY, I_ACCEPT, I_RESOLVE, I_MATERIALS, I_DESCRIPTION };

static int item_form_save(struct cat_form *cf)
{
    struct form *f = &cf->form;
    struct service_item *it = &cf->item;
    record_take(&it->code, form_text(f, I_CODE));
    record_take(&it->name, form_text(f, I_NAME));
    it->unit_id = form_choice(f, I_UNIT);
    record_set(&it->category, choices_word_code(request_categories, form_choice(f, I_CATEGORY)));
    char *accept = form_text(f, I_ACCEPT), *resolve = form_text(f, I_RESOLVE);
    it->accept_minutes = catalogue_parse_accept(accept);
    catalogue_parse_resolve(resolve, &it->resolve_amount, &it->resolve_unit);
    free(accept);
    free(resolve);
    record_take(&it->materials, form_text(f, I_MATERIALS));
    record_take(&it->description, form_text(f, I_DESCRIPTION));
    struct service_item current;
    memset(&current, 0, sizeof current);
    int rc = item_save(ui.db, it, actor_name(), &current);
    int r = saved_or_not(cf, rc, it->name, current.updated_by, current.updated_at);
    if (rc == DB_OK) ui.saved_id = it->id;
    if (rc == DB_CONFLICT) {
        it->version = current.version; /* told who saved first: the next F2 is on purpose */
        service_item_free(&current);
    }
    return r;
}

struct screen *screen_item_form_new(const struct service_item *it)
{
    struct cat_form *cf = xcalloc(1, sizeof *cf);
    cf->base.title = it ? _("Edit service item") : _("New service item");
    if (it)
        service_item_copy(&cf->item, it);
    else
        service_item_init(&cf->item);
    cf->save = item_form_save;
    const struct service_item *r = &cf->item;
    struct form *f = &cf->form;
    form_init(f);
    form_add_text(f, _("Code"), r->code, 16, 10, check_code, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_add_text(f, _("Name"), r->name, 60, 36, check_required, TEXT_NORM_PROSE);
    form_add_choice(f, _("Unit"), r->unit_id, r->unit_name, choices_units, NULL, 0, 24);
    const char *cat = request_word_label(request_categories, r->category);
    form_add_choice(f, _("Category"), choices_word_id(request_categories, r->category),
                    cat ? _(cat) : "", choices_words, (void *)(uintptr_t)request_categories, 0, 16);
    char *accept = catalogue_accept_text(r->accept_minutes);
    char *resolve = catalogue_resolve_text(r->resolve_amount, r->resolve_unit);
    form_add_text(f, _("Sign for within"), accept, 20, 12, check_accept, TEXT_NORM_NOSPACE);
    form_add_text(f, _("Resolve within"), resolve, 20, 12, check_resolve, TEXT_NORM_NOSPACE);
    free(accept);
    free(resolve);
    form_add_text(f, _("Materials"), r->materials, 200, 40, validate_line, TEXT_NORM_PROSE);
    form_add_text(f, _("Description"), r->description, 200, 40, validate_line, TEXT_NORM_PROSE);
    cf->base.ops = &cat_form_ops;
    cf->base.bar = form_bar;
    return &cf->base;
}

/* --- units --------------------------------------------------------------------------------- */

enum { U_CODE, U_NAME, U_KIND, U_PHONE };

static int unit_form_save(struct cat_form *cf)
{
    struct form *f = &cf->form;
    struct unit *u = &cf->unit;
    record_take(&u->code, form_text(f, U_CODE));
    record_take(&u->name, form_text(f, U_NAME));
    record_take(&u->kind, form_text(f, U_KIND));
    record_take(&u->phone, form_text(f, U_PHONE));
    struct unit current;
    memset(&current, 0, sizeof current);
    int rc = unit_save(ui.db, u, actor_name(), &current);
    int r = saved_or_not(cf, rc, u->name, current.updated_by, current.updated_at);
    if (rc == DB_OK) ui.saved_id = u->id;
    if (rc == DB_CONFLICT) {
        u->version = current.version; /* told who saved first: the next F2 is on purpose */
        unit_free(&current);
    }
    return r;
}

struct screen *screen_unit_form_new(const struct unit *u)
{
    struct cat_form *cf = xcalloc(1, sizeof *cf);
    cf->base.title = u ? _("Edit unit") : _("New unit");
    if (u)
        unit_copy(&cf->unit, u);
    else
        unit_init(&cf->unit);
    cf->save = unit_form_save;
    struct form *f = &cf->form;
    form_init(f);
    form_add_text(f, _("Code"), cf->unit.code, 16, 10, check_code,
                  TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_add_text(f, _("Name"), cf->unit.name, 40, 30, check_required, TEXT_NORM_PROSE);
    form_add_text(f, _("Kind"), cf->unit.kind, 20, 16, validate_line, 0);
    form_add_text(f, _("Phone"), cf->unit.phone, 30, 16, validate_line, TEXT_NORM_NOSPACE);
    cf->base.ops = &cat_form_ops;
    cf->base.bar = form_bar;
    return &cf->base;
}

/* --- calendar days ------------------------------------------------------------------------- */

enum { D_DAY, D_KIND, D_NAME };

static int day_kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1, _("Holiday"), _("a weekday not worked"));
    choice_list_offer(out, query, 2, _("Workday"), _("a weekend day worked (调休)"));
    return 0;
}

static const char *check_day(const char *text)
{
    struct date d;
    int rc = date_parse(text, &d);
    if (rc == DATE_NOT_A_DATE) return _("Not a date: 1990-03-07, 1990/3/7 or 19900307");
    if (rc == DATE_IMPOSSIBLE) return _("There is no such day");
    return NULL;
}

static int day_form_save(struct cat_form *cf)
{
    struct form *f = &cf->form;
    char *text = form_text(f, D_DAY), *name = form_text(f, D_NAME);
    struct date d;
    date_parse(text, &d);
    char iso[11];
    date_format(&d, iso);
    int rc = db_write_begin(ui.db);
    if (rc == DB_OK && *cf->day && !str_eq(cf->day, iso)) rc = calendar_remove(ui.db, cf->day);
    if (rc == DB_OK) rc = calendar_set(ui.db, iso, form_choice(f, D_KIND) == 2, name);
    if (rc == DB_OK)
        rc = db_commit(ui.db);
    else
        db_rollback(ui.db);
    char *what = xasprintf("%s %s", iso, name);
    int r = saved_or_not(cf, rc, what, "", "");
    free(what);
    free(text);
    free(name);
    return r;
}

struct screen *screen_day_form_new(const struct calendar_day *d)
{
    struct cat_form *cf = xcalloc(1, sizeof *cf);
    cf->base.title = d ? _("Edit calendar day") : _("New calendar day");
    cf->save = day_form_save;
    if (d) snprintf(cf->day, sizeof cf->day, "%s", d->day);
    struct form *f = &cf->form;
    form_init(f);
    form_add_text(f, _("Date"), d ? d->day : "", 12, 12, check_day, TEXT_NORM_NOSPACE);
    form_add_choice(f, _("Day"), d && d->working ? 2 : 1,
                    d && d->working ? _("Workday") : _("Holiday"), day_kind_source, NULL, 0, 10);
    form_add_text(f, _("Name"), d ? d->name : "", 40, 24, validate_line, TEXT_NORM_PROSE);
    cf->base.ops = &cat_form_ops;
    cf->base.bar = form_bar;
    return &cf->base;
}

/* --- shared -------------------------------------------------------------------------------- */

static int cat_form_key(struct screen *s, enum action a, const struct key *k)
{
    struct cat_form *cf = (struct cat_form *)s;
    int r = form_key(&cf->form, a, k);
    if (r != FORM_SAVE) return r;
    if (form_check_all(&cf->form) >= 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
        return UI_HANDLED;
    }
    return cf->save(cf);
}

static int cat_form_dirty(struct screen *s)
{
    return form_dirty(&((struct cat_form *)s)->form);
}

static void cat_form_free(struct screen *s)
{
    struct cat_form *cf = (struct cat_form *)s;
    form_free(&cf->form);
    if (cf->save == item_form_save) service_item_free(&cf->item);
    if (cf->save == unit_form_save) unit_free(&cf->unit);
    free(cf);
}

static const struct screen_ops cat_form_ops = {cat_form_draw, cat_form_key, cat_form_dirty,
                                               cat_form_free};
