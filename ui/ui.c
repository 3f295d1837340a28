/*
** ui: see ui.h.
*/
#include "ui/ui.h"
#include "app/users.h"
#include "db/settings_store.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/folder.h"
#include "src/i18n.h"
#include "src/sheet.h"
#include "src/termwidth.h"
#include "src/text.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Smallest terminal the screens are laid out for. */
#define MIN_COLS  60
#define MIN_LINES 16
/* How long the warning about non-UTF-8 input stays after the last bad byte. */
#define CHARSET_WARNING_SECONDS 30
#define STACK_MAX               16

struct ui_context ui;

static struct screen *stack[STACK_MAX];
static int depth;
static struct strbuf message = STRBUF_INIT;
static enum ui_message_kind message_kind;
static unsigned long bad_seen;
static time_t bad_last;

void ui_message(enum ui_message_kind kind, const char *fmt, ...)
{
    va_list ap;
    strbuf_reset(&message);
    va_start(ap, fmt);
    strbuf_vaddf(&message, fmt, ap);
    va_end(ap);
    message_kind = kind;
    /* What was done since outranks the terminal's warning: a save is never hidden behind it. */
    bad_last = 0;
}

void ui_message_clear(void)
{
    strbuf_reset(&message);
}

void ui_db_failed(const char *doing, int rc)
{
    char *why = db_rc_text(ui.db, rc);
    ui_message(UI_MSG_ERROR, _("%s: %s"), doing, why);
    free(why);
}

void ui_lost_race(void)
{
    ui_message(UI_MSG_ERROR, "%s", _("Not changed: someone changed it meanwhile; look again"));
    db_generation_touch(ui.db);
}

void ui_push(struct screen *s)
{
    if (depth == STACK_MAX) die("too many screens open");
    stack[depth++] = s;
}

static void ui_pop(void)
{
    struct screen *s = stack[--depth];
    s->ops->free(s);
}

/* Close s wherever it is: a screen may open another in its place before it closes. */
static void ui_close(struct screen *s)
{
    for (int i = depth - 1; i >= 0; i--) {
        if (stack[i] != s) continue;
        memmove(&stack[i], &stack[i + 1], (size_t)(depth - i - 1) * sizeof stack[0]);
        depth--;
        s->ops->free(s);
        return;
    }
}

int ui_rows(void)
{
    return LINES - 3;
}

static void draw_title(const struct screen *s)
{
    attr_t a = term_attr(UI_TITLE);
    struct strbuf right = STRBUF_INIT;
    if (ui.demo) strbuf_addf(&right, "%s  ", _("DEMO DATA"));
    if (!str_empty(ui.district)) strbuf_addf(&right, "%s  ", ui.district);
    strbuf_addf(&right, "%s ", actor_name());
    int rw = text_width(strbuf_str(&right));
    if (rw > COLS / 2) rw = COLS / 2;
    /* A long title is cut, saying so, a column short of what is on the right. */
    char *title = xasprintf(" %s - %s", _("bangban"), s->title);
    draw_fill(0, 0, COLS - rw, a);
    draw_text(0, 0, COLS - rw - 1, title, a, TEXT_FIT_ELLIPSIS);
    free(title);
    draw_text(0, COLS - rw, rw, strbuf_str(&right), a, TEXT_FIT_RIGHT);
    strbuf_free(&right);
}

static void draw_message(void)
{
    int y = LINES - 2;
    if (input_bad_bytes() != bad_seen) {
        bad_seen = input_bad_bytes();
        bad_last = time(NULL);
    }
    if (bad_seen && time(NULL) - bad_last < CHARSET_WARNING_SECONDS) {
        draw_textf(y, 0, COLS, term_attr(UI_WARNING),
                   _("The terminal's character set is not UTF-8 (%lu bytes could not be read): "
                     "set the terminal to UTF-8"),
                   bad_seen);
        return;
    }
    attr_t a = message_kind == UI_MSG_ERROR ? term_attr(UI_ERROR) : term_attr(UI_INFO);
    const char *text = strbuf_str(&message);
    if (text_width(text) > COLS) {
        /* Too long for a line: it takes the line above too (what matters is often last). */
        const char *rest = NULL;
        size_t n = text_wrap_line(text, COLS, &rest);
        char *first = xstrndup(text, n);
        draw_fill(y - 1, 0, COLS, a);
        draw_text(y - 1, 0, COLS, first, a, 0);
        free(first);
        text = rest ? rest : "";
    }
    draw_text(y, 0, COLS, text, a, TEXT_FIT_ELLIPSIS);
}

