/*
** synonym: a word residents say for a service (供暖, 低保) and the word the
** catalogue's names use for it (供热, 最低生活保障): the service-item
** search finds an item named with the one when the other is typed. An
** editable list, and its ledger's columns. The store is db/synonym_store.h.
*/
#ifndef BANGBAN_SYNONYM_H
#define BANGBAN_SYNONYM_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

struct synonym {
    int64_t id;   /* 0 until saved */
    char *word;   /* 供暖: what is typed; one synonym per word */
    char *target; /* 供热: what the catalogue's names say instead */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

/* The longest word and target, in characters (the form and the ledger alike). */
#define SYNONYM_WORD_MAX 20

/* The fields of a synonym (record.h). */
extern const struct record_type synonym_record;

/* The synonyms ledger: 词语, 对应词. */
enum synonym_field { SYF_WORD, SYF_TARGET, SYF_COUNT };
extern const struct ledger_schema ledger_synonyms;

/* NULL when text may be a word or target (no spaces), else why not (a static msgid, translated). */
const char *synonym_check_word(const char *text);

#endif
