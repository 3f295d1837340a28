/*
** area: see area.h.
*/
#include "db/area.h"
#include "db/change.h"
#include "src/roles.h"
#include "src/clock.h"
#include "src/pinyin.h"
#include "src/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Optional fields a kind stores. */
#define HAS_PARENT   1u
#define HAS_GRID     2u
#define HAS_ADDRESS  4u
#define HAS_WORKERS  8u
#define HAS_KIND     16u
#define HAS_PROPERTY 32u

/* Columns every SELECT of a kind returns, in this order. */
enum {
    COL_ID,
    COL_CODE,
    COL_NAME,
    COL_PARENT_ID,
    COL_PARENT_NAME,
    COL_GRID_ID,
    COL_GRID_NAME,
    COL_ADDRESS,
    COL_WORKERS,
    COL_KIND,
    COL_RETIRED,
    COL_VERSION,
    COL_UPDATED_AT,
    COL_UPDATED_BY,
    COL_CHILDREN,
    COL_PROPERTY,
    COL_PROPERTY_PHONE,
};

struct kind_desc {
    const char *table;
    const char *parent_col;   /* column of the parent's id, or NULL */
    const char *parent_table; /* the parent's table, or NULL */
    unsigned fields;
    const char *select;      /* the columns above, FROM table x and joins */
    const char *search_text; /* one more text column a Chinese fragment may match */
    const char *street_expr; /* the street a row belongs to (AREA_IN_STREET) */
    const char *blockers;    /* count of active rows below ?1, or NULL */
};

static const struct kind_desc kinds[AREA_KIND_COUNT] = {
    [AREA_STREET] =
        {
            "street",
            NULL,
            NULL,
            0,
            "SELECT x.id, x.code, x.name, 0, '', 0, '', '', '', '', x.retired, x.version,"
            " x.updated_at, x.updated_by,"
            " (SELECT count(*) FROM community c WHERE c.street_id = x.id AND c.retired = 0), '', ''"
            " FROM street x",
            "''",
            "x.id",
            "SELECT (SELECT count(*) FROM community WHERE street_id = ?1 AND retired = 0)"
            " + (SELECT count(*) FROM building WHERE street_id = ?1 AND retired = 0)",
        },
    [AREA_COMMUNITY] =
        {
            "community",
            "street_id",
            "street",
            HAS_PARENT,
            "SELECT x.id, x.code, x.name, x.street_id, p.name, 0, '', '', '', '', x.retired,"
            " x.version, x.updated_at, x.updated_by,"
            " (SELECT count(*) FROM grid g WHERE g.community_id = x.id AND g.retired = 0), '', ''"
            " FROM community x JOIN street p ON p.id = x.street_id",
            "''",
            "x.street_id",
            "SELECT count(*) FROM grid WHERE community_id = ?1 AND retired = 0",
        },
    [AREA_GRID] =
        {
            "grid",
            "community_id",
            "community",
            HAS_PARENT | HAS_WORKERS,
            "SELECT x.id, x.code, x.name, x.community_id, p.name, 0, '', '', x.workers, '',"
            " x.retired, x.version, x.updated_at, x.updated_by,"
            " (SELECT count(*) FROM building b WHERE b.grid_id = x.id AND b.retired = 0), '', ''"
            " FROM grid x JOIN community p ON p.id = x.community_id",
            "x.workers",
            "p.street_id",
            "SELECT count(*) FROM building WHERE grid_id = ?1 AND retired = 0",
        },
    [AREA_BUILDING] =
        {
            "building",
            "street_id",
            "street",
            HAS_PARENT | HAS_GRID | HAS_ADDRESS | HAS_KIND | HAS_PROPERTY,
            "SELECT x.id, x.code, x.name, x.street_id, p.name, coalesce(x.grid_id, 0),"
            " coalesce(g.name, ''), x.address, '', x.kind, x.retired, x.version,"
            " x.updated_at, x.updated_by, 0, x.property, x.property_phone"
            " FROM building x JOIN street p ON p.id = x.street_id"
            " LEFT JOIN grid g ON g.id = x.grid_id",
            "x.address",
            "x.street_id",
            /* its organisations still in, and the chiefs who look after it */
            "SELECT (SELECT count(*) FROM organisation WHERE building_id = ?1 AND moved_out = '')"
            " + (SELECT count(*) FROM user_building ub JOIN \"user\" u ON u.id = ub.user_id"
            "    WHERE ub.building_id = ?1 AND u.retired = 0)",
        },
};

