/*
** log: a line for whoever looks after the program when something went
** wrong below the screen (a statement the database refused, with its own
** words). The screen says it in words for the clerk; the log keeps what
** the library said. Lines go to one file, appended, each with its time
** and process id; nowhere until log_open() names the file.
*/
#ifndef BANGBAN_LOG_H
#define BANGBAN_LOG_H

/* Append lines to path from now on (its directory is made when missing); NULL stops logging. */
void log_open(const char *path);

/* Append one line: the time, the process id, then fmt. Failing to write is not an error. */
void log_write(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
