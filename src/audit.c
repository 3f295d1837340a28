/*
** audit: see audit.h.
*/
#include "audit.h"
#include "i18n.h"
#include "text.h"
#include "util.h"
#include "workflow.h"

#include <stddef.h>

#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Feed s and the separator that ends it. */
static void field(struct sha256_ctx *ctx, const char *s)
{
    sha256_update(ctx, strlen(s), (const uint8_t *)s);
    sha256_update(ctx, 1, (const uint8_t *)"\x1f");
}

void audit_hash(const char *prev, const struct audit_row *r, char out[AUDIT_HASH_SIZE])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char seq[24];
    snprintf(seq, sizeof seq, "%lld", (long long)r->seq);
    sha256_init(&ctx);
    field(&ctx, prev);
    field(&ctx, seq);
    field(&ctx, r->at);
    field(&ctx, r->actor);
    field(&ctx, r->terminal);
    field(&ctx, r->action);
    field(&ctx, r->subject);
    field(&ctx, r->detail);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

#define AF(member, kind, label)                                                                    \
    FIELD_OF(struct audit_entry, member, kind, label, FIELD_STORED, NULL)
static const struct field_desc audit_entry_fields[] = {
    FIELD_OF(struct audit_entry, seq, FIELD_INT64, NULL, FIELD_KEY, NULL),
    AF(at, FIELD_TEXT, N_("When")),
    AF(actor, FIELD_TEXT, N_("Who")),
    AF(terminal, FIELD_TEXT, N_("Terminal")),
    AF(action, FIELD_TEXT, N_("What")),
    AF(subject, FIELD_TEXT, N_("Record")),
    AF(detail, FIELD_TEXT, N_("Detail")),
    AF(named, FIELD_TEXT, NULL),
};
#undef AF

const struct record_type audit_entry_record = {.name = "audit_entry",
                                               .size = sizeof(struct audit_entry),
                                               .fields = audit_entry_fields,
                                               .nfields = ARRAY_LEN(audit_entry_fields)};

/* The actions bangban writes to the log and what they mean. */
static const struct {
    const char *code, *label;
} actions[] = {
    {"request", N_("took a step of a request")},
    {"reveal", N_("showed a number in full")},
    {"export-unmasked", N_("exported with full numbers")},
    {"import", N_("imported a ledger")},
    {"import-begun", N_("began an import")},
    {"resident-status", N_("recorded a move, a death or a return")},
    {"resident-merge", N_("merged two records of one person")},
    {"resident-merged", N_("was merged into another record")},
    {"resident-recount", N_("counted the residents again")},
    {"login", N_("signed in")},
    {"login-failed", N_("failed to sign in")},
    {"user-add", N_("added a user")},
    {"user-edit", N_("changed a user")},
    {"user-password", N_("set a password")},
    {"user-lock", N_("locked a user")},
    {"user-unlock", N_("unlocked a user")},
    {"user-bind", N_("bound a user to a system login")},
    {"user-retire", N_("retired a user")},
    {"user-restore", N_("restored a user")},
    {"settings", N_("changed the settings")},
    {"database-restore", N_("put a backup in place of the database")},
    {"screen-lock", N_("covered the screen (idle or locked)")},
    {"screen-unlock", N_("uncovered the screen")},
    {"screen-unlock-by", N_("uncovered another's screen, signing them out")},
    {"kiosk-progress", N_("showed a request's progress at the kiosk")},
    {"kiosk-progress-miss", N_("a wrong number or phone typed at the kiosk")},
    {"kiosk-progress-waiting", N_("a lookup at the kiosk while it waits")},
    {"kiosk-volunteer-miss", N_("an unknown volunteer number typed at the kiosk")},
    {"kiosk-volunteer-waiting", N_("a volunteer number typed while the kiosk waits")},
    {"kiosk-exit", N_("left the kiosk with a supervisor's password")},
    {"kiosk-exit-refused", N_("was refused leaving the kiosk")},
    {"add", N_("added a record")},
    {"edit", N_("changed a record")},
    {"retire", N_("retired a record")},
    {"restore", N_("restored a record")},
    {"remove", N_("removed a record")},
    {"organisation-moved-out", N_("recorded an organisation moving out")},
    {"organisation-returned", N_("recorded an organisation moving back")},
    {"star-award", N_("awarded a volunteer a star")},
    {"certificate-issue", N_("issued a service certificate")},
    {"certificate-full-id", N_("printed an ID number in full on a certificate")},
    {"certificate-void", N_("voided a service certificate")},
};

