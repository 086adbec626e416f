/* main.c — option parsing, then hand-over to cli/ or ui/. */
#include "config.h"
#include "cli/cli.h"
#include "cli/notes_cli.h"
#include "engine/analyze.h"
#include "engine/ingest.h"
#include "exit_codes.h"
#include "ui/app.h"
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum mode { MODE_READER, MODE_JSON, MODE_QUOTES, MODE_NOTES, MODE_EXPORT_NOTES, MODE_LIST_ANNOTATED };

struct options {
    enum mode mode;
    const char *speaker;        /* --speaker */
    const char *encoding;       /* --encoding */
    const char *format;         /* --format md|json (--export-notes) */
    const char *file;           /* the article, "-" for stdin */
    struct ui_options ui;       /* --config, --theme, --no-color (reader) */
};

/* Long options without a short form. */
enum { OPT_NO_COLOR = 256, OPT_THEME, OPT_CONFIG, OPT_BENCH,
       OPT_NOTES, OPT_EXPORT_NOTES, OPT_FORMAT, OPT_LIST_ANNOTATED };

static void usage(FILE *out)
{
    fputs("Usage: quoth [OPTION]... FILE\n"
          "Read a news article in the terminal and see who said what.\n"
          "FILE - reads the article from standard input.\n"
          "\n"
          "Modes (the default opens the reader):\n"
          "  -j, --json              print the analysis as JSON\n"
          "  -q, --quotes            print the quotes, one a line, with their speakers\n"
          "  -s, --speaker=NAME      with --quotes: only the quotes of NAME (any alias,\n"
          "                          any case); exit 1 when NAME has no quotes\n"
          "\n"
          "Notes (kept in $XDG_DATA_HOME/quoth/notes.db):\n"
          "      --notes FILE        list FILE's notes: position, speaker, passage, note;\n"
          "                          notes whose passage is gone are marked ORPHAN\n"
          "      --export-notes FILE print FILE's notes as Markdown (or --format json:\n"
          "                          W3C Web Annotations)\n"
          "      --format=md|json    the format of --export-notes (default md)\n"
          "      --list-annotated    list every annotated article with its note count\n"
          "\n"
          "Reader:\n"
          "      --theme=NAME        a theme by name (themes/NAME.ini) or a path\n"
          "      --config=FILE       read FILE instead of ~/.config/quoth/config.ini\n"
          "      --no-color          attributes only, no colours (also NO_COLOR=1)\n"
          "  In the reader, h or F1 lists the keys; q quits.\n"
          "\n"
          "Input:\n"
          "  -e, --encoding=ENC      the article's encoding (default UTF-8), e.g. latin1\n"
          "\n"
          "  -h, --help              print this help and exit\n"
          "  -V, --version           print the version and exit\n"
          "\n"
          "Exit status: 0 success, 1 internal error or --speaker matched no quote,\n"
          "2 usage error, 3 file cannot be read, 4 input refused (binary, too large,\n"
          "undecodable), 5 notes store error, 6 no terminal, 7 malformed config or\n"
          "theme. See quoth(1).\n", out);
}

/* "quoth: WHAT 'ARG'" (ARG may be NULL), then where to find help. */
/* The option getopt_long rejected: a long one as written, a short one by its
 * letter alone, since it may stand in a group (-jZ). */
