/*
 * config: the kiosk's settings file, /etc/vitrine/vitrine.conf.
 *
 * The file is written by a technician with nano over SSH or on a laptop, so the format is the
 * plainest there is: one `key = value` per line, `#` starts a comment (at the start of a line,
 * or after whitespace), blank lines are ignored, CRLF line ends and a UTF-8 byte order mark are
 * accepted. A kiosk that does not start is worse than one with a wrong setting, so nothing in
 * the file can stop it: defaults are filled in first, a missing file is a note in the log, and
 * every bad line is reported as `file:line: reason` (log_warn, tag "config") and skipped, the
 * key keeping its default. All fields are fixed-size, so a VtConfig owns no memory and can be
 * copied and dropped freely.
 *
 * The keys, their defaults and what they mean are documented in the shipped default file
 * (toolchain/device/vitrine.conf); a test checks that file parses to exactly these defaults.
 */
#ifndef VT_CONFIG_H
#define VT_CONFIG_H

#include "schedule.h"

#include <stddef.h>

#define VT_CONFIG_PATH "/etc/vitrine/vitrine.conf"
#define VT_CONFIG_MAX_LANGS 4
#define VT_CONFIG_LANG_LEN 4 /* "nl" plus NUL, with room for three-letter codes */
#define VT_CONFIG_PIN_MAX 12 /* digits */
#define VT_CONFIG_PATH_MAX 256

typedef struct {
    int idle_timeout_s; /* idle_timeout: back to the start screen after this many seconds */
    /* languages: the languages offered, the first is the one the kiosk starts and idles in */
    char languages[VT_CONFIG_MAX_LANGS][VT_CONFIG_LANG_LEN];
    int language_count;
    int rotate;                            /* rotate: 0, 90, 180 or 270 degrees clockwise */
    VtSchedule schedule;                   /* schedule: opening hours (empty = always) */
    int wake_minutes;                      /* wake_minutes: a touch outside hours lights it */
    char staff_pin[VT_CONFIG_PIN_MAX + 1]; /* staff_pin: "" = staff screen disabled */
    char pack[VT_CONFIG_PATH_MAX];         /* pack: "" = the store's current pack */
    char store_dir[VT_CONFIG_PATH_MAX];    /* store_dir: where imported packs are kept */
    char default_pack[VT_CONFIG_PATH_MAX]; /* default_pack: shipped with the .deb */
    char keys_dir[VT_CONFIG_PATH_MAX];     /* keys_dir: minisign public keys trusted */
    long long max_pack_size;               /* max_pack_size: bytes; bigger packs are refused */
    int screen_w_mm, screen_h_mm;          /* screen_mm: the visible area; 0x0 = as reported */
    int text_scale;                        /* text_scale: percent a visit starts at, 100-200 */
    int controls_bottom;                   /* controls: top (0) or bottom (1) */
    int read_aloud;                        /* read_aloud: the "Read aloud" control (on/off) */
    int volume;                            /* volume: read-aloud loudness, 0 to 100 percent */
} VtConfig;

/* Fills every field with its default. Cannot fail. */
void config_defaults(VtConfig *cfg);

/* Fills defaults, then reads the file at path (NULL: VT_CONFIG_PATH). Returns the number of
 * lines that were rejected (0 for a clean or missing file), or -1 when the file exists but
 * cannot be read (then cfg holds the defaults). Each problem is logged; cfg is always usable. */
int config_load(VtConfig *cfg, const char *path);

/* Sets one key from its text value, as a line of the file would. Returns 0, or -1 with a
 * one-line reason in why, leaving cfg unchanged. */
int config_set(VtConfig *cfg, const char *key, const char *value, char *why, size_t whylen);

/* The i-th key name (in the order of the default file), NULL past the last. Static storage. */
const char *config_key(size_t i);

/* The range of a whole-number key (idle_timeout, wake_minutes, text_scale, volume), both ends
 * included, for the command line and the documentation to state. Returns 0 with *min and *max
 * set, or -1 for any other key (then they are untouched). */
int config_range(const char *key, int *min, int *max);

/* Writes key's current value in the file's text form into out (truncated to outlen). Returns 0,
 * or -1 for an unknown key (out is then ""). */
int config_format(const VtConfig *cfg, const char *key, char *out, size_t outlen);

#endif
