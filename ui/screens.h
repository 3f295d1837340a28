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

#endif
