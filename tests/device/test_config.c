/*
 * Tests of firmware/device/config: every key with good and bad values, the file reader
 * (comments, CRLF, byte order mark, over-long lines, missing and unreadable files), the
 * `file:line:` reports, and that the shipped toolchain/device/vitrine.conf documents every key
 * and parses to exactly the built-in defaults.
 */
#include "config.h"
#include "log.h"
#include "vt_test.h"

#include <stdlib.h>
#include <unistd.h>

static char tmpdir[64];

static const char *write_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    fputs(text, f);
    fclose(f);
    return path;
}

/* Whether one of the 32 most recent log lines contains needle. */
static int logged(const char *needle)
{
    char line[256];
    for (size_t i = 0; log_recent(i, line, sizeof line) == 0; i++)
        if (strstr(line, needle))
            return 1;
    return 0;
}

static void defaults_are_documented_values(void)
{
    VtConfig c;
    config_defaults(&c);
    CHECK_INT(c.idle_timeout_s, 90);
    CHECK_INT(c.language_count, 2);
    CHECK_STR(c.languages[0], "nl");
    CHECK_STR(c.languages[1], "en");
    CHECK_INT(c.rotate, 0);
    CHECK_INT(c.schedule.count, 0);
    CHECK_INT(c.wake_minutes, 5);
    CHECK_STR(c.staff_pin, "");
    CHECK_STR(c.pack, "");
    CHECK_STR(c.store_dir, "/var/lib/vitrine");
    CHECK_STR(c.default_pack, "/usr/share/vitrine/content.vpack");
    CHECK_STR(c.keys_dir, "/etc/vitrine/keys");
    CHECK_INT(c.max_pack_size, 64LL * 1024 * 1024);
    CHECK_INT(c.read_aloud, 1);
    CHECK_INT(c.volume, 80);
}

static void shipped_file_matches_defaults(void)
{
    char path[512], *text = NULL;
    snprintf(path, sizeof path, "%s/toolchain/device/vitrine.conf", getenv("VITRINE_SOURCE_DIR"));
    VtConfig c, d;
    config_defaults(&d);
    CHECK_INT(config_load(&c, path), 0);
    CHECK(memcmp(&c, &d, sizeof c) == 0);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    text = calloc(1, 65536);
    CHECK_INT(fread(text, 1, 65535, f) > 0, 1);
    fclose(f);
    for (size_t i = 0; config_key(i); i++) {
        char want[64], value[VT_CONFIG_PATH_MAX], line[400];
        snprintf(want, sizeof want, "\n%s =", config_key(i));
        CHECK(strstr(text, want) != NULL);
        /* the documented line is the default in its canonical form */
        config_format(&d, config_key(i), value, sizeof value);
        snprintf(line, sizeof line, "\n%s =%s%s\n", config_key(i), value[0] ? " " : "", value);
        if (!strstr(text, line))
            fprintf(stderr, "not in the file: %s", line + 1);
        CHECK(strstr(text, line) != NULL);
    }
    free(text);
}

/* The whole file at VITRINE_SOURCE_DIR/rel (caller frees), NULL when unreadable. */
static char *source_text(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", getenv("VITRINE_SOURCE_DIR"), rel);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *text = calloc(1, 65536);
    size_t n = fread(text, 1, 65535, f);
    fclose(f);
    text[n] = '\0';
    return text;
}

/* Whether text has "(MIN-MAX" between from and the end of its line (to, NULL: of from's line). */
static int states_range(const char *from, const char *to, int min, int max)
{
    char want[32];
    snprintf(want, sizeof want, "(%d-%d", min, max);
    const char *at = from ? strstr(from, want) : NULL;
    if (!to && from)
        to = strchr(from, '\n');
    return at && (!to || at < to);
}

/* The ranges of the whole-number keys are named once, in config.c; the settings file's comment
 * and the device README's table state the same (the command line prints them from it). */
