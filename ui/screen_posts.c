/*
** screen_posts: 岗位 (posts) and 片 (blocks) through the kits, the 交接
** (hand-over) dialog, and 覆盖情况 (coverage). The posts list has two
** tabs, the posts held today and every post with its history; typing
** narrows it by the holder's or the place's name or pinyin, or to one
** kind when a kind is typed (楼长). A post's F9 hands it over: whom to,
** the day, who appointed, the note, done in one transaction.
*/
#include "app/coverage.h"
#include "db/post_store.h"
#include "db/staff_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/date.h"
#include "src/i18n.h"
#include "src/pinyin.h"
#include "src/roles.h"
#include "src/staff.h"
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

/* --- choices --------------------------------------------------------------------------------- */

/* Active staff matching query: the name, beside it the kind and the masked phone. */
static int staff_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    struct staff *rows;
    size_t n;
    if (staff_list(ui.db, query, 0, 200, &rows, &n) != DB_OK) return -1;
    for (size_t i = 0; i < n; i++) {
        char *m = staff_masked_phone(rows[i].phone);
        char *detail = xasprintf("%s %s", rows[i].kind_name, m);
        choice_list_add(out, rows[i].id, rows[i].name, detail);
        free(detail);
        free(m);
    }
    record_array_free(&staff_record, rows, n);
    return 0;
}

static int kind_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (int k = 0; k < POST_KIND_COUNT; k++)
        choice_list_offer(out, query, k + 1, _(post_kind_info(k)->label),
                          post_place_label(post_kind_info(k)->place));
    return 0;
}

static int block_source(const char *query, struct choice_list *out)
{
    struct block *rows;
    size_t n;
    if (block_list(ui.db, query, 0, &rows, &n) != DB_OK) return -1;
    for (size_t i = 0; i < n; i++)
        choice_list_add(out, rows[i].id, rows[i].name, rows[i].street_name);
    record_array_free(&block_record, rows, n);
    return 0;
}

/* --- the post form --------------------------------------------------------------------------- */

struct post_form_ctx {
    struct post_why why;
    int place; /* the place the chosen kind is over */
};

/* The places of the kind chosen in the same form. */
static int place_source(void *ctx, const char *query, struct choice_list *out)
{
    struct form_screen *fs = ctx;
    int64_t kind = form_choice(&fs->form, form_bound(&fs->form, "kind")) - 1;
    switch (kind >= 0 ? post_kind_info((enum post_kind)kind)->place : PLACE_BUILDING) {
    case PLACE_STREET:
        return choices_streets(NULL, query, out);
    case PLACE_BLOCK:
        return block_source(query, out);
    case PLACE_GRID:
        return choices_grids(NULL, query, out);
    default:
        return choices_buildings(NULL, query, out);
    }
}

/* A kind over another kind of place drops the place chosen. */
static void post_kind_chosen(struct form *f, int i, void *ctx)
{
    struct form_screen *fs = ctx;
    struct post_form_ctx *c = fs->ctx;
    if (i != form_bound(f, "kind")) return;
    int64_t kind = form_choice(f, i) - 1;
    int place = kind >= 0 ? (int)post_kind_info((enum post_kind)kind)->place : -1;
    if (place != c->place) form_set_choice(f, form_bound(f, "place_id"), 0, "");
    c->place = place;
}

