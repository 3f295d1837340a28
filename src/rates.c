/*
** rates: see rates.h.
*/
#include "rates.h"
#include "clock.h"
#include "csv.h"
#include "date.h"
#include "i18n.h"
#include "pinyin.h"
#include "text.h"
#include "util.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double percent(int64_t num, int64_t den)
{
    return den > 0 ? 100.0 * (double)num / (double)den : -1;
}

void rates_compute(const struct rate_counts *c, double basic_weight, int min_followed,
                   struct rate_figures *out)
{
    memset(out, 0, sizeof *out);
    out->rate[RATE_RESPONSE] = percent(c->responded, c->dispatched - c->awaiting);
    out->rate[RATE_RESOLUTION] = percent(c->solved, c->followed);
    out->rate[RATE_SATISFACTION] =
        c->followed > 0
            ? 100.0 * ((double)c->satisfied + basic_weight * (double)c->basic) / (double)c->followed
            : -1;
    out->rate[RATE_ON_TIME] = percent(c->on_time, c->replied);
    out->rate[RATE_RETURN] = percent(c->returned, c->routed);
    out->rate[RATE_ANSWERED] = percent(c->answered, c->total);
    out->accept_hours = c->accepted > 0 ? c->accept_hours / (double)c->accepted : -1;
    out->reply_hours = c->replied > 0 ? c->reply_hours / (double)c->replied : -1;
    const double *r = out->rate;
    out->score = r[RATE_RESPONSE] < 0 || r[RATE_RESOLUTION] < 0 || r[RATE_SATISFACTION] < 0
                     ? -1
                     : (r[RATE_RESPONSE] + r[RATE_RESOLUTION] + r[RATE_SATISFACTION]) / 3;
    out->ranked = c->followed >= min_followed && out->score >= 0;
}

void rates_rank(struct rate_figures *figs, const struct rate_counts *counts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        figs[i].rank = 0;
        if (!figs[i].ranked) continue;
        int better = 0;
        for (size_t j = 0; j < n; j++) {
            if (j == i || !figs[j].ranked) continue;
            double d = figs[j].score - figs[i].score;
            int tie = d < 1e-9 && d > -1e-9;
            if ((!tie && d > 0) || (tie && (counts[j].followed > counts[i].followed ||
                                            (counts[j].followed == counts[i].followed && j < i))))
                better++;
        }
        figs[i].rank = better + 1;
    }
}

const char *rates_name(enum rate_kind k)
{
    static const char *const names[RATE_COUNT] = {
        N_("Response rate"), N_("Resolution rate"), N_("Satisfaction rate"),
        N_("On-time rate"),  N_("Return rate"),     N_("Direct answer rate"),
    };
    return k < RATE_COUNT ? names[k] : "";
}

const char *rates_formula(enum rate_kind k)
{
    static const char *const formulas[RATE_COUNT] = {
        N_("signed for and first contact, each within its limit / dispatched, less those "
           "still within their limits"),
        N_("solved at follow-up / followed up"),
        N_("(satisfied + %g x basically satisfied) / followed up"),
        N_("replied by the deadline / replied"),
        N_("returned by the unit first dispatched to / first dispatched to it"),
        N_("answered on the spot / taken down"),
    };
    return k < RATE_COUNT ? formulas[k] : "";
}

char *rates_formula_text(enum rate_kind k, double basic_weight)
{
    if (k == RATE_SATISFACTION)
        return xasprintf(_("(satisfied + %g x basically satisfied) / followed up"), basic_weight);
    return xstrdup(_(rates_formula(k)));
}

void rates_add(struct rate_counts *a, const struct rate_counts *b)
{
    a->total += b->total;
    a->answered += b->answered;
    a->dispatched += b->dispatched;
    a->responded += b->responded;
    a->awaiting += b->awaiting;
    a->returned += b->returned;
    a->followed += b->followed;
    a->solved += b->solved;
    a->satisfied += b->satisfied;
    a->basic += b->basic;
    a->replied += b->replied;
    a->on_time += b->on_time;
    a->accept_hours += b->accept_hours;
    a->accepted += b->accepted;
    a->reply_hours += b->reply_hours;
    a->routed += b->routed;
}

void rate_counts_free(struct rate_counts *c)
{
    free(c->unit_name);
    c->unit_name = NULL;
}

