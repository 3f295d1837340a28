/*
** volunteer_store: see volunteer_store.h.
*/
#include "db/volunteer_store.h"
#include "db/audit_store.h"
#include "db/change.h"
#include "db/name_keys.h"
#include "db/name_search.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/resident.h"
#include "src/roles.h"
#include "src/search.h"
#include "src/text.h"
#include "src/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns every read returns, in this order (see volunteer_read()). */
#define VOLUNTEER_SELECT                                                                           \
    "SELECT v.id, v.number, v.national_code, v.name, v.gender, v.birth_date, v.id_type,"           \
    " coalesce(v.id_number, ''), v.phone, coalesce(v.community_id, 0), coalesce(c.name, ''),"      \
    " v.skills, v.party_member, v.registered_on, v.status, coalesce(v.resident_id, 0),"            \
    " coalesce(r.name, ''), v.version, v.updated_at, v.updated_by"                                 \
    " FROM volunteer v LEFT JOIN community c ON c.id = v.community_id"                             \
    " LEFT JOIN resident r ON r.id = v.resident_id"

static void volunteer_read(struct db_stmt *st, void *slot)
{
    struct volunteer *v = slot;
    int c = 0;
    record_init(&volunteer_record, v);
    v->id = db_col_int(st, c++);
    record_set(&v->number, db_col_text(st, c++));
    record_set(&v->national_code, db_col_text(st, c++));
    record_set(&v->name, db_col_text(st, c++));
    const char *g = db_col_text(st, c++);
    v->gender = *g == 'M' || *g == 'F' ? *g : 0;
    record_set(&v->birth_date, db_col_text(st, c++));
    record_set(&v->id_type, db_col_text(st, c++));
    record_set(&v->id_number, db_col_text(st, c++));
    record_set(&v->phone, db_col_text(st, c++));
    v->community_id = db_col_int(st, c++);
    record_set(&v->community, db_col_text(st, c++));
    record_set(&v->skills, db_col_text(st, c++));
    v->party_member = (int)db_col_int(st, c++);
    record_set(&v->registered_on, db_col_text(st, c++));
    record_set(&v->status, db_col_text(st, c++));
    v->resident_id = db_col_int(st, c++);
    record_set(&v->resident_name, db_col_text(st, c++));
    v->version = db_col_int(st, c++);
    record_set(&v->updated_at, db_col_text(st, c++));
    record_set(&v->updated_by, db_col_text(st, c++));
}

void volunteer_hits_free(struct volunteer_hits *h)
{
    record_array_free(&volunteer_record, h->items, h->n);
    memset(h, 0, sizeof *h);
}

/* Where the volunteers' search reads (db/name_search.h). */
static const struct name_register volunteer_register = {
    .postings = POSTINGS_VOLUNTEERS,
    .name_rank = "SELECT name, rank FROM volunteer WHERE id = ?1",
    .digits = {{"SELECT id FROM volunteer WHERE number >= ?1 AND number < ?2 ORDER BY number",
                "SELECT id FROM volunteer WHERE number >= ?1 AND number < ?2 ORDER BY number",
                "SELECT 1 FROM volunteer WHERE number >= ?1 AND number < ?2", 0},
               {"SELECT id FROM volunteer WHERE id_rev >= ?1 AND id_rev < ?2 ORDER BY rank, id",
                "SELECT id FROM volunteer WHERE id_rev >= ?1 AND id_rev < ?2 ORDER BY id_rev",
                "SELECT 1 FROM volunteer WHERE id_rev >= ?1 AND id_rev < ?2", 1},
               {"SELECT id FROM volunteer WHERE phone_rev >= ?1 AND phone_rev < ?2"
                " ORDER BY rank, id",
                "SELECT id FROM volunteer WHERE phone_rev >= ?1 AND phone_rev < ?2"
                " ORDER BY phone_rev",
                "SELECT 1 FROM volunteer WHERE phone_rev >= ?1 AND phone_rev < ?2", 1}},
    .ndigits = 3,
    .cap = VOLUNTEER_COUNT_CAP,
};

