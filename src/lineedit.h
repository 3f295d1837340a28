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
    size_t over;     /* the field was full */
    size_t unfit;    /* a control, direction or invisible format character (text_cp_forbidden()) */
    size_t nondigit; /* not a digit, in a field of digits (lineedit_digits_only) */
    int digits;      /* digits alone are taken: 0-9 and full-width ０-９ */
    int lines;       /* a text of several lines: a line feed may be typed (lineedit_allow_lines) */
    size_t top_row;  /* several lines: the first row shown (kept by lineedit_rows_view) */
    int hidden;      /* a password: drawn as one '*' a character, never as typed */
};

/*
** The rows a text of several lines takes in a box some columns wide: row r
** holds characters start[r] .. start[r+1]-1 (the last row, up to len). A
** row that ends a line holds its line feed as its last character. Rows
** break where text_wrap_line() breaks them, so an edited note wraps as it
** is shown and printed; a text that ends with a line feed, or whose last
** row is full, has one more empty row, where the cursor goes at its end.
*/
struct lineedit_rows {
    size_t *start;
    size_t n;
    size_t cap;
    int width; /* the columns they were laid out in */
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
** because the character cannot be shown or stored (counted in le->unfit),
** is not a digit in a field of digits (le->nondigit) or the field is full
** (le->over); the caller says so and zeroes the counts.
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

/* Let le hold several lines: a line feed may be inserted (typed or pasted). */
void lineedit_allow_lines(struct lineedit *le);

/*
** Let le take digits alone (0-9, and full-width ０-９ kept as typed): any
** other character typed or pasted is refused and counted in le->nondigit.
** Text already held is kept; set it again to drop what is not a digit.
*/
void lineedit_digits_only(struct lineedit *le);

/* Lay le out in rows width columns wide (width >= 2) into rows (reused; free with
 * lineedit_rows_free). */
void lineedit_rows_layout(const struct lineedit *le, int width, struct lineedit_rows *rows);
void lineedit_rows_free(struct lineedit_rows *rows);
/* The row holding character position pos (0..len). */
size_t lineedit_rows_find(const struct lineedit_rows *rows, size_t pos);
/* Columns from the start of its row to position pos. */
int lineedit_rows_col(const struct lineedit *le, const struct lineedit_rows *rows, size_t pos);
/*
** Characters of row r to show (its line feed left out): sets *first and
** *count.
*/
void lineedit_rows_span(const struct lineedit *le, const struct lineedit_rows *rows, size_t r,
                        size_t *first, size_t *count);
/*
** Move the cursor one row up (delta -1) or down (+1), as near its column as
** the row allows. Returns 1, or 0 when there is no row that way (the
** caller may move on to another field).
*/
int lineedit_rows_move(struct lineedit *le, const struct lineedit_rows *rows, int delta);
/* Cursor to the start (end 0) or the end (end 1) of its row. Returns 1 when it moved. */
int lineedit_rows_edge(struct lineedit *le, const struct lineedit_rows *rows, int end);
/*
** Keep le->top_row such that the cursor's row is among height rows shown
** from it (and no empty space is left below when the text could fill
** it). Returns the cursor's row.
*/
size_t lineedit_rows_view(struct lineedit *le, const struct lineedit_rows *rows, int height);

#endif