const char *const *audit_actions(size_t *n)
{
    static const char *codes[ARRAY_LEN(actions)];
    for (size_t i = 0; i < ARRAY_LEN(actions); i++)
        codes[i] = actions[i].code;
    *n = ARRAY_LEN(actions);
    return codes;
}

const char *audit_action_label(const char *action)
{
    for (size_t i = 0; i < ARRAY_LEN(actions); i++)
        if (str_eq(actions[i].code, action)) return actions[i].label;
    return action;
}

char *audit_codes_worded(const char *text, int steps)
{
    struct strbuf sb = STRBUF_INIT;
    if (!text || !*text) return strbuf_detach(&sb);
    if (steps) {
        for (int a = 0; a < RA_COUNT; a++)
            if (strstr(_(workflow_action_label((enum request_action)a)), text))
                strbuf_addf(&sb, ",%s", workflow_action_code((enum request_action)a));
        if (strstr(_("told back"), text)) strbuf_adds(&sb, ",told");
    } else {
        for (size_t i = 0; i < ARRAY_LEN(actions); i++)
            if (strstr(_(actions[i].label), text)) strbuf_addf(&sb, ",%s", actions[i].code);
    }
    if (sb.len) strbuf_addc(&sb, ',');
    return strbuf_detach(&sb);
}

/* The fields a record's detail speaks of: those people see and edit, and what it is tells. */
static int audit_field_seen(const struct field_desc *f)
{
    return f->label && !(f->flags & (FIELD_STORED | FIELD_KEY | FIELD_WITH_PREV));
}

/* Field i of rec as the log keeps it: shown, on one line, cut. Caller frees. */
static char *audit_value(const struct record_type *t, size_t i, const void *rec)
{
    char *v = record_field_shown(t, i, rec);
    for (char *c = v; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t') *c = ' ';
    char *cut = text_excerpt(v, AUDIT_VALUE_CHARS);
    free(v);
    return cut;
}

/* "Label: value" lines of up to max fields of rec that hold something (0: every one). */
static char *audit_lines(const struct record_type *t, const void *rec, size_t max)
{
    struct strbuf sb = STRBUF_INIT;
    size_t n = 0;
    for (size_t i = 0; i < t->nfields && (!max || n < max); i++) {
        if (!audit_field_seen(&t->fields[i])) continue;
        char *v = audit_value(t, i, rec);
        if (*v) {
            strbuf_addf(&sb, "%s%s: %s", n ? "\n" : "", t->fields[i].label, v);
            n++;
        }
        free(v);
    }
    return strbuf_detach(&sb);
}

char *audit_detail_added(const struct record_type *t, const void *rec)
{
    return audit_lines(t, rec, 0);
}

char *audit_detail_named(const struct record_type *t, const void *rec)
{
    return audit_lines(t, rec, 2);
}

char *audit_detail_changed(const struct record_type *t, const void *before, const void *after)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < t->nfields; i++) {
        if (!audit_field_seen(&t->fields[i]) || record_field_same(t, i, before, after)) continue;
        char *was = audit_value(t, i, before), *now = audit_value(t, i, after);
        strbuf_addf(&sb, "%s%s: %s -> %s", sb.len ? "\n" : "", t->fields[i].label, *was ? was : "-",
                    *now ? now : "-");
        free(was);
        free(now);
    }
    if (!sb.len) {
        strbuf_free(&sb);
        return NULL;
    }
    return strbuf_detach(&sb);
}