static const char *const building_kind_names[] = {"commercial", "residential"};

void area_list_free(struct area_list *l)
{
    record_array_free(&area_record, l->items, l->n);
    l->items = NULL;
    l->n = 0;
}

static void row_read(struct db_stmt *st, enum area_kind kind, struct area *a)
{
    area_init(a, kind);
    a->id = db_col_int(st, COL_ID);
    record_set(&a->code, db_col_text(st, COL_CODE));
    record_set(&a->name, db_col_text(st, COL_NAME));
    a->parent_id = db_col_int(st, COL_PARENT_ID);
    record_set(&a->parent_name, db_col_text(st, COL_PARENT_NAME));
    a->grid_id = db_col_int(st, COL_GRID_ID);
    record_set(&a->grid_name, db_col_text(st, COL_GRID_NAME));
    record_set(&a->address, db_col_text(st, COL_ADDRESS));
    record_set(&a->workers, db_col_text(st, COL_WORKERS));
    a->building_kind = str_eq(db_col_text(st, COL_KIND), "residential") ? BUILDING_RESIDENTIAL
                                                                        : BUILDING_COMMERCIAL;
    a->retired = (int)db_col_int(st, COL_RETIRED);
    a->version = db_col_int(st, COL_VERSION);
    record_set(&a->updated_at, db_col_text(st, COL_UPDATED_AT));
    record_set(&a->updated_by, db_col_text(st, COL_UPDATED_BY));
    a->children = db_col_int(st, COL_CHILDREN);
    record_set(&a->property, db_col_text(st, COL_PROPERTY));
    record_set(&a->property_phone, db_col_text(st, COL_PROPERTY_PHONE));
}

int area_list(struct db *db, enum area_kind kind, const char *query, int64_t parent_id,
              unsigned flags, struct area_list *out)
{
    const struct kind_desc *k = &kinds[kind];
    struct strbuf sql = STRBUF_INIT;
    char *q = text_normalize(query ? query : "", 0);
    char *upper = text_normalize(q, TEXT_NORM_UPPER);
    char *keyq = text_ascii_lower(text_normalize(q, TEXT_NORM_NOSPACE));
    char parent[64];
    if (flags & AREA_IN_STREET)
        snprintf(parent, sizeof parent, "%s", k->street_expr);
    else if (k->parent_col)
        snprintf(parent, sizeof parent, "x.%s", k->parent_col);
    else
        snprintf(parent, sizeof parent, "0");

    strbuf_addf(&sql,
                "%s WHERE (?3 OR x.retired = 0) AND (?4 = 0 OR %s = ?4)"
                " AND (?1 = '' OR instr(x.name, ?1) > 0 OR instr(upper(x.code), ?2) > 0"
                " OR instr(' ' || x.search_keys, ' ' || ?5) > 0 OR instr(%s, ?1) > 0)"
                " ORDER BY x.code COLLATE zh",
                k->select, parent, k->search_text);
    struct db_stmt *st = db_prepare(db, strbuf_str(&sql));
    db_bind_text(st, 1, q);
    db_bind_text(st, 2, upper);
    db_bind_int(st, 3, (flags & AREA_WITH_RETIRED) ? 1 : 0);
    db_bind_int(st, 4, parent_id);
    db_bind_text(st, 5, keyq);
    out->items = NULL;
    out->n = 0;
    size_t cap = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        if (out->n == cap) {
            cap = cap ? cap * 2 : 64;
            out->items = xrealloc(out->items, cap * sizeof *out->items);
        }
        row_read(st, kind, &out->items[out->n++]);
    }
    db_finalize(st);
    strbuf_free(&sql);
    free(q);
    free(upper);
    free(keyq);
    if (rc != DB_DONE) {
        area_list_free(out);
        return rc;
    }
    return DB_OK;
}

int area_get(struct db *db, enum area_kind kind, int64_t id, struct area *out)
{
    char *sql = xasprintf("%s WHERE x.id = ?1", kinds[kind].select);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, id);
    int rc = db_step(st);
    if (rc == DB_ROW) row_read(st, kind, out);
    db_finalize(st);
    free(sql);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

/* True when a record lies in the street: is it, or a community, grid or building in it. */
static int area_in_street(struct db *db, const struct area *a, int64_t street_id)
{
    if (a->kind == AREA_STREET) return a->id == street_id;
    if (a->kind == AREA_GRID) return area_grid_in_street(db, a->id, street_id);
    return a->parent_id == street_id;
}

