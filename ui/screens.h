/*
** screens: the constructors of every screen. Each returns a new screen
** for ui_push(), which owns it from then on.
*/
#ifndef BANGBAN_SCREENS_H
#define BANGBAN_SCREENS_H

#include "db/area.h"
#include "ui/ui.h"

/* 工作台: the home screen, leading to the sections that exist. */
struct screen *screen_home_new(void);

/* The keys and what they do, from the action table. */
struct screen *screen_help_new(void);

/* 区域与楼宇: streets, communities, grids and buildings, starting on tab kind. */
struct screen *screen_area_new(enum area_kind kind);

/* The form to create (rec NULL) or edit a record of kind. rec is copied. */
struct screen *screen_area_form_new(enum area_kind kind, const struct area *rec);

/* 居民: search residents as the clerk types, open, register. */
struct screen *screen_resident_new(void);

/* One resident, masked, with the audited reveal of the full numbers. */
struct screen *screen_resident_view_new(int64_t id);

/*
** Show a masked number of a resident in full: ask why, write the audit
** log. field is "id_number" or "phone", what names it for the clerk.
** Returns 1 when it may now be shown.
*/
int resident_reveal_ask(int64_t id, const char *name, const char *field, const char *what);

/* The form to register (id 0) or edit a resident. */
struct screen *screen_resident_form_new(int64_t id);

/* Import a resident ledger: choose the file and its encoding, preview, import. */
struct screen *screen_import_new(void);

/* 标签: the tags residents can carry, and which are sensitive. */
struct screen *screen_tags_new(void);

#endif
