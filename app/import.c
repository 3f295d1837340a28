/*
** import: see import.h.
*/
#include "app/import.h"
#include "db/area.h"
#include "db/resident_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/text.h"
#include "src/xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Communities and grids by code and by name, sorted for bsearch. */
struct place_entry {
    const char *key;
    const struct area *area;
};

struct place_map {
    struct area_list communities, grids;
    struct place_entry *by_key_c, *by_key_g;
    size_t nc, ng;
};

static int place_cmp(const void *a, const void *b)
{
    return strcmp(((const struct place_entry *)a)->key, ((const struct place_entry *)b)->key);
}

/* Index a list by code and by name (names that several share are left out). */
static struct place_entry *place_index(const struct area_list *l, size_t *n)
{
    struct place_entry *v = xcalloc(l->n * 2 + 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        v[k++] = (struct place_entry){l->items[i].code, &l->items[i]};
        v[k++] = (struct place_entry){l->items[i].name, &l->items[i]};
    }
    qsort(v, k, sizeof *v, place_cmp);
    /* A key two places share points at neither. */
    for (size_t i = 1; i < k; i++)
        if (strcmp(v[i].key, v[i - 1].key) == 0 && v[i].area != v[i - 1].area)
            v[i].area = v[i - 1].area = NULL;
    *n = k;
    return v;
}

static const struct area *place_find(const struct place_entry *v, size_t n, const char *key)
{
    struct place_entry probe = {key, NULL};
    const struct place_entry *e = bsearch(&probe, v, n, sizeof *v, place_cmp);
    return e ? e->area : NULL;
}

static int places_load(struct db *db, struct place_map *m)
{
    memset(m, 0, sizeof *m);
    int rc = area_list(db, AREA_COMMUNITY, "", 0, 0, &m->communities);
    if (rc != DB_OK) return rc;
    rc = area_list(db, AREA_GRID, "", 0, 0, &m->grids);
    if (rc != DB_OK) {
        area_list_free(&m->communities);
        return rc;
    }
    m->by_key_c = place_index(&m->communities, &m->nc);
    m->by_key_g = place_index(&m->grids, &m->ng);
    return DB_OK;
}

static void places_free(struct place_map *m)
{
    area_list_free(&m->communities);
    area_list_free(&m->grids);
    free(m->by_key_c);
    free(m->by_key_g);
}

/*
** Texts met in a ledger, each noted once with the line it was first on: a
** hash set, so a lookup costs the same at the last row as at the first.
** The places the register does not know (kind 0 a grid, 1 a community),
** and the keys of the rows of a kind of record (kind 0).
*/
struct text_note {
    uint64_t hash; /* 0: empty */
    int kind;
    int line;
    char *text;
};

struct text_notes {
    struct text_note *v;
    size_t cap, used;
};

static void notes_grow(struct text_notes *n)
{
    size_t cap = n->cap ? n->cap * 2 : 64;
    struct text_note *v = xcalloc(cap, sizeof *v);
    for (size_t i = 0; i < n->cap; i++) {
        if (!n->v[i].hash) continue;
        size_t j = n->v[i].hash & (cap - 1);
        while (v[j].hash)
            j = (j + 1) & (cap - 1);
        v[j] = n->v[i];
    }
    free(n->v);
    n->v = v;
    n->cap = cap;
}

static void notes_free(struct text_notes *n)
{
    for (size_t i = 0; i < n->cap; i++)
        free(n->v[i].text);
    free(n->v);
    memset(n, 0, sizeof *n);
}

/* The line text of kind was first noted on, or 0 when it is new: then noted as on line. */
static int notes_put(struct text_notes *n, int kind, const char *text, int line)
{
    if ((n->used + 1) * 2 > n->cap) notes_grow(n);
    uint64_t h = str_hash(text, strlen(text)) + (uint64_t)kind;
    if (!h) h = 1;
    size_t j = h & (n->cap - 1);
    for (; n->v[j].hash; j = (j + 1) & (n->cap - 1))
        if (n->v[j].hash == h && n->v[j].kind == kind && strcmp(n->v[j].text, text) == 0)
            return n->v[j].line;
    n->v[j] = (struct text_note){h, kind, line, xstrdup(text)};
    n->used++;
    return 0;
}

/* Note a place the register does not know (kind 0 a grid, 1 a community) in unknown, once. */
static void unknown_place(struct text_notes *seen, struct strlist *unknown, int kind,
                          const char *text)
{
    if (notes_put(seen, kind, text, 1)) return;
    strlist_add_take(unknown, xasprintf("%s「%s」", kind ? _("community") : _("grid"), text));
}

static const char *area_name_of(const struct area_list *list, int64_t id);

/*
** Find the community and grid a ledger row names; what is not found is
** kept as written. A grid of one community with another named beside it
** is a row to mend (which is meant?): NULL, else why (caller frees).
*/
static char *places_resolve(const struct place_map *m, struct resident *r, struct text_notes *seen,
                            struct strlist *unknown)
{
    const struct area *c = NULL;
    if (*r->community) {
        c = place_find(m->by_key_c, m->nc, r->community);
        if (!c) {
            char with[256];
            if (snprintf(with, sizeof with, "%s社区", r->community) < (int)sizeof with)
                c = place_find(m->by_key_c, m->nc, with);
        }
    }
    if (*r->grid) {
        const struct area *g = place_find(m->by_key_g, m->ng, r->grid);
        if (g && c && c->id != g->parent_id)
            return xasprintf(_("%s is a grid of %s, not of %s"), g->name,
                             area_name_of(&m->communities, g->parent_id), c->name);
        if (g) {
            r->grid_id = g->id;
            r->community_id = g->parent_id;
        } else {
            unknown_place(seen, unknown, 0, r->grid);
        }
    }
    if (*r->community && !r->community_id) {
        if (c)
            r->community_id = c->id;
        else
            unknown_place(seen, unknown, 1, r->community);
    }
    return NULL;
}

static void change_sample(const struct place_map *places, int line, const struct resident *old,
                          struct resident *merged, struct import_report *rep);

/* The residents renamed by an import that its summary names (the rest as ...). */
#define RENAMED_SAID 10

/*
** A good row into a register that already holds residents: new, changed,
** unchanged or skipped, and saved so, a new one's search keys filed in
** later (written as the batch commits); with dry (the places, for the names
** the sample shows) only counted, and the first changes kept as a sample.
*/
static int merge_row(struct db *db, const struct ledger *l, const struct import_options *o,
                     struct resident *r, struct import_report *rep, const struct place_map *dry,
                     int line, struct key_tables *later)
{
    struct resident old;
    int rc = resident_get_by_id_number(db, r->id_number, &old);
    if (rc == DB_NOTFOUND) {
        rc = dry ? DB_OK : resident_save_keys_later(db, r, o->actor, later);
        rep->imported += rc == DB_OK;
        return rc;
    }
    if (rc != DB_OK) return rc;
    if (resident_status_parse(old.status) == RESIDENT_MERGED) {
        /* Kept as it was merged: the record it went into is the one to change. Said. */
        rep->skipped++;
        if (rep->merged_away.n < RENAMED_SAID) {
            char *id = resident_masked_id(old.id_number); /* a name alone may be several */
            strlist_add_take(&rep->merged_away, xasprintf("%s %s", old.name, id));
            free(id);
        } else if (rep->merged_away.n == RENAMED_SAID) {
            strlist_add(&rep->merged_away, "...");
        }
    } else if (o->existing == IMPORT_SKIP) {
        rep->skipped++;
    } else {
        struct resident merged;
        resident_copy(&merged, &old);
        ledger_merge(l, r, &merged);
        /* Another name under a number on file: a new name, or a number typed wrong. Said. */
        if (!str_eq(merged.name, old.name) && rep->renamed.n <= RENAMED_SAID)
            strlist_add_take(&rep->renamed, rep->renamed.n < RENAMED_SAID
                                                ? xasprintf("%s -> %s", old.name, merged.name)
                                                : xstrdup("..."));
        if (resident_same(&merged, &old)) {
            rep->unchanged++;
        } else if (dry) {
            rep->updated++;
            change_sample(dry, line, &old, &merged, rep);
        } else {
            rc = resident_save(db, &merged, o->actor, NULL);
            rep->updated += rc == DB_OK;
        }
        resident_free(&merged);
    }
    resident_free(&old);
    return rc;
}

