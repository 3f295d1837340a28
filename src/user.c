/*
** user: see user.h.
*/
#include "user.h"
#include "i18n.h"
#include "roles.h"
#include "text.h"
#include "util.h"

#include <crypt.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A user's role in words. */
static char *user_shown(size_t i, const void *rec);

#define UF(member, kind, label, flags, by) FIELD_OF(struct user, member, kind, label, flags, by)
static const struct field_desc user_fields[] = {
    UF(id, FIELD_INT64, NULL, FIELD_KEY, NULL),
    UF(login, FIELD_TEXT, N_("Login"), 0, NULL),
    UF(name, FIELD_TEXT, N_("Name"), 0, NULL),
    UF(phone, FIELD_TEXT, N_("Mobile"), FIELD_SECRET, NULL),
    UF(role, FIELD_TEXT, N_("Role"), 0, NULL),
    UF(unit_id, FIELD_INT64, N_("Unit"), 0, "unit_name"),
    UF(unit_name, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    UF(scope, FIELD_TEXT, N_("Scope"), 0, NULL),
    UF(buildings, FIELD_TEXT, N_("Buildings"), FIELD_SET, NULL),
    UF(os_login, FIELD_TEXT, N_("System login"), 0, NULL),
    UF(password, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    UF(failed, FIELD_INT64, NULL, FIELD_STORED, NULL),
    UF(locked_until, FIELD_TEXT, N_("Locked until"), FIELD_STORED, NULL),
    UF(retired, FIELD_INT, N_("Retired"), FIELD_STORED, NULL),
    UF(version, FIELD_INT64, NULL, FIELD_KEY, NULL),
    UF(updated_at, FIELD_TEXT, NULL, FIELD_STORED, NULL),
    UF(updated_by, FIELD_TEXT, NULL, FIELD_STORED, NULL),
};
#undef UF

const struct record_type user_record = {.name = "user",
                                        .size = sizeof(struct user),
                                        .fields = user_fields,
                                        .nfields = ARRAY_LEN(user_fields),
                                        .shown = user_shown};

static char *user_shown(size_t i, const void *rec)
{
    const struct user *u = rec;
    if (str_eq(user_fields[i].name, "role")) return xstrdup(user_role_name(u->role));
    return NULL;
}

const char *user_role_name(const char *code)
{
    const struct role *r = roles_find(code);
    return r && str_eq(r->code, code) ? _(r->name) : code;
}

const char *user_login_check(const char *text)
{
    size_t n = strlen(text);
    if (n == 0) return _("A login is needed");
    if (text_width(text) > USER_LOGIN_MAX || !text_is_line(text))
        return _("A login is at most 32 columns of letters, digits, Chinese, '.', '_' and '-'");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = *p;
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return _("A login is at most 32 columns of letters, digits, Chinese, '.', '_' and '-'");
    }
    return NULL;
}

/* The passwords guessed first (lists of leaked passwords, Chinese ones among them), lower case. */
static const char *const common_passwords[] = {
    "password",  "password1", "passw0rd",  "iloveyou",  "qwertyui",   "qwerty123",  "1qaz2wsx",
    "1q2w3e4r",  "zxcvbnm1",  "asdfghjk",  "abc12345",  "abcd1234",   "a1234567",   "aa123456",
    "admin123",  "admin888",  "12345678a", "123456789", "1234567890", "88888888a",  "woaini1314",
    "woaini520", "5201314a",  "520131400", "iloveyou1", "qq123456",   "123qweasd",  "qweasdzxc",
    "11223344",  "12341234",  "147258369", "123123123", "987654321a", "bangban123",
};

/* The shortest login, in characters, that a password may not hold anywhere. */
#define USER_LOGIN_HELD_MIN 3

/* Whether text holds login anywhere, ASCII letters in either case. */
static int user_password_holds(const char *text, const char *login)
{
    size_t n = strlen(login), len = strlen(text);
    for (size_t i = 0; i + n <= len; i++)
        if (strncasecmp(text + i, login, n) == 0) return 1;
    return 0;
}

const char *user_password_check(const char *login, const char *text)
{
    if (strlen(text) > USER_PASSWORD_MAX) return _("A password is at most 128 bytes");
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80) chars++;
    if (chars < USER_PASSWORD_MIN) return _("A password needs at least 8 characters");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p < 0x20 || *p == 0x7F) return _("A password holds no control characters");
    /* One character over and over, or a run up or down (aaaaaaaa, 12345678, 87654321). */
    int same = 1, up = 1, down = 1;
    for (const unsigned char *p = (const unsigned char *)text + 1; *p; p++) {
        same &= p[0] == p[-1];
        up &= p[0] == p[-1] + 1;
        down &= p[0] + 1 == p[-1];
    }
    if (same || up || down)
        return _("A password is not one character repeated nor a run such as 12345678");
    if (login && strcasecmp(text, login) == 0) return _("A password is not the login");
    if (login && text_chars(login) >= USER_LOGIN_HELD_MIN && user_password_holds(text, login))
        return _("A password does not contain the login");
    for (size_t i = 0; i < ARRAY_LEN(common_passwords); i++)
        if (strcasecmp(text, common_passwords[i]) == 0)
            return _("That password is among the first any guesser tries: choose another");
    return NULL;
}

const char *user_password_change_check(const char *login, const char *now, const char *text)
{
    if (now && str_eq(text, now)) return _("The new password is not the one in use");
    return user_password_check(login, text);
}

char *user_password_hash(const char *password)
{
    char *salt = crypt_gensalt_ra("$y$", 0, NULL, 0);
    if (!salt) return NULL;
    void *data = NULL;
    int size = 0;
    const char *hash = crypt_ra(password, salt, &data, &size);
    char *out = hash && hash[0] == '$' ? xstrdup(hash) : NULL;
    if (!out && errno == 0) errno = EINVAL;
    free(salt);
    if (data) explicit_bzero(data, (size_t)size);
    free(data);
    return out;
}

int user_password_matches(const char *password, const char *hash)
{
    if (!password || !hash || hash[0] != '$') return 0;
    struct crypt_data *data = xcalloc(1, sizeof *data);
    const char *got = crypt_rn(password, hash, data, (int)sizeof *data);
    int same = got && got[0] == '$' && strlen(got) == strlen(hash);
    if (same) {
        /* Compare every byte, whatever differs first. */
        unsigned char diff = 0;
        for (size_t i = 0; hash[i]; i++)
            diff |= (unsigned char)(got[i] ^ hash[i]);
        same = diff == 0;
    }
    explicit_bzero(data, sizeof *data);
    free(data);
    return same;
}
