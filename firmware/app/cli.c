/*
 * cli: long options only (getopt_long), each explained in --help. A bad value is a usage error
 * with the option named, never a silent default. Options that are also settings (--idle,
 * --rotate) are checked by the config module's own setter, so the command line and
 * /etc/vitrine/vitrine.conf accept exactly the same values.
 */
#include "cli.h"

#include "config.h"
#include "content.h"

#include <errno.h>
#include <getopt.h>
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
          "  --lang nl|en       language a visit starts in (default nl)\n",
          f);
    int lo = 0, hi = 0;
    config_range("idle_timeout", &lo, &hi);
    fprintf(f, "  --idle SECONDS     back to the attract loop after this much inactivity (%d-%d)\n",
            lo, hi);
    fputs("  --screen-mm WxH    the screen's visible size in mm (e.g. 154x86), or auto: what\n"
          "                     the display reports; sizes text, buttons and gestures\n",
          f);
    config_range("text_scale", &lo, &hi);
    fprintf(f, "  --text-scale PCT   text size a visit starts at, %d-%d (percent)\n", lo, hi);
    fputs("  --controls top|bottom  where the navigation buttons are\n"
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

/* Whole decimal number in [lo, hi]; "30abc", "", "-" and overflow are refused. */
static int parse_int(const char *s, long lo, long hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    char buf[32];
    const char *x = strchr(s, 'x');
    if (!x || (size_t)(x - s) >= sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)(x - s));
    buf[x - s] = '\0';
    return parse_int(buf, 320, 8192, w) == 0 && parse_int(x + 1, 240, 8192, h) == 0 ? 0 : -1;
}

static int parse_day(const char *s, long long *epoch)
{
    if (strlen(s) != 10 || date_year(s) == 0)
        return -1;
    *epoch = date_days(s) * 86400LL;
    return 0;
}

/* A value that is also a setting goes through the config's setter, into *as (NULL: checked
 * only); why gets its reason. */
static int parse_setting(const char *key, const char *v, VtConfig *as, char *why, size_t whylen)
{
    VtConfig scratch;
    if (!as)
        as = &scratch;
    config_defaults(as);
    return config_set(as, key, v, why, whylen) != 0 ? -1 : 0;
}

enum {
    OPT_PACK = 256,
    OPT_FONTS,
    OPT_SCRIPT,
    OPT_CONFIG,
    OPT_SHOT,
    OPT_SIZE,
    OPT_ROTATE,
    OPT_LANG,
    OPT_IDLE,
    OPT_RUN_FOR,
    OPT_SCREEN_MM,
    OPT_TEXT_SCALE,
    OPT_CONTROLS,
    OPT_TODAY,
    OPT_FULLSCREEN,
    OPT_SOFTWARE,
    OPT_STATS,
    OPT_HIDDEN,
    OPT_HELP,
    OPT_VERSION
};

static const struct option options[] = {
    {"pack", required_argument, NULL, OPT_PACK},
    {"fonts", required_argument, NULL, OPT_FONTS},
    {"script", required_argument, NULL, OPT_SCRIPT},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"screenshot-at-exit", required_argument, NULL, OPT_SHOT},
    {"size", required_argument, NULL, OPT_SIZE},
    {"rotate", required_argument, NULL, OPT_ROTATE},
    {"lang", required_argument, NULL, OPT_LANG},
    {"idle", required_argument, NULL, OPT_IDLE},
    {"run-for", required_argument, NULL, OPT_RUN_FOR},
    {"screen-mm", required_argument, NULL, OPT_SCREEN_MM},
    {"text-scale", required_argument, NULL, OPT_TEXT_SCALE},
    {"controls", required_argument, NULL, OPT_CONTROLS},
    {"today", required_argument, NULL, OPT_TODAY},
    {"fullscreen", no_argument, NULL, OPT_FULLSCREEN},
    {"software", no_argument, NULL, OPT_SOFTWARE},
    {"stats", no_argument, NULL, OPT_STATS},
    {"hidden", no_argument, NULL, OPT_HIDDEN},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Applies one option with a value; returns 0, or -1 with the reason in why. */
static int apply_value(VtCli *c, int opt, const char *v, char *why, size_t whylen)
{
    VtConfig set;
    switch (opt) {
    case OPT_PACK: c->pack = v; return 0;
    case OPT_FONTS: c->fonts = v; return 0;
    case OPT_SCRIPT: c->script = v; return 0;
    case OPT_CONFIG: c->config = v; return 0;
    case OPT_SHOT: c->shot_exit = v; return 0;
    case OPT_SIZE: return parse_size(v, &c->width, &c->height);
    case OPT_ROTATE:
        if (parse_setting("rotate", v, &set, why, whylen) != 0)
            return -1;
        c->rotate = set.rotate;
        return 0;
    case OPT_IDLE:
        if (parse_setting("idle_timeout", v, &set, why, whylen) != 0)
            return -1;
        c->idle_s = set.idle_timeout_s;
        return 0;
    case OPT_RUN_FOR: return parse_int(v, 1, 86400, &c->run_for_s);
    case OPT_SCREEN_MM: c->screen_mm = v; return parse_setting("screen_mm", v, NULL, why, whylen);
    case OPT_TEXT_SCALE:
        c->text_scale = v;
        return parse_setting("text_scale", v, NULL, why, whylen);
    case OPT_CONTROLS: c->controls = v; return parse_setting("controls", v, NULL, why, whylen);
    case OPT_TODAY: return parse_day(v, &c->now_epoch);
    case OPT_LANG:
        if (strcmp(v, "nl") && strcmp(v, "en"))
            return -1;
        c->lang_en = !strcmp(v, "en");
        c->lang_set = 1;
        return 0;
    default: return -1;
    }
}

/* Applies a flag; returns 1 when it was one. */
static int apply_flag(VtCli *c, int opt)
{
    int *flag = opt == OPT_FULLSCREEN ? &c->fullscreen
                : opt == OPT_SOFTWARE ? &c->software
                : opt == OPT_STATS    ? &c->stats
                : opt == OPT_HIDDEN   ? &c->hidden
                                      : NULL;
    if (flag)
        *flag = 1;
    return flag != NULL;
}

VtCliResult cli_parse(VtCli *c, int argc, char **argv)
{
    memset(c, 0, sizeof *c);
    c->width = 1280;
    c->height = 800;
    c->rotate = -1;
    optind = 0; /* a fresh scan, also when called again (tests) */
    opterr = 0;
    int opt, at;
    while ((opt = getopt_long(argc, argv, ":", options, &at)) != -1) {
        char why[160] = "";
        if (opt == OPT_HELP) {
            usage(stdout);
            return VT_CLI_EXIT_OK;
        }
        if (opt == OPT_VERSION) {
            printf("vitrine %s\n", VITRINE_VERSION);
            return VT_CLI_EXIT_OK;
        }
        if (opt == ':' || opt == '?') {
            fprintf(stderr, "vitrine: %s %s (see --help)\n", argv[optind - 1],
                    opt == ':' ? "needs a value" : "is not an option");
            return VT_CLI_EXIT_USAGE;
        }
        if (apply_flag(c, opt))
            continue;
        if (apply_value(c, opt, optarg, why, sizeof why) != 0) {
            fprintf(stderr, "vitrine: bad value for --%s: %s%s%s (see --help)\n", options[at].name,
                    optarg, why[0] ? ": " : "", why);
            return VT_CLI_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "vitrine: unexpected argument %s (see --help)\n", argv[optind]);
        return VT_CLI_EXIT_USAGE;
    }
    return VT_CLI_RUN;
}