/* Rejected rows' bytes as they were in the file (which may hold anything, even NUL), and why. */
struct raw_rows {
    char **v;
    size_t *len;
    char **reason;
    size_t n;
};

/* The problems p holds from index from on, as one cell: "column: reason; ...". Caller frees. */
static char *problems_text(const struct ledger_problems *p, size_t from)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = from; i < p->n; i++) {
        if (sb.len) strbuf_adds(&sb, "；");
        if (*p->v[i].column)
            strbuf_addf(&sb, "%s：%s", p->v[i].column, p->v[i].reason);
        else
            strbuf_adds(&sb, p->v[i].reason);
    }
    return strbuf_detach(&sb);
}

/* Keep a refused row's bytes and, as its reason, the problems from index from on. */
static void raw_rows_add(struct raw_rows *r, const char *bytes, size_t n,
                         const struct ledger_problems *p, size_t from)
{
    r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
    r->len = xrealloc(r->len, (r->n + 1) * sizeof *r->len);
    r->reason = xrealloc(r->reason, (r->n + 1) * sizeof *r->reason);
    r->v[r->n] = xmalloc(n ? n : 1);
    memcpy(r->v[r->n], bytes, n);
    r->reason[r->n] = problems_text(p, from);
    r->len[r->n++] = n;
}

static void raw_rows_free(struct raw_rows *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i]);
        free(r->reason[i]);
    }
    free(r->v);
    free(r->len);
    free(r->reason);
}

/* Whether the files at a and b hold the same bytes. */
static int files_same(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {
        char ba[4096], bb[4096];
        size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
        same = na == nb && memcmp(ba, bb, na) == 0;
        if (na < sizeof ba) break;
    }
    if (fa) fclose(fa);
    if (fb) fclose(fb);
    return same;
}

/*
** Where the rejects file of the ledger at path is kept when a new one
** differs: FILE.rejects.old.csv, else .old2, .old3 ... the first not
** there, so that no copy kept before is lost (the 99th is reused). Caller
** frees.
*/
static char *rejects_old_name(const char *path)
{
    char *name = xasprintf("%s.rejects.old.csv", path);
    struct stat st;
    for (int i = 2; i <= 99 && stat(name, &st) == 0; i++) {
        free(name);
        name = xasprintf("%s.rejects.old%d.csv", path, i);
    }
    return name;
}

/* The rejects file at path put aside under rejects_old_name(), said in rep. 0, or -1. */
static int rejects_put_aside(const char *ledger_path, const char *path, struct import_report *rep)
{
    char *old = rejects_old_name(ledger_path);
    int rc = rename(path, old);
    if (rc == 0)
        rep->rejects_kept = old;
    else
        free(old);
    return rc;
}

/*
** Write the rejected rows next to the ledger (or where o says), when there
** are any. The rejects file an import names itself is bangban's, written
** again by each import of the ledger; but the clerk may have mended its
** rows already: one there that differs from the new is put aside, as
** FILE.rejects.old.csv (or .old2 ... when that is taken), and said; so is
** one left by an earlier import when this one refuses nothing.
*/
static void rejects_write(const struct ledger *l, const struct import_options *o,
                          const struct raw_rows *rejected, struct import_report *rep)
{
    char *path =
        o->rejects_path ? xstrdup(o->rejects_path) : xasprintf("%s.rejects.csv", o->ledger_path);
    struct stat st;
    int there = !o->rejects_path && stat(path, &st) == 0;
    if (!rejected->n) {
        if (there) rejects_put_aside(o->ledger_path, path, rep);
        free(path);
        return;
    }
    /* Beside the one there first, to compare: the same rows and reasons replace nothing. */
    char *target = there ? xasprintf("%s.rejects.new.csv", o->ledger_path) : xstrdup(path);
    int rc = ledger_write_rejects(l, target, rejected->v, rejected->len, rejected->reason,
                                  rejected->n, &rep->rejects_error);
    if (rc == 0 && there && files_same(target, path)) {
        unlink(target);
    } else if (rc == 0 && there) {
        rejects_put_aside(o->ledger_path, path, rep);
        if ((rc = rename(target, path)) != 0) {
            char *why = util_errno_text(errno);
            rep->rejects_error = xasprintf(_("cannot write the rejects file %s: %s"), path, why);
            free(why);
        }
    }
    free(target);
    if (rc == 0)
        rep->rejects_path = path;
    else
        free(path);
}

/* Columns of l its schema does not know go to the report; a required one missing is an error. */
static int columns_check(struct ledger *l, struct import_report *rep, char **err)
{
    size_t unknown = 0;
    rep->header_line = ledger_header_line(l);
    rep->title_lines = ledger_title_lines(l);
    if (ledger_sheet(l)) {
        rep->sheet = xstrdup(ledger_sheet(l));
        for (size_t i = 0; i < ledger_columns(l); i++)
            strlist_add_take(&rep->columns, text_excerpt(ledger_column_name(l, i), 20));
    }
    for (size_t i = 0; i < ledger_columns(l); i++) {
        int f = ledger_column_field(l, i);
        if (f == LEDGER_TWICE) {
            const struct ledger_schema *schema = ledger_schema_of(l);
            int fed = ledger_schema_field(schema, ledger_column_name(l, i));
            char *name = text_excerpt(ledger_column_name(l, i), 20);
            strlist_add_take(&rep->twice_columns,
                             xasprintf(_("%s (%s)"), name, ledger_schema_header(schema, fed)));
            free(name);
        }
        if (f != LEDGER_UNKNOWN) continue;
        /* A few names, each cut short: a hostile header is never quoted whole. */
        if (++unknown <= 10)
            strlist_add_take(&rep->unknown_columns, text_excerpt(ledger_column_name(l, i), 20));
    }
    if (unknown > 10)
        strlist_add_take(&rep->unknown_columns,
                         xasprintf(ngettext("%zu more", "%zu more", unknown - 10), unknown - 10));
    const char *missing = ledger_missing(l);
    if (!missing) return DB_OK;
    if (!rep->unknown_columns.n) {
        *err = xasprintf(_("the ledger has no %s column"), missing);
        return DB_INVALID;
    }
    /* Under another name, perhaps: the columns not known, and how to say which it is. */
    char *others = strlist_join(&rep->unknown_columns, "、");
    *err =
        xasprintf(_("the ledger has no %s column; columns not known: %s (when one of them is it: "
                    "--map '%s=%s')"),
                  missing, others, rep->unknown_columns.v[0], missing);
    free(others);
    return DB_INVALID;
}

/* What reading a ledger carries along, row after row. */
struct import_reader {
    struct ledger *l;
    struct import_report *rep;
    const struct place_map *places;
    struct idcard_seen seen;      /* ID numbers in this file, with the line each was first on */
    struct text_notes places_met; /* the unknown places noted in the report */
    struct raw_rows rejected;
    int keep_rejected; /* for the rejects file (a preview writes none) */
    int last_line;     /* the line of the row import_next() returned */
    /* A load's rows whose ID numbers are on file: merged once it is done (rows_hold()) */
    struct resident *held;
    size_t nheld;
};

