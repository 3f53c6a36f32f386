/*
 * The store under failing storage: an injected VtIo makes the Nth write, fsync, rename, link,
 * unlink, mkdir or file creation fail with ENOSPC or EIO, for every N an install (and a
 * rollback) takes. After each run the store must still hold a valid current pack that is the
 * old one or the new one; a refused run must leave the packs byte-identical; a run reported as
 * OK must have the new pack current; and the next run sweeps whatever staging it left. Also:
 * the status file round trip, and store_watch reporting exactly the renames of current.vpack.
 */
#include "buf.h"
#include "import.h"
#include "import_fixture.h"
#include "pack_check.h"
#include "packinfo.h"
#include "store.h"
#include "store_status.h"
#include "store_watch.h"
#include "vt_test.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

static FxWorld w;

/* Fails the step numbered fail_at (from 1) with err; counts every step. */
typedef struct {
    VtIo sys;
    int steps, fail_at, err;
    int writes_only; /* count write() calls only */
} VtFaulty;

static int faulty_step_of(VtFaulty *f, int is_write)
{
    if (f->writes_only && !is_write)
        return 0;
    if (++f->steps == f->fail_at) {
        errno = f->err;
        return -1;
    }
    return 0;
}

static int faulty_step(VtFaulty *f) { return faulty_step_of(f, 0); }

static int f_openat(void *ctx, int d, const char *n, int flags, mode_t m)
{
    VtFaulty *f = ctx;
    if ((flags & O_CREAT) && faulty_step(f))
        return -1;
    return openat(d, n, flags, m);
}

static ssize_t f_write(void *ctx, int fd, const void *b, size_t n)
{
    return faulty_step_of(ctx, 1) ? -1 : write(fd, b, n);
}

static int f_fsync(void *ctx, int fd) { return faulty_step(ctx) ? -1 : fsync(fd); }

static int f_mkdirat(void *ctx, int d, const char *n, mode_t m)
{
    return faulty_step(ctx) ? -1 : mkdirat(d, n, m);
}

static int f_renameat(void *ctx, int od, const char *on, int nd, const char *nn)
{
    return faulty_step(ctx) ? -1 : renameat(od, on, nd, nn);
}

static int f_linkat(void *ctx, int od, const char *on, int nd, const char *nn)
{
    return faulty_step(ctx) ? -1 : linkat(od, on, nd, nn, 0);
}

static int f_unlinkat(void *ctx, int d, const char *n, int flags)
{
    return faulty_step(ctx) ? -1 : unlinkat(d, n, flags);
}

static VtIo faulty_io(VtFaulty *f, int fail_at, int err)
{
    *f = (VtFaulty){.sys = io_system(), .fail_at = fail_at, .err = err};
    VtIo io = io_system();
    io.ctx = f;
    io.openat = f_openat;
    io.write = f_write;
    io.fsync = f_fsync;
    io.mkdirat = f_mkdirat;
    io.renameat = f_renameat;
    io.linkat = f_linkat;
    io.unlinkat = f_unlinkat;
    return io;
}

static int64_t current_version(const char *store)
{
    char *cur = fx_join(store, "current.vpack");
    char err[256];
    int64_t v = 0;
    if (pack_check_path(cur, err, sizeof err) != 0 || packinfo_version(cur, &v, err, sizeof err))
        v = -1;
    free(cur);
    return v;
}

static VtReason run_op(int rollback, const char *store, const VtIo *io)
{
    VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = io, .now = 9};
    VtImportResult res;
    char *stick = fx_join(w.dir, "v2-stick");
    VtReason r = rollback ? import_rollback(&cfg, &res) : import_install(&cfg, stick, &res);
    free(stick);
    return r;
}

/* One faulty run of install (v1 -> v2) or rollback (v2 -> v1) and its checks. */
static void check_fault(int rollback, int n, int err)
{
    char *store = fx_world_store_with(&w, rollback);
    char *before = fx_hash_tree(store, 1);
    VtFaulty f;
    VtIo io = faulty_io(&f, n, err);
    VtReason r = run_op(rollback, store, &io);
    int64_t want_new = rollback ? 1 : 2, want_old = rollback ? 2 : 1;
    int64_t v = current_version(store);
    if (r == VT_REASON_OK) {
        CHECK_INT(v, want_new);
    } else {
        CHECK_INT(v, want_old);
        if (!rollback && err == ENOSPC && r != VT_REASON_NO_SPACE)
            CHECK_INT(r, VT_REASON_STORE_FAILED);
        /* Leftovers from a failed unlink are swept by the next run; then byte-identical. */
        VtStore s;
        char e[128];
        CHECK_INT(store_open(&s, store, &w.io, e, sizeof e), 0);
        store_close(&s);
        char *after = fx_hash_tree(store, 1);
        CHECK_STR(after, before);
        free(after);
    }
    CHECK(v == want_new || v == want_old);
    if (vt_test_checks_failed_)
        fprintf(stderr, "  (%s, step %d, %s: %s)\n", rollback ? "rollback" : "install", n,
                strerror(err), reason_token(r));
    free(store), free(before);
}

