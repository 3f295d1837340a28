/*
** fuzz_ledger: the ledger reader (src/ledger.h) over every kind of ledger
** the core defines, and each kind's row check. The first byte chooses the
** kind (bits 0-1: residents, catalogue, calendar, staff kinds; bit 4 set:
** posts) and the encoding (bits 2-3: detected, or forced UTF-8, GB18030,
** GBK); the rest is the file. Beyond "no crash, no leak, no UB" it checks that:
**   - a refused file says why, an opened one maps each column to a field
**     of its schema (or ignored/unknown) and back (ledger_column_of);
**   - rows come in file order: lines increase, raw bytes lie inside the
**     file, the offset never goes back nor past the end;
**   - a row has either a decode error or fields, and decoded fields are
**     valid UTF-8;
**   - a row check returns the number of problems it added, each on the
**     row's line; a good row gives a record that passes the rules again
**     (an ID number that parses, a date that parses, a limit > 0 ...).
** Staff kinds have no row check in src/ (app/import.c checks their
** columns): the harness applies the same core calls app/ledgers.c does.
*/
#include "fuzz.h"

#include "src/catalogue.h"
#include "src/date.h"
#include "src/idcard.h"
#include "src/post.h"
#include "src/ledger.h"
#include "src/resident.h"
#include "src/staff.h"
#include "src/text.h"
#include "src/validate.h"
#include "src/workcal.h"

static const struct ledger_schema *const schemas[] = {&ledger_residents, &ledger_catalogue,
                                                       &ledger_calendar, &ledger_staff_kinds};

/* The problems added since before are all on line. */
static void check_problems(const struct ledger_problems *p, size_t before, int added, int line)
{
    CHECK(added >= 0 && (size_t)added == p->n - before);
    for (size_t i = before; i < p->n; i++) {
        CHECK(p->v[i].line == line);
        CHECK(p->v[i].column != NULL);
        CHECK(p->v[i].reason != NULL && *p->v[i].reason);
    }
}

static void check_residents(const struct ledger *l, const struct ledger_row *row,
                            struct ledger_problems *p)
{
    struct resident r;
    int upgraded;
    size_t before = p->n;
    int bad = ledger_row_check(l, row, &r, &upgraded, p);
    check_problems(p, before, bad, row->line);
    if (bad == 0) {
        struct idcard id;
        CHECK(idcard_parse(r.id_number, &id) == IDCARD_OK);
        CHECK(strcmp(id.number, r.id_number) == 0 && !id.upgraded);
        CHECK(r.gender == 'M' || r.gender == 'F');
        struct date d;
        CHECK(date_parse(r.birth_date, &d) == DATE_OK);
        CHECK(text_is_line(r.name) && *r.name);
        CHECK(!*r.phone || strlen(r.phone) == 11);
    }
    resident_free(&r);
}

static void check_catalogue(const struct ledger *l, const struct ledger_row *row,
                            struct ledger_problems *p)
{
    struct service_item it;
    struct unit u;
    size_t before = p->n;
    int bad = catalogue_row_check(l, row, &it, &u, p);
    check_problems(p, before, bad, row->line);
    if (bad == 0) {
        CHECK(*it.code && text_is_line(it.code));
        CHECK(*it.name && *u.name && *it.category);
        CHECK(it.accept_minutes > 0);
        CHECK(it.resolve_unit == 'd' || it.resolve_unit == 'h');
    }
    service_item_free(&it);
    unit_free(&u);
}

static void check_calendar(const struct ledger *l, const struct ledger_row *row,
                           struct ledger_problems *p)
{
    struct calendar_day d;
    size_t before = p->n;
    int bad = calendar_row_check(l, row, &d, p);
    check_problems(p, before, bad, row->line);
    if (bad == 0) {
        struct date when;
        CHECK(strlen(d.day) == 10 && date_parse(d.day, &when) == DATE_OK);
        CHECK(d.working == 0 || d.working == 1);
        CHECK(text_is_line(d.name));
    }
    record_free(&calendar_day_record, &d);
}

/* A posts row: a good one names a post, a holder, and dates in order. */
static void check_posts(const struct ledger *l, const struct ledger_row *row,
                        struct ledger_problems *p)
{
    struct post post;
    struct staff staff;
    size_t before = p->n;
    int added = post_row_check(l, row, &post, &staff, p);
    check_problems(p, before, added, row->line);
    if (!added) {
        CHECK(post.kind >= 0 && post.kind < POST_KIND_COUNT);
        CHECK(*staff.name && *post.place_code && text_is_line(staff.name));
        CHECK(post_check_dates(post.start_on, post.end_on) == NULL);
        CHECK(*post.ref);
    }
    record_free(&post_record, &post);
    record_free(&staff_record, &staff);
}

