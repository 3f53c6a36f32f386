/*
 * vitrine-import: the command-line front of import.h, run by udev/systemd when a stick is
 * mounted (install), by the staff screen (rollback, status), or by hand.
 *
 * main() owns everything: the keyring, the I/O table (with the crash wrapper of crash_io.h
 * only when VITRINE_CRASH_AT is set, for the crash test) and the configuration; no state is
 * global. The staff-facing result goes to stdout and to the store's status file; the technical
 * log goes to stderr, which is the journal on the device.
 *
 * Exit codes: 0 done (installed, rolled back, status shown); 1 refused (the pack or rollback
 * was not acceptable; the store is unchanged); 2 usage error; 3 the kiosk failed (storage
 * error, no space, no trusted keys, another import running); 4 the stick has no content pack.
 */
#include "buf.h"
#include "config.h"
#include "crash_io.h"
#include "import.h"
#include "keyring.h"
#include "log.h"
#include "packinfo.h"
#include "store.h"
#include "store_status.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXIT_USAGE 2
#define EXIT_KIOSK 3

typedef struct {
    const char *config;   /* --config, else /etc/vitrine/vitrine.conf when it exists */
    const char *keys_dir; /* from the config: where the trusted *.pub files are */
    int store_set, max_set;
    const char *store_dir;
    const char *key_files[VT_KEYRING_MAX];
    size_t nkey_files;
    uint64_t max_size;
    const char *command;
    const char *mountpoint;
} VtArgs;

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: vitrine-import [--store DIR] [--keys FILE]... [--max-size BYTES] install "
            "MOUNTPOINT\n"
            "       vitrine-import [--store DIR] rollback\n"
            "       vitrine-import [--store DIR] status\n"
            "\n"
            "Installs the signed content pack vitrine/content.vpack (with its minisign\n"
            "signature vitrine/content.vpack.minisig) from a USB stick mounted at MOUNTPOINT,\n"
            "rolls back to the previous pack, or shows the last result.\n"
            "\n"
            "  --store DIR       the pack store (default " VT_STORE_DEFAULT_DIR ")\n"
            "  --keys FILE       a trusted minisign public key; repeat for several\n"
            "                    (default: every *.pub in " VT_KEYRING_DEFAULT_DIR ")\n"
            "  --max-size BYTES  largest pack accepted (default 67108864, 64 MiB)\n"
            "  --config FILE     settings (default " VT_CONFIG_PATH " when it exists):\n"
            "                    store_dir, keys_dir and max_pack_size, which the\n"
            "                    options above override\n"
            "  --help, --version\n"
            "\n"
            "Exit codes: 0 done, 1 refused (store unchanged), 2 usage error,\n"
            "3 kiosk failure (storage, space, no keys, busy), 4 no content pack on the stick.\n");
}

static int parse_size(const char *s, uint64_t *out)
{
    char *end = NULL;
    if (!s[0] || s[0] == '-')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end != '\0' || v == 0)
        return -1;
    *out = v;
    return 0;
}

/* Applies one option; returns -1 to go on, or an exit code (help, version, usage error). */
static int apply_option(int c, VtArgs *a)
{
    switch (c) {
    case 's':
        a->store_dir = optarg;
        a->store_set = 1;
        return -1;
    case 'm': a->max_set = 1; return parse_size(optarg, &a->max_size) == 0 ? -1 : EXIT_USAGE;
    case 'c': a->config = optarg; return -1;
    case 'h': usage(stdout); return 0;
    case 'V': printf("vitrine-import %s\n", VITRINE_VERSION); return 0;
    case 'k':
        if (a->nkey_files == VT_KEYRING_MAX)
            return EXIT_USAGE;
        a->key_files[a->nkey_files++] = optarg;
        return -1;
    default: return EXIT_USAGE;
    }
}

