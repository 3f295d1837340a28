/*
** receipt: see receipt.h.
*/
#include "receipt.h"
#include "clock.h"
#include "text.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The 楼宇台账 is this many: its table of organisations takes a line of 80. */
#define LEDGER_COLS 80

static void centred_in(struct strbuf *sb, const char *s, int cols)
{
    int w = text_width(s);
    for (int i = 0; i < (cols - w) / 2; i++)
        strbuf_addc(sb, ' ');
    strbuf_adds(sb, s);
    strbuf_addc(sb, '\n');
}

void receipt_centred(struct strbuf *sb, const char *s)
{
    centred_in(sb, s, RECEIPT_COLS);
}

/* "标签：value" in a line of cols, the value wrapped under itself when it is long. */
static void line_in(struct strbuf *sb, const char *label, const char *value, int cols)
{
    if (!value || !*value) return;
    int lw = text_width(label);
    const char *p = value;
    int first = 1;
    while (*p) {
        const char *next;
        size_t n = text_wrap_line(p, cols - lw, &next);
        if (first)
            strbuf_adds(sb, label);
        else
            for (int i = 0; i < lw; i++)
                strbuf_addc(sb, ' ');
        strbuf_add(sb, p, n);
        strbuf_addc(sb, '\n');
        first = 0;
        p = next;
    }
}

void receipt_line(struct strbuf *sb, const char *label, const char *value)
{
    line_in(sb, label, value, RECEIPT_COLS);
}

static void rule_in(struct strbuf *sb, int cols)
{
    for (int i = 0; i < cols; i++)
        strbuf_addc(sb, '-');
    strbuf_addc(sb, '\n');
}

void receipt_rule(struct strbuf *sb)
{
    rule_in(sb, RECEIPT_COLS);
}

/* The requester's phone shown as 138****8000. Caller frees. */
static char *masked_phone(const char *phone)
{
    size_t n = strlen(phone);
    char *out = xmalloc(n + 1);
    text_mask_number(phone, 11, out);
    return out;
}

char *receipt_text(const struct request *r, const struct receipt_desk *desk)
{
    struct strbuf sb = STRBUF_INIT;
    char when[17], buf[128];
    receipt_centred(&sb, desk->centre && *desk->centre ? desk->centre : "党群服务中心");
    receipt_centred(&sb, "诉 求 受 理 回 执");
    receipt_rule(&sb);
    receipt_line(&sb, "回执编号：", r->number);
    receipt_line(&sb, "受理时间：", clock_format_minute(r->created_at, when));
    char *phone = masked_phone(r->requester_phone);
    char *who = *phone ? xasprintf("%s（%s）", r->requester, phone) : xstrdup(r->requester);
    receipt_line(&sb, "诉 求 人：", who);
    free(who);
    free(phone);
    receipt_line(&sb, "诉求事项：", r->title);
    if (*r->detail && strcmp(r->detail, r->title) != 0) receipt_line(&sb, "诉求内容：", r->detail);
    const char *category = request_word_zh(request_categories, r->category);
    receipt_line(&sb, "事项类别：", category);
    if (*r->item_name) {
        char *item = xasprintf("%s %s", r->item_code, r->item_name);
        receipt_line(&sb, "服务事项：", item);
        free(item);
    }
    if (r->state == RS_ANSWERED) {
        receipt_line(&sb, "办理结果：", "已当场答复");
        receipt_line(&sb, "答复内容：", r->answer);
    } else if (*r->unit_name) {
        char *unit = *r->unit_phone ? xasprintf("%s（%s）", r->unit_name, r->unit_phone)
                                    : xstrdup(r->unit_name);
        receipt_line(&sb, "承办单位：", unit);
        free(unit);
        if (r->accept_due) {
            snprintf(buf, sizeof buf, "%s 前", clock_format_minute(r->accept_due, when));
            receipt_line(&sb, "签收时限：", buf);
        }
        if (r->resolve_due)
            snprintf(buf, sizeof buf, "%s 前", clock_format_minute(r->resolve_due, when));
        else if (r->resolve_unit == 'h')
            snprintf(buf, sizeof buf, "签收后 %d 个工作小时内", r->resolve_amount);
        else
            snprintf(buf, sizeof buf, "签收后 %d 个工作日内", r->resolve_amount);
        receipt_line(&sb, "办结时限：", buf);
        receipt_line(&sb, "回    访：", "办结后下一个工作日电话回访");
    }
    receipt_rule(&sb);
    receipt_line(&sb, "咨询电话：", desk->desk_phone);
    /* The kiosk finds a request by its number and the phone's last 4 digits: without a phone, the
     * desk alone. */
    strbuf_adds(&sb,
                str_empty(r->requester_phone)
                    ? "请妥善保存本回执，凭回执编号到前台询问办理进度。\n"
                    : "请妥善保存本回执，凭回执编号和手机号后 4 位\n在自助终端查询办理进度，或到前"
                      "台询问。\n");
    receipt_centred(&sb, "件件有着落  事事有回音");
    /* What a printer gets is never a control sequence, whatever the request holds. */
    char *shown = text_printable(strbuf_str(&sb), TEXT_LINES);
    strbuf_free(&sb);
    return shown;
}

