/*
** settings_store: the values of the centre's settings (src/settings.h), kept
** in the database's meta table under their keys, with a version that
** moves with every save so that two desks editing the settings never
** silently overwrite each other.
*/
#ifndef BANGBAN_SETTINGS_STORE_H
#define BANGBAN_SETTINGS_STORE_H

#include "db/db.h"
#include "src/settings.h"

/*
** Every setting's value (as stored, or its default), and their version,
** into out (initialised here; free with record_free()).
*/
int settings_load(struct db *db, struct settings *out);

/*
** Save s as actor, in one transaction: each value that differs from the
** stored one, and one audit row ("settings") naming each setting changed,
** "Label: old -> new". actor needs RIGHT_CONFIGURE (DB_DENIED, nothing
** written). Refused with DB_CONFLICT when the settings were saved since
** s->version was read, with DB_INVALID when a value changed fails its
** check (one left as stored is not judged again).
** DB_OK moves s->version on when a value was written.
*/
int settings_save(struct db *db, struct settings *s, const char *actor);

/*
** Set one setting (checked: DB_INVALID when the value is not good) in its
** own transaction, audited as settings_save() is; actor needs
** RIGHT_CONFIGURE (DB_DENIED). A value as stored already writes nothing.
*/
int settings_set(struct db *db, enum setting_id id, const char *value, const char *actor);

/* One setting's value: as stored, or its default. Caller frees. */
char *settings_get(struct db *db, enum setting_id id);

/* A number setting's value (its default when the stored one is not a good value). */
double settings_get_number(struct db *db, enum setting_id id);

#endif
