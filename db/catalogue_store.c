/*
** catalogue_store: see catalogue_store.h.
*/
#include "db/catalogue_store.h"
#include "db/change.h"
#include "db/synonym_store.h"
#include "src/roles.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/text.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

#define UNIT_SELECT                                                                                \
    "SELECT u.id, u.code, u.name, u.kind, u.phone, u.retired, u.version, u.updated_at,"            \
    " u.updated_by, (SELECT count(*) FROM service_item i WHERE i.unit_id = u.id AND"               \
    " i.retired = 0) FROM unit u"

#define ITEM_SELECT                                                                                \
    "SELECT i.id, i.code, i.name, i.unit_id, u.name, i.category, i.description, i.materials,"      \
    " i.accept_minutes, i.resolve_amount, i.resolve_unit, i.retired, i.version, i.updated_at,"     \
    " i.updated_by FROM service_item i JOIN unit u ON u.id = i.unit_id"

static void unit_read(struct db_stmt *st, void *slot)
{
    struct unit *u = slot;
    unit_init(u);
    u->id = db_col_int(st, 0);
    record_set(&u->code, db_col_text(st, 1));
    record_set(&u->name, db_col_text(st, 2));
    record_set(&u->kind, db_col_text(st, 3));
    record_set(&u->phone, db_col_text(st, 4));
    u->retired = (int)db_col_int(st, 5);
    u->version = db_col_int(st, 6);
    record_set(&u->updated_at, db_col_text(st, 7));
    record_set(&u->updated_by, db_col_text(st, 8));
    u->items = db_col_int(st, 9);
}

static void item_read(struct db_stmt *st, void *slot)
{
    struct service_item *it = slot;
    service_item_init(it);
    it->id = db_col_int(st, 0);
    record_set(&it->code, db_col_text(st, 1));
    record_set(&it->name, db_col_text(st, 2));
    it->unit_id = db_col_int(st, 3);
    record_set(&it->unit_name, db_col_text(st, 4));
    record_set(&it->category, db_col_text(st, 5));
    record_set(&it->description, db_col_text(st, 6));
    record_set(&it->materials, db_col_text(st, 7));
    it->accept_minutes = (int)db_col_int(st, 8);
    it->resolve_amount = (int)db_col_int(st, 9);
    it->resolve_unit = str_eq(db_col_text(st, 10), "hour") ? 'h' : 'd';
    it->retired = (int)db_col_int(st, 11);
    it->version = db_col_int(st, 12);
    record_set(&it->updated_at, db_col_text(st, 13));
    record_set(&it->updated_by, db_col_text(st, 14));
}

void unit_list_free(struct unit_list *l)
{
    record_array_free(&unit_record, l->items, l->n);
    l->items = NULL;
    l->n = 0;
}

void item_list_free(struct item_list *l)
{
    record_array_free(&service_item_record, l->items, l->n);
    l->items = NULL;
    l->n = 0;
}

/* Bind what was typed as ?1 (fragment), ?2 (code, upper case), ?3 (pinyin key). */
static void bind_query(struct db_stmt *st, const char *query)
{
    char *q = text_normalize(query ? query : "", 0);
    char *upper = text_normalize(q, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE);
    char *key = text_ascii_lower(text_normalize(q, TEXT_NORM_NOSPACE));
    char *as_filed = pinyin_typed_u(key); /* falv: 法律, filed falu */
    if (as_filed) {
        free(key);
        key = as_filed;
    }
    db_bind_text(st, 1, q);
    db_bind_text(st, 2, upper);
    db_bind_text(st, 3, key);
    free(q);
    free(upper);
    free(key);
}

int unit_list(struct db *db, const char *query, unsigned flags, struct unit_list *out)
{
    struct db_stmt *st = db_prepare(
        db, UNIT_SELECT " WHERE (?4 OR u.retired = 0) AND (?1 = '' OR instr(u.name, ?1) > 0"
                        " OR instr(upper(u.code), ?2) > 0"
                        " OR instr(' ' || u.search_keys, ' ' || ?3) > 0)"
                        " ORDER BY u.code COLLATE zh");
    bind_query(st, query);
    db_bind_int(st, 4, (flags & CATALOGUE_WITH_RETIRED) ? 1 : 0);
    int rc;
    out->items = db_collect(st, sizeof *out->items, unit_read, &out->n, &rc);
    if (rc != DB_OK) unit_list_free(out);
    return rc;
}

