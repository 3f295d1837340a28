/*
** kiosk: see kiosk.h.
*/
#include "kiosk.h"
#include "i18n.h"
#include "phone.h"
#include "resident.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True when s is n > 0 ASCII digits and nothing else. */
static int all_digits(const char *s, size_t n)
{
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

enum kiosk_last4 kiosk_last4_parse(const char *typed, char *out)
{
    char *s = text_normalize(typed ? typed : "", TEXT_NORM_NOSPACE);
    enum kiosk_last4 got = KIOSK_LAST4_BAD;
    char mobile[12];
    if (strlen(s) == 4 && all_digits(s, 4)) {
        memcpy(out, s, 5);
        got = KIOSK_LAST4_DIGITS;
    } else if (strlen(s) > 4 && !phone_mobile(s, mobile)) {
        memcpy(out, mobile + 7, 5);
        got = KIOSK_LAST4_MOBILE;
    }
    free(s);
    return got;
}

static const char *const state_words[RS_COUNT] = {
    [RS_NEW] = N_("Received: the desk is looking at it and will send it to a unit"),
    [RS_ANSWERED] = N_("Answered at the desk: done"),
    [RS_VOID] = N_("Not taken up: ask at the desk why"),
    [RS_DISPATCHED] = N_("Sent to the unit: waiting for it to take it up"),
    [RS_RETURNED] = N_("Back at the desk: it is being sent to the right unit"),
    [RS_ACCEPTED] = N_("Taken up by the unit: it will call you"),
    [RS_IN_PROGRESS] = N_("Being handled by the unit"),
    [RS_SUSPENDED] = N_("Being handled: more time was granted"),
    [RS_REPLIED] = N_("Handled: the desk will call you to ask if it is solved"),
    [RS_FOLLOW_UP] = N_("Handled: the desk is calling you back"),
    [RS_CLOSED] = N_("Done and closed"),
    [RS_REOPENED] = N_("Being handled again"),
};

const char *kiosk_state_words(enum request_state s)
{
    return s < RS_COUNT ? state_words[s] : "";
}

/* What the running deadline is for, in each state a resident may see it (msgids). */
static const char *const due_words[RS_COUNT] = {
    [RS_DISPATCHED] = N_("To be taken up by:"), [RS_RETURNED] = N_("To be sent on by:"),
    [RS_ACCEPTED] = N_("To call you by:"),      [RS_IN_PROGRESS] = N_("To be done by:"),
    [RS_SUSPENDED] = N_("To be done by:"),      [RS_REOPENED] = N_("To be done by:"),
    [RS_REPLIED] = N_("To be asked back by:"),  [RS_FOLLOW_UP] = N_("To be asked back by:"),
};

const char *kiosk_due_words(enum request_state s)
{
    return s < RS_COUNT && due_words[s] ? due_words[s] : N_("Deadline:");
}

/* The matter's first words, one line, as its title. Caller frees. */
static char *title_of(const char *text)
{
    struct strbuf sb = STRBUF_INIT;
    size_t chars = 0;
    for (const char *p = text; *p && chars < KIOSK_TITLE_CHARS;) {
        uint32_t cp;
        int len = utf8_decode(p, strlen(p), &cp);
        if (len <= 0) break;
        if (cp == '\n' || cp == '\r' || cp == '\t')
            strbuf_addc(&sb, ' ');
        else
            strbuf_add(&sb, p, (size_t)len);
        p += len;
        chars++;
    }
    char *t = text_trim(strbuf_str(&sb));
    strbuf_free(&sb);
    return t;
}

const char *kiosk_matter_request(const struct kiosk_matter *m, struct request *r, int *field)
{
    /* A name as the desk takes it: no digits, symbols or punctuation (a kiosk's junk). */
    char *name = resident_normalize_name(m->name);
    const char *why = resident_check_name(name);
    if (!why && text_chars(name) > KIOSK_NAME_MAX) why = _("The name is too long");
    if (why) {
        *field = 0;
        free(name);
        return why;
    }
    char mobile[12];
    why = str_empty(m->phone) ? _("Type your mobile number") : phone_mobile(m->phone, mobile);
    if (why) {
        *field = 1;
        free(name);
        return why;
    }
    char *text = text_trim(m->text ? m->text : "");
    why = *text ? validate_text(text, TEXT_LINES) : _("Say what the matter is");
    if (!why && text_chars(text) > KIOSK_MATTER_MAX) why = _("The matter is too long");
    if (why) {
        *field = 2;
        free(name);
        free(text);
        return why;
    }
    const char *category = m->category ? m->category : "";
    if (*category && !request_word_label(request_categories, category)) {
        *field = 3;
        free(name);
        free(text);
        return _("No such category");
    }
    record_set(&r->channel, "kiosk");
    record_set(&r->kind, "help");
    record_set(&r->category, *category ? category : "service");
    r->requester_kind = REQUESTER_ANONYMOUS;
    record_take(&r->requester, name);
    record_set(&r->requester_phone, mobile);
    record_take(&r->title, title_of(text));
    record_take(&r->detail, text);
    r->level = LEVEL_COMMUNITY;
    return NULL;
}

/* Two-character surnames (复姓) the kiosk keeps whole. */
static const char *const compound_surnames[] = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
    "司徒", "夏侯", "长孙", "宇文", "端木", "轩辕", "独孤", "南宫", "西门", "呼延",
};

/* Bytes of the first n characters of s (all of it when shorter). */
static size_t chars_bytes(const char *s, size_t n)
{
    size_t at = 0, len = strlen(s);
    for (size_t i = 0; i < n && at < len; i++) {
        uint32_t cp;
        int k = utf8_decode(s + at, len - at, &cp);
        at += k > 0 ? (size_t)k : 1;
    }
    return at;
}

char *kiosk_name_masked(const char *name)
{
    char *t = text_trim(name ? name : "");
    size_t chars = text_chars(t), keep = chars > 1 ? 1 : 0;
    for (size_t i = 0; i < ARRAY_LEN(compound_surnames) && chars > 2; i++)
        if (strncmp(t, compound_surnames[i], strlen(compound_surnames[i])) == 0) keep = 2;
    char *out = xasprintf("%.*s*", (int)chars_bytes(t, keep), t);
    free(t);
    return out;
}
