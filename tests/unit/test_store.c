/* test_store.c — the notes store without curses: round trip, re-anchoring
 * through the store, migration v1 -> v2, bad states (corrupt, newer schema,
 * read-only folder, full disk, locked), SIGKILL mid-stream, two writers. */
#include "config.h"
#include "notes/store.h"
#include "engine/doc.h"
#include "engine/xalloc.h"
#include "tap.h"
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmp[] = "/tmp/quoth-store-XXXXXX";

static const char text_a[] =
    "date 2026-01-28 Kallas spoke in Brussels.\n\n"
    "\xe2\x80\x9cLet me be clear: we want strong transatlantic ties,\xe2\x80\x9d she said.\n\n"
    "\xe2\x80\x9cNo great power in history has outsourced its survival and survived,\xe2\x80\x9d she added. "
    "Analysts called the speech a warning.\n";
static const char text_b[] = "Rutte said: \xe2\x80\x9cWe will defend every inch of allied territory.\xe2\x80\x9d\n";

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", tmp, name);
}

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    fputs(s, f);
    fclose(f);
}

/* A doc as the engine gives it, read from a file of that text. */
static doc_t *make_doc(const char *name, const char *text)
{
    char *p = path_in(name);
    write_file(p, text);
    doc_t *d = doc_new(xstrdup(text), (uint32_t)strlen(text), p);
    free(p);
    return d;
}

static span_t span_of(const doc_t *d, const char *s)
{
    const char *p = strstr(d->text, s);
    return p ? (span_t){(uint32_t)(p - d->text), (uint32_t)(p - d->text + strlen(s))} : SPAN_NONE;
}

static notes_store_t *open_at(const char *db)
{
    char err[512];
    notes_store_t *st = NULL;
    notes_rc rc = notes_store_open(db, NOTES_OPEN_CREATE, &st, err, sizeof err);
    if (rc != NOTES_OK)
        printf("# open %s: %s\n", db, err);
    return st;
}

static const note_t *find_note(const note_list_t *l, int64_t id)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i].id == id)
            return &l->items[i];
    return NULL;
}

static bool iso_utc(const char *s)
{
    return strlen(s) == 20 && s[4] == '-' && s[10] == 'T' && s[19] == 'Z';
}

