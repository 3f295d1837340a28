/*
** validate: see validate.h.
*/
#include "validate.h"
#include "date.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

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
    if (!text_is_line(text)) return _("Must be one line without control characters");
    return NULL;
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
