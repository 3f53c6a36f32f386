/*
 * config: a table of keys, each with a parser that validates the whole value before it touches
 * the VtConfig (so a bad value leaves the default in place) and a formatter for the text form.
 * The reader is line-based with a fixed buffer; an over-long line, or one with a NUL byte, is
 * reported and skipped whole, never split into two (the tail of a comment must not become a
 * setting).
 */
#include "config.h"

#include "log.h"

#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LINE_LEN 1024

typedef int (*VtKeySet)(VtConfig *cfg, const char *value, char *why, size_t whylen);
typedef void (*VtKeyFormat)(const VtConfig *cfg, char *out, size_t outlen);

/* A key: its parser and formatter, or, for a whole number in a range (set and format NULL),
 * where the number is and its limits; the range is named here once, and config_range() tells
 * the command line and the tests of the documentation. */
typedef struct {
    const char *name;
    VtKeySet set;
    VtKeyFormat format;
    size_t field;     /* offsetof(VtConfig, an int) */
    int min, max;     /* the range, both included */
    const char *what; /* what the number counts, for the reason: "seconds" */
} VtKey;

#define INT_KEY(name, member, min, max, what)                                                      \
    {                                                                                              \
        name, NULL, NULL, offsetof(VtConfig, member), min, max, what                               \
    }

/* Copies s (which fits) into a fixed field and zeroes the rest of the field. */
static void field_set(char *field, size_t cap, const char *s)
{
    memset(field, 0, cap);
    memcpy(field, s, strnlen(s, cap - 1));
}

void config_defaults(VtConfig *cfg)
{
    /* memset first: padding and the tails of the strings are zero, so two VtConfigs holding
     * the same settings compare equal with memcmp (the tests rely on it). */
    memset(cfg, 0, sizeof *cfg);
    cfg->idle_timeout_s = 90;
    field_set(cfg->languages[0], VT_CONFIG_LANG_LEN, "nl");
    field_set(cfg->languages[1], VT_CONFIG_LANG_LEN, "en");
    cfg->language_count = 2;
    cfg->wake_minutes = 5;
    field_set(cfg->store_dir, VT_CONFIG_PATH_MAX, "/var/lib/vitrine");
    field_set(cfg->default_pack, VT_CONFIG_PATH_MAX, "/usr/share/vitrine/content.vpack");
    field_set(cfg->keys_dir, VT_CONFIG_PATH_MAX, "/etc/vitrine/keys");
    cfg->max_pack_size = 64LL * 1024 * 1024;
    cfg->text_scale = 100;
    cfg->read_aloud = 1;
    cfg->volume = 80;
}

static int bad(char *why, size_t whylen, const char *reason)
{
    snprintf(why, whylen, "%s", reason);
    return -1;
}

/* A whole decimal number in [min, max]; -1 if anything else. */
static int int_parse(const char *v, long min, long max, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (!isdigit((unsigned char)*v) || *end || errno || n < min || n > max)
        return -1;
    *out = (int)n;
    return 0;
}

static int set_languages(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    char langs[VT_CONFIG_MAX_LANGS][VT_CONFIG_LANG_LEN] = {{0}};
    int count = 0;
    for (const char *p = v; *p;) {
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz");
        if (n < 2 || n > 3 || (p[n] && !strchr(" \t,", p[n])))
            return bad(why, whylen, "expected language codes like \"nl en\"");
        if (count == VT_CONFIG_MAX_LANGS)
            return bad(why, whylen, "at most 4 languages");
        memcpy(langs[count], p, n);
        langs[count][n] = '\0';
        for (int i = 0; i < count; i++)
            if (strcmp(langs[i], langs[count]) == 0)
                return bad(why, whylen, "language twice");
        count++;
        p += n;
        p += strspn(p, " \t,");
    }
    if (count == 0)
        return bad(why, whylen, "at least one language");
    memcpy(cfg->languages, langs, sizeof langs);
    cfg->language_count = count;
    return 0;
}

static int set_rotate(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    int r;
    if (int_parse(v, 0, 270, &r) < 0 || r % 90 != 0)
        return bad(why, whylen, "expected 0, 90, 180 or 270");
    cfg->rotate = r;
    return 0;
}