/* Taking the volunteers the search names into a page, each once, masked. */
struct take {
    struct db_stmt *get;
    struct volunteer_hits *out;
    size_t limit;
};

static int take_one(struct take *t, int64_t id)
{
    for (size_t i = 0; i < t->out->n; i++)
        if (t->out->items[i].id == id) return DB_OK;
    db_bind_int(t->get, 1, id);
    int rc = db_step(t->get);
    if (rc == DB_ROW) {
        struct volunteer_hits *o = t->out;
        o->items = xrealloc(o->items, (o->n + 1) * sizeof *o->items);
        struct volunteer *v = &o->items[o->n++];
        volunteer_read(t->get, v);
        record_take(&v->id_number, resident_masked_id(v->id_number));
        record_take(&v->phone, resident_masked_phone(v->phone));
        rc = DB_OK;
    } else if (rc == DB_DONE) {
        rc = DB_OK;
    }
    db_reset(t->get);
    return rc;
}

static int take_visit(void *ctx, int64_t id, int *full)
{
    struct take *t = ctx;
    int rc = take_one(t, id);
    *full = t->out->n >= t->limit;
    return rc;
}

static void hits_set_total(struct volunteer_hits *out, int64_t n)
{
    out->more = n > VOLUNTEER_COUNT_CAP;
    out->total = out->more ? VOLUNTEER_COUNT_CAP : (size_t)n;
    if (out->total < out->n) out->total = out->n;
}

int volunteer_search(struct db *db, const char *query, size_t limit, struct volunteer_hits *out)
{
    memset(out, 0, sizeof *out);
    struct search_query q;
    search_classify(query, &q);
    struct take t = {db_prepare(db, VOLUNTEER_SELECT " WHERE v.id = ?1"), out, limit};
    int64_t total = 0;
    int rc = DB_OK;
    if (q.kind != SEARCH_EMPTY) {
        if (limit) rc = name_search_run(db, &volunteer_register, &q, take_visit, &t, &total);
    } else {
        struct db_stmt *st = db_prepare(db, "SELECT id FROM volunteer ORDER BY id DESC LIMIT ?1");
        db_bind_int(st, 1, (int64_t)limit);
        while (rc == DB_OK && db_step(st) == DB_ROW)
            rc = take_one(&t, db_col_int(st, 0));
        db_finalize(st);
        if (rc == DB_OK) rc = db_count(db, "SELECT count(*) FROM volunteer", &total);
    }
    db_finalize(t.get);
    hits_set_total(out, total);
    if (rc == DB_OK && q.kind != SEARCH_EMPTY && out->n < limit) {
        out->total = out->n;
        out->more = 0;
    }
    free(q.text);
    if (rc != DB_OK) volunteer_hits_free(out);
    return rc;
}

static int get_where(struct db *db, const char *where, const char *text, int64_t id,
                     struct volunteer *out)
{
    char *sql = xasprintf("%s WHERE %s", VOLUNTEER_SELECT, where);
    struct db_stmt *st = db_prepare(db, sql);
    free(sql);
    if (text)
        db_bind_text(st, 1, text);
    else
        db_bind_int(st, 1, id);
    return db_read_one(st, volunteer_read, out);
}

int volunteer_get(struct db *db, int64_t id, struct volunteer *out)
{
    return get_where(db, "v.id = ?1", NULL, id, out);
}

int volunteer_get_by_number(struct db *db, const char *number, struct volunteer *out)
{
    return get_where(db, "v.number = ?1", number, 0, out);
}

int volunteer_get_by_id_number(struct db *db, const char *id_number, struct volunteer *out)
{
    char *rev = search_reverse(id_number);
    int rc = get_where(db, "v.id_rev = ?1", rev, 0, out);
    free(rev);
    return rc;
}

