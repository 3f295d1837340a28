/*
** audit: see audit.h.
*/
#include "audit.h"
#include "i18n.h"
#include "util.h"

#include <stddef.h>

#include <nettle/sha2.h>
#include <stdio.h>
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
    {"organisation-add", N_("registered an organisation")},
    {"organisation-edit", N_("changed an organisation")},
    {"organisation-moved-out", N_("recorded an organisation moving out")},
    {"organisation-returned", N_("recorded an organisation moving back")},
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
