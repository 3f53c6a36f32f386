/*
 * app: start-up (finding the pack and fonts), the main loop and shutdown.
 *
 * The loop never spins: it computes the earliest deadline of the ui (momentum, attract slide,
 * idle countdown, long press) and blocks in events_wait() until then or until input. Drawing
 * happens only when the ui needs it (ui_needs_draw), so an idle screen costs nothing between
 * attract steps. The app owns the content on the heap and lends it to the ui, which it reaches
 * only through ui.h.
 */
#include "app.h"

#include "app_speech.h"
#include "app_store.h"
#include "events.h"
#include "log.h"
#include "theme.h"
#include "watchdog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The watchdog timeout asked for while a CPU rasteriser draws (the unit's own is 20 s). */
#define VT_WATCHDOG_CPU_RASTER_US (60ULL * 1000 * 1000)

static int exists(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0;
}

/* The pack, best first: an explicit --pack or config `pack` is the only candidate (asked for by
 * name); otherwise the store's current pack, its previous one, the installed default and the
 * one the build made next to the binary. A candidate that does not load (damaged on disk,
 * missing) is logged and the next one tried, so a broken store never blanks the exhibit. */
static int load_pack(VtApp *app, char *err, size_t errlen)
{
    char cands[5][sizeof app->pack_path];
    int n = 0;
    const char *named = app->cli.pack ? app->cli.pack : app->cfg.pack[0] ? app->cfg.pack : NULL;
    if (named) {
        snprintf(cands[n++], sizeof cands[0], "%s", named);
    } else {
        snprintf(cands[n++], sizeof cands[0], "%s/current.vpack", app->cfg.store_dir);
        snprintf(cands[n++], sizeof cands[0], "%s/previous.vpack", app->cfg.store_dir);
        snprintf(cands[n++], sizeof cands[0], "%s", app->cfg.default_pack);
        char exe[sizeof cands[0] - 32];
        ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
        exe[len > 0 ? len : 0] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            slash[1] = '\0';
        snprintf(cands[n++], sizeof cands[0], "%s../../content.vpack", exe);
    }
    size_t refused = 0;
    for (int i = 0; i < n; i++) {
        if (!named && !exists(cands[i]))
            continue;
        char trust[sizeof app->pack_trust] = "named on the command line or in the config";
        if (!named && i >= 2)
            snprintf(trust, sizeof trust, "installed default (trusted as part of the package)");
        /* The store's packs are checked against their kept signatures: bit rot is refused. */
        if (!named && i < 2 && app_store_verify(app, cands[i], trust, sizeof trust) != 0) {
            snprintf(err, errlen, "refused: %s", trust);
        } else if (content_load(app->content, cands[i], err, errlen) == 0) {
            memcpy(app->pack_path, cands[i], sizeof app->pack_path); /* same size */
            memcpy(app->pack_trust, trust, sizeof trust);
            return 0;
        }
        log_error("app", "cannot show the content pack %s: %s", cands[i], err);
        if (refused < sizeof app->pack_refused)
            refused +=
                (size_t)snprintf(app->pack_refused + refused, sizeof app->pack_refused - refused,
                                 "%s%s: %s", refused ? "; " : "", cands[i], err);
    }
    if (!named)
        snprintf(err, errlen, "no content pack could be shown (store %.200s, default %.200s)",
                 app->cfg.store_dir, app->cfg.default_pack);
    return -1;
}

/* The config file, then the command line on top of it. A bad line is logged with its line
 * number and its default kept: the kiosk always starts. */
static void load_config(VtApp *app)
{
    const char *path = app->cli.config;
    if (!path && exists(VT_CONFIG_PATH))
        path = VT_CONFIG_PATH;
    if (path)
        config_load(&app->cfg, path);
    else
        config_defaults(&app->cfg);
    if (app->cli.rotate >= 0)
        app->cfg.rotate = app->cli.rotate;
    if (app->cli.idle_s)
        app->cfg.idle_timeout_s = app->cli.idle_s;
    /* checked by cli_parse with the same setters: these cannot fail */
    char why[160];
    if (app->cli.screen_mm)
        config_set(&app->cfg, "screen_mm", app->cli.screen_mm, why, sizeof why);
    if (app->cli.text_scale)
        config_set(&app->cfg, "text_scale", app->cli.text_scale, why, sizeof why);
    if (app->cli.controls)
        config_set(&app->cfg, "controls", app->cli.controls, why, sizeof why);
}