/* True when the screen offers action a in its key bar. */
static int offers(const struct screen *s, enum action a)
{
    if (a == ACT_HELP || a == ACT_QUIT) return 1;
    for (const enum action *p = s->bar; p && *p != ACT_NONE; p++)
        if (*p == a) return 1;
    return 0;
}

static void draw_keybar(const struct screen *s)
{
    int y = LINES - 1;
    int slot = COLS / 10;
    draw_fill(y, 0, COLS, term_attr(UI_NORMAL));
    if (s->keys_hint) {
        draw_text(y, 0, COLS, s->keys_hint, term_attr(UI_BAR_LABEL), TEXT_FIT_ELLIPSIS);
        return;
    }
    for (int f = 1; f <= 10; f++) {
        int x = (f - 1) * slot;
        int w = f == 10 ? COLS - x : slot;
        char num[12];
        snprintf(num, sizeof num, "%d", f);
        int nw = f == 10 ? 2 : 1;
        draw_text(y, x, nw, num, term_attr(UI_BAR_KEY), 0);
        enum action a = action_for_fkey(f);
        const struct action_info *info = action_info(a);
        const char *label = a != ACT_NONE && offers(s, a) && info->label ? _(info->label) : "";
        if (a == ACT_SAVE && s->save_label && *label) label = s->save_label;
        draw_text(y, x + nw, w - nw, label, term_attr(UI_BAR_LABEL), 0);
    }
}

/* True when the terminal is big enough for the layout; otherwise says so on the screen. */
static int size_ok(void)
{
    if (COLS >= MIN_COLS && LINES >= MIN_LINES) return 1;
    char *msg =
        xasprintf(_("The window is too small: at least %d x %d is needed"), MIN_COLS, MIN_LINES);
    draw_text(0, 0, COLS, msg, term_attr(UI_ERROR), TEXT_FIT_ELLIPSIS);
    free(msg);
    return 0;
}

void ui_paint(void)
{
    erase();
    if (!size_ok() || depth == 0) return;
    struct screen *s = stack[depth - 1];
    s->cursor_on = 0;
    draw_title(s);
    s->ops->draw(s, 1, ui_rows());
    draw_message();
    draw_keybar(s);
}

static int overlaid;

void ui_overlay(void)
{
    overlaid = 1;
}

