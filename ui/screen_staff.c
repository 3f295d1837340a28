/*
** screen_staff: 工作人员 and 工作人员类别, the staff and the kinds of
** staff (党建社工, 党建指导员, 街道干部 ...), each a list and a form
** configured through the kits: typing narrows the list (staff by name,
** pinyin or a phone's last digits), F7 adds, Enter or F4 edits, F8
** retires or restores, F6 shows retired rows; a person's F9 lists the
** posts they hold and held.
*/
#include "db/staff_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/phone.h"
#include "src/pinyin.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>

/* --- the form -------------------------------------------------------------------------------- */

static void kind_build(struct form_screen *fs)
{
    const struct staff_kind *k = fs->orig;
    struct form *f = &fs->form;
    form_add_code(f, k->code, VALIDATE_CODE_MAX, 10);
    form_bind(f,
              form_add_text(f, _("Name"), k->name, STAFF_KIND_NAME_MAX, 20, validate_required,
                            TEXT_NORM_PROSE),
              "name");
    int i = form_add_text(f, _("Note"), k->note, STAFF_KIND_NOTE_MAX, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 3);
    form_bind(f, i, "note");
}

static int kind_read(struct form_screen *fs, void *rec)
{
    struct staff_kind *k = rec;
    struct form *f = &fs->form;
    record_take(&k->code, form_text(f, form_bound(f, "code")));
    record_take(&k->name, form_text(f, form_bound(f, "name")));
    record_take(&k->note, form_text(f, form_bound(f, "note")));
    return 0;
}

static int kind_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return staff_kind_save(ui.db, rec, actor_name());
}

static int kind_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return staff_kind_get(ui.db, ((const struct staff_kind *)rec)->id, out);
}

static const struct form_spec kind_form = {.type = &staff_kind_record,
                                           .rights = RIGHT_EDIT_AREAS,
                                           .title_new = N_("New staff kind"),
                                           .title_edit = N_("Edit staff kind"),
                                           .build = kind_build,
                                           .read = kind_read,
                                           .save = kind_save,
                                           .get = kind_get};

/* --- the list -------------------------------------------------------------------------------- */

static int kind_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct staff_kind *kinds;
    int rc = staff_kind_list(ui.db, ls->with_retired, &kinds, &out->n);
    out->items = kinds;
    list_rows_keep(&staff_kind_record, out, query, "name", "code");
    return rc;
}

static const char *kind_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct staff_kind *k = row;
    return col == 0     ? k->code
           : col == 1   ? k->name
           : col == 2   ? k->note
           : k->retired ? _("Retired")
                        : "";
}

static int kind_set_retired(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return staff_kind_set_retired(ui.db, row, retire, actor_name(), current);
}

static const struct list_retire kind_retiring = {.set = kind_set_retired};

static const struct list_tab kind_tab = {
    .type = &staff_kind_record,
    .cols = {{N_("Code"), 8, 0},
             {N_("Name"), 20, 0},
             {N_("Note"), 0, 0},
             {N_("Status"), 6, LIST_COL_RETIRED}},
    .ncols = 4,
    .hint = N_("type Chinese, pinyin initials or a code"),
    .empty = N_("Nothing found. F7 creates a new record."),
    .flags = LIST_RETIRED,
    .load = kind_load,
    .cell = kind_cell,
    .form = &kind_form,
    .retiring = &kind_retiring,
    .rights = RIGHT_EDIT_AREAS,
};

