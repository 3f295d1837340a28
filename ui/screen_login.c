/*
** screen_login: who is at the keyboard, before the home screen. When the
** system login that started bangban is bound to an active user, that user
** is signed in with no password (peer sign-in) and the home screen opens
** at once; on a database with no users yet the program runs as the system
** login, as it always did. Otherwise this screen asks for a login and a
** password (drawn as '*'s); a refusal says one thing whatever the cause,
** so nobody learns which logins exist. Also: changing one's own password,
** and the cover over a desk left idle or locked (ui_cover()), which the
** same user lifts, or a supervisor or admin by signing that user out.
*/
#include "app/users.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/workflow.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdlib.h>
#include <string.h>

struct login {
    struct screen base;
    struct form form;
    char *note; /* the first line: why signing in is asked; NULL: the system login is unbound */
    char *why;  /* the last refusal, shown under the fields; NULL when none */
};

/* u (freed here) signed in, by its bound system login (peer) or its password: it acts from now on.
 */
static void signed_in(struct user *u, int peer)
{
    actor_set(u->login);
    free(ui.user);
    ui.user = xstrdup(u->login);
    ui.user_peer = peer;
    const struct role *role = roles_find(u->role);
    ui.role = role;
    ui.rights = role ? role->rights : 0;
    record_free(&user_record, u);
}

/* The first screen of the user just signed in: the kiosk's for a kiosk, else the home screen. */
static struct screen *first_screen(void)
{
    if (!(ui.rights & RIGHT_KIOSK_ONLY)) return screen_home_new();
    ui_kiosk_begin();
    return screen_kiosk_new();
}

static const enum action login_bar[] = {ACT_HELP, ACT_SAVE, ACT_QUIT, ACT_NONE};

