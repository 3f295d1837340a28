/*
** i18n: messages and locale. Message ids are English, written as _("...");
** N_("...") marks a string for translation where it is defined (tables)
** and _() translates it where it is shown. The Chinese catalogue is
** locale/zh_CN.po; Chinese is the default language.
*/
#ifndef BANGBAN_I18N_H
#define BANGBAN_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/* The outcome of i18n_setup(). */
enum i18n_status {
    I18N_OK,       /* the environment's locale, UTF-8 */
    I18N_FALLBACK, /* the named locale is not installed; C.UTF-8 used, language kept */
    I18N_NOT_UTF8, /* the environment names a locale whose codeset is not UTF-8 */
};

/*
** Set the locale from the environment and bind the message catalogue.
**
** - setlocale(LC_ALL, ""); when the named locale is not installed (a
**   zh_CN.UTF-8 that was never generated, sent over SSH) fall back to
**   C.UTF-8 and keep the language by setting LANGUAGE (unless it is set);
** - when the environment names no language (unset, C, POSIX, C.UTF-8) and
**   LANGUAGE is unset, the language is Chinese (LANGUAGE=zh_CN);
** - messages are looked for in localedir (bound in every case).
**
** *requested gets the locale name the environment asked for (borrowed from
** the environment, or "C"). Returns the status; with I18N_NOT_UTF8 the
** locale is left as the environment set it.
*/
enum i18n_status i18n_setup(const char *localedir, const char **requested);

/* True when the current LC_CTYPE codeset is UTF-8. */
int i18n_is_utf8(void);

#endif
