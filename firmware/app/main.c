/*
 * vitrine: the exhibit kiosk. Parse the command line, open the pack and the screen, run the
 * loop (or a script), report, close.
 */
#include "app.h"
#include "cli.h"
#include "script.h"

int main(int argc, char **argv)
{
    VtCli cli;
    VtCliResult r = cli_parse(&cli, argc, argv);
    if (r != VT_CLI_RUN)
        return r == VT_CLI_EXIT_OK ? 0 : 2;
    VtApp app;
    int rc = 1;
    if (app_open(&app, &cli) == 0)
        rc = cli.script ? script_run(&app, cli.script) : app_run(&app);
    if (cli.stats && app.render)
        app_print_stats(&app);
    app_close(&app);
    return rc;
}