/* Returns -1 to continue, or an exit code (help, version, usage error). */
static int parse_options(int argc, char **argv, VtArgs *a)
{
    static const struct option opts[] = {
        {"store", required_argument, NULL, 's'},
        {"keys", required_argument, NULL, 'k'},
        {"max-size", required_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {"config", required_argument, NULL, 'c'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        int rc = apply_option(c, a);
        if (rc == EXIT_USAGE)
            usage(stderr);
        if (rc >= 0)
            return rc;
    }
    return -1;
}

static int parse_command(int argc, char **argv, VtArgs *a)
{
    int rest = argc - optind;
    a->command = rest > 0 ? argv[optind] : "";
    if (strcmp(a->command, "install") == 0 && rest == 2) {
        a->mountpoint = argv[optind + 1];
        return -1;
    }
    if ((strcmp(a->command, "rollback") == 0 || strcmp(a->command, "status") == 0) && rest == 1)
        return -1;
    usage(stderr);
    return EXIT_USAGE;
}

/* Loads the trusted keys. Returns 0, or -1 with a one-line reason in err when a key file named
 * with --keys cannot be used (two keys in it, a secret key, ...). */
static int load_keys(const VtArgs *a, VtKeyring *kr, char *err, size_t errlen)
{
    if (a->nkey_files == 0) {
        if (keyring_add_dir(kr, a->keys_dir, err, errlen) < 0)
            log_error("import", "no key folder: %s", err);
        err[0] = '\0';
        return 0;
    }
    for (size_t i = 0; i < a->nkey_files; i++) {
        if (keyring_add_file(kr, a->key_files[i], err, errlen) != 0)
            return -1;
    }
    return 0;
}

static int show_status(const char *store_dir)
{
    VtStoreStatus st;
    char err[256];
    int rc = store_status_read(store_dir, &st, err, sizeof err);
    if (rc < 0) {
        log_error("import", "%s", err);
        return EXIT_KIOSK;
    }
    if (rc > 0)
        printf("No update has been imported yet.\n");
    else
        printf("%s\nresult: %s\nversion: %" PRId64 "\ntime: %" PRId64 "\n", st.message,
               reason_token(st.reason), st.version, st.time);
    VtBuf cur = {0};
    int64_t v = 0;
    buf_printf(&cur, "%s/%s", store_dir, VT_STORE_CURRENT);
    if (packinfo_version(buf_str(&cur), &v, err, sizeof err) == 0)
        printf("installed: version %" PRId64 "\n", v);
    else
        printf("installed: none\n");
    buf_free(&cur);
    return 0;
}

static int run(const VtArgs *a, const VtIo *io)
{
    VtKeyring keys = {0};
    VtImportResult res;
    VtImportConfig cfg = {
        .store_dir = a->store_dir,
        .keys = &keys,
        .max_size = a->max_size,
        .io = io,
        .now = (int64_t)time(NULL),
    };
    if (strcmp(a->command, "status") == 0)
        return show_status(a->store_dir);
    char keys_err[512] = "";
    if (strcmp(a->command, "rollback") == 0) {
        import_rollback(&cfg, &res);
    } else {
        if (load_keys(a, &keys, keys_err, sizeof keys_err) != 0)
            cfg.keys_error = keys_err; /* refused, said and recorded like any other failure */
        import_install(&cfg, a->mountpoint, &res);
    }
    printf("%s\n", res.message);
    return reason_exit_code(res.reason);
}

/* The config file's store_dir, keys_dir and max_pack_size, where no option set them: the
 * kiosk and the importer then agree on where the store is without repeating it in the units. */
static void apply_config(VtArgs *a, VtConfig *cfg)
{
    const char *path = a->config                           ? a->config
                       : access(VT_CONFIG_PATH, R_OK) == 0 ? VT_CONFIG_PATH
                                                           : NULL;
    if (path)
        config_load(cfg, path); /* bad lines are logged; their defaults stay */
    else
        config_defaults(cfg);
    if (!a->store_set)
        a->store_dir = cfg->store_dir;
    if (!a->max_set && cfg->max_pack_size > 0)
        a->max_size = (uint64_t)cfg->max_pack_size;
    a->keys_dir = cfg->keys_dir;
}

int main(int argc, char **argv)
{
    VtArgs a = {.store_dir = VT_STORE_DEFAULT_DIR};
    int rc = parse_options(argc, argv, &a);
    if (rc < 0)
        rc = parse_command(argc, argv, &a);
    if (rc >= 0)
        return rc;
    VtConfig cfg;
    apply_config(&a, &cfg);
    VtIo io = io_system();
    VtCrashIo crash;
    const char *at = getenv("VITRINE_CRASH_AT");
    if (at && atol(at) > 0)
        io = crash_io_wrap(&crash, &io, atol(at));
    return run(&a, &io);
}
