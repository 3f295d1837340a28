/*
** widget: the list and the one-line text field every screen is built of.
**
** A list lays its columns out by display width (one column may take what
** is left), scrolls, and keeps a selection. A field draws a lineedit
** buffer (src/lineedit.h) and edits it by whole characters.
*/
#ifndef BANGBAN_WIDGET_H
#define BANGBAN_WIDGET_H

#include <curses.h>

#include "src/lineedit.h"
#include "ui/ui.h"

struct list_column {
    const char *title; /* translated */
    int width;         /* columns; 0: the column that takes what is left */
    unsigned flags;    /* text_fit() flags, e.g. TEXT_FIT_RIGHT for numbers; LIST_COL_RETIRED */
};

/*
** A list's last column that says only whether a record is retired
** (已停用): shown only while the list shows retired records (F6), its
** room otherwise the others'.
*/
#define LIST_COL_RETIRED (1u << 16)

struct listview {
    const struct list_column *cols;
    int ncols;
    int n;    /* rows */
    int sel;  /* selected row; -1 when there are none */
    int top;  /* first row shown */
    int page; /* rows shown at the last draw */
    /* The text of a cell (borrowed until the next call). */
    const char *(*cell)(void *ctx, int row, int col);
    /* True for rows drawn dimmed (retired records). May be NULL. */
    int (*dim)(void *ctx, int row);
    void *ctx;
};

/* Set the number of rows, keeping the selection in range. */
void listview_set_count(struct listview *lv, int n);

/* Draw a header row and rows below it in h rows and w columns at (y, x). */
void listview_draw(struct listview *lv, int y, int x, int h, int w);

/* Move the selection for UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END. Returns 1 if a was one of them.
 */
int listview_key(struct listview *lv, enum action a);

/*
** Draw the text of le in w columns at (y, x) with attr: when focused, the
** part around the cursor, and the screen's cursor set on it; otherwise its
** start, an ellipsis marking what does not fit.
*/
void field_draw(struct lineedit *le, int y, int x, int w, attr_t attr, struct screen *s,
                int focused);

/*
** Apply an editing key to le: a typed character (a == ACT_NONE), LEFT,
** RIGHT, HOME, END, BACKSPACE, DELETE, CLEAR_LINE. Returns 1 when the key
** was an editing key, 0 otherwise; *changed is set when the text changed.
*/
int field_key(struct lineedit *le, enum action a, const struct key *k, int *changed);
/*
** A text of several lines (lineedit_allow_lines) in a box w columns by h
** rows at (y, x), wrapped as it is shown and printed elsewhere. Focused: the
** rows around the cursor, and the screen's cursor set on it. Otherwise its
** first h rows, the last ending in an ellipsis when more is hidden.
*/
void textbox_draw(struct lineedit *le, int y, int x, int w, int h, attr_t attr, struct screen *s,
                  int focused);

/*
** Editing keys on a text of several lines laid out w columns wide: those
** of field_key(), and NEW_LINE (a line break), Up and Down between rows,
** Home and End to the ends of the row. Up on the first row and Down on the
** last are not taken (returns 0), so a form moves on to the field before
** or after. Returns 1 when the key was taken; *changed as field_key().
*/
int textbox_key(struct lineedit *le, int w, enum action a, const struct key *k, int *changed);

/*
** What typing or a paste could not put in le since the last other key, in
** words ("full at 30 characters: 10 more were not taken"), or NULL when
** nothing was refused: a paste is never cut without a word. Caller frees.
*/
char *field_refused_text(const struct lineedit *le);

/*
** The search line a list screen starts with, on row y: its label, the
** field, hint (may be NULL) while it is empty, and status (what was found)
** at the right. The field has the cursor.
*/
void search_line_draw(struct lineedit *search, int y, const char *hint, const char *status,
                      struct screen *s);

/*
** The keys of a list under a search line: F3 clears the search, Esc too
** (on an empty one it is not taken, so it goes back), Up/Down/PgUp/PgDn/
** Home/End move in the list, and typing edits the search. Returns
** UI_HANDLED or UI_IGNORED; *reload is set when the list must be read
** again (after typing, the selection is back at the top).
*/
int search_list_key(struct lineedit *search, struct listview *lv, enum action a,
                    const struct key *k, int *reload);

#endif
