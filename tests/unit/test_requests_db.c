/*
** Unit tests for the call platform in db/: the seeded catalogue and
** calendar, catalogue import (every kind of bad row, twice changes
** nothing, units created), calendar import, requests taken down and
** numbered by two processes at once, a change from a stale copy refused,
** queues, evening talks, and the rate counts of a small history.
*/
#include "unit.h"
#include "unit_seeded.h"
#include "app/rate_counts.h"
#include "db/calendar_store.h"
#include "db/settings_store.h"
#include "db/catalogue_store.h"
#include "db/db.h"
#include "app/demo.h"
#include "app/export.h"
#include "app/import.h"
#include "app/ledgers.h"
#include "db/request_store.h"
#include "db/audit_store.h"
#include "app/users.h"
#include "src/user.h"
#include "src/clock.h"
#include "src/idcard.h"
#include "src/pinyin.h"

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

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
    unit_seeded_open(path_of("q.db"), &db);
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

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void seeded_platform(void **state)
{
    (void)state;
    assert_int_equal(unit_count(db), 29);
    assert_int_equal(item_count(db), 176);
    struct item_list l;
    assert_int_equal(item_list(db, "zdsh", 0, 0, &l), DB_OK); /* 最低生活保障 by initials */
    assert_true(l.n >= 1);
    item_list_free(&l);
    assert_int_equal(item_list(db, "HB055", 0, 0, &l), DB_OK);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.items[0].accept_minutes, 30);
    assert_int_equal(l.items[0].resolve_unit, 'h');
    item_list_free(&l);
    struct workcal c;
    assert_int_equal(calendar_load(db, &c), DB_OK);
    struct date national = {2026, 10, 5}, shifted = {2026, 10, 10};
    assert_false(workcal_is_working(&c, national));
    assert_true(workcal_is_working(&c, shifted));
    workcal_free(&c);
    struct talk_list talks;
    assert_int_equal(talk_list(db, "", &talks), DB_OK);
    assert_int_equal(talks.n, 3);
    talk_list_free(&talks);
}

static void catalogue_import_reports_and_rejects(void **state)
{
    (void)state;
    write_file("cat.csv", "事项编码,事项名称,类别,责任单位,受理时限,办结时限,办理材料,星级\n"
                          "HB900,社区食堂就餐补贴,服务群众,区民政局,4小时,5个工作日,居民身份证,\n"
                          "HB901,楼道堆物清理,综合执法,区街道城管科,2小时,3个工作日,,\n"
                          "HB902,电动车充电咨询,便民,区民政局,4小时,5个工作日,,\n"
                          "HB903,养老服务咨询,服务群众,区民政局,两小时,5天,,\n"
                          "HB900,重复编码,服务群众,区民政局,4小时,5个工作日,,\n"
                          ",没有编码,服务群众,区民政局,4小时,5个工作日,,\n"
                          "HB904,列数不够\n");
    struct ledger *l;
    char *err;
    assert_int_equal(ledger_open(path_of("cat.csv"), &ledger_catalogue, 0, CODEC_UTF8, &l, &err),
                     0);
    struct import_options o = {IMPORT_UPDATE, NULL, path_of("cat.csv"), "测试", NULL, NULL, 0};
    struct import_report rep;
    assert_int_equal(ledger_import(ledger_kind_find("catalogue"), db, l, &o, &rep, &err), DB_OK);
    assert_int_equal(rep.read, 7);
    assert_int_equal(rep.imported, 2);
    assert_int_equal(rep.rejected, 5);
    assert_int_equal(rep.created.n, 1);
    assert_str(rep.created.v[0], "区街道城管科");
    assert_int_equal(rep.unknown_columns.n, 1);
    assert_str(rep.unknown_columns.v[0], "星级");
    char *text = import_report_text(&rep);
    assert_non_null(strstr(text, "line 4, 类别: \"便民\" is not one of"));
    assert_non_null(strstr(text, "line 5, 受理时限: \"两小时\" is not a limit"));
    assert_non_null(strstr(text, "line 5, 办结时限: \"5天\" is not a limit"));
    assert_non_null(strstr(text, "line 6, 事项编码: the same as line 2"));
    assert_non_null(strstr(text, "line 7, 事项编码: is empty"));
    assert_non_null(strstr(text, "line 8, 类别: too few columns: 2 of 8"));
    free(text);
    assert_non_null(rep.rejects_path);
    import_report_free(&rep);
    ledger_close(l);
    assert_int_equal(item_count(db), 178);

    /* Twice: nothing changes. */
    assert_int_equal(ledger_open(path_of("cat.csv"), &ledger_catalogue, 0, CODEC_UTF8, &l, &err),
                     0);
    assert_int_equal(ledger_import(ledger_kind_find("catalogue"), db, l, &o, &rep, &err), DB_OK);
    assert_int_equal(rep.imported, 0);
    assert_int_equal(rep.unchanged, 2);
    assert_int_equal(rep.created.n, 0);
    import_report_free(&rep);
    ledger_close(l);

    /* The export reads back unchanged, in GB18030 too. */
    size_t rows;
    assert_int_equal(export_catalogue(db, path_of("out.csv"),
                                      &(struct export_options){.format = SHEET_CSV,
                                                               .codec = CODEC_GB18030,
                                                               .actor = "tester"},
                                      &rows, &err),
                     DB_OK);
    assert_int_equal(rows, 178);
    assert_int_equal(ledger_open(path_of("out.csv"), &ledger_catalogue, 0, CODEC_UTF8, &l, &err),
                     0);
    assert_int_equal(ledger_codec(l), CODEC_GB18030);
    assert_int_equal(ledger_import(ledger_kind_find("catalogue"), db, l, &o, &rep, &err), DB_OK);
    assert_int_equal(rep.unchanged, 178);
    assert_int_equal(rep.rejected, 0);
    import_report_free(&rep);
    ledger_close(l);
}