int64_t volunteer_resident_of(struct db *db, const char *id_number)
{
    if (str_empty(id_number)) return 0;
    char *rev = search_reverse(id_number);
    struct db_stmt *st = db_prepare(db, "SELECT id FROM resident WHERE id_rev = ?1");
    db_bind_text(st, 1, rev);
    int64_t id = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    free(rev);
    return id;
}

int volunteer_each(struct db *db, int (*visit)(void *ctx, const struct volunteer *v), void *ctx)
{
    struct db_stmt *st = db_prepare(db, VOLUNTEER_SELECT " ORDER BY v.number");
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        struct volunteer v;
        volunteer_read(st, &v);
        int more = visit(ctx, &v);
        record_free(&volunteer_record, &v);
        if (!more) break;
    }
    db_finalize(st);
    return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

int volunteer_count(struct db *db, int64_t *n)
{
    return db_count(db, "SELECT count(*) FROM volunteer", n);
}

static int volunteer_get_any(struct db *db, int64_t id, void *out)
{
    return volunteer_get(db, id, out);
}

static const struct change_kind volunteer_change = {&volunteer_record, "volunteer", RIGHT_LOG_HOURS,
                                                    volunteer_get_any};

/* Inside the transaction: the next number of the year registered_on names (this year's if none). */
static int next_number(struct db *db, const char *registered_on, char *out)
{
    char day[11];
    int year = atoi(registered_on);
    if (year < 1989) year = atoi(clock_today(day));
    char lo[VOLUNTEER_NUMBER_LEN + 1], hi[VOLUNTEER_NUMBER_LEN + 1];
    volunteer_number_format(year, 0, lo);
    volunteer_number_format(year, VOLUNTEER_SERIAL_MAX, hi);
    struct db_stmt *st =
        db_prepare(db, "SELECT max(number) FROM volunteer WHERE number >= ?1 AND number <= ?2");
    db_bind_text(st, 1, lo);
    db_bind_text(st, 2, hi);
    int rc = db_step(st);
    int serial = 0;
    if (rc == DB_ROW && !db_col_is_null(st, 0)) serial = atoi(db_col_text(st, 0) + 4);
    db_finalize(st);
    if (rc != DB_ROW) return rc;
    if (serial >= VOLUNTEER_SERIAL_MAX) return DB_INVALID;
    volunteer_number_format(year, serial + 1, out);
    return DB_OK;
}

/* The integer sql gives for ?1 = id, or 0. */
static int64_t db_int_id(struct db *db, const char *sql, int64_t id)
{
    struct db_stmt *st = db_prepare(db, sql);
    db_bind_int(st, 1, id);
    int64_t n = db_step(st) == DB_ROW ? db_col_int(st, 0) : 0;
    db_finalize(st);
    return n;
}

static void bind_or_null(struct db_stmt *st, int i, const char *s)
{
    if (str_empty(s))
        db_bind_null(st, i);
    else
        db_bind_text(st, i, s);
}

static void bind_id_or_null(struct db_stmt *st, int i, int64_t id)
{
    if (id > 0)
        db_bind_int(st, i, id);
    else
        db_bind_null(st, i);
}

/* The columns volunteer_bind_row() binds, as ?1 .. ?20 (?21: the id). */
#define VOLUNTEER_COLUMNS                                                                          \
    "number, national_code, name, gender, birth_date, id_type, id_number, phone, community_id,"    \
    " skills, party_member, registered_on, status, resident_id, rank, id_rev, phone_rev,"          \
    " created_at, created_by, updated_at, updated_by, id"

const char volunteer_insert_sql[] =
    "INSERT INTO volunteer (" VOLUNTEER_COLUMNS ") VALUES (?1, ?2,"
    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " ?17, ?18, ?19, ?18, ?19, ?20)";

