/*
** Unit tests for the resident register in db/: search by every kind of
** query and its ranking, saving (duplicate ID, stale version, a new name
** found by its new keys), masking and sensitive tags, the audited reveal,
** the append-only audit log, the bulk loader (giving way to a desk that
** waits or saves meanwhile), and ledger import (merge, skip, twice,
** rejects) and export.
*/
#include "unit.h"
#include "unit_db.h"
#include "unit_seeded.h"
#include "db/db.h"
#include "app/demo.h"
#include "app/export.h"
#include "app/import.h"
#include "db/resident_bulk.h"
#include "db/resident_store.h"
#include "src/idcard.h"
#include "src/pinyin.h"
#include "src/postings.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* How many residents db holds (the count must succeed). */
static int64_t residents_in(struct db *db)
{
    int64_t n = -1;
    assert_int_equal(resident_count(db, &n), DB_OK);
    return n;
}

static char dir[256];
static struct db *db;

static char *path_of(const char *name)
{
    static char p[400];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

/* Each test gets a fresh copy of the seeded district in its own directory. */
static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/bangban-unit-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
    unit_seeded_open(path_of("r.db"), &db);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    pinyin_shutdown();
    return 0;
}

/* A valid 18-digit ID number for a region, a birth date and a sequence. */
static void make_id(char *out, const char *region, const char *ymd, int seq)
{
    char first17[18];
    snprintf(first17, sizeof first17, "%s%s%03d", region, ymd, seq % 1000);
    snprintf(out, 19, "%s%c", first17, idcard_check_char(first17));
}

/* Save a new resident; returns its id. */
static int64_t add(const char *name, const char *id_number, const char *phone, const char *tags)
{
    struct resident r;
    resident_init(&r);
    record_set(&r.name, name);
    record_set(&r.id_number, id_number);
    record_set(&r.phone, phone);
    record_set(&r.tags, tags);
    assert_int_equal(resident_save(db, &r, "测试", NULL), DB_OK);
    int64_t id = r.id;
    assert_true(id > 0);
    resident_free(&r);
    return id;
}

/* The names found for query, joined by spaces, in order. */
static const char *found(const char *query)
{
    static char out[2000];
    struct resident_hits h;
    assert_int_equal(resident_search(db, query, 50, &h), DB_OK);
    out[0] = 0;
    for (size_t i = 0; i < h.n; i++) {
        if (i) strcat(out, " ");
        strncat(out, h.items[i].name, sizeof out - strlen(out) - 1);
    }
    resident_hits_free(&h);
    return out;
}

/* A status whose tally disagrees with the register: counted into ctx. */
static void tally_miss(void *ctx, enum resident_status s, int64_t kept, int64_t counted)
{
    (void)s;
    (void)kept;
    (void)counted;
    (*(int *)ctx)++;
}

/* The tally holds the register's residents by status: present, moved, deceased, merged. */
static void tally_is(int64_t present, int64_t moved, int64_t deceased, int64_t merged)
{
    struct resident_tally t;
    assert_int_equal(resident_tally_read(db, &t), DB_OK);
    assert_int_equal(t.n[RESIDENT_PRESENT], present);
    assert_int_equal(t.n[RESIDENT_MOVED], moved);
    assert_int_equal(t.n[RESIDENT_DECEASED], deceased);
    assert_int_equal(t.n[RESIDENT_MERGED], merged);
    assert_int_equal(resident_tally_total(&t), residents_in(db));
    int wrong = 0;
    assert_int_equal(resident_tally_astray(db, tally_miss, &wrong), DB_OK);
    assert_int_equal(wrong, 0);
}

static void a_few_residents(void)
{
    char id[19];
    make_id(id, "110101", "19900307", 447);
    assert_str(id, "110101199003074477");
    add("张三", id, "13800138000", "党员");
    make_id(id, "120101", "19560101", 12);
    add("张三丰", id, "13900001111", "");
    make_id(id, "120102", "19800505", 31);
    add("李张三", id, "", "");
    make_id(id, "120103", "19700101", 52);
    add("张伟", id, "15822226666", "");
    make_id(id, "120104", "19491231", 2);
    add("王𠇔", id, "", "");
    make_id(id, "650102", "19851010", 71);
    add("买买提·艾力", id, "", "");
    make_id(id, "120105", "20200202", 82);
    add("赵建国", id, "", "");
}

/* Moved out and deceased: kept, hidden from search unless asked, written to the audit log. */
static void status_hides_and_is_audited(void **state)
{
    (void)state;
    a_few_residents();
    struct resident r;
    assert_int_equal(resident_get_by_id_number(db, "110101199003074477", &r), DB_OK);
    const char *why = NULL;
    assert_int_equal(resident_set_status(db, r.id, r.version + 1, RESIDENT_MOVED, "2020-01-01",
                                         "河北区", "来电", "测试", &why),
                     DB_CONFLICT);
    assert_int_equal(resident_set_status(db, r.id, r.version, RESIDENT_MOVED, "2020-01-01", "",
                                         "来电", "测试", &why),
                     DB_INVALID);
    assert_non_null(why);
    assert_int_equal(resident_set_status(db, r.id, r.version, RESIDENT_MOVED, "2020-01-01",
                                         "河北区", "来电", "测试", &why),
                     DB_OK);
    tally_is(6, 1, 0, 0);
    assert_str(found("张三"), "张三丰 李张三");
    struct resident_hits h;
    struct resident_filter all = {.all = 1};
    assert_int_equal(resident_search_filtered(db, "张三", 50, &all, &h), DB_OK);
    assert_int_equal(h.n, 3);
    assert_str(h.items[0].status, "moved");
    assert_str(h.items[0].status_place, "河北区");
    resident_hits_free(&h);
    assert_int_equal(resident_search_filtered(db, "4477", 50, NULL, &h), DB_OK);
    assert_int_equal(h.n, 0);
    resident_hits_free(&h);
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM audit_log WHERE action = 'resident-status'"
                            " AND detail = 'present -> moved 2020-01-01 河北区: 来电'"),
                     1);
    resident_free(&r);
}

static void write_file(const char *path, const char *text);
static int import_file(const char *name, enum import_existing existing, struct import_report *rep);