static void calendar_import(void **state)
{
    (void)state;
    write_file("cal.csv", "日期,类型,名称\n"
                          "2027-01-01,放假,元旦\n"
                          "2027/2/20,上班,春节调休上班\n"
                          "2027-02-30,放假,没有这天\n"
                          "2027-03-01,休假,写错了\n"
                          "2027-01-01,放假,重复\n");
    struct ledger *l;
    char *err;
    assert_int_equal(ledger_open(path_of("cal.csv"), &ledger_calendar, 0, CODEC_UTF8, &l, &err), 0);
    struct import_options o = {IMPORT_UPDATE, NULL, path_of("cal.csv"), "测试", NULL, NULL, 0};
    struct import_report rep;
    assert_int_equal(ledger_import(ledger_kind_find("calendar"), db, l, &o, &rep, &err), DB_OK);
    assert_int_equal(rep.imported, 2);
    assert_int_equal(rep.rejected, 3);
    import_report_free(&rep);
    ledger_close(l);
    struct calendar_days days;
    assert_int_equal(calendar_list(db, "2027", &days), DB_OK);
    assert_int_equal(days.n, 2);
    assert_str(days.v[1].day, "2027-02-20");
    assert_true(days.v[1].working);
    calendar_days_free(&days);
    assert_int_equal(settings_set(db, SETTING_WORK_HOURS, "08:30-17:30", "tester"), DB_OK);
    assert_int_equal(settings_set(db, SETTING_WORK_HOURS, "下午", "tester"), DB_INVALID);
    char *h = settings_get(db, SETTING_WORK_HOURS);
    assert_str(h, "08:30-17:30");
    free(h);
}

/* A request for item code, taken down at when. */
static void new_request(const char *code, struct request *r)
{
    struct service_item it;
    assert_int_equal(item_get_by_code(db, code, &it), DB_OK);
    request_init(r);
    record_set(&r->channel, "desk");
    record_set(&r->kind, "help");
    record_set(&r->category, it.category);
    r->item_id = it.id;
    r->unit_id = it.unit_id;
    record_set(&r->unit_name, it.unit_name);
    r->requester_kind = REQUESTER_ANONYMOUS;
    record_set(&r->requester, "王五");
    record_set(&r->title, "测试诉求");
    r->accept_minutes = it.accept_minutes;
    r->resolve_amount = it.resolve_amount;
    r->resolve_unit = it.resolve_unit;
    service_item_free(&it);
}

static void numbers_never_collide(void **state)
{
    (void)state;
    /* Two processes, each its own connection, take requests down at once. */
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        assert_true(kids[k] >= 0);
        if (kids[k] == 0) {
            struct db *mine;
            char *err;
            if (db_open(path_of("q.db"), 0, &mine, &err) != DB_OK) _exit(1);
            for (int i = 0; i < 40; i++) {
                struct request r;
                new_request("HB001", &r);
                const char *why;
                if (request_create(mine, &r, RA_DISPATCH, NULL, "测试", at("2026-03-02 09:30"),
                                   &why) != DB_OK)
                    _exit(2);
                request_free(&r);
            }
            db_close(mine);
            _exit(0);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status;
        waitpid(kids[k], &status, 0);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request"), 80);
    assert_int_equal(db_int(db, 0, "SELECT count(DISTINCT number) FROM request"), 80);
    assert_int_equal(db_int(db, 0, "SELECT max(number) = '2026-000080' FROM request"), 1);
    /* Every one was dispatched in the same transaction as its number. */
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request WHERE status = 'dispatched'"), 80);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request_event"), 160);
}

