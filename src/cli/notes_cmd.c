/* notes_cmd.c — --notes, --export-notes, --list-annotated (see notes_cli.h).
 * Listing never creates the database; from a read-only folder it still reads
 * (re-anchored positions are then just not saved back). */
#include "config.h"
#include "cli/notes_cli.h"
#include "exit_codes.h"
#include "notes/export.h"
#include "notes/store.h"
#include <stdlib.h>
#include <string.h>

#define QUOTE_WIDTH 60          /* code points of a passage in the list */

/* Opens the store for reading; *st NULL (and EXIT_OK) when there is none yet. */
static int open_store(notes_store_t **st)
{
    char err[512];
    notes_rc rc = notes_store_open(NULL, NOTES_OPEN_READ, st, err, sizeof err);
    if (rc == NOTES_OK || rc == NOTES_NO_DB)
        return EXIT_OK;
    char *safe = notes_safe_text(err, strlen(err), 0);
    fprintf(stderr, "quoth: %s\n", safe);
    free(safe);
    return EXIT_NOTES;
}

static int store_error(notes_store_t *st)
{
    char *safe = notes_safe_text(notes_error(st), strlen(notes_error(st)), 0);
    fprintf(stderr, "quoth: %s\n", safe);
    free(safe);
    return EXIT_NOTES;
}

/* The notes of doc, re-anchored; an empty list when there is no store. */
static int load_notes(const doc_t *doc, notes_store_t **st, note_list_t *list)
{
    int rc = open_store(st);
    if (rc != EXIT_OK || !*st)
        return rc;
    notes_bind(*st, doc);
    return notes_list(*st, list) == NOTES_OK ? EXIT_OK : store_error(*st);
}

static char *safe_line(const char *s)
{
    return notes_safe_text(s, strlen(s), 0);
}

int cli_notes_list(const doc_t *doc, FILE *out)
{
    notes_store_t *st = NULL;
    note_list_t list = {0};
    int rc = load_notes(doc, &st, &list);
    if (rc != EXIT_OK) {
        notes_store_close(st);
        return rc;
    }
    size_t orphans = 0;
    for (size_t i = 0; i < list.len; i++)
        orphans += list.items[i].state == NOTE_ORPHAN;
    char *name = safe_line(strcmp(doc->source_name, "-") ? doc->source_name : "standard input");
    if (list.len == 0)
        fprintf(out, "%s: no notes\n", name);
    else if (orphans == 0)
        fprintf(out, "%s: %zu note%s\n", name, list.len, list.len == 1 ? "" : "s");
    else
        fprintf(out, "%s: %zu note%s (%zu orphaned)\n", name, list.len, list.len == 1 ? "" : "s", orphans);
    free(name);
    /* Line numbers in one pass: the anchored notes come sorted by position. */
    uint32_t line = 1, at = 0;
    for (size_t i = 0; i < list.len; i++) {
        const note_t *n = &list.items[i];
        if (n->state == NOTE_ORPHAN) {
            fprintf(out, "#%lld  ORPHAN (was at %llu-%llu)", (long long)n->id,
                    (unsigned long long)n->cp_start, (unsigned long long)n->cp_end);
        } else {
            for (; at < n->span.start; at++)
                line += doc->text[at] == '\n';
            fprintf(out, "#%lld  line %u, %llu-%llu%s", (long long)n->id, line,
                    (unsigned long long)n->cp_start, (unsigned long long)n->cp_end,
                    n->state == NOTE_MOVED ? " (re-anchored)" : "");
        }
        if (n->speaker) {
            char *sp = safe_line(n->speaker);
            fprintf(out, "  %s:", sp);
            free(sp);
        }
        char *shortq = notes_shorten(n->exact, QUOTE_WIDTH), *q = safe_line(shortq), *body = safe_line(n->body);
        fprintf(out, "  \xe2\x80\x9c%s\xe2\x80\x9d  \xe2\x80\x94 %s\n", q, *body ? body : "(no note text)");
        free(shortq);
        free(q);
        free(body);
    }
    note_list_free(&list);
    notes_store_close(st);
    return EXIT_OK;
}

int cli_notes_export(const doc_t *doc, const char *format, FILE *out)
{
    notes_store_t *st = NULL;
    note_list_t list = {0};
    int rc = load_notes(doc, &st, &list);
    if (rc == EXIT_OK) {
        char fp[17];
        notes_fingerprint_text(doc->text, doc->len, fp);
        char *abs = NULL;
        if (strcmp(doc->source_name, "-") != 0)
            abs = realpath(doc->source_name, NULL);
        notes_export_t x = {doc, abs ? abs : (strcmp(doc->source_name, "-") ? doc->source_name : NULL), fp, &list};
        int w = format && strcmp(format, "json") == 0 ? notes_export_json(out, &x) : notes_export_md(out, &x);
        if (w != 0) {
            perror("quoth: write error");
            rc = EXIT_FAILURE_;
        }
        free(abs);
    }
    note_list_free(&list);
    notes_store_close(st);
    return rc;
}

int cli_list_annotated(FILE *out)
{
    notes_store_t *st = NULL;
    int rc = open_store(&st);
    if (rc != EXIT_OK)
        return rc;
    notes_article_list_t arts = {0};
    if (st && notes_list_articles(st, &arts) != NOTES_OK) {
        rc = store_error(st);
        notes_store_close(st);
        return rc;
    }
    if (arts.len == 0)
        fputs("quoth: no annotated articles yet\n", stderr);
    for (size_t i = 0; i < arts.len; i++) {
        const notes_article_t *a = &arts.items[i];
        fprintf(out, "%s  %3zu note%s  ", a->updated, a->nnotes, a->nnotes == 1 ? " " : "s");
        if (!*a->paths)
            fputs("(standard input)", out);
        /* The most recently opened path first, the others after it. */
        size_t k = 0;
        for (const char *p = a->paths; *p; k++) {
            size_t n = strcspn(p, "\n");
            char *one = notes_safe_text(p, n, 0);
            fprintf(out, "%s%s", k == 0 ? "" : k == 1 ? "  (also " : ", ", one);
            free(one);
            p += n + (p[n] == '\n');
        }
        if (k > 1)
            fputc(')', out);
        fprintf(out, "  fnv1a64:%s\n", a->fingerprint);
    }
    notes_article_list_free(&arts);
    notes_store_close(st);
    return EXIT_OK;
}