static const char *const group_words[RATE_GROUP_COUNT] = {"unit", "community", "street"};

int rates_group_parse(const char *word)
{
    for (int g = 0; g < RATE_GROUP_COUNT; g++)
        if (word && strcmp(word, group_words[g]) == 0) return g;
    return -1;
}

const char *rates_group_word(enum rate_group g)
{
    return g < RATE_GROUP_COUNT ? group_words[g] : "";
}

const char *rates_group_label(enum rate_group g)
{
    static const char *const labels[RATE_GROUP_COUNT] = {N_("Unit"), N_("Community"), N_("Street")};
    return g < RATE_GROUP_COUNT ? labels[g] : "";
}

const char *rates_group_none(enum rate_group g)
{
    static const char *const none[RATE_GROUP_COUNT] = {N_("(no unit)"), N_("(no community)"),
                                                       N_("(no street)")};
    return g < RATE_GROUP_COUNT ? none[g] : "";
}

void rate_tally_init(struct rate_tally *t, enum rate_group group, time_t now)
{
    memset(t, 0, sizeof *t);
    t->group = group;
    t->now = now;
}

void rate_tally_free(struct rate_tally *t)
{
    for (size_t i = 0; i < t->n; i++) {
        rate_counts_free(&t->units[i]);
        free(t->codes[i]);
    }
    free(t->units);
    free(t->codes);
    free(t->current);
    free(t->slot);
    rate_tally_init(t, t->group, t->now);
}

/* Ids below this find their counts by slot; above it (not seen in a district), by a search. */
#define TALLY_SLOTS_MAX 65536

/*
** The counts of unit id (made, named code and name, when first seen). Ids
** are rowids given in turn: an array by id finds them (a search through a
** few dozen units or communities for each request was a twentieth of a
** year's rates).
*/
static struct rate_counts *tally_unit(struct rate_tally *t, int64_t id, const char *code,
                                      const char *name)
{
    int slotted = id >= 0 && id < TALLY_SLOTS_MAX;
    if (slotted && (size_t)id < t->slots && t->slot[id]) return &t->units[t->slot[id] - 1];
    if (!slotted)
        for (size_t i = 0; i < t->n; i++)
            if (t->units[i].unit_id == id) return &t->units[i];
    if (slotted && (size_t)id >= t->slots) {
        size_t slots = t->slots ? t->slots : 64;
        while (slots <= (size_t)id)
            slots *= 2;
        t->slot = xrealloc(t->slot, slots * sizeof *t->slot);
        memset(t->slot + t->slots, 0, (slots - t->slots) * sizeof *t->slot);
        t->slots = slots;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 32;
        t->units = xrealloc(t->units, t->cap * sizeof *t->units);
        t->codes = xrealloc(t->codes, t->cap * sizeof *t->codes);
        t->current = xrealloc(t->current, t->cap);
    }
    size_t i = t->n++;
    if (slotted) t->slot[id] = i + 1;
    memset(&t->units[i], 0, sizeof t->units[i]);
    t->units[i].unit_id = id;
    t->units[i].unit_name = xstrdup(name ? name : "");
    t->codes[i] = id ? xstrdup(code ? code : "") : NULL;
    t->current[i] = 0;
    return &t->units[i];
}

/* Signed for and first contact made, each within its limit. */
static int responded(const struct rate_row *r)
{
    return r->accepted_at && r->accept_due && r->accepted_at <= r->accept_due && r->contacted_at &&
           r->contact_due && r->contacted_at <= r->contact_due;
}

/* Not responded yet, and neither limit missed by now: too soon to say. */
static int awaited(const struct rate_row *r, time_t now)
{
    if (!r->accepted_at) return r->accept_due > now;
    if (!r->accept_due || r->accepted_at > r->accept_due) return 0;
    return !r->contacted_at && r->contact_due > now;
}

