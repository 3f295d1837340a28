/*
** staff: the people a centre works with, as the core sees them. For now
** the kinds of staff (工作人员类别: 党建社工, 党建指导员, 街道干部,
** 社区书记, 网格员 ...), an editable list, and its ledger's columns. The
** store is db/staff_store.h.
*/
#ifndef BANGBAN_STAFF_H
#define BANGBAN_STAFF_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

struct staff_kind {
    int64_t id; /* 0 until saved */
    char *code; /* SW, PI ...: letters and digits */
    char *name; /* 党建社工 */
    char *note; /* what people of the kind do */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

/* The longest name and note, in characters (the form and the ledger alike). */
#define STAFF_KIND_NAME_MAX 20
#define STAFF_KIND_NOTE_MAX 100

/* The fields of a staff kind (record.h). */
extern const struct record_type staff_kind_record;

/* The staff kinds ledger: 编码, 名称, 说明. */
enum staff_kind_field { SKF_CODE, SKF_NAME, SKF_NOTE, SKF_COUNT };
extern const struct ledger_schema ledger_staff_kinds;

#endif
