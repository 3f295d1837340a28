/*
** building_ledger: see building_ledger.h.
*/
#include "building_ledger.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *const building_ledger_columns[BUILDING_LEDGER_COLUMNS] = {
    "企业名称", "统一社会信用代码", "楼层",   "房间",     "联系人",   "联系电话",
    "职工人数", "党员人数",         "党组织", "稳定程度", "最近走访", "入驻日期",
};

void building_ledger_cells(const struct building_ledger *l, size_t i,
                           char *cells[BUILDING_LEDGER_COLUMNS])
{
    const struct organisation *o = &l->orgs[i];
    int c = 0;
    cells[c++] = xstrdup(o->name);
    cells[c++] = xstrdup(o->credit_code);
    cells[c++] = xstrdup(o->floor);
    cells[c++] = xstrdup(o->room);
    cells[c++] = xstrdup(o->contact_name);
    cells[c++] = organisation_masked_phone(o->contact_phone);
    cells[c++] = xasprintf("%lld", (long long)o->employees);
    cells[c++] = xasprintf("%lld", (long long)o->party_members);
    cells[c++] = xstrdup(o->party_org);
    cells[c++] = xstrdup(o->stability);
    cells[c++] = xstrdup(l->last_visit[i]);
    cells[c++] = xstrdup(o->moved_in);
}

char *building_ledger_holders(const struct building_ledger *l, enum post_kind kind)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < l->nposts; i++) {
        const struct post *p = &l->posts[i];
        if (p->kind != (int)kind) continue;
        strbuf_addf(&sb, "%s%s%s%s", sb.len ? "、" : "", p->staff_name, *p->staff_phone ? " " : "",
                    p->staff_phone);
    }
    return strbuf_detach(&sb);
}

char *building_ledger_property(const struct building_ledger *l)
{
    const struct area *b = &l->building;
    return xasprintf("%s%s%s", b->property, *b->property && *b->property_phone ? " " : "",
                     b->property_phone);
}

void building_ledger_free(struct building_ledger *l)
{
    area_free(&l->building);
    record_array_free(&post_record, l->posts, l->nposts);
    for (size_t i = 0; i < l->norgs; i++)
        free(l->last_visit[i]);
    free(l->last_visit);
    record_array_free(&organisation_record, l->orgs, l->norgs);
    memset(l, 0, sizeof *l);
}
