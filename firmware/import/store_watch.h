/*
 * store_watch: lets the running kiosk notice that vitrine-import installed (or rolled back to)
 * another pack, without polling the disk.
 *
 * A new pack always arrives as a rename over current.vpack (store.h), which inotify reports
 * as IN_MOVED_TO with that name; nothing else in the store ever produces that event, and a pack
 * is never written in place, so a half-written current.vpack cannot be seen. The kiosk adds
 * store_watch_fd() to its poll() set and, when it is readable, calls store_watch_changed(); on
 * 1 it loads the store's current.vpack by path into a fresh VtContent (a pack that fails to
 * load leaves the old content on screen) and may show the status file's message
 * (store_status.h) on the staff screen. A file the kiosk still has open keeps its old contents
 * after the rename, so reading the old pack is never disturbed. An inotify queue overflow is
 * reported as a change (reloading once too often is harmless; missing a change is not).
 */
#ifndef VT_STORE_WATCH_H
#define VT_STORE_WATCH_H

typedef struct {
    int fd; /* the inotify instance, non-blocking */
    int wd;
} VtStoreWatch;

/* Starts watching store_dir (which must exist). Returns 0, or -1 with errno set; *w is then
 * safe to close. */
int store_watch_open(VtStoreWatch *w, const char *store_dir);

/* Returns the fd to poll for POLLIN (owned by w), or -1 when not open. */
int store_watch_fd(const VtStoreWatch *w);

/* Drains pending events without blocking. Returns 1 when current.vpack was replaced (or events
 * were lost), 0 when not, -1 on a read error or when the store folder itself went away. */
int store_watch_changed(VtStoreWatch *w);

/* Stops watching; safe to call twice. */
void store_watch_close(VtStoreWatch *w);

#define VT_WATCH_PACK 1   /* current.vpack was replaced: reload */
#define VT_WATCH_STATUS 2 /* the status file was replaced: an import finished (maybe refused) */

/* Like store_watch_changed, but says what changed: a mask of VT_WATCH_*, 0 for nothing, -1
 * when the store directory is gone. Drains every pending event. */
int store_watch_events(VtStoreWatch *w);

#endif
