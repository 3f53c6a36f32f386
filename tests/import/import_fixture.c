/*
 * import_fixture: helpers for the importer's tests. Child programs run through fork/execvp
 * with an argument vector, never a shell, so odd scratch paths cannot break a command.
 */
#include "import_fixture.h"

#include "buf.h"
#include "file.h"
#include "import.h"
#include "pack_schema.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *fx_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char *tmpl = fx_join(base && base[0] ? base : "/tmp", "vt-import-XXXXXX");
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        free(tmpl);
        return NULL;
    }
    return tmpl;
}

char *fx_join(const char *a, const char *b)
{
    VtBuf buf = {0};
    buf_printf(&buf, "%s/%s", a, b);
    return buf_take(&buf);
}

static int rm_entry(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return 0;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *sub = fx_join(path, e->d_name);
            rm_entry(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        return rmdir(path);
    }
    return unlink(path);
}

void fx_rm_rf(const char *path) { rm_entry(path); }

static const char *pack_rows =
    "INSERT INTO pack VALUES (1, %lld, '2025-01-01', 'Vitrine test', 'Vitrine test', NULL, "
    "NULL);"
    "INSERT INTO document VALUES ('test-doc', 1, 'questions', 'answered', "
    "'000_5c597f463c1e1ce0.txt', 'Vragen over een proef', 'Questions about a test', "
    "'2025-01-10', '2025-02-10', 'de minister', 'the minister', NULL, NULL);"
    "INSERT INTO reference VALUES ('test-doc', 1, '2025Z00001');"
    "INSERT INTO person VALUES ('test-doc', 'asker', 1, 'A. Lid', 'XYZ', NULL, NULL);"
    "INSERT INTO person VALUES ('test-doc', 'answerer', 1, 'B. Minister', NULL, 'minister', "
    "'minister');"
    "INSERT INTO item VALUES ('test-doc', 1, 'question', 1, NULL, NULL, "
    "'Is dit een vraag over de proef?', 'Is this a question about the test?');"
    "INSERT INTO item VALUES ('test-doc', 2, 'answer', NULL, NULL, NULL, "
    "'Ja, dit is het antwoord.', 'Yes, this is the answer.');"
    "INSERT INTO answer_cover VALUES ('test-doc', 2, 1);"
    "INSERT INTO event VALUES ('test-doc/submitted', '2025-01-10', 'day', 'submitted', "
    "'Vragen gesteld', 'Questions asked', NULL, NULL, 'test-doc', NULL, NULL);"
    "INSERT INTO event VALUES ('test-doc/answered', '2025-02-10', 'day', 'answered', "
    "'Vragen beantwoord', 'Questions answered', NULL, NULL, 'test-doc', NULL, NULL);"
    "INSERT INTO about VALUES (1, 'intro', 'Over', 'About', 'Een proef.', 'A test.');";

static char *schema_sql(void)
{
    const char *src = getenv("VITRINE_SOURCE_DIR");
    char *path = fx_join(src ? src : ".", "firmware/content/schema.sql");
    char *sql = fx_read_file(path, NULL);
    if (!sql)
        fprintf(stderr, "cannot read %s (is VITRINE_SOURCE_DIR set?)\n", path);
    free(path);
    return sql;
}

int fx_make_pack(const char *path, int64_t version)
{
    char *schema = schema_sql();
    sqlite3 *db = NULL;
    int rc = -1;
    unlink(path);
    if (!schema || sqlite3_open(path, &db) != SQLITE_OK)
        goto done;
    VtBuf sql = {0};
    buf_printf(&sql, "PRAGMA application_id = %d; PRAGMA user_version = %d; BEGIN; %s ", 0x56545231,
               VT_PACK_SCHEMA_VERSION, schema);
    buf_printf(&sql, pack_rows, (long long)version);
    buf_puts(&sql, "COMMIT;");
    char *msg = NULL;
    rc = sqlite3_exec(db, buf_str(&sql), NULL, NULL, &msg) == SQLITE_OK ? 0 : -1;
    if (rc != 0)
        fprintf(stderr, "fx_make_pack: %s\n", msg ? msg : "?");
    sqlite3_free(msg);
    buf_free(&sql);
done:
    sqlite3_close(db);
    free(schema);
    return rc;
}

