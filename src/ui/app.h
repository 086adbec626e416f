/* app.h — stub. */
#ifndef QUOTH_APP_H
#define QUOTH_APP_H
#endif
