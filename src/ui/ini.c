/* ini.c — iniparser plus line numbers (see ini.h). */
#include "config.h"
#include "ui/ini.h"
#include "exit_codes.h"
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif

/* iniparser's own line buffer; longer lines are its syntax errors. */
#define INI_LINE_MAX 1024

/* iniparser prints its errors through this callback; we report our own. */
static int ini_silent(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

static char *ini_strip(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void ini_lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* Classifies one logical line as iniparser 4.x does. Returns false on a
 * syntax error; *section / *key are set (malloc'd) for a section / key line. */
static bool ini_classify(char *line, char **section, char **key)
{
    char *s = ini_strip(line);
    size_t len = strlen(s);
    *section = *key = NULL;
    if (len == 0 || s[0] == '#' || s[0] == ';')
        return true;
    if (s[0] == '[' && s[len - 1] == ']') {
        char *close = strchr(s + 1, ']');
        *section = xstrndup(s + 1, (size_t)(close - (s + 1)));
        char *t = ini_strip(*section);
        memmove(*section, t, strlen(t) + 1);
        ini_lower(*section);
        return true;
    }
    char *eq = strchr(s, '=');
    if (!eq || eq == s)
        return false;       /* iniparser needs a non-empty key before '=' */
    *key = xstrndup(s, (size_t)(eq - s));
    char *t = ini_strip(*key);
    memmove(*key, t, strlen(t) + 1);
    ini_lower(*key);
    return true;
}

static void ini_entries_free(ini_t *ini)
{
    for (size_t i = 0; i < ini->entries.len; i++) {
        free(ini->entries.items[i].section);
        free(ini->entries.items[i].key);
    }
    vec_free(&ini->entries);
}

/* Scans the file for structure and line numbers. */
static int ini_scan(FILE *f, ini_t *ini, char *err, size_t errlen)
{
    char buf[INI_LINE_MAX + 2];
    char *logical = NULL;
    size_t llen = 0;
    int lineno = 0, first = 0;
    char *section = xstrdup("");
    int rc = EXIT_OK;
    while (fgets(buf, sizeof buf, f)) {
        lineno++;
        size_t n = strlen(buf);
        if (n > INI_LINE_MAX || (n == INI_LINE_MAX && buf[n - 1] != '\n' && !feof(f))) {
            rc = ini_error(ini, lineno, err, errlen, "line too long (over %d bytes)",
                           INI_LINE_MAX - 1);
            break;
        }
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
            buf[--n] = '\0';
        if (!logical)
            first = lineno;
        /* A trailing backslash continues the line (after trailing blanks). */
        size_t m = n;
        while (m > 0 && isspace((unsigned char)buf[m - 1]))
            m--;
        bool cont = m > 0 && buf[m - 1] == '\\';
        if (cont)
            m--;
        logical = xrealloc(logical, llen + m + 1);
        memcpy(logical + llen, buf, m);
        llen += m;
        logical[llen] = '\0';
        if (cont)
            continue;
        char *sec, *key;
        if (!ini_classify(logical, &sec, &key)) {
            rc = ini_error(ini, first, err, errlen,
                           "syntax error: expected '[section]', 'name = value' or a comment");
            break;
        }
        if (sec) {
            free(section);
            section = sec;
            vec_push(&ini->entries, (ini_entry_t){xstrdup(section), NULL, first, false});
        } else if (key) {
            vec_push(&ini->entries, (ini_entry_t){xstrdup(section), key, first, false});
        }
        free(logical);
        logical = NULL;
        llen = 0;
    }
    for (size_t i = 0; i < ini->entries.len; i++) {
        ini_entry_t *e = &ini->entries.items[i];
        for (size_t j = i + 1; e->key && j < ini->entries.len && !e->superseded; j++) {
            const ini_entry_t *l = &ini->entries.items[j];
            e->superseded = l->key && strcmp(l->key, e->key) == 0 && strcmp(l->section, e->section) == 0;
        }
    }
    if (rc == EXIT_OK && ferror(f))
        rc = ini_error(ini, lineno, err, errlen, "read error: %s", strerror(errno));
    free(logical);
    free(section);
    return rc;
}

int ini_open(const char *path, ini_t *ini, char *err, size_t errlen)
{
    memset(ini, 0, sizeof *ini);
    ini->path = xstrdup(path);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        ini_sanitize(err);
        ini_close(ini);
        return EXIT_CONFIG;
    }
    int rc = ini_scan(f, ini, err, errlen);
    fclose(f);
    if (rc == EXIT_OK) {
        iniparser_set_error_callback(ini_silent);
        ini->dict = iniparser_load(path);
        if (!ini->dict) {
            snprintf(err, errlen, "%s: cannot be parsed", path);
            ini_sanitize(err);
            rc = EXIT_CONFIG;
        }
    }
    if (rc != EXIT_OK)
        ini_close(ini);
    return rc;
}

void ini_close(ini_t *ini)
{
    if (ini->dict)
        iniparser_freedict(ini->dict);
    ini_entries_free(ini);
    free(ini->path);
    memset(ini, 0, sizeof *ini);
}

const char *ini_get(const ini_t *ini, const char *section, const char *key)
{
    char *full = xasprintf("%s:%s", section, key);
    const char *v = iniparser_getstring(ini->dict, full, NULL);
    free(full);
    return v;
}

void ini_sanitize(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            *p = '?';
        else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            p[0] = '?', p[1] = '?';     /* C1 controls, as UTF-8 */
    }
}

int ini_error(const ini_t *ini, int line, char *err, size_t errlen, const char *fmt, ...)
{
    int n = snprintf(err, errlen, "%s:%d: ", ini->path, line);
    if (n >= 0 && (size_t)n < errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    ini_sanitize(err);
    return EXIT_CONFIG;
}

int ini_bool(const char *value)
{
    static const char *const yes[] = {"true", "yes", "on", "1"}, *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0)
            return 1;
        if (strcasecmp(value, no[i]) == 0)
            return 0;
    }
    return -1;
}
