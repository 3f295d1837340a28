/*
** ledger: see ledger.h.
*/
#include "ledger.h"
#include "catalogue.h"
#include "date.h"
#include "i18n.h"
#include "idcard.h"
#include "phone.h"
#include "text.h"
#include "validate.h"
#include "volunteer.h"
#include "xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The headers people use, per field; the first is the one bangban writes. */
static const struct ledger_header resident_headers[] = {
    {LF_NAME, "姓名"},          {LF_NAME, "居民姓名"},    {LF_GENDER, "性别"},
    {LF_ETHNICITY, "民族"},     {LF_BIRTH, "出生日期"},   {LF_BIRTH, "出生年月"},
    {LF_BIRTH, "出生年月日"},   {LF_BIRTH, "生日"},       {LF_ID, "居民身份证号"},
    {LF_ID, "公民身份号码"},    {LF_ID, "身份证号"},      {LF_ID, "身份证号码"},
    {LF_ID, "居民身份证号码"},  {LF_ID, "身份证"},        {LF_ID, "证件号码"},
    {LF_ID, "身份证件号码"},    {LF_PHONE, "手机号"},     {LF_PHONE, "联系电话"},
    {LF_PHONE, "手机号码"},     {LF_PHONE, "手机"},       {LF_PHONE, "联系方式"},
    {LF_PHONE, "移动电话"},     {LF_PHONE, "电话"},       {LF_PHONE, "电话号码"},
    {LF_LANDLINE, "固定电话"},  {LF_LANDLINE, "座机"},    {LF_LANDLINE, "家庭电话"},
    {LF_COMMUNITY, "所属社区"}, {LF_COMMUNITY, "社区"},   {LF_COMMUNITY, "所在社区"},
    {LF_GRID, "所属网格"},      {LF_GRID, "网格"},        {LF_GRID, "所在网格"},
    {LF_ADDRESS, "住址"},       {LF_ADDRESS, "现住址"},   {LF_ADDRESS, "户籍地址"},
    {LF_ADDRESS, "地址"},       {LF_ADDRESS, "家庭住址"}, {LF_ADDRESS, "现居住地址"},
    {LF_ADDRESS, "居住地址"},   {LF_ADDRESS, "家庭地址"}, {LF_ADDRESS, "现居地址"},
    {LF_ADDRESS, "现居住地"},   {LF_ADDRESS, "居住地"},   {LF_TAGS, "人员标签"},
    {LF_TAGS, "标签"},          {LF_TAGS, "人员类别"},    {LF_TAGS, "人员类型"},
    {LF_NOTE, "备注"},          {LF_IGNORED, "序号"},
};

static const int resident_required[] = {LF_NAME, LF_ID};
static const int resident_secret[] = {LF_ID, LF_PHONE};

static const unsigned short resident_max[LF_COUNT] = {
    [LF_NAME] = RESIDENT_NAME_MAX,
    [LF_GENDER] = 4,
    [LF_ETHNICITY] = 10,
    [LF_BIRTH] = DATE_TEXT_MAX,
    [LF_ID] = 24,
    [LF_PHONE] = 20,
    [LF_LANDLINE] = 24,
    [LF_COMMUNITY] = 40,
    [LF_GRID] = 40,
    [LF_ADDRESS] = RESIDENT_ADDRESS_MAX,
    [LF_TAGS] = 200,
    [LF_NOTE] = RESIDENT_NOTE_MAX,
};

const struct ledger_schema ledger_residents = {resident_headers,
                                               ARRAY_LEN(resident_headers),
                                               LF_COUNT,
                                               resident_required,
                                               ARRAY_LEN(resident_required),
                                               resident_secret,
                                               ARRAY_LEN(resident_secret),
                                               resident_max};

struct ledger {
    const char *map;
    int mapped; /* map is the file mapped (unmap it), not a caller's buffer */
    size_t size;
    enum codec codec;
    int detected;
    size_t bom_len;
    size_t header_len; /* from after the BOM to the header's end: title lines above it too */
    int header_line;   /* the line (a workbook's row) the header is on */
    int title_lines;   /* records above it looked past as a title (a CSV's lines, blank ones
                          too; a workbook's rows that have a cell) */
    const char *eol;
    char delim;
    struct strlist header;
    const struct ledger_schema *schema;
    int *field_of; /* per column */
    int column_of[LEDGER_FIELDS_MAX];
    int second_of[LEDGER_FIELDS_MAX]; /* a second column for the field (LEDGER_TWICE), or -1 */
    size_t pos;
    size_t dropped; /* the mapped file's bytes before this are let go of (RSS stays small) */
    int line;
    int breaks; /* line breaks inside the cells of the records read: a spreadsheet's rows are
                 * the lines less these */
    struct codec_decoder *decoder;
    struct strbuf text;
    struct ledger_row row;    /* the last row read; its fields are reused */
    struct csv_cells cells;   /* the last row's fields, row.fields */
    struct strlist rejoined;  /* the last row's fields whose line breaks were made spaces */
    struct strlist sheet_row; /* a workbook's last row as read */
    /* A workbook: its reader, the BOM and header and the last row as CSV (for the rejects file). */
    struct xlsx *xlsx;
    int xlsx_failed; /* the sheet was damaged: the row that said so was the last */
    struct strbuf head, raw;
    size_t joined; /* cells whose line breaks were made spaces */
    /*
    ** The header's columns up to its last title, a rejects file's reason
    ** after it aside: a cell under a blank title past them (a rejects file
    ** keeps a row too wide so) is one too many, as one past the header is.
    */
    size_t named;
};

int ledger_schema_field(const struct ledger_schema *schema, const char *header)
{
    /* A title wrapped in its cell (公民身份⏎号码, Alt+Enter in Excel) is the title unwrapped. */
    char *unwrapped = xstrdup(header);
    size_t k = 0;
    for (const char *c = header; *c; c++)
        if (*c != '\r' && *c != '\n') unwrapped[k++] = *c;
    unwrapped[k] = '\0';
    char *h = text_normalize(unwrapped, TEXT_NORM_NOSPACE);
    free(unwrapped);
    /* The reasons bangban wrote into a rejects file: a re-import of it reads past them. */
    int f = str_eq(h, LEDGER_REASON_HEADER) ? LEDGER_IGNORED : LEDGER_UNKNOWN;
    for (size_t i = 0; i < schema->n; i++)
        if (str_eq(h, schema->headers[i].header)) {
            f = schema->headers[i].field;
            break;
        }
    free(h);
    return f;
}

int ledger_schema_secret(const struct ledger_schema *schema, int f)
{
    for (size_t i = 0; i < schema->nsecret; i++)
        if (schema->secret[i] == f) return 1;
    return 0;
}

const char *ledger_schema_header(const struct ledger_schema *schema, int f)
{
    for (size_t i = 0; i < schema->n; i++)
        if (schema->headers[i].field == f) return schema->headers[i].header;
    return "";
}

const struct ledger_schema *ledger_schema_of(const struct ledger *l)
{
    return l->schema;
}

const char *ledger_missing(const struct ledger *l)
{
    for (size_t i = 0; i < l->schema->nrequired; i++)
        if (ledger_column_of(l, l->schema->required[i]) < 0)
            return ledger_schema_header(l->schema, l->schema->required[i]);
    return NULL;
}

void ledger_row_take(const struct ledger *l, const struct ledger_row *row, int f, int required,
                     char **into, struct ledger_problems *p)
{
    char *v = ledger_row_line(l, row, f, p);
    if (!v) return;
    if (required && !*v)
        ledger_problem_add(p, row->line, ledger_column_header(l, f), xstrdup(_("is empty")));
    record_take(into, v); /* the trimmed copy is the field's own: not copied again */
}

enum ledger_field ledger_field_for(const char *header)
{
    return (enum ledger_field)ledger_schema_field(&ledger_residents, header);
}