char *receipt_item_limits(const struct service_item *it)
{
    struct strbuf sb = STRBUF_INIT;
    if (it->accept_minutes > 0 && it->accept_minutes % 60 == 0)
        strbuf_addf(&sb, "受理 %d 小时内", it->accept_minutes / 60);
    else if (it->accept_minutes > 0)
        strbuf_addf(&sb, "受理 %d 分钟内", it->accept_minutes);
    if (it->resolve_amount > 0)
        strbuf_addf(&sb, "%s办结 %d 个工作%s内", sb.len ? "，" : "", it->resolve_amount,
                    it->resolve_unit == 'h' ? "小时" : "日");
    return strbuf_detach(&sb);
}

char *receipt_guide_text(const struct service_item *it, const char *unit_phone,
                         const struct receipt_desk *desk)
{
    struct strbuf sb = STRBUF_INIT;
    const char *centre = desk->centre && *desk->centre ? desk->centre : "党群服务中心";
    receipt_centred(&sb, centre);
    receipt_centred(&sb, "办 事 指 南");
    receipt_rule(&sb);
    char *item = xasprintf("%s %s", it->code, it->name);
    receipt_line(&sb, "服务事项：", item);
    free(item);
    char *unit = unit_phone && *unit_phone ? xasprintf("%s（%s）", it->unit_name, unit_phone)
                                           : xstrdup(it->unit_name);
    receipt_line(&sb, "办理单位：", unit);
    free(unit);
    char *limits = receipt_item_limits(it);
    receipt_line(&sb, "承诺时限：", limits);
    free(limits);
    char *where = xasprintf("%s前台窗口", centre);
    receipt_line(&sb, "办理地点：", where);
    free(where);
    receipt_rule(&sb);
    strbuf_adds(&sb, "请带齐以下材料：\n");
    struct strlist materials = STRLIST_INIT;
    text_split_list(it->materials, &materials);
    for (size_t i = 0; i < materials.n; i++) {
        char *n = xasprintf("%2zu. ", i + 1);
        receipt_line(&sb, n, materials.v[i]);
        free(n);
    }
    if (materials.n == 0) strbuf_adds(&sb, "（无需材料，请到前台咨询）\n");
    strlist_free(&materials);
    receipt_rule(&sb);
    receipt_line(&sb, "咨询电话：", desk->desk_phone);
    char *text = text_printable(strbuf_str(&sb), TEXT_LINES);
    strbuf_free(&sb);
    return text;
}

/* Append src fitted to cols (cut with ".." when longer; right-aligned when right). */
static void cell(struct strbuf *sb, const char *src, int cols, int right)
{
    char *t = text_fit_dup(src, cols, TEXT_FIT_ELLIPSIS | (right ? TEXT_FIT_RIGHT : 0));
    strbuf_adds(sb, t);
    free(t);
}

/* No spaces at the end of a line. */
static void trim_end(struct strbuf *sb)
{
    while (sb->len && sb->buf[sb->len - 1] == ' ')
        sb->buf[--sb->len] = '\0';
}

