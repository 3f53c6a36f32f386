/*
 * script_check: tokenising, coordinates (pixels or percentages of the window), expectations
 * and the monkey. Expectations compare against the ui's state and the renderer's counters, so
 * an end-to-end test can assert "no frame was drawn while idle" or "scrolling created no
 * texture" as well as "the reader shows question 3".
 */
#include "script_check.h"

#include "app_store.h"
#include "events.h"
#include "pack_schema.h"
#include "log.h"
#include "render.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(VtScriptState *s, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", s->path, s->line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Open descriptors: the entries of /proc/self/fd, less the one listing them. */
static long open_fds(void)
{
    long n = -1;
    DIR *d = opendir("/proc/self/fd");
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static VtCounters counters(const VtScriptState *s)
{
    VtRenderStats r = render_stats(s->app->render);
    return (VtCounters){r.frames,     r.texture_creates, r.glyph_renders, ui_builds(s->app->ui),
                        r.draw_calls, rss_kib(),         open_fds()};
}

void script_mark(VtScriptState *s) { s->mark = counters(s); }

/* Parses a coordinate: "123" pixels or "45%" of the window's extent along that axis. */
static int coord(VtScriptState *s, const char *tok, int axis, float *out)
{
    if (!tok)
        return -1;
    char *end;
    double v = strtod(tok, &end);
    int ww, wh;
    render_window_size(s->app->render, &ww, &wh);
    if (*end == '%')
        v = v / 100.0 * (axis ? wh : ww);
    else if (*end)
        return -1;
    *out = (float)v;
    return 0;
}

static int coords(VtScriptState *s, char **tok, int n, float *out)
{
    for (int i = 0; i < n; i++)
        if (coord(s, tok[i], i % 2, &out[i]) != 0)
            return -1;
    return 0;
}

static const char *const key_names[] = {"",        "up",       "down",  "left",   "right",
                                        "pageup",  "pagedown", "enter", "escape", "tab",
                                        "backtab", "home",     "lang"};

/* sync MS: waits up to MS real milliseconds for the store watch to wake the loop (an import or
 * rollback by another process), and handles it as the main loop would. */
static int sync_store(VtScriptState *s, long ms)
{
    VtInput in[8];
    uint64_t end = events_now() + (uint64_t)ms;
    while (events_now() < end) {
        int n = events_wait(s->app->events, s->app->render, (int)(end - events_now()), in, 8);
        for (int i = 0; i < n; i++)
            if (in[i].kind == VT_IN_WATCH && app_store_changed(s->app)) {
                if (ui_needs_draw(s->app->ui))
                    app_draw(s->app);
                return 0;
            }
    }
    return fail(s, "no store change within %ld ms", ms);
}

/* tapaction NAME [NTH]: taps the centre of the first (or NTH, from 0) visible target doing
 * NAME (rollback, close, home, back, about, lang, speak, scrollback, scrollon, year), through
 * the same pointer path as a finger (rotation 0 only). */
static int tap_action(VtScriptState *s, const char *name, int nth)
{
    static const struct {
        const char *name;
        VtAction a;
    } names[] = {{"home", VT_ACT_HOME},
                 {"back", VT_ACT_BACK},
                 {"about", VT_ACT_ABOUT},
                 {"lang", VT_ACT_LANG},
                 {"rollback", VT_ACT_STAFF_ROLLBACK},
                 {"close", VT_ACT_STAFF_CLOSE},
                 {"speak", VT_ACT_SPEAK},
                 {"scrollback", VT_ACT_SCROLL},
                 {"scrollon", VT_ACT_SCROLL},
                 {"year", VT_ACT_YEAR}};
    VtFrame f;
    ui_frame(s->app->ui, &f); /* lays out what is stale, so the targets are current */
    float x, y;
    nth += !strcmp(name, "scrollon"); /* a scroll pair is added back, then on */
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!strcmp(names[k].name, name) &&
            ui_hit_center(s->app->ui, names[k].a, nth, &x, &y) == 0) {
            script_tap(s, x, y, 80);
            return 0;
        }
    return fail(s, "no '%s' target on the screen", name);
}

