/*
 * cli: long options only, each explained in --help. A bad value is a usage error with the
 * option named, never a silent default.
 */
#include "cli.h"

#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("Usage: vitrine [OPTION]...\n"
          "The Vitrine exhibit kiosk: shows the content pack full screen for touch.\n\n"
          "  --pack PATH        content pack to show (default: the installed pack,\n"
          "                     else build/content.vpack)\n"
          "  --config FILE      configuration file (default /etc/vitrine/vitrine.conf)\n"
          "  --fonts DIR        font folder (default /usr/share/vitrine/fonts, else assets/fonts)\n"
          "  --fullscreen       fill the screen, hide the cursor (the device)\n"
          "  --size WxH         window size (default 1280x800)\n"
          "  --rotate DEG       screen mounted rotated: 0, 90, 180 or 270 (clockwise)\n"
          "  --lang nl|en       language a visit starts in (default nl)\n"
          "  --idle SECONDS     back to the attract loop after this much inactivity\n"
          "  --software         use SDL's software renderer\n"
          "  --script FILE      run a script of touches, keys, waits and screenshots with an\n"
          "                     injected clock, then exit (commands: firmware/app/script.h)\n"
          "  --hidden           do not show the window (with --script)\n"
          "  --today YYYY-MM-DD the date the timeline marks as today (default: the clock)\n"
          "  --stats            print JSON statistics on exit\n"
          "  --run-for SECONDS  quit after that long (tests of the real main loop)\n"
          "  --screenshot-at-exit FILE  save the last frame as PNG when quitting\n"
          "  --help, --version\n",
          f);
}

static int parse_size(const char *s, int *w, int *h)
{
    return sscanf(s, "%dx%d", w, h) == 2 && *w >= 320 && *h >= 240 && *w <= 8192 && *h <= 8192;
}

static long long parse_day(const char *s)
{
    if (strlen(s) != 10 || date_year(s) == 0)
        return -1;
    return date_days(s) * 86400LL;
}

VtCliResult cli_parse(VtCli *c, int argc, char **argv)
{
    memset(c, 0, sizeof *c);
    c->width = 1280;
    c->height = 800;
    c->rotate = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (!strcmp(a, "--help")) {
            usage(stdout);
            return VT_CLI_EXIT_OK;
        }
        if (!strcmp(a, "--version")) {
            printf("vitrine %s\n", VITRINE_VERSION);
            return VT_CLI_EXIT_OK;
        }
        if (!strcmp(a, "--fullscreen")) {
            c->fullscreen = 1;
            takes = 0;
        } else if (!strcmp(a, "--software")) {
            c->software = 1;
            takes = 0;
        } else if (!strcmp(a, "--stats")) {
            c->stats = 1;
            takes = 0;
        } else if (!strcmp(a, "--hidden")) {
            c->hidden = 1;
            takes = 0;
        } else if (!v) {
            fprintf(stderr, "vitrine: %s needs a value (see --help)\n", a);
            return VT_CLI_EXIT_USAGE;
        } else if (!strcmp(a, "--pack"))
            c->pack = v;
        else if (!strcmp(a, "--fonts"))
            c->fonts = v;
        else if (!strcmp(a, "--script"))
            c->script = v;
        else if (!strcmp(a, "--config"))
            c->config = v;
        else if (!strcmp(a, "--screenshot-at-exit"))
            c->shot_exit = v;
        else if (!strcmp(a, "--size")) {
            if (!parse_size(v, &c->width, &c->height))
                goto bad;
        } else if (!strcmp(a, "--rotate")) {
            c->rotate = atoi(v);
            if (c->rotate % 90 || c->rotate < 0 || c->rotate > 270 ||
                strspn(v, "0123456789") != strlen(v))
                goto bad;
        } else if (!strcmp(a, "--lang")) {
            if (strcmp(v, "nl") && strcmp(v, "en"))
                goto bad;
            c->lang_en = !strcmp(v, "en");
            c->lang_set = 1;
        } else if (!strcmp(a, "--idle")) {
            c->idle_s = atoi(v);
            if (c->idle_s < 5 || c->idle_s > 3600)
                goto bad;
        } else if (!strcmp(a, "--run-for")) {
            c->run_for_s = atoi(v);
            if (c->run_for_s < 1 || c->run_for_s > 86400)
                goto bad;
        } else if (!strcmp(a, "--today")) {
            c->now_epoch = parse_day(v);
            if (c->now_epoch < 0)
                goto bad;
        } else {
            fprintf(stderr, "vitrine: unknown option %s (see --help)\n", a);
            return VT_CLI_EXIT_USAGE;
        }
        i += takes;
        continue;
    bad:
        fprintf(stderr, "vitrine: bad value for %s: %s (see --help)\n", a, v);
        return VT_CLI_EXIT_USAGE;
    }
    return VT_CLI_RUN;
}