void ui_draw(void)
{
    ui_paint();
    if (overlaid) {
        clearok(curscr, TRUE);
        overlaid = 0;
    }
    struct screen *s = depth ? stack[depth - 1] : NULL;
    if (s && s->cursor_on && COLS >= MIN_COLS && LINES >= MIN_LINES) {
        move(s->cursor_y, s->cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh();
}

/* Ask before quitting when any open screen holds unsaved typing. */
static int quit_confirmed(void)
{
    for (int i = 0; i < depth; i++)
        if (stack[i]->ops->dirty && stack[i]->ops->dirty(stack[i]))
            return dialog_confirm(_("Quit"), _("What was typed has not been saved. Quit anyway?"),
                                  0);
    return 1;
}

/* The meaning of an action no screen took. Returns 1 to quit. */
static int global_action(enum action a)
{
    switch (a) {
    case ACT_HELP:
        ui_push(screen_help_new(stack[depth - 1]));
        return 0;
    case ACT_MENU: {
        /* F9: the screen's commands (those the home screen runs by their keys alone are not a
         * menu). */
        struct screen *s = stack[depth - 1];
        if (s->commands && !s->commands_direct) command_menu(s, s->title, s->commands);
        return 0;
    }
    case ACT_QUIT:
        return quit_confirmed();
    case ACT_BACK: {
        /* Going back drops a screen's unsaved typing only when the clerk says so. */
        struct screen *s = stack[depth - 1];
        if (depth > 1 && (!s->ops->dirty || !s->ops->dirty(s) ||
                          dialog_confirm(_("Back"), _("Drop what was typed and go back?"), 0)))
            ui_pop();
        return 0;
    }
    default:
        return 0;
    }
}

/*
** While another desk or an import holds the database: after a moment, the
** message line says so and for how long, and Esc gives up (the save then
** fails as busy, and says so). Returns 1 to wait on.
*/
static int ui_wait(void *ctx, long waited_ms)
{
    (void)ctx;
    if (term_signal()) return 0;
    if (waited_ms < 300) return 1;
    draw_textf(LINES - 2, 0, COLS, term_attr(UI_WARNING),
               _("Waiting for the database: another desk or an import is writing (%ld s). "
                 "Esc gives up"),
               waited_ms / 1000);
    refresh();
    struct key k;
    if (input_read(&k, 0) > 0 && action_for_key(&k, 1) == ACT_BACK) return 0;
    return 1;
}

/* While Esc waits for a digit: the key bar says what the digit would do. */
static void escape_hint(void)
{
    draw_text(LINES - 1, 0, COLS,
              _(" Esc, then a digit: 1-9 is F1-F9, 0 is F10.  Esc again: back at once."),
              term_attr(UI_WARNING), TEXT_FIT_ELLIPSIS);
    refresh();
}

void ui_keys_apply(void)
{
    if (ui.kiosk)
        input_set_escape(0, NULL);
    else
        input_set_escape((int)settings_get_number(ui.db, SETTING_ESC_WINDOW), escape_hint);
    /* Ambiguous characters: as set, or as the terminal answered at start. */
    char *columns = settings_get(ui.db, SETTING_AMBIGUOUS_WIDE);
    int wide = str_eq(columns, "2") || (str_eq(columns, "auto") && term_ambiguous_detected() == 2);
    free(columns);
    if (wide != termwidth_wide()) {
        termwidth_set_wide(wide);
        clearok(curscr, TRUE); /* every cell drawn again, laid out anew */
    }
}

/*
** Whether *path may be written: never under the name of a spreadsheet
** format the writer does not write (sheet_name_refused(), workbooks as
** there) nor over a folder, a file there only when the clerk says to
** replace it. When not, says so, frees *path and returns 0.
*/
static int replace_allowed(const char *title, int workbooks, char **path)
{
    struct stat st;
    const char *ext = sheet_name_refused(*path, workbooks);
    if (!ext && lstat(*path, &st) != 0) return 1;
    int yes = 0;
    if (ext && workbooks) {
        ui_message(UI_MSG_ERROR,
                   _("Nothing written: bangban does not write %s files: name it .xlsx "
                     "(Excel) or .csv"),
                   ext);
    } else if (ext) {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Nothing written: this is written as text, not as a workbook: name it .txt "
                     "or .csv"));
    } else if (S_ISDIR(st.st_mode)) {
        ui_message(UI_MSG_ERROR, _("Nothing written: %s is a folder"), *path);
    } else {
        char *q = xasprintf(_("%s exists already. Replace it?"), *path);
        yes = dialog_confirm(title, q, 0);
        free(q);
        if (!yes) ui_message(UI_MSG_INFO, _("Nothing written: %s is left as it was"), *path);
    }
    if (!yes) {
        free(*path);
        *path = NULL;
    }
    return yes;
}

/*
** path (taken) with the extension of the name offered, when the clerk typed
** none: "居民完整", residents.xlsx offered, becomes 居民完整.xlsx, which a
** spreadsheet opens, not a bare file. Returns the path to use (caller frees).
*/
static char *path_with_ext_of(char *path, const char *offered)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *ext = offered ? strrchr(offered, '.') : NULL;
    if (strchr(base, '.') || !ext || strchr(ext, '/') || !*base) return path;
    char *with = xasprintf("%s%s", path, ext);
    free(path);
    return with;
}

int ui_ask_export_reason(const char *question, char **reason)
{
    *reason = NULL;
    /* Left blank, it is said and asked again (Esc gives up). */
    while (dialog_input(_("Export with full numbers"), question, NULL, 100, reason)) {
        if (!text_blank(*reason)) return 1;
        ui_message(UI_MSG_ERROR, "%s", _("A reason is needed: it is kept in the audit log"));
        free(*reason);
        *reason = NULL;
    }
    return 0;
}

char *ui_export_folder(void)
{
    char *setting = settings_get(ui.db, SETTING_EXPORT_DIR);
    char *folder = folder_exports(setting);
    free(setting);
    return folder;
}

