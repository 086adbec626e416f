/* export.h — a bound article's notes as Markdown or as W3C Web Annotations.
 *
 * Markdown: a heading with the article, each note's passage as a block quote
 * with its speaker, then the note; orphans in their own section at the end.
 * JSON: an AnnotationCollection whose items are Annotations with a
 * TextualBody and a target {source, selector: [TextQuoteSelector,
 * TextPositionSelector]}, plus "orphan": true|false and "speaker" (an orphan's
 * selectors describe where it stood in the text it was written on).
 * Text from the article or the database never reaches the output raw: control
 * characters, C1 controls and bidi overrides are shown as ^X / <U+202E> in
 * Markdown and escaped as \uXXXX in JSON. */
#ifndef QUOTH_EXPORT_H
#define QUOTH_EXPORT_H
#include "engine/doc.h"
#include "notes/store.h"
#include <stdio.h>

typedef struct {
    const doc_t *doc;
    const char *path;           /* absolute path of the article, NULL for stdin */
    const char *fingerprint;    /* of doc->text */
    const note_list_t *notes;   /* as notes_list() returns them */
} notes_export_t;

/* Both return 0, or -1 if writing failed. */
int notes_export_md(FILE *out, const notes_export_t *x);
int notes_export_json(FILE *out, const notes_export_t *x);

enum { SAFE_NEWLINES = 1 };     /* keep "\n" (else shown as ⏎) */
/* s[0..n) with every character a terminal would obey made visible; invalid
 * UTF-8 becomes U+FFFD. Caller frees. */
char *notes_safe_text(const char *s, size_t n, unsigned flags);
/* A passage shortened to about max code points, with "…" in the middle. */
char *notes_shorten(const char *s, size_t max);

#endif
