/*
 * A hostile stick (a folder standing in for the mount point): symlinks pointing outside the
 * stick, a symlinked vitrine/ folder, FIFOs (must not hang: an alarm fails the test if one
 * blocks), a device node when the test may create one, a directory in place of the pack, ".."
 * and absolute names, a pack above the size limit, a pack that grows, shrinks or is rewritten
 * while it is read (an injected read hook), a failing read, and thousands of files. Each is
 * refused with its reason; the store's packs, the stick and the folder the links point to are
 * byte-identical afterwards.
 */
#include "buf.h"
#include "import.h"
#include "import_fixture.h"
#include "stick.h"
#include "vt_test.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static FxWorld w;

static VtReason install_io(const char *stick, const VtIo *io, VtImportResult *res)
{
    char *store = fx_world_store_with(&w, 0);
    VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = io, .now = 7};
    char *before = fx_hash_tree(store, 1);
    VtReason r = import_install(&cfg, stick, res);
    char *after = fx_hash_tree(store, 1);
    if (r != VT_REASON_OK) {
        CHECK_STR(after, before);
        CHECK(!fx_has_leftovers(store));
    }
    free(store), free(before), free(after);
    return r;
}

/* Refused with want, and neither the stick nor the outside folder changed. */
static void expect(const char *stick, VtReason want)
{
    char *outside = fx_join(w.dir, "outside");
    char *sb = fx_hash_tree(stick, 0), *ob = fx_hash_tree(outside, 0);
    VtImportResult res;
    CHECK_INT(install_io(stick, &w.io, &res), want);
    char *sa = fx_hash_tree(stick, 0), *oa = fx_hash_tree(outside, 0);
    CHECK_STR(sa, sb);
    CHECK_STR(oa, ob);
    if (res.reason != want)
        fprintf(stderr, "  stick %s: %s\n", stick, res.detail);
    free(outside), free(sb), free(ob), free(sa), free(oa);
}

/* A stick whose vitrine/ holds the valid v2 files, then `name` replaced by nothing. */
static char *stick_without(const char *tag, const char *name)
{
    VtBuf b = {0};
    buf_printf(&b, "%s/%s-stick", w.dir, tag);
    char *pack = fx_join(w.dir, "v2.vpack"), *sig = fx_join(w.dir, "v2.minisig");
    fx_make_stick(b.data, pack, sig);
    char *victim = fx_join(b.data, name);
    unlink(victim);
    free(pack), free(sig), free(victim);
    return buf_take(&b);
}

static void symlinks_refused(void)
{
    char *outside = fx_join(w.dir, "outside");
    char *opack = fx_join(outside, "content.vpack"),
         *osig = fx_join(outside, "content.vpack.minisig");
    char *s = stick_without("lnpack", "vitrine/content.vpack");
    char *l = fx_join(s, "vitrine/content.vpack");
    CHECK(symlink(opack, l) == 0);
    expect(s, VT_REASON_NOT_REGULAR);
    free(s), free(l);
    s = stick_without("lnsig", "vitrine/content.vpack.minisig");
    l = fx_join(s, "vitrine/content.vpack.minisig");
    CHECK(symlink(osig, l) == 0);
    expect(s, VT_REASON_NOT_REGULAR);
    free(s), free(l);
    s = stick_without("lnetc", "vitrine/content.vpack");
    l = fx_join(s, "vitrine/content.vpack");
    CHECK(symlink("/etc/passwd", l) == 0);
    expect(s, VT_REASON_NOT_REGULAR);
    free(s), free(l);
    s = fx_join(w.dir, "lndir-stick");
    l = fx_join(s, "vitrine");
    mkdir(s, 0755);
    CHECK(symlink(outside, l) == 0); /* a valid pack and signature live there */
    expect(s, VT_REASON_NOT_REGULAR);
    free(s), free(l), free(outside), free(opack), free(osig);
}

static void special_files_refused(void)
{
    const char *names[] = {"vitrine/content.vpack", "vitrine/content.vpack.minisig"};
    for (int i = 0; i < 2; i++) {
        char tag[16];
        snprintf(tag, sizeof tag, "fifo%d", i);
        char *s = stick_without(tag, names[i]), *f = fx_join(s, names[i]);
        CHECK(mkfifo(f, 0644) == 0);
        alarm(20); /* a blocking open or read would hang here: fail loudly instead */
        expect(s, VT_REASON_NOT_REGULAR);
        alarm(0);
        free(s), free(f);
    }
    char *s = stick_without("dev", names[0]), *f = fx_join(s, names[0]);
    if (mknod(f, S_IFCHR | 0644, makedev(1, 5)) == 0) /* like /dev/zero: endless */
        expect(s, VT_REASON_NOT_REGULAR);
    else
        printf("note: cannot create device nodes here (%s); device case not run\n",
               strerror(errno));
    free(s), free(f);
    s = stick_without("dir", names[0]);
    f = fx_join(s, names[0]);
    mkdir(f, 0755);
    expect(s, VT_REASON_NOT_REGULAR);
    free(s), free(f);
}

