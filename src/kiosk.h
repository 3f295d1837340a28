/*
** kiosk: the rules of the self-service kiosk (自助终端) in the hall, as
** the core sees them: what a resident may type for a request's number and
** phone, the plain words a state is told in, how much a matter may hold,
** how many wrong tries make it wait, and the checks of a request left
** there. Nothing here draws or reads the database.
*/
#ifndef BANGBAN_KIOSK_H
#define BANGBAN_KIOSK_H

#include <stddef.h>

#include "request.h"

/* Wrong number-and-phone pairs in a row before the kiosk waits, and for how long. */
#define KIOSK_TRIES        5
#define KIOSK_WAIT_SECONDS 60
/* Characters a matter left at the kiosk may hold (a longer paste is cut there). */
#define KIOSK_MATTER_MAX 500
/* Characters of a name typed at the kiosk. */
#define KIOSK_NAME_MAX 20
/* Characters of the title made from the matter's start. */
#define KIOSK_TITLE_CHARS 30

/*
** Digits the field of a phone's last four takes: a whole mobile number,
** 0086 before it too, which many type there (kiosk_last4_parse).
*/
#define KIOSK_LAST4_TYPED 15

/* What was typed for the last four digits of a phone (kiosk_last4_parse). */
enum kiosk_last4 {
    KIOSK_LAST4_BAD = -1,   /* neither of the below */
    KIOSK_LAST4_DIGITS = 0, /* four digits */
    KIOSK_LAST4_MOBILE = 1, /* a whole mobile number (phone_mobile()): its last four are taken */
};

/*
** The last four digits of a phone typed (full-width digits and spaces
** allowed) into out (5 bytes): four digits, or the last four of a whole
** mobile number typed or pasted there. Returns which (out set), or
** KIOSK_LAST4_BAD (out untouched).
*/
enum kiosk_last4 kiosk_last4_parse(const char *typed, char *out);

/* What state s means to a resident, in plain words (msgid). */
const char *kiosk_state_words(enum request_state s);

/*
** The label of the running deadline in state s, saying what is due by it
** (msgid): "To call you by:" (联系您的期限) once the unit has taken it up,
** "To be done by:" (办结期限) while it is handled; "Deadline:" where none
** is named.
*/
const char *kiosk_due_words(enum request_state s);

/* What a resident left at the kiosk: as typed. */
struct kiosk_matter {
    const char *name;     /* 姓名 */
    const char *phone;    /* a mobile number as typed */
    const char *text;     /* the matter, a few lines */
    const char *category; /* a category's code, or "" when not said */
};

/*
** Check m and make it a request r (initialised by the caller): channel
** kiosk, kind help, requester the name and mobile typed (normalised), title
** the matter's first words, detail the matter. Returns NULL, or why not
** (translated, borrowed) with *field the bad one: 0 name, 1 phone, 2
** matter, 3 category.
*/
const char *kiosk_matter_request(const struct kiosk_matter *m, struct request *r, int *field);

/* Activities of a day the kiosk lists for a volunteer to pick by one digit. */
#define KIOSK_ACTIVITIES_MAX 9

/*
** A name as the kiosk shows it: the surname (a two-character one such as
** 欧阳 when the name is longer than it) and one "*" for the rest: 张* for
** 张三丰, 欧阳* for 欧阳娜娜; a name of one character is "*". A new
** string; caller frees.
*/
char *kiosk_name_masked(const char *name);

#endif
