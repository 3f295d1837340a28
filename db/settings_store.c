/*
** settings_store: see settings_store.h.
*/
#include "db/settings_store.h"
#include "db/audit_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/util.h"

#include <stdio.h>
#include <stdlib.h>

/* The meta keys of the settings' own bookkeeping. */
#define VERSION_KEY "settings_version"
#define AT_KEY      "settings_updated_at"
#define BY_KEY      "settings_updated_by"

static int64_t version_of(struct db *db)
{
    char *v = db_meta_get(db, VERSION_KEY);
    int64_t n = v ? strtoll(v, NULL, 10) : 0;
    free(v);
    return n;
}

int settings_load(struct db *db, struct settings *out)
{
    record_init(&settings_record, out);
    for (int i = 0; i < SETTING_COUNT; i++)
        record_take(&out->value[i], settings_get(db, (enum setting_id)i));
    out->version = version_of(db);
    record_take(&out->updated_at, db_meta_get(db, AT_KEY));
    record_take(&out->updated_by, db_meta_get(db, BY_KEY));
    return DB_OK;
}

/* Say that actor changed the settings now, making them version; inside a transaction. */
static int changed_by(struct db *db, const char *actor, int64_t version)
{
    char when[20], number[24];
    clock_format(clock_now(), when);
    snprintf(number, sizeof number, "%lld", (long long)version);
    int rc = db_meta_set(db, VERSION_KEY, number);
    if (rc == DB_OK) rc = db_meta_set(db, AT_KEY, when);
    if (rc == DB_OK) rc = db_meta_set(db, BY_KEY, actor);
    return rc;
}

/* Add "Label: old -> new" for setting id to what a save changed. */
static void change_add(struct strbuf *sb, enum setting_id id, const char *had, const char *now)
{
    strbuf_addf(sb, "%s%s: %s -> %s", sb->len ? "; " : "", _(setting_info(id)->label),
                *had ? had : _("(none)"), *now ? now : _("(none)"));
}

/*
** End a save that changed what changes lists (nothing when empty): the
** bookkeeping, one audit row, and the commit; or roll back after rc.
*/
static int save_end(struct db *db, int rc, const struct strbuf *changes, const char *actor,
                    int64_t version)
{
    if (rc == DB_OK && changes->len) rc = changed_by(db, actor, version);
    if (rc == DB_OK && changes->len)
        rc = audit_append(db, actor, "settings", "settings", strbuf_str(changes));
    if (rc == DB_OK) return db_commit(db);
    db_rollback(db);
    return rc;
}

int settings_save(struct db *db, struct settings *s, const char *actor)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_CONFIGURE);
    if (rc == DB_OK && version_of(db) != s->version) rc = DB_CONFLICT;
    struct strbuf changes = STRBUF_INIT;
    for (int i = 0; rc == DB_OK && i < SETTING_COUNT; i++) {
        char *had = settings_get(db, (enum setting_id)i);
        const char *now = settings_value(s, (enum setting_id)i);
        if (str_eq(had, now)) {
            /* as stored: not judged again by a rule made since */
        } else if (setting_check((enum setting_id)i, now)) {
            rc = DB_INVALID;
        } else {
            rc = db_meta_set(db, setting_info((enum setting_id)i)->key, s->value[i]);
            change_add(&changes, (enum setting_id)i, had, s->value[i]);
        }
        free(had);
    }
    int written = changes.len > 0;
    rc = save_end(db, rc, &changes, actor, s->version + 1);
    strbuf_free(&changes);
    if (rc == DB_OK && written) s->version++;
    return rc;
}

int settings_set(struct db *db, enum setting_id id, const char *value, const char *actor)
{
    if (setting_check(id, value)) return DB_INVALID;
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    rc = user_allowed(db, actor, RIGHT_CONFIGURE);
    struct strbuf changes = STRBUF_INIT;
    char *had = rc == DB_OK ? settings_get(db, id) : NULL;
    if (rc == DB_OK && !str_eq(had, value)) {
        rc = db_meta_set(db, setting_info(id)->key, value);
        change_add(&changes, id, had, value);
    }
    free(had);
    rc = save_end(db, rc, &changes, actor, version_of(db) + 1);
    strbuf_free(&changes);
    return rc;
}

char *settings_get(struct db *db, enum setting_id id)
{
    char *v = db_meta_get(db, setting_info(id)->key);
    if (v && *v) return v;
    free(v);
    return xstrdup(setting_info(id)->dflt);
}

double settings_get_number(struct db *db, enum setting_id id)
{
    char *v = db_meta_get(db, setting_info(id)->key);
    double d = setting_number(id, v);
    free(v);
    return d;
}
