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

/* ingest_read's options. */
enum ingest_flags {
    /* The text may be the file itself, mapped copy-on-write, instead of a copy
     * read into fresh memory, which the kernel must zero first (50 MB of it
     * for a 50 MB article). For short runs only (--json, --quotes): a mapping
     * follows later writes to the file, so the reader, which shows the text
     * for a long session, reads. A file truncated while mapped raises SIGBUS,
     * which the caller must catch. */
    INGEST_MAY_MAP = 1 << 0,
};

/* ingest_read with flags. *map_len is 0 when *text is malloc'd (free it),
 * else the length of the mapping it is (munmap it; doc_t.text_map_len). */
int ingest_read_flags(const char *path, const char *encoding, unsigned flags, char **text,
                      size_t *len, size_t *map_len, char *err, size_t errlen);

/* ingest_read on a buffer already in memory (takes ownership of buf). */
int ingest_buffer(char *buf, size_t n, const char *encoding, char **text, size_t *len,
                  char *err, size_t errlen);

#endif