static void ranges_are_documented_as_checked(void)
{
    char *conf = source_text("toolchain/device/vitrine.conf");
    char *readme = source_text("toolchain/device/README-device.md");
    CHECK(conf && readme);
    int ranges = 0;
    for (size_t i = 0; conf && readme && config_key(i); i++) {
        const char *key = config_key(i);
        int min, max;
        if (config_range(key, &min, &max) != 0)
            continue;
        ranges++;
        char want[64];
        snprintf(want, sizeof want, "\n%s =", key);
        const char *line = strstr(conf, want), *para = line;
        while (para && para > conf && strncmp(para, "\n\n", 2) != 0)
            para--; /* the comment above the key's line */
        if (!states_range(para, line, min, max))
            fprintf(stderr, "vitrine.conf does not say (%d-%d) for %s\n", min, max, key);
        CHECK(states_range(para, line, min, max));
        snprintf(want, sizeof want, "| `%s` |", key);
        if (!states_range(strstr(readme, want), NULL, min, max))
            fprintf(stderr, "README-device.md does not say (%d-%d) for %s\n", min, max, key);
        CHECK(states_range(strstr(readme, want), NULL, min, max));
    }
    CHECK_INT(ranges, 4);
    int min = 0, max = 0;
    CHECK_INT(config_range("rotate", &min, &max), -1);
    CHECK_INT(config_range("no_such_key", &min, &max), -1);
    free(conf);
    free(readme);
}

static void every_key_takes_good_values(void)
{
    static const char *const good[][3] = {
        {"idle_timeout", "120", "120"},
        {"idle_timeout", "10", "10"},
        {"idle_timeout", "3600", "3600"},
        {"languages", "en", "en"},
        {"languages", "en, nl", "en nl"},
        {"languages", "nl en de fr", "nl en de fr"},
        {"rotate", "90", "90"},
        {"rotate", "180", "180"},
        {"rotate", "270", "270"},
        {"rotate", "0", "0"},
        {"wake_minutes", "0", "0"},
        {"wake_minutes", "240", "240"},
        {"staff_pin", "0042", "0042"},
        {"staff_pin", "123456789012", "123456789012"},
        {"staff_pin", "none", "none"},
        {"staff_pin", "", "none"},
        {"pack", "/media/x.vpack", "/media/x.vpack"},
        {"pack", "", ""},
        {"store_dir", "/data/vitrine", "/data/vitrine"},
        {"default_pack", "/opt/p.vpack", "/opt/p.vpack"},
        {"keys_dir", "/etc/keys", "/etc/keys"},
        {"max_pack_size", "1G", "1G"},
        {"max_pack_size", "512k", "512K"},
        {"max_pack_size", "100000", "100000"},
        {"max_pack_size", "4G", "4G"},
        {"read_aloud", "off", "off"},
        {"read_aloud", "ON", "on"},
        {"volume", "0", "0"},
        {"volume", "100", "100"},
        {"schedule", "mon-fri 09:00-17:00, sat 10:00-16:00",
         "mon-fri 09:00-17:00, sat 10:00-16:00"},
        {"schedule", "always", "always"},
        {"schedule", "daily 9:30-24:00", "daily 09:30-24:00"},
        {"screen_mm", "154x86", "154x86"},
        {"screen_mm", "88 x 155", "88x155"},
        {"screen_mm", "auto", "auto"},
        {"text_scale", "150", "150"},
        {"text_scale", "200", "200"},
        {"controls", "bottom", "bottom"},
        {"controls", "top", "top"},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        VtConfig c;
        char why[160] = "", out[VT_CONFIG_PATH_MAX];
        config_defaults(&c);
        CHECK_INT(config_set(&c, good[i][0], good[i][1], why, sizeof why), 0);
        if (why[0])
            fprintf(stderr, "%s = %s: %s\n", good[i][0], good[i][1], why);
        CHECK_INT(config_format(&c, good[i][0], out, sizeof out), 0);
        CHECK_STR(out, good[i][2]);
    }
}

