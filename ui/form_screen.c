/*
** form_screen: see form_screen.h.
*/
#include "ui/form_screen.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/term.h"

#include <stdlib.h>
#include <string.h>

static void form_screen_reset(struct form_screen *fs, const void *rec);

/* A save or a read that failed, on the message line: the typing stays in the form. */
static void save_failed(int rc)
{
    if (rc == DB_NOTFOUND) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: the record was removed meanwhile"));
        return;
    }
    if (rc == DB_DENIED) {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: your role may not change this record"));
        return;
    }
    char *why = db_rc_text(ui.db, rc);
    ui_message(UI_MSG_ERROR, _("Not saved: %s. Your typing is kept."), why);
    free(why);
}

/* A fresh copy of rec (of the form's type). Free with rec_drop(). */
static void *rec_dup(const struct form_screen *fs, const void *rec)
{
    void *copy = xmalloc(fs->spec->type->size);
    record_copy(fs->spec->type, copy, rec);
    return copy;
}

static void rec_drop(const struct form_screen *fs, void *rec)
{
    if (!rec) return;
    record_free(fs->spec->type, rec);
    free(rec);
}

/* True when rec is on file already (its id is set). */
static int on_file(const struct form_screen *fs, const void *rec)
{
    return record_int(fs->spec->type, rec, fs->spec->type->fields[0].name) != 0 ||
           (fs->spec->type->fields[0].kind == FIELD_TEXT &&
            *record_text(fs->spec->type, rec, fs->spec->type->fields[0].name));
}

/* --- the lost race ---------------------------------------------------------------------------- */

/*
** One line per field of idx[0..n): what mine wrote, what theirs wrote, or
** both (either may be NULL).
*/
static void lines_add(struct strbuf *out, const struct form_screen *fs, const size_t *idx, size_t n,
                      const void *mine, const void *theirs)
{
    const struct record_type *t = fs->spec->type;
    for (size_t k = 0; k < n; k++) {
        const char *label = t->fields[idx[k]].label;
        char *a = mine ? record_field_shown(t, idx[k], mine) : NULL;
        char *b = theirs ? record_field_shown(t, idx[k], theirs) : NULL;
        if (a && b)
            strbuf_addf(out, _("%s: you wrote \"%s\", they wrote \"%s\"\n"), label ? _(label) : "",
                        a, b);
        else if (a)
            strbuf_addf(out, _("%s: you wrote \"%s\"\n"), label ? _(label) : "", a);
        else
            strbuf_addf(out, _("%s: they wrote \"%s\"\n"), label ? _(label) : "", b);
        free(a);
        free(b);
    }
}

/* What each desk changed, for the clerk. Caller frees. */
static char *differences(const struct form_screen *fs, const struct record_merge *m,
                         const void *mine, const void *theirs)
{
    struct strbuf sb = STRBUF_INIT;
    lines_add(&sb, fs, m->theirs, m->ntheirs, NULL, theirs);
    lines_add(&sb, fs, m->mine, m->nmine, mine, NULL);
    lines_add(&sb, fs, m->both, m->nboth, mine, theirs);
    const struct record_type *t = fs->spec->type;
    if (record_int(t, theirs, "retired") && !record_int(t, fs->orig, "retired"))
        strbuf_addf(&sb, "%s\n", _("It has been retired."));
    char *more = fs->spec->meanwhile ? fs->spec->meanwhile(fs->orig, theirs) : NULL;
    if (more) strbuf_addf(&sb, "%s\n", more);
    free(more);
    if (!sb.len) strbuf_addf(&sb, "%s\n", _("Nothing you can see differs."));
    return strbuf_detach(&sb);
}

/*
** For each field both desks changed, whether the clerk keeps their own
** value. Returns the choices (caller frees), or NULL when the clerk pressed
** Esc: then nothing is saved.
*/
static int *both_choose(const struct form_screen *fs, const struct record_merge *m,
                        const void *mine, const void *theirs)
{
    const struct record_type *t = fs->spec->type;
    int *take_mine = xcalloc(m->nboth + 1, sizeof *take_mine);
    const char *options[] = {_("Keep what I wrote"), _("Keep theirs")};
    for (size_t k = 0; k < m->nboth && take_mine; k++) {
        if (t->fields[m->both[k]].flags & FIELD_SET) continue; /* merged: nothing to choose */
        const char *label = t->fields[m->both[k]].label;
        char *a = record_field_shown(t, m->both[k], mine);
        char *b = record_field_shown(t, m->both[k], theirs);
        char *text = xasprintf(_("Both desks changed %s.\nYou wrote: %s\nThey wrote: %s"),
                               label ? _(label) : "", a, b);
        if (str_eq(a, b) && (t->fields[m->both[k]].flags & FIELD_SECRET)) {
            /* Two numbers that differ where the mask hides them. */
            char *more = xasprintf("%s\n%s", text,
                                   _("They differ only in digits the mask hides; yours is the one "
                                     "in your form."));
            free(text);
            text = more;
        }
        int c = dialog_options(_("Both changed it"), text, options, 2);
        if (c < 0) {
            free(take_mine);
            take_mine = NULL;
        } else {
            take_mine[k] = c == 0;
        }
        free(text);
        free(a);
        free(b);
    }
    return take_mine;
}