static void test_round_trip(void)
{
    /* The default place: $XDG_DATA_HOME/quoth/notes.db, folders made 0700. */
    char *xdg = path_in("xdg/data");
    setenv("XDG_DATA_HOME", xdg, 1);
    char err[512];
    char *def = notes_default_path(err, sizeof err);
    char *want = xasprintf("%s/quoth/notes.db", xdg);
    is_str(def, want, "default path under XDG_DATA_HOME");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", tmp, 1);
    char *def2 = notes_default_path(err, sizeof err), *want2 = xasprintf("%s/.local/share/quoth/notes.db", tmp);
    is_str(def2, want2, "a relative XDG_DATA_HOME is ignored: ~/.local/share");
    setenv("XDG_DATA_HOME", xdg, 1);

    notes_store_t *st = NULL;
    is_int(notes_store_open(NULL, NOTES_OPEN_READ, &st, err, sizeof err), NOTES_NO_DB,
           "listing before any note: no database, nothing created");
    ok(access(def, F_OK) != 0, "listing did not create the database");
    is_int(notes_store_open(NULL, NOTES_OPEN_CREATE, &st, err, sizeof err), NOTES_OK, "open creates the store");
    struct stat sb;
    char *dir = xasprintf("%s/quoth", xdg);
    ok(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700, "the quoth folder is private (0700)");

    doc_t *a = make_doc("a.txt", text_a), *b = make_doc("b.txt", text_b);
    notes_bind(st, a);
    note_list_t l = {0};
    is_int(notes_list(st, &l), NOTES_OK, "list of an unknown article");
    is_int(l.len, 0, "no notes yet");
    int64_t id1, id2, id3;
    span_t s1 = span_of(a, "No great power in history"), s2 = span_of(a, "we want strong transatlantic ties");
    is_int(notes_add(st, s1, "Kaja Kallas", "the line everyone quoted", &id1), NOTES_OK, "add a note");
    is_int(notes_add(st, s2, NULL, "caf\xc3\xa9 \xe2\x80\x94 wide \xe4\xb8\xad", &id2), NOTES_OK, "add a second note");
    ok(id1 > 0 && id2 > id1, "ids are positive and increase");
    is_int(notes_list(st, &l), NOTES_OK, "list");
    is_int(l.len, 2, "two notes");
    is_int(l.items[0].id, id2, "sorted by position: the earlier passage first");
    const note_t *n1 = find_note(&l, id1);
    is_int(n1->state, NOTE_EXACT, "unchanged text: exact");
    is_int(n1->span.start, s1.start, "span start round-trips in bytes");
    is_int(n1->span.end, s1.end, "span end round-trips in bytes");
    is_int(n1->cp_start, doc_cp_offset(a, s1.start), "TextPositionSelector start is in code points");
    ok(n1->cp_start < s1.start, "code points differ from bytes after multi-byte marks");
    is_str(n1->exact, "No great power in history", "exact text");
    is_int(strlen(n1->prefix) > 0 && strstr(a->text, n1->prefix) != NULL, 1, "prefix is text before it");
    ok(strncmp(n1->suffix, " has outsourced", 15) == 0, "suffix is the text after it");
    is_str(n1->speaker, "Kaja Kallas", "speaker kept");
    is_str(find_note(&l, id2)->speaker, NULL, "no speaker: NULL");
    is_str(find_note(&l, id2)->body, "caf\xc3\xa9 \xe2\x80\x94 wide \xe4\xb8\xad", "UTF-8 body intact");
    ok(iso_utc(n1->created) && iso_utc(n1->updated), "ISO 8601 UTC times (%s)", n1->created);

    is_int(notes_edit(st, id1, "edited body"), NOTES_OK, "edit");
    is_int(notes_delete(st, id2), NOTES_OK, "delete");
    is_int(notes_edit(st, id2, "too late"), NOTES_GONE, "editing a deleted note: GONE");
    ok(strstr(notes_error(st), "no longer exists") != NULL, "with a message: %s", notes_error(st));
    is_int(notes_delete(st, id2), NOTES_GONE, "deleting twice: GONE");
    is_int(notes_add(st, SPAN_NONE, NULL, "x", &id3), NOTES_INVALID, "an empty span is refused");
    span_t split = span_of(a, "\xe2\x80\x9cLet");
    split.start += 1;                         /* the middle of a character */
    is_int(notes_add(st, split, NULL, "x", &id3), NOTES_INVALID, "a span that splits a character is refused");

    notes_bind(st, b);
    /* The engine attributed the quote to Mark Rutte: a note inside it takes
     * its speaker unless told otherwise. */
    span_t qs = span_of(b, "We will defend every inch of allied territory.");
    vec_push(&b->entities, (entity_t){.name = xstrdup("Mark Rutte"), .type = ENT_PERSON});
    vec_push(&b->quotes, (quote_t){.span = qs, .open_mark = {qs.start - 3, qs.start},
                                   .close_mark = {qs.end, qs.end + 3}, .speaker = 0, .parent = -1});
    is_int(notes_add(st, span_of(b, "We will defend every inch"), NULL, "", &id3), NOTES_OK,
           "a note on a second article (empty body allowed)");
    int64_t id4;
    notes_add(st, span_of(b, "Rutte said"), NULL, "outside the quote", &id4);
    notes_add(st, span_of(b, "allied territory"), "", "no speaker wanted", &id4);
    is_int(notes_list(st, &l), NOTES_OK, "list b");
    is_int(l.len, 3, "b has only its own notes");
    is_str(find_note(&l, id3) ? find_note(&l, id3)->speaker : "?", "Mark Rutte", "speaker taken from the quote");
    is_str(l.len == 3 ? l.items[0].speaker : "?", NULL, "outside any quote: no speaker");
    is_str(find_note(&l, id4) ? find_note(&l, id4)->speaker : "?", NULL, "\"\" asks for no speaker");
    notes_store_close(st);

    /* A fresh connection sees what was committed. */
    st = open_at(def);
    notes_bind(st, a);
    notes_list(st, &l);
    is_int(l.len, 1, "reopened: a has one note");
    is_str(l.len ? l.items[0].body : NULL, "edited body", "reopened: the edit is there");
    notes_article_list_t arts = {0};
    is_int(notes_list_articles(st, &arts), NOTES_OK, "list annotated articles");
    is_int(arts.len, 2, "two annotated articles");
    ok(arts.len == 2 && arts.items[0].nnotes == 3 && arts.items[1].nnotes == 1, "three and one notes");
    ok(arts.len == 2 && strstr(arts.items[0].paths, "/b.txt") && strstr(arts.items[1].paths, "/a.txt"),
       "with their paths, latest first");
    notes_article_list_free(&arts);
    note_list_free(&l);
    notes_store_close(st);
    doc_free(a);
    doc_free(b);
    free(def); free(def2); free(want); free(want2); free(dir); free(xdg);
}

