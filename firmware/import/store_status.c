/*
 * store_status: formatting and a forgiving-but-bounded parser. Unknown keys are ignored so a
 * later version can add lines; a file over 4 KiB or without the header line is refused.
 */
#include "store_status.h"

#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STATUS_HEADER "vitrine-import-status=1"
#define STATUS_FILE_MAX 4096

static int failf(char *err, size_t errlen, const char *what, int e)
{
    snprintf(err, errlen, "%s: %s", what, strerror(e));
    return -1;
}

static void format_status(VtBuf *b, const VtStoreStatus *st)
{
    char msg[VT_STATUS_MESSAGE_MAX];
    snprintf(msg, sizeof msg, "%s", st->message);
    for (char *p = msg; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = ' ';
    }
    buf_printf(b, "%s\ntime=%" PRId64 "\nresult=%s\nversion=%" PRId64 "\nmessage=%s\n",
               STATUS_HEADER, st->time, reason_token(st->reason), st->version, msg);
}

static int write_tmp(VtStore *s, const VtBuf *text, char *err, size_t errlen)
{
    const VtIo *io = s->io;
    int fd = io->openat(io->ctx, s->dirfd, VT_STORE_STATUS_TMP,
                        O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return failf(err, errlen, "create status", errno);
    int rc = 0;
    if (io_write_all(io, fd, text->data, text->len) != 0)
        rc = failf(err, errlen, "write status", errno);
    else if (io->fsync(io->ctx, fd) != 0)
        rc = failf(err, errlen, "fsync status", errno);
    close(fd);
    return rc;
}

int store_status_write(VtStore *s, const VtStoreStatus *st, char *err, size_t errlen)
{
    const VtIo *io = s->io;
    VtBuf text = {0};
    format_status(&text, st);
    int rc = write_tmp(s, &text, err, errlen);
    buf_free(&text);
    if (rc == 0 &&
        io->renameat(io->ctx, s->dirfd, VT_STORE_STATUS_TMP, s->dirfd, VT_STORE_STATUS) != 0)
        rc = failf(err, errlen, "rename status", errno);
    if (rc == 0 && io->fsync(io->ctx, s->dirfd) != 0)
        rc = failf(err, errlen, "fsync store", errno);
    if (rc != 0)
        io->unlinkat(io->ctx, s->dirfd, VT_STORE_STATUS_TMP, 0);
    return rc;
}

static int parse_i64(const char *v, int64_t *out)
{
    char *end = NULL;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (errno || end == v || *end != '\0')
        return -1;
    *out = x;
    return 0;
}

static VtReason reason_from_token(const char *token)
{
    for (int r = 0; r < VT_REASON_COUNT; r++) {
        if (strcmp(reason_token((VtReason)r), token) == 0)
            return (VtReason)r;
    }
    return VT_REASON_COUNT;
}

/* Applies one "key=value" line; returns -1 for a known key with a bad value. */
static int parse_line(char *line, VtStoreStatus *out)
{
    char *eq = strchr(line, '=');
    if (!eq)
        return 0;
    *eq = '\0';
    const char *v = eq + 1;
    if (strcmp(line, "time") == 0)
        return parse_i64(v, &out->time);
    if (strcmp(line, "version") == 0)
        return parse_i64(v, &out->version);
    if (strcmp(line, "message") == 0)
        snprintf(out->message, sizeof out->message, "%s", v);
    if (strcmp(line, "result") == 0) {
        out->reason = reason_from_token(v);
        return out->reason == VT_REASON_COUNT ? -1 : 0;
    }
    return 0;
}

static int parse_status(char *text, VtStoreStatus *out)
{
    size_t hlen = strlen(STATUS_HEADER);
    if (strncmp(text, STATUS_HEADER, hlen) != 0 || text[hlen] != '\n')
        return -1;
    char *save = NULL;
    for (char *line = strtok_r(text + hlen + 1, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (parse_line(line, out) != 0)
            return -1;
    }
    return 0;
}

int store_status_read(const char *store_dir, VtStoreStatus *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    VtBuf path = {0};
    buf_printf(&path, "%s/%s", store_dir, VT_STORE_STATUS);
    int fd = open(buf_str(&path), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    int e = errno;
    buf_free(&path);
    if (fd < 0)
        return e == ENOENT ? 1 : failf(err, errlen, "open status", e);
    char text[STATUS_FILE_MAX + 1];
    VtIo io = io_system();
    ssize_t n = io_read_full(&io, fd, text, sizeof text);
    close(fd);
    if (n < 0)
        return failf(err, errlen, "read status", errno);
    if ((size_t)n > STATUS_FILE_MAX || memchr(text, '\0', (size_t)n))
        return failf(err, errlen, "status file", EINVAL);
    text[n] = '\0';
    if (parse_status(text, out) != 0)
        return failf(err, errlen, "status file malformed", EINVAL);
    return 0;
}