static void unsafe_names_refused(void)
{
    const char *bad[] = {"",          "/etc/passwd",
                         "../x",      "vitrine/../../etc/passwd",
                         "./vitrine", "vitrine//content.vpack",
                         "vitrine/",  "a/b/c/d/e/f/g/h/i",
                         ".."};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK_INT(stick_name_ok(bad[i]), 0);
    CHECK_INT(stick_name_ok(VT_STICK_PACK_NAME), 1);
    CHECK_INT(stick_name_ok("..."), 1); /* an odd but harmless name */
    char err[128];
    int root = stick_open_root(w.dir, err, sizeof err);
    struct stat st;
    VtReason why = VT_REASON_OK;
    CHECK_INT(stick_open(&w.io, root, "../etc/passwd", &st, &why, err, sizeof err), -1);
    CHECK_INT(why, VT_REASON_BAD_NAME);
    CHECK_INT(stick_open(&w.io, root, "/etc/passwd", &st, &why, err, sizeof err), -1);
    CHECK_INT(why, VT_REASON_BAD_NAME);
    close(root);
}

static void too_large_refused(void)
{
    char *s = stick_without("big", "vitrine/content.vpack"),
         *f = fx_join(s, "vitrine/content.vpack");
    int fd = open(f, O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0 && ftruncate(fd, (off_t)VT_IMPORT_DEFAULT_MAX_SIZE + 1) == 0); /* sparse */
    close(fd);
    expect(s, VT_REASON_TOO_LARGE);
    free(s), free(f);
}

/* A read hook that changes the pack on the stick once, during the first read of it. */
typedef struct {
    VtIo sys;
    ino_t pack_ino;
    const char *pack_path;
    int mode; /* 0 grow, 1 shrink, 2 rewrite in place, 3 fail with EIO */
    int done;
} VtMutator;

static ssize_t mutating_read(void *ctx, int fd, void *buf, size_t n)
{
    VtMutator *m = ctx;
    struct stat st;
    if (m->done || fstat(fd, &st) != 0 || st.st_ino != m->pack_ino)
        return m->sys.read(m->sys.ctx, fd, buf, n);
    m->done = 1;
    if (m->mode == 3) {
        errno = EIO;
        return -1;
    }
    int w2 = open(m->pack_path, O_WRONLY | (m->mode == 0 ? O_APPEND : 0));
    if (m->mode == 0)
        (void)!write(w2, "more", 4);
    else if (m->mode == 1)
        (void)!ftruncate(w2, st.st_size / 2);
    else
        (void)!pwrite(w2, "X", 1, st.st_size - 1);
    close(w2);
    return m->sys.read(m->sys.ctx, fd, buf, n);
}

static void changing_pack_refused(void)
{
    const VtReason want[] = {VT_REASON_CHANGED, VT_REASON_CHANGED, VT_REASON_CHANGED,
                             VT_REASON_READ_FAILED};
    for (int mode = 0; mode < 4; mode++) {
        char tag[16];
        snprintf(tag, sizeof tag, "mut%d", mode);
        char *s = stick_without(tag, "nothing"), *f = fx_join(s, "vitrine/content.vpack");
        struct stat st;
        stat(f, &st);
        VtMutator m = {.sys = io_system(), .pack_ino = st.st_ino, .pack_path = f, .mode = mode};
        VtIo io = io_system();
        io.ctx = &m;
        io.read = mutating_read;
        VtImportResult res;
        CHECK_INT(install_io(s, &io, &res), want[mode]);
        CHECK_INT(m.done, 1);
        free(s), free(f);
    }
}

static void thousands_of_files_harmless(void)
{
    char *s = stick_without("many", "nothing");
    for (int i = 0; i < 3000; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s/junk-%04d.vpack", s, i);
        fx_write_file(name, "x", 1);
        snprintf(name, sizeof name, "%s/vitrine/x%04d", s, i);
        fx_write_file(name, "y", 1);
    }
    VtImportResult res;
    CHECK_INT(install_io(s, &w.io, &res), VT_REASON_OK);
    free(s);
}

static void missing_mount_point_refused(void)
{
    char *s = fx_join(w.dir, "no-such-mount");
    VtImportResult res;
    CHECK_INT(install_io(s, &w.io, &res), VT_REASON_READ_FAILED);
    free(s);
}

static int setup(void)
{
    if (fx_world_init(&w) != 0)
        return -1;
    char *outside = fx_join(w.dir, "outside"), *pack = fx_join(w.dir, "v2.vpack");
    char *sig = fx_join(w.dir, "v2.minisig"), *op = fx_join(outside, "content.vpack");
    char *os = fx_join(outside, "content.vpack.minisig");
    int rc = mkdir(outside, 0755) || fx_copy_file(pack, op) || fx_copy_file(sig, os);
    free(outside), free(pack), free(sig), free(op), free(os);
    return rc ? -1 : 0;
}

int main(void)
{
    if (setup() != 0) {
        fprintf(stderr, "setup failed\n");
        return 1;
    }
    RUN(symlinks_refused);
    RUN(special_files_refused);
    RUN(unsafe_names_refused);
    RUN(too_large_refused);
    RUN(changing_pack_refused);
    RUN(thousands_of_files_harmless);
    RUN(missing_mount_point_refused);
    fx_world_free(&w);
    return vt_test_finish();
}
