/*
** screen_kiosk: the self-service kiosk (自助终端) in the hall, for
** residents with a keypad or a plain keyboard and nobody watching: 服务指南
** (the catalogue by category or by what is typed), 查进度 (a request's
** public view by its number and the phone's last four digits), 我要反映
** (a request left for the desk) and 志愿者签到/签退 (a volunteer's number,
** typed or scanned, signs them in to today's activity or out of it). Every screen says which keys
*work and
** needs only digits, arrows, Enter, Backspace and Esc; none lists
** residents or shows a number of anyone's but what was just typed. The
** F-key bar gives way to the screen's keys (screen.keys_hint); leaving,
** idle and the lock key are ui.c's (ui_kiosk_begin()).
**
** The screens take the form widget (ui/form.h) for what is typed but not
** the form kit: the kit saves on F2 and offers F-keys, which a kiosk's
** keypad may not have; here Enter on the last field sends.
*/
#include "app/receipts.h"
#include "app/users.h"
#include "db/catalogue_store.h"
#include "db/hours_store.h"
#include "db/kiosk_store.h"
#include "db/request_store.h"
#include "db/settings_store.h"
#include "db/user_store.h"
#include "src/clock.h"
#include "src/i18n.h"
#include "src/kiosk.h"
#include "src/printer.h"
#include "src/receipt.h"
#include "src/roles.h"
#include "src/text.h"
#include "src/user.h"
#include "src/util.h"
#include "src/workflow.h"
#include "ui/choices.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/screens.h"
#include "ui/term.h"
#include "ui/widget.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Where the kiosk's text starts, and how wide it runs. */
#define KX 4
#define KW (COLS - 2 * KX)

/* A heading, bold and centred. */
static void heading(int y, const char *text)
{
    draw_center(y, 0, COLS, text, term_attr(UI_HEADER));
}

/* "label" then value, on row y; returns the rows used (value wrapped under itself). */
static int labelled(int y, int rows, const char *label, const char *value)
{
    if (rows <= 0) return 0;
    int lw = text_width(label);
    draw_text(y, KX, lw, label, term_attr(UI_HEADER), 0);
    return draw_wrapped(y, KX + lw + 1, KW - lw - 1, rows, value, term_attr(UI_NORMAL));
}

/* Print text on the centre's printer, or say to ask the desk. what: "材料清单", "回执". */
static void kiosk_print(const char *text, const char *what)
{
    if (!printer_available()) {
        ui_message(UI_MSG_ERROR,
                   _("This kiosk has no printer: please ask at the desk to print the %s"), what);
        return;
    }
    char *job = NULL, *err = NULL;
    if (printer_print(text, NULL, &job, &err) == 0)
        ui_message(UI_MSG_INFO, _("The %s is printing: take it from the printer"), what);
    else
        ui_message(UI_MSG_ERROR, _("The %s could not be printed: please ask at the desk"), what);
    free(job);
    free(err);
}

/* --- 服务指南: one item --------------------------------------------------------------------- */

struct kiosk_item {
    struct screen base;
    struct service_item it;
    char *unit_phone;
    int top; /* first row of the materials shown */
};

static void item_draw(struct screen *s, int top, int rows)
{
    struct kiosk_item *v = (struct kiosk_item *)s;
    heading(top + 1, v->it.name);
    int y = top + 3, end = top + rows - 1;
    y += labelled(y, end - y, _("Item code:"), v->it.code);
    y += labelled(y, end - y, _("Unit:"), v->it.unit_name);
    y += labelled(y, end - y, _("Phone:"), *v->unit_phone ? v->unit_phone : _("ask at the desk"));
    char *limits = receipt_item_limits(&v->it);
    y += labelled(y, end - y, _("Time limit:"), *limits ? limits : _("ask at the desk"));
    free(limits);
    y += labelled(y, end - y, _("Where:"), _("the desk of this centre"));
    y++;
    if (y < end) draw_text(y++, KX, KW, _("Bring these materials:"), term_attr(UI_HEADER), 0);
    struct strlist m = STRLIST_INIT;
    text_split_list(v->it.materials, &m);
    if (v->top > 0 && (size_t)v->top >= m.n) v->top = m.n ? (int)m.n - 1 : 0;
    for (size_t i = (size_t)v->top; i < m.n && y < end; i++) {
        char *n = xasprintf("%2zu. ", i + 1);
        draw_text(y, KX, 4, n, term_attr(UI_NORMAL), 0);
        y += draw_wrapped(y, KX + 4, KW - 4, end - y, m.v[i], term_attr(UI_NORMAL));
        free(n);
    }
    if (m.n == 0 && y < end)
        draw_text(y, KX, KW, _("No materials are listed: ask at the desk"), term_attr(UI_NORMAL),
                  0);
    strlist_free(&m);
}

static int item_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_item *v = (struct kiosk_item *)s;
    if (a == ACT_BACK || a == ACT_BACKSPACE) return UI_CLOSE;
    if (a == ACT_DOWN || a == ACT_PAGE_DOWN) v->top++;
    if ((a == ACT_UP || a == ACT_PAGE_UP) && v->top > 0) v->top--;
    if (a == ACT_NONE && k->ch == '1') {
        char *text = receipt_guide_for(ui.db, &v->it, v->unit_phone);
        kiosk_print(text, _("list of materials"));
        free(text);
    }
    return UI_HANDLED;
}

static void item_free(struct screen *s)
{
    struct kiosk_item *v = (struct kiosk_item *)s;
    service_item_free(&v->it);
    free(v->unit_phone);
    free(v);
}

static const struct screen_ops item_ops = {.draw = item_draw, .key = item_key, .free = item_free};

/* The item of id, or NULL (said) when it cannot be read. */
static struct screen *item_new(int64_t id)
{
    struct kiosk_item *v = xcalloc(1, sizeof *v);
    int rc = item_get(ui.db, id, &v->it);
    if (rc != DB_OK) {
        free(v);
        ui_db_failed(_("Not shown"), rc);
        return NULL;
    }
    struct unit u;
    if (unit_get(ui.db, v->it.unit_id, &u) == DB_OK) {
        v->unit_phone = xstrdup(u.phone);
        unit_free(&u);
    } else {
        v->unit_phone = xstrdup(""); /* the phone is then the desk's to give */
    }
    v->base.ops = &item_ops;
    v->base.title = _("Service guide");
    /* Printing is offered only where there is a printer to do it. */
    v->base.keys_hint = printer_available()
                            ? _(" 1 print the list of materials   Up/Down more   Esc back")
                            : _(" Up/Down more   Esc back");
    return &v->base;
}

/* --- 服务指南: categories and items ---------------------------------------------------------- */

