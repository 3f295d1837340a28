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
** The font receipts are laid out in, for paps: a CJK monospace font (a
** Chinese character exactly two Latin ones wide, so columns line up),
** the first installed of Noto Sans Mono CJK SC (fonts-noto-cjk) and
** WenQuanYi Zen Hei Mono (fonts-wqy-zenhei), as fc-list finds them; else
** "Monospace", whose Chinese comes out of line. Borrowed.
*/
const char *printer_font(void);

/*
** Print text on printer (NULL or "": the default one). Returns 0 with
** *job, the id lp gave the job ("desk-12"; "" when it said none; caller
** frees), or -1 with *err (caller frees).
*/
int printer_print(const char *text, const char *printer, char **job, char **err);

/* The job id in what lp said ("request id is desk-12 (1 file(s))"), or "". Caller frees. */
char *printer_job_id(const char *said);

/* Write text to path (replacing it). Returns 0, or -1 with *err (caller frees). */
int printer_save(const char *text, const char *path, char **err);

#endif
