/*
** certificates: see certificates.h.
*/
#include "app/certificates.h"
#include "db/certificate_store.h"
#include "db/settings_store.h"
#include "db/star_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/user.h"
#include "src/util.h"

#include <stdlib.h>
#include <string.h>

int certificate_prepare(struct db *db, int64_t volunteer_id, const char *from, const char *to,
                        const char *actor, struct certificate *out)
{
    record_init(&certificate_record, out);
    out->volunteer_id = volunteer_id;
    record_set(&out->period_from, from);
    record_set(&out->period_to, to);
    record_take(&out->issuer, settings_get(db, SETTING_CENTRE));
    record_take(&out->head, settings_get(db, SETTING_CERT_HEAD));
    record_take(&out->contact, settings_get(db, SETTING_DESK_PHONE));
    struct user u;
    if (user_find(db, actor, &u) == DB_OK) {
        record_set(&out->handler, *u.name ? u.name : actor);
        record_free(&user_record, &u);
    } else {
        record_set(&out->handler, actor);
    }
    char today[11];
    clock_today(today);
    if (certificate_period_check(from, to, today)) return DB_OK;
    int64_t minutes = 0;
    char *content = NULL;
    int rc = certificate_service(db, volunteer_id, from, to, today, &minutes, &content);
    if (rc == DB_OK) record_take(&out->content, content);
    return rc;
}
