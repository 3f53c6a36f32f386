/*
 * app_store: reload is two-phase: the new pack is read completely into a fresh VtContent on
 * the heap (opened defensively and fully validated by content_load) before the ui is pointed at
 * it with ui_set_content and the old one is freed, so there is no moment without valid content
 * on screen. The content never moves once the ui borrows it, so nothing has to be patched.
 */
#include "app_store.h"

#include "events.h"
#include "import.h"
#include "reason.h"
#include "log.h"
#include "store.h"
#include "store_sig.h"
#include "store_status.h"
#include "store_watch.h"
#include "ui_strings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>

/* The store is watched whenever the pack was not named (--pack, config `pack`): also while the
 * kiosk shows the installed default, so the first update on a new device appears at once. */
int app_store_watch(VtApp *app)
{
    struct stat st;
    app->watch.fd = -1;
    if (app->cli.pack || app->cfg.pack[0])
        return 0;
    if (stat(app->cfg.store_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        log_info("store", "no pack store at %s: nothing to watch", app->cfg.store_dir);
        return 0;
    }
    if (store_watch_open(&app->watch, app->cfg.store_dir) != 0) {
        log_warn("store", "cannot watch %s: updates show after a restart", app->cfg.store_dir);
        return -1;
    }
    events_watch_fd(app->events, store_watch_fd(&app->watch));
    log_info("store", "watching %s for new packs", app->cfg.store_dir);
    return 0;
}

int app_store_verify(const VtApp *app, const char *path, char *trust, size_t trustlen)
{
    VtKeyring kr = {0};
    char err[256];
    if (keyring_add_dir(&kr, app->cfg.keys_dir, err, sizeof err) < 0)
        log_warn("store", "no trusted keys: %s", err);
    int rc = store_sig_verify(app->cfg.store_dir, path, &kr, trust, trustlen);
    if (rc == VT_STORE_SIG_UNVERIFIED)
        log_warn("store", "pack %s is shown %s", path, trust);
    else if (rc == VT_STORE_SIG_VERIFIED)
        log_info("store", "pack %s %s", path, trust);
    return rc == VT_STORE_SIG_REFUSED ? -1 : 0;
}

int app_store_reload(VtApp *app, const char *path, char *err, size_t errlen)
{
    char trust[sizeof app->pack_trust];
    if (app_store_verify(app, path, trust, sizeof trust) != 0) {
        snprintf(err, errlen, "refused: %s", trust);
        log_error("store", "new pack %s not shown, keeping version %d: %s", path,
                  app->content->version, err);
        snprintf(app->pack_refused, sizeof app->pack_refused, "%s %s", path, err);
        return -1;
    }
    VtContent *fresh = xcalloc(1, sizeof *fresh);
    if (content_load(fresh, path, err, errlen) != 0) {
        log_error("store", "new pack %s not shown, keeping version %d: %s", path,
                  app->content->version, err);
        snprintf(app->pack_refused, sizeof app->pack_refused, "%s damaged: %s", path, err);
        free(fresh);
        return -1;
    }
    ui_set_content(app->ui, fresh); /* the ui now borrows fresh: the old content is unused */
    content_free(app->content);
    free(app->content);
    app->content = fresh;
    snprintf(app->pack_path, sizeof app->pack_path, "%s", path);
    snprintf(app->pack_trust, sizeof app->pack_trust, "%s", trust);
    app->pack_refused[0] = '\0';
    log_info("store", "now showing pack version %d", app->content->version);
    return 0;
}

int app_store_changed(VtApp *app)
{
    int what = store_watch_events(&app->watch);
    events_watch_rearm(app->events);
    if (what < 0) {
        log_warn("store", "the store %s disappeared", app->cfg.store_dir);
        return 0;
    }
    char msg[300], err[256];
    if (what & VT_WATCH_PACK) {
        /* Always the store's current pack: the kiosk may have started on previous.vpack. */
        char current[1024];
        snprintf(current, sizeof current, "%s/current.vpack", app->cfg.store_dir);
        if (app_store_reload(app, current, err, sizeof err) == 0)
            snprintf(msg, sizeof msg, str_get(S_UPDATED, ui_lang(app->ui)), app->content->version);
        else
            snprintf(msg, sizeof msg, "%s", err);
        ui_toast(app->ui, msg, 8000);
        return 1;
    }
    VtStoreStatus st;
    if (!(what & VT_WATCH_STATUS) ||
        store_status_read(app->cfg.store_dir, &st, err, sizeof err) != 0 || !st.message[0])
        return 0;
    /* A successful import writes its status just after the new pack, which was shown already. */
    if (st.reason == VT_REASON_OK && st.version == app->content->version)
        return 0;
    ui_toast(app->ui, st.message, 8000);
    return 1;
}

static void report(void *ctx, VtBuf *out)
{
    VtApp *app = ctx;
    char err[256], line[256];
    buf_printf(out, "Pack: version %d, built %s\n\n%s\n\nSignature: %s\n\n", app->content->version,
               app->content->built ? app->content->built : "unknown", app->pack_path,
               app->pack_trust);
    if (app->pack_refused[0])
        buf_printf(out, "Not shown: %s\n\n", app->pack_refused);
    VtStoreStatus st;
    int rc = store_status_read(app->cfg.store_dir, &st, err, sizeof err);
    if (rc == 0) {
        char when[64] = "?";
        time_t t = (time_t)st.time;
        struct tm tm;
        if (localtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        buf_printf(out, "Last import (%s): %s\n\n", when, st.message);
    } else {
        buf_printf(out, "Last import: %s\n\n", rc == 1 ? "none yet" : err);
    }
    struct statvfs vfs;
    if (statvfs(app->cfg.store_dir, &vfs) == 0)
        buf_printf(out, "Free space in %s: %llu MiB\n\n", app->cfg.store_dir,
                   (unsigned long long)vfs.f_bavail * vfs.f_frsize / (1024 * 1024));
    double up = 0;
    FILE *f = fopen("/proc/uptime", "r");
    if (f) {
        if (fscanf(f, "%lf", &up) != 1)
            up = 0;
        fclose(f);
    }
    buf_printf(out, "Uptime: %ld d %ld h %ld min\n\nRecent log:\n\n", (long)up / 86400,
               (long)up % 86400 / 3600, (long)up % 3600 / 60);
    for (size_t i = 0; i < 12 && log_recent(i, line, sizeof line) == 0; i++)
        buf_printf(out, "%s\n\n", line);
}

static int rollback(void *ctx, char *msg, size_t msglen)
{
    VtApp *app = ctx;
    VtIo io = io_system();
    VtImportConfig ic = {app->cfg.store_dir, NULL, 0, &io, (int64_t)time(NULL)};
    VtImportResult res;
    VtReason r = import_rollback(&ic, &res);
    snprintf(msg, msglen, "%s", res.message);
    log_info("store", "rollback from the staff screen: %s (%s)", res.message, res.detail);
    return r == VT_REASON_OK ? 0 : -1;
}

VtUiHooks app_store_hooks(VtApp *app) { return (VtUiHooks){app, report, rollback}; }

void app_store_close(VtApp *app)
{
    if (app->watch.fd >= 0)
        store_watch_close(&app->watch);
}