static const char *rejected_option(char **argv, char buf[3])
{
    const char *arg = argv[optind - 1];
    if (strncmp(arg, "--", 2) == 0 || !optopt)
        return arg;
    buf[0] = '-', buf[1] = (char)optopt, buf[2] = '\0';
    return buf;
}

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, arg ? "quoth: %s '%s'\n" : "quoth: %s\n", what, arg);
    fputs("Try 'quoth --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    static const struct option longopts[] = {
        {"json", no_argument, NULL, 'j'},
        {"quotes", no_argument, NULL, 'q'},
        {"speaker", required_argument, NULL, 's'},
        {"encoding", required_argument, NULL, 'e'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"no-color", no_argument, NULL, OPT_NO_COLOR},
        {"theme", required_argument, NULL, OPT_THEME},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"bench", required_argument, NULL, OPT_BENCH},     /* hidden: bench/reader.sh */
        {"notes", required_argument, NULL, OPT_NOTES},
        {"export-notes", required_argument, NULL, OPT_EXPORT_NOTES},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"list-annotated", no_argument, NULL, OPT_LIST_ANNOTATED},
        {NULL, 0, NULL, 0},
    };
    int c;
    char bad[3];
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":jqs:e:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'j': o->mode = MODE_JSON; break;
        case 'q': o->mode = MODE_QUOTES; break;
        case 's': o->speaker = optarg; break;
        case 'e': o->encoding = optarg; break;
        case OPT_NO_COLOR: o->ui.no_color = true; break;
        case OPT_THEME: o->ui.theme = optarg; break;
        case OPT_CONFIG: o->ui.config_path = optarg; break;
        case OPT_BENCH: o->ui.bench_keys = optarg; break;
        case OPT_NOTES: o->mode = MODE_NOTES; o->file = optarg; break;
        case OPT_EXPORT_NOTES: o->mode = MODE_EXPORT_NOTES; o->file = optarg; break;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_LIST_ANNOTATED: o->mode = MODE_LIST_ANNOTATED; break;
        case 'h': usage(stdout); exit(EXIT_OK);
        case 'V':
            puts(PACKAGE_NAME " " PACKAGE_VERSION);
            exit(EXIT_OK);
        case ':': return usage_error("this option needs an argument:", rejected_option(argv, bad));
        default: return usage_error("unknown option", rejected_option(argv, bad));
        }
    }
    if (o->speaker && o->mode != MODE_QUOTES)
        return usage_error("--speaker goes with --quotes", NULL);
    if (o->format && o->mode != MODE_EXPORT_NOTES)
        return usage_error("--format goes with --export-notes", NULL);
    if (o->format && strcmp(o->format, "md") != 0 && strcmp(o->format, "json") != 0)
        return usage_error("--format is md or json, not", o->format);
    /* --notes and --export-notes name the article themselves. */
    if (o->mode == MODE_NOTES || o->mode == MODE_EXPORT_NOTES || o->mode == MODE_LIST_ANNOTATED) {
        if (optind < argc)
            return usage_error(o->mode == MODE_LIST_ANNOTATED ? "--list-annotated takes no article:"
                                                              : "one article at a time:", argv[optind]);
        return EXIT_OK;
    }
    if (optind != argc - 1)
        return usage_error(optind >= argc ? "no article given" : "one article at a time", NULL);
    o->file = argv[optind];
    return EXIT_OK;
}

static int load(const struct options *o, doc_t **doc)
{
    char err[256], *text;
    size_t len;
    int rc = ingest_read(o->file, o->encoding, &text, &len, err, sizeof err);
    if (rc != EXIT_OK) {
        fprintf(stderr, "quoth: %s\n", err);
        return rc;
    }
    *doc = analyze(text, len, o->file);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    setlocale(LC_ALL, "");
    struct options o = {0};
    o.ui.start_time = (double)t0.tv_sec + (double)t0.tv_nsec / 1e9;
    const char *no_color = getenv("NO_COLOR");
    o.ui.no_color = no_color && *no_color;
    int rc = parse_options(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    doc_t *doc = NULL;
    if (o.mode != MODE_LIST_ANNOTATED && (rc = load(&o, &doc)) != EXIT_OK)
        return rc;
    switch (o.mode) {
    case MODE_JSON: rc = cli_json(doc, stdout); break;
    case MODE_QUOTES: rc = cli_quotes(doc, o.speaker, stdout); break;
    case MODE_READER: rc = ui_run(doc, &o.ui); break;
    case MODE_NOTES: rc = cli_notes_list(doc, stdout); break;
    case MODE_EXPORT_NOTES: rc = cli_notes_export(doc, o.format, stdout); break;
    case MODE_LIST_ANNOTATED: rc = cli_list_annotated(stdout); break;
    }
    doc_free(doc);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("quoth: write error");
        rc = EXIT_FAILURE_;
    }
    return rc;
}
