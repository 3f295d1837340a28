/*
** chart: see chart.h.
*/
#include "chart.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A grid of cells, each a braille dot mask (braille) or a character (ASCII). */
struct canvas {
    int w, h; /* cells */
    enum chart_style style;
    unsigned char *cell;
};

static void canvas_init(struct canvas *c, int w, int h, enum chart_style style)
{
    c->w = w > 0 ? w : 0;
    c->h = h > 0 ? h : 0;
    c->style = style;
    c->cell = xcalloc((size_t)c->w * (size_t)c->h + 1, 1);
}

/* The dots of a cell: x 0..1 across, y 0..3 down (Unicode's braille numbering). */
static unsigned char braille_bit(int x, int y)
{
    static const unsigned char bits[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
    return bits[x][y];
}

/* Set dot (x, y) counted in dots from the top left; outside is ignored. */
static void canvas_dot(struct canvas *c, int x, int y)
{
    if (x < 0 || y < 0 || x >= 2 * c->w || y >= 4 * c->h) return;
    c->cell[(y / 4) * c->w + x / 2] |= braille_bit(x % 2, y % 4);
}

/* Put character ch at cell (x, y) unless keep is set and the cell holds one. */
static void canvas_put(struct canvas *c, int x, int y, char ch, int keep)
{
    if (x < 0 || y < 0 || x >= c->w || y >= c->h) return;
    unsigned char *p = &c->cell[y * c->w + x];
    if (!keep || !*p) *p = (unsigned char)ch;
}

/* A straight line of dots from (x0, y0) to (x1, y1) (Bresenham). */
static void canvas_line(struct canvas *c, int x0, int y0, int x1, int y1)
{
    int dx = abs(x1 - x0), dy = -abs(y1 - y0);
    int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        canvas_dot(c, x0, y0);
        if (x0 == x1 && y0 == y1) break;
        int e2 = 2 * err;
        if (e2 >= dy) err += dy, x0 += sx;
        if (e2 <= dx) err += dx, y0 += sy;
    }
}

/* The rows of the canvas as text. */
static char **canvas_rows(const struct canvas *c)
{
    char **rows = xcalloc((size_t)c->h + 1, sizeof *rows);
    for (int y = 0; y < c->h; y++) {
        struct strbuf sb = STRBUF_INIT;
        for (int x = 0; x < c->w; x++) {
            unsigned char v = c->cell[y * c->w + x];
            if (c->style == CHART_ASCII) {
                strbuf_addc(&sb, v ? (char)v : ' ');
            } else if (!v) {
                strbuf_addc(&sb, ' ');
            } else {
                /* U+2800 + v in UTF-8: E2 A0..A3 80..BF */
                unsigned cp = 0x2800u + v;
                char u[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                             (char)(0x80 | (cp & 0x3F))};
                strbuf_add(&sb, u, 3);
            }
        }
        rows[y] = strbuf_detach(&sb);
    }
    return rows;
}

/* The first column of slot i of n over w columns. */
static int slot_start(size_t i, size_t n, int w)
{
    return (int)((long long)i * w / (long long)n);
}

/* v on a scale of levels steps (0..levels) from lo to hi, rounded. */
static int level_of(double v, double lo, double hi, int levels)
{
    double f = (v - lo) / (hi - lo);
    if (f > 1) f = 1;
    if (f < 0) f = 0;
    return (int)(f * levels + 0.5);
}

static void plot_line(struct canvas *c, const double *v, size_t n, double lo, double top)
{
    int prev_x = 0, prev_y = 0, have_prev = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < 0) {
            have_prev = 0;
            continue;
        }
        int a = slot_start(i, n, c->w), b = slot_start(i + 1, n, c->w);
        if (c->style == CHART_BRAILLE) {
            int x = a + b - 1; /* the middle dot column of the slot: (2a + 2b - 1) / 2 */
            int y = 4 * c->h - 1 - level_of(v[i], lo, top, 4 * c->h - 1);
            if (have_prev)
                canvas_line(c, prev_x, prev_y, x, y);
            else
                canvas_dot(c, x, y);
            prev_x = x, prev_y = y;
        } else {
            int x = (a + b - 1) / 2;
            int y = c->h - 1 - level_of(v[i], lo, top, c->h - 1);
            if (have_prev)
                for (int k = prev_x + 1; k < x; k++) {
                    double f = (double)(k - prev_x) / (double)(x - prev_x);
                    canvas_put(c, k, (int)(prev_y + f * (y - prev_y) + 0.5), '.', 1);
                }
            canvas_put(c, x, y, '*', 0);
            prev_x = x, prev_y = y;
        }
        have_prev = 1;
    }
}

