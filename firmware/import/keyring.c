/*
 * keyring: file reading is bounded (a key file larger than a signature file's limit is not a
 * key file) and directory listing is sorted so the log reads the same on every boot.
 */
#include "keyring.h"

#include "buf.h"
#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads at most max bytes of a regular file; returns the length or -1. */
static ssize_t read_small_file(const char *path, char *buf, size_t max)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    struct stat st;
    ssize_t n = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
        (size_t)st.st_size <= max) {
        VtIo io = io_system();
        n = io_read_full(&io, fd, buf, max);
    } else {
        errno = EINVAL;
    }
    close(fd);
    return n;
}

/* Returns 1 when needle occurs in s[0..len) (s need not be NUL-terminated). */
static int contains(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0)
            return 1;
    return 0;
}

int keyring_add_file(VtKeyring *kr, const char *path, char *err, size_t errlen)
{
    char text[VT_MINISIGN_FILE_MAX];
    char why[128];
    VtMinisignKey key;
    ssize_t n = read_small_file(path, text, sizeof text);
    if (n < 0) {
        snprintf(err, errlen, "%s: not a readable key file (%s)", path, strerror(errno));
        return -1;
    }
    if (minisign_parse_pubkey(text, (size_t)n, &key, why, sizeof why) != 0) {
        /* The two mistakes an administrator makes: the secret key file (minisign writes
         * "secret key" in its first line), and several .pub files joined into one. */
        const char *nl = memchr(text, '\n', (size_t)n);
        size_t first = nl ? (size_t)(nl - text) : (size_t)n;
        if (contains(text, first, "secret key"))
            snprintf(err, errlen, "%s: a minisign secret key, not a public key (use the .pub file)",
                     path);
        else if (contains(text, (size_t)n, "\nuntrusted comment:"))
            snprintf(err, errlen, "%s: more than one key (give one key per file)", path);
        else
            snprintf(err, errlen, "%s: %s", path, why);
        return -1;
    }
    const VtMinisignKey *same = keyring_find(kr, key.key_id);
    if (same && memcmp(same->pk, key.pk, sizeof key.pk) == 0)
        return 0;
    if (same || kr->count >= VT_KEYRING_MAX) {
        snprintf(err, errlen, "%s: %s", path,
                 same ? "another key has the same key id" : "too many keys");
        return -1;
    }
    kr->keys[kr->count++] = key;
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_key_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".pub") == 0;
}

int keyring_add_dir(VtKeyring *kr, const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 4 * VT_KEYRING_MAX) {
        if (!is_key_name(e->d_name))
            continue;
        names = xrealloc(names, (count + 1) * sizeof *names);
        names[count++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, name_cmp);
    int added = 0;
    for (size_t i = 0; i < count; i++) {
        VtBuf path = {0};
        char why[256];
        buf_printf(&path, "%s/%s", dir, names[i]);
        if (keyring_add_file(kr, buf_str(&path), why, sizeof why) == 0)
            added++;
        else
            log_error("import", "skipping key %s", why);
        buf_free(&path);
        free(names[i]);
    }
    free(names);
    return added;
}

const VtMinisignKey *keyring_find(const VtKeyring *kr,
                                  const uint8_t key_id[VT_MINISIGN_KEYID_BYTES])
{
    for (size_t i = 0; i < kr->count; i++) {
        if (memcmp(kr->keys[i].key_id, key_id, VT_MINISIGN_KEYID_BYTES) == 0)
            return &kr->keys[i];
    }
    return NULL;
}