static void stale_changes_are_refused(void **state)
{
    (void)state;
    struct request r;
    new_request("HB001", &r);
    const char *why;
    time_t now = at("2026-03-02 09:30");
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "甲", now, &why), DB_OK);
    assert_str(r.number, "2026-000001");
    struct request other;
    assert_int_equal(request_get(db, r.id, &other), DB_OK);
    /* 甲 signs for it; 乙, holding the older copy, returns it. */
    assert_int_equal(request_act(db, &r, RA_ACCEPT, NULL, "甲", now, &why, NULL, NULL), DB_OK);
    struct workflow_input ret = {0};
    ret.reason = "wrong_area";
    ret.text = "不是本单位";
    struct request current;
    struct request_event_row last;
    assert_int_equal(request_act(db, &other, RA_RETURN, &ret, "乙", now, &why, &current, &last),
                     DB_CONFLICT);
    assert_int_equal(current.state, RS_ACCEPTED);
    assert_str(last.actor, "甲");
    assert_int_equal(last.action, RA_ACCEPT);
    request_event_row_free(&last);
    /* With the stored copy the refusal is the workflow's: no return after 签收. */
    assert_int_equal(request_act(db, &current, RA_RETURN, &ret, "乙", now, &why, NULL, NULL),
                     DB_INVALID);
    assert_non_null(why);
    struct request_events ev;
    assert_int_equal(request_events(db, r.id, &ev), DB_OK);
    assert_int_equal(ev.n, 3); /* registered, dispatched, signed for */
    request_events_free(&ev);
    request_free(&current);
    request_free(&other);
    request_free(&r);
    /* The event log is append-only. */
    assert_int_not_equal(db_exec(db, "DELETE FROM request_event"), DB_OK);
}

/*
** 审定: a dispatch the centre kept after a return (维持派单) is the unit's:
** it returns it no more; a request sent to another unit instead may be
** returned by that one.
*/
static void kept_dispatch_returns_no_more(void **state)
{
    (void)state;
    struct request r, got;
    const char *why;
    time_t now = at("2026-03-02 09:30");
    new_request("HB001", &r);
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "甲", now, &why), DB_OK);
    struct workflow_input ret = {0};
    ret.reason = "wrong_area";
    assert_int_equal(request_act(db, &r, RA_RETURN, &ret, "乙", now, &why, NULL, NULL), DB_OK);
    struct workflow_input keep = {0};
    keep.text = "经审核，维持原派单";
    assert_int_equal(request_act(db, &r, RA_INSIST, &keep, "甲", now, &why, NULL, NULL), DB_OK);
    assert_int_equal(request_get(db, r.id, &got), DB_OK);
    assert_int_equal(got.state, RS_DISPATCHED);
    assert_int_equal(got.kept, 1);
    enum request_action offered[RA_COUNT];
    size_t n = workflow_offered(&got, now, offered, RA_COUNT);
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(offered[i], RA_RETURN);
    assert_int_equal(request_act(db, &got, RA_RETURN, &ret, "乙", now, &why, NULL, NULL),
                     DB_INVALID);
    assert_non_null(why);
    request_free(&got);
    request_free(&r);
    /* Another, rerouted after its return: the unit it went to may return it in turn. */
    new_request("HB001", &r);
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "甲", now, &why), DB_OK);
    assert_int_equal(request_act(db, &r, RA_RETURN, &ret, "乙", now, &why, NULL, NULL), DB_OK);
    struct service_item other;
    assert_int_equal(item_get_by_code(db, "HB174", &other), DB_OK);
    struct workflow_input to = {0};
    to.unit_id = other.unit_id;
    to.unit_name = other.unit_name;
    assert_int_equal(request_act(db, &r, RA_REROUTE, &to, "甲", now, &why, NULL, NULL), DB_OK);
    assert_int_equal(request_get(db, r.id, &got), DB_OK);
    assert_int_equal(got.kept, 0);
    assert_int_equal(request_act(db, &got, RA_RETURN, &ret, "丙", now, &why, NULL, NULL), DB_OK);
    service_item_free(&other);
    request_free(&got);
    request_free(&r);
}

/* A user login of role (for a unit handler, of the unit coded unit), made by the admin. */
static void user_of(const char *login, const char *role, const char *unit)
{
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, login);
    record_set(&u.role, role);
    if (unit) {
        struct unit un;
        assert_int_equal(unit_find(db, unit, &un), DB_OK);
        u.unit_id = un.id;
        record_free(&unit_record, &un);
    }
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, NULL, "admin", &why), DB_OK);
    record_free(&user_record, &u);
}

static int64_t in_queue(enum request_queue q, const char *login)
{
    struct request_filter f = {.level = -1, .scope_of = login};
    struct request_list l;
    assert_int_equal(request_queue(db, q, &f, SORT_NEWEST, 100, &l), DB_OK);
    int64_t n = l.total;
    request_list_free(&l);
    return n;
}

