/*
** receipt: the slip a desk hands the requester (回执): the request's
** number, the matter, the unit handling it and its phone, the deadlines,
** and the desk's phone to ask after it. It is for residents, so it is
** Chinese whatever the clerk's screen speaks, and the requester's phone
** is masked. Plain UTF-8 text, laid out by display width for a fixed
** font: a file, stdout, or paps | lp.
*/
#ifndef BANGBAN_RECEIPT_H
#define BANGBAN_RECEIPT_H

#include "building_ledger.h"
#include "catalogue.h"
#include "request.h"
#include "util.h"

/* A receipt (and a certificate) is this many columns wide (a CJK character takes two). */
#define RECEIPT_COLS 48

/* The layout every printed slip shares: a line centred, "标签：value" (nothing when value is
 * empty; wrapped under itself when long), and a rule across. Appended to sb. */
void receipt_centred(struct strbuf *sb, const char *s);
void receipt_line(struct strbuf *sb, const char *label, const char *value);
void receipt_rule(struct strbuf *sb);

/* What the receipt says about the desk. */
struct receipt_desk {
    const char *centre;     /* 和平区党群服务中心 */
    const char *desk_phone; /* may be "" */
};

/* The receipt of r as text, lines ending in '\n', text_printable() (no control characters). Caller
 * frees. */
char *receipt_text(const struct request *r, const struct receipt_desk *desk);

/*
** The time limits an item promises, in Chinese ("受理 8 小时内，办结 20 个工作日内").
** Caller frees.
*/
char *receipt_item_limits(const struct service_item *it);

/*
** The service guide of item it, as the kiosk prints it for a resident to
** take along: the item, its unit and unit_phone (may be ""), the
** materials one to a line, the time limits, where to go (the desk of the
** centre) and the desk's phone; Chinese, text_printable(). Caller frees.
*/
char *receipt_guide_text(const struct service_item *it, const char *unit_phone,
                         const struct receipt_desk *desk);

/*
** The 楼宇台账 of l as the centre prints it, 80 columns of a fixed font:
** the building, its 楼长 and 楼宇指导员 with their full phones, its
** property company (物业公司) and phone, the organisations' count, then two lines an organisation
*(name, credit code,
** floor/room; contact, masked phone, employees, party members, party
** organisation, stability, last visit); Chinese, text_printable(). Caller
** frees.
*/
char *receipt_building_text(const struct building_ledger *l, const struct receipt_desk *desk);

#endif