int fx_run(const char *const argv[], int verbose)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (!verbose) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
        }
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int fx_run_output(const char *const argv[], char **out)
{
    int fds[2];
    *out = NULL;
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(fds[1], 1);
        dup2(null, 2);
        close(fds[0]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    VtBuf b = {0};
    char chunk[4096];
    ssize_t n;
    while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
        buf_append(&b, chunk, (size_t)n);
    close(fds[0]);
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    *out = buf_take(&b);
    return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int fx_keygen(const char *dir, const char *name)
{
    VtBuf pub = {0}, key = {0};
    buf_printf(&pub, "%s/%s.pub", dir, name);
    buf_printf(&key, "%s/%s.key", dir, name);
    const char *argv[] = {"minisign", "-G", "-W", "-f", "-p", pub.data, "-s", key.data, NULL};
    int rc = fx_run(argv, 0) == 0 ? 0 : -1;
    if (rc != 0)
        fprintf(stderr, "minisign -G failed for %s\n", pub.data);
    buf_free(&pub);
    buf_free(&key);
    return rc;
}

int fx_sign(const char *dir, const char *name, const char *file, const char *sigpath,
            const char *comment, int legacy)
{
    VtBuf key = {0};
    buf_printf(&key, "%s/%s.key", dir, name);
    const char *argv[] = {
        "minisign",           "-S", "-s", key.data, "-m", file, "-x", sigpath, "-t", comment,
        legacy ? "-l" : NULL, NULL};
    int rc = fx_run(argv, 0) == 0 ? 0 : -1;
    if (rc != 0)
        fprintf(stderr, "minisign -S failed for %s\n", file);
    buf_free(&key);
    return rc;
}

int fx_make_stick(const char *stick, const char *pack, const char *sig)
{
    char *dir = fx_join(stick, "vitrine");
    char *p = fx_join(dir, "content.vpack");
    char *s = fx_join(dir, "content.vpack.minisig");
    int rc = (mkdir(stick, 0755) == 0 || errno == EEXIST) &&
                     (mkdir(dir, 0755) == 0 || errno == EEXIST) &&
                     (!pack || fx_copy_file(pack, p) == 0) && (!sig || fx_copy_file(sig, s) == 0)
                 ? 0
                 : -1;
    free(dir);
    free(p);
    free(s);
    return rc;
}

char *fx_pack_stick(const char *dir, const char *name, int64_t version, const char *comment,
                    const char *key)
{
    VtBuf pack = {0}, sig = {0}, stick = {0}, tc = {0};
    buf_printf(&pack, "%s/%s.vpack", dir, name);
    buf_printf(&sig, "%s/%s.minisig", dir, name);
    buf_printf(&stick, "%s/%s-stick", dir, name);
    if (comment)
        buf_puts(&tc, comment);
    else
        buf_printf(&tc, "vitrine-pack version %lld", (long long)version);
    int rc = fx_make_pack(pack.data, version) ||
             fx_sign(dir, key, pack.data, sig.data, tc.data, 0) ||
             fx_make_stick(stick.data, pack.data, sig.data);
    buf_free(&pack);
    buf_free(&sig);
    buf_free(&tc);
    if (rc != 0)
        buf_free(&stick);
    return rc != 0 ? NULL : buf_take(&stick);
}

int fx_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int rc = fwrite(data, 1, len, f) == len ? 0 : -1;
    return fclose(f) == 0 ? rc : -1;
}

char *fx_read_file(const char *path, size_t *len) { return file_read(path, 0, len); }

int fx_copy_file(const char *src, const char *dst)
{
    size_t len = 0;
    char *data = fx_read_file(src, &len);
    int rc = data ? fx_write_file(dst, data, len) : -1;
    free(data);
    return rc;
}

int fx_same_file(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *da = fx_read_file(a, &la), *db = fx_read_file(b, &lb);
    int same = da && db && la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

static void hash_tree(crypto_generichash_state *h, const char *dir, const char *rel,
                      int skip_status)
{
    struct dirent **list = NULL;
    int n = scandir(dir, &list, NULL, alphasort);
    for (int i = 0; i < n; i++) {
        const char *name = list[i]->d_name;
        int skip = !strcmp(name, ".") || !strcmp(name, "..") ||
                   (skip_status && !rel[0] && !strcmp(name, "status"));
        char *path = fx_join(dir, name);
        char *sub = fx_join(rel, name);
        struct stat st;
        if (!skip && lstat(path, &st) == 0) {
            char head[512];
            int hl = snprintf(head, sizeof head, "%s|%o|%lld|", sub, (unsigned)st.st_mode,
                              (long long)st.st_size);
            crypto_generichash_update(h, (const unsigned char *)head, (size_t)hl);
            if (S_ISREG(st.st_mode)) {
                size_t len = 0;
                char *data = fx_read_file(path, &len);
                crypto_generichash_update(h, (const unsigned char *)data, len);
                free(data);
            } else if (S_ISLNK(st.st_mode)) {
                char target[4096];
                ssize_t tl = readlink(path, target, sizeof target);
                crypto_generichash_update(h, (const unsigned char *)target,
                                          tl > 0 ? (size_t)tl : 0);
            } else if (S_ISDIR(st.st_mode)) {
                hash_tree(h, path, sub, skip_status);
            }
        }
        free(path);
        free(sub);
        free(list[i]);
    }
    free(list);
}

char *fx_hash_tree(const char *dir, int skip_status)
{
    crypto_generichash_state h;
    unsigned char out[32];
    char *hex = malloc(65);
    if (sodium_init() < 0 || !hex)
        abort();
    crypto_generichash_init(&h, NULL, 0, sizeof out);
    hash_tree(&h, dir, "", skip_status);
    crypto_generichash_final(&h, out, sizeof out);
    sodium_bin2hex(hex, 65, out, sizeof out);
    return hex;
}

int fx_has_leftovers(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;
    while (d && (e = readdir(d)) != NULL) {
        if (!strncmp(e->d_name, ".staging-", 9) || !strcmp(e->d_name, ".status.tmp"))
            found = 1;
    }
    if (d)
        closedir(d);
    return found;
}

int fx_world_init(FxWorld *w)
{
    memset(w, 0, sizeof *w);
    w->io = io_system();
    w->dir = fx_tmpdir();
    if (sodium_init() < 0 || !w->dir || fx_keygen(w->dir, "k1") || fx_keygen(w->dir, "k2") ||
        fx_keygen(w->dir, "k3"))
        return -1;
    char err[256];
    char *k1 = fx_join(w->dir, "k1.pub"), *k2 = fx_join(w->dir, "k2.pub");
    int rc = keyring_add_file(&w->keys, k1, err, sizeof err) ||
             keyring_add_file(&w->keys, k2, err, sizeof err);
    free(k1);
    free(k2);
    char *s1 = fx_pack_stick(w->dir, "v1", 1, NULL, "k1");
    char *s2 = fx_pack_stick(w->dir, "v2", 2, NULL, "k1");
    rc = rc || !s1 || !s2;
    free(s1);
    free(s2);
    return rc ? -1 : 0;
}

char *fx_world_store(FxWorld *w)
{
    VtBuf b = {0};
    buf_printf(&b, "%s/store-%d", w->dir, ++w->stores);
    return buf_take(&b);
}

char *fx_world_store_with(FxWorld *w, int two)
{
    char *store = fx_world_store(w);
    VtImportConfig cfg = {.store_dir = store, .keys = &w->keys, .io = &w->io, .now = 1};
    VtImportResult res;
    char *s1 = fx_join(w->dir, "v1-stick"), *s2 = fx_join(w->dir, "v2-stick");
    int ok = import_install(&cfg, s1, &res) == VT_REASON_OK &&
             (!two || import_install(&cfg, s2, &res) == VT_REASON_OK);
    free(s1);
    free(s2);
    if (!ok) {
        fprintf(stderr, "could not prepare %s: %s\n", store, res.detail);
        abort(); /* every caller needs the store; a clear stop beats a cascade */
    }
    return store;
}

void fx_world_free(FxWorld *w)
{
    if (w->dir)
        fx_rm_rf(w->dir);
    free(w->dir);
    w->dir = NULL;
}
