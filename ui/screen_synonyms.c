/*
** screen_synonyms: 同义词, the words residents say for a service (供暖,
** 低保) and the words the catalogue's names use for them (供热, 最低生活保障),
** which the service-item search reads. A list and a form, both configured
** through the kits: typing narrows the list, F7 adds a synonym, Enter or F4
** edits, F8 retires or restores, F6 shows retired ones.
*/
#include "db/synonym_store.h"
#include "src/actor.h"
#include "src/i18n.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"
#include "ui/screens.h"

/* --- the form -------------------------------------------------------------------------------- */

static void synonym_build(struct form_screen *fs)
{
    const struct synonym *s = fs->orig;
    struct form *f = &fs->form;
    form_bind(f,
              form_add_text(f, _("Word"), s->word, SYNONYM_WORD_MAX, 20, synonym_check_word,
                            TEXT_NORM_NOSPACE),
              "word");
    form_bind(f,
              form_add_text(f, _("Catalogue word"), s->target, SYNONYM_WORD_MAX, 20,
                            synonym_check_word, TEXT_NORM_NOSPACE),
              "target");
}

static int synonym_form_read(struct form_screen *fs, void *rec)
{
    struct synonym *s = rec;
    struct form *f = &fs->form;
    record_take(&s->word, form_text(f, form_bound(f, "word")));
    record_take(&s->target, form_text(f, form_bound(f, "target")));
    return 0;
}

static int synonym_form_save(struct form_screen *fs, void *rec)
{
    (void)fs;
    return synonym_save(ui.db, rec, actor_name());
}

static int synonym_form_get(struct form_screen *fs, const void *rec, void *out)
{
    (void)fs;
    return synonym_get(ui.db, ((const struct synonym *)rec)->id, out);
}

/* How the messages name a synonym: 供暖（供热）. Caller frees. */
static char *synonym_name(const void *rec)
{
    const struct synonym *s = rec;
    return xasprintf("%s（%s）", s->word, s->target);
}

static const struct form_spec synonym_form = {.name = synonym_name,
                                              .rights = RIGHT_EDIT_CATALOGUE,
                                              .type = &synonym_record,
                                              .title_new = N_("New synonym"),
                                              .title_edit = N_("Edit synonym"),
                                              .build = synonym_build,
                                              .read = synonym_form_read,
                                              .save = synonym_form_save,
                                              .get = synonym_form_get};

/* --- the list -------------------------------------------------------------------------------- */

static int synonym_load(struct list_screen *ls, const char *query, struct list_rows *out)
{
    struct synonym *rows;
    int rc = synonym_list(ui.db, ls->with_retired, &rows, &out->n);
    out->items = rows;
    list_rows_keep(&synonym_record, out, query, "word", "target");
    return rc;
}

static const char *synonym_cell(struct list_screen *ls, const void *row, int col, char *buf)
{
    (void)ls;
    (void)buf;
    const struct synonym *s = row;
    return col == 0 ? s->word : col == 1 ? s->target : s->retired ? _("Retired") : "";
}

static int synonym_retire(void *row, int retire, int64_t *blocking, void *current)
{
    (void)blocking;
    return synonym_set_retired(ui.db, row, retire, actor_name(), current);
}

static const struct list_retire synonym_retiring = {.set = synonym_retire, .name = synonym_name};

static const struct list_tab synonym_tab = {
    .type = &synonym_record,
    .cols = {{N_("Word"), 20, 0},
             {N_("Catalogue word"), 0, 0},
             {N_("Status"), 6, LIST_COL_RETIRED}},
    .ncols = 3,
    .hint = N_("type Chinese or pinyin initials"),
    .empty = N_("Nothing found. F7 creates a new record."),
    .flags = LIST_RETIRED,
    .load = synonym_load,
    .cell = synonym_cell,
    .form = &synonym_form,
    .retiring = &synonym_retiring,
    .rights = RIGHT_EDIT_CATALOGUE,
};

static const struct command synonym_menu[] = {
    {"import-synonyms", '1', N_("Import synonyms"), N_("Read a synonyms ledger: 词语, 对应词"),
     RIGHT_EDIT_CATALOGUE, import_command, 0, NULL},
    {"export-synonyms", '2', N_("Export synonyms"),
     N_("Write the synonyms to a file (.xlsx or CSV), in the columns the import reads"), 0,
     export_command, 0, NULL},
    {NULL, 0, NULL, NULL, 0, NULL, 0, NULL},
};

static const struct list_spec synonym_list_spec = {
    .title = N_("Synonyms"), .tabs = &synonym_tab, .ntabs = 1, .menu = synonym_menu};

struct screen *screen_synonyms_new(void)
{
    return list_screen_new(&synonym_list_spec, 0, NULL);
}
