/*
** record: see record.h.
*/
#include "record.h"
#include "clock.h"
#include "text.h"
#include "util.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Every empty text field of every record points here; it is never freed. */
static char empty[1];

static void *at(const void *rec, const struct field_desc *f)
{
    return (char *)(uintptr_t)rec + f->offset;
}

static char **text_at(const void *rec, const struct field_desc *f)
{
    return (char **)at(rec, f);
}

static void text_release(char *s)
{
    if (s != empty) free(s);
}

static char *text_dup(const char *s)
{
    return s && *s ? xstrdup(s) : empty;
}

void record_init(const struct record_type *t, void *rec)
{
    memset(rec, 0, t->size);
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].kind == FIELD_TEXT) *text_at(rec, &t->fields[i]) = empty;
    if (t->defaults) t->defaults(rec);
}

void record_free(const struct record_type *t, void *rec)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].kind == FIELD_TEXT) text_release(*text_at(rec, &t->fields[i]));
    memset(rec, 0, t->size);
}

void record_copy(const struct record_type *t, void *dst, const void *src)
{
    memcpy(dst, src, t->size);
    for (size_t i = 0; i < t->nfields; i++)
        if (t->fields[i].kind == FIELD_TEXT) {
            char **f = text_at(dst, &t->fields[i]);
            *f = text_dup(*f);
        }
}

char *record_pack(const struct record_type *t, void *rec)
{
    size_t len = 0;
    for (size_t i = 0; i < t->nfields; i++) {
        char **f = text_at(rec, &t->fields[i]);
        if (t->fields[i].kind == FIELD_TEXT && *f && **f) len += strlen(*f) + 1;
    }
    char *block = len ? xmalloc(len) : NULL, *to = block;
    for (size_t i = 0; i < t->nfields; i++) {
        char **f = text_at(rec, &t->fields[i]);
        if (t->fields[i].kind != FIELD_TEXT) continue;
        char *was = *f;
        if (was && *was) {
            size_t n = strlen(was) + 1;
            *f = memcpy(to, was, n);
            to += n;
        } else {
            *f = empty;
        }
        if (was) text_release(was);
    }
    return block;
}

void record_array_free(const struct record_type *t, void *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        record_free(t, (char *)items + i * t->size);
    free(items);
}

void record_set(char **field, const char *value)
{
    char *copy = text_dup(value);
    text_release(*field);
    *field = copy;
}

void record_take(char **field, char *value)
{
    text_release(*field);
    if (value && !*value) {
        free(value);
        value = NULL;
    }
    *field = value ? value : empty;
}

int record_field_index(const struct record_type *t, const char *name)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (str_eq(t->fields[i].name, name)) return (int)i;
    return -1;
}

/* Field i alone. */
static int one_same(const struct record_type *t, size_t i, const void *a, const void *b)
{
    const struct field_desc *f = &t->fields[i];
    switch (f->kind) {
    case FIELD_TEXT: {
        const char *x = *text_at(a, f), *y = *text_at(b, f);
        return str_eq(x ? x : "", y ? y : "");
    }
    case FIELD_INT64:
        return *(const int64_t *)at(a, f) == *(const int64_t *)at(b, f);
    case FIELD_INT:
        return *(const int *)at(a, f) == *(const int *)at(b, f);
    case FIELD_CHAR:
        return *(const char *)at(a, f) == *(const char *)at(b, f);
    case FIELD_TIME:
        return *(const time_t *)at(a, f) == *(const time_t *)at(b, f);
    }
    return 0;
}

int record_field_same(const struct record_type *t, size_t i, const void *a, const void *b)
{
    if (!one_same(t, i, a, b)) return 0;
    for (size_t j = i + 1; j < t->nfields && (t->fields[j].flags & FIELD_WITH_PREV); j++)
        if (!one_same(t, j, a, b)) return 0;
    return 1;
}

void record_field_assign(const struct record_type *t, size_t i, void *dst, const void *src)
{
    const struct field_desc *f = &t->fields[i];
    switch (f->kind) {
    case FIELD_TEXT:
        record_set(text_at(dst, f), *text_at(src, f));
        break;
    case FIELD_INT64:
        *(int64_t *)at(dst, f) = *(const int64_t *)at(src, f);
        break;
    case FIELD_INT:
        *(int *)at(dst, f) = *(const int *)at(src, f);
        break;
    case FIELD_CHAR:
        *(char *)at(dst, f) = *(const char *)at(src, f);
        break;
    case FIELD_TIME:
        *(time_t *)at(dst, f) = *(const time_t *)at(src, f);
        break;
    }
}

char *record_field_text(const struct record_type *t, size_t i, const void *rec)
{
    const struct field_desc *f = &t->fields[i];
    switch (f->kind) {
    case FIELD_TEXT: {
        const char *s = *text_at(rec, f);
        return xstrdup(s ? s : "");
    }
    case FIELD_INT64:
        return xasprintf("%" PRId64, *(const int64_t *)at(rec, f));
    case FIELD_INT:
        return xasprintf("%d", *(const int *)at(rec, f));
    case FIELD_CHAR: {
        char c = *(const char *)at(rec, f);
        return c ? xasprintf("%c", c) : xstrdup("");
    }
    case FIELD_TIME: {
        time_t when = *(const time_t *)at(rec, f);
        char text[20];
        return xstrdup(when ? clock_format(when, text) : "");
    }
    }
    return xstrdup("");
}

