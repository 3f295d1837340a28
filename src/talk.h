/*
** talk: 和平夜话, an evening-talk session: officials' visits after hours
** that collect residents' requests. The store is in db/request_store.h.
*/
#ifndef BANGBAN_TALK_H
#define BANGBAN_TALK_H

#include <stdint.h>

#include "record.h"

struct evening_talk {
    int64_t id;
    char *held_on; /* YYYY-MM-DD */
    char *place, *officials, *note;
    int64_t community_id;
    char *community; /* stored: the community's name */
    int64_t version;
    char *updated_at, *updated_by; /* stored */
    int64_t requests, open;        /* stored: requests raised in it, and how many are still open */
};

/* The fields of a session (record.h). */
extern const struct record_type talk_record;

/* A session with every string "" (free with talk_free()). */
static inline void talk_init(struct evening_talk *t)
{
    record_init(&talk_record, t);
}
static inline void talk_free(struct evening_talk *t)
{
    record_free(&talk_record, t);
}

#endif
