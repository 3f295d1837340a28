/*
** util: memory that never returns NULL, a growable string buffer, and the
** one fatal-error path. Every other module builds on these.
*/
#ifndef BANGBAN_UTIL_H
#define BANGBAN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/*
** Called by die() before it prints, so the terminal can be restored first.
** Set by the ui layer while curses is active; NULL otherwise.
*/
extern void (*util_die_hook)(void);

/* Print "bangban: MESSAGE" to stderr and exit(1). Runs util_die_hook first. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* malloc/calloc/realloc/strdup that die() instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
/*
** As xcalloc(), the block zeroed by writing it: a large calloc'd block is
** mapped to the zero page, and each page of it read before it is written
** then takes a copy-on-write fault that flushes every core's TLB (a hash
** table probed as it fills). Caller frees.
*/
void *xcalloc_written(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Copy of the first n bytes of s, NUL-terminated. Caller frees. */
char *xstrndup(const char *s, size_t n);
/* printf into a new string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
** A growable byte string, always NUL-terminated. Initialise with
** STRBUF_INIT or strbuf_init(); release with strbuf_free() or take the
** bytes with strbuf_detach().
*/
struct strbuf {
    char *buf;  /* NUL-terminated bytes; never NULL after the first add */
    size_t len; /* bytes used, without the NUL */
    size_t cap; /* bytes allocated */
};
#define STRBUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void strbuf_init(struct strbuf *sb);
/* Make room for at least n more bytes. */
void strbuf_grow(struct strbuf *sb, size_t n);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0), nonnull(2)));
/* Empty the buffer, keeping its memory. */
void strbuf_reset(struct strbuf *sb);
/* The bytes as a C string ("" when nothing was added). Borrowed. */
const char *strbuf_str(const struct strbuf *sb);
/* Hand the bytes to the caller (who frees them) and reset the buffer. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

/* A growable list of owned strings. Initialise with STRLIST_INIT. */
struct strlist {
    char **v;
    size_t n, cap;
};
#define STRLIST_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Append a copy of s. */
void strlist_add(struct strlist *l, const char *s);
/* Append s itself (malloc'd): the list owns it now. */
void strlist_add_take(struct strlist *l, char *s);
/* True when s is in the list. */
int strlist_has(const struct strlist *l, const char *s);
/* Free the strings, keep the list's memory. */
void strlist_clear(struct strlist *l);
/* Free the strings past the first n (those added since it held n); keep the list's memory. */
void strlist_truncate(struct strlist *l, size_t n);
void strlist_free(struct strlist *l);
/* The strings joined by sep, as a new string; caller frees. */
char *strlist_join(const struct strlist *l, const char *sep);

/* FNV-1a of n bytes: for hash tables (never 0). */
uint64_t str_hash(const void *s, size_t n);

/* True when a and b are equal strings (both may be NULL). */
int str_eq(const char *a, const char *b);
/* True when s is NULL or empty. */
int str_empty(const char *s);
/* True when s starts with prefix. */
int str_starts(const char *s, const char *prefix);

/*
** A file under an XDG base directory: $VAR/rest when VAR (XDG_DATA_HOME,
** XDG_STATE_HOME) holds an absolute path, else $HOME/fallback/rest
** (fallback: ".local/share", ".local/state"). Caller frees.
*/
char *path_xdg(const char *var, const char *fallback, const char *rest);

/* mkdir -p for the directory part of path (mode for those it makes). 0, or -1 when one failed. */
int path_make_parents(const char *path, unsigned mode);
/* The absolute path of a file that exists (a message says where it went); path itself when it
 * cannot be resolved. Caller frees. */
char *path_full(const char *path);
/*
** A file written whole or not at all, that nobody else can touch while it
** is written: a private directory (0700) is made beside path, the file is
** written in it (0600), and renamed over path when complete. A symlink
** planted at path, or at any name guessed in advance, is never followed.
*/
struct outfile {
    char *path; /* where it goes */
    char *dir;  /* the private directory */
    char *tmp;  /* the file inside it, to write */
};
/*
** Make the private directory for path and, with create, the file tmp in it
** (opened for writing: its fd is returned). Returns the fd (or 0 without
** create), or -1 with errno (o is then cleared).
*/
int outfile_open(struct outfile *o, const char *path, int create);
/* Put the file in place (its fd already closed). Returns 0, or -1 with errno; o is cleared. */
int outfile_commit(struct outfile *o);
/* Give up: remove what was written; o is cleared, errno kept. */
void outfile_abort(struct outfile *o);
/*
** errno e in words a clerk can act on: a full disk, a quota, a permission
** or a read-only disk named as such; strerror() for the rest. Caller frees.
*/
char *util_errno_text(int e);

#endif