const char *ledger_field_header(enum ledger_field f)
{
    return ledger_schema_header(&ledger_residents, (int)f);
}

/* Decode the record raw[0..n) into l->text. Returns 0 or -1 with *err set. */
static int decode(struct ledger *l, const char *raw, size_t n, struct codec_error *err)
{
    strbuf_reset(&l->text);
    if (l->codec == CODEC_UTF8) {
        struct text_pos bad;
        if (text_check_utf8(raw, n, &bad)) {
            strbuf_add(&l->text, raw, n);
            return 0;
        }
        memset(err, 0, sizeof *err);
        err->offset = bad.offset;
        err->line = bad.line;
        err->column = bad.column;
        err->codec = CODEC_UTF8;
        err->nbytes = 1;
        err->bytes[0] = (unsigned char)raw[bad.offset];
        uint32_t cp;
        err->truncated = utf8_decode(raw + bad.offset, n - bad.offset, &cp) == UTF8_INCOMPLETE;
        return -1;
    }
    codec_decoder_reset(l->decoder);
    return codec_decoder_feed(l->decoder, raw, n, 1, &l->text, err);
}

/* True when column i's header is the one bangban writes for field f (spaces ignored). */
static int header_own(const struct ledger *l, size_t i, int f)
{
    char *h = text_normalize(l->header.v[i], TEXT_NORM_NOSPACE);
    int own = str_eq(h, ledger_schema_header(l->schema, f));
    free(h);
    return own;
}

/* Note, for each field, the first column marked LEDGER_TWICE that names it too. */
static void seconds_note(struct ledger *l)
{
    for (int f = 0; f < LEDGER_FIELDS_MAX; f++)
        l->second_of[f] = -1;
    for (size_t i = 0; i < l->header.n; i++) {
        if (l->field_of[i] != LEDGER_TWICE) continue;
        int f = ledger_schema_field(l->schema, l->header.v[i]);
        if (f >= 0 && f < l->schema->nfields && l->column_of[f] >= 0 && l->second_of[f] < 0)
            l->second_of[f] = (int)i;
    }
}

/* The field column i feeds, or for a second column for a field (LEDGER_TWICE), that field. */
static int field_fed(const struct ledger *l, size_t i)
{
    if (l->field_of[i] != LEDGER_TWICE) return l->field_of[i];
    for (int f = 0; f < l->schema->nfields; f++)
        if (l->second_of[f] == (int)i) return f;
    return LEDGER_TWICE;
}

static void map_header(struct ledger *l)
{
    int nf = l->schema->nfields;
    for (int f = 0; f < LEDGER_FIELDS_MAX; f++)
        l->column_of[f] = -1;
    l->field_of = xcalloc(l->header.n ? l->header.n : 1, sizeof *l->field_of);
    for (size_t i = 0; i < l->header.n; i++) {
        int f = ledger_schema_field(l->schema, l->header.v[i]);
        /*
        ** Two columns for one field (联系方式 and 手机号): the one under the
        ** header bangban writes feeds it, else the first; the other is
        ** reported, and read only in a row where the first is empty.
        */
        if (f < nf && l->column_of[f] >= 0) {
            int had = l->column_of[f];
            if (!header_own(l, i, f) || header_own(l, (size_t)had, f)) {
                l->field_of[i] = LEDGER_TWICE;
                continue;
            }
            l->field_of[had] = LEDGER_TWICE;
        }
        if (f < nf) l->column_of[f] = (int)i;
        l->field_of[i] = f;
    }
    l->named = 0;
    for (size_t i = 0; i < l->header.n; i++)
        if (!text_blank(l->header.v[i]) && l->field_of[i] != LEDGER_IGNORED) l->named = i + 1;
    for (size_t i = l->named; i < l->header.n; i++)
        if (text_blank(l->header.v[i])) l->field_of[i] = LEDGER_IGNORED;
    seconds_note(l);
}

/*
** What a line break in a cell of a field becomes: kept (a note, shown in
** several rows in its form); 、 between the items of a list, one per line
** (办理材料, 技能特长, 人员标签); in every other field a space, or nothing
** between two Chinese characters (a name or an address broken with
** Alt+Enter: 滨江国际\n大厦 is 滨江国际大厦, as Chinese puts no space there).
*/
enum break_as { BREAK_JOIN, BREAK_KEEP, BREAK_LIST };
static const struct {
    const struct ledger_schema *schema;
    int field;
    enum break_as as;
} break_fields[] = {
    {&ledger_residents, LF_NOTE, BREAK_KEEP},
    {&ledger_residents, LF_TAGS, BREAK_LIST},
    {&ledger_catalogue, CF_MATERIALS, BREAK_LIST},
    {&ledger_volunteers, VF_SKILLS, BREAK_LIST},
};

/* What the line breaks of a cell of field f of schema become. */
static enum break_as field_breaks(const struct ledger_schema *schema, int f)
{
    for (size_t i = 0; i < ARRAY_LEN(break_fields); i++)
        if (break_fields[i].schema == schema && break_fields[i].field == f)
            return break_fields[i].as;
    return BREAK_JOIN;
}