static void post_build(struct form_screen *fs)
{
    const struct post *p = fs->orig;
    struct form *f = &fs->form;
    struct post_form_ctx *c = fs->ctx;
    c->place = p->kind >= 0 ? (int)post_kind_info((enum post_kind)p->kind)->place : -1;
    form_bind(f,
              form_add_choice(f, _("Post"), p->kind + 1,
                              p->kind >= 0 ? _(post_kind_info((enum post_kind)p->kind)->label) : "",
                              kind_source, fs, 0, 14),
              "kind");
    form_bind(f,
              form_add_choice(f, _("Place"), p->place_id, p->place_name, place_source, fs, 0, 30),
              "place_id");
    form_bind(f,
              form_add_choice(f, _("Holder"), p->staff_id, p->staff_name, staff_source, fs, 0, 20),
              "staff_id");
    form_bind(f, form_add_text(f, _("From"), p->start_on, 10, 12, validate_date, 0), "start_on");
    int i = form_add_text(f, _("Until"), p->end_on, 10, 12, validate_date_optional, 0);
    form_set_help(f, i, _("the first day no longer held; empty while it runs"));
    form_bind(f, i, "end_on");
    form_bind(f,
              form_add_text(f, _("Appointed by"), p->appointed_by, POST_APPOINTER_MAX, 30,
                            validate_line, 0),
              "appointed_by");
    i = form_add_text(f, _("Hand-over note"), p->note, POST_NOTE_MAX, 50, NULL, TEXT_NORM_PROSE);
    form_set_lines(f, i, 3);
    form_bind(f, i, "note");
    form_on_choose(f, post_kind_chosen, fs);
}

/* The dates go together (src/post.h). */
static int post_form_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    int from = form_bound(f, "start_on"), until = form_bound(f, "end_on");
    char *a = form_date(f, from), *b = form_date(f, until);
    const char *why = post_check_dates(a, b);
    free(a);
    free(b);
    if (!why) return -1;
    form_set_message(f, until, why);
    return until;
}

static int post_form_read(struct form_screen *fs, void *rec)
{
    struct post *p = rec;
    struct form *f = &fs->form;
    int i = form_bound(f, "kind");
    p->kind = (int)form_choice(f, i) - 1;
    if (p->kind < 0) {
        form_set_message(f, i, _("Choose the post"));
        return -1;
    }
    i = form_bound(f, "place_id");
    p->place_id = form_choice(f, i);
    record_set(&p->place_name, f->fields[i].choice_label);
    if (!p->place_id) {
        form_set_message(f, i, _("Choose the place"));
        return -1;
    }
    i = form_bound(f, "staff_id");
    p->staff_id = form_choice(f, i);
    record_set(&p->staff_name, f->fields[i].choice_label);
    if (!p->staff_id) {
        form_set_message(f, i, _("Choose who holds it"));
        return -1;
    }
    record_take(&p->start_on, form_date(f, form_bound(f, "start_on")));
    record_take(&p->end_on, form_date(f, form_bound(f, "end_on")));
    record_take(&p->appointed_by, form_text(f, form_bound(f, "appointed_by")));
    record_take(&p->note, form_text(f, form_bound(f, "note")));
    return 0;
}

static int post_form_save(struct form_screen *fs, void *rec)
{
    struct post_form_ctx *c = fs->ctx;
    return post_save(ui.db, rec, actor_name(), &c->why);
}

static int post_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return post_get(ui.db, ((const struct post *)rec)->id, out);
}

/* Why a post is refused, in words; clash names the post in the way. Caller frees. */
static char *post_refusal_text(const struct post_why *why)
{
    switch (why->reason) {
    case POST_REFUSED_DATES:
        return xstrdup(_("The dates are not in order"));
    case POST_REFUSED_PLACE:
        return xstrdup(_("The place is retired or gone"));
    case POST_REFUSED_STAFF:
        return xstrdup(_("The person is retired, gone, or already holds it"));
    case POST_REFUSED_OVERLAP: {
        struct post other;
        if (post_get(ui.db, why->clash, &other) != DB_OK)
            return xstrdup(_("Another post of this kind over this place runs in these days"));
        char *s = xasprintf(_("%s holds this post here from %s%s%s: hand it over instead"),
                            other.staff_name, other.start_on, *other.end_on ? _(" until ") : "",
                            other.end_on);
        record_free(&post_record, &other);
        return s;
    }
    default:
        return xstrdup(_("Refused"));
    }
}

