/*
** list_screen: the list screen kit. Every list the program shows (areas,
** the catalogue, evening talks, residents, requests, tags) is this one
** screen configured by a table: its tabs, and for each tab the columns,
** how its rows are read, the text of a cell, and what Enter, F4, F7, F8
** and F9 do. The kit does the rest, once for all of them: the tab row, the
** search line that narrows the list at every key, reading the rows again
** when the data changed (the database's generation) rather than while
** drawing, keeping the selection on the same record across reloads (or
** moving it to the record just saved), drawing, keys, and freeing; and
** offering the keys that change rows only to a role that may (list_tab.rights).
**
** Rows are records of the tab's record type (src/record.h): the kit frees
** them with it, dims those whose "retired" field is set, and identifies a
** row by the type's first field (its id, or a calendar day's date).
*/
#ifndef BANGBAN_LIST_SCREEN_H
#define BANGBAN_LIST_SCREEN_H

#include <stdint.h>

#include "src/lineedit.h"
#include "src/record.h"
#include "ui/command.h"
#include "ui/ui.h"
#include "ui/widget.h"

/* Bytes a cell's text may be built in (see list_tab.cell). */
#define LIST_CELL_MAX 64
/* Most columns a tab has. */
#define LIST_COLS_MAX 8

struct list_screen;

/* Rows a tab read: n records of its type, and what the store counted. */
struct list_rows {
    void *items; /* the kit frees them with the tab's type */
    size_t n;
    int64_t total; /* matches in all; 0: the same as n */
    int more;      /* the store stopped counting: more than total match */
};

/*
** How many rows r holds, as the search line says it: "N found", or "N
** shown of M" when the list stops short of those found. Caller frees.
*/
char *list_count_text(const struct list_rows *r);

/* list_tab flags. */
#define LIST_RETIRED 1u /* F6 shows retired rows too (the tab's load reads with_retired) */

struct form_spec;
struct list_retire;

/* One list of a screen; a screen with tabs has several. */
struct list_tab {
    const char *label; /* msgid of the tab; NULL for a screen that has one list */
    const struct record_type *type;
    struct list_column cols[LIST_COLS_MAX]; /* titles are msgids */
    int ncols;
    const char *hint;      /* msgid: what the search line takes */
    const char *empty;     /* msgid: said when a search finds nothing; NULL: "Nothing found" */
    const char *empty_all; /* msgid: said when nothing is typed and there is no row; NULL: empty */
    /* msgid: said instead of those to a user who may not change the rows (the F7 they name is
     * not theirs); NULL: as they are */
    const char *empty_reader;
    unsigned flags;
    int64_t arg; /* for the tab's functions: which kind of area, which queue ... */
    /*
    ** Read the rows that match query (already trimmed; "" for all) into
    ** *out. Returns DB_OK or the store's error (then nothing is shown).
    */
    int (*load)(struct list_screen *ls, const char *query, struct list_rows *out);
    /* The text of column col of row; buf (LIST_CELL_MAX bytes) may hold it. */
    const char *(*cell)(struct list_screen *ls, const void *row, int col, char *buf);
    /* True for rows drawn dimmed; NULL: those whose "retired" field is set. */
    int (*dim)(struct list_screen *ls, const void *row);
    /*
    ** Enter (NULL: as F4), F4, F7 and F8, where the tab needs its own; NULL
    ** for the kit's below, or when the tab does not offer it.
    */
    void (*open)(struct list_screen *ls, void *row);
    void (*edit)(struct list_screen *ls, void *row);
    void (*create)(struct list_screen *ls);
    void (*retire)(struct list_screen *ls, void *row);
    /*
    ** Enter while the search line holds text, for a tab where what is typed
    ** is an entry rather than a search (a volunteer number typed or read by
    ** a barcode scanner at a roll): called with the text (trimmed,
    ** borrowed), after which the kit clears the search line and reads the
    ** rows again. NULL: Enter opens the selected row. Offered only to a
    ** role holding the tab's rights.
    */
    void (*submit)(struct list_screen *ls, const char *typed);
    /* The form F4 (and Enter) edits a row in, and F7 makes a new one in; may be NULL. */
    const struct form_spec *form;
    /* How F8 retires and restores a row (list_screen_retire()); may be NULL. */
    const struct list_retire *retiring;
    /*
    ** The rights (RIGHT_* of src/roles.h) changing its rows needs, besides
    ** its form's (form_spec.rights). A user whose role lacks one is not
    ** offered F4, F7 or F8 here (pressed, they say why) and Enter opens a
    ** row to read. 0: as its form says.
    */
    unsigned rights;
    /*
    ** The rights (as a command's) a role needs to be shown the tab at all:
    ** a list that never holds a row for it (a unit handler's 待派单) is
    ** left out of its tab row and of Tab. 0: shown to everyone.
    */
    unsigned shown_to;
};