static const char volunteer_update_sql[] =
    "UPDATE volunteer SET number = ?1, national_code = ?2, name = ?3, gender = ?4,"
    " birth_date = ?5, id_type = ?6, id_number = ?7, phone = ?8, community_id = ?9, skills = ?10,"
    " party_member = ?11, registered_on = ?12, status = ?13, resident_id = ?14, rank = ?15,"
    " id_rev = ?16, phone_rev = ?17, updated_at = ?18, updated_by = ?19, version = version + 1"
    " WHERE id = ?20 AND version = ?21";

void volunteer_bind_row(struct db_stmt *st, const struct volunteer *v, int64_t id, int64_t rank,
                        const char *actor, const char *when)
{
    char gender[2] = {v->gender, 0};
    char *id_rev = search_reverse(v->id_number), *phone_rev = search_reverse(v->phone);
    db_bind_text(st, 1, v->number);
    db_bind_text(st, 2, v->national_code);
    db_bind_text(st, 3, v->name);
    db_bind_text(st, 4, gender);
    db_bind_text(st, 5, v->birth_date);
    db_bind_text(st, 6, v->id_type);
    bind_or_null(st, 7, v->id_number);
    db_bind_text(st, 8, v->phone);
    bind_id_or_null(st, 9, v->community_id);
    db_bind_text(st, 10, v->skills);
    db_bind_int(st, 11, v->party_member ? 1 : 0);
    db_bind_text(st, 12, v->registered_on);
    db_bind_text(st, 13, v->status);
    bind_id_or_null(st, 14, v->resident_id);
    db_bind_int(st, 15, rank);
    bind_or_null(st, 16, id_rev);
    bind_or_null(st, 17, phone_rev);
    db_bind_text(st, 18, when);
    db_bind_text(st, 19, actor);
    db_bind_int(st, 20, id);
    free(id_rev);
    free(phone_rev);
}

/* Inside the transaction: file the name's keys under id, the old name's removed. */
static int keys_refile(struct db *db, int64_t id, const char *old_name, int64_t old_rank,
                       const struct name_keys *keys)
{
    int rc = DB_OK;
    if (old_name) {
        struct name_keys old;
        name_keys_of(old_name, &old);
        old.rank = old_rank;
        rc = name_keys_remove(db, POSTINGS_VOLUNTEERS, id, &old);
        name_keys_free(&old);
    }
    return rc == DB_OK ? name_keys_add(db, POSTINGS_VOLUNTEERS, id, keys) : rc;
}

int volunteer_save(struct db *db, struct volunteer *v, const char *actor)
{
    if (!volunteer_status_parse(v->status) || str_empty(v->name)) return DB_INVALID;
    if (!*v->status) record_set(&v->status, VOLUNTEER_ACTIVE);
    if (!*v->id_type) record_set(&v->id_type, volunteer_id_types(&(int){0})[0]);
    char day[11];
    if (!*v->registered_on) record_set(&v->registered_on, clock_today(day));
    char when[20];
    clock_format(clock_now(), when);
    struct volunteer before;
    int rc = change_begin(db, &volunteer_change, actor, v->id, &before);
    if (rc != DB_OK) return rc;
    char number[VOLUNTEER_NUMBER_LEN + 1];
    if (str_empty(v->number))
        rc = next_number(db, v->registered_on, number);
    else if (volunteer_number_parse(v->number, number, NULL, NULL))
        rc = DB_INVALID;
    if (rc == DB_OK) record_set(&v->number, number);
    /* The same person on the residents' register: linked by the ID number. */
    if (rc == DB_OK && volunteer_id_type_is_card(v->id_type))
        v->resident_id = volunteer_resident_of(db, v->id_number);
    int64_t id = v->id;
    if (rc == DB_OK && !id) id = db_int(db, 0, "SELECT coalesce(max(id), 0) + 1 FROM volunteer");
    struct name_keys keys;
    name_keys_of(v->name, &keys);
    if (rc == DB_OK) {
        /* The keys filed under the name as stored, with the rank stored, go first. */
        int64_t old_rank =
            v->id ? db_int_id(db, "SELECT rank FROM volunteer WHERE id = ?1", v->id) : 0;
        rc = keys_refile(db, id, v->id && *before.name ? before.name : NULL, old_rank, &keys);
    }
    if (rc != DB_OK) {
        name_keys_free(&keys);
        change_abort(db, &volunteer_change, &before);
        return rc;
    }
    struct db_stmt *st = db_prepare(db, v->id ? volunteer_update_sql : volunteer_insert_sql);
    volunteer_bind_row(st, v, id, keys.rank, actor, when);
    if (v->id) db_bind_int(st, 21, v->version);
    name_keys_free(&keys);
    int64_t row = v->id;
    rc = change_save(db, &volunteer_change, actor, st, &row, &v->version, &before);
    if (rc == DB_OK) {
        v->id = id;
        record_set(&v->updated_at, when);
        record_set(&v->updated_by, actor);
    }
    return rc;
}

