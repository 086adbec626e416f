/* store.c — the notes store on SQLite (see store.h).
 *
 * Durability: WAL journal with synchronous=FULL. In WAL mode NORMAL already
 * survives a killed process (the WAL is in the OS cache), but a power cut
 * may roll back the last commits; notes are written at typing speed, so one
 * fsync per note costs nothing a reader notices and FULL makes "saved" mean
 * "on the disk".
 * Concurrency: each change is BEGIN IMMEDIATE ... COMMIT (the write lock is
 * taken up front, so a second writer waits in busy_timeout instead of failing
 * on a lock upgrade); lists always re-read. */
#include "config.h"
#include "notes/store.h"
#include "notes/anchor.h"
#include "engine/xalloc.h"
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000

struct notes_store {
    sqlite3 *db;
    char *path;
    bool readonly;
    char err[512];
    const doc_t *doc;           /* bound article, borrowed */
    char fp[17];
    char *doc_path;             /* absolute path, NULL for stdin */
};

/* Schema v1 (the first release) was: articles(id, fingerprint UNIQUE, path),
 * notes(id, article_id, start, end, exact, body, created unix time).
 * v2 moves paths to their own table (an article is opened from many places),
 * adds the selector context, the speaker, update times and the fingerprint
 * each note's positions refer to. */
static const char schema_v2[] =
    "CREATE TABLE articles ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " fingerprint TEXT NOT NULL UNIQUE,"
    " created TEXT NOT NULL);"
    "CREATE TABLE paths ("
    " path TEXT PRIMARY KEY,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " last_opened TEXT NOT NULL);"
    "CREATE TABLE notes ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " fingerprint TEXT NOT NULL,"   /* the text version cp_start/cp_end refer to */
    " exact TEXT NOT NULL,"
    " prefix TEXT, suffix TEXT,"    /* NULL: unknown (migrated from v1) */
    " cp_start INTEGER NOT NULL, cp_end INTEGER NOT NULL,"
    " speaker TEXT,"
    " body TEXT NOT NULL,"
    " created TEXT NOT NULL, updated TEXT NOT NULL);"
    "CREATE INDEX notes_by_article ON notes(article_id);"
    "CREATE INDEX paths_by_article ON paths(article_id);";

static const char migrate_v1_v2[] =
    "ALTER TABLE articles RENAME TO articles_v1;"
    "ALTER TABLE notes RENAME TO notes_v1;"
    "%s"
    "INSERT INTO articles(id, fingerprint, created)"
    " SELECT a.id, a.fingerprint, COALESCE((SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', MIN(n.created), 'unixepoch')"
    "   FROM notes_v1 n WHERE n.article_id = a.id), '%s') FROM articles_v1 a;"
    "INSERT INTO paths(path, article_id, last_opened)"
    " SELECT path, id, '%s' FROM articles_v1 WHERE path IS NOT NULL AND path <> '';"
    "INSERT INTO notes(id, article_id, fingerprint, exact, prefix, suffix, cp_start, cp_end,"
    "   speaker, body, created, updated)"
    " SELECT n.id, n.article_id, a.fingerprint, n.exact, NULL, NULL, n.start, n.end, NULL, n.body,"
    "   strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', n.created, 'unixepoch'),"
    "   strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', n.created, 'unixepoch')"
    " FROM notes_v1 n JOIN articles_v1 a ON a.id = n.article_id;";

static void now_iso(char out[21])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void notes_fingerprint_text(const char *text, size_t len, char out[17])
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 0x100000001b3ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* --- errors ------------------------------------------------------------ */

static notes_rc classify(int code)
{
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return NOTES_BUSY;
    case SQLITE_FULL: return NOTES_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return NOTES_READONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return NOTES_CORRUPT;
    default: return NOTES_ERR;
    }
}

/* One line: what failed, why in plain words, and the file. */
static notes_rc set_error(char *buf, size_t n, const char *path, const char *what, int code,
                          const char *detail)
{
    notes_rc rc = classify(code);
    const char *why;
    switch (rc) {
    case NOTES_BUSY: why = "the notes database is locked by another program; try again"; break;
    case NOTES_FULL: why = "the disk is full"; break;
    case NOTES_READONLY: why = "the notes database or its folder is read-only"; break;
    case NOTES_CORRUPT:
        why = "the file is damaged or not a quoth notes database (move it aside to start afresh)";
        break;
    default: why = detail; break;
    }
    snprintf(buf, n, "cannot %s: %s (%s)", what, why, path);
    return rc;
}