/* Two lines for an organisation (or the header, when cells name the columns). */
static void ledger_row(struct strbuf *sb, const char *no, const char *const *c)
{
    const char *place = c[2];
    char *fr = *c[2] && *c[3] ? xasprintf("%s层/%s", c[2], c[3]) : xstrdup(*place ? place : c[3]);
    cell(sb, no, 4, 1);
    strbuf_addc(sb, ' ');
    cell(sb, c[0], 41, 0);
    strbuf_addc(sb, ' ');
    cell(sb, c[1], 18, 0);
    strbuf_addc(sb, ' ');
    cell(sb, fr, 14, 0);
    free(fr);
    trim_end(sb);
    strbuf_adds(sb, "\n     ");
    cell(sb, c[4], 10, 0);
    strbuf_addc(sb, ' ');
    cell(sb, c[5], 12, 0);
    for (int i = 6; i < 8; i++) {
        strbuf_addc(sb, ' ');
        cell(sb, c[i], 8, 1);
    }
    strbuf_adds(sb, "  ");
    cell(sb, c[8], 6, 0);
    strbuf_addc(sb, ' ');
    cell(sb, c[9], 10, 0);
    strbuf_addc(sb, ' ');
    cell(sb, c[10], 10, 0);
    trim_end(sb);
    strbuf_addc(sb, '\n');
}

char *receipt_building_text(const struct building_ledger *l, const struct receipt_desk *desk)
{
    struct strbuf sb = STRBUF_INIT;
    const struct area *b = &l->building;
    centred_in(&sb, desk->centre && *desk->centre ? desk->centre : "党群服务中心", LEDGER_COLS);
    centred_in(&sb, "楼 宇 台 账", LEDGER_COLS);
    rule_in(&sb, LEDGER_COLS);
    char *name = xasprintf("%s %s", b->code, b->name);
    line_in(&sb, "楼    宇：", name, LEDGER_COLS);
    free(name);
    line_in(&sb, "地    址：", b->address, LEDGER_COLS);
    line_in(&sb, "所属街道：", b->parent_name, LEDGER_COLS);
    line_in(&sb, "所属网格：", b->grid_name, LEDGER_COLS);
    static const struct {
        enum post_kind kind;
        const char *label;
    } holders[] = {{POST_BUILDING_CHIEF, "楼    长："}, {POST_BUILDING_INSTRUCTOR, "楼宇指导员："}};
    for (size_t i = 0; i < ARRAY_LEN(holders); i++) {
        char *who = building_ledger_holders(l, holders[i].kind);
        line_in(&sb, holders[i].label, *who ? who : "（空缺）", LEDGER_COLS);
        free(who);
    }
    char *property = building_ledger_property(l);
    line_in(&sb, "物业公司：", *property ? property : "（未登记）", LEDGER_COLS);
    free(property);
    long long employees = 0, members = 0;
    for (size_t i = 0; i < l->norgs; i++) {
        employees += l->orgs[i].employees;
        members += l->orgs[i].party_members;
    }
    char *sum = xasprintf("%zu 家，职工 %lld 人，党员 %lld 人", l->norgs, employees, members);
    line_in(&sb, "在驻企业：", sum, LEDGER_COLS);
    free(sum);
    line_in(&sb, "统计日期：", l->day, LEDGER_COLS);
    rule_in(&sb, LEDGER_COLS);
    const char *head[BUILDING_LEDGER_COLUMNS];
    memcpy(head, building_ledger_columns, sizeof head);
    head[2] = "楼层/房间";
    head[3] = "";
    ledger_row(&sb, "序号", head);
    rule_in(&sb, LEDGER_COLS);
    for (size_t i = 0; i < l->norgs; i++) {
        char *c[BUILDING_LEDGER_COLUMNS], no[24];
        building_ledger_cells(l, i, c);
        snprintf(no, sizeof no, "%zu", i + 1);
        ledger_row(&sb, no, (const char *const *)c);
        for (int k = 0; k < BUILDING_LEDGER_COLUMNS; k++)
            free(c[k]);
    }
    if (l->norgs == 0) strbuf_adds(&sb, "（本楼宇暂无在驻企业）\n");
    rule_in(&sb, LEDGER_COLS);
    line_in(&sb, "咨询电话：", desk->desk_phone, LEDGER_COLS);
    char *text = text_printable(strbuf_str(&sb), TEXT_LINES);
    strbuf_free(&sb);
    return text;
}
