/*
** action: see action.h.
*/
#include "ui/action.h"
#include "ui/input.h"
#include "src/util.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const struct action_info table[] = {
#define ACT_ROW(id, fkey, keys, label, help) {ACT_##id, fkey, keys, label, help},
    ACTION_LIST(ACT_ROW)
#undef ACT_ROW
};

/* One key of the table, decoded. */
struct binding {
    int code; /* as struct key */
    uint32_t ch;
    enum action act;
};

static struct binding *bindings;
static size_t nbindings;

static const struct {
    const char *name;
    int code;
} key_names[] = {
    {"Enter", KEY_ENTER},    {"Tab", UI_KEY_TAB}, {"BTab", KEY_BTAB}, {"Esc", UI_KEY_ESC},
    {"Up", KEY_UP},          {"Down", KEY_DOWN},  {"Left", KEY_LEFT}, {"Right", KEY_RIGHT},
    {"PgUp", KEY_PPAGE},     {"PgDn", KEY_NPAGE}, {"Home", KEY_HOME}, {"End", KEY_END},
    {"Bksp", KEY_BACKSPACE}, {"Del", KEY_DC},     {"Ins", KEY_IC},    {"AEnter", UI_KEY_NEW_LINE},
};

/* Decode one key name of the table. Unknown names are a program error. */
static struct binding binding_parse(const char *name, size_t n, enum action act)
{
    struct binding b = {0, 0, act};
    if (n >= 2 && name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
        b.code = KEY_F(atoi(name + 1));
        return b;
    }
    if (n == 2 && name[0] == '^') {
        b.code = UI_KEY_CTRL(name[1]);
        return b;
    }
    for (size_t i = 0; i < ARRAY_LEN(key_names); i++)
        if (strlen(key_names[i].name) == n && strncmp(key_names[i].name, name, n) == 0) {
            b.code = key_names[i].code;
            return b;
        }
    if (n == 1 && name[0] > ' ' && name[0] < 0x7F) {
        b.ch = (uint32_t)name[0];
        return b;
    }
    die("action table: unknown key name '%.*s'", (int)n, name);
}

static void bindings_build(void)
{
    size_t cap = 0;
    for (size_t i = 0; i < ARRAY_LEN(table); i++) {
        const char *p = table[i].keys;
        while (*p) {
            size_t n = strcspn(p, " ");
            if (nbindings == cap) {
                cap = cap ? cap * 2 : 64;
                bindings = xrealloc(bindings, cap * sizeof *bindings);
            }
            bindings[nbindings++] = binding_parse(p, n, table[i].id);
            p += n;
            while (*p == ' ')
                p++;
        }
    }
}

const struct action_info *action_info(enum action a)
{
    for (size_t i = 0; i < ARRAY_LEN(table); i++)
        if (table[i].id == a) return &table[i];
    return NULL;
}

enum action action_for_key(const struct key *k, int typing_text)
{
    if (!bindings) bindings_build();
    for (size_t i = 0; i < nbindings; i++) {
        const struct binding *b = &bindings[i];
        if (k->code && b->code == k->code)
            return b->act == ACT_NEW_LINE && typing_text != 2 ? ACT_ENTER : b->act;
        if (!k->code && b->ch && b->ch == k->ch && !typing_text) return b->act;
    }
    return ACT_NONE;
}

enum action action_for_fkey(int n)
{
    for (size_t i = 0; i < ARRAY_LEN(table); i++)
        if (table[i].fkey == n) return table[i].id;
    return ACT_NONE;
}