static void plot_bars(struct canvas *c, const double *v, size_t n, double lo, double top)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] <= lo) continue;
        int a = slot_start(i, n, c->w), b = slot_start(i + 1, n, c->w);
        int slot = b - a, bw = slot >= 3 ? slot - 2 : slot >= 2 ? slot - 1 : 1;
        int x0 = a + (slot - bw) / 2;
        int sub = c->style == CHART_BRAILLE ? 4 : 2; /* steps a row */
        int h = level_of(v[i], lo, top, sub * c->h);
        if (h == 0) h = 1; /* anything above none shows */
        if (c->style == CHART_BRAILLE) {
            for (int x = 2 * x0; x < 2 * (x0 + bw); x++)
                for (int d = 0; d < h; d++)
                    canvas_dot(c, x, 4 * c->h - 1 - d);
        } else {
            for (int x = x0; x < x0 + bw; x++) {
                for (int r = 0; r < h / 2; r++)
                    canvas_put(c, x, c->h - 1 - r, '#', 0);
                if (h % 2) canvas_put(c, x, c->h - 1 - h / 2, '.', 0);
            }
        }
    }
}

char **chart_plot(const double *values, size_t n, double bottom, double top, enum chart_mark mark,
                  int width, int height, enum chart_style style)
{
    struct canvas c;
    canvas_init(&c, width, height, style);
    if (n > 0 && top > bottom && c.w > 0 && c.h > 0) {
        if (mark == CHART_LINE)
            plot_line(&c, values, n, bottom, top);
        else
            plot_bars(&c, values, n, bottom, top);
    }
    char **rows = canvas_rows(&c);
    free(c.cell);
    return rows;
}

void chart_rows_free(char **rows, int height)
{
    if (!rows) return;
    for (int i = 0; i < height; i++)
        free(rows[i]);
    free(rows);
}

/* Append text fitted to cols columns (flags as text_fit()). */
static void put_fitted(struct strbuf *sb, const char *text, int cols, unsigned flags)
{
    char *s = text_fit_dup(text ? text : "", cols, flags);
    strbuf_adds(sb, s);
    free(s);
}

void chart_panel_put(struct strbuf *sb, const struct chart_panel *p, int width,
                     enum chart_style style)
{
    int plot_w = width - CHART_LABEL_COLS - CHART_AXIS_COLS;
    int h = p->height > 0 ? p->height : 1;
    char **rows = chart_plot(p->values, p->n, p->bottom, p->top, p->mark, plot_w, h, style);
    for (int y = 0; y < h; y++) {
        const char *left = y == 0 ? p->label : y == 1 ? p->note : NULL;
        put_fitted(sb, left, CHART_LABEL_COLS - 1, 0);
        strbuf_addc(sb, ' ');
        const char *scale = y == 0 ? p->top_text : y == h - 1 ? p->bottom_text : NULL;
        put_fitted(sb, scale, CHART_AXIS_COLS - 1, TEXT_FIT_RIGHT);
        strbuf_addc(sb, '|');
        strbuf_adds(sb, rows[y]);
        strbuf_addc(sb, '\n');
    }
    chart_rows_free(rows, h);
}

void chart_axis_put(struct strbuf *sb, const char *const *labels, size_t n, int width)
{
    int plot_w = width - CHART_LABEL_COLS - CHART_AXIS_COLS;
    strbuf_addf(sb, "%*s", CHART_LABEL_COLS + CHART_AXIS_COLS, "");
    for (size_t i = 0; i < n && plot_w > 0; i++) {
        int a = slot_start(i, n, plot_w), b = slot_start(i + 1, n, plot_w);
        int cols = b - a > 1 ? b - a - 1 : b - a;
        put_fitted(sb, labels[i], cols, 0);
        if (b - a > cols) strbuf_addc(sb, ' ');
    }
    strbuf_addc(sb, '\n');
}

char **chart_spark(const double *values, size_t n, int width, int height, enum chart_style style)
{
    double max = 0;
    for (size_t i = 0; i < n; i++)
        if (values[i] > max) max = values[i];
    return chart_plot(values, n, 0, max > 0 ? max : 1, CHART_BARS, width, height, style);
}

double chart_nice_top(double max)
{
    if (max <= 1) return 1;
    double p = 1;
    while (p * 10 <= max)
        p *= 10;
    static const double steps[] = {1, 2, 5, 10};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * p >= max - 1e-9) return steps[i] * p;
    return 10 * p;
}

double chart_percent_bottom(const double *values, size_t n)
{
    double min = -1;
    for (size_t i = 0; i < n; i++)
        if (values[i] >= 0 && (min < 0 || values[i] < min)) min = values[i];
    if (min < 0) return 0;
    int b = ((int)min / 10) * 10 - 10;
    return b > 0 ? b : 0;
}
