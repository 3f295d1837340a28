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

int command_rights_held(unsigned rights)
{
    unsigned asked = rights & ~RIGHTS_ANY;
    if (rights & RIGHTS_ANY) return (asked & ui.rights) != 0;
    return (asked & ui.rights) == asked;
}

int command_allowed(const struct command *c)
{
    return command_rights_held(c->rights);
}

int command_offered(const struct command *cmds, const struct command **out, int cap)
{
    int n = 0;
    for (int i = 0; cmds && cmds[i].code && n < cap; i++)
        if (command_allowed(&cmds[i])) out[n++] = &cmds[i];
    return n;
}

const struct command *command_by_key(const struct command *cmds, char key)
{
    for (int i = 0; cmds && cmds[i].code; i++)
        if (cmds[i].key == key && command_allowed(&cmds[i])) return &cmds[i];
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
    const struct command *offered[MENU_MAX];
    if (command_count(cmds) > MENU_MAX) die("command table %s: too many commands", cmds[0].code);
    int n = command_offered(cmds, offered, MENU_MAX);
    for (int i = 0; i < n; i++) {
        labels[i] = _(offered[i]->label);
        keys[i] = offered[i]->key;
    }
    int c = dialog_options_keyed(title, _("What next?"), labels, keys, n);
    return c >= 0 ? offered[c] : NULL;
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
    const struct command *offered[MENU_MAX];
    int n = command_offered(cmds, offered, MENU_MAX);
    if (n == 0) {
        ui_message(UI_MSG_ERROR, "%s", _("Nothing here is open to your role"));
        return 0;
    }
    const struct command *c = n == 1 ? offered[0] : command_choose(title, cmds);
    if (c) command_do(s, c);
    return c != NULL;
}
