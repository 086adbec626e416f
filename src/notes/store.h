/* store.h — the notes store: one SQLite database for all articles.
 *
 * Where: $XDG_DATA_HOME/quoth/notes.db, else ~/.local/share/quoth/notes.db
 * (folders created 0700). An article is known by the fingerprint of its text
 * (64-bit FNV-1a of doc->text, hex) and by the paths it was opened from.
 * A note keeps a TextQuoteSelector (exact, 32 code points of prefix and
 * suffix), a TextPositionSelector (code points), its speaker, its body and
 * ISO 8601 UTC creation / update times.
 *
 * Contract for the reader:
 *   notes_store_t *st;  char err[256];
 *   if (notes_store_open(NULL, NOTES_OPEN_CREATE, &st, err, sizeof err) != NOTES_OK)
 *       show err;  // the article stays readable, notes are just unavailable
 *   notes_bind(st, doc);                 // the article shown (borrowed)
 *   notes_list(st, &list);               // re-read from disk every time
 *   notes_add(st, span, speaker, body, &id); notes_edit(st, id, body);
 *   notes_delete(st, id);
 *   on any result other than NOTES_OK, notes_error(st) is a one-line message
 *   to show; the change was NOT saved (nothing is claimed that is not on disk).
 * Offsets in the API are BYTE offsets of the doc (spans, like the rest of the
 * model); the database holds code points (the W3C selector convention).
 * Every change is its own committed transaction: when a call returns NOTES_OK
 * the note survives SIGKILL (WAL, synchronous=FULL). Two processes may write
 * at once (busy timeout); lists are never cached, so nobody overwrites
 * another's notes. */
#ifndef QUOTH_STORE_H
#define QUOTH_STORE_H
#include "engine/doc.h"
#include "engine/vec.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NOTES_SCHEMA_VERSION 2

typedef enum {
    NOTES_OK = 0,
    NOTES_ERR,          /* an I/O or SQLite error; see notes_error() */
    NOTES_NO_DB,        /* NOTES_OPEN_READ and no database yet: there are no notes */
    NOTES_READONLY,     /* the database or its folder cannot be written */
    NOTES_CORRUPT,      /* not a notes database, or damaged, or from a newer quoth */
    NOTES_BUSY,         /* another process holds the lock past the timeout */
    NOTES_FULL,         /* the disk (or the database's size limit) is full */
    NOTES_GONE,         /* the note was deleted meanwhile (by another reader) */
    NOTES_INVALID,      /* a bad argument: empty or split span, no bound doc */
} notes_rc;

typedef enum {
    NOTES_OPEN_CREATE,  /* read-write, create the database and folders if needed */
    NOTES_OPEN_READ,    /* listing: do not create; fall back to read-only */
} notes_open_mode;

typedef enum { NOTE_EXACT, NOTE_MOVED, NOTE_ORPHAN } note_state;

typedef struct {
    int64_t id;
    note_state state;       /* EXACT: as saved; MOVED: re-anchored (and saved back) */
    span_t span;            /* bytes in the bound doc; empty for an orphan */
    uint64_t cp_start, cp_end; /* TextPositionSelector as stored (old place for an orphan) */
    char *exact, *prefix, *suffix; /* TextQuoteSelector as stored (prefix/suffix may be NULL) */
    char *speaker;          /* or NULL */
    char *body;
    char created[21], updated[21]; /* "2026-11-28T19:07:55Z" */
} note_t;

typedef VEC(note_t) note_list_t;

typedef struct {
    int64_t id;
    char fingerprint[17];
    char *paths;            /* the paths it was opened from, "\n"-separated; may be "" */
    size_t nnotes;
    char updated[21];       /* the latest change to any of its notes */
} notes_article_t;

typedef VEC(notes_article_t) notes_article_list_t;

typedef struct notes_store notes_store_t;

/* path NULL means the default location. On failure *out is NULL and err holds
 * one line (no "quoth:" prefix) naming the file and what to do. */
notes_rc notes_store_open(const char *path, notes_open_mode mode, notes_store_t **out,
                          char *err, size_t errlen);
void notes_store_close(notes_store_t *st);
const char *notes_store_path(const notes_store_t *st);
bool notes_store_readonly(const notes_store_t *st);
/* How long a change waits for another process's lock (default 5 s). */
void notes_store_busy_timeout(notes_store_t *st, int ms);
/* For tests: caps the database at pages pages, as a full disk would. */
notes_rc notes_store_limit_pages(notes_store_t *st, unsigned pages);
/* The last failure's one-line message ("" if none). */
const char *notes_error(const notes_store_t *st);

/* The default database path (caller frees), or NULL with err set. */
char *notes_default_path(char *err, size_t errlen);

/* Binds the article the next calls are about: computes its fingerprint and
 * remembers its path (doc->source_name; "-" is not a path). doc is borrowed
 * and must outlive the binding. */
void notes_bind(notes_store_t *st, const doc_t *doc);
const char *notes_fingerprint(const notes_store_t *st); /* of the bound doc */
const char *notes_bound_path(const notes_store_t *st);  /* absolute, NULL for stdin */

/* All notes of the bound article, re-read from the database: anchored ones
 * sorted by position, then orphans. Notes that re-anchored are saved back with
 * the new fingerprint (unless the store is read-only). out is cleared first. */
notes_rc notes_list(notes_store_t *st, note_list_t *out);
/* A note on bytes span of the bound doc. speaker NULL: the speaker of the
 * innermost attributed quote holding the span, if any; "" for none. */
notes_rc notes_add(notes_store_t *st, span_t span, const char *speaker, const char *body, int64_t *id);
notes_rc notes_edit(notes_store_t *st, int64_t id, const char *body);
notes_rc notes_delete(notes_store_t *st, int64_t id);

/* Every article that has notes, most recently updated first. */
notes_rc notes_list_articles(notes_store_t *st, notes_article_list_t *out);

void note_list_free(note_list_t *list);
void notes_article_list_free(notes_article_list_t *list);

/* 64-bit FNV-1a of the text as 16 hex digits. */
void notes_fingerprint_text(const char *text, size_t len, char out[17]);

#endif