static int count_steps(int rollback)
{
    char *store = fx_world_store_with(&w, rollback);
    VtFaulty f;
    VtIo io = faulty_io(&f, 0, 0);
    CHECK_INT(run_op(rollback, store, &io), VT_REASON_OK);
    free(store);
    return f.steps;
}

static void faults_at_every_step(void)
{
    for (int rollback = 0; rollback < 2; rollback++) {
        int steps = count_steps(rollback);
        CHECK(steps >= (rollback ? 6 : 10));
        printf("%s: %d steps, each failed with ENOSPC and EIO\n", rollback ? "rollback" : "install",
               steps);
        for (int n = 1; n <= steps; n++) {
            check_fault(rollback, n, ENOSPC);
            check_fault(rollback, n, EIO);
        }
    }
}

static void enospc_during_copy_reported(void)
{
    char *store = fx_world_store_with(&w, 0);
    VtFaulty f;
    VtIo io = faulty_io(&f, 1, ENOSPC); /* the first write: the copy's first chunk */
    f.writes_only = 1;
    CHECK_INT(run_op(0, store, &io), VT_REASON_NO_SPACE);
    free(store);
}

static void status_round_trip(void)
{
    char *store = fx_world_store(&w);
    VtStore s;
    char err[128];
    CHECK_INT(store_open(&s, store, &w.io, err, sizeof err), 0);
    VtStoreStatus st = {.time = 1767225600, .reason = VT_REASON_NOT_NEWER, .version = 3};
    snprintf(st.message, sizeof st.message, "two\nlines");
    VtStoreStatus back;
    CHECK_INT(store_status_read(store, &back, err, sizeof err), 1);
    CHECK_INT(store_status_write(&s, &st, err, sizeof err), 0);
    CHECK_INT(store_status_read(store, &back, err, sizeof err), 0);
    CHECK_INT(back.time, 1767225600);
    CHECK_INT(back.reason, VT_REASON_NOT_NEWER);
    CHECK_INT(back.version, 3);
    CHECK_STR(back.message, "two lines");
    store_close(&s);
    char *path = fx_join(store, "status");
    fx_write_file(path, "garbage\n", 8);
    CHECK_INT(store_status_read(store, &back, err, sizeof err), -1);
    free(path), free(store);
}

static int wait_changed(VtStoreWatch *sw)
{
    struct pollfd p = {.fd = store_watch_fd(sw), .events = POLLIN};
    if (poll(&p, 1, 2000) <= 0)
        return 0;
    return store_watch_changed(sw);
}

static void watch_sees_new_current(void)
{
    char *store = fx_world_store_with(&w, 0);
    VtStoreWatch sw;
    CHECK_INT(store_watch_open(&sw, store), 0);
    CHECK_INT(store_watch_changed(&sw), 0);
    CHECK_INT(run_op(0, store, &w.io), VT_REASON_OK);
    CHECK_INT(wait_changed(&sw), 1);
    CHECK_INT(store_watch_changed(&sw), 0);
    CHECK_INT(run_op(0, store, &w.io), VT_REASON_NOT_NEWER); /* only the status changes */
    CHECK_INT(wait_changed(&sw), 0);
    CHECK_INT(run_op(1, store, &w.io), VT_REASON_OK);
    CHECK_INT(wait_changed(&sw), 1);
    fx_rm_rf(store);
    CHECK_INT(wait_changed(&sw), -1);
    store_watch_close(&sw);
    store_watch_close(&sw);
    CHECK_INT(store_watch_fd(&sw), -1);
    free(store);
}

int main(void)
{
    if (fx_world_init(&w) != 0) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    RUN(faults_at_every_step);
    RUN(enospc_during_copy_reported);
    RUN(status_round_trip);
    RUN(watch_sees_new_current);
    fx_world_free(&w);
    return vt_test_finish();
}
