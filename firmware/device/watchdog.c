/*
 * watchdog: thin wrappers over libsystemd's sd_notify/sd_watchdog_enabled that turn their
 * three-way returns (>0 sent, 0 not under systemd, <0 -errno) into the project's 0/-1 and a log
 * line. The environment is left in place (unset_environment = 0) so a child the kiosk might run
 * could not be mistaken for the main process: WATCHDOG_PID pins the watchdog to this PID.
 */
#include "watchdog.h"

#include "log.h"

#include <stdio.h>
#include <string.h>
#include <systemd/sd-daemon.h>

static int notify(const char *msg)
{
    int r = sd_notify(0, msg);
    if (r >= 0)
        return 0;
    log_error("watchdog", "sd_notify(\"%.40s\"): %s", msg, strerror(-r));
    return -1;
}

uint64_t watchdog_init(void)
{
    uint64_t usec = 0;
    int r = sd_watchdog_enabled(0, &usec);
    if (r < 0) {
        log_warn("watchdog", "WATCHDOG_USEC/WATCHDOG_PID malformed (%s); no watchdog",
                 strerror(-r));
        return 0;
    }
    if (r == 0)
        return 0;
    log_info("watchdog", "systemd watchdog every %llu ms, pinging every %llu ms",
             (unsigned long long)(usec / 1000), (unsigned long long)(usec / 2000));
    return usec / 2;
}

uint64_t watchdog_extend(uint64_t usec)
{
    uint64_t now = 0;
    if (sd_watchdog_enabled(0, &now) <= 0)
        return 0;
    char msg[64];
    snprintf(msg, sizeof msg, "WATCHDOG_USEC=%llu", (unsigned long long)usec);
    if (notify(msg) != 0)
        return 0;
    log_info("watchdog", "watchdog timeout %llu ms instead of %llu ms",
             (unsigned long long)(usec / 1000), (unsigned long long)(now / 1000));
    return usec / 2;
}

int watchdog_ready(void) { return notify("READY=1"); }

int watchdog_ping(void) { return notify("WATCHDOG=1"); }

int watchdog_stopping(void) { return notify("STOPPING=1"); }

int watchdog_status(const char *status)
{
    char msg[256];
    /* A newline would start a second, unintended assignment in the notify datagram. */
    snprintf(msg, sizeof msg, "STATUS=%.*s", (int)strcspn(status, "\n"), status);
    return notify(msg);
}
