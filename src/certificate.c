/*
** certificate: see certificate.h.
*/
#include "certificate.h"
#include "date.h"
#include "hours.h"
#include "i18n.h"
#include "receipt.h"
#include "text.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CF(member, kind, label, flags)                                                             \
    FIELD_OF(struct certificate, member, kind, label, flags, NULL)

static const struct field_desc certificate_fields[] = {
    CF(id, FIELD_INT64, NULL, FIELD_KEY),
    CF(number, FIELD_TEXT, N_("Certificate number"), FIELD_STORED),
    CF(volunteer_id, FIELD_INT64, NULL, FIELD_STORED),
    CF(volunteer_number, FIELD_TEXT, N_("Volunteer number"), FIELD_STORED),
    CF(volunteer_name, FIELD_TEXT, N_("Full name"), FIELD_STORED),
    CF(id_type, FIELD_TEXT, NULL, FIELD_STORED),
    CF(id_number, FIELD_TEXT, NULL, FIELD_STORED),
    CF(period_from, FIELD_TEXT, N_("From"), 0),
    CF(period_to, FIELD_TEXT, N_("To"), 0),
    CF(minutes, FIELD_INT64, N_("Minutes"), FIELD_STORED),
    CF(content, FIELD_TEXT, N_("Content"), 0),
    CF(issuer, FIELD_TEXT, N_("Issued by (centre)"), FIELD_STORED),
    CF(head, FIELD_TEXT, N_("Certificate 负责人"), FIELD_STORED),
    CF(handler, FIELD_TEXT, N_("经办人"), FIELD_STORED),
    CF(contact, FIELD_TEXT, N_("Contact"), FIELD_STORED),
    CF(id_in_full, FIELD_INT, N_("ID number in full"), 0),
    CF(issued_on, FIELD_TEXT, N_("Issued on"), FIELD_STORED),
    CF(issued_by, FIELD_TEXT, NULL, FIELD_STORED),
    CF(voided_at, FIELD_TEXT, N_("Voided"), FIELD_STORED),
    CF(voided_by, FIELD_TEXT, NULL, FIELD_STORED),
    CF(void_reason, FIELD_TEXT, N_("Reason"), FIELD_STORED),
};

const struct record_type certificate_record = {.name = "certificate",
                                               .size = sizeof(struct certificate),
                                               .fields = certificate_fields,
                                               .nfields = ARRAY_LEN(certificate_fields)};

void certificate_number_format(int year, int seq, char *out)
{
    snprintf(out, CERTIFICATE_NUMBER_MAX, "ZM-%04d-%05d", year, seq);
}

int certificate_number_parse(const char *typed, char *out, int *year, int *seq)
{
    char *t = text_trim(typed ? typed : "");
    size_t n = strlen(t);
    int ok = n >= 13 && n <= 14 && toupper((unsigned char)t[0]) == 'Z' &&
             toupper((unsigned char)t[1]) == 'M' && t[2] == '-' && t[7] == '-';
    for (size_t i = 3; ok && i < n; i++)
        if (i != 7 && !isdigit((unsigned char)t[i])) ok = 0;
    int y = 0, s = 0;
    if (ok) {
        y = atoi(t + 3);
        s = atoi(t + 8);
        ok = y >= 1989 && y <= 9999 && s > 0;
    }
    free(t);
    if (!ok) return -1;
    certificate_number_format(y, s, out);
    if (year) *year = y;
    if (seq) *seq = s;
    return 0;
}

const char *certificate_period_check(const char *from, const char *to, const char *today)
{
    struct date f, t, now;
    if (date_parse(from, &f) != DATE_OK) return _("The period's first day is not a date");
    if (date_parse(to, &t) != DATE_OK) return _("The period's last day is not a date");
    if (date_cmp(&f, &t) > 0) return _("The period ends before it begins");
    if (today && date_parse(today, &now) == DATE_OK && date_cmp(&t, &now) > 0)
        return _("The period ends after today");
    return NULL;
}

/* True when name is among the n names of list. */
static int seen(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(list[i], name)) return 1;
    return 0;
}

