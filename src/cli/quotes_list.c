/* quotes_list.c — stub until the engine lands. */
#include "config.h"
#include "cli/cli.h"
#include "exit_codes.h"
int cli_quotes(const doc_t *doc, const char *speaker, FILE *out) { (void)doc; (void)speaker; (void)out; return EXIT_OK; }