int area_find_code(struct db *db, enum area_kind kind, const char *code, struct area *out)
{
    char *sql = xasprintf("%s WHERE x.code = ?1", kinds[kind].select);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, code);
    int rc = db_step(st);
    if (rc == DB_ROW) row_read(st, kind, out);
    db_finalize(st);
    free(sql);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

int area_find(struct db *db, enum area_kind kind, const char *text, int64_t street_id,
              struct area *out)
{
    const struct kind_desc *k = &kinds[kind];
    /* By code first, then those in the street; two left means the name alone does not say. */
    char *sql = xasprintf("%s WHERE x.retired = 0 AND (x.code = ?1 OR x.name = ?1)"
                          " ORDER BY x.code = ?1 DESC, %s = ?2 DESC, x.id LIMIT 2",
                          k->select, k->street_expr);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_text(st, 1, text);
    db_bind_int(st, 2, street_id);
    struct area rows[2];
    size_t n = 0;
    int rc;
    while (n < 2 && (rc = db_step(st)) == DB_ROW)
        row_read(st, kind, &rows[n++]);
    if (n == 2) rc = DB_DONE;
    db_finalize(st);
    free(sql);
    int by_code = n && str_eq(rows[0].code, text);
    int settled = n == 1 || by_code ||
                  (n == 2 && street_id && area_in_street(db, &rows[0], street_id) &&
                   !area_in_street(db, &rows[1], street_id));
    if (rc == DB_DONE && n && !settled) rc = DB_INVALID;
    if (rc == DB_DONE && n) {
        *out = rows[0];
        rows[0] = rows[1];
        n--;
        rc = DB_OK;
    } else if (rc == DB_DONE) {
        rc = DB_NOTFOUND;
    }
    for (size_t i = 0; i < n; i++)
        area_free(&rows[i]);
    return rc;
}

/* Each kind read by id alone, for the audit log (change.h). */
static int street_get(struct db *db, int64_t id, void *out)
{
    return area_get(db, AREA_STREET, id, out);
}
static int community_get(struct db *db, int64_t id, void *out)
{
    return area_get(db, AREA_COMMUNITY, id, out);
}
static int grid_get(struct db *db, int64_t id, void *out)
{
    return area_get(db, AREA_GRID, id, out);
}
static int building_get(struct db *db, int64_t id, void *out)
{
    return area_get(db, AREA_BUILDING, id, out);
}

/* Areas and buildings are written by who may edit them; the log names them by their table. */
static const struct change_kind area_changes[AREA_KIND_COUNT] = {
    [AREA_STREET] = {&area_record, "street", RIGHT_EDIT_AREAS, street_get},
    [AREA_COMMUNITY] = {&area_record, "community", RIGHT_EDIT_AREAS, community_get},
    [AREA_GRID] = {&area_record, "grid", RIGHT_EDIT_AREAS, grid_get},
    [AREA_BUILDING] = {&area_record, "building", RIGHT_EDIT_AREAS, building_get},
};

/* Pinyin keys of a record: its name, and for a grid its workers' names too. */
static char *keys_of(const struct area *a)
{
    struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;
    char *k = pinyin_keys(a->name, 0);
    strbuf_adds(&sb, k);
    free(k);
    if (!(kinds[a->kind].fields & HAS_WORKERS)) return strbuf_detach(&sb);
    const char *w = a->workers;
    size_t n = strlen(w), i = 0;
    while (i <= n) {
        uint32_t cp = 0;
        int len = i < n ? utf8_decode(w + i, n - i, &cp) : 1;
        if (len < 0) len = 1;
        if (i == n || text_is_list_separator(cp)) {
            k = pinyin_keys(strbuf_str(&name), PINYIN_PERSON);
            if (*k) strbuf_addf(&sb, "%s%s", sb.len ? " " : "", k);
            free(k);
            strbuf_reset(&name);
        } else {
            strbuf_add(&name, w + i, (size_t)len);
        }
        i += (size_t)len;
    }
    strbuf_free(&name);
    return strbuf_detach(&sb);
}

/* True when the parent of a record exists and is active. */
int area_grid_in_street(struct db *db, int64_t grid_id, int64_t street_id)
{
    struct db_stmt *st = db_prepare(db, "SELECT 1 FROM grid g JOIN community c ON c.id = "
                                        "g.community_id WHERE g.id = ?1 AND c.street_id = ?2");
    db_bind_int(st, 1, grid_id);
    db_bind_int(st, 2, street_id);
    return db_exists(st);
}

