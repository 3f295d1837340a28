/*
** action: every key the program answers to, in one table. The table gives
** the key bar (F-key number and label), the F1 help screen (keys and help
** text) and the dispatch (key -> action), so the three never disagree.
** Every F-key also works as Esc followed by a digit (Esc 1 = F1, Esc 0 = F10),
** for terminals and kiosks where F-keys do not arrive.
**
** The lock is Ctrl+K: Ctrl+L redraws the screen in many terminals and
** programs, Ctrl+S/Ctrl+Q are flow control, Ctrl+A and Ctrl+B are the
** prefixes of GNU screen and tmux; Ctrl+K is none of these, no tty setting
** takes it, and it arrives as one byte (0x0b) over SSH, in tmux and on the
** Linux console alike, F-keys or none.
*/
#ifndef BANGBAN_ACTION_H
#define BANGBAN_ACTION_H

#include <stdint.h>

#include "src/i18n.h"

/*
** ACT(id, fkey, keys, bar label, help text)
**   fkey   F-key number shown in the key bar, 0 for none
**   keys   the keys, space-separated: F1..F12, Enter, Tab, BTab (Shift-Tab),
**          Esc, Up, Down, Left, Right, PgUp, PgDn, Home, End, Bksp, Del,
**          Ins, AEnter (Alt+Enter), ^X (Ctrl-X), or one printable character
**          (lists only)
*/
#define ACTION_LIST(ACT)                                                                           \
    ACT(HELP, 1, "F1 ?", N_("Help"), N_("Show the keys and what they do"))                         \
    ACT(SAVE, 2, "F2 ^S", N_("Save"), N_("Save what was typed in the form"))                       \
    ACT(SEARCH, 3, "F3", N_("Search"), N_("Clear the search line to search again"))                 \
    ACT(EDIT, 4, "F4", N_("Edit"), N_("Edit the selected record"))                                 \
    ACT(REFRESH, 5, "F5 ^R", N_("Refresh"), N_("Read the list again from the database"))           \
    ACT(SHOW_RETIRED, 6, "F6", N_("Retired"), N_("Show or hide retired records"))                  \
    ACT(NEW, 7, "F7 Ins", N_("New"), N_("Create a new record"))                                    \
    ACT(RETIRE, 8, "F8", N_("Retire"), N_("Retire the selected record, or restore a retired one")) \
    ACT(MENU, 9, "F9", N_("Menu"), N_("More actions of this screen (reveal, import, export ...)")) \
    ACT(QUIT, 10, "F10", N_("Quit"), N_("Leave bangban"))                                          \
    ACT(BACK, 0, "Esc ^C", NULL, N_("Go back; cancel; clear the search line"))                     \
    ACT(ENTER, 0, "Enter", NULL, N_("Open the selected row or choice; next field in a form"))      \
    ACT(NEW_LINE, 0, "AEnter ^J", NULL,                                                            \
        N_("A new line in a text of several lines (detail, note, answer); elsewhere as Enter"))    \
    ACT(NEXT_FIELD, 0, "Tab", NULL,                                                                \
        N_("Next field; next tab of a list; the rates: chart or table; a file name: complete it")) \
    ACT(PREV_FIELD, 0, "BTab", NULL, N_("Previous field; previous tab of a list"))                 \
    ACT(UP, 0, "Up", NULL, N_("Previous row or field"))                                            \
    ACT(DOWN, 0, "Down", NULL, N_("Next row or field"))                                            \
    ACT(PAGE_UP, 0, "PgUp", NULL, N_("One page up"))                                               \
    ACT(PAGE_DOWN, 0, "PgDn", NULL, N_("One page down"))                                           \
    ACT(HOME, 0, "Home", NULL, N_("Start of the line; first row"))                                 \
    ACT(END, 0, "End", NULL, N_("End of the line; last row"))                                      \
    ACT(LEFT, 0, "Left", NULL, N_("One character left"))                                           \
    ACT(RIGHT, 0, "Right", NULL, N_("One character right"))                                        \
    ACT(BACKSPACE, 0, "Bksp ^H", NULL, N_("Delete the character before the cursor"))               \
    ACT(DELETE, 0, "Del ^D", NULL, N_("Delete the character under the cursor"))                    \
    ACT(CLEAR_LINE, 0, "^U", NULL, N_("Clear the line"))                                           \
    ACT(LOCK, 0, "^K", NULL,                                                                       \
        N_("Lock: cover the screen at once, anywhere; your password (or Enter) uncovers it"))

enum action {
    ACT_NONE = 0,
#define ACT_ENUM(id, fkey, keys, label, help) ACT_##id,
    ACTION_LIST(ACT_ENUM)
#undef ACT_ENUM
        ACT_COUNT
};

struct action_info {
    enum action id;
    int fkey;
    const char *keys;  /* as in the table */
    const char *label; /* msgid or NULL */
    const char *help;  /* msgid */
};

/* The table entry of an action. */
const struct action_info *action_info(enum action a);

/* A key as read from the terminal (see input.h). */
struct key;

/*
** The action a key stands for, or ACT_NONE when it is text to type.
** Printable-character aliases ('?', '/') apply only when typing_text is 0
** (lists); in a form field they are text. A new line (Alt+Enter, Ctrl+J)
** is NEW_LINE only when typing_text is 2 (a text of several lines has the
** cursor); elsewhere it is Enter.
*/
enum action action_for_key(const struct key *k, int typing_text);

/* The action bound to F-key n (1..10), or ACT_NONE. */
enum action action_for_fkey(int n);

#endif