/*
** Someone saved first: say who, when and what each desk changed, and ask.
** Returns 1 with *write set to the record to save over theirs (caller
** frees with rec_drop()), or 0 when nothing is to be saved now.
*/
static int lost_race(struct form_screen *fs, const void *mine, void **write)
{
    const struct record_type *t = fs->spec->type;
    void *theirs = xcalloc(1, t->size); /* the store's reader initialises it */
    int rc = fs->spec->get(fs, mine, theirs);
    /* Another desk changed the data: every screen reads its rows again. */
    db_generation_touch(ui.db);
    if (rc != DB_OK) {
        rec_drop(fs, theirs);
        save_failed(rc);
        return 0;
    }
    struct record_merge m;
    record_merge_plan(t, fs->orig, mine, theirs, &m);
    char *diff = differences(fs, &m, mine, theirs);
    int at = record_field_index(t, "updated_at"); /* text, or a time (a request's) */
    char *when = at >= 0 ? record_field_shown(t, (size_t)at, theirs) : xstrdup("");
    enum conflict_choice choice = dialog_conflict(record_text(t, theirs, "updated_by"), when, diff);
    free(when);
    free(diff);
    int go = 0;
    int *take_mine = choice == CONFLICT_OVERWRITE ? both_choose(fs, &m, mine, theirs) : NULL;
    if (take_mine) {
        *write = xmalloc(t->size);
        record_merge_apply(t, &m, take_mine, fs->orig, mine, theirs, *write);
        free(take_mine);
        go = 1;
    } else if (choice == CONFLICT_THEIRS) {
        form_screen_reset(fs, theirs);
        ui_message(UI_MSG_INFO, "%s", _("Showing the record as it is now"));
    } else {
        ui_message(UI_MSG_ERROR, "%s", _("Not saved yet: your typing is kept; F2 saves again"));
    }
    record_merge_free(&m);
    rec_drop(fs, theirs);
    return go;
}

/* --- saving ----------------------------------------------------------------------------------- */

static char *name_of(const struct form_screen *fs, const void *rec)
{
    if (fs->spec->name) return fs->spec->name(rec);
    return xstrdup(record_text(fs->spec->type, rec, "name"));
}

/* The store refused the save for a reason of its own: say it, mark the field when it can be. */
static int refused(struct form_screen *fs, int rc, const void *rec)
{
    int said = fs->spec->refused ? fs->spec->refused(fs, rc, rec) : -1;
    if (said >= 0) return said;
    const struct record_type *t = fs->spec->type;
    if (rc == DB_DUPLICATE) {
        char *col = db_duplicate_field(ui.db);
        int i = record_field_index(t, col ? col : "");
        int at = form_bound(&fs->form, col);
        char *value = i >= 0 ? record_field_shown(t, (size_t)i, rec) : NULL;
        if (at >= 0) form_set_message(&fs->form, at, _("Taken by another record"));
        if (value && i >= 0 && t->fields[i].label)
            ui_message(UI_MSG_ERROR, _("Not saved: %s \"%s\" is taken by another record"),
                       _(t->fields[i].label), value);
        else
            ui_message(UI_MSG_ERROR, "%s", _("Not saved: a value is taken by another record"));
        free(value);
        free(col);
    } else if (rc == DB_INVALID && fs->spec->parent) {
        int i = record_field_index(t, fs->spec->parent);
        int at = form_bound(&fs->form, fs->spec->parent);
        if (at >= 0) form_set_message(&fs->form, at, _("Retired or gone: choose another"));
        ui_message(UI_MSG_ERROR, _("Not saved: %s is retired or gone"),
                   i >= 0 && t->fields[i].label ? _(t->fields[i].label) : "");
    } else {
        save_failed(rc);
    }
    return UI_HANDLED;
}

static int saved(struct form_screen *fs, const void *rec)
{
    const struct record_type *t = fs->spec->type;
    if (str_eq(t->fields[0].name, "id")) {
        ui.saved_id = record_int(t, rec, "id");
        ui.saved_type = t;
    }
    form_mark_clean(&fs->form);
    if (fs->spec->saved) return fs->spec->saved(fs, rec);
    char *name = name_of(fs, rec);
    ui_message(UI_MSG_INFO, _("Saved: %s"), name);
    free(name);
    return UI_CLOSE;
}