/*
** The residents counted by status follow every write: a save, a move, a
** death, a return, a merge of a moved record, an import into a register
** that holds residents, and a write refused halfway (nothing counted). A
** count changed behind bangban's back is found and counted again.
*/
static void tally_follows_every_write(void **state)
{
    (void)state;
    tally_is(0, 0, 0, 0);
    a_few_residents();
    tally_is(7, 0, 0, 0);
    struct resident a, b;
    assert_int_equal(resident_get_by_id_number(db, "110101199003074477", &a), DB_OK);
    const char *why = NULL;
    assert_int_equal(resident_set_status(db, a.id, a.version, RESIDENT_MOVED, "2020-01-01",
                                         "河北区", "来电", "测试", &why),
                     DB_OK);
    tally_is(6, 1, 0, 0);
    assert_int_equal(resident_set_status(db, a.id, a.version + 1, RESIDENT_PRESENT, "", "", "回迁",
                                         "测试", &why),
                     DB_OK);
    tally_is(7, 0, 0, 0);
    assert_int_equal(resident_set_status(db, a.id, a.version + 2, RESIDENT_DECEASED, "2021/2/3", "",
                                         "家属告知", "测试", &why),
                     DB_OK);
    tally_is(6, 0, 1, 0);
    char sql[80];
    snprintf(sql, sizeof sql, "SELECT status_date = '2021-02-03' FROM resident WHERE id = %lld",
             (long long)a.id);
    assert_int_equal(db_int(db, 0, sql), 1); /* typed with slashes, kept as every date is */
    /* A stale version: refused, nothing counted. */
    assert_int_equal(resident_set_status(db, a.id, a.version, RESIDENT_MOVED, "2020-01-01",
                                         "河北区", "来电", "测试", &why),
                     DB_CONFLICT);
    tally_is(6, 0, 1, 0);
    /* A duplicate ID number: refused, nothing counted. */
    struct resident dup;
    resident_init(&dup);
    record_set(&dup.name, "张三");
    record_set(&dup.id_number, "110101199003074477");
    assert_int_equal(resident_save(db, &dup, "测试", NULL), DB_DUPLICATE);
    resident_free(&dup);
    tally_is(6, 0, 1, 0);
    /* A moved record merged into a present one: one fewer moved, one more merged. */
    char id[19];
    make_id(id, "130101", "19600101", 5);
    int64_t keep = add("周八", id, "", "");
    int64_t away = add("周捌", "", "13711112222", "");
    struct resident o;
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    assert_int_equal(resident_set_status(db, away, o.version, RESIDENT_MOVED, "2022-01-01",
                                         "南开区", "来电", "测试", &why),
                     DB_OK);
    tally_is(7, 1, 1, 0);
    resident_free(&o);
    assert_int_equal(resident_get(db, keep, &b), DB_OK);
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    assert_int_equal(resident_merge(db, &b, away, o.version, "", 0, "测试", &why), DB_OK);
    tally_is(7, 0, 1, 1);
    /* An import into a register that holds residents: a new one counted, a known one not. */
    char known[19], csv[200];
    make_id(known, "120103", "19700101", 52);
    snprintf(csv, sizeof csv, "姓名,身份证号\n张伟,%s\n吴九,110105198001010024\n", known);
    write_file(path_of("t.csv"), csv);
    struct import_report rep;
    assert_int_equal(import_file("t.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.imported, 1);
    import_report_free(&rep);
    tally_is(8, 0, 1, 1);
    /* Changed behind bangban's back: named, then counted again. */
    assert_int_equal(db_exec(db, "UPDATE resident_tally SET n = 40 WHERE status = 'moved'"), DB_OK);
    int wrong = 0;
    assert_int_equal(resident_tally_astray(db, tally_miss, &wrong), DB_OK);
    assert_int_equal(wrong, 1);
    assert_int_equal(resident_tally_recount(db, "测试"), DB_OK);
    tally_is(8, 0, 1, 1);
    /* The empty search says the present ones from the tally. */
    struct resident_hits h;
    assert_int_equal(resident_search(db, "", 3, &h), DB_OK);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.total, 8);
    resident_hits_free(&h);
    resident_free(&a);
    resident_free(&b);
    resident_free(&o);
}

/* Merging: requests, tags and household follow the kept record, in one transaction. */
static void merge_moves_everything(void **state)
{
    (void)state;
    char id[19];
    make_id(id, "120101", "19450101", 2);
    int64_t keep = add("王秀蓝", id, "", "空巢老人");
    make_id(id, "120102", "19800505", 31);
    int64_t away = add("王秀兰", id, "13812345678", "党员");
    int64_t member = add("王小明", "", "", "");
    assert_int_equal(db_exec(db, "UPDATE resident SET head_id = id WHERE name = '王秀兰';"
                                 " UPDATE resident SET head_id = (SELECT id FROM resident WHERE"
                                 " name = '王秀兰') WHERE name = '王小明'"),
                     DB_OK);
    assert_true(member > 0);
    struct resident k, o;
    assert_int_equal(resident_get(db, keep, &k), DB_OK);
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    const char *why = NULL;
    /* Two valid ID numbers: refused unless confirmed, and nothing written. */
    assert_int_equal(resident_merge(db, &k, away, o.version, "", 0, "测试", &why), DB_INVALID);
    assert_non_null(why);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM resident WHERE status = 'merged'"), 0);
    resident_merge_take(&k, &o, (size_t)record_field_index(&resident_record, "phone"));
    record_take(&k.tags, resident_tags_union(k.tags, o.tags));
    /* A stale version of the other: refused. */
    assert_int_equal(resident_merge(db, &k, away, o.version + 1, "phone", 1, "测试", &why),
                     DB_CONFLICT);
    tally_is(3, 0, 0, 0);
    assert_int_equal(resident_merge(db, &k, away, o.version, "phone", 1, "测试", &why), DB_OK);
    tally_is(2, 0, 0, 1);
    resident_free(&k);
    resident_free(&o);
    assert_int_equal(resident_get(db, keep, &k), DB_OK);
    assert_str(k.phone, "13812345678");
    assert_non_null(strstr(k.tags, "党员"));
    assert_non_null(strstr(k.tags, "空巢老人"));
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    assert_str(o.status, "merged");
    assert_int_equal(o.merged_into, keep);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM resident WHERE head_id = %lld AND name = '王小明'",
             (long long)keep);
    assert_int_equal(db_int(db, 0, sql), 1);
    assert_int_equal(
        db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action LIKE 'resident-merge%'"), 2);
    /* Merged once is final. */
    assert_int_equal(resident_merge(db, &k, away, o.version, "", 1, "测试", &why), DB_INVALID);
    resident_free(&k);
    resident_free(&o);
}

/* A list for visits: by tag, grid, community and a piece of the address. */
static void filters_for_visits(void **state)
{
    (void)state;
    a_few_residents();
    assert_int_equal(
        db_exec(db, "UPDATE resident SET address = '滨江道1号楼' WHERE name IN ('张三', '张伟')"),
        DB_OK);
    struct resident_filter f = {.tag = "党员"};
    struct resident_hits h;
    assert_int_equal(resident_search_filtered(db, "", 50, &f, &h), DB_OK);
    assert_int_equal(h.n, 1);
    assert_str(h.items[0].name, "张三");
    assert_int_equal(h.total, 1);
    resident_hits_free(&h);
    f = (struct resident_filter){.address = "1号楼"};
    assert_int_equal(resident_search_filtered(db, "", 50, &f, &h), DB_OK);
    assert_int_equal(h.n, 2);
    resident_hits_free(&h);
    assert_int_equal(resident_search_filtered(db, "zw", 50, &f, &h), DB_OK);
    assert_int_equal(h.n, 1);
    assert_str(h.items[0].name, "张伟");
    resident_hits_free(&h);
    f = (struct resident_filter){.grid_id = 1};
    assert_int_equal(resident_search_filtered(db, "", 50, &f, &h), DB_OK);
    assert_int_equal(h.n, 0);
    resident_hits_free(&h);
}

static void search_every_kind(void **state)
{
    (void)state;
    a_few_residents();
    /* One character: names starting with it (in pinyin order: zhang san < zhang wei), then the
     * rest. */
    assert_str(found("张"), "张三 张三丰 张伟 李张三");
    /* Two characters: whole name, then start, then elsewhere. */
    assert_str(found("张三"), "张三 张三丰 李张三");
    /* Three or more. */
    assert_str(found("张三丰"), "张三丰");
    assert_str(found("李张三"), "李张三");
    assert_str(found("张三丰李"), "");
    /* Pinyin initials, syllable prefixes and full syllables, as a prefix. */
    assert_str(found("zs"), "张三 张三丰 李张三"); /* 李张三 by a syllable inside: after */
    assert_str(found("zhs"), "张三 张三丰 李张三");
    assert_str(found("zhangs"), "张三 张三丰 李张三");
    assert_str(found("zhangsanf"), "张三丰");
    assert_str(found("zjg"), "赵建国");
    /* The middle dot does not break initials. */
    assert_str(found("mmtal"), "买买提·艾力");
    /* Ext-B, as a character and as pinyin (𠇔 is read as it has a reading or not at all). */
    assert_str(found("𠇔"), "王𠇔");
    assert_str(found("王"), "王𠇔");
    /* Digits: the end of an ID number or of a phone number. */
    assert_str(found("4477"), "张三");
    assert_str(found("074477"), "张三");
    assert_str(found("6666"), "张伟");
    assert_str(found("8000"), "张三");
    /* Full-width digits and spaces are normalised. */
    assert_str(found("４４７７"), "张三");
    assert_str(found(" 张 三 "), "张三 张三丰 李张三");
    /* Nothing matches. */
    assert_str(found("钱"), "");
    assert_str(found("qian"), "");
    assert_str(found("9999999"), "");
}

/* Pinyin from the start of any syllable inside a name, after the names that start so. */
static void pinyin_inside_names(void **state)
{
    (void)state;
    a_few_residents();
    assert_str(found("sf"), "张三丰");
    assert_str(found("sanfeng"), "张三丰");
    assert_str(found("feng"), "张三丰");
    assert_str(found("aili"), "买买提·艾力");
    assert_str(found("al"), "买买提·艾力");
    assert_str(found("jg"), "赵建国");
    assert_str(found("jianguo"), "赵建国");
    assert_str(found("wei"), "张伟");
    /* A name starting so comes before one holding it inside. */
    add("三丰", "", "", "");
    assert_str(found("sf"), "三丰 张三丰");
    assert_str(found("san"), "三丰 李张三 张三 张三丰"); /* inside: by key, then pinyin order */
    /* Counted as all there is when all are shown. */
    struct resident_hits h;
    assert_int_equal(resident_search(db, "sf", 50, &h), DB_OK);
    assert_int_equal(h.total, 2);
    resident_hits_free(&h);
    /* Saved again under another name, filed under the new name's syllables alone. */
    struct resident r;
    assert_int_equal(resident_search(db, "sanfeng", 50, &h), DB_OK);
    assert_int_equal(resident_get(db, h.items[0].id, &r), DB_OK);
    resident_hits_free(&h);
    record_set(&r.name, "三明");
    assert_int_equal(resident_save(db, &r, "测试", NULL), DB_OK);
    resident_free(&r);
    assert_str(found("sf"), "张三丰");
    assert_str(found("ming"), "三明");
}

/* Every middle-dot variant is stored as U+00B7; a name is found with any dot or none. */
static void middle_dot_variants(void **state)
{
    (void)state;
    char *name = resident_normalize_name("阿依古丽•吐尔逊");
    assert_str(name, "阿依古丽·吐尔逊");
    add(name, "", "", "");
    free(name);
    a_few_residents();
    assert_str(found("买买提艾力"), "买买提·艾力");
    assert_str(found("买买提•艾力"), "买买提·艾力");
    assert_str(found("买买提・艾力"), "买买提·艾力");
    assert_str(found("买买提‧艾力"), "买买提·艾力");
    assert_str(found("提艾"), "买买提·艾力");
    assert_str(found("提·艾"), "买买提·艾力");
    assert_str(found("艾力"), "买买提·艾力");
    assert_str(found("古丽吐尔逊"), "阿依古丽·吐尔逊");
    assert_str(found("阿依古丽吐尔逊"), "阿依古丽·吐尔逊");
    assert_str(found("吐尔逊"), "阿依古丽·吐尔逊");
    assert_str(found("tuerxun"), "阿依古丽·吐尔逊");
    /* A dot alone is no search. */
    struct resident_hits h;
    assert_int_equal(resident_search(db, "•", 50, &h), DB_OK);
    assert_int_equal(h.n, 8); /* the residents registered last, as for nothing typed */
    resident_hits_free(&h);
}

/* A name repeating a character is filed once under it, and counted once. */
static void repeated_characters(void **state)
{
    (void)state;
    add("张张", "", "", "");
    add("李张张张", "", "", "");
    assert_str(found("张"), "张张 李张张张");
    assert_str(found("张张"), "张张 李张张张");
    assert_str(found("张张张"), "李张张张");
    struct resident_hits h;
    assert_int_equal(resident_search(db, "张", 50, &h), DB_OK);
    assert_int_equal(h.total, 2);
    resident_hits_free(&h);
}

/* Hits show numbers masked; a number typed in groups finds as typed whole. */
static void hits_are_masked(void **state)
{
    (void)state;
    a_few_residents();
    struct resident_hits h;
    assert_int_equal(resident_search(db, "4477", 50, &h), DB_OK);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.total, 1);
    assert_str(h.items[0].id_number, "110***********4477");
    assert_str(h.items[0].phone, "138****8000");
    struct resident full;
    assert_int_equal(resident_get(db, h.items[0].id, &full), DB_OK);
    assert_str(full.id_number, "110101199003074477");
    assert_str(full.phone, "13800138000");
    resident_free(&full);
    resident_hits_free(&h);
    /* A number typed in groups, as written on a card: found as typed whole. */
    assert_str(found("138-0013-8000"), "张三");
    assert_str(found("0013-8000"), "张三");
    assert_str(found("8000"), "张三");
    assert_str(found("-"), "");
}

