/*
** audit_store: see audit_store.h.
*/
#include "db/audit_store.h"
#include "src/actor.h"
#include "src/clock.h"

int audit_append(struct db *db, const char *actor, const char *action, const char *subject,
                 const char *detail)
{
    char when[20];
    clock_format(clock_now(), when);
    struct db_stmt *st = db_prepare(db, "INSERT INTO audit_log (at, actor, terminal, action,"
                                        " subject, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    db_bind_text(st, 1, when);
    db_bind_text(st, 2, actor);
    db_bind_text(st, 3, actor_terminal());
    db_bind_text(st, 4, action);
    db_bind_text(st, 5, subject);
    db_bind_text(st, 6, detail);
    return db_write_one(db, st, NULL);
}
