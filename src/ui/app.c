/* app.c — stub. */
#include "config.h"
#include "ui/app.h"
int ui_app_stub_(void);
int ui_app_stub_(void) { return 0; }
