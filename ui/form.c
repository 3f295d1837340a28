/*
** form: see form.h.
*/
#include "ui/form.h"
#include "src/date.h"
#include "src/folder.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/draw.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdlib.h>
#include <string.h>

/* Columns for the labels. */
#define LABEL_COLS 14

void form_init(struct form *f)
{
    memset(f, 0, sizeof *f);
}

void form_free(struct form *f)
{
    for (int i = 0; i < f->n; i++) {
        struct form_field *ff = &f->fields[i];
        lineedit_free(&ff->edit);
        free(ff->orig);
        free(ff->choice_label);
        free(ff->multi);
        free(ff->orig_multi);
        free(ff->message);
        free(ff->folder);
        free(ff->listed);
    }
    free(f->fields);
    form_init(f);
}

static struct form_field *field_new(struct form *f, const char *label, enum form_kind kind,
                                    int width)
{
    f->fields = xrealloc(f->fields, (size_t)(f->n + 1) * sizeof *f->fields);
    struct form_field *ff = &f->fields[f->n++];
    memset(ff, 0, sizeof *ff);
    ff->label = label;
    ff->kind = kind;
    ff->width = width;
    lineedit_init(&ff->edit, 0);
    return ff;
}

int form_add_text(struct form *f, const char *label, const char *value, size_t max, int width,
                  form_check check, unsigned norm)
{
    struct form_field *ff = field_new(f, label, FORM_TEXT, width);
    lineedit_init(&ff->edit, max);
    lineedit_set(&ff->edit, value);
    ff->check = check;
    ff->norm = norm;
    ff->orig = lineedit_text(&ff->edit);
    return f->n - 1;
}

int form_add_choice(struct form *f, const char *label, int64_t id, const char *label_text,
                    choice_source source, void *ctx, int optional, int width)
{
    struct form_field *ff = field_new(f, label, FORM_CHOICE, width);
    ff->choice_id = id;
    ff->choice_label = xstrdup(label_text ? label_text : "");
    ff->source = source;
    ff->source_ctx = ctx;
    ff->optional = optional;
    ff->orig_id = id;
    return f->n - 1;
}

int form_add_multi(struct form *f, const char *label, const char *value, choice_source source,
                   void *ctx, int width)
{
    struct form_field *ff = field_new(f, label, FORM_MULTI, width);
    ff->multi = xstrdup(value ? value : "");
    ff->orig_multi = xstrdup(ff->multi);
    ff->source = source;
    ff->source_ctx = ctx;
    ff->optional = 1;
    return f->n - 1;
}

void form_set_lines(struct form *f, int i, int rows)
{
    struct form_field *ff = &f->fields[i];
    ff->rows = rows < 2 ? 2 : rows;
    lineedit_allow_lines(&ff->edit);
    char *text = xstrdup(ff->orig); /* line feeds in what is on file are now kept */
    lineedit_set(&ff->edit, text);
    free(text);
}

void form_lock(struct form *f, int i, const char *why)
{
    f->fields[i].locked = why;
}

void form_focus_unlocked(struct form *f)
{
    if (f->focus < 0 || f->focus >= f->n || !f->fields[f->focus].locked) return;
    for (int i = 0; i < f->n; i++)
        if (!f->fields[i].locked) {
            f->focus = i;
            return;
        }
}

void form_set_hidden(struct form *f, int i)
{
    f->fields[i].edit.hidden = 1;
}

void form_set_digits(struct form *f, int i)
{
    lineedit_digits_only(&f->fields[i].edit);
}

void form_set_secret(struct form *f, int i, char *(*mask)(const char *))
{
    f->fields[i].mask = mask;
}

void form_set_secret_text(struct form *f, int i, const char *text, char *(*mask)(const char *))
{
    struct form_field *ff = &f->fields[i];
    lineedit_set(&ff->edit, text);
    free(ff->orig);
    ff->orig = lineedit_text(&ff->edit);
    ff->mask = mask;
    ff->revealed = 0;
}

int form_secret_cleared(const struct form *f, int i)
{
    const struct form_field *ff = &f->fields[i];
    if (!ff->mask || str_empty(ff->orig)) return 0;
    char *now = lineedit_text(&ff->edit);
    int cleared = text_blank(now);
    free(now);
    return cleared;
}