/*
** Not saved: the field marked that has the focus, by its label and what is
** said beside it, so that a terminal without colours says it too.
*/
static void marked_say(const struct form_screen *fs)
{
    const struct form_field *ff = &fs->form.fields[fs->form.focus];
    if (ff->message && !ff->message_note)
        ui_message(UI_MSG_ERROR, _("Not saved: %s: %s"), ff->label, ff->message);
    else
        ui_message(UI_MSG_ERROR, "%s", _("Not saved: correct the fields marked in red"));
}

/*
** A number on file cleared (one Backspace on a masked ID number clears it)
** is deleted only when the clerk says so. Returns 1 to save, 0 when not.
*/
static int cleared_confirmed(struct form_screen *fs)
{
    struct form *f = &fs->form;
    for (int i = 0; i < f->n; i++) {
        if (!form_secret_cleared(f, i)) continue;
        char *q = xasprintf(_("%s is empty now: the number on file would be deleted. Delete it?"),
                            f->fields[i].label);
        int yes = dialog_confirm(_("Delete a number on file"), q, 0);
        free(q);
        if (!yes) {
            form_secret_restore(f, i);
            f->focus = i;
            ui_message(UI_MSG_INFO, _("Not saved: %s is back as it was on file; F2 saves the rest"),
                       f->fields[i].label);
            return 0;
        }
    }
    return 1;
}

/* F2, as if pressed: check, read, save, settle a lost race. Returns UI flags. */
static int form_screen_save(struct form_screen *fs)
{
    int bad = form_check_all(&fs->form);
    if (fs->spec->check && fs->spec->check(fs) >= 0) bad = 1;
    if (bad >= 0) {
        marked_say(fs);
        return UI_HANDLED;
    }
    if (!cleared_confirmed(fs)) return UI_HANDLED;
    if (fs->closing) return UI_CLOSE;
    void *mine = rec_dup(fs, fs->orig);
    if (fs->spec->read(fs, mine) != 0) {
        marked_say(fs);
        rec_drop(fs, mine);
        return UI_HANDLED;
    }
    if (!fs->spec->acts && on_file(fs, fs->orig) && record_same(fs->spec->type, fs->orig, mine)) {
        /* Nothing to write: the record keeps its version, and the log has nothing to say. */
        char *name = name_of(fs, mine);
        if (*name)
            ui_message(UI_MSG_INFO, _("Nothing changed: %s is as it was"), name);
        else
            ui_message(UI_MSG_INFO, "%s", _("Nothing changed: nothing saved"));
        free(name);
        rec_drop(fs, mine);
        return UI_CLOSE;
    }
    void *write = mine; /* what goes to the store: mine, or mine merged over theirs */
    int rc;
    for (;;) {
        rc = fs->spec->save(fs, write);
        if (rc != DB_CONFLICT || !fs->spec->get) break;
        void *merged = NULL;
        int go = lost_race(fs, mine, &merged);
        if (write != mine) rec_drop(fs, write);
        write = mine;
        if (!go) {
            rec_drop(fs, mine);
            return UI_HANDLED;
        }
        write = merged;
    }
    int result = rc == DB_OK ? saved(fs, write) : refused(fs, rc, write);
    if (write != mine) rec_drop(fs, write);
    rec_drop(fs, mine);
    return result;
}

/* --- the screen ------------------------------------------------------------------------------- */

/* The foot's keys: the spec's, without F9 where the menu offers this user nothing. */
static const char *footer_of(const struct form_screen *fs)
{
    if (fs->read_only) return N_("Read only: your role may not change it. Esc: back");
    const struct command *offered[1];
    int menu = fs->spec->menu && command_offered(fs->spec->menu, offered, 1) > 0;
    if (fs->spec->footer_no_menu && !menu) return fs->spec->footer_no_menu;
    return fs->spec->footer ? fs->spec->footer : N_("Tab/Enter: next field, F2: save, Esc: back");
}