/*
** Whether cp is written without spaces around it (Han characters, kana,
** Hangul, CJK and full-width punctuation): by its code, not the locale.
*/
static int cp_cjk(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The character ending s[0..n) into *cp: 1, or 0 when there is none (or it is not UTF-8). */
static int last_cp(const char *s, size_t n, uint32_t *cp)
{
    if (!n) return 0;
    size_t at = n - 1; /* back to the start of the last character */
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
        at--;
    return utf8_decode(s + at, n - at, cp) >= 1;
}

/* Whether the character ending s[0..n) and the one starting t are both Chinese (cp_cjk()). */
static int wide_on_both_sides(const char *s, size_t n, const char *t)
{
    uint32_t before, after;
    return last_cp(s, n, &before) && utf8_decode(t, strlen(t), &after) >= 1 && cp_cjk(before) &&
           cp_cjk(after);
}

/* Whether s[0..n) ends in a list's separator (、，,；;/): a break adds no second one. */
static int ends_separated(const char *s, size_t n)
{
    uint32_t cp;
    return last_cp(s, n, &cp) && cp != ' ' && text_is_list_separator(cp);
}

/*
** cell with each line break (CRLF, CR or LF, with the spaces around it)
** made one space, or nothing between two Chinese characters; in a list
** (as BREAK_LIST) made 、.
*/
static char *breaks_joined(const char *cell, enum break_as as)
{
    struct strbuf sb = STRBUF_INIT;
    for (const char *p = cell; *p;) {
        if (*p != '\r' && *p != '\n') {
            strbuf_addc(&sb, *p++);
            continue;
        }
        while (sb.len && (sb.buf[sb.len - 1] == ' ' || sb.buf[sb.len - 1] == '\t'))
            sb.len--;
        while (*p == '\r' || *p == '\n' || *p == ' ' || *p == '\t')
            p++;
        if (!sb.len || !*p) continue; /* a break before the first line or after the last */
        if (as == BREAK_LIST && !ends_separated(sb.buf, sb.len))
            strbuf_adds(&sb, "、");
        else if (as == BREAK_LIST)
            continue; /* 身份证、⏎户口簿: the line's own separator stands */
        else if (!wide_on_both_sides(sb.buf, sb.len, p))
            strbuf_addc(&sb, ' ');
    }
    return strbuf_detach(&sb);
}

/* cell with its line breaks as line feeds (CRLF and a lone CR too). */
static char *breaks_unified(const char *cell)
{
    struct strbuf sb = STRBUF_INIT;
    for (const char *p = cell; *p; p++) {
        if (*p == '\r') {
            strbuf_addc(&sb, '\n');
            if (p[1] == '\n') p++;
        } else {
            strbuf_addc(&sb, *p);
        }
    }
    return strbuf_detach(&sb);
}

/*
** The cells of a row that a field of one line takes, their line breaks
** joined into spaces (counted in l->joined); a multi-line field's kept.
** The changed cells are kept in l->rejoined.
*/
static void join_breaks(struct ledger *l, struct csv_cells *fields)
{
    strlist_clear(&l->rejoined);
    for (size_t i = 0; i < fields->n && i < l->header.n; i++) {
        int f = field_fed(l, i);
        if (f < 0 || f >= l->schema->nfields || !strpbrk(fields->v[i], "\r\n")) continue;
        enum break_as as = field_breaks(l->schema, f);
        strlist_add_take(&l->rejoined, as == BREAK_KEEP ? breaks_unified(fields->v[i])
                                                        : breaks_joined(fields->v[i], as));
        l->joined += as != BREAK_KEEP;
        fields->v[i] = l->rejoined.v[l->rejoined.n - 1];
    }
}

/*
** Undo the guard CSV exports put before a cell that starts as a formula
** would (csv_put(): '=1号楼 for =1号楼), so a file bangban wrote reads back
** as it was. Excel writes such a cell bare, so only its own files have it.
*/
static void cells_unguard(struct csv_cells *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (csv_guarded(c->v[i])) c->v[i]++;
}

/* Whether s is digits, and perhaps a last X (an ID number, a phone, a code kept as text). */
static int number_like(const char *s)
{
    size_t n = strspn(s, "0123456789");
    return n > 0 && (!s[n] || ((s[n] == 'X' || s[n] == 'x') && !s[n + 1]));
}

/*
** Undo what other programs put around a cell to keep it text: ="0123"
** (a formula giving the text, as many systems export) and, before a
** number, '0123 (as typed into Excel, kept by some exports): the text
** itself is meant.
*/
static void cells_untext(struct csv_cells *c)
{
    for (size_t i = 0; i < c->n; i++) {
        char *v = c->v[i];
        if (v[0] != '=' && v[0] != '\'') continue; /* most cells: nothing to measure */
        size_t n = strlen(v);
        if (n > 3 && v[0] == '=' && v[1] == '"' && v[n - 1] == '"') {
            v[n - 1] = '\0';
            if (!strchr(v + 2, '"'))
                c->v[i] = v + 2;
            else
                v[n - 1] = '"';
        } else if (v[0] == '\'' && number_like(v + 1)) {
            c->v[i] = v + 1;
        }
    }
}

/*
** Each cell without the spaces around it (ASCII, U+3000 and the tab our
** exports put before a number): 「在册 」 is 在册 to every kind, whether its
** check normalises the cell or reads it as it is.
*/
static void cells_trim(struct csv_cells *c)
{
    for (size_t i = 0; i < c->n; i++) {
        size_t from, to;
        text_trim_span(c->v[i], strlen(c->v[i]), &from, &to);
        c->v[i][to] = '\0';
        c->v[i] += from;
    }
}

/* The last row's fields, from l->cells. */
static void row_fields(struct ledger *l)
{
    l->row.fields.v = l->cells.v;
    l->row.fields.n = l->cells.n;
}

/* cells as one CSV record onto out: what a workbook's row is in a rejects file. */
static void cells_csv(char *const *cells, size_t n, struct strbuf *out)
{
    for (size_t i = 0; i < n; i++)
        csv_put(out, cells[i], i == 0, CSV_TEXT);
}

/*
** Whether the row just read as the header is the header, below rows read
** before it that were each all title (*titles: none had two cells with
** text). It is when it has every column the kind needs; or, below a title,
** when it has two cells with text or more and one of them names a column
** of the kind (a header whose other names --map or F9 map, or one lacking
** a column, which is then said). Updates *titles with this row.
*/
static int header_found(const struct ledger *l, int *titles)
{
    size_t cells = 0, known = 0;
    for (size_t i = 0; i < l->header.n; i++) {
        cells += !text_blank(l->header.v[i]);
        known += l->field_of[i] < l->schema->nfields;
    }
    int found = !ledger_missing(l) || (*titles && cells >= 2 && known >= 1);
    *titles = *titles && cells <= 1;
    return found;
}

/* Read the sheet's next row into the header, each column mapped. 1, 0 at the sheet's end, -1. */
static int sheet_header_next(struct ledger *l, int *row, char **err)
{
    int rc = xlsx_next(l->xlsx, &l->header, row, err);
    if (rc != 1) return rc;
    while (l->header.n && !*l->header.v[l->header.n - 1]) /* cells left empty at its end */
        free(l->header.v[--l->header.n]);
    free(l->field_of);
    map_header(l);
    return 1;
}

/*
** The first row lacks a column the kind needs: when one of the next
** LEDGER_TITLE_LINES rows is the header (header_found()), it is (*row its
** number) and what is above it a title. Else the sheet is opened again and
** its first row is the header, as it was. Returns 1, or -1 with *err.
*/
static int sheet_header_below_title(struct ledger *l, const char *path, int *row, char **err)
{
    int titles = 1;
    header_found(l, &titles); /* the first row: all title? */
    for (int i = 0; i < LEDGER_TITLE_LINES; i++) {
        char *why = NULL;
        if (sheet_header_next(l, row, &why) != 1) {
            free(why);
            break;
        }
        if (header_found(l, &titles)) {
            l->title_lines = i + 1;
            return 1;
        }
    }
    char *sheet = xstrdup(xlsx_sheet_name(l->xlsx));
    xlsx_close(l->xlsx);
    l->xlsx = NULL;
    int rc = xlsx_open(path, l->map, l->size, sheet, &l->xlsx, err);
    free(sheet);
    if (rc == 0) rc = sheet_header_next(l, row, err);
    return rc == 1 ? 1 : -1;
}

/* Stand before the first row under the header of a workbook's sheet. Frees l on failure. */
static int workbook_start(struct ledger *l, const char *path, const char *sheet,
                          struct ledger **out, char **err)
{
    l->codec = CODEC_UTF8;
    l->detected = 1;
    l->delim = ',';
    l->eol = "\r\n";
    int row = 0;
    int rc = xlsx_open(path, l->map, l->size, sheet, &l->xlsx, err);
    if (rc == 0) rc = sheet_header_next(l, &row, err);
    if (rc == 0) *err = xasprintf(_("%s: the sheet %s is empty"), path, xlsx_sheet_name(l->xlsx));
    if (rc == 1 && ledger_missing(l)) rc = sheet_header_below_title(l, path, &row, err);
    if (rc != 1) {
        ledger_close(l);
        return -1;
    }
    if (l->header.n > LEDGER_COLUMNS_MAX) {
        *err = xasprintf(_("the header of %s has %zu columns: at most %u"), path, l->header.n,
                         LEDGER_COLUMNS_MAX);
        ledger_close(l);
        return -1;
    }
    strbuf_adds(&l->head, "\xEF\xBB\xBF");
    cells_csv(l->header.v, l->header.n, &l->head);
    l->header_line = row;
    l->line = row;
    *out = l;
    return 0;
}

/*
** True when every cell of v[0..n) is empty or spaces but in columns that
** carry nothing (序号, a rejects file's reason): a row Excel or WPS writes
** as bare separators for cleared cells (,,,,), a template's numbered empty
** rows, a rejects file's line holding a reason alone; read past as a blank
** line is.
*/
static int row_blank(const struct ledger *l, char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!text_blank(v[i]) && (i >= l->header.n || l->field_of[i] != LEDGER_IGNORED)) return 0;
    return 1;
}

