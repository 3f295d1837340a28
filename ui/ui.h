/*
** ui: the screen stack and the main loop. Each screen is a small object
** with draw/key functions (ncdu style) that returns what should happen
** next (htop style); the loop draws the title line, the top screen, the
** message line and the key bar, reads one key and hands it on.
**
** Layout at any size: row 0 title, rows 1..LINES-3 the screen, row LINES-2
** messages, row LINES-1 the F-key bar.
*/
#ifndef BANGBAN_UI_H
#define BANGBAN_UI_H

#include "db/db.h"
#include "src/record.h"
#include "ui/action.h"
#include "ui/command.h"
#include "ui/input.h"

/* What a screen's key handler asks for; may be or-ed. */
enum ui_result {
    UI_IGNORED = 0, /* not handled: the loop applies the global meaning (help, quit, back) */
    UI_HANDLED = 1,
    UI_CLOSE = 2, /* pop this screen */
};

struct screen;

struct screen_ops {
    /*
    ** Bring what the screen shows up to date before it is drawn: read its
    ** rows again when the database's generation moved. May be NULL.
    */
    void (*sync)(struct screen *s);
    /* Draw the screen into rows top .. top+rows-1 (full width). */
    void (*draw)(struct screen *s, int top, int rows);
    /* Handle a key: a, or ACT_NONE with the typed character in k->ch. */
    int (*key)(struct screen *s, enum action a, const struct key *k);
    /* True when leaving would drop typing that was not saved. May be NULL. */
    int (*dirty)(struct screen *s);
    /* Free the screen. */
    void (*free)(struct screen *s);
    /*
    ** What the screen is for and what its marks mean, for F1's help (the
    ** current tab's queue, the warnings ...). Caller frees. May be NULL.
    */
    char *(*about)(const struct screen *s);
};

struct screen {
    const struct screen_ops *ops;
    const char *title;      /* shown on the title line; borrowed, translated */
    const enum action *bar; /* F-key actions offered, ending with ACT_NONE */
    const char *save_label; /* F2's label when saving is something else here (导入); translated */
    int typing; /* 1 while a form field has the focus: '?' and '/' are text; 2: a text of
                   several lines, where Alt+Enter is a new line */
    int cursor_y, cursor_x; /* where the cursor goes after drawing, when cursor_on */
    int cursor_on;
    const struct command *commands; /* what F9 offers; may be NULL */
    int commands_direct;            /* the commands run by their keys alone (the home screen) */
    const char *keys_hint; /* the kiosk's screens: the keys that work, shown for the F-key bar */
};

/* The program's state the screens share. */
struct ui_context {
    struct db *db;
    char *district;   /* from the database, e.g. 和平区; may be "" */
    int demo;         /* the database holds demo data */
    int64_t saved_id; /* the record saved last, for lists to select */
    char *user; /* the login signed in; NULL on a database with no users (the system login acts) */
    int user_peer;           /* signed in by the system login bound to it, with no password */
    unsigned rights;         /* what the user may do (RIGHT_* of src/roles.h): what screens offer */
    const struct role *role; /* the role signed in (src/roles.h); NULL with no users */
    const struct record_type *saved_type; /* its type: a list selects it only among its own */
    /*
    ** The self-service kiosk runs (bangban kiosk, or a kiosk user signed
    ** in): no cover, no F-keys needed; idle, it starts over on its start
    ** screen; Ctrl-C, Ctrl-Z, Ctrl-\ and F10 ask for a supervisor.
    */
    int kiosk;
};

extern struct ui_context ui;

/* Message kinds for ui_message(). */
enum ui_message_kind { UI_MSG_INFO, UI_MSG_ERROR };

/* Show a message on the message line until the next key. */
void ui_message(enum ui_message_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
** Take the message line's message away: a value asked again (in a dialog,
** whose keys do not clear it) was now accepted, and the refusal of the
** one before would stand under the next question.
*/
void ui_message_clear(void);

