/*
 * Crash safety of the store, with the real program (argv[1] is vitrine-import): it is killed
 * at 1000+ points and after each kill a fresh look at the store must find a complete, valid
 * current.vpack holding the old or the new version, never neither.
 *
 * Three scenes: install v2 over v1 (no previous yet), install v3 over v2 (previous v1 replaced),
 * and rollback. First every step of each is hit in order (VITRINE_CRASH_AT=1, 2, ... until a
 * run completes, see crash_io.h), then random steps and SIGKILLs at random times within a run's
 * measured duration, until at least 1000 kills. Every tenth crash is followed by an uncrashed
 * run of the same command, which must end in the new state with no staging left over.
 * The random seed is printed; set VITRINE_CRASH_SEED to replay one.
 */
#include "buf.h"
#include "crash_io.h"
#include "import.h"
#include "import_fixture.h"
#include "pack_check.h"
#include "packinfo.h"
#include "store_sig.h"
#include "vt_test.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MIN_KILLS 1000

typedef struct {
    const char *name;
    char *template_store; /* the state before the command */
    char *stick;          /* NULL for rollback */
    int64_t old_v, new_v;
    int steps;   /* steps of an uncrashed run */
    long run_us; /* duration of an uncrashed run */
} VtScene;

static FxWorld w;
static const char *prog;
static char *run_store, *k1;

static long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

static void reset_store(const VtScene *s)
{
    static const char *const files[] = {"current.vpack", "previous.vpack", "status"};
    fx_rm_rf(run_store);
    mkdir(run_store, 0755);
    for (int i = 0; i < 3; i++) {
        char *src = fx_join(s->template_store, files[i]), *dst = fx_join(run_store, files[i]);
        if (access(src, F_OK) == 0)
            fx_copy_file(src, dst);
        free(src), free(dst);
    }
    /* the installed packs' signatures (store_sig.h) */
    char *from = fx_join(s->template_store, "sig"), *to = fx_join(run_store, "sig");
    DIR *d = opendir(from);
    struct dirent *e;
    if (d)
        mkdir(to, 0755);
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *src = fx_join(from, e->d_name), *dst = fx_join(to, e->d_name);
        fx_copy_file(src, dst);
        free(src), free(dst);
    }
    if (d)
        closedir(d);
    free(from), free(to);
}

/* Starts the command; crash_at > 0 sets VITRINE_CRASH_AT. Returns the child's pid. */
static pid_t start(const VtScene *s, long crash_at)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    char at[32];
    snprintf(at, sizeof at, "%ld", crash_at);
    if (crash_at > 0)
        setenv("VITRINE_CRASH_AT", at, 1);
    else
        unsetenv("VITRINE_CRASH_AT");
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    if (s->stick)
        execl(prog, prog, "--store", run_store, "--keys", k1, "install", s->stick, (char *)0);
    else
        execl(prog, prog, "--store", run_store, "rollback", (char *)0);
    _exit(127);
}

static int wait_child(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return status;
}

/* The invariant, read the way a freshly started kiosk would. */
static void check_store(const VtScene *s, const char *how)
{
    char *cur = fx_join(run_store, "current.vpack"), *prev = fx_join(run_store, "previous.vpack");
    char err[256] = "";
    int64_t v = 0;
    int valid = pack_check_path(cur, err, sizeof err) == 0 &&
                packinfo_version(cur, &v, err, sizeof err) == 0;
    CHECK(valid);
    CHECK(v == s->old_v || v == s->new_v);
    /* its signature is there whenever it is current: written before the commit rename */
    char why[300] = "";
    CHECK_INT(store_sig_verify(run_store, cur, &w.keys, why, sizeof why), VT_STORE_SIG_VERIFIED);
    if (access(prev, F_OK) == 0)
        CHECK_INT(pack_check_path(prev, err, sizeof err), 0);
    if (vt_test_checks_failed_)
        fprintf(stderr, "  after %s in %s: version %lld (%s; %s)\n", how, s->name, (long long)v,
                err, why);
    free(cur), free(prev);
}

/* An uncrashed run after a crash must finish the job and clean up. */
static void check_recovery(const VtScene *s)
{
    int st = wait_child(start(s, 0));
    CHECK(WIFEXITED(st));
    char *cur = fx_join(run_store, "current.vpack");
    char err[256];
    int64_t v = 0;
    packinfo_version(cur, &v, err, sizeof err);
    if (s->stick) /* rollback toggles, so only an install has a fixed end state */
        CHECK_INT(v, s->new_v);
    CHECK(!fx_has_leftovers(run_store));
    free(cur);
}