/* The article file fetched again with changes: same path, new fingerprint. */
static void test_reanchor_through_store(void)
{
    char *db = path_in("re.db");
    notes_store_t *st = open_at(db);
    doc_t *a = make_doc("re.txt", text_a);
    notes_bind(st, a);
    int64_t keep, gone;
    notes_add(st, span_of(a, "No great power in history"), NULL, "keep", &keep);
    notes_add(st, span_of(a, "Analysts called the speech a warning"), NULL, "gone", &gone);
    char old_fp[17];
    snprintf(old_fp, sizeof old_fp, "%s", notes_fingerprint(st));
    doc_free(a);

    char *t = xasprintf("%s", text_a);
    char *p = strstr(t, "Brussels");
    memcpy(p, "Brussel,", 8);                          /* an edit before the passage */
    *strstr(t, "Analysts called the speech a warning.") = '\0';   /* and the end cut off */
    a = make_doc("re.txt", t);
    notes_bind(st, a);
    ok(strcmp(old_fp, notes_fingerprint(st)) != 0, "the changed text has a new fingerprint");
    note_list_t l = {0};
    is_int(notes_list(st, &l), NOTES_OK, "list the changed article (found by its path)");
    is_int(l.len, 2, "both notes listed, the orphan too");
    const note_t *k = find_note(&l, keep), *g = find_note(&l, gone);
    ok(k && k->state == NOTE_MOVED, "the surviving passage re-anchored");
    ok(k && k->span.start == span_of(a, "No great power").start, "at its new place");
    ok(g && g->state == NOTE_ORPHAN && span_is_empty(g->span), "the cut passage is an orphan");
    is_str(g ? g->exact : NULL, "Analysts called the speech a warning", "the orphan keeps its text");
    is_str(g ? g->body : NULL, "gone", "and its body");
    ok(l.len == 2 && l.items[1].state == NOTE_ORPHAN, "orphans listed last");
    notes_list(st, &l);
    k = find_note(&l, keep);
    ok(k && k->state == NOTE_EXACT, "saved back: the next open is exact");

    /* The old text again (from another path): the orphan comes back. */
    doc_free(a);
    a = make_doc("re-old.txt", text_a);
    notes_bind(st, a);
    notes_list(st, &l);
    is_int(l.len, 0, "the old text from an unknown path is a different article");
    doc_free(a);
    a = make_doc("re.txt", text_a);
    notes_bind(st, a);
    notes_list(st, &l);
    g = find_note(&l, gone);
    ok(g && g->state != NOTE_ORPHAN && g->span.start == span_of(a, "Analysts").start,
       "the old text at the old path: the orphan re-attaches");
    k = find_note(&l, keep);
    ok(k && k->state == NOTE_MOVED, "and the other note moves back");
    note_list_free(&l);
    notes_store_close(st);
    doc_free(a);
    free(t);
    free(db);
}

static void sql(sqlite3 *db, const char *s)
{
    char *e = NULL;
    if (sqlite3_exec(db, s, NULL, NULL, &e) != SQLITE_OK)
        printf("# sql error: %s\n", e);
    sqlite3_free(e);
}