void rate_tally_add(struct rate_tally *t, const struct rate_row *r)
{
    int by_unit = t->group == RATE_BY_UNIT;
    struct rate_counts *c = by_unit ? tally_unit(t, r->unit_id, r->unit_code, r->unit_name)
                                    : tally_unit(t, r->place_id, r->place_code, r->place_name);
    t->current[c - t->units] = 1;
    c->total++;
    c->answered += r->answered != 0;
    c->dispatched += r->first_dispatched_at != 0;
    if (r->first_dispatched_at && responded(r))
        c->responded++;
    else if (r->first_dispatched_at && awaited(r, t->now))
        c->awaiting++;
    c->followed += r->resolved >= 0;
    c->solved += r->resolved == 1;
    c->satisfied += r->satisfied != 0;
    c->basic += r->basic != 0;
    c->replied += r->replied_at != 0;
    c->on_time += r->replied_at && r->resolve_due && r->replied_at <= r->resolve_due;
    if (r->accepted_at) {
        c->accepted++;
        if (r->dispatched_at)
            c->accept_hours += (double)(r->accepted_at - r->dispatched_at) / 3600.0;
    }
    if (r->replied_at && r->first_dispatched_at)
        c->reply_hours += (double)(r->replied_at - r->first_dispatched_at) / 3600.0;
    if (!r->first_unit_id) return;
    /* Returns are charged to the unit that returned: the one first dispatched to; by place, to
     * the place the request came from. */
    struct rate_counts *f =
        by_unit ? tally_unit(t, r->first_unit_id, r->first_unit_code, r->first_unit_name) : c;
    f->routed++;
    f->returned += r->returned_unit_id == r->first_unit_id;
}

/* The order of the report: units requests are at by code (none first), then the rest by id. */
static int report_order(const struct rate_tally *t, size_t a, size_t b)
{
    if (t->current[a] != t->current[b]) return t->current[a] ? -1 : 1;
    if (!t->current[a])
        return t->units[a].unit_id < t->units[b].unit_id
                   ? -1
                   : t->units[a].unit_id > t->units[b].unit_id;
    if (!t->codes[a] || !t->codes[b]) return t->codes[a] ? 1 : t->codes[b] ? -1 : 0;
    return pinyin_collate(t->codes[a], (int)strlen(t->codes[a]), t->codes[b],
                          (int)strlen(t->codes[b]));
}

void rate_tally_finish(struct rate_tally *t, struct rate_counts **units, size_t *n,
                       struct rate_counts *overall)
{
    memset(overall, 0, sizeof *overall);
    overall->unit_name = xstrdup("");
    size_t *order = xcalloc(t->n + 1, sizeof *order);
    for (size_t i = 0; i < t->n; i++)
        order[i] = i;
    /* A district has a few dozen units: an insertion sort. */
    for (size_t i = 1; i < t->n; i++)
        for (size_t j = i; j > 0 && report_order(t, order[j - 1], order[j]) > 0; j--) {
            size_t keep = order[j];
            order[j] = order[j - 1];
            order[j - 1] = keep;
        }
    *units = xcalloc(t->n + 1, sizeof **units);
    *n = t->n;
    for (size_t i = 0; i < t->n; i++) {
        struct rate_counts *c = &t->units[order[i]];
        rates_add(overall, c);
        (*units)[i] = *c;
        c->unit_name = NULL;
    }
    free(order);
    rate_tally_free(t);
}

/*
** A rate or a mean as text: "93.5%", "4.2", or "-" when there is none
** (none: an empty cell in CSV, which a spreadsheet leaves out of its sums
** and averages; a "-" would be guarded as a formula, '-).
*/
static void figure(char *buf, size_t n, double v, int percent_sign, int csv)
{
    if (v < 0)
        snprintf(buf, n, "%s", csv ? "" : "-");
    else
        snprintf(buf, n, percent_sign ? "%.1f%%" : "%.1f", v);
}

/* The cells of one row (buf holds their text). */
static void row_cells(const struct rate_counts *c, const struct rate_figures *f, int ranked_col,
                      enum rate_group group, char buf[][24], const char **cells, int csv)
{
    int i = 0;
    cells[i] = *c->unit_name ? c->unit_name : _(rates_group_none(group));
    i++;
    snprintf(buf[i], 24, "%lld", (long long)c->total);
    cells[i] = buf[i];
    i++;
    snprintf(buf[i], 24, "%lld", (long long)c->dispatched);
    cells[i] = buf[i];
    i++;
    snprintf(buf[i], 24, "%lld", (long long)c->followed);
    cells[i] = buf[i];
    i++;
    for (int k = 0; k < RATE_COUNT; k++, i++) {
        figure(buf[i], 24, f->rate[k], !csv, csv);
        cells[i] = buf[i];
    }
    figure(buf[i], 24, f->accept_hours, 0, csv);
    cells[i] = buf[i];
    i++;
    figure(buf[i], 24, f->reply_hours, 0, csv);
    cells[i] = buf[i];
    i++;
    if (!ranked_col)
        snprintf(buf[i], 24, "%s", "");
    else if (f->rank)
        snprintf(buf[i], 24, "%d", f->rank);
    else
        snprintf(buf[i], 24, "%s", _("not ranked"));
    cells[i] = buf[i];
}

