/* ingest.h — bytes from a file or stdin to text the engine can trust.
 * The result is valid UTF-8 (invalid sequences become U+FFFD), without a BOM,
 * with CRLF and lone CR turned into LF, NUL-terminated. Control characters,
 * C1 controls and bidi overrides are kept: the UI shows them, never obeys them.
 * Binary input (NUL bytes) and input over INGEST_MAX_BYTES are refused. */
#ifndef QUOTH_INGEST_H
#define QUOTH_INGEST_H
#include <stddef.h>

#define INGEST_MAX_BYTES ((size_t)1 << 31)   /* 2 GiB */

/* path "-" reads stdin. encoding NULL means UTF-8; otherwise any name iconv
 * knows ("latin1", "windows-1252"), converted through libunistring.
 * Returns EXIT_OK and sets *text / *len (caller frees), or an exit code of
 * exit_codes.h with a one-line reason in err (no "quoth:" prefix, no newline). */
int ingest_read(const char *path, const char *encoding, char **text, size_t *len,
                char *err, size_t errlen);

/* The same on a buffer already in memory (takes ownership of buf). */
int ingest_buffer(char *buf, size_t n, const char *encoding, char **text, size_t *len,
                  char *err, size_t errlen);

#endif
