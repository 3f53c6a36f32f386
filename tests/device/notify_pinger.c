/*
 * notify_pinger: a stand-in kiosk for testing notify_harness itself. It does what the kiosk's
 * main loop does with firmware/device/watchdog (READY=1, then WATCHDOG=1 every interval) for
 * COUNT pings and exits 0; with `hang` it stops pinging after COUNT and sleeps, as a hung main
 * loop would.
 *
 *   notify_pinger COUNT [hang]
 */
#include "watchdog.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 3;
    uint64_t every = watchdog_init();
    if (every == 0)
        return 3;
    watchdog_ready();
    watchdog_status("pinging");
    for (int i = 0; i < count; i++) {
        usleep((useconds_t)every);
        watchdog_ping();
    }
    if (argc > 2 && strcmp(argv[2], "hang") == 0)
        for (;;)
            pause();
    watchdog_stopping();
    return 0;
}