/* Pixels per millimetre of a w x h (px) screen that is w_mm x h_mm in either orientation: the
 * longer side in mm goes with the longer side in pixels. 0 when implausible (why says why). */
static float density_of(int w, int h, int w_mm, int h_mm, char *why, size_t whylen)
{
    if ((w > h) != (w_mm > h_mm)) {
        int t = w_mm;
        w_mm = h_mm;
        h_mm = t;
    }
    return theme_ppmm(w, h, w_mm, h_mm, why, whylen);
}

/* The screen's density: the configured size (the technician knows best), else what the display
 * reports when it is plausible, else unknown (0: the ui assumes a 7" panel). Logged either way,
 * so the journal says which sizes the kiosk used. */
static float screen_density(const VtApp *app, int w, int h)
{
    char why[160];
    const VtConfig *c = &app->cfg;
    if (c->screen_w_mm) {
        float d = density_of(w, h, c->screen_w_mm, c->screen_h_mm, why, sizeof why);
        if (d > 0) {
            log_info("app", "screen %dx%d mm (configured): %.2f px/mm", c->screen_w_mm,
                     c->screen_h_mm, (double)d);
            return d;
        }
        log_warn("app", "screen_mm %dx%d ignored: %s", c->screen_w_mm, c->screen_h_mm, why);
    }
    int wmm, hmm, wpx, hpx;
    const char *src = "display";
    if (render_screen_mm(app->render, &wmm, &hmm, &wpx, &hpx, &src) == 0) {
        float d = density_of(wpx, hpx, wmm, hmm, why, sizeof why);
        if (d > 0) {
            log_info("app", "screen %dx%d mm (%s, %dx%d px): %.2f px/mm", wmm, hmm, src, wpx, hpx,
                     (double)d);
            return d;
        }
        log_warn("app", "the display's size is ignored (%s): %s", src, why);
    }
    log_info("app", "screen size unknown: sized as a 7\" panel (set screen_mm in the config)");
    return 0;
}

static void ui_settings(const VtApp *app, VtUiConfig *uc)
{
    ui_config_default(uc);
    uc->default_lang = app->cli.lang_set ? (app->cli.lang_en ? VT_LANG_EN : VT_LANG_NL)
                       : !strcmp(app->cfg.languages[0], "en") ? VT_LANG_EN
                                                              : VT_LANG_NL;
    uc->idle_timeout_ms = (uint32_t)app->cfg.idle_timeout_s * 1000u;
    snprintf(uc->staff_pin, sizeof uc->staff_pin, "%s", app->cfg.staff_pin);
    uc->text_pct = app->cfg.text_scale;
    uc->controls_bottom = app->cfg.controls_bottom;
}

static void find_fonts(VtApp *app)
{
    const char *dir = app->cli.fonts;
    if (!dir)
        dir = exists("/usr/share/vitrine/fonts/NotoSans-Regular.ttf") ? "/usr/share/vitrine/fonts"
                                                                      : VITRINE_ASSETS_DIR "/fonts";
    snprintf(app->font_dir, sizeof app->font_dir, "%s", dir);
}

static int64_t process_age_us(void)
{
    /* CLOCK_PROCESS_CPUTIME_ID would miss sleeping; use the wall time since exec via /proc. */
    struct timespec now;
    clock_gettime(CLOCK_BOOTTIME, &now);
    FILE *f = fopen("/proc/self/stat", "r");
    unsigned long long start = 0;
    if (f) {
        char buf[1024];
        if (fgets(buf, sizeof buf, f)) {
            char *p = strrchr(buf, ')');
            for (int field = 2; p && field < 22; field++)
                p = strchr(p + 1, ' ');
            if (p)
                sscanf(p + 1, "%llu", &start);
        }
        fclose(f);
    }
    long hz = sysconf(_SC_CLK_TCK);
    int64_t now_us = (int64_t)now.tv_sec * 1000000 + now.tv_nsec / 1000;
    return hz > 0 ? now_us - (int64_t)(start * 1000000ULL / (unsigned long long)hz) : -1;
}

/* Today for the timeline's marker. The kiosk has no network and a Raspberry Pi no battery
 * clock: a clock earlier than the pack's build date is wrong, so the build date stands in. */
long app_today(const VtApp *app)
{
    long long secs = app->cli.now_epoch ? app->cli.now_epoch : (long long)time(NULL);
    long days = (long)(secs / 86400);
    long built = app->content->built ? date_days(app->content->built) : 0;
    return (!app->cli.now_epoch && built > days) ? built : days;
}