static void login_draw(struct screen *s, int top, int rows)
{
    struct login *l = (struct login *)s;
    s->cursor_on = 0;
    if (l->note)
        draw_text(top + 1, 2, COLS - 4, l->note, term_attr(UI_WARNING), TEXT_FIT_ELLIPSIS);
    else
        draw_textf(top + 1, 2, COLS - 4, term_attr(UI_NORMAL),
                   _("The system login %s is bound to no user of bangban: sign in."),
                   actor_os_login());
    form_draw(&l->form, top + 3, 3, COLS - 4, s);
    if (l->why) draw_text(top + 7, 2, COLS - 4, l->why, term_attr(UI_ERROR), TEXT_FIT_ELLIPSIS);
    draw_text(
        top + rows - 1, 2, COLS - 4,
        _("Enter on the password signs in. F10 quits. Forgotten it? An admin sets a new one."),
        term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
}

/* Try the login and password typed. Returns UI_CLOSE when signed in (the home screen pushed). */
static int login_try(struct login *l)
{
    char *login = form_text(&l->form, 0);
    char *password = form_text(&l->form, 1);
    struct user u;
    int rc;
    enum signin got = users_signin(ui.db, login, password, clock_now(), &u, &rc);
    explicit_bzero(password, strlen(password));
    free(password);
    free(login);
    free(l->why);
    l->why = NULL;
    free(l->note); /* why the last user was signed out: not the next one's business */
    l->note = NULL;
    form_set_text(&l->form, 1, "");
    if (got == SIGNIN_OK) {
        signed_in(&u, 0);
        ui_push(first_screen());
        return UI_CLOSE;
    }
    if (got == SIGNIN_ERROR) {
        ui_db_failed(_("Not signed in"), rc);
        return UI_HANDLED;
    }
    l->why = xstrdup(_("Not signed in: the login or the password is wrong, or the account is "
                       "locked for now."));
    l->form.focus = 1;
    return UI_HANDLED;
}

static int login_key(struct screen *s, enum action a, const struct key *k)
{
    struct login *l = (struct login *)s;
    if (a == ACT_SAVE || (a == ACT_ENTER && l->form.focus == 1)) return login_try(l);
    if (a == ACT_ENTER && l->form.focus == 0) {
        l->form.focus = 1;
        return UI_HANDLED;
    }
    int r = form_key(&l->form, a, k);
    return r == FORM_SAVE ? login_try(l) : r;
}

static void login_free(struct screen *s)
{
    struct login *l = (struct login *)s;
    form_free(&l->form);
    free(l->note);
    free(l->why);
    free(l);
}

static char *login_about(const struct screen *s)
{
    (void)s;
    return xstrdup(_("Sign in with your login and password. A desk whose system login is bound to "
                     "a user opens without one; an admin binds it (bangban user bind). Too many "
                     "wrong passwords in a row lock the account for a while."));
}

static const struct screen_ops login_ops = {
    .draw = login_draw, .key = login_key, .free = login_free, .about = login_about};

struct screen *screen_signin_new(const char *note)
{
    struct login *l = xcalloc(1, sizeof *l);
    l->note = note ? xstrdup(note) : NULL;
    l->base.ops = &login_ops;
    l->base.title = _("Sign in");
    l->base.bar = login_bar;
    l->base.save_label = _("Sign in");
    l->base.typing = 1;
    form_init(&l->form);
    form_add_text(&l->form, _("Login"), "", USER_LOGIN_MAX, 24, NULL, 0);
    int pw = form_add_text(&l->form, _("Password"), "", USER_PASSWORD_MAX, 24, NULL, 0);
    form_set_hidden(&l->form, pw);
    return &l->base;
}

struct screen *screen_start_new(void)
{
    struct user u;
    int rc;
    enum signin got = users_peer(ui.db, actor_os_login(), clock_now(), &u, &rc);
    if (got == SIGNIN_OK) {
        signed_in(&u, 1);
        return first_screen();
    }
    if (got == SIGNIN_NO_USERS) return screen_home_new();
    if (got == SIGNIN_ERROR) ui_db_failed(_("Not signed in"), rc);
    return screen_signin_new(NULL);
}

struct screen *screen_kiosk_start(char **err)
{
    struct user u;
    int rc;
    const char *os = actor_os_login();
    enum signin got = users_peer(ui.db, os, clock_now(), &u, &rc);
    if (got == SIGNIN_OK && roles_allow(u.role, RIGHT_KIOSK_ONLY)) {
        signed_in(&u, 1);
        return first_screen();
    }
    if (got == SIGNIN_OK) record_free(&user_record, &u);
    if (got == SIGNIN_ERROR)
        *err = db_rc_text(ui.db, rc);
    else
        *err = xasprintf(_("the system login %s is bound to no kiosk user: an admin binds one "
                           "with bangban user bind LOGIN %s (its login: bangban user list), or "
                           "makes one with bangban user add LOGIN --role kiosk --os-login %s; "
                           "or open bangban without kiosk and sign in as the kiosk user, with "
                           "its password"),
                         os, os, os);
    return NULL;
}

/* The new password refused for why (NULL: good enough), else the two typed differently. */
static char *passwords_refused(const char *why, char *const *values, int *field)
{
    if (why) {
        *field = 0;
        return xstrdup(why);
    }
    if (!str_eq(values[0], values[1])) {
        *field = 1;
        return xstrdup(_("The two passwords differ"));
    }
    return NULL;
}

/* Both passwords typed alike, and good enough for the login ctx names. */
static char *passwords_check(void *ctx, char *const *values, int *field)
{
    return passwords_refused(user_password_check(ctx, values[0]), values, field);
}

int ui_password_change(int64_t user_id, const char *login)
{
    const char *prompts[] = {_("New password"), _("The new password again")};
    char *values[2] = {NULL, NULL};
    char *title = xasprintf(_("Password of %s"), login);
    char *whose = xstrdup(login); /* the check's: a password is not the login */
    int ok = dialog_inputs_hidden(title, prompts, values, 2, USER_PASSWORD_MAX, 3u, passwords_check,
                                  whose);
    free(whose);
    free(title);
    int done = 0;
    if (ok) {
        const char *why;
        int rc = users_passwd(ui.db, user_id, values[0], actor_name(), &why);
        if (rc == DB_OK) {
            ui_message(UI_MSG_INFO, _("The password of %s is set"), login);
            done = 1;
        } else if (why) {
            ui_message(UI_MSG_ERROR, "%s", why);
        } else {
            ui_db_failed(_("The password was not set"), rc);
        }
    }
    for (size_t i = 0; i < 2; i++) {
        if (values[i]) explicit_bzero(values[i], strlen(values[i]));
        free(values[i]);
    }
    return done;
}

/* Changing one's own password: who, and whether wrong tries locked the account. */
struct own_change {
    const struct user *u;
    int locked;
};

/* Whether the account of login is locked now. */
static int own_locked(const char *login)
{
    struct user u;
    if (user_find(ui.db, login, &u) != DB_OK) return 0;
    int locked = users_locked(&u, clock_now());
    record_free(&user_record, &u);
    return locked;
}

/*
** The current password, then the new one twice: user_password_change_check()
** on the new one (not the current one again), typed alike. A wrong current
** password counts towards the account's lock as a wrong one at sign-in
** does; the try that locks it accepts the dialog with own->locked set.
*/
static char *own_passwords_check(void *ctx, char *const *values, int *field)
{
    struct own_change *own = ctx;
    int good = user_password_matches(values[0], own->u->password);
    if (!good) {
        struct user u;
        int rc;
        good = users_signin(ui.db, own->u->login, values[0], clock_now(), &u, &rc) == SIGNIN_OK;
        if (good) record_free(&user_record, &u); /* the password was changed meanwhile to it */
    }
    if (!good && own_locked(own->u->login)) {
        own->locked = 1;
        return NULL;
    }
    if (!good) {
        *field = 0;
        return xstrdup(_("That is not your password now"));
    }
    char *why = passwords_refused(user_password_change_check(own->u->login, values[0], values[1]),
                                  values + 1, field);
    if (why) ++*field;
    return why;
}

/*
** A user with a password changes it by giving it first: whoever finds a
** desk left signed in does not take the account over, nor tries password
** after password there (the account locks, and they are signed out).
*/
static void own_password_change(const struct user *u)
{
    const char *prompts[] = {_("Your password now"), _("New password"),
                             _("The new password again")};
    char *values[3] = {NULL, NULL, NULL};
    char *title = xasprintf(_("Password of %s"), u->login);
    struct own_change own = {u, 0};
    int ok = dialog_inputs_hidden(title, prompts, values, 3, USER_PASSWORD_MAX, 7u,
                                  own_passwords_check, &own);
    free(title);
    if (own.locked) {
        ui_sign_out(_("The password in use was typed wrong too often: the account is locked for "
                      "now and you are signed out. A supervisor or admin can unlock it."));
    } else if (ok) {
        const char *why;
        int rc = users_passwd(ui.db, u->id, values[1], actor_name(), &why);
        if (rc == DB_OK)
            ui_message(UI_MSG_INFO, _("The password of %s is set"), u->login);
        else if (why)
            ui_message(UI_MSG_ERROR, "%s", why);
        else
            ui_db_failed(_("The password was not set"), rc);
    }
    for (size_t i = 0; i < 3; i++) {
        if (values[i]) explicit_bzero(values[i], strlen(values[i]));
        free(values[i]);
    }
}

void ui_password_own(struct screen *s, const struct command *c)
{
    (void)s;
    (void)c;
    struct user u;
    int rc = user_find(ui.db, actor_name(), &u);
    if (rc == DB_NOTFOUND) {
        ui_message(UI_MSG_ERROR, _("%s is no user of bangban yet: an admin adds users first"),
                   actor_name());
        return;
    }
    if (rc != DB_OK) {
        ui_db_failed(_("The password was not set"), rc);
        return;
    }
    if (*u.password)
        own_password_change(&u);
    else /* signed in by the system login, with no password yet */
        ui_password_change(u.id, u.login);
    record_free(&user_record, &u);
}

/* The cover's state while it is shown. */
struct cover {
    const char *how;        /* "idle" or "key": how it came */
    struct lineedit pw;     /* the covered user's password */
    int supervisor;         /* 1: a supervisor or admin signs in to uncover */
    struct lineedit sup[2]; /* their login and password */
    int at;                 /* which of the two has the cursor */
    char *why;              /* the last refusal, or NULL */
    struct screen fake;     /* where the cursor goes */
};

/* A label and its field on row y, in the middle of the screen. */
static void cover_field(struct cover *c, int y, const char *label, struct lineedit *le, int focus)
{
    int x = (COLS - 40) / 2;
    draw_text(y, x, 14, label, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    field_draw(le, y, x + 14, 26, term_attr(UI_FIELD), &c->fake, focus);
}

/* The covered user's own way back: Enter (peer) or their password. */
static void cover_draw_own(struct cover *c, int y)
{
    char *line;
    if (ui.user_peer) {
        line = xasprintf(_("%s: press Enter to go on."), ui.user);
        draw_center(y, 0, COLS, line, term_attr(UI_NORMAL));
    } else {
        line = xasprintf(_("The password of %s, then Enter:"), ui.user);
        draw_center(y, 0, COLS, line, term_attr(UI_NORMAL));
        field_draw(&c->pw, y + 1, (COLS - 24) / 2, 24, term_attr(UI_FIELD), &c->fake, 1);
    }
    free(line);
    if (c->why) draw_center(y + 3, 0, COLS, c->why, term_attr(UI_ERROR));
    line = xasprintf(_("F2 or Tab: a supervisor or admin uncovers it, signing %s out."), ui.user);
    draw_center(LINES - 3, 0, COLS, line, term_attr(UI_DIM));
    free(line);
    draw_center(LINES - 2, 0, COLS, _("What was typed is kept under the cover."),
                term_attr(UI_DIM));
}

/* A supervisor's sign-in, said first to sign the covered user out. */
static void cover_draw_supervisor(struct cover *c, int y)
{
    char *line = xasprintf(_("A supervisor or admin signing in here signs %s out: what %s typed "
                             "and did not save is dropped, and the sign-in screen follows."),
                           ui.user, ui.user);
    int used = draw_wrapped(y, 4, COLS - 8, 2, line, term_attr(UI_WARNING));
    free(line);
    cover_field(c, y + used + 1, _("Login"), &c->sup[0], c->at == 0);
    cover_field(c, y + used + 2, _("Password"), &c->sup[1], c->at == 1);
    if (c->why) draw_center(y + used + 4, 0, COLS, c->why, term_attr(UI_ERROR));
    line =
        xasprintf(_("Enter on the password uncovers. Esc: back, for %s to uncover it."), ui.user);
    draw_center(LINES - 2, 0, COLS, line, term_attr(UI_DIM));
    free(line);
}

/* The cover's words and fields, showing nothing of what lies under it. */
static void cover_draw(struct cover *c)
{
    erase();
    char *title = xasprintf("%s - %s", _("bangban"), _("Covered"));
    draw_text(0, 0, COLS, title, term_attr(UI_TITLE), 0);
    free(title);
    int y = LINES / 2 - 4;
    char *line = str_eq(c->how, "key")
                     ? xasprintf(_("The screen is covered: %s locked it."), ui.user)
                     : xasprintf(_("The screen is covered: %s was away for a while."), ui.user);
    draw_center(y, 0, COLS, line, term_attr(UI_NORMAL));
    free(line);
    c->fake.cursor_on = 0;
    if (c->supervisor)
        cover_draw_supervisor(c, y + 2);
    else
        cover_draw_own(c, y + 2);
    if (c->fake.cursor_on) {
        move(c->fake.cursor_y, c->fake.cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh();
}

/*
** Write action by actor about the covered user ("user:ID") to the audit
** log, in a transaction of its own. DB_OK or the error.
*/
static int cover_audit(const char *actor, const char *action, const char *detail)
{
    struct user u;
    record_init(&user_record, &u);
    int rc = user_find(ui.db, ui.user, &u);
    if (rc == DB_OK) {
        char *subject = xasprintf("user:%lld", (long long)u.id);
        rc = audit_append(ui.db, actor, action, subject, detail);
        free(subject);
    }
    record_free(&user_record, &u);
    return rc;
}

/* Show why on the cover (replacing what was there); NULL clears it. */
static void cover_say(struct cover *c, const char *why)
{
    free(c->why);
    c->why = why ? xstrdup(why) : NULL;
}

/* The words of a sign-in refused, whatever refused it. */
static const char *cover_refused(enum signin got, int rc)
{
    return got == SIGNIN_ERROR ? db_rc_message(rc)
                               : _("Not signed in: the login or the password is wrong, or the "
                                   "account is locked for now.");
}

/* True when the user covered may go on: still bound to this system login, or its password. */
static int cover_lifted(struct cover *c)
{
    struct user u;
    int rc;
    enum signin got;
    if (ui.user_peer) {
        got = users_peer(ui.db, actor_os_login(), clock_now(), &u, &rc);
    } else {
        char *password = lineedit_text(&c->pw);
        got = users_signin(ui.db, ui.user, password, clock_now(), &u, &rc);
        explicit_bzero(password, strlen(password));
        free(password);
        lineedit_clear(&c->pw);
    }
    int same = got == SIGNIN_OK && str_eq(u.login, ui.user);
    if (got == SIGNIN_OK) record_free(&user_record, &u);
    cover_say(c, same ? NULL : cover_refused(got, rc));
    if (same) cover_audit(ui.user, "screen-unlock", ui.user_peer ? "peer" : "password");
    return same;
}

void screen_signed_out(void)
{
    actor_set(NULL);
    free(ui.user);
    ui.user = NULL;
    ui.user_peer = 0;
    ui.rights = 0;
    ui.role = NULL;
}

/*
** A supervisor's login and password typed on the cover. Their password
** counts towards their lock like any sign-in. Returns COVER_SIGNED_OUT
** (*note set) when a supervisor or admin uncovered it, COVER_LIFTED when
** it was the covered user's own login, else -1 (refused, said on it).
*/
static int cover_supervisor_try(struct cover *c, char **note)
{
    char *login = lineedit_text(&c->sup[0]);
    char *password = lineedit_text(&c->sup[1]);
    struct user u;
    int rc;
    enum signin got = users_signin(ui.db, login, password, clock_now(), &u, &rc);
    explicit_bzero(password, strlen(password));
    free(password);
    free(login);
    lineedit_clear(&c->sup[1]);
    int end = -1;
    if (got != SIGNIN_OK) {
        cover_say(c, cover_refused(got, rc));
    } else if (str_eq(u.login, ui.user)) {
        cover_audit(ui.user, "screen-unlock", "password");
        end = COVER_LIFTED;
    } else if (!(roles_acts(u.role) & ROLE_SUPERVISOR)) {
        char *why = xasprintf(_("Not uncovered: %s is no supervisor or admin."), u.login);
        cover_say(c, why);
        free(why);
    } else {
        char *detail = xasprintf("signed out %s", ui.user);
        rc = cover_audit(u.login, "screen-unlock-by", detail);
        free(detail);
        if (rc == DB_OK) {
            *note = xasprintf(_("%s was signed out: %s uncovered the screen. Sign in."), ui.user,
                              u.login);
            screen_signed_out();
            end = COVER_SIGNED_OUT;
        } else {
            cover_say(c, db_rc_message(rc));
        }
    }
    if (got == SIGNIN_OK) record_free(&user_record, &u);
    return end;
}

/* Back to the covered user's own way, the supervisor's typing gone. */
static void cover_own_again(struct cover *c, int supervisor)
{
    c->supervisor = supervisor;
    c->at = 0;
    lineedit_clear(&c->sup[0]);
    lineedit_clear(&c->sup[1]);
    cover_say(c, NULL);
}

/* A key on the cover: how it ended (enum cover_end), or -1 while it stays. */
static int cover_key(struct cover *c, const struct key *k, char **note)
{
    enum action a = action_for_key(k, 1);
    int changed;
    if (!c->supervisor) {
        if (a == ACT_SAVE || a == ACT_NEXT_FIELD) {
            cover_own_again(c, 1);
        } else if (a == ACT_ENTER) {
            if (cover_lifted(c)) return COVER_LIFTED;
        } else if (!ui.user_peer) {
            field_key(&c->pw, a, k, &changed);
        }
        return -1;
    }
    if (a == ACT_BACK) {
        cover_own_again(c, 0);
    } else if (a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD || a == ACT_UP || a == ACT_DOWN ||
               (a == ACT_ENTER && c->at == 0)) {
        c->at = !c->at;
    } else if (a == ACT_ENTER || a == ACT_SAVE) {
        return cover_supervisor_try(c, note);
    } else {
        field_key(&c->sup[c->at], a, k, &changed);
    }
    return -1;
}

enum cover_end ui_cover(const char *how, char **note)
{
    struct cover c = {.how = how};
    lineedit_init(&c.pw, USER_PASSWORD_MAX);
    c.pw.hidden = 1;
    lineedit_init(&c.sup[0], USER_LOGIN_MAX);
    lineedit_init(&c.sup[1], USER_PASSWORD_MAX);
    c.sup[1].hidden = 1;
    cover_draw(&c); /* drawn before anything waits on the database */
    int rc = cover_audit(ui.user, "screen-lock", how);
    if (rc != DB_OK) cover_say(&c, db_rc_message(rc));
    int end = -1;
    while (end < 0) {
        cover_draw(&c);
        db_assert_idle(ui.db);
        struct key k;
        int r = input_read(&k, 1000);
        if (term_signal())
            end = COVER_SIGNAL;
        else if (r > 0 && k.code != KEY_RESIZE)
            end = cover_key(&c, &k, note);
    }
    lineedit_free(&c.pw);
    lineedit_free(&c.sup[0]);
    lineedit_free(&c.sup[1]);
    free(c.why);
    ui_overlay();
    return (enum cover_end)end;
}
