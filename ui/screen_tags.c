/*
** screen_tags: 标签, the list of tags a resident can carry. Tags can be
** added, renamed, marked sensitive (never shown in lists or masked
** exports: health, specific identity) and retired; none is ever deleted.
*/
#include "db/resident_store.h"
#include "src/resident.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/screens.h"
#include "ui/list_screen.h"

#include <stdlib.h>

static int tags_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct tag_list all;
    int rc = tag_list(ui.db, 1, &all);
    out->items = all.v;
    out->n = all.n;
    list_rows_keep(&tag_record, out, query, "name", NULL);
    return rc;
}

static const char *tags_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct tag *t = row;
    if (col == 0) return t->name;
    if (col == 1) return t->sensitive ? _("sensitive") : "";
    return t->retired ? _("Retired") : "";
}

static const char *tags_above(struct list_screen *ls)
{
    (void)ls;
    return _("Sensitive tags are shown only where a resident is opened, never in lists.");
}

static void tag_store(struct tag *t)
{
    int rc = tag_save(ui.db, t, actor_name());
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("Saved: %s"), t->name);
    else if (rc == DB_DUPLICATE)
        ui_message(UI_MSG_ERROR, "%s", _("This tag exists already"));
    else if (rc == DB_CONFLICT)
        ui_message(UI_MSG_ERROR, "%s", _("Not changed: someone changed it meanwhile; look again"));
    else
        ui_db_failed(_("Not saved"), rc);
}

/* A name typed into a dialog, trimmed and checked; NULL (and why, on the message line) if none. */
static char *ask_name(const char *title, const char *prompt, const char *initial)
{
    char *typed;
    if (!dialog_input(title, prompt, initial, RESIDENT_TAG_MAX, &typed)) return NULL;
    char *name = text_trim(typed);
    free(typed);
    const char *why = resident_check_tag(name);
    if (why) {
        ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
        free(name);
        return NULL;
    }
    return name;
}

static void tag_new(struct list_screen *ls)
{
    (void)ls;
    char *name = ask_name(_("New tag"), _("Name of the tag:"), NULL);
    if (!name) return;
    struct tag t = {0, name, 0, 0, 0};
    tag_store(&t);
    free(name);
}

static void tag_change(struct list_screen *ls, void *row)
{
    (void)ls;
    struct tag t = *(struct tag *)row; /* its name is the list's until tag_store() */
    const char *options[] = {_("Rename"),
                             t.sensitive ? _("Mark as not sensitive") : _("Mark as sensitive"),
                             t.retired ? _("Restore") : _("Retire")};
    int c = dialog_options(t.name, _("What next?"), options, 3);
    char *name = NULL;
    if (c < 0) return;
    if (c == 0 && !(t.name = name = ask_name(_("Rename"), _("New name:"), t.name))) return;
    if (c == 1) t.sensitive = !t.sensitive;
    if (c == 2) t.retired = !t.retired;
    tag_store(&t);
    free(name);
}

static const struct list_tab tags_tab = {
    .type = &tag_record,
    .cols = {{N_("Tag"), 0, 0}, {N_("Sensitive"), 10, 0}, {N_("Status"), 8, 0}},
    .ncols = 3,
    .hint = N_("a tag's name or its pinyin initials"),
    .load = tags_load,
    .cell = tags_cell,
    .edit = tag_change,
    .create = tag_new};

static const struct list_spec tags_spec = {
    .title = N_("Tags"), .tabs = &tags_tab, .ntabs = 1, .above = tags_above};

struct screen *screen_tags_new(void)
{
    return list_screen_new(&tags_spec, 0, NULL);
}
