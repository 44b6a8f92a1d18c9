/*
 * check.h - the test harness: a few check macros and a runner, header only.
 *
 * A test program defines `static void test_xxx(void)` functions and lists them in main with
 * RUN(test_xxx); main ends with `return check_summary("name");`. A failed check prints
 * file:line and the values and counts against the test, but the test goes on, so one run
 * shows every failure. Programs run with the repository root as working directory.
 */
#ifndef TNA_CHECK_H
#define TNA_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed_total, check_count, check_tests, check_tests_failed;
static int check_failed_here;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        check_count++;                                                              \
        if (!(cond)) {                                                              \
            check_failed_total++, check_failed_here++;                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                           \
    } while (0)

#define CHECK_INT(a, b)                                                                     \
    do {                                                                                    \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                     \
        check_count++;                                                                      \
        if (check_a_ != check_b_) {                                                         \
            check_failed_total++, check_failed_here++;                                      \
            fprintf(stderr, "%s:%d: %s == %s: %lld != %lld\n", __FILE__, __LINE__, #a, #b, \
                    check_a_, check_b_);                                                    \
        }                                                                                   \
    } while (0)

#define CHECK_STR(a, b)                                                                    \
    do {                                                                                   \
        const char *check_a_ = (a), *check_b_ = (b);                                       \
        check_count++;                                                                     \
        if (check_a_ == NULL || check_b_ == NULL || strcmp(check_a_, check_b_) != 0) {     \
            check_failed_total++, check_failed_here++;                                     \
            fprintf(stderr, "%s:%d: %s == %s:\n  got      \"%s\"\n  expected \"%s\"\n",    \
                    __FILE__, __LINE__, #a, #b, check_a_ ? check_a_ : "(null)",            \
                    check_b_ ? check_b_ : "(null)");                                       \
        }                                                                                  \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                              \
    do {                                                                                   \
        double check_a_ = (a), check_b_ = (b);                                             \
        check_count++;                                                                     \
        if (!(check_a_ - check_b_ <= (tol) && check_b_ - check_a_ <= (tol))) {             \
            check_failed_total++, check_failed_here++;                                     \
            fprintf(stderr, "%s:%d: %s ~ %s: %.9g != %.9g\n", __FILE__, __LINE__, #a, #b,  \
                    check_a_, check_b_);                                                   \
        }                                                                                  \
    } while (0)

#define RUN(fn)                                                                  \
    do {                                                                         \
        check_failed_here = 0;                                                   \
        check_tests++;                                                           \
        fn();                                                                    \
        if (check_failed_here) {                                                 \
            check_tests_failed++;                                                \
            fprintf(stderr, "FAIL %s (%d failed checks)\n", #fn, check_failed_here); \
        }                                                                        \
    } while (0)

/* Prints "name: T tests, C checks, F failed" and returns the exit status. */
static inline int check_summary(const char *name)
{
    printf("%s: %d tests, %d checks, %d failed checks\n", name, check_tests, check_count,
           check_failed_total);
    printf("TESTS %d %d\n", check_tests - check_tests_failed, check_tests_failed);
    return check_failed_total ? 1 : 0;
}

#endif