static int post_form_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    if (rc != DB_INVALID) return -1;
    struct post_form_ctx *c = fs->ctx;
    struct form *f = &fs->form;
    const char *field = c->why.reason == POST_REFUSED_PLACE   ? "place_id"
                        : c->why.reason == POST_REFUSED_STAFF ? "staff_id"
                        : c->why.reason == POST_REFUSED_DATES ? "end_on"
                                                              : "start_on";
    char *msg = post_refusal_text(&c->why);
    form_set_message(f, form_bound(f, field), msg);
    free(msg);
    return UI_HANDLED;
}

static char *post_form_name(const void *rec)
{
    const struct post *p = rec;
    return xasprintf("%s %s %s",
                     p->kind >= 0 ? _(post_kind_info((enum post_kind)p->kind)->label) : "",
                     p->place_name, p->staff_name);
}

static const struct form_spec post_form = {.type = &post_record,
                                           .rights = RIGHT_EDIT_AREAS,
                                           .title_new = N_("New post"),
                                           .title_edit = N_("Edit post"),
                                           .build = post_build,
                                           .check = post_form_check,
                                           .read = post_form_read,
                                           .save = post_form_save,
                                           .get = post_form_get,
                                           .refused = post_form_refused,
                                           .name = post_form_name,
                                           .free_ctx = free};

static struct screen *post_form_open(const struct post *p)
{
    return form_screen_new(&post_form, p, xcalloc(1, sizeof(struct post_form_ctx)));
}

struct screen *screen_post_form_new(int kind, int64_t place_id, const char *place_name)
{
    struct post p;
    record_init(&post_record, &p);
    p.kind = kind;
    p.place_id = place_id;
    record_set(&p.place_name, place_name);
    char day[11];
    clock_today(day);
    record_set(&p.start_on, day);
    struct screen *s = post_form_open(&p);
    record_free(&post_record, &p);
    return s;
}

/* --- the hand-over --------------------------------------------------------------------------- */

struct handover_check {
    const struct post *post;
};

static char *handover_check(void *ctx, char *const *values, int *field)
{
    const struct handover_check *c = ctx;
    struct date d;
    char day[11] = "";
    if (date_parse(values[0], &d) == DATE_OK) date_format(&d, day);
    const char *why = post_check_handover(c->post->start_on, c->post->end_on, day);
    if (!why && (why = validate_line(values[1])) == NULL && (why = validate_line(values[2])))
        *field = 2;
    else
        *field = why && *day ? 1 : 0;
    return why ? xstrdup(why) : NULL;
}

int posts_handover_ask(int64_t post_id)
{
    struct post p;
    if (post_get(ui.db, post_id, &p) != DB_OK) {
        ui_message(UI_MSG_ERROR, _("This post is gone"));
        return 0;
    }
    int done = 0;
    const char *kind = _(post_kind_info((enum post_kind)p.kind)->label);
    char *title = xasprintf(_("Hand over: %s of %s, now %s"), kind, p.place_name, p.staff_name);
    struct choice to = {0};
    if (*p.end_on) {
        ui_message(UI_MSG_ERROR, _("This post has ended: only a running post is handed over"));
    } else if (dialog_choose(title, staff_source, NULL, NULL, &to)) {
        char day[11];
        clock_today(day);
        const char *prompts[] = {_("Day of the hand-over"), _("Appointed by"), _("Hand-over note")};
        char *values[3] = {xstrdup(day), xstrdup(p.appointed_by), xstrdup("")};
        struct handover_check c = {&p};
        if (dialog_inputs(title, prompts, values, 3, POST_NOTE_MAX, handover_check, &c)) {
            struct date d;
            date_parse(values[0], &d);
            date_format(&d, day);
            struct post_why why;
            int rc = post_handover(ui.db, &p, day, to.id, values[1], values[2], actor_name(), NULL,
                                   &why);
            if (rc == DB_OK) {
                ui_message(UI_MSG_INFO, _("Handed over: %s of %s, %s to %s from %s"), kind,
                           p.place_name, p.staff_name, to.label, day);
                done = 1;
            } else if (rc == DB_INVALID) {
                char *msg = post_refusal_text(&why);
                ui_message(UI_MSG_ERROR, _("Not handed over: %s"), msg);
                free(msg);
            } else {
                ui_message(UI_MSG_ERROR, _("Not handed over: %s"), db_rc_message(rc));
            }
        }
        for (int i = 0; i < 3; i++)
            free(values[i]);
        free(to.label);
        free(to.detail);
    }
    free(title);
    record_free(&post_record, &p);
    return done;
}

