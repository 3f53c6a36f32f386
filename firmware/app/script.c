/*
 * script: a line interpreter over a virtual clock. Every action is expressed as pointer events
 * with timestamps plus advance(), which replays the main loop's tick/draw cycle at each ui
 * deadline up to the target time.
 */
#include "script.h"

#include "app_speech.h"
#include "log.h"
#include "script_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STEP_MS 16 /* pointer samples during drags: a 60 Hz touch controller */

static uint64_t next_deadline(const VtUi *ui)
{
    VtDeadline d = deadline_none();
    ui_deadline(ui, &d);
    return d.at; /* UINT64_MAX: none */
}

/* Replays the main loop from s->now to target: tick at each deadline, draw when dirty. */
static void advance(VtScriptState *s, uint64_t target)
{
    VtApp *app = s->app;
    for (int guard = 0; guard < 100000; guard++) {
        uint64_t dl = next_deadline(app->ui);
        if (dl > target)
            break;
        s->now = dl > s->now ? dl : s->now;
        ui_tick(app->ui, s->now);
        app_speech_sync(app, s->now, &(VtDeadline){UINT64_MAX}); /* read aloud: as the loop */
        if (ui_needs_draw(app->ui))
            app_draw(app);
        if (next_deadline(app->ui) <= s->now)
            s->now++; /* a deadline that does not move must not stall the clock */
    }
    s->now = target > s->now ? target : s->now;
    ui_tick(app->ui, s->now);
    app_speech_sync(app, s->now, &(VtDeadline){UINT64_MAX});
    if (ui_needs_draw(app->ui))
        app_draw(app);
}

static void pointer(VtScriptState *s, VtPtrType type, long id, float wx, float wy)
{
    float lx, ly;
    render_unrotate(s->app->render, wx, wy, &lx, &ly);
    VtPtrEvent ev = {type, id, lx, ly, s->now};
    ui_pointer(s->app->ui, &ev);
    if (ui_needs_draw(s->app->ui))
        app_draw(s->app);
}

/* A move from (x1,y1) to (x2,y2) over ms, in STEP_MS samples. */
static void move(VtScriptState *s, float x1, float y1, float x2, float y2, int ms)
{
    int steps = ms / STEP_MS > 1 ? ms / STEP_MS : 1;
    for (int i = 1; i <= steps; i++) {
        advance(s, s->now + STEP_MS);
        float t = (float)i / (float)steps;
        pointer(s, VT_PTR_MOVE, 1, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
    }
}

void script_tap(VtScriptState *s, float x, float y, int hold)
{
    pointer(s, VT_PTR_DOWN, 1, x, y);
    advance(s, s->now + (uint64_t)hold);
    pointer(s, VT_PTR_UP, 1, x, y);
}

void script_drag(VtScriptState *s, float x1, float y1, float x2, float y2, int ms, int fling)
{
    pointer(s, VT_PTR_DOWN, 1, x1, y1);
    move(s, x1, y1, x2, y2, ms);
    if (!fling) /* hold still so the release carries no velocity */
        advance(s, s->now + 150);
    pointer(s, VT_PTR_UP, 1, x2, y2);
}

void script_key(VtScriptState *s, VtKey k)
{
    ui_key(s->app->ui, k, s->now);
    if (ui_needs_draw(s->app->ui))
        app_draw(s->app);
}

void script_wait(VtScriptState *s, uint64_t ms) { advance(s, s->now + ms); }

void script_finger(VtScriptState *s, long id, VtPtrType type, float x, float y)
{
    pointer(s, type, id, x, y);
}

int script_run(VtApp *app, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        log_error("script", "cannot open %s", path);
        return 1;
    }
    VtScriptState s = {app, app->t0, 0, {0}, path};
    script_mark(&s);
    char line[1024];
    int rc = 0;
    app_draw(app); /* the first frame, as the real loop draws it */
    while (rc == 0 && fgets(line, sizeof line, f)) {
        s.line++;
        rc = script_exec(&s, line);
    }
    fclose(f);
    return rc;
}
