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

#include "request.h"

/* What the receipt says about the desk. */
struct receipt_desk {
    const char *centre;     /* 和平区党群服务中心 */
    const char *desk_phone; /* may be "" */
};

/* The receipt of r as text, lines ending in '\n', text_printable() (no control characters). Caller
 * frees. */
char *receipt_text(const struct request *r, const struct receipt_desk *desk);

#endif
