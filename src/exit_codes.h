/* exit_codes.h — quoth's documented exit statuses (man quoth(1), EXIT STATUS).
 * Every layer returns one of these; main() passes it to exit(). */
#ifndef QUOTH_EXIT_CODES_H
#define QUOTH_EXIT_CODES_H

enum quoth_exit {
    EXIT_OK = 0,          /* success */
    EXIT_FAILURE_ = 1,    /* an internal error (out of memory, write error) */
    EXIT_USAGE = 2,       /* bad option or argument; a usage line is printed */
    EXIT_NO_INPUT = 3,    /* the file cannot be read: missing, a directory, permission */
    EXIT_BAD_INPUT = 4,   /* the file was read but refused: binary, too large, bad encoding */
    EXIT_NOTES = 5,       /* the notes store cannot be opened or written */
    EXIT_TERMINAL = 6,    /* no terminal to draw on (reader mode) */
    EXIT_CONFIG = 7,      /* a malformed config or theme file */
};

#endif