int unit_get(struct db *db, int64_t id, struct unit *out)
{
    struct db_stmt *st = db_prepare(db, UNIT_SELECT " WHERE u.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, unit_read, out);
}

int unit_find(struct db *db, const char *code_or_name, struct unit *out)
{
    struct db_stmt *st = db_prepare(db, UNIT_SELECT " WHERE u.code = ?1 OR u.name = ?1"
                                                    " ORDER BY u.code = ?1 DESC LIMIT 1");
    db_bind_text(st, 1, code_or_name);
    return db_read_one(st, unit_read, out);
}

static int unit_get_any(struct db *db, int64_t id, void *out)
{
    return unit_get(db, id, out);
}

/* Units are the catalogue's: written by who may edit it. */
static const struct change_kind unit_change = {&unit_record, "unit", RIGHT_EDIT_CATALOGUE,
                                               unit_get_any};

/* After an update touched nothing: gone, or someone saved first (then *current). */
static int unit_lost_race(struct db *db, const struct unit *u, struct unit *current)
{
    struct unit now;
    int rc = unit_get(db, u->id, &now);
    if (rc != DB_OK) return rc;
    if (current)
        *current = now;
    else
        unit_free(&now);
    return DB_CONFLICT;
}

int unit_save(struct db *db, struct unit *u, const char *actor, struct unit *current)
{
    char when[20];
    clock_format(clock_now(), when);
    struct unit before;
    int rc = change_begin(db, &unit_change, actor, u->id, &before);
    if (rc != DB_OK) return rc;
    char *keys = pinyin_keys(u->name, PINYIN_INSIDE);
    struct db_stmt *st =
        db_prepare(db, u->id ? "UPDATE unit SET code = ?1, name = ?2, kind = ?3, phone = ?4,"
                               " search_keys = ?5, version = version + 1, updated_at = ?6,"
                               " updated_by = ?7 WHERE id = ?8 AND version = ?9"
                             : "INSERT INTO unit (code, name, kind, phone, search_keys, created_at,"
                               " created_by, updated_at, updated_by)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)");
    db_bind_text(st, 1, u->code);
    db_bind_text(st, 2, u->name);
    db_bind_text(st, 3, u->kind);
    db_bind_text(st, 4, u->phone);
    db_bind_text(st, 5, keys);
    db_bind_text(st, 6, when);
    db_bind_text(st, 7, actor);
    if (u->id) {
        db_bind_int(st, 8, u->id);
        db_bind_int(st, 9, u->version);
    }
    free(keys);
    rc = change_save(db, &unit_change, actor, st, &u->id, &u->version, &before);
    return rc == DB_CONFLICT ? unit_lost_race(db, u, current) : rc;
}

int unit_set_retired(struct db *db, struct unit *u, int retired, const char *actor,
                     int64_t *blocking, struct unit *current)
{
    /* The check and the change in one transaction: no item slips in between. */
    int rc = change_begin(db, &unit_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    *blocking = 0;
    if (retired) {
        struct db_stmt *st =
            db_prepare(db, "SELECT count(*) FROM service_item WHERE unit_id = ?1 AND retired = 0");
        db_bind_int(st, 1, u->id);
        *blocking = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
        db_finalize(st);
    }
    rc = *blocking ? DB_INVALID
                   : change_retire(db, &unit_change, actor, "unit", u->id, u->version, retired);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_CONFLICT) return unit_lost_race(db, u, current);
    if (rc == DB_OK) {
        u->retired = retired;
        u->version++;
    }
    return rc;
}

/*
** The targets of the synonyms whose word starts with what query gives in
** pinyin (低保 by "dibao", "dib" or "db": pinyin_matches()), as a JSON
** array ("[]" for none): what the catalogue's names say for what the
** clerk typed in pinyin. Caller frees.
*/
static char *synonym_targets_by_pinyin(struct db *db, const char *query)
{
    char *key = text_ascii_lower(text_normalize(query ? query : "", TEXT_NORM_NOSPACE));
    struct strbuf sb = STRBUF_INIT;
    strbuf_addc(&sb, '[');
    int latin = *key != '\0';
    for (const char *p = key; *p; p++)
        latin &= *p >= 'a' && *p <= 'z';
    struct synonym *syn = NULL;
    size_t n = 0;
    if (latin && synonym_list(db, 0, &syn, &n) == DB_OK) {
        for (size_t i = 0; i < n; i++) {
            if (!pinyin_matches(syn[i].word, key)) continue;
            if (sb.len > 1) strbuf_addc(&sb, ',');
            strbuf_addc(&sb, '"');
            for (const char *c = syn[i].target; *c; c++) /* a JSON string: " and \ escaped */
                if ((unsigned char)*c >= 0x20) {
                    if (*c == '"' || *c == '\\') strbuf_addc(&sb, '\\');
                    strbuf_addc(&sb, *c);
                }
            strbuf_addc(&sb, '"');
        }
        record_array_free(&synonym_record, syn, n);
    }
    strbuf_addc(&sb, ']');
    free(key);
    return strbuf_detach(&sb);
}

/*
** What nothing else found, when the words typed hold a synonym's word
** (暖气不热): the items named with its target (供热).
*/
#define ITEM_WHERE_SYNONYM_HELD                                                                    \
    " WHERE (?4 OR i.retired = 0) AND (?5 = 0 OR i.unit_id = ?5) AND ?1 <> ''"                     \
    " AND EXISTS (SELECT 1 FROM synonym s WHERE s.retired = 0 AND instr(?1, s.word) > 0"           \
    " AND instr(i.name, s.target) > 0)"

/* The items of stmt (bound by item_list()), into *out. */
static int items_read(struct db_stmt *st, const char *query, int64_t unit_id, unsigned flags,
                      const char *targets, struct item_list *out)
{
    bind_query(st, query);
    db_bind_int(st, 4, (flags & CATALOGUE_WITH_RETIRED) ? 1 : 0);
    db_bind_int(st, 5, unit_id);
    if (targets) db_bind_text(st, 6, targets);
    int rc;
    out->items = db_collect(st, sizeof *out->items, item_read, &out->n, &rc);
    if (rc != DB_OK) item_list_free(out);
    return rc;
}

int item_list(struct db *db, const char *query, int64_t unit_id, unsigned flags,
              struct item_list *out)
{
    char *targets = synonym_targets_by_pinyin(db, query);
    struct db_stmt *st =
        db_prepare(db, ITEM_SELECT " WHERE (?4 OR i.retired = 0) AND (?5 = 0 OR i.unit_id = ?5)"
                                   " AND (?1 = '' OR instr(i.name, ?1) > 0 OR instr(u.name, ?1) > 0"
                                   " OR instr(upper(i.code), ?2) > 0"
                                   " OR instr(' ' || i.search_keys, ' ' || ?3) > 0"
                                   /* 供暖 typed: items named 供热 (a synonym's word replaced) */
                                   " OR EXISTS (SELECT 1 FROM synonym s WHERE s.retired = 0"
                                   " AND instr(?1, s.word) > 0"
                                   " AND instr(i.name, replace(?1, s.word, s.target)) > 0)"
                                   /* dibao typed: items named 最低生活保障 (低保's target) */
                                   " OR EXISTS (SELECT 1 FROM json_each(?6) t"
                                   " WHERE instr(i.name, t.value) > 0))"
                                   " ORDER BY i.code COLLATE zh");
    int rc = items_read(st, query, unit_id, flags, targets, out);
    free(targets);
    if (rc == DB_OK && !out->n) {
        item_list_free(out);
        st = db_prepare(db, ITEM_SELECT ITEM_WHERE_SYNONYM_HELD " ORDER BY i.code COLLATE zh");
        rc = items_read(st, query, unit_id, flags, NULL, out);
    }
    return rc;
}

int item_get(struct db *db, int64_t id, struct service_item *out)
{
    struct db_stmt *st = db_prepare(db, ITEM_SELECT " WHERE i.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, item_read, out);
}

int item_get_by_code(struct db *db, const char *code, struct service_item *out)
{
    struct db_stmt *st = db_prepare(db, ITEM_SELECT " WHERE i.code = ?1");
    db_bind_text(st, 1, code);
    return db_read_one(st, item_read, out);
}

static int item_get_any(struct db *db, int64_t id, void *out)
{
    return item_get(db, id, out);
}

/* Service items are the catalogue's: written by who may edit it. */
static const struct change_kind item_change = {&service_item_record, "item", RIGHT_EDIT_CATALOGUE,
                                               item_get_any};

static int item_lost_race(struct db *db, const struct service_item *it,
                          struct service_item *current)
{
    struct service_item now;
    int rc = item_get(db, it->id, &now);
    if (rc != DB_OK) return rc;
    if (current)
        *current = now;
    else
        service_item_free(&now);
    return DB_CONFLICT;
}

int item_save(struct db *db, struct service_item *it, const char *actor,
              struct service_item *current)
{
    char when[20];
    clock_format(clock_now(), when);
    struct service_item before;
    int rc = change_begin(db, &item_change, actor, it->id, &before);
    if (rc != DB_OK) return rc;
    struct db_stmt *st = db_prepare(db, "SELECT retired FROM unit WHERE id = ?1");
    db_bind_int(st, 1, it->unit_id);
    int unit_ok = db_step(st) == DB_ROW && db_col_int(st, 0) == 0;
    db_finalize(st);
    if (!unit_ok) {
        change_abort(db, &item_change, &before);
        return DB_INVALID;
    }
    char *keys = pinyin_keys(it->name, PINYIN_INSIDE);
    st = db_prepare(
        db, it->id ? "UPDATE service_item SET code = ?1, name = ?2, unit_id = ?3,"
                     " category = ?4, description = ?5, materials = ?6,"
                     " accept_minutes = ?7, resolve_amount = ?8, resolve_unit = ?9,"
                     " search_keys = ?10, version = version + 1, updated_at = ?11,"
                     " updated_by = ?12 WHERE id = ?13 AND version = ?14"
                   : "INSERT INTO service_item (code, name, unit_id, category, description,"
                     " materials, accept_minutes, resolve_amount, resolve_unit,"
                     " search_keys, created_at, created_by, updated_at, updated_by)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)");
    db_bind_text(st, 1, it->code);
    db_bind_text(st, 2, it->name);
    db_bind_int(st, 3, it->unit_id);
    db_bind_text(st, 4, it->category);
    db_bind_text(st, 5, it->description);
    db_bind_text(st, 6, it->materials);
    db_bind_int(st, 7, it->accept_minutes);
    db_bind_int(st, 8, it->resolve_amount);
    db_bind_text(st, 9, it->resolve_unit == 'h' ? "hour" : "day");
    db_bind_text(st, 10, keys);
    db_bind_text(st, 11, when);
    db_bind_text(st, 12, actor);
    if (it->id) {
        db_bind_int(st, 13, it->id);
        db_bind_int(st, 14, it->version);
    }
    free(keys);
    rc = change_save(db, &item_change, actor, st, &it->id, &it->version, &before);
    return rc == DB_CONFLICT ? item_lost_race(db, it, current) : rc;
}

int item_set_retired(struct db *db, struct service_item *it, int retired, const char *actor,
                     struct service_item *current)
{
    int rc = change_begin(db, &item_change, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    if (!retired) {
        /* An item comes back only to an active unit. */
        struct db_stmt *st = db_prepare(db, "SELECT retired FROM unit WHERE id = ?1");
        db_bind_int(st, 1, it->unit_id);
        if (db_step(st) != DB_ROW || db_col_int(st, 0)) rc = DB_INVALID;
        db_finalize(st);
    }
    if (rc == DB_OK)
        rc = change_retire(db, &item_change, actor, "service_item", it->id, it->version, retired);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_CONFLICT) return item_lost_race(db, it, current);
    if (rc == DB_OK) {
        it->retired = retired;
        it->version++;
    }
    return rc;
}

int64_t unit_count(struct db *db)
{
    return db_int(db, 0, "SELECT count(*) FROM unit WHERE retired = 0");
}

char *unit_code_new(struct db *db)
{
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM unit WHERE code = ?1");
    for (int64_t n = db_int(db, 0, "SELECT count(*) FROM unit") + 1;; n++) {
        char *code = xasprintf("U%02lld", (long long)n);
        db_bind_text(st, 1, code);
        int rc = db_step(st);
        db_reset(st);
        /* Free, or the database failed: the save that follows says so. */
        if (rc != DB_ROW) {
            db_finalize(st);
            return code;
        }
        free(code);
    }
}

int64_t item_count(struct db *db)
{
    return db_int(db, 0, "SELECT count(*) FROM service_item WHERE retired = 0");
}

int64_t item_longest_days(struct db *db)
{
    return db_int(db, 0,
                  "SELECT coalesce(max(CASE resolve_unit WHEN 'day' THEN resolve_amount"
                  " ELSE (resolve_amount + 7) / 8 END), 0) FROM service_item WHERE retired = 0");
}

int catalogue_rekey(struct db *db)
{
    static const char *const tables[] = {"service_item", "unit"};
    int rc = DB_OK;
    for (size_t t = 0; t < ARRAY_LEN(tables) && rc == DB_OK; t++) {
        char *sql = xasprintf("SELECT id, name FROM %s", tables[t]);
        char *upd = xasprintf("UPDATE %s SET search_keys = ?1 WHERE id = ?2", tables[t]);
        struct db_stmt *st = db_prepare(db, sql);
        while (rc == DB_OK && db_step(st) == DB_ROW) {
            char *keys = pinyin_keys(db_col_text(st, 1), PINYIN_INSIDE);
            struct db_stmt *u = db_prepare(db, upd);
            db_bind_text(u, 1, keys);
            db_bind_int(u, 2, db_col_int(st, 0));
            rc = db_step(u) == DB_DONE ? DB_OK : DB_ERROR;
            db_finalize(u);
            free(keys);
        }
        db_finalize(st);
        free(sql);
        free(upd);
    }
    return rc;
}
