/*
** xlsx: see xlsx.h.
*/
#include "xlsx.h"
#include "i18n.h"
#include "shlib.h"

#include <expat.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XLSX_COLUMNS_MAX 16384u   /* Excel's last column, XFD */
#define XLSX_CELL_MAX    1048576u /* bytes of one cell's text kept (Excel holds 32,767 characters) */
#define XLSX_CHUNK       65536u   /* bytes of a part read at a time */

/* A row parsed and not yet handed out. */
struct pending_row {
    int number;
    struct strlist cells;
};

/* What the sheet's parser is inside of. */
enum cell_type { CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_BOOL, CELL_TEXT, CELL_DATE_TEXT };

struct xlsx {
    const struct zip_calls *z; /* libzip */
    zip_t *zip;
    char *sheet;            /* its name */
    struct strlist sheets;  /* every sheet's name, in the workbook's order */
    struct strlist strings; /* the shared strings */
    unsigned char *xf_date; /* per cell style: 0, or DATE_* bits */
    size_t nxf;
    int date1904;
    /* the sheet being streamed */
    zip_file_t *part;
    zip_uint64_t part_size, part_read;
    XML_Parser parser;
    int ended;    /* the whole part was fed */
    char *failed; /* why the XML stopped parsing */
    /* the parser's state */
    int row_number, col, in_value, in_rph;
    enum cell_type type;
    size_t style;
    struct strbuf text;
    struct strlist cells;
    struct pending_row *ready;
    size_t nready, head, cap;
};

#define DATE_DAY  1u /* the format shows a date */
#define DATE_TIME 2u /* ... a time of day */
#define DATE_SECS 4u /* ... with seconds */

