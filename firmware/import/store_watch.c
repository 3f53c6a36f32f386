/*
 * store_watch: plain inotify. The read buffer is aligned for struct inotify_event and every
 * event in it is walked with its length checked against what read() returned.
 */
#include "store_watch.h"

#include "store.h"
#include "store_status.h"

#include <errno.h>
#include <stdalign.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

int store_watch_open(VtStoreWatch *w, const char *store_dir)
{
    w->wd = -1;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0)
        return -1;
    w->wd = inotify_add_watch(w->fd, store_dir,
                              IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR);
    if (w->wd < 0) {
        int e = errno;
        store_watch_close(w);
        errno = e;
        return -1;
    }
    return 0;
}

int store_watch_fd(const VtStoreWatch *w) { return w->fd; }

/* Classifies one event: a VT_WATCH_* mask, 0 unrelated, -1 the store is gone. */
static int classify(const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW)
        return VT_WATCH_PACK | VT_WATCH_STATUS; /* events were lost: assume both */
    if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))
        return -1;
    if ((ev->mask & IN_MOVED_TO) && ev->len > 0 && strcmp(ev->name, VT_STORE_CURRENT) == 0)
        return VT_WATCH_PACK;
    if ((ev->mask & IN_MOVED_TO) && ev->len > 0 && strcmp(ev->name, VT_STORE_STATUS) == 0)
        return VT_WATCH_STATUS;
    return 0;
}

int store_watch_events(VtStoreWatch *w)
{
    alignas(struct inotify_event) char buf[4096];
    int mask = 0, gone = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            break;
        if (n <= 0)
            return -1;
        for (size_t off = 0; off + sizeof(struct inotify_event) <= (size_t)n;) {
            const struct inotify_event *ev = (const void *)(buf + off);
            int c = classify(ev);
            if (c > 0)
                mask |= c;
            gone |= c < 0;
            off += sizeof *ev + ev->len;
        }
    }
    return gone ? -1 : mask;
}

int store_watch_changed(VtStoreWatch *w)
{
    int m = store_watch_events(w);
    return m < 0 ? -1 : (m & VT_WATCH_PACK) ? 1 : 0;
}

void store_watch_close(VtStoreWatch *w)
{
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    w->wd = -1;
}
