/*
** screen_volunteer: what the volunteer screens share. The register
** (ui/screen_volunteer.c) lists activities as its third tab with the
** pieces ui/screen_activity.c gives: the activity form, how the tab reads
** and draws its rows, and the roll where volunteers sign in and out by
** number.
*/
#ifndef BANGBAN_SCREEN_VOLUNTEER_H
#define BANGBAN_SCREEN_VOLUNTEER_H

#include "ui/dialog.h"
#include "ui/form_screen.h"
#include "ui/list_screen.h"

/* A choice source of volunteers found by the volunteers' search (ctx unused). */
int volunteer_choices(void *ctx, const char *query, struct choice_list *out);

/* The activity form: F7 and F4 on the activities tab. */
extern const struct form_spec activity_form;

/* The activities tab: its rows (latest start first, narrowed by query) and cells. */
int activity_tab_load(struct list_screen *ls, const char *query, struct list_rows *out);
const char *activity_tab_cell(struct list_screen *ls, const void *row, int col, char *buf);
/* Dimmed: the activities that ended or were cancelled. */
int activity_tab_dim(struct list_screen *ls, const void *row);
/* F7: a new activity starting today. */
void activity_tab_create(struct list_screen *ls);
/* Enter: the activity's roll for today, where a number and Enter signs a volunteer in or out. */
void activity_tab_open(struct list_screen *ls, void *row);
/*
** A volunteer's service records (every day, each's state, 补录 marked, the
** request it helped close) with the hours counted and pending: pushed.
*/
void volunteer_records_open(int64_t volunteer_id, const char *number, const char *name);
/* The corrections volunteers asked for, waiting for the coordinator: Enter grants or refuses. */
struct screen *hours_corrections_screen_new(void);

#endif
