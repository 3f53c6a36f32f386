/*
 * pack_main: the `vitrine-pack` command line. Subcommands map one to one onto the library:
 * build = source_parse_dir() + pack_build(), check = pack_check_path(), info =
 * pack_info_print(). Exit status 0 on success, 1 when the content or the pack is wrong (errors
 * on stderr, one per line), 2 on a usage mistake.
 *
 * The build date is never read from the clock: it is --date, else SOURCE_DATE_EPOCH (the
 * reproducible-builds convention), else not recorded, so two builds of the same sources are
 * identical files.
 */
#include "pack_build.h"
#include "pack_check.h"
#include "pack_info.h"
#include "pack_text.h"
#include "source_parse.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: vitrine-pack build DIR -o PACK [--date YYYY-MM-DD]\n"
    "       vitrine-pack check PACK\n"
    "       vitrine-pack info PACK\n"
    "       vitrine-pack --help | --version\n"
    "\n"
    "build  reads the content directory DIR (pack.txt, about.txt, timeline.txt,\n"
    "       documents/*.txt, sources/) and writes the content pack PACK. Mistakes in\n"
    "       the sources are listed as 'file:line: what is wrong' and no pack is written.\n"
    "       The build date recorded is --date, else SOURCE_DATE_EPOCH, else none.\n"
    "check  validates PACK as the kiosk does: prints 'ok: ...' or the reason.\n"
    "info   prints PACK's version, build date and what it contains.\n";

static int usage_error(const char *what)
{
    fprintf(stderr, "vitrine-pack: %s\n%s", what, usage);
    return 2;
}

/* Fills date (11 bytes) from --date or SOURCE_DATE_EPOCH; returns 0, 1 for none, -1 if bad. */
static int build_date(const char *option, char *date)
{
    if (option) {
        snprintf(date, 11, "%s", option);
        return pack_text_date(option) == VT_DATE_DAY ? 0 : -1;
    }
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !epoch[0])
        return 1;
    char *end = NULL;
    errno = 0;
    long long secs = strtoll(epoch, &end, 10);
    struct tm tm;
    time_t t = (time_t)secs;
    if (errno || *end || secs < 0 || !gmtime_r(&t, &tm))
        return -1;
    return strftime(date, 11, "%Y-%m-%d", &tm) == 10 ? 0 : -1;
}

static int cmd_build(int argc, char **argv)
{
    const char *dir = NULL, *out = NULL, *date_opt = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
            date_opt = argv[++i];
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else
            return usage_error("build: unexpected argument");
    }
    if (!dir || !out)
        return usage_error("build needs DIR and -o PACK");
    char date[16] = "";
    int has_date = build_date(date_opt, date);
    if (has_date < 0)
        return usage_error("the build date (--date or SOURCE_DATE_EPOCH) is not a valid date");
    VtDiag diag = {0};
    VtSource src;
    if (source_parse_dir(&src, dir, &diag) != 0) {
        diag_print(&diag, stderr);
        fprintf(stderr, "vitrine-pack: %zu error%s; no pack written\n", diag.n,
                diag.n == 1 ? "" : "s");
        diag_free(&diag);
        return 1;
    }
    char err[600];
    int rc = pack_build(&src, out, has_date == 0 ? date : NULL, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "vitrine-pack: %s\n", err);
    else
        printf("built %s: pack version %ld, %zu documents, %zu timeline events\n", out, src.version,
               src.ndocs, src.nevents);
    source_free(&src);
    diag_free(&diag);
    return rc == 0 ? 0 : 1;
}

static int cmd_check(int argc, char **argv)
{
    if (argc != 1)
        return usage_error("check needs exactly one PACK");
    char err[600];
    if (pack_check_path(argv[0], err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", argv[0], err);
        return 1;
    }
    printf("ok: %s is a valid content pack\n", argv[0]);
    return 0;
}

static int cmd_info(int argc, char **argv)
{
    if (argc != 1)
        return usage_error("info needs exactly one PACK");
    char err[600];
    if (pack_info_print(argv[0], stdout, err, sizeof err) != 0) {
        fprintf(stderr, "%s: %s\n", argv[0], err);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("no command given");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("vitrine-pack %s\n", VITRINE_VERSION);
        return 0;
    }
    if (strcmp(cmd, "build") == 0)
        return cmd_build(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "info") == 0)
        return cmd_info(argc - 2, argv + 2);
    return usage_error("unknown command");
}