/* ledger_next() of a workbook: the sheet's next row that has a cell that is not blank. */
static int workbook_next(struct ledger *l, struct ledger_row *row)
{
    struct ledger_row *r = &l->row;
    char *why = NULL;
    if (l->xlsx_failed) return 0;
    int rc;
    do
        rc = xlsx_next(l->xlsx, &l->sheet_row, &r->line, &why);
    while (rc == 1 && row_blank(l, l->sheet_row.v, l->sheet_row.n));
    if (rc == 0) return 0;
    free(r->decode_error);
    r->decode_error = NULL;
    r->decode_column = 0;
    strbuf_reset(&l->raw);
    csv_cells_clear(&l->cells);
    r->lines = 1;
    if (rc < 0) {
        l->xlsx_failed = 1;
        r->line = l->line + 1;
        r->decode_error = why;
    } else {
        for (size_t i = 0; i < l->sheet_row.n; i++)
            csv_cells_add(&l->cells, l->sheet_row.v[i], strlen(l->sheet_row.v[i]));
        while (l->cells.n < l->header.n) /* Excel leaves out the empty cells at a row's end */
            csv_cells_add(&l->cells, "", 0);
        cells_trim(&l->cells);
        cells_csv(l->cells.v, l->cells.n, &l->raw);
        if (r->line <= l->line) r->line = l->line + 1; /* rows out of order: numbered on */
        if (l->raw.len > LEDGER_RECORD_MAX) {
            r->decode_error = xasprintf(_("the row is %zu KB long: at most %u KB"),
                                        l->raw.len / 1024, LEDGER_RECORD_MAX / 1024);
            csv_cells_clear(&l->cells);
        } else {
            join_breaks(l, &l->cells);
        }
        l->line = r->line;
    }
    row_fields(l);
    r->raw = l->raw.buf ? l->raw.buf : "";
    r->raw_len = l->raw.len;
    *row = *r;
    return 1;
}

/*
** Read the record at offset at (from the map's start) as the header:
** split at the delimiter it shows, each column mapped, header_len up to
** its end. Returns 0; 1 when the record is longer than a header may be;
** 2 when it cannot be decoded (*derr says where); 3 when it has more
** columns than a header may.
*/
static int csv_header_at(struct ledger *l, size_t at, size_t *next, int *lines,
                         struct codec_error *derr)
{
    size_t unclosed;
    size_t len = csv_record(l->map + at, l->size - at, 0, next, lines, &unclosed);
    l->header_len = at - l->bom_len + len;
    if (len > LEDGER_HEADER_MAX) return 1;
    if (decode(l, l->map + at, len, derr) != 0) return 2;
    l->delim = csv_guess_delim(l->map + at, len);
    csv_split(l->text.buf, l->text.len, l->delim, &l->header);
    if (l->header.n > LEDGER_COLUMNS_MAX) return 3;
    free(l->field_of);
    map_header(l);
    return 0;
}

/*
** The first record lacks a column the kind needs: when one of the next
** LEDGER_TITLE_LINES is the header (header_found()), it is and what is
** above it a title (和平区居民信息登记表). first_next and first_lines: the
** first record's. Returns 1 with l standing below that header; 0 with the
** first record the header again, as it was.
*/
static int csv_header_below_title(struct ledger *l, size_t first_next, int first_lines)
{
    size_t at = l->bom_len + first_next, next;
    int line = 1 + first_lines, lines;
    struct codec_error derr;
    int titles = 1;
    header_found(l, &titles); /* the first record: all title? */
    for (int i = 0; i < LEDGER_TITLE_LINES && at < l->size; i++) {
        if (csv_header_at(l, at, &next, &lines, &derr) != 0) break;
        if (header_found(l, &titles)) {
            l->header_line = line;
            l->title_lines = i + 1;
            l->pos = at + next;
            l->line = line + lines;
            return 1;
        }
        at += next;
        line += lines;
    }
    csv_header_at(l, l->bom_len, &next, &lines, &derr); /* read before: it reads again */
    return 0;
}

/* Detect the encoding, read the header, and stand before the first record. Frees l on failure. */
static int ledger_start(struct ledger *l, const char *path, const char *sheet,
                        const struct ledger_schema *schema, int forced, enum codec codec,
                        struct ledger **out, char **err)
{
    const char *map = l->map;
    l->schema = schema;
    enum xlsx_kind kind = xlsx_sniff(map, l->size);
    if (kind == XLSX_ZIP) return workbook_start(l, path, sheet, out, err);
    if (kind != XLSX_NONE || sheet) {
        *err = kind == XLSX_XLS
                   ? xasprintf(_("%s is an Excel 97-2003 workbook (.xls), which bangban does not "
                                 "read: open it in Excel or WPS and save it as .xlsx or CSV"),
                               path)
               : kind == XLSX_LOCKED
                   ? xasprintf(_("%s is a workbook protected by a password, which bangban cannot "
                                 "read: open it in Excel or WPS, remove the password (or save it "
                                 "as CSV) and import that"),
                               path)
                   : xasprintf(_("%s is not a workbook: --sheet is for .xlsx files"), path);
        ledger_close(l);
        return -1;
    }
    if (l->size >= 5 && memcmp(map, "%PDF-", 5) == 0) {
        *err = xasprintf(_("%s is a PDF document, not a ledger: import the ledger itself (a CSV "
                           "file or an Excel workbook)"),
                         path);
        ledger_close(l);
        return -1;
    }
    if (l->size >= 2 &&
        ((map[0] == '\xFF' && map[1] == '\xFE') || (map[0] == '\xFE' && map[1] == '\xFF'))) {
        *err = xasprintf(_("%s is UTF-16 (Excel's \"Unicode text\"): save it from Excel as "
                           "\"CSV UTF-8\" and import that"),
                         path);
        ledger_close(l);
        return -1;
    }
    size_t bom;
    enum codec found = codec_detect(map, l->size, &bom);
    l->detected = !forced;
    l->codec = forced ? codec : found;
    /* A BOM is skipped only when it belongs to the encoding in use. */
    l->bom_len = (l->codec == found || (found == CODEC_GB18030 && l->codec == CODEC_GBK)) ? bom : 0;
    /* A BOM and nothing after it: what Excel saves of an empty sheet. */
    if (bom && bom == l->size) {
        *err = xasprintf(_("%s is empty"), path);
        ledger_close(l);
        return -1;
    }
    l->decoder = l->codec == CODEC_UTF8 ? NULL : codec_decoder_new(l->codec);

    size_t next;
    int lines;
    struct codec_error derr;
    int rc = csv_header_at(l, l->bom_len, &next, &lines, &derr);
    if (rc == 1) {
        *err = xasprintf(_("the first line of %s is %zu KB long, not a header of column names "
                           "(at most %u KB)"),
                         path, l->header_len / 1024, LEDGER_HEADER_MAX / 1024);
        ledger_close(l);
        return -1;
    }
    if (rc == 2) {
        char *why = codec_error_message(&derr);
        *err = xasprintf(_("the header of %s cannot be read as %s: %s"), path, codec_name(l->codec),
                         why);
        free(why);
        ledger_close(l);
        return -1;
    }
    if (rc == 3) {
        *err = xasprintf(_("the header of %s has %zu columns: at most %u"), path, l->header.n,
                         LEDGER_COLUMNS_MAX);
        ledger_close(l);
        return -1;
    }
    l->eol = next > l->header_len + 1 ? "\r\n" : "\n";
    l->header_line = 1;
    if (ledger_missing(l) && csv_header_below_title(l, next, lines)) {
        *out = l;
        return 0;
    }
    l->pos = l->bom_len + next; /* the first record */
    l->line = 1 + lines;
    *out = l;
    return 0;
}

int ledger_open(const char *path, const struct ledger_schema *schema, int forced, enum codec codec,
                struct ledger **out, char **err)
{
    return ledger_open_sheet(path, NULL, schema, forced, codec, out, err);
}

