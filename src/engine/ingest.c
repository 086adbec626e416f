/* ingest.c — reading an article whole and making its bytes trustworthy.
 * Valid UTF-8 costs one pass (NUL, CR and validity, by character past the ASCII)
 * and no copy; a repair copies only from the first invalid byte on. */
#include "config.h"
#include "engine/ingest.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uniconv.h>
#include <unistr.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The bytes among the 32 at s that are NUL, CR or non-ASCII, as a mask
 * (bit i: byte i); 0 for none (most text). */
static inline uint32_t stops32(const uint8_t *s)
{
#ifdef __SSE2__
    /* below 1 as a signed byte: NUL and every byte from 0x80 */
    const __m128i one = _mm_set1_epi8(1), cr = _mm_set1_epi8('\r');
    __m128i lo = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i hi = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
    lo = _mm_or_si128(_mm_cmplt_epi8(lo, one), _mm_cmpeq_epi8(lo, cr));
    hi = _mm_or_si128(_mm_cmplt_epi8(hi, one), _mm_cmpeq_epi8(hi, cr));
    return (uint32_t)_mm_movemask_epi8(lo) | (uint32_t)_mm_movemask_epi8(hi) << 16;
#else
    uint32_t m = 0;
    for (unsigned i = 0; i < 32; i++)
        m |= (uint32_t)(s[i] >= 0x80 || s[i] == '\0' || s[i] == '\r') << i;
    return m;
#endif
}

/* The length of the character at s (s[0] >= 0x80, the bytes up to end
 * readable), or 0 when it is invalid UTF-8 or cut short: u8_check's rules
 * (Unicode's table 3-7: no overlong form, no surrogate, nothing past
 * U+10FFFF), inline, as news text has a character outside ASCII every 80-odd
 * bytes. */
static inline unsigned utf8_char_len(const uint8_t *s, const uint8_t *end)
{
    uint8_t c = s[0];
    ptrdiff_t n = end - s;
    if (c < 0xC2)                       /* a continuation byte, or an overlong lead */
        return 0;
    if (c < 0xE0)
        return n >= 2 && (s[1] ^ 0x80) < 0x40 ? 2 : 0;
    if (c < 0xF0)
        return n >= 3 && (s[1] ^ 0x80) < 0x40 && (s[2] ^ 0x80) < 0x40 &&
               (c > 0xE0 || s[1] >= 0xA0) && (c != 0xED || s[1] < 0xA0) ? 3 : 0;
    if (c < 0xF5)
        return n >= 4 && (s[1] ^ 0x80) < 0x40 && (s[2] ^ 0x80) < 0x40 && (s[3] ^ 0x80) < 0x40 &&
               (c > 0xF0 || s[1] >= 0x90) && (c < 0xF4 || s[1] < 0x90) ? 4 : 0;
    return 0;
}

/* The first NUL, CR or invalid UTF-8 byte at or after s, or end: the one pass
 * ingest makes over valid text. Most text is ASCII, skipped 32 bytes at a
 * time; each other character is checked where it stands (the first byte of
 * an invalid one is where u8_check would stop). */
static const uint8_t *first_stop(const uint8_t *s, const uint8_t *end)
{
    for (;;) {
        uint32_t m = 0;
        while (end - s >= 32 && !(m = stops32(s)))
            s += 32;
        if (m)
            s += __builtin_ctz(m);
        else
            while (s < end && *s < 0x80 && *s != '\0' && *s != '\r')
                s++;                    /* the last 31 bytes */
        if (s == end || *s < 0x80)
            return s;
        unsigned len = utf8_char_len(s, end);
        if (!len)
            return s;
        s += len;
    }
}

/* The first invalid UTF-8 byte of the n bytes at s, or NULL. */
static const uint8_t *check_utf8(const uint8_t *s, size_t n)
{
    const uint8_t *end = s + n;
    while ((s = first_stop(s, end)) < end && (*s == '\0' || *s == '\r'))
        s++;
    return s < end ? s : NULL;
}