/*
** A register holding up to SHARED_ON_FILE_MAX residents takes a ledger of
** SHARED_LEDGER_BYTES or more (some 8,000 rows) as an empty one does: a
** desk registered a few before the district's ledger came. Row by row it
** was 6.7 times as slow (30.8 s against 4.6 for 355,600 rows over one
** resident). The ledger's rows for those on file are left out of the load
** and merged after it. A smaller ledger goes row by row, in a second or
** less, into an empty register too: a one-row save is not taken for a load
** (its keys pending until its end) that would make a large import coming
** meanwhile go row by row (a desk's first save did so, 3,500,000 rows).
*/
#define SHARED_ON_FILE_MAX  10000
#define SHARED_LEDGER_BYTES (1 << 20)

/*
** The most rows of a load rows_hold() keeps to merge after it: those of the
** residents on file before it began (up to SHARED_ON_FILE_MAX), with room
** for those desks register meanwhile. Past it a row is left out, and
** importing the file again merges it.
*/
#define HELD_MAX (2 * SHARED_ON_FILE_MAX)

/* Keep a copy of r, a row the load left out, to merge after the load (see resident_bulk.h). */
static int rows_hold(void *ctx, const struct resident *r)
{
    struct import_reader *in = ctx;
    if (in->nheld == HELD_MAX) return 0;
    if (!(in->nheld & (in->nheld - 1)))
        in->held = xrealloc(in->held, (in->nheld ? in->nheld * 2 : 1) * sizeof *in->held);
    resident_copy(&in->held[in->nheld++], r);
    return 1;
}

static void rows_held_free(struct import_reader *in)
{
    for (size_t i = 0; i < in->nheld; i++)
        resident_free(&in->held[i]);
    free(in->held);
    in->held = NULL;
    in->nheld = 0;
}

/*
** The next good row of the ledger as a resident (see bulk_source); bad
** rows on the way are reported and kept for the rejects file.
*/
static int import_next(void *ctx, struct resident *r, size_t *done, size_t *total)
{
    struct import_reader *in = ctx;
    struct ledger_row row;
    while (ledger_next(in->l, &row)) {
        int upgraded;
        in->rep->read++;
        size_t before = in->rep->problems.n;
        int bad = ledger_row_check(in->l, &row, r, &upgraded, &in->rep->problems);
        /*
        ** A row refused for another cell still holds its ID number: a later
        ** row of that number is refused too, or fixing the first and
        ** importing the rejects would write over the other person.
        */
        if (!str_empty(r->id_number)) {
            int first = idcard_seen_check(&in->seen, r->id_number, row.line);
            if (first) {
                int col = ledger_column_of(in->l, LF_ID);
                ledger_problem_add(
                    &in->rep->problems, row.line, ledger_column_name(in->l, (size_t)col),
                    xasprintf(ledger_sheet(in->l) ? _("the same ID number as row %d")
                                                  : _("the same ID number as line %d"),
                              first));
                bad = 1;
            }
        }
        char *clash =
            bad ? NULL : places_resolve(in->places, r, &in->places_met, &in->rep->unknown_places);
        if (clash) {
            int col = ledger_column_of(in->l, LF_COMMUNITY);
            ledger_problem_add(&in->rep->problems, row.line, ledger_column_name(in->l, (size_t)col),
                               clash);
            bad = 1;
        }
        if (bad) {
            if (in->keep_rejected)
                raw_rows_add(&in->rejected, row.raw, row.raw_len, &in->rep->problems, before);
            in->rep->rejected++;
            resident_free(r);
            continue;
        }
        in->rep->upgraded += upgraded;
        in->last_line = row.line;
        *done = ledger_offset(in->l);
        *total = ledger_size(in->l);
        return 1;
    }
    return 0;
}

static int bulk_next(void *ctx, struct resident *r, size_t *done, size_t *total)
{
    struct import_reader *in = ctx;
    if (!import_next(ctx, r, done, total)) return 0;
    in->rep->imported++;
    return 1;
}

/* What the audit log keeps of an import: the file and the counts (never a row's content). */
static char *audit_detail(const struct import_options *o, const struct import_report *rep)
{
    return xasprintf("%s: read %zu, new %zu, updated %zu, unchanged %zu, skipped %zu, rejected %zu",
                     o->ledger_path ? o->ledger_path : "", rep->read, rep->imported, rep->updated,
                     rep->unchanged, rep->skipped, rep->rejected);
}

/*
** A long import commits as it goes and lets go of the lock for a moment
** after each commit: at once when a desk waits for the lock (once the batch
** ran DESK_GAP_MS; db_desk_waited()), else when the batch has run its time,
** first BATCH_FIRST_MS, each time twice as long up to BATCH_MS. A desk's
** one-row save waits behind it a fraction of a second, and a second import
** waits its turn. Each commit files the batch's new residents' search keys:
** each key at the end of its term's list, on pages all over the posting
** tables, written to the WAL again by every commit: commits every 200 ms
** wrote 496 MB for a 69 MB register (120,000 rows into 60,000: 6.6-7.7 s),
** these 145 MB (4.6-5.7 s). Killed or stopped halfway, the rows of the
** batches committed stay in; the same file imported again finishes it
** (rows in already are unchanged).
*/
#define BATCH_FIRST_MS 200
#define BATCH_MS       2000
#define DESK_GAP_MS    100

struct batch {
    struct db *db;
    struct key_tables *later; /* new residents' search keys, written as a batch commits */
    struct timespec began;
    long batch_ms;  /* how long this batch runs when no desk waits */
    long keys_ms;   /* the last batch's keys took (at most half a batch): the next turns so early */
    int desk;       /* a desk waits for the lock: commit once DESK_GAP_MS ran */
    size_t kept[5]; /* read, imported, updated, unchanged, skipped as of the last commit */
    int committed;  /* a batch was committed */
};

/*
** Begin a batch: its time counts from when it has the lock, and the sign's
** touches before it are dropped (the desks that made them have had their
** turn).
*/
static int batch_open(struct batch *b)
{
    int rc = db_write_begin(b->db);
    clock_gettime(CLOCK_MONOTONIC, &b->began);
    db_desk_waited(b->db);
    return rc;
}

/*
** Begin the first batch, the connection's cache made a load's and the rows'
** savepoint journals kept in memory (see batch_end()). Of residents (1):
** a row that fails stops the import, so rows take no savepoint at all, and
** new residents' keys wait in b->later for their batch's commit. The
** desks' sign is put out at the first commit: an import of a few rows (a
** desk's own) neither puts it out nor takes away a long import's.
*/
static int batch_begin(struct batch *b, struct db *db, int residents)
{
    memset(b, 0, sizeof *b);
    b->db = db;
    b->batch_ms = BATCH_FIRST_MS;
    int rc = db_cache_load(db, 64);
    db_map_off(db, 1);
    if (rc == DB_OK) rc = db_journal_memory(db, 1);
    if (rc == DB_OK) rc = batch_open(b);
    if (rc == DB_OK && residents) {
        b->later = key_tables_new();
        db_write_flat(db, 1);
    }
    return rc;
}

/*
** Commit the last batch, its new residents' keys written (rc DB_OK), or roll
** it back; give the connection the desk's cache and journals again. Returns
** rc, or the keys' or the commit's error.
*/
static int batch_end(struct batch *b, int rc)
{
    if (rc == DB_OK && b->later) rc = resident_keys_add(b->db, b->later);
    if (rc == DB_OK)
        rc = db_commit(b->db);
    else
        db_rollback(b->db);
    key_tables_free(b->later);
    b->later = NULL;
    db_desk_sign_take(b->db);
    db_write_flat(b->db, 0);
    db_cache_load(b->db, 0);
    db_map_off(b->db, 0);
    db_journal_memory(b->db, 0);
    return rc;
}