/*
** Below the screen: a unit handler signs for its own unit's requests and
** no other's, and sees only those; a building chief takes down but never
** dispatches; every step is in the audit log beside its event.
*/
static void roles_and_scopes_in_the_store(void **state)
{
    (void)state;
    user_of("admin", "admin", NULL);
    struct request r;
    new_request("HB001", &r);
    struct unit own;
    assert_int_equal(unit_get(db, r.unit_id, &own), DB_OK);
    user_of("desk1", "desk", NULL);
    user_of("handler", "unit", own.code);
    struct unit_list units;
    assert_int_equal(unit_list(db, "", 0, &units), DB_OK);
    const char *elsewhere = NULL;
    for (size_t i = 0; i < units.n && !elsewhere; i++)
        if (units.items[i].id != own.id) elsewhere = units.items[i].code;
    user_of("stranger", "unit", elsewhere);
    unit_list_free(&units);
    record_free(&unit_record, &own);
    user_of("chief", "chief", NULL);
    const char *why;
    time_t now = at("2026-03-02 09:30");
    /* A chief may take a request down (the program sends it to its unit) but not answer it on
     * the spot, which is the desk's; nothing is written. */
    int64_t audit_rows = db_int(db, 0, "SELECT count(*) FROM audit_log");
    struct workflow_input answer = {.text = "已当场答复"};
    record_set(&r.kind, "consult");
    assert_int_equal(request_create(db, &r, RA_ANSWER, &answer, "chief", now, &why), DB_DENIED);
    assert_non_null(why);
    record_set(&r.kind, "help");
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM request"), 0);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log"), audit_rows);
    /* A unit handler may not take requests down at all. */
    assert_int_equal(request_create(db, &r, RA_REGISTER, NULL, "handler", now, &why), DB_DENIED);
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "desk1", now, &why), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'request'"), 2);
    /* Another unit's handler neither sees it nor signs for it. */
    assert_int_equal(in_queue(QUEUE_OPEN, "stranger"), 0);
    assert_int_equal(in_queue(QUEUE_ALL, "handler"), 1);
    assert_int_equal(in_queue(QUEUE_ALL, "desk1"), 1);
    assert_int_equal(in_queue(QUEUE_ALL, "chief"), 0); /* not from a building of theirs */
    assert_int_equal(in_queue(QUEUE_ALL, "nobody"), 0);
    /* The home screen's counts: of the requests each role sees, and all of them for a desk. */
    static const struct {
        const char *login;
        int scoped;
        int64_t all;
    } counted[] = {{"handler", 1, 1}, {"stranger", 1, 0}, {"chief", 1, 0}, {"desk1", 0, 1}};
    for (size_t i = 0; i < ARRAY_LEN(counted); i++) {
        int scoped;
        int64_t all, open, overdue;
        assert_int_equal(
            request_counts_of(db, counted[i].login, &scoped, &all, &open, &overdue, now), DB_OK);
        assert_int_equal(scoped, counted[i].scoped);
        assert_int_equal(all, counted[i].all);
        assert_int_equal(open, counted[i].all);
        assert_int_equal(overdue, 0);
        /* and its charts of the last days too */
        time_t days[2] = {now - 3600, now + 3600};
        int64_t intake, late;
        assert_int_equal(request_daily_counts(db, counted[i].login, days, 1, now, &intake, &late),
                         DB_OK);
        assert_int_equal(intake, counted[i].all);
    }
    assert_int_equal(request_act(db, &r, RA_ACCEPT, NULL, "stranger", now, &why, NULL, NULL),
                     DB_DENIED);
    assert_str(why, "This request is not sent to your unit");
    assert_int_equal(r.state, RS_DISPATCHED);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'request'"), 2);
    /* Nor does a chief, nor someone who is no user; its own handler does. */
    assert_int_equal(request_act(db, &r, RA_ACCEPT, NULL, "chief", now, &why, NULL, NULL),
                     DB_DENIED);
    assert_int_equal(request_act(db, &r, RA_ACCEPT, NULL, "nobody", now, &why, NULL, NULL),
                     DB_DENIED);
    assert_int_equal(request_act(db, &r, RA_ACCEPT, NULL, "handler", now, &why, NULL, NULL), DB_OK);
    assert_int_equal(r.state, RS_ACCEPTED);
    /* The step is in the audit log, by whom, on which request, as the timeline words it. */
    char *sql = xasprintf("SELECT count(*) FROM audit_log WHERE action = 'request' AND actor = "
                          "'handler' AND subject = 'request:%lld' AND detail LIKE '%s accept%%'",
                          (long long)r.id, r.number);
    assert_int_equal(db_int(db, 0, sql), 1);
    free(sql);
    /* The number to call: shown to its own handler and to the desk, each time audited. */
    int64_t reveals = db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");
    assert_int_equal(request_reveal_phone(db, &r, RA_CONTACT, "联系", "stranger"), DB_DENIED);
    assert_int_equal(request_reveal_phone(db, &r, RA_CONTACT, "联系", "chief"), DB_DENIED);
    assert_int_equal(request_reveal_phone(db, &r, RA_CONTACT, "", "handler"), DB_INVALID);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"),
                     reveals);
    assert_int_equal(request_reveal_phone(db, &r, RA_CONTACT, "联系", "handler"), DB_OK);
    assert_int_equal(request_reveal_phone(db, &r, RA_FOLLOW_UP, "回访", "desk1"), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"),
                     reveals + 2);
    /* A handler may not correct what the desk took down; the desk may. */
    record_set(&r.title, "测试诉求（更正）");
    assert_int_equal(request_correct(db, &r, "handler", now), DB_DENIED);
    assert_int_equal(request_correct(db, &r, "desk1", now), DB_OK);
    assert_str(r.title, "测试诉求（更正）");
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM audit_log WHERE action = 'request'"), 4);
    struct audit_verdict v;
    assert_int_equal(audit_verify(db, &v), DB_OK);
    assert_int_equal(v.damage, AUDIT_SOUND);
    /* Replied, the callback is the centre's clock: late, it is the desk's overdue, not the
     * unit's, on the home screen, in its charts and in its 超时 queue. */
    struct workflow_input said = {.text = "已电话联系"};
    assert_int_equal(request_act(db, &r, RA_CONTACT, &said, "handler", now, &why, NULL, NULL),
                     DB_OK);
    struct workflow_input reply = {.text = "已办结"};
    assert_int_equal(request_act(db, &r, RA_REPLY, &reply, "handler", now, &why, NULL, NULL),
                     DB_OK);
    time_t later = now + 30 * 86400;
    assert_true(r.followup_due && r.followup_due < later);
    int scoped;
    int64_t all, open, overdue;
    assert_int_equal(request_counts_of(db, "handler", &scoped, &all, &open, &overdue, later),
                     DB_OK);
    assert_int_equal(overdue, 0);
    assert_int_equal(request_counts_of(db, "desk1", &scoped, &all, &open, &overdue, later), DB_OK);
    assert_int_equal(overdue, 1);
    time_t days[2] = {later - 3600, later + 3600};
    int64_t intake, late;
    assert_int_equal(request_daily_counts(db, "handler", days, 1, later, &intake, &late), DB_OK);
    assert_int_equal(late, 0);
    assert_int_equal(request_daily_counts(db, "desk1", days, 1, later, &intake, &late), DB_OK);
    assert_int_equal(late, 1);
    struct request_filter f = {.level = -1, .scope_of = "handler"};
    struct request_list l;
    assert_int_equal(request_queue(db, QUEUE_OVERDUE, &f, SORT_NEWEST, 100, &l), DB_OK);
    assert_int_equal(l.total, 0);
    request_list_free(&l);
    assert_int_equal(in_queue(QUEUE_OVERDUE, "desk1"), 1); /* the queue's now is today's */
    request_free(&r);
}

