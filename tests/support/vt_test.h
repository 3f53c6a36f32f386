/*
 * vt_test: the smallest harness that reports well. A test file defines static test functions
 * and calls them through RUN(); CHECK* record a failure with file:line and carry on, so one run
 * shows every broken expectation. main() returns vt_test_finish(), non-zero when anything failed,
 * which is what ctest reads. The closing line has the "N passed, N failed" form CI recognises.
 */
#ifndef VT_TEST_H
#define VT_TEST_H

#include <stdio.h>
#include <string.h>

static int vt_test_checks_failed_;
static int vt_test_passed_, vt_test_failed_;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
            vt_test_checks_failed_++;                                                              \
        }                                                                                          \
    } while (0)

#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long va_ = (long long)(a), vb_ = (long long)(b);                                      \
        if (va_ != vb_) {                                                                          \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a,    \
                    va_, #b, vb_);                                                                 \
            vt_test_checks_failed_++;                                                              \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *sa_ = (a), *sb_ = (b);                                                         \
        if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0) {                                               \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a,      \
                    sa_ ? sa_ : "(null)", sb_ ? sb_ : "(null)");                                   \
            vt_test_checks_failed_++;                                                              \
        }                                                                                          \
    } while (0)

#define RUN(fn)                                                                                    \
    do {                                                                                           \
        int before_ = vt_test_checks_failed_;                                                      \
        fn();                                                                                      \
        if (vt_test_checks_failed_ == before_) {                                                   \
            vt_test_passed_++;                                                                     \
        } else {                                                                                   \
            vt_test_failed_++;                                                                     \
            fprintf(stderr, "FAIL %s\n", #fn);                                                     \
        }                                                                                          \
    } while (0)

static inline int vt_test_finish(void)
{
    printf("%d passed, %d failed\n", vt_test_passed_, vt_test_failed_);
    return vt_test_failed_ ? 1 : 0;
}

#endif