struct kiosk_guide {
    struct screen base;
    struct lineedit search; /* what was typed to find an item */
    int category;           /* the category's row in request_categories, -1: none chosen */
    struct item_list items; /* what the list shows when a category or a search is on */
    int sel, top;
    char typed[8]; /* digits typed for a row's number */
};

static int categories_count(void)
{
    int n = 0;
    while (request_categories[n].code)
        n++;
    return n;
}

/* True when the list shows the categories (no search, no category chosen). */
static int guide_on_categories(const struct kiosk_guide *g)
{
    return g->category < 0 && lineedit_empty(&g->search);
}

static int guide_rows(const struct kiosk_guide *g)
{
    return guide_on_categories(g) ? categories_count() : (int)g->items.n;
}

/* Read the items again: those the search finds, else the chosen category's. */
static void guide_load(struct kiosk_guide *g)
{
    item_list_free(&g->items);
    g->sel = g->top = 0;
    g->typed[0] = '\0';
    if (guide_on_categories(g)) return;
    char *query = lineedit_text(&g->search);
    struct item_list all = {0};
    int rc = item_list(ui.db, query, 0, 0, &all);
    free(query);
    if (rc != DB_OK) {
        ui_db_failed(_("Not found"), rc);
        return;
    }
    const char *code = g->category >= 0 && lineedit_empty(&g->search)
                           ? request_categories[g->category].code
                           : NULL;
    g->items.items = xcalloc(all.n ? all.n : 1, sizeof *g->items.items);
    for (size_t i = 0; i < all.n; i++)
        if (!code || str_eq(all.items[i].category, code))
            service_item_copy(&g->items.items[g->items.n++], &all.items[i]);
    item_list_free(&all);
}

static void guide_draw(struct screen *s, int top, int rows)
{
    struct kiosk_guide *g = (struct kiosk_guide *)s;
    heading(top + 1, _("Service guide"));
    draw_text(
        top + 3, KX, KW,
        _("Type a name, its pinyin initials or its code to find an item, or choose by number:"),
        term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    const char *label = _("Find:");
    int lw = text_width(label);
    draw_text(top + 4, KX, lw, label, term_attr(UI_HEADER), 0);
    size_t first, count;
    int col;
    lineedit_view(&g->search, KW - lw - 1, &first, &count, &col);
    char *shown = lineedit_text_range(&g->search, first, count);
    draw_text(top + 4, KX + lw + 1, KW - lw - 1, shown, term_attr(UI_FIELD), 0);
    free(shown);
    s->cursor_on = 1;
    s->cursor_y = top + 4;
    s->cursor_x = KX + lw + 1 + col;
    int n = guide_rows(g);
    char *what;
    if (guide_on_categories(g))
        what = xstrdup(_("Categories:"));
    else if (!lineedit_empty(&g->search))
        what = xasprintf(_("%d items found:"), n);
    else
        what = xasprintf(_("%s: %d items"), _(request_categories[g->category].label), n);
    draw_text(top + 6, KX, KW, what, term_attr(UI_HEADER), TEXT_FIT_ELLIPSIS);
    free(what);
    if (g->typed[0]) {
        char *t = xasprintf(_("Number typed: %s"), g->typed);
        draw_text(top + 6, COLS - KX - 20, 20, t, term_attr(UI_INFO), TEXT_FIT_RIGHT);
        free(t);
    }
    int list_top = top + 7, list_rows = rows - 8;
    if (list_rows < 1) return;
    if (g->sel < g->top) g->top = g->sel;
    if (g->sel >= g->top + list_rows) g->top = g->sel - list_rows + 1;
    if (n == 0)
        draw_text(list_top, KX, KW, _("Nothing found: Backspace to change what was typed"),
                  term_attr(UI_NORMAL), 0);
    for (int i = g->top; i < n && i < g->top + list_rows; i++) {
        attr_t a = i == g->sel ? term_attr(UI_SELECTED) : term_attr(UI_NORMAL);
        char *row;
        if (guide_on_categories(g))
            row = xasprintf("%3d  %s", i + 1, _(request_categories[i].label));
        else
            row = xasprintf("%3d  %s %s  (%s)", i + 1, g->items.items[i].code,
                            g->items.items[i].name, g->items.items[i].unit_name);
        draw_text(list_top + i - g->top, KX, KW, row, a, TEXT_FIT_ELLIPSIS);
        free(row);
    }
}

/* Enter on the row selected: a category's items, or an item. */
static void guide_open(struct kiosk_guide *g)
{
    int n = guide_rows(g);
    if (g->sel < 0 || g->sel >= n) return;
    if (guide_on_categories(g)) {
        g->category = g->sel;
        guide_load(g);
        return;
    }
    struct screen *item = item_new(g->items.items[g->sel].id);
    if (item) ui_push(item);
    g->typed[0] = '\0';
}

/*
** A digit for a row's number: the row it names is selected. One that makes a
** number no row has is said and not kept, so what is shown typed is what
** Enter opens.
*/
static void guide_digit(struct kiosk_guide *g, char d)
{
    size_t len = strlen(g->typed);
    if (len + 1 >= sizeof g->typed) return;
    g->typed[len] = d;
    g->typed[len + 1] = '\0';
    int row = atoi(g->typed) - 1;
    if (row >= 0 && row < guide_rows(g)) {
        g->sel = row;
        return;
    }
    ui_message(UI_MSG_ERROR, _("There is no number %s here"), g->typed);
    g->typed[len] = '\0';
}

/* Backspace or Esc: the number typed, then the search, then the category go first. */
static int guide_back(struct kiosk_guide *g, int esc)
{
    size_t len = strlen(g->typed);
    if (len) {
        g->typed[esc ? 0 : len - 1] = '\0';
        return UI_HANDLED;
    }
    if (!lineedit_empty(&g->search)) {
        if (esc)
            lineedit_clear(&g->search);
        else
            lineedit_backspace(&g->search);
        guide_load(g);
        return UI_HANDLED;
    }
    if (g->category >= 0) {
        g->sel = g->category;
        g->category = -1;
        guide_load(g);
        return UI_HANDLED;
    }
    return esc ? UI_CLOSE : UI_HANDLED;
}

/*
** Whether the search typed holds a character beyond ASCII (老年): a digit
** after it picks a row by its number, as the footer says. A code or pinyin
** (hb1, ln) takes digits as more of the search.
*/
static int search_is_words(const struct lineedit *le)
{
    for (size_t i = 0; i < le->len; i++)
        if (le->cps[i] >= 0x80) return 1;
    return 0;
}

static int guide_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_guide *g = (struct kiosk_guide *)s;
    int n = guide_rows(g);
    switch (a) {
    case ACT_BACK:
        return guide_back(g, 1);
    case ACT_BACKSPACE:
        return guide_back(g, 0);
    case ACT_ENTER:
        guide_open(g);
        return UI_HANDLED;
    case ACT_UP:
        if (g->sel > 0) g->sel--;
        g->typed[0] = '\0';
        return UI_HANDLED;
    case ACT_DOWN:
        if (g->sel + 1 < n) g->sel++;
        g->typed[0] = '\0';
        return UI_HANDLED;
    case ACT_PAGE_UP:
        g->sel = g->sel > 10 ? g->sel - 10 : 0;
        return UI_HANDLED;
    case ACT_PAGE_DOWN:
        g->sel = g->sel + 10 < n ? g->sel + 10 : (n ? n - 1 : 0);
        return UI_HANDLED;
    case ACT_NONE:
        break;
    default:
        return UI_HANDLED;
    }
    if (k->code) return UI_HANDLED;
    uint32_t ch = k->ch;
    if (ch >= 0xFF10 && ch <= 0xFF19) ch = ch - 0xFF10 + '0'; /* full-width digits */
    if (ch >= '0' && ch <= '9' && (lineedit_empty(&g->search) || search_is_words(&g->search))) {
        guide_digit(g, (char)ch);
        return UI_HANDLED;
    }
    if (ch <= ' ' || text_cp_forbidden(ch, 0)) return UI_HANDLED;
    lineedit_insert(&g->search, ch);
    guide_load(g);
    return UI_HANDLED;
}