static int compare(const char *op, long a, long b)
{
    if (!strcmp(op, "="))
        return a == b;
    if (!strcmp(op, "<"))
        return a < b;
    if (!strcmp(op, ">"))
        return a > b;
    if (!strcmp(op, "<="))
        return a <= b;
    if (!strcmp(op, ">="))
        return a >= b;
    return -1;
}

static int expect_counter(VtScriptState *s, char **t)
{
    VtCounters now = counters(s);
    long v;
    if (!strcmp(t[1], "frames"))
        v = (long)(now.frames - s->mark.frames);
    else if (!strcmp(t[1], "textures"))
        v = (long)(now.textures - s->mark.textures);
    else if (!strcmp(t[1], "glyphs"))
        v = (long)(now.glyphs - s->mark.glyphs);
    else if (!strcmp(t[1], "builds"))
        v = (long)(now.builds - s->mark.builds);
    else if (!strcmp(t[1], "draws")) /* per frame, the mean (0 without frames) */
        v = now.frames > s->mark.frames
                ? (long)((now.draws - s->mark.draws) / (now.frames - s->mark.frames))
                : 0;
    else if (!strcmp(t[1], "scroll"))
        v = ui_scroll_offset(s->app->ui);
    else if (!strcmp(t[1], "rss"))
        v = now.rss_kib - s->mark.rss_kib; /* growth, KiB */
    else if (!strcmp(t[1], "fds"))
        v = now.fds - s->mark.fds; /* growth */
    else
        return fail(s, "unknown expectation '%s'", t[1]);
    if (!t[2] || !t[3])
        return fail(s, "expect %s needs an operator and a number", t[1]);
    int ok = compare(t[2], v, atol(t[3]));
    if (ok < 0)
        return fail(s, "unknown operator '%s'", t[2]);
    return ok ? 0 : fail(s, "expected %s %s %s, got %ld", t[1], t[2], t[3], v);
}

static int expect_unit(VtScriptState *s, char **t)
{
    VtView v = ui_view(s->app->ui);
    if (v.screen != VT_SCR_READER)
        return fail(s, "expected the reader, got %s", ui_screen_name(v.screen));
    const VtItem *it = &s->app->content->docs[v.doc].items[v.item];
    const char *const *kinds = pack_item_kinds;
    if (!t[2] || !t[3])
        return fail(s, "expect unit needs a kind and a number");
    if (strcmp(kinds[it->kind], t[2]) || it->number != atoi(t[3]))
        return fail(s, "expected unit %s %s, got %s %d", t[2], t[3], kinds[it->kind], it->number);
    return 0;
}

/* expect speak|speaking|spoken yes|no: the read-aloud control is on the screen, a reading is
 * under way, the sentence heard is marked. */
static int expect_speech(VtScriptState *s, char **t)
{
    VtUi *ui = s->app->ui;
    VtFrame f;
    ui_frame(ui, &f); /* lays out what is stale, so the targets and the mark are current */
    float x, y;
    int want = !strcmp(t[2], "yes"), got = !strcmp(t[1], "speak")
                                               ? ui_hit_center(ui, VT_ACT_SPEAK, 0, &x, &y) == 0
                                           : !strcmp(t[1], "speaking") ? ui_speaking(ui)
                                                                       : f.spoken.w > 0;
    return got != want ? fail(s, "expected %s %s", t[1], t[2]) : 0;
}