/*
** A chief's request: taken down from their building (not another's),
** sent on by the program; their queues hold it; closed, it waits to be
** told back, once, by someone whose scope holds it.
*/
static void chief_tells_back(void **state)
{
    (void)state;
    user_of("admin", "admin", NULL);
    struct user u;
    record_init(&user_record, &u);
    record_set(&u.login, "chief");
    record_set(&u.role, "chief");
    record_set(&u.buildings, "B101");
    const char *why = NULL;
    assert_int_equal(users_add(db, &u, NULL, "admin", &why), DB_OK);
    record_free(&user_record, &u);
    user_of("other", "chief", NULL);
    time_t now = at("2026-03-02 09:30");
    struct request r;
    new_request("HB001", &r);
    record_set(&r.channel, "chief");
    /* Another building's, or none: refused, nothing written (it would leave their worklist). */
    r.building_id = db_int(db, 0, "SELECT id FROM building WHERE code = 'B102'");
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "chief", now, &why), DB_DENIED);
    assert_str(why, "A building chief takes requests down for their own buildings only");
    r.building_id = 0;
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "chief", now, &why), DB_DENIED);
    assert_int_equal(db_int(db, -1, "SELECT count(*) FROM request"), 0);
    r.building_id = db_int(db, 0, "SELECT id FROM building WHERE code = 'B101'");
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "chief", now, &why), DB_OK);
    assert_int_equal(r.state, RS_DISPATCHED);
    assert_int_equal(in_queue(QUEUE_OPEN, "chief"), 1);
    assert_int_equal(in_queue(QUEUE_OPEN, "other"), 0);
    /* Not closed yet: nothing to tell. */
    assert_int_equal(request_mark_told(db, &r, "chief", now), DB_INVALID);
    db_exec(db, "UPDATE request SET status = 'closed', closed_at = strftime('%s', 'now')");
    request_free(&r);
    assert_int_equal(request_get_by_number(db, "2026-000001", &r), DB_OK);
    assert_int_equal(in_queue(QUEUE_TELL_BACK, "chief"), 1);
    assert_int_equal(in_queue(QUEUE_TELL_BACK, "other"), 0);
    assert_int_equal(request_mark_told(db, &r, "other", now), DB_DENIED);
    assert_int_equal(request_mark_told(db, &r, "chief", now), DB_OK);
    assert_int_equal(request_mark_told(db, &r, "chief", now), DB_INVALID);
    assert_int_equal(in_queue(QUEUE_TELL_BACK, "chief"), 0);
    assert_int_equal(
        db_int(db, 0, "SELECT count(*) FROM audit_log WHERE detail = '2026-000001 told'"), 1);
    request_free(&r);
}

