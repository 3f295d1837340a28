/*
** audit: see audit.h.
*/
#include "audit.h"

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
