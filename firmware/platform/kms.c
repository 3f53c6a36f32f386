/*
 * kms: see kms.h. No SDL here: these run before SDL_Init, on plain POSIX and Linux calls.
 */
#include "kms.h"

#include "log.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* A card* node this process can open for drawing. The node appears (devtmpfs) before udev has
 * given it the video group and its mode, so existing is not enough: until then it would fail
 * in SDL as "kmsdrm not available". */
static int has_card(const char *dir, int *denied)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        if (strncmp(e->d_name, "card", 4) != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int fd = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
        if (fd >= 0) {
            close(fd);
            found = 1;
        } else if (errno == EPERM) {
            *denied = 1;
        }
    }
    closedir(d);
    return found;
}

int kms_wait_card(const char *dir, int timeout_ms)
{
    if (!dir)
        dir = "/dev/dri";
    const struct timespec step = {0, 50 * 1000000L};
    int waited = 0, denied = 0;
    while (!has_card(dir, &denied)) {
        /* EPERM, not EACCES: the service's device policy (DeviceAllow=char-drm) was fixed when
         * it started, before the GPU driver registered "drm"; waiting cannot help, a restart
         * (with the driver loaded) does. */
        if (denied) {
            log_error("kms",
                      "the DRM device in %s exists but this service may not open it "
                      "(started before the GPU driver loaded): exiting to be restarted",
                      dir);
            return -1;
        }
        if (waited == 0)
            log_info("kms", "waiting for the display: no DRM device in %s can be opened yet", dir);
        if (waited >= timeout_ms) {
            log_error("kms",
                      "no DRM device in %s could be opened within %d ms: is the GPU driver loaded, "
                      "is the kiosk in the video group?",
                      dir, waited);
            return -1;
        }
        nanosleep(&step, NULL);
        waited += 50;
    }
    if (waited)
        log_info("kms", "the display appeared after %d ms", waited);
    return 0;
}

int kms_check_input(void)
{
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);
    if (fd < 0) {
        log_error("kms",
                  "cannot open a udev monitor (netlink socket: %s): SDL will open no "
                  "touchscreen; allow AF_NETLINK in the service's sandbox",
                  strerror(errno));
        return -1;
    }
    close(fd);
    return 0;
}