char *record_field_shown(const struct record_type *t, size_t i, const void *rec)
{
    char *words = t->shown ? t->shown(i, rec) : NULL;
    if (words) return words;
    const char *by = t->fields[i].shown_by;
    int j = by ? record_field_index(t, by) : -1;
    char *text = record_field_text(t, j >= 0 ? (size_t)j : i, rec);
    if (t->fields[i].flags & FIELD_SECRET) text_mask_number(text, strlen(text), text);
    return text;
}

int64_t record_int(const struct record_type *t, const void *rec, const char *name)
{
    int i = record_field_index(t, name);
    if (i < 0) return 0;
    const struct field_desc *f = &t->fields[i];
    if (f->kind == FIELD_INT64) return *(const int64_t *)at(rec, f);
    if (f->kind == FIELD_INT) return *(const int *)at(rec, f);
    return 0;
}

const char *record_text(const struct record_type *t, const void *rec, const char *name)
{
    int i = record_field_index(t, name);
    if (i < 0 || t->fields[i].kind != FIELD_TEXT) return "";
    const char *s = *text_at(rec, &t->fields[i]);
    return s ? s : "";
}

void record_text_set(const struct record_type *t, void *rec, const char *name, const char *value)
{
    int i = record_field_index(t, name);
    if (i >= 0 && t->fields[i].kind == FIELD_TEXT) record_set(text_at(rec, &t->fields[i]), value);
}

/* True for the fields people edit: what merging and comparing look at (with what goes with them).
 */
static int edited(const struct field_desc *f)
{
    return !(f->flags & (FIELD_STORED | FIELD_KEY | FIELD_WITH_PREV));
}

int record_same(const struct record_type *t, const void *a, const void *b)
{
    for (size_t i = 0; i < t->nfields; i++)
        if (edited(&t->fields[i]) && !record_field_same(t, i, a, b)) return 0;
    return 1;
}

static void index_add(size_t **v, size_t *n, size_t i)
{
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = i;
}

void record_merge_plan(const struct record_type *t, const void *base, const void *mine,
                       const void *theirs, struct record_merge *m)
{
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < t->nfields; i++) {
        if (!edited(&t->fields[i])) continue;
        int mine_changed = !record_field_same(t, i, base, mine);
        int theirs_changed = !record_field_same(t, i, base, theirs);
        if (mine_changed && theirs_changed && !record_field_same(t, i, mine, theirs))
            index_add(&m->both, &m->nboth, i);
        else if (mine_changed && !theirs_changed)
            index_add(&m->mine, &m->nmine, i);
        else if (theirs_changed && !mine_changed)
            index_add(&m->theirs, &m->ntheirs, i);
    }
}

/* Take field i and the field that names it from src. */
static void take_one(const struct record_type *t, size_t i, void *dst, const void *src)
{
    record_field_assign(t, i, dst, src);
    const char *by = t->fields[i].shown_by;
    int j = by ? record_field_index(t, by) : -1;
    if (j >= 0) record_field_assign(t, (size_t)j, dst, src);
}

/* Take field i from src, with the fields that go with it. */
static void take_field(const struct record_type *t, size_t i, void *dst, const void *src)
{
    take_one(t, i, dst, src);
    for (size_t j = i + 1; j < t->nfields && (t->fields[j].flags & FIELD_WITH_PREV); j++)
        take_one(t, j, dst, src);
}

/* A list field both desks changed: theirs, with what mine added since base and without what it
 * removed. */
static void set_merge(const struct field_desc *f, const void *base, const void *mine,
                      const void *theirs, void *out)
{
    struct strlist was = STRLIST_INIT, now = STRLIST_INIT, other = STRLIST_INIT;
    struct strlist merged = STRLIST_INIT;
    text_split_list(*text_at(base, f), &was);
    text_split_list(*text_at(mine, f), &now);
    text_split_list(*text_at(theirs, f), &other);
    for (size_t i = 0; i < other.n; i++)
        if (strlist_has(&now, other.v[i]) || !strlist_has(&was, other.v[i]))
            strlist_add(&merged, other.v[i]);
    for (size_t i = 0; i < now.n; i++)
        if (!strlist_has(&was, now.v[i]) && !strlist_has(&merged, now.v[i]))
            strlist_add(&merged, now.v[i]);
    record_take(text_at(out, f), strlist_join(&merged, "、"));
    strlist_free(&was);
    strlist_free(&now);
    strlist_free(&other);
    strlist_free(&merged);
}

void record_merge_apply(const struct record_type *t, const struct record_merge *m,
                        const int *take_mine, const void *base, const void *mine,
                        const void *theirs, void *out)
{
    record_copy(t, out, theirs);
    for (size_t k = 0; k < m->nmine; k++)
        take_field(t, m->mine[k], out, mine);
    for (size_t k = 0; k < m->nboth; k++) {
        const struct field_desc *f = &t->fields[m->both[k]];
        if (f->kind == FIELD_TEXT && (f->flags & FIELD_SET))
            set_merge(f, base, mine, theirs, out);
        else if (take_mine && take_mine[k])
            take_field(t, m->both[k], out, mine);
    }
}

void record_merge_free(struct record_merge *m)
{
    free(m->mine);
    free(m->theirs);
    free(m->both);
    memset(m, 0, sizeof *m);
}