static void queues_hold_what_they_say(void **state)
{
    (void)state;
    time_t now = at("2026-03-02 09:30");
    const char *why;
    struct request a, b, c;
    new_request("HB055", &a); /* 30 minutes to sign for */
    new_request("HB001", &b);
    new_request("HB001", &c);
    c.unit_id = 0; /* no unit: waits to be dispatched */
    record_set(&c.requester_phone, "13812345678");
    assert_int_equal(request_create(db, &a, RA_DISPATCH, NULL, "甲", now, &why), DB_OK);
    assert_int_equal(request_create(db, &b, RA_DISPATCH, NULL, "甲", now, &why), DB_OK);
    assert_int_equal(request_create(db, &c, RA_REGISTER, NULL, "乙", now, &why), DB_OK);
    struct request_filter f = {
        .level = -1, .text = "", .actor = "甲", .now = at("2026-03-02 11:00")};
    struct request_list l;
    assert_int_equal(request_queue(db, QUEUE_NEW, &f, SORT_DUE, 50, &l), DB_OK);
    assert_int_equal(l.n, 1);
    assert_str(l.items[0].number, c.number);
    request_list_free(&l);
    assert_int_equal(request_queue(db, QUEUE_DISPATCHED, &f, SORT_DUE, 50, &l), DB_OK);
    assert_int_equal(l.n, 2);
    assert_str(l.items[0].number, a.number); /* the sooner deadline first */
    request_list_free(&l);
    assert_int_equal(request_queue(db, QUEUE_OVERDUE, &f, SORT_DUE, 50, &l), DB_OK);
    assert_int_equal(l.n, 1);
    assert_str(l.items[0].number, a.number);
    request_list_free(&l);
    assert_int_equal(request_queue(db, QUEUE_MINE, &f, SORT_NEWEST, 50, &l), DB_OK);
    assert_int_equal(l.n, 2);
    request_list_free(&l);
    f.text = "000003";
    assert_int_equal(request_queue(db, QUEUE_ALL, &f, SORT_NEWEST, 50, &l), DB_OK);
    assert_int_equal(l.n, 1);
    request_list_free(&l);
    /* A number whole, and a phone typed in groups: each finds its request. */
    const char *finds_c[] = {"2026-000003", "138-1234-5678", "1234-5678", "138 1234 5678"};
    for (size_t i = 0; i < sizeof finds_c / sizeof *finds_c; i++) {
        f.text = finds_c[i];
        assert_int_equal(request_queue(db, QUEUE_ALL, &f, SORT_NEWEST, 50, &l), DB_OK);
        assert_int_equal(l.n, 1);
        assert_str(l.items[0].number, c.number);
        request_list_free(&l);
    }
    f.text = "";
    assert_int_equal(request_queue(db, QUEUE_ALL, &f, SORT_NEWEST, 2, &l), DB_OK);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.total, 3);
    request_list_free(&l);
    /* Escalated, it shows in the street's queue. */
    struct workflow_input up = {0};
    up.text = "跨社区";
    assert_int_equal(request_act(db, &b, RA_ESCALATE, &up, "甲", now, &why, NULL, NULL), DB_OK);
    f.level = LEVEL_STREET;
    assert_int_equal(request_queue(db, QUEUE_DISPATCHED, &f, SORT_DUE, 50, &l), DB_OK);
    assert_int_equal(l.n, 1);
    assert_str(l.items[0].number, b.number);
    request_list_free(&l);
    /* The home chart's today counts the overdue queue's, a request handled again after an
     * unsatisfied follow-up (its old follow-up deadline past, its new 办结 deadline ahead) not. */
    char *sql = xasprintf("UPDATE request SET status = 'reopened', replied_at = %lld,"
                          " followup_due = %lld, reopens = 1, resolve_due = %lld, due = %lld"
                          " WHERE id = %lld",
                          (long long)at("2026-03-02 10:00"), (long long)at("2026-03-02 10:30"),
                          (long long)at("2026-03-09 17:00"), (long long)at("2026-03-09 17:00"),
                          (long long)b.id);
    assert_int_equal(db_exec(db, sql), DB_OK);
    free(sql);
    time_t days[3] = {at("2026-03-01 00:00"), at("2026-03-02 00:00"), at("2026-03-03 00:00")};
    int64_t intake[2], overdue[2];
    assert_int_equal(request_daily_counts(db, NULL, days, 2, f.now, intake, overdue), DB_OK);
    assert_int_equal(intake[1], 3);
    assert_int_equal(overdue[1], 1);
    request_free(&a);
    request_free(&b);
    request_free(&c);
}

