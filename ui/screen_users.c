/*
** screen_users: 操作员, the users who sign in, as a list and a form, both
** through the kits: typing narrows the list, F7 adds a user, Enter or F4
** edits, F8 retires or restores (never deletes), F6 shows retired users;
** F9 sets the selected user's password, locks or unlocks it. Mobiles are
** masked in the list and on the form until revealed. A building chief's
** buildings are typed as codes or names, each checked against the
** buildings on file.
*/
#include "app/users.h"
#include "db/user_store.h"
#include "src/actor.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/phone.h"
#include "src/resident.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "src/validate.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

#include <stdlib.h>

/* --- the form -------------------------------------------------------------------------------- */

static const char *check_login(const char *text)
{
    return user_login_check(text);
}

static const char *check_os_login(const char *text)
{
    return str_empty(text) ? NULL : user_login_check(text);
}

static const char *check_mobile(const char *text)
{
    char out[12];
    return str_empty(text) ? NULL : phone_mobile(text, out);
}

/* The roles to choose from: their names, with what each may do. */
static int role_source(void *ctx, const char *query, struct choice_list *out)
{
    (void)ctx;
    for (int i = 0; i < ROLE_COUNT; i++) {
        const struct role *r = roles_get((enum role_id)i);
        struct strbuf rights = STRBUF_INIT;
        for (unsigned b = 0; b < RIGHT_COUNT; b++)
            if (r->rights & (1u << b))
                strbuf_addf(&rights, "%s%s", rights.len ? _(", ") : "",
                            _(roles_right_name(1u << b)));
        choice_list_offer(out, query, i + 1, _(r->name), strbuf_str(&rights));
        strbuf_free(&rights);
    }
    return 0;
}

/* The role chosen on the form: its code. */
static const char *role_code_of(int64_t id)
{
    const struct role *r = id > 0 ? roles_get((enum role_id)(id - 1)) : NULL;
    return r ? r->code : "";
}

static int64_t role_id_of(const char *code)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (str_eq(roles_get((enum role_id)i)->code, code)) return i + 1;
    return 0;
}

static void user_build(struct form_screen *fs)
{
    const struct user *u = fs->orig;
    struct form *f = &fs->form;
    form_bind(
        f,
        form_add_text(f, _("Login"), u->login, USER_LOGIN_MAX, 20, check_login, TEXT_NORM_NOSPACE),
        "login");
    form_bind(f, form_add_text(f, _("Name"), u->name, USER_NAME_MAX, 20, NULL, TEXT_NORM_PROSE),
              "name");
    int i = form_add_text(f, _("Mobile"), u->phone, 20, 14, check_mobile, TEXT_NORM_NOSPACE);
    if (u->id && *u->phone) form_set_secret(f, i, resident_masked_phone);
    form_bind(f, i, "phone");
    form_bind(f,
              form_add_choice(f, _("Role"), role_id_of(u->role), user_role_name(u->role),
                              role_source, NULL, 0, 16),
              "role");
    form_bind(f,
              form_add_choice(f, _("Unit"), u->unit_id, u->unit_name, choices_units, NULL, 1, 24),
              "unit_id");
    form_bind(f, form_add_text(f, _("Scope"), u->scope, USER_SCOPE_MAX, 24, NULL, TEXT_NORM_PROSE),
              "scope");
    form_bind(f,
              form_add_text(f, _("Buildings"), u->buildings, USER_BUILDINGS_MAX, 40, NULL,
                            TEXT_NORM_PROSE),
              "buildings");
    form_bind(f,
              form_add_text(f, _("System login"), u->os_login, USER_LOGIN_MAX, 20, check_os_login,
                            TEXT_NORM_NOSPACE),
              "os_login");
}

static int user_read(struct form_screen *fs, void *rec)
{
    struct user *u = rec;
    struct form *f = &fs->form;
    record_take(&u->login, form_text(f, form_bound(f, "login")));
    record_take(&u->name, form_text(f, form_bound(f, "name")));
    int phone = form_bound(f, "phone");
    if (!form_masked(f, phone)) {
        char *typed = form_text(f, phone);
        char mobile[12] = "";
        if (*typed) phone_mobile(typed, mobile);
        record_set(&u->phone, mobile);
        free(typed);
    }
    record_set(&u->role, role_code_of(form_choice(f, form_bound(f, "role"))));
    u->unit_id = form_choice(f, form_bound(f, "unit_id"));
    record_take(&u->scope, form_text(f, form_bound(f, "scope")));
    record_take(&u->buildings, form_text(f, form_bound(f, "buildings")));
    record_take(&u->os_login, form_text(f, form_bound(f, "os_login")));
    return 0;
}

