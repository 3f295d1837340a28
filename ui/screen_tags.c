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
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdlib.h>

struct tags_screen {
    struct screen base;
    struct tag_list tags;
    struct list_column cols[3];
    struct listview list;
};

static const enum action tags_bar[] = {ACT_EDIT, ACT_NEW, ACT_NONE};

static const char *tags_cell(void *ctx, int row, int col)
{
    struct tags_screen *ts = ctx;
    const struct tag *t = &ts->tags.v[row];
    if (col == 0) return t->name;
    if (col == 1) return t->sensitive ? _("sensitive") : "";
    return t->retired ? _("Retired") : "";
}

static int tags_dim(void *ctx, int row)
{
    return ((struct tags_screen *)ctx)->tags.v[row].retired;
}

static void tags_reload(struct tags_screen *ts)
{
    tag_list_free(&ts->tags);
    if (tag_list(ui.db, 1, &ts->tags) != DB_OK)
        ui_message(UI_MSG_ERROR, "%s", db_rc_message(DB_ERROR));
    listview_set_count(&ts->list, (int)ts->tags.n);
}

static void tags_draw(struct screen *s, int top, int rows)
{
    struct tags_screen *ts = (struct tags_screen *)s;
    draw_text(top, 1, COLS - 2,
              _("Sensitive tags are shown only where a resident is opened, never in lists."),
              term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    listview_draw(&ts->list, top + 2, 0, rows - 2, COLS);
}

static void tag_store(struct tags_screen *ts, struct tag *t)
{
    int rc = tag_save(ui.db, t, actor_name());
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, _("Saved: %s"), t->name);
    else
        ui_message(UI_MSG_ERROR, "%s",
                   rc == DB_DUPLICATE ? _("This tag exists already") : db_rc_message(rc));
    tags_reload(ts);
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

static void tag_new(struct tags_screen *ts)
{
    char *name = ask_name(_("New tag"), _("Name of the tag:"), NULL);
    if (!name) return;
    struct tag t = {0, name, 0, 0};
    tag_store(ts, &t);
    free(name);
}

static void tag_change(struct tags_screen *ts)
{
    if (ts->list.sel < 0) return;
    struct tag t = ts->tags.v[ts->list.sel]; /* its name is the list's until tag_store() */
    const char *options[] = {_("Rename"),
                             t.sensitive ? _("Mark as not sensitive") : _("Mark as sensitive"),
                             t.retired ? _("Restore") : _("Retire")};
    int c = dialog_options(t.name, _("What next?"), options, 3);
    char *name = NULL;
    if (c < 0) return;
    if (c == 0 && !(t.name = name = ask_name(_("Rename"), _("New name:"), t.name))) return;
    if (c == 1) t.sensitive = !t.sensitive;
    if (c == 2) t.retired = !t.retired;
    tag_store(ts, &t);
    free(name);
}

static int tags_key(struct screen *s, enum action a, const struct key *k)
{
    struct tags_screen *ts = (struct tags_screen *)s;
    (void)k;
    switch (a) {
    case ACT_NEW:
        tag_new(ts);
        return UI_HANDLED;
    case ACT_EDIT:
    case ACT_ENTER:
        tag_change(ts);
        return UI_HANDLED;
    default:
        if (listview_key(&ts->list, a)) return UI_HANDLED;
        return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
    }
}

static void tags_free(struct screen *s)
{
    struct tags_screen *ts = (struct tags_screen *)s;
    tag_list_free(&ts->tags);
    free(ts);
}

static const struct screen_ops tags_ops = {tags_draw, tags_key, NULL, tags_free};

struct screen *screen_tags_new(void)
{
    struct tags_screen *ts = xcalloc(1, sizeof *ts);
    ts->base.ops = &tags_ops;
    ts->base.title = _("Tags");
    ts->base.bar = tags_bar;
    ts->cols[0] = (struct list_column){_("Tag"), 0, 0};
    ts->cols[1] = (struct list_column){_("Sensitive"), 10, 0};
    ts->cols[2] = (struct list_column){_("Status"), 8, 0};
    ts->list = (struct listview){ts->cols, 3, 0, -1, 0, 1, tags_cell, tags_dim, ts};
    tags_reload(ts);
    return &ts->base;
}