#define REPORT_COLS (4 + RATE_COUNT + 3)

char *rates_report(const struct rate_counts *units, size_t n, const struct rate_counts *overall,
                   enum rate_group group, double basic_weight, int min_followed, const char *period,
                   int csv)
{
    const char *head[REPORT_COLS] = {_(rates_group_label(group)), _("Taken"), _("Dispatched"),
                                     _("Followed up")};
    for (int k = 0; k < RATE_COUNT; k++)
        head[4 + k] = _(rates_name(k));
    head[4 + RATE_COUNT] = _("Hours to sign");
    head[5 + RATE_COUNT] = _("Hours to reply");
    head[6 + RATE_COUNT] = _("Rank");
    static const int widths[REPORT_COLS] = {24, 7, 7, 7, 9, 9, 9, 11, 9, 11, 10, 10, 8};
    struct rate_figures *figs = xcalloc(n + 1, sizeof *figs);
    for (size_t i = 0; i < n; i++)
        rates_compute(&units[i], basic_weight, min_followed, &figs[i]);
    rates_rank(figs, units, n);
    struct rate_figures all;
    rates_compute(overall, basic_weight, 0, &all);

    struct strbuf sb = STRBUF_INIT;
    char buf[REPORT_COLS][24];
    const char *cells[REPORT_COLS];
    for (size_t r = 0; r <= n + 1; r++) {
        const char *const *row = head;
        if (r > 0) {
            int last = r == n + 1;
            const struct rate_counts *c = last ? overall : &units[r - 1];
            if (!last && c->total == 0 && c->routed == 0) continue;
            row_cells(c, last ? &all : &figs[r - 1], !last, group, buf, cells, csv);
            if (last) cells[0] = _("District");
            row = cells;
        }
        for (int i = 0; i < REPORT_COLS; i++) {
            if (csv) {
                csv_put(&sb, row[i], i == 0, 0);
                continue;
            }
            char cell[128];
            text_fit(cell, sizeof cell, row[i], widths[i], i ? TEXT_FIT_RIGHT : 0);
            strbuf_adds(&sb, cell);
            if (i + 1 < REPORT_COLS) strbuf_addc(&sb, ' ');
        }
        if (csv)
            csv_end_row(&sb);
        else
            strbuf_addc(&sb, '\n');
    }
    free(figs);
    if (csv) return strbuf_detach(&sb);
    strbuf_addf(&sb, _("\nRequests taken down %s. How each figure is counted:\n"), period);
    for (int k = 0; k < RATE_COUNT; k++) {
        char *formula = rates_formula_text(k, basic_weight);
        strbuf_addf(&sb, "  %s = %s\n", _(rates_name(k)), formula);
        free(formula);
    }
    strbuf_addf(&sb, "  %s = %s\n  %s = %s\n", _("Hours to sign"),
                _("hours from dispatch to signing for, on average (by the clock)"),
                _("Hours to reply"),
                _("hours from the first dispatch to the reply, on average (by the clock)"));
    strbuf_addf(&sb,
                _("  Rank: by (response + resolution + satisfaction) / 3; rows with fewer "
                  "than %d follow-ups are listed but not ranked.\n"),
                min_followed);
    return strbuf_detach(&sb);
}

char *rates_period(time_t from, time_t to)
{
    char a[11], b[11];
    struct date df = date_of(from), dt = date_of(to - 1);
    return xasprintf(_("%s to %s"), date_format(&df, a), date_format(&dt, b));
}

