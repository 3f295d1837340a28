/*
** certificates: see certificates.h.
*/
#include "app/certificates.h"
#include "db/certificate_store.h"
#include "db/settings_store.h"
#include "db/star_store.h"
#include "db/user_store.h"
#include "db/volunteer_store.h"
#include "src/text.h"
#include "src/user.h"
#include "src/util.h"
#include "src/volunteer.h"

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
    star_today(today);
    if (certificate_period_check(from, to, today)) return DB_OK;
    int64_t minutes = 0;
    char *content = NULL;
    int rc = certificate_service(db, volunteer_id, from, to, today, &minutes, &content);
    if (rc == DB_OK) record_take(&out->content, content);
    return rc;
}

char *certificate_text_for(struct db *db, const struct certificate *c)
{
    struct volunteer v;
    if (volunteer_get(db, c->volunteer_id, &v) != DB_OK) return NULL;
    char *id = xstrdup(v.id_number);
    if (!c->id_in_full)
        text_mask_number(id, volunteer_id_type_is_card(v.id_type) ? 18 : strlen(id), id);
    struct certificate_person p = {v.name, *v.id_number ? v.id_type : "", id, v.number};
    char *text = certificate_text(c, &p);
    free(id);
    record_free(&volunteer_record, &v);
    return text;
}