int ledger_open_sheet(const char *path, const char *sheet, const struct ledger_schema *schema,
                      int forced, enum codec codec, struct ledger **out, char **err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        *err = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
        return -1;
    }
    struct stat st;
    int known = fstat(fd, &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        *err = xasprintf(_("%s is a folder: name the ledger file in it"), path);
        close(fd);
        return -1;
    }
    if (!known || st.st_size == 0) {
        *err = xasprintf(_("%s is empty"), path);
        close(fd);
        return -1;
    }
    char *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        *err = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
        return -1;
    }
    struct ledger *l = xcalloc(1, sizeof *l);
    l->map = map;
    l->mapped = 1;
    l->size = (size_t)st.st_size;
    return ledger_start(l, path, sheet, schema, forced, codec, out, err);
}

int ledger_open_buffer(const char *name, const char *data, size_t size,
                       const struct ledger_schema *schema, int forced, enum codec codec,
                       struct ledger **out, char **err)
{
    *out = NULL;
    if (size == 0) {
        *err = xasprintf(_("%s is empty"), name);
        return -1;
    }
    struct ledger *l = xcalloc(1, sizeof *l);
    l->map = data;
    l->size = size;
    return ledger_start(l, name, NULL, schema, forced, codec, out, err);
}

void ledger_close(struct ledger *l)
{
    if (!l) return;
    if (l->mapped) munmap((void *)(uintptr_t)l->map, l->size);
    codec_decoder_free(l->decoder);
    xlsx_close(l->xlsx);
    strbuf_free(&l->head);
    strbuf_free(&l->raw);
    strbuf_free(&l->text);
    strlist_free(&l->header);
    csv_cells_free(&l->cells);
    strlist_free(&l->rejoined);
    strlist_free(&l->sheet_row);
    free(l->row.decode_error);
    free(l->field_of);
    free(l);
}

enum codec ledger_codec(const struct ledger *l)
{
    return l->codec;
}

int ledger_detected(const struct ledger *l)
{
    return l->detected;
}

size_t ledger_columns(const struct ledger *l)
{
    return l->header.n;
}

const char *ledger_column_name(const struct ledger *l, size_t i)
{
    return l->header.v[i];
}

int ledger_column_field(const struct ledger *l, size_t i)
{
    return l->field_of[i];
}

int ledger_column_of(const struct ledger *l, int f)
{
    return f >= 0 && f < LEDGER_FIELDS_MAX ? l->column_of[f] : -1;
}

/* Row's cell in column c, or "" when there is none. */
static const char *cell_of(const struct ledger_row *row, int c)
{
    return c >= 0 && (size_t)c < row->fields.n ? row->fields.v[c] : "";
}

const char *ledger_value_of(const struct ledger *l, const struct ledger_row *row, int f)
{
    const char *v = cell_of(row, ledger_column_of(l, f));
    /* Empty here, a second column for the field may hold it (身份证 empty, 公民身份号码 not). */
    if (f >= 0 && f < LEDGER_FIELDS_MAX && l->second_of[f] >= 0 && text_blank(v))
        return cell_of(row, l->second_of[f]);
    return v;
}

const char *ledger_column_header(const struct ledger *l, int f)
{
    int c = ledger_column_of(l, f);
    return c >= 0 ? l->header.v[c] : ledger_schema_header(l->schema, f);
}

int ledger_map_column(struct ledger *l, size_t i, int f)
{
    if (i >= l->header.n || (f != LEDGER_IGNORED && (f < 0 || f >= l->schema->nfields))) return -1;
    int was = l->field_of[i];
    if (was >= 0 && was < l->schema->nfields && l->column_of[was] == (int)i) l->column_of[was] = -1;
    if (f != LEDGER_IGNORED) {
        if (l->column_of[f] >= 0) l->field_of[l->column_of[f]] = LEDGER_IGNORED;
        l->column_of[f] = (int)i;
    }
    l->field_of[i] = f;
    seconds_note(l);
    return 0;
}

int ledger_map_text(struct ledger *l, const char *mapping, char **err)
{
    const char *eq = strchr(mapping, '=');
    if (!eq) {
        *err = xasprintf(_("--map %s: write HEADER=COLUMN, such as 家庭电话=手机号"), mapping);
        return -1;
    }
    char *header = xstrndup(mapping, (size_t)(eq - mapping));
    char *h = text_normalize(header, TEXT_NORM_NOSPACE);
    char *target = text_normalize(eq + 1, TEXT_NORM_NOSPACE);
    int f = *target ? ledger_schema_field(l->schema, target) : LEDGER_IGNORED;
    int col = -1;
    for (size_t i = 0; i < l->header.n && col < 0; i++) {
        char *name = text_normalize(l->header.v[i], TEXT_NORM_NOSPACE);
        if (str_eq(name, h)) col = (int)i;
        free(name);
    }
    int rc = -1;
    if (col < 0)
        *err = xasprintf(_("--map %s: the ledger has no column %s"), mapping, header);
    else if (f == LEDGER_UNKNOWN)
        *err = xasprintf(_("--map %s: %s is not a column bangban knows for this ledger"), mapping,
                         target);
    else
        rc = ledger_map_column(l, (size_t)col, f);
    free(header);
    free(h);
    free(target);
    return rc;
}

/* The reason column of l's header when it is the last one, else -1. */
static int reason_column(const struct ledger *l)
{
    if (!l->header.n) return -1;
    char *h = text_normalize(l->header.v[l->header.n - 1], TEXT_NORM_NOSPACE);
    int last = str_eq(h, LEDGER_REASON_HEADER);
    free(h);
    return last ? (int)l->header.n - 1 : -1;
}

/* text (UTF-8) in l's encoding onto out; a character the encoding has no code for becomes ?. */
static void encode_into(const struct ledger *l, const char *text, struct strbuf *out)
{
    if (l->codec == CODEC_UTF8) {
        strbuf_adds(out, text);
        return;
    }
    struct codec_error e;
    size_t n = strlen(text);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(text + i, n - i, &cp);
        if (len < 1) len = 1;
        size_t before = out->len;
        if (codec_encode(l->codec, text + i, (size_t)len, out, &e) != 0) {
            out->len = before;
            strbuf_addc(out, '?');
        }
        i += (size_t)len;
    }
}

/* One cell, quoted, guarded against formulas, in l's encoding, with the delimiter before it. */
static void reason_cell(const struct ledger *l, const char *text, struct strbuf *out)
{
    strbuf_addc(out, l->delim);
    strbuf_addc(out, '"');
    if (csv_formula_risk(text)) strbuf_addc(out, '\'');
    struct strbuf quoted = STRBUF_INIT;
    for (const char *p = text; *p; p++) {
        if (*p == '"') strbuf_addc(&quoted, '"');
        strbuf_addc(&quoted, *p);
    }
    encode_into(l, strbuf_str(&quoted), out);
    strbuf_free(&quoted);
    strbuf_addc(out, '"');
}

/*
** One refused row: its bytes (without an old reason), empty cells up to the
** header's, its reason. A row whose quote is left open takes every byte
** after the quote into its cell, a reason written after it too: its reason
** goes on a line of its own above it, blank but for the reason (read past
** when the file is imported again), and the row's bytes follow as they are.
*/
static void reject_line(const struct ledger *l, int kept, size_t ncols, const char *raw, size_t len,
                        const char *reason, struct strbuf *out)
{
    if (kept >= 0) len = csv_column_delim(raw, len, l->delim, kept);
    size_t next, unclosed;
    int lines;
    csv_record(raw, len, l->delim, &next, &lines, &unclosed);
    if (unclosed) {
        for (size_t c = 1; c < ncols; c++)
            strbuf_addc(out, l->delim);
        reason_cell(l, reason ? reason : "", out);
        strbuf_adds(out, l->eol);
        strbuf_add(out, raw, len);
        if (!len || raw[len - 1] != '\n') strbuf_adds(out, l->eol);
        return;
    }
    strbuf_add(out, raw, len);
    for (size_t c = (size_t)csv_column_at(raw, len, l->delim) + 1; c < ncols; c++)
        strbuf_addc(out, l->delim);
    reason_cell(l, reason ? reason : "", out);
    strbuf_adds(out, l->eol);
}

