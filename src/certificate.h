/*
** certificate: 志愿服务记录证明, the certificate of a volunteer's service
** hours in a period, with the four blocks 民发〔2015〕149号 names: the
** volunteer (name, ID type and number, volunteer number), the service
** (period, hours, content), the issuer (name, 负责人, 经办人, contact) and
** the certificate's number and date. Numbered ZM-YYYY-NNNNN, the year of
** issue and its serial in that year. Printed like a receipt (src/receipt.h):
** Chinese whatever the clerk's screen speaks; the ID number masked unless
** the volunteer asked for it in full.
*/
#ifndef BANGBAN_CERTIFICATE_H
#define BANGBAN_CERTIFICATE_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

#define CERTIFICATE_NUMBER_MAX  24
#define CERTIFICATE_CONTENT_MAX 400
#define CERTIFICATE_REASON_MAX  100

struct certificate {
    int64_t id; /* 0 until issued */
    char *number;
    int64_t volunteer_id;
    char *volunteer_number, *volunteer_name; /* stored: the name as issued */
    char *id_type, *id_number;               /* stored: as printed (masked unless id_in_full) */
    char *period_from, *period_to;           /* YYYY-MM-DD */
    int64_t minutes;                         /* counted in the period, set when issued */
    char *content;
    char *issuer, *head, *handler, *contact;
    int id_in_full; /* the ID number printed in full, as the volunteer asked */
    char *issued_on, *issued_by;
    char *voided_at, *voided_by, *void_reason;
};

extern const struct record_type certificate_record;

/* "ZM-2026-00001" for the seq-th certificate of year, into out[CERTIFICATE_NUMBER_MAX]. */
void certificate_number_format(int year, int seq, char *out);

/*
** Read a certificate number ("ZM-2026-00001"; lower case and spaces
** around taken) into out[CERTIFICATE_NUMBER_MAX] with its year and seq
** (either may be NULL). Returns 0, or -1 when it is not one.
*/
int certificate_number_parse(const char *typed, char *out, int *year, int *seq);

/*
** Is from..to a period a certificate may cover (two dates, from not after
** to, to not after today)? NULL, or why not (translated, borrowed).
*/
const char *certificate_period_check(const char *from, const char *to, const char *today);

/*
** The service's content in words from the activities served (n of them:
** category, may be "", and activity name, in the order to tell them):
** "社区服务：清扫楼道、义诊；助老助残：重阳敬老", each name once; past
** CERTIFICATE_CONTENT_MAX characters, cut after the last whole name that
** fits, then 等. Caller frees.
*/
char *certificate_content(const char *const *categories, const char *const *activities, size_t n);

/*
** Certificate c as text for a fixed font (text_printable()), its volunteer
** block as issued (the ID as it was printed then). Caller frees.
*/
char *certificate_text(const struct certificate *c);

#endif
