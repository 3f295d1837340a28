/*
** dialog: boxes over the current screen that wait for an answer: a
** yes/no question, a message, a choice among a few options, and a choice
** from a list narrowed as one types. Each redraws the screen beneath at
** every key, so a resize while a dialog is open lays everything out anew.
*/
#ifndef BANGBAN_DIALOG_H
#define BANGBAN_DIALOG_H

#include <time.h>

#include <stddef.h>
#include <stdint.h>

#include "src/util.h"

struct choice {
    int64_t id;
    char *label;  /* what the list shows and the field takes */
    char *detail; /* a second column, may be "" */
};

struct choice_list {
    struct choice *items;
    size_t n;
    size_t unlisted;   /* more that match and are not listed (a search cut short): said under it */
    int unlisted_more; /* and more again than unlisted: 「at least」 */
};

/* Append a choice (strings are copied). */
void choice_list_add(struct choice_list *l, int64_t id, const char *label, const char *detail);
/* The same, for a short fixed list: only when what was typed finds label (pinyin_matches()). */
void choice_list_offer(struct choice_list *l, const char *typed, int64_t id, const char *label,
                       const char *detail);
void choice_list_free(struct choice_list *l);

/*
** Where a chooser's items come from: fill *out with the items matching
** query ("" for all). Returns 0, or -1 when they could not be read.
*/
typedef int (*choice_source)(void *ctx, const char *query, struct choice_list *out);

/* Ask a yes/no question. Y/1 say yes, N/2/Esc no, Enter the default. Returns 1 for yes. */
int dialog_confirm(const char *title, const char *question, int default_yes);

/*
** A question that comes up while the clerk is typing (a number found on
** file): answered only by keys that are never typing (Enter for the choice
** shown, which starts at No; Esc for No; Left, Right or Tab to change it).
** Letters and digits typed into it are not taken as answers. Returns 1 for
** Yes.
*/
int dialog_confirm_unbidden(const char *title, const char *question);

/*
** Show text until Enter or Esc closes it; every other key typed meanwhile
** is swallowed (a password typed at a refusal must not drive the screen
** beneath).
*/
void dialog_notice(const char *title, const char *text);

/*
** Offer n options under a text; digits 1..n or Up/Down and Enter choose.
** Returns the index chosen, or -1 for Esc.
*/
int dialog_options(const char *title, const char *text, const char *const *options, int n);

/*
** The same, each option chosen by its own key keys[i] (a printable ASCII
** character, shown beside it) rather than by its position.
*/
int dialog_options_keyed(const char *title, const char *text, const char *const *options,
                         const char *keys, int n);

/*
** Choose one item of src, narrowing the list at every key typed; initial
** is typed first (may be NULL). Returns 1 with *chosen set (caller frees
** its strings with choice_list_free-like care: free label and detail), or
** 0 when cancelled.
*/
int dialog_choose(const char *title, choice_source src, void *ctx, const char *initial,
                  struct choice *chosen);
/* The same, opened on the row of id current (0: the first), the value chosen before. */
int dialog_choose_at(const char *title, choice_source src, void *ctx, const char *initial,
                     int64_t current, struct choice *chosen);

/*
** Ask for one line of text (at most max characters), starting from
** initial (may be NULL). Enter accepts, Esc cancels. Returns 1 with *out
** (caller frees), or 0.
*/
int dialog_input(const char *title, const char *prompt, const char *initial, size_t max,
                 char **out);
/*
** Ask for a file name (at most max characters), starting from initial
** (may be NULL). folder (may be NULL) is where a bare name goes: shown
** above the field, and what relative names complete against (the working
** directory when NULL). Tab completes the name as far as the directory's
** entries that match it agree (a directory gets its '/'); Tab again lists
** them under the field. Enter accepts, Esc cancels. Returns 1 with *out,
** the name as typed (caller frees), or 0.
*/
int dialog_file(const char *title, const char *prompt, const char *folder, const char *initial,
                size_t max, char **out);
/*
** The same for a text of several lines (a reason, an answer) edited in a
** box lines rows high: it wraps as it is shown elsewhere; Alt+Enter or
** Ctrl+J starts a new line, Enter accepts.
*/
int dialog_input_lines(const char *title, const char *prompt, const char *initial, size_t max,
                       int lines, char **out);

/*
** Says what is wrong with the values of dialog_inputs() (n of them): NULL
** when they will do, else the message (caller frees) with *field set to
** the field to go back to.
*/
typedef char *(*dialog_inputs_check)(void *ctx, char *const *values, int *field);

/*
** Ask for n lines of text in one box, each under its prompt (at most max
** characters). values[i] holds the first text (may be NULL) and, when
** accepted, a new string (caller frees; the old one is freed). Tab, Up and
** Down move between the fields; Enter goes to the next one and on the last
** accepts, after check (may be NULL) has found nothing wrong: otherwise its
** message shows in the box and its field takes the focus, nothing typed
** lost. Esc cancels. Returns 1 when accepted.
*/
int dialog_inputs(const char *title, const char *const *prompts, char **values, size_t n,
                  size_t max, dialog_inputs_check check, void *ctx);

/*
** Ask for a period as its first and last day (2026-01-01, 2026/1/1 or
** 20260101), starting from *from .. *to when *from is set. A day that is
** none, or a last day before the first, is said in the box with the field
** to mend. Returns 1 with *from (its first instant) and *to (the instant
** after its last day), or 0 when cancelled.
*/
int dialog_period(const char *title, time_t *from, time_t *to);

/* dialog_inputs() where field i is a password (drawn as '*'s) when bit i of hidden is set. */
int dialog_inputs_hidden(const char *title, const char *const *prompts, char **values, size_t n,
                         size_t max, unsigned hidden, dialog_inputs_check check, void *ctx);

/*
** Tick any of n items (Space or Enter toggles, F2 accepts, Esc cancels);
** checked[i] holds and receives each item's state. Returns 1 when accepted.
*/
int dialog_checklist(const char *title, const char *const *items, int *checked, size_t n);

/*
** Show how far a long task has come (step, a bar and the percentage) over
** the screen, at once, without waiting for a key. Call it again as it goes.
*/
void dialog_progress(const char *step, size_t done, size_t total);

/* dialog_conflict() answers. */
enum conflict_choice {
    CONFLICT_OVERWRITE, /* save what I changed over what they saved */
    CONFLICT_THEIRS,    /* drop my typing, show theirs */
    CONFLICT_EDIT,      /* go back to editing, nothing lost */
};

/*
** Someone saved the record first: say who and when, list what each desk
** changed (differences: lines), and ask what to do.
*/
enum conflict_choice dialog_conflict(const char *who, const char *when, const char *differences);

#endif