/* Invalid sequences become U+FFFD, one for each maximal ill-formed subpart
 * (as u8_mbtouc reports it). bad points at the first invalid byte of buf.
 * Returns a new buffer with room for a NUL; buf is freed. */
static char *repair_utf8(char *buf, size_t n, const uint8_t *bad, size_t *outlen)
{
    static const char fffd[] = "\xEF\xBF\xBD";
    const uint8_t *s = (const uint8_t *)buf, *end = s + n;
    size_t prefix = (size_t)(bad - s);
    /* Each invalid byte grows to at most three. */
    size_t cap = prefix + (n - prefix) * 3 + 1;
    char *out = xmalloc(cap);
    memcpy(out, buf, prefix);
    size_t o = prefix;
    const uint8_t *p = bad;
    while (p < end) {
        ucs4_t uc;
        int k = u8_mbtouc(&uc, p, (size_t)(end - p));
        memcpy(out + o, fffd, 3);
        o += 3;
        p += k > 0 ? k : 1;
        /* Copy the valid run that follows in one go. */
        const uint8_t *next = check_utf8(p, (size_t)(end - p));
        const uint8_t *stop = next ? next : end;
        memcpy(out + o, p, (size_t)(stop - p));
        o += (size_t)(stop - p);
        p = stop;
    }
    free(buf);
    *outlen = o;
    return out;
}

/* CRLF -> LF and a lone CR -> LF, in place, from cr, the first CR (NULL:
 * none). Returns the new length. */
static size_t normalise_newlines(char *buf, size_t n, const char *cr)
{
    if (!cr)
        return n;
    size_t w = (size_t)(cr - buf);
    for (size_t r = w; r < n; r++) {
        if (buf[r] == '\r') {
            buf[w++] = '\n';
            if (r + 1 < n && buf[r + 1] == '\n')
                r++;
        } else {
            buf[w++] = buf[r];
        }
    }
    return w;
}

static bool is_utf8_name(const char *enc)
{
    return strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0;
}

/* ingest_buffer for a buffer of cap >= n bytes. */
static int ingest_owned(char *buf, size_t n, size_t cap, const char *encoding, char **text,
                        size_t *len, char *err, size_t errlen)
{
    if (n > INGEST_MAX_BYTES) {
        free(buf);
        snprintf(err, errlen, "input too large (%zu bytes; the limit is %zu)", n,
                 (size_t)INGEST_MAX_BYTES);
        return EXIT_BAD_INPUT;
    }
    if (encoding && *encoding && !is_utf8_name(encoding) && n > 0) {
        size_t m = 0;
        errno = 0;
        uint8_t *u = u8_conv_from_encoding(encoding, iconveh_error, buf, n, NULL, NULL, &m);
        if (!u) {
            int e = errno;
            free(buf);
            if (e == EINVAL)
                snprintf(err, errlen, "unknown encoding '%s'", encoding);
            else if (e == ENOMEM)
                snprintf(err, errlen, "out of memory converting from %s", encoding);
            else
                snprintf(err, errlen, "input is not valid %s", encoding);
            return e == ENOMEM ? EXIT_FAILURE_ : EXIT_BAD_INPUT;
        }
        free(buf);
        if (m > INGEST_MAX_BYTES) {
            free(u);
            snprintf(err, errlen, "input too large once converted to UTF-8 (%zu bytes)", m);
            return EXIT_BAD_INPUT;
        }
        buf = xrealloc(u, m + 1);
        n = m;
        cap = m + 1;
    }
    /* NUL, CR and invalid UTF-8 in one pass (a BOM is valid UTF-8: the
     * answers hold once it is stripped) */
    const uint8_t *u = (const uint8_t *)buf, *end = u + n, *p = u, *cr = NULL, *bad = NULL;
    while ((p = first_stop(p, end)) < end) {
        if (*p == '\r') {
            cr = cr ? cr : p;
            p++;
        } else {
            bad = *p ? p : NULL;
            break;
        }
    }
    /* the pass stopped at a NUL, or at an invalid byte a NUL may follow */
    const char *nul = p == end ? NULL : *p ? memchr(p, '\0', (size_t)(end - p)) : (const char *)p;
    if (nul) {
        snprintf(err, errlen, "binary file (NUL byte at offset %zu)", (size_t)(nul - buf));
        free(buf);
        return EXIT_BAD_INPUT;
    }
    size_t bom = 0;                     /* every leading BOM: a repeated one too */
    while (n - bom >= 3 && memcmp(buf + bom, "\xEF\xBB\xBF", 3) == 0)
        bom += 3;
    if (bom) {
        memmove(buf, buf + bom, n - bom);
        n -= bom;
        cr = cr ? cr - bom : NULL;
        bad = bad ? bad - bom : NULL;
    }
    if (bad) {
        buf = repair_utf8(buf, n, bad, &n);
        cap = n + 1;
        if (n > INGEST_MAX_BYTES) {
            free(buf);
            snprintf(err, errlen, "input too large once repaired (%zu bytes)", n);
            return EXIT_BAD_INPUT;
        }
        cr = (const uint8_t *)memchr(buf, '\r', n);      /* moved by the repair */
    }
    n = normalise_newlines(buf, n, (const char *)cr);
    if (cap < n + 1)
        buf = xrealloc(buf, n + 1);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return EXIT_OK;
}