int app_open(VtApp *app, const VtCli *cli)
{
    char err[512];
    memset(app, 0, sizeof *app);
    app->cli = *cli;
    app->first_frame_us = -1;
    app->watch.fd = -1;
    app->events = events_new(err, sizeof err);
    if (!app->events) {
        log_error("app", "%s", err);
        return -1;
    }
    load_config(app);
    find_fonts(app);
    app->content = xcalloc(1, sizeof *app->content);
    if (load_pack(app, err, sizeof err) != 0) {
        log_error("app", "%s", err);
        return -1;
    }
    log_info("app", "showing pack %s (version %d)", app->pack_path, app->content->version);
    VtRenderConfig rc = {cli->width,    cli->height, cli->fullscreen, app->cfg.rotate,
                         cli->software, cli->hidden, app->font_dir};
    app->render = render_new(&rc, err, sizeof err);
    if (!app->render) {
        log_error("app", "%s", err);
        return -1;
    }
    VtUiConfig uc;
    ui_settings(app, &uc);
    int w, h;
    render_size(app->render, &w, &h);
    uc.ppmm = screen_density(app, w, h);
    VtMeasure m = render_measure(app->render);
    app->t0 = events_now();
    app->ui = ui_new(app->content, &m, w, h, &uc, app->t0, app_today(app));
    if (!cli->now_epoch && app->content->built &&
        date_days(app->content->built) > time(NULL) / 86400)
        log_warn("app", "the clock is behind the pack's build date %s: using that as today",
                 app->content->built);
    VtUiHooks hooks = app_store_hooks(app);
    ui_set_hooks(app->ui, &hooks);
    schedule_clock_init(&app->screen, &app->cfg.schedule, app->cfg.wake_minutes);
    app->screen_on = 1;
    app_store_watch(app);
    app->watchdog_us = watchdog_init();
    /* Without a GPU driver a frame can take seconds: a hang is still caught, later. */
    if (app->watchdog_us && render_cpu_raster(app->render)) {
        uint64_t every = watchdog_extend(VT_WATCHDOG_CPU_RASTER_US);
        if (every)
            app->watchdog_us = every;
    }
    return 0;
}

void app_draw(VtApp *app)
{
    VtFrame f;
    ui_frame(app->ui, &f);
    render_frame(app->render, &f);
    render_present(app->render);
    if (app->first_frame_us < 0) {
        app->first_frame_us = process_age_us();
        watchdog_ready(); /* systemd: the kiosk is up once something is on the screen */
    }
}

/* systemd's status line (`systemctl status vitrine`): what is on the screen, which pack and
 * which renderer; sent only when it changes. */
static void report_status(VtApp *app)
{
    int shown = app->screen_on ? (int)ui_screen(app->ui) + 1 : 0;
    if (shown == app->status_screen && app->content == app->status_content)
        return; /* the main loop calls this every turn: nothing to build while nothing changed */
    app->status_screen = shown;
    app->status_content = app->content;
    char line[200], how[128];
    render_describe(app->render, how, sizeof how);
    if (app->screen_on)
        snprintf(line, sizeof line, "Showing %s, pack version %d (built %s), renderer %s",
                 ui_screen_name(ui_screen(app->ui)), app->content->version,
                 app->content->built ? app->content->built : "unknown", how);
    else
        snprintf(line, sizeof line, "Screen dark outside opening hours, pack version %d",
                 app->content->version);
    watchdog_status(line);
}

/* Escape three times within two seconds quits a desktop window; fullscreen ignores it. */
static void on_escape(VtApp *app, uint64_t now)
{
    if (app->cli.fullscreen)
        return;
    app->escapes = now - app->last_escape < 2000 ? app->escapes + 1 : 1;
    app->last_escape = now;
    if (app->escapes >= 3)
        app->running = 0;
}

static void handle(VtApp *app, VtInput *in, uint64_t now)
{
    switch (in->kind) {
    case VT_IN_POINTER:
        in->ptr.t_ms =
            now; /* the input layer's 32-bit timestamps wrap after 49 days; ours do not */
        schedule_touch(&app->screen, now);
        if (app->screen_on)
            ui_pointer(app->ui, &in->ptr);
        break;
    case VT_IN_KEY:
        if (in->key == VT_KEY_ESCAPE)
            on_escape(app, now);
        ui_key(app->ui, in->key, now);
        break;
    case VT_IN_QUIT: app->running = 0; break;
    case VT_IN_RESIZE:
        if (render_update_size(app->render)) {
            int w, h;
            render_size(app->render, &w, &h);
            ui_resize(app->ui, w, h);
        }
        ui_invalidate(app->ui);
        break;
    case VT_IN_EXPOSE: ui_invalidate(app->ui); break;
    case VT_IN_WATCH: app_store_changed(app); break;
    }
}

