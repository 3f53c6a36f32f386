/*
 * pack_fixture: plain POSIX file operations, depth-first; the fixtures are a few small files.
 */
#include "pack_fixture.h"

#include "buf.h"
#include "file.h"
#include "pack_build.h"
#include "source_parse.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *fixture_tmpdir(void)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/vt-pack-test-XXXXXX");
    if (!mkdtemp(path)) {
        perror("mkdtemp");
        abort();
    }
    return path;
}

char *fixture_read(const char *path, size_t *len) { return file_read(path, 0, len); }

int fixture_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, len, f) == len;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

int fixture_copy(const char *from, const char *to)
{
    struct stat st;
    if (stat(from, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        size_t len = 0;
        char *data = fixture_read(from, &len);
        int rc = data ? fixture_write(to, data, len) : -1;
        free(data);
        return rc;
    }
    if (mkdir(to, 0755) != 0)
        return -1;
    DIR *d = opendir(from);
    if (!d)
        return -1;
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        VtBuf a = {0}, b = {0};
        buf_printf(&a, "%s/%s", from, e->d_name);
        buf_printf(&b, "%s/%s", to, e->d_name);
        rc = fixture_copy(buf_str(&a), buf_str(&b));
        buf_free(&a);
        buf_free(&b);
    }
    closedir(d);
    return rc;
}

void fixture_remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            VtBuf b = {0};
            buf_printf(&b, "%s/%s", path, e->d_name);
            fixture_remove(buf_str(&b));
            buf_free(&b);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

int fixture_edit(const char *path, const char *find, const char *replace)
{
    size_t len = 0;
    char *text = fixture_read(path, &len);
    char *at = text ? strstr(text, find) : NULL;
    if (!at) {
        fprintf(stderr, "fixture_edit: '%s' not found in %s\n", find, path);
        free(text);
        return -1;
    }
    VtBuf b = {0};
    buf_append(&b, text, (size_t)(at - text));
    buf_puts(&b, replace);
    buf_puts(&b, at + strlen(find));
    int rc = fixture_write(path, b.data, b.len);
    buf_free(&b);
    free(text);
    return rc;
}

int fixture_build(const char *dir, const char *out, const char *built)
{
    VtDiag diag = {0};
    VtSource src;
    if (source_parse_dir(&src, dir, &diag) != 0) {
        diag_print(&diag, stderr);
        diag_free(&diag);
        return -1;
    }
    char err[512];
    int rc = pack_build(&src, out, built, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "fixture_build: %s\n", err);
    source_free(&src);
    diag_free(&diag);
    return rc;
}

int fixture_begin(int argc, char **argv, const char **fixture, const char **tmp)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
        return 2;
    }
    *fixture = realpath(argv[1], NULL);
    *tmp = fixture_tmpdir();
    return (*fixture && *tmp && chdir(*tmp) == 0) ? 0 : 2;
}
