/*
** synonym: see synonym.h.
*/
#include "synonym.h"
#include "i18n.h"
#include "util.h"
#include "validate.h"

#include <stddef.h>
#include <string.h>

#define YF(member, kind, label, flags) FIELD_OF(struct synonym, member, kind, label, flags, NULL)
static const struct field_desc synonym_fields[] = {
    YF(id, FIELD_INT64, NULL, FIELD_KEY),
    YF(word, FIELD_TEXT, N_("Word"), 0),
    YF(target, FIELD_TEXT, N_("Catalogue word"), 0),
    YF(retired, FIELD_INT, N_("Retired"), FIELD_STORED),
    YF(version, FIELD_INT64, NULL, FIELD_KEY),
    YF(updated_at, FIELD_TEXT, NULL, FIELD_STORED),
    YF(updated_by, FIELD_TEXT, NULL, FIELD_STORED),
};
#undef YF

const struct record_type synonym_record = {.name = "synonym",
                                           .size = sizeof(struct synonym),
                                           .fields = synonym_fields,
                                           .nfields = ARRAY_LEN(synonym_fields)};

static const struct ledger_header synonym_headers[] = {
    {SYF_WORD, "词语"},       {SYF_WORD, "同义词"},     {SYF_WORD, "说法"},
    {SYF_TARGET, "对应词"},   {SYF_TARGET, "清单用词"}, {SYF_TARGET, "目录用词"},
    {LEDGER_IGNORED, "序号"},
};

static const int synonym_required[] = {SYF_WORD, SYF_TARGET};

static const unsigned short synonym_max[SYF_COUNT] = {
    [SYF_WORD] = SYNONYM_WORD_MAX, [SYF_TARGET] = SYNONYM_WORD_MAX};

const struct ledger_schema ledger_synonyms = {synonym_headers,
                                              ARRAY_LEN(synonym_headers),
                                              SYF_COUNT,
                                              synonym_required,
                                              ARRAY_LEN(synonym_required),
                                              NULL,
                                              0,
                                              synonym_max};

const char *synonym_check_word(const char *text)
{
    const char *why = validate_required(text);
    if (why) return why;
    if (strchr(text, ' ')) return _("One word, without spaces");
    return NULL;
}
