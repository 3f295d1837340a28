/*
** screen_login: who is at the keyboard, before the home screen. When the
** system login that started bangban is bound to an active user, that user
** is signed in with no password (peer sign-in) and the home screen opens
** at once; on a database with no users yet the program runs as the system
** login, as it always did. Otherwise this screen asks for a login and a
** password (drawn as '*'s); a refusal says one thing whatever the cause,
** so nobody learns which logins exist. Also: changing one's own password.
*/
#include "app/users.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
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
    char *why; /* the last refusal, shown under the fields; NULL when none */
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
    ui.rights = role ? role->rights : 0;
    record_free(&user_record, u);
}

static const enum action login_bar[] = {ACT_HELP, ACT_SAVE, ACT_QUIT, ACT_NONE};

static void login_draw(struct screen *s, int top, int rows)
{
    struct login *l = (struct login *)s;
    s->cursor_on = 0;
    draw_textf(top + 1, 2, COLS - 4, term_attr(UI_NORMAL),
               _("The system login %s is bound to no user of bangban: sign in."), actor_os_login());
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
    form_set_text(&l->form, 1, "");
    if (got == SIGNIN_OK) {
        signed_in(&u, 0);
        ui_push(screen_home_new());
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

/* The sign-in screen. */
static struct screen *screen_login_new(void)
{
    struct login *l = xcalloc(1, sizeof *l);
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
    if (got == SIGNIN_OK) signed_in(&u, 1);
    if (got == SIGNIN_OK || got == SIGNIN_NO_USERS) return screen_home_new();
    if (got == SIGNIN_ERROR) ui_db_failed(_("Not signed in"), rc);
    return screen_login_new();
}

/* Both passwords typed alike, and good enough. */
static char *passwords_check(void *ctx, char *const *values, int *field)
{
    (void)ctx;
    const char *why = user_password_check(values[0]);
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

int ui_password_change(int64_t user_id, const char *login)
{
    const char *prompts[] = {_("New password"), _("The new password again")};
    char *values[2] = {NULL, NULL};
    char *title = xasprintf(_("Password of %s"), login);
    int ok = dialog_inputs_hidden(title, prompts, values, 2, USER_PASSWORD_MAX, 3u, passwords_check,
                                  NULL);
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
    ui_password_change(u.id, u.login);
    record_free(&user_record, &u);
}

/* The cover's words and, for a password, its field; the cursor goes to s. */
static void cover_draw(struct lineedit *pw, const char *why, struct screen *s)
{
    erase();
    char *title = xasprintf("%s - %s", _("bangban"), _("Covered"));
    draw_text(0, 0, COLS, title, term_attr(UI_TITLE), 0);
    free(title);
    int y = LINES / 2 - 3;
    char *line = xasprintf(_("The screen is covered: %s was away for a while."), ui.user);
    draw_center(y, 0, COLS, line, term_attr(UI_NORMAL));
    free(line);
    s->cursor_on = 0;
    if (ui.user_peer) {
        line = xasprintf(_("%s: press Enter to go on."), ui.user);
        draw_center(y + 2, 0, COLS, line, term_attr(UI_NORMAL));
    } else {
        line = xasprintf(_("The password of %s, then Enter:"), ui.user);
        draw_center(y + 2, 0, COLS, line, term_attr(UI_NORMAL));
        field_draw(pw, y + 3, (COLS - 24) / 2, 24, term_attr(UI_FIELD), s, 1);
    }
    free(line);
    if (why) draw_center(y + 5, 0, COLS, why, term_attr(UI_ERROR));
    draw_center(LINES - 2, 0, COLS, _("What was typed is kept under the cover."),
                term_attr(UI_DIM));
    if (s->cursor_on) {
        move(s->cursor_y, s->cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
    refresh();
}

/* True when the user covered may go on: still bound to this system login, or its password. */
static int cover_lifted(struct lineedit *pw, char **why)
{
    struct user u;
    int rc;
    enum signin got;
    if (ui.user_peer) {
        got = users_peer(ui.db, actor_os_login(), clock_now(), &u, &rc);
    } else {
        char *password = lineedit_text(pw);
        got = users_signin(ui.db, ui.user, password, clock_now(), &u, &rc);
        explicit_bzero(password, strlen(password));
        free(password);
        lineedit_clear(pw);
    }
    int same = got == SIGNIN_OK && str_eq(u.login, ui.user);
    if (got == SIGNIN_OK) record_free(&user_record, &u);
    free(*why);
    *why = same ? NULL
                : xstrdup(got == SIGNIN_ERROR ? db_rc_message(rc)
                                              : _("Not signed in: the login or the password is "
                                                  "wrong, or the account is locked for now."));
    return same;
}

void ui_cover(void)
{
    struct lineedit pw;
    lineedit_init(&pw, USER_PASSWORD_MAX);
    pw.hidden = 1;
    struct screen fake = {0};
    char *why = NULL;
    for (;;) {
        cover_draw(&pw, why, &fake);
        db_assert_idle(ui.db);
        struct key k;
        int r = input_read(&k, 1000);
        if (term_signal()) break;
        if (r <= 0 || k.code == KEY_RESIZE) continue;
        enum action a = action_for_key(&k, 1);
        if (a == ACT_ENTER && cover_lifted(&pw, &why)) break;
        int changed;
        if (!ui.user_peer && a != ACT_ENTER) field_key(&pw, a, &k, &changed);
    }
    lineedit_free(&pw);
    free(why);
    ui_overlay();
}
