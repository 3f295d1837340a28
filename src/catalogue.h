/*
** catalogue: units (责任单位) and the service items they offer through the
** desk (服务事项, the 红色帮办 服务清单), as the core sees them; the time
** limits as people write them ("2小时", "30分钟", "5个工作日"); and the
** catalogue ledger: its columns and the check of one row.
*/
#ifndef BANGBAN_CATALOGUE_H
#define BANGBAN_CATALOGUE_H

#include <stdint.h>

#include "ledger.h"
#include "record.h"

struct unit {
    int64_t id; /* 0 until saved */
    char *code, *name, *kind, *phone;
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* read only */
    int64_t items;                 /* read only: active items it offers */
};

struct service_item {
    int64_t id;
    char *code, *name;
    int64_t unit_id;
    char *unit_name; /* read only, or the unit a ledger names */
    char *category;  /* code: dispute, service, key_task, enforcement, emergency */
    char *description, *materials;
    int accept_minutes; /* 签收 limit in working minutes */
    int resolve_amount; /* 办结 limit ... */
    char resolve_unit;  /* 'd' working days, 'h' working hours */
    int retired;
    int64_t version;
    char *updated_at, *updated_by; /* read only */
};

/* The fields of each (record.h): init, free, copy and merge go through them. */
extern const struct record_type unit_record;
extern const struct record_type service_item_record;

/* Records with every string "" (never NULL); copies need no initialised dst. */
static inline void unit_init(struct unit *u)
{
    record_init(&unit_record, u);
}
static inline void unit_free(struct unit *u)
{
    record_free(&unit_record, u);
}
static inline void unit_copy(struct unit *dst, const struct unit *src)
{
    record_copy(&unit_record, dst, src);
}
static inline void service_item_init(struct service_item *it)
{
    record_init(&service_item_record, it);
}
static inline void service_item_free(struct service_item *it)
{
    record_free(&service_item_record, it);
}
static inline void service_item_copy(struct service_item *dst, const struct service_item *src)
{
    record_copy(&service_item_record, dst, src);
}

/*
** A 签收 limit as written: "30分钟", "2小时", "2 小时", "90min", "2h"
** (full-width digits too). Returns the working minutes (> 0), or 0 when
** the text is not such a limit.
*/
int catalogue_parse_accept(const char *text);

/*
** A 办结 limit as written: "5个工作日", "5工作日", "5 working days", or
** "4小时" / "4h" for working hours. Returns 0 with *amount and *unit ('d'
** or 'h'), or -1.
*/
int catalogue_parse_resolve(const char *text, int *amount, char *unit);

/* The limits as bangban writes them in ledgers (Chinese, as parsed above). Caller frees. */
char *catalogue_accept_text(int minutes);
char *catalogue_resolve_text(int amount, char unit);

/* The fields of a catalogue ledger. */
enum catalogue_field {
    CF_CODE,
    CF_NAME,
    CF_CATEGORY,
    CF_UNIT,
    CF_UNIT_CODE,
    CF_UNIT_KIND,
    CF_UNIT_PHONE,
    CF_MATERIALS,
    CF_ACCEPT,
    CF_RESOLVE,
    CF_DESCRIPTION,
    CF_COUNT,
};

/* The catalogue ledger's schema (事项编码, 事项名称, 类别, 责任单位 ...). */
extern const struct ledger_schema ledger_catalogue;

/*
** Check a catalogue row and turn it into an item (out initialised here;
** free with service_item_free()) and its unit (unit->name, code, kind,
** phone as the row gives them; free with unit_free()). Returns the number
** of problems added (0: the row is good).
*/
int catalogue_row_check(const struct ledger *l, const struct ledger_row *row,
                        struct service_item *out, struct unit *unit,
                        struct ledger_problems *problems);

#endif
