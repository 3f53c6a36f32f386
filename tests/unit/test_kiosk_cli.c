/* The kiosk's command line (firmware/app/cli.c): every option's good and bad values. Values that
 * are also settings must be accepted exactly as the config file accepts them. */
#include "cli.h"
#include "vt_test.h"

#include <stdio.h>

/* Parses a NULL-terminated list of arguments after the program name. */
static VtCliResult parse(VtCli *c, const char *a0, const char *a1, const char *a2)
{
    char *argv[5] = {(char *)"vitrine", (char *)a0, (char *)a1, (char *)a2, NULL};
    int argc = 1 + (a0 != NULL) + (a1 != NULL) + (a2 != NULL);
    return cli_parse(c, argc, argv);
}

static void defaults_without_options(void)
{
    VtCli c;
    CHECK_INT(parse(&c, NULL, NULL, NULL), VT_CLI_RUN);
    CHECK_INT(c.width, 1280);
    CHECK_INT(c.height, 800);
    CHECK_INT(c.rotate, -1);
    CHECK_INT(c.idle_s, 0);
}

static void values_are_taken_whole(void)
{
    VtCli c;
    CHECK_INT(parse(&c, "--idle", "30abc", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--idle", "", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--run-for", "2s", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--size", "800x480junk", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--size", "x480", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--size", "800x480", NULL), VT_CLI_RUN);
    CHECK_INT(c.width, 800);
    CHECK_INT(c.height, 480);
    CHECK_INT(parse(&c, "--today", "2026-13-01", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--lang", "de", NULL), VT_CLI_EXIT_USAGE);
}

static void settings_use_the_config_rules(void)
{
    VtCli c;
    CHECK_INT(parse(&c, "--idle", "5", NULL), VT_CLI_EXIT_USAGE); /* the config's minimum is 10 */
    CHECK_INT(parse(&c, "--idle", "10", NULL), VT_CLI_RUN);
    CHECK_INT(c.idle_s, 10);
    CHECK_INT(parse(&c, "--rotate", "45", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--rotate=270", NULL, NULL), VT_CLI_RUN);
    CHECK_INT(c.rotate, 270);
    CHECK_INT(parse(&c, "--screen-mm", "154x86", NULL), VT_CLI_RUN);
    CHECK_STR(c.screen_mm, "154x86");
    CHECK_INT(parse(&c, "--screen-mm", "154", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--text-scale", "300", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--text-scale", "125", NULL), VT_CLI_RUN);
    CHECK_INT(parse(&c, "--controls", "side", NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--controls", "bottom", NULL), VT_CLI_RUN);
    CHECK_STR(c.controls, "bottom");
}

static void usage_errors(void)
{
    VtCli c;
    CHECK_INT(parse(&c, "--no-such", NULL, NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--pack", NULL, NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "stray", NULL, NULL), VT_CLI_EXIT_USAGE);
    CHECK_INT(parse(&c, "--fullscreen", "--software", "--hidden"), VT_CLI_RUN);
    CHECK(c.fullscreen && c.software && c.hidden);
    CHECK_INT(parse(&c, "--version", NULL, NULL), VT_CLI_EXIT_OK);
}

int main(void)
{
    RUN(defaults_without_options);
    RUN(values_are_taken_whole);
    RUN(settings_use_the_config_rules);
    RUN(usage_errors);
    return vt_test_finish();
}
