/*
** screen_hours_report: the volunteer hours reports from the volunteer
** service screen's F9 menu: a volunteer's detail for a period (the one
** selected in the list offered), the teams' or the service categories'
** hours of a month or a year; each shown on a text screen or saved as CSV
** or an Excel workbook (app/hours_report.h makes them); and the import
** of a service hours ledger (the import screen every ledger shares).
*/
#ifndef BANGBAN_SCREEN_HOURS_REPORT_H
#define BANGBAN_SCREEN_HOURS_REPORT_H

#include "ui/command.h"

/*
** The volunteer service screen's F9 commands (ui/command.h's run): a
** volunteer's hours over a period (the one selected in the list s
** offered), and the teams' (c->arg 0) or the categories' (c->arg 1)
** hours of a month or a year. (The hours ledger's import is
** import_command()'s, as every ledger's.)
*/
void hours_report_volunteer_run(struct screen *s, const struct command *c);
void hours_report_sums_run(struct screen *s, const struct command *c);

#endif