static notes_rc db_fail(notes_store_t *st, const char *what)
{
    int code = sqlite3_extended_errcode(st->db);
    return set_error(st->err, sizeof st->err, st->path, what, code, sqlite3_errmsg(st->db));
}

static notes_rc fail_with(notes_store_t *st, notes_rc rc, const char *msg)
{
    snprintf(st->err, sizeof st->err, "%s (%s)", msg, st->path);
    return rc;
}

const char *notes_error(const notes_store_t *st)
{
    return st->err;
}

const char *notes_store_path(const notes_store_t *st)
{
    return st->path;
}

bool notes_store_readonly(const notes_store_t *st)
{
    return st->readonly;
}

/* --- small SQLite helpers ------------------------------------------------ */

static int exec(notes_store_t *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

static sqlite3_stmt *prepare(notes_store_t *st, const char *sql, int *rc)
{
    sqlite3_stmt *s = NULL;
    *rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
    if (t)
        sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static char *col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? xstrdup((const char *)t) : NULL;
}

static void col_copy(sqlite3_stmt *s, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

static void rollback(notes_store_t *st)
{
    if (!sqlite3_get_autocommit(st->db))
        exec(st, "ROLLBACK");
}

/* Runs a statement that returns at most one integer; *out untouched if no row. */
static int query_int(notes_store_t *st, const char *sql, int64_t arg, const char *targ, int64_t *out)
{
    int rc;
    sqlite3_stmt *s = prepare(st, sql, &rc);
    if (rc != SQLITE_OK)
        return rc;
    if (targ)
        bind_text(s, 1, targ);
    else
        sqlite3_bind_int64(s, 1, arg);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(s, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(s);
    return rc;
}

/* --- opening, schema, migrations ----------------------------------------- */

static char *data_home(void)
{
    const char *x = getenv("XDG_DATA_HOME");
    if (x && x[0] == '/')       /* the spec says relative values are ignored */
        return xstrdup(x);
    const char *home = getenv("HOME");
    if (!home || !*home) {
        struct passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : NULL;
    }
    return home ? xasprintf("%s/.local/share", home) : NULL;
}

char *notes_default_path(char *err, size_t errlen)
{
    char *d = data_home();
    if (!d) {
        snprintf(err, errlen, "cannot find the notes database: neither XDG_DATA_HOME nor HOME is set");
        return NULL;
    }
    char *p = xasprintf("%s/quoth/notes.db", d);
    free(d);
    return p;
}

/* mkdir -p of path's folder; new folders are private (0700). */
static int make_parent_dirs(const char *path)
{
    char *d = xstrdup(path);
    char *slash = strrchr(d, '/');
    int rc = 0;
    if (slash && slash != d) {
        *slash = '\0';
        for (char *p = d + 1; ; p++) {
            if (*p == '/' || *p == '\0') {
                char c = *p;
                *p = '\0';
                if (mkdir(d, 0700) != 0 && errno != EEXIST) {
                    rc = errno;
                    break;
                }
                *p = c;
                if (c == '\0')
                    break;
            }
        }
    }
    free(d);
    return rc;
}

/* file: URI with the characters that mean something in a URI escaped. */
static char *file_uri(const char *path, const char *query)
{
    size_t n = strlen(path);
    char *u = xmalloc(3 * n + strlen(query) + 16), *o = u;
    o += sprintf(o, "file:");
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '?' || c == '#' || c == '%' || c < 0x20 || c == 0x7f)
            o += sprintf(o, "%%%02X", c);
        else
            *o++ = (char)c;
    }
    sprintf(o, "?%s", query);
    return u;
}

static notes_rc create_or_migrate(notes_store_t *st)
{
    int64_t version = 0, tables = 0;
    int rc = exec(st, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return db_fail(st, "open the notes database");
    if ((rc = query_int(st, "PRAGMA user_version", 0, NULL, &version)) != SQLITE_OK ||
        (rc = query_int(st, "SELECT COUNT(*) FROM sqlite_master", 0, NULL, &tables)) != SQLITE_OK) {
        rollback(st);
        return db_fail(st, "read the notes database");
    }
    notes_rc res = NOTES_OK;
    char now[21], *sql = NULL;
    now_iso(now);
    if (version > NOTES_SCHEMA_VERSION) {
        char m[96];
        snprintf(m, sizeof m, "the notes database was written by a newer quoth (schema %lld)", (long long)version);
        res = fail_with(st, NOTES_CORRUPT, m);
    } else if (version == 0 && tables > 0) {
        res = fail_with(st, NOTES_CORRUPT, "this file is a database but not quoth's notes (move it aside)");
    } else if (version == 0) {
        sql = xasprintf("%sPRAGMA user_version = %d;", schema_v2, NOTES_SCHEMA_VERSION);
    } else if (version == 1) {
        sql = xasprintf(migrate_v1_v2, schema_v2, now, now);
    }
    if (sql && exec(st, sql) != SQLITE_OK)
        res = db_fail(st, version ? "upgrade the notes database" : "create the notes database");
    free(sql);
    if (res == NOTES_OK && version == 1) {
        /* A v1 note without its article would vanish in the join: refuse
         * to drop the old tables unless every note came across. */
        int64_t before = -1, after = -2;
        if (query_int(st, "SELECT COUNT(*) FROM notes_v1", 0, NULL, &before) != SQLITE_OK ||
            query_int(st, "SELECT COUNT(*) FROM notes", 0, NULL, &after) != SQLITE_OK)
            res = db_fail(st, "upgrade the notes database");
        else if (before != after)
            res = fail_with(st, NOTES_CORRUPT, "cannot upgrade the notes database: some v1 notes have no article");
        else if (exec(st, "DROP TABLE notes_v1; DROP TABLE articles_v1; PRAGMA user_version = 2;") != SQLITE_OK)
            res = db_fail(st, "upgrade the notes database");
    }
    if (res == NOTES_OK && exec(st, "COMMIT") != SQLITE_OK)
        res = db_fail(st, "save the notes database");
    if (res != NOTES_OK)
        rollback(st);
    return res;
}

/* A read-only connection can only read the current schema. */
static notes_rc check_version(notes_store_t *st)
{
    int64_t version = 0;
    if (query_int(st, "PRAGMA user_version", 0, NULL, &version) != SQLITE_OK)
        return db_fail(st, "read the notes database");
    if (version == NOTES_SCHEMA_VERSION)
        return NOTES_OK;
    char m[96];
    if (version > NOTES_SCHEMA_VERSION) {
        snprintf(m, sizeof m, "the notes database was written by a newer quoth (schema %lld)", (long long)version);
        return fail_with(st, NOTES_CORRUPT, m);
    }
    snprintf(m, sizeof m, "the notes database (schema %lld) needs an upgrade but is read-only", (long long)version);
    return fail_with(st, NOTES_READONLY, m);
}

static notes_rc db_connect(notes_store_t *st, const char *name, int flags)
{
    if (st->db)
        sqlite3_close(st->db);
    st->db = NULL;
    int rc = sqlite3_open_v2(name, &st->db, flags, NULL);
    if (rc != SQLITE_OK) {
        notes_rc r = st->db ? db_fail(st, "open the notes database")
                            : set_error(st->err, sizeof st->err, st->path, "open the notes database", rc,
                                        sqlite3_errstr(rc));
        if (rc == SQLITE_CANTOPEN && (errno == EACCES || errno == EROFS || errno == EPERM))
            r = set_error(st->err, sizeof st->err, st->path, "open the notes database", SQLITE_READONLY, NULL);
        return r;
    }
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    sqlite3_extended_result_codes(st->db, 1);
    st->readonly = sqlite3_db_readonly(st->db, "main") == 1;
    if (exec(st, "PRAGMA foreign_keys = ON") != SQLITE_OK)
        return db_fail(st, "open the notes database");
    if (!st->readonly) {
        /* WAL lets a reader list while another process writes. */
        if (exec(st, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
            exec(st, "PRAGMA synchronous = FULL") != SQLITE_OK)
            return db_fail(st, "open the notes database");
        return create_or_migrate(st);
    }
    return check_version(st);
}

notes_rc notes_store_open(const char *path, notes_open_mode mode, notes_store_t **out, char *err,
                          size_t errlen)
{
    *out = NULL;
    char *p = path ? xstrdup(path) : notes_default_path(err, errlen);
    if (!p)
        return NOTES_ERR;
    struct stat sb;
    if (mode == NOTES_OPEN_READ && stat(p, &sb) != 0 && errno == ENOENT) {
        snprintf(err, errlen, "no notes database yet (%s)", p);
        free(p);
        return NOTES_NO_DB;
    }
    if (mode == NOTES_OPEN_CREATE) {
        int e = make_parent_dirs(p);
        if (e) {
            snprintf(err, errlen, "cannot create the folder of the notes database: %s (%s)", strerror(e), p);
            free(p);
            return e == EACCES || e == EROFS || e == EPERM ? NOTES_READONLY : NOTES_ERR;
        }
    }
    notes_store_t *st = xcalloc(1, sizeof *st);
    st->path = p;
    int flags = SQLITE_OPEN_READWRITE | (mode == NOTES_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0) |
                SQLITE_OPEN_NOMUTEX;
    notes_rc rc = db_connect(st, p, flags);
    if (mode == NOTES_OPEN_CREATE && rc == NOTES_OK && st->readonly)
        rc = fail_with(st, NOTES_READONLY, "cannot save notes: the notes database is read-only");
    if (mode == NOTES_OPEN_READ && rc != NOTES_OK && rc != NOTES_CORRUPT) {
        /* Listing still works from a read-only folder: first as a normal
         * reader (needs the -shm file), then as an immutable file, which is
         * safe because nobody can write in that folder either (a WAL left
         * by a crash is then not read: the listing may miss the newest
         * notes, but nothing on disk is touched). */
        char *u = file_uri(p, "mode=ro");
        rc = db_connect(st, u, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
        free(u);
        if (rc != NOTES_OK && rc != NOTES_CORRUPT) {
            u = file_uri(p, "immutable=1");
            rc = db_connect(st, u, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
            free(u);
        }
        st->readonly = true;
    }
    if (rc != NOTES_OK) {
        snprintf(err, errlen, "%s", st->err);
        notes_store_close(st);
        return rc;
    }
    *out = st;
    return NOTES_OK;
}

void notes_store_close(notes_store_t *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    free(st->path);
    free(st->doc_path);
    free(st);
}

void notes_store_busy_timeout(notes_store_t *st, int ms)
{
    sqlite3_busy_timeout(st->db, ms);
}

notes_rc notes_store_limit_pages(notes_store_t *st, unsigned pages)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %u", pages);
    return exec(st, sql) == SQLITE_OK ? NOTES_OK : db_fail(st, "limit the database");
}

/* --- the bound article --------------------------------------------------- */

void notes_bind(notes_store_t *st, const doc_t *doc)
{
    st->doc = doc;
    notes_fingerprint_text(doc->text, doc->len, st->fp);
    free(st->doc_path);
    st->doc_path = NULL;
    const char *name = doc->source_name;
    if (name && *name && strcmp(name, "-") != 0) {
        char *abs = realpath(name, NULL);
        st->doc_path = abs ? abs : xstrdup(name);
    }
}

const char *notes_fingerprint(const notes_store_t *st)
{
    return st->fp;
}

const char *notes_bound_path(const notes_store_t *st)
{
    return st->doc_path;
}

static bool is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static uint32_t snap_back(const doc_t *doc, size_t b)
{
    if (b > doc->len)
        b = doc->len;
    while (b > 0 && b < doc->len && is_cont((unsigned char)doc->text[b]))
        b--;
    return (uint32_t)b;
}

/* Byte offset of code point cp (clamped to the end): a binary search over
 * 256-byte steps with doc_cp_offset, then a short walk. */
static uint32_t byte_of_cp(const doc_t *doc, uint64_t cp)
{
    if (cp >= doc_cp_offset(doc, doc->len))
        return doc->len;
    size_t lo = 0, hi = (size_t)doc->len / 256 + 1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc_cp_offset(doc, snap_back(doc, mid * 256)) <= cp)
            lo = mid;
        else
            hi = mid;
    }
    size_t b = snap_back(doc, lo * 256);
    uint64_t c = doc_cp_offset(doc, (uint32_t)b);
    while (c < cp && b < doc->len) {
        b = anchor_fwd(doc->text, doc->len, b, 1);
        c++;
    }
    return (uint32_t)b;
}

/* The article of the bound doc: by fingerprint, else by the path it was last
 * opened from (the same article fetched again with changes). 0 if unknown. */
static int find_article(notes_store_t *st, int64_t *id, bool *by_path)
{
    *id = 0;
    *by_path = false;
    int rc = query_int(st, "SELECT id FROM articles WHERE fingerprint = ?1", 0, st->fp, id);
    if (rc == SQLITE_OK && *id == 0 && st->doc_path) {
        rc = query_int(st, "SELECT article_id FROM paths WHERE path = ?1", 0, st->doc_path, id);
        *by_path = *id != 0;
    }
    return rc;
}

static int remember_path(notes_store_t *st, int64_t article)
{
    if (!st->doc_path)
        return SQLITE_OK;
    int64_t known = 0;
    int rc = query_int(st, "SELECT article_id FROM paths WHERE path = ?1", 0, st->doc_path, &known);
    if (rc != SQLITE_OK || known == article)
        return rc;
    char now[21];
    now_iso(now);
    sqlite3_stmt *s = prepare(st, "INSERT OR REPLACE INTO paths(path, article_id, last_opened) VALUES (?1, ?2, ?3)", &rc);
    if (rc != SQLITE_OK)
        return rc;
    bind_text(s, 1, st->doc_path);
    sqlite3_bind_int64(s, 2, article);
    bind_text(s, 3, now);
    rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
    sqlite3_finalize(s);
    return rc;
}

/* --- listing and re-anchoring -------------------------------------------- */

static void note_clear(note_t *n)
{
    free(n->exact);
    free(n->prefix);
    free(n->suffix);
    free(n->speaker);
    free(n->body);
}

void note_list_free(note_list_t *list)
{
    for (size_t i = 0; i < list->len; i++)
        note_clear(&list->items[i]);
    vec_free(list);
}

/* The selectors of bytes [s, e) of the bound doc. */
static void selectors(const doc_t *doc, uint32_t s, uint32_t e, note_t *n)
{
    size_t b = anchor_back(doc->text, s, ANCHOR_CONTEXT), f = anchor_fwd(doc->text, doc->len, e, ANCHOR_CONTEXT);
    free(n->exact);
    free(n->prefix);
    free(n->suffix);
    n->exact = xstrndup(doc->text + s, e - s);
    n->prefix = xstrndup(doc->text + b, s - b);
    n->suffix = xstrndup(doc->text + e, f - e);
    n->cp_start = doc_cp_offset(doc, s);
    n->cp_end = doc_cp_offset(doc, e);
}

/* Places one note in the bound doc; true if it moved (to be saved back). */
static bool place(notes_store_t *st, note_t *n, const char *note_fp)
{
    const doc_t *doc = st->doc;
    size_t elen = strlen(n->exact);
    if (strcmp(note_fp, st->fp) == 0 && n->cp_end >= n->cp_start) {
        uint32_t s = byte_of_cp(doc, n->cp_start);
        if (s + elen <= doc->len && memcmp(doc->text + s, n->exact, elen) == 0 && elen > 0) {
            n->state = NOTE_EXACT;
            n->span = (span_t){s, (uint32_t)(s + elen)};
            if (n->prefix && n->suffix)
                return false;
            selectors(doc, n->span.start, n->span.end, n); /* from v1: fill in the context */
            return true;
        }
    }
    anchor_sel_t sel = {n->exact, n->prefix, n->suffix, byte_of_cp(doc, n->cp_start)};
    anchor_match_t m = anchor_find(doc->text, doc->len, &sel);
    if (m.kind == ANCHOR_ORPHAN) {
        n->state = NOTE_ORPHAN;
        n->span = SPAN_NONE;
        return false;
    }
    n->state = NOTE_MOVED;
    n->span = (span_t){(uint32_t)m.start, (uint32_t)m.end};
    selectors(doc, n->span.start, n->span.end, n);
    return true;
}

static int by_place(const void *a, const void *b)
{
    const note_t *x = a, *y = b;
    bool ox = x->state == NOTE_ORPHAN, oy = y->state == NOTE_ORPHAN;
    if (ox != oy)
        return ox - oy;
    uint64_t kx = ox ? x->cp_start : x->span.start, ky = oy ? y->cp_start : y->span.start;
    if (kx != ky)
        return kx < ky ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Saves re-anchored notes with the new fingerprint so the next open is exact.
 * Only a note still at its old fingerprint is touched: if another reader
 * re-anchored or edited it meanwhile, its version stands. Best effort: a
 * failure here loses nothing (the next open re-anchors again). */
static void save_back(notes_store_t *st, int64_t article, bool by_path, const note_list_t *list,
                      char **old_fps, bool any_placed)
{
    bool any_moved = false;
    for (size_t i = 0; i < list->len; i++)
        any_moved |= old_fps[i] != NULL;
    int64_t known = 0;
    if (st->doc_path)
        query_int(st, "SELECT article_id FROM paths WHERE path = ?1", 0, st->doc_path, &known);
    bool news = any_moved || (by_path && any_placed) || (st->doc_path && known != article);
    if (st->readonly || !news || exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return;
    int rc = SQLITE_OK;
    sqlite3_stmt *s = prepare(st,
        "UPDATE notes SET fingerprint = ?1, exact = ?2, prefix = ?3, suffix = ?4, cp_start = ?5,"
        " cp_end = ?6 WHERE id = ?7 AND fingerprint = ?8", &rc);
    for (size_t i = 0; rc == SQLITE_OK && i < list->len; i++) {
        const note_t *n = &list->items[i];
        if (!old_fps[i])
            continue;
        sqlite3_reset(s);
        bind_text(s, 1, st->fp);
        bind_text(s, 2, n->exact);
        bind_text(s, 3, n->prefix);
        bind_text(s, 4, n->suffix);
        sqlite3_bind_int64(s, 5, (sqlite3_int64)n->cp_start);
        sqlite3_bind_int64(s, 6, (sqlite3_int64)n->cp_end);
        sqlite3_bind_int64(s, 7, n->id);
        bind_text(s, 8, old_fps[i]);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
    }
    sqlite3_finalize(s);
    /* The article now has this text, unless nothing of it could be placed (a
     * different file at the same path: keep the old text's identity). */
    if (rc == SQLITE_OK && by_path && any_placed) {
        s = prepare(st, "UPDATE articles SET fingerprint = ?1 WHERE id = ?2"
                        " AND NOT EXISTS (SELECT 1 FROM articles WHERE fingerprint = ?1)", &rc);
        if (rc == SQLITE_OK) {
            bind_text(s, 1, st->fp);
            sqlite3_bind_int64(s, 2, article);
            rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
            sqlite3_finalize(s);
        }
    }
    if (rc == SQLITE_OK)
        rc = remember_path(st, article);
    if (rc != SQLITE_OK || exec(st, "COMMIT") != SQLITE_OK)
        rollback(st);
}

notes_rc notes_list(notes_store_t *st, note_list_t *out)
{
    note_list_free(out);
    st->err[0] = '\0';
    if (!st->doc)
        return fail_with(st, NOTES_INVALID, "no article to list notes for");
    int64_t article;
    bool by_path;
    int rc = find_article(st, &article, &by_path);
    if (rc != SQLITE_OK)
        return db_fail(st, "read the notes");
    if (!article)
        return NOTES_OK;
    sqlite3_stmt *s = prepare(st,
        "SELECT id, fingerprint, exact, prefix, suffix, cp_start, cp_end, speaker, body, created, updated"
        " FROM notes WHERE article_id = ?1 ORDER BY id", &rc);
    if (rc != SQLITE_OK)
        return db_fail(st, "read the notes");
    sqlite3_bind_int64(s, 1, article);
    VEC(char *) fps = {0};
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        note_t n = {.id = sqlite3_column_int64(s, 0)};
        vec_push(&fps, col_text(s, 1));
        n.exact = col_text(s, 2);
        n.prefix = col_text(s, 3);
        n.suffix = col_text(s, 4);
        n.cp_start = (uint64_t)sqlite3_column_int64(s, 5);
        n.cp_end = (uint64_t)sqlite3_column_int64(s, 6);
        n.speaker = col_text(s, 7);
        n.body = col_text(s, 8);
        col_copy(s, 9, n.created, sizeof n.created);
        col_copy(s, 10, n.updated, sizeof n.updated);
        if (!n.exact)
            n.exact = xstrdup("");
        if (!n.body)
            n.body = xstrdup("");
        vec_push(out, n);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; i < fps.len; i++)
            free(fps.items[i]);
        vec_free(&fps);
        note_list_free(out);
        return db_fail(st, "read the notes");
    }
    bool any_placed = out->len == 0;
    for (size_t i = 0; i < out->len; i++) {
        bool moved = place(st, &out->items[i], fps.items[i] ? fps.items[i] : "");
        any_placed |= out->items[i].state != NOTE_ORPHAN;
        if (!moved) {               /* only moved notes keep their old fingerprint */
            free(fps.items[i]);
            fps.items[i] = NULL;
        }
    }
    save_back(st, article, by_path, out, fps.items, any_placed);
    for (size_t i = 0; i < fps.len; i++)
        free(fps.items[i]);
    vec_free(&fps);
    if (out->len > 1)           /* items is NULL when empty: qsort's nonnull (UBSan) */
        qsort(out->items, out->len, sizeof *out->items, by_place);
    return NOTES_OK;
}

/* --- changes ------------------------------------------------------------- */

static notes_rc begin_write(notes_store_t *st, const char *what)
{
    st->err[0] = '\0';
    if (st->readonly) {
        char m[128];
        snprintf(m, sizeof m, "cannot %s: the notes database is read-only", what);
        return fail_with(st, NOTES_READONLY, m);
    }
    if (exec(st, "BEGIN IMMEDIATE") != SQLITE_OK)
        return db_fail(st, what);
    return NOTES_OK;
}

static notes_rc commit(notes_store_t *st, const char *what)
{
    if (exec(st, "COMMIT") != SQLITE_OK) {
        notes_rc rc = db_fail(st, what);
        rollback(st);
        return rc;
    }
    return NOTES_OK;
}

static notes_rc abort_write(notes_store_t *st, const char *what)
{
    notes_rc rc = db_fail(st, what);
    rollback(st);
    return rc;
}

/* The speaker of the innermost attributed quote that holds the whole span. */
static const char *speaker_of(const doc_t *doc, span_t span)
{
    for (int q = doc_quote_at(doc, span.start); q >= 0; q = doc->quotes.items[q].parent) {
        const quote_t *qt = &doc->quotes.items[q];
        uint32_t end = span_is_empty(qt->close_mark) ? qt->span.end : qt->close_mark.end;
        if (qt->speaker >= 0 && (size_t)qt->speaker < doc->entities.len && span.end <= end)
            return doc->entities.items[qt->speaker].name;
    }
    return NULL;
}

notes_rc notes_add(notes_store_t *st, span_t span, const char *speaker, const char *body, int64_t *id)
{
    static const char what[] = "save the note";
    const doc_t *doc = st->doc;
    *id = 0;
    if (!doc)
        return fail_with(st, NOTES_INVALID, "no article to add a note to");
    if (span_is_empty(span) || span.end > doc->len || is_cont((unsigned char)doc->text[span.start]) ||
        (span.end < doc->len && is_cont((unsigned char)doc->text[span.end])))
        return fail_with(st, NOTES_INVALID, "cannot save the note: no passage selected");
    if (!body)
        body = "";
    if (!speaker)
        speaker = speaker_of(doc, span);
    notes_rc r = begin_write(st, what);
    if (r != NOTES_OK)
        return r;
    char now[21];
    now_iso(now);
    int64_t article;
    bool by_path;
    int rc = find_article(st, &article, &by_path);
    if (rc == SQLITE_OK && !article) {
        sqlite3_stmt *s = prepare(st, "INSERT INTO articles(fingerprint, created) VALUES (?1, ?2)", &rc);
        if (rc == SQLITE_OK) {
            bind_text(s, 1, st->fp);
            bind_text(s, 2, now);
            rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
            sqlite3_finalize(s);
            article = sqlite3_last_insert_rowid(st->db);
        }
    }
    if (rc == SQLITE_OK)
        rc = remember_path(st, article);
    if (rc != SQLITE_OK)
        return abort_write(st, what);
    note_t n = {0};
    selectors(doc, span.start, span.end, &n);
    sqlite3_stmt *s = prepare(st,
        "INSERT INTO notes(article_id, fingerprint, exact, prefix, suffix, cp_start, cp_end, speaker,"
        " body, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)", &rc);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, article);
        bind_text(s, 2, st->fp);
        bind_text(s, 3, n.exact);
        bind_text(s, 4, n.prefix);
        bind_text(s, 5, n.suffix);
        sqlite3_bind_int64(s, 6, (sqlite3_int64)n.cp_start);
        sqlite3_bind_int64(s, 7, (sqlite3_int64)n.cp_end);
        bind_text(s, 8, speaker && *speaker ? speaker : NULL);
        bind_text(s, 9, body);
        bind_text(s, 10, now);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(st->db);
        sqlite3_finalize(s);
    }
    note_clear(&n);
    if (rc != SQLITE_OK)
        return abort_write(st, what);
    int64_t new_id = sqlite3_last_insert_rowid(st->db);
    if ((r = commit(st, what)) != NOTES_OK)
        return r;
    *id = new_id;
    return NOTES_OK;
}

