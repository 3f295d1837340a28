/*
** form: labelled fields in a column, moved through with Tab / Shift-Tab /
** Up / Down / Enter. Each field is checked when the clerk leaves it and
** its message is shown beside it. Text fields use the line editor; choice
** fields open a chooser (Enter, or just start typing). The form remembers
** what it started with, so a screen can ask before dropping typing.
*/
#ifndef BANGBAN_FORM_H
#define BANGBAN_FORM_H

#include <stdint.h>

#include "src/lineedit.h"
#include "ui/dialog.h"
#include "ui/ui.h"

/*
** A field check: NULL when text is acceptable, else a message for the
** clerk (translated, borrowed).
*/
typedef const char *(*form_check)(const char *text);

enum form_kind { FORM_TEXT, FORM_CHOICE };

struct form_field {
    const char *label; /* translated */
    enum form_kind kind;
    int width; /* columns of the input */
    /* text fields */
    struct lineedit edit;
    unsigned norm; /* text_normalize() flags applied when leaving the field */
    form_check check;
    char *orig; /* the text the form started with */
    /* choice fields */
    int64_t choice_id; /* 0: nothing chosen */
    char *choice_label;
    choice_source source;
    void *source_ctx;
    int optional; /* may be left empty */
    int64_t orig_id;
    /* both */
    char *message; /* shown beside the field; NULL when none */
};

struct form {
    struct form_field *fields;
    int n;
    int focus;
};

/* form_key() results besides UI_HANDLED / UI_IGNORED. */
#define FORM_SAVE 0x100 /* F2: the screen should check and save */

void form_init(struct form *f);
void form_free(struct form *f);

/* Add a text field holding value, at most max characters. Returns its index. */
int form_add_text(struct form *f, const char *label, const char *value, size_t max, int width,
                  form_check check, unsigned norm);

/* Add a choice field currently set to (id, label). Returns its index. */
int form_add_choice(struct form *f, const char *label, int64_t id, const char *label_text,
                    choice_source source, void *ctx, int optional, int width);

/* Draw the form from row y in rows rows and cols columns; the focused field gets the cursor. */
void form_draw(struct form *f, int y, int rows, int cols, struct screen *s);

/*
** Handle a key. Returns UI_HANDLED, FORM_SAVE (F2), or UI_IGNORED for keys
** the screen should handle (Esc, F10, ...).
*/
int form_key(struct form *f, enum action a, const struct key *k);

/* Check every field (as if each were left); returns the index of the first bad one or -1. */
int form_check_all(struct form *f);

/* The text of a text field, normalised as it will be saved. Caller frees. */
char *form_text(const struct form *f, int i);

/* Set or clear (msg NULL) the message beside a field, and focus it when set. */
void form_set_message(struct form *f, int i, const char *msg);

/* True when any field differs from what the form started with. */
int form_dirty(const struct form *f);

/* Take the current values as the new starting point (after a save). */
void form_mark_clean(struct form *f);

#endif