static void test_migration(void)
{
    char *db = path_in("v1.db");
    doc_t *a = make_doc("v1.txt", text_a);
    char fp[17];
    notes_fingerprint_text(a->text, a->len, fp);
    span_t s = span_of(a, "No great power in history");
    sqlite3 *h;
    sqlite3_open(db, &h);
    char *setup = xasprintf(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, path TEXT);"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, start INTEGER NOT NULL,"
        " end INTEGER NOT NULL, exact TEXT NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL);"
        "INSERT INTO articles VALUES (7, '%s', '%s');"
        "INSERT INTO notes VALUES (3, 7, %zu, %zu, 'No great power in history', 'from v1', 1767225600);"
        "INSERT INTO articles VALUES (8, '0123456789abcdef', NULL);"
        "INSERT INTO notes VALUES (4, 8, 0, 4, 'gone', 'other article', 1767225600);"
        "PRAGMA user_version = 1;", fp, a->source_name, doc_cp_offset(a, s.start), doc_cp_offset(a, s.end));
    sql(h, setup);
    free(setup);
    sqlite3_close(h);

    notes_store_t *st = open_at(db);
    ok(st != NULL, "a v1 database opens");
    sqlite3_open(db, &h);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &q, NULL);
    sqlite3_step(q);
    is_int(sqlite3_column_int(q, 0), NOTES_SCHEMA_VERSION, "migrated to the current schema version");
    sqlite3_finalize(q);
    sqlite3_prepare_v2(h, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_v1'", -1, &q, NULL);
    sqlite3_step(q);
    is_int(sqlite3_column_int(q, 0), 0, "the v1 tables are gone");
    sqlite3_finalize(q);
    sqlite3_close(h);

    notes_bind(st, a);
    note_list_t l = {0};
    is_int(notes_list(st, &l), NOTES_OK, "list after migration");
    is_int(l.len, 1, "the v1 note is there");
    const note_t *n = find_note(&l, 3);
    ok(n && n->span.start == s.start && n->span.end == s.end, "at its place");
    is_str(n ? n->body : NULL, "from v1", "with its body");
    is_str(n ? n->created : NULL, "2026-01-01T00:00:00Z", "unix time became ISO 8601 UTC");
    notes_list(st, &l);
    n = find_note(&l, 3);
    ok(n && n->prefix && strlen(n->prefix) > 0, "its missing context was filled in from the text");
    notes_article_list_t arts = {0};
    notes_list_articles(st, &arts);
    is_int(arts.len, 2, "both v1 articles kept");
    ok(arts.len == 2 && (strstr(arts.items[0].paths, "v1.txt") || strstr(arts.items[1].paths, "v1.txt")),
       "the v1 path became a paths row");
    notes_article_list_free(&arts);
    note_list_free(&l);
    notes_store_close(st);
    doc_free(a);
    free(db);
}