/*
** Commit what is written, with its new residents' keys, when a desk waits
** or the batch has run long enough, and begin the next.
*/
static int batch_turn(struct batch *b, const struct import_report *rep)
{
    b->desk |= db_desk_waited(b->db);
    if (clock_ms_since(&b->began) + b->keys_ms < (b->desk ? DESK_GAP_MS : b->batch_ms))
        return DB_OK;
    if (!b->desk) b->batch_ms = b->batch_ms * 2 < BATCH_MS ? b->batch_ms * 2 : BATCH_MS;
    b->desk = 0;
    struct timespec keys;
    clock_gettime(CLOCK_MONOTONIC, &keys);
    int rc = b->later ? resident_keys_add(b->db, b->later) : DB_OK;
    b->keys_ms = clock_ms_since(&keys);
    if (b->keys_ms > BATCH_MS / 2) b->keys_ms = BATCH_MS / 2;
    if (rc == DB_OK) rc = db_commit(b->db);
    if (rc != DB_OK) return rc;
    /* At the first commit (a one-row import never puts it out); db_commit() puts it out again. */
    if (!b->committed) db_desk_sign_put(b->db);
    b->committed = 1;
    size_t now[5] = {rep->read, rep->imported, rep->updated, rep->unchanged, rep->skipped};
    memcpy(b->kept, now, sizeof now);
    struct timespec pause = {0, 3000000}; /* a waiting desk takes the lock now */
    nanosleep(&pause, NULL);
    return batch_open(b);
}

/*
** The import stopped with rc after the batches b committed: the report's
** counts become theirs, and *err (the reason, taken and replaced) says what
** is in and what to do.
*/
static void batch_stopped(const struct batch *b, int rc, struct import_report *rep, char **err)
{
    rep->imported = b->kept[1];
    rep->updated = b->kept[2];
    rep->unchanged = b->kept[3];
    rep->skipped = b->kept[4];
    if (!b->committed) return;
    char *why = *err;
    if (rc == DB_FULL) { /* not "nothing was saved": the batches before are */
        free(why);
        why = util_errno_text(ENOSPC);
    }
    *err = xasprintf(_("%s; the first %zu rows are in (new %zu, updated %zu): import the same file "
                       "again to finish it"),
                     why, b->kept[0], b->kept[1], b->kept[2]);
    free(why);
}

/*
** The start of reading a resident ledger, for an import and its dry run
** alike: the report zeroed, the columns checked, the register's places
** loaded into *places and the reader in set on them. DB_OK, or DB_INVALID
** or an error with *err (caller frees); then nothing is left to free.
*/
static int residents_reader(struct db *db, struct ledger *l, struct import_report *rep,
                            struct place_map *places, struct import_reader *in, char **err)
{
    memset(rep, 0, sizeof *rep);
    *err = NULL;
    if (columns_check(l, rep, err) != DB_OK) return DB_INVALID;
    int rc = places_load(db, places);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        return rc;
    }
    memset(in, 0, sizeof *in);
    in->l = l;
    in->rep = rep;
    in->places = places;
    return DB_OK;
}

/*
** After a load, the rows it held (their residents on file) merged as a
** re-import merges every row, in batches, with the import's audit row.
** Returns DB_OK or an error; stopped, the batches committed stay.
*/
static int held_merge(struct db *db, const struct ledger *l, const struct import_options *o,
                      struct import_reader *in, struct import_report *rep)
{
    struct batch batch;
    int rc = batch_begin(&batch, db, 1);
    for (size_t i = 0; i < in->nheld && rc == DB_OK; i++) {
        rc = merge_row(db, l, o, &in->held[i], rep, NULL, 0, batch.later);
        if (rc == DB_OK) rc = batch_turn(&batch, rep);
    }
    if (rc == DB_OK) {
        char *detail = audit_detail(o, rep);
        rc = audit_append(db, o->actor, "import", "resident:*", detail);
        free(detail);
    }
    return batch_end(&batch, rc);
}

int import_residents(struct db *db, struct ledger *l, const struct import_options *o,
                     struct import_report *rep, char **err)
{
    struct place_map places;
    struct import_reader in;
    int rc = residents_reader(db, l, rep, &places, &in, err);
    if (rc != DB_OK) return rc;
    in.keep_rejected = 1;
    struct resident_bulk *bulk = NULL;
    struct batch batch = {0};
    /* An import killed before its search keys were written: file them first. */
    rc = resident_keys_repair(db, o->actor);
    /* A smaller ledger goes row by row, into an empty register too (SHARED_LEDGER_BYTES). */
    if (rc == DB_OK && ledger_size(l) < SHARED_LEDGER_BYTES) rc = DB_INVALID;
    if (rc == DB_OK)
        rc = resident_bulk_begin_shared(db, o->actor, o->ledger_path ? o->ledger_path : "",
                                        SHARED_ON_FILE_MAX, &bulk);
    if (rc == DB_OK) {
        /* An empty register, or one of a few: a second thread reads while this one writes. */
        resident_bulk_hold_left_out(bulk, rows_hold, &in);
        rc = resident_bulk_pump(bulk, bulk_next, &in, _("Reading the ledger"), o->progress, o->ctx);
        /* Rows of residents on file: merged below; past HELD_MAX left alone, as skipped. */
        rep->left_out = resident_bulk_left_out(bulk);
        rep->imported -= rep->left_out + in.nheld;
        rep->skipped += rep->left_out;
        idcard_seen_free(&in.seen); /* every row is read: its memory goes before the keys' merge */
        size_t left_out_in = 0;
        size_t committed = resident_bulk_committed(bulk, &left_out_in);
        if (rc == DB_OK && !in.nheld) {
            char *detail = audit_detail(o, rep);
            resident_bulk_audit(bulk, "import", detail);
            free(detail);
        }
        if (rc == DB_OK)
            rc = resident_bulk_finish(bulk, o->progress, o->ctx);
        else
            resident_bulk_abort(bulk);
        if (rc == DB_OK && in.nheld) rc = held_merge(db, l, o, &in, rep);
        /* Stopped: the batches committed are in (counted as read and new, in the ledger's order),
         * and the rows left out before them (as read and skipped). */
        batch.kept[0] = committed + left_out_in;
        batch.kept[1] = committed;
        batch.kept[4] = left_out_in;
        if (rc != DB_OK) rep->left_out = left_out_in;
        batch.committed = committed > 0;
    } else if (rc == DB_INVALID) {
        /* A small ledger, or more residents registered already: row by row, committed in batches. */
        rc = batch_begin(&batch, db, 1);
        /* In the first batch: a batch committed before a kill is on record as an import. */
        if (rc == DB_OK)
            rc = audit_append(db, o->actor, "import-begun", "resident:*",
                              o->ledger_path ? o->ledger_path : "");
        struct resident r;
        size_t done, total;
        while (rc == DB_OK && import_next(&in, &r, &done, &total)) {
            rc = merge_row(db, l, o, &r, rep, NULL, 0, batch.later);
            resident_free(&r);
            if (rc == DB_OK) rc = batch_turn(&batch, rep);
            if (o->progress && rep->read % 1024 == 0)
                o->progress(o->ctx, _("Reading the ledger"), done, total);
        }
        if (rc == DB_OK) {
            char *detail = audit_detail(o, rep);
            rc = audit_append(db, o->actor, "import", "resident:*", detail);
            free(detail);
        }
        rc = batch_end(&batch, rc);
    }
    places_free(&places);
    idcard_seen_free(&in.seen);
    notes_free(&in.places_met);
    rows_held_free(&in);
    rep->joined = ledger_joined(l);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        batch_stopped(&batch, rc, rep, err);
    } else {
        rejects_write(l, o, &in.rejected, rep);
    }
    raw_rows_free(&in.rejected);
    return rc;
}

