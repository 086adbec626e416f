/* test_ingest.c — bytes to trusted text: invalid UTF-8 repaired with offsets
 * right, BOM, CRLF and CR, NUL refused, encodings, empty input, and reading
 * files, directories, missing files, pipes and oversized files. */
#include "config.h"
#include "engine/doc.h"
#include "engine/ingest.h"
#include "engine/xalloc.h"
#include "exit_codes.h"
#include "tap.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

static char err[256];

/* ingest_buffer on a copy of n bytes of s; the text (or NULL) in *out. */
static int run(const char *s, size_t n, const char *enc, char **out, size_t *len)
{
    char *buf = xmalloc(n + 1);
    memcpy(buf, s, n);
    err[0] = '\0';
    *out = NULL;
    *len = 0;
    return ingest_buffer(buf, n, enc, out, len, err, sizeof err);
}

#define CLEAN(input, enc, want, name) do { \
        char *t_; size_t l_; \
        int rc_ = run(input, sizeof input - 1, enc, &t_, &l_); \
        is_int(rc_, EXIT_OK, "%s: accepted", name); \
        is_str(t_, want, "%s", name); \
        is_int(l_, strlen(want), "%s: length", name); \
        free(t_); \
    } while (0)

#define REFUSED(input, enc, code, msg, name) do { \
        char *t_; size_t l_; \
        int rc_ = run(input, sizeof input - 1, enc, &t_, &l_); \
        is_int(rc_, code, "%s: exit code", name); \
        is_str(err, msg, "%s: message", name); \
        ok(t_ == NULL, "%s: no text", name); \
    } while (0)

