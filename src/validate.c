/*
** validate: see validate.h.
*/
#include "validate.h"
#include "clock.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

const char *validate_code(const char *text)
{
    if (str_empty(text)) return _("Required");
    if (text_chars(text) > VALIDATE_CODE_MAX) return _("Too long: at most 30 characters");
    for (const char *p = text; *p; p++) {
        char c = *p;
        int ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 c == '-' || c == '_' || c == '.';
        if (!ok) return _("Only letters, digits and - _ . may be used");
    }
    return NULL;
}

const char *validate_required(const char *text)
{
    if (str_empty(text)) return _("Required");
    return validate_line(text);
}

const char *validate_line(const char *text)
{
    return validate_text(text, 0);
}

const char *validate_text(const char *text, unsigned flags)
{
    return validate_text_n(text, strlen(text), flags);
}

const char *validate_text_n(const char *text, size_t n, unsigned flags)
{
    static _Thread_local char msg[200];
    struct text_pos at;
    uint32_t cp;
    switch (text_find_forbidden(text, n, flags, &at, &cp)) {
    case TEXT_ALLOWED:
        return NULL;
    case TEXT_NOT_UTF8:
        snprintf(msg, sizeof msg, _("character %zu is not text (byte 0x%02X)"), at.column,
                 (unsigned)cp);
        return msg;
    case TEXT_CONTROL:
        if (cp == '\n' || cp == '\r')
            snprintf(msg, sizeof msg, _("character %zu is a line break (U+%04X): one line only"),
                     at.column, (unsigned)cp);
        else
            snprintf(msg, sizeof msg, _("character %zu is a control character (U+%04X)"), at.column,
                     (unsigned)cp);
        break;
    case TEXT_DIRECTION:
        snprintf(msg, sizeof msg, _("character %zu is a text direction control (U+%04X)"),
                 at.column, (unsigned)cp);
        break;
    default:
        snprintf(msg, sizeof msg, _("character %zu is an invisible format character (U+%04X)"),
                 at.column, (unsigned)cp);
        break;
    }
    /* at.column counts characters from the start of the line the character is on. */
    return msg;
}

const char *validate_date(const char *text)
{
    struct date d;
    if (str_empty(text)) return _("Required");
    int rc = date_parse(text, &d);
    if (rc == DATE_NOT_A_DATE) return _("Not a date: 1990-03-07, 1990/3/7 or 19900307");
    if (rc == DATE_IMPOSSIBLE) return _("There is no such day");
    return NULL;
}

const char *validate_date_optional(const char *text)
{
    return str_empty(text) ? NULL : validate_date(text);
}

const char *validate_date_gone_optional(const char *text)
{
    const char *why = validate_date_optional(text);
    if (why || str_empty(text)) return why;
    struct date d;
    char day[11], today[11];
    date_parse(text, &d);
    return strcmp(date_format(&d, day), clock_today(today)) > 0 ? _("Later than today") : NULL;
}