static int set_schedule(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    return schedule_parse(&cfg->schedule, v, why, whylen);
}

static int set_pin(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    if (*v == '\0' || strcasecmp(v, "none") == 0) {
        field_set(cfg->staff_pin, sizeof cfg->staff_pin, "");
        return 0;
    }
    size_t n = strspn(v, "0123456789");
    if (v[n] || n < 4 || n > VT_CONFIG_PIN_MAX)
        return bad(why, whylen, "expected 4 to 12 digits, or none");
    field_set(cfg->staff_pin, sizeof cfg->staff_pin, v);
    return 0;
}

static int path_set(char *field, const char *v, int may_be_empty, char *why, size_t whylen)
{
    if (*v == '\0' && may_be_empty) {
        field_set(field, VT_CONFIG_PATH_MAX, "");
        return 0;
    }
    if (v[0] != '/')
        return bad(why, whylen, "expected an absolute path");
    if (strlen(v) >= VT_CONFIG_PATH_MAX)
        return bad(why, whylen, "path too long");
    field_set(field, VT_CONFIG_PATH_MAX, v);
    return 0;
}

static int set_pack(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    return path_set(cfg->pack, v, 1, why, whylen);
}

static int set_store(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    return path_set(cfg->store_dir, v, 0, why, whylen);
}

static int set_default_pack(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    return path_set(cfg->default_pack, v, 0, why, whylen);
}

static int set_keys(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    return path_set(cfg->keys_dir, v, 0, why, whylen);
}

static int set_max_pack(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    long long unit = 1;
    if (*end && !end[1]) {
        const char *units = "KMG", *u = strchr(units, toupper((unsigned char)*end));
        if (u)
            unit = 1LL << (10 * (u - units + 1)), end++;
    }
    if (!isdigit((unsigned char)*v) || *end || errno || n > (4LL << 30) / unit ||
        n * unit < (64LL << 10) || n * unit > (4LL << 30))
        return bad(why, whylen, "expected a size from 64K to 4G (bytes, or K, M, G)");
    cfg->max_pack_size = n * unit;
    return 0;
}

/* "auto", or the visible area's width and height in millimetres ("154x86"), in either order:
 * the kiosk matches the longer side to the longer side in pixels. */
static int set_screen_mm(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    int w = 0, h = 0, used = 0;
    if (strcmp(v, "auto") != 0 && (sscanf(v, "%d x %d%n", &w, &h, &used) != 2 || v[used] ||
                                   w < 20 || h < 20 || w > 3000 || h > 3000))
        return bad(why, whylen, "expected auto, or width x height in mm like 154x86 (20-3000)");
    cfg->screen_w_mm = w;
    cfg->screen_h_mm = h;
    return 0;
}

static int set_controls(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    if (strcmp(v, "top") && strcmp(v, "bottom"))
        return bad(why, whylen, "expected top or bottom");
    cfg->controls_bottom = !strcmp(v, "bottom");
    return 0;
}

static void fmt_screen_mm(const VtConfig *c, char *o, size_t n)
{
    if (c->screen_w_mm)
        snprintf(o, n, "%dx%d", c->screen_w_mm, c->screen_h_mm);
    else
        snprintf(o, n, "auto");
}
static void fmt_controls(const VtConfig *c, char *o, size_t n)
{
    snprintf(o, n, "%s", c->controls_bottom ? "bottom" : "top");
}
static int set_read_aloud(VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    if (strcasecmp(v, "on") && strcasecmp(v, "off"))
        return bad(why, whylen, "expected on or off");
    cfg->read_aloud = strcasecmp(v, "on") == 0;
    return 0;
}

static void fmt_read_aloud(const VtConfig *c, char *o, size_t n)
{
    snprintf(o, n, "%s", c->read_aloud ? "on" : "off");
}
static void fmt_rotate(const VtConfig *c, char *o, size_t n) { snprintf(o, n, "%d", c->rotate); }
static void fmt_pack(const VtConfig *c, char *o, size_t n) { snprintf(o, n, "%s", c->pack); }
static void fmt_store(const VtConfig *c, char *o, size_t n) { snprintf(o, n, "%s", c->store_dir); }
static void fmt_keys(const VtConfig *c, char *o, size_t n) { snprintf(o, n, "%s", c->keys_dir); }

