/*
 * cli: the kiosk's command line. Parsing is separate from main so it can be unit-tested and so
 * main.c stays a short list of steps.
 */
#ifndef VT_CLI_H
#define VT_CLI_H

typedef struct {
    const char *pack;       /* --pack PATH */
    const char *fonts;      /* --fonts DIR */
    const char *script;     /* --script FILE */
    const char *config;     /* --config FILE */
    const char *shot_exit;  /* --screenshot-at-exit FILE */
    int width, height;      /* --size WxH */
    int fullscreen;         /* --fullscreen */
    int rotate;             /* --rotate 0|90|180|270; -1: from the config */
    int software;           /* --software */
    int stats;              /* --stats */
    int hidden;             /* --hidden (no visible window; scripts) */
    long long now_epoch;    /* --today YYYY-MM-DD as seconds, 0: the system clock */
    int lang_en;            /* --lang en */
    int lang_set;           /* --lang was given */
    int idle_s;             /* --idle SECONDS, 0: config/default */
    int run_for_s;          /* --run-for SECONDS: quit after that long (tests), 0: never */
    const char *screen_mm;  /* --screen-mm WxH|auto, NULL: the config's */
    const char *text_scale; /* --text-scale PERCENT, NULL: the config's */
    const char *controls;   /* --controls top|bottom, NULL: the config's */
} VtCli;

typedef enum { VT_CLI_RUN, VT_CLI_EXIT_OK, VT_CLI_EXIT_USAGE } VtCliResult;

/* Parses argv into cli (defaults first). Prints --help / --version text or the usage error
 * itself and says whether to run or exit. */
VtCliResult cli_parse(VtCli *cli, int argc, char **argv);

#endif
