/*
** screens: the constructors of every screen. Each returns a new screen
** for ui_push(), which owns it from then on.
*/
#ifndef BANGBAN_SCREENS_H
#define BANGBAN_SCREENS_H

#include "db/area.h"
#include "db/calendar_store.h"
#include "db/request_store.h"
#include "src/catalogue.h"
#include "ui/ui.h"

/* 工作台: the home screen, leading to the sections that exist. */
struct screen *screen_home_new(void);

/*
** The first screen: the home screen when the system login is bound to an
** active user (signed in as it, no password asked) or the database has no
** users yet; else the sign-in screen, which opens the home screen once
** signed in.
*/
struct screen *screen_start_new(void);

/*
** 自助终端: the self-service kiosk's start screen (服务指南, 查进度, 我要反映),
** from which every kiosk screen is reached; ui.kiosk must be set
** (ui_kiosk_begin()).
*/
struct screen *screen_kiosk_new(void);

/*
** bangban kiosk: sign in the active kiosk user (role kiosk) the system
** login is bound to, make the program the kiosk (ui_kiosk_begin()) and
** return its start screen; or NULL with *err (caller frees) when the
** system login is bound to no kiosk user.
*/
struct screen *screen_kiosk_start(char **err);

/*
** Ctrl-C, Ctrl-Z, Ctrl-\ or F10 at the kiosk: ask for a supervisor's or
** an admin's login and password. Returns 1 when given (audited
** kiosk-exit): the program may end; else 0, said on the message line (a
** wrong one audited kiosk-exit-refused).
*/
int kiosk_leave_asked(void);

/* How the cover ended. */
enum cover_end {
    COVER_LIFTED,     /* the same user signed in again: everything under it goes on */
    COVER_SIGNED_OUT, /* a supervisor uncovered it: the user is signed out, *note says so */
    COVER_SIGNAL,     /* a terminating signal (term_signal()) */
};

/*
** Cover the screen until the user signed in (ui.user) signs in again: by
** their password, or, signed in by their bound system login, by Enter.
** What the screens hold, unsaved typing included, is kept under it. Or a
** supervisor or admin signs in on it (F2 or Tab, told first that the user
** is signed out and their unsaved typing dropped): then the user is signed
** out (ui.user NULL) and *note gets what the sign-in screen says next
** (caller frees). how ("idle", "key") goes to the audit log with the
** cover and the uncovering, each its own row, subject the covered user.
*/
enum cover_end ui_cover(const char *how, char **note);

/*
** The sign-in screen, which opens the home screen once signed in; note
** (copied; NULL: the system login is bound to no user) is its first line.
*/
struct screen *screen_signin_new(const char *note);

/* Nobody is signed in from now on (the actor, the user, their rights forgotten): the sign-in
 * screen comes next. */
void screen_signed_out(void);

/* 操作员: the users who sign in (list and form). */
struct screen *screen_users_new(void);

/* Ask for a new password of user_id (login names it) twice, and set it. Returns 1 when set. */
int ui_password_change(int64_t user_id, const char *login);

/* A command: change the password of the user signed in (said when there is none). */
void ui_password_own(struct screen *s, const struct command *c);

/* What under offers (its commands; may be NULL) and the keys and what they do, from the action
 * table. */
struct screen *screen_help_new(const struct screen *under);

/*
** A long text to read in full, titled title: add its sections with
** screen_text_add() before ui_push().
*/
struct screen *screen_text_new(const char *title);
/* Add a section: a heading (bold, may be NULL) and its body, wrapped; both copied. */
void screen_text_add(struct screen *s, const char *heading, const char *body);

/* 操作日志: the audit log, its filters and whether its hash chain is whole. */
struct screen *screen_audit_new(void);

/* 区域与楼宇: streets, communities, grids and buildings, starting on tab kind. */
struct screen *screen_area_new(enum area_kind kind);
/* 区域与楼宇 opened on its 企业 tab: the organisations the user's scope holds (F7 registers one).
 */
struct screen *screen_area_organisations_new(void);

/* The form to create (rec NULL) or edit a record of kind. rec is copied. */
struct screen *screen_area_form_new(enum area_kind kind, const struct area *rec);

/* 企业 (一企一档): the organisations' list, a tab of 区域与楼宇 (ui/screen_organisation.c). */
struct list_tab;
extern const struct list_tab organisation_list_tab;

/* The organisations in one building, their list (the building's id and name are copied). */
struct screen *screen_organisations_new(int64_t building_id, const char *building_name);
/* One organisation's file (一企一档): its record, its requests, its visits, its changes. */
struct screen *screen_organisation_file_new(int64_t id);

/* 工作人员类别: the kinds of staff, their list and form. */
struct screen *screen_staff_kinds_new(void);
/* 志愿服务: the volunteer register and its teams. */
struct screen *screen_volunteer_new(void);

/* 星级: the star levels (list and form), and the volunteers a star is due (awarded there). */
struct screen *screen_star_levels_new(void);
struct screen *screen_stars_due_new(void);

/*
** 志愿服务记录证明: the form issuing one for the volunteer volunteer_id
** (name and number shown), or NULL when their hours cannot be read (said);
** the register of those issued.
*/
struct screen *screen_certificate_issue_new(int64_t volunteer_id, const char *name,
                                            const char *number);
struct screen *screen_certificates_new(void);
/* Print certificate c, or save it to a file, as the clerk chooses. */
struct certificate;
void certificate_offer(const struct certificate *c);

/* 工作人员: the staff, their list and form; F9 lists a person's posts. */
struct screen *screen_staff_new(void);

