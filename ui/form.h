/*
** form: labelled fields in a column, moved through with Tab / Shift-Tab /
** Up / Down / Enter. Each field is checked when the clerk leaves it and
** its message is shown beside it (errors in red, notes in green). Text
** fields use the line editor; choice fields open a chooser (Enter, or
** just start typing); multi-choice fields open a checklist. A text field
** can be secret: shown masked until revealed, and typing replaces it. The
** form remembers what it started with, so a screen can ask before
** dropping typing. Long forms take one row a field and scroll.
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

enum form_kind { FORM_TEXT, FORM_CHOICE, FORM_MULTI };

struct form_field {
    const char *label; /* translated */
    enum form_kind kind;
    int width; /* columns of the input */
    /* text fields */
    struct lineedit edit;
    unsigned norm; /* text_normalize() flags applied when leaving the field */
    form_check check;
    char *orig;                  /* the text the form started with */
    char *(*mask)(const char *); /* secret fields: how to show them masked */
    int revealed;                /* a secret field shown in full */
    int rows;                    /* a text of several lines: rows it shows (form_set_lines) */
    int drawn_cols;              /* the columns it was last drawn in (its rows wrap there) */
    /* choice fields */
    int64_t choice_id; /* 0: nothing chosen */
    char *choice_label;
    choice_source source;
    void *source_ctx;
    int optional; /* may be left empty */
    int64_t orig_id;
    int just_chosen; /* the last key chose its value: Enter now goes on to the next field */
    /* multi-choice fields: the labels chosen, joined by 、 */
    char *multi;
    char *orig_multi;
    /* all */
    const char *binds;  /* the record field it edits (form_bind()); NULL when not said */
    char *message;      /* shown beside the field; NULL when none */
    int message_note;   /* the message is a note, not an error */
    const char *locked; /* shown but not changed here: why, and where it is changed (translated) */
    const char *help;   /* what the field is for, shown when there is no message; NULL: none */
    /* file name fields (form_set_file) */
    int file;     /* Tab completes the name */
    char *folder; /* what a relative name completes against; NULL: the working directory */
    char *listed; /* the text whose completions the note lists (a Tab then moves on) */
};

struct form;
/* Called after the clerk leaves field i (its own check has run). */
typedef void (*form_leave)(struct form *f, int i, void *ctx);

struct form {
    struct form_field *fields;
    int n;
    int focus;
    int top;   /* first field shown when the form scrolls */
    int shown; /* one past the last field form_draw() showed */
    form_leave on_leave;
    void *leave_ctx;
    form_leave on_choose; /* after the clerk chose a value in a choice field (NULL: none) */
    void *choose_ctx;
};

/* form_key() results besides UI_HANDLED / UI_IGNORED. */
#define FORM_SAVE 0x100 /* F2: the screen should check and save */

void form_init(struct form *f);
void form_free(struct form *f);

/* Add a text field holding value, at most max characters. Returns its index. */
int form_add_text(struct form *f, const char *label, const char *value, size_t max, int width,
                  form_check check, unsigned norm);

/*
** Add a record's code (letters, digits and - _ .; upper-cased, no spaces),
** at most max characters, bound to the record field "code". Returns its
** index.
*/
int form_add_code(struct form *f, const char *code, size_t max, int width);

/* Add a choice field currently set to (id, label). Returns its index. */
int form_add_choice(struct form *f, const char *label, int64_t id, const char *label_text,
                    choice_source source, void *ctx, int optional, int width);

/* Add a multi-choice field holding value (labels joined by 、); source lists every item. */
int form_add_multi(struct form *f, const char *label, const char *value, choice_source source,
                   void *ctx, int width);

/*
** Put text into field i as a secret the clerk did not type (a number taken
** from a record): shown through mask until typing replaces it.
*/
void form_set_secret_text(struct form *f, int i, const char *text, char *(*mask)(const char *));

/* Make text field i secret: shown through mask until revealed; typing replaces it. */
void form_set_secret(struct form *f, int i, char *(*mask)(const char *));
/* Show secret field i in full (after the reveal was recorded). */
void form_reveal(struct form *f, int i);
/* True when field i is secret and still masked. */
int form_masked(const struct form *f, int i);
/*
** Why secret field i cannot be shown in full now (nothing in it; shown
** already), translated; NULL when it can (form_masked()).
*/
const char *form_reveal_refusal(const struct form *f, int i);
/* True when field i is secret, held a number on file, and was cleared (one Backspace does). */
int form_secret_cleared(const struct form *f, int i);
/* Put secret field i back to the number on file, masked again. */
void form_secret_restore(struct form *f, int i);

