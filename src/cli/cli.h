/* cli.h — quoth's non-interactive modes. Each prints to out and returns an
 * exit code of exit_codes.h. cli/ includes engine and notes, never ui. */
#ifndef QUOTH_CLI_H
#define QUOTH_CLI_H
#include "engine/doc.h"
#include <stdio.h>

/* --json: the JSON contract of DESIGN.md (code point offsets). */
int cli_json(const doc_t *doc, FILE *out);
/* --quotes [--speaker NAME]: one quote a line with its speaker; NAME matches
 * any alias of the speaker without regard to case. */
int cli_quotes(const doc_t *doc, const char *speaker, FILE *out);

#endif