/*
** The columns of a rejects file before its reasons: the header's, or as
** many as the widest row has (a row with too many columns), so that every
** reason stands under 错误原因. A file read again (kept >= 0) is cut there.
*/
static size_t reject_columns(const struct ledger *l, int kept, char *const *rows,
                             const size_t *lens, size_t n)
{
    if (kept >= 0) return (size_t)kept;
    size_t ncols = l->header.n;
    for (size_t i = 0; i < n; i++) {
        size_t next, unclosed;
        int lines;
        csv_record(rows[i], lens[i], l->delim, &next, &lines, &unclosed);
        size_t cols = unclosed ? 0 : (size_t)csv_column_at(rows[i], lens[i], l->delim) + 1;
        if (cols > ncols) ncols = cols;
    }
    return ncols;
}

int ledger_write_rejects(const struct ledger *l, const char *path, char *const *rows,
                         const size_t *lens, char *const *reasons, size_t n, char **err)
{
    struct outfile o;
    int fd = outfile_open(&o, path, 1);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        char *why = util_errno_text(errno);
        *err = xasprintf(_("cannot write the rejects file %s: %s"), path, why);
        free(why);
        if (fd >= 0) {
            close(fd);
            outfile_abort(&o);
        }
        return -1;
    }
    int kept = reason_column(l);
    struct strbuf sb = STRBUF_INIT;
    if (l->xlsx) { /* the BOM, then the header */
        strbuf_add(&sb, l->head.buf, l->head.len);
    } else {
        /* UTF-8 with a BOM, which the ledger may lack: without it Excel reads the file as GBK. */
        if (l->codec == CODEC_UTF8 && !l->bom_len) strbuf_adds(&sb, "\xEF\xBB\xBF");
        strbuf_add(&sb, l->map, l->bom_len + l->header_len);
    }
    size_t ncols = reject_columns(l, kept, rows, lens, n);
    if (kept < 0) {
        for (size_t c = l->header.n; c <= ncols; c++)
            strbuf_addc(&sb, l->delim);
        encode_into(l, LEDGER_REASON_HEADER, &sb);
    }
    strbuf_adds(&sb, l->eol);
    fwrite(sb.buf, 1, sb.len, f);
    for (size_t i = 0; i < n; i++) {
        strbuf_reset(&sb);
        reject_line(l, kept, ncols, rows[i], lens[i], reasons[i], &sb);
        fwrite(sb.buf, 1, sb.len, f);
    }
    strbuf_free(&sb);
    int ok = fflush(f) == 0 && !ferror(f);
    ok = fclose(f) == 0 && ok;
    if (!ok || outfile_commit(&o) != 0) {
        char *why = util_errno_text(errno);
        *err = xasprintf(_("cannot write the rejects file %s: %s"), path, why);
        free(why);
        if (!ok) outfile_abort(&o);
        return -1;
    }
    return 0;
}

void ledger_merge(const struct ledger *l, const struct resident *from, struct resident *into)
{
    const int *has = l->column_of;
    if (has[LF_NAME] >= 0) record_set(&into->name, from->name);
    if (has[LF_GENDER] >= 0 || !into->gender) into->gender = from->gender;
    /*
    ** A blank cell keeps what is on file: a ledger's gaps are things not
    ** known to whoever filled it (a household's address in one merged
    ** cell, a survey of phones), never a request to erase.
    */
    if (has[LF_ETHNICITY] >= 0 && *from->ethnicity) record_set(&into->ethnicity, from->ethnicity);
    if (has[LF_BIRTH] >= 0 || !*into->birth_date) record_set(&into->birth_date, from->birth_date);
    if (has[LF_PHONE] >= 0 && *from->phone) record_set(&into->phone, from->phone);
    if (*from->landline) record_set(&into->landline, from->landline);
    if (has[LF_ADDRESS] >= 0 && *from->address) record_set(&into->address, from->address);
    if (has[LF_NOTE] >= 0 && *from->note) record_set(&into->note, from->note);
    /*
    ** A grid column says both; a community column alone keeps the grid on
    ** file while the community is the same, and drops it with the
    ** community it belonged to.
    */
    int same_community = from->community_id ? from->community_id == into->community_id
                                            : str_eq(from->community, into->community);
    int placed = *from->community || *from->grid || from->community_id || from->grid_id;
    if (placed && (has[LF_GRID] >= 0 || (has[LF_COMMUNITY] >= 0 && !same_community))) {
        into->community_id = from->community_id;
        into->grid_id = from->grid_id;
        record_set(&into->community, from->community_id ? "" : from->community);
        record_set(&into->grid, from->grid_id ? "" : from->grid);
    }
    record_take(&into->tags, resident_tags_union(into->tags, from->tags));
}

const char *ledger_value(const struct resident *r, enum ledger_field f)
{
    switch (f) {
    case LF_NAME:
        return r->name;
    case LF_GENDER:
        return r->gender == 'M' ? "男" : r->gender == 'F' ? "女" : "";
    case LF_ETHNICITY:
        return r->ethnicity;
    case LF_BIRTH:
        return r->birth_date;
    case LF_ID:
        return r->id_number;
    case LF_PHONE:
        return r->phone;
    case LF_LANDLINE:
        return r->landline;
    case LF_COMMUNITY:
        return r->community;
    case LF_GRID:
        return r->grid;
    case LF_ADDRESS:
        return r->address;
    case LF_TAGS:
        return r->tags;
    case LF_NOTE:
        return r->note;
    default:
        return "";
    }
}

size_t ledger_size(const struct ledger *l)
{
    return l->xlsx ? xlsx_size(l->xlsx) : l->size;
}

size_t ledger_offset(const struct ledger *l)
{
    return l->xlsx ? xlsx_offset(l->xlsx) : l->pos;
}

const char *ledger_sheet(const struct ledger *l)
{
    return l->xlsx ? xlsx_sheet_name(l->xlsx) : NULL;
}

int ledger_header_line(const struct ledger *l)
{
    return l->header_line;
}

int ledger_title_lines(const struct ledger *l)
{
    return l->title_lines;
}

const struct strlist *ledger_sheets(const struct ledger *l)
{
    return l->xlsx ? xlsx_sheets(l->xlsx) : NULL;
}

size_t ledger_workbook_sheets(const char *path, struct strlist *out)
{
    struct xlsx *x;
    char *err = NULL;
    strlist_clear(out);
    if (xlsx_open(path, NULL, 0, NULL, &x, &err) != 0) {
        free(err);
        return 0;
    }
    const struct strlist *names = xlsx_sheets(x);
    for (size_t i = 0; i < names->n; i++)
        strlist_add(out, names->v[i]);
    xlsx_close(x);
    return out->n;
}

size_t ledger_joined(const struct ledger *l)
{
    return l->joined;
}

/* Why a record could not be decoded, with the character position in its line. Caller frees. */
static char *decode_message(const struct ledger *l, const struct codec_error *err)
{
    unsigned char b = err->bytes[0];
    int lead = l->codec == CODEC_UTF8 ? (b >= 0xC2 && b <= 0xF4) : (b >= 0x81 && b <= 0xFE);
    if (lead)
        return xasprintf(_("the %s character starting with byte 0x%02X (character %zu of the line) "
                           "is cut short"),
                         codec_name(l->codec), b, err->column);
    return xasprintf(_("byte 0x%02X (character %zu of the line) is not %s"), b, err->column,
                     codec_name(l->codec));
}