static void save_refuses_duplicates_and_stale_versions(void **state)
{
    (void)state;
    a_few_residents();
    /* Another resident with 张三's ID number: the existing one comes back. */
    struct resident r, cur;
    resident_init(&r);
    record_set(&r.name, "张叁");
    record_set(&r.id_number, "110101199003074477");
    assert_int_equal(resident_save(db, &r, "测试", &cur), DB_DUPLICATE);
    assert_str(cur.name, "张三");
    assert_int_equal(r.id, 0);
    resident_free(&cur);
    resident_free(&r);

    /* Two clerks open 张伟; the first to save wins, the second gets the stored record. */
    struct resident_hits h;
    assert_int_equal(resident_search(db, "张伟", 1, &h), DB_OK);
    struct resident a, b;
    assert_int_equal(resident_get(db, h.items[0].id, &a), DB_OK);
    assert_int_equal(resident_get(db, h.items[0].id, &b), DB_OK);
    resident_hits_free(&h);
    record_set(&a.address, "3号楼-1单元-101");
    assert_int_equal(resident_save(db, &a, "甲", NULL), DB_OK);
    record_set(&b.address, "5号楼-2单元-202");
    assert_int_equal(resident_save(db, &b, "乙", &cur), DB_CONFLICT);
    assert_str(cur.address, "3号楼-1单元-101");
    assert_str(cur.updated_by, "甲");
    resident_free(&cur);

    /* A new name: found by its new keys, no longer by the old ones. */
    record_set(&a.name, "周维");
    assert_int_equal(resident_save(db, &a, "甲", NULL), DB_OK);
    assert_str(found("周维"), "周维");
    assert_str(found("zw"), "周维");
    assert_str(found("张伟"), "");
    assert_str(found("zhangw"), "");
    /* Its ID number still finds it. */
    assert_str(found("0520"), "周维");
    resident_free(&a);
    resident_free(&b);
    assert_int_equal(residents_in(db), 7);
}

/* A tag changed from a stale copy (another desk changed it first) is refused. */
static void tags_are_version_checked(void **state)
{
    (void)state;
    struct tag t;
    record_init(&tag_record, &t);
    record_set(&t.name, "失独家庭");
    assert_int_equal(tag_save(db, &t, "desk1"), DB_OK);
    assert_int_equal(t.version, 1);
    struct tag stale;
    record_copy(&tag_record, &stale, &t);
    t.sensitive = 1;
    assert_int_equal(tag_save(db, &t, "desk1"), DB_OK);
    assert_int_equal(t.version, 2);
    stale.retired = 1;
    assert_int_equal(tag_save(db, &stale, "desk2"), DB_CONFLICT);
    struct tag_list l;
    assert_int_equal(tag_list(db, 1, &l), DB_OK);
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].id == t.id) {
            assert_int_equal(l.v[i].sensitive, 1);
            assert_int_equal(l.v[i].retired, 0);
        }
    tag_list_free(&l);
    record_free(&tag_record, &stale);
    record_free(&tag_record, &t);
}