enum xlsx_kind xlsx_sniff(const char *head, size_t n)
{
    if (n >= 4 && memcmp(head, "PK\3\4", 4) == 0) return XLSX_ZIP;
    if (n < 8 || memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) return XLSX_NONE;
    /* Excel saves a workbook with a password as an OLE2 file whose stream is EncryptedPackage. */
    static const char locked[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    size_t k = sizeof locked - 1;
    for (const char *p = head; n >= k && p <= head + n - k; p++) {
        p = memchr(p, 'E', (size_t)(head + n - k - p) + 1);
        if (!p) break;
        if (memcmp(p, locked, k) == 0) return XLSX_LOCKED;
    }
    return XLSX_XLS;
}

void xlsx_column_name(size_t col, char out[8])
{
    char rev[8];
    size_t n = 0;
    col++;
    while (col && n < 7) {
        rev[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
}

/* An element's name without its namespace prefix (x:row -> row). */
static const char *local_name(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

/* The value of attribute name (prefix ignored) in expat's attribute list, or NULL. */
static const char *attr_of(const char **attrs, const char *name)
{
    for (size_t i = 0; attrs[i]; i += 2)
        if (strcmp(local_name(attrs[i]), name) == 0) return attrs[i + 1];
    return NULL;
}

/* --- whole parts: the workbook, its relationships, styles, shared strings ------------------ */

/* Parse zip entry name whole with handlers on ud. 0, 1 when the entry is missing, -1 damaged. */
static int part_parse(const struct xlsx *x, const char *name, void *ud,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars, char **err)
{
    zip_file_t *f = x->z->zip_fopen(x->zip, name, 0);
    if (!f) return 1;
    XML_Parser p = XML_ParserCreate(NULL);
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    if (chars) XML_SetCharacterDataHandler(p, chars);
    char *buf = xmalloc(XLSX_CHUNK);
    int rc = 0;
    for (;;) {
        zip_int64_t n = x->z->zip_fread(f, buf, XLSX_CHUNK);
        if (n < 0) {
            *err = xasprintf(_("the workbook's part %s cannot be read: the workbook is damaged"),
                             name);
            rc = -1;
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) != XML_STATUS_OK) {
            *err = xasprintf(_("the workbook's part %s is damaged: its XML breaks off at line %lu, "
                               "column %lu"),
                             name, (unsigned long)XML_GetCurrentLineNumber(p),
                             (unsigned long)XML_GetCurrentColumnNumber(p) + 1);
            rc = -1;
            break;
        }
        if (n == 0) break;
    }
    free(buf);
    XML_ParserFree(p);
    x->z->zip_fclose(f);
    return rc;
}

/* The workbook: its sheets (name, relationship id) in order, and whether dates count from 1904. */
struct workbook_parse {
    struct strlist names, ids;
    struct strlist hidden; /* the names of those hidden from the clerk (state hidden, veryHidden) */
    int date1904;
};

static void workbook_start(void *ud, const char *el, const char **attrs)
{
    struct workbook_parse *w = ud;
    const char *name = local_name(el);
    if (strcmp(name, "sheet") == 0) {
        const char *n = attr_of(attrs, "name"), *id = attr_of(attrs, "id");
        const char *state = attr_of(attrs, "state");
        strlist_add(&w->names, n ? n : "");
        strlist_add(&w->ids, id ? id : "");
        if (state && strcmp(state, "visible") != 0) strlist_add(&w->hidden, n ? n : "");
    } else if (strcmp(name, "workbookPr") == 0) {
        const char *d = attr_of(attrs, "date1904");
        w->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    }
}

static void ignore_end(void *ud, const char *el)
{
    (void)ud;
    (void)el;
}

/* The workbook's relationships: id -> target, and the targets of shared strings and styles. */
struct rels_parse {
    struct strlist ids, targets;
    char *strings, *styles;
};

static void rels_start(void *ud, const char *el, const char **attrs)
{
    struct rels_parse *r = ud;
    if (strcmp(local_name(el), "Relationship") != 0) return;
    const char *id = attr_of(attrs, "Id"), *target = attr_of(attrs, "Target");
    const char *type = attr_of(attrs, "Type");
    if (!id || !target) return;
    strlist_add(&r->ids, id);
    strlist_add(&r->targets, target);
    const char *tail = type ? strrchr(type, '/') : NULL;
    if (tail && strcmp(tail, "/sharedStrings") == 0 && !r->strings) r->strings = xstrdup(target);
    if (tail && strcmp(tail, "/styles") == 0 && !r->styles) r->styles = xstrdup(target);
}

/* A relationship's target as a path in the zip: relative to xl/, or absolute from the root. */
static char *part_path(const char *target)
{
    return target[0] == '/' ? xstrdup(target + 1) : xasprintf("xl/%s", target);
}

/* How a number format shows a number: DATE_* bits (0: as a number). */
static unsigned format_code_kind(const char *code)
{
    unsigned kind = 0;
    int saw_m = 0;
    for (const char *p = code; *p; p++) {
        char c = *p;
        if (c == '"') { /* a literal: "年" */
            p = strchr(p + 1, '"');
            if (!p) break;
        } else if (c == '\\' || c == '_' || c == '*') {
            if (!p[1]) break;
            p++;
        } else if (c == '[') { /* [Red], [$-804]: not letters of the date; [h] is hours */
            const char *close = strchr(p, ']');
            if (!close) break;
            if (p[1] == 'h' || p[1] == 'H' || p[1] == 's' || p[1] == 'S') kind |= DATE_TIME;
            p = close;
        } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
            kind |= DATE_DAY;
        } else if (c == 'm' || c == 'M') {
            saw_m = 1;
        } else if (c == 'h' || c == 'H') {
            kind |= DATE_TIME;
        } else if (c == 's' || c == 'S') {
            kind |= DATE_TIME | DATE_SECS;
        } else if (c == ';') {
            break; /* the first section decides */
        }
    }
    if (saw_m && !(kind & DATE_TIME)) kind |= DATE_DAY; /* m alone is a month, beside h a minute */
    return kind;
}

/* The built-in formats that are dates or times (Excel's, and the East Asian ones). */
static unsigned builtin_kind(long id)
{
    if (id >= 14 && id <= 17) return DATE_DAY;
    if (id == 18 || id == 20) return DATE_TIME;
    if (id == 19 || id == 21) return DATE_TIME | DATE_SECS;
    if (id == 22) return DATE_DAY | DATE_TIME;
    if (id >= 45 && id <= 47) return DATE_TIME | DATE_SECS;
    if ((id >= 27 && id <= 31) || id == 34 || id == 35 || id == 36 || (id >= 50 && id <= 58))
        return DATE_DAY;
    if (id == 32 || id == 33) return DATE_TIME;
    return 0;
}

/* The styles: custom number formats by id, then each cell style's format kind. */
struct styles_parse {
    long *fmt_ids;
    unsigned *fmt_kinds;
    size_t nfmt;
    int in_xfs;
    unsigned char *xf;
    size_t nxf;
};

static void styles_start(void *ud, const char *el, const char **attrs)
{
    struct styles_parse *s = ud;
    const char *name = local_name(el);
    if (strcmp(name, "numFmt") == 0) {
        const char *id = attr_of(attrs, "numFmtId"), *code = attr_of(attrs, "formatCode");
        if (!id || !code) return;
        s->fmt_ids = xrealloc(s->fmt_ids, (s->nfmt + 1) * sizeof *s->fmt_ids);
        s->fmt_kinds = xrealloc(s->fmt_kinds, (s->nfmt + 1) * sizeof *s->fmt_kinds);
        s->fmt_ids[s->nfmt] = strtol(id, NULL, 10);
        s->fmt_kinds[s->nfmt++] = format_code_kind(code);
    } else if (strcmp(name, "cellXfs") == 0) {
        s->in_xfs = 1;
    } else if (strcmp(name, "xf") == 0 && s->in_xfs && s->nxf < 65536) {
        const char *id = attr_of(attrs, "numFmtId");
        long fmt = id ? strtol(id, NULL, 10) : 0;
        unsigned kind = builtin_kind(fmt);
        for (size_t i = 0; i < s->nfmt; i++)
            if (s->fmt_ids[i] == fmt) kind = s->fmt_kinds[i];
        s->xf = xrealloc(s->xf, s->nxf + 1);
        s->xf[s->nxf++] = (unsigned char)kind;
    }
}

static void styles_end(void *ud, const char *el)
{
    struct styles_parse *s = ud;
    if (strcmp(local_name(el), "cellXfs") == 0) s->in_xfs = 0;
}

/* Undo Excel's _xHHHH_ escapes (_x000D_ is a carriage return, _x005F_ a _) in sb. */
static void unescape(struct strbuf *sb)
{
    if (!strstr(strbuf_str(sb), "_x")) return;
    struct strbuf out = STRBUF_INIT;
    const char *s = strbuf_str(sb);
    for (size_t i = 0; s[i];) {
        unsigned cp;
        int used = 0;
        if (s[i] == '_' && s[i + 1] == 'x' && sscanf(s + i + 2, "%4x_%n", &cp, &used) == 1 &&
            used == 5 && strspn(s + i + 2, "0123456789abcdefABCDEF") == 4 && cp > 0 &&
            cp < 0xD800) {
            char u[4];
            size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
            if (n == 1) {
                u[0] = (char)cp;
            } else if (n == 2) {
                u[0] = (char)(0xC0 | (cp >> 6));
                u[1] = (char)(0x80 | (cp & 0x3F));
            } else {
                u[0] = (char)(0xE0 | (cp >> 12));
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                u[2] = (char)(0x80 | (cp & 0x3F));
            }
            strbuf_add(&out, u, n);
            i += 7;
        } else {
            strbuf_addc(&out, s[i++]);
        }
    }
    strbuf_reset(sb);
    strbuf_add(sb, out.buf, out.len);
    strbuf_free(&out);
}

/* Text inside <t> of a string, outside its phonetic reading <rPh>. */
static void cell_chars(struct xlsx *x, const char *s, int len)
{
    if (x->in_value && !x->in_rph && x->text.len + (size_t)len <= XLSX_CELL_MAX)
        strbuf_add(&x->text, s, (size_t)len);
}

static void strings_start(void *ud, const char *el, const char **attrs)
{
    struct xlsx *x = ud;
    const char *name = local_name(el);
    (void)attrs;
    if (strcmp(name, "si") == 0) {
        strbuf_reset(&x->text);
    } else if (strcmp(name, "t") == 0) {
        x->in_value = 1;
    } else if (strcmp(name, "rPh") == 0) {
        x->in_rph = 1;
    }
}

static void strings_end(void *ud, const char *el)
{
    struct xlsx *x = ud;
    const char *name = local_name(el);
    if (strcmp(name, "si") == 0) {
        unescape(&x->text);
        strlist_add(&x->strings, strbuf_str(&x->text));
    } else if (strcmp(name, "t") == 0) {
        x->in_value = 0;
    } else if (strcmp(name, "rPh") == 0) {
        x->in_rph = 0;
    }
}

static void strings_chars(void *ud, const char *s, int len)
{
    cell_chars(ud, s, len);
}

/* --- the sheet, streamed --------------------------------------------------------------------- */

/* The 0-based column of a cell reference (B7 -> 1), or -1. */
static int ref_column(const char *ref)
{
    long col = 0;
    const char *p = ref;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        col = col * 26 + ((*p | 0x20) - 'a' + 1);
        if (col > (long)XLSX_COLUMNS_MAX) return -1;
    }
    return p == ref ? -1 : (int)(col - 1);
}

/* A date serial as text, as the style's kind shows it. */
static void date_text(const struct xlsx *x, double serial, unsigned kind, struct strbuf *out)
{
    double day = (double)(long)serial; /* serial >= 0 */
    long secs = (long)((serial - day) * 86400.0 + 0.5);
    if (secs >= 86400) {
        day += 1;
        secs -= 86400;
    }
    if (kind & DATE_DAY) {
        /* Days from 1970-01-01; Excel's 1900 system counts a 29 February 1900 that never was. */
        long d = (long)day;
        long days = x->date1904 ? d + 1462 - 25569 : d >= 61 ? d - 25569 : d - 25568;
        if (!x->date1904 && d == 60) {
            strbuf_adds(out, "1900-02-29");
        } else {
            /* Howard Hinnant's civil_from_days. */
            long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1;
            long m = mp < 10 ? mp + 3 : mp - 9;
            strbuf_addf(out, "%04ld-%02ld-%02ld", y + (m <= 2), m, dd);
        }
    }
    if (kind & DATE_TIME) {
        if (kind & DATE_DAY) strbuf_addc(out, ' ');
        strbuf_addf(out, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
        if (kind & DATE_SECS) strbuf_addf(out, ":%02ld", secs % 60);
    }
}

/* A number as Excel's General format shows it: at most 15 significant digits. */
static void number_text(const char *v, struct strbuf *out)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end || !isfinite(d)) {
        strbuf_adds(out, v);
        return;
    }
    char buf[40];
    snprintf(buf, sizeof buf, "%.15G", d);
    strbuf_adds(out, strcmp(buf, "-0") == 0 ? "0" : buf);
}

