/*
** phone: see phone.h.
*/
#include "phone.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/*
** The digits of typed after normalising; a dash or bracket becomes '-' when
** keep_dash, else goes; a leading '+' goes. NULL when other characters are
** there. Caller frees.
*/
static char *digits_of(const char *typed, int keep_dash)
{
    char *s = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    char *w = s;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            *w++ = *p;
        } else if (*p == '-' || *p == '(' || *p == ')') {
            if (keep_dash) *w++ = '-';
        } else if (!(*p == '+' && p == s)) {
            free(s);
            return NULL;
        }
    }
    *w = '\0';
    return s;
}

/* Whether typed is a number as Excel shows one it has made of digits: 1.38001E+10. */
static int excel_number(const char *typed)
{
    const char *e = typed ? strpbrk(typed, "eE") : NULL;
    return e && strchr(typed, '.') && (e[1] == '+' || (e[1] >= '0' && e[1] <= '9'));
}

const char *phone_mobile(const char *typed, char *out)
{
    if (excel_number(typed))
        return _("Excel turned this mobile number into a number like 1.38001E+10 and lost its "
                 "last digits: take it from the person");
    /* 13800001112.0: a number cell written out by a program that keeps its decimal point */
    size_t tn = typed ? strlen(typed) : 0;
    if (tn > 2 && str_eq(typed + tn - 2, ".0")) {
        char *whole = xstrdup(typed);
        whole[tn - 2] = '\0';
        const char *msg = phone_mobile(whole, out);
        free(whole);
        return msg;
    }
    char *d = digits_of(typed, 0);
    if (!d) return _("A mobile number has digits only");
    const char *p = d;
    size_t n = strlen(p);
    if (n == 15 && str_starts(p, "0086"))
        p += 4;
    else if (n == 13 && str_starts(p, "86"))
        p += 2;
    n = strlen(p);
    const char *msg = NULL;
    if (n == 0)
        msg = _("Required");
    else if (n != 11)
        msg = _("A mobile number has 11 digits");
    else if (p[0] != '1' || p[1] < '3')
        msg = _("A mobile number starts with 13 to 19");
    else
        memcpy(out, p, 12);
    free(d);
    return msg;
}

const char *phone_landline(const char *typed, char *out, size_t cap)
{
    char *d = digits_of(typed, 1);
    if (!d) return _("A phone number has digits and dashes only");
    /* Split into the digit groups between dashes. */
    char *groups[4];
    int ng = 0;
    for (char *tok = strtok(d, "-"); tok && ng < 4; tok = strtok(NULL, "-"))
        groups[ng++] = tok;
    const char *msg = _("A landline is area code and 7-8 digits, e.g. 022-23456789");
    const char *area = NULL, *number = NULL, *ext = NULL;
    char area_buf[5];
    if (ng == 1 && groups[0][0] == '0' && strlen(groups[0]) >= 10 && strlen(groups[0]) <= 12) {
        /* 02223456789: a 3-digit area code for 01x/02x, else 4. */
        size_t alen = groups[0][1] == '1' || groups[0][1] == '2' ? 3 : 4;
        memcpy(area_buf, groups[0], alen);
        area_buf[alen] = '\0';
        area = area_buf;
        number = groups[0] + alen;
    } else if (ng >= 1 && groups[0][0] != '0') {
        number = groups[0];
        ext = ng == 2 ? groups[1] : NULL;
        if (ng > 2) number = NULL;
    } else if (ng >= 2) {
        area = groups[0];
        number = groups[1];
        ext = ng == 3 ? groups[2] : NULL;
        if (ng > 3) number = NULL;
    }
    size_t nl = number ? strlen(number) : 0;
    int ok = number && nl >= 7 && nl <= 8 && number[0] != '0' &&
             (!area || (strlen(area) >= 3 && strlen(area) <= 4)) && (!ext || strlen(ext) <= 6);
    if (ok) {
        struct strbuf sb = STRBUF_INIT;
        if (area) strbuf_addf(&sb, "%s-", area);
        strbuf_adds(&sb, number);
        if (ext) strbuf_addf(&sb, "-%s", ext);
        if (sb.len < cap) {
            memcpy(out, sb.buf, sb.len + 1);
            msg = NULL;
        }
        strbuf_free(&sb);
    }
    free(d);
    return msg;
}

const char *phone_check_any(const char *text)
{
    char mobile[12], land[40];
    if (!*text || !phone_mobile(text, mobile) || !phone_landline(text, land, sizeof land))
        return NULL;
    return _("A mobile number (11 digits) or a landline such as 022-23456789");
}

char *phone_normal_any(const char *text)
{
    char mobile[12], land[40];
    if (*text && !phone_mobile(text, mobile)) return xstrdup(mobile);
    if (*text && !phone_landline(text, land, sizeof land)) return xstrdup(land);
    return xstrdup(text);
}
