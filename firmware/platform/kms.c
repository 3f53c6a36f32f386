/*
 * kms: see kms.h. No SDL here: these run before SDL_Init, on plain POSIX and Linux calls.
 */
#include "kms.h"

#include "log.h"

#include <dirent.h>
#include <drm.h>
#include <drm_mode.h>
#include <stdint.h>
#include <sys/ioctl.h>
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

/* One connector: connected, with its millimetres and its first (preferred) mode. */
static int connector_size(int fd, uint32_t id, int *w_mm, int *h_mm, int *w_px, int *h_px)
{
    struct drm_mode_get_connector c = {.connector_id = id};
    if (ioctl(fd, DRM_IOCTL_MODE_GETCONNECTOR, &c) != 0 ||
        c.connection != 1 /* DRM_MODE_CONNECTED */ || !c.count_modes)
        return -1;
    struct drm_mode_modeinfo modes[64];
    uint32_t n = c.count_modes < 64 ? c.count_modes : 64;
    struct drm_mode_get_connector q = {
        .connector_id = id, .count_modes = n, .modes_ptr = (uint64_t)(uintptr_t)modes};
    if (ioctl(fd, DRM_IOCTL_MODE_GETCONNECTOR, &q) != 0 || !q.count_modes)
        return -1;
    *w_mm = (int)q.mm_width;
    *h_mm = (int)q.mm_height;
    *w_px = modes[0].hdisplay;
    *h_px = modes[0].vdisplay;
    for (uint32_t i = 0; i < n && i < q.count_modes; i++)
        if (modes[i].type & DRM_MODE_TYPE_PREFERRED) {
            *w_px = modes[i].hdisplay;
            *h_px = modes[i].vdisplay;
            break;
        }
    return 0;
}

int kms_screen_mm(const char *path, int *w_mm, int *h_mm, int *w_px, int *h_px)
{
    char found[512] = "";
    if (!path) {
        DIR *d = opendir("/dev/dri");
        struct dirent *e;
        while (d && !found[0] && (e = readdir(d)))
            if (!strncmp(e->d_name, "card", 4))
                snprintf(found, sizeof found, "/dev/dri/%s", e->d_name);
        if (d)
            closedir(d);
        path = found;
    }
    int fd = path[0] ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        return -1;
    uint32_t ids[32];
    struct drm_mode_card_res res = {0};
    int rc = -1;
    if (ioctl(fd, DRM_IOCTL_MODE_GETRESOURCES, &res) == 0 && res.count_connectors) {
        uint32_t n = res.count_connectors < 32 ? res.count_connectors : 32;
        struct drm_mode_card_res q = {.connector_id_ptr = (uint64_t)(uintptr_t)ids,
                                      .count_connectors = n};
        if (ioctl(fd, DRM_IOCTL_MODE_GETRESOURCES, &q) == 0)
            for (uint32_t i = 0; i < n && rc != 0; i++)
                rc = connector_size(fd, ids[i], w_mm, h_mm, w_px, h_px);
    }
    close(fd);
    return rc;
}