/* True for the actions whose detail is lines of "Label: ...". */
static int audit_about_record(const char *action)
{
    static const char *const codes[] = {"add", "edit", "retire", "restore", "remove"};
    for (size_t i = 0; i < ARRAY_LEN(codes); i++)
        if (str_eq(codes[i], action)) return 1;
    return 0;
}

/*
** A kiosk's try as written (AUDIT_TRIED_* and AUDIT_TRY_*: "number
** 2026-000123, 55 s left", "volunteer number 2012000032, wrong try 2 in a
** row: waits 60 s") in words; NULL when detail is not one.
*/
static char *kiosk_try_shown(const char *detail)
{
    const char *p = detail, *what;
    if (str_starts(p, AUDIT_TRIED_VOLUNTEER)) {
        what = _("volunteer number");
        p += strlen(AUDIT_TRIED_VOLUNTEER);
    } else if (str_starts(p, AUDIT_TRIED_REQUEST)) {
        what = _("request number");
        p += strlen(AUDIT_TRIED_REQUEST);
    } else {
        return NULL;
    }
    size_t len = strcspn(p, ",");
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s %.*s", what, (int)len, p);
    p += len;
    int k, secs, n = 0;
    if (*p && sscanf(p, AUDIT_TRY_WAITING "%n", &secs, &n) == 1 && !p[n])
        strbuf_addf(&sb, _(", %d s left"), secs);
    else if ((n = 0, sscanf(p, AUDIT_TRY_WAITS "%n", &k, &secs, &n)) == 2 && !p[n])
        strbuf_addf(&sb, _(", wrong try %d in a row: waits %d s"), k, secs);
    else if ((n = 0, sscanf(p, AUDIT_TRY_WRONG "%n", &k, &n)) == 1 && !p[n])
        strbuf_addf(&sb, _(", wrong try %d in a row"), k);
    else
        strbuf_adds(&sb, p);
    return strbuf_detach(&sb);
}

/* A step of a request as written ("2026-000123 dispatch: 派往 区民政局") in words; NULL if not. */
static char *request_step_shown(const char *detail)
{
    size_t number = strcspn(detail, " ");
    const char *code = detail + number + (detail[number] == ' ');
    size_t len = strcspn(code, ":");
    char *word = xstrndup(code, len);
    int a = workflow_action_parse(word);
    const char *label = a >= 0                 ? _(workflow_action_label((enum request_action)a))
                        : str_eq(word, "told") ? _("told back")
                                               : NULL;
    free(word);
    if (!label || !detail[number]) return NULL;
    return xasprintf("%.*s %s%s", (int)number, detail, label, code + len);
}

/* How a user signed in or unlocked as written ("password pts/0") in words; NULL if not. */
static char *signin_shown(const char *detail)
{
    size_t len = strcspn(detail, " ");
    const char *how = len == 4 && strncmp(detail, "peer", 4) == 0       ? _("by the system login")
                      : len == 8 && strncmp(detail, "password", 8) == 0 ? _("by password")
                                                                        : NULL;
    return how ? xasprintf("%s%s", how, detail + len) : NULL;
}

/*
** A lock: its end, or for good (written as the far future:
** users_locked_for_good()); one the wrong passwords made ("... failed N")
** says so.
*/
static char *user_lock_shown(const char *detail)
{
    int failed = 0;
    const char *tail = strstr(detail, " failed ");
    if (tail) failed = atoi(tail + strlen(" failed "));
    if (strncmp(detail, "9999-", 5) == 0) return xstrdup(_("until unlocked"));
    char *until = tail ? xstrndup(detail, (size_t)(tail - detail)) : xstrdup(detail);
    char *words = failed > 0 ? xasprintf(_("until %s, by itself after %d wrong passwords in a row"),
                                         until, failed)
                             : xasprintf(_("until %s"), until);
    free(until);
    return words;
}

