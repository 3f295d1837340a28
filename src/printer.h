/*
** printer: sending text to the centre's printer. UTF-8 text goes through
** paps (Pango: Chinese glyphs as outlines) to lp (CUPS), the way a Debian
** box prints Chinese to an ordinary A4 printer; nothing is installed or
** configured here, so when either is missing the caller is told to save
** the text to a file instead.
*/
#ifndef BANGBAN_PRINTER_H
#define BANGBAN_PRINTER_H

/* True when both paps and lp can be run. */
int printer_available(void);

/*
** Print text on printer (NULL or "": the default one). Returns 0, or -1
** with *err (caller frees).
*/
int printer_print(const char *text, const char *printer, char **err);

/* Write text to path (replacing it). Returns 0, or -1 with *err (caller frees). */
int printer_save(const char *text, const char *path, char **err);

#endif