static void guide_free(struct screen *s)
{
    struct kiosk_guide *g = (struct kiosk_guide *)s;
    lineedit_free(&g->search);
    item_list_free(&g->items);
    free(g);
}

static const struct screen_ops guide_ops = {
    .draw = guide_draw, .key = guide_key, .free = guide_free};

static struct screen *guide_new(void)
{
    struct kiosk_guide *g = xcalloc(1, sizeof *g);
    lineedit_init(&g->search, 30);
    g->category = -1;
    g->base.ops = &guide_ops;
    g->base.title = _("Service guide");
    g->base.typing = 1;
    g->base.keys_hint =
        _(" Digits: a number   Up/Down, Enter: open   Backspace: delete   Esc: back");
    return &g->base;
}

/* --- 查进度: the answer ---------------------------------------------------------------------- */

struct kiosk_answer_screen {
    struct screen base;
    struct kiosk_view v;
    int top; /* first step of the timeline shown */
};

static void answer_draw(struct screen *s, int top, int rows)
{
    struct kiosk_answer_screen *w = (struct kiosk_answer_screen *)s;
    char *title = xasprintf(_("Request %s"), w->v.number);
    heading(top + 1, title);
    free(title);
    int y = top + 3, end = top + rows - 1;
    char when[17];
    y += labelled(y, end - y, _("Now:"), _(kiosk_state_words(w->v.state)));
    y += labelled(y, end - y, _("Unit:"), *w->v.unit ? w->v.unit : _("not yet sent to a unit"));
    if (w->v.due) {
        char *due = xasprintf(_("by %s"), clock_format_minute(w->v.due, when));
        y += labelled(y, end - y, _(kiosk_due_words(w->v.state)), due);
        free(due);
    }
    y += labelled(y, end - y, _("Taken down:"), clock_format_minute(w->v.created_at, when));
    y++;
    if (y < end) draw_text(y++, KX, KW, _("What has been done:"), term_attr(UI_HEADER), 0);
    if (w->top > 0 && (size_t)w->top >= w->v.nsteps) w->top = (int)w->v.nsteps - 1;
    for (size_t i = (size_t)w->top; i < w->v.nsteps && y < end; i++) {
        const struct kiosk_step *st = &w->v.steps[i];
        /* The unit is named where the step is the unit's, or it was sent there: 派单至民政科,
         * 民政科已签收; the centre's own steps (回访, 批准延期) name none. */
        char *what =
            workflow_event_text(_(workflow_event_label(st->action, st->from, st->to)), st->unit);
        char *row = xasprintf("%s  %s", clock_format_minute(st->at, when), what);
        draw_text(y++, KX + 2, KW - 2, row, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
        free(row);
        free(what);
    }
}

static int answer_key(struct screen *s, enum action a, const struct key *k)
{
    (void)k;
    struct kiosk_answer_screen *w = (struct kiosk_answer_screen *)s;
    if (a == ACT_BACK || a == ACT_BACKSPACE || a == ACT_ENTER) return UI_CLOSE;
    if (a == ACT_DOWN || a == ACT_PAGE_DOWN) w->top++;
    if ((a == ACT_UP || a == ACT_PAGE_UP) && w->top > 0) w->top--;
    return UI_HANDLED;
}

static void answer_free(struct screen *s)
{
    struct kiosk_answer_screen *w = (struct kiosk_answer_screen *)s;
    kiosk_view_free(&w->v);
    free(w);
}

static const struct screen_ops answer_ops = {
    .draw = answer_draw, .key = answer_key, .free = answer_free};

/*
** A wait the kiosk said after too many wrong tries: its seconds as said and
** when. The screen is drawn again every second, so it counts down, then
** says the wait is over.
*/
struct kiosk_wait {
    int seconds; /* 0: none said */
    struct timespec since;
};

static void wait_start(struct kiosk_wait *w, int seconds)
{
    w->seconds = seconds;
    clock_gettime(CLOCK_MONOTONIC, &w->since);
}

/* The words for wait w now (caller frees): the seconds left, or that it is over. */
static char *wait_words(const struct kiosk_wait *w)
{
    long left = w->seconds - clock_ms_since(&w->since) / 1000;
    if (left <= 0) return xstrdup(_("The wait is over: you may try again"));
    return xasprintf(_("Too many wrong tries: please wait %d seconds and try again"), (int)left);
}

/* --- 查进度: number and phone ---------------------------------------------------------------- */

enum { P_NUMBER, P_LAST4 };

struct kiosk_progress_screen {
    struct screen base;
    struct form form;
    char *why;              /* the last answer that found nothing; NULL when none */
    struct kiosk_wait wait; /* the last answer was to wait: said counting down */
};

static void progress_draw(struct screen *s, int top, int rows)
{
    struct kiosk_progress_screen *p = (struct kiosk_progress_screen *)s;
    heading(top + 1, _("Check a request's progress"));
    draw_text(top + 3, KX, KW, _("Type the number on your receipt (2026-000123, or just 123),"),
              term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    draw_text(top + 4, KX, KW, _("then the last 4 digits of the phone you gave. Enter after each."),
              term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    form_draw(&p->form, top + 6, 4, KW, s);
    if (p->wait.seconds) {
        free(p->why);
        p->why = wait_words(&p->wait);
    }
    if (p->why) draw_wrapped(top + 11, KX, KW, rows - 12, p->why, term_attr(UI_ERROR));
}

static void progress_say(struct kiosk_progress_screen *p, char *why, int focus)
{
    free(p->why);
    p->why = why;
    p->form.focus = focus;
    p->wait.seconds = 0;
}

/* Look the pair typed up. */
static int progress_check(struct kiosk_progress_screen *p)
{
    char *typed = form_text(&p->form, P_NUMBER);
    char *four = form_text(&p->form, P_LAST4);
    struct tm tm;
    time_t now = clock_now();
    localtime_r(&now, &tm);
    char number[16], last4[5];
    int number_ok = request_number_read(typed, tm.tm_year + 1900, number) == 0;
    int four_ok = kiosk_last4_parse(four, last4) != KIOSK_LAST4_BAD;
    size_t digits = text_chars(four); /* the field takes digits alone */
    free(typed);
    free(four);
    if (!number_ok) {
        progress_say(p, xstrdup(_("That is no request number: it looks like 2026-000123")),
                     P_NUMBER);
        return UI_HANDLED;
    }
    /* Not a wrong try: nothing is looked up, so nothing counts towards the wait. */
    if (!four_ok && digits > 4) {
        progress_say(p,
                     digits == 11
                         ? xstrdup(_("That is no mobile number: type the last 4 digits of your "
                                     "phone"))
                         : xasprintf(_("That is %zu digits: type the last 4 digits of your phone, "
                                       "or all 11 digits of your mobile"),
                                     digits),
                     P_LAST4);
        return UI_HANDLED;
    }
    if (!four_ok) {
        progress_say(p, xstrdup(_("Type the last 4 digits of your phone")), P_LAST4);
        return UI_HANDLED;
    }
    enum kiosk_answer a;
    struct kiosk_view v;
    int wait;
    int rc = kiosk_progress(ui.db, ui.user, number, last4, now, &a, &v, &wait);
    form_set_text(&p->form, P_LAST4, "");
    form_set_error(&p->form, P_LAST4, NULL); /* what was said of the digits goes with them */
    if (rc != DB_OK) {
        ui_db_failed(_("Not looked up"), rc);
        return UI_HANDLED;
    }
    if (a == KIOSK_WAIT) {
        progress_say(p, NULL, P_LAST4);
        wait_start(&p->wait, wait);
        return UI_HANDLED;
    }
    if (a == KIOSK_NO_MATCH) {
        progress_say(p,
                     xstrdup(_("Nothing found for that number and phone: check your receipt and "
                               "try again")),
                     P_LAST4);
        return UI_HANDLED;
    }
    progress_say(p, NULL, P_NUMBER);
    form_set_text(&p->form, P_NUMBER, "");
    struct kiosk_answer_screen *w = xcalloc(1, sizeof *w);
    w->v = v;
    w->base.ops = &answer_ops;
    w->base.title = _("Check a request's progress");
    w->base.keys_hint = _(" Up/Down: more of the timeline   Esc: back");
    ui_push(&w->base);
    return UI_HANDLED;
}

/*
** A whole mobile number typed or pasted where its last 4 digits go, as
** many type it: the field keeps its last 4, and says so.
*/
static void progress_whole_mobile(struct kiosk_progress_screen *p)
{
    char *typed = form_text(&p->form, P_LAST4);
    char last4[5];
    if (kiosk_last4_parse(typed, last4) == KIOSK_LAST4_MOBILE) {
        form_set_text(&p->form, P_LAST4, last4);
        form_set_note(&p->form, P_LAST4,
                      _("That is your whole mobile number: its last 4 digits are taken"));
        free(p->why); /* a refusal of the digits typed before goes (a wait said stays) */
        p->why = NULL;
    }
    free(typed);
}

static int progress_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_progress_screen *p = (struct kiosk_progress_screen *)s;
    if (a == ACT_BACK) return UI_CLOSE;
    if (a == ACT_ENTER && p->form.focus == P_LAST4) return progress_check(p);
    if (a != ACT_NONE && a != ACT_ENTER && a != ACT_BACKSPACE && a != ACT_UP && a != ACT_DOWN &&
        a != ACT_LEFT && a != ACT_RIGHT && a != ACT_DELETE)
        return UI_HANDLED;
    form_key(&p->form, a, k);
    if (p->form.focus == P_LAST4) progress_whole_mobile(p);
    return UI_HANDLED;
}

static void progress_free(struct screen *s)
{
    struct kiosk_progress_screen *p = (struct kiosk_progress_screen *)s;
    form_free(&p->form);
    free(p->why);
    free(p);
}

static const struct screen_ops progress_ops = {
    .draw = progress_draw, .key = progress_key, .free = progress_free};

static struct screen *progress_new(void)
{
    struct kiosk_progress_screen *p = xcalloc(1, sizeof *p);
    p->base.ops = &progress_ops;
    p->base.title = _("Check a request's progress");
    p->base.typing = 1;
    p->base.keys_hint = _(" Digits   Enter: next, then look up   Backspace: delete   Esc: back");
    form_init(&p->form);
    form_add_text(&p->form, _("Request number"), "", 16, 14, NULL, 0);
    /* Room for a whole mobile, which is taken as its last 4 (progress_whole_mobile). */
    form_add_text(&p->form, _("Last 4 digits of the phone"), "", KIOSK_LAST4_TYPED, 16, NULL, 0);
    form_set_digits(&p->form, P_LAST4);
    return &p->base;
}

/* --- 我要反映: left ------------------------------------------------------------------------- */

struct kiosk_left {
    struct screen base;
    struct request r;
};

static void left_draw(struct screen *s, int top, int rows)
{
    struct kiosk_left *l = (struct kiosk_left *)s;
    (void)rows;
    heading(top + 1, _("Thank you: the centre has your request"));
    char *line = xasprintf(_("Its number: %s"), l->r.number);
    heading(top + 3, line);
    free(line);
    int y = top + 5;
    y += draw_wrapped(y, KX, KW, 3,
                      _("Keep this number: with it and the last 4 digits of your phone, 查进度 "
                        "shows how it goes."),
                      term_attr(UI_NORMAL));
    size_t n = strlen(l->r.requester_phone);
    char *call = xasprintf(_("Someone from the centre will call you on your phone ending %s within "
                             "one working day."),
                           n >= 4 ? l->r.requester_phone + n - 4 : "");
    y += draw_wrapped(y + 1, KX, KW, 3, call, term_attr(UI_NORMAL)) + 1;
    free(call);
    draw_text(y + 1, KX, KW,
              printer_available() ? _("1  Print a receipt      Esc  Back to the start")
                                  : _("Esc  Back to the start"),
              term_attr(UI_HEADER), 0);
}

static int left_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_left *l = (struct kiosk_left *)s;
    if (a == ACT_BACK) return UI_CLOSE;
    if (a == ACT_ENTER) {
        /* The Enter that sent the form, pressed again, would take the number off the screen. */
        ui_message(UI_MSG_INFO, "%s",
                   printer_available() ? _("Keep the number: 1 prints a receipt, Esc goes back")
                                       : _("Keep the number: Esc goes back"));
        return UI_HANDLED;
    }
    if (a == ACT_NONE && k->ch == '1') {
        char *text = receipt_for(ui.db, &l->r);
        kiosk_print(text, _("receipt"));
        free(text);
    }
    return UI_HANDLED;
}

static void left_free(struct screen *s)
{
    struct kiosk_left *l = (struct kiosk_left *)s;
    request_free(&l->r);
    free(l);
}

static const struct screen_ops left_ops = {.draw = left_draw, .key = left_key, .free = left_free};

/* --- 我要反映: the form --------------------------------------------------------------------- */

enum { L_NAME, L_PHONE, L_CATEGORY, L_MATTER };

struct kiosk_leave {
    struct screen base;
    struct form form;
    int leaving; /* Esc was pressed once on what was typed: a second leaves it */
};

static void leave_draw(struct screen *s, int top, int rows)
{
    struct kiosk_leave *l = (struct kiosk_leave *)s;
    heading(top + 1, _("Leave a request"));
    draw_text(top + 2, KX, KW,
              _("Your name, your mobile, what the matter is. Enter on the matter sends it."),
              term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    form_draw(&l->form, top + 4, rows - 6, KW, s);
    char *text = form_text(&l->form, L_MATTER);
    size_t n = text_chars(text);
    free(text);
    char *count = xasprintf(_("%zu of at most %d characters"), n, KIOSK_MATTER_MAX);
    draw_text(top + rows - 1, KX, KW, count,
              n >= KIOSK_MATTER_MAX ? term_attr(UI_ERROR) : term_attr(UI_DIM), 0);
    free(count);
}

/* Check and send what was typed; the thanks with its number follow. */
static int leave_send(struct kiosk_leave *l)
{
    char *name = form_text(&l->form, L_NAME);
    char *phone = form_text(&l->form, L_PHONE);
    char *matter = form_text(&l->form, L_MATTER);
    int64_t cat = form_choice(&l->form, L_CATEGORY);
    const char *category = cat ? choices_word_code(request_categories, cat) : "";
    struct kiosk_matter m = {name, phone, matter, category ? category : ""};
    struct request r;
    request_init(&r);
    int field = 0;
    const char *why = kiosk_matter_request(&m, &r, &field);
    free(name);
    free(phone);
    free(matter);
    int rc = DB_INVALID;
    if (!why) rc = request_create_kiosk(ui.db, &r, ui.user, clock_now(), &why);
    if (rc != DB_OK) {
        request_free(&r);
        if (why) {
            static const int fields[] = {L_NAME, L_PHONE, L_MATTER, L_CATEGORY};
            int i = field >= 0 && field < 4 ? fields[field] : L_NAME;
            form_set_message(&l->form, i, why);
            l->form.focus = i;
            char *said = xasprintf(_("%s: %s"), l->form.fields[i].label, why);
            ui_message(UI_MSG_ERROR, _("Not sent: %s"), said);
            free(said);
        } else {
            ui_db_failed(_("Not sent"), rc);
        }
        return UI_HANDLED;
    }
    struct kiosk_left *done = xcalloc(1, sizeof *done);
    done->r = r;
    done->base.ops = &left_ops;
    done->base.title = _("Leave a request");
    done->base.keys_hint = printer_available() ? _(" 1 print a receipt   Esc: back to the start")
                                               : _(" Esc: back to the start");
    ui_push(&done->base);
    return UI_CLOSE;
}

static int leave_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_leave *l = (struct kiosk_leave *)s;
    /* What was typed goes at a second Esc, not at one pressed by mistake: no dialog, no F-key. */
    if (a == ACT_BACK && form_dirty(&l->form) && !l->leaving) {
        l->leaving = 1;
        ui_message(UI_MSG_ERROR, "%s",
                   _("Esc again throws away what you typed; any other key goes on"));
        return UI_HANDLED;
    }
    if (a == ACT_BACK) return UI_CLOSE;
    l->leaving = 0;
    if (a == ACT_ENTER && l->form.focus == L_MATTER) return leave_send(l);
    if (a != ACT_NONE && a != ACT_ENTER && a != ACT_NEW_LINE && a != ACT_BACKSPACE && a != ACT_UP &&
        a != ACT_DOWN && a != ACT_LEFT && a != ACT_RIGHT && a != ACT_DELETE)
        return UI_HANDLED;
    form_key(&l->form, a, k);
    s->typing = l->form.focus == L_MATTER ? 2 : 1;
    return UI_HANDLED;
}

static void leave_free(struct screen *s)
{
    struct kiosk_leave *l = (struct kiosk_leave *)s;
    form_free(&l->form);
    free(l);
}

static const struct screen_ops leave_ops = {
    .draw = leave_draw, .key = leave_key, .free = leave_free};

static struct screen *leave_new(void)
{
    struct kiosk_leave *l = xcalloc(1, sizeof *l);
    l->base.ops = &leave_ops;
    l->base.title = _("Leave a request");
    l->base.typing = 1;
    l->base.keys_hint =
        _(" Enter/Down: next   Up: back a field   Backspace: delete   Esc: leave it");
    form_init(&l->form);
    form_add_text(&l->form, _("Your name"), "", KIOSK_NAME_MAX, 20, NULL, 0);
    form_add_text(&l->form, _("Mobile"), "", 20, 16, NULL, 0);
    form_add_choice(&l->form, _("Category"), 0, "", choices_words,
                    (void *)(uintptr_t)request_categories, 1, 16);
    int matter =
        form_add_text(&l->form, _("The matter"), "", KIOSK_MATTER_MAX, 40, NULL, TEXT_NORM_PROSE);
    form_set_lines(&l->form, matter, 5);
    l->form.fields[L_CATEGORY].help = _("optional: Enter to choose, Down to skip");
    return &l->base;
}

/* --- 志愿者签到 / 签退 ------------------------------------------------------------------------ */

enum { SIGN_TYPING, SIGN_CHOOSING };

struct kiosk_sign {
    struct screen base;
    struct lineedit number;    /* the volunteer number typed or scanned */
    int state;                 /* SIGN_TYPING, or SIGN_CHOOSING from today.act */
    struct kiosk_today today;  /* what the number found */
    char pick[24];             /* SIGN_CHOOSING: the digits typed to pick a row */
    char *said[5];             /* what was done (or why not), a line each; NULL past the last */
    int said_error;            /* said is a refusal */
    struct kiosk_wait wait;    /* said[0] is a wait, counting down */
    struct timespec said_when; /* when said, to clear it after show_ms */
    struct timespec keyed;     /* SIGN_CHOOSING: the last key, to give up after pick_ms */
    /*
    ** The settings kiosk_sign_show_seconds and kiosk_sign_pick_seconds as of
    ** the last number; 0: only a key, or the kiosk's start-over after
    ** kiosk_idle_seconds, clears what is said or gives the list up.
    */
    long show_ms, pick_ms;
};

/* Clear what was said. */
static void sign_unsay(struct kiosk_sign *ks)
{
    for (size_t i = 0; i < ARRAY_LEN(ks->said); i++) {
        free(ks->said[i]);
        ks->said[i] = NULL;
    }
}

/* Say lines (taken, up to ARRAY_LEN(said), NULL-ended) for the next few seconds; the number goes.
 */
static void sign_say(struct kiosk_sign *ks, int error, char *const *lines)
{
    sign_unsay(ks);
    for (size_t i = 0; i < ARRAY_LEN(ks->said) && lines[i]; i++)
        ks->said[i] = lines[i];
    ks->said_error = error;
    ks->wait.seconds = 0;
    clock_gettime(CLOCK_MONOTONIC, &ks->said_when);
    lineedit_clear(&ks->number);
    kiosk_today_free(&ks->today);
    ks->state = SIGN_TYPING;
    ks->pick[0] = '\0';
}

/* Say one refusal. */
static void sign_refuse(struct kiosk_sign *ks, char *why)
{
    char *lines[] = {why, NULL};
    sign_say(ks, 1, lines);
}

/* An activity's times as the kiosk shows them: 09:00-17:00, or with the days when it runs over
 * several. Into out[40]; returns out. */
static char *sign_times(const struct kiosk_activity *a, char *out)
{
    if (strncmp(a->starts_at, a->ends_at, 10) == 0)
        snprintf(out, 40, "%s-%s", a->starts_at + 11, a->ends_at + 11);
    else /* 12-04 09:00 - 12-06 17:00 */
        snprintf(out, 40, "%.5s %s - %.5s %s", a->starts_at + 5, a->starts_at + 11, a->ends_at + 5,
                 a->ends_at + 11);
    return out;
}

/* Sign the volunteer found in or out at activity a, and say what was done or why not. */
static void sign_at(struct kiosk_sign *ks, const struct kiosk_activity *a)
{
    struct hours_signed got;
    int rc = hours_sign_kiosk(ui.db, a->id, ks->today.number, ui.user, &got);
    if (rc == DB_OK) {
        char hours[24];
        int out = got.move == HOURS_SIGN_OUT;
        char *lines[] = {
            xasprintf(out ? _("%s, you are signed out") : _("%s, you are signed in"), got.name),
            xasprintf(_("Activity: %s"), a->name), xasprintf(_("Time: %s"), got.at),
            out ? xasprintf(_("Recorded: %s-%s, %d minutes (%s hours)"), got.in, got.at,
                            got.minutes, hours_format(got.minutes, hours))
                : xstrdup(_("Type your number here again when you leave")),
            NULL};
        sign_say(ks, 0, lines);
    } else if (rc == DB_INVALID && got.move == HOURS_SIGN_OUT) {
        /* A sign-out refused (in the minute of the sign-in): the sign-in stands. */
        sign_refuse(ks, xasprintf(_("%s: %s. You are still signed in: type your number again "
                                    "when you leave"),
                                  got.name, got.why ? got.why : ""));
    } else if (rc == DB_INVALID) {
        sign_refuse(ks, xasprintf(_("%s: %s. Nothing was recorded: please ask at the desk"),
                                  got.name, got.why ? got.why : ""));
    } else if (rc == DB_NOTFOUND) {
        sign_refuse(ks, xasprintf(_("No volunteer in the register has number %s: check it, or "
                                    "ask at the desk"),
                                  ks->today.number));
    } else {
        ui_db_failed(_("Not recorded"), rc);
        lineedit_clear(&ks->number);
        kiosk_today_free(&ks->today);
        ks->state = SIGN_TYPING;
    }
    hours_signed_free(&got);
}

/* Enter on the number: find where it takes the volunteer today, and sign there or ask which. */
static void sign_go(struct kiosk_sign *ks)
{
    /* Read at each number: a change made at the desk holds without starting the kiosk again. */
    ks->show_ms = (long)settings_get_number(ui.db, SETTING_KIOSK_SIGN_SHOW) * 1000L;
    ks->pick_ms = (long)settings_get_number(ui.db, SETTING_KIOSK_SIGN_PICK) * 1000L;
    if (lineedit_empty(&ks->number)) {
        sign_refuse(ks, xstrdup(_("Type your volunteer number first, then Enter")));
        return;
    }
    char *typed = lineedit_text(&ks->number);
    kiosk_today_free(&ks->today);
    int rc = kiosk_volunteer_today(ui.db, ui.user, typed, clock_now(), &ks->today);
    free(typed);
    struct kiosk_today *t = &ks->today;
    if (rc != DB_OK) {
        ui_db_failed(_("Not recorded"), rc);
        lineedit_clear(&ks->number);
        return;
    }
    switch (t->pick) {
    case KIOSK_PICK_BAD:
        sign_refuse(ks, xasprintf(_("That is no volunteer number (%s): check it and type it again"),
                                  t->why));
        break;
    case KIOSK_PICK_UNKNOWN:
        sign_refuse(ks, xasprintf(_("No volunteer in the register has number %s: check it, or "
                                    "ask at the desk"),
                                  t->number));
        break;
    case KIOSK_PICK_WAIT: {
        int seconds = t->wait_seconds; /* t is the today that saying frees */
        sign_refuse(ks, xstrdup(""));
        wait_start(&ks->wait, seconds);
        break;
    }
    case KIOSK_PICK_NONE:
        sign_refuse(ks, xasprintf(_("%s: no volunteer activity takes a sign-in now (one opens "
                                    "an hour before it begins). Nothing was recorded: please ask "
                                    "at the desk"),
                                  t->name));
        break;
    case KIOSK_PICK_OUT:
    case KIOSK_PICK_IN:
        sign_at(ks, &t->act[0]);
        break;
    case KIOSK_PICK_CHOOSE:
        sign_unsay(ks);
        ks->state = SIGN_CHOOSING;
        clock_gettime(CLOCK_MONOTONIC, &ks->keyed);
        break;
    }
}

static void sign_sync(struct screen *s)
{
    struct kiosk_sign *ks = (struct kiosk_sign *)s;
    /* A list left open gives up: the next person in the hall must not pick for this volunteer. */
    if (ks->state == SIGN_CHOOSING && ks->pick_ms && clock_ms_since(&ks->keyed) >= ks->pick_ms) {
        ks->pick[0] = '\0';
        sign_refuse(ks, xstrdup(_("Nothing was recorded")));
    }
    if (ks->said[0] && ks->show_ms && clock_ms_since(&ks->said_when) >= ks->show_ms) sign_unsay(ks);
    if (ks->said[0] && ks->wait.seconds) {
        free(ks->said[0]);
        ks->said[0] = wait_words(&ks->wait);
    }
}

/* The day's activities to pick from, from row y. */
static void sign_draw_choices(struct kiosk_sign *ks, int y, int end)
{
    char *ask = xasprintf(_("%s, which of today's activities? Its number, then Enter (Esc: none):"),
                          ks->today.name);
    draw_text(y++, KX, KW, ask, term_attr(UI_HEADER), TEXT_FIT_ELLIPSIS);
    free(ask);
    y++;
    char times[40];
    for (size_t i = 0; i < ks->today.n && y < end; i++, y++) {
        const struct kiosk_activity *a = &ks->today.act[i];
        char *row = xasprintf("  %zu   %-25s  %s", i + 1, sign_times(a, times), a->name);
        draw_text(y, KX, KW, row, term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
        free(row);
    }
    if (ks->today.more && y < end) {
        char *more =
            xasprintf(_("and %zu more today: for those, please ask at the desk"), ks->today.more);
        draw_text(y, KX, KW, more, term_attr(UI_DIM), TEXT_FIT_ELLIPSIS);
        free(more);
        y++;
    }
    if (y + 1 < end) {
        char *picked = xasprintf(_("Your choice: %s"), ks->pick);
        draw_text(y + 1, KX, KW, picked, term_attr(UI_HEADER), 0);
        free(picked);
    }
}

static void sign_draw(struct screen *s, int top, int rows)
{
    struct kiosk_sign *ks = (struct kiosk_sign *)s;
    heading(top + 1, _("Volunteer sign-in / sign-out"));
    draw_text(top + 3, KX, KW,
              _("Type your volunteer number, or scan your card, then Enter: it signs you in to "
                "today's activity, or out of it."),
              term_attr(UI_NORMAL), TEXT_FIT_ELLIPSIS);
    const char *label = _("Volunteer number:");
    int lw = text_width(label);
    draw_text(top + 5, KX, lw, label, term_attr(UI_HEADER), 0);
    size_t first, count;
    int col;
    lineedit_view(&ks->number, 24, &first, &count, &col);
    char *shown = lineedit_text_range(&ks->number, first, count);
    draw_text(top + 5, KX + lw + 1, 24, shown, term_attr(UI_FIELD), 0);
    free(shown);
    s->cursor_on = ks->state == SIGN_TYPING;
    s->cursor_y = top + 5;
    s->cursor_x = KX + lw + 1 + col;
    int y = top + 7, end = top + rows;
    if (ks->state == SIGN_CHOOSING) {
        sign_draw_choices(ks, y, end);
        return;
    }
    for (size_t i = 0; i < ARRAY_LEN(ks->said) && ks->said[i] && y < end; i++) {
        attr_t a = ks->said_error ? term_attr(UI_ERROR)
                   : i == 0       ? term_attr(UI_HEADER)
                                  : term_attr(UI_NORMAL);
        y += draw_wrapped(y, KX, KW, end - y, ks->said[i], a) + (i == 0);
    }
}

/*
** A key while the day's activities are listed: a digit and Enter pick one;
** more digits than a row's number are the next volunteer's number (a card
** scanned while the list was left open), which the list gives way to.
*/
static int sign_choose_key(struct kiosk_sign *ks, enum action a, const struct key *k)
{
    clock_gettime(CLOCK_MONOTONIC, &ks->keyed);
    size_t len = strlen(ks->pick);
    if (a == ACT_BACK || (a == ACT_BACKSPACE && len == 0)) {
        sign_refuse(ks, xstrdup(_("Nothing was recorded")));
    } else if (a == ACT_BACKSPACE) {
        ks->pick[len - 1] = '\0';
    } else if (a == ACT_ENTER && len > 1) {
        lineedit_set(&ks->number, ks->pick);
        ks->pick[0] = '\0';
        sign_go(ks);
    } else if (a == ACT_ENTER) {
        size_t row = len ? (size_t)(ks->pick[0] - '1') : SIZE_MAX;
        ks->pick[0] = '\0';
        if (row < ks->today.n)
            sign_at(ks, &ks->today.act[row]);
        else
            ui_message(UI_MSG_ERROR, "%s", _("Press the number of an activity listed, then Enter"));
    } else if (a == ACT_NONE && !k->code) {
        uint32_t ch = k->ch;
        if (ch >= 0xFF10 && ch <= 0xFF19) ch = ch - 0xFF10 + '0'; /* full-width digits */
        if (ch >= '0' && ch <= '9' && len + 1 < sizeof ks->pick) {
            ks->pick[len] = (char)ch;
            ks->pick[len + 1] = '\0';
        }
    }
    return UI_HANDLED;
}

static int sign_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_sign *ks = (struct kiosk_sign *)s;
    if (ks->state == SIGN_CHOOSING) return sign_choose_key(ks, a, k);
    int was_said = ks->said[0] != NULL;
    sign_unsay(ks); /* any key: on to the next number */
    /* What was refused is counted over one run of typing (a scan): another key starts anew. */
    if (a != ACT_NONE) ks->number.over = ks->number.unfit = ks->number.nondigit = 0;
    switch (a) {
    case ACT_BACK:
        return was_said ? UI_HANDLED : UI_CLOSE;
    case ACT_ENTER:
        if (!was_said || !lineedit_empty(&ks->number)) sign_go(ks);
        return UI_HANDLED;
    case ACT_BACKSPACE:
        lineedit_backspace(&ks->number);
        return UI_HANDLED;
    case ACT_NONE:
        break;
    default:
        return UI_HANDLED;
    }
    if (k->code || k->ch <= ' ' || text_cp_forbidden(k->ch, 0)) return UI_HANDLED;
    if (!lineedit_insert(&ks->number, k->ch)) {
        char *refused = field_refused_text(&ks->number);
        if (refused) ui_message(UI_MSG_ERROR, "%s", refused);
        free(refused);
    }
    return UI_HANDLED;
}

static void sign_free(struct screen *s)
{
    struct kiosk_sign *ks = (struct kiosk_sign *)s;
    sign_unsay(ks);
    kiosk_today_free(&ks->today);
    lineedit_free(&ks->number);
    free(ks);
}

static const struct screen_ops sign_ops = {
    .sync = sign_sync, .draw = sign_draw, .key = sign_key, .free = sign_free};

static struct screen *sign_new(void)
{
    struct kiosk_sign *ks = xcalloc(1, sizeof *ks);
    lineedit_init(&ks->number, 20);
    lineedit_digits_only(&ks->number);
    ks->base.ops = &sign_ops;
    ks->base.title = _("Volunteer sign-in / sign-out");
    ks->base.typing = 1;
    ks->base.keys_hint = _(" Digits: your number   Enter: sign in or out   Backspace: delete   "
                           "Esc: back");
    return &ks->base;
}

/* --- the start screen ------------------------------------------------------------------------ */

static const struct {
    const char *label, *about;
    struct screen *(*open)(void);
} entries[] = {
    {N_("Service guide"), N_("what to bring, how long it takes, where to go"), guide_new},
    {N_("Check progress"), N_("your request's number and your phone's last 4 digits"),
     progress_new},
    {N_("Leave a request"), N_("tell us the matter: the centre calls you back"), leave_new},
    {N_("Volunteer sign-in"), N_("volunteers: your number signs you in or out"), sign_new},
};

struct kiosk_start {
    struct screen base;
    int sel;
};

static void start_draw(struct screen *s, int top, int rows)
{
    struct kiosk_start *st = (struct kiosk_start *)s;
    heading(top + 2, _("Welcome to the self-service kiosk"));
    draw_center(top + 4, 0, COLS, _("Press a number to choose:"), term_attr(UI_NORMAL));
    int y = top + 7;
    for (size_t i = 0; i < ARRAY_LEN(entries) && y < top + rows; i++, y += 3) {
        attr_t a = (int)i == st->sel ? term_attr(UI_SELECTED) : term_attr(UI_HEADER);
        char *row = xasprintf("  %zu   %s  ", i + 1, _(entries[i].label));
        draw_text(y, KX + 4, 24, row, a, 0);
        free(row);
        draw_text(y, KX + 30, KW - 30, _(entries[i].about), term_attr(UI_NORMAL),
                  TEXT_FIT_ELLIPSIS);
    }
}

static int start_key(struct screen *s, enum action a, const struct key *k)
{
    struct kiosk_start *st = (struct kiosk_start *)s;
    int n = (int)ARRAY_LEN(entries);
    if (a == ACT_UP && st->sel > 0) st->sel--;
    if (a == ACT_DOWN && st->sel + 1 < n) st->sel++;
    int chosen = -1;
    if (a == ACT_ENTER) chosen = st->sel;
    if (a == ACT_NONE && !k->code && k->ch >= '1' && k->ch < (uint32_t)('1' + n))
        chosen = (int)(k->ch - '1');
    if (chosen >= 0) {
        st->sel = chosen;
        ui_push(entries[chosen].open());
    }
    return UI_HANDLED;
}

static void start_free(struct screen *s)
{
    free(s);
}

static const struct screen_ops start_ops = {
    .draw = start_draw, .key = start_key, .free = start_free};

struct screen *screen_kiosk_new(void)
{
    struct kiosk_start *st = xcalloc(1, sizeof *st);
    st->base.ops = &start_ops;
    st->base.title = _("Self-service kiosk");
    st->base.keys_hint = _(" 1-4 or Up/Down and Enter: choose   Esc: back, on every screen");
    return &st->base;
}

/* --- leaving ----------------------------------------------------------------------------- */

/*
** A wrong password at the way out does not lock the account it names (a
** passer-by could lock the supervisor out): the kiosk limits its own
** tries instead. LEAVE_TRIES in a row are free; after each one more, the
** way out stays shut for LEAVE_WAIT_S, twice as long each time, up to
** LEAVE_WAIT_MAX_S. A supervisor's password opens it again.
*/
#define LEAVE_TRIES      3
#define LEAVE_WAIT_S     30
#define LEAVE_WAIT_MAX_S (15 * 60)

static int leave_failed;     /* wrong tries in a row */
static time_t leave_shut_to; /* the way out is shut until then */

/* Count a wrong try at now: past LEAVE_TRIES, shut the way out for a while. */
static void leave_refused(time_t now)
{
    if (++leave_failed < LEAVE_TRIES) return;
    long wait = LEAVE_WAIT_S;
    for (int i = LEAVE_TRIES; i < leave_failed && wait < LEAVE_WAIT_MAX_S; i++)
        wait *= 2;
    leave_shut_to = now + (wait < LEAVE_WAIT_MAX_S ? wait : LEAVE_WAIT_MAX_S);
}

int kiosk_leave_asked(void)
{
    time_t now = clock_now();
    if (now < leave_shut_to) {
        char until[20];
        clock_format(leave_shut_to, until);
        char *why = xasprintf(_("Still at the kiosk: too many wrong passwords; try again after %s"),
                              until + 11);
        dialog_notice(_("Leave the kiosk: a supervisor's password"), why);
        free(why);
        return 0;
    }
    const char *prompts[] = {_("Supervisor's login"), _("Password")};
    char *values[2] = {NULL, NULL};
    int ok = dialog_inputs_hidden(_("Leave the kiosk: a supervisor's password"), prompts, values, 2,
                                  USER_PASSWORD_MAX, 2u, NULL, NULL);
    int leave = 0;
    if (ok) {
        struct user u;
        int rc;
        enum signin got = users_verify(ui.db, values[0], values[1], clock_now(), &u, &rc);
        if (got == SIGNIN_OK && (roles_acts(u.role) & ROLE_SUPERVISOR)) {
            leave_failed = 0;
            rc = kiosk_audit(ui.db, u.login, "kiosk-exit", ui.user ? ui.user : "", "");
            leave = rc == DB_OK;
            if (!leave) ui_db_failed(_("Still at the kiosk"), rc);
        } else {
            kiosk_audit(ui.db, ui.user ? ui.user : "", "kiosk-exit-refused", ui.user ? ui.user : "",
                        "");
            leave_refused(clock_now());
            ui_message(
                UI_MSG_ERROR, "%s",
                _("Still at the kiosk: only a supervisor's or an admin's password leaves it"));
        }
        if (got == SIGNIN_OK) record_free(&user_record, &u);
    } else {
        ui_message(UI_MSG_INFO, "%s", _("Still at the kiosk"));
    }
    for (size_t i = 0; i < 2; i++) {
        if (values[i]) explicit_bzero(values[i], strlen(values[i]));
        free(values[i]);
    }
    return leave;
}
