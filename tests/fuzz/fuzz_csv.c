/*
** fuzz_csv: src/csv.h on arbitrary bytes.
** 1. csv_record over the whole input, record after record: the length
**    never passes the buffer, the next record starts after this one's line
**    ending (LF or CRLF, or the end), *lines is 1 + the line feeds inside
**    the record, and reading always progresses. csv_split of each record at
**    ',' and tab gives 1 to 1 + (delimiters) fields, no longer in total
**    than the record. csv_guess_delim gives ',' or tab. The empty record,
**    as an empty strbuf holds it (NULL, 0), splits into one empty field.
** 2. A round trip: the input cut at NUL bytes into fields (a field of the
**    single byte 0xFF ends a row), written with csv_put (no flags) and
**    csv_end_row, then read back with csv_record + csv_split: the same
**    rows of the same fields, and nothing left over; a field
**    csv_formula_risk() finds (= + - @ tab CR first) comes back with the
**    leading ' csv_put() guards it with, and only such a field does.
*/
#include "fuzz.h"

#include "src/csv.h"

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

static void records(const char *buf, size_t n)
{
    struct strlist fields = STRLIST_INIT;
    if (n == 0) { /* the empty record as an empty strbuf holds it (what ledger.c splits) */
        csv_split(NULL, 0, ',', &fields);
        CHECK(fields.n == 1 && fields.v[0][0] == '\0');
    }
    size_t pos = 0;
    while (pos < n) {
        size_t next, unclosed;
        int lines;
        const char *rec = buf + pos;
        size_t len = csv_record(rec, n - pos, ',', &next, &lines, &unclosed);
        CHECK(unclosed <= len + 1 && (!unclosed || rec[unclosed - 1] == '"'));
        CHECK(len <= n - pos && next <= n - pos && next >= len && next > 0);
        CHECK(lines >= 1 && (size_t)lines == 1 + count_byte(rec, len, '\n'));
        if (next < n - pos || (!unclosed && rec[next - 1] == '\n')) {
            /* Ended by a line feed outside quotes. */
            CHECK(!unclosed && rec[next - 1] == '\n');
            CHECK(next == len + 1 || (next == len + 2 && rec[len] == '\r'));
        } else {
            CHECK(next == n - pos);
            CHECK(len == next || (len + 1 == next && rec[len] == '\r'));
        }
        static const char delims[] = {',', '\t'};
        for (size_t d = 0; d < sizeof delims; d++) {
            csv_split(rec, len, delims[d], &fields);
            CHECK(fields.n >= 1 && fields.n <= 1 + count_byte(rec, len, delims[d]));
            size_t total = 0;
            for (size_t i = 0; i < fields.n; i++)
                total += strlen(fields.v[i]);
            CHECK(total <= len);
        }
        char g = csv_guess_delim(rec, len);
        CHECK(g == ',' || g == '\t');
        pos += next;
    }
    strlist_free(&fields);
}

/* A row of fields as written, then read back. */
struct rows {
    struct strlist *v;
    size_t n;
};

static void round_trip(const char *data, size_t n)
{
    struct rows rows = {NULL, 0};
    struct strlist row = STRLIST_INIT;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && data[i] != '\0') continue;
        size_t len = i - start;
        int end_row = len == 1 && (unsigned char)data[start] == 0xFF;
        if (!end_row) {
            char *f = xstrndup(data + start, len);
            strlist_add(&row, f);
            free(f);
        }
        if ((end_row || i == n) && row.n) {
            rows.v = xrealloc(rows.v, (rows.n + 1) * sizeof *rows.v);
            rows.v[rows.n++] = row;
            row = (struct strlist)STRLIST_INIT;
        }
        start = i + 1;
    }
    strlist_free(&row);

    struct strbuf out = STRBUF_INIT;
    for (size_t r = 0; r < rows.n; r++) {
        for (size_t f = 0; f < rows.v[r].n; f++)
            csv_put(&out, rows.v[r].v[f], f == 0, 0);
        csv_end_row(&out);
    }

    struct strlist back = STRLIST_INIT;
    size_t pos = 0;
    for (size_t r = 0; r < rows.n; r++) {
        CHECK(pos < out.len);
        size_t next, unclosed;
        int lines;
        size_t len = csv_record(out.buf + pos, out.len - pos, ',', &next, &lines, &unclosed);
        CHECK(!unclosed);
        csv_split(out.buf + pos, len, ',', &back);
        CHECK(back.n == rows.v[r].n);
        for (size_t f = 0; f < back.n; f++) {
            const char *want = rows.v[r].v[f];
            /* A cell a spreadsheet would take for a formula comes back behind its guard. */
            int guard = csv_formula_risk(want) || csv_guarded(want);
            CHECK(csv_formula_risk(want) == (want[0] && strchr("=+-@\t\r", want[0]) != NULL));
            CHECK(!guard || back.v[f][0] == '\'');
            CHECK(strcmp(back.v[f] + guard, want) == 0);
            /* A reader takes the guard off again: the cell as it was written. */
            CHECK(csv_guarded(back.v[f]) == guard);
        }
        pos += next;
    }
    CHECK(pos == out.len);
    strlist_free(&back);
    strbuf_free(&out);
    for (size_t r = 0; r < rows.n; r++)
        strlist_free(&rows.v[r]);
    free(rows.v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    records((const char *)data, size);
    round_trip((const char *)data, size);
    return 0;
}