static int expect(VtScriptState *s, char **t)
{
    const VtUi *ui = s->app->ui;
    if (!t[1] || !t[2])
        return fail(s, "expect needs what and a value");
    if (!strcmp(t[1], "screen")) {
        const char *got = ui_screen_name(ui_screen(ui));
        return strcmp(got, t[2]) ? fail(s, "expected screen %s, got %s", t[2], got) : 0;
    }
    if (!strcmp(t[1], "lang")) {
        const char *got = ui_lang(ui) == VT_LANG_EN ? "en" : "nl";
        return strcmp(got, t[2]) ? fail(s, "expected lang %s, got %s", t[2], got) : 0;
    }
    if (!strcmp(t[1], "doc")) {
        VtView v = ui_view(ui);
        const char *got = (v.screen == VT_SCR_DOC || v.screen == VT_SCR_READER)
                              ? s->app->content->docs[v.doc].id
                              : "(none)";
        return strcmp(got, t[2]) ? fail(s, "expected doc %s, got %s", t[2], got) : 0;
    }
    if (!strcmp(t[1], "unit"))
        return expect_unit(s, t);
    if (!strcmp(t[1], "text")) /* a word shown on the current page */
        return ui_find_text(ui, t[2]) ? 0 : fail(s, "expected '%s' on the screen", t[2]);
    if (!strcmp(t[1], "version")) {
        int got = s->app->content->version;
        return got != atoi(t[2]) ? fail(s, "expected pack version %s, got %d", t[2], got) : 0;
    }
    if (!strcmp(t[1], "toast")) {
        const char *got = ui_toast_text(ui);
        return !strstr(got, t[2]) ? fail(s, "expected a message with '%s', got '%s'", t[2], got)
                                  : 0;
    }
    if (!strcmp(t[1], "speak") || !strcmp(t[1], "speaking") || !strcmp(t[1], "spoken"))
        return expect_speech(s, t);
    if (!strcmp(t[1], "warning")) {
        int got = ui_idle_warning(ui) > 0;
        return got != !strcmp(t[2], "yes") ? fail(s, "expected warning %s", t[2]) : 0;
    }
    return expect_counter(s, t);
}

/* go about | go doc ID | go reader ID KIND N: opens a screen directly (reference images). */
static int go(VtScriptState *s, char **t)
{
    VtUi *ui = s->app->ui;
    const VtContent *c = s->app->content;
    ui_wake(ui, s->now);
    if (!strcmp(t[1], "about")) {
        ui_activate(ui, VT_ACT_ABOUT, 0, 0);
        return 0;
    }
    int d = t[2] ? content_find_doc(c, t[2]) : -1;
    if (d < 0)
        return fail(s, "go: no document '%s'", t[2] ? t[2] : "");
    if (!strcmp(t[1], "doc")) {
        ui_activate(ui, VT_ACT_OPEN_DOC, d, 0);
        return 0;
    }
    const char *const *kinds = pack_item_kinds;
    for (int i = 0; t[3] && t[4] && i < c->docs[d].nitems; i++) {
        const VtItem *it = &c->docs[d].items[i];
        if (!strcmp(kinds[it->kind], t[3]) && it->number == atoi(t[4])) {
            ui_activate(ui, VT_ACT_OPEN_ITEM, d, i);
            return 0;
        }
    }
    return fail(s, "go: no %s %s in %s", t[3] ? t[3] : "?", t[4] ? t[4] : "?", t[2]);
}

static uint64_t rnd(uint64_t *st)
{
    *st ^= *st << 13;
    *st ^= *st >> 7;
    *st ^= *st << 17;
    return *st;
}

/* Random visitors: mostly taps and drags anywhere, some keys, waits up to 2 s, and now and
 * then a long absence that lets the idle timer send the kiosk back to the attract loop. */
static void monkey(VtScriptState *s, long n, uint64_t seed)
{
    uint64_t st = seed ? seed : 1;
    int ww, wh;
    render_window_size(s->app->render, &ww, &wh);
    for (long i = 0; i < n; i++) {
        float x = (float)(rnd(&st) % (uint64_t)ww), y = (float)(rnd(&st) % (uint64_t)wh);
        float x2 = (float)(rnd(&st) % (uint64_t)ww), y2 = (float)(rnd(&st) % (uint64_t)wh);
        switch (rnd(&st) % 10) {
        case 0:
        case 1:
        case 2:
        case 3: script_tap(s, x, y, 60); break;
        case 4: script_drag(s, x, y, x2, y2, 200, 0); break;
        case 5: script_drag(s, x, y, x2, y2, 80, 1); break;
        case 6: script_key(s, (VtKey)(1 + rnd(&st) % 12)); break;
        case 7: script_finger(s, 2 + (long)(rnd(&st) % 3), (VtPtrType)(rnd(&st) % 4), x, y); break;
        case 8: script_wait(s, rnd(&st) % 2000); break;
        default: script_wait(s, (rnd(&st) % 50) == 0 ? 120000 : 300); break;
        }
    }
    /* lift every finger the monkey may have left down */
    for (long id = 1; id < 5; id++)
        script_finger(s, id, VT_PTR_UP, 0, 0);
}

