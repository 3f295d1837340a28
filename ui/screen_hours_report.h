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

/* The F9 menu's entries, ending with a row whose code is NULL. */
extern const struct command hours_report_menu[];

#endif
