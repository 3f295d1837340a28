/*
** screen_help: what the screen it was opened on offers (its commands: the
** F9 menu, or the home screen's sections), then every key of the action
** table with what it does. Nothing here is written twice: the rows come
** from the screen's command table and from ACTION_LIST.
*/
#include "src/i18n.h"
#include "src/text.h"
#include "src/util.h"
#include "ui/draw.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdlib.h>
#include <string.h>

struct help {
    struct screen base;
    struct listview list;
    char **keys;       /* per row: the keys as shown */
    const char **what; /* per row: what they do (translated) */
    int n;
    char *about; /* what the screen under it is for and what its marks mean, or NULL */
};

static const enum action help_bar[] = {ACT_NONE};

/* The keys' column: F9 7  合并到另一条记录（同一人） mostly whole. */
#define HELP_KEYS_COLS 26

/* The key table's short names as the keys are labelled and people say them. */
static const struct {
    const char *key, *shown;
} key_words[] = {
    {"BTab", "Shift+Tab"}, {"Bksp", "Backspace"}, {"PgUp", "PageUp"},      {"PgDn", "PageDown"},
    {"Del", "Delete"},     {"Ins", "Insert"},     {"AEnter", "Alt+Enter"},
};

/* "F2 ^S" with F-key 2 -> "F2  Ctrl+S  Esc 2"; "BTab" -> "Shift+Tab". Caller frees. */
static char *keys_shown(const struct action_info *info)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p = info->keys;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (sb.len) strbuf_adds(&sb, "  ");
        const char *word = NULL;
        for (size_t i = 0; i < ARRAY_LEN(key_words); i++)
            if (strlen(key_words[i].key) == n && strncmp(p, key_words[i].key, n) == 0)
                word = key_words[i].shown;
        if (word)
            strbuf_adds(&sb, word);
        else if (p[0] == '^' && n == 2)
            strbuf_addf(&sb, "Ctrl+%c", p[1]);
        else
            strbuf_add(&sb, p, n);
        p += n;
        while (*p == ' ')
            p++;
    }
    if (info->fkey) strbuf_addf(&sb, "  Esc %d", info->fkey % 10);
    return strbuf_detach(&sb);
}

static const char *help_cell(void *ctx, int row, int col)
{
    struct help *h = ctx;
    return col == 0 ? h->keys[row] : h->what[row];
}

/* Add a row of keys (owned) and what they do. */
static void row_add(struct help *h, char *keys, const char *what)
{
    h->keys = xrealloc(h->keys, (size_t)(h->n + 1) * sizeof *h->keys);
    h->what = xrealloc(h->what, (size_t)(h->n + 1) * sizeof *h->what);
    h->keys[h->n] = keys;
    h->what[h->n++] = what;
}

/* The rows of keys a help screen keeps below the screen's words, however long they run. */
#define HELP_KEYS_MIN 5

static void help_draw(struct screen *s, int top, int rows)
{
    struct help *h = (struct help *)s;
    const char *intro =
        _("Every F-key also works as Esc then a digit within a second (Esc 1 = F1, Esc 0 = "
          "F10); Esc alone goes back after that second, Esc Esc at once. In lists, typing "
          "searches.");
    int y = top;
    /* The screen's words whole where they can be (a queue's run to a dozen lines at 80
     * columns), the keys keeping HELP_KEYS_MIN rows below them. */
    if (h->about)
        y += draw_wrapped(y, 1, COLS - 2, rows - 3 - HELP_KEYS_MIN, h->about,
                          term_attr(UI_NORMAL));
    /* In place of the line on Esc and digits: the selected row in full, when cut in the list. */
    int sel = h->list.sel;
    char *full = NULL;
    if (sel >= 0 && sel < h->n &&
        (text_width(h->keys[sel]) > HELP_KEYS_COLS ||
         text_width(h->what[sel]) > COLS - 3 - HELP_KEYS_COLS))
        full = xasprintf(_("%s: %s"), h->keys[sel], h->what[sel]);
    int said = draw_wrapped(y, 1, COLS - 2, 2, full ? full : intro, term_attr(UI_INFO));
    if (full && said < 2) draw_text(y + 1, 1, COLS - 2, "", term_attr(UI_INFO), 0);
    y += full ? 2 : said;
    free(full);
    listview_draw(&h->list, y, 1, top + rows - y, COLS - 2);
}

static int help_key(struct screen *s, enum action a, const struct key *k)
{
    struct help *h = (struct help *)s;
    (void)k;
    if (a == ACT_BACK || a == ACT_HELP) return UI_CLOSE;
    if (listview_key(&h->list, a)) return UI_HANDLED;
    return a == ACT_NONE ? UI_HANDLED : UI_IGNORED;
}

static void help_free(struct screen *s)
{
    struct help *h = (struct help *)s;
    for (int i = 0; i < h->n; i++)
        free(h->keys[i]);
    free(h->keys);
    free(h->what);
    free(h->about);
    free(h);
}

static const struct screen_ops help_ops = {
    .draw = help_draw, .key = help_key, .dirty = NULL, .free = help_free};

/*
** Is a a key of the screen under the help? The keys that are no F-key,
** F1 and F10 work everywhere; another F-key where the screen's key bar
** offers it (F4, F7 and F8 mean nothing on a request's view).
*/
static int key_offered(const struct screen *under, enum action a)
{
    if (!action_info(a)->fkey || a == ACT_HELP || a == ACT_QUIT || !under || !under->bar) return 1;
    for (const enum action *b = under->bar; *b != ACT_NONE; b++)
        if (*b == a) return 1;
    return 0;
}

struct screen *screen_help_new(const struct screen *under)
{
    static struct list_column cols[2];
    struct help *h = xcalloc(1, sizeof *h);
    h->base.ops = &help_ops;
    h->base.title = _("Keys");
    h->base.bar = help_bar;
    if (under && under->ops->about) h->about = under->ops->about(under);
    const struct command *cmds = under ? under->commands : NULL;
    const struct command *offered[32];
    int alone = command_offered(cmds, offered, 32) == 1; /* F9 runs it at once: no key to press */
    for (int i = 0; cmds && cmds[i].code; i++)
        if (command_allowed(&cmds[i])) /* only what the user's role may run */
            row_add(h,
                    under->commands_direct ? xasprintf("%c  %s", cmds[i].key, _(cmds[i].label))
                    : alone                ? xasprintf("F9    %s", _(cmds[i].label))
                                           : xasprintf("F9 %c  %s", cmds[i].key, _(cmds[i].label)),
                    _(cmds[i].help));
    for (int a = 1; a < ACT_COUNT; a++) {
        const struct action_info *info = action_info((enum action)a);
        if (!key_offered(under, (enum action)a)) continue;
        row_add(h, keys_shown(info), _(info->help));
    }
    cols[0] = (struct list_column){_("Keys"), HELP_KEYS_COLS, 0};
    cols[1] = (struct list_column){_("What it does"), 0, 0};
    h->list = (struct listview){cols, 2, 0, 0, 0, 1, help_cell, NULL, h};
    listview_set_count(&h->list, h->n);
    return &h->base;
}