/* The cell just ended: its text into x->cells at its column. */
static void cell_finish(struct xlsx *x)
{
    struct strbuf v = STRBUF_INIT;
    const char *raw = strbuf_str(&x->text);
    unsigned kind = x->style < x->nxf ? x->xf_date[x->style] : 0;
    switch (x->type) {
    case CELL_SHARED: {
        char *end;
        unsigned long i = strtoul(raw, &end, 10);
        if (*raw && !*end && i < x->strings.n) {
            strbuf_adds(&v, x->strings.v[i]);
        } else if (*raw && !x->failed) { /* never read as an empty cell; no value is one */
            x->failed = xasprintf(_("the sheet %s is damaged at row %d: a cell stands for text "
                                    "the workbook does not hold"),
                                  x->sheet, x->row_number);
            XML_StopParser(x->parser, XML_FALSE);
        }
        break;
    }
    case CELL_BOOL:
        if (*raw) strbuf_adds(&v, strcmp(raw, "1") == 0 ? "TRUE" : "FALSE");
        break;
    case CELL_NUMBER:
        if (*raw && kind) {
            char *end;
            double d = strtod(raw, &end);
            if (!*end && isfinite(d) && d >= 0 && d < 2958466)
                date_text(x, d, kind, &v);
            else
                number_text(raw, &v);
        } else if (*raw) {
            number_text(raw, &v);
        }
        break;
    case CELL_DATE_TEXT: /* an ISO 8601 date (t="d") */
        strbuf_add(&v, raw, (kind & DATE_TIME) || strlen(raw) < 10 ? strlen(raw) : 10);
        break;
    case CELL_INLINE:
    case CELL_TEXT:
        unescape(&x->text);
        strbuf_adds(&v, strbuf_str(&x->text));
        break;
    }
    if (x->col >= 0 && (size_t)x->col < XLSX_COLUMNS_MAX) {
        while (x->cells.n <= (size_t)x->col)
            strlist_add(&x->cells, "");
        free(x->cells.v[x->col]);
        x->cells.v[x->col] = strbuf_detach(&v);
    }
    strbuf_free(&v);
}