static void sensitive_tags_and_reveal(void **state)
{
    (void)state;
    int64_t id = add("孙丽", "", "13512345678", "党员、低保户");
    struct resident_hits h;
    assert_int_equal(resident_search(db, "孙丽", 50, &h), DB_OK);
    assert_int_equal(h.n, 1);
    /* Lists never carry a sensitive tag. */
    assert_str(h.items[0].tags, "党员");
    resident_hits_free(&h);
    struct resident r;
    assert_int_equal(resident_get(db, id, &r), DB_OK);
    assert_non_null(strstr(r.tags, "低保户"));
    assert_non_null(strstr(r.tags, "党员"));
    resident_free(&r);

    /* A reveal is written to the audit log with its reason, never the number itself. */
    int64_t before = db_int(db, 0, "SELECT count(*) FROM audit_log");
    assert_int_equal(resident_reveal(db, id, "phone", "回访核对", "王芳"), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log"), before + 1);
    assert_int_equal(
        db_int(db, 0,
               "SELECT count(*) FROM audit_log WHERE actor = '王芳' AND action = "
               "'reveal' AND detail LIKE '%回访核对%' AND detail NOT LIKE '%13512345678%'"),
        1);
    /* The log cannot be changed or shortened. */
    assert_int_not_equal(db_exec(db, "UPDATE audit_log SET actor = 'x'"), DB_OK);
    assert_int_not_equal(db_exec(db, "DELETE FROM audit_log"), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log"), before + 1);
}

/* A database written before names were filed under their 3-character pieces is brought up to date.
 */
static void upgraded_database_is_refiled(void **state)
{
    (void)state;
    char *err = NULL;
    struct demo_run run;
    assert_int_equal(demo_residents(db, 400, "测试", NULL, NULL, &run, &err), DB_OK);
    struct db_stmt *st =
        db_prepare(db, "SELECT name FROM resident WHERE length(name) = 3 ORDER BY id LIMIT 1");
    assert_int_equal(db_step(st), DB_ROW);
    char *name = db_col_dup(st, 0);
    db_finalize(st);
    struct resident_hits h;
    assert_int_equal(resident_search(db, name, 50, &h), DB_OK);
    assert_true(h.n >= 1);
    resident_hits_free(&h);
    /*
    ** What an older bangban left: schema version 3, no 3-character pieces
    ** (and none of what migrations 5, 6 and 8 add).
    */
    assert_int_equal(db_exec(db, UNIT_DB_BEFORE_USERS
                             " DELETE FROM resident_gram WHERE length(term) = 3;"
                             " DROP INDEX resident_grid; DROP INDEX resident_merged;"
                             " ALTER TABLE resident DROP COLUMN status;"
                             " ALTER TABLE resident DROP COLUMN status_date;"
                             " ALTER TABLE resident DROP COLUMN status_place;"
                             " ALTER TABLE resident DROP COLUMN merged_into;"
                             " DROP TABLE resident_key_inner; DROP TABLE synonym;"
                             " ALTER TABLE calendar DROP COLUMN version;"
                             " ALTER TABLE calendar DROP COLUMN updated_at;"
                             " ALTER TABLE calendar DROP COLUMN updated_by;"
                             " DROP TABLE staff_kind;"
                             " PRAGMA user_version = 3"),
                     DB_OK);
    /* (Not searched here: the code of today reads columns that schema lacks.) */
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM resident_gram WHERE length(term) = 3"),
                     0);
    /* Nor was its audit log a chain yet. */
    assert_int_equal(db_exec(db, "DROP TRIGGER audit_log_append_only_update;"
                                 " ALTER TABLE audit_log DROP COLUMN hash;"
                                 " CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE"
                                 " ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only'); END;"
                                 " DELETE FROM meta WHERE key = 'audit_head'"),
                     DB_OK);
    db_close(db);
    assert_int_equal(db_open(path_of("r.db"), 0, &db, &err), DB_OK);
    assert_int_equal(resident_search(db, name, 50, &h), DB_OK);
    assert_true(h.n >= 1);
    assert_str(h.items[0].name, name);
    resident_hits_free(&h);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    free(name);
}

/*
** A database of schema 8, its names filed from their start only and a
** name with another dot: opened, its names are folded and filed again.
*/
static void upgrade_files_syllables_and_dots(void **state)
{
    (void)state;
    a_few_residents();
    assert_int_equal(
        db_exec(db,
                "DROP TABLE resident_key_inner; DROP TABLE synonym;"
                " DELETE FROM resident_gram; DELETE FROM resident_key;"
                " UPDATE resident SET name = '买买提•艾力'"
                " WHERE name = '买买提·艾力';"
                " DROP TRIGGER audit_log_append_only_update;"
                " ALTER TABLE audit_log DROP COLUMN hash;"
                " CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE"
                " ON audit_log BEGIN SELECT RAISE(ABORT, 'append-only'); END;" UNIT_DB_BEFORE_USERS
                " PRAGMA user_version = 8"),
        DB_OK);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path_of("r.db"), 0, &db, &err), DB_OK);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM resident WHERE name = '买买提·艾力'"), 1);
    assert_str(found("aili"), "买买提·艾力");
    assert_str(found("买买提艾力"), "买买提·艾力");
    assert_str(found("sf"), "张三丰");
    assert_str(found("zs"), "张三 张三丰 李张三");
    assert_str(found("张三"), "张三 张三丰 李张三");
    assert_true(db_int(db, 0,
                       "SELECT count(*) FROM synonym WHERE word = '供暖' AND target = '供热'"
                       " AND created_at <> ''") == 1);
}

/* The text of the first column of sql's first row (freed by the caller). */
static char *db_col_text_of(const char *sql)
{
    struct db_stmt *st = db_prepare(db, sql);
    assert_int_equal(db_step(st), DB_ROW);
    char *out = db_col_dup(st, 0);
    db_finalize(st);
    return out;
}

/* Every row of the residents' search tables as text, in order. */
static char *search_rows(void)
{
    struct strbuf sb = STRBUF_INIT;
    const char *tables[] = {"resident_gram", "resident_key", "resident_key_inner"};
    for (size_t t = 0; t < 3; t++) {
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT term, hex(first), n, hex(postings) FROM %s ORDER BY 1, 2",
                 tables[t]);
        struct db_stmt *st = db_prepare(db, sql);
        while (db_step(st) == DB_ROW)
            strbuf_addf(&sb, "%s %s %s %lld %s\n", tables[t], db_col_text(st, 0),
                        db_col_text(st, 1), (long long)db_col_int(st, 2), db_col_text(st, 3));
        db_finalize(st);
    }
    return strbuf_detach(&sb);
}

/* Write every row of table back as schema 24 held it: each entry whole, the first too. */
static void rows_written_whole(const char *table)
{
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT term, first, n, postings FROM %s", table);
    struct db_stmt *st = db_prepare(db, sql);
    snprintf(sql, sizeof sql, "UPDATE %s SET postings = ?3 WHERE term = ?1 AND first = ?2", table);
    struct db_stmt *up = db_prepare(db, sql);
    while (db_step(st) == DB_ROW) {
        size_t first_len, len, n = (size_t)db_col_int(st, 2);
        const unsigned char *first = db_col_blob(st, 1, &first_len);
        const unsigned char *packed = db_col_blob(st, 3, &len);
        struct posting *e = xmalloc(n * sizeof *e);
        unsigned char *whole = xmalloc(n * POSTING_SIZE);
        assert_int_equal(postings_unpack(first, first_len, packed, len, n, e), 0);
        for (size_t i = 0; i < n; i++)
            posting_put(&e[i], whole + i * POSTING_SIZE);
        db_bind_text(up, 1, db_col_text(st, 0));
        db_bind_blob(up, 2, first, first_len);
        db_bind_blob(up, 3, whole, n * POSTING_SIZE);
        assert_int_equal(db_step(up), DB_DONE);
        db_reset(up);
        free(e);
        free(whole);
    }
    db_finalize(up);
    db_finalize(st);
}

/* Every resident's times as text, as a read gives them. */
#define TIMES_SQL                                                                                  \
    "SELECT group_concat(CASE WHEN typeof(created_s) = 'integer'"                                  \
    " THEN strftime('%Y-%m-%d %H:%M:%S', created_s, 'unixepoch') ELSE created_s END"               \
    " || CASE WHEN typeof(updated_s) = 'integer'"                                                  \
    " THEN strftime('%Y-%m-%d %H:%M:%S', updated_s, 'unixepoch') ELSE updated_s END) FROM "        \
    "resident"

/* Every resident's times read through the store, one line each. */
static char *times_read(void)
{
    struct strbuf sb = STRBUF_INIT;
    struct db_stmt *st = db_prepare(db, "SELECT id FROM resident ORDER BY id");
    while (db_step(st) == DB_ROW) {
        struct resident r;
        assert_int_equal(resident_get(db, db_col_int(st, 0), &r), DB_OK);
        strbuf_addf(&sb, "%s %s\n", r.created_at, r.updated_at);
        resident_free(&r);
    }
    db_finalize(st);
    return strbuf_detach(&sb);
}

/*
** A database of schema 25, a resident's times computed by the table:
** opened, the columns are gone and every time reads as it did.
*/
static void upgrade_reads_times_as_before(void **state)
{
    (void)state;
    a_few_residents();
    assert_int_equal(db_exec(db, "UPDATE resident SET updated_s = '2020-02-30 25:00' WHERE id = 1"),
                     DB_OK);
    char *before = times_read();
    assert_int_equal(db_exec(db, UNIT_DB_SINCE_25 " PRAGMA user_version = 25"), DB_OK);
    char *computed = db_col_text_of("SELECT group_concat(created_at || updated_at) FROM resident");
    char *expected = db_col_text_of(TIMES_SQL);
    assert_str(computed, expected);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path_of("r.db"), 0, &db, &err), DB_OK);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    assert_int_equal(db_int(db, -1,
                            "SELECT count(*) FROM pragma_table_xinfo('resident')"
                            " WHERE name IN ('created_at', 'updated_at')"),
                     0);
    char *after = times_read();
    assert_str(after, before);
    assert_true(strstr(after, "2020-02-30 25:00") != NULL);
    free(before);
    free(computed);
    free(expected);
    free(after);
}