const char *rates_period_parse(const char *first, const char *last, time_t *from, time_t *to,
                               int *which)
{
    const char *texts[2] = {first, last};
    time_t t[2];
    for (int i = 0; i < 2; i++) {
        const char *why = validate_date(texts[i]);
        if (!why && clock_day_parse(texts[i], &t[i]) != 0) why = _("There is no such day");
        if (why) {
            *which = i;
            return why;
        }
    }
    if (t[1] < t[0]) {
        *which = 2;
        return _("The last day is before the first: the period would be empty");
    }
    *from = t[0];
    /* Through the end of the last day, whatever its length. */
    struct tm tm;
    localtime_r(&t[1], &tm);
    tm.tm_mday++;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tm.tm_isdst = -1;
    *to = mktime(&tm);
    return NULL;
}

void rates_months(time_t end, size_t n, time_t *starts)
{
    time_t last = end - 1;
    struct tm tm;
    localtime_r(&last, &tm);
    for (size_t i = 0; i <= n; i++) {
        struct tm m;
        memset(&m, 0, sizeof m);
        m.tm_year = tm.tm_year;
        m.tm_mon = tm.tm_mon - (int)n + 1 + (int)i; /* mktime carries it over the years */
        m.tm_mday = 1;
        m.tm_isdst = -1;
        starts[i] = mktime(&m);
    }
}

char *rates_month_span(const time_t *starts, size_t n)
{
    struct tm a, b;
    localtime_r(&starts[0], &a);
    localtime_r(&starts[n ? n - 1 : 0], &b);
    char x[32], y[32];
    snprintf(x, sizeof x, "%04d-%02d", a.tm_year + 1900, a.tm_mon + 1);
    snprintf(y, sizeof y, "%04d-%02d", b.tm_year + 1900, b.tm_mon + 1);
    return xasprintf(_("%s to %s"), x, y);
}

/* A panel's note: the last value, "82.9%" or "1234", "-" when none. */
static void last_value(char *buf, size_t cap, const double *v, size_t n, int percent_sign)
{
    if (!n || v[n - 1] < 0)
        snprintf(buf, cap, "-");
    else
        snprintf(buf, cap, percent_sign ? "%.1f%%" : "%.0f", v[n - 1]);
}

char *rates_chart(const struct rate_counts *months, const time_t *starts, size_t n,
                  double basic_weight, int width, int height, enum chart_style style)
{
    static const enum rate_kind kinds[] = {RATE_RESPONSE, RATE_RESOLUTION, RATE_SATISFACTION};
    double *v = xcalloc(n + 1, sizeof *v);
    struct strbuf sb = STRBUF_INIT;
    char note[32];
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        for (size_t i = 0; i < n; i++) {
            struct rate_figures f;
            rates_compute(&months[i], basic_weight, 0, &f);
            v[i] = f.rate[kinds[k]];
        }
        last_value(note, sizeof note, v, n, 1);
        double bottom = chart_percent_bottom(v, n);
        char bottom_text[16];
        snprintf(bottom_text, sizeof bottom_text, "%.0f%%", bottom);
        struct chart_panel p = {_(rates_name(kinds[k])),
                                note,
                                v,
                                n,
                                bottom,
                                100,
                                "100%",
                                bottom_text,
                                CHART_LINE,
                                height};
        chart_panel_put(&sb, &p, width, style);
    }
    double max = 0;
    for (size_t i = 0; i < n; i++) {
        v[i] = (double)months[i].total;
        if (v[i] > max) max = v[i];
    }
    double top = chart_nice_top(max);
    char top_text[24];
    snprintf(top_text, sizeof top_text, "%.0f", top);
    last_value(note, sizeof note, v, n, 0);
    struct chart_panel p = {_("Taken down"), note, v, n, 0, top, top_text, "0", CHART_BARS, height};
    chart_panel_put(&sb, &p, width, style);
    char(*labels)[16] = xcalloc(n + 1, sizeof *labels);
    const char **lp = xcalloc(n + 1, sizeof *lp);
    for (size_t i = 0; i < n; i++) {
        struct tm tm;
        localtime_r(&starts[i], &tm);
        snprintf(labels[i], sizeof labels[i], "%02d", tm.tm_mon + 1);
        lp[i] = labels[i];
    }
    chart_axis_put(&sb, lp, n, width);
    free(lp);
    free(labels);
    free(v);
    return strbuf_detach(&sb);
}
