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

void receipt_centred(struct strbuf *sb, const char *s)
{
    int w = text_width(s);
    for (int i = 0; i < (RECEIPT_COLS - w) / 2; i++)
        strbuf_addc(sb, ' ');
    strbuf_adds(sb, s);
    strbuf_addc(sb, '\n');
}

void receipt_line(struct strbuf *sb, const char *label, const char *value)
{
    if (!value || !*value) return;
    int lw = text_width(label);
    const char *p = value;
    int first = 1;
    while (*p) {
        const char *next;
        size_t n = text_wrap_line(p, RECEIPT_COLS - lw, &next);
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

void receipt_rule(struct strbuf *sb)
{
    for (int i = 0; i < RECEIPT_COLS; i++)
        strbuf_addc(sb, '-');
    strbuf_addc(sb, '\n');
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
    receipt_line(&sb, "诉求内容：", r->title);
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
    strbuf_adds(&sb, "请妥善保存本回执，凭回执编号查询办理进度。\n");
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
