/*
** staff: the people a centre works with, as the core sees them: the kinds
** of staff (工作人员类别: 党建社工, 党建指导员, 街道干部, 社区书记,
** 网格员 ...), an editable list, and its ledger's columns; and the staff
** themselves (工作人员: name, phone, kind, employer, the bangban user who
** is this person). The store is db/staff_store.h.
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

/* A person the centre works with: a 楼长, a 街长, a 网格员 ... */
struct staff {
    int64_t id; /* 0 until saved */
    char *name;
    char *phone;     /* mobile or landline; shown masked in lists */
    int64_t kind_id; /* staff_kind */
    char *kind_name; /* stored: the kind's name */
    char *employer;  /* the unit employing the person */
    char *login;     /* the bangban user who is this person; "" when none */
    int retired;     /* left the centre's work: kept, with the posts held */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
};

#define STAFF_NAME_MAX     20
#define STAFF_EMPLOYER_MAX 50

/* The fields of a staff member (record.h). */
extern const struct record_type staff_record;

/* A phone as lists show it: 前3后4 for 11 digits or more, else the last 4 kept. Caller frees. */
char *staff_masked_phone(const char *phone);

#endif