void import_report_free(struct import_report *rep)
{
    for (size_t i = 0; i < rep->nchanges; i++) {
        struct import_change *c = &rep->changes[i];
        for (size_t j = 0; j < c->n; j++) {
            free(c->v[j].field);
            free(c->v[j].was);
            free(c->v[j].now);
        }
        free(c->v);
        free(c->what);
    }
    free(rep->changes);
    ledger_problems_free(&rep->problems);
    strlist_free(&rep->unknown_places);
    strlist_free(&rep->created);
    strlist_free(&rep->renamed_units);
    strlist_free(&rep->created_areas);
    strlist_free(&rep->created_staff);
    strlist_free(&rep->rephoned_staff);
    strlist_free(&rep->renamed);
    strlist_free(&rep->merged_away);
    strlist_free(&rep->unknown_columns);
    strlist_free(&rep->twice_columns);
    strlist_free(&rep->columns);
    free(rep->sheet);
    free(rep->rejects_path);
    free(rep->rejects_kept);
    free(rep->rejects_error);
    memset(rep, 0, sizeof *rep);
}

/* A problem in a workbook's sheet: "sheet S row N column C (header): reason". */
static void sheet_problem(const struct import_report *rep, const struct ledger_problem *p,
                          struct strbuf *sb)
{
    size_t col = rep->columns.n;
    for (size_t i = 0; *p->column && i < rep->columns.n && col == rep->columns.n; i++)
        if (str_eq(rep->columns.v[i], p->column)) col = i;
    char letters[8];
    xlsx_column_name(col, letters);
    if (col < rep->columns.n)
        strbuf_addf(sb, _("sheet %s row %d column %s (%s): %s\n"), rep->sheet, p->line, letters,
                    p->column, p->reason);
    else if (*p->column)
        strbuf_addf(sb, _("sheet %s row %d, %s: %s\n"), rep->sheet, p->line, p->column, p->reason);
    else
        strbuf_addf(sb, _("sheet %s row %d: %s\n"), rep->sheet, p->line, p->reason);
}

/*
** The problems a report lists one a line; the rest are counted in one
** line (the rejects file, named below, holds every refused row with its
** reasons). A masked export imported back, a ledger of the wrong kind:
** every row refused alike, 700,000 lines for a district's.
*/
#define PROBLEMS_LISTED 100

char *import_report_text(const struct import_report *rep)
{
    struct strbuf sb = STRBUF_INIT;
    size_t listed = rep->problems.n > PROBLEMS_LISTED ? PROBLEMS_LISTED : rep->problems.n;
    for (size_t i = 0; i < listed; i++) {
        const struct ledger_problem *p = &rep->problems.v[i];
        if (rep->sheet)
            sheet_problem(rep, p, &sb);
        else if (*p->column)
            strbuf_addf(&sb, _("line %d, %s: %s\n"), p->line, p->column, p->reason);
        else
            strbuf_addf(&sb, _("line %d: %s\n"), p->line, p->reason);
    }
    if (listed < rep->problems.n)
        strbuf_addf(&sb,
                    ngettext("... and %zu more problem, not listed\n",
                             "... and %zu more problems, not listed\n",
                             (unsigned long)(rep->problems.n - listed)),
                    rep->problems.n - listed);
    if (rep->title_lines)
        strbuf_addf(&sb,
                    rep->sheet ? ngettext("The header is row %d: the row above it is a title, "
                                          "not read\n",
                                          "The header is row %d: the %d rows above it are a "
                                          "title, not read\n",
                                          (unsigned long)rep->title_lines)
                               : ngettext("The header is line %d: the line above it is a title, "
                                          "not read\n",
                                          "The header is line %d: the %d lines above it are a "
                                          "title, not read\n",
                                          (unsigned long)rep->title_lines),
                    rep->header_line, rep->title_lines);
    if (rep->unknown_columns.n) {
        char *cols = strlist_join(&rep->unknown_columns, "、");
        strbuf_addf(&sb, _("Columns not used (not known to bangban): %s\n"), cols);
        free(cols);
    }
    if (rep->twice_columns.n) {
        char *cols = strlist_join(&rep->twice_columns, "、");
        strbuf_addf(&sb,
                    _("Columns read only where the other column for the same field is empty: %s\n"),
                    cols);
        free(cols);
    }
    if (rep->unknown_places.n) {
        char *places = strlist_join(&rep->unknown_places, "、");
        strbuf_addf(&sb, _("Not known here yet, kept as written: %s\n"), places);
        free(places);
    }
    if (rep->created.n) {
        char *units = strlist_join(&rep->created, "、");
        strbuf_addf(&sb, rep->dry_run ? _("Units it would create: %s\n") : _("Units created: %s\n"),
                    units);
        free(units);
    }
    if (rep->created_areas.n) {
        char *areas = strlist_join(&rep->created_areas, "、");
        strbuf_addf(&sb,
                    rep->dry_run ? _("Streets and communities it would make: %s\n")
                                 : _("Streets and communities made: %s\n"),
                    areas);
        free(areas);
    }
    if (rep->renamed_units.n) {
        char *units = strlist_join(&rep->renamed_units, "、");
        strbuf_addf(&sb,
                    rep->dry_run ? _("Units it would rename (a row gives their code another name): "
                                     "%s\n")
                                 : _("Units renamed (a row gave their code another name): %s\n"),
                    units);
        free(units);
    }
    if (rep->created_staff.n) {
        char *people = strlist_join(&rep->created_staff, "、");
        strbuf_addf(&sb, rep->dry_run ? _("Staff it would add: %s\n") : _("Staff added: %s\n"),
                    people);
        free(people);
    }
    if (rep->renamed.n) {
        char *people = strlist_join(&rep->renamed, "、");
        strbuf_addf(&sb,
                    rep->dry_run ? _("Residents it would rename (check their ID numbers): %s\n")
                                 : _("Residents renamed (check their ID numbers): %s\n"),
                    people);
        free(people);
    }
    if (rep->merged_away.n) {
        char *people = strlist_join(&rep->merged_away, "、");
        strbuf_addf(&sb,
                    rep->dry_run ? _("Records merged into another, which it would skip (change the "
                                     "one each went into): %s\n")
                                 : _("Records merged into another, skipped (change the one each "
                                     "went into): %s\n"),
                    people);
        free(people);
    }
    if (rep->rephoned_staff.n) {
        char *people = strlist_join(&rep->rephoned_staff, "、");
        strbuf_addf(&sb,
                    rep->dry_run ? _("Holders whose phone it would change: %s\n")
                                 : _("Holders whose phone was changed: %s\n"),
                    people);
        free(people);
    }
    if (rep->rejects_path)
        strbuf_addf(&sb, _("Rejected rows, as they were in the file: %s\n"), rep->rejects_path);
    if (rep->rejects_kept && rep->rejects_path)
        strbuf_addf(&sb,
                    _("The rejects file there before, which differed (rows mended?), is kept as: "
                      "%s\n"),
                    rep->rejects_kept);
    else if (rep->rejects_kept)
        strbuf_addf(&sb,
                    _("The rejects file of an earlier import is kept as %s: this one rejected "
                      "nothing\n"),
                    rep->rejects_kept);
    if (rep->rejects_error) strbuf_addf(&sb, "%s\n", rep->rejects_error);
    return strbuf_detach(&sb);
}