static void test_utf8(void)
{
    CLEAN("plain ASCII", NULL, "plain ASCII", "ASCII unchanged");
    CLEAN("Žemaitytė “said” 中文 😀", NULL, "Žemaitytė “said” 中文 😀", "valid UTF-8 unchanged");
    CLEAN("a\xFF" "b", NULL, "a\xEF\xBF\xBD" "b", "a stray byte becomes U+FFFD");
    CLEAN("a\xC0\xAF" "b", NULL, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b", "an overlong form: one U+FFFD a byte");
    CLEAN("end\xE2\x82", NULL, "end\xEF\xBF\xBD", "a truncated sequence at the end: one U+FFFD");
    CLEAN("\xE2\x82x\xE2\x80\x9Cy", NULL, "\xEF\xBF\xBDx“y", "a truncated sequence before valid text");
    CLEAN("\xFF\xFE\xFD", NULL, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", "only invalid bytes");
    CLEAN("utf-8 named", "UTF-8", "utf-8 named", "--encoding UTF-8 is the default path");
    CLEAN("x\x80y", "utf8", "x\xEF\xBF\xBDy", "--encoding utf8 repairs too");

    /* Offsets stay right after a repair: each U+FFFD is one code point. */
    char *t;
    size_t len;
    static const char rep[] = "\xFF\xFEKallas \xC3(said";
    run(rep, sizeof rep - 1, NULL, &t, &len);
    doc_t *d = doc_new(t, (uint32_t)len, "repaired");
    uint32_t k = (uint32_t)(strstr(d->text, "Kallas") - d->text);
    uint32_t s = (uint32_t)(strstr(d->text, "said") - d->text);
    is_int(doc_cp_offset(d, k), 2, "code point offset after two replacements");
    is_int(doc_cp_offset(d, s), 11, "code point offset after three replacements");
    doc_free(d);
}

/* Random bytes from an alphabet of troublemakers: the result is always valid
 * UTF-8 without CR, and valid input without CR comes out unchanged. */
static void test_random(void)
{
    static const unsigned char alphabet[] = {'a', ' ', '\n', '\r', 0x80, 0xBF, 0xC2, 0xC3, 0xE2,
                                             0x82, 0xAC, 0xED, 0xA0, 0xF0, 0x9F, 0x98, 0xF4,
                                             0x90, 0xFF, 0xC0, 0xEF, 0xBB};
    unsigned seed = 12345;
    size_t bad = 0, changed = 0;
    for (int round = 0; round < 3000; round++) {
        char in[64];
        seed = seed * 1103515245u + 12345u;
        size_t n = (seed >> 16) % sizeof in;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = (char)alphabet[(seed >> 16) % sizeof alphabet];
        }
        char *t;
        size_t len;
        if (run(in, n, NULL, &t, &len) != EXIT_OK) {
            bad++;
            continue;
        }
        if (u8_check((const uint8_t *)t, len) || memchr(t, '\r', len) || t[len] != '\0' ||
            (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0))
            bad++;
        bool plain = !u8_check((const uint8_t *)in, n) && !memchr(in, '\r', n) &&
                     !(n >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0);
        if (plain && (len != n || memcmp(t, in, n) != 0))
            changed++;
        free(t);
    }
    is_int(bad, 0, "3000 random inputs: valid UTF-8, no CR, no BOM, NUL-terminated");
    is_int(changed, 0, "valid random inputs come out unchanged");
}

/* Every pair of bytes from 0x80, with two continuation bytes after it, past
 * ASCII that the 32-byte scan skips: kept exactly when u8_check finds it
 * valid (ingest checks characters itself: overlong forms, surrogates, past
 * U+10FFFF, cut short). */
static void test_lead_pairs(void)
{
    size_t wrong = 0;
    for (unsigned c1 = 0x80; c1 <= 0xFF; c1++) {
        for (unsigned c2 = 0; c2 <= 0xFF; c2++) {
            if (c2 == '\0' || c2 == '\r')
                continue;
            char in[40];
            memset(in, 'a', 30);
            in[30] = (char)c1, in[31] = (char)c2, in[32] = (char)0x80, in[33] = (char)0xBF;
            size_t n = 34;
            char *t;
            size_t len;
            bool valid = !u8_check((const uint8_t *)in, n);
            if (run(in, n, NULL, &t, &len) != EXIT_OK ||
                valid != (len == n && memcmp(t, in, n) == 0) || u8_check((const uint8_t *)t, len))
                wrong++;
            free(t);
        }
    }
    is_int(wrong, 0, "every lead and second byte: kept exactly when valid UTF-8");
}

static void test_bom_newlines(void)
{
    CLEAN("\xEF\xBB\xBFHello", NULL, "Hello", "BOM stripped");
    CLEAN("\xEF\xBB\xBF", NULL, "", "BOM only: empty");
    CLEAN("\xEF\xBB\xBF\xEF\xBB\xBFx", NULL, "x", "a repeated BOM is stripped too (fuzz)");
    CLEAN("a\xEF\xBB\xBF" "b", NULL, "a\xEF\xBB\xBF" "b", "a BOM inside the text is kept");
    CLEAN("one\r\ntwo\r\n\r\nthree", NULL, "one\ntwo\n\nthree", "CRLF becomes LF");
    CLEAN("one\rtwo\r\rthree\r", NULL, "one\ntwo\n\nthree\n", "lone CR becomes LF");
    CLEAN("a\r\r\nb\n\rc", NULL, "a\n\nb\n\nc", "mixed CR, CRLF and LF");
    CLEAN("\xEF\xBB\xBF\xFFx\r\n", NULL, "\xEF\xBF\xBDx\n", "BOM, repair and CRLF together");
    CLEAN("", NULL, "", "empty input is an empty document");
    CLEAN("", "latin1", "", "empty input with an encoding");
    CLEAN("\x1B[31mred\x1B[0m\x7F", NULL, "\x1B[31mred\x1B[0m\x7F", "controls are kept (the UI shows them)");
}

static void test_refused(void)
{
    REFUSED("abc\0def", NULL, EXIT_BAD_INPUT, "binary file (NUL byte at offset 3)", "NUL byte");
    REFUSED("\0", NULL, EXIT_BAD_INPUT, "binary file (NUL byte at offset 0)", "NUL first");
    REFUSED("caf\xE9", "no-such-encoding", EXIT_BAD_INPUT, "unknown encoding 'no-such-encoding'",
            "unknown encoding");
    REFUSED("caf\xE9", "ASCII", EXIT_BAD_INPUT, "input is not valid ASCII", "undecodable input");
    REFUSED("a\0b", "latin1", EXIT_BAD_INPUT, "binary file (NUL byte at offset 1)", "NUL in Latin-1");
}

static void test_encodings(void)
{
    CLEAN("caf\xE9 \xAB" "bien\xBB", "latin1", "café «bien»", "Latin-1 through u8_conv_from_encoding");
    CLEAN("\x93Hi\x94 \x96 it\x92s", "windows-1252", "“Hi” – it’s", "Windows-1252 curly quotes");
    CLEAN("\xFF\xFE" "h\0i\0\r\0\n\0", "UTF-16", "hi\n", "UTF-16 with BOM: no NUL refusal, CRLF");
    CLEAN("Gr\xFC\xDF" "e\r\n", "ISO-8859-1", "Grüße\n", "ISO-8859-1 with CRLF");
}

static char dir[] = "/tmp/quoth-test-ingest.XXXXXX";

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static void write_file(const char *path, const char *s, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, s, n) != (ssize_t)n)
        ok(0, "cannot write %s", path);
    close(fd);
}

