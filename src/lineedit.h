/*
** lineedit: the buffer behind every one-line text field. Text is held as
** code points, so the cursor, Backspace and Delete always move over whole
** characters (a CJK character, an Ext-B character, a letter alike). Knows
** nothing about curses: the ui draws what lineedit_view() says.
*/
#ifndef BANGBAN_LINEEDIT_H
#define BANGBAN_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

struct lineedit {
    uint32_t *cps; /* the characters */
    size_t len;    /* characters held */
    size_t cap;    /* characters allocated */
    size_t cursor; /* 0..len: insertion point */
    size_t max;    /* most characters accepted; 0 = no limit */
    size_t scroll; /* first character shown (kept by lineedit_view) */
    /* Characters refused since the counts were last zeroed (a paste is many of them): */
    size_t over;  /* the field was full */
    size_t unfit; /* a control, direction or invisible format character (text_cp_forbidden()) */
};

/* Start empty, accepting at most max characters (0: no limit). */
void lineedit_init(struct lineedit *le, size_t max);
void lineedit_free(struct lineedit *le);

/* Replace the text with utf8 (bad bytes dropped), cursor at the end. */
void lineedit_set(struct lineedit *le, const char *utf8);
/* The text as a new UTF-8 string; caller frees. */
char *lineedit_text(const struct lineedit *le);
/* Characters first .. first+count-1 as a new UTF-8 string (clipped to the text); caller frees. */
char *lineedit_text_range(const struct lineedit *le, size_t first, size_t count);
/* True when nothing is typed. */
int lineedit_empty(const struct lineedit *le);

/*
** Insert one character at the cursor. Returns 1, or 0 when it was refused
** because the field is full (counted in le->over) or the character cannot
** be shown or stored (counted in le->unfit); the caller says so and zeroes
** the counts.
*/
int lineedit_insert(struct lineedit *le, uint32_t cp);
/*
** Insert a UTF-8 string (a paste) at the cursor, character by character.
** Returns how many characters were refused (field full, controls, bad bytes).
*/
size_t lineedit_insert_text(struct lineedit *le, const char *utf8);

/* Editing and movement; each returns 1 when something changed, else 0. */
int lineedit_backspace(struct lineedit *le);
int lineedit_delete(struct lineedit *le);
int lineedit_left(struct lineedit *le);
int lineedit_right(struct lineedit *le);
int lineedit_home(struct lineedit *le);
int lineedit_end(struct lineedit *le);
/* Delete from the cursor to the end of the line. */
int lineedit_kill_end(struct lineedit *le);
int lineedit_clear(struct lineedit *le);

/*
** Lay the text out in a field width columns wide (width >= 2): adjusts
** le->scroll so the cursor is visible and no wide character is split at
** either edge. Sets *first to the first character shown, *count to how
** many are shown and *cursor_col to the cursor's column in the field.
*/
void lineedit_view(struct lineedit *le, int width, size_t *first, size_t *count, int *cursor_col);

#endif