char *import_summary(const struct import_report *rep)
{
    struct strbuf sb = STRBUF_INIT;
    if (rep->dry_run)
        strbuf_addf(&sb,
                    _("read %zu, would be new %zu, changed %zu, unchanged %zu, skipped %zu, "
                      "rejected %zu; nothing written"),
                    rep->read, rep->imported, rep->updated, rep->unchanged, rep->skipped,
                    rep->rejected);
    else
        strbuf_addf(
            &sb, _("read %zu, imported %zu, updated %zu, unchanged %zu, skipped %zu, rejected %zu"),
            rep->read, rep->imported, rep->updated, rep->unchanged, rep->skipped, rep->rejected);
    if (rep->upgraded)
        strbuf_addf(&sb, _(" (%zu 15-digit ID numbers upgraded to 18)"), rep->upgraded);
    if (rep->left_out)
        strbuf_addf(&sb,
                    ngettext("; %zu row skipped: its ID number was registered meanwhile, at a desk "
                             "or by another import (import the same file again to update it)",
                             "; %zu rows skipped: their ID numbers were registered meanwhile, at a "
                             "desk or by another import (import the same file again to update "
                             "them)",
                             rep->left_out),
                    rep->left_out);
    if (rep->joined)
        strbuf_addf(&sb,
                    ngettext("; %zu cell had line breaks, joined into one line",
                             "; %zu cells had line breaks, joined into one line", rep->joined),
                    rep->joined);
    return strbuf_detach(&sb);
}

/* --- previews: what an import would change, nothing written ---------------------------------- */

/*
** Note a changed record for the sample (while it has room): each field
** people edit that differs between was and now (records of type t), as
** shown to people, secret numbers masked. what is taken.
*/
static void change_add(struct import_report *rep, const struct record_type *t, int line,
                       const void *was, const void *now, char *what)
{
    if (rep->nchanges >= IMPORT_SAMPLE) {
        free(what);
        return;
    }
    if (!rep->changes) rep->changes = xcalloc(IMPORT_SAMPLE, sizeof *rep->changes);
    struct import_change *c = &rep->changes[rep->nchanges++];
    c->line = line;
    c->what = what;
    for (size_t i = 0; i < t->nfields; i++) {
        const struct field_desc *f = &t->fields[i];
        if (!f->label || (f->flags & (FIELD_STORED | FIELD_KEY | FIELD_WITH_PREV))) continue;
        if (record_field_same(t, i, was, now)) continue;
        c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
        c->v[c->n].field = xstrdup(_(f->label));
        c->v[c->n].was = record_field_shown(t, i, was);
        c->v[c->n].now = record_field_shown(t, i, now);
        c->n++;
    }
}

char *import_changes_text(const struct import_report *rep)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < rep->nchanges; i++) {
        const struct import_change *c = &rep->changes[i];
        if (rep->sheet)
            strbuf_addf(&sb, _("sheet %s row %d, %s: "), rep->sheet, c->line, c->what);
        else
            strbuf_addf(&sb, _("line %d, %s: "), c->line, c->what);
        for (size_t j = 0; j < c->n; j++)
            strbuf_addf(&sb, "%s%s %s -> %s", j ? "；" : "", c->v[j].field,
                        *c->v[j].was ? c->v[j].was : _("(empty)"),
                        *c->v[j].now ? c->v[j].now : _("(empty)"));
        strbuf_addc(&sb, '\n');
    }
    return strbuf_detach(&sb);
}

/* The name of the area id in list, or "". Borrowed. */
static const char *area_name_of(const struct area_list *list, int64_t id)
{
    for (size_t i = 0; id && i < list->n; i++)
        if (list->items[i].id == id) return list->items[i].name;
    return "";
}

/* A resident as a preview names it: name and masked ID number. Caller frees. */
static char *resident_what(const struct resident *r)
{
    char *id = xstrdup(r->id_number);
    text_mask_number(id, strlen(id), id);
    char *what = xasprintf("%s %s", r->name, id);
    free(id);
    return what;
}

/* A change a dry run found, kept while the sample has room, with the places named as shown. */
static void change_sample(const struct place_map *places, int line, const struct resident *old,
                          struct resident *merged, struct import_report *rep)
{
    if (rep->nchanges >= IMPORT_SAMPLE) return;
    if (merged->community_id)
        record_set(&merged->community, area_name_of(&places->communities, merged->community_id));
    if (merged->grid_id) record_set(&merged->grid, area_name_of(&places->grids, merged->grid_id));
    change_add(rep, &resident_record, line, old, merged, resident_what(old));
}

int import_residents_preview(struct db *db, struct ledger *l, const struct import_options *o,
                             struct import_report *rep, char **err)
{
    struct place_map places;
    struct import_reader in;
    int rc = residents_reader(db, l, rep, &places, &in, err);
    if (rc != DB_OK) return rc;
    rep->dry_run = 1;
    struct resident r;
    size_t done, total;
    while (rc == DB_OK && import_next(&in, &r, &done, &total)) {
        rc = merge_row(db, l, o, &r, rep, &places, in.last_line, NULL);
        resident_free(&r);
        if (o->progress && rep->read % 4096 == 0)
            o->progress(o->ctx, _("Comparing the ledger with the register"), done, total);
    }
    places_free(&places);
    idcard_seen_free(&in.seen);
    notes_free(&in.places_met);
    rows_held_free(&in);
    rep->joined = ledger_joined(l);
    if (rc != DB_OK) *err = db_rc_text(db, rc);
    return rc;
}

/* --- any ledger whose rows are records ------------------------------------------------------ */

/* Whether column c of the ledger gives field f of rec: the ledger has it, and not blank where
 * a blank keeps the value on file. */
static int column_gives(const struct record_type *t, const struct ledger *l,
                        const struct record_column *c, int f, const void *rec)
{
    if (f < 0 || ledger_column_of(l, c->column) < 0) return 0;
    if (!(c->norm & RECORD_BLANK_KEEPS)) return 1;
    char *text = record_field_text(t, (size_t)f, rec);
    int given = !str_empty(text);
    free(text);
    return given;
}

/*
** What a row changes in the record on file: a copy of old with the value
** of each column the ledger has (a column the file lacks leaves its field
** as it is, and a blank cell of a RECORD_BLANK_KEEPS column too); a row
** checked by the kind's own function gives its record whole. Caller frees
** with record_free().
*/
static void row_over(const struct record_import *ri, const struct ledger *l, const void *rec,
                     const void *old, void *out)
{
    const struct record_type *t = ri->type;
    const struct record_column *cols = ri->columns ? ri->columns : ri->fields;
    if (!cols) {
        record_copy(t, out, rec);
    } else {
        record_copy(t, out, old);
        for (const struct record_column *c = cols; c->field; c++) {
            int f = record_field_index(t, c->field);
            if (column_gives(t, l, c, f, rec))
                record_field_assign(t, (size_t)f, out, rec); /* a number or an id too */
        }
    }
    /* Saved over the record on file: its id and version. */
    static const char *const keys[] = {"id", "version"};
    for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
        int f = record_field_index(t, keys[i]);
        if (f >= 0) record_field_assign(t, (size_t)f, out, old);
    }
}

/*
** The rules between a record's fields (ri->rules) on rec as it is to be
** stored: 0, or -1 with *why (caller frees) and *column when broken.
*/
static int rules_kept(const struct record_import *ri, const struct ledger *l, const void *rec,
                      char **why, int *column)
{
    *why = ri->rules ? ri->rules(l, rec, column) : NULL;
    return *why ? -1 : 0;
}