static int kill_at_step(const VtScene *s, long n, int *kills)
{
    reset_store(s);
    int st = wait_child(start(s, n));
    int crashed = WIFEXITED(st) && WEXITSTATUS(st) == VT_CRASH_EXIT;
    char how[64];
    snprintf(how, sizeof how, "crash at step %ld", n);
    check_store(s, how);
    if (crashed && ++*kills % 10 == 0)
        check_recovery(s);
    return crashed;
}

static void kill_at_time(const VtScene *s, long delay_us, int *kills, int *landed)
{
    reset_store(s);
    pid_t pid = start(s, 0);
    struct timespec d = {delay_us / 1000000L, (delay_us % 1000000L) * 1000L};
    nanosleep(&d, NULL);
    kill(pid, SIGKILL);
    int st = wait_child(pid);
    if (WIFSIGNALED(st))
        (*landed)++;
    check_store(s, "SIGKILL");
    if (++*kills % 10 == 0)
        check_recovery(s);
}

/* Hits every step in order; records the step count and an uncrashed run's duration. */
static void every_step(VtScene *s, int *kills)
{
    long n = 1;
    while (kill_at_step(s, n, kills) && n < 1000)
        n++;
    s->steps = (int)n - 1;
    reset_store(s);
    long t0 = now_us();
    int st = wait_child(start(s, 0));
    s->run_us = now_us() - t0;
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    printf("%s: %d steps, an uncrashed run takes %ld us\n", s->name, s->steps, s->run_us);
    CHECK(s->steps >= 8);
}

static VtScene *scenes;
static const int nscenes = 3;

static void crash_anywhere(void)
{
    const char *seed_env = getenv("VITRINE_CRASH_SEED");
    unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
    printf("seed %u (VITRINE_CRASH_SEED to replay)\n", seed);
    srand(seed);
    int kills = 0, timed = 0, landed = 0;
    for (int i = 0; i < nscenes; i++)
        every_step(&scenes[i], &kills);
    while (kills < MIN_KILLS) {
        VtScene *s = &scenes[rand() % nscenes];
        if (rand() % 2) {
            kill_at_step(s, 1 + rand() % s->steps, &kills);
        } else {
            kill_at_time(s, rand() % (s->run_us + 1), &kills, &landed);
            timed++;
        }
    }
    printf("%d kills: %d at random steps, %d at random times (%d landed mid-run)\n", kills,
           kills - timed, timed, landed);
    CHECK(kills >= MIN_KILLS);
}

static char *template_with(int n)
{
    char *store = fx_world_store_with(&w, n >= 2);
    if (store && n == 3) {
        char *s3 = fx_join(w.dir, "v3-stick");
        VtImportConfig cfg = {.store_dir = store, .keys = &w.keys, .io = &w.io, .now = 1};
        VtImportResult res;
        import_install(&cfg, s3, &res);
        free(s3);
    }
    return store;
}

int main(int argc, char **argv)
{
    if (argc != 2 || fx_world_init(&w) != 0) {
        fprintf(stderr, "usage: test_crash PATH-TO-vitrine-import (and minisign installed)\n");
        return 1;
    }
    prog = argv[1];
    run_store = fx_join(w.dir, "run-store");
    k1 = fx_join(w.dir, "k1.pub");
    char *s3 = fx_pack_stick(w.dir, "v3", 3, NULL, "k1");
    VtScene all[] = {
        {"install v2 over v1", template_with(1), fx_join(w.dir, "v2-stick"), 1, 2, 0, 0},
        {"install v3 over v2, previous v1", template_with(2), s3, 2, 3, 0, 0},
        {"rollback v2 to v1", template_with(2), NULL, 2, 1, 0, 0},
    };
    scenes = all;
    for (int i = 0; i < nscenes; i++) {
        if (!all[i].template_store) {
            fprintf(stderr, "setup failed\n");
            return 1;
        }
    }
    RUN(crash_anywhere);
    for (int i = 0; i < nscenes; i++)
        free(all[i].template_store), free(all[i].stick);
    free(run_store), free(k1);
    fx_world_free(&w);
    return vt_test_finish();
}