/* One UPDATE or DELETE of a note by id, in its own transaction. */
static notes_rc change_note(notes_store_t *st, const char *sql, int64_t id, const char *body,
                            const char *what)
{
    notes_rc r = begin_write(st, what);
    if (r != NOTES_OK)
        return r;
    char now[21];
    now_iso(now);
    int rc;
    sqlite3_stmt *s = prepare(st, sql, &rc);
    if (rc != SQLITE_OK)
        return abort_write(st, what);
    sqlite3_bind_int64(s, 1, id);
    if (body) {
        bind_text(s, 2, body);
        bind_text(s, 3, now);
    }
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return abort_write(st, what);
    if (sqlite3_changes(st->db) == 0) {
        rollback(st);
        char m[128];
        snprintf(m, sizeof m, "cannot %s: the note no longer exists (deleted elsewhere?)", what);
        return fail_with(st, NOTES_GONE, m);
    }
    return commit(st, what);
}

notes_rc notes_edit(notes_store_t *st, int64_t id, const char *body)
{
    return change_note(st, "UPDATE notes SET body = ?2, updated = ?3 WHERE id = ?1", id, body ? body : "",
                       "save the note");
}

notes_rc notes_delete(notes_store_t *st, int64_t id)
{
    return change_note(st, "DELETE FROM notes WHERE id = ?1", id, NULL, "delete the note");
}

