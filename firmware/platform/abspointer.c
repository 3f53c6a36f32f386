/*
 * abspointer: see abspointer.h. Plain Linux evdev ioctls and reads; no SDL here.
 */
#include "abspointer.h"

#include <errno.h>
#include <linux/input.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define BITS_PER_LONG (8 * sizeof(unsigned long))
#define NLONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

static int has_bit(const unsigned long *bits, int bit)
{
    return (bits[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG)) & 1;
}

int abspointer_probe(int fd, VtAbsDevice *d)
{
    unsigned long abs[NLONGS(ABS_CNT)] = {0}, key[NLONGS(KEY_CNT)] = {0};
    if (ioctl(fd, EVIOCGBIT(EV_ABS, sizeof abs), abs) < 0 ||
        ioctl(fd, EVIOCGBIT(EV_KEY, sizeof key), key) < 0)
        return 0;
    if (!has_bit(abs, ABS_X) || !has_bit(abs, ABS_Y) || !has_bit(key, BTN_LEFT) ||
        has_bit(key, BTN_TOUCH) || has_bit(abs, ABS_MT_POSITION_X))
        return 0;
    struct input_absinfo ax, ay;
    if (ioctl(fd, EVIOCGABS(ABS_X), &ax) < 0 || ioctl(fd, EVIOCGABS(ABS_Y), &ay) < 0 ||
        ax.maximum <= ax.minimum || ay.maximum <= ay.minimum)
        return 0;
    memset(d, 0, sizeof *d);
    d->min[0] = ax.minimum;
    d->max[0] = ax.maximum;
    d->min[1] = ay.minimum;
    d->max[1] = ay.maximum;
    d->pos[0] = ax.value;
    d->pos[1] = ay.value;
    return 1;
}

static float norm(const VtAbsDevice *d, int axis)
{
    float v = (float)(d->pos[axis] - d->min[axis]) / (float)(d->max[axis] - d->min[axis]);
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* A report is complete: emit what changed. */
static void report(VtAbsDevice *d, int device, VtAbsEvent *out, int *n, int max)
{
    VtAbsKind kind;
    if (d->down && !d->was_down)
        kind = VT_ABS_DOWN;
    else if (!d->down && d->was_down)
        kind = VT_ABS_UP;
    else if (d->down && d->moved)
        kind = VT_ABS_MOVE;
    else
        kind = (VtAbsKind)-1;
    d->was_down = d->down;
    d->moved = 0;
    if ((int)kind < 0 || *n >= max)
        return;
    out[(*n)++] = (VtAbsEvent){kind, norm(d, 0), norm(d, 1), device};
}

/* After SYN_DROPPED: the button and the position as they are now, so a lost release cannot
 * leave the pointer pressed; the next SYN_REPORT then reports the difference. */
static void resync(int fd, VtAbsDevice *d)
{
    unsigned long key[NLONGS(KEY_CNT)] = {0};
    struct input_absinfo a;
    if (ioctl(fd, EVIOCGKEY(sizeof key), key) >= 0)
        d->down = has_bit(key, BTN_LEFT);
    for (int axis = 0; axis < 2; axis++)
        if (ioctl(fd, EVIOCGABS(axis ? ABS_Y : ABS_X), &a) >= 0)
            d->pos[axis] = a.value;
    d->moved = 1;
}

int abspointer_read(int fd, VtAbsDevice *d, int device, VtAbsEvent *out, int *n, int max)
{
    struct input_event ev[64];
    for (;;) {
        ssize_t got = read(fd, ev, sizeof ev);
        if (got < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1;
        if (got == 0)
            return -1;
        for (size_t i = 0; i < (size_t)got / sizeof *ev; i++) {
            const struct input_event *e = &ev[i];
            if (e->type == EV_ABS && (e->code == ABS_X || e->code == ABS_Y)) {
                d->pos[e->code == ABS_Y] = e->value;
                d->moved = 1;
            } else if (e->type == EV_KEY && e->code == BTN_LEFT) {
                d->down = e->value != 0;
            } else if (e->type == EV_SYN && e->code == SYN_REPORT) {
                report(d, device, out, n, max);
            } else if (e->type == EV_SYN && e->code == SYN_DROPPED) {
                resync(fd, d); /* the kernel's buffer overflowed: ask for the state */
            }
        }
    }
}