/* A building chief's buildings: each an existing building, named on the field when not. */
static int buildings_check(struct form_screen *fs, const char *role)
{
    struct form *f = &fs->form;
    int i = form_bound(f, "buildings");
    struct user u;
    record_init(&user_record, &u);
    u.id = ((const struct user *)fs->orig)->id;
    record_take(&u.buildings, form_text(f, i));
    const char *only = str_eq(role, "chief") || str_empty(u.buildings)
                           ? NULL
                           : _("Only a building chief has buildings");
    int rc = DB_OK;
    char *why = only ? xstrdup(only) : users_buildings_why(ui.db, &u, &rc);
    record_free(&user_record, &u);
    if (!why && rc != DB_OK) why = xstrdup(db_rc_message(rc));
    if (!why) return -1;
    form_set_message(f, i, why);
    free(why);
    return i;
}

/* A role and a unit that go together, and a chief's buildings. */
static int user_check(struct form_screen *fs)
{
    struct form *f = &fs->form;
    const char *role = role_code_of(form_choice(f, form_bound(f, "role")));
    int64_t unit = form_choice(f, form_bound(f, "unit_id"));
    if (!*role) {
        form_set_message(f, form_bound(f, "role"), _("No such role"));
        return form_bound(f, "role");
    }
    if (str_eq(role, "unit") != (unit != 0)) {
        int i = form_bound(f, "unit_id");
        form_set_message(
            f, i, unit ? _("Only a unit handler has a unit") : _("A unit handler needs a unit"));
        return i;
    }
    int at = form_bound(f, "scope"), rc;
    struct user u;
    record_init(&user_record, &u);
    record_take(&u.scope, form_text(f, at));
    char *why = users_scope_why(ui.db, &u, &rc);
    record_free(&user_record, &u);
    if (!why && rc != DB_OK) why = xstrdup(db_rc_message(rc));
    if (why) {
        form_set_message(f, at, why);
        free(why);
        return at;
    }
    return buildings_check(fs, role);
}

static int user_save_form(struct form_screen *fs, void *rec)
{
    (void)fs;
    struct user *u = rec;
    if (u->id) return user_save(ui.db, u, actor_name());
    /* A new user: no password yet; F9 on the list sets one, or a bound system login signs in. */
    const char *why;
    int rc = users_add(ui.db, u, NULL, actor_name(), &why);
    return rc == DB_INVALID && why ? DB_INVALID : rc;
}

/* A system login bound to another user already: which user, so the admin knows whom to unbind. */
static int os_login_taken(struct form_screen *fs, const struct user *u)
{
    struct user holder;
    if (str_empty(u->os_login) || user_find_os(ui.db, u->os_login, &holder) != DB_OK) return -1;
    char *why = xasprintf(_("the system login %s is bound to %s (%s) already"), u->os_login,
                          holder.login, user_role_name(holder.role));
    form_set_message(&fs->form, form_bound(&fs->form, "os_login"), why);
    ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
    free(why);
    record_free(&user_record, &holder);
    return UI_HANDLED;
}

/* A login another user has (Admin is admin's too: one login to a person signing in). */
static int login_taken(struct form_screen *fs, const struct user *u)
{
    char *why = xasprintf(_("%s: a user of that login exists"), u->login);
    form_set_message(&fs->form, form_bound(&fs->form, "login"), why);
    ui_message(UI_MSG_ERROR, _("Not saved: %s"), why);
    free(why);
    return UI_HANDLED;
}

/*
** A refusal said where it belongs: a login taken, a system login bound
** already (to whom), an edit that would leave no administrator who can
** sign in (at the role).
*/
static int user_refused(struct form_screen *fs, int rc, const void *rec)
{
    const struct user *u = rec;
    struct user was;
    if (rc == DB_DUPLICATE) {
        char *col = db_duplicate_field(ui.db);
        int said = str_eq(col ? col : "", "os_login") ? os_login_taken(fs, u) : login_taken(fs, u);
        free(col);
        return said;
    }
    if (rc != DB_INVALID || !u->id || user_get(ui.db, u->id, &was) != DB_OK) return -1;
    int demoted =
        roles_allow(was.role, RIGHT_MANAGE_USERS) && !roles_allow(u->role, RIGHT_MANAGE_USERS);
    record_free(&user_record, &was);
    if (!demoted) return -1;
    form_set_message(&fs->form, form_bound(&fs->form, "role"), user_last_admin_text());
    ui_message(UI_MSG_ERROR, _("Not saved: %s"), user_last_admin_text());
    return UI_HANDLED;
}

static int user_get_form(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return user_get(ui.db, ((const struct user *)rec)->id, out);
}

static char *user_name_of(const void *rec)
{
    return xstrdup(((const struct user *)rec)->login);
}

