/*
** screen_staff: 工作人员类别, the kinds of staff (党建社工, 党建指导员,
** 街道干部 ...) as a list and a form, both configured through the kits:
** typing narrows the list, F7 adds a kind, Enter or F4 edits, F8 retires
** or restores, F6 shows retired kinds.
*/
#include "db/staff_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

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
    .cols = {{N_("Code"), 8, 0}, {N_("Name"), 20, 0}, {N_("Note"), 0, 0}, {N_("Status"), 6, 0}},
    .ncols = 4,
    .hint = N_("type Chinese, pinyin initials or a code"),
    .empty = N_("Nothing found. F7 creates a new record."),
    .flags = LIST_RETIRED,
    .load = kind_load,
    .cell = kind_cell,
    .form = &kind_form,
    .retiring = &kind_retiring,
    .rights = RIGHT_EDIT_AREAS};

static const struct command kind_menu[] = {
    {"import-staff-kinds", '1', N_("Import staff kinds"),
     N_("Read a staff kinds ledger: 类别编码, 类别名称, 说明"), RIGHT_EDIT_AREAS, import_command, 0,
     NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec kind_list = {
    .title = N_("Staff kinds"), .tabs = &kind_tab, .ntabs = 1, .menu = kind_menu};

struct screen *screen_staff_kinds_new(void)
{
    return list_screen_new(&kind_list, 0, NULL);
}