/* --- the posts list -------------------------------------------------------------------------- */

struct posts_ctx {
    int place;
    int64_t place_id;
    int64_t staff_id;
    char *title;
};

static void posts_ctx_free(void *ctx)
{
    struct posts_ctx *c = ctx;
    free(c->title);
    free(c);
}

static int posts_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    const struct posts_ctx *c = ls->ctx;
    int kind = post_kind_parse(query);
    struct post_filter f = {.kind = kind,
                            .place = c->place,
                            .place_id = c->place_id,
                            .staff_id = c->staff_id,
                            .current_only = (int)list_screen_tab(ls)->arg,
                            .query = kind >= 0 ? "" : query};
    struct post *rows;
    int rc = post_list(ui.db, &f, &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *posts_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct post *p = row;
    switch (col) {
    case 0:
        return p->kind >= 0 ? _(post_kind_info((enum post_kind)p->kind)->label) : "";
    case 1:
        return p->place_name;
    case 2:
        return p->staff_name;
    case 3: {
        char *m = staff_masked_phone(p->staff_phone);
        snprintf(buf, LIST_CELL_MAX, "%s", m);
        free(m);
        return buf;
    }
    case 4:
        return p->start_on;
    default:
        return *p->end_on ? p->end_on : _("running");
    }
}

/* Posts that ended are drawn dimmed. */
static int posts_dim(struct list_screen *ls, const void *row)
{
    (void)ls;
    const struct post *p = row;
    char day[11];
    clock_today(day);
    return !post_held_on(p->start_on, p->end_on, day);
}

static void posts_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(post_form_open(row));
}

static void posts_create(struct list_screen *ls)
{
    const struct posts_ctx *c = ls->ctx;
    (void)c;
    ui_push(screen_post_form_new(-1, 0, ""));
}

#define POSTS_TAB(name, current)                                                                   \
    .label = name, .type = &post_record,                                                           \
    .cols = {{N_("Post"), 10, 0},  {N_("Place"), 0, 0}, {N_("Holder"), 8, 0},                      \
             {N_("Phone"), 11, 0}, {N_("From"), 10, 0}, {N_("Until"), 10, 0}},                     \
    .ncols = 6, .hint = N_("type a name, a place, its pinyin, or a post such as 楼长"),            \
    .empty = N_("Nothing found. F7 creates a new record."), .arg = current, .load = posts_load,    \
    .cell = posts_cell, .dim = posts_dim, .open = posts_edit, .edit = posts_edit,                  \
    .create = posts_create, .rights = RIGHT_EDIT_AREAS

static const struct list_tab posts_tabs[] = {
    {POSTS_TAB(N_("Held today"), 1)},
    {POSTS_TAB(N_("All, with history"), 0)},
};

static void posts_handover(struct screen *s, const struct command *c)
{
    (void)c;
    const struct post *p = list_screen_selected((struct list_screen *)s);
    if (p) posts_handover_ask(p->id);
}

static void posts_record_section(void *ctx, const char *heading, const char *body)
{
    screen_text_add(ctx, heading, body);
}

/* 岗位与交接记录 over a period asked for, of the kind typed in the search when one is. */
static void posts_record(struct screen *s, const struct command *c)
{
    (void)c;
    struct list_screen *ls = (struct list_screen *)s;
    time_t from = 0, to = 0;
    if (!dialog_period(_("Posts and hand-overs"), &from, &to)) return;
    char day[2][11];
    struct date d = date_of(from);
    date_format(&d, day[0]);
    d = date_of(to - 1);
    date_format(&d, day[1]);
    char *query = lineedit_text(&ls->search);
    int kind = post_kind_parse(query);
    free(query);
    char *title = xasprintf(_("Posts and hand-overs, %s to %s"), day[0], day[1]);
    struct screen *text = screen_text_new(title);
    free(title);
    if (posts_record_sections(ui.db, day[0], day[1], kind, posts_record_section, text) != DB_OK)
        screen_text_add(text, NULL, _("The posts could not be read"));
    ui_push(text);
}

