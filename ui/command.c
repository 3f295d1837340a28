/*
** command: see command.h.
*/
#include "ui/command.h"
#include "src/i18n.h"
#include "src/util.h"
#include "ui/dialog.h"
#include "ui/ui.h"

#include <stdlib.h>

/* Menus are short: a screen offers a handful of commands. */
#define MENU_MAX 16

int command_count(const struct command *cmds)
{
    int n = 0;
    while (cmds && cmds[n].code)
        n++;
    return n;
}

const struct command *command_by_key(const struct command *cmds, char key)
{
    for (int i = 0; cmds && cmds[i].code; i++)
        if (cmds[i].key == key) return &cmds[i];
    return NULL;
}

/*
** Offer cmds as a menu titled title over the screen: a command's key, or
** Up/Down and Enter, chooses. Returns the command chosen, or NULL for Esc.
*/
static const struct command *command_choose(const char *title, const struct command *cmds)
{
    const char *labels[MENU_MAX];
    char keys[MENU_MAX];
    int n = command_count(cmds);
    if (n > MENU_MAX) die("command table %s: too many commands", cmds[0].code);
    for (int i = 0; i < n; i++) {
        labels[i] = _(cmds[i].label);
        keys[i] = cmds[i].key;
    }
    int c = dialog_options_keyed(title, _("What next?"), labels, keys, n);
    return c >= 0 ? &cmds[c] : NULL;
}

void command_do(struct screen *s, const struct command *c)
{
    if (c->open)
        ui_push(c->open());
    else
        c->run(s, c);
}

int command_menu(struct screen *s, const char *title, const struct command *cmds)
{
    /* A menu of one would only ask to press its key: it is run at once. */
    const struct command *c = command_count(cmds) == 1 ? cmds : command_choose(title, cmds);
    if (c) command_do(s, c);
    return c != NULL;
}
