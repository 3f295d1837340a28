/*
** certificates: a 志愿服务记录证明 as this centre issues it: a new
** certificate filled in for a volunteer and a period (the content of the
** hours that count, the issuer's blocks from the settings, the signed-in
** user as 经办人), and its printed text with the volunteer's block (the
** ID number masked unless the certificate says in full).
*/
#ifndef BANGBAN_CERTIFICATES_H
#define BANGBAN_CERTIFICATES_H

#include <stdint.h>

#include "db/db.h"
#include "src/certificate.h"

/*
** Fill out (uninitialised; free with record_free()) as a certificate to
** issue for volunteer_id over from..to as actor: the issuer (setting
** centre), 负责人 (certificate_head), contact (desk_phone), 经办人 (the
** actor's name as a user, else the login), and the content of the counted
** hours in the period (when the period is good). DB_OK or an error.
*/
int certificate_prepare(struct db *db, int64_t volunteer_id, const char *from, const char *to,
                        const char *actor, struct certificate *out);

#endif
