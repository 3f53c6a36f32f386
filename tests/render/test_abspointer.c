/* abspointer (firmware/platform/abspointer.c): an absolute pointer's evdev reports (as QEMU's USB
 * tablet or a single-touch panel in mouse mode send them) become presses, moves and releases
 * scaled by the device's own range, one per completed report. The reports go through a pipe
 * standing in for the device. */
#include "abspointer.h"
#include "vt_test.h"

#include <fcntl.h>
#include <linux/input.h>
#include <unistd.h>

/* A non-blocking pipe, as the kiosk opens devices O_NONBLOCK. */
static int open_pipe(int p[2]) { return pipe(p) || fcntl(p[0], F_SETFL, O_NONBLOCK) ? -1 : 0; }

static void put(int fd, int type, int code, int value)
{
    struct input_event e = {
        .type = (unsigned short)type, .code = (unsigned short)code, .value = value};
    CHECK_INT(write(fd, &e, sizeof e), sizeof e);
}

static void tap_and_drag_are_scaled_to_the_range(void)
{
    int p[2];
    CHECK_INT(open_pipe(p), 0);
    VtAbsDevice d = {.min = {0, 0}, .max = {32767, 32767}};
    put(p[1], EV_ABS, ABS_X, 16384);
    put(p[1], EV_ABS, ABS_Y, 8192);
    put(p[1], EV_SYN, SYN_REPORT, 0); /* hover: nothing */
    put(p[1], EV_KEY, BTN_LEFT, 1);
    put(p[1], EV_SYN, SYN_REPORT, 0); /* press */
    put(p[1], EV_ABS, ABS_X, 32767);
    put(p[1], EV_SYN, SYN_REPORT, 0); /* drag */
    put(p[1], EV_KEY, BTN_LEFT, 0);
    put(p[1], EV_ABS, ABS_Y, 40000);  /* out of range: clamped */
    put(p[1], EV_SYN, SYN_REPORT, 0); /* release */
    VtAbsEvent out[8];
    int n = 0;
    CHECK_INT(abspointer_read(p[0], &d, 3, out, &n, 8), 0);
    CHECK_INT(n, 3);
    CHECK_INT(out[0].kind, VT_ABS_DOWN);
    CHECK(out[0].x > 0.49f && out[0].x < 0.51f && out[0].y > 0.24f && out[0].y < 0.26f);
    CHECK_INT(out[1].kind, VT_ABS_MOVE);
    CHECK(out[1].x == 1.0f);
    CHECK_INT(out[2].kind, VT_ABS_UP);
    CHECK(out[2].y == 1.0f);
    CHECK_INT(out[2].device, 3);
    close(p[1]);
    CHECK_INT(abspointer_read(p[0], &d, 3, out, &n, 8), -1); /* unplugged */
    close(p[0]);
}

static void a_full_queue_drops_rather_than_overflows(void)
{
    int p[2];
    CHECK_INT(open_pipe(p), 0);
    VtAbsDevice d = {.min = {0, 0}, .max = {100, 100}};
    for (int i = 0; i < 10; i++) {
        put(p[1], EV_KEY, BTN_LEFT, (i + 1) % 2);
        put(p[1], EV_SYN, SYN_REPORT, 0);
    }
    VtAbsEvent out[4];
    int n = 0;
    CHECK_INT(abspointer_read(p[0], &d, 0, out, &n, 4), 0);
    CHECK_INT(n, 4);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    RUN(tap_and_drag_are_scaled_to_the_range);
    RUN(a_full_queue_drops_rather_than_overflows);
    return vt_test_finish();
}