int ingest_buffer(char *buf, size_t n, const char *encoding, char **text, size_t *len,
                  char *err, size_t errlen)
{
    return ingest_owned(buf, n, n, encoding, text, len, err, errlen);
}

/* Reads fd to the end. size_hint is the file size when known (0 otherwise). */
static int read_all(int fd, size_t size_hint, char **out, size_t *outlen, size_t *outcap,
                    char *err, size_t errlen)
{
    size_t cap = size_hint ? size_hint + 1 : 64 * 1024, n = 0;
    char *buf = xmalloc_large(&cap);    /* a large file on huge pages, its whole capacity read into */
    for (;;) {
        if (n == cap) {
            if (cap > INGEST_MAX_BYTES) {
                free(buf);
                snprintf(err, errlen, "input too large (over %zu bytes)", (size_t)INGEST_MAX_BYTES);
                return EXIT_BAD_INPUT;
            }
            buf = xgrow(buf, &cap, cap + 1, 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "%s", strerror(errno));
            free(buf);
            return EXIT_NO_INPUT;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *out = buf;
    *outlen = n;
    *outcap = cap;
    return EXIT_OK;
}

int ingest_read(const char *path, const char *encoding, char **text, size_t *len,
                char *err, size_t errlen)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "standard input" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", name, strerror(errno));
        return EXIT_NO_INPUT;
    }
    struct stat st;
    size_t hint = 0;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "%s: %s", name, strerror(EISDIR));
            if (!is_stdin)
                close(fd);
            return EXIT_NO_INPUT;
        }
        if (S_ISREG(st.st_mode) && st.st_size > 0) {
            if ((uintmax_t)st.st_size > INGEST_MAX_BYTES) {
                snprintf(err, errlen, "%s: file too large (%jd bytes; the limit is %zu)", name,
                         (intmax_t)st.st_size, (size_t)INGEST_MAX_BYTES);
                if (!is_stdin)
                    close(fd);
                return EXIT_BAD_INPUT;
            }
            hint = (size_t)st.st_size;
        }
    }
    char *buf, reason[200];
    size_t n, cap;
    int rc = read_all(fd, hint, &buf, &n, &cap, reason, sizeof reason);
    if (!is_stdin)
        close(fd);
    if (rc == EXIT_OK)
        rc = ingest_owned(buf, n, cap, encoding, text, len, reason, sizeof reason);
    if (rc != EXIT_OK)
        snprintf(err, errlen, "%s: %s", name, reason);
    return rc;
}