/* A row is complete: queue it for xlsx_next(). */
static void row_finish(struct xlsx *x)
{
    if (x->head == x->nready) x->head = x->nready = 0;
    if (x->nready == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 8;
        x->ready = xrealloc(x->ready, x->cap * sizeof *x->ready);
    }
    x->ready[x->nready].number = x->row_number;
    x->ready[x->nready++].cells = x->cells;
    x->cells = (struct strlist)STRLIST_INIT;
}

static void sheet_start(void *ud, const char *el, const char **attrs)
{
    struct xlsx *x = ud;
    const char *name = local_name(el);
    if (strcmp(name, "row") == 0) {
        /* Excel's rows count up from 1 to 1,048,576; a number out of order or range is the next. */
        const char *r = attr_of(attrs, "r");
        long n = r ? strtol(r, NULL, 10) : 0;
        x->row_number = n > x->row_number && n <= 1048576 ? (int)n : x->row_number + 1;
        x->col = -1;
        strlist_clear(&x->cells);
    } else if (strcmp(name, "c") == 0) {
        const char *r = attr_of(attrs, "r"), *t = attr_of(attrs, "t"), *s = attr_of(attrs, "s");
        x->col = r ? ref_column(r) : x->col + 1;
        x->style = s ? strtoul(s, NULL, 10) : 0;
        x->type = !t                            ? CELL_NUMBER
                  : strcmp(t, "s") == 0         ? CELL_SHARED
                  : strcmp(t, "inlineStr") == 0 ? CELL_INLINE
                  : strcmp(t, "b") == 0         ? CELL_BOOL
                  : strcmp(t, "d") == 0         ? CELL_DATE_TEXT
                  : strcmp(t, "n") == 0         ? CELL_NUMBER
                                                : CELL_TEXT; /* str, e: as written */
        strbuf_reset(&x->text);
    } else if (strcmp(name, "v") == 0) {
        x->in_value = x->type != CELL_INLINE;
    } else if (strcmp(name, "t") == 0) {
        x->in_value = x->type == CELL_INLINE;
    } else if (strcmp(name, "rPh") == 0) {
        x->in_rph = 1;
    }
}