static void every_bad_value_keeps_the_default(void)
{
    static const char *const badv[][2] = {
        {"idle_timeout", ""},
        {"idle_timeout", "9"},
        {"idle_timeout", "3601"},
        {"idle_timeout", "-5"},
        {"idle_timeout", "90s"},
        {"idle_timeout", "ninety"},
        {"idle_timeout", "99999999999999999999"},
        {"languages", ""},
        {"languages", "NL"},
        {"languages", "nl en nl"},
        {"languages", "n"},
        {"languages", "nl en de fr it"},
        {"languages", "dutch"},
        {"rotate", "45"},
        {"rotate", "360"},
        {"rotate", "-90"},
        {"rotate", ""},
        {"wake_minutes", "241"},
        {"wake_minutes", "x"},
        {"wake_minutes", ""},
        {"staff_pin", "123"},
        {"staff_pin", "1234567890123"},
        {"staff_pin", "12a4"},
        {"staff_pin", "12 34"},
        {"pack", "relative.vpack"},
        {"store_dir", ""},
        {"store_dir", "var/lib"},
        {"default_pack", ""},
        {"keys_dir", "keys"},
        {"max_pack_size", "1K"},
        {"max_pack_size", "5G"},
        {"max_pack_size", "1T"},
        {"max_pack_size", "-1M"},
        {"max_pack_size", "64MB"},
        {"read_aloud", "yes"},
        {"read_aloud", ""},
        {"volume", "101"},
        {"volume", "-1"},
        {"volume", "50%"},
        {"max_pack_size", ""},
        {"schedule", ""},
        {"schedule", "weekdays 09:00-17:00"},
        {"schedule", "mon 17:00-09:00"},
        {"schedule", "mon 09:00-09:00"},
        {"schedule", "mon 09:00"},
        {"schedule", "mon 25:00-26:00"},
        {"schedule", "mon 09:60-10:00"},
        {"schedule", "mon-fri 09:00-17:00,"},
        {"schedule", "mon-xyz 09:00-17:00"},
        {"schedule", "mon 24:00-24:00"},
        {"screen_mm", ""},
        {"screen_mm", "154"},
        {"screen_mm", "154x86mm"},
        {"screen_mm", "0x0"},
        {"screen_mm", "10x5"},
        {"screen_mm", "154x5000"},
        {"text_scale", "99"},
        {"text_scale", "250"},
        {"text_scale", "150%"},
        {"controls", "left"},
        {"controls", ""},
        {"no_such_key", "1"},
    };
    char path[VT_CONFIG_PATH_MAX + 8];
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    VtConfig d;
    config_defaults(&d);
    for (size_t i = 0; i <= sizeof badv / sizeof badv[0]; i++) {
        const char *key = i < sizeof badv / sizeof badv[0] ? badv[i][0] : "store_dir";
        const char *value = i < sizeof badv / sizeof badv[0] ? badv[i][1] : path;
        VtConfig c = d;
        char why[160] = "";
        int r = config_set(&c, key, value, why, sizeof why);
        if (r == 0)
            fprintf(stderr, "accepted %s = \"%s\"\n", key, value);
        CHECK_INT(r, -1);
        CHECK(why[0] != '\0');
        CHECK(memcmp(&c, &d, sizeof c) == 0);
    }
}

static void file_reader_handles_comments_crlf_and_bom(void)
{
    const char *p = write_file("crlf.conf", "\xEF\xBB\xBFidle_timeout = 30\r\n"
                                            "# rotate = 90\r\n"
                                            "   \r\n"
                                            "\t# indented comment\r\n"
                                            "rotate=180   # upside down\r\n"
                                            "staff_pin = 2468\r\n"
                                            "keys_dir = /etc/vitrine/k#1\r\n"
                                            "languages = en nl");
    VtConfig c;
    CHECK_INT(config_load(&c, p), 0);
    CHECK_INT(c.idle_timeout_s, 30);
    CHECK_INT(c.rotate, 180);
    CHECK_STR(c.staff_pin, "2468");
    CHECK_STR(c.keys_dir, "/etc/vitrine/k#1");
    CHECK_STR(c.languages[0], "en");
    CHECK_INT(c.language_count, 2);
}

static void bad_lines_are_reported_with_file_and_line(void)
{
    const char *p = write_file("bad.conf", "idle_timeout = 30\n"
                                           "rotate = 45\n"
                                           "just some words\n"
                                           "colour = red\n"
                                           "wake_minutes = 7\n"
                                           "staff_pin = 12\n");
    VtConfig c;
    char want[200];
    CHECK_INT(config_load(&c, p), 4);
    CHECK_INT(c.idle_timeout_s, 30);
    CHECK_INT(c.rotate, 0);
    CHECK_INT(c.wake_minutes, 7);
    CHECK_STR(c.staff_pin, "");
    snprintf(want, sizeof want, "%s:2: rotate = \"45\"", p);
    CHECK(logged(want));
    CHECK(logged("keeping 0"));
    snprintf(want, sizeof want, "%s:3: expected key = value", p);
    CHECK(logged(want));
    snprintf(want, sizeof want, "%s:4: unknown key \"colour\"", p);
    CHECK(logged(want));
    snprintf(want, sizeof want, "%s:6: staff_pin", p);
    CHECK(logged(want));
}