static void test_read(void)
{
    char *t;
    size_t len;
    char *p = path_in("article.txt");
    write_file(p, "\xEF\xBB\xBF“Hi,” she said.\r\n", strlen("\xEF\xBB\xBF“Hi,” she said.\r\n"));
    is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_OK, "reads a file");
    is_str(t, "“Hi,” she said.\n", "file contents cleaned");
    free(t);
    free(p);

    p = path_in("missing.txt");
    is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_NO_INPUT, "missing file: exit 3");
    char *want = xasprintf("%s: No such file or directory", p);
    is_str(err, want, "missing file: message");
    free(want);
    free(p);

    is_int(ingest_read(dir, NULL, &t, &len, err, sizeof err), EXIT_NO_INPUT, "directory: exit 3");
    want = xasprintf("%s: Is a directory", dir);
    is_str(err, want, "directory: message");
    free(want);

    p = path_in("secret.txt");
    write_file(p, "x", 1);
    chmod(p, 0);
    if (geteuid() == 0) {
        ok(1, "# SKIP permission test: running as root");
        ok(1, "# SKIP permission test: running as root");
    } else {
        is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_NO_INPUT, "no permission: exit 3");
        want = xasprintf("%s: Permission denied", p);
        is_str(err, want, "no permission: message");
        free(want);
    }
    free(p);

    p = path_in("binary.bin");
    write_file(p, "PK\3\4\0\0", 6);
    is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_BAD_INPUT, "binary file: exit 4");
    want = xasprintf("%s: binary file (NUL byte at offset 4)", p);
    is_str(err, want, "binary file: message names the path");
    free(want);
    free(p);

    p = path_in("empty.txt");
    write_file(p, "", 0);
    is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_OK, "empty file accepted");
    is_int(len, 0, "empty file: length 0");
    free(t);
    free(p);

    /* Larger than the limit: a sparse file, refused before any read. */
    p = path_in("huge.txt");
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0 && ftruncate(fd, (off_t)INGEST_MAX_BYTES + 1) == 0) {
        is_int(ingest_read(p, NULL, &t, &len, err, sizeof err), EXIT_BAD_INPUT, "over the limit: exit 4");
        ok(strstr(err, "file too large") != NULL, "over the limit: message (%s)", err);
    } else {
        ok(1, "# SKIP cannot make a sparse file");
        ok(1, "# SKIP cannot make a sparse file");
    }
    if (fd >= 0)
        close(fd);
    unlink(p);
    free(p);
}

/* Standard input of unknown size: a pipe fed by a child, larger than the
 * first read buffer. */
static void test_stdin_pipe(void)
{
    size_t n = 300000;
    char *data = xmalloc(n);
    for (size_t i = 0; i < n; i++)
        data[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
    int fds[2];
    if (pipe(fds) != 0) {
        ok(0, "pipe");
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        size_t off = 0;
        while (off < n) {
            ssize_t w = write(fds[1], data + off, n - off);
            if (w <= 0)
                _exit(1);
            off += (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    int saved = dup(STDIN_FILENO);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    char *t;
    size_t len;
    int rc = ingest_read("-", NULL, &t, &len, err, sizeof err);
    dup2(saved, STDIN_FILENO);
    close(saved);
    waitpid(pid, NULL, 0);
    is_int(rc, EXIT_OK, "stdin pipe read");
    is_int(len, n, "stdin pipe: every byte");
    ok(rc == EXIT_OK && memcmp(t, data, n) == 0, "stdin pipe: same bytes");
    if (rc == EXIT_OK)
        free(t);
    free(data);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        ok(0, "mkdtemp");
        return tap_done();
    }
    test_utf8();
    test_random();
    test_lead_pairs();
    test_bom_newlines();
    test_refused();
    test_encodings();
    test_read();
    test_stdin_pipe();
    char *cmd = xasprintf("rm -rf '%s'", dir);
    if (system(cmd) != 0)
        ok(0, "cleanup");
    free(cmd);
    return tap_done();
}
