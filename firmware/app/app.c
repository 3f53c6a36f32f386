/*
 * app: start-up (finding the pack and fonts), the main loop and shutdown.
 *
 * The loop never spins: it computes the earliest deadline of the ui (momentum, attract slide,
 * idle countdown, long press) and blocks in events_wait() until then or until input. Drawing
 * happens only when the ui is dirty, so an idle screen costs nothing between attract steps.
 */
#include "app.h"

#include "events.h"
#include "log.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int exists(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0;
}

/* The pack: --pack, else the store's current pack, else the installed default, else the one
 * the build made next to the binary. */
static void find_pack(VtApp *app)
{
    const char *cands[] = {app->cli.pack, "/var/lib/vitrine/current.vpack",
                           "/usr/share/vitrine/content.vpack", NULL};
    for (int i = 0; i < 3; i++) {
        if (cands[i] && (exists(cands[i]) || i == 0)) {
            snprintf(app->pack_path, sizeof app->pack_path, "%s", cands[i]);
            return;
        }
    }
    char *base = SDL_GetBasePath();
    snprintf(app->pack_path, sizeof app->pack_path, "%s../../content.vpack", base ? base : "");
    SDL_free(base);
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

long app_today(const VtApp *app)
{
    long long secs = app->cli.now_epoch ? app->cli.now_epoch : (long long)time(NULL);
    return (long)(secs / 86400);
}

int app_open(VtApp *app, const VtCli *cli)
{
    char err[512];
    memset(app, 0, sizeof *app);
    app->cli = *cli;
    app->first_frame_us = -1;
    if (events_init(err, sizeof err) != 0) {
        log_error("app", "%s", err);
        return -1;
    }
    find_pack(app);
    find_fonts(app);
    if (content_load(&app->content, app->pack_path, err, sizeof err) != 0) {
        log_error("app", "cannot show the content pack %s: %s", app->pack_path, err);
        return -1;
    }
    log_info("app", "showing pack %s (version %d)", app->pack_path, app->content.version);
    VtRenderConfig rc = {cli->width, cli->height, cli->fullscreen, cli->rotate, cli->software,
                         cli->hidden, app->font_dir};
    app->render = render_new(&rc, err, sizeof err);
    if (!app->render) {
        log_error("app", "%s", err);
        return -1;
    }
    VtUiConfig uc;
    ui_config_default(&uc);
    uc.default_lang = cli->lang_en ? VT_LANG_EN : VT_LANG_NL;
    if (cli->idle_s)
        uc.idle_timeout_ms = (uint32_t)cli->idle_s * 1000u;
    int w, h;
    render_size(app->render, &w, &h);
    VtMeasure m = render_measure(app->render);
    app->t0 = events_now();
    ui_init(&app->ui, &app->content, &m, w, h, &uc, app->t0, app_today(app));
    return 0;
}

void app_draw(VtApp *app)
{
    VtFrame f;
    ui_frame(&app->ui, &f);
    render_frame(app->render, &f);
    render_present(app->render);
    if (app->first_frame_us < 0)
        app->first_frame_us = process_age_us();
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
        in->ptr.t_ms = now; /* SDL's 32-bit timestamps wrap after 49 days; ours do not */
        ui_pointer(&app->ui, &in->ptr);
        break;
    case VT_IN_KEY:
        if (in->key == VT_KEY_ESCAPE)
            on_escape(app, now);
        ui_key(&app->ui, in->key, now);
        break;
    case VT_IN_QUIT: app->running = 0; break;
    case VT_IN_RESIZE:
        if (render_update_size(app->render)) {
            int w, h;
            render_size(app->render, &w, &h);
            ui_resize(&app->ui, w, h);
        }
        app->ui.dirty = 1;
        break;
    case VT_IN_EXPOSE: app->ui.dirty = 1; break;
    }
}

int app_run(VtApp *app)
{
    VtInput in[32];
    app->running = 1;
    while (app->running) {
        uint64_t now = events_now();
        ui_tick(&app->ui, now);
        if (app->ui.dirty)
            app_draw(app);
        uint64_t dl = ui_deadline(&app->ui);
        int timeout = dl == 0 ? -1 : dl <= now ? 0 : (int)(dl - now);
        int n = events_wait(app->render, timeout, in, 32);
        now = events_now();
        for (int i = 0; i < n; i++)
            handle(app, &in[i], now);
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
           "\"draw_calls_per_frame_mean\": %.1f, \"page_builds\": %lu, \"peak_rss_kib\": %ld}\n",
           app->first_frame_us / 1000.0, s.frames, s.texture_creates, s.texture_uploads,
           s.glyph_renders, s.draw_calls_max,
           s.frames ? (double)s.draw_calls / (double)s.frames : 0.0, app->ui.builds,
           ru.ru_maxrss);
}

void app_close(VtApp *app)
{
    ui_free(&app->ui);
    render_free(app->render);
    content_free(&app->content);
    events_quit();
}