/*
** A mapped file's pages read already count in the process's memory until
** let go: every 8 MiB read, the pages behind the current row are dropped
** (read again from the file if ever needed: the header, for the rejects).
*/
static void map_drop_behind(struct ledger *l)
{
    if (!l->mapped || l->pos - l->dropped < ((size_t)8 << 20)) return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t upto = l->pos / page * page;
    if (upto <= l->dropped) return;
    madvise((void *)(uintptr_t)(l->map + l->dropped), upto - l->dropped, MADV_DONTNEED);
    l->dropped = upto;
}

int ledger_next(struct ledger *l, struct ledger_row *row)
{
    struct ledger_row *r = &l->row;
    if (l->xlsx) return workbook_next(l, row);
    for (;;) {
        if (l->pos >= l->size) return 0;
        map_drop_behind(l);
        size_t next, unclosed;
        int lines;
        const char *raw = l->map + l->pos;
        size_t len = csv_record(raw, l->size - l->pos, l->delim, &next, &lines, &unclosed);
        int line = l->line;
        l->pos += next;
        l->line += lines;
        if (len == 0) continue; /* a blank line */
        free(r->decode_error);
        r->decode_error = NULL;
        r->decode_column = 0;
        r->line = line - l->breaks; /* the row Excel or WPS shows it on */
        r->lines = lines;
        if (lines > 1) l->breaks += lines - 1;
        r->raw = raw;
        r->raw_len = len;
        struct codec_error err;
        const char *nul;
        csv_cells_clear(&l->cells);
        if (unclosed) {
            r->decode_column = csv_column_at(raw, unclosed - 1, l->delim);
            r->decode_error = xstrdup(_("a quote is not closed: the rest of the file cannot be "
                                        "split into columns"));
        } else if (len > LEDGER_RECORD_MAX) {
            r->decode_error = xasprintf(_("the row is %zu KB long: at most %u KB"), len / 1024,
                                        LEDGER_RECORD_MAX / 1024);
        } else if (decode(l, raw, len, &err) != 0) {
            r->decode_column = csv_column_at(raw, err.offset, l->delim);
            r->decode_error = decode_message(l, &err);
        } else if ((nul = memchr(l->text.buf, '\0', l->text.len)) != NULL) {
            /* A NUL would end the cell's text early: the row is refused, never cut. */
            struct text_pos at = {0, 1, 1};
            text_pos_advance(&at, l->text.buf, (size_t)(nul - l->text.buf));
            r->decode_column = csv_column_at(l->text.buf, (size_t)(nul - l->text.buf), l->delim);
            r->decode_error =
                xasprintf(_("a NUL byte (character %zu of the line) is not text"), at.column);
        } else {
            csv_cells_split(l->text.buf, l->text.len, l->delim, &l->cells);
            cells_trim(&l->cells);
            if (row_blank(l, l->cells.v, l->cells.n)) continue; /* ,,,, : a blank line */
            cells_unguard(&l->cells);
            cells_untext(&l->cells);
            join_breaks(l, &l->cells);
        }
        row_fields(l);
        *row = *r;
        return 1;
    }
}

void ledger_problem_add(struct ledger_problems *p, int line, const char *column, char *reason)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = xrealloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n].line = line;
    p->v[p->n].column = text_excerpt(column ? column : "", 20);
    p->v[p->n].reason = reason;
    p->n++;
}

void ledger_problems_free(struct ledger_problems *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].column);
        free(p->v[i].reason);
    }
    free(p->v);
    p->v = NULL;
    p->n = p->cap = 0;
}

/* Tags as a ledger writes them (空巢老人;党员 / 空巢老人、党员 ...) joined by 、. Caller frees. */
/* A row's tags as one list, each checked as the tag form checks a name; problems go to p. */
static char *tags_of(const struct ledger *l, const struct ledger_row *row,
                     struct ledger_problems *p)
{
    struct strlist all = STRLIST_INIT, tags = STRLIST_INIT;
    text_split_list(ledger_value_of(l, row, LF_TAGS), &all);
    for (size_t i = 0; i < all.n; i++) /* 「-」 or 「无」: no tag */
        if (!text_says_none(all.v[i])) strlist_add(&tags, all.v[i]);
    strlist_free(&all);
    for (size_t i = 0; i < tags.n; i++) {
        const char *why = resident_check_tag(tags.v[i]);
        if (why)
            ledger_problem_add(p, row->line, ledger_column_header(l, LF_TAGS),
                               xasprintf("%s: %s", tags.v[i], why));
    }
    char *joined = strlist_join(&tags, "、");
    strlist_free(&tags);
    return joined;
}

/*
** Check the ID number column and cross-check it with the birth date and
** gender the row gave; fills r->id_number, and birth date and gender where
** the row left them out. Returns the problems added.
*/
static int check_id(const struct ledger *l, const struct ledger_row *row, struct resident *r,
                    int *upgraded, struct ledger_problems *p)
{
    struct idcard id;
    enum idcard_error e = idcard_parse(ledger_value_of(l, row, LF_ID), &id);
    if (e == IDCARD_EMPTY) {
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_ID),
                           xstrdup(_("missing: without an ID number a re-import could not tell "
                                     "this person from a new one")));
        return 1;
    }
    if (e != IDCARD_OK) {
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_ID), idcard_message(e, &id));
        return 1;
    }
    int bad = 0;
    char *why = resident_birth_mismatch(r->birth_date, &id);
    if (why) {
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_BIRTH), why);
        bad++;
    }
    why = resident_gender_mismatch(r->gender, &id);
    if (why) {
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_GENDER), why);
        bad++;
    }
    *upgraded = id.upgraded;
    record_set(&r->id_number, id.number);
    char birth[11];
    if (str_empty(r->birth_date)) record_set(&r->birth_date, date_format(&id.birth, birth));
    if (!r->gender) r->gender = id.gender;
    return bad;
}

/* Mobile, or a landline given where the mobile was expected. */
static int check_phones(const struct ledger *l, const struct ledger_row *row, struct resident *r,
                        struct ledger_problems *p)
{
    int bad = 0;
    const char *phone = ledger_value_of(l, row, LF_PHONE);
    char mobile[12], land[40];
    if (!str_empty(phone)) {
        const char *why = phone_mobile(phone, mobile);
        if (!why)
            record_set(&r->phone, mobile);
        else if (!phone_landline(phone, land, sizeof land))
            record_set(&r->landline, land);
        else {
            ledger_problem_add(p, row->line, ledger_column_header(l, LF_PHONE), xstrdup(why));
            bad++;
        }
    }
    const char *landline = ledger_value_of(l, row, LF_LANDLINE);
    if (!str_empty(landline)) {
        const char *why = phone_landline(landline, land, sizeof land);
        if (why) {
            ledger_problem_add(p, row->line, ledger_column_header(l, LF_LANDLINE), xstrdup(why));
            bad++;
        } else {
            record_set(&r->landline, land);
        }
    }
    return bad;
}

char *ledger_row_line(const struct ledger *l, const struct ledger_row *row, int f,
                      struct ledger_problems *p)
{
    char *v = text_trim(ledger_value_of(l, row, f));
    if (text_is_line(v)) return v;
    ledger_problem_add(p, row->line, ledger_column_header(l, f),
                       xstrdup(_("holds a line break or a control character")));
    free(v);
    return NULL;
}

/*
** A single-line field's cell, as read: trimmed then (cells_trim()), its
** line breaks made spaces, and its row refused by cells_check() if a
** control character is left (ledger_row_line() would trim and look again).
*/
static void take_line(const struct ledger *l, const struct ledger_row *row, enum ledger_field f,
                      char **into)
{
    const char *v = ledger_value_of(l, row, f);
    if (*v) record_take(into, xstrdup(v));
}