struct list_spec {
    const char *title; /* msgid */
    const struct list_tab *tabs;
    int ntabs;
    const struct command *menu; /* F9; may be NULL */
    /* What the search line says at its right; NULL: how many were found. Caller frees. */
    char *(*status)(struct list_screen *ls);
    /*
    ** The msgid an empty list says now (a filter that keeps no one, a queue
    ** whose match lies in another ...); NULL (or the function NULL): the tab's.
    */
    const char *(*empty)(struct list_screen *ls);
    /* A line in place of the tab row (a session's title ...); NULL: the tabs. Borrowed. */
    const char *(*heading)(struct list_screen *ls);
    /* Words after the tabs (the working hours ...); NULL: "Tab: next list". Caller frees. */
    char *(*tab_note)(struct list_screen *ls);
    /*
    ** A line between the search line and the list (最近登记 ...); when set,
    ** its row is kept even while it returns NULL. Borrowed.
    */
    const char *(*above)(struct list_screen *ls);
    /* The above line's row goes while it says nothing (the list moves up a row). */
    int above_collapses;
    /*
    ** A line at the foot of the list (what Enter does ...), or two separated
    ** by one '\n' (the list gives up a row for the second); may be NULL. Borrowed.
    */
    const char *(*footer)(struct list_screen *ls);
    /* Called after each reload (to work out per-row facts); may be NULL. */
    void (*loaded)(struct list_screen *ls);
    /* Called when the tab changes, before the rows are read; may be NULL. */
    void (*tab_changed)(struct list_screen *ls);
    /* What the screen is for, for F1 (NULL: nothing said beyond the keys). Caller frees. */
    char *(*about)(const struct list_screen *ls);
    /* The search stays when the tab changes (the tabs are queues of the same records). */
    int keep_search;
    /* Frees what the screen keeps in ctx; may be NULL. */
    void (*free_ctx)(void *ctx);
};

struct list_screen {
    struct screen base;
    const struct list_spec *spec;
    int tab;
    struct lineedit search;
    struct list_rows rows;
    struct list_column cols[LIST_COLS_MAX]; /* the current tab's, translated */
    struct listview list;
    int with_retired;
    int loaded;          /* rows were read at least once */
    unsigned generation; /* of the rows shown */
    void *ctx;           /* the screen's own state (filters, sort ...), owned */
    enum action *bar;    /* the key bar: what the current tab offers this user */
};

/*
** A list screen for spec, opened on tab (an index of spec->tabs), keeping
** ctx (freed with spec->free_ctx; may be NULL). Returns it for ui_push().
*/
struct screen *list_screen_new(const struct list_spec *spec, int tab, void *ctx);

/* The current tab. */
const struct list_tab *list_screen_tab(const struct list_screen *ls);

/* Row i of the rows shown (i < ls->rows.n). */
void *list_screen_row(const struct list_screen *ls, size_t i);

/* The selected row, or NULL (and "No row is selected" said) when there is none. */
void *list_screen_selected(struct list_screen *ls);

/* Read the rows again now, keeping the selection. */
void list_screen_reload(struct list_screen *ls);

/*
** Switch to tab (taken modulo the number of tabs; one not shown to the
** user's role, the next shown after it), clearing the search.
*/
void list_screen_set_tab(struct list_screen *ls, int tab);

/*
** Keep of rows (records of type t) those whose field called field_a or
** field_b (may be NULL) the query finds: a Chinese fragment, pinyin
** initials or a prefix (pinyin_matches()); the others are freed. For short
** lists read whole (tags, staff kinds).
*/
void list_rows_keep(const struct record_type *t, struct list_rows *rows, const char *query,
                    const char *field_a, const char *field_b);

/*
** What F8 does to one kind of record with a name (and a code, when it has
** one): how it is retired or restored, and the words for what stands in
** the way.
*/
struct list_retire {
    /*
    ** Retire (retire = 1) or restore row, the version checked. Returns
    ** DB_OK (the write moves the generation: the list reads its rows
    ** again), DB_CONFLICT (current, zeroed memory of the
    ** row's type that the kit frees with record_free(), may be filled with
    ** the record as it is now), DB_INVALID (refused: for a retire,
    ** *blocking holds how many active records stand in the way, 0 when
    ** something else does; for a restore, what it belongs to is retired)
    ** or another error.
    */
    int (*set)(void *row, int retire, int64_t *blocking, void *current);
    const char *ask_note;   /* msgid after "Retire CODE NAME?"; NULL: the kit's words */
    const char *blocked_by; /* msgid: what stands in the way ("active records"); NULL: those */
    const char *orphan;     /* msgid: why a restore was refused; NULL: the database's words */
    /* Why a retire with nothing in the way was refused (translated); NULL: the database's words. */
    const char *(*why)(void);
    /* How the question and the message name row (caller frees); NULL: its code and name. */
    char *(*name)(const void *row);
};

/*
** F8: ask to retire row, or to restore it when retired, then call r->set
** and say on the message line what the store answered. A lost race says
** who changed it when, and every screen reads again.
*/
void list_screen_retire(struct list_screen *ls, void *row, const struct list_retire *r);

#endif