static const struct command posts_menu[] = {
    {"handover", '1', N_("Hand over"),
     N_("Hand the post over: it ends on the day and the next holder's starts on it"),
     RIGHT_EDIT_AREAS, posts_handover, 0, NULL},
    {"staff", '2', N_("Staff"), N_("The people who hold posts"), 0, NULL, 0, screen_staff_new},
    {"coverage", '3', N_("Coverage"),
     N_("Buildings without a 楼长, grids without a 网格员, streets without a 街长 ..."), 0, NULL, 0,
     screen_coverage_new},
    {"posts-record", '4', N_("Posts and hand-overs"),
     N_("Who holds which post where, the vacancies, the hand-overs of a period (of the post "
        "typed)"),
     0, posts_record, 0, NULL},
    {"import-posts", '5', N_("Import posts"),
     N_("Read a posts ledger (岗位, 地点编码, 姓名, 电话, 起 ...): preview, then import"),
     RIGHT_EDIT_AREAS, import_command, 0, NULL},
    {"export-posts", '6', N_("Export posts (masked)"),
     N_("Write the posts to a file, phones masked, in the columns the import reads"), 0,
     export_command, 0, NULL},
    {"export-full-posts", '7', N_("Export posts with full numbers (recorded)"),
     N_("Write the posts with full phones, to import back; asks why, and the audit log keeps it"),
     RIGHT_EXPORT_UNMASKED, export_command, 1, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const char *posts_heading(struct list_screen *ls)
{
    const struct posts_ctx *c = ls->ctx;
    return c->title;
}

static const struct list_spec posts_spec = {.title = N_("Posts"),
                                            .tabs = posts_tabs,
                                            .ntabs = 2,
                                            .menu = posts_menu,
                                            .free_ctx = posts_ctx_free};

static const struct list_spec posts_spec_of = {.title = N_("Posts"),
                                               .tabs = posts_tabs,
                                               .ntabs = 2,
                                               .menu = posts_menu,
                                               .heading = posts_heading,
                                               .free_ctx = posts_ctx_free};

struct screen *screen_posts_new(int place, int64_t place_id, int64_t staff_id, const char *title)
{
    struct posts_ctx *c = xcalloc(1, sizeof *c);
    c->place = place;
    c->place_id = place_id;
    c->staff_id = staff_id;
    c->title = title ? xasprintf(_("Posts of %s (Tab: held today / all)"), title) : NULL;
    return list_screen_new(title ? &posts_spec_of : &posts_spec, title ? 1 : 0, c);
}

/* --- blocks ---------------------------------------------------------------------------------- */

static int block_street_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    return choices_streets(NULL, query, out);
}

static void block_build(struct form_screen *fs)
{
    const struct block *b = fs->orig;
    struct form *f = &fs->form;
    form_add_code(f, b->code, VALIDATE_CODE_MAX, 12);
    form_bind(f, form_add_text(f, _("Name"), b->name, 30, 30, validate_required, 0), "name");
    form_bind(f,
              form_add_choice(f, _("Street"), b->street_id, b->street_name, block_street_source, fs,
                              0, 20),
              "street_id");
    int i = form_add_text(f, _("Buildings and grids"), b->members, 2000, 50, validate_line, 0);
    form_set_lines(f, i, 3);
    form_set_help(f, i, _("codes of the street's buildings and grids, separated by 、"));
    form_bind(f, i, "members");
}

static int block_form_read(struct form_screen *fs, void *rec)
{
    struct block *b = rec;
    struct form *f = &fs->form;
    record_take(&b->code, form_text(f, form_bound(f, "code")));
    record_take(&b->name, form_text(f, form_bound(f, "name")));
    int i = form_bound(f, "street_id");
    b->street_id = form_choice(f, i);
    record_set(&b->street_name, f->fields[i].choice_label);
    record_take(&b->members, form_text(f, form_bound(f, "members")));
    return 0;
}

static int block_form_save(struct form_screen *fs, void *rec)
{
    char **bad = fs->ctx;
    free(*bad);
    *bad = NULL;
    return block_save(ui.db, rec, actor_name(), bad);
}

static int block_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return block_get(ui.db, ((const struct block *)rec)->id, out);
}

