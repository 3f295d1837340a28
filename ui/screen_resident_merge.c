/*
** screen_resident_merge: two records of one person made one. From the
** resident list the clerk marks the record to merge away and finds the
** one to keep; this form (the form kit) shows, for every field in which
** the two differ, both values side by side and lets the clerk choose
** which to keep. F2 merges in one transaction (db/resident_store.h): the
** kept record takes the values chosen and both records' tags; the other's
** requests and household follow it; the other stays on file, marked
** merged into the kept one; the audit log says what came from where.
*/
#include "db/resident_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/screens.h"

#include <stdlib.h>

/* Most fields a resident has that people edit. */
#define MERGE_FIELDS_MAX 24

/* One differing field: where it is in the record, and its two values as shown. */
struct merge_field {
    size_t index; /* in resident_record's fields */
    char *kept, *other;
    char *help; /* both side by side, beside the field */
};

struct merge {
    struct resident other; /* the record merged away, as read */
    int ids_confirmed;     /* two different valid ID numbers: the clerk said one person */
    const char *why;       /* why the store refused the last merge (borrowed), or NULL */
    struct merge_field fields[MERGE_FIELDS_MAX];
    size_t n;
};

static void merge_free(void *ctx)
{
    struct merge *m = ctx;
    for (size_t i = 0; i < m->n; i++) {
        free(m->fields[i].kept);
        free(m->fields[i].other);
        free(m->fields[i].help);
    }
    resident_free(&m->other);
    free(m);
}

/* A field's value for the chooser: "" said as such. Caller frees. */
static char *shown(size_t index, const struct resident *r)
{
    char *s = record_field_shown(&resident_record, index, r);
    if (*s) return s;
    free(s);
    return xstrdup(_("(empty)"));
}

/* The choices of one field: the kept record's value (1) or the other's (2). */
static int side_source(void *ctx, const char *query, struct choice_list *out)
{
    const struct merge_field *mf = ctx;
    (void)query;
    choice_list_add(out, 1, mf->kept, _("record kept"));
    choice_list_add(out, 2, mf->other, _("record merged in"));
    return 0;
}

static void merge_build(struct form_screen *fs)
{
    struct merge *m = fs->ctx;
    const struct resident *keep = fs->orig;
    for (size_t i = 0; i < m->n; i++) {
        struct merge_field *mf = &m->fields[i];
        const struct field_desc *d = &resident_record.fields[mf->index];
        /* The kept record's value, unless it has none and the other has one. */
        char *mine = record_field_text(&resident_record, mf->index, keep);
        char *theirs = record_field_text(&resident_record, mf->index, &m->other);
        int take_other =
            (str_empty(mine) || str_eq(mine, "0")) && !str_empty(theirs) && !str_eq(theirs, "0");
        free(mine);
        free(theirs);
        form_add_choice(&fs->form, _(d->label), take_other ? 2 : 1,
                        take_other ? mf->other : mf->kept, side_source, mf, 0, 24);
        form_set_help(&fs->form, (int)i, mf->help);
    }
}

/* The kept record as chosen: each field from its side, the tags of both. */
static int merge_read(struct form_screen *fs, void *rec)
{
    struct merge *m = fs->ctx;
    struct resident *keep = rec;
    for (size_t i = 0; i < m->n; i++)
        if (form_choice(&fs->form, (int)i) == 2)
            resident_merge_take(keep, &m->other, m->fields[i].index);
    record_take(&keep->tags, resident_tags_union(keep->tags, m->other.tags));
    return 0;
}

/* The labels of the fields taken from the other record, for the audit log. Caller frees. */
static char *taken_of(struct form_screen *fs)
{
    struct merge *m = fs->ctx;
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < m->n; i++)
        if (form_choice(&fs->form, (int)i) == 2)
            strbuf_addf(&sb, "%s%s", sb.len ? ", " : "",
                        resident_record.fields[m->fields[i].index].name);
    return strbuf_detach(&sb);
}

static int merge_save(struct form_screen *fs, void *rec)
{
    struct merge *m = fs->ctx;
    char *taken = taken_of(fs);
    int rc = resident_merge(ui.db, rec, m->other.id, m->other.version, taken, m->ids_confirmed,
                            actor_name(), &m->why);
    free(taken);
    return rc;
}