void form_secret_restore(struct form *f, int i)
{
    struct form_field *ff = &f->fields[i];
    lineedit_set(&ff->edit, ff->orig);
    ff->revealed = 0;
}

void form_reveal(struct form *f, int i)
{
    f->fields[i].revealed = 1;
}

int form_masked(const struct form *f, int i)
{
    const struct form_field *ff = &f->fields[i];
    if (!ff->mask || ff->revealed) return 0;
    char *now = lineedit_text(&ff->edit);
    int same = str_eq(now, ff->orig) && *now;
    free(now);
    return same;
}

const char *form_reveal_refusal(const struct form *f, int i)
{
    if (form_masked(f, i)) return NULL;
    if (form_secret_cleared(f, i))
        return _("Cleared here: the number on file is deleted only if F2 is answered yes");
    char *now = lineedit_text(&f->fields[i].edit);
    int empty = text_blank(now);
    free(now);
    return empty ? _("Nothing is on file here to show") : _("It is shown in full already");
}

int form_add_code(struct form *f, const char *code, size_t max, int width)
{
    int i = form_add_text(f, _("Code"), code, max, width, validate_code,
                          TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    form_bind(f, i, "code");
    return i;
}

void form_bind(struct form *f, int i, const char *name)
{
    f->fields[i].binds = name;
}

int form_bound(const struct form *f, const char *name)
{
    for (int i = 0; name && i < f->n; i++)
        if (str_eq(f->fields[i].binds, name)) return i;
    return -1;
}

void form_on_leave(struct form *f, form_leave on_leave, void *ctx)
{
    f->on_leave = on_leave;
    f->leave_ctx = ctx;
}

void form_on_choose(struct form *f, form_leave on_choose, void *ctx)
{
    f->on_choose = on_choose;
    f->choose_ctx = ctx;
}

static void message_set(struct form_field *ff, const char *msg, int note)
{
    free(ff->message);
    ff->message = msg ? xstrdup(msg) : NULL;
    ff->message_note = note;
}

void form_set_message(struct form *f, int i, const char *msg)
{
    message_set(&f->fields[i], msg, 0);
    if (msg) f->focus = i;
}

void form_set_error(struct form *f, int i, const char *msg)
{
    message_set(&f->fields[i], msg, 0);
}

void form_set_note(struct form *f, int i, const char *msg)
{
    message_set(&f->fields[i], msg, 1);
}

void form_set_help(struct form *f, int i, const char *help)
{
    f->fields[i].help = help;
}

char *form_text(const struct form *f, int i)
{
    const struct form_field *ff = &f->fields[i];
    char *raw = lineedit_text(&ff->edit);
    /* A value left as the form was given it is that value: only typing is normalised (a note's
     * ，on file stays ，, not written back as a change of this desk's). */
    if (ff->orig && *raw && str_eq(raw, ff->orig)) return raw;
    /* A file's name is the file's: 名单（最终版）.xlsx is not 名单(最终版).xlsx. */
    if (ff->file) return raw;
    char *out = text_normalize(raw, ff->norm);
    free(raw);
    return out;
}

char *form_date(const struct form *f, int i)
{
    char *text = form_text(f, i);
    struct date d;
    char iso[11] = "";
    if (date_parse(text, &d) == DATE_OK) date_format(&d, iso);
    free(text);
    return xstrdup(iso);
}

void form_set_text(struct form *f, int i, const char *text)
{
    lineedit_set(&f->fields[i].edit, text);
}

int64_t form_choice(const struct form *f, int i)
{
    return f->fields[i].choice_id;
}

void form_set_choice(struct form *f, int i, int64_t id, const char *label)
{
    struct form_field *ff = &f->fields[i];
    ff->choice_id = id;
    free(ff->choice_label);
    ff->choice_label = xstrdup(label ? label : "");
}

const char *form_multi(const struct form *f, int i)
{
    return f->fields[i].multi;
}

/*
** Check one field as the clerk leaves it: normalise what was typed, then
** judge it. A locked field was not typed into here: it shows as it was
** given (（保存时生成） keeps its full-width brackets).
*/
static int field_leave(struct form *f, int i)
{
    struct form_field *ff = &f->fields[i];
    const char *msg = NULL;
    if (ff->kind == FORM_TEXT && !ff->locked && !form_masked(f, i)) {
        char *text = form_text(f, i);
        char *raw = lineedit_text(&ff->edit);
        if (!str_eq(text, raw)) lineedit_set(&ff->edit, text); /* show the normalised form */
        /* A value on file left as it was is not judged again by a rule made since. */
        int kept = *raw && str_eq(raw, ff->orig);
        if (!kept) msg = validate_text(text, ff->rows ? TEXT_LINES : 0); /* the one rule in */
        if (ff->check && !kept && !msg) msg = ff->check(text);
        free(raw);
        free(text);
    } else if (ff->kind == FORM_CHOICE && !ff->optional && ff->choice_id == 0) {
        msg = _("Choose one (Enter)");
    }
    message_set(ff, msg, 0);
    if (!msg && f->on_leave) f->on_leave(f, i, f->leave_ctx);
    return !(ff->message && !ff->message_note);
}

int form_check_all(struct form *f)
{
    int first = -1;
    for (int i = 0; i < f->n; i++)
        if (!field_leave(f, i) && first < 0) first = i;
    if (first >= 0) f->focus = first;
    return first;
}

static void focus_move(struct form *f, int delta)
{
    field_leave(f, f->focus);
    f->focus = (f->focus + delta + f->n) % f->n;
}

/* Open the chooser of choice field i, typing initial first. */
static void choose(struct form *f, int i, const char *initial)
{
    struct form_field *ff = &f->fields[i];
    struct choice c;
    if (!dialog_choose_at(ff->label, ff->source, ff->source_ctx, initial,
                          initial ? 0 : ff->choice_id, &c))
        return;
    ff->choice_id = c.id;
    free(ff->choice_label);
    ff->choice_label = c.label;
    free(c.detail);
    message_set(ff, NULL, 0);
    ff->just_chosen = 1;
    if (f->on_choose) f->on_choose(f, i, f->choose_ctx);
}

static int choice_key(struct form *f, int i, enum action a, const struct key *k)
{
    struct form_field *ff = &f->fields[i];
    if (a == ACT_ENTER) {
        choose(f, i, NULL);
        return 1;
    }
    if (a == ACT_NONE && !k->code) {
        char enc[5] = {0};
        utf8_encode(k->ch, enc);
        choose(f, i, enc);
        return 1;
    }
    if ((a == ACT_BACKSPACE || a == ACT_DELETE) && ff->optional) {
        ff->choice_id = 0;
        free(ff->choice_label);
        ff->choice_label = xstrdup("");
        if (f->on_choose) f->on_choose(f, i, f->choose_ctx); /* none is a choice too */
        return 1;
    }
    return 0;
}

/* True when label is one of the labels joined by 、 in list. */
static int multi_has(const char *list, const char *label)
{
    struct strlist labels = STRLIST_INIT;
    text_split_list(list, &labels);
    int has = strlist_has(&labels, label);
    strlist_free(&labels);
    return has;
}

/* Open the checklist of a multi-choice field. */
static void choose_many(struct form_field *ff)
{
    struct choice_list items = {0};
    if (ff->source(ff->source_ctx, "", &items) != 0 || items.n == 0) {
        choice_list_free(&items);
        return;
    }
    const char **labels = xcalloc(items.n, sizeof *labels);
    int *checked = xcalloc(items.n, sizeof *checked);
    for (size_t i = 0; i < items.n; i++) {
        labels[i] = items.items[i].label;
        checked[i] = multi_has(ff->multi, labels[i]);
    }
    if (dialog_checklist(ff->label, labels, checked, items.n)) {
        struct strbuf sb = STRBUF_INIT;
        for (size_t i = 0; i < items.n; i++)
            if (checked[i]) strbuf_addf(&sb, "%s%s", sb.len ? "、" : "", labels[i]);
        free(ff->multi);
        ff->multi = strbuf_detach(&sb);
    }
    free(labels);
    free(checked);
    choice_list_free(&items);
}

/* Editing keys on a text field; a masked secret is replaced, not edited. */
static int text_key(struct form *f, struct form_field *ff, enum action a, const struct key *k)
{
    int editing = a == ACT_NONE || a == ACT_BACKSPACE || a == ACT_DELETE || a == ACT_CLEAR_LINE;
    if (form_masked(f, f->focus)) {
        if (!editing) return a == ACT_LEFT || a == ACT_RIGHT || a == ACT_HOME || a == ACT_END;
        lineedit_clear(&ff->edit);
        if (a != ACT_NONE) return 1;
    }
    int changed;
    if (!field_key(&ff->edit, a, k, &changed)) return 0;
    if (changed && ff->message) message_set(ff, NULL, 0);
    char *refused = changed ? NULL : field_refused_text(&ff->edit);
    if (refused) message_set(ff, refused, 0);
    free(refused);
    return 1;
}

/* Keys of a text of several lines that stay in it: editing, rows, a new line. */
static int lines_key(struct form *f, struct form_field *ff, enum action a, const struct key *k)
{
    if (a == ACT_SAVE || a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD || a == ACT_ENTER) return 0;
    int changed;
    if (!textbox_key(&ff->edit, ff->drawn_cols ? ff->drawn_cols : ff->width, a, k, &changed))
        return 0;
    (void)f;
    if (changed && ff->message) message_set(ff, NULL, 0);
    char *refused = changed ? NULL : field_refused_text(&ff->edit);
    if (refused) message_set(ff, refused, 0);
    free(refused);
    return 1;
}

void form_set_file(struct form *f, int i, const char *folder)
{
    f->fields[i].file = 1;
    free(f->fields[i].folder);
    f->fields[i].folder = folder ? xstrdup(folder) : NULL;
}

/*
** Tab on a file name field: complete the name, or list what it may become.
** Returns 1 when it did either, 0 when Tab should move on (nothing typed,
** a file named in full, nothing more to complete, or the list already
** shown for this name).
*/
static int file_tab(struct form_field *ff)
{
    char *typed = lineedit_text(&ff->edit);
    if (!*typed || str_eq(typed, ff->listed)) {
        free(typed);
        return 0;
    }
    struct strlist cands = STRLIST_INIT;
    char *done = folder_tab(ff->folder, typed, &cands);
    int r = 1;
    if (strlist_has(&cands, typed)) {
        r = 0; /* a file named in full: Tab goes on */
    } else if (!str_eq(done, typed)) {
        lineedit_set(&ff->edit, done);
        message_set(ff, NULL, 0);
    } else if (cands.n > 1) {
        char *names = folder_names(&cands);
        message_set(ff, names, 1);
        free(names);
        free(ff->listed);
        ff->listed = xstrdup(typed);
    } else {
        r = 0;
    }
    strlist_free(&cands);
    free(done);
    free(typed);
    return r;
}

int form_key(struct form *f, enum action a, const struct key *k)
{
    if (f->n == 0) return UI_IGNORED;
    struct form_field *ff = &f->fields[f->focus];
    /* Enter chose a value: Enter again goes on, as on a text field, not back into the chooser. */
    int chosen = ff->just_chosen;
    ff->just_chosen = 0;
    if (a == ACT_ENTER && chosen && ff->kind == FORM_CHOICE) {
        focus_move(f, 1);
        return UI_HANDLED;
    }
    if (ff->locked && (a == ACT_NONE || a == ACT_ENTER || a == ACT_BACKSPACE || a == ACT_DELETE ||
                       a == ACT_CLEAR_LINE || a == ACT_NEW_LINE)) {
        message_set(ff, ff->locked, 1);
        if (a != ACT_ENTER) return UI_HANDLED;
        focus_move(f, 1);
        return UI_HANDLED;
    }
    if (ff->kind == FORM_TEXT && ff->rows && lines_key(f, ff, a, k)) return UI_HANDLED;
    switch (a) {
    case ACT_SAVE:
        field_leave(f, f->focus);
        return FORM_SAVE;
    case ACT_NEXT_FIELD:
        if (ff->kind == FORM_TEXT && ff->file && file_tab(ff)) return UI_HANDLED;
        focus_move(f, 1);
        return UI_HANDLED;
    case ACT_DOWN:
        focus_move(f, 1);
        return UI_HANDLED;
    case ACT_PREV_FIELD:
    case ACT_UP:
        focus_move(f, -1);
        return UI_HANDLED;
    case ACT_ENTER:
        if (ff->kind != FORM_TEXT) break;
        focus_move(f, 1);
        return UI_HANDLED;
    default:
        break;
    }
    if (ff->kind == FORM_CHOICE) return choice_key(f, f->focus, a, k) ? UI_HANDLED : UI_IGNORED;
    if (ff->kind == FORM_MULTI) {
        if (a != ACT_ENTER && !(a == ACT_NONE && !k->code && k->ch == ' ')) return UI_IGNORED;
        choose_many(ff);
        return UI_HANDLED;
    }
    return text_key(f, ff, a, k) ? UI_HANDLED : UI_IGNORED;
}

/* Draw the value of field i at (y, x) in w columns and h rows; the focused one gets the cursor. */
static void value_draw(struct form *f, int i, int y, int x, int w, int h, struct screen *s,
                       int focused)
{
    struct form_field *ff = &f->fields[i];
    const char *shown = NULL;
    char *owned = NULL;
    ff->drawn_cols = w;
    if (ff->locked) {
        const char *label = ff->kind == FORM_CHOICE ? ff->choice_label : NULL;
        char *text = label ? NULL : lineedit_text(&ff->edit);
        draw_text(y, x, w, label ? label : text, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(text);
        if (focused) {
            s->cursor_on = 1;
            s->cursor_y = y;
            s->cursor_x = x;
        }
        return;
    }
    if (ff->kind == FORM_TEXT && ff->rows) {
        textbox_draw(&ff->edit, y, x, w, h, term_attr(UI_FIELD), s, focused);
        return;
    }
    if (ff->kind == FORM_TEXT && !form_masked(f, i)) {
        field_draw(&ff->edit, y, x, w, term_attr(UI_FIELD), s, focused);
        return;
    }
    if (ff->kind == FORM_TEXT)
        shown = owned = ff->mask(ff->orig);
    else if (ff->kind == FORM_CHOICE)
        shown = *ff->choice_label ? ff->choice_label : _("(none)");
    else
        shown = *ff->multi ? ff->multi : _("(none)");
    draw_text(y, x, w, shown, term_attr(UI_FIELD), TEXT_FIT_ELLIPSIS);
    free(owned);
    if (focused) {
        s->cursor_on = 1;
        s->cursor_y = y;
        s->cursor_x = x;
    }
}

/* The hint beside a focused field that has no message. */
static const char *hint_of(const struct form *f, int i)
{
    const struct form_field *ff = &f->fields[i];
    if (ff->kind == FORM_CHOICE) return _("Enter: choose");
    if (ff->kind == FORM_MULTI) return _("Enter: tick");
    if (ff->kind == FORM_TEXT && ff->rows) return _("Alt+Enter: new line");
    if (form_masked(f, i)) return _("masked; typing replaces it");
    return NULL;
}

/* Rows field i takes: a text of several lines its rows, but one when collapsed and not focused. */
static int field_height(const struct form *f, int i, int collapsed)
{
    const struct form_field *ff = &f->fields[i];
    if (ff->kind != FORM_TEXT || !ff->rows || (collapsed && i != f->focus)) return 1;
    return ff->rows;
}

/* Rows fields first .. last take, each followed by step - 1 empty rows. */
static int fields_height(const struct form *f, int first, int last, int step, int collapsed)
{
    int h = 0;
    for (int i = first; i <= last; i++)
        h += field_height(f, i, collapsed) + step - 1;
    return h;
}

void form_draw(struct form *f, int y, int rows, int cols, struct screen *s)
{
    int fx = LABEL_COLS + 3, room = rows - 1; /* the last row: the focused field's message */
    int step = fields_height(f, 0, f->n - 1, 2, 0) <= room ? 2 : 1;
    int collapsed = fields_height(f, 0, f->n - 1, step, 0) > room;
    if (!collapsed || f->focus < f->top) f->top = collapsed ? f->focus : 0;
    while (f->top < f->focus && fields_height(f, f->top, f->focus, step, collapsed) > room)
        f->top++;
    if (f->top < 0) f->top = 0;
    s->typing = 0;
    if (f->n && f->fields[f->focus].kind == FORM_TEXT) s->typing = f->fields[f->focus].rows ? 2 : 1;
    int yy = y, beside = -1; /* the columns the focused field's message or hint had beside it */
    f->shown = f->top;
    for (int i = f->top; i < f->n; i++) {
        struct form_field *ff = &f->fields[i];
        int h = field_height(f, i, collapsed);
        if (yy + h > y + room && i > f->top) break;
        f->shown = i + 1;
        if (yy + h > y + room) h = y + room - yy > 0 ? y + room - yy : 1;
        int focused = i == f->focus;
        int w = ff->width;
        if (fx + w > cols - 1) w = cols - 1 - fx;
        draw_text(yy, 1, LABEL_COLS, ff->label, focused ? A_BOLD : term_attr(UI_NORMAL),
                  TEXT_FIT_RIGHT | TEXT_FIT_ELLIPSIS);
        draw_text(yy, LABEL_COLS + 1, 1, ":", term_attr(UI_NORMAL), 0);
        value_draw(f, i, yy, fx, w, h, s, focused);
        int mx = fx + w + 2, at = yy;
        yy += h + step - 1;
        if (mx >= cols) continue;
        if (focused) beside = cols - mx;
        const char *hint = focused ? hint_of(f, i) : NULL;
        if (!hint) hint = ff->help;
        if (ff->message)
            draw_text(at, mx, cols - mx, ff->message,
                      term_attr(ff->message_note ? UI_INFO : UI_ERROR), TEXT_FIT_ELLIPSIS);
        else if (hint)
            draw_text(at, mx, cols - mx, hint, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    }
    /*
    ** A long message may not fit beside its field: the focused one's is
    ** also shown in full below, and its help; but not what was whole
    ** beside it already (a short hint, 回车选择, is not said twice).
    */
    struct form_field *cur = f->n ? &f->fields[f->focus] : NULL;
    const char *hint = cur ? hint_of(f, f->focus) : NULL;
    const char *shown = !cur ? NULL : cur->message ? cur->message : hint ? hint : cur->help;
    const char *full = !cur ? NULL : cur->message ? cur->message : cur->help ? cur->help : hint;
    int said = full && full == shown && beside >= 0 && text_width(shown) <= beside;
    if (full && !said && yy < y + rows) /* from the left edge: the most room a line has */
        draw_text(yy, 1, cols - 2, full,
                  term_attr(cur->message ? (cur->message_note ? UI_INFO : UI_ERROR) : UI_DIM),
                  TEXT_FIT_ELLIPSIS);
}

char *form_hidden_text(const struct form *f)
{
    int above = f->top, below = f->n - f->shown;
    if (below < 0) below = 0;
    if (above && below) return xasprintf(_("%d more above, %d more below"), above, below);
    if (above) return xasprintf(_("%d more above"), above);
    if (below) return xasprintf(_("%d more below"), below);
    return NULL;
}

int form_dirty(const struct form *f)
{
    for (int i = 0; i < f->n; i++) {
        const struct form_field *ff = &f->fields[i];
        if (ff->kind == FORM_CHOICE) {
            if (ff->choice_id != ff->orig_id) return 1;
            continue;
        }
        if (ff->kind == FORM_MULTI) {
            if (!str_eq(ff->multi, ff->orig_multi)) return 1;
            continue;
        }
        char *now = lineedit_text(&ff->edit);
        int differs = !str_eq(now, ff->orig);
        free(now);
        if (differs) return 1;
    }
    return 0;
}

void form_mark_clean(struct form *f)
{
    for (int i = 0; i < f->n; i++) {
        struct form_field *ff = &f->fields[i];
        free(ff->orig);
        ff->orig = lineedit_text(&ff->edit);
        ff->orig_id = ff->choice_id;
        free(ff->orig_multi);
        ff->orig_multi = xstrdup(ff->multi ? ff->multi : "");
    }
}
