/*
 * kms: what the device's KMSDRM video backend needs before SDL starts, checked so that a
 * missing piece is a clear line in the journal rather than a black screen or a dead touchscreen.
 *
 * - The display: the kiosk starts early in boot, without waiting for udev to settle, so the
 *   GPU's DRM device (/dev/dri/card*) may not exist yet when it starts. kms_wait_card() waits
 *   for one it can open (a kernel module that is still loading, udev that has not yet given the
 *   node its group) instead of failing and being restarted.
 * - Input: SDL 2.26 finds input devices only through a udev monitor, a netlink socket; when it
 *   cannot make one it opens no input device at all and says nothing (src/core/linux/SDL_udev.c,
 *   SDL_UDEV_Init). kms_check_input() makes the same kind of socket and logs why it failed.
 */
#ifndef VT_KMS_H
#define VT_KMS_H

/* How long the kiosk waits for the display at start (well inside the unit's TimeoutStartSec). */
#define VT_KMS_WAIT_MS 90000

/* Waits up to timeout_ms for a node named card* in dir (NULL: /dev/dri) that this process can
 * open read-write, checking every 50 ms. Returns 0 when one can, -1 when none could in time,
 * or at once when opening is refused with EPERM (a device policy fixed before the driver
 * loaded: only a restart helps); logged either way. */
int kms_wait_card(const char *dir, int timeout_ms);

/* The physical size of the first connected display of the DRM node path (NULL: the first
 * card* in /dev/dri), as its connector reports it (the EDID, or the panel driver for a DSI
 * panel such as the Raspberry Pi Touch Display), with its preferred mode's size in pixels:
 * SDL 2.26's KMSDRM backend reports no DPI (it has no GetDisplayDPI), so the kiosk asks the
 * kernel itself. Returns 0 with all four filled (the millimetres may be 0: not reported, as
 * QEMU's virtio GPU without EDID does), or -1 when no connected connector could be read. */
int kms_screen_mm(const char *path, int *w_mm, int *h_mm, int *w_px, int *h_px);

/* Returns 0 when a udev monitor socket can be made, -1 when not (logged as an error that names
 * the cause: no touch will work). */
int kms_check_input(void);

#endif
