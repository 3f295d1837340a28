/*
** chart: series drawn as text, for the screen and for printing. A chart is
** made of panels stacked one above the other, each a few rows high, over
** one row of labels along the bottom:
**
**   响应率   100%|     ⡠⠊⠉⠉⠢⡀
**   82.9%        |  ⡠⠊      ⠈⠢⣀⣀⡠⠤⠒
**              0%|⠊
**
** a label column (LABEL_COLS: the panel's name, and a note under it), an
** axis column (AXIS_COLS: the top and bottom of the scale) and the plot.
** The plot is braille patterns (U+2800..U+28FF: 2 x 4 dots a cell, one
** column wide on every terminal, ambiguous-width ones included) or plain
** ASCII for printers and scripts ('*' points, '#' bars). No curses here:
** the rows are text, each exactly `width` columns wide.
*/
#ifndef BANGBAN_CHART_H
#define BANGBAN_CHART_H

#include <stddef.h>

#include "src/util.h"

enum chart_style {
    CHART_ASCII,   /* '*' and '.' for lines, '#' and '.' for bars: any printer */
    CHART_BRAILLE, /* braille dots: four times the rows' resolution, twice the columns' */
};

enum chart_mark {
    CHART_LINE, /* a point per value, joined to the next one (not across a gap) */
    CHART_BARS, /* a bar per value from the bottom; any value above 0 shows */
};

#define CHART_LABEL_COLS 8 /* the label column, a space included */
#define CHART_AXIS_COLS  6 /* five for the scale's text, then '|' */

struct chart_panel {
    const char *label; /* at the left of the top row (fitted); borrowed */
    const char *note;  /* under it, e.g. the last value; borrowed; may be NULL */
    const double *values;
    size_t n;                /* values: one per slot along the plot; < 0: no data there */
    double bottom, top;      /* the values at the bottom and the top of the plot; bottom < top */
    const char *top_text;    /* the scale's text at the top row and the bottom row; borrowed */
    const char *bottom_text; /* may be NULL */
    enum chart_mark mark;
    int height; /* rows, at least 1 */
};

/*
** The plot alone: height rows of width cells (no newlines), the n values
** spread evenly over them (value i in the columns [i*width/n,
** (i+1)*width/n)), scaled from bottom to top (a value beyond is drawn at
** the edge). Returns height strings (caller frees each and the array).
*/
char **chart_plot(const double *values, size_t n, double bottom, double top, enum chart_mark mark,
                  int width, int height, enum chart_style style);

/* Append p's rows to sb, each width columns then '\n' (width > the two columns + n). */
void chart_panel_put(struct strbuf *sb, const struct chart_panel *p, int width,
                     enum chart_style style);

/*
** Append the row of labels under panels of width columns: labels[i] in
** value i's columns (cut to fit them, less one for a space), then '\n'.
*/
void chart_axis_put(struct strbuf *sb, const char *const *labels, size_t n, int width);

/*
** A sparkline: the plot alone, one row per element, for small charts
** beside text. As chart_plot() with bars. Returns height strings.
*/
char **chart_spark(const double *values, size_t n, int width, int height, enum chart_style style);

/* The top of a scale that holds max: 1, 2 or 5 times a power of ten (1 when max <= 1). */
double chart_nice_top(double max);

/*
** The bottom of a percent scale that shows n values (those < 0 have none)
** apart: 10 below the lowest, rounded down to ten, at least 0; 0 when there
** are none.
*/
double chart_percent_bottom(const double *values, size_t n);

/* Free rows returned by chart_plot() or chart_spark(). */
void chart_rows_free(char **rows, int height);

#endif
