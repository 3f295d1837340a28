/*
** visit_report: 走访完成情况, what a street's party office reads each
** month: for every building chief, their buildings and the organisations
** in them, the visits made in the month, the buildings and organisations
** those covered, the requests they took down, the organisations never
** visited, and whether the monthly quota (the setting visit_quota) was met.
*/
#ifndef BANGBAN_VISIT_REPORT_H
#define BANGBAN_VISIT_REPORT_H

#include "db/db.h"

/*
** The report for month ("2026-03") as text, a heading and a row a chief,
** as actor reads it (a building chief: their own row), into *out (caller
** frees). DB_OK or an error (*out NULL).
*/
int visit_report(struct db *db, const char *month, const char *actor, char **out);

#endif