/* The staff kinds' columns as app/ledgers.c declares them: field, flags, check, most characters. */
static void check_staff_kinds(const struct ledger *l, const struct ledger_row *row,
                              struct ledger_problems *p)
{
    static const struct {
        int column;
        unsigned norm;
        const char *(*check)(const char *);
        size_t max;
    } columns[] = {
        {SKF_CODE, TEXT_NORM_UPPER | TEXT_NORM_NOSPACE, validate_code, VALIDATE_CODE_MAX},
        {SKF_NAME, TEXT_NORM_PROSE, NULL, STAFF_KIND_NAME_MAX},
        {SKF_NOTE, TEXT_NORM_PROSE, NULL, STAFF_KIND_NOTE_MAX},
    };
    size_t before = p->n;
    int shape = ledger_row_shape(l, row, p);
    check_problems(p, before, shape, row->line);
    if (shape) return;
    for (size_t i = 0; i < ARRAY_LEN(columns); i++) {
        size_t had = p->n;
        char *raw = ledger_row_line(l, row, columns[i].column, p);
        if (!raw) {
            check_problems(p, had, 1, row->line);
            continue;
        }
        CHECK(p->n == had && text_is_line(raw));
        char *text = text_normalize(raw, columns[i].norm);
        CHECK(text_is_line(text));
        if (*text && columns[i].check && !columns[i].check(text))
            CHECK(text_chars(text) <= VALIDATE_CODE_MAX);
        free(text);
        free(raw);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const struct ledger_schema *schema = (data[0] & 16) ? &ledger_posts : schemas[data[0] & 3];
    int mode = (data[0] >> 2) & 3;
    static const enum codec forced[] = {CODEC_UTF8, CODEC_UTF8, CODEC_GB18030, CODEC_GBK};
    const char *file = (const char *)data + 1;
    size_t n = size - 1;

    struct ledger *l = NULL;
    char *err = NULL;
    if (ledger_open_buffer("fuzz.csv", file, n, schema, mode != 0, forced[mode], &l, &err) != 0) {
        CHECK(l == NULL && err != NULL && *err);
        free(err);
        return 0;
    }
    CHECK(l != NULL && err == NULL);
    CHECK(ledger_schema_of(l) == schema);
    if (mode) CHECK(ledger_codec(l) == forced[mode] && !ledger_detected(l));
    size_t ncol = ledger_columns(l);
    CHECK(ncol >= 1);
    for (size_t c = 0; c < ncol; c++) {
        CHECK(ledger_column_name(l, c) != NULL);
        int f = ledger_column_field(l, c);
        CHECK((f >= 0 && f < schema->nfields) || f == LEDGER_IGNORED || f == LEDGER_UNKNOWN ||
              f == LEDGER_TWICE);
        if (f >= 0 && f < schema->nfields) CHECK(ledger_column_of(l, f) == (int)c);
        /* A second column for a field: another column feeds the field its header names. */
        if (f == LEDGER_TWICE) {
            int named = ledger_schema_field(schema, ledger_column_name(l, c));
            CHECK(named >= 0 && named < schema->nfields && ledger_column_of(l, named) >= 0 &&
                  ledger_column_of(l, named) != (int)c);
        }
    }
    for (int f = 0; f < schema->nfields; f++) {
        int c = ledger_column_of(l, f);
        CHECK(c < (int)ncol);
        if (c >= 0) CHECK(ledger_column_field(l, (size_t)c) == f);
        CHECK(ledger_column_header(l, f) != NULL);
        (void)ledger_schema_secret(schema, f);
    }
    const char *missing = ledger_missing(l);
    (void)missing;

    struct ledger_row row;
    struct ledger_problems p = {0};
    int last_line = 1;
    /* A workbook's offsets count its sheet's XML, its rows' raw bytes are CSV made of the cells. */
    int workbook = ledger_sheet(l) != NULL;
    size_t end = workbook ? ledger_size(l) : n;
    size_t last_offset = ledger_offset(l);
    CHECK(last_offset <= end && (workbook || ledger_size(l) == n));
    while (ledger_next(l, &row)) {
        CHECK(row.line > last_line);
        last_line = row.line;
        CHECK(ledger_offset(l) >= last_offset && ledger_offset(l) <= end);
        CHECK(workbook || ledger_offset(l) > last_offset);
        last_offset = ledger_offset(l);
        CHECK(workbook || (row.raw >= file && row.raw_len > 0 && row.raw + row.raw_len <= file + n));
        if (row.decode_error) {
            CHECK(row.fields.n == 0 && row.decode_column >= 0);
        } else {
            CHECK(row.fields.n >= 1);
            for (size_t i = 0; i < row.fields.n; i++)
                CHECK(text_check_utf8(row.fields.v[i], strlen(row.fields.v[i]), NULL));
        }
        switch ((data[0] & 16) ? 4 : data[0] & 3) {
        case 0:
            check_residents(l, &row, &p);
            break;
        case 1:
            check_catalogue(l, &row, &p);
            break;
        case 2:
            check_calendar(l, &row, &p);
            break;
        case 3:
            check_staff_kinds(l, &row, &p);
            break;
        default:
            check_posts(l, &row, &p);
            break;
        }
    }
    CHECK(ledger_offset(l) == end);
    CHECK(ledger_next(l, &row) == 0);
    ledger_problems_free(&p);
    ledger_close(l);
    return 0;
}