/*
** all (freed here) too long for a certificate: cut after the last whole
** activity that fits, then 等 (never a name cut in two). Caller frees.
*/
static char *content_cut(char *all)
{
    char *fit = text_excerpt(all, CERTIFICATE_CONTENT_MAX - 1); /* room for 等 */
    free(all);
    char *end = NULL;
    static const char *const seps[] = {"、", "；"};
    for (size_t i = 0; i < ARRAY_LEN(seps); i++)
        for (char *at = strstr(fit, seps[i]); at; at = strstr(at + 1, seps[i]))
            if (at > end) end = at;
    if (!end) return fit; /* one name longer than all: its start, and … */
    *end = '\0';
    char *cut = xasprintf("%s等", fit);
    free(fit);
    return cut;
}

char *certificate_content(const char *const *categories, const char *const *activities, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    const char **done = xcalloc(n + 1, sizeof *done);
    size_t ndone = 0;
    for (size_t i = 0; i < n; i++) {
        if (seen(done, ndone, categories[i])) continue;
        done[ndone++] = categories[i];
        if (sb.len) strbuf_adds(&sb, "；");
        if (*categories[i]) strbuf_addf(&sb, "%s：", categories[i]);
        const char **names = xcalloc(n + 1, sizeof *names);
        size_t nnames = 0;
        for (size_t j = i; j < n; j++) {
            if (!str_eq(categories[j], categories[i]) || seen(names, nnames, activities[j]))
                continue;
            if (nnames) strbuf_adds(&sb, "、");
            strbuf_adds(&sb, activities[j]);
            names[nnames++] = activities[j];
        }
        free(names);
    }
    free(done);
    char *all = strbuf_detach(&sb);
    if (text_chars(all) <= CERTIFICATE_CONTENT_MAX) return all;
    return content_cut(all);
}

char *certificate_text(const struct certificate *c)
{
    struct strbuf sb = STRBUF_INIT;
    char hours[24];
    receipt_centred(&sb, *c->issuer ? c->issuer : "党群服务中心");
    receipt_centred(&sb, "志 愿 服 务 记 录 证 明");
    if (*c->voided_at) receipt_centred(&sb, "【已作废，不作证明之用】");
    receipt_rule(&sb);
    strbuf_adds(&sb, "一、志愿者信息\n");
    receipt_line(&sb, "姓    名：", c->volunteer_name);
    receipt_line(&sb, "证件类型：", c->id_type);
    receipt_line(&sb, "证件号码：", c->id_number);
    receipt_line(&sb, "志愿者编号：", c->volunteer_number);
    strbuf_adds(&sb, "二、志愿服务信息\n");
    char *period = xasprintf("%s 至 %s", c->period_from, c->period_to);
    receipt_line(&sb, "服务时间：", period);
    free(period);
    char *total = xasprintf("%s 小时", hours_format(c->minutes, hours));
    receipt_line(&sb, "服务时长：", total);
    free(total);
    receipt_line(&sb, "服务内容：", *c->content ? c->content : "志愿服务");
    strbuf_adds(&sb, "三、出具单位信息\n");
    receipt_line(&sb, "出具单位：", *c->issuer ? c->issuer : "党群服务中心");
    char *head = xasprintf("%s（签字）", c->head);
    receipt_line(&sb, "负 责 人：", head);
    free(head);
    char *handler = xasprintf("%s（签字）", c->handler);
    receipt_line(&sb, "经 办 人：", handler);
    free(handler);
    receipt_line(&sb, "联系方式：", c->contact);
    strbuf_adds(&sb, "四、证明编号及出具日期\n");
    receipt_line(&sb, "证明编号：", c->number);
    receipt_line(&sb, "出具日期：", c->issued_on);
    if (*c->voided_at) {
        char *voided = xasprintf("已作废（%.10s，%s）", c->voided_at, c->void_reason);
        receipt_line(&sb, "备    注：", voided);
        free(voided);
    }
    receipt_rule(&sb);
    if (*c->voided_at) {
        /* A copy for the file: nothing on it attests. */
        char *voided = xasprintf("本证明已于 %.10s 作废。", c->voided_at);
        receipt_line(&sb, "", voided);
        free(voided);
    } else {
        receipt_line(&sb, "", "兹证明以上志愿服务记录属实。");
        receipt_line(&sb, "", "（出具单位盖章）");
    }
    char *text = strbuf_detach(&sb);
    char *clean = text_printable(text, TEXT_LINES);
    free(text);
    return clean;
}
