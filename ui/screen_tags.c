/*
** screen_tags: 标签, the list of tags a resident can carry. Tags can be
** added, renamed, marked sensitive (never shown in lists or masked
** exports: health, specific identity) and retired; none is ever deleted.
*/
#include "db/resident_store.h"
#include "src/resident.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
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
        ui_lost_race();
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

/* A copy of the tag under the cursor (free with record_free()); 0 when the list is empty. */
static int tag_selected(struct screen *s, struct tag *out)
{
    const struct tag *row = list_screen_selected((struct list_screen *)s);
    if (!row) return 0;
    record_copy(&tag_record, out, row);
    return 1;
}

static void tag_rename(struct screen *s, const struct command *c)
{
    (void)c;
    struct tag t;
    if (!tag_selected(s, &t)) return;
    char *name = ask_name(_("Rename"), _("New name:"), t.name);
    if (name) {
        record_take(&t.name, name);
        tag_store(&t);
    }
    record_free(&tag_record, &t);
}

/* Mark the tag sensitive (c->arg 1) or not (0). */
static void tag_mark_sensitive(struct screen *s, const struct command *c)
{
    struct tag t;
    if (!tag_selected(s, &t)) return;
    if (t.sensitive == (int)c->arg)
        ui_message(UI_MSG_INFO, "%s",
                   c->arg ? _("It is sensitive already") : _("It is not sensitive"));
    else {
        t.sensitive = (int)c->arg;
        tag_store(&t);
    }
    record_free(&tag_record, &t);
}

static int tag_set_retired(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    (void)current;
    struct tag t;
    record_copy(&tag_record, &t, row);
    t.retired = retire;
    int rc = tag_save(ui.db, &t, actor_name());
    record_free(&tag_record, &t);
    return rc;
}

static const struct list_retire tag_retiring = {
    .set = tag_set_retired,
    .ask_note = N_("Residents keep it; it is no longer offered. It can be restored."),
};

/* Retire the tag (c->arg 1) or restore it (0), as F8 does. */
static void tag_retire_command(struct screen *s, const struct command *c)
{
    struct list_screen *ls = (struct list_screen *)s;
    struct tag *row = list_screen_selected(ls);
    if (!row) return;
    if (row->retired == (int)c->arg)
        ui_message(UI_MSG_INFO, "%s", c->arg ? _("It is retired already") : _("It is in use"));
    else
        list_screen_retire(ls, row, &tag_retiring);
}

/* What can be done to a tag (F9); Enter offers those that would change it. */
static const struct command tag_actions[] = {
    {"tag-rename", '1', N_("Rename"), N_("Give the tag another name; residents keep it"),
     RIGHT_EDIT_CATALOGUE, tag_rename, 0, NULL},
    {"tag-sensitive", '2', N_("Mark as sensitive"),
     N_("Shown only where a resident is opened, never in lists or exports"), RIGHT_EDIT_CATALOGUE,
     tag_mark_sensitive, 1, NULL},
    {"tag-not-sensitive", '3', N_("Mark as not sensitive"),
     N_("Shown wherever the resident's tags are"), RIGHT_EDIT_CATALOGUE, tag_mark_sensitive, 0,
     NULL},
    {"tag-retire", '4', N_("Retire"), N_("No longer offered; residents keep it (F8)"),
     RIGHT_EDIT_CATALOGUE, tag_retire_command, 1, NULL},
    {"tag-restore", '5', N_("Restore"), N_("Offered again (F8)"), RIGHT_EDIT_CATALOGUE,
     tag_retire_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

/* Enter: the actions that would change this tag, under its name. */
static void tag_change(struct list_screen *ls, void *row)
{
    const struct tag *t = row;
    struct command offered[ARRAY_LEN(tag_actions)];
    size_t n = 0;
    for (const struct command *c = tag_actions; c->code; c++) {
        int moot = (c->run == tag_mark_sensitive && t->sensitive == (int)c->arg) ||
                   (c->run == tag_retire_command && t->retired == (int)c->arg);
        if (!moot) offered[n++] = *c;
    }
    offered[n] = tag_actions[ARRAY_LEN(tag_actions) - 1];
    command_menu(&ls->base, t->name, offered);
}

static const struct list_tab tags_tab = {
    .type = &tag_record,
    .cols = {{N_("Tag"), 0, 0}, {N_("Sensitive"), 10, 0}, {N_("Status"), 8, 0}},
    .ncols = 3,
    .hint = N_("a tag's name or its pinyin initials"),
    .load = tags_load,
    .cell = tags_cell,
    .edit = tag_change,
    .create = tag_new,
    .retiring = &tag_retiring,
    .rights = RIGHT_EDIT_CATALOGUE};

static const struct list_spec tags_spec = {
    .title = N_("Tags"), .tabs = &tags_tab, .ntabs = 1, .menu = tag_actions, .above = tags_above};

struct screen *screen_tags_new(void)
{
    return list_screen_new(&tags_spec, 0, NULL);
}
