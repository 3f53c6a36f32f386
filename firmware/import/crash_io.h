/*
 * crash_io: a VtIo wrapper that ends the process abruptly at a chosen step, for the crash
 * safety test.
 *
 * vitrine-import wraps its I/O with it only when the environment variable VITRINE_CRASH_AT=N
 * is set (the service never sets it): every mkdir, write, fsync, rename, link and unlink
 * counts as one step, and just before step N the process calls _exit(VT_CRASH_EXIT) without
 * any cleanup, exactly as if the power had gone at that point (from the file system's view of
 * a killed process). The test driver (tests/import/test_crash.c) runs N = 1, 2, ... until a
 * run completes, then random N and random-time SIGKILLs, and checks the store after each.
 */
#ifndef VT_CRASH_IO_H
#define VT_CRASH_IO_H

#include "io.h"

#define VT_CRASH_EXIT 86

typedef struct {
    VtIo inner;
    long at;    /* the step to die at, from 1 */
    long steps; /* steps taken so far */
} VtCrashIo;

/* Returns an io that counts steps into c and forwards to inner (copied into c). c must outlive
 * the returned table. Never fails. */
VtIo crash_io_wrap(VtCrashIo *c, const VtIo *inner, long at);

#endif
