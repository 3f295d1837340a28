/*
** form: see form.h.
*/
#include "ui/form.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
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
        free(ff->message);
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
    lineedit_init(&ff->edit, 0);
    ff->choice_id = id;
    ff->choice_label = xstrdup(label_text ? label_text : "");
    ff->source = source;
    ff->source_ctx = ctx;
    ff->optional = optional;
    ff->orig_id = id;
    return f->n - 1;
}

void form_set_message(struct form *f, int i, const char *msg)
{
    free(f->fields[i].message);
    f->fields[i].message = msg ? xstrdup(msg) : NULL;
    if (msg) f->focus = i;
}

char *form_text(const struct form *f, int i)
{
    const struct form_field *ff = &f->fields[i];
    char *raw = lineedit_text(&ff->edit);
    char *out = text_normalize(raw, ff->norm);
    free(raw);
    return out;
}

/* Check one field as the clerk leaves it: normalise what was typed, then judge it. */
static int field_leave(struct form *f, int i)
{
    struct form_field *ff = &f->fields[i];
    const char *msg = NULL;
    if (ff->kind == FORM_TEXT) {
        char *text = form_text(f, i);
        char *raw = lineedit_text(&ff->edit);
        if (!str_eq(text, raw)) lineedit_set(&ff->edit, text); /* show the normalised form */
        if (ff->check) msg = ff->check(text);
        free(raw);
        free(text);
    } else if (!ff->optional && ff->choice_id == 0) {
        msg = _("Choose one (Enter)");
    }
    form_set_message(f, i, NULL);
    if (msg) {
        free(ff->message);
        ff->message = xstrdup(msg);
    }
    return msg == NULL;
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

/* Open the chooser of a choice field, typing initial first. */
static void choose(struct form_field *ff, const char *initial)
{
    struct choice c;
    if (!dialog_choose(ff->label, ff->source, ff->source_ctx, initial, &c)) return;
    ff->choice_id = c.id;
    free(ff->choice_label);
    ff->choice_label = c.label;
    free(c.detail);
    free(ff->message);
    ff->message = NULL;
}

static int choice_key(struct form_field *ff, enum action a, const struct key *k)
{
    if (a == ACT_ENTER) {
        choose(ff, NULL);
        return 1;
    }
    if (a == ACT_NONE && !k->code) {
        char enc[5] = {0};
        utf8_encode(k->ch, enc);
        choose(ff, enc);
        return 1;
    }
    if ((a == ACT_BACKSPACE || a == ACT_DELETE) && ff->optional) {
        ff->choice_id = 0;
        free(ff->choice_label);
        ff->choice_label = xstrdup("");
        return 1;
    }
    return 0;
}

int form_key(struct form *f, enum action a, const struct key *k)
{
    if (f->n == 0) return UI_IGNORED;
    struct form_field *ff = &f->fields[f->focus];
    switch (a) {
    case ACT_SAVE:
        field_leave(f, f->focus);
        return FORM_SAVE;
    case ACT_NEXT_FIELD:
    case ACT_DOWN:
        focus_move(f, 1);
        return UI_HANDLED;
    case ACT_PREV_FIELD:
    case ACT_UP:
        focus_move(f, -1);
        return UI_HANDLED;
    case ACT_ENTER:
        if (ff->kind == FORM_CHOICE) break;
        focus_move(f, 1);
        return UI_HANDLED;
    default:
        break;
    }
    if (ff->kind == FORM_CHOICE) return choice_key(ff, a, k) ? UI_HANDLED : UI_IGNORED;
    int changed;
    if (field_key(&ff->edit, a, k, &changed)) {
        if (changed && ff->message) {
            free(ff->message);
            ff->message = NULL;
        }
        return UI_HANDLED;
    }
    return UI_IGNORED;
}

void form_draw(struct form *f, int y, int rows, int cols, struct screen *s)
{
    int fx = LABEL_COLS + 3;
    s->typing = f->n && f->fields[f->focus].kind == FORM_TEXT;
    for (int i = 0; i < f->n && i * 2 < rows; i++) {
        struct form_field *ff = &f->fields[i];
        int yy = y + i * 2;
        int focused = i == f->focus;
        int w = ff->width;
        if (fx + w > cols - 1) w = cols - 1 - fx;
        draw_text(yy, 1, LABEL_COLS, ff->label, focused ? A_BOLD : term_attr(UI_NORMAL),
                  TEXT_FIT_RIGHT | TEXT_FIT_ELLIPSIS);
        draw_text(yy, LABEL_COLS + 1, 1, ":", term_attr(UI_NORMAL), 0);
        if (ff->kind == FORM_TEXT) {
            field_draw(&ff->edit, yy, fx, w, term_attr(UI_FIELD), s, focused);
        } else {
            const char *shown = *ff->choice_label ? ff->choice_label : _("(none)");
            draw_text(yy, fx, w, shown, term_attr(UI_FIELD), TEXT_FIT_ELLIPSIS);
            if (focused) {
                s->cursor_on = 1;
                s->cursor_y = yy;
                s->cursor_x = fx;
            }
        }
        int mx = fx + w + 2;
        if (ff->message && mx < cols)
            draw_text(yy, mx, cols - mx, ff->message, term_attr(UI_ERROR), TEXT_FIT_ELLIPSIS);
        else if (focused && ff->kind == FORM_CHOICE && mx < cols)
            draw_text(yy, mx, cols - mx, _("Enter: choose"), term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
    }
    /* A long message may not fit beside its field: the focused one is also shown in full below. */
    struct form_field *cur = f->n ? &f->fields[f->focus] : NULL;
    if (cur && cur->message && f->n * 2 < rows)
        draw_text(y + f->n * 2, fx, cols - fx - 1, cur->message, term_attr(UI_ERROR),
                  TEXT_FIT_ELLIPSIS);
}

int form_dirty(const struct form *f)
{
    for (int i = 0; i < f->n; i++) {
        const struct form_field *ff = &f->fields[i];
        if (ff->kind == FORM_CHOICE) {
            if (ff->choice_id != ff->orig_id) return 1;
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
    }
}