int volunteer_reveal(struct db *db, int64_t id, const char *field, const char *reason,
                     const char *actor)
{
    char subject[32];
    snprintf(subject, sizeof subject, "volunteer:%lld", (long long)id);
    return audit_reveal(db, actor, subject, field, reason);
}

/* --- teams ----------------------------------------------------------------------------------- */

#define TEAM_SELECT                                                                                \
    "SELECT t.id, t.name, coalesce(t.parent_id, 0), coalesce(p.name, ''),"                         \
    " coalesce(t.leader_id, 0), coalesce(l.name, ''), t.staff, coalesce(t.community_id, 0),"       \
    " coalesce(c.name, ''), t.founded, (SELECT count(*) FROM team_member m"                        \
    " WHERE m.team_id = t.id AND m.left_on = ''), t.retired, t.version, t.updated_at,"             \
    " t.updated_by FROM team t LEFT JOIN team p ON p.id = t.parent_id"                             \
    " LEFT JOIN volunteer l ON l.id = t.leader_id LEFT JOIN community c ON c.id = t.community_id"

static void team_read(struct db_stmt *st, void *slot)
{
    struct team *t = slot;
    int c = 0;
    record_init(&team_record, t);
    t->id = db_col_int(st, c++);
    record_set(&t->name, db_col_text(st, c++));
    t->parent_id = db_col_int(st, c++);
    record_set(&t->parent_name, db_col_text(st, c++));
    t->leader_id = db_col_int(st, c++);
    record_set(&t->leader_name, db_col_text(st, c++));
    record_set(&t->staff, db_col_text(st, c++));
    t->community_id = db_col_int(st, c++);
    record_set(&t->community, db_col_text(st, c++));
    record_set(&t->founded, db_col_text(st, c++));
    t->members = (int)db_col_int(st, c++);
    t->retired = (int)db_col_int(st, c++);
    t->version = db_col_int(st, c++);
    record_set(&t->updated_at, db_col_text(st, c++));
    record_set(&t->updated_by, db_col_text(st, c++));
}

