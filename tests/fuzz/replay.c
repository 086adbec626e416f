/* replay.c — the main() of a fuzz target built without libFuzzer: a TAP test
 * that runs every file of tests/fuzz/seeds-NAME/ and tests/fuzz/regressions/NAME/
 * (NAME from the program name replay_NAME), or the files and folders given as
 * arguments, through LLVMFuzzerTestOneInput. A crash or an invariant failure
 * ends the test with an error; under valgrind or ASan a memory error does too. */
#include "config.h"
#include "fuzz.h"
#include "tap.h"
#include "engine/xalloc.h"
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ok(0, "%s: %s", path, strerror(errno));
        return;
    }
    size_t cap = 4096, n = 0, got;
    uint8_t *buf = xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
    }
    fclose(f);
    /* An exact-size copy, so that ASan and valgrind see any read past the end. */
    uint8_t *exact = xmalloc(n);
    memcpy(exact, buf, n);
    free(buf);
    LLVMFuzzerTestOneInput(exact, n);
    free(exact);
    ok(1, "%s (%zu bytes)", path, n);
}

/* Replays a folder's files in name order; a missing folder is no error. */
static void replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t n = 0, cap = 16;
    char **names = xmalloc(cap * sizeof *names);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap)
            names = xrealloc(names, (cap *= 2) * sizeof *names);
        names[n++] = xasprintf("%s/%s", dir, e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        replay_file(names[i]);
        free(names[i]);
    }
    free(names);
}

static void replay_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        replay_dir(path);
    else
        replay_file(path);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            replay_path(argv[i]);
        return tap_done();
    }
    const char *base = strrchr(argv[0], '/');
    base = base ? base + 1 : argv[0];
    if (strncmp(base, "lt-", 3) == 0)
        base += 3;
    const char *name = strncmp(base, "replay_", 7) == 0 ? base + 7 : base;
    const char *top = getenv("TOP_SRCDIR");
    if (!top)
        top = ".";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/fuzz/seeds-%s", top, name);
    replay_dir(dir);
    snprintf(dir, sizeof dir, "%s/tests/fuzz/regressions/%s", top, name);
    replay_dir(dir);
    ok(tap_run_ > 0, "replayed the inputs of %s", name);
    return tap_done();
}
