/*
 * script_check: the command parser of the script interpreter and its expectations, kept apart
 * from the clock and pointer plumbing in script.c.
 */
#ifndef VT_SCRIPT_CHECK_H
#define VT_SCRIPT_CHECK_H

#include "app.h"

typedef struct {
    unsigned long frames, textures, glyphs, builds;
    unsigned long draws; /* draw calls */
    long rss_kib;        /* resident memory now */
    long fds;            /* open descriptors now */
} VtCounters;

typedef struct {
    VtApp *app;
    uint64_t now; /* the virtual clock, ms */
    int line;
    VtCounters mark;
    const char *path;
} VtScriptState;

/* Executes one script line; returns 0, or 1 after printing `path:line: reason`. */
int script_exec(VtScriptState *s, char *line);
void script_mark(VtScriptState *s);

/* Actions, in script.c. Coordinates are window pixels. */
void script_tap(VtScriptState *s, float x, float y, int hold_ms);
void script_drag(VtScriptState *s, float x1, float y1, float x2, float y2, int ms, int fling);
void script_key(VtScriptState *s, VtKey k);
void script_wait(VtScriptState *s, uint64_t ms);
void script_finger(VtScriptState *s, long id, VtPtrType type, float x, float y);

#endif