int script_exec(VtScriptState *s, char *line)
{
    char *t[8] = {0};
    int n = 0;
    for (char *p = strtok(line, " \t\r\n"); p && n < 8; p = strtok(NULL, " \t\r\n"))
        t[n++] = p;
    if (!n || t[0][0] == '#')
        return 0;
    float c[4];
    const char *cmd = t[0];
    if (!strcmp(cmd, "wait") && n == 2) {
        script_wait(s, (uint64_t)atoll(t[1]));
    } else if ((!strcmp(cmd, "tap") || !strcmp(cmd, "longpress")) && n == 3 &&
               !coords(s, t + 1, 2, c)) {
        script_tap(s, c[0], c[1], cmd[0] == 't' ? 80 : VT_UI_STAFF_HOLD_MS + 200);
    } else if ((!strcmp(cmd, "drag") || !strcmp(cmd, "swipe")) && n >= 5 &&
               !coords(s, t + 1, 4, c)) {
        int fling = cmd[0] == 's';
        int ms = n > 5 ? atoi(t[5]) : fling ? 120 : 400;
        script_drag(s, c[0], c[1], c[2], c[3], ms, fling);
    } else if (!strcmp(cmd, "finger") && n == 5 && !coords(s, t + 3, 2, c)) {
        VtPtrType ty = !strcmp(t[2], "down") ? VT_PTR_DOWN
                       : !strcmp(t[2], "up") ? VT_PTR_UP
                                             : VT_PTR_MOVE;
        script_finger(s, atol(t[1]), ty, c[0], c[1]);
    } else if (!strcmp(cmd, "key") && n == 2) {
        for (int k = 1; k < (int)(sizeof key_names / sizeof *key_names); k++)
            if (!strcmp(key_names[k], t[1])) {
                script_key(s, (VtKey)k);
                return 0;
            }
        return fail(s, "unknown key '%s'", t[1]);
    } else if (!strcmp(cmd, "screenshot") && n == 2) {
        if (ui_needs_draw(s->app->ui))
            app_draw(s->app);
        VtFrame f;
        ui_frame(s->app->ui, &f); /* redraw so the back buffer holds this frame */
        render_frame(s->app->render, &f);
        if (render_screenshot(s->app->render, t[1]) != 0)
            return fail(s, "cannot write %s", t[1]);
        render_present(s->app->render);
    } else if (!strcmp(cmd, "sync") && n == 2) {
        return sync_store(s, atol(t[1]));
    } else if (!strcmp(cmd, "listen") && n == 2) { /* real time, for the audio thread */
        for (long ms = atol(t[1]); ms > 0; ms -= 20) {
            usleep(20000);
            script_wait(s, 20);
        }
    } else if (!strcmp(cmd, "tapaction") && (n == 2 || n == 3)) {
        return tap_action(s, t[1], n == 3 ? atoi(t[2]) : 0);
    } else if (!strcmp(cmd, "pin") && n == 2) {
        for (const char *d = t[1]; *d; d++)
            ui_activate(s->app->ui, VT_ACT_PIN_DIGIT, *d - '0', 0);
        ui_activate(s->app->ui, VT_ACT_PIN_DIGIT, 11, 0);
        app_draw(s->app);
    } else if (!strcmp(cmd, "go") && n >= 2) {
        int rc = go(s, t);
        if (ui_needs_draw(s->app->ui))
            app_draw(s->app);
        return rc;
    } else if (!strcmp(cmd, "redraw") && n == 2) {
        for (long i = atol(t[1]); i > 0; i--) {
            ui_invalidate(s->app->ui);
            app_draw(s->app);
        }
    } else if (!strcmp(cmd, "mark") && n == 1) {
        script_mark(s);
    } else if (!strcmp(cmd, "expect")) {
        return expect(s, t);
    } else if (!strcmp(cmd, "monkey") && n == 3) {
        monkey(s, atol(t[1]), (uint64_t)atoll(t[2]));
    } else {
        return fail(s, "cannot read '%s' (see vitrine --help and firmware/app/script.h)", cmd);
    }
    return 0;
}
