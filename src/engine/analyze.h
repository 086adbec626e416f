/* analyze.h — the engine's single entry point: text in, document model out.
 *   char *text; size_t len;
 *   if (ingest_read(path, NULL, &text, &len, err, sizeof err) == 0)
 *       doc = analyze(text, len, path);   // takes ownership of text
 * Pipeline (DESIGN.md): segment -> quotes -> entities -> attribution. */
#ifndef QUOTH_ANALYZE_H
#define QUOTH_ANALYZE_H
#include "engine/doc.h"

doc_t *analyze(char *text, size_t len, const char *source_name);

#endif