/*
** A database of schema 24, its search lists written 12 bytes an entry:
** opened, they are packed, row for row what a new database holds, and
** every search finds what it found.
*/
static void upgrade_packs_search_lists(void **state)
{
    (void)state;
    a_few_residents();
    char *times = db_col_text_of(TIMES_SQL);
    char *packed = search_rows();
    const char *was_zs = "张三 张三丰 李张三";
    assert_str(found("zs"), was_zs);
    rows_written_whole("resident_gram");
    rows_written_whole("resident_key");
    rows_written_whole("resident_key_inner");
    char *whole = search_rows();
    assert_true(strcmp(packed, whole) != 0);
    assert_int_equal(db_exec(db, UNIT_DB_SINCE_24 " PRAGMA user_version = 24"), DB_OK);
    db_close(db);
    char *err = NULL;
    assert_int_equal(db_open(path_of("r.db"), 0, &db, &err), DB_OK);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    char *again = search_rows();
    assert_str(again, packed);
    assert_str(found("zs"), was_zs);
    assert_str(found("aili"), "买买提·艾力");
    assert_str(found("张三"), "张三 张三丰 李张三");
    assert_str(found("王𠇔"), "王𠇔");
    /* The times read as they were written, kept as seconds. */
    char *times_after = db_col_text_of(TIMES_SQL);
    assert_str(times_after, times);
    assert_int_equal(
        db_int(db, -1, "SELECT count(*) FROM resident WHERE typeof(created_s) <> 'integer'"), 0);
    free(times);
    free(times_after);
    /* A name added after the upgrade joins the packed lists. */
    char id[19];
    make_id(id, "120106", "19610606", 93);
    add("张三峰", id, "", "");
    assert_str(found("zhangsanf"), "张三丰 张三峰");
    free(packed);
    free(whole);
    free(again);
}

static void bulk_demo_residents(void **state)
{
    (void)state;
    char *err = NULL;
    struct demo_run run;
    assert_int_equal(demo_residents(db, 3000, "测试", NULL, NULL, &run, &err), DB_OK);
    assert_int_equal(residents_in(db), 3000);
    tally_is(3000, 0, 0, 0);
    assert_int_equal(db_int(db, 0, "SELECT count(DISTINCT id_number) FROM resident"), 3000);
    /* Every resident is in a grid of its community. */
    assert_int_equal(db_int(db, -1,
                            "SELECT count(*) FROM resident r JOIN grid g ON g.id = r.grid_id "
                            "WHERE g.community_id <> r.community_id"),
                     0);
    /* The bulk-built keys find what a saved resident's keys would. */
    struct resident any;
    assert_int_equal(
        resident_get(db, db_int(db, 0, "SELECT id FROM resident WHERE id = 1234"), &any), DB_OK);
    struct resident_hits h;
    assert_int_equal(resident_search(db, any.name, 50, &h), DB_OK);
    int seen = 0;
    for (size_t i = 0; i < h.n; i++)
        seen |= h.items[i].id == any.id;
    assert_true(seen);
    resident_hits_free(&h);
    assert_int_equal(resident_search(db, any.id_number + 12, 50, &h), DB_OK);
    assert_int_equal(h.n >= 1, 1);
    resident_hits_free(&h);
    /* And by the pinyin of its given name, filed inside the name as a single save files it. */
    struct strlist inner = STRLIST_INIT;
    pinyin_inner_key_list(any.name, &inner);
    assert_true(inner.n >= 1);
    assert_int_equal(resident_search(db, inner.v[0], 5000, &h), DB_OK);
    seen = 0;
    for (size_t i = 0; i < h.n; i++)
        seen |= h.items[i].id == any.id;
    assert_true(seen);
    resident_hits_free(&h);
    strlist_free(&inner);
    /* A second demo fill (a rerun after a kill) finds the residents made and adds none. */
    assert_int_equal(demo_residents(db, 10, "测试", NULL, NULL, &run, &err), DB_OK);
    assert_int_equal(run.before, 3000);
    assert_int_equal(residents_in(db), 3000);
    resident_free(&any);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static int import_file(const char *name, enum import_existing existing, struct import_report *rep)
{
    struct ledger *l;
    char *err = NULL;
    assert_int_equal(ledger_open(path_of(name), &ledger_residents, 0, CODEC_UTF8, &l, &err), 0);
    struct import_options o = {existing, NULL, path_of(name), "测试", NULL, NULL, 0};
    memset(rep, 0, sizeof *rep);
    int rc = import_residents(db, l, &o, rep, &err);
    free(err);
    ledger_close(l);
    return rc;
}

static int preview_file(const char *name, enum import_existing existing, const char *map,
                        struct import_report *rep)
{
    struct ledger *l;
    char *err = NULL;
    assert_int_equal(ledger_open(path_of(name), &ledger_residents, 0, CODEC_UTF8, &l, &err), 0);
    if (map) assert_int_equal(ledger_map_text(l, map, &err), 0);
    struct import_options o = {existing, NULL, path_of(name), "测试", NULL, NULL, 1};
    int rc = import_residents_preview(db, l, &o, rep, &err);
    free(err);
    ledger_close(l);
    return rc;
}

/* The preview counts as the import would, names the changed fields old -> new, and writes nothing.
 */
static void preview_counts_and_shows_changes(void **state)
{
    (void)state;
    write_file(path_of("p.csv"), "姓名,身份证号,手机号码,住址\n"
                                 "张三,110101199003074477,13800138000,1号楼\n"
                                 "王五,110101199003071233,,2号楼\n");
    struct import_report rep;
    assert_int_equal(import_file("p.csv", IMPORT_UPDATE, &rep), DB_OK);
    import_report_free(&rep);
    int64_t audit = db_int(db, 0, "SELECT count(*) FROM audit_log");
    int64_t versions = db_int(db, 0, "SELECT sum(version) FROM resident");

    write_file(path_of("q.csv"), "姓名,身份证号,联系方式,家庭住址,婚姻状况\n"
                                 "张三,110101199003074477,13900139000,1号楼,已婚\n"
                                 "王五,110101199003071233,,2号楼,\n"
                                 "李四,1101011990030744,,3号楼,\n"
                                 "赵六,110101199003074493,,4号楼,\n");
    assert_int_equal(preview_file("q.csv", IMPORT_UPDATE, NULL, &rep), DB_OK);
    assert_int_equal(rep.dry_run, 1);
    assert_int_equal(rep.read, 4);
    assert_int_equal(rep.imported, 1);
    assert_int_equal(rep.updated, 1);
    assert_int_equal(rep.unchanged, 1);
    assert_int_equal(rep.rejected, 1);
    assert_null(rep.rejects_path);
    assert_int_equal(rep.unknown_columns.n, 1);
    assert_int_equal(rep.nchanges, 1);
    assert_int_equal(rep.changes[0].line, 2);
    assert_int_equal(rep.changes[0].n, 1);
    assert_str(rep.changes[0].v[0].was, "138****8000"); /* masked as lists show it */
    assert_str(rep.changes[0].v[0].now, "139****9000");
    char *text = import_changes_text(&rep);
    assert_non_null(strstr(text, "138****8000 -> 139****9000"));
    free(text);
    import_report_free(&rep);

    /* A column mapped by hand is compared like any other; skipping counts as skipped. */
    assert_int_equal(preview_file("q.csv", IMPORT_UPDATE, "婚姻状况=备注", &rep), DB_OK);
    assert_int_equal(rep.unknown_columns.n, 0);
    assert_int_equal(rep.changes[0].n, 2);
    assert_str(rep.changes[0].v[1].now, "已婚");
    import_report_free(&rep);
    assert_int_equal(preview_file("q.csv", IMPORT_SKIP, NULL, &rep), DB_OK);
    assert_int_equal(rep.skipped, 2);
    assert_int_equal(rep.updated, 0);
    import_report_free(&rep);

    /* More changes than the sample holds: all counted, IMPORT_SAMPLE described. */
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "姓名,身份证号,备注\n");
    for (int i = 0; i < IMPORT_SAMPLE + 5; i++)
        strbuf_addf(&sb, "%s,%s,%d\n", i % 2 ? "王五" : "张三",
                    i % 2 ? "110101199003071233" : "110101199003074477", i);
    write_file(path_of("r.csv"), strbuf_str(&sb));
    strbuf_free(&sb);
    assert_int_equal(preview_file("r.csv", IMPORT_UPDATE, NULL, &rep), DB_OK);
    assert_int_equal(rep.updated, 2); /* the rest repeat an ID number: refused */
    assert_int_equal(rep.rejected, IMPORT_SAMPLE + 3);
    import_report_free(&rep);

    /* Nothing was written. */
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log"), audit);
    assert_int_equal(db_int(db, 0, "SELECT sum(version) FROM resident"), versions);
    assert_int_equal(residents_in(db), 2);
}

