/* ingest.c — stub until the engine lands. */
#include "config.h"
#include "engine/ingest.h"
#include "exit_codes.h"
#include <stdio.h>
int ingest_read(const char *path, const char *encoding, char **text, size_t *len,
                char *err, size_t errlen)
{
    (void)encoding; (void)text; (void)len;
    snprintf(err, errlen, "%s: not implemented yet", path);
    return EXIT_NO_INPUT;
}
