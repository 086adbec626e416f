/* ini.h — an INI file read with iniparser, plus what iniparser does not give:
 * the line of every section and key, in file order, and a syntax check that
 * names the line. Shared by theme.c and settings.c. Pure: no curses.
 *
 * Lines follow iniparser's rules: "[section]", "key = value" (keys and
 * sections lowercased; an unquoted value ends at ';' or '#'; "..." or '...'
 * keep everything inside), ';' or '#' comments, blank lines, and a trailing
 * '\' continuing a line. Values come from iniparser itself; when a key
 * repeats, iniparser keeps the last value, so earlier lines are marked
 * superseded and callers skip them (their line would be the wrong one). */
#ifndef QUOTH_INI_H
#define QUOTH_INI_H
#include "engine/vec.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *section;              /* lower case; "" before the first section */
    char *key;                  /* lower case; NULL for a section line */
    int line;                   /* first line of the entry */
    bool superseded;            /* the key appears again later: this line has no effect */
} ini_entry_t;

typedef struct {
    char *path;
    void *dict;                 /* iniparser's dictionary */
    VEC(ini_entry_t) entries;   /* sections and keys in file order */
} ini_t;

/* Reads path. Returns EXIT_OK, EXIT_CONFIG with "PATH:LINE: syntax error ..."
 * or "PATH: cannot open: REASON" in err. On error ini holds nothing. */
int ini_open(const char *path, ini_t *ini, char *err, size_t errlen);
void ini_close(ini_t *ini);
/* The value of section:key (the last one when a key repeats), or NULL. */
const char *ini_get(const ini_t *ini, const char *section, const char *key);
/* true/yes/on/1 -> 1, false/no/off/0 -> 0 (any case), anything else -> -1. */
int ini_bool(const char *value);
/* Replaces control characters (C0, DEL, C1) in a message with '?': error
 * messages quote the file, and a downloaded theme may hold escapes. */
void ini_sanitize(char *s);
/* Formats "PATH:LINE: fmt..." into err (sanitized); returns EXIT_CONFIG. */
int ini_error(const ini_t *ini, int line, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
