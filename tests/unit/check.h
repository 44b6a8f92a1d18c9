/*
 * check.h - the check macros of the unit tests, on GLib's test framework (GTest), header only.
 *
 * A test program defines `static void test_xxx(void)` functions and its main reads
 *
 *     int main(int argc, char **argv)
 *     {
 *         g_test_init(&argc, &argv, NULL);
 *         RUN(test_multi_select);              registers /ingest/multi-select
 *         RUN_AS("/ingest/odd-one", test_x);   or a path of its own
 *         return g_test_run();
 *     }
 *
 * RUN registers the function under /MODULE/NAME: MODULE is the file name without "test_"
 * and ".c", NAME the function's name without "test_", with dashes for underscores. A failed
 * check prints file:line and the values as a TAP comment ("# ...") and fails the test case
 * (g_test_fail), but the case goes on, so one run shows every failed check of it. GTest stops
 * at the first failed case unless given -k; tests/run.sh passes -k. Run one test with
 * `build/tests/test_ingest -p /ingest/multi-select`, list them with -l, or from make:
 * `make test T=/ingest/multi-select`. Programs run with the repository root as working
 * directory.
 */
#ifndef TNA_CHECK_H
#define TNA_CHECK_H

#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Failed checks so far in this program: a test can compare it before and after a block. */
static int check_failed_total;

G_GNUC_PRINTF(3, 4)
G_GNUC_NO_INLINE G_GNUC_UNUSED
    static void check_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    check_failed_total++;
    g_test_message("%s:%d: %s", file, line, text);
    g_free(text);
    g_test_fail();
}

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            check_fail(__FILE__, __LINE__, "check failed: %s", #cond);                             \
    } while (0)

#define CHECK_INT(a, b)                                                                            \
    do {                                                                                           \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                            \
        if (check_a_ != check_b_)                                                                  \
            check_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, check_a_, check_b_);  \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *check_a_ = (a), *check_b_ = (b);                                               \
        if (check_a_ == NULL || check_b_ == NULL || strcmp(check_a_, check_b_) != 0)               \
            check_fail(__FILE__, __LINE__, "%s == %s:\n  got      \"%s\"\n  expected \"%s\"",  \
                       #a, #b, check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");    \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                                      \
    do {                                                                                           \
        double check_a_ = (a), check_b_ = (b);                                                     \
        if (!(check_a_ - check_b_ <= (tol) && check_b_ - check_a_ <= (tol)))                       \
            check_fail(__FILE__, __LINE__, "%s ~ %s: %.9g != %.9g", #a, #b, check_a_, check_b_);   \
    } while (0)

/* Registers fn as the test case "/MODULE/NAME" (see above); file is the test's __FILE__. */
static inline void check_register(const char *file, const char *fn_name, void (*fn)(void))
{
    char *base = g_path_get_basename(file);
    const char *module = g_str_has_prefix(base, "test_") ? base + 5 : base;
    char *dot = strrchr(base, '.');
    if (dot != NULL)
        *dot = '\0';
    char *name = g_strdup(g_str_has_prefix(fn_name, "test_") ? fn_name + 5 : fn_name);
    g_strdelimit(name, "_", '-');
    char *path = g_strdup_printf("/%s/%s", module, name);
    g_test_add_func(path, fn);
    g_free(path);
    g_free(name);
    g_free(base);
}

#define RUN(fn)          check_register(__FILE__, #fn, fn)
#define RUN_AS(path, fn) g_test_add_func(path, fn)

#endif