static int merge_saved(struct form_screen *fs, const void *rec)
{
    struct merge *m = fs->ctx;
    const struct resident *keep = rec;
    ui_message(UI_MSG_INFO,
               _("Merged: %s (record %lld) into %s (record %lld); its requests follow"),
               m->other.name, (long long)m->other.id, keep->name, (long long)keep->id);
    return UI_CLOSE;
}

static int merge_refused(struct form_screen *fs, int rc, const void *rec)
{
    const struct merge *m = fs->ctx;
    (void)rec;
    if (rc == DB_INVALID && m->why) {
        ui_message(UI_MSG_ERROR, _("Not merged: %s"), m->why);
        return UI_HANDLED;
    }
    if (rc == DB_CONFLICT) {
        ui_message(UI_MSG_ERROR, "%s",
                   _("Not merged: one of the two was changed meanwhile; close and merge again"));
        return UI_HANDLED;
    }
    return -1;
}

static const struct form_spec merge_spec = {
    .type = &resident_record,
    .rights = RIGHT_RESIDENTS,
    .title_new = N_("Merge two records of one person"),
    .title_edit = N_("Merge two records of one person"),
    .intro = N_("Where they differ, choose each value (Enter); tags are joined. F2 merges."),
    .footer = N_("Tab: next field; Enter: choose; F2: merge; Esc: back"),
    .build = merge_build,
    .read = merge_read,
    .save = merge_save,
    .saved = merge_saved,
    .refused = merge_refused,
    .free_ctx = merge_free,
    .acts = 1, /* the record kept may be as it was: the other still goes into it */
};

/* The fields of keep and other to choose between: those that differ, the name always. */
static void fields_of(struct merge *m, const struct resident *keep)
{
    size_t idx[MERGE_FIELDS_MAX];
    size_t n = resident_merge_differences(keep, &m->other, idx, MERGE_FIELDS_MAX - 1);
    int has_name = 0;
    size_t name = (size_t)record_field_index(&resident_record, "name");
    for (size_t i = 0; i < n; i++)
        has_name |= idx[i] == name;
    if (!has_name) {
        for (size_t i = n; i > 0; i--)
            idx[i] = idx[i - 1];
        idx[0] = name;
        n++;
    }
    for (size_t i = 0; i < n; i++) {
        struct merge_field *mf = &m->fields[m->n++];
        mf->index = idx[i];
        mf->kept = shown(idx[i], keep);
        mf->other = shown(idx[i], &m->other);
        mf->help = xasprintf(_("kept: %s | merged in: %s"), mf->kept, mf->other);
    }
}

struct screen *screen_resident_merge_new(int64_t other_id, int64_t keep_id)
{
    if (other_id == keep_id) {
        ui_message(UI_MSG_ERROR, "%s", _("Not merged: that is the same record"));
        return NULL;
    }
    struct resident keep;
    struct merge *m = xcalloc(1, sizeof *m);
    if (resident_get(ui.db, keep_id, &keep) != DB_OK) {
        ui_db_failed(_("Not merged"), DB_NOTFOUND);
        free(m);
        return NULL;
    }
    if (resident_get(ui.db, other_id, &m->other) != DB_OK) {
        ui_db_failed(_("Not merged"), DB_NOTFOUND);
        resident_free(&keep);
        free(m);
        return NULL;
    }
    if (resident_ids_differ(&keep, &m->other)) {
        char *id_a = resident_masked_id(keep.id_number),
             *id_b = resident_masked_id(m->other.id_number);
        char *q = xasprintf(_("The two records hold different valid ID numbers (%s and %s): "
                              "usually two people. Merge them all the same?"),
                            id_a, id_b);
        m->ids_confirmed = dialog_confirm(_("Different ID numbers"), q, 0);
        free(q);
        free(id_a);
        free(id_b);
        if (!m->ids_confirmed) {
            ui_message(UI_MSG_INFO, "%s", _("Not merged: the two records are kept apart"));
            resident_free(&keep);
            merge_free(m);
            return NULL;
        }
    }
    fields_of(m, &keep);
    struct screen *s = form_screen_new(&merge_spec, &keep, m);
    resident_free(&keep);
    return s;
}
