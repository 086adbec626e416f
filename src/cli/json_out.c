/* json_out.c — stub until the engine lands. */
#include "config.h"
#include "cli/cli.h"
#include "exit_codes.h"
int cli_json(const doc_t *doc, FILE *out) { (void)doc; fputs("{}\n", out); return EXIT_OK; }