static void sheet_end(void *ud, const char *el)
{
    struct xlsx *x = ud;
    const char *name = local_name(el);
    if (strcmp(name, "c") == 0) {
        cell_finish(x);
    } else if (strcmp(name, "row") == 0) {
        row_finish(x);
    } else if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
        x->in_value = 0;
    } else if (strcmp(name, "rPh") == 0) {
        x->in_rph = 0;
    }
}

static void sheet_chars(void *ud, const char *s, int len)
{
    cell_chars(ud, s, len);
}

/* --- opening ---------------------------------------------------------------------------------- */

/* "「a」、「b」": the sheets a workbook has, for a message. Caller frees. */
static char *names_text(const struct strlist *names)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < names->n && i < 20; i++)
        strbuf_addf(&sb, "%s「%s」", i ? "、" : "", names->v[i]);
    return strbuf_detach(&sb);
}

/* The zip path of the sheet called want (NULL: the first) into *path, its name into x->sheet. */
static int sheet_find(struct xlsx *x, const char *name, const char *want, char **path,
                      char **styles, char **strings, char **err)
{
    struct workbook_parse w = {STRLIST_INIT, STRLIST_INIT, STRLIST_INIT, 0};
    struct rels_parse r = {STRLIST_INIT, STRLIST_INIT, NULL, NULL};
    int rc = part_parse(x, "xl/workbook.xml", &w, workbook_start, ignore_end, NULL, err);
    if (rc == 1) *err = xasprintf(_("%s is a zip file but not an Excel workbook"), name);
    if (rc == 0) {
        rc = part_parse(x, "xl/_rels/workbook.xml.rels", &r, rels_start, ignore_end, NULL, err);
        if (rc == 1)
            *err = xasprintf(_("%s: the workbook is damaged (its sheets cannot be found)"), name);
    }
    x->date1904 = w.date1904;
    /* The first the clerk sees in Excel, not one hidden before it (the first of all if all are). */
    size_t at = w.names.n;
    for (size_t i = 0; rc == 0 && i < w.names.n && at == w.names.n; i++)
        if (want ? strcmp(w.names.v[i], want) == 0 : !strlist_has(&w.hidden, w.names.v[i])) at = i;
    if (rc == 0 && !want && at == w.names.n && w.names.n) at = 0;
    if (rc == 0 && at == w.names.n) {
        char *names = names_text(&w.names);
        *err = want ? xasprintf(_("%s has no sheet called %s; it has %s"), name, want, names)
                    : xasprintf(_("%s has no sheet"), name);
        free(names);
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < r.ids.n && !*path; i++)
        if (strcmp(r.ids.v[i], w.ids.v[at]) == 0) *path = part_path(r.targets.v[i]);
    if (rc == 0 && !*path) {
        *err = xasprintf(_("%s: the workbook is damaged (its sheets cannot be found)"), name);
        rc = -1;
    }
    if (rc == 0) {
        x->sheet = xstrdup(w.names.v[at]);
        for (size_t i = 0; i < w.names.n; i++)
            strlist_add(&x->sheets, w.names.v[i]);
    }
    *styles = part_path(r.styles ? r.styles : "styles.xml");
    *strings = part_path(r.strings ? r.strings : "sharedStrings.xml");
    strlist_free(&w.names);
    strlist_free(&w.ids);
    strlist_free(&w.hidden);
    strlist_free(&r.ids);
    strlist_free(&r.targets);
    free(r.styles);
    free(r.strings);
    return rc == 0 ? 0 : -1;
}