/* Opening hours: returns whether the exhibit is shown now, darkening the screen once when it
 * goes off; adds to next when the plan may change. */
static int screen_plan(VtApp *app, uint64_t now, VtDeadline *next)
{
    time_t t = time(NULL);
    struct tm local;
    localtime_r(&t, &local);
    VtScreenPlan plan = schedule_plan(&app->screen, &local, now);
    if (plan.sleep_ms >= 0)
        deadline_in(next, now, (uint64_t)plan.sleep_ms);
    if (plan.on != app->screen_on) {
        app->screen_on = plan.on;
        log_info("app", "screen %s", plan.on ? "on" : "off (outside opening hours)");
        if (!plan.on) {
            render_blank(app->render);
            if (app->first_frame_us < 0) { /* started outside opening hours: dark is up, too */
                app->first_frame_us = 0;
                watchdog_ready();
            }
            ui_enter_attract(app->ui);
        }
        if (plan.on)
            ui_invalidate(app->ui); /* draw the exhibit again; while dark nothing is drawn */
    }
    return plan.on;
}

int app_run(VtApp *app)
{
    VtInput in[32];
    app->running = 1;
    uint64_t stop_at =
        app->cli.run_for_s ? events_now() + (uint64_t)app->cli.run_for_s * 1000 : UINT64_MAX;
    while (app->running) {
        uint64_t now = events_now();
        if (now >= stop_at)
            break;
        /* Every source of work adds its next time; the loop sleeps until the earliest. */
        VtDeadline next = deadline_none();
        deadline_at(&next, stop_at);
        if (screen_plan(app, now, &next)) {
            ui_set_today(app->ui, app_today(app)); /* the marker moves at midnight */
            ui_tick(app->ui, now);
            if (ui_needs_draw(app->ui))
                app_draw(app);
            ui_deadline(app->ui, &next);
        }
        app_speech_sync(app, now, &next); /* also outside hours: the ui stopped it then */
        if (app->watchdog_us) {
            if (now >= app->next_ping) {
                watchdog_ping();
                app->next_ping = now + app->watchdog_us / 1000;
            }
            deadline_at(&next, app->next_ping);
        }
        report_status(app);
        int n = events_wait(app->events, app->render, deadline_wait_ms(&next, now), in, 32);
        now = events_now();
        for (int i = 0; i < n; i++)
            handle(app, &in[i], now);
    }
    watchdog_stopping();
    if (app->cli.shot_exit) { /* redraw, so the back buffer holds the last frame */
        VtFrame f;
        ui_frame(app->ui, &f);
        render_frame(app->render, &f);
        render_screenshot(app->render, app->cli.shot_exit);
    }
    return 0;
}

void app_print_stats(const VtApp *app)
{
    VtRenderStats s = render_stats(app->render);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("{\"time_to_first_frame_ms\": %.1f, \"frames\": %lu, \"texture_creations\": %lu, "
           "\"texture_uploads\": %lu, \"glyph_renders\": %lu, \"draw_calls_per_frame_max\": %lu, "
           "\"draw_calls_per_frame_mean\": %.1f, \"page_builds\": %lu, \"peak_rss_kib\": %ld, "
           "\"screen\": %d, \"wakeups\": %lu, \"voluntary_switches\": %ld}\n",
           app->first_frame_us / 1000.0, s.frames, s.texture_creates, s.texture_uploads,
           s.glyph_renders, s.draw_calls_max,
           s.frames ? (double)s.draw_calls / (double)s.frames : 0.0, ui_builds(app->ui),
           ru.ru_maxrss, (int)ui_screen(app->ui), app->events ? events_wakeups(app->events) : 0UL,
           ru.ru_nvcsw);
}

void app_close(VtApp *app)
{
    app_speech_close(app);
    app_store_close(app);
    ui_free(app->ui);
    render_free(app->render);
    if (app->content) {
        content_free(app->content);
        free(app->content);
    }
    events_free(app->events);
}
