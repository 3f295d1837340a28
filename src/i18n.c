/*
** i18n: see i18n.h.
*/
#include "i18n.h"
#include "util.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The locale the environment asks for, in POSIX precedence order. */
static const char *env_locale(const char *category)
{
    const char *v = getenv("LC_ALL");
    if (!str_empty(v)) return v;
    v = getenv(category);
    if (!str_empty(v)) return v;
    v = getenv("LANG");
    if (!str_empty(v)) return v;
    return "C";
}

/* True for locale names that carry no language: C, POSIX, C.UTF-8 and the like. */
static int names_no_language(const char *loc)
{
    return str_eq(loc, "C") || str_eq(loc, "POSIX") || str_starts(loc, "C.");
}

/* True when the codeset part of a locale name ("zh_CN.GBK@x") is given and is not UTF-8. */
static int names_other_codeset(const char *loc)
{
    const char *dot = strchr(loc, '.');
    if (!dot) return 0;
    size_t n = strcspn(dot + 1, "@");
    return !((n == 5 && strncasecmp(dot + 1, "utf-8", 5) == 0) ||
             (n == 4 && strncasecmp(dot + 1, "utf8", 4) == 0));
}

/* "zh_CN.UTF-8@euro" -> "zh_CN", in buf. */
static const char *language_of(const char *loc, char *buf, size_t cap)
{
    size_t n = strcspn(loc, ".@");
    if (n >= cap) n = cap - 1;
    memcpy(buf, loc, n);
    buf[n] = '\0';
    return buf;
}

int i18n_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

enum i18n_status i18n_setup(const char *localedir, const char **requested)
{
    enum i18n_status status = I18N_OK;
    const char *ctype = env_locale("LC_CTYPE");
    const char *messages = env_locale("LC_MESSAGES");
    const char *language = getenv("LANGUAGE");

    *requested = ctype;
    if (str_empty(language) && names_no_language(messages)) setenv("LANGUAGE", "zh_CN", 1);

    if (!setlocale(LC_ALL, "")) {
        if (names_other_codeset(ctype)) return I18N_NOT_UTF8;
        if (str_empty(getenv("LANGUAGE")) && !names_no_language(messages)) {
            char lang[64];
            setenv("LANGUAGE", language_of(messages, lang, sizeof lang), 1);
        }
        if (!setlocale(LC_ALL, "C.UTF-8")) return I18N_NOT_UTF8;
        status = I18N_FALLBACK;
    }
    /* Bound whatever the codeset: commands run on (main()), and what they write is in words. */
    bindtextdomain("bangban", localedir);
    bind_textdomain_codeset("bangban", "UTF-8");
    textdomain("bangban");
    if (!i18n_is_utf8()) return I18N_NOT_UTF8;
    return status;
}