static const struct command kind_menu[] = {
    {"import-staff-kinds", '1', N_("Import staff kinds"),
     N_("Read a staff kinds ledger: 类别编码, 类别名称, 说明"), RIGHT_EDIT_AREAS, import_command, 0,
     NULL},
    {"export-staff-kinds", '2', N_("Export staff kinds"),
     N_("Write the staff kinds to a file (.xlsx or CSV), in the columns the import reads"), 0,
     export_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec kind_list = {
    .title = N_("Staff kinds"), .tabs = &kind_tab, .ntabs = 1, .menu = kind_menu};

struct screen *screen_staff_kinds_new(void)
{
    return list_screen_new(&kind_list, 0, NULL);
}

/* --- the staff ------------------------------------------------------------------------------- */

static int staff_kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct staff_kind *kinds;
    size_t n;
    if (staff_kind_list(ui.db, 0, &kinds, &n) != DB_OK) return -1;
    for (size_t i = 0; i < n; i++)
        if (pinyin_matches(kinds[i].name, query) || pinyin_matches(kinds[i].code, query))
            choice_list_add(out, kinds[i].id, kinds[i].name, kinds[i].code);
    record_array_free(&staff_kind_record, kinds, n);
    return 0;
}

static void staff_build(struct form_screen *fs)
{
    const struct staff *s = fs->orig;
    struct form *f = &fs->form;
    form_bind(f,
              form_add_text(f, _("Full name"), s->name, STAFF_NAME_MAX, 20, validate_required,
                            TEXT_NORM_NOSPACE),
              "name");
    int i = form_add_text(f, _("Phone"), s->phone, 30, 20, phone_check_any, 0);
    if (*s->phone) form_set_secret_text(f, i, s->phone, staff_masked_phone);
    form_bind(f, i, "phone");
    form_bind(
        f,
        form_add_choice(f, _("Staff kind"), s->kind_id, s->kind_name, staff_kind_source, fs, 0, 20),
        "kind_id");
    form_bind(
        f, form_add_text(f, _("Employer"), s->employer, STAFF_EMPLOYER_MAX, 40, validate_line, 0),
        "employer");
    i = form_add_text(f, _("User"), s->login, 32, 20, validate_line, TEXT_NORM_NOSPACE);
    form_set_help(f, i, _("the login of the bangban user who is this person, if any"));
    form_bind(f, i, "login");
}

static int staff_form_read(struct form_screen *fs, void *rec)
{
    struct staff *s = rec;
    struct form *f = &fs->form;
    record_take(&s->name, form_text(f, form_bound(f, "name")));
    int i = form_bound(f, "phone");
    char *phone = form_text(f, i), norm[40];
    if (*phone && !phone_mobile(phone, norm))
        record_set(&s->phone, norm);
    else if (*phone && !phone_landline(phone, norm, sizeof norm))
        record_set(&s->phone, norm);
    else
        record_set(&s->phone, phone);
    free(phone);
    i = form_bound(f, "kind_id");
    s->kind_id = form_choice(f, i);
    record_set(&s->kind_name, f->fields[i].choice_label);
    record_take(&s->employer, form_text(f, form_bound(f, "employer")));
    record_take(&s->login, form_text(f, form_bound(f, "login")));
    return 0;
}

static int staff_form_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return staff_save(ui.db, rec, actor_name());
}

static int staff_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return staff_get(ui.db, ((const struct staff *)rec)->id, out);
}

/* DB_INVALID: no user has the login typed, or the kind was retired meanwhile. */
static int staff_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    if (rc != DB_INVALID) return -1;
    struct form *f = &fs->form;
    form_set_message(f, form_bound(f, "login"),
                     _("No user has this login, or the kind chosen is retired"));
    return UI_HANDLED;
}

static const struct form_spec staff_form = {.type = &staff_record,
                                            .rights = RIGHT_EDIT_AREAS,
                                            .title_new = N_("New staff member"),
                                            .title_edit = N_("Edit staff member"),
                                            .build = staff_build,
                                            .read = staff_form_read,
                                            .save = staff_form_save,
                                            .get = staff_form_get,
                                            .refused = staff_refused,
                                            .parent = "kind_id"};

static int staff_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct staff *rows;
    int rc = staff_list(ui.db, query, ls->with_retired, 0, &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *staff_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct staff *s = row;
    switch (col) {
    case 0:
        return s->name;
    case 1: {
        char *m = staff_masked_phone(s->phone);
        snprintf(buf, LIST_CELL_MAX, "%s", m);
        free(m);
        return buf;
    }
    case 2:
        return s->kind_name;
    case 3:
        return s->employer;
    case 4:
        return s->login;
    default:
        return s->retired ? _("Retired") : "";
    }
}

static int staff_retire_set(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return staff_set_retired(ui.db, row, retire, actor_name(), current);
}

static char *staff_retire_name(const void *row)
{
    return xstrdup(((const struct staff *)row)->name);
}

static const struct list_retire staff_retiring = {.set = staff_retire_set,
                                                  .name = staff_retire_name};

static void staff_posts(struct screen *s, const struct command *c)
{
    (void)c;
    const struct staff *row = list_screen_selected((struct list_screen *)s);
    if (row) ui_push(screen_posts_new(-1, 0, row->id, row->name));
}

static const struct list_tab staff_tab = {
    .type = &staff_record,
    .cols = {{N_("Full name"), 10, 0},
             {N_("Phone"), 12, 0},
             {N_("Staff kind"), 10, 0},
             {N_("Employer"), 0, 0},
             {N_("User"), 8, 0},
             {N_("Status"), 6, LIST_COL_RETIRED}},
    .ncols = 6,
    .hint = N_("type a name, its pinyin or a phone's last digits"),
    .empty = N_("Nothing found. F7 creates a new record."),
    .flags = LIST_RETIRED,
    .load = staff_load,
    .cell = staff_cell,
    .form = &staff_form,
    .retiring = &staff_retiring,
    .rights = RIGHT_EDIT_AREAS};

static const struct command staff_menu[] = {
    {"staff-posts", '1', N_("Posts held"), N_("The posts this person holds and held"), 0,
     staff_posts, 0, NULL},
    {"staff-kinds", '2', N_("Staff kinds"),
     N_("The kinds of staff: 党建社工, 党建指导员, 街道干部 ..."), 0, NULL, 0,
     screen_staff_kinds_new},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec staff_list_spec = {
    .title = N_("Staff"), .tabs = &staff_tab, .ntabs = 1, .menu = staff_menu};

struct screen *screen_staff_new(void)
{
    return list_screen_new(&staff_list_spec, 0, NULL);
}