/*
** One good row's record into the database: new, changed, unchanged or left
** alone. DB_INVALID with *why (caller frees) and *column when the record
** as it would be stored (the row over the record on file) breaks the
** kind's rules between fields.
*/
static int record_store(struct db *db, const struct record_import *ri, const struct ledger *l,
                        void *rec, const struct import_options *o, struct import_report *rep,
                        char **why, int *column)
{
    const struct record_type *t = ri->type;
    void *old = xcalloc(1, t->size);
    int rc = ri->find(db, rec, old);
    if (rc == DB_NOTFOUND) {
        rc = rules_kept(ri, l, rec, why, column) ? DB_INVALID : ri->save(db, rec, o->actor);
        rep->imported += rc == DB_OK;
    } else if (rc == DB_OK && o->existing == IMPORT_SKIP) {
        rep->skipped++;
    } else if (rc == DB_OK) {
        void *changed = xcalloc(1, t->size);
        row_over(ri, l, rec, old, changed);
        if (record_same(t, changed, old)) {
            rep->unchanged++;
        } else {
            rc = rules_kept(ri, l, changed, why, column) ? DB_INVALID
                                                         : ri->save(db, changed, o->actor);
            rep->updated += rc == DB_OK;
        }
        record_free(t, changed);
        free(changed);
    }
    record_free(t, old);
    free(old);
    return rc;
}

/* The ledger column a record field comes from, or the key's column. */
static int column_of_field(const struct record_import *ri, const char *field)
{
    for (const struct record_column *c = ri->columns; c && c->field; c++)
        if (str_eq(c->field, field)) return c->column;
    return ri->key_column;
}

/*
** A row whose record is as on file but whose resolving gave someone a new
** number (a post's holder: rephoned_staff grew past rephoned) changed
** something: counted as updated, not unchanged (unchanged: the count before).
*/
static void rephoned_count(struct import_report *rep, size_t rephoned, size_t unchanged)
{
    if (rep->rephoned_staff.n > rephoned && rep->unchanged > unchanged) {
        rep->unchanged--;
        rep->updated++;
    }
}

/*
** Store a row's record in a savepoint of its own: a row the database
** refuses (a value another record holds, a rule of the schema) or that
** what it points at refuses (ri->resolve) is a bad row, reported with the
** value's column, and leaves nothing behind: the others go on.
*/
static int record_store_row(struct db *db, const struct record_import *ri, struct ledger *l,
                            const struct ledger_row *row, void *rec, const void *aside,
                            const struct import_options *o, struct import_report *rep)
{
    int rc = db_write_begin(db);
    if (rc != DB_OK) return rc;
    size_t created = rep->created.n, staff = rep->created_staff.n, rephoned = rep->rephoned_staff.n,
           renamed = rep->renamed_units.n, areas = rep->created_areas.n;
    size_t unchanged = rep->unchanged;
    char *refused = NULL;
    int column = ri->resolve_column;
    if (ri->resolve) rc = ri->resolve(db, rec, aside, o, rep, &refused, &column);
    if (rc == DB_OK) rc = record_store(db, ri, l, rec, o, rep, &refused, &column);
    if (rc == DB_OK) {
        rephoned_count(rep, rephoned, unchanged);
        return db_commit(db);
    }
    db_rollback(db);
    /* What this row made or changed is undone: units made and renamed, streets and communities,
     * people and their new phones. */
    strlist_truncate(&rep->created, created);
    strlist_truncate(&rep->renamed_units, renamed);
    strlist_truncate(&rep->created_areas, areas);
    strlist_truncate(&rep->created_staff, staff);
    strlist_truncate(&rep->rephoned_staff, rephoned);
    if (refused) {
        ledger_problem_add(&rep->problems, row->line, ledger_column_header(l, column), refused);
        return DB_OK;
    }
    if (rc != DB_DUPLICATE && rc != DB_INVALID) return rc;
    char *field = rc == DB_DUPLICATE ? db_duplicate_field(db) : NULL;
    int f = field ? record_field_index(ri->type, field) : -1;
    char *value = f >= 0 ? record_field_text(ri->type, (size_t)f, rec) : NULL;
    char *why =
        value ? xasprintf(_("\"%s\" is taken by another record"), value) : db_rc_text(db, rc);
    ledger_problem_add(&rep->problems, row->line,
                       ledger_column_header(l, column_of_field(ri, field ? field : "")), why);
    free(value);
    free(field);
    return DB_OK;
}

/* The columns a row carries as they are into rec (initialised here); problems go to p. */
static void columns_take(const struct record_import *ri, const struct ledger *l,
                         const struct ledger_row *row, void *rec, struct ledger_problems *p)
{
    record_init(ri->type, rec);
    if (ledger_row_shape(l, row, p)) return;
    const struct ledger_schema *schema = ledger_schema_of(l);
    for (const struct record_column *c = ri->columns; c->field; c++) {
        int required = 0;
        for (size_t i = 0; i < schema->nrequired; i++)
            required |= schema->required[i] == c->column;
        char *raw = ledger_row_line(l, row, c->column, p);
        if (!raw) continue;
        char *text = text_normalize(raw, c->norm & ~RECORD_BLANK_KEEPS);
        size_t chars = text_chars(text);
        const char *why = !*text && required  ? _("is empty")
                          : *text && c->check ? c->check(text)
                                              : NULL;
        if (why)
            ledger_problem_add(p, row->line, ledger_column_header(l, c->column), xstrdup(why));
        else if (c->max && chars > c->max)
            ledger_problem_add(
                p, row->line, ledger_column_header(l, c->column),
                xasprintf(_("too long: %zu characters, at most %zu"), chars, c->max));
        record_text_set(ri->type, rec, c->field, text);
        free(text);
        free(raw);
    }
}

/*
** The key of a row's record (caller frees); when an earlier row named the
** same record, that is its problem, whatever else is wrong with the row.
** seen holds the key of each row read so far, taken or refused: fixing the
** first of two and importing the rejects would write one over the other.
*/
static char *seen_check(const struct record_import *ri, const struct ledger *l,
                        const struct ledger_row *row, const void *rec, struct text_notes *seen,
                        struct import_report *rep)
{
    int key = record_field_index(ri->type, ri->key_field);
    char *name = record_field_text(ri->type, (size_t)key, rec);
    int first = *name ? notes_put(seen, 0, name, row->line) : 0;
    if (first)
        ledger_problem_add(&rep->problems, row->line, ledger_column_header(l, ri->key_column),
                           xasprintf(_("the same as line %d"), first));
    return name;
}

/* A row is done: its records are freed, name too. */
static void row_finish(const struct record_import *ri, char *name, void *rec, void *aside)
{
    free(name);
    record_free(ri->type, rec);
    free(rec);
    if (aside) record_free(ri->aside_type, aside);
    free(aside);
}

/* One row: checked, refused (kept for the rejects file) or stored. Returns DB_OK or what stopped
 * it. */
static int record_row(struct db *db, const struct record_import *ri, struct ledger *l,
                      const struct ledger_row *row, const struct import_options *o,
                      struct import_report *rep, struct text_notes *seen, struct raw_rows *rejected)
{
    size_t before = rep->problems.n;
    void *rec = xcalloc(1, ri->type->size);
    void *aside = ri->aside_type ? xcalloc(1, ri->aside_type->size) : NULL;
    if (ri->columns) columns_take(ri, l, row, rec, &rep->problems);
    if (ri->check) ri->check(l, row, rec, aside, &rep->problems);
    char *name = seen_check(ri, l, row, rec, seen, rep);
    int rc = DB_OK;
    if (rep->problems.n == before) rc = record_store_row(db, ri, l, row, rec, aside, o, rep);
    if (rep->problems.n != before) {
        raw_rows_add(rejected, row->raw, row->raw_len, &rep->problems, before);
        rep->rejected++;
    }
    row_finish(ri, name, rec, aside);
    return rc;
}

