/* store.c — stub. */
#include "config.h"
#include "notes/store.h"
int notes_store_stub_(void);
int notes_store_stub_(void) { return 0; }