static const struct form_spec user_form = {.type = &user_record,
                                           .title_new = N_("New user"),
                                           .title_edit = N_("Edit user"),
                                           .build = user_build,
                                           .check = user_check,
                                           .read = user_read,
                                           .save = user_save_form,
                                           .refused = user_refused,
                                           .get = user_get_form,
                                           .parent = "unit_id",
                                           .name = user_name_of};

/* --- the list -------------------------------------------------------------------------------- */

static int user_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct user *users;
    int rc = user_list(ui.db, ls->with_retired, &users, &out->n);
    out->items = users;
    list_rows_keep(&user_record, out, query, "login", "name");
    return rc;
}

static const char *user_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    const struct user *u = row;
    switch (col) {
    case 0:
        return u->login;
    case 1:
        return u->name;
    case 2:
        return user_role_name(u->role);
    case 3:
        if (str_eq(u->role, "chief")) return *u->buildings ? u->buildings : _("(no buildings yet)");
        return *u->unit_name ? u->unit_name : u->scope;
    case 4: {
        char *masked = resident_masked_phone(u->phone);
        snprintf(buf, 64, "%s", masked);
        free(masked);
        return buf;
    }
    case 5:
        return u->os_login;
    default:
        return u->retired                     ? _("Retired")
               : users_locked(u, clock_now()) ? _("Locked")
               : users_no_way_in(u)           ? _("No way in yet")
                                              : "";
    }
}

static int user_set_retired_row(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return user_set_retired(ui.db, row, retire, actor_name(), current);
}

static char *user_row_name(const void *row)
{
    return xstrdup(((const struct user *)row)->login);
}

static const struct list_retire user_retiring = {
    .set = user_set_retired_row, .name = user_row_name, .why = user_last_admin_text};

/* F9: the selected user's password. */
static void password_command(struct screen *s, const struct command *c)
{
    (void)c;
    struct user *u = list_screen_selected((struct list_screen *)s);
    if (!u) return;
    ui_password_change(u->id, u->login);
}

/* F9: lock the selected user until unlocked, or unlock it. */
static void lock_command(struct screen *s, const struct command *c)
{
    struct user *u = list_screen_selected((struct list_screen *)s);
    if (!u) return;
    int lock = c->arg == 1;
    /* A retired user signs in neither way: F8 restores it (locking or unlocking would say nothing).
     */
    if (u->retired) {
        ui_message(UI_MSG_ERROR, _("%s is retired: F8 restores it first"), u->login);
        return;
    }
    /* One key would sign the admin out for good, with no one but another admin to undo it. */
    if (lock && ui.user && str_eq(u->login, ui.user)) {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Not changed: your own account is locked by another administrator"));
        return;
    }
    int rc = user_set_lock(ui.db, u->id, lock ? users_locked_for_good() : NULL, actor_name());
    if (rc == DB_OK)
        ui_message(UI_MSG_INFO, lock ? _("%s is locked until unlocked") : _("%s is unlocked"),
                   u->login);
    else if (rc == DB_INVALID)
        ui_message(UI_MSG_ERROR, _("Not changed: %s"), user_last_admin_text());
    else
        ui_db_failed(_("Not changed"), rc);
}

static const struct list_tab user_tab = {.type = &user_record,
                                         .cols = {{N_("Login"), 10, 0},
                                                  {N_("Name"), 8, 0},
                                                  {N_("Role"), 12, 0},
                                                  {N_("Unit or scope"), 0, 0},
                                                  {N_("Mobile"), 11, 0},
                                                  {N_("System login"), 8, 0},
                                                  {N_("Status"), 8, 0}},
                                         .ncols = 7,
                                         .hint = N_("type a login or a name"),
                                         .empty = N_("Nothing found. F7 creates a new record."),
                                         .flags = LIST_RETIRED,
                                         .load = user_load,
                                         .cell = user_cell,
                                         .form = &user_form,
                                         .retiring = &user_retiring};

static const struct command user_menu[] = {
    {"user-password", '1', N_("Set the password"),
     N_("A new password for the selected user; its failed sign-ins and any lock are cleared"),
     RIGHT_MANAGE_USERS, password_command, 0, NULL},
    {"user-lock", '2', N_("Lock"), N_("The selected user cannot sign in until unlocked"),
     RIGHT_MANAGE_USERS, lock_command, 1, NULL},
    {"user-unlock", '3', N_("Unlock"), N_("The selected user can sign in again"),
     RIGHT_MANAGE_USERS, lock_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec user_list_spec = {
    .title = N_("Users"), .tabs = &user_tab, .ntabs = 1, .menu = user_menu};

struct screen *screen_users_new(void)
{
    return list_screen_new(&user_list_spec, 0, NULL);
}
