/*
 * app_store: the kiosk's side of content updates. It watches the pack store (inotify, on a
 * helper thread that only wakes the main loop), reloads the pack between frames when
 * vitrine-import has replaced it, and tells staff the outcome on screen for a few seconds
 * ("Content updated to version 4", or the importer's own refusal sentence). A new pack that
 * fails to load changes nothing: the kiosk keeps showing the last good content. It also
 * provides the staff screen's report and its rollback button.
 */
#ifndef VT_APP_STORE_H
#define VT_APP_STORE_H

#include "app.h"

/* Starts watching app->cfg.store_dir when the shown pack lives there. Returns 0, or -1 when the
 * store cannot be watched (logged; the kiosk runs on without live updates). */
int app_store_watch(VtApp *app);

/* Called when the watch thread woke the loop: reloads and/or shows the import result.
 * Returns 1 when something new was shown, 0 when the wake brought nothing new. */
int app_store_changed(VtApp *app);

/* Checks a pack of the store against its kept signature (store_sig.h) with the trusted keys of
 * the config's keys_dir. Returns 0 when it may be shown (verified, or unverified in a store from
 * before signatures were kept, logged as a warning) with the description in trust; -1 when it
 * is refused (bit rot, no or a wrong signature, untrusted key) with the reason in trust. */
int app_store_verify(const VtApp *app, const char *path, char *trust, size_t trustlen);

/* Verifies (app_store_verify) and loads the store pack at path and, on success, swaps it in.
 * Returns 0, or -1 (old content kept, reason in err). */
int app_store_reload(VtApp *app, const char *path, char *err, size_t errlen);

/* The ui hooks of the staff screen. */
VtUiHooks app_store_hooks(VtApp *app);

void app_store_close(VtApp *app);

#endif