/* --- every annotated article --------------------------------------------- */

void notes_article_list_free(notes_article_list_t *list)
{
    for (size_t i = 0; i < list->len; i++)
        free(list->items[i].paths);
    vec_free(list);
}

notes_rc notes_list_articles(notes_store_t *st, notes_article_list_t *out)
{
    notes_article_list_free(out);
    st->err[0] = '\0';
    int rc;
    sqlite3_stmt *s = prepare(st,
        "SELECT a.id, a.fingerprint, COUNT(n.id), MAX(n.updated),"
        " (SELECT group_concat(path, char(10)) FROM"
        "   (SELECT path FROM paths p WHERE p.article_id = a.id ORDER BY p.last_opened DESC, p.path))"
        " FROM articles a JOIN notes n ON n.article_id = a.id"
        " GROUP BY a.id ORDER BY MAX(n.updated) DESC, a.id DESC", &rc);
    if (rc != SQLITE_OK)
        return db_fail(st, "read the notes");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        notes_article_t a = {.id = sqlite3_column_int64(s, 0)};
        col_copy(s, 1, a.fingerprint, sizeof a.fingerprint);
        a.nnotes = (size_t)sqlite3_column_int64(s, 2);
        col_copy(s, 3, a.updated, sizeof a.updated);
        a.paths = col_text(s, 4);
        if (!a.paths)
            a.paths = xstrdup("");
        vec_push(out, a);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        notes_article_list_free(out);
        return db_fail(st, "read the notes");
    }
    return NOTES_OK;
}