/*
** Pinyin typed in a queue's search finds the requests of the residents it
** names who raised one, however many of the district share the initials:
** more 王建国s than the search looks among, the last of them the one who
** asked.
*/
static void requests_found_by_pinyin_among_namesakes(void **state)
{
    (void)state;
    int64_t last = 0;
    assert_int_equal(db_write_begin(db), DB_OK);
    for (int i = 0; i < REQUEST_RESIDENTS_MATCHED + 20; i++) {
        char id[32];
        snprintf(id, sizeof id, "1201011980%07d", i % 10000000);
        id[17] = idcard_check_char(id);
        id[18] = '\0';
        struct resident r;
        resident_init(&r);
        record_set(&r.name, "王建国");
        record_set(&r.id_number, id);
        assert_int_equal(resident_save(db, &r, "测试", NULL), DB_OK);
        last = r.id;
        resident_free(&r);
    }
    assert_int_equal(db_commit(db), DB_OK);
    struct request a;
    const char *why;
    new_request("HB001", &a);
    a.requester_kind = REQUESTER_RESIDENT;
    a.resident_id = last;
    record_set(&a.requester, "老王"); /* the name as said at the desk: not the register's */
    assert_int_equal(request_create(db, &a, RA_DISPATCH, NULL, "甲", at("2026-03-02 09:30"), &why),
                     DB_OK);
    struct request_filter f = {.level = -1, .actor = "甲", .now = at("2026-03-02 11:00")};
    static const char *const typed[] = {"wjg", "wangjianguo", "Wang'JianGuo"};
    for (size_t i = 0; i < ARRAY_LEN(typed); i++) {
        struct request_list l;
        f.text = typed[i];
        assert_int_equal(request_queue(db, QUEUE_ALL, &f, SORT_NEWEST, 50, &l), DB_OK);
        if (l.n != 1) fail_msg("%s: %zu requests found", typed[i], l.n);
        assert_str(l.items[0].number, a.number);
        request_list_free(&l);
    }
    request_free(&a);
}

/* Take r through its life to a follow-up with the given answers. */
static void live(struct request *r, int on_time, int solved, enum satisfaction sat)
{
    const char *why;
    time_t t = at("2026-03-02 09:30");
    assert_int_equal(request_create(db, r, RA_DISPATCH, NULL, "甲", t, &why), DB_OK);
    t += 600;
    assert_int_equal(request_act(db, r, RA_ACCEPT, NULL, "甲", t, &why, NULL, NULL), DB_OK);
    struct workflow_input in = {0};
    in.text = "已联系";
    assert_int_equal(request_act(db, r, RA_CONTACT, &in, "甲", t + 600, &why, NULL, NULL), DB_OK);
    time_t reply = on_time ? t + 86400 : r->resolve_due + 3600;
    assert_int_equal(request_act(db, r, RA_REPLY, &in, "甲", reply, &why, NULL, NULL), DB_OK);
    struct workflow_input answers = {0};
    answers.resolved = solved;
    answers.satisfaction = sat;
    assert_int_equal(
        request_act(db, r, RA_FOLLOW_UP, &answers, "甲", reply + 86400, &why, NULL, NULL), DB_OK);
}

static void rate_counts_of_a_history(void **state)
{
    (void)state;
    /* Every pass reads the covering index alone: a column added to it must go into the index. */
    int covered = 0;
    assert_int_equal(request_rates_covered(db, &covered), DB_OK);
    assert_true(covered);
    struct request r;
    /* 区民政局 (HB001): three followed up; one late, one not solved and only basically satisfied.
     */
    new_request("HB001", &r);
    live(&r, 1, 1, SAT_SATISFIED);
    request_free(&r);
    new_request("HB001", &r);
    live(&r, 0, 1, SAT_SATISFIED);
    request_free(&r);
    new_request("HB001", &r);
    live(&r, 1, 0, SAT_BASIC);
    request_free(&r);
    /* A consultation answered on the spot. */
    new_request("HB001", &r);
    record_set(&r.kind, "consult");
    struct workflow_input in = {0};
    in.text = "已答复";
    const char *why;
    assert_int_equal(request_create(db, &r, RA_ANSWER, &in, "甲", at("2026-03-02 10:00"), &why),
                     DB_OK);
    request_free(&r);
    struct rate_counts *units, all;
    size_t n;
    assert_int_equal(rate_counts_gather(db, RATE_BY_UNIT, at("2026-03-01 00:00"),
                                        at("2026-04-01 00:00"), &units, &n, &all),
                     DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(units[0].total, 4);
    assert_int_equal(units[0].answered, 1);
    assert_int_equal(units[0].dispatched, 3);
    assert_int_equal(units[0].responded, 3);
    assert_int_equal(units[0].followed, 3);
    assert_int_equal(units[0].solved, 2);
    assert_int_equal(units[0].satisfied, 2);
    assert_int_equal(units[0].basic, 1);
    assert_int_equal(units[0].replied, 3);
    assert_int_equal(units[0].on_time, 2);
    assert_true(units[0].accept_hours > 0.49 && units[0].accept_hours < 0.51); /* 3 x 10 minutes */
    assert_int_equal(all.total, 4);
    for (size_t i = 0; i < n; i++)
        rate_counts_free(&units[i]);
    free(units);
    rate_counts_free(&all);
    /*
    ** One more, dispatched and not yet signed for: while its limit is still to
    ** come it is awaited (响应率 stays 3 / 3); once past, it is missed (3 / 4).
    */
    new_request("HB001", &r);
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "甲", at("2026-03-02 11:00"), &why),
                     DB_OK);
    char before[32], after[32];
    clock_format(r.accept_due - 60, before);
    clock_format(r.accept_due + 60, after);
    request_free(&r);
    const char *times[2] = {before, after};
    for (int late = 0; late < 2; late++) {
        setenv("BANGBAN_NOW", times[late], 1);
        assert_int_equal(rate_counts_gather(db, RATE_BY_UNIT, at("2026-03-01 00:00"),
                                            at("2026-04-01 00:00"), &units, &n, &all),
                         DB_OK);
        assert_int_equal(units[0].dispatched, 4);
        assert_int_equal(units[0].responded, 3);
        assert_int_equal(units[0].awaiting, late ? 0 : 1);
        struct rate_figures fig;
        rates_compute(&units[0], 0.8, 1, &fig);
        assert_true(fig.rate[RATE_RESPONSE] > (late ? 74.9 : 99.9));
        assert_true(fig.rate[RATE_RESPONSE] < (late ? 75.1 : 100.1));
        assert_int_equal(all.awaiting, late ? 0 : 1);
        for (size_t i = 0; i < n; i++)
            rate_counts_free(&units[i]);
        free(units);
        rate_counts_free(&all);
    }
    unsetenv("BANGBAN_NOW");
    /* Outside the period nothing is counted. */
    assert_int_equal(rate_counts_gather(db, RATE_BY_UNIT, at("2026-04-01 00:00"),
                                        at("2026-05-01 00:00"), &units, &n, &all),
                     DB_OK);
    assert_int_equal(n, 0);
    free(units);
    rate_counts_free(&all);
}

