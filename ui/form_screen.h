/*
** form_screen: the form kit. Every form that creates or edits a record (an
** area, a unit, a service item, a calendar day, an evening talk, a
** resident, a staff kind, the centre's settings, a new request) is this
** one screen configured by a table: how its fields are laid out and read back, and
** how the store gets and saves the record. The kit does the rest, once for
** all of them: the header (version and who changed it last), the footer,
** keys, asking before unsaved typing is dropped, and one save loop with
** one conflict rule:
**
**   F2 checks every field, reads the form into a copy of the record as it
**   was loaded, and saves it. When another desk saved the record first,
**   the clerk is told who and when and what each desk changed (a
**   three-way comparison of the record as loaded, as typed here and as
**   stored now). "Save over" writes only the fields this desk changed on
**   top of what is stored now; where both desks changed the same field,
**   both values are shown and the clerk chooses one (a list of words,
**   FIELD_SET, keeps both desks' additions and removals instead). The
**   other answers are to show the stored record instead, or to go on
**   editing with nothing lost.
**
** A user whose role may not save the record (form_spec.rights) reads it
** in the same form, read only.
**
** A field of the form says which field of the record it edits
** (form_bind()), so a duplicate value the store refuses is marked where
** it was typed.
*/
#ifndef BANGBAN_FORM_SCREEN_H
#define BANGBAN_FORM_SCREEN_H

#include "src/record.h"
#include "ui/command.h"
#include "ui/form.h"
#include "ui/ui.h"

struct form_screen;

struct form_spec {
    const struct record_type *type;
    const char *title_new, *title_edit; /* msgids */
    const char *title_view; /* msgid: a record on file shown read only; NULL: title_edit */
    /*
    ** msgid: the line above the fields; NULL: for a record on file its
    ** version and who changed it last, for a new one how to fill it in.
    */
    const char *intro;
    const char *intro_new; /* msgid: the line above a new record's fields; NULL: the usual one */
    const char *footer;    /* msgid: the line at the foot; NULL: the usual keys */
    /* msgid: the foot when the menu offers this user nothing (footer names F9); NULL: footer */
    const char *footer_no_menu;
    /* Lay the fields out for fs->orig (form_add_*() and form_bind() on &fs->form). */
    void (*build)(struct form_screen *fs);
    /*
    ** The checks beyond each field's own (do the values go together?):
    ** returns the field found wrong (after form_set_message()) or -1. May be NULL.
    */
    int (*check)(struct form_screen *fs);
    /*
    ** Write what the form holds into rec, a copy of fs->orig: every field
    ** the form shows. Returns 0, or -1 after marking a field (form_set_message())
    ** when a value cannot be taken.
    */
    int (*read)(struct form_screen *fs, void *rec);
    /* Save rec (create it when its id is 0), version checked: DB_OK (rec's id and version set) or
     * the store's answer. */
    int (*save)(struct form_screen *fs, void *rec);
    /*
    ** Read the record rec is as stored now into out (zeroed: the store's
    ** reader initialises it): DB_OK or DB_NOTFOUND. NULL: records of this
    ** type have no version.
    */
    int (*get)(struct form_screen *fs, const void *rec, void *out);
    /*
    ** After DB_OK: say so and return what the screen does next (UI_CLOSE);
    ** NULL: "Saved: NAME" and close. After any other answer but a lost race:
    ** say what it means here and return UI_HANDLED, or -1 (or be NULL) for
    ** the kit's words (a duplicate names the value taken and marks its field).
    */
    int (*saved)(struct form_screen *fs, const void *rec);
    int (*refused)(struct form_screen *fs, int rc, const void *rec);
    /*
    ** The record field naming what the record belongs to ("parent_id",
    ** "unit_id"): the store's DB_INVALID means that one is retired or
    ** gone, and the kit says so at its field. NULL: none.
    */
    const char *parent;
    /* What "Saved: %s" names; NULL: the record's "name" field. Caller frees. */
    char *(*name)(const void *rec);
    /* Bring the form up to date before drawing (a record made in a form opened from it); may be
     * NULL. */
    void (*sync)(struct form_screen *fs);
    const struct command *menu; /* F9; may be NULL */
    /*
    ** What another desk changed meanwhile that no field of the form shows
    ** (a resident's status), from the record as loaded to theirs: lines
    ** for the conflict dialog, or NULL. Caller frees. May be NULL.
    */
    char *(*meanwhile)(const void *orig, const void *theirs);
    void (*free_ctx)(void *ctx);
    /*
    ** The rights (RIGHT_* of src/roles.h) saving the record needs. A user
    ** whose role lacks one gets the form read only: every field shown,
    ** none editable, no F2, Esc back. 0: anyone may save.
    */
    unsigned rights;
    /*
    ** F2 does more than write the record's fields (a merge): it is done
    ** even when they are as loaded. 0: a record on file with nothing
    ** changed is not written, and the clerk is told so.
    */
    int acts;
};

struct form_screen {
    struct screen base;
    const struct form_spec *spec;
    struct form form;
    void *orig;  /* the record as loaded: what this desk's changes are measured against */
    int closing; /* close after this key (the record was opened elsewhere instead) */
    void *ctx;   /* the form's own state, freed with spec->free_ctx */
    enum action bar[3];
    int read_only; /* the user may read the record, not change it (spec->rights) */
};

/*
** A form for spec holding rec (NULL: a new record of the type, as
** record_init() makes it) and ctx. A record on file is read again through
** spec->get, the caller's copy being perhaps older. Returns it for ui_push().
*/
struct screen *form_screen_new(const struct form_spec *spec, const void *rec, void *ctx);

#endif
