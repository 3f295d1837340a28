/*
** screen_catalogue_form: the forms of the catalogue screen, through the
** form kit (ui/form_screen.h): a service item (code, name, unit, category,
** limits as people write them: 2小时, 5个工作日), a unit, and a calendar
** day (a holiday or a 调休 working day).
*/
#include "db/calendar_store.h"
#include "db/catalogue_store.h"
#include "src/actor.h"
#include "src/catalogue.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/request.h"
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

/* True when the limit text starts with a number that is 0 (0小时, ０分钟): no time at all. */
static int limit_zero(const char *text)
{
    char *t = text_normalize(text, TEXT_NORM_NOSPACE);
    size_t zeros = strspn(t, "0");
    int zero = zeros > 0 && !(t[zeros] >= '1' && t[zeros] <= '9') && t[zeros] != '.';
    free(t);
    return zero;
}

static const char *check_accept(const char *text)
{
    if (catalogue_parse_accept(text) > 0) return NULL;
    return limit_zero(text) ? _("A limit of 0 leaves no time: 1分钟 at least")
                            : _("Write it as 2小时 or 30分钟");
}

static const char *check_resolve(const char *text)
{
    int amount;
    char unit;
    if (catalogue_parse_resolve(text, &amount, &unit) == 0) return NULL;
    return limit_zero(text) ? _("A limit of 0 leaves no time: 1小时 at least")
                            : _("Write it as 5个工作日 or 4小时");
}

/* --- service items ------------------------------------------------------------------------- */

static void item_build(struct form_screen *fs)
{
    const struct service_item *r = fs->orig;
    struct form *f = &fs->form;
    form_add_code(f, r->code, 16, 10);
    form_bind(f, form_add_text(f, _("Name"), r->name, 60, 36, validate_required, TEXT_NORM_PROSE),
              "name");
    form_bind(f,
              form_add_choice(f, _("Unit"), r->unit_id, r->unit_name, choices_units, NULL, 0, 24),
              "unit_id");
    const char *cat = request_word_label(request_categories, r->category);
    form_bind(f,
              form_add_choice(f, _("Category"), choices_word_id(request_categories, r->category),
                              cat ? _(cat) : "", choices_words,
                              (void *)(uintptr_t)request_categories, 0, 16),
              "category");
    char *accept = catalogue_accept_text(r->accept_minutes);
    char *resolve = catalogue_resolve_text(r->resolve_amount, r->resolve_unit);
    form_bind(
        f, form_add_text(f, _("Sign for within"), accept, 20, 12, check_accept, TEXT_NORM_NOSPACE),
        "accept_minutes");
    form_bind(
        f, form_add_text(f, _("Resolve within"), resolve, 20, 12, check_resolve, TEXT_NORM_NOSPACE),
        "resolve_amount");
    free(accept);
    free(resolve);
    int i = form_add_text(f, _("Materials"), r->materials, 200, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 3);
    form_bind(f, i, "materials");
    i = form_add_text(f, _("Description"), r->description, 200, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 3);
    form_bind(f, i, "description");
}

static int item_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct service_item *it = rec;
    record_take(&it->code, form_text(f, form_bound(f, "code")));
    record_take(&it->name, form_text(f, form_bound(f, "name")));
    int unit = form_bound(f, "unit_id");
    it->unit_id = form_choice(f, unit);
    record_set(&it->unit_name, f->fields[unit].choice_label);
    record_set(&it->category,
               choices_word_code(request_categories, form_choice(f, form_bound(f, "category"))));
    char *accept = form_text(f, form_bound(f, "accept_minutes"));
    char *resolve = form_text(f, form_bound(f, "resolve_amount"));
    it->accept_minutes = catalogue_parse_accept(accept);
    catalogue_parse_resolve(resolve, &it->resolve_amount, &it->resolve_unit);
    free(accept);
    free(resolve);
    record_take(&it->materials, form_text(f, form_bound(f, "materials")));
    record_take(&it->description, form_text(f, form_bound(f, "description")));
    return 0;
}

static int item_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return item_save(ui.db, rec, actor_name(), NULL);
}

static int item_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return item_get(ui.db, ((const struct service_item *)rec)->id, out);
}