static void form_screen_draw(struct screen *s, int top, int rows)
{
    struct form_screen *fs = (struct form_screen *)s;
    const struct record_type *t = fs->spec->type;
    if (fs->spec->intro)
        draw_text(top, 1, COLS - 2, _(fs->spec->intro), term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    else if (on_file(fs, fs->orig) && record_field_index(t, "version") >= 0 &&
             record_field_index(t, "updated_at") >= 0)
        draw_textf(top, 1, COLS - 2, term_attr(UI_DIM), _("Version %lld, last changed %s by %s%s"),
                   (long long)record_int(t, fs->orig, "version"),
                   record_text(t, fs->orig, "updated_at"), record_text(t, fs->orig, "updated_by"),
                   record_int(t, fs->orig, "retired") ? _(" (retired)") : "");
    else if (on_file(fs, fs->orig) && record_field_index(t, "version") >= 0)
        draw_textf(top, 1, COLS - 2, term_attr(UI_DIM), _("Version %lld"),
                   (long long)record_int(t, fs->orig, "version"));
    else if (!on_file(fs, fs->orig))
        draw_text(top, 1, COLS - 2,
                  fs->spec->intro_new ? _(fs->spec->intro_new)
                                      : _("A new record: fill in the fields, then F2 saves."),
                  term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    form_draw(&fs->form, top + 2, rows - 3, COLS, s);
    const char *footer = footer_of(fs);
    /* A form longer than the screen says what Tab and BTab will bring into view. */
    char *hidden = form_hidden_text(&fs->form);
    int hw = hidden ? text_width(hidden) + 2 : 0;
    if (hw > COLS / 2) hw = 0;
    draw_text(top + rows - 1, 1, COLS - 2 - hw, _(footer), term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    if (hw) draw_text(top + rows - 1, COLS - hw, hw - 1, hidden, term_attr(UI_INFO), 0);
    free(hidden);
}

static void form_screen_sync(struct screen *s)
{
    struct form_screen *fs = (struct form_screen *)s;
    if (fs->spec->sync) fs->spec->sync(fs);
}

static int form_screen_key(struct screen *s, enum action a, const struct key *k)
{
    struct form_screen *fs = (struct form_screen *)s;
    int r;
    if (fs->read_only && a == ACT_SAVE) {
        ui_message(UI_MSG_ERROR, "%s", _("Your role may only read this record"));
        return UI_HANDLED;
    }
    r = form_key(&fs->form, a, k);
    if (r == FORM_SAVE) r = form_screen_save(fs);
    return fs->closing ? UI_CLOSE : r;
}

static int form_screen_dirty(struct screen *s)
{
    return form_dirty(&((struct form_screen *)s)->form);
}

static void form_screen_free(struct screen *s)
{
    struct form_screen *fs = (struct form_screen *)s;
    form_free(&fs->form);
    rec_drop(fs, fs->orig);
    if (fs->spec->free_ctx) fs->spec->free_ctx(fs->ctx);
    free(fs);
}

static const struct screen_ops form_screen_ops = {.sync = form_screen_sync,
                                                  .draw = form_screen_draw,
                                                  .key = form_screen_key,
                                                  .dirty = form_screen_dirty,
                                                  .free = form_screen_free};

/* Lay the form out for fs->orig; read only, every field locked. */
static void form_screen_build(struct form_screen *fs)
{
    fs->spec->build(fs);
    if (fs->read_only)
        for (int i = 0; i < fs->form.n; i++)
            form_lock(&fs->form, i, _("Your role may only read this record"));
    form_focus_unlocked(&fs->form);
}

/* Build the form again from rec (which replaces fs->orig). */
static void form_screen_reset(struct form_screen *fs, const void *rec)
{
    void *copy = rec_dup(fs, rec);
    rec_drop(fs, fs->orig);
    fs->orig = copy;
    form_free(&fs->form);
    form_init(&fs->form);
    form_screen_build(fs);
}

struct screen *form_screen_new(const struct form_spec *spec, const void *rec, void *ctx)
{
    struct form_screen *fs = xcalloc(1, sizeof *fs);
    fs->base.ops = &form_screen_ops;
    fs->spec = spec;
    fs->ctx = ctx;
    fs->orig = xmalloc(spec->type->size);
    if (rec)
        record_copy(spec->type, fs->orig, rec);
    else
        record_init(spec->type, fs->orig);
    if (rec && spec->get && on_file(fs, fs->orig)) {
        /* Read it again: the list it was chosen from may be older than the record. */
        void *now = xcalloc(1, spec->type->size); /* the store's reader initialises it */
        if (spec->get(fs, fs->orig, now) == DB_OK) {
            rec_drop(fs, fs->orig);
            fs->orig = now;
        } else {
            rec_drop(fs, now);
        }
    }
    fs->base.commands = spec->menu;
    fs->read_only = !command_rights_held(spec->rights);
    fs->base.title = _(!on_file(fs, fs->orig)              ? spec->title_new
                       : fs->read_only && spec->title_view ? spec->title_view
                                                           : spec->title_edit);
    int n = 0;
    if (!fs->read_only) fs->bar[n++] = ACT_SAVE;
    if (spec->menu) fs->bar[n++] = ACT_MENU;
    fs->bar[n] = ACT_NONE;
    fs->base.bar = fs->bar;
    form_init(&fs->form);
    form_screen_build(fs);
    return &fs->base;
}