int import_records(struct db *db, const struct record_import *ri, struct ledger *l,
                   const struct import_options *o, struct import_report *rep, char **err)
{
    memset(rep, 0, sizeof *rep);
    *err = NULL;
    if (columns_check(l, rep, err) != DB_OK) return DB_INVALID;
    struct raw_rows rejected = {0};
    struct text_notes seen = {0};
    struct batch batch;
    int rc = batch_begin(&batch, db, 0);
    if (rc == DB_OK)
        rc = audit_append(db, o->actor, "import-begun", ri->subject,
                          o->ledger_path ? o->ledger_path : "");
    struct ledger_row row;
    while (rc == DB_OK && ledger_next(l, &row)) {
        rep->read++;
        rc = record_row(db, ri, l, &row, o, rep, &seen, &rejected);
        if (rc == DB_OK) rc = batch_turn(&batch, rep);
        if (o->progress && rep->read % 64 == 0)
            o->progress(o->ctx, _("Reading the ledger"), ledger_offset(l), ledger_size(l));
    }
    if (rc == DB_OK) {
        char *detail = audit_detail(o, rep);
        rc = audit_append(db, o->actor, "import", ri->subject, detail);
        free(detail);
    }
    rc = batch_end(&batch, rc);
    notes_free(&seen);
    rep->joined = ledger_joined(l);
    if (rc != DB_OK) {
        *err = db_rc_text(db, rc);
        batch_stopped(&batch, rc, rep, err);
        if (!batch.committed) { /* nothing was made after all */
            strlist_clear(&rep->created);
            strlist_clear(&rep->created_staff);
            strlist_clear(&rep->rephoned_staff);
            strlist_clear(&rep->created_areas);
            strlist_clear(&rep->renamed_units);
        }
    } else {
        rejects_write(l, o, &rejected, rep);
    }
    raw_rows_free(&rejected);
    return rc;
}

/* A record as a preview names it: its key, and its name when it has one. Caller frees. */
static char *record_what(const struct record_type *t, const void *rec, const char *key_field)
{
    char *key = record_field_shown(t, (size_t)record_field_index(t, key_field), rec);
    int n = record_field_index(t, "name");
    if (n < 0 || str_eq(key_field, "name")) return key;
    char *name = record_field_shown(t, (size_t)n, rec);
    char *what = *name ? xasprintf("%s %s", key, name) : xstrdup(key);
    free(key);
    free(name);
    return what;
}

/* A good row's record compared with the one on file: new, changed, unchanged or skipped. */
static int preview_compare(struct db *db, const struct record_import *ri, const struct ledger *l,
                           int line, const void *rec, const struct import_options *o,
                           struct import_report *rep)
{
    const struct record_type *t = ri->type;
    void *old = xcalloc(1, t->size);
    int rc = ri->find(db, rec, old), column = ri->key_column;
    char *why;
    if (rc == DB_NOTFOUND) {
        if (rules_kept(ri, l, rec, &why, &column))
            ledger_problem_add(&rep->problems, line, ledger_column_header(l, column), why);
        else
            rep->imported++;
        rc = DB_OK;
    } else if (rc == DB_OK && o->existing == IMPORT_SKIP) {
        rep->skipped++;
    } else if (rc == DB_OK) {
        void *changed = xcalloc(1, t->size);
        row_over(ri, l, rec, old, changed);
        if (record_same(t, changed, old)) {
            rep->unchanged++;
        } else if (rules_kept(ri, l, changed, &why, &column)) {
            ledger_problem_add(&rep->problems, line, ledger_column_header(l, column), why);
        } else {
            rep->updated++;
            change_add(rep, t, line, old, changed, record_what(t, old, ri->key_field));
        }
        record_free(t, changed);
        free(changed);
    }
    record_free(t, old);
    free(old);
    return rc;
}

/*
** A good row of a preview that stores (ri->preview_stores) stored as the
** import would, so the rows below are checked against it; what the
** database refuses goes to p as the row's problem. The preview's
** transaction is undone at its end. Returns DB_OK or what stopped it.
*/
static int preview_store(struct db *db, const struct record_import *ri, const struct ledger *l,
                         int line, void *rec, const struct import_options *o,
                         struct ledger_problems *p)
{
    struct import_report counts;
    memset(&counts, 0, sizeof counts);
    struct import_options real = *o;
    real.dry_run = 0;
    char *why = NULL;
    int column = ri->key_column;
    int rc = record_store(db, ri, l, rec, &real, &counts, &why, &column);
    import_report_free(&counts);
    if (rc != DB_DUPLICATE && rc != DB_INVALID) return rc;
    ledger_problem_add(p, line, ledger_column_header(l, column), why ? why : db_rc_text(db, rc));
    return DB_OK;
}

/* One row of a preview: checked, counted as refused, or compared. Returns DB_OK or an error. */
static int preview_record_row(struct db *db, const struct record_import *ri, struct ledger *l,
                              const struct ledger_row *row, const struct import_options *o,
                              struct import_report *rep, struct text_notes *seen)
{
    size_t before = rep->problems.n;
    void *rec = xcalloc(1, ri->type->size);
    void *aside = ri->aside_type ? xcalloc(1, ri->aside_type->size) : NULL;
    if (ri->columns) columns_take(ri, l, row, rec, &rep->problems);
    if (ri->check) ri->check(l, row, rec, aside, &rep->problems);
    char *name = seen_check(ri, l, row, rec, seen, rep);
    int rc = DB_OK;
    size_t rephoned = rep->rephoned_staff.n, unchanged = rep->unchanged;
    if (rep->problems.n == before && ri->resolve) {
        char *refused = NULL;
        int column = ri->resolve_column;
        rc = ri->resolve(db, rec, aside, o, rep, &refused, &column);
        if (refused) {
            ledger_problem_add(&rep->problems, row->line, ledger_column_header(l, column), refused);
            rc = DB_OK;
        }
    }
    if (rc == DB_OK && rep->problems.n == before) {
        size_t imported = rep->imported, updated = rep->updated;
        rc = preview_compare(db, ri, l, row->line, rec, o, rep);
        if (rc == DB_OK && ri->preview_stores)
            rc = preview_store(db, ri, l, row->line, rec, o, &rep->problems);
        if (rep->problems.n != before) rep->imported = imported, rep->updated = updated;
        if (rep->problems.n == before) rephoned_count(rep, rephoned, unchanged);
    }
    if (rep->problems.n != before) rep->rejected++;
    row_finish(ri, name, rec, aside);
    return rc;
}

int import_records_preview(struct db *db, const struct record_import *ri, struct ledger *l,
                           const struct import_options *o, struct import_report *rep, char **err)
{
    memset(rep, 0, sizeof *rep);
    rep->dry_run = 1;
    *err = NULL;
    if (columns_check(l, rep, err) != DB_OK) return DB_INVALID;
    struct import_options dry = *o;
    dry.dry_run = 1;
    struct text_notes seen = {0};
    struct ledger_row row;
    int rc = ri->preview_stores ? db_write_begin(db) : DB_OK;
    int stores = rc == DB_OK && ri->preview_stores;
    while (rc == DB_OK && ledger_next(l, &row)) {
        rep->read++;
        rc = preview_record_row(db, ri, l, &row, &dry, rep, &seen);
    }
    if (stores) db_rollback(db);
    notes_free(&seen);
    rep->joined = ledger_joined(l);
    if (rc != DB_OK) *err = db_rc_text(db, rc);
    return rc;
}
