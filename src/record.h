/*
** record: the one way a record is owned. Every record type (a resident, a
** request, an area, a unit ...) is described once by a table of its
** fields: name, kind, where it sits in the struct, the label people know
** it by, and flags. From that table alone this module initialises, frees,
** copies and compares records, and merges two desks' edits of one record
** (the "save over" rule of every form).
**
** Ownership, for every type alike:
**   - A record is initialised with record_init() (or the type's own
**     TYPE_init(), which calls it): text fields are never NULL; an empty
**     one points at a shared "" that is never freed, so making and freeing
**     hundreds of thousands of records in a bulk load allocates nothing for
**     empty fields.
**   - A record owns its text fields. Replace one only with record_set()
**     (copies) or record_take() (hands over a malloc'd string): never free()
**     a field by hand, since it may be the shared "".
**   - record_free() releases the fields and zeroes the record; record_copy()
**     makes a deep copy into an uninitialised destination.
**   - An array of records from a store is freed with record_array_free().
*/
#ifndef BANGBAN_RECORD_H
#define BANGBAN_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum field_kind {
    FIELD_TEXT,  /* char *, never NULL once initialised */
    FIELD_INT64, /* int64_t: ids, counts, versions */
    FIELD_INT,   /* int, or an enum stored as int */
    FIELD_CHAR,  /* char: a one-letter code ('M', 'd') */
    FIELD_TIME,  /* time_t */
};

/* Field flags. */
#define FIELD_STORED                                                                               \
    1u                  /* filled by the store (names of what an id points at, who saved           \
                         * when, counts): never typed, never merged */
#define FIELD_KEY    2u /* the record's id or version: not a value people edit */
#define FIELD_SECRET 4u /* an ID or mobile number: shown masked wherever a record is compared */
#define FIELD_WITH_PREV                                                                            \
    8u /* part of the field before it (a time limit's unit of its amount):                         \
        * compared, merged and shown with it, never on its own */
#define FIELD_SET                                                                                  \
    16u /* a list of words ("低保户、独居老人"): when both desks changed it, the words one \
         * added and the other did not remove are kept, not one whole list over the other */

struct field_desc {
    const char *name; /* the field's name, as in the struct and usually the column */
    enum field_kind kind;
    size_t offset;     /* offsetof() in the record */
    const char *label; /* msgid people know it by; NULL for fields people never see */
    unsigned flags;
    const char *shown_by; /* an id field: the name of the text field that names what it
                           * points at (parent_id -> parent_name); NULL otherwise */
};

/* FIELD_OF(struct resident, name, FIELD_TEXT, N_("Full name"), 0, NULL) */
#define FIELD_OF(type, member, kind, label, flags, shown_by)                                       \
    {                                                                                              \
#member, kind, offsetof(type, member), label, flags, shown_by                              \
    }

struct record_type {
    /*
    ** fields[0] identifies a record among others of its type (its id, or a
    ** calendar day's date): lists keep their selection by it.
    */
    const char *name; /* "resident", "unit" ... */
    size_t size;      /* sizeof the struct */
    const struct field_desc *fields;
    size_t nfields;
    /* Values other than ""/0 a new record starts with; may be NULL. */
    void (*defaults)(void *rec);
    /*
    ** Field i of rec in words for people when the number stored is a code
    ** (a building's kind, a time limit in minutes); NULL to show it as
    ** record_field_shown() does. May be NULL. Caller frees.
    */
    char *(*shown)(size_t i, const void *rec);
};

/* Zero rec, point every text field at "" and apply the type's defaults. */
void record_init(const struct record_type *t, void *rec);
/* Release rec's text fields and zero it. NULL fields are fine. */
void record_free(const struct record_type *t, void *rec);
/* Deep copy of src into dst (dst need not be initialised). */
void record_copy(const struct record_type *t, void *dst, const void *src);
/*
** Move rec's text fields into one block, for a record held a while among
** many (a bulk load's rows): each string copied there and freed, the fields
** pointing into it. Returns the block (NULL when every field is ""); the
** caller frees it with free() in place of record_free(rec), and replaces
** no field of rec meanwhile.
*/
char *record_pack(const struct record_type *t, void *rec);
/* Free each of n records of the array and the array itself. NULL is fine. */
void record_array_free(const struct record_type *t, void *items, size_t n);

/* Replace a text field with a copy of value (NULL: ""). */
void record_set(char **field, const char *value);
/* Replace a text field with value, a malloc'd string the record now owns (NULL: ""). */
void record_take(char **field, char *value);

/* The index of the field called name, or -1. */
int record_field_index(const struct record_type *t, const char *name);
/*
** True when field i holds the same value in a and b ("" and NULL are the
** same text), the fields that go with it (FIELD_WITH_PREV) included.
*/
int record_field_same(const struct record_type *t, size_t i, const void *a, const void *b);
/* Copy field i from src into dst (text is copied); not the fields that go with it. */
void record_field_assign(const struct record_type *t, size_t i, void *dst, const void *src);
/*
** Field i of rec as text for people (numbers in decimal, a time as local
** YYYY-MM-DD HH:MM:SS or "" for none, text as it is). Caller frees.
*/
char *record_field_text(const struct record_type *t, size_t i, const void *rec);
/*
** How field i of rec is shown to people: as the type's shown() says, else
** the text of its shown_by field (the name a parent_id points at), else
** record_field_text(); a secret field masked (前3后4). Caller frees.
*/
char *record_field_shown(const struct record_type *t, size_t i, const void *rec);

/* The value of rec's integer field called name (FIELD_INT64 or FIELD_INT); 0 when it has none. */
int64_t record_int(const struct record_type *t, const void *rec, const char *name);
/* The value of rec's text field called name; "" when it has none. Borrowed. */
const char *record_text(const struct record_type *t, const void *rec, const char *name);

/* Set rec's text field called name to a copy of value (nothing when it has no such field). */
void record_text_set(const struct record_type *t, void *rec, const char *name, const char *value);

/* True when a and b agree on every field people edit (neither STORED nor KEY). */
int record_same(const struct record_type *t, const void *a, const void *b);

/*
** A three-way merge of one record two desks edited: base is what this desk
** loaded, mine what it typed, theirs what another desk saved meanwhile.
*/
struct record_merge {
    size_t *mine; /* fields only this desk changed: mine is written */
    size_t nmine;
    size_t *theirs; /* fields only the other desk changed: theirs is kept */
    size_t ntheirs;
    size_t *both; /* fields both changed to different values: the clerk chooses */
    size_t nboth;
};

/*
** Compare base, mine and theirs over every field people edit, into m
** (free with record_merge_free()). Fields both desks changed to the same
** value count as neither's.
*/
void record_merge_plan(const struct record_type *t, const void *base, const void *mine,
                       const void *theirs, struct record_merge *m);

/*
** Build the record "save over" writes: a copy of theirs (its version and
** stored fields included) with mine's value in every field of m->mine and
** in every field of m->both whose take_mine[k] is set (take_mine may be
** NULL: theirs wins every field both changed); a FIELD_SET field both
** changed gets theirs with mine's additions and removals since base. Each
** field taken from mine brings its parts and its shown_by field along. out
** need not be initialised.
*/
void record_merge_apply(const struct record_type *t, const struct record_merge *m,
                        const int *take_mine, const void *base, const void *mine,
                        const void *theirs, void *out);

void record_merge_free(struct record_merge *m);

#endif
