/*
** folder: where the files a clerk names on the screen go, and completing
** those names. The export folder (a setting) is where a bare file name
** typed for an export, a saved receipt or the rates CSV is written; by
** default the bangban folder in the user's documents folder, found the
** way xdg-user-dirs finds it. Completion lists a directory's entries that
** start with what was typed and finds their longest common prefix by
** whole UTF-8 characters, so Chinese file names complete like any other.
*/
#ifndef BANGBAN_FOLDER_H
#define BANGBAN_FOLDER_H

#include "util.h"

/*
** The user's documents folder: XDG_DOCUMENTS_DIR as user-dirs.dirs
** ($XDG_CONFIG_HOME, else ~/.config) sets it ("$HOME/..." or an absolute
** path), else as the environment sets it, else $HOME/Documents. Caller frees.
*/
char *folder_documents(void);

/*
** The export folder from the setting's value: "" for the default (the
** documents folder's bangban), "~/x" for $HOME/x, else the value as it
** is. Caller frees.
*/
char *folder_exports(const char *setting);

/* NULL when value will do as the export folder setting ("" included), else why not (borrowed). */
const char *folder_check(const char *value);

/* True when typed is a bare file name (no '/' in it, not "~"-led), which goes in a folder. */
int folder_bare(const char *typed);

/*
** Where a file the clerk typed goes: a bare name inside folder, "~/x" in
** $HOME, anything else (a name with a directory, an absolute path) as
** typed. Caller frees.
*/
char *folder_place(const char *folder, const char *typed);

/*
** The file the clerk means by typed, to read: "~/x" in $HOME, a name with
** a directory as typed, and a bare name in the working directory when it
** is there, else in folder (the export folder, where bangban's own files
** go) when it is there, else as typed (to be said as not found). Caller
** frees.
*/
char *folder_find(const char *folder, const char *typed);

/*
** The completions of typed: for each entry of its directory (typed's part
** up to its last '/', read against base when relative; base itself when
** there is no '/') whose name starts with the rest of typed, typed's
** directory part followed by the entry's name, and '/' after a directory.
** Names starting with '.' only when the rest starts with '.'; never "."
** or "..". Sorted by bytes, appended to out. Returns 0, or -1 with errno
** when the directory cannot be read.
*/
int folder_complete(const char *base, const char *typed, struct strlist *out);

/*
** The longest prefix the n strings share, cut back to a whole UTF-8
** character ("" for none). Caller frees.
*/
char *folder_common_prefix(const char *const *v, size_t n);

/*
** Tab once: typed completed as far as its completions agree (typed itself
** when they add nothing or there are none); the completions are left in
** out (cleared first) for a second Tab to list. Caller frees.
*/
char *folder_tab(const char *base, const char *typed, struct strlist *out);

/* The completions in l by their names alone (typed's directory part left off), joined by two
 * spaces, to show. Caller frees. */
char *folder_names(const struct strlist *l);

#endif
