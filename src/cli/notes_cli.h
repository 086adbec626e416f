/* notes_cli.h — the notes modes of the command line (cli/notes_cmd.c).
 * Each prints to out, reports problems on stderr in one line, and returns an
 * exit code of exit_codes.h: EXIT_NOTES when the store cannot be used. */
#ifndef QUOTH_NOTES_CLI_H
#define QUOTH_NOTES_CLI_H
#include "engine/doc.h"
#include <stdio.h>

/* --notes FILE: the article's notes, one a line (position, speaker, the
 * passage shortened, the note), orphans marked. */
int cli_notes_list(const doc_t *doc, FILE *out);
/* --export-notes FILE [--format md|json]: format is "md" or "json". */
int cli_notes_export(const doc_t *doc, const char *format, FILE *out);
/* --list-annotated: every annotated article, most recently changed first. */
int cli_list_annotated(FILE *out);

#endif