/* True when a number holds the mask bangban shows (*), or the full-width ＊ typed for it. */
static int number_masked(const char *s, size_t n)
{
    if (memchr(s, '*', n)) return 1;
    for (const char *p = s, *end = s + n; (p = memchr(p, '\xEF', (size_t)(end - p))); p++)
        if (end - p >= 3 && p[1] == '\xBC' && p[2] == '\x8A') return 1; /* U+FF0A */
    return 0;
}

/*
** The rule every stored text meets (text_find_forbidden()), the most
** characters a field holds and, for ID and phone numbers, no mask (*), on
** every cell the schema keeps, whatever the kind: a row breaking one is
** refused before its kind looks at it.
** Returns the problems added.
*/
static int cells_check(const struct ledger *l, const struct ledger_row *row,
                       struct ledger_problems *p)
{
    size_t before = p->n;
    for (size_t i = 0; i < l->header.n; i++) {
        int f = field_fed(l, i);
        if (f < 0 || f >= l->schema->nfields) continue;
        const char *cell = row->fields.v[i]; /* trimmed as read (cells_trim()) */
        size_t n = strlen(cell);
        const char *why =
            validate_text_n(cell, n, field_breaks(l->schema, f) == BREAK_KEEP ? TEXT_LINES : 0);
        size_t max = l->schema->max && l->schema->max[f] ? l->schema->max[f] : LEDGER_CELL_MAX;
        /* Each character takes a byte at least: a cell no longer in bytes is not counted. */
        size_t chars = !why && n > max ? text_chars(cell) : 0;
        if (why)
            ledger_problem_add(p, row->line, l->header.v[i], xstrdup(why));
        else if (ledger_schema_secret(l->schema, f) && number_masked(cell, n))
            /* A masked export read back: say so, not that the digits are wrong. */
            ledger_problem_add(p, row->line, l->header.v[i],
                               xstrdup(_("is masked (*): import an export with full numbers")));
        else if (chars > max)
            ledger_problem_add(p, row->line, l->header.v[i],
                               xasprintf(_("too long: %zu characters, at most %zu"), chars, max));
    }
    for (int f = 0; f < l->schema->nfields; f++) {
        if (l->second_of[f] < 0) continue;
        const char *a = cell_of(row, l->column_of[f]), *b = cell_of(row, l->second_of[f]);
        if (*a && *b && !str_eq(a, b))
            ledger_problem_add(p, row->line, l->header.v[l->second_of[f]],
                               xasprintf(_("differs from %s in the same row: which is right?"),
                                         l->header.v[l->column_of[f]]));
    }
    return (int)(p->n - before);
}

/*
** why (taken), and when the row took several lines of the file, what that
** most often is: a quote opened and closed only some lines on, the lines
** between swallowed into one cell.
*/
static char *layout_why(const struct ledger_row *row, char *why)
{
    if (row->lines < 2) return why;
    char *said = xasprintf(
        ngettext("%s; a quoted cell of this row runs over %d lines of the file: if it holds no "
                 "line break on purpose, a quote is not closed and the %d line after it was "
                 "taken into that cell",
                 "%s; a quoted cell of this row runs over %d lines of the file: if it holds no "
                 "line break on purpose, a quote is not closed and the %d lines after it were "
                 "taken into that cell",
                 row->lines - 1),
        why, row->lines, row->lines - 1);
    free(why);
    return said;
}

/* A row's layout: read whole, its columns the header's (ledger_row_shape() less the cells). */
static int row_layout(const struct ledger *l, const struct ledger_row *row,
                      struct ledger_problems *p)
{
    if (row->decode_error) {
        size_t c = (size_t)row->decode_column;
        ledger_problem_add(p, row->line, c < l->header.n ? l->header.v[c] : "",
                           xstrdup(row->decode_error));
        return 1;
    }
    /* Short of columns that carry nothing (a rejects file's reason) is not short. */
    for (size_t i = row->fields.n; i < l->header.n; i++)
        if (l->field_of[i] != LEDGER_IGNORED) {
            ledger_problem_add(p, row->line, l->header.v[row->fields.n],
                               layout_why(row, xasprintf(_("too few columns: %zu of %zu"),
                                                         row->fields.n, l->header.n)));
            return 1;
        }
    size_t wide = 0; /* past the last cell filled beyond the titles, a reason's aside */
    for (size_t i = l->named; i < row->fields.n; i++)
        if (!str_empty(row->fields.v[i]) && (i >= l->header.n || text_blank(l->header.v[i])))
            wide = i + 1;
    if (wide) {
        ledger_problem_add(p, row->line, "",
                           layout_why(row, xasprintf(_("too many columns: %zu, the header has %zu"),
                                                     wide, l->named)));
        return 1;
    }
    return 0;
}

int ledger_row_shape(const struct ledger *l, const struct ledger_row *row,
                     struct ledger_problems *p)
{
    return row_layout(l, row, p) ? 1 : cells_check(l, row, p);
}

/* Of the problems from index from on, the first of each column kept: the others say it again. */
static void problems_once(struct ledger_problems *p, size_t from)
{
    size_t kept = from;
    for (size_t i = from; i < p->n; i++) {
        int again = 0;
        for (size_t k = from; k < kept && !again; k++)
            again = *p->v[i].column && str_eq(p->v[k].column, p->v[i].column);
        if (again) {
            free(p->v[i].column);
            free(p->v[i].reason);
        } else {
            p->v[kept++] = p->v[i];
        }
    }
    p->n = kept;
}

int ledger_row_check(const struct ledger *l, const struct ledger_row *row, struct resident *r,
                     int *upgraded, struct ledger_problems *p)
{
    size_t before = p->n;
    resident_init(r);
    *upgraded = 0;
    if (row_layout(l, row, p)) return (int)(p->n - before);
    /* A cell too long or masked does not hide the row's other problems: all are said at once. */
    cells_check(l, row, p);

    char *name = resident_normalize_name(ledger_value_of(l, row, LF_NAME));
    const char *why = resident_check_name(name);
    if (why) {
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_NAME), xstrdup(why));
        free(name);
    } else {
        record_take(&r->name, name);
    }

    int g = resident_parse_gender(ledger_value_of(l, row, LF_GENDER));
    if (g < 0)
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_GENDER),
                           xstrdup(_("write 男 or 女")));
    else
        r->gender = (char)g;

    const char *eth = ledger_value_of(l, row, LF_ETHNICITY);
    const char *found = resident_ethnicity_find(eth);
    if (!str_empty(eth) && !found)
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_ETHNICITY),
                           xstrdup(resident_check_ethnicity(eth)));
    record_set(&r->ethnicity, found);

    const char *birth = ledger_value_of(l, row, LF_BIRTH);
    struct date d;
    int drc = str_empty(birth) ? DATE_OK : date_parse_cell(birth, &d);
    if (drc != DATE_OK)
        ledger_problem_add(p, row->line, ledger_column_header(l, LF_BIRTH),
                           date_problem(birth, drc));
    else if (!str_empty(birth)) {
        char iso[11];
        record_set(&r->birth_date, date_format(&d, iso));
    }

    check_id(l, row, r, upgraded, p);
    check_phones(l, row, r, p);
    take_line(l, row, LF_COMMUNITY, &r->community);
    take_line(l, row, LF_GRID, &r->grid);
    take_line(l, row, LF_ADDRESS, &r->address);
    /* A dash of any width is the '-' of 楼栋-单元-室 (most cells have none: not copied). */
    if (!text_is_normal(r->address, strlen(r->address), TEXT_NORM_PROSE | TEXT_NORM_DASH))
        record_take(&r->address, resident_normalize_address(r->address));
    char *note = text_trim(ledger_value_of(l, row, LF_NOTE)); /* checked, breaks kept */
    record_take(&r->note, note);
    record_take(&r->tags, tags_of(l, row, p));
    problems_once(p, before);
    return (int)(p->n - before);
}
