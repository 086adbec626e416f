/* fuzz.h — shared by the libFuzzer targets in tests/fuzz/.
 * Each target defines LLVMFuzzerTestOneInput. Built with --enable-fuzzing it
 * links libFuzzer's main (make fuzz); built normally it links replay.c, which
 * feeds it the seeds and the crash regressions in make check.
 * FUZZ_CHECK aborts on a broken invariant so that libFuzzer reports the input. */
#ifndef QUOTH_FUZZ_H
#define QUOTH_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

#endif
