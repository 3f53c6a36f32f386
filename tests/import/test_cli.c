/*
 * vitrine-import as a program (argv[1] is its path): --help and --version, usage errors, and
 * the documented exit codes and stdout sentences of install, rollback and status.
 */
#include "buf.h"
#include "import_fixture.h"
#include "vt_test.h"

#include <stdlib.h>

static FxWorld w;
static const char *prog;

/* Runs prog with up to 8 arguments; returns the exit code, stdout in *out. */
static int run(char **out, const char *a0, const char *a1, const char *a2, const char *a3,
               const char *a4, const char *a5, const char *a6, const char *a7)
{
    const char *argv[] = {prog, a0, a1, a2, a3, a4, a5, a6, a7, NULL};
    return fx_run_output(argv, out);
}

static void help_and_version(void)
{
    char *out = NULL;
    CHECK_INT(run(&out, "--help", 0, 0, 0, 0, 0, 0, 0), 0);
    CHECK(strstr(out, "Usage: vitrine-import") != NULL);
    CHECK(strstr(out, "Exit codes") != NULL);
    free(out);
    CHECK_INT(run(&out, "--version", 0, 0, 0, 0, 0, 0, 0), 0);
    CHECK_STR(out, "vitrine-import " VITRINE_VERSION "\n");
    free(out);
}

static void usage_errors(void)
{
    char *out = NULL;
    const char *cases[][3] = {{NULL, NULL, NULL},
                              {"install", NULL, NULL},
                              {"frobnicate", NULL, NULL},
                              {"--bogus", "status", NULL},
                              {"status", "extra", NULL},
                              {"--max-size", "-5", "status"},
                              {"--max-size", "12x", "status"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CHECK_INT(run(&out, cases[i][0], cases[i][1], cases[i][2], 0, 0, 0, 0, 0), 2);
        free(out);
    }
}

static void commands_and_exit_codes(void)
{
    char *store = fx_world_store(&w), *out = NULL;
    char *k1 = fx_join(w.dir, "k1.pub"), *s1 = fx_join(w.dir, "v1-stick");
    char *s2 = fx_join(w.dir, "v2-stick"), *empty = fx_join(w.dir, "empty");
    fx_make_stick(empty, NULL, NULL);
    CHECK_INT(run(&out, "--store", store, "status", 0, 0, 0, 0, 0), 0);
    CHECK_STR(out, "No update has been imported yet.\ninstalled: none\n");
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", k1, "install", s1, 0, 0), 0);
    CHECK_STR(out, "Content updated to version 1\n");
    free(out);
    CHECK_INT(run(&out, "--store", store, "rollback", 0, 0, 0, 0, 0), 1);
    CHECK_STR(out, "Rollback refused: there is no previous content\n");
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", k1, "install", s1, 0, 0), 1);
    CHECK_STR(out, "Update refused: version 1 is not newer than the installed version 1\n");
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", k1, "install", empty, 0, 0), 4);
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", s1, "install", s2, 0, 0), 3); /* no key */
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", k1, "--max-size", "4096", "install", s2), 1);
    CHECK_STR(out, "Update refused: the content pack is too large\n");
    free(out);
    CHECK_INT(run(&out, "--store", store, "--keys", k1, "install", s2, 0, 0), 0);
    free(out);
    CHECK_INT(run(&out, "--store", store, "status", 0, 0, 0, 0, 0), 0);
    CHECK(strncmp(out, "Content updated to version 2\nresult: ok\nversion: 2\ntime: ", 57) == 0);
    CHECK(strstr(out, "installed: version 2\n") != NULL);
    free(out);
    CHECK_INT(run(&out, "--store", store, "rollback", 0, 0, 0, 0, 0), 0);
    CHECK_STR(out, "Content rolled back to version 1\n");
    free(out);
    free(store), free(k1), free(s1), free(s2), free(empty);
}

/* Issue 11, item 9: --keys with a file holding two keys, or the secret key file, exited 3
 * with nothing on stdout and no status. Now: one staff line naming the problem, the no-keys
 * status recorded, exit 3. */
static void unusable_key_file_is_reported(void)
{
    char *store = fx_world_store(&w), *out = NULL, *s1 = fx_join(w.dir, "v1-stick");
    char *k1 = fx_join(w.dir, "k1.pub"), *k2 = fx_join(w.dir, "k2.pub");
    char *two = fx_join(w.dir, "two.pub"), *secret = fx_join(w.dir, "k1.key");
    size_t l1 = 0, l2 = 0;
    char *a = fx_read_file(k1, &l1), *b = fx_read_file(k2, &l2);
    VtBuf both = {0};
    buf_append(&both, a, l1);
    buf_append(&both, b, l2);
    CHECK_INT(fx_write_file(two, both.data, both.len), 0);
    const char *files[] = {two, secret};
    const char *why[] = {"more than one key", "a minisign secret key, not a public key"};
    for (size_t i = 0; i < 2; i++) {
        CHECK_INT(run(&out, "--store", store, "--keys", files[i], "install", s1, 0, 0), 3);
        CHECK(strncmp(out, "Update failed: a trusted key file cannot be used: ", 50) == 0);
        CHECK(strstr(out, files[i]) != NULL);
        CHECK(strstr(out, why[i]) != NULL);
        CHECK(strchr(out, '\n') == out + strlen(out) - 1); /* one line */
        free(out);
        CHECK_INT(run(&out, "--store", store, "status", 0, 0, 0, 0, 0), 0);
        CHECK(strstr(out, "result: no-keys\n") != NULL);
        CHECK(strstr(out, "installed: none\n") != NULL);
        free(out);
    }
    buf_free(&both);
    free(a), free(b), free(store), free(s1), free(k1), free(k2), free(two), free(secret);
}

int main(int argc, char **argv)
{
    if (argc != 2 || fx_world_init(&w) != 0) {
        fprintf(stderr, "usage: test_cli PATH-TO-vitrine-import (and minisign installed)\n");
        return 1;
    }
    prog = argv[1];
    RUN(help_and_version);
    RUN(usage_errors);
    RUN(commands_and_exit_codes);
    RUN(unusable_key_file_is_reported);
    fx_world_free(&w);
    return vt_test_finish();
}
