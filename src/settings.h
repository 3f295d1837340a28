/*
** settings: what a centre sets once, declared once. Each setting has its
** key (in the database's meta table), its type, its value when none is
** set, the label and help people see; its type says what check a value
** must pass. The settings form, the CLI and the stores all read this one
** list; the values themselves are kept by db/settings_store.h.
*/
#ifndef BANGBAN_SETTINGS_H
#define BANGBAN_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "i18n.h"
#include "record.h"

enum setting_type {
    SETTING_TEXT,     /* one line */
    SETTING_PHONE,    /* a mobile or landline number, or none */
    SETTING_HOURS,    /* 09:00-17:00 */
    SETTING_FRACTION, /* a number from 0 to 1 */
    SETTING_WHOLE,    /* a whole number from 0 to 10,000 */
    SETTING_MS,       /* milliseconds a person has to press a key: 200 to 5,000 */
    SETTING_QUEUE,    /* one of the desk's queues, by its code (request_queue_code()) */
    SETTING_FOLDER,   /* a folder from the root or ~/; "" for the default (folder_exports()) */
    SETTING_COLUMNS,  /* auto, 1 or 2: columns of an ambiguous-width character (src/termwidth.h) */
};

/* SETTING(ID, key, type, default, label, help): every setting, in the order the form shows them. */
#define SETTINGS_LIST(SETTING)                                                                     \
    SETTING(CENTRE, "centre", SETTING_TEXT, "", N_("Centre"),                                      \
            N_("The centre's name, as receipts give it"))                                          \
    SETTING(DESK_PHONE, "desk_phone", SETTING_PHONE, "", N_("Desk phone"),                         \
            N_("The phone receipts give for questions"))                                           \
    SETTING(WORK_HOURS, "work_hours", SETTING_HOURS, "09:00-17:00", N_("Working hours"),           \
            N_("The hours deadlines count in, such as 09:00-17:00"))                               \
    SETTING(BASIC_WEIGHT, "basic_weight", SETTING_FRACTION, "1", N_("Weight of 基本满意"),         \
            N_("How much a 基本满意 answer counts in the satisfaction rate"))                      \
    SETTING(RANK_MIN, "rank_min", SETTING_WHOLE, "5", N_("Follow-ups to rank"),                    \
            N_("Follow-ups a unit needs before the rates rank it"))                                \
    SETTING(ESC_WINDOW, "esc_window_ms", SETTING_MS, "1000", N_("Esc then a digit (ms)"),       \
            N_("How long after Esc a digit is taken as an F-key (Esc 1 = F1); Esc Esc goes "       \
               "back at once"))                                                                    \
    SETTING(LOCK_FAILURES, "lock_failures", SETTING_WHOLE, "5", N_("Failed sign-ins to lock"),     \
            N_("Wrong passwords in a row that lock an account (0: never locked)"))                 \
    SETTING(LOCK_MINUTES, "lock_minutes", SETTING_WHOLE, "15", N_("Lock (minutes)"),               \
            N_("How long an account stays locked after too many wrong passwords (0: never "        \
               "locked)"))                                                                         \
    SETTING(IDLE_MINUTES, "idle_minutes", SETTING_WHOLE, "10", N_("Cover when idle (minutes)"),    \
            N_("Minutes without a key before the screen is covered until the user signs in "       \
               "again (0: never)"))                                                                \
    SETTING(KIOSK_IDLE, "kiosk_idle_seconds", SETTING_WHOLE, "60", N_("Kiosk start over (s)"),     \
            N_("Seconds without a key before the self-service kiosk clears what was typed and "    \
               "shows its start screen again (0: never)"))                                         \
    SETTING(KIOSK_SIGN_SHOW, "kiosk_sign_show_seconds", SETTING_WHOLE, "8",                        \
            N_("Kiosk sign-in shown (s)"),                                                         \
            N_("Seconds a kiosk sign-in or sign-out stays shown (0: until a key or start-over)"))  \
    SETTING(KIOSK_SIGN_PICK, "kiosk_sign_pick_seconds", SETTING_WHOLE, "20",                       \
            N_("Kiosk activity pick (s)"),                                                         \
            N_("Seconds the kiosk's list of activities waits for a key, then records nothing "     \
               "(0: until start-over)"))                                                           \
    SETTING(VISIT_QUOTA, "visit_quota", SETTING_WHOLE, "0", N_("Visits a month per chief"),        \
            N_("How many visits a building chief is expected to make in a month (0: no "           \
               "quota); the visits report says who falls short"))                                  \
    SETTING(CHIEF_LOAD, "chief_load", SETTING_WHOLE, "5", N_("Buildings per 楼长"),                \
            N_("The most buildings one 楼长 looks after before the coverage names them"))          \
    SETTING(HOURS_NOTICE, "hours_notice_days", SETTING_WHOLE, "3",                                 \
            N_("Hours notice (working days)"),                                                     \
            N_("Working days a confirmed service record is on public notice before its hours "     \
               "count"))                                                                           \
    SETTING(CERT_HEAD, "certificate_head", SETTING_TEXT, "", N_("Certificate 负责人"),             \
            N_("The 负责人 named on volunteer service certificates (志愿服务记录证明)"))           \
    SETTING(FIRST_QUEUE, "first_queue", SETTING_QUEUE, "open", N_("Requests open on"),             \
            N_("The queue the requests screen shows first"))                                       \
    SETTING(EXPORT_DIR, "export_dir", SETTING_FOLDER, "", N_("Export folder"),                     \
            N_("Where exports, saved receipts and the rates CSV go when only a file name is "      \
               "typed; made when first written to"))                                               \
    SETTING(AMBIGUOUS_WIDE, "ambiguous_wide", SETTING_COLUMNS, "auto",                             \
            N_("Ambiguous-width characters"),                                                      \
            N_("Whether this terminal draws characters of ambiguous width (the dot in Uyghur "     \
               "names, Greek letters) in two columns, as PuTTY's CJK setting does: automatic "     \
               "asks the terminal at start"))

enum setting_id {
#define SETTING_ENUM(id, key, type, dflt, label, help) SETTING_##id,
    SETTINGS_LIST(SETTING_ENUM)
#undef SETTING_ENUM
        SETTING_COUNT
};

struct setting {
    const char *key; /* in meta: "work_hours" */
    enum setting_type type;
    const char *dflt;  /* the value when none is set */
    const char *label; /* msgid */
    const char *help;  /* msgid */
};

/* The declaration of a setting. */
const struct setting *setting_info(enum setting_id id);

/* NULL when text is a good value for setting id, else why not (translated, borrowed). */
const char *setting_check(enum setting_id id, const char *text);

/* The values of a SETTING_COLUMNS setting, in the order a form offers them, and their labels
 * (msgids). */
#define SETTING_COLUMNS_COUNT 3
extern const char *const setting_columns_values[SETTING_COLUMNS_COUNT];
extern const char *const setting_columns_labels[SETTING_COLUMNS_COUNT];

/* A number setting's value from its text (its default when the text is not a good value). */
double setting_number(enum setting_id id, const char *text);

/*
** The settings as one record (record.h), so the settings form saves them
** as every form saves a record: only what this desk changed, the version
** checked.
*/
struct settings {
    int64_t version;            /* moves with every save of the settings */
    char *value[SETTING_COUNT]; /* as stored; "" when none is (the default applies) */
    char *updated_at, *updated_by;
};

extern const struct record_type settings_record;

/* A setting's value: as stored, or its default when none is. Borrowed from s. */
const char *settings_value(const struct settings *s, enum setting_id id);

#endif