static int block_form_refused(struct form_screen *fs, int rc, const void *rec)
{
    (void)rec;
    char **bad = fs->ctx;
    if (rc != DB_INVALID || !*bad) return -1;
    char *msg = xasprintf(_("%s is no building or grid of this street"), *bad);
    form_set_message(&fs->form, form_bound(&fs->form, "members"), msg);
    free(msg);
    return UI_HANDLED;
}

static void block_ctx_free(void *ctx)
{
    char **bad = ctx;
    free(*bad);
    free(bad);
}

static const struct form_spec block_form = {.type = &block_record,
                                            .rights = RIGHT_EDIT_AREAS,
                                            .title_new = N_("New block"),
                                            .title_edit = N_("Edit block"),
                                            .build = block_build,
                                            .read = block_form_read,
                                            .save = block_form_save,
                                            .get = block_form_get,
                                            .refused = block_form_refused,
                                            .parent = "street_id",
                                            .free_ctx = block_ctx_free};

static int blocks_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct block *rows;
    int rc = block_list(ui.db, query, ls->with_retired, &rows, &out->n);
    out->items = rows;
    return rc;
}

static const char *blocks_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct block *b = row;
    return col == 0     ? b->code
           : col == 1   ? b->name
           : col == 2   ? b->street_name
           : col == 3   ? b->members
           : b->retired ? _("Retired")
                        : "";
}

static void blocks_edit(struct list_screen *ls, void *row)
{
    (void)ls;
    ui_push(form_screen_new(&block_form, row, xcalloc(1, sizeof(char *))));
}

static void blocks_create(struct list_screen *ls)
{
    (void)ls;
    ui_push(form_screen_new(&block_form, NULL, xcalloc(1, sizeof(char *))));
}

static int blocks_retire(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    (void)current;
    return block_set_retired(ui.db, row, retire, actor_name());
}

static const struct list_retire blocks_retiring = {.set = blocks_retire};

static const struct list_tab blocks_tab = {.type = &block_record,
                                           .cols = {{N_("Code"), 8, 0},
                                                    {N_("Name"), 16, 0},
                                                    {N_("Street"), 10, 0},
                                                    {N_("Buildings and grids"), 0, 0},
                                                    {N_("Status"), 6, LIST_COL_RETIRED}},
                                           .ncols = 5,
                                           .hint = N_("type Chinese, pinyin initials or a code"),
                                           .empty = N_("Nothing found. F7 creates a new record."),
                                           .flags = LIST_RETIRED,
                                           .load = blocks_load,
                                           .cell = blocks_cell,
                                           .open = blocks_edit,
                                           .edit = blocks_edit,
                                           .create = blocks_create,
                                           .retiring = &blocks_retiring,
                                           .rights = RIGHT_EDIT_AREAS};

static const struct list_spec blocks_spec = {
    .title = N_("Blocks"), .tabs = &blocks_tab, .ntabs = 1};

struct screen *screen_blocks_new(void)
{
    return list_screen_new(&blocks_spec, 0, NULL);
}

/* --- coverage -------------------------------------------------------------------------------- */

static void coverage_section(void *ctx, const char *heading, const char *body)
{
    screen_text_add(ctx, heading, body);
}

struct screen *screen_coverage_new(void)
{
    char day[11];
    clock_today(day);
    char *title = xasprintf(_("Coverage on %s"), day);
    struct screen *s = screen_text_new(title);
    free(title);
    if (coverage_sections(ui.db, day, -1, coverage_section, s) != DB_OK)
        screen_text_add(s, NULL, _("The coverage could not be read"));
    return s;
}