/*
** Say on the message line (as an error) that doing failed, and why: what
** the database said about rc (db_rc_text(), SQLite's own words included).
** doing is translated already ("Not changed").
*/
void ui_db_failed(const char *doing, int rc);

/*
** Say a change was not made because another desk changed the record
** first, and move the generation so that every screen reads it again.
*/
void ui_lost_race(void);

/* Put a screen on top of the stack (the stack owns it). */
void ui_push(struct screen *s);

/* Paint everything (title, top screen, message line, key bar) without showing it yet. Dialogs paint
 * over it. */
void ui_paint(void);

/* Paint everything, place the cursor and show it. */
void ui_draw(void);

/*
** Say that something was drawn over the screen (a dialog, a progress bar):
** the next ui_draw() repaints the terminal whole, since a box edge that
** cut a Chinese character in half leaves curses unsure what is shown.
*/
void ui_overlay(void);

/* Rows of the screen area at the current terminal size. */
int ui_rows(void);

/*
** Run the program: push first and loop until the stack empties or the
** user quits. Returns the exit status: 0, or 128+N after signal N.
*/
int ui_run(struct screen *first);

/*
** Wait up to timeout_ms for a key: the one place every loop that waits for
** a person reads keys (the main loop, each dialog). When no key came for
** the idle limit (BANGBAN_IDLE_SECONDS, else the setting idle_minutes), or
** the lock key (ACT_LOCK) is pressed, the screen is covered here until
** uncovered (ui_cover()); what the caller holds, typing included, stays as
** it was. Returns 1 with *k (KEY_RESIZE after the cover was lifted: draw
** everything again), 0 when no key came, or -1 when the caller must stop
** waiting and give up what it does: a terminating signal (term_signal()),
** or a supervisor uncovered the screen and signed its user out (ui_run()
** then opens the sign-in screen).
*/
int ui_key(struct key *k, int timeout_ms);

/* Cover the screen now, as the lock key does (a command: 锁屏); nobody signed in: said. */
void ui_lock(void);

/*
** Sign the user out at once: every screen closes, unsaved typing dropped,
** and the sign-in screen opens saying note (copied).
*/
void ui_sign_out(const char *note);

/*
** From now on the program is the self-service kiosk (ui.kiosk): Esc is
** back at once (no Esc-digit F-keys to wait for), the lock key does
** nothing, and after kiosk_idle_seconds (BANGBAN_IDLE_SECONDS overrides)
** without a key every screen closes, typing dropped, for a new start
** screen (screen_kiosk_new()).
*/
void ui_kiosk_begin(void);

/* Take the key settings (how long Esc waits for a digit) from the database again. */
void ui_keys_apply(void);

/*
** Ask for the file an export, a receipt or a CSV is written to (title,
** prompt, initial: the name offered). A bare name goes in the export
** folder (the setting export_dir), shown in the dialog and made (0700)
** when missing; a name with a directory is taken as typed; a name typed
** without an extension takes initial's (居民完整 -> 居民完整.csv). A file there
** is replaced only when the clerk says so, a folder never; a name such as
** .xls, a format bangban does not write, is refused, and .xlsx too when
** the writer writes text or CSV whatever the name (workbooks 0: a
** receipt, a certificate, the rates). A name that will not do (or a file
** not to be replaced, a folder that cannot be made) is said on the
** message line and asked again, with what was typed. Returns 1 with
** *path, where to write (caller frees), or 0 when cancelled.
*/
int ui_ask_export(const char *title, const char *prompt, const char *initial, int workbooks,
                  char **path);

/* The export folder, as the setting export_dir says it (folder_exports()). Caller frees. */
char *ui_export_folder(void);

/*
** Ask why an export with full numbers is needed (question: what leaves
** the program), again while it is left blank (said on the message line).
** Returns 1 with *reason (caller frees), or 0 when cancelled.
*/
int ui_ask_export_reason(const char *question, char **reason);

#endif