static void import_merges_skips_and_rejects(void **state)
{
    (void)state;
    /* Into an empty register (the bulk path). */
    write_file(path_of("a.csv"), "姓名,身份证号,手机号码,所属社区\n"
                                 "张三,110101199003074477,13800138000,朝阳里社区\n"
                                 "李四,11010119900307447X,,\n"
                                 "王五,110101199003071233,,\n");
    struct import_report rep;
    assert_int_equal(import_file("a.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.read, 3);
    assert_int_equal(rep.imported, 2);
    assert_int_equal(rep.rejected, 1);
    assert_int_equal(rep.problems.n, 1);
    assert_int_equal(rep.problems.v[0].line, 3);
    assert_non_null(rep.rejects_path);
    import_report_free(&rep);
    tally_is(2, 0, 0, 0);
    assert_str(found("zs"), "张三");

    /* The same file twice: nothing changes. */
    int64_t audit = db_int(db, 0, "SELECT count(*) FROM audit_log");
    assert_int_equal(import_file("a.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.imported, 0);
    assert_int_equal(rep.updated, 0);
    assert_int_equal(rep.unchanged, 2);
    import_report_free(&rep);
    assert_int_equal(residents_in(db), 2);

    /* A changed phone: skipped, or taken, as asked; columns the ledger lacks stay. */
    write_file(path_of("b.csv"), "身份证号,姓名,手机号码\n"
                                 "110101199003074477,张三,13900000000\n"
                                 "120101195601010127,赵六,\n");
    assert_int_equal(import_file("b.csv", IMPORT_SKIP, &rep), DB_OK);
    assert_int_equal(rep.skipped, 1);
    assert_int_equal(rep.imported, 1);
    import_report_free(&rep);
    struct resident r;
    assert_int_equal(resident_get_by_id_number(db, "110101199003074477", &r), DB_OK);
    assert_str(r.phone, "13800138000");
    resident_free(&r);
    assert_int_equal(import_file("b.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.updated, 1);
    assert_int_equal(rep.unchanged, 1);
    import_report_free(&rep);
    assert_int_equal(resident_get_by_id_number(db, "110101199003074477", &r), DB_OK);
    assert_str(r.phone, "13900000000");
    assert_str(r.community, "朝阳里社区");
    resident_free(&r);
    assert_str(found("9000"), "");
    assert_str(found("0000"), "张三");
    assert_int_equal(residents_in(db), 3);
    assert_true(db_int(db, 0, "SELECT count(*) FROM audit_log") > audit);
}

/* The residents a test's source hands to the pump, one after another. */
struct rows_source {
    const char *const (*rows)[2]; /* name, ID number */
    size_t n, next;
};

static int rows_next(void *ctx, struct resident *r, size_t *done, size_t *total)
{
    struct rows_source *src = ctx;
    if (src->next == src->n) return 0;
    resident_init(r);
    record_set(&r->name, src->rows[src->next][0]);
    record_set(&r->id_number, src->rows[src->next][1]);
    *done = ++src->next;
    *total = src->n;
    return 1;
}

/* A hold that keeps the names of the rows left out, joined by spaces. */
static int names_hold(void *ctx, const struct resident *r)
{
    struct strbuf *sb = ctx;
    strbuf_addf(sb, "%s%s", sb->len ? " " : "", r->name);
    return 1;
}

/*
** A shared load takes a register holding up to the residents it is told:
** a ledger's row for one on file is left out and handed to hold, the
** others are loaded and found by name.
*/
static void shared_load_over_a_few(void **state)
{
    (void)state;
    char on_file[19], fresh[2][19];
    make_id(on_file, "120101", "19800101", 1);
    make_id(fresh[0], "120101", "19800101", 2);
    make_id(fresh[1], "120101", "19800101", 3);
    add("王一", on_file, "", "");
    struct resident_bulk *b;
    assert_int_equal(resident_bulk_begin_shared(db, "测试", "ledger.csv", 0, &b), DB_INVALID);
    assert_int_equal(resident_bulk_begin_shared(db, "测试", "ledger.csv", 1, &b), DB_OK);
    const char *const rows[][2] = {{"郑二", fresh[0]}, {"王一改", on_file}, {"冯三", fresh[1]}};
    struct rows_source src = {rows, 3, 0};
    struct strbuf held = STRBUF_INIT;
    resident_bulk_hold_left_out(b, names_hold, &held);
    assert_int_equal(resident_bulk_pump(b, rows_next, &src, "reading", NULL, NULL), DB_OK);
    assert_int_equal(resident_bulk_left_out(b), 0);
    assert_int_equal(resident_bulk_finish(b, NULL, NULL), DB_OK);
    assert_str(strbuf_str(&held), "王一改");
    strbuf_free(&held);
    assert_int_equal(residents_in(db), 3);
    assert_str(found("王一"), "王一");
    assert_str(found("冯三"), "冯三");
    assert_str(found("zheng"), "郑二");
    tally_is(3, 0, 0, 0);
}

/*
** A ledger of a megabyte or more into a register of a few residents loads
** as into an empty one; the rows of those on file are merged after it, as
** a re-import merges them: a blank cell keeps what is on file, a new name
** is said.
*/
/*
** Row i of a long ledger (姓名,身份证号,手机号码,住址): names of three
** characters, each row its own, and a long address (12,000 rows make a
** megabyte).
*/
static void ledger_row(struct strbuf *sb, int i)
{
    static const char *const family[] = {"赵", "钱", "孙", "周", "吴", "郑", "冯",
                                         "陈", "褚", "卫", "蒋", "沈", "韩", "杨",
                                         "朱", "秦", "尤", "许", "何", "吕"};
    static const char *const given[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                        "春", "夏", "秋", "冬", "东", "南", "西", "北", "山", "水",
                                        "金", "木", "火", "土", "明", "亮", "红", "兰", "华", "伟"};
    char one[19], ymd[16];
    snprintf(ymd, sizeof ymd, "19%02d%02d%02d", 50 + i % 40, 1 + i / 1000 % 12, 1 + i % 28);
    make_id(one, "120101", ymd, i);
    strbuf_addf(sb, "%s%s%s,%s,,和平区滨江道街道某某社区%d号楼%d单元%d室（长住址填满一行）\n",
                family[i % 20], given[i / 20 % 30], given[i / 600 % 30], one, i % 97, i % 6,
                i % 1000);
}

static void import_over_a_few_merges_their_rows(void **state)
{
    (void)state;
    char id[19];
    make_id(id, "120102", "19700101", 7);
    add("李老", id, "13800138000", "");
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "姓名,身份证号,手机号码,住址\n");
    int n = 12000;
    for (int i = 0; i < n; i++) {
        ledger_row(&sb, i);
        if (i == n / 2) strbuf_addf(&sb, "李老新,%s,,新住址\n", id);
    }
    assert_true(sb.len >= 1 << 20);
    write_file(path_of("big.csv"), strbuf_str(&sb));
    strbuf_free(&sb);
    struct import_report rep;
    assert_int_equal(import_file("big.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.read, n + 1);
    assert_int_equal(rep.imported, n);
    assert_int_equal(rep.updated, 1);
    assert_int_equal(rep.skipped, 0);
    assert_int_equal(rep.renamed.n, 1);
    assert_str(rep.renamed.v[0], "李老 -> 李老新");
    import_report_free(&rep);
    assert_int_equal(residents_in(db), n + 1);
    struct resident r;
    assert_int_equal(resident_get_by_id_number(db, id, &r), DB_OK);
    assert_str(r.phone, "13800138000");
    assert_str(r.address, "新住址");
    resident_free(&r);
    assert_str(found("李老新"), "李老新");
    assert_str(found("何七八"), "何七八"); /* the ledger's row 4338 */
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM audit_log WHERE action = 'import'"
                            " AND detail LIKE '%new 12000, updated 1,%'"),
                     1);
}

/* big.csv: 12,000 rows of ledger_row(), a megabyte and more (a shared load's). */
static void long_ledger_written(void)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "姓名,身份证号,手机号码,住址\n");
    for (int i = 0; i < 12000; i++)
        ledger_row(&sb, i);
    write_file(path_of("big.csv"), strbuf_str(&sb));
    strbuf_free(&sb);
}

/* Import big.csv with desk(arg) running on a thread meanwhile, told to end by *stop after. */
static int import_beside(void *(*desk)(void *), void *arg, int *stop, struct import_report *rep)
{
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, desk, arg), 0);
    int rc = import_file("big.csv", IMPORT_UPDATE, rep);
    __atomic_store_n(stop, 1, __ATOMIC_RELEASE);
    pthread_join(th, NULL);
    return rc;
}

/* A desk waiting for the lock all along: the sign touched every two milliseconds until stop. */
struct desk_knock {
    char *sign;
    int stop;
};

static void *desk_knocks(void *arg)
{
    struct desk_knock *k = arg;
    for (time_t s = 1; !__atomic_load_n(&k->stop, __ATOMIC_ACQUIRE); s++) {
        struct timespec times[2] = {{s, 0}, {s, 0}}, gap = {0, 2000000};
        utimensat(AT_FDCWD, k->sign, times, 0); /* there only while the load has it out */
        nanosleep(&gap, NULL);
    }
    return NULL;
}

/*
** A first import with a desk waiting for the lock all along: the load
** gives way between its batches, its index builds and its last
** transaction (the keys written, then undone) as often as it may, then
** ends whoever waits; its search keys are those of the same ledger loaded
** with nobody waiting, chunk for chunk.
*/
static void keys_given_way_as_written_straight(void **state)
{
    (void)state;
    long_ledger_written();
    struct desk_knock knock = {xasprintf("%s-waiting", path_of("r.db")), 0};
    struct import_report rep;
    int rc = import_beside(desk_knocks, &knock, &knock.stop, &rep);
    free(knock.sign);
    assert_int_equal(rc, DB_OK);
    assert_int_equal(rep.imported, 12000);
    import_report_free(&rep);
    char *knocked = search_rows();
    struct db *mine = db;
    unit_seeded_open(path_of("straight.db"), &db);
    assert_int_equal(import_file("big.csv", IMPORT_UPDATE, &rep), DB_OK);
    import_report_free(&rep);
    char *straight = search_rows();
    db_close(db);
    db = mine;
    assert_true(strlen(straight) > 100000);
    assert_string_equal(knocked, straight);
    free(knocked);
    free(straight);
    assert_str(found("何七八"), "何七八");
}

/* Every entry of the residents' search tables as "table term key id" lines, sorted. */
static int entry_line(void *ctx, const char *term, const struct posting *e)
{
    struct strlist *l = ctx;
    strlist_add_take(l, xasprintf("%s %016llx %u", term, (unsigned long long)e->key, e->id));
    return 1;
}

static int line_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *entries_text(void)
{
    struct strbuf sb = STRBUF_INIT;
    for (int t = 0; t < POSTINGS_TABLES; t++) {
        struct strlist l = STRLIST_INIT;
        assert_int_equal(postings_scan(db, POSTINGS_RESIDENTS, (enum postings_table)t, "", "\xf7",
                                       entry_line, &l),
                         DB_OK);
        qsort(l.v, l.n, sizeof *l.v, line_cmp);
        for (size_t i = 0; i < l.n; i++)
            strbuf_addf(&sb, "%d %s\n", t, l.v[i]);
        strlist_free(&l);
    }
    return strbuf_detach(&sb);
}

/*
** The search keys as a load left them are those of every row as it stands,
** entry for entry as filing them all again from the rows (as after a load
** that stopped before its keys) makes them: at least min bytes of them.
*/
static void keys_are_the_rows(size_t min)
{
    char *kept = entries_text();
    char pid[24];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    assert_int_equal(db_meta_set(db, "resident_keys_pending", pid), DB_OK);
    assert_int_equal(resident_keys_repair(db, "测试"), DB_OK);
    char *refiled = entries_text();
    assert_true(strlen(refiled) > min);
    assert_string_equal(kept, refiled);
    free(kept);
    free(refiled);
}

/*
** A desk at work on its own connection while a load runs: renames the
** ledger's second resident again and again once it is in (each save waits
** for the lock, and the load gives way), and registers one more.
*/
struct desk_work {
    const char *path;
    const char *id_number; /* the resident renamed */
    int stop;
    int renames;
};

static void *desk_works(void *arg)
{
    struct desk_work *w = arg;
    struct db *desk;
    char *err = NULL;
    if (db_open(w->path, 0, &desk, &err) != DB_OK) {
        free(err);
        return NULL;
    }
    static const char *const names[] = {"郑改名", "郑又改"};
    int added = 0;
    while (!__atomic_load_n(&w->stop, __ATOMIC_ACQUIRE)) {
        struct resident r;
        if (resident_get_by_id_number(desk, w->id_number, &r) == DB_OK) {
            record_set(&r.name, names[w->renames % 2]);
            if (resident_save(desk, &r, "测试", NULL) == DB_OK) w->renames++;
            resident_free(&r);
            if (!added) {
                char id[19];
                make_id(id, "130102", "19880808", 8);
                resident_init(&r);
                record_set(&r.name, "新来的人");
                record_set(&r.id_number, id);
                added = resident_save(desk, &r, "测试", NULL) == DB_OK;
                resident_free(&r);
            }
        }
        struct timespec gap = {0, 3000000};
        nanosleep(&gap, NULL);
    }
    db_close(desk);
    return NULL;
}

/*
** A desk renaming one of a load's rows and registering another throughout
** the load, its end given way to again and again: the search keys are
** those of every row as it stands, as filing them all again from the rows
** makes them, entry for entry.
*/
static void keys_given_way_keep_what_desks_did(void **state)
{
    (void)state;
    long_ledger_written();
    char second[19];
    make_id(second, "120101", "19510102", 1); /* ledger_row(1)'s: 钱一一 */
    char *path = xstrdup(path_of("r.db"));    /* path_of()'s buffer is used again */
    struct desk_work w = {path, second, 0, 0};
    struct import_report rep;
    int rc = import_beside(desk_works, &w, &w.stop, &rep);
    free(path);
    assert_int_equal(rc, DB_OK);
    import_report_free(&rep);
    assert_true(w.renames > 0);
    assert_int_equal(residents_in(db), 12001);
    struct resident r;
    assert_int_equal(resident_get_by_id_number(db, second, &r), DB_OK);
    const char *other = str_eq(r.name, "郑改名") ? "郑又改" : "郑改名";
    assert_str(found(r.name), r.name);
    assert_str(found(other), "");
    resident_free(&r);
    assert_str(found("钱一一"), ""); /* its name in the ledger */
    assert_str(found("新来的人"), "新来的人");
    keys_are_the_rows(100000);
}

/*
** A desk renaming the load's rows between the transactions that write its
** search keys, a table each: told so by the load's progress, the lock let
** go meanwhile. After the first table, the ledger's second row takes a
** name with keys in every table; after the second, the third takes a name
** of one character, which has no keys in the last table (filed from later
** characters): nothing there tells the load it was renamed.
*/
struct between_tables {
    struct db *desk;
    int renames;
};

static void rename_between_tables(void *ctx, const char *step, size_t done, size_t total)
{
    struct between_tables *w = ctx;
    if (strcmp(step, "Writing search keys") != 0 || done == 0 || done + 1 >= total) return;
    static const char *const names[] = {"郑改名", "孙"};
    char id[19];
    make_id(id, "120101", done == 1 ? "19510102" : "19520103", (int)done); /* ledger_row(done)'s */
    struct resident r;
    assert_int_equal(resident_get_by_id_number(w->desk, id, &r), DB_OK);
    record_set(&r.name, names[w->renames++ % 2]);
    assert_int_equal(resident_save(w->desk, &r, "测试", NULL), DB_OK);
    resident_free(&r);
}

/*
** Rows of a load renamed by a desk between the transactions that write
** its keys, a table each: every table written after is filed from the
** rows as they stand then, entry for entry as filing every row again
** makes them.
*/
static void keys_written_a_table_at_a_time_keep_renames(void **state)
{
    (void)state;
    long_ledger_written();
    struct between_tables w = {NULL, 0};
    char *err = NULL;
    assert_int_equal(db_open(path_of("r.db"), 0, &w.desk, &err), DB_OK);
    struct ledger *l;
    assert_int_equal(ledger_open(path_of("big.csv"), &ledger_residents, 0, CODEC_UTF8, &l, &err),
                     0);
    struct import_options o = {
        IMPORT_UPDATE, NULL, path_of("big.csv"), "测试", rename_between_tables, &w, 0};
    struct import_report rep;
    memset(&rep, 0, sizeof rep);
    assert_int_equal(import_residents(db, l, &o, &rep, &err), DB_OK);
    ledger_close(l);
    import_report_free(&rep);
    db_close(w.desk);
    assert_int_equal(w.renames, POSTINGS_TABLES - 1);
    assert_str(found("郑改名"), "郑改名");
    assert_str(found("钱一一"), "");
    keys_are_the_rows(100000);
}

/*
** A ledger's row under the ID number of a record merged into another is
** skipped and said, in the dry run and the import alike: the record stays
** as it was merged.
*/
static void import_skips_a_merged_record(void **state)
{
    (void)state;
    char keep_id[19], away_id[19];
    make_id(keep_id, "130101", "19600101", 5);
    make_id(away_id, "130101", "19600101", 6);
    int64_t keep = add("周八", keep_id, "", "");
    int64_t away = add("周捌", away_id, "13711112222", "");
    struct resident k, o;
    const char *why = NULL;
    assert_int_equal(resident_get(db, keep, &k), DB_OK);
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    assert_int_equal(resident_merge(db, &k, away, o.version, "", 1, "测试", &why), DB_OK);
    resident_free(&k);
    resident_free(&o);
    char csv[200];
    snprintf(csv, sizeof csv, "姓名,身份证号,手机号码\n周捌改,%s,13900000000\n", away_id);
    write_file(path_of("m.csv"), csv);
    struct import_report rep;
    assert_int_equal(preview_file("m.csv", IMPORT_UPDATE, NULL, &rep), DB_OK);
    assert_int_equal(rep.skipped, 1);
    assert_int_equal(rep.updated, 0);
    import_report_free(&rep);
    assert_int_equal(import_file("m.csv", IMPORT_UPDATE, &rep), DB_OK);
    assert_int_equal(rep.skipped, 1);
    assert_int_equal(rep.updated, 0);
    assert_int_equal(rep.merged_away.n, 1);
    char said[64];
    snprintf(said, sizeof said, "周捌 %.3s***********%s", away_id, away_id + 14);
    assert_str(rep.merged_away.v[0], said); /* the ID masked: a name alone may be several */
    char *text = import_report_text(&rep);
    assert_non_null(strstr(text, "周捌"));
    free(text);
    import_report_free(&rep);
    assert_int_equal(resident_get(db, away, &o), DB_OK);
    assert_str(o.name, "周捌");
    assert_str(o.phone, "13711112222");
    resident_free(&o);
}

static void import_of_a_broken_file_writes_nothing(void **state)
{
    (void)state;
    add("张三", "110101199003074477", "", "");
    /* A header with no name and no ID column is not a ledger. */
    write_file(path_of("c.csv"), "甲,乙\n1,2\n");
    struct import_report rep;
    int rc = import_file("c.csv", IMPORT_UPDATE, &rep);
    assert_int_not_equal(rc, DB_OK);
    import_report_free(&rep);
    assert_int_equal(residents_in(db), 1);
}

static void export_masks_unless_asked(void **state)
{
    (void)state;
    a_few_residents();
    size_t rows;
    char *err = NULL;
    struct export_options o = {.format = SHEET_CSV, .codec = CODEC_UTF8, .actor = "测试"};
    assert_int_equal(export_residents(db, path_of("m.csv"), &o, &rows, &err), DB_OK);
    assert_int_equal(rows, 7);
    FILE *f = fopen(path_of("m.csv"), "r");
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    assert_null(strstr(buf, "110101199003074477"));
    assert_non_null(strstr(buf, "110***********4477"));
    /* Unmasked without a reason: refused, no file. */
    o.unmasked = 1;
    assert_int_equal(export_residents(db, path_of("u.csv"), &o, &rows, &err), DB_INVALID);
    free(err);
    assert_null(fopen(path_of("u.csv"), "r"));
    /* GBK cannot hold 王𠇔: refused, naming it, and no file is left. */
    o.reason = "核对";
    o.codec = CODEC_GBK;
    assert_int_not_equal(export_residents(db, path_of("g.csv"), &o, &rows, &err), DB_OK);
    assert_non_null(strstr(err, "王𠇔"));
    free(err);
    assert_null(fopen(path_of("g.csv"), "r"));
}

/*
** A shared load into a register that has residents is refused, and leaves
** the desks' sign beside the database as it found it: a first import
** running meanwhile still hears of desks waiting.
*/
static void refused_load_leaves_the_sign(void **state)
{
    (void)state;
    char id[19];
    make_id(id, "120101", "19800101", 1);
    add("王一", id, "", "");
    char *sign = xasprintf("%s-waiting", path_of("r.db"));
    FILE *f = fopen(sign, "w"); /* put out by a first import running in another process */
    assert_non_null(f);
    fprintf(f, "%ld\n", (long)getppid());
    fclose(f);
    struct resident_bulk *b;
    assert_int_equal(resident_bulk_begin_shared(db, "测试", "ledger.csv", 0, &b), DB_INVALID);
    assert_null(b);
    assert_int_equal(access(sign, F_OK), 0);
    db_desk_sign_take(db); /* this connection did not put it out: left */
    assert_int_equal(access(sign, F_OK), 0);
    unlink(sign);
    free(sign);
}

int main(void)
{
    unit_locale();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(search_every_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(refused_load_leaves_the_sign, setup, teardown),
        cmocka_unit_test_setup_teardown(status_hides_and_is_audited, setup, teardown),
        cmocka_unit_test_setup_teardown(merge_moves_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(tally_follows_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(filters_for_visits, setup, teardown),
        cmocka_unit_test_setup_teardown(repeated_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(pinyin_inside_names, setup, teardown),
        cmocka_unit_test_setup_teardown(upgrade_files_syllables_and_dots, setup, teardown),
        cmocka_unit_test_setup_teardown(upgrade_reads_times_as_before, setup, teardown),
        cmocka_unit_test_setup_teardown(upgrade_packs_search_lists, setup, teardown),
        cmocka_unit_test_setup_teardown(middle_dot_variants, setup, teardown),
        cmocka_unit_test_setup_teardown(hits_are_masked, setup, teardown),
        cmocka_unit_test_setup_teardown(save_refuses_duplicates_and_stale_versions, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(sensitive_tags_and_reveal, setup, teardown),
        cmocka_unit_test_setup_teardown(tags_are_version_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(bulk_demo_residents, setup, teardown),
        cmocka_unit_test_setup_teardown(import_merges_skips_and_rejects, setup, teardown),
        cmocka_unit_test_setup_teardown(preview_counts_and_shows_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(import_of_a_broken_file_writes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(shared_load_over_a_few, setup, teardown),
        cmocka_unit_test_setup_teardown(keys_given_way_as_written_straight, setup, teardown),
        cmocka_unit_test_setup_teardown(keys_given_way_keep_what_desks_did, setup, teardown),
        cmocka_unit_test_setup_teardown(keys_written_a_table_at_a_time_keep_renames, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(import_skips_a_merged_record, setup, teardown),
        cmocka_unit_test_setup_teardown(import_over_a_few_merges_their_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(export_masks_unless_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(upgraded_database_is_refiled, setup, teardown),
    };
    return cmocka_run_group_tests(tests, unit_seeded_setup, unit_seeded_teardown);
}