static void test_bad_states(void)
{
    char err[512];
    notes_store_t *st = NULL;

    char *garbage = path_in("garbage.db");
    write_file(garbage, "this is not a database, just some text that got here somehow. "
                        "it is long enough to fill the first page of an SQLite header check...\n");
    is_int(notes_store_open(garbage, NOTES_OPEN_CREATE, &st, err, sizeof err), NOTES_CORRUPT, "garbage: CORRUPT");
    ok(st == NULL && strstr(err, garbage) && strchr(err, '\n') == NULL, "one line naming the file: %s", err);
    is_int(notes_store_open(garbage, NOTES_OPEN_READ, &st, err, sizeof err), NOTES_CORRUPT, "garbage, reading: CORRUPT");
    FILE *f = fopen(garbage, "r");
    char head[20] = "";
    ok(f && fgets(head, sizeof head, f) && strncmp(head, "this is not", 11) == 0, "the garbage file was left untouched");
    if (f)
        fclose(f);

    char *newer = path_in("newer.db");
    sqlite3 *h;
    sqlite3_open(newer, &h);
    sql(h, "CREATE TABLE future(x); PRAGMA user_version = 99;");
    sqlite3_close(h);
    is_int(notes_store_open(newer, NOTES_OPEN_CREATE, &st, err, sizeof err), NOTES_CORRUPT, "newer schema refused");
    ok(strstr(err, "newer quoth") != NULL, "and said so: %s", err);

    char *foreign = path_in("foreign.db");
    sqlite3_open(foreign, &h);
    sql(h, "CREATE TABLE mine(x);");
    sqlite3_close(h);
    is_int(notes_store_open(foreign, NOTES_OPEN_CREATE, &st, err, sizeof err), NOTES_CORRUPT,
           "someone else's database is not taken over");

    /* A full disk, simulated with max_page_count. */
    char *full = path_in("full.db");
    st = open_at(full);
    doc_t *a = make_doc("full.txt", text_a);
    notes_bind(st, a);
    notes_store_limit_pages(st, 12);
    char *big = xmalloc(2000);
    memset(big, 'x', 1999);
    big[1999] = '\0';
    int64_t id;
    notes_rc rc = NOTES_OK;
    size_t saved = 0;
    for (int i = 0; i < 200 && rc == NOTES_OK; i++)
        if ((rc = notes_add(st, span_of(a, "Analysts"), NULL, big, &id)) == NOTES_OK)
            saved++;
    is_int(rc, NOTES_FULL, "a full disk: FULL");
    ok(strstr(notes_error(st), "disk is full") != NULL, "message: %s", notes_error(st));
    is_int(id, 0, "no id claimed for the failed note");
    note_list_t l = {0};
    is_int(notes_list(st, &l), NOTES_OK, "listing still works when full");
    is_int(l.len, saved, "every note confirmed before the disk filled is there");
    notes_store_close(st);
    free(big);

    /* Locked: another program holds the write lock. */
    char *locked = path_in("locked.db");
    st = open_at(locked);
    notes_bind(st, a);
    notes_add(st, span_of(a, "Analysts"), NULL, "before", &id);
    notes_store_busy_timeout(st, 100);
    sqlite3_open(locked, &h);
    sql(h, "BEGIN EXCLUSIVE");
    is_int(notes_add(st, span_of(a, "Kallas"), NULL, "blocked", &id), NOTES_BUSY, "locked database: BUSY");
    ok(strstr(notes_error(st), "locked") != NULL, "message: %s", notes_error(st));
    is_int(notes_list(st, &l), NOTES_OK, "reading while another writes (WAL)");
    is_int(l.len, 1, "and only the confirmed note");
    sql(h, "ROLLBACK");
    sqlite3_close(h);
    is_int(notes_add(st, span_of(a, "Kallas"), NULL, "after", &id), NOTES_OK, "the lock gone: saved");
    notes_store_close(st);

    doc_free(a);
    note_list_free(&l);
    free(garbage); free(newer); free(foreign); free(full); free(locked);
}

/* A read-only folder. Root ignores permissions: test as nobody. */
static void test_readonly(void)
{
    char err[512];
    notes_store_t *st = NULL;
    char *ro = path_in("ro");
    mkdir(ro, 0755);
    char *rodb = xasprintf("%s/sub/notes.db", ro);
    chmod(tmp, 0755);
    chmod(ro, 0555);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(77);
        int code = notes_store_open(rodb, NOTES_OPEN_CREATE, &st, err, sizeof err);
        printf("# read-only folder: %s\n", err);
        fflush(stdout);
        free(ro);
        free(rodb);
        _exit(code == NOTES_READONLY && strstr(err, "read-only") == NULL && strstr(err, "ermission") == NULL ? 99 : code);
    }
    int status;
    waitpid(pid, &status, 0);
    if (WEXITSTATUS(status) == 77)
        ok(1, "# SKIP cannot drop privileges");
    else
        is_int(WEXITSTATUS(status), NOTES_READONLY, "a read-only folder: READONLY with a clear message");
    chmod(ro, 0755);
    chmod(tmp, 0700);
    free(ro);
    free(rodb);
}

