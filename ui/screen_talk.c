/*
** screen_talk: 和平夜话, the evening-talk sessions: officials' visits after
** hours that collect residents' requests. The list shows each session
** with how many requests it raised and how many are still open, so one
** glance tells whether every matter of an evening has its answer; Enter
** lists them, F7 records a new session, F4 corrects one.
*/
#include "db/area.h"
#include "db/request_store.h"
#include "src/actor.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the session form ---------------------------------------------------------------------- */

static void talk_build(struct form_screen *fs)
{
    const struct evening_talk *t = fs->orig;
    struct form *f = &fs->form;
    form_bind(f,
              form_add_text(f, _("Held on"), t->held_on, 12, 12, validate_date, TEXT_NORM_NOSPACE),
              "held_on");
    form_bind(f, form_add_text(f, _("Place"), t->place, 60, 36, validate_required, TEXT_NORM_PROSE),
              "place");
    form_bind(
        f, form_add_text(f, _("Officials"), t->officials, 100, 40, validate_line, TEXT_NORM_PROSE),
        "officials");
    form_bind(f,
              form_add_choice(f, _("Community"), t->community_id, t->community, choices_communities,
                              NULL, 1, 20),
              "community_id");
    int i = form_add_text(f, _("Note"), t->note, 200, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 3);
    form_bind(f, i, "note");
}

static int talk_read(struct form_screen *fs, void *rec)
{
    struct form *f = &fs->form;
    struct evening_talk *t = rec;
    record_take(&t->held_on, form_date(f, form_bound(f, "held_on")));
    record_take(&t->place, form_text(f, form_bound(f, "place")));
    record_take(&t->officials, form_text(f, form_bound(f, "officials")));
    int community = form_bound(f, "community_id");
    t->community_id = form_choice(f, community);
    record_set(&t->community, f->fields[community].choice_label);
    record_take(&t->note, form_text(f, form_bound(f, "note")));
    return 0;
}

static int talk_store_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return talk_save(ui.db, rec, actor_name());
}

static int talk_store_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return talk_get(ui.db, ((const struct evening_talk *)rec)->id, out);
}

static char *talk_name(const void *rec)
{
    const struct evening_talk *t = rec;
    return xasprintf("%s %s", t->held_on, t->place);
}

static const struct form_spec talk_form_spec = {.type = &talk_record,
                                                .rights = RIGHT_RESIDENTS,
                                                .title_new = N_("New evening talk"),
                                                .title_edit = N_("Edit evening talk"),
                                                .build = talk_build,
                                                .read = talk_read,
                                                .save = talk_store_save,
                                                .get = talk_store_get,
                                                .name = talk_name};

static struct screen *talk_form_new(const struct evening_talk *t)
{
    return form_screen_new(&talk_form_spec, t, NULL);
}

/* --- the list ------------------------------------------------------------------------------ */

static int talk_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    (void)ls;
    struct talk_list l;
    int rc = talk_list(ui.db, query, &l);
    out->items = l.v;
    out->n = l.n;
    return rc;
}

enum { COL_DATE, COL_PLACE, COL_OFFICIALS, COL_RAISED, COL_OPEN };

static const char *talk_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct evening_talk *t = row;
    switch (col) {
    case COL_DATE:
        return t->held_on;
    case COL_PLACE:
        return t->place;
    case COL_OFFICIALS:
        return t->officials;
    case COL_RAISED:
        snprintf(buf, LIST_CELL_MAX, "%lld", (long long)t->requests);
        return buf;
    default:
        if (t->requests && !t->open) return _("all answered");
        snprintf(buf, LIST_CELL_MAX, "%lld", (long long)t->open);
        return buf;
    }
}

static void talk_open(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(screen_talk_requests_new(row));
}

static void talk_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(talk_form_new(row));
}

static void talk_create(struct list_screen *ls)
{
    (void)ls;
    ui_push(talk_form_new(NULL));
}

static char *talk_status(struct list_screen *ls)
{
    return xasprintf(_("%zu sessions"), ls->rows.n);
}

static const char *talk_footer(struct list_screen *ls)
{
    (void)ls;
    return _("Enter: the session's requests and their state; F7: a new session");
}

static const struct list_tab talk_tab = {.type = &talk_record,
                                         .cols = {{N_("Date"), 10, 0},
                                                  {N_("Place"), 0, 0},
                                                  {N_("Officials"), 24, 0},
                                                  {N_("Raised"), 6, TEXT_FIT_RIGHT},
                                                  {N_("Open"), 10, TEXT_FIT_RIGHT}},
                                         .ncols = 5,
                                         .hint = N_("a date, place or official"),
                                         .load = talk_load,
                                         .cell = talk_cell,
                                         .open = talk_open,
                                         .edit = talk_edit,
                                         .create = talk_create,
                                         .rights = RIGHT_RESIDENTS};

static const struct list_spec talk_spec = {.title = N_("Evening talks"),
                                           .tabs = &talk_tab,
                                           .ntabs = 1,
                                           .status = talk_status,
                                           .footer = talk_footer};

struct screen *screen_talk_new(void)
{
    return list_screen_new(&talk_spec, 0, NULL);
}
