/*
 * watchdog: the kiosk's side of systemd's service protocol (sd_notify).
 *
 * vitrine.service is Type=notify with WatchdogSec=: systemd waits for READY=1 before it counts
 * the kiosk as started, and restarts it when no WATCHDOG=1 arrives within WatchdogSec. The main
 * loop pings only after it has drawn (or deliberately not drawn) a frame, so a hung renderer, a
 * stuck input read or an endless loop in the layout all end in a restart instead of a frozen
 * screen in an empty museum. STATUS= lines show up in `systemctl status vitrine`.
 *
 * The functions keep no state: sd_notify reads NOTIFY_SOCKET itself each time, and without it
 * (a developer's desktop, the tests) every call is a no-op that succeeds.
 */
#ifndef VT_WATCHDOG_H
#define VT_WATCHDOG_H

#include <stdint.h>

/* Reads WATCHDOG_USEC (and WATCHDOG_PID) as systemd sets them and returns how often to ping, in
 * microseconds: half the watchdog timeout, as systemd recommends. Returns 0 when there is no
 * watchdog for this process (not under systemd, WatchdogSec unset, or a malformed value, which
 * is logged). */
uint64_t watchdog_init(void);

/* Asks systemd for a longer watchdog timeout (WATCHDOG_USEC=, systemd 236+) for the rest of this
 * run, when the kiosk knows its frames can be slow (a CPU rasteriser). Returns the new ping
 * interval in microseconds (half of usec), or 0 when not supervised or refused (logged). */
uint64_t watchdog_extend(uint64_t usec);

/* Tells systemd start-up is done (READY=1). Returns 0 when sent or when not under systemd, -1
 * when the notify socket refused it (logged). */
int watchdog_ready(void);

/* Keeps the watchdog from firing (WATCHDOG=1). Returns 0 when sent or not under systemd, -1 on
 * a socket error (logged once per call). */
int watchdog_ping(void);

/* Sets the one-line status shown by systemctl (STATUS=...); status is copied, not kept. Returns
 * 0 when sent or not under systemd, -1 on a socket error (logged). */
int watchdog_status(const char *status);

/* Tells systemd the kiosk is shutting down on purpose (STOPPING=1). Same returns as above. */
int watchdog_stopping(void);

#endif