int team_list(struct db *db, int with_retired, struct team **out, size_t *n)
{
    struct db_stmt *st =
        db_prepare(db, TEAM_SELECT " WHERE ?1 OR t.retired = 0 ORDER BY t.name COLLATE zh");
    db_bind_int(st, 1, with_retired);
    int rc;
    *out = db_collect(st, sizeof **out, team_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&team_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int team_get(struct db *db, int64_t id, struct team *out)
{
    struct db_stmt *st = db_prepare(db, TEAM_SELECT " WHERE t.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, team_read, out);
}

int team_find(struct db *db, const char *name, struct team *out)
{
    struct db_stmt *st = db_prepare(db, TEAM_SELECT " WHERE t.name = ?1");
    db_bind_text(st, 1, name);
    return db_read_one(st, team_read, out);
}

static int team_get_any(struct db *db, int64_t id, void *out)
{
    return team_get(db, id, out);
}

static const struct change_kind team_change = {&team_record, "team", RIGHT_LOG_HOURS, team_get_any};

/* The parent of team id as stored (0: none), or -1 when there is no such team. */
static int64_t stored_parent(void *db, int64_t id)
{
    struct db_stmt *st = db_prepare(db, "SELECT coalesce(parent_id, 0) FROM team WHERE id = ?1");
    db_bind_int(st, 1, id);
    int64_t p = db_step(st) == DB_ROW ? db_col_int(st, 0) : -1;
    db_finalize(st);
    return p;
}

int team_save(struct db *db, struct team *t, const char *actor, const char **why)
{
    *why = NULL;
    char when[20];
    clock_format(clock_now(), when);
    struct team before;
    int rc = change_begin(db, &team_change, actor, t->id, &before);
    if (rc != DB_OK) return rc;
    /* Checked in the write transaction: no desk moves a team under this one meanwhile. */
    *why = team_parent_check(t->id, t->parent_id, stored_parent, db);
    if (!*why && validate_date_gone_optional(t->founded)) *why = _("Founded: later than today");
    if (*why) {
        change_abort(db, &team_change, &before);
        return DB_INVALID;
    }
    struct db_stmt *st = db_prepare(
        db, t->id ? "UPDATE team SET name = ?1, parent_id = ?2, leader_id = ?3, staff = ?4,"
                    " community_id = ?5, founded = ?6, updated_at = ?7, updated_by = ?8,"
                    " version = version + 1 WHERE id = ?9 AND version = ?10"
                  : "INSERT INTO team (name, parent_id, leader_id, staff, community_id, founded,"
                    " created_at, created_by, updated_at, updated_by)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)");
    db_bind_text(st, 1, t->name);
    bind_id_or_null(st, 2, t->parent_id);
    bind_id_or_null(st, 3, t->leader_id);
    db_bind_text(st, 4, t->staff);
    bind_id_or_null(st, 5, t->community_id);
    db_bind_text(st, 6, t->founded);
    db_bind_text(st, 7, when);
    db_bind_text(st, 8, actor);
    if (t->id) {
        db_bind_int(st, 9, t->id);
        db_bind_int(st, 10, t->version);
    }
    rc = change_save(db, &team_change, actor, st, &t->id, &t->version, &before);
    if (rc == DB_OK) {
        record_set(&t->updated_at, when);
        record_set(&t->updated_by, actor);
    }
    return rc;
}

int team_set_retired(struct db *db, struct team *t, int retired, const char *actor,
                     struct team *current)
{
    int rc = change_retire(db, &team_change, actor, "team", t->id, t->version, retired);
    if (rc == DB_OK) {
        t->retired = retired;
        t->version++;
    } else if (rc == DB_CONFLICT && current && team_get(db, t->id, current) != DB_OK) {
        record_init(&team_record, current);
    }
    return rc;
}

#define MEMBER_SELECT                                                                              \
    "SELECT m.id, m.team_id, m.volunteer_id, v.number, v.name, m.joined, m.left_on, m.version,"    \
    " m.updated_at, m.updated_by FROM team_member m JOIN volunteer v ON v.id = m.volunteer_id"

static void member_read(struct db_stmt *st, void *slot)
{
    struct team_member *m = slot;
    int c = 0;
    record_init(&team_member_record, m);
    m->id = db_col_int(st, c++);
    m->team_id = db_col_int(st, c++);
    m->volunteer_id = db_col_int(st, c++);
    record_set(&m->volunteer_number, db_col_text(st, c++));
    record_set(&m->volunteer_name, db_col_text(st, c++));
    record_set(&m->joined, db_col_text(st, c++));
    record_set(&m->left_on, db_col_text(st, c++));
    m->version = db_col_int(st, c++);
    record_set(&m->updated_at, db_col_text(st, c++));
    record_set(&m->updated_by, db_col_text(st, c++));
}

int team_members(struct db *db, int64_t team_id, int with_past, struct team_member **out, size_t *n)
{
    struct db_stmt *st = db_prepare(db, MEMBER_SELECT " WHERE m.team_id = ?1 AND (?2 OR"
                                                      " m.left_on = '') ORDER BY m.left_on <> '',"
                                                      " v.rank, m.joined DESC, m.id");
    db_bind_int(st, 1, team_id);
    db_bind_int(st, 2, with_past);
    int rc;
    *out = db_collect(st, sizeof **out, member_read, n, &rc);
    if (rc != DB_OK) {
        record_array_free(&team_member_record, *out, *n);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

int team_member_get(struct db *db, int64_t id, struct team_member *out)
{
    struct db_stmt *st = db_prepare(db, MEMBER_SELECT " WHERE m.id = ?1");
    db_bind_int(st, 1, id);
    return db_read_one(st, member_read, out);
}

static int member_get_any(struct db *db, int64_t id, void *out)
{
    return team_member_get(db, id, out);
}

static const struct change_kind member_change = {&team_member_record, "team-member",
                                                 RIGHT_LOG_HOURS, member_get_any};

int team_member_save(struct db *db, struct team_member *m, const char *actor, const char **why,
                     const char **field)
{
    char when[20], day[11];
    const char *at_fault = NULL;
    if (!field) field = &at_fault;
    clock_format(clock_now(), when);
    *why = team_member_dates_check(m->joined, m->left_on, clock_today(day));
    if (*why) {
        /* The join date good alone: the leaving date is at fault. */
        *field = team_member_dates_check(m->joined, "", day) ? "joined" : "left_on";
        return DB_INVALID;
    }
    struct team_member before;
    int rc = change_begin(db, &member_change, actor, m->id, &before);
    if (rc != DB_OK) return rc;
    /* No one joins a team before they registered as a volunteer. */
    struct db_stmt *reg =
        db_prepare(db, "SELECT 1 FROM volunteer WHERE id = ?1 AND registered_on > ?2");
    db_bind_int(reg, 1, m->volunteer_id);
    db_bind_text(reg, 2, m->joined);
    int early = db_exists(reg);
    if (early) {
        *why = _("Joined before the volunteer registered");
        *field = "joined";
        change_abort(db, &member_change, &before);
        return DB_INVALID;
    }
    if (!m->id) {
        struct db_stmt *st = db_prepare(db, "SELECT 1 FROM team_member WHERE team_id = ?1 AND"
                                            " volunteer_id = ?2 AND left_on = ''");
        db_bind_int(st, 1, m->team_id);
        db_bind_int(st, 2, m->volunteer_id);
        int member = db_exists(st);
        if (member && str_empty(m->left_on)) {
            *why = _("The volunteer is a member of this team already");
            *field = "volunteer_id";
            change_abort(db, &member_change, &before);
            return DB_INVALID;
        }
    }
    struct db_stmt *st = db_prepare(
        db, m->id ? "UPDATE team_member SET joined = ?3, left_on = ?4, updated_at = ?5,"
                    " updated_by = ?6, version = version + 1 WHERE id = ?7 AND version = ?8"
                  : "INSERT INTO team_member (team_id, volunteer_id, joined, left_on, created_at,"
                    " created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)");
    if (!m->id) {
        db_bind_int(st, 1, m->team_id);
        db_bind_int(st, 2, m->volunteer_id);
    }
    db_bind_text(st, 3, m->joined);
    db_bind_text(st, 4, m->left_on);
    db_bind_text(st, 5, when);
    db_bind_text(st, 6, actor);
    if (m->id) {
        db_bind_int(st, 7, m->id);
        db_bind_int(st, 8, m->version);
    }
    return change_save(db, &member_change, actor, st, &m->id, &m->version, &before);
}