static void fmt_schedule(const VtConfig *c, char *o, size_t n)
{
    schedule_format(&c->schedule, o, n);
}

static void fmt_default_pack(const VtConfig *c, char *o, size_t n)
{
    snprintf(o, n, "%s", c->default_pack);
}

static void fmt_pin(const VtConfig *c, char *o, size_t n)
{
    snprintf(o, n, "%s", c->staff_pin[0] ? c->staff_pin : "none");
}

static void fmt_languages(const VtConfig *c, char *o, size_t n)
{
    size_t used = 0;
    if (n)
        o[0] = '\0';
    for (int i = 0; i < c->language_count && used < n; i++) {
        int w = snprintf(o + used, n - used, "%s%s", i ? " " : "", c->languages[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static void fmt_max_pack(const VtConfig *c, char *o, size_t n)
{
    long long v = c->max_pack_size;
    if (v % (1LL << 30) == 0)
        snprintf(o, n, "%lldG", v >> 30);
    else if (v % (1LL << 20) == 0)
        snprintf(o, n, "%lldM", v >> 20);
    else if (v % (1LL << 10) == 0)
        snprintf(o, n, "%lldK", v >> 10);
    else
        snprintf(o, n, "%lld", v);
}

static const VtKey keys[] = {
    INT_KEY("idle_timeout", idle_timeout_s, 10, 3600, "seconds"),
    {"languages", set_languages, fmt_languages},
    {"rotate", set_rotate, fmt_rotate},
    {"schedule", set_schedule, fmt_schedule},
    INT_KEY("wake_minutes", wake_minutes, 0, 240, "minutes"),
    {"staff_pin", set_pin, fmt_pin},
    {"pack", set_pack, fmt_pack},
    {"store_dir", set_store, fmt_store},
    {"default_pack", set_default_pack, fmt_default_pack},
    {"keys_dir", set_keys, fmt_keys},
    {"max_pack_size", set_max_pack, fmt_max_pack},
    {"screen_mm", set_screen_mm, fmt_screen_mm},
    INT_KEY("text_scale", text_scale, 100, 200, "a percentage"),
    {"controls", set_controls, fmt_controls},
    {"read_aloud", set_read_aloud, fmt_read_aloud},
    INT_KEY("volume", volume, 0, 100, "a percentage"),
};
#define KEY_COUNT (sizeof keys / sizeof keys[0])

static const VtKey *key_find(const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(keys[i].name, name) == 0)
            return &keys[i];
    return NULL;
}

const char *config_key(size_t i) { return i < KEY_COUNT ? keys[i].name : NULL; }

int config_range(const char *key, int *min, int *max)
{
    const VtKey *k = key_find(key);
    if (!k || k->set)
        return -1;
    *min = k->min;
    *max = k->max;
    return 0;
}

/* The setter of every whole-number key: in its range, or the reason ("expected seconds, 10 to
 * 3600"). */
static int int_set(const VtKey *k, VtConfig *cfg, const char *v, char *why, size_t whylen)
{
    if (int_parse(v, k->min, k->max, (int *)((char *)cfg + k->field)) == 0)
        return 0;
    snprintf(why, whylen, "expected %s, %d to %d", k->what, k->min, k->max);
    return -1;
}

int config_set(VtConfig *cfg, const char *key, const char *value, char *why, size_t whylen)
{
    const VtKey *k = key_find(key);
    if (!k) {
        snprintf(why, whylen, "unknown key \"%.40s\"", key);
        return -1;
    }
    VtConfig next;
    memcpy(&next, cfg, sizeof next);
    if ((k->set ? k->set(&next, value, why, whylen) : int_set(k, &next, value, why, whylen)) < 0)
        return -1;
    memcpy(cfg, &next, sizeof next);
    return 0;
}

int config_format(const VtConfig *cfg, const char *key, char *out, size_t outlen)
{
    const VtKey *k = key_find(key);
    if (outlen)
        out[0] = '\0';
    if (!k)
        return -1;
    if (k->format)
        k->format(cfg, out, outlen);
    else
        snprintf(out, outlen, "%d", *(const int *)((const char *)cfg + k->field));
    return 0;
}

/* Cuts a comment ('#' at the start or after whitespace) and surrounding whitespace, in place. */
static char *line_clean(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p == '#' && (p == s || isspace((unsigned char)p[-1]))) {
            *p = '\0';
            break;
        }
    }
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

/* One line of the file, without its line end. Returns 0 when it was fine, -1 when rejected. */
static int line_apply(VtConfig *cfg, char *line, const char *path, int lineno)
{
    char *s = line_clean(line), why[160];
    if (*s == '\0')
        return 0;
    char *eq = strchr(s, '=');
    if (!eq) {
        log_warn("config", "%s:%d: expected key = value, ignoring the line", path, lineno);
        return -1;
    }
    *eq = '\0';
    char *key = line_clean(s), *value = line_clean(eq + 1);
    if (config_set(cfg, key, value, why, sizeof why) == 0)
        return 0;
    char def[VT_CONFIG_PATH_MAX];
    if (config_format(cfg, key, def, sizeof def) < 0) {
        log_warn("config", "%s:%d: %s, ignoring the line", path, lineno, why);
    } else {
        log_warn("config", "%s:%d: %s = \"%.60s\": %s; keeping %s", path, lineno, key, value, why,
                 def);
    }
    return -1;
}

/* Reads one line without its "\n" into line (LINE_LEN bytes, NUL-terminated); returns its
 * length, LINE_LEN when it is longer than LINE_LEN - 2 bytes (the rest is read and dropped, so
 * no tail of it is ever taken for a line of its own), or -1 at the end of the file. *nul is
 * set when the line holds a NUL byte, which would otherwise cut it short unseen. */
static long line_read(FILE *f, char *line, int *nul)
{
    long n = 0;
    int c;
    *nul = 0;
    while ((c = fgetc(f)) != EOF && c != '\n') {
        *nul |= c == '\0';
        if (n < LINE_LEN - 1)
            line[n] = (char)c;
        n += n < LINE_LEN;
    }
    if (c == EOF && n == 0)
        return -1;
    line[n < LINE_LEN ? n : LINE_LEN - 1] = '\0';
    return n > LINE_LEN - 2 ? LINE_LEN : n;
}

static int config_read(VtConfig *cfg, FILE *f, const char *path)
{
    char line[LINE_LEN];
    int lineno = 0, rejected = 0, nul;
    long n;
    while ((n = line_read(f, line, &nul)) >= 0) {
        lineno++;
        if (n == LINE_LEN || nul) { /* rejected whole: a split line could set another key */
            if (n == LINE_LEN)
                log_warn("config", "%s:%d: line longer than %d bytes, ignoring it", path, lineno,
                         LINE_LEN - 2);
            else
                log_warn("config", "%s:%d: line contains a NUL byte, ignoring it", path, lineno);
            rejected++;
            continue;
        }
        line[strcspn(line, "\r")] = '\0';
        char *s = line;
        if (lineno == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3;
        if (line_apply(cfg, s, path, lineno) < 0)
            rejected++;
    }
    if (ferror(f)) {
        log_error("config", "%s: read error after line %d", path, lineno);
        return -1;
    }
    return rejected;
}

int config_load(VtConfig *cfg, const char *path)
{
    if (!path)
        path = VT_CONFIG_PATH;
    config_defaults(cfg);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) {
            log_info("config", "%s: not there, using the defaults", path);
            return 0;
        }
        log_error("config", "%s: %s; using the defaults", path, strerror(errno));
        return -1;
    }
    int rejected = config_read(cfg, f, path);
    fclose(f);
    if (rejected < 0)
        config_defaults(cfg);
    else if (rejected > 0)
        log_warn("config", "%s: %d line(s) ignored", path, rejected);
    return rejected;
}