/*
** 岗位: the posts, current and past, over place place_id of kind place
** (enum post_place; -1: every place), or of staff member staff_id (0:
** anyone's); title names what they are narrowed to (NULL: nothing). F7
** adds a post, Enter or F4 edits, F9 hands one over.
*/
struct screen *screen_posts_new(int place, int64_t place_id, int64_t staff_id, const char *title);

/*
** 交接: ask whom post post_id goes to, on which day, appointed by whom and
** with what note, and hand it over (db/post_store.h: all or nothing);
** says on the message line what was done or why not. Returns 1 when done.
*/
int posts_handover_ask(int64_t post_id);

/*
** The form for a new post of kind over place place_id (0: none chosen),
** its place's name place_name. For a building without a 楼长 (F9).
*/
struct screen *screen_post_form_new(int kind, int64_t place_id, const char *place_name);

/* 片: the blocks of the streets, their list and form. */
struct screen *screen_blocks_new(void);

/* 覆盖情况: what lacks a 楼长, 网格员 or 街长, who is over the load, what ends soon. */
struct screen *screen_coverage_new(void);

/* 同义词: the catalogue's synonyms (供暖 for 供热), their list and form. */
struct screen *screen_synonyms_new(void);

/* 居民: search residents as the clerk types, open, register. */
struct screen *screen_resident_new(void);

/* One resident, masked, with the audited reveal of the full numbers. */
struct screen *screen_resident_view_new(int64_t id);

/* A store's record of a number shown in full (resident_reveal() and its kind). */
typedef int (*reveal_write)(struct db *db, int64_t id, const char *field, const char *reason,
                            const char *actor);

/*
** Show a masked number of record id in full: ask why, and have write
** record it in the audit log. field is "id_number" or "phone", what names
** it for the clerk, whose the person or organisation it belongs to.
** Returns 1 when it may now be shown (the clerk was told why not, else).
*/
int reveal_ask(reveal_write write, int64_t id, const char *field, const char *what,
               const char *whose);

/* The form to register (id 0) or edit a resident. */
struct screen *screen_resident_form_new(int64_t id);

/*
** The form to register the resident a search did not find: named what
** was typed when that reads as a name (resident_name_from_search()).
** typed may be NULL.
*/
struct screen *screen_resident_form_register(const char *typed);

/*
** The form merging resident other_id into keep_id (two records of one
** person), or NULL after saying why not (the same record, one not found,
** different valid ID numbers the clerk did not confirm as one person).
*/
struct screen *screen_resident_merge_new(int64_t other_id, int64_t keep_id);

/* Import a ledger of kind (app/ledgers.h): choose the file and its encoding, preview, import. */
struct ledger_kind;
struct screen *screen_import_new(const struct ledger_kind *kind);

/* A command "import-KIND" of an F9 menu: opens the import of that ledger kind. */
void import_command(struct screen *s, const struct command *c);

/*
** A command "export-KIND" of an F9 menu: asks for the file (ui_ask_export(),
** its label the dialog's title) and writes every record of that ledger
** kind in the columns its import reads, numbers masked.
*/
void export_command(struct screen *s, const struct command *c);

/* 标签: the tags residents can carry, and which are sensitive. */
struct screen *screen_tags_new(void);

/* 诉求: the queues (to dispatch, to sign for, overdue, to follow up ...). */
struct screen *screen_request_new(void);

/* Take a request down; talk_id, when not 0, is the evening talk it comes from. */
struct screen *screen_request_form_new(int64_t talk_id);
/* The intake form for a request a building chief brings from building_id (named name). */
struct screen *screen_request_form_at(int64_t building_id, const char *name);
/*
** A building chief's worklist: the requests of their buildings, open,
** overdue, to tell back to the enterprise that raised them, and all.
*/
struct screen *screen_worklist_new(void);
/* A new visit (走访) to building_id (named building; 0: to choose), its problems becoming requests.
 */
struct screen *screen_visit_form_new(int64_t building_id, const char *building);

/* The form of a new visit to organisation organisation_id (named organisation) in building_id. */
struct screen *screen_visit_form_for(int64_t building_id, const char *building,
                                     int64_t organisation_id, const char *organisation);
/* The visits to the buildings the user looks after, newest first. */
struct screen *screen_visits_new(void);
/* The intake form with resident resident_id as the requester, the service item next. */
struct screen *screen_request_form_for(int64_t resident_id);

/* One request: its clocks, what may be done now (from the workflow table), its timeline. */
struct screen *screen_request_view_new(int64_t id);

/* The form that corrects what was taken down wrongly on request r (read again from the store). */
struct screen *screen_request_correct_new(const struct request *r);

/* Offer the receipt of r: print it, save it to a file, or neither. */
void receipt_offer(const struct request *r);

/* The warnings of a request as words ("[超时] [红]"). Caller frees. */
char *request_flags_text(unsigned flags);

/* 和平夜话: the sessions, and one session's requests with their state. */
struct screen *screen_talk_new(void);
struct screen *screen_talk_requests_new(const struct evening_talk *t);

/* 服务清单: service items, units and the working-day calendar. */
struct screen *screen_catalogue_new(void);

/* The catalogue's forms, which its lists open (list_tab.form). */
extern const struct form_spec item_form, unit_form, day_form;

/* The centre's settings: name and phone on receipts, working hours, how rates are reckoned. */
struct screen *screen_settings_new(void);

/* 三率: the rates per unit, each with its counts and formula. */
struct screen *screen_rates_new(void);

#endif
