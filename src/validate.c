/*
** validate: see validate.h.
*/
#include "validate.h"
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