static void generated_history(void **state)
{
    (void)state;
    char *err = NULL;
    struct demo_run run;
    assert_int_equal(demo_requests(db, 2000, 1, "测试", NULL, NULL, &run, &err), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(*) FROM request"), 2000);
    /* A realistic mix: most closed, some open in each kind of queue. */
    assert_true(db_int(db, 0, "SELECT count(*) FROM request WHERE status = 'closed'") > 1000);
    assert_true(db_int(db, 0, "SELECT count(*) FROM request WHERE status = 'answered'") > 50);
    assert_true(db_int(db, 0,
                       "SELECT count(*) FROM request WHERE status NOT IN"
                       " ('closed', 'answered', 'void')") > 0);
    /* Every request has its registering event first, and events never run backwards. */
    assert_int_equal(db_int(db, 1,
                            "SELECT count(*) FROM request r WHERE (SELECT action FROM"
                            " request_event e WHERE e.request_id = r.id ORDER BY id"
                            " LIMIT 1) <> 'register'"),
                     0);
    assert_int_equal(db_int(db, 1,
                            "SELECT count(*) FROM request_event a JOIN request_event b ON"
                            " b.request_id = a.request_id AND b.id = a.id + 1"
                            " WHERE b.at < a.at"),
                     0);
    /* The planner's statistics: the queues' indexes weighed, not the rates' nor the numbers'. */
    assert_int_equal(db_int(db, 0,
                            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'request' AND idx IN"
                            " ('request_status_due', 'request_unit', 'request_closed')"),
                     3);
    assert_int_equal(db_int(db, 1,
                            "SELECT count(*) FROM sqlite_stat1 WHERE idx IN ('request_rates',"
                            " 'sqlite_autoindex_request_1') OR tbl = 'request_event'"),
                     0);
    assert_true(db_int(db, 0, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'evening_talk'") > 0);
    /* Numbers given out later follow the generated ones. */
    struct request r;
    new_request("HB001", &r);
    const char *why;
    assert_int_equal(request_create(db, &r, RA_DISPATCH, NULL, "甲", clock_now(), &why), DB_OK);
    assert_int_equal(db_int(db, 0, "SELECT count(DISTINCT number) FROM request"), 2001);
    request_free(&r);
    assert_int_equal(demo_requests(db, 10, 1, "测试", NULL, NULL, &run, &err), DB_INVALID);
    free(err);
}

int main(void)
{
    unit_locale();
    setenv("TZ", "UTC0", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(seeded_platform, setup, teardown),
        cmocka_unit_test_setup_teardown(catalogue_import_reports_and_rejects, setup, teardown),
        cmocka_unit_test_setup_teardown(calendar_import, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_never_collide, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_changes_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(kept_dispatch_returns_no_more, setup, teardown),
        cmocka_unit_test_setup_teardown(queues_hold_what_they_say, setup, teardown),
        cmocka_unit_test_setup_teardown(requests_found_by_pinyin_among_namesakes, setup, teardown),
        cmocka_unit_test_setup_teardown(roles_and_scopes_in_the_store, setup, teardown),
        cmocka_unit_test_setup_teardown(chief_tells_back, setup, teardown),
        cmocka_unit_test_setup_teardown(rate_counts_of_a_history, setup, teardown),
        cmocka_unit_test_setup_teardown(generated_history, setup, teardown),
    };
    return cmocka_run_group_tests(tests, unit_seeded_setup, unit_seeded_teardown);
}