int ui_ask_export(const char *title, const char *prompt, const char *initial, int workbooks,
                  char **path)
{
    char *folder = ui_export_folder(), *typed = NULL, *offer = xstrdup(initial ? initial : "");
    int ok;
    /* A name that will not do is said, and asked again with what was typed (Esc gives up). */
    while ((ok = dialog_file(title, prompt, folder, offer, 255, &typed)) != 0) {
        free(offer);
        offer = typed;
        typed = NULL;
        if (str_empty(offer)) {
            ui_message(UI_MSG_ERROR, "%s", _("Nothing written: no file name was typed"));
            continue;
        }
        *path = path_with_ext_of(folder_place(folder, offer), initial);
        if (folder_bare(offer) && path_make_parents(*path, 0700) != 0) {
            char *why = util_errno_text(errno);
            ui_message(UI_MSG_ERROR, _("Cannot make the folder %s: %s"), folder, why);
            free(why);
            free(*path);
            *path = NULL;
            continue;
        }
        if (replace_allowed(title, workbooks, path)) break;
    }
    free(offer);
    free(folder);
    return ok;
}

/*
** Seconds without a key before the screen is covered: BANGBAN_IDLE_SECONDS
** when set (tests, kiosks), else the setting idle_minutes; 0: never.
** Nobody signed in (a database with no users): never.
*/
static long idle_limit(void)
{
    if (!ui.user) return 0;
    const char *env = getenv("BANGBAN_IDLE_SECONDS");
    if (!str_empty(env)) return strtol(env, NULL, 10);
    if (ui.kiosk) return (long)settings_get_number(ui.db, SETTING_KIOSK_IDLE);
    return (long)settings_get_number(ui.db, SETTING_IDLE_MINUTES) * 60;
}

/* When the last key came (or the cover was lifted), for the idle limit. */
static struct timespec last_key;
static int last_key_known;
/* A supervisor signed the user out under the cover: every wait gives up until ui_run() starts
 * over on the sign-in screen, which says signout_note. */
static int signed_out;
static char *signout_note;

/* The kiosk was left idle after a key: ui_run() starts it over (kiosk_touched: a key came since).
 */
static int kiosk_reset, kiosk_touched;

void ui_kiosk_begin(void)
{
    ui.kiosk = 1;
    input_set_escape(0, NULL);
}

/* Cover the screen (how: "idle", "key"). Returns what ui_key() returns after it. */
static int cover_now(const char *how, struct key *k)
{
    enum cover_end end = ui_cover(how, &signout_note);
    clock_gettime(CLOCK_MONOTONIC, &last_key);
    clearok(curscr, TRUE); /* whatever is drawn next is drawn whole */
    if (end == COVER_SIGNED_OUT) signed_out = 1;
    if (end != COVER_LIFTED) return -1;
    k->code = KEY_RESIZE;
    k->ch = 0;
    return 1;
}

/*
** How often a key looks whether the signed-in user is still active: one
** an admin retired meanwhile is signed out (the stores refuse their
** writes already; the screens would go on showing an empty queue).
*/
#define USER_LOOK_MS 3000

static struct timespec user_looked; /* 0: never */

/*
** Why the user signed in may no longer be, looked at USER_LOOK_MS apart at
** most: retired, or locked by an admin until unlocked (not the lock of
** wrong passwords typed elsewhere, which would let anyone sign a desk out),
** or given another role, whose screens and rights come with signing in
** again (the stores refuse what the old role's screens offer). NULL while
** they may; else the words, in a buffer of its own.
*/
static const char *user_gone(void)
{
    if (!ui.user || ui.kiosk) return NULL;
    if (user_looked.tv_sec && clock_ms_since(&user_looked) < USER_LOOK_MS) return NULL;
    clock_gettime(CLOCK_MONOTONIC, &user_looked);
    struct user u;
    if (user_find(ui.db, ui.user, &u) != DB_OK) return NULL;
    static char why[256];
    const struct role *now = roles_find(u.role);
    if (u.retired)
        snprintf(why, sizeof why, "%s", _("Your account was retired meanwhile: you are signed out"));
    else if (str_eq(u.locked_until, users_locked_for_good()))
        snprintf(why, sizeof why, "%s", _("Your account was locked meanwhile: you are signed out"));
    else if (ui.role && now && now != ui.role)
        snprintf(why, sizeof why, _("Your role is now %s: sign in again to work as one"),
                 _(now->name));
    else
        why[0] = '\0';
    record_free(&user_record, &u);
    return why[0] ? why : NULL;
}

/* The lock key pressed with nobody signed in (the sign-in screen, a database with no users):
 * there is nobody to cover for. */
static void lock_refused(void)
{
    ui_message(UI_MSG_ERROR, "%s", _("Nobody is signed in: there is nothing to lock"));
}