int area_buildings_astray(struct db *db,
                          void (*visit)(void *ctx, const char *code, const char *name,
                                        const char *grid),
                          void *ctx)
{
    struct db_stmt *st =
        db_prepare(db, "SELECT b.code, b.name, g.name FROM building b JOIN grid g ON g.id = "
                       "b.grid_id JOIN community c ON c.id = g.community_id"
                       " WHERE c.street_id <> b.street_id ORDER BY b.code");
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        visit(ctx, db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2));
    db_finalize(st);
    return rc == DB_DONE ? DB_OK : rc;
}

static int parent_active(struct db *db, const struct kind_desc *k, int64_t parent_id)
{
    if (!k->parent_table) return 1;
    char *sql = xasprintf("SELECT retired FROM %s WHERE id = ?1", k->parent_table);
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, parent_id);
    int ok = db_step(st) == DB_ROW && db_col_int(st, 0) == 0;
    db_finalize(st);
    free(sql);
    return ok;
}

/* The SQL of an INSERT or UPDATE for a kind: columns bound in the order of bind_fields(). */
static char *write_sql(const struct kind_desc *k, int insert)
{
    static const struct {
        unsigned flag;
        const char *col;
    } optional[] = {
        {HAS_PARENT, NULL},
        {HAS_GRID, "grid_id"},
        {HAS_ADDRESS, "address"},
        {HAS_WORKERS, "workers"},
        {HAS_KIND, "kind"},
        {HAS_PROPERTY, "property"},
        {HAS_PROPERTY, "property_phone"},
    };
    struct strbuf cols = STRBUF_INIT, vals = STRBUF_INIT;
    int n = 0;
    const char *names[ARRAY_LEN(optional) + 3];
    names[n++] = "code";
    names[n++] = "name";
    for (size_t i = 0; i < ARRAY_LEN(optional); i++)
        if (k->fields & optional[i].flag)
            names[n++] = optional[i].col ? optional[i].col : k->parent_col;
    names[n++] = "search_keys";
    for (int i = 0; i < n; i++) {
        if (insert) {
            strbuf_addf(&cols, "%s, ", names[i]);
            strbuf_addf(&vals, "?%d, ", i + 1);
        } else {
            strbuf_addf(&cols, "%s = ?%d, ", names[i], i + 1);
        }
    }
    char *sql;
    if (insert)
        sql = xasprintf("INSERT INTO %s (%screated_at, created_by, updated_at, updated_by)"
                        " VALUES (%s?%d, ?%d, ?%d, ?%d)",
                        k->table, strbuf_str(&cols), strbuf_str(&vals), n + 1, n + 2, n + 1, n + 2);
    else
        sql = xasprintf("UPDATE %s SET %sversion = version + 1, updated_at = ?%d,"
                        " updated_by = ?%d WHERE id = ?%d AND version = ?%d",
                        k->table, strbuf_str(&cols), n + 1, n + 2, n + 3, n + 4);
    strbuf_free(&cols);
    strbuf_free(&vals);
    return sql;
}

/* Bind a record's fields in the order write_sql() lists them; returns the next index. */
static int bind_fields(struct db_stmt *st, const struct kind_desc *k, const struct area *a,
                       const char *keys)
{
    int i = 1;
    db_bind_text(st, i++, a->code);
    db_bind_text(st, i++, a->name);
    if (k->fields & HAS_PARENT) db_bind_int(st, i++, a->parent_id);
    if (k->fields & HAS_GRID) {
        if (a->grid_id)
            db_bind_int(st, i++, a->grid_id);
        else
            db_bind_null(st, i++);
    }
    if (k->fields & HAS_ADDRESS) db_bind_text(st, i++, a->address);
    if (k->fields & HAS_WORKERS) db_bind_text(st, i++, a->workers);
    if (k->fields & HAS_KIND) db_bind_text(st, i++, building_kind_names[a->building_kind]);
    if (k->fields & HAS_PROPERTY) {
        db_bind_text(st, i++, a->property);
        db_bind_text(st, i++, a->property_phone);
    }
    db_bind_text(st, i++, keys);
    return i;
}

/* After an UPDATE changed nothing: tell a vanished row from a newer version. */
static int lost_race(struct db *db, const struct area *a, struct area *current)
{
    struct area now;
    int rc = area_get(db, a->kind, a->id, &now);
    if (rc != DB_OK) return rc;
    if (current)
        *current = now;
    else
        area_free(&now);
    return DB_CONFLICT;
}

