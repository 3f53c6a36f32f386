/* Unit tests of firmware/core: UTF-8 validation and decoding, the string buffer, the log ring. */
#include "buf.h"
#include "deadline.h"
#include "file.h"
#include "log.h"
#include "utf8.h"
#include "vt_test.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

static void utf8_accepts_dutch_and_typography(void)
{
    const char *s = "geïmplementeerde ‘Raffinaderij’ — “co” €";
    CHECK_INT(utf8_invalid_at(s, strlen(s)), (size_t)-1);
}

static void utf8_rejects_bad_sequences(void)
{
    CHECK_INT(utf8_invalid_at("ab\xC0\xAF", 4), 2);        /* overlong '/' */
    CHECK_INT(utf8_invalid_at("\xED\xA0\x80", 3), 0);      /* surrogate */
    CHECK_INT(utf8_invalid_at("x\xF4\x90\x80\x80", 5), 1); /* above U+10FFFF */
    CHECK_INT(utf8_invalid_at("\xE2\x82", 2), 0);          /* truncated */
    CHECK_INT(utf8_invalid_at("ok\xFF", 3), 2);
}

static void utf8_decode_round_trips(void)
{
    uint32_t cps[] = {0x41, 0xEF, 0x2019, 0x1F600};
    for (size_t i = 0; i < 4; i++) {
        char out[4];
        uint32_t back = 0;
        size_t n = utf8_encode(cps[i], out);
        CHECK(n > 0);
        CHECK_INT(utf8_decode(out, n, &back), n);
        CHECK_INT(back, cps[i]);
    }
    uint32_t cp;
    CHECK_INT(utf8_decode("\xFF"
                          "a",
                          2, &cp),
              1);
    CHECK_INT(cp, 0xFFFD);
}

static void buf_grows_and_formats(void)
{
    VtBuf b = {0};
    CHECK_STR(buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%d,", i);
    CHECK(b.len > 3000);
    CHECK(strncmp(buf_str(&b), "0,1,2,", 6) == 0);
    buf_clear(&b);
    buf_puts(&b, "x");
    char *p = buf_take(&b);
    CHECK_STR(p, "x");
    CHECK(b.data == NULL);
    free(p);
}

static void log_keeps_recent_lines(void)
{
    log_set_level(VT_LOG_ERROR); /* keep the test output quiet; the ring keeps everything */
    for (int i = 0; i < 40; i++)
        log_info("test", "line %d", i);
    char line[128];
    CHECK_INT(log_recent(0, line, sizeof line), 0);
    CHECK_STR(line, "test: line 39");
    CHECK_INT(log_recent(31, line, sizeof line), 0);
    CHECK_STR(line, "test: line 8");
    CHECK_INT(log_recent(32, line, sizeof line), -1);
}

static void file_read_is_bounded(void)
{
    char path[] = "/tmp/vt-test-core-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_INT(write(fd, "0123456789", 10), 10);
    close(fd);
    size_t len = 0;
    char *s = file_read(path, 0, &len);
    CHECK_STR(s, "0123456789");
    CHECK_INT(len, 10);
    free(s);
    errno = 0;
    CHECK(file_read(path, 4, &len) == NULL);
    CHECK_INT(errno, EFBIG);
    unlink(path);
    CHECK(file_read(path, 0, &len) == NULL);
    CHECK_INT(errno, ENOENT);
}

static void deadline_takes_the_earliest_and_means_none_by_nothing(void)
{
    VtDeadline d = deadline_none();
    CHECK_INT(deadline_wait_ms(&d, 1000), -1); /* nothing added: sleep until input */
    deadline_at(&d, 5000);
    deadline_in(&d, 1000, 2500); /* 3500 */
    deadline_at(&d, 9000);
    CHECK_INT(d.at, 3500);
    CHECK_INT(deadline_wait_ms(&d, 1000), 2500);
    CHECK_INT(deadline_wait_ms(&d, 4000), 0); /* passed: do not sleep */
    VtDeadline far = deadline_none();
    deadline_in(&far, 10, UINT64_MAX); /* no overflow into the past */
    CHECK(far.at > 10);
    CHECK_INT(deadline_wait_ms(&far, 10), INT_MAX);
}

int main(void)
{
    RUN(utf8_accepts_dutch_and_typography);
    RUN(utf8_rejects_bad_sequences);
    RUN(utf8_decode_round_trips);
    RUN(buf_grows_and_formats);
    RUN(log_keeps_recent_lines);
    RUN(file_read_is_bounded);
    RUN(deadline_takes_the_earliest_and_means_none_by_nothing);
    return vt_test_finish();
}
