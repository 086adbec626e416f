/* notes_writer.c — a test helper, not a user command: adds a note the way the
 * reader will, so the shell tests can drive the notes CLI before the reader's
 * keys exist.
 *   notes_writer FILE PASSAGE BODY [SPEAKER]
 * reads FILE like quoth does, finds the first occurrence of PASSAGE, adds a
 * note on it to the default store and prints the note's id. Exit 0, or 5
 * (EXIT_NOTES) with the store's one-line message, or 2 for bad arguments. */
#include "config.h"
#include "engine/doc.h"
#include "engine/ingest.h"
#include "exit_codes.h"
#include "notes/store.h"
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fputs("usage: notes_writer FILE PASSAGE BODY [SPEAKER]\n", stderr);
        return EXIT_USAGE;
    }
    char err[512], *text;
    size_t len;
    int rc = ingest_read(argv[1], NULL, &text, &len, err, sizeof err);
    if (rc != EXIT_OK) {
        fprintf(stderr, "notes_writer: %s\n", err);
        return rc;
    }
    doc_t *doc = doc_new(text, (uint32_t)len, argv[1]);
    const char *p = strstr(doc->text, argv[2]);
    if (!p) {
        fprintf(stderr, "notes_writer: passage not found\n");
        doc_free(doc);
        return EXIT_USAGE;
    }
    notes_store_t *st;
    if (notes_store_open(NULL, NOTES_OPEN_CREATE, &st, err, sizeof err) != NOTES_OK) {
        fprintf(stderr, "quoth: %s\n", err);
        doc_free(doc);
        return EXIT_NOTES;
    }
    notes_bind(st, doc);
    span_t span = {(uint32_t)(p - doc->text), (uint32_t)(p - doc->text + strlen(argv[2]))};
    int64_t id;
    rc = EXIT_OK;
    if (notes_add(st, span, argc == 5 ? argv[4] : NULL, argv[3], &id) != NOTES_OK) {
        fprintf(stderr, "quoth: %s\n", notes_error(st));
        rc = EXIT_NOTES;
    } else {
        printf("%lld\n", (long long)id);
    }
    notes_store_close(st);
    doc_free(doc);
    return rc;
}