/*
** Inside the transaction: the code of the active record of a's kind, other
** than a, that has a's name, into *code (caller frees); DB_NOTFOUND when
** none has it. Two streets, or two buildings, of one name cannot be told
** apart on any list, nor a chief's buildings named.
*/
static int name_taken(struct db *db, const struct kind_desc *k, const struct area *a, char **code)
{
    char *sql = xasprintf("SELECT code FROM %s WHERE name = ?1 AND retired = 0 AND id <> ?2"
                          " LIMIT 1",
                          k->table);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    db_bind_text(st, 1, a->name);
    db_bind_int(st, 2, a->id);
    int rc = db_step(st);
    *code = rc == DB_ROW ? xstrdup(db_col_text(st, 0)) : NULL;
    db_finalize(st);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_NOTFOUND : rc;
}

int area_name_holder(struct db *db, const struct area *a, char **code)
{
    return name_taken(db, &kinds[a->kind], a, code);
}

int area_save(struct db *db, struct area *a, const char *actor, struct area *current)
{
    const struct kind_desc *k = &kinds[a->kind];
    const struct change_kind *ck = &area_changes[a->kind];
    char when[20];
    clock_format(clock_now(), when);
    struct area before;
    int rc = change_begin(db, ck, actor, a->id, &before);
    if (rc != DB_OK) return rc;
    /* A building's grid lies in its street (a grid's street is its community's). */
    if (((k->fields & HAS_PARENT) && !parent_active(db, k, a->parent_id)) ||
        (a->kind == AREA_BUILDING && a->grid_id &&
         !area_grid_in_street(db, a->grid_id, a->parent_id))) {
        change_abort(db, ck, &before);
        return DB_INVALID;
    }
    /* New, or renamed: not the name of another (two on file so already are left so). */
    if (!a->id || !str_eq(before.name, a->name)) {
        char *holder = NULL;
        rc = name_taken(db, k, a, &holder);
        free(holder);
        if (rc != DB_NOTFOUND) {
            change_abort(db, ck, &before);
            return rc == DB_OK ? DB_DUPLICATE : rc;
        }
    }
    char *keys = keys_of(a);
    char *sql = write_sql(k, a->id == 0);
    struct db_stmt *st = db_prepare(db, sql);
    int i = bind_fields(st, k, a, keys);
    db_bind_text(st, i++, when);
    db_bind_text(st, i++, actor);
    if (a->id) {
        db_bind_int(st, i++, a->id);
        db_bind_int(st, i++, a->version);
    }
    free(keys);
    free(sql);
    rc = change_save(db, ck, actor, st, &a->id, &a->version, &before);
    return rc == DB_CONFLICT ? lost_race(db, a, current) : rc;
}

/* Active rows below a record, or 0 for kinds with nothing below. */
static int64_t blockers(struct db *db, const struct kind_desc *k, int64_t id)
{
    if (!k->blockers) return 0;
    struct db_stmt *st = db_prepare(db, k->blockers);
    db_bind_int(st, 1, id);
    int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return n;
}

int area_set_retired(struct db *db, struct area *a, int retired, const char *actor,
                     int64_t *blocking, struct area *current)
{
    const struct kind_desc *k = &kinds[a->kind];
    const struct change_kind *ck = &area_changes[a->kind];
    *blocking = 0;
    int rc = change_begin(db, ck, actor, 0, NULL);
    if (rc != DB_OK) return rc;
    if (retired) {
        *blocking = blockers(db, k, a->id);
        if (*blocking > 0) rc = DB_INVALID;
    } else if ((k->fields & HAS_PARENT) && !parent_active(db, k, a->parent_id)) {
        rc = DB_INVALID;
    }
    if (rc == DB_OK) rc = change_retire(db, ck, actor, k->table, a->id, a->version, retired);
    if (rc == DB_OK)
        rc = db_commit(db);
    else
        db_rollback(db);
    if (rc == DB_CONFLICT) return lost_race(db, a, current);
    if (rc == DB_OK) {
        a->retired = retired ? 1 : 0;
        a->version++;
    }
    return rc;
}

int area_counts(struct db *db, int64_t counts[AREA_KIND_COUNT])
{
    for (int i = 0; i < AREA_KIND_COUNT; i++) {
        char *sql = xasprintf("SELECT count(*) FROM %s WHERE retired = 0", kinds[i].table);
        counts[i] = db_int(db, -1, sql);
        free(sql);
        if (counts[i] < 0) return DB_ERROR;
    }
    return DB_OK;
}
