/*
 * wait: poll() over our own evdev descriptors. Reads from them are discarded: they exist only
 * to wake us; SDL reads the same events from its own descriptors when the caller pumps. The
 * exception is an absolute pointer that SDL mishandles (abspointer.h): its events are
 * translated here.
 */
#include "wait.h"

#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

static void open_inputs(VtWait *w)
{
    for (int i = 0; i < w->ninput; i++)
        close(w->input[i]);
    w->ninput = 0;
    w->nabs = 0;
    DIR *d = opendir(w->dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && w->ninput < VT_WAIT_MAX_FDS) {
        if (strncmp(e->d_name, "event", 5) != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", w->dir, e->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        w->is_abs[w->ninput] = abspointer_probe(fd, &w->abs[w->ninput]);
        if (w->is_abs[w->ninput])
            log_info("input", "%s is an absolute pointer: read by the kiosk, scaled to the screen",
                     path);
        w->nabs += w->is_abs[w->ninput];
        w->input[w->ninput++] = fd;
    }
    if (d)
        closedir(d);
}

void wait_open(VtWait *w, const char *dir)
{
    memset(w, 0, sizeof *w);
    w->dir = dir ? dir : "/dev/input";
    w->extra = -1;
    w->hotplug = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->hotplug >= 0 && inotify_add_watch(w->hotplug, w->dir, IN_CREATE | IN_DELETE) < 0) {
        close(w->hotplug);
        w->hotplug = -1;
    }
    open_inputs(w);
    log_info("input", "sleeping in poll() on %d input devices of %s", w->ninput, w->dir);
}

void wait_close(VtWait *w)
{
    for (int i = 0; i < w->ninput; i++)
        close(w->input[i]);
    w->ninput = 0;
    if (w->hotplug >= 0)
        close(w->hotplug);
    w->hotplug = -1;
}

static void drain(int fd)
{
    char buf[4096];
    while (read(fd, buf, sizeof buf) > 0)
        ;
}

int wait_poll(VtWait *w, int timeout_ms)
{
    int net = w->ninput ? 1000 : 100;
    if (timeout_ms < 0 || timeout_ms > net)
        timeout_ms = net;
    struct pollfd p[VT_WAIT_MAX_FDS + 2];
    int n = 0;
    for (int i = 0; i < w->ninput; i++)
        p[n++] = (struct pollfd){w->input[i], POLLIN, 0};
    int hot = -1, extra = -1;
    if (w->hotplug >= 0) {
        hot = n;
        p[n++] = (struct pollfd){w->hotplug, POLLIN, 0};
    }
    if (w->extra >= 0) {
        extra = n;
        p[n++] = (struct pollfd){w->extra, POLLIN, 0};
    }
    if (poll(p, (nfds_t)n, timeout_ms) <= 0)
        return 0;
    int gone = 0;
    for (int i = 0; i < w->ninput; i++) {
        if ((p[i].revents & POLLIN) && w->is_abs[i])
            abspointer_read(w->input[i], &w->abs[i], i, w->pointer, &w->npointer,
                            VT_WAIT_MAX_POINTER);
        else if (p[i].revents & POLLIN)
            drain(w->input[i]);
        if (p[i].revents & (POLLERR | POLLHUP | POLLNVAL))
            gone = 1; /* unplugged: it would wake us forever */
    }
    if (hot >= 0 && (p[hot].revents & POLLIN)) {
        drain(w->hotplug);
        gone = 1;
    }
    if (gone)
        open_inputs(w); /* a device came or went: reopen the set */
    int found = extra >= 0 && (p[extra].revents & POLLIN) ? VT_WAIT_EXTRA : 0;
    return found | (w->npointer ? VT_WAIT_POINTER : 0);
}