const struct form_spec item_form = {.type = &service_item_record,
                                    .rights = RIGHT_EDIT_CATALOGUE,
                                    .title_new = N_("New service item"),
                                    .title_edit = N_("Edit service item"),
                                    .title_view = N_("View service item"),
                                    .build = item_build,
                                    .read = item_read,
                                    .save = item_store_save,
                                    .get = item_store_get,
                                    .parent = "unit_id"};

/* --- units --------------------------------------------------------------------------------- */

static void unit_build(struct form_screen *fs)
{
    const struct unit *u = fs->orig;
    struct form *f = &fs->form;
    form_add_code(f, u->code, 16, 10);
    form_bind(f, form_add_text(f, _("Name"), u->name, 40, 30, validate_required, TEXT_NORM_PROSE),
              "name");
    form_bind(f, form_add_text(f, _("Kind"), u->kind, 20, 16, validate_line, 0), "kind");
    form_bind(f, form_add_text(f, _("Phone"), u->phone, 30, 16, validate_line, TEXT_NORM_NOSPACE),
              "phone");
}

static int unit_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct unit *u = rec;
    record_take(&u->code, form_text(f, form_bound(f, "code")));
    record_take(&u->name, form_text(f, form_bound(f, "name")));
    record_take(&u->kind, form_text(f, form_bound(f, "kind")));
    record_take(&u->phone, form_text(f, form_bound(f, "phone")));
    return 0;
}

static int unit_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return unit_save(ui.db, rec, actor_name(), NULL);
}

static int unit_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return unit_get(ui.db, ((const struct unit *)rec)->id, out);
}

const struct form_spec unit_form = {.type = &unit_record,
                                    .rights = RIGHT_EDIT_CATALOGUE,
                                    .title_new = N_("New unit"),
                                    .title_edit = N_("Edit unit"),
                                    .title_view = N_("View unit"),
                                    .build = unit_build,
                                    .read = unit_read,
                                    .save = unit_store_save,
                                    .get = unit_store_get};

/* --- calendar days ------------------------------------------------------------------------- */

static int day_kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    choice_list_offer(out, query, 1, _("Holiday"), _("a weekday not worked"));
    choice_list_offer(out, query, 2, _("Workday"), _("a weekend day worked (调休)"));
    return 0;
}

static void day_build(struct form_screen *fs)
{
    const struct calendar_day *d = fs->orig;
    struct form *f = &fs->form;
    form_bind(f, form_add_text(f, _("Date"), d->day, 12, 12, validate_date, TEXT_NORM_NOSPACE),
              "day");
    form_bind(f,
              form_add_choice(f, _("Day"), d->working ? 2 : 1,
                              d->working ? _("Workday") : _("Holiday"), day_kind_source, NULL, 0,
                              10),
              "working");
    form_bind(f, form_add_text(f, _("Name"), d->name, 40, 24, validate_line, TEXT_NORM_PROSE),
              "name");
}

static int day_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct calendar_day *d = rec;
    record_take(&d->day, form_date(f, form_bound(f, "day")));
    d->working = form_choice(f, form_bound(f, "working")) == 2;
    record_take(&d->name, form_text(f, form_bound(f, "name")));
    return 0;
}

/* A day moved to another date is the old one removed and the new one set, in one transaction. */
static int day_store_save(struct form_screen *fs, void *rec)
{
    const struct calendar_day *was = fs->orig;
    return calendar_save(ui.db, rec, was->day, actor_name());
}

static int day_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)rec;
    const struct calendar_day *was = fs->orig;
    return calendar_get(ui.db, was->day, out);
}

static char *day_name(const void *rec)
{
    const struct calendar_day *d = rec;
    return xasprintf("%s %s", d->day, d->name);
}

const struct form_spec day_form = {.type = &calendar_day_record,
                                   .rights = RIGHT_EDIT_CATALOGUE,
                                   .title_new = N_("New calendar day"),
                                   .title_edit = N_("Edit calendar day"),
                                   .title_view = N_("View calendar day"),
                                   .build = day_build,
                                   .read = day_read,
                                   .save = day_store_save,
                                   .get = day_store_get,
                                   .name = day_name};