int ui_key(struct key *k, int timeout_ms)
{
    if (signed_out || kiosk_reset || term_signal()) return -1;
    if (!last_key_known) {
        clock_gettime(CLOCK_MONOTONIC, &last_key);
        last_key_known = 1;
    }
    int r = input_read(k, timeout_ms);
    if (term_signal()) return -1;
    if (r > 0) {
        clock_gettime(CLOCK_MONOTONIC, &last_key);
        kiosk_touched = 1;
        const char *gone = user_gone();
        if (gone) {
            ui_sign_out(gone);
            return -1;
        }
        if (k->code == 0 || ui.kiosk || action_for_key(k, 1) != ACT_LOCK) return 1;
        if (ui.user) return cover_now("key", k);
        lock_refused();
        return 0;
    }
    long limit = idle_limit();
    if (limit > 0 && clock_ms_since(&last_key) >= limit * 1000) {
        if (!ui.kiosk) return cover_now("idle", k);
        if (!kiosk_touched) return 0; /* the start screen as it was: nothing to clear */
        kiosk_reset = 1;
        return -1;
    }
    return 0;
}

void ui_sign_out(const char *note)
{
    char *copy = xstrdup(note);
    free(signout_note);
    signout_note = copy;
    screen_signed_out();
    signed_out = 1;
}

void ui_lock(void)
{
    struct key k;
    if (ui.user)
        cover_now("key", &k);
    else
        lock_refused();
}

/* The user was signed out under the cover: every screen closes, unsaved typing dropped, and the
 * sign-in screen opens for whoever comes next. */
static void ui_signed_out(void)
{
    while (depth > 0)
        ui_pop();
    ui_push(screen_signin_new(signout_note));
    free(signout_note);
    signout_note = NULL;
    signed_out = 0;
}

/* The kiosk starts over: every screen closes, what was typed dropped, on a new start screen. */
static void ui_kiosk_reset(void)
{
    while (depth > 0)
        ui_pop();
    strbuf_reset(&message);
    ui_push(screen_kiosk_new());
    clearok(curscr, TRUE);
    kiosk_reset = kiosk_touched = 0;
}

/* The keys that would leave a program (Ctrl-C, Ctrl-Z, Ctrl-\, F10): at the kiosk, a supervisor's.
 */
static int kiosk_leave_key(const struct key *k)
{
    return k->code == UI_KEY_CTRL('C') || k->code == UI_KEY_CTRL('Z') ||
           k->code == UI_KEY_CTRL('\\') || k->code == KEY_F(10);
}

int ui_run(struct screen *first)
{
    db_set_wait(ui.db, ui_wait, NULL, 0);
    ui_keys_apply();
    ui_push(first);
    int status = 0;
    clock_gettime(CLOCK_MONOTONIC, &last_key);
    last_key_known = 1;
    while (depth > 0) {
        /* A screen a sync pushed (a chief's worklist over the home) is synced before it is drawn.
         */
        db_others_wrote(ui.db); /* a unit's queue shows the request a desk just sent it */
        for (struct screen *synced = NULL; depth > 0 && synced != stack[depth - 1];) {
            synced = stack[depth - 1];
            if (synced->ops->sync) synced->ops->sync(synced);
        }
        if (depth == 0) break;
        ui_draw();
        db_assert_idle(ui.db);
        struct key k;
        int r = ui_key(&k, 1000);
        if (term_signal()) {
            status = 128 + term_signal();
            break;
        }
        if (signed_out) ui_signed_out();
        if (kiosk_reset) ui_kiosk_reset();
        if (r <= 0 || k.code == KEY_RESIZE) continue;
        strbuf_reset(&message);
        if (ui.kiosk && kiosk_leave_key(&k)) {
            if (kiosk_leave_asked()) break;
            if (kiosk_reset) ui_kiosk_reset();
            continue;
        }
        struct screen *s = stack[depth - 1];
        enum action a = action_for_key(&k, s->typing);
        int res = s->ops->key(s, a, &k);
        if (res & UI_CLOSE) ui_close(s);
        if (res == UI_IGNORED && !signed_out && global_action(a)) break;
        /* A dialog the key opened may have ended in a sign-out under the cover, or idle. */
        if (signed_out) ui_signed_out();
        if (kiosk_reset) ui_kiosk_reset();
    }
    while (depth > 0)
        ui_pop();
    free(signout_note); /* a signal came before the sign-in screen it was for */
    signout_note = NULL;
    signed_out = 0;
    strbuf_free(&message);
    return status;
}
