/*
** xlsx_make OUT [--inline]: write the workbook that standard input
** describes, through libxlsxwriter, for the tests of the workbook reader.
** Each line is a row, its cells separated by tabs; a line "#sheet NAME"
** starts a sheet (the first sheet is Sheet1 until one is named). A cell is
** a string (\n in it is a line break), or:
**   n:NUMBER   a number           b:0 / b:1   a boolean
**   d:Y-M-D    a date, shown in the custom format yyyy/m/d
**   t:Y-M-D H:M:S  a date and time, shown in the built-in format 22
**   f14:NUMBER a number in the built-in date format 14
** With --inline the strings are written inline in the sheet (constant
** memory mode) instead of in the shared strings table.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* s with each \n made a line feed, in place. */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static void cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, char *text, lxw_format *date,
                 lxw_format *stamp, lxw_format *f14)
{
    lxw_datetime dt = {0};
    if (strncmp(text, "n:", 2) == 0) {
        worksheet_write_number(ws, row, col, strtod(text + 2, NULL), NULL);
    } else if (strncmp(text, "b:", 2) == 0) {
        worksheet_write_boolean(ws, row, col, atoi(text + 2), NULL);
    } else if (strncmp(text, "d:", 2) == 0 &&
               sscanf(text + 2, "%d-%d-%d", &dt.year, &dt.month, &dt.day) == 3) {
        worksheet_write_datetime(ws, row, col, &dt, date);
    } else if (strncmp(text, "t:", 2) == 0 &&
               sscanf(text + 2, "%d-%d-%d %d:%d:%lf", &dt.year, &dt.month, &dt.day,
                      &dt.hour, &dt.min, &dt.sec) == 6) {
        worksheet_write_datetime(ws, row, col, &dt, stamp);
    } else if (strncmp(text, "f14:", 4) == 0) {
        worksheet_write_number(ws, row, col, strtod(text + 4, NULL), f14);
    } else {
        unescape(text);
        worksheet_write_string(ws, row, col, text, NULL);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: xlsx_make OUT [--inline] < description\n");
        return 2;
    }
    lxw_workbook_options opt = {.constant_memory = argc > 2 && strcmp(argv[2], "--inline") == 0};
    lxw_workbook *wb = workbook_new_opt(argv[1], &opt);
    if (!wb) return 1;
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/m/d");
    lxw_format *stamp = workbook_add_format(wb);
    format_set_num_format_index(stamp, 22);
    lxw_format *f14 = workbook_add_format(wb);
    format_set_num_format_index(f14, 14);
    lxw_worksheet *ws = NULL;
    lxw_row_t row = 0;
    char line[65536];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "#sheet ", 7) == 0) {
            ws = workbook_add_worksheet(wb, line + 7);
            row = 0;
            continue;
        }
        if (!ws) ws = workbook_add_worksheet(wb, NULL);
        lxw_col_t col = 0;
        for (char *c = line, *tab;; c = tab + 1, col++) {
            tab = strchr(c, '\t');
            if (tab) *tab = '\0';
            if (*c) cell(ws, row, col, c, date, stamp, f14);
            if (!tab) break;
        }
        row++;
    }
    if (!ws) workbook_add_worksheet(wb, NULL);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
