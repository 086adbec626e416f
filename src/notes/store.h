/* store.h — stub. */
#ifndef QUOTH_STORE_H
#define QUOTH_STORE_H
#endif
