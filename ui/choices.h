/*
** choices: the lists choosers offer, shared by the screens: units,
** service items (found by Chinese, pinyin initials or code), buildings,
** grids, communities, streets, evening-talk sessions, residents (the desk's
** resident search), and the short word lists of a request (channel,
** kind, category, level). Each is a choice_source (ui/dialog.h); ctx is
** unused unless said.
*/
#ifndef BANGBAN_CHOICES_H
#define BANGBAN_CHOICES_H

#include "src/area.h"
#include "src/request.h"
#include "ui/dialog.h"

int choices_units(void *ctx, const char *query, struct choice_list *out);
int choices_items(void *ctx, const char *query, struct choice_list *out);
int choices_buildings(void *ctx, const char *query, struct choice_list *out);
/* The buildings the signed-in user acts on: a building chief's own, anyone else's all. */
int choices_buildings_mine(void *ctx, const char *query, struct choice_list *out);
int choices_grids(void *ctx, const char *query, struct choice_list *out);
int choices_streets(void *ctx, const char *query, struct choice_list *out);
/* Organisations as their search finds them; ctx points at a building id (0: any; NULL: any). */
int choices_organisations(void *ctx, const char *query, struct choice_list *out);
int choices_communities(void *ctx, const char *query, struct choice_list *out);
/* Areas of kind under parent_id (0: all), with what each belongs to (a building: its address). */
int choices_areas_in(enum area_kind kind, int64_t parent_id, const char *query,
                     struct choice_list *out);
int choices_talks(void *ctx, const char *query, struct choice_list *out);
/* Residents as the 居民 search finds them (name, pinyin, ID or phone digits), masked. */
int choices_residents(void *ctx, const char *query, struct choice_list *out);

/* The rows of a word list (src/request.h); ctx is the list. Ids are 1 + the row. */
int choices_words(void *ctx, const char *query, struct choice_list *out);
/* The id and label of a code of a word list (0 and "" when none). */
int64_t choices_word_id(const struct request_word *words, const char *code);
const char *choices_word_code(const struct request_word *words, int64_t id);

/* The levels of the call platform (社区, 街道, 区); ids are 1 + the level. */
int choices_levels(void *ctx, const char *query, struct choice_list *out);

#endif