/* A screen covered: by the lock key, or after the idle minutes. */
static char *lock_shown(const char *detail)
{
    return str_eq(detail, "key")    ? xstrdup(_("by the lock key"))
           : str_eq(detail, "idle") ? xstrdup(_("left idle"))
                                    : NULL;
}

/* "signed out LOGIN": a supervisor uncovered another's screen. */
static char *uncovered_shown(const char *detail)
{
    const char *who = strncmp(detail, "signed out ", 11) == 0 ? detail + 11 : NULL;
    return who ? xasprintf(_("signed out %s"), who) : NULL;
}

/* "FILE: N kind, REASON": an export with full numbers (the file may hold ": " and ", "). */
static char *export_shown(const char *detail)
{
    const char *colon = strstr(detail, ": ");
    while (colon) {
        unsigned long n;
        char kind[32];
        int used = 0;
        if (sscanf(colon + 2, "%lu %31[a-z_]%n", &n, kind, &used) == 2 && used > 0 &&
            strncmp(colon + 2 + used, ", ", 2) == 0) {
            char *file = xstrndup(detail, (size_t)(colon - detail));
            char *words = xasprintf(_("%s: %lu rows, why: %s"), file, n, colon + 2 + used + 2);
            free(file);
            return words;
        }
        colon = strstr(colon + 2, ": ");
    }
    return NULL;
}

/* "FILE: read N, new N, updated N, unchanged N, skipped N, rejected N": an import's counts. */
static char *import_shown(const char *detail)
{
    const char *tail = strstr(detail, ": read ");
    unsigned long c[6];
    if (!tail || sscanf(tail, ": read %lu, new %lu, updated %lu, unchanged %lu, skipped %lu, "
                              "rejected %lu",
                        &c[0], &c[1], &c[2], &c[3], &c[4], &c[5]) != 6)
        return NULL;
    char *file = xstrndup(detail, (size_t)(tail - detail));
    char *words = xasprintf(_("%s: read %lu, new %lu, updated %lu, unchanged %lu, skipped %lu, "
                              "rejected %lu"),
                            file, c[0], c[1], c[2], c[3], c[4], c[5]);
    free(file);
    return words;
}

char *audit_detail_shown(const char *action, const char *detail)
{
    char *words = NULL;
    /* A lock for good is written as the far future (users_locked_for_good()). */
    if (str_eq(action, "user-lock")) return user_lock_shown(detail);
    if (strncmp(action, "kiosk-", 6) == 0)
        words = kiosk_try_shown(detail);
    else if (str_eq(action, "request"))
        words = request_step_shown(detail);
    else if (str_eq(action, "login") || str_eq(action, "screen-unlock"))
        words = signin_shown(detail);
    else if (str_eq(action, "screen-lock"))
        words = lock_shown(detail);
    else if (str_eq(action, "screen-unlock-by"))
        words = uncovered_shown(detail);
    else if (str_eq(action, "export-unmasked"))
        words = export_shown(detail);
    else if (str_eq(action, "import"))
        words = import_shown(detail);
    if (words) return words;
    if (!audit_about_record(action)) return xstrdup(detail);
    struct strbuf sb = STRBUF_INIT;
    const char *line = detail;
    while (*line) {
        size_t len = strcspn(line, "\n");
        char *one = xstrndup(line, len);
        char *colon = strstr(one, ": ");
        if (sb.len) strbuf_adds(&sb, _("; "));
        if (colon) {
            *colon = 0;
            strbuf_addf(&sb, "%s%s%s", _(one), _(": "), colon + 2);
        } else {
            strbuf_adds(&sb, one);
        }
        free(one);
        line += len + (line[len] == '\n');
    }
    return strbuf_detach(&sb);
}