/* True when the zip is an OpenDocument spreadsheet (its mimetype entry says so). */
static int is_ods(const struct xlsx *x)
{
    zip_file_t *f = x->z->zip_fopen(x->zip, "mimetype", 0);
    if (!f) return 0;
    char buf[64] = {0};
    zip_int64_t n = x->z->zip_fread(f, buf, sizeof buf - 1);
    x->z->zip_fclose(f);
    return n > 0 && strncmp(buf, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0;
}

/* Read styles and shared strings, then open the sheet's part for streaming. */
static int parts_load(struct xlsx *x, const char *name, const char *sheet_path, const char *styles,
                      const char *strings, char **err)
{
    struct styles_parse s = {0};
    int rc = part_parse(x, styles, &s, styles_start, styles_end, NULL, err);
    x->xf_date = s.xf;
    x->nxf = s.nxf;
    free(s.fmt_ids);
    free(s.fmt_kinds);
    if (rc < 0) return -1;
    rc = part_parse(x, strings, x, strings_start, strings_end, strings_chars, err);
    strbuf_reset(&x->text);
    x->in_value = x->in_rph = 0;
    if (rc < 0) return -1;
    zip_stat_t st;
    x->part = x->z->zip_fopen(x->zip, sheet_path, 0);
    if (!x->part) {
        *err =
            xasprintf(_("%s: the workbook is damaged (its sheet %s is missing)"), name, x->sheet);
        return -1;
    }
    x->part_size = x->z->zip_stat(x->zip, sheet_path, 0, &st) == 0 ? st.size : 0;
    x->parser = XML_ParserCreate(NULL);
    XML_SetUserData(x->parser, x);
    XML_SetElementHandler(x->parser, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->parser, sheet_chars);
    return 0;
}

int xlsx_open(const char *path, const char *data, size_t size, const char *sheet, struct xlsx **out,
              char **err)
{
    *out = NULL;
    char *why = NULL;
    const struct zip_calls *z = shlib_zip(&why);
    if (!z) {
        *err = xasprintf(_("%s is a workbook, but reading one needs libzip: %s"), path, why);
        free(why);
        return -1;
    }
    zip_error_t ze;
    z->zip_error_init(&ze);
    zip_source_t *src = data ? z->zip_source_buffer_create(data, size, 0, &ze) : NULL;
    zip_t *zip = NULL;
    if (data && src) {
        zip = z->zip_open_from_source(src, ZIP_RDONLY, &ze);
        if (!zip) z->zip_source_free(src);
    } else if (!data) {
        int code = 0;
        zip = z->zip_open(path, ZIP_RDONLY, &code);
        if (!zip) z->zip_error_init_with_code(&ze, code);
    }
    if (!zip) {
        /* libzip says why in English: what a clerk can do is the same whatever it is. */
        *err = xasprintf(_("%s looks like a zip file but cannot be opened: it is damaged or cut "
                           "short; copy it again, or open it in Excel or WPS and save it again"),
                         path);
        z->zip_error_fini(&ze);
        return -1;
    }
    z->zip_error_fini(&ze);
    struct xlsx *x = xcalloc(1, sizeof *x);
    x->z = z;
    x->zip = zip;
    if (is_ods(x)) {
        *err = xasprintf(_("%s is an OpenDocument spreadsheet (.ods), which bangban does not "
                           "read: open it in LibreOffice or WPS and save it as .xlsx or CSV"),
                         path);
        xlsx_close(x);
        return -1;
    }
    char *sheet_path = NULL, *styles = NULL, *strings = NULL;
    int rc = sheet_find(x, path, sheet, &sheet_path, &styles, &strings, err);
    if (rc == 0) rc = parts_load(x, path, sheet_path, styles, strings, err);
    free(sheet_path);
    free(styles);
    free(strings);
    if (rc != 0) {
        xlsx_close(x);
        return -1;
    }
    *out = x;
    return 0;
}

void xlsx_close(struct xlsx *x)
{
    if (!x) return;
    if (x->parser) XML_ParserFree(x->parser);
    if (x->part) x->z->zip_fclose(x->part);
    if (x->zip) x->z->zip_discard(x->zip);
    for (size_t i = x->head; i < x->nready; i++)
        strlist_free(&x->ready[i].cells);
    free(x->ready);
    strlist_free(&x->cells);
    strlist_free(&x->strings);
    strbuf_free(&x->text);
    free(x->xf_date);
    free(x->sheet);
    strlist_free(&x->sheets);
    free(x->failed);
    free(x);
}

const char *xlsx_sheet_name(const struct xlsx *x)
{
    return x->sheet;
}

const struct strlist *xlsx_sheets(const struct xlsx *x)
{
    return &x->sheets;
}

size_t xlsx_size(const struct xlsx *x)
{
    return (size_t)x->part_size;
}

size_t xlsx_offset(const struct xlsx *x)
{
    if (x->ended || x->failed) return (size_t)x->part_size; /* reading is over */
    return (size_t)(x->part_read < x->part_size ? x->part_read : x->part_size);
}

/* Feed the parser the next chunk of the sheet. 0, or -1 with x->failed set. */
static int feed(struct xlsx *x)
{
    char buf[XLSX_CHUNK];
    zip_int64_t n = x->z->zip_fread(x->part, buf, sizeof buf);
    if (n < 0) {
        x->failed = xasprintf(_("the sheet %s cannot be read: the workbook is damaged"), x->sheet);
        return -1;
    }
    x->part_read += (zip_uint64_t)n;
    x->ended = n == 0;
    if (XML_Parse(x->parser, buf, (int)n, n == 0) != XML_STATUS_OK) {
        if (!x->failed) /* else a handler stopped it, saying why */
            x->failed = xasprintf(_("the sheet %s is damaged after row %d: its XML breaks off "
                                    "at line %lu, column %lu"),
                                  x->sheet, x->row_number,
                                  (unsigned long)XML_GetCurrentLineNumber(x->parser),
                                  (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1);
        return -1;
    }
    return 0;
}

int xlsx_next(struct xlsx *x, struct strlist *cells, int *row, char **err)
{
    for (;;) {
        while (x->head < x->nready) {
            struct pending_row *p = &x->ready[x->head++];
            int empty = 1;
            for (size_t i = 0; i < p->cells.n && empty; i++)
                empty = !*p->cells.v[i];
            if (empty) {
                strlist_free(&p->cells);
                continue;
            }
            strlist_free(cells);
            *cells = p->cells;
            *row = p->number;
            return 1;
        }
        if (x->failed) {
            *err = xstrdup(x->failed);
            return -1;
        }
        if (x->ended) return 0;
        feed(x);
    }
}