static void over_long_line_is_skipped_whole(void)
{
    char text[3000];
    int n = snprintf(text, sizeof text, "rotate = 90\npack = /");
    memset(text + n, 'x', 2000);
    snprintf(text + n + 2000, sizeof text - (size_t)n - 2000, "\nidle_timeout = 60\n");
    const char *p = write_file("long.conf", text);
    VtConfig c;
    CHECK_INT(config_load(&c, p), 1);
    CHECK_INT(c.rotate, 90);
    CHECK_STR(c.pack, "");
    CHECK_INT(c.idle_timeout_s, 60);
    char want[200];
    snprintf(want, sizeof want, "%s:2: line longer", p);
    CHECK(logged(want));
}

/* Issue 11, item 7: a NUL byte hid the length of a line from the reader, so a comment over
 * 1,022 bytes was split and its tail applied as a setting (here store_dir); a shorter line was
 * cut at the NUL unseen. Both are rejected whole, with a file:line warning. */
static void nul_byte_line_is_rejected_whole(void)
{
    VtConfig d, c;
    config_defaults(&d);
    char text[3000];
    size_t n = (size_t)snprintf(text, sizeof text, "# comment");
    text[n++] = '\0';
    memset(text + n, 'x', 1023 - n); /* the old reader's next line began right here */
    n = 1023;
    n += (size_t)snprintf(text + n, sizeof text - n, "store_dir = /tmp/evil\nrotate = 90\n");
    const char *p = write_file("nul.conf", "");
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fwrite(text, 1, n, f);
    fwrite("rotate = 180", 1, 12, f); /* a short line with a NUL in it: ignored too */
    fwrite("\0junk\n", 1, 6, f);
    fclose(f);
    CHECK_INT(config_load(&c, p), 2);
    CHECK_STR(c.store_dir, d.store_dir);
    CHECK_INT(c.rotate, 90);
    char want[200];
    snprintf(want, sizeof want, "%s:1: line longer than 1022 bytes", p);
    CHECK(logged(want));
    snprintf(want, sizeof want, "%s:3: line contains a NUL byte", p);
    CHECK(logged(want));
}

static void missing_file_gives_defaults_and_a_note(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/none.conf", tmpdir);
    VtConfig c, d;
    config_defaults(&d);
    memset(&c, 0x5A, sizeof c);
    CHECK_INT(config_load(&c, p), 0);
    CHECK(memcmp(&c, &d, sizeof c) == 0);
    CHECK(logged("using the defaults"));
}

static void unreadable_file_gives_defaults_and_an_error(void)
{
    VtConfig c, d;
    config_defaults(&d);
    CHECK_INT(config_load(&c, tmpdir), -1); /* a directory: opens, then fails to read */
    CHECK(memcmp(&c, &d, sizeof c) == 0);
}

static void later_line_wins_and_empty_file_is_fine(void)
{
    VtConfig c;
    CHECK_INT(config_load(&c, write_file("twice.conf", "rotate = 90\nrotate = 270\n")), 0);
    CHECK_INT(c.rotate, 270);
    CHECK_INT(config_load(&c, write_file("empty.conf", "")), 0);
    CHECK_INT(c.rotate, 0);
    CHECK(config_key(0) != NULL);
    CHECK(config_key(100) == NULL);
    char out[8] = "x";
    CHECK_INT(config_format(&c, "nope", out, sizeof out), -1);
    CHECK_STR(out, "");
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vt-config-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    RUN(defaults_are_documented_values);
    RUN(shipped_file_matches_defaults);
    RUN(ranges_are_documented_as_checked);
    RUN(every_key_takes_good_values);
    RUN(every_bad_value_keeps_the_default);
    RUN(file_reader_handles_comments_crlf_and_bom);
    RUN(bad_lines_are_reported_with_file_and_line);
    RUN(over_long_line_is_skipped_whole);
    RUN(nul_byte_line_is_rejected_whole);
    RUN(missing_file_gives_defaults_and_a_note);
    RUN(unreadable_file_gives_defaults_and_an_error);
    RUN(later_line_wins_and_empty_file_is_fine);
    const char *names[] = {"crlf.conf",  "bad.conf",   "long.conf",
                           "twice.conf", "empty.conf", "nul.conf"};
    for (size_t i = 0; i < 5; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s/%s", tmpdir, names[i]);
        unlink(p);
    }
    rmdir(tmpdir);
    return vt_test_finish();
}