/*
** Make text field i a text of several lines shown in rows rows (at least
** 2): it wraps as it is shown elsewhere, Up and Down move between its rows
** before moving on, and Alt+Enter or Ctrl+J starts a new line. When the
** form is short of room it shows one row until it has the cursor.
*/
void form_set_lines(struct form *f, int i, int rows);

/* Text field i is a password: drawn as one '*' a character, never as typed. */
void form_set_hidden(struct form *f, int i);

/*
** Text field i takes digits alone (0-9, and full-width ０-９): any other
** character typed or pasted is refused, and said beside it.
*/
void form_set_digits(struct form *f, int i);

/*
** Show field i but let nothing change it here: why is said beside it when
** the clerk tries (translated, outliving the form), e.g. where the value is
** changed instead.
*/
void form_lock(struct form *f, int i, const char *why);
/*
** When the focused field is locked, focus the first that is not (none:
** the focus stays): what is typed as the form opens goes where it can.
*/
void form_focus_unlocked(struct form *f);

/*
** Make text field i a file name: Tab completes it as far as the matching
** entries of its directory agree (folder, or the working directory when
** NULL, for a relative name), Tab again lists them below the form, and a
** Tab on a file named in full, or that completes no further, moves on as
** in any field. What is typed is kept as typed (no full-width letters or
** brackets made narrow).
*/
void form_set_file(struct form *f, int i, const char *folder);

/* Field i edits the record's field called name (so a value the store refuses is marked here). */
void form_bind(struct form *f, int i, const char *name);
/* The field that edits the record's field called name, or -1. */
int form_bound(const struct form *f, const char *name);

/* Call on_leave after each field is left. */
void form_on_leave(struct form *f, form_leave on_leave, void *ctx);

/*
** Call on_choose(f, i, ctx) each time the clerk chooses a value in choice
** field i (a chooser accepted, not cancelled): what follows from the
** choice is filled in at once, where the clerk sees it and can still edit.
*/
void form_on_choose(struct form *f, form_leave on_choose, void *ctx);

/* Draw the form from row y in rows rows and cols columns; the focused field gets the cursor. */
void form_draw(struct form *f, int y, int rows, int cols, struct screen *s);

/*
** What the last form_draw() left off a form too long for its rows, as
** "2 more above, 5 more below" (translated; either part alone), or NULL
** when it showed every field. Caller frees.
*/
char *form_hidden_text(const struct form *f);

/*
** Handle a key. Returns UI_HANDLED, FORM_SAVE (F2), or UI_IGNORED for keys
** the screen should handle (Esc, F10, ...).
*/
int form_key(struct form *f, enum action a, const struct key *k);

/*
** Check every field (as if each were left); returns the index of the
** first bad one or -1. A text field still holding the value it was given
** (a value on file) is not checked again: a rule made since does not
** stop a clerk saving the rest of the record.
*/
int form_check_all(struct form *f);

/*
** The text of a text field, normalised as it will be saved: what was typed;
** a value left as the form was given it stays as it is. Caller frees.
*/
char *form_text(const struct form *f, int i);
/* Replace the text of a text field (e.g. a value worked out from another). */
void form_set_text(struct form *f, int i, const char *text);
/* The date typed in field i as YYYY-MM-DD, "" when it is none. Caller frees. */
char *form_date(const struct form *f, int i);
/* The id chosen in a choice field (0: none); set it. */
int64_t form_choice(const struct form *f, int i);
void form_set_choice(struct form *f, int i, int64_t id, const char *label);
/* The labels chosen in a multi-choice field, joined by 、 (borrowed). */
const char *form_multi(const struct form *f, int i);

/* Set or clear (msg NULL) the error beside a field, and focus it when set. */
void form_set_message(struct form *f, int i, const char *msg);
/* Set or clear the error beside a field without moving the focus (a cross-check). */
void form_set_error(struct form *f, int i, const char *msg);
/* Set a note beside a field (not an error: saving goes ahead). */
void form_set_note(struct form *f, int i, const char *msg);
/*
** Say what field i is for, beside it whenever it has no error or note
** (and in full below it while focused). help is translated and must
** outlive the form (a string of gettext's).
*/
void form_set_help(struct form *f, int i, const char *help);

/* True when any field differs from what the form started with. */
int form_dirty(const struct form *f);

/* Take the current values as the new starting point (after a save). */
void form_mark_clean(struct form *f);

#endif
