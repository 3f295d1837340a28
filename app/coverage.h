/*
** coverage: 覆盖情况 as people read it, for the screen and `bangban report
** coverage` alike: what lacks a 楼长, a 网格员 or a 街长 on a day, which
** 楼长 look after more buildings than the load, and which posts end within
** 30 days (db/post_store.h reads them), each section a heading and its
** lines.
*/
#ifndef BANGBAN_APP_COVERAGE_H
#define BANGBAN_APP_COVERAGE_H

#include "db/db.h"

/*
** The coverage on day (YYYY-MM-DD) with load buildings a 楼长 may hold (a
** negative load: the setting 每名楼长的楼宇数): section is called for each
** section in order with its heading ("无楼长的楼宇：1") and its lines
** joined by line feeds ("无" when it has none), both borrowed for the call.
** Returns DB_OK or the store's error (then nothing was called).
*/
int coverage_sections(struct db *db, const char *day, int load,
                      void (*section)(void *ctx, const char *heading, const char *body), void *ctx);

/*
** 岗位与交接记录 over the period from .. to (YYYY-MM-DD, both days in), as
** coverage_sections() hands its sections over: who holds which post where
** on to (of kind only when kind >= 0: enum post_kind), the vacancies on
** to (the coverage's first three sections), the hand-overs in the period
** (the day, the post, the place, who handed over to whom, the note), and
** the posts that ended in it with nobody taking them over. Phones masked.
** Returns DB_OK or the store's error.
*/
int posts_record_sections(struct db *db, const char *from, const char *to, int kind,
                          void (*section)(void *ctx, const char *heading, const char *body),
                          void *ctx);

#endif