/* A child adds notes and reports each confirmed id on a pipe, forever. */
static void writer_loop(const char *db, const char *name, int fd, int count, const char *tag)
{
    notes_store_t *st = open_at(db);
    if (!st)
        _exit(2);
    doc_t *a = make_doc(name, text_a);
    notes_bind(st, a);
    for (int i = 0; count < 0 || i < count; i++) {
        char body[64];
        snprintf(body, sizeof body, "%s %d", tag, i);
        int64_t id;
        if (notes_add(st, span_of(a, i % 2 ? "Kallas" : "we want"), NULL, body, &id) != NOTES_OK) {
            fprintf(stderr, "# %s\n", notes_error(st));
            _exit(3);
        }
        if (fd >= 0 && write(fd, &id, sizeof id) != sizeof id)
            _exit(4);
    }
    notes_store_close(st);
    doc_free(a);
    _exit(0);
}

static bool integrity_ok(const char *db)
{
    sqlite3 *h;
    sqlite3_stmt *q;
    bool good = false;
    if (sqlite3_open(db, &h) == SQLITE_OK &&
        sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK) {
        good = sqlite3_step(q) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
        sqlite3_finalize(q);
    }
    sqlite3_close(h);
    return good;
}

static void test_sigkill(void)
{
    char *db = path_in("kill.db");
    int fds[2];
    if (pipe(fds) != 0)
        return;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        writer_loop(db, "kill.txt", fds[1], -1, "k");
    }
    close(fds[1]);
    VEC(int64_t) ids = {0};
    int64_t id;
    while (ids.len < 40 && read(fds[0], &id, sizeof id) == sizeof id)
        vec_push(&ids, id);
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    while (read(fds[0], &id, sizeof id) == sizeof id)   /* confirmed before it died */
        vec_push(&ids, id);
    close(fds[0]);
    ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the writer was killed mid-stream (%zu confirmed)", ids.len);

    ok(integrity_ok(db), "the database passes integrity_check after SIGKILL");
    notes_store_t *st = open_at(db);
    doc_t *a = make_doc("kill.txt", text_a);
    notes_bind(st, a);
    note_list_t l = {0};
    notes_list(st, &l);
    size_t missing = 0;
    for (size_t i = 0; i < ids.len; i++)
        missing += find_note(&l, ids.items[i]) == NULL;
    is_int(missing, 0, "every confirmed note survived SIGKILL");
    ok(l.len >= ids.len && l.len <= ids.len + 1, "nothing but the at most one unconfirmed note besides (%zu)", l.len);
    note_list_free(&l);
    vec_free(&ids);
    notes_store_close(st);
    doc_free(a);
    free(db);
}

static void test_two_writers(void)
{
    char *db = path_in("two.db");
    notes_store_close(open_at(db));      /* create first; the children race on writes only */
    enum { N = 60 };
    pid_t p[2];
    fflush(stdout);
    for (int k = 0; k < 2; k++)
        if ((p[k] = fork()) == 0)
            writer_loop(db, "two.txt", -1, N, k ? "second" : "first");
    int ok_children = 0;
    for (int k = 0; k < 2; k++) {
        int status;
        waitpid(p[k], &status, 0);
        ok_children += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    is_int(ok_children, 2, "two writers at once both succeeded");
    notes_store_t *st = open_at(db);
    doc_t *a = make_doc("two.txt", text_a);
    notes_bind(st, a);
    note_list_t l = {0};
    notes_list(st, &l);
    is_int(l.len, 2 * N, "all notes of both writers are there");
    int seen[2][N] = {{0}};
    for (size_t i = 0; i < l.len; i++) {
        int k = strncmp(l.items[i].body, "second", 6) == 0, j = atoi(strchr(l.items[i].body, ' ') + 1);
        if (j >= 0 && j < N)
            seen[k][j]++;
    }
    int each_once = 1;
    for (int k = 0; k < 2; k++)
        for (int j = 0; j < N; j++)
            each_once &= seen[k][j] == 1;
    ok(each_once, "each note exactly once");
    ok(integrity_ok(db), "integrity_check after two writers");
    note_list_free(&l);
    notes_store_close(st);
    doc_free(a);
    free(db);
}

int main(void)
{
    if (!mkdtemp(tmp))
        return 1;
    test_round_trip();
    test_reanchor_through_store();
    test_migration();
    test_readonly();
    test_bad_states();
    test_sigkill();
    test_two_writers();
    char *cmd = xasprintf("rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", tmp);
    free(cmd);
    return tap_done();
}
